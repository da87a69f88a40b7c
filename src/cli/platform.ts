// Completes a partial --platform / --override-* choice with the host's values.
import type { Platform } from '../core/manifest.js';
import { hostPlatform, normalizePlatform } from '../core/platform.js';
import type { PlatformChoice } from './options.js';

export function completePlatform(choice: PlatformChoice): Platform {
  const host = hostPlatform();
  const platform: Platform = {
    os: choice.os ?? host.os,
    architecture: choice.architecture ?? host.architecture,
  };
  const variant = choice.variant ?? (choice.architecture === undefined ? host.variant : undefined);
  if (variant) platform.variant = variant;
  return normalizePlatform(platform);
}
