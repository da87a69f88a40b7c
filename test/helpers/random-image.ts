// Random-content images (any number and size of layers, streamed) and a multi-platform index fixture.

import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Descriptor, ImageIndex } from '../../src/core/manifest.js';
import { MediaType } from '../../src/core/media-types.js';
import { BUSYBOX_PATH, busyboxImage } from './busybox.js';
import {
  formatPlatform,
  hostPlatform,
  type ImageFixture,
  type ImageFormat,
  parsePlatform,
  type WrittenImage,
  writeImage,
} from './image-fixture.js';
import {
  addToIndex,
  blobPath,
  initLayout,
  type WrittenLayer,
  writeBlob,
  writeJsonBlob,
  writeLayer,
} from './oci-layout.js';

export interface RandomImageOptions {
  layers: number;
  /** Bytes of random content in each layer's one file (the tar and gzip add a little). */
  layerSize: number;
  /** Same seed, same options: byte-identical image. Default: a fresh random seed. */
  seed?: string | number;
  /** `os/arch[/variant]`; default the host's platform. */
  platform?: string;
  format?: ImageFormat;
  /** Layer compression for OCI images; docker images are always gzip. Default gzip. */
  compression?: 'gzip' | 'zstd' | 'none';
  /** Default `latest`. */
  tag?: string;
  /**
   * zlib level for gzip layers. Default 0 (stored blocks): random bytes do not compress at any
   * level, and level 1 runs at ~50 MB/s where 0 runs at ~1 GB/s, so 1 GiB layers stay quick.
   */
  gzipLevel?: number;
}

const CHUNK = 1024 * 1024;

/**
 * Writes an image of incompressible random layers into the OCI layout `dir` (created if
 * needed) and tags it. Layers are streamed, so 1 GiB layers need no more memory than 1 KiB ones.
 */
export async function randomImage(dir: string, options: RandomImageOptions): Promise<ImageFixture> {
  const tag = options.tag ?? 'latest';
  const image = await writeRandomImage(dir, options);
  await addToIndex(dir, image.manifestDescriptor, tag);
  return { ...image, tag, reference: `oci:${dir}:${tag}` };
}

async function writeRandomImage(dir: string, options: RandomImageOptions): Promise<WrittenImage> {
  if (!Number.isInteger(options.layers) || options.layers < 0) {
    throw new Error(`randomImage: layers must be a non-negative integer, got ${options.layers}`);
  }
  if (!Number.isSafeInteger(options.layerSize) || options.layerSize < 0) {
    throw new Error(
      `randomImage: layerSize must be a non-negative integer, got ${options.layerSize}`,
    );
  }
  const format = options.format ?? 'oci';
  const mediaType = layerMediaType(format, options.compression ?? 'gzip');
  const seed = String(options.seed ?? randomBytes(16).toString('hex'));
  await initLayout(dir);
  const layers: WrittenLayer[] = [];
  for (let i = 0; i < options.layers; i++) {
    layers.push(
      await writeLayer(
        dir,
        [
          { type: 'directory', name: 'random/' },
          {
            type: 'file',
            name: `random/layer-${i}.bin`,
            size: options.layerSize,
            content: randomStream(`${seed}/${i}`, options.layerSize),
          },
        ],
        { mediaType, level: mediaType.endsWith('zstd') ? 1 : (options.gzipLevel ?? 0) },
      ),
    );
  }
  return writeImage(dir, {
    layers,
    platform: options.platform ? parsePlatform(options.platform) : hostPlatform(),
    format,
    container: { Cmd: ['sh'], Labels: { 'lighter.test.seed': seed } },
  });
}

function layerMediaType(format: ImageFormat, compression: 'gzip' | 'zstd' | 'none'): string {
  if (format === 'docker') {
    if (compression !== 'gzip') throw new Error('randomImage: docker images need gzip layers');
    return MediaType.dockerLayerGzip;
  }
  if (compression === 'zstd') return MediaType.ociLayerZstd;
  if (compression === 'none') return MediaType.ociLayer;
  return MediaType.ociLayerGzip;
}

/**
 * `size` pseudo-random bytes for `seed`: the AES-256-CTR keystream of a key derived from the
 * seed. Fast (gigabytes a second), reproducible and, like any cipher output, incompressible.
 */
export async function* randomStream(seed: string, size: number): AsyncGenerator<Buffer> {
  const key = createHash('sha256').update(seed).digest();
  const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
  const zeros = Buffer.alloc(CHUNK);
  for (let left = size; left > 0; left -= CHUNK) {
    yield cipher.update(left >= CHUNK ? zeros : zeros.subarray(0, left));
  }
}

export interface MultiArchOptions {
  /** Default `latest`. */
  tag?: string;
  /** `docker` writes a manifest list of docker manifests. Default `oci`. */
  format?: ImageFormat;
  /**
   * Use the busybox layer in every platform's image (only the host's one can actually run, the
   * others carry the same bytes under another platform). Default: one small random layer each.
   */
  busybox?: boolean;
  /** Size of each random layer; default 4 KiB. */
  layerSize?: number;
}

export interface MultiArchFixture {
  layoutDir: string;
  tag: string;
  reference: string;
  indexDescriptor: Descriptor;
  index: ImageIndex;
  /** One image per platform, in the order given; the index lists them in the same order. */
  images: WrittenImage[];
}

/**
 * Writes an index (or docker manifest list) of one image per platform into the OCI layout `dir`
 * and tags the index. Deterministic for the same arguments.
 */
export async function multiArchImage(
  dir: string,
  platforms: readonly string[],
  options: MultiArchOptions = {},
): Promise<MultiArchFixture> {
  if (platforms.length === 0) throw new Error('multiArchImage: give at least one platform');
  const tag = options.tag ?? 'latest';
  const format = options.format ?? 'oci';
  await initLayout(dir);
  const shared = options.busybox ? await busyboxLayer(dir, format) : undefined;
  const images: WrittenImage[] = [];
  for (const text of platforms) {
    const platform = parsePlatform(text);
    const image = shared
      ? await writeImage(dir, {
          layers: [shared],
          platform,
          format,
          container: { Env: [`PATH=${BUSYBOX_PATH}`], Cmd: ['sh'] },
        })
      : await writeRandomImage(dir, {
          layers: 1,
          layerSize: options.layerSize ?? 4096,
          seed: `multi-arch/${formatPlatform(platform)}`,
          platform: text,
          format,
        });
    images.push(image);
  }
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: format === 'docker' ? MediaType.dockerManifestList : MediaType.ociIndex,
    manifests: images.map((image) => ({ ...image.manifestDescriptor, platform: image.platform })),
  };
  const indexDescriptor = await writeJsonBlob(dir, index, index.mediaType!);
  await addToIndex(dir, indexDescriptor, tag);
  return { layoutDir: dir, tag, reference: `oci:${dir}:${tag}`, indexDescriptor, index, images };
}

/** Copies the busybox layer blob into `dir`, typed for `format`. */
async function busyboxLayer(dir: string, format: ImageFormat): Promise<WrittenLayer> {
  const busybox = await busyboxImage();
  const layer = busybox.layers[0]!;
  const bytes = await readFile(blobPath(busybox.layoutDir, layer.digest));
  const mediaType = format === 'docker' ? MediaType.dockerLayerGzip : MediaType.ociLayerGzip;
  return { descriptor: await writeBlob(dir, bytes, mediaType), diffId: busybox.diffIds[0]! };
}
