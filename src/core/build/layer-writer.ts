// Writes build layers into the store: a tar streamed from entries (COPY, ADD, WORKDIR) or from an overlay upper dir (RUN), compressed, digested, claimed.

import { closeSync, constants, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { type Digest, DigestingStream } from '../digest.js';
import { LighterError } from '../errors.js';
import { MediaType } from '../media-types.js';
import { diffAsRoot, layersAsRoot } from '../storage/as-root.js';
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

/**
 * Fills chunks of CHUNK bytes with headers and file data read straight into them: every chunk
 * costs a trip through the digest and gzip streams, so a layer of 200 small files is a handful
 * of chunks, not a thousand; and no buffer is made per file, which keeps memory flat however
 * big the context.
 */
class ChunkWriter {
  #buf = Buffer.allocUnsafe(CHUNK);
  #pos = 0;
  readonly #full: Buffer[] = [];

  /** Copies `piece` in. */
  write(piece: Buffer): void {
    let offset = 0;
    while (offset < piece.length) {
      const n = piece.copy(this.#buf, this.#pos, offset);
      this.#pos += n;
      offset += n;
      if (this.#pos === CHUNK) this.#rotate();
    }
  }

  /** Reads `size` bytes of an open file in; false when the file ended early. */
  readFrom(fd: number, size: number): boolean {
    let left = size;
    while (left > 0) {
      const n = readSync(fd, this.#buf, this.#pos, Math.min(CHUNK - this.#pos, left), null);
      if (n === 0) return false;
      this.#pos += n;
      left -= n;
      if (this.#pos === CHUNK) this.#rotate();
    }
    return true;
  }

  /** Chunks filled since the last call (handed over: they are never written again). */
  take(): Buffer[] {
    return this.#full.splice(0);
  }

  /** What is left, as a last chunk. */
  rest(): Buffer | undefined {
    if (this.#pos === 0) return undefined;
    const out = this.#buf.subarray(0, this.#pos);
    this.#pos = 0;
    return out;
  }

  #rotate(): void {
    this.#full.push(this.#buf);
    this.#buf = Buffer.allocUnsafe(CHUNK);
    this.#pos = 0;
  }
}

function changed(name: string, left: number): LighterError {
  return new LighterError(
    'ERR_BUILD',
    `"${name}" changed while it was being read (${left} bytes short)`,
  );
}

/**
 * The tar bytes of `items`, ending with the end-of-archive blocks, in chunks of CHUNK. Host
 * files are read synchronously: a layer is thousands of small reads in a row, and a thread-pool
 * round trip (and a stream) for each costs more than the read.
 */
async function* tarBytes(
  items: AsyncIterable<TarItem>,
  counter: { entries: number },
): AsyncGenerator<Buffer> {
  const out = new ChunkWriter();
  for await (const item of items) {
    counter.entries++;
    const header = item.header;
    out.write(encodeHeader(header));
    if (header.type === 'file' && header.size > 0) {
      const source = item.source;
      let left = header.size;
      if (source && 'path' in source) {
        const fd = openSync(source.path, constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
          if (!out.readFrom(fd, header.size)) throw changed(header.name, -1);
        } finally {
          closeSync(fd);
        }
        left = 0;
      } else if (source) {
        const chunks: AsyncIterable<Buffer> | Iterable<Buffer> =
          'data' in source ? [source.data] : source.stream();
        for await (const chunk of chunks) {
          const piece = chunk.length > left ? chunk.subarray(0, left) : chunk;
          left -= piece.length;
          // Read to the end even past the size: an archive entry's data must be drained.
          if (piece.length > 0) out.write(piece);
          yield* out.take();
        }
      }
      if (left !== 0) throw changed(header.name, left);
      out.write(padding(header.size));
    }
    yield* out.take();
  }
  out.write(endOfArchive());
  yield* out.take();
  const rest = out.rest();
  if (rest) yield rest;
}

/**
 * gzip at level 4: on source trees and binaries it is two to three times as fast as the default
 * level 6 for a few percent more bytes, a good trade when a build waits for every layer.
 */
const GZIP_LEVEL = 4;
/** Input compressed as one gzip member; big layers are several members made in parallel. */
const GZIP_BLOCK = 4 * 1024 * 1024;

function gzip(): Transform {
  return new ParallelGzip();
}

/**
 * gzip that uses every core: the input is cut into blocks of GZIP_BLOCK bytes, each compressed
 * as a gzip member of its own on the thread pool, and the members are written in order. A
 * sequence of members is one valid gzip file (RFC 1952) that every image tool reads (Go's
 * reader, which containerd, Docker, skopeo and umoci use, reads them all by default); a layer
 * under GZIP_BLOCK is a single member, as a plain gzip writer makes it. The cut points depend
 * only on the bytes, so the result is as reproducible as before.
 */
class ParallelGzip extends Transform {
  readonly #inFlight: Promise<Buffer>[] = [];
  readonly #limit = Math.max(1, Math.min(8, availableParallelism()));
  #pending: Buffer[] = [];
  #pendingSize = 0;
  #members = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#pending.push(chunk);
    this.#pendingSize += chunk.length;
    this.#cut()
      .then(() => done())
      .catch(done);
  }

  override _flush(done: TransformCallback): void {
    const rest = Buffer.concat(this.#pending, this.#pendingSize);
    this.#pending = [];
    this.#pendingSize = 0;
    // An empty layer still needs one member; an exact multiple of the block needs no more.
    if (rest.length > 0 || this.#members + this.#inFlight.length === 0) this.#start(rest);
    (async () => {
      while (this.#inFlight.length > 0) this.#emit(await this.#inFlight.shift()!);
    })()
      .then(() => done())
      .catch(done);
  }

  async #cut(): Promise<void> {
    while (this.#pendingSize >= GZIP_BLOCK) {
      const all = Buffer.concat(this.#pending, this.#pendingSize);
      this.#start(all.subarray(0, GZIP_BLOCK));
      const rest = all.subarray(GZIP_BLOCK);
      this.#pending = rest.length > 0 ? [rest] : [];
      this.#pendingSize = rest.length;
      // Back-pressure: no more blocks in flight than there are cores.
      while (this.#inFlight.length >= this.#limit) this.#emit(await this.#inFlight.shift()!);
    }
  }

  #start(block: Buffer): void {
    this.#inFlight.push(
      new Promise<Buffer>((resolve, reject) => {
        zlib.gzip(block, { level: GZIP_LEVEL }, (err, out) => (err ? reject(err) : resolve(out)));
      }),
    );
  }

  #emit(member: Buffer): void {
    // The OS byte of the header: "unknown", so a layer's digest is the same on every OS.
    member[9] = 0xff;
    this.#members++;
    this.push(member);
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
    const stream = pipeline(
      Readable.from(tarBytes(items(), counter), { objectMode: false, highWaterMark: CHUNK }),
      diff,
      gzip(),
      () => {},
    );
    // Hashed here, not in the store's worker thread: a build's layers are made one at a time,
    // and starting a worker costs more than hashing a small layer.
    const written = await store.writer.putBlob(stream as unknown as Readable);
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
  // A RUN step's upper dir holds files only root may read when its layers are handled as root.
  const asRoot = await layersAsRoot();
  for (let attempt = 0; ; attempt++) {
    // The tar comes uncompressed and is gzipped here, at the builder's level.
    const diff = (asRoot ? diffAsRoot : diffLayer)(dir, {
      mode: options.mode,
      compression: 'none',
      ...(options.sourceDateEpoch !== undefined
        ? { sourceDateEpoch: options.sourceDateEpoch }
        : {}),
      logger: store.logger,
    });
    const compressed = pipeline(diff.stream, gzip(), () => {});
    const [written, result] = await Promise.all([
      store.writer.putBlob(compressed as unknown as Readable),
      diff.done,
    ]);
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
