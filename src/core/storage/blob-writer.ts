// Writes a blob into the store whole or not at all, while a worker follows the file to hash (and unpack) it.

import { createHash, type Hash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Digest } from '../digest.js';
import { LighterError } from '../errors.js';
import { fsyncDir } from '../fs/atomic-write.js';
import type { ContentDigest } from '../fs/content-file.js';
import { pathExists } from '../fs/exists.js';
import type { LayerCompression } from '../media-types.js';
import { type FollowedBlob, followBlob } from './blob-pool.js';

export interface BlobExpectation {
  digest?: Digest;
  size?: number;
  /** Names the blob in messages. */
  what?: string;
}

export interface FollowedWriteOptions {
  /** Unpack the blob, a layer, into this existing empty directory while it is written. */
  unpackInto?: { dir: string; compression: LayerCompression | 'auto' };
  /**
   * The stream is verified against `expected.digest` on its way here, failing (so nothing gets
   * a name) on a mismatch, as the copy engine's streams are: the bytes are not hashed again.
   */
  verifiedUpstream?: boolean;
}

export interface WrittenBlob extends ContentDigest {
  /** With `unpackInto`: the layer's diff ID once the worker has unpacked it. */
  unpacked?: Promise<Digest>;
}

/**
 * The layout writer's protocol (a `.tmp-blob-<pid>-<hex>` file in the store root, fsynced,
 * renamed to its digest's path, the directory fsynced; an existing blob is kept), written with
 * gathered writes, hashed here unless verified upstream. With `unpackInto`, a worker thread
 * reads the file right behind the writer (from the page cache: the file is the tee) to unpack
 * it as a layer: this thread writes, the worker inflates, hashes the tar for the diff ID and
 * untars, so a pull uses two CPUs; undefined then when no worker is ready. A size or digest
 * other than `expected` fails before anything gets a final name.
 */
export async function writeFollowedBlob(
  storeDir: string,
  stream: Readable,
  expected: BlobExpectation,
  blobFile: (digest: Digest) => string,
  options: FollowedWriteOptions = {},
): Promise<WrittenBlob | undefined> {
  const unpackInto = options.unpackInto;
  // Trusted only with a digest to trust; the size is counted either way.
  const trusted = options.verifiedUpstream === true && expected.digest !== undefined;
  const what = expected.what ?? `blob ${expected.digest ?? ''}`;
  const temp = join(storeDir, `.tmp-blob-${process.pid}-${randomBytes(6).toString('hex')}`);
  // Read and write: the worker reads through this descriptor, and it is closed once the
  // worker is done with it.
  const handle = await open(temp, 'wx+', 0o644);
  let followed: FollowedBlob | undefined;
  const closeWhenRead = () => {
    const reading = followed ? followed.read.catch(() => {}) : Promise.resolve();
    void reading.then(() => handle.close()).catch(() => {});
  };
  try {
    followed = followBlob(handle.fd, {
      hash: false,
      ...(unpackInto ? { unpack: unpackInto } : {}),
    });
    if (!followed) {
      await handle.close();
      await rm(temp, { force: true });
      return undefined;
    }
    const sink = new FileSink(handle, followed, expected.size, what, !trusted);
    await pipeline(stream, sink);
    const size = sink.position;
    if (expected.size !== undefined && expected.size >= 0 && size !== expected.size) {
      throw sizeMismatch(what, expected.size, size);
    }
    followed?.end(size);
    const digest: Digest = sink.hash
      ? `sha256:${sink.hash.digest('hex')}`
      : (expected.digest as Digest);
    if (expected.digest !== undefined && digest !== expected.digest) {
      throw new LighterError(
        'ERR_DIGEST_MISMATCH',
        `${what}: digest mismatch: expected ${expected.digest}, got ${digest}`,
        { details: { expected: expected.digest, actual: digest } },
      );
    }
    const final = blobFile(digest);
    if (await pathExists(final)) {
      // Content-addressed: the file there holds these very bytes, and readers may have it open.
      await rm(temp, { force: true });
    } else {
      await mkdir(dirname(final), { recursive: true });
      await rename(temp, final);
      await fsyncDir(dirname(final));
    }
    closeWhenRead();
    return { digest, size, ...(followed?.unpacked ? { unpacked: followed.unpacked } : {}) };
  } catch (err) {
    await followed?.abort();
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw err;
  }
}

/** Hashes and writes chunks (gathered: one writev per batch), telling the worker how far the file is written. */
class FileSink extends Writable {
  position = 0;
  readonly hash: Hash | undefined;
  readonly #handle: Awaited<ReturnType<typeof open>>;
  readonly #followed: FollowedBlob | undefined;
  readonly #limit: number | undefined;
  readonly #what: string;
  #announced = 0;

  constructor(
    handle: Awaited<ReturnType<typeof open>>,
    followed: FollowedBlob | undefined,
    limit: number | undefined,
    what: string,
    hash: boolean,
  ) {
    super({ highWaterMark: 4 * 1024 * 1024 });
    this.hash = hash ? createHash('sha256') : undefined;
    this.#handle = handle;
    this.#followed = followed;
    this.#limit = limit !== undefined && limit >= 0 ? limit : undefined;
    this.#what = what;
  }

  override _writev(
    chunks: Array<{ chunk: Buffer; encoding: BufferEncoding }>,
    done: (error?: Error | null) => void,
  ): void {
    this.#write(chunks.map((c) => c.chunk)).then(() => done(), done);
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.#write([chunk]).then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    // Durable before it can get a name (and an index.json entry can point at it).
    this.#handle.sync().then(() => done(), done);
  }

  async #write(buffers: Buffer[]): Promise<void> {
    const total = buffers.reduce((n, b) => n + b.length, 0);
    if (this.#limit !== undefined && this.position + total > this.#limit) {
      throw sizeMismatch(this.#what, this.#limit, this.position + total);
    }
    if (this.hash) for (const b of buffers) this.hash.update(b);
    let pending = buffers;
    while (pending.length > 0) {
      const { bytesWritten } = await this.#handle.writev(pending, this.position);
      this.position += bytesWritten;
      pending = skip(pending, bytesWritten);
    }
    // Told a megabyte at a time (and the rest by `end`): each message wakes the worker for a
    // read and a decompressor round trip, and a write is often just one network read's worth.
    if (this.position - this.#announced >= ANNOUNCE_STEP) {
      this.#announced = this.position;
      this.#followed?.grow(this.position);
    }
  }
}

const ANNOUNCE_STEP = 1024 * 1024;

/** The buffers left after `n` bytes of them were written (writev may write less than all). */
function skip(buffers: Buffer[], n: number): Buffer[] {
  let left = n;
  const rest: Buffer[] = [];
  for (const b of buffers) {
    if (left >= b.length) {
      left -= b.length;
      continue;
    }
    rest.push(left > 0 ? b.subarray(left) : b);
    left = 0;
  }
  return rest;
}

function sizeMismatch(what: string, want: number, got: number): LighterError {
  return new LighterError(
    'ERR_SIZE_MISMATCH',
    `${what}: size mismatch: expected ${want} bytes, got ${got}${got > want ? ' or more' : ''}`,
    { details: { expected: want, actual: got } },
  );
}
