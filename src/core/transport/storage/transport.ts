// The `storage:NAME` transport: an image in lighter's local store (name, or image ID when reading).

import { errorMessage, LighterError } from '../../errors.js';
import { idPrefix, normalizeName } from '../../storage/names.js';
import type { ImageReference, Transport } from '../types.js';

/**
 * `image` is the full normalized name (`docker.io/library/busybox:latest`), as `docker pull`
 * and containers-storage read names; or, when the text is hex (`4c0f9a7d81`, `sha256:4c0f…`),
 * kept as typed: it may be an image ID, which only the store can tell when opened. The store
 * directory is not part of the name: it comes from `OpenOptions.storeDir` (default: the
 * user's store), so `storage:busybox` means the same image on every command line.
 */
export interface StorageReference extends ImageReference {
  readonly transport: 'storage';
  readonly image: string;
}

export function parseStorageReference(rest: string): StorageReference {
  if (rest === '') {
    throw new LighterError('ERR_BAD_REFERENCE', 'invalid image name "storage:": no image name');
  }
  if (idPrefix(rest) !== undefined && /^(?:sha256:)?[a-f0-9]+$/.test(rest)) {
    return { transport: 'storage', image: rest };
  }
  try {
    return { transport: 'storage', image: normalizeName(rest) };
  } catch (err) {
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `invalid image name "storage:${rest}": ${errorMessage(err)}`,
      { cause: err },
    );
  }
}

export const storageTransport = {
  name: 'storage',
  parse: parseStorageReference,
  format: (ref: StorageReference) => ref.image,
  openSource: async (ref, options?) =>
    (await import('./source.js')).openStorageSource(ref, options),
  openDestination: async (ref, options?) =>
    (await import('./destination.js')).openStorageDestination(ref, options),
} satisfies Transport<StorageReference>;
