// Resolves archive paths inside a layer directory without ever following a symlink.
//
// Every parent component is checked with lstat and must be a real directory: an archive that
// plants `a -> /etc` and then writes `a/passwd` is refused, not followed. Directories already
// checked are remembered until something under them is removed, so deep trees cost one lstat
// per new directory rather than one per component per entry.

import { lstatSync, mkdirSync, rmSync, type Stats, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { LighterError } from '../../errors.js';

/**
 * Splits an archive path into clean components: a leading `/` and `.` components are dropped
 * (Docker and containerd do the same), `a/../b` becomes `b`, and a path that climbs above the
 * root is refused, as Docker refuses it (containerd would clamp it at the root instead).
 */
export function entryComponents(name: string, entry: string, what = 'path'): string[] {
  if (name.includes('\u0000')) throw unsafe(entry, `${what} contains a NUL byte`);
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) throw unsafe(entry, `${what} "${name}" climbs out of the layer root`);
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts;
}

export function unsafe(entry: string, reason: string): LighterError {
  return new LighterError('ERR_UNSAFE_ARCHIVE', `entry "${entry}": ${reason}`, {
    details: { entry },
  });
}

export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export class SafeRoot {
  readonly root: string;
  /** Relative paths known to be real directories, reached through real directories. */
  readonly #dirs = new Set<string>();

  readonly #onExisting: ((rel: string, stats: Stats) => void) | undefined;

  /** `onExisting` sees each directory that was already there, the first time it is passed. */
  constructor(root: string, onExisting?: (rel: string, stats: Stats) => void) {
    this.root = root;
    this.#onExisting = onExisting;
  }

  abs(rel: string): string {
    return rel === '' ? this.root : join(this.root, rel);
  }

  /**
   * Makes sure every parent of `parts` is a real directory, creating missing ones
   * (`onCreate` gets each new one). Refuses a parent that is a symlink or not a directory.
   */
  ensureParents(parts: readonly string[], entry: string, onCreate: (rel: string) => void): void {
    let rel = '';
    for (let i = 0; i < parts.length - 1; i++) {
      rel = rel === '' ? (parts[i] as string) : `${rel}/${parts[i]}`;
      if (this.#dirs.has(rel)) continue;
      const stats = lstatOrUndefined(this.abs(rel));
      if (stats === undefined) {
        mkdirSync(this.abs(rel), { mode: 0o755 });
        onCreate(rel);
      } else {
        this.#checkParent(stats, rel, entry);
        this.#onExisting?.(rel, stats);
      }
      this.#dirs.add(rel);
    }
  }

  /**
   * Checks that every parent of `parts` exists as a real directory without creating any.
   * Returns false when one is missing; throws when one is a symlink or not a directory.
   */
  parentsExist(parts: readonly string[], entry: string): boolean {
    let rel = '';
    for (let i = 0; i < parts.length - 1; i++) {
      rel = rel === '' ? (parts[i] as string) : `${rel}/${parts[i]}`;
      if (this.#dirs.has(rel)) continue;
      const stats = lstatOrUndefined(this.abs(rel));
      if (stats === undefined) return false;
      this.#checkParent(stats, rel, entry);
      this.#onExisting?.(rel, stats);
      this.#dirs.add(rel);
    }
    return true;
  }

  /** Like parentsExist, but answers false instead of throwing (for deferred work re-checking). */
  parentsIntact(parts: readonly string[]): boolean {
    try {
      return this.parentsExist(parts, '');
    } catch {
      return false;
    }
  }

  /** Records a directory this extraction made or checked itself. */
  rememberDir(rel: string): void {
    this.#dirs.add(rel);
  }

  /** Removes whatever is at `rel` (recursively for a directory, never following symlinks). */
  remove(rel: string, stats: Stats): void {
    const path = this.abs(rel);
    if (stats.isDirectory()) {
      rmSync(path, { recursive: true, force: true });
      this.#forget(rel);
    } else {
      unlinkSync(path);
    }
  }

  #forget(rel: string): void {
    const prefix = `${rel}/`;
    for (const dir of this.#dirs) {
      if (dir === rel || dir.startsWith(prefix)) this.#dirs.delete(dir);
    }
  }

  #checkParent(stats: Stats, rel: string, entry: string): void {
    if (stats.isSymbolicLink()) {
      throw unsafe(entry, `parent "${rel}" is a symlink; writing through it could leave the layer`);
    }
    if (!stats.isDirectory()) throw unsafe(entry, `parent "${rel}" is not a directory`);
  }
}
