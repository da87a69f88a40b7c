// `pull` and `push` for the CLI and actions: the copy engine between a registry (or any transport) and the store.
//
// These sit one level above the store (they drive the copy engine and the transports), so the
// store's own modules never import this file; callers import it directly.

import { type BlobProgress, type CopyOptions, type CopyResult, copyImage } from '../copy/copy.js';
import { LighterError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Platform } from '../manifest.js';
import { formatReference, parseReference } from '../reference.js';
import type { DockerImageReference } from '../transport/docker/transport.js';
import { openDestination, openSource, parseImageName, transportNames } from '../transport/index.js';
import { StorageDestination } from '../transport/storage/destination.js';
import { StorageSource } from '../transport/storage/source.js';
import type { ImageReference, RegistryAccess } from '../transport/types.js';
import { normalizeName } from './names.js';
import type { Store, StoredImage } from './store.js';

export interface PullOptions {
  registry?: RegistryAccess;
  /** The platform to pull from a multi-platform image (default this host's). */
  platform?: Platform;
  /** Store the whole index with every platform's image (default: one platform). */
  allPlatforms?: boolean;
  logger?: Logger;
  onProgress?: (event: BlobProgress) => void;
  /** Blobs fetched at once (the copy engine's default when omitted). */
  concurrency?: number;
}

export interface PullResult {
  /** The name stored, e.g. `docker.io/library/busybox:latest`. */
  name: string;
  image: StoredImage;
  copy: CopyResult;
}

/**
 * `docker://REF` → `storage:REF` through the copy engine: `busybox` is pulled from Docker Hub
 * as `docker.io/library/busybox:latest`. Layers are unpacked as they arrive, so the image is
 * ready for overlay when this returns.
 */
export async function pull(
  store: Store,
  reference: string,
  options: PullOptions = {},
): Promise<PullResult> {
  const text = reference.startsWith('docker://') ? reference.slice('docker://'.length) : reference;
  const ref = parseReference(text);
  const name = formatReference(ref);
  const sourceRef: DockerImageReference = { transport: 'docker', ...ref };
  const source = await openSource(sourceRef, {
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.registry ? { registry: options.registry } : {}),
  });
  let copy: CopyResult;
  try {
    const dest = await StorageDestination.open(store, name, { source: `docker://${name}` });
    try {
      copy = await copyImage(source, dest, {
        multiArch: options.allPlatforms ? 'all' : 'system',
        ...(options.platform ? { platform: options.platform } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      });
    } finally {
      await dest.close();
    }
  } finally {
    await source.close();
  }
  return { name, image: await store.resolve(name), copy };
}

export interface PushOptions
  extends Pick<
    CopyOptions,
    'format' | 'compression' | 'preserveDigests' | 'concurrency' | 'onProgress' | 'multiArch'
  > {
  registry?: RegistryAccess;
  logger?: Logger;
}

/**
 * Copies a stored image (name or ID) to `destination`: a transport-qualified name
 * (`docker://…`, `oci:dir:tag`, …), a plain registry reference (`ghcr.io/o/app:1`, taken as
 * docker://), or nothing for the registry the image is named after.
 */
export async function push(
  store: Store,
  image: string,
  destination?: string | ImageReference,
  options: PushOptions = {},
): Promise<CopyResult> {
  const source = await StorageSource.open(store, image);
  try {
    const target =
      typeof destination === 'object'
        ? destination
        : destinationOf(source.image, image, destination);
    const dest = await openDestination(target, {
      storeDir: store.dir,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.registry ? { registry: options.registry } : {}),
    });
    try {
      const { registry: _registry, ...copyOptions } = options;
      return await copyImage(source, dest, { multiArch: 'all', ...copyOptions });
    } finally {
      await dest.close();
    }
  } finally {
    await source.close();
  }
}

function destinationOf(
  image: StoredImage,
  input: string,
  destination: string | undefined,
): ImageReference {
  if (destination !== undefined) {
    const colon = destination.indexOf(':');
    const transport = colon > 0 ? destination.slice(0, colon) : '';
    if (transportNames().includes(transport)) return parseImageName(destination);
    return parseImageName(`docker://${destination}`);
  }
  // The name the user meant, when the image has several.
  let meant: string | undefined;
  try {
    meant = normalizeName(input);
  } catch {
    meant = undefined;
  }
  const name = meant !== undefined && image.names.includes(meant) ? meant : image.names[0];
  if (name === undefined) {
    throw new LighterError(
      'ERR_INVALID_ARGUMENT',
      `pushing ${input}: the image has no name, so give a destination`,
    );
  }
  return parseImageName(`docker://${name}`);
}
