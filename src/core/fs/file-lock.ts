// An exclusive lock between processes: a lock file created with O_EXCL that names its holder.

import { randomBytes } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { LighterError } from '../errors.js';
import type { Logger } from '../log.js';

/** What a lock file holds, so a waiter can tell who holds it and whether that process is gone. */
interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export interface FileLockOptions {
  /** How long to wait for a lock held by a live process (default 60 s). */
  timeoutMs?: number;
  /** Names the guarded thing in messages ("index.json of oci:/x"). */
  what?: string;
  logger?: Logger;
  signal?: AbortSignal;
}

export interface FileLock {
  readonly path: string;
  release(): Promise<void>;
}

// A lock file that exists but is still empty is being written by its creator; after this long
// with no owner recorded, its creator died between create and write.
const UNWRITTEN_GRACE_MS = 10_000;
// The breaker lock is held for two file operations; older than this, its holder died.
const BREAKER_STALE_MS = 10_000;

/**
 * Takes the lock at `path`, waiting while a live process holds it. A lock left by a dead process
 * on this host is broken; the check and the removal happen under a second lock (`path.break`),
 * so two waiters can never both break it and one of them remove the other's fresh lock.
 */
export async function acquireFileLock(
  path: string,
  options: FileLockOptions = {},
): Promise<FileLock> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = Date.now();
  const deadline = started + timeoutMs;
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    since: new Date().toISOString(),
  };
  let delay = 2;
  let warned = false;
  for (;;) {
    if (await tryCreate(path, owner)) return heldLock(path, owner, options.logger);
    const holder = await readOwner(path);
    if (holder !== 'gone') {
      if (await isStale(path, holder)) {
        await breakStale(path, holder);
        continue;
      }
      if (Date.now() >= deadline) {
        throw new LighterError(
          'ERR_LOCKED',
          `locking ${options.what ?? path}: held by ${describe(holder)}; gave up after ${timeoutMs} ms`,
          { details: { path, holder: holder === 'unwritten' ? undefined : holder } },
        );
      }
      // Say why we are idle once a wait gets long enough for someone to wonder.
      if (!warned && Date.now() - started > 2_000) {
        options.logger?.info(
          `waiting for the lock on ${options.what ?? path} (${describe(holder)})`,
        );
        warned = true;
      }
    }
    options.signal?.throwIfAborted();
    // Jitter keeps several waiters from retrying in lockstep.
    await sleep(delay + Math.random() * delay, undefined, { signal: options.signal });
    delay = Math.min(delay * 2, 100);
  }
}

/** Runs `fn` holding the lock at `path`, releasing it whatever happens. */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  options?: FileLockOptions,
): Promise<T> {
  const lock = await acquireFileLock(path, options);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

async function tryCreate(path: string, owner: LockOwner): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new LighterError('ERR_STORE', `creating lock file ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

async function readOwner(path: string): Promise<LockOwner | 'unwritten' | 'gone'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') {
      return {
        pid: parsed.pid,
        host: String(parsed.host ?? ''),
        token: parsed.token,
        since: String(parsed.since ?? ''),
      };
    }
  } catch {
    // Partly written: judged by age below.
  }
  return 'unwritten';
}

async function isStale(path: string, holder: LockOwner | 'unwritten'): Promise<boolean> {
  if (holder === 'unwritten') return (await ageMs(path)) > UNWRITTEN_GRACE_MS;
  // A pid means nothing on another host (a shared filesystem): wait for that holder instead.
  if (holder.host !== hostname()) return false;
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function breakStale(path: string, judged: LockOwner | 'unwritten'): Promise<void> {
  const breaker = `${path}.break`;
  const self: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    since: new Date().toISOString(),
  };
  if (!(await tryCreate(breaker, self))) {
    if ((await ageMs(breaker)) > BREAKER_STALE_MS) await unlink(breaker).catch(() => {});
    return;
  }
  try {
    // Still the same stale holder? Someone may have broken it and taken the lock meanwhile.
    const now = await readOwner(path);
    const same =
      now !== 'gone' &&
      (judged === 'unwritten'
        ? now === 'unwritten'
        : now !== 'unwritten' && now.token === judged.token);
    if (same) await unlink(path).catch(() => {});
  } finally {
    await unlink(breaker).catch(() => {});
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

function describe(holder: LockOwner | 'unwritten'): string {
  if (holder === 'unwritten') return 'a process that is still creating it';
  return `pid ${holder.pid} on ${holder.host} since ${holder.since}`;
}

function heldLock(path: string, owner: LockOwner, logger?: Logger): FileLock {
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      const now = await readOwner(path);
      if (now === 'gone' || now === 'unwritten' || now.token !== owner.token) {
        // Someone judged us dead and took over: removing their lock would let a third writer in.
        logger?.warn(`lock ${path} was taken over while held; leaving it to its new holder`);
        return;
      }
      await unlink(path).catch(() => {});
    },
  };
}
