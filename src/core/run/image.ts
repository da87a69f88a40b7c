// The image a container starts from: found in the store, or pulled into it from its registry first.

import { errorMessage, isLighterError, LighterError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ContainerConfig } from '../manifest.js';
import type { Lease } from '../storage/lease.js';
import type { Store, StoredImage } from '../storage/store.js';
import type { RegistryAccess } from '../transport/types.js';

export interface ResolvedImage {
  image: StoredImage;
  /** What to show: the stored name the input meant, else the ID. */
  name: string;
  config: ContainerConfig;
}

export interface ResolveImageOptions {
  registry?: RegistryAccess;
  logger: Logger;
  /** `missing` (default): pull when the store lacks it; `never`: fail instead. */
  pull?: 'missing' | 'never';
}

const HEX_ID = /^(?:sha256:)?[a-f0-9]{12,64}$/;

/**
 * Finds `input` in the store (name or ID, as `Store.resolve` does); a name the store lacks is
 * pulled from its registry. Any failure is an ERR_NOT_FOUND-style error naming the image,
 * raised before anything is created.
 */
export async function resolveImage(
  store: Store,
  input: string,
  options: ResolveImageOptions,
): Promise<ResolvedImage> {
  let image: StoredImage;
  try {
    image = await store.resolve(input);
  } catch (error) {
    const missing = isLighterError(error, 'ERR_NOT_FOUND');
    if (!missing || options.pull === 'never' || HEX_ID.test(input)) throw error;
    options.logger.info(`Pulling ${input} (not in the store ${store.dir})`);
    try {
      // Loaded only when pulling: the registry client and undici are most of lighter's code,
      // and a container whose image is local (the usual case) starts sooner without them.
      const { pull } = await import('../storage/pull.js');
      image = (
        await pull(store, input, {
          ...(options.registry ? { registry: options.registry } : {}),
          logger: options.logger,
        })
      ).image;
    } catch (pullError) {
      throw new LighterError(
        isLighterError(pullError) ? pullError.code : 'ERR_NOT_FOUND',
        `image "${input}" is not in the store, and pulling it failed: ${errorMessage(pullError)}`,
        { cause: pullError },
      );
    }
  }
  const inspected = await store.inspect(image);
  return { image, name: displayName(image, input), config: inspected.config.config ?? {} };
}

/** The overlay lower dirs (top first), unpacking what is not unpacked yet, held by `lease`. */
export function imageLayers(store: Store, image: StoredImage, lease?: Lease): Promise<string[]> {
  return store.layerDirs(image, lease ? { lease } : {});
}

function displayName(image: StoredImage, input: string): string {
  if (HEX_ID.test(input)) return image.names[0] ?? image.id.slice(0, 12);
  return image.names.find((n) => n === input || n.endsWith(`/${input}`)) ?? image.names[0] ?? input;
}
