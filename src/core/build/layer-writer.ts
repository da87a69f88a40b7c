// Writes build layers into the store: a tar streamed from entries (COPY, ADD, WORKDIR) or from an overlay upper dir (RUN), compressed, digested, claimed.

import { createReadStream } from 'node:fs';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { type Digest, DigestingStream } from '../digest.js';
import { LighterError } from '../errors.js';
import { MediaType } from '../media-types.js';
import { chainIds, layerDirName } from '../storage/chain-id.js';
import {
  encodeHeader,
  endOfArchive,
  padding,
  type TarHeader,
} from '../storage/layer/tar-header.js';
import { layerClaim } from '../storage/lease.js';
import type { Store } from '../storage/store.js';
import type { Claims } from './claims.js';

/** One layer of an image being built, as its manifest and config know it. */
export interface LayerRecord {
  /** Digest of the blob (compressed). */
  digest: Digest;
  diffId: Digest;
  size: number;
  mediaType: string;
}

/** A tar member: the header, and for files where its bytes come from. */
export interface TarItem {
  header: TarHeader;
  /** A host file to stream (its size must be `header.size`), or the bytes themselves. */
  source?: { path: string } | { data: Buffer } | { stream: () => AsyncIterable<Buffer> };
}

export interface WrittenLayer extends LayerRecord {
  /** Tar members written; 0 means the layer is empty. */
  entries: number;
  /** Bytes of the uncompressed tar. */
  uncompressedSize: number;
}

const CHUNK = 1024 * 1024;

/** The tar bytes of `items`, ending with the end-of-archive blocks. */
async function* tarBytes(
  items: AsyncIterable<TarItem>,
  counter: { entries: number },
): AsyncGenerator<Buffer> {
  for await (const item of items) {
    counter.entries++;
    yield encodeHeader(item.header);
    if (item.header.type !== 'file' || item.header.size === 0) continue;
    let left = item.header.size;
    const source = item.source;
    const chunks: AsyncIterable<Buffer> =
      source === undefined
        ? (async function* () {})()
        : 'path' in source
          ? createReadStream(source.path, { highWaterMark: CHUNK })
          : 'data' in source
            ? (async function* () {
                yield source.data;
              })()
            : source.stream();
    for await (const chunk of chunks) {
      const piece = chunk.length > left ? chunk.subarray(0, left) : chunk;
      left -= piece.length;
      if (piece.length > 0) yield piece;
      if (left === 0) break;
    }
    if (left !== 0) {
      throw new LighterError(
        'ERR_BUILD',
        `"${item.header.name}" changed while it was being read (${left} bytes short)`,
      );
    }
    const pad = padding(item.header.size);
    if (pad.length > 0) yield pad;
  }
  yield endOfArchive();
}

/** Sets the gzip header's OS byte to 255 ("unknown"), so a layer's digest is the same on every OS. */
class GzipOsByte extends Transform {
  #seen = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const OS_OFFSET = 9;
    if (this.#seen <= OS_OFFSET && this.#seen + chunk.length > OS_OFFSET) {
      chunk[OS_OFFSET - this.#seen] = 0xff;
    }
    this.#seen += chunk.length;
    done(null, chunk);
  }
}

/**
 * Streams `items` as a gzipped layer into the store and claims the blob in `lease`. The blob is
 * named by its digest only when complete; a blob that a concurrent prune removed between the
 * write and the claim is written again.
 */
export async function writeTarLayer(
  store: Store,
  lease: Claims,
  items: () => AsyncIterable<TarItem>,
): Promise<WrittenLayer> {
  for (let attempt = 0; ; attempt++) {
    const counter = { entries: 0 };
    const diff = new DigestingStream();
    const gzip = zlib.createGzip({ level: 6, chunkSize: CHUNK });
    const stream = pipeline(
      Readable.from(tarBytes(items(), counter)),
      diff,
      gzip,
      new GzipOsByte(),
      () => {},
    );
    const written = await store.putBlob(stream as unknown as Readable);
    const layer: WrittenLayer = {
      digest: written.digest,
      diffId: diff.digest,
      size: written.size,
      mediaType: MediaType.ociLayerGzip,
      entries: counter.entries,
      uncompressedSize: diff.size,
    };
    if ((await claimBlob(store, lease, layer)) || attempt > 0) return layer;
  }
}

/**
 * Streams an overlay upper dir (or a whole tree, `full`) as a gzipped layer into the store, with
 * whiteouts converted and mtimes clamped to `sourceDateEpoch`.
 */
export async function writeDirLayer(
  store: Store,
  lease: Claims,
  dir: string,
  options: { mode: 'overlay-upper' | 'full'; sourceDateEpoch?: number },
): Promise<WrittenLayer> {
  const { diffLayer } = await import('../storage/layer/diff.js');
  for (let attempt = 0; ; attempt++) {
    const diff = diffLayer(dir, {
      mode: options.mode,
      compression: 'gzip',
      ...(options.sourceDateEpoch !== undefined
        ? { sourceDateEpoch: options.sourceDateEpoch }
        : {}),
      logger: store.logger,
    });
    const [written, result] = await Promise.all([store.putBlob(diff.stream), diff.done]);
    const layer: WrittenLayer = {
      digest: written.digest,
      diffId: result.diffId,
      size: written.size,
      mediaType: MediaType.ociLayerGzip,
      entries: result.entries,
      uncompressedSize: result.uncompressedSize,
    };
    if ((await claimBlob(store, lease, layer)) || attempt > 0) return layer;
  }
}

/** Claims a freshly written blob; false when it vanished before the claim (a prune raced us). */
async function claimBlob(store: Store, lease: Claims, layer: LayerRecord): Promise<boolean> {
  await lease.claim([layer.digest]);
  return store.writer.hasBlob(layer);
}

/** Claims the unpacked dirs of `layers` (the chain IDs of the whole stack) in `lease`. */
export async function claimLayerDirs(
  lease: Claims,
  layers: readonly LayerRecord[],
): Promise<Digest[]> {
  const chains = chainIds(layers.map((l) => l.diffId));
  await lease.claim(chains.map((c) => layerClaim(layerDirName(c))));
  return chains;
}
