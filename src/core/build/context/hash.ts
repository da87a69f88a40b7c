// A content hash of COPY/ADD sources for the layer cache key: what lands in the layer, not when it was touched.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, readlink } from 'node:fs/promises';
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

// Small files are read in one call: a stream per file costs more than the read itself.
const SMALL_FILE = 256 * 1024;

async function fileDigest(path: string, size: number): Promise<string> {
  const hash = createHash('sha256');
  try {
    if (size <= SMALL_FILE) {
      hash.update(await readFile(path));
    } else {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
      }
    }
  } catch (err) {
    throw new LighterError('ERR_INPUT', `hashing ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return hash.digest('hex');
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
