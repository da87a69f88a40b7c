// An image as a build holds it between steps: its layers (blobs and unpacked dirs in the store), config and history.

import { createReadStream } from 'node:fs';
import type { Digest } from '../digest.js';
import { errorMessage, isLighterError, LighterError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ContainerConfig, HistoryEntry, ImageConfig, Platform } from '../manifest.js';
import { layerCompression } from '../media-types.js';
import { formatPlatform, platformMatches } from '../platform.js';
import { chainIds, layerDirName } from '../storage/chain-id.js';
import { layerClaim } from '../storage/lease.js';
import { removeTree } from '../storage/remove-tree.js';
import type { Store, StoredImage } from '../storage/store.js';
import {
  extractInto,
  isDirectory,
  layerPath,
  makeTempLayerDir,
  placeLayerDir,
} from '../storage/unpack.js';
import type { RegistryAccess } from '../transport/types.js';
import type { Claims } from './claims.js';
import type { LayerRecord } from './layer-writer.js';

export interface StageImage {
  /** What it is, for messages: an image name, `scratch`, or `stage 0 (builder)`. */
  name: string;
  layers: LayerRecord[];
  /** The full config (its rootfs is recomputed from `layers` at commit). */
  config: ImageConfig;
  history: HistoryEntry[];
  platform: Platform;
}

/** The identity of an image's filesystem: the chain ID of its top layer, or `scratch`. */
export function fsIdentity(layers: readonly LayerRecord[]): string {
  if (layers.length === 0) return 'scratch';
  return chainIds(layers.map((l) => l.diffId)).at(-1)!;
}

export function scratchImage(platform: Platform): StageImage {
  return {
    name: 'scratch',
    layers: [],
    config: {
      architecture: platform.architecture,
      os: platform.os,
      ...(platform.variant ? { variant: platform.variant } : {}),
      config: {},
      rootfs: { type: 'layers', diff_ids: [] },
    },
    history: [],
    platform,
  };
}

/**
 * The unpacked dirs of a layer stack, top first (overlayfs' lowerdir order), unpacking from the
 * store's blobs whatever is not unpacked yet. Claims every dir in `lease` first.
 */
export async function layerDirs(
  store: Store,
  lease: Claims,
  layers: readonly LayerRecord[],
): Promise<string[]> {
  if (layers.length === 0) return [];
  const chains = chainIds(layers.map((l) => l.diffId));
  await lease.claim([
    ...layers.map((l) => l.digest),
    ...chains.map((c) => layerClaim(layerDirName(c))),
  ]);
  await Promise.all(
    chains.map(async (chain, i) => {
      const path = layerPath(store.layersDir, chain);
      if (await isDirectory(path)) return;
      const layer = layers[i]!;
      const what = `unpacking layer ${layer.digest}`;
      store.logger.debug(what);
      await unpack(store, layer, chain, what);
    }),
  );
  return chains.map((c) => layerPath(store.layersDir, c)).reverse();
}

/** Extracts one layer blob into a temp dir under layers/ and renames it into place once its diff ID checks out. */
async function unpack(
  store: Store,
  layer: LayerRecord,
  chain: Digest,
  what: string,
): Promise<void> {
  const temp = await makeTempLayerDir(store.layersDir);
  try {
    const applied = await extractInto(
      createReadStream(store.writer.blobFile(layer.digest)),
      temp,
      layerCompression(layer.mediaType) ?? 'auto',
      store.logger,
    );
    if (applied.diffId !== layer.diffId) {
      throw new LighterError(
        'ERR_DIGEST_MISMATCH',
        `${what}: the uncompressed layer is ${applied.diffId}, but the image config says ${layer.diffId}`,
      );
    }
    await placeLayerDir(temp, store.layersDir, chain);
  } catch (err) {
    await removeTree(temp).catch(() => {});
    throw err;
  }
}

export interface BaseImageOptions {
  /** Registry access for a reference's registry (credentials only where they belong). */
  registry?: (name: string) => RegistryAccess | undefined;
  logger: Logger;
}

/**
 * FROM images (and COPY --from / RUN --mount from= images): found in the store, or pulled into
 * it when missing, one lookup per name and platform for the whole build.
 */
export class BaseImages {
  readonly #store: Store;
  readonly #lease: Claims;
  readonly #options: BaseImageOptions;
  readonly #images = new Map<string, Promise<StageImage>>();

  constructor(store: Store, lease: Claims, options: BaseImageOptions) {
    this.#store = store;
    this.#lease = lease;
    this.#options = options;
  }

  get(name: string, platform: Platform): Promise<StageImage> {
    const key = `${name} ${formatPlatform(platform)}`;
    let image = this.#images.get(key);
    if (!image) {
      image = this.#load(name, platform);
      this.#images.set(key, image);
      image.catch(() => this.#images.delete(key));
    }
    return image;
  }

  /** The runtime config the planner needs to expand a stage built on `name`. */
  async config(name: string, platform: Platform): Promise<ContainerConfig> {
    return (await this.get(name, platform)).config.config ?? {};
  }

  async #load(name: string, platform: Platform): Promise<StageImage> {
    const store = this.#store;
    const logger = this.#options.logger;
    let stored: StoredImage | undefined;
    try {
      stored = await store.resolve(name);
    } catch (err) {
      if (!isLighterError(err, 'ERR_NOT_FOUND')) throw err;
    }
    if (stored) {
      const inspected = await store.inspect(stored, { platform }).catch(() => undefined);
      const config = inspected?.config;
      const matches =
        config &&
        platformMatches(platform, {
          os: config.os,
          architecture: config.architecture,
          ...(config.variant ? { variant: config.variant } : {}),
        });
      if (!matches) {
        logger.info(`${name} in the store is not for ${formatPlatform(platform)}; pulling it`);
        stored = undefined;
      }
    }
    if (!stored) {
      logger.info(`Pulling ${name} (${formatPlatform(platform)}): not in the store yet`);
      try {
        const { pull } = await import('../storage/pull.js');
        stored = (
          await pull(store, name, {
            platform,
            logger,
            ...(this.#options.registry?.(name) ? { registry: this.#options.registry(name) } : {}),
          })
        ).image;
      } catch (err) {
        const notFound = isLighterError(err, 'ERR_NOT_FOUND') || isLighterError(err, 'ERR_DENIED');
        throw new LighterError(
          notFound ? 'ERR_NOT_FOUND' : isLighterError(err) ? err.code : 'ERR_REGISTRY',
          `pulling ${name}: ${errorMessage(err)}`,
          { cause: err },
        );
      }
    }
    const inspected = await store.inspect(stored, { platform });
    const { manifest, config } = inspected;
    await this.#lease.claim([
      inspected.digest,
      manifest.config.digest,
      ...manifest.layers.map((l) => l.digest),
    ]);
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== manifest.layers.length) {
      throw new LighterError(
        'ERR_BAD_MANIFEST',
        `${name}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length}`,
      );
    }
    return {
      name,
      layers: manifest.layers.map((l, i) => ({
        digest: l.digest,
        diffId: diffIds[i] as Digest,
        size: l.size,
        mediaType: l.mediaType,
      })),
      config,
      history: [...(config.history ?? [])],
      platform: {
        os: config.os,
        architecture: config.architecture,
        ...(config.variant ? { variant: config.variant } : {}),
      },
    };
  }
}
