// Platform lists from action inputs, checked for shape here and normalized by the engine.
import { type InputReader, inputError } from './inputs.js';

// os/arch[/variant]; the engine maps aliases (aarch64, x86_64) and matches index entries.
const PLATFORM = /^[a-z0-9_.-]+\/[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)?$/i;

export function getPlatforms(reader: InputReader, name: string): string[] {
  const platforms = reader.getList(name);
  for (const p of platforms) {
    if (!PLATFORM.test(p)) throw inputError(name, `expected OS/ARCH[/VARIANT], got "${p}"`);
  }
  return platforms;
}
