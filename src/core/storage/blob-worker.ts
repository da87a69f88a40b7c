// The worker side of a blob being written: follows the temp file as it grows, hashing it and (for a layer) unpacking it, off the main thread.
// Run as a program instead of a worker, it is the layer helper (layer-helper.ts).

import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { isLighterError } from '../errors.js';
import type { LayerCompression } from '../media-types.js';
import { runLayerHelper } from './layer-helper.js';
import { extractInto, layerDecoder } from './unpack.js';

/** Main → worker. `grow` and `end` say how many bytes of the file are written (complete). */
export type BlobRequest =
  | {
      op: 'start';
      id: number;
      /** The file to read: an open descriptor of the writer's (shared by all threads), or a path. */
      fd?: number;
      file?: string;
      /** Hash what is read (else the writer hashes it). */
      hash: boolean;
      unpackDir?: string;
      compression?: LayerCompression | 'auto';
    }
  | { op: 'grow'; id: number; size: number }
  | { op: 'end'; id: number; size: number }
  | { op: 'abort'; id: number };

export interface WorkerError {
  code?: string;
  message: string;
}

/** Worker → main: `read` once every byte is read (with its sha256 if asked), `unpacked` when the layer is applied. */
export type BlobReply =
  | { op: 'read'; id: number; hex?: string; size: number }
  | { op: 'unpacked'; id: number; diffId?: string; error?: WorkerError }
  | { op: 'failed'; id: number; error: WorkerError }
  /** Last: the worker no longer touches the file or the unpack directory. */
  | { op: 'closed'; id: number }
  /** Once, when this module (and all it imports) has loaded: the worker can take blobs. */
  | { op: 'ready' };

const READ_SIZE = 1024 * 1024;
/** Reads that may be on their way to the unpacker, not yet taken by it. */
const READ_AHEAD = 4;

interface Follow {
  known: number;
  ended: boolean;
  aborted: boolean;
  wake?: () => void;
}

/** Until a message (or a buffer given back, or the sink closing) wakes the follow. */
function sleep(follow: Follow): Promise<void> {
  return new Promise((resolve) => {
    follow.wake = resolve;
  });
}

function wake(follow: Follow): void {
  const wake = follow.wake;
  follow.wake = undefined;
  wake?.();
}

/** Read buffers given back, for any blob's next reads (a pull follows several at once). */
const spare: Buffer[] = [];
const SPARE_MAX = 2 * READ_AHEAD;

/**
 * Up to `max` read buffers lent to a decompressor, each free again once its write callback has
 * run (it has consumed the bytes). A fresh megabyte per read instead made the worker's heap
 * run a full garbage collection every 64 MiB or so of layer, and fault in new pages.
 */
class ReadBuffers {
  readonly #max: number;
  readonly #onFree: () => void;
  #lent = 0;

  constructor(max: number, onFree: () => void) {
    this.#max = max;
    this.#onFree = onFree;
  }

  /** A free buffer, or undefined while `max` are lent. */
  take(): Buffer | undefined {
    if (this.#lent >= this.#max) return undefined;
    this.#lent++;
    return spare.pop() ?? Buffer.allocUnsafe(READ_SIZE);
  }

  give(buffer: Buffer): void {
    this.#lent--;
    if (spare.length < SPARE_MAX) spare.push(buffer);
    this.#onFree();
  }
}

function describe(err: unknown): WorkerError {
  return {
    ...(isLighterError(err) ? { code: err.code } : {}),
    message: err instanceof Error ? err.message : String(err),
  };
}

const port = parentPort;
// Run as a program (`node blob-worker.js OP ...`), not merely imported by something else.
if (!port && /blob-worker\.[jt]s$/.test(process.argv[1] ?? '')) {
  void runLayerHelper(process.argv.slice(2));
}
if (port) {
  port.postMessage({ op: 'ready' } satisfies BlobReply);
  const follows = new Map<number, Follow>();
  port.on('message', (m: BlobRequest) => {
    if (m.op === 'start') {
      const follow: Follow = { known: 0, ended: false, aborted: false };
      follows.set(m.id, follow);
      run(m, follow)
        .catch((err: unknown) => {
          port.postMessage({ op: 'failed', id: m.id, error: describe(err) } satisfies BlobReply);
        })
        .finally(() => {
          follows.delete(m.id);
          port.postMessage({ op: 'closed', id: m.id } satisfies BlobReply);
        });
      return;
    }
    const follow = follows.get(m.id);
    if (!follow) return;
    if (m.op === 'grow' || m.op === 'end') {
      follow.known = Math.max(follow.known, m.size);
      if (m.op === 'end') follow.ended = true;
    } else {
      follow.aborted = true;
    }
    wake(follow);
  });

  async function run(m: Extract<BlobRequest, { op: 'start' }>, follow: Follow): Promise<void> {
    const send = (reply: BlobReply) => port?.postMessage(reply);
    const ownFd = m.fd === undefined;
    const fd = m.fd ?? openSync(m.file as string, 'r');
    const hash = m.hash ? createHash('sha256') : undefined;
    let input: Writable | undefined;
    let unpacking: Promise<void> | undefined;
    // A compressed layer's reads go straight into its decompressor, which copies them: its
    // buffers are reused. Uncompressed bytes become the tar reader's file data, so each read
    // gets a buffer of its own.
    let buffers: ReadBuffers | undefined;
    if (m.unpackDir !== undefined) {
      const dir = m.unpackDir;
      const compression = m.compression ?? 'auto';
      const decoder = layerDecoder(compression);
      const stream = decoder ?? new PassThrough({ highWaterMark: READ_AHEAD * READ_SIZE });
      if (decoder) buffers = new ReadBuffers(READ_AHEAD, () => wake(follow));
      // Whatever waits for the sink also waits for its end.
      stream.on('close', () => wake(follow));
      input = stream;
      unpacking = extractInto(stream, dir, decoder ? 'none' : compression, undefined).then(
        (applied) => send({ op: 'unpacked', id: m.id, diffId: applied.diffId }),
        (err: unknown) => {
          // The blob is still hashed to the end: a bad tar is no reason to lose the download.
          input = undefined;
          send({ op: 'unpacked', id: m.id, error: describe(err) });
        },
      );
    }
    let offset = 0;
    let scratch: Buffer | undefined;
    try {
      for (;;) {
        if (follow.aborted) {
          input?.destroy(new Error('the blob write was abandoned'));
          await unpacking;
          return;
        }
        const sink = input && !input.destroyed ? input : undefined;
        if (offset < follow.known) {
          const lend = sink !== undefined && buffers !== undefined;
          let chunk: Buffer | undefined;
          // Read only to be hashed: one buffer does.
          if (!sink) chunk = scratch ??= Buffer.allocUnsafe(READ_SIZE);
          else if (lend) chunk = buffers?.take();
          else chunk = Buffer.allocUnsafe(Math.min(READ_SIZE, follow.known - offset));
          if (!chunk) {
            // Every buffer is in the decompressor: read on once it gives one back.
            await sleep(follow);
            continue;
          }
          const n = readSync(fd, chunk, 0, Math.min(chunk.length, follow.known - offset), offset);
          if (n === 0) throw new Error(`${m.file} is shorter than announced`);
          const data = n === chunk.length ? chunk : chunk.subarray(0, n);
          offset += n;
          hash?.update(data);
          if (!sink) continue;
          if (lend) {
            sink.write(data, () => buffers?.give(chunk));
          } else if (!sink.write(data)) {
            await new Promise<void>((resolve) => {
              const done = () => {
                sink.off('drain', done);
                sink.off('close', done);
                resolve();
              };
              sink.on('drain', done);
              sink.on('close', done);
            });
          }
          continue;
        }
        if (follow.ended) break;
        await sleep(follow);
      }
    } finally {
      if (ownFd) closeSync(fd);
    }
    send({ op: 'read', id: m.id, ...(hash ? { hex: hash.digest('hex') } : {}), size: offset });
    if (input && !input.destroyed) input.end();
    await unpacking;
  }
}
