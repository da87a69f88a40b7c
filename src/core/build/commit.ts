// Writing built images into the store: config and manifest blobs in OCI or Docker form, then index.json entries.

import { type Digest, digestOf } from '../digest.js';
import type { Descriptor, ImageConfig, ImageIndex, ImageManifest, Platform } from '../manifest.js';
import { layerCompression, MediaType } from '../media-types.js';
import type { Store } from '../storage/store.js';
import type { Claims } from './claims.js';
import type { LayerRecord } from './layer-writer.js';
import type { ImageFormat } from './types.js';

/** Canonical JSON bytes: what gets hashed is exactly what is stored. */
function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

/** A small JSON blob (a config, a manifest, an index), ready to write: its bytes and descriptor. */
export interface JsonBlob {
  descriptor: Descriptor;
  bytes: Buffer;
}

export function jsonBlob(value: unknown, mediaType: string): JsonBlob {
  const bytes = jsonBytes(value);
  return { descriptor: { mediaType, digest: digestOf(bytes), size: bytes.length }, bytes };
}

/**
 * Writes small blobs into the store, claimed first in one round trip and then written at once:
 * each write ends with fsyncs, and overlapping them costs little more than one.
 */
export async function putJsonBlobs(
  store: Store,
  lease: Claims,
  blobs: readonly JsonBlob[],
): Promise<void> {
  if (blobs.length === 0) return;
  await lease.claim(blobs.map((b) => b.descriptor.digest));
  await Promise.all(
    blobs.map(async (b) => {
      if (await store.writer.hasBlob(b.descriptor)) return;
      await store.writer.putBytes(b.bytes, {
        digest: b.descriptor.digest,
        size: b.bytes.length,
        what: `${b.descriptor.mediaType} ${b.descriptor.digest}`,
      });
    }),
  );
}

/** Puts small bytes (a config, a manifest) into the store under their digest, claimed first. */
export async function putJson(
  store: Store,
  lease: Claims,
  value: unknown,
  mediaType: string,
): Promise<Descriptor> {
  const blob = jsonBlob(value, mediaType);
  await putJsonBlobs(store, lease, [blob]);
  return blob.descriptor;
}

/** A layer's media type in the image's format (the bytes are the same gzip either way). */
export function layerMediaType(layer: LayerRecord, format: ImageFormat): string {
  if (layer.mediaType.includes('nondistributable') || layer.mediaType.includes('foreign')) {
    return layer.mediaType;
  }
  const compression = layerCompression(layer.mediaType) ?? 'gzip';
  if (format === 'docker') {
    return compression === 'none'
      ? 'application/vnd.docker.image.rootfs.diff.tar'
      : MediaType.dockerLayerGzip;
  }
  if (compression === 'zstd') return MediaType.ociLayerZstd;
  return compression === 'none' ? MediaType.ociLayer : MediaType.ociLayerGzip;
}

export interface WrittenImage {
  descriptor: Descriptor;
  manifest: ImageManifest;
  configDigest: Digest;
}

/**
 * Writes an image's config and manifest. `annotations` go in the manifest (OCI only: Docker
 * manifests have no such field). The descriptor carries the platform, for an index.
 */
export async function writeImage(
  store: Store,
  lease: Claims,
  config: ImageConfig,
  layers: readonly LayerRecord[],
  format: ImageFormat,
  annotations?: Record<string, string>,
): Promise<WrittenImage> {
  if (format === 'docker' && layers.some((l) => layerCompression(l.mediaType) === 'zstd')) {
    throw new Error('a Docker-format image cannot hold zstd layers; build with --format oci');
  }
  const configBlob = jsonBlob(
    config,
    format === 'docker' ? MediaType.dockerConfig : MediaType.ociConfig,
  );
  const configDescriptor = configBlob.descriptor;
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: format === 'docker' ? MediaType.dockerManifest : MediaType.ociManifest,
    config: configDescriptor,
    layers: layers.map((l) => ({
      mediaType: layerMediaType(l, format),
      digest: l.digest,
      size: l.size,
    })),
    ...(format === 'oci' && annotations && Object.keys(annotations).length > 0
      ? { annotations }
      : {}),
  };
  const manifestBlob = jsonBlob(manifest, manifest.mediaType as string);
  await putJsonBlobs(store, lease, [configBlob, manifestBlob]);
  const descriptor = manifestBlob.descriptor;
  const platform: Platform = {
    os: config.os,
    architecture: config.architecture,
    ...(config.variant ? { variant: config.variant } : {}),
  };
  return {
    descriptor: { ...descriptor, platform },
    manifest,
    configDigest: configDescriptor.digest,
  };
}

/** An index over per-platform images (one build for several platforms). */
export async function writeIndex(
  store: Store,
  lease: Claims,
  images: readonly Descriptor[],
  format: ImageFormat,
  annotations?: Record<string, string>,
): Promise<Descriptor> {
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: format === 'docker' ? MediaType.dockerManifestList : MediaType.ociIndex,
    manifests: images.map((d) => ({ ...d })),
    ...(format === 'oci' && annotations && Object.keys(annotations).length > 0
      ? { annotations }
      : {}),
  };
  return putJson(store, lease, index, index.mediaType as string);
}

/** The smallest valid config for a stack of layers: what cache entries and cache mounts carry. */
export function bareConfig(platform: Platform, layers: readonly LayerRecord[]): ImageConfig {
  return {
    architecture: platform.architecture,
    os: platform.os,
    ...(platform.variant ? { variant: platform.variant } : {}),
    config: {},
    rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
  };
}
