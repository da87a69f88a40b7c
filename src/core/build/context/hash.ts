// A content hash of COPY/ADD sources for the layer cache key: what lands in the layer, not when it was touched.

import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { readlink } from 'node:fs/promises';
import { LighterError } from '../../errors.js';
import type { SourceEntry } from './sources.js';
import { resolveSources, type SourceOptions } from './sources.js';

export interface HashOptions {
  /** Files read at once (each through its own hash); default 16. */
  concurrency?: number;
}

function typeOf(entry: SourceEntry): string {
  const st = entry.stat;
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFIFO()) return 'fifo';
  if (st.isCharacterDevice()) return 'char';
  if (st.isBlockDevice()) return 'block';
  return 'socket';
}

// Files up to this size are read synchronously, into one scratch buffer: a stream per file
// costs more than the read, and a buffer per file is garbage that makes memory grow with the
// context. Bigger ones stream.
const SMALL_FILE = 4 * 1024 * 1024;
const scratch = Buffer.allocUnsafe(1024 * 1024);

function hashSmallFile(path: string, size: number): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    let left = size;
    while (left > 0) {
      const n = readSync(fd, scratch, 0, Math.min(scratch.length, left), null);
      if (n === 0) break;
      // The hash copies what it is given: the scratch buffer can be reused at once.
      hash.update(scratch.subarray(0, n));
      left -= n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

async function fileDigest(path: string, size: number): Promise<string> {
  try {
    if (size <= SMALL_FILE) return hashSmallFile(path, size);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  } catch (err) {
    throw new LighterError('ERR_INPUT', `hashing ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** One record: everything about the entry that shows in the layer (mtime and inode left out). */
async function record(entry: SourceEntry): Promise<string> {
  const st = entry.stat;
  const type = typeOf(entry);
  const fields = [
    type,
    entry.target,
    (st.mode & 0o7777).toString(8),
    String(st.uid),
    String(st.gid),
  ];
  if (type === 'file') fields.push(String(st.size), await fileDigest(entry.absolutePath, st.size));
  if (type === 'symlink') fields.push(await readlink(entry.absolutePath));
  if (type === 'char' || type === 'block') fields.push(String(st.rdev));
  // Lengths first, so no choice of names can make two different lists hash alike.
  return `${fields.map((f) => `${Buffer.byteLength(f)}:${f}`).join(',')};`;
}

/**
 * `sha256:…` over the entries in order: type, target path, permission bits, uid/gid, and the
 * bytes of files or the target of symlinks. Modification times are left out, so a fresh checkout
 * hashes as the last one did. Streams with a small window of files in flight.
 */
export async function hashEntries(
  entries: AsyncIterable<SourceEntry>,
  options: HashOptions = {},
): Promise<string> {
  const window = Math.max(1, options.concurrency ?? 16);
  const hash = createHash('sha256');
  const inFlight: Promise<string>[] = [];
  try {
    for await (const entry of entries) {
      inFlight.push(record(entry));
      if (inFlight.length >= window) hash.update(await inFlight.shift()!);
    }
    while (inFlight.length > 0) hash.update(await inFlight.shift()!);
  } finally {
    // Settle what is left so no rejection goes unhandled after an early error.
    await Promise.allSettled(inFlight);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The hash of what `resolveSources(contextDir, patterns, options)` yields. */
export async function hashSources(
  contextDir: string,
  patterns: readonly string[],
  options: SourceOptions & HashOptions = {},
): Promise<string> {
  return hashEntries(resolveSources(contextDir, patterns, options), options);
}
