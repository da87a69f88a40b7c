// Leases: what a live process is using or writing, so a concurrent GC keeps it though no image names it yet.

import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Digest } from '../digest.js';
import { isProcessAlive } from './leftovers.js';

export const LEASES_DIR = 'leases';

/** Runs `fn` under the store's lock (the one GC takes). */
export type WithLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** A claim on a blob (`sha256:…`) or an unpacked layer directory (`layer:<chain ID hex>`). */
export type Claim = Digest | `layer:${string}`;

export function layerClaim(chainHex: string): Claim {
  return `layer:${chainHex}`;
}

/**
 * One process's lease: a file `leases/<pid>-<hex>` listing claims, one a line. GC reads every
 * live lease under the store lock and keeps what they list; a lease whose process died is void.
 *
 * The protocol that makes this safe: a claim is appended under the same lock GC holds, and only
 * then does the holder look at (or create) the thing claimed. So either GC ran before the claim
 * (and the holder sees the result, e.g. a blob gone and to be fetched again), or GC runs after
 * it and keeps the thing. Claims made together share one lock round trip.
 */
export class Lease {
  readonly path: string;
  readonly #withLock: WithLock;
  readonly #claims = new Map<Claim, Promise<void>>();
  #queue: Claim[] = [];
  #batch:
    | { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void }
    | undefined;
  #flushing = false;
  #released = false;

  private constructor(path: string, withLock: WithLock) {
    this.path = path;
    this.#withLock = withLock;
  }

  static async create(storeDir: string, withLock: WithLock): Promise<Lease> {
    const dir = join(storeDir, LEASES_DIR);
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${process.pid}-${randomBytes(6).toString('hex')}`);
    await writeFile(path, '', { flag: 'wx' });
    return new Lease(path, withLock);
  }

  /** Resolves once every claim is recorded where GC will see it. */
  claim(claims: Iterable<Claim>): Promise<void> {
    if (this.#released) return Promise.reject(new Error('lease used after release'));
    const waits: Promise<void>[] = [];
    for (const claim of claims) {
      let pending = this.#claims.get(claim);
      if (!pending) {
        pending = this.#enqueue(claim);
        this.#claims.set(claim, pending);
        // A failed claim may be retried by a later call.
        pending.catch(() => this.#claims.delete(claim));
      }
      waits.push(pending);
    }
    return Promise.all(waits).then(() => {});
  }

  /** Ends the lease: what it claimed is garbage again unless an image refers to it. */
  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    await unlink(this.path).catch(() => {});
  }

  #enqueue(claim: Claim): Promise<void> {
    this.#queue.push(claim);
    if (!this.#batch) {
      let resolve!: () => void;
      let reject!: (err: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      // Awaited by the claimers; this only keeps an unawaited rejection from crashing the process.
      promise.catch(() => {});
      this.#batch = { promise, resolve, reject };
    }
    const batch = this.#batch.promise;
    void this.#flush();
    return batch;
  }

  async #flush(): Promise<void> {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      while (this.#queue.length > 0) {
        const claims = this.#queue;
        const batch = this.#batch;
        this.#queue = [];
        this.#batch = undefined;
        try {
          await this.#withLock(() => appendFile(this.path, `${claims.join('\n')}\n`));
          batch?.resolve();
        } catch (err) {
          batch?.reject(err);
        }
      }
    } finally {
      this.#flushing = false;
    }
  }
}

/**
 * Reads every lease: claims of live processes are returned; files of dead processes are
 * removed (call under the store lock, so no claim is being appended to a lease being judged).
 */
export async function liveClaims(storeDir: string): Promise<Set<string>> {
  const dir = join(storeDir, LEASES_DIR);
  const claims = new Set<string>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return claims;
    throw err;
  }
  for (const name of names) {
    const path = join(dir, name);
    const pid = Number(name.split('-', 1)[0]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (!isProcessAlive(pid)) {
      await unlink(path).catch(() => {});
      continue;
    }
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) if (line !== '') claims.add(line);
  }
  return claims;
}
