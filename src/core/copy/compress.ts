// Layer (de)compression streams and the media types that go with each compression.

import type { Transform } from 'node:stream';
import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import { LighterError } from '../errors.js';
import { type LayerCompression, MediaType } from '../media-types.js';

export function compressor(compression: LayerCompression): Transform {
  switch (compression) {
    case 'gzip':
      // Level 6 is gzip's default and what skopeo and buildah write; higher costs CPU for little.
      return zlib.createGzip({ level: 6 });
    case 'zstd':
      return zlib.createZstdCompress();
    case 'none':
      return new PassThrough();
  }
}

/** The layer media type for a manifest format and compression. */
export function layerMediaType(format: 'oci' | 'v2s2', compression: LayerCompression): string {
  if (format === 'oci') {
    if (compression === 'gzip') return MediaType.ociLayerGzip;
    if (compression === 'zstd') return MediaType.ociLayerZstd;
    return MediaType.ociLayer;
  }
  if (compression === 'gzip') return MediaType.dockerLayerGzip;
  if (compression === 'none') return 'application/vnd.docker.image.rootfs.diff.tar';
  throw new LighterError(
    'ERR_UNSUPPORTED',
    'Docker v2 schema 2 manifests cannot describe zstd layers: use --format oci or gzip compression',
  );
}
