// The stream that decompresses a layer blob: one for the copy engine, the store and the layer
// applier alike.

import { PassThrough, type Transform } from 'node:stream';
import type { LayerCompression } from './media-types.js';

// zlib's default 16 KiB output chunks cost a callback and a buffer each: for a big layer, more
// time than the inflating itself. Larger chunks cut that by an order of magnitude.
const CHUNK = 1024 * 1024;

/** It copies what it keeps of its input: a chunk written is free again once its callback ran. */
export function decompressor(compression: LayerCompression): Transform {
  // Loaded on first use: most commands (a run, a warm copy) decompress nothing.
  const zlib = process.getBuiltinModule('node:zlib');
  switch (compression) {
    case 'gzip':
      return zlib.createGunzip({ chunkSize: CHUNK });
    case 'zstd':
      return zlib.createZstdDecompress({ chunkSize: CHUNK });
    case 'none':
      return new PassThrough();
  }
}
