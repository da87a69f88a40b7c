// Worker threads that follow a blob's temp file as it is written, hashing and unpacking it beside the download instead of on its thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Digest } from '../digest.js';
import { type ErrorCode, LighterError } from '../errors.js';
import type { LayerCompression } from '../media-types.js';
import type { BlobReply, BlobRequest, WorkerError } from './blob-worker.js';

// Loads the worker module. From sources it first maps our `./x.js` specifiers onto `./x.ts`
// files, as scripts/ts-import.mjs does for the main thread: a worker starts without hooks.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
// As the CLI does for its main thread: later runs skip compiling the worker's modules.
require('node:module').enableCompileCache?.();
if (workerData.mapTs) {
  const { registerHooks } = require('node:module');
  const { existsSync } = require('node:fs');
  const { fileURLToPath } = require('node:url');
  registerHooks({
    resolve(specifier, context, next) {
      if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
        const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
        if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
      }
      return next(specifier, context);
    },
  });
}
import(workerData.module);
`;

/** A blob file followed by a worker as it grows. */
export interface FollowedBlob {
  /** `size` bytes of the file are written (the worker may read them). */
  grow(size: number): void;
  /** The file is complete at `size` bytes. */
  end(size: number): void;
  /** The write failed: stop reading and unpacking; resolves once the worker has let go. */
  abort(): Promise<void>;
  /** Once the worker has read the whole file: its size, and its sha256 when asked to hash. */
  read: Promise<{ digest?: Digest; size: number }>;
  /** The layer's diff ID once unpacked (when asked to unpack); errors keep their code. */
  unpacked: Promise<Digest> | undefined;
}

interface Session {
  read(hex: string | undefined, size: number): void;
  unpacked(diffId: string | undefined, error: WorkerError | undefined): void;
  failed(error: WorkerError): void;
  closed(): void;
}

class BlobWorker {
  readonly #worker: Worker;
  readonly sessions = new Map<number, Session>();
  broken = false;
  /** Its module loaded (a worker that cannot load it exits instead, and is broken). */
  ready = false;
  readonly #settled: Promise<void>;
  #settle!: () => void;

  constructor(module: string) {
    // Loaded with the first worker: a command that pulls nothing need not load worker_threads.
    const { Worker } = process.getBuiltinModule('node:worker_threads');
    this.#worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { module, mapTs: module.endsWith('.ts') },
    });
    this.#settled = new Promise((resolve) => {
      this.#settle = resolve;
    });
    this.#worker.on('message', (m: BlobReply) => {
      if (m.op === 'ready') {
        this.ready = true;
        this.#settle();
        return;
      }
      const session = this.sessions.get(m.id);
      if (!session) return;
      if (m.op === 'read') session.read(m.hex, m.size);
      else if (m.op === 'unpacked') session.unpacked(m.diffId, m.error);
      else if (m.op === 'failed') session.failed(m.error);
      else {
        this.#close(m.id);
        session.closed();
      }
    });
    const fail = (err: Error) => {
      this.broken = true;
      this.#settle();
      for (const [id, session] of this.sessions) {
        this.#close(id);
        session.failed({ message: `the blob worker failed: ${err.message}` });
        session.closed();
      }
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
    // Idle, it must not keep the process alive (after the listeners: adding one refs it again).
    this.#worker.unref();
  }

  /** Resolves once the worker is ready or broken. */
  settled(): Promise<void> {
    return this.#settled;
  }

  open(id: number, session: Session, start: Extract<BlobRequest, { op: 'start' }>): void {
    this.sessions.set(id, session);
    this.#worker.ref();
    this.post(start);
  }

  post(message: BlobRequest): void {
    this.#worker.postMessage(message);
  }

  #close(id: number): void {
    this.sessions.delete(id);
    if (this.sessions.size === 0) this.#worker.unref();
  }
}

let pool: BlobWorker[] | undefined;
let nextId = 0;

/**
 * The worker module: beside this one when running from sources (or compiled JavaScript); from
 * a bundle (where it is not a file of its own), the sources of the checkout the bundle sits in,
 * when they are there. Undefined when there is none: then everything runs on the main thread.
 */
export function workerModule(): string | undefined {
  const here = import.meta.url;
  const candidates = here.endsWith('.ts')
    ? [new URL('./blob-worker.ts', here)]
    : [new URL('./blob-worker.js', here), new URL('../../src/core/storage/blob-worker.ts', here)];
  const found = candidates.find(
    (url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)),
  );
  return found?.href;
}

function workers(): BlobWorker[] {
  if (pool) return pool;
  pool = [];
  if (process.env.LIGHTER_BLOB_WORKERS === '0') return pool;
  const module = workerModule();
  if (module === undefined) return pool;
  // One CPU stays with the main thread (the download, its verification, the file writes).
  const count =
    Number(process.env.LIGHTER_BLOB_WORKERS ?? 0) ||
    Math.max(1, Math.min(4, availableParallelism() - 1));
  try {
    for (let i = 0; i < count; i++) pool.push(new BlobWorker(module));
  } catch {
    pool = [];
  }
  return pool;
}

/**
 * Starts the workers (when not started yet) and waits, at most `waitMs`, until one can take
 * blobs. True when one can. Starting them when a pull begins lets their start-up overlap the
 * first downloads; a worker that is not ready in time simply leaves the work to this thread.
 */
export async function blobWorkersReady(waitMs = 0): Promise<boolean> {
  const all = workers();
  if (all.some((w) => w.ready && !w.broken)) return true;
  if (waitMs > 0 && all.some((w) => !w.broken)) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.race(all.map((w) => w.settled())),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timer);
  }
  return all.some((w) => w.ready && !w.broken);
}

export interface FollowOptions {
  /** Compute the file's sha256 in the worker. */
  hash: boolean;
  /** Unpack the file, a layer, into this existing empty directory. */
  unpack?: { dir: string; compression: LayerCompression | 'auto' };
}

/**
 * Has a worker follow a file as it is written (`grow`, then `end`): hashing it and/or
 * unpacking it as a layer. `file` is an open descriptor (which the caller keeps open until
 * `read` settles) or a path. Undefined when no worker can be had: the caller then does the
 * work on its own thread.
 */
export function followBlob(
  file: number | string,
  options: FollowOptions,
): FollowedBlob | undefined {
  const live = workers().filter((w) => w.ready && !w.broken);
  if (live.length === 0) return undefined;
  const worker = live.reduce((a, b) => (b.sessions.size < a.sessions.size ? b : a));
  const id = ++nextId;
  const unpack = options.unpack;

  const read = deferred<{ digest?: Digest; size: number }>();
  const unpacked = unpack ? deferred<Digest>() : undefined;
  const closed = deferred<void>();
  let readDone = false;
  const toError = (e: WorkerError) =>
    new LighterError((e.code as ErrorCode) ?? 'ERR_STORE', e.message);
  worker.open(
    id,
    {
      read(hex, size) {
        readDone = true;
        read.resolve({ ...(hex !== undefined ? { digest: `sha256:${hex}` as Digest } : {}), size });
      },
      unpacked(diffId, error) {
        if (error) unpacked?.reject(toError(error));
        else unpacked?.resolve(diffId as Digest);
      },
      failed(error) {
        const err = toError(error);
        if (!readDone) read.reject(err);
        unpacked?.reject(err);
      },
      closed() {
        const err = new LighterError('ERR_STORE', 'the blob worker stopped early');
        if (!readDone) read.reject(err);
        unpacked?.reject(err);
        closed.resolve();
      },
    },
    {
      op: 'start',
      id,
      ...(typeof file === 'number' ? { fd: file } : { file }),
      hash: options.hash,
      ...(unpack ? { unpackDir: unpack.dir, compression: unpack.compression } : {}),
    },
  );
  return {
    grow: (size) => worker.post({ op: 'grow', id, size }),
    end: (size) => worker.post({ op: 'end', id, size }),
    abort: () => {
      worker.post({ op: 'abort', id });
      return closed.promise;
    },
    read: read.promise,
    unpacked: unpacked?.promise,
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: Error): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Whoever needs the value awaits it; this only keeps an unawaited failure from crashing.
  promise.catch(() => {});
  return { promise, resolve, reject };
}
