// Names of work-in-progress files carry the writer's pid, so anyone can tell a live writer's temp files from a dead one's leftovers.

import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { removeTree } from './remove-tree.js';

/**
 * A hidden name for something this process is still writing: `.tmp-<kind>-<pid>-<hex>`.
 * `ownerPid` reads the pid back; the name never looks like a digest, so GC never takes it for content.
 */
export function tempName(kind: string): string {
  return `.tmp-${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

// Ours (`.tmp-layer-1-ab`, `.trash-1-ab`), writeContentFile's (`.tmp-blob-1-ab`) and
// writeFileAtomic's (`.index.json.tmp-1-ab`): a pid, then random hex, at the end.
const TEMP = /^\..*?(?:tmp|trash)(?:-[a-z]+)?-(\d+)-[0-9a-f]+$/;

/** The pid in a temp name, or undefined when the name is not one of ours. */
export function ownerPid(name: string): number | undefined {
  const match = TEMP.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** True while `pid` runs (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temp name whose writer is gone: nobody will finish it, so it can be removed. */
export function isLeftover(name: string): boolean {
  const pid = ownerPid(name);
  return pid !== undefined && !isProcessAlive(pid);
}

/** The leftovers directly inside `dir` (missing dir: none). */
export async function findLeftovers(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names.filter(isLeftover).map((name) => join(dir, name));
}

/**
 * Removes `paths`, first renaming each into a private trash directory under `root`, so that
 * two processes cleaning at once never trip over a half-removed tree: whoever renames it owns it.
 * Returns the bytes freed (file sizes) and how many paths this call removed.
 */
export async function discard(
  root: string,
  paths: readonly string[],
): Promise<{ count: number; bytes: number }> {
  if (paths.length === 0) return { count: 0, bytes: 0 };
  const trash = join(root, `.trash-${process.pid}-${randomBytes(6).toString('hex')}`);
  let count = 0;
  let trashed = [trash];
  try {
    trashed = await moveToTrash(trash, paths, (moved) => {
      count += moved;
    });
    let bytes = 0;
    for (const path of trashed) {
      bytes += await treeBytes(path);
      await removeTree(path);
    }
    return { count, bytes };
  } catch (err) {
    for (const path of trashed) await removeTree(path).catch(() => {});
    throw err;
  }
}

/**
 * Renames `paths` into `trash` (created on demand); a path that vanished meanwhile is skipped.
 * A directory this process may not move to another parent (root's, for a process that handles
 * its layers as root) is renamed to a trash name beside it instead. Returns what the caller
 * removes: `trash` and those (a crash leaves them as leftovers that a later GC removes).
 */
export async function moveToTrash(
  trash: string,
  paths: readonly string[],
  onMoved?: (count: number) => void,
): Promise<string[]> {
  await mkdir(trash, { recursive: true });
  const trashed = [trash];
  let i = 0;
  for (const path of paths) {
    try {
      try {
        await rename(path, join(trash, String(i++)));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'EACCES' && code !== 'EPERM') throw err;
        const beside = join(
          dirname(path),
          `.trash-${process.pid}-${randomBytes(6).toString('hex')}`,
        );
        await rename(path, beside);
        trashed.push(beside);
      }
      onMoved?.(1);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return trashed;
}

/** Sum of the sizes of regular files under `path` (the path itself may be a file). */
export async function treeBytes(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(path);
  } catch {
    return 0;
  }
  if (info.isFile()) return info.size;
  if (!info.isDirectory()) return 0;
  let names: string[];
  try {
    names = await readdir(path);
  } catch {
    return 0;
  }
  const sizes = await Promise.all(names.map((name) => treeBytes(join(path, name))));
  return sizes.reduce((a, b) => a + b, 0);
}
