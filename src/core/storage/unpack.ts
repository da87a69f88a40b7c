// Unpacked layer directories: extracted into a temp dir, then renamed into place, so a present `layers/<chain ID>` is always complete.

import { createReadStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { decompressor } from '../decompress.js';
import type { Digest } from '../digest.js';
import { LighterError } from '../errors.js';
import { fsyncDir } from '../fs/atomic-write.js';
import type { Logger } from '../log.js';
import type { LayerCompression } from '../media-types.js';
import { applyAsRoot, layersAsRoot, mayHandleLayersAsRoot } from './as-root.js';
import { followBlob } from './blob-pool.js';
import { layerDirName } from './chain-id.js';
import { type AppliedLayer, applyLayer } from './layer/index.js';
import { tempName } from './leftovers.js';
import { removeTree } from './remove-tree.js';

export const LAYERS_DIR = 'layers';

export function layerPath(layersDir: string, chainId: Digest): string {
  return join(layersDir, layerDirName(chainId));
}

export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** A fresh, private directory under `layers/` to extract into. */
export async function makeTempLayerDir(layersDir: string): Promise<string> {
  await mkdir(layersDir, { recursive: true });
  const dir = join(layersDir, tempName('layer'));
  await mkdir(dir, { mode: 0o755 });
  return dir;
}

/**
 * Renames a complete extraction to `layers/<chain ID>`. When another process got there first
 * the directory is the same layer, so ours is dropped. True when ours was placed.
 */
export async function placeLayerDir(
  temp: string,
  layersDir: string,
  chainId: Digest,
): Promise<boolean> {
  const final = layerPath(layersDir, chainId);
  if (await isDirectory(final)) {
    await removeTree(temp);
    return false;
  }
  try {
    await rename(temp, final);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    await removeTree(temp);
    return false;
  }
  // File data is not synced (a layer dir can be unpacked again from its blob); the name is.
  await fsyncDir(layersDir);
  return true;
}

export interface UnpackOptions {
  compression: LayerCompression | 'auto';
  /** The diff ID the image config promises for this layer; a different tar is refused. */
  diffId: Digest;
  logger?: Logger;
  /** Names the layer in messages. */
  what: string;
}

/**
 * Extracts one layer from its stored blob file into place as `layers/<chain ID>`: in a worker
 * thread when there is one (which also re-checks the blob's digest on the way), else here.
 */
export async function unpackLayer(
  blob: { file: string; digest: Digest; size: number },
  layersDir: string,
  chainId: Digest,
  options: UnpackOptions,
): Promise<string> {
  const temp = await makeTempLayerDir(layersDir);
  try {
    let diffId: Digest;
    const followed = followBlob(blob.file, {
      hash: true,
      unpack: { dir: temp, compression: options.compression },
    });
    if (followed) {
      followed.end(blob.size);
      const [read, unpacked] = await Promise.allSettled([followed.read, followed.unpacked]);
      if (read.status === 'rejected') throw read.reason;
      if (unpacked.status === 'rejected') throw unpacked.reason;
      if (read.value.digest !== blob.digest) {
        throw new LighterError(
          'ERR_DIGEST_MISMATCH',
          `${options.what}: the stored blob is ${read.value.digest}, not ${blob.digest} (damaged on disk?)`,
          { details: { expected: blob.digest, actual: read.value.digest } },
        );
      }
      diffId = unpacked.value as Digest;
    } else {
      diffId = (
        await extractInto(createReadStream(blob.file), temp, options.compression, options.logger)
      ).diffId;
    }
    checkDiffId(diffId, options.diffId, options.what);
    await placeLayerDir(temp, layersDir, chainId);
  } catch (err) {
    await removeTree(temp).catch(() => {});
    throw err;
  }
  return layerPath(layersDir, chainId);
}

/**
 * Applies a layer tar with overlay-form whiteouts: each layer dir is one overlay lower dir. As
 * root through sudo when the layers are handled so (as-root.ts).
 */
export async function extractInto(
  input: Readable,
  dir: string,
  compression: LayerCompression | 'auto',
  logger: Logger | undefined,
): Promise<AppliedLayer> {
  // The synchronous check first: as root, the pipeline below must start in this very tick (a
  // blob worker writes into it at once; waiting a tick slowed a 9-layer pull by a quarter).
  if (mayHandleLayersAsRoot() && (await layersAsRoot())) {
    return applyAsRoot(input, dir, compression, logger);
  }
  const decode = layerDecoder(compression);
  const source = decode ? (pipeline(input, decode, () => {}) as unknown as Readable) : input;
  return applyLayer(source, dir, {
    whiteouts: 'overlay',
    compression: decode ? 'none' : compression,
    ...(logger ? { logger } : {}),
  });
}

/**
 * The decompressor for a layer blob (undefined when it is not compressed, or not known to be):
 * write the blob into it and hand it to `extractInto` as 'none'. It copies what it keeps of its
 * input, so a chunk written is free for reuse once its write callback has run.
 */
export function layerDecoder(compression: LayerCompression | 'auto'): Transform | undefined {
  return compression === 'gzip' || compression === 'zstd' ? decompressor(compression) : undefined;
}

export function checkDiffId(diffId: Digest, want: Digest, what: string): void {
  if (diffId !== want) {
    throw new LighterError(
      'ERR_DIGEST_MISMATCH',
      `${what}: the uncompressed layer is ${diffId}, but the image config says ${want}`,
      { details: { expected: want, actual: diffId } },
    );
  }
}
