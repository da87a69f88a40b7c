// Manifest format conversion between OCI and Docker v2 schema 2 (the JSON shapes are the same;
// only media types and a few fields differ).

import { LighterError } from '../errors.js';
import type { Descriptor, ImageIndex, ImageManifest } from '../manifest.js';
import { layerCompression, MediaType } from '../media-types.js';
import { layerMediaType } from './compress.js';

export type ManifestFormat = 'oci' | 'v2s2';

export function formatOfManifestType(mediaType: string): ManifestFormat {
  return mediaType === MediaType.dockerManifest || mediaType === MediaType.dockerManifestList
    ? 'v2s2'
    : 'oci';
}

export function manifestTypeFor(format: ManifestFormat, kind: 'image' | 'index'): string {
  if (format === 'oci') return kind === 'image' ? MediaType.ociManifest : MediaType.ociIndex;
  return kind === 'image' ? MediaType.dockerManifest : MediaType.dockerManifestList;
}

function convertLayer(layer: Descriptor, format: ManifestFormat): Descriptor {
  const compression = layerCompression(layer.mediaType);
  if (compression === undefined) {
    throw new LighterError(
      'ERR_BAD_MEDIA_TYPE',
      `converting layer ${layer.digest}: unknown layer media type "${layer.mediaType}"`,
    );
  }
  const foreign =
    layer.mediaType === MediaType.dockerForeignLayerGzip ||
    layer.mediaType === MediaType.ociLayerNondistributableGzip;
  let mediaType: string;
  if (foreign && compression === 'gzip') {
    mediaType =
      format === 'oci' ? MediaType.ociLayerNondistributableGzip : MediaType.dockerForeignLayerGzip;
  } else {
    mediaType = layerMediaType(format, compression);
  }
  const out: Descriptor = { ...layer, mediaType };
  // Docker v2s2 descriptors have no annotations field.
  if (format === 'v2s2') delete out.annotations;
  return out;
}

/** Rewrites an image manifest's media types for `format`; layers keep their bytes. */
export function convertManifest(manifest: ImageManifest, format: ManifestFormat): ImageManifest {
  const isImageConfig =
    manifest.config.mediaType === MediaType.ociConfig ||
    manifest.config.mediaType === MediaType.dockerConfig;
  if (!isImageConfig) {
    throw new LighterError(
      'ERR_UNSUPPORTED',
      `converting manifest: config type "${manifest.config.mediaType}" is an artifact, not an image; artifacts cannot change format`,
    );
  }
  const out: ImageManifest = {
    schemaVersion: 2,
    mediaType: manifestTypeFor(format, 'image'),
    config: {
      ...manifest.config,
      mediaType: format === 'oci' ? MediaType.ociConfig : MediaType.dockerConfig,
    },
    layers: manifest.layers.map((l) => convertLayer(l, format)),
  };
  if (format === 'oci') {
    if (manifest.annotations) out.annotations = manifest.annotations;
    if (manifest.subject) out.subject = manifest.subject;
  } else {
    delete out.config.annotations;
  }
  return out;
}

/** Rewrites an index for `format`, with the given child descriptors. */
export function convertIndex(
  index: ImageIndex,
  format: ManifestFormat,
  children: Descriptor[],
): ImageIndex {
  const out: ImageIndex = {
    schemaVersion: 2,
    mediaType: manifestTypeFor(format, 'index'),
    manifests: children.map((d) => {
      const c: Descriptor = { ...d };
      if (format === 'v2s2') delete c.annotations;
      return c;
    }),
  };
  if (format === 'oci' && index.annotations) out.annotations = index.annotations;
  return out;
}

/** Serializes a manifest the way registries and skopeo do: compact JSON, fields in order. */
export function manifestBytes(value: ImageManifest | ImageIndex): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}
