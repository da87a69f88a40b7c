// A read-only merged view of overlay-style layer dirs (the store's unpacked layers), as overlayfs would show them, without mounting anything.
//
// COPY needs to look at the image it writes into (does the destination exist, is a parent a
// symlink, who owns /etc/passwd's users) and COPY --from reads whole trees of another stage;
// doing that in TypeScript keeps those steps free of root, mounts and runtimes.

import type { Stats } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { LighterError } from '../errors.js';
import { isOverlayWhiteout, OPAQUE_XATTRS } from '../storage/layer/whiteout.js';
import { hasCommand, readXattrTree } from '../storage/layer/xattr.js';
import { compareNames } from './context/walk.js';

/** One path of the merged tree: where it lives on the host and what it is. */
export interface ViewEntry {
  /** Container path without the leading slash ('' is the root). */
  path: string;
  /** The file on the host (in the topmost layer that has it). */
  hostPath: string;
  stats: Stats;
}

/**
 * How a view reads the host: this process's own reads, or a helper's as root when the layers
 * are root's (through sudo: storage/as-root.ts). `stream`, when there, reads a file's bytes
 * for COPY --from (else the file is read by its path).
 */
export interface ViewFs {
  lstat(path: string): Promise<Stats>;
  readdir(path: string): Promise<string[]>;
  readlink(path: string): Promise<string>;
  readFile(path: string): Promise<Buffer>;
  /** The paths (relative, '' the root) a layer dir marks opaque. */
  opaque(layerDir: string): Promise<Set<string>>;
  stream?(path: string): AsyncIterable<Buffer>;
}

/** This process's own reads. */
export const localFs: ViewFs = {
  lstat,
  readdir: (path) => readdir(path),
  readlink: (path) => readlink(path),
  readFile: (path) => readFile(path),
  async opaque(layerDir) {
    const set = new Set<string>();
    if (!hasCommand('getfattr')) return set;
    const tree = await readXattrTree(layerDir);
    for (const [path, attrs] of tree.byPath) {
      if (
        attrs.some(([name, value]) => OPAQUE_XATTRS.has(name) && value.toString('latin1') === 'y')
      ) {
        set.add(path);
      }
    }
    return set;
  },
};

// Layer dirs are immutable once placed, so what a layer marks opaque is read once per process.
const opaqueCache = new Map<string, Promise<Set<string>>>();

function opaqueDirs(fs: ViewFs, layerDir: string): Promise<Set<string>> {
  let cached = opaqueCache.get(layerDir);
  if (!cached) {
    cached = fs.opaque(layerDir);
    opaqueCache.set(layerDir, cached);
    // A failed read is not remembered: the next look tries again.
    cached.catch(() => opaqueCache.delete(layerDir));
  }
  return cached;
}

async function lstatOrUndefined(fs: ViewFs, path: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw err;
  }
}

const MAX_LINKS = 40;

/** Splits a container path into clean components (`/a/./b/` → ['a', 'b']); `..` stays for the resolver. */
function components(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

export class LayerView {
  /** Top layer first, as overlayfs' lowerdir lists them. */
  readonly layers: readonly string[];
  readonly fs: ViewFs;

  constructor(layers: readonly string[], fs: ViewFs = localFs) {
    this.layers = layers;
    this.fs = fs;
  }

  /** An empty filesystem (FROM scratch). */
  static empty(): LayerView {
    return new LayerView([]);
  }

  /**
   * The entry at `path` (no symlink followed, `..` not allowed), or undefined. A whiteout or a
   * non-directory on the way in an upper layer hides what lower layers have; an opaque
   * directory hides what lower layers have below it.
   */
  async lstat(path: string): Promise<ViewEntry | undefined> {
    const parts = components(path);
    if (parts.includes('..')) {
      throw new LighterError('ERR_INVALID_ARGUMENT', `layer view: unresolved path ${path}`);
    }
    const rel = parts.join('/');
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i]!;
      let stopBelow = false;
      let found: Stats | undefined;
      let k = 0;
      for (; k < parts.length; k++) {
        const prefix = parts.slice(0, k + 1).join('/');
        const st = await lstatOrUndefined(this.fs, join(layer, prefix));
        if (!st) break;
        if (isOverlayWhiteout(st)) return undefined;
        if (k < parts.length - 1) {
          if (!st.isDirectory()) return undefined;
          if (i < this.layers.length - 1 && (await opaqueDirs(this.fs, layer)).has(prefix))
            stopBelow = true;
        } else {
          found = st;
        }
      }
      if (parts.length === 0) {
        const st = await lstatOrUndefined(this.fs, layer);
        if (st) return { path: '', hostPath: layer, stats: st };
        continue;
      }
      if (found) return { path: rel, hostPath: join(layer, rel), stats: found };
      if (stopBelow) return undefined;
    }
    return undefined;
  }

  /**
   * Follows symlinks inside the view, as a chroot would (an absolute target starts at the
   * view's root, `..` stops at it). `followLast` also follows a symlink in the last component.
   * Returns the resolved path (no leading slash) and its entry, or just the path when missing.
   */
  async resolve(
    path: string,
    followLast = true,
  ): Promise<{ path: string; entry: ViewEntry | undefined }> {
    const remaining = components(path);
    const done: string[] = [];
    let links = 0;
    while (remaining.length > 0) {
      const part = remaining.shift()!;
      if (part === '..') {
        done.pop();
        continue;
      }
      const candidate = [...done, part].join('/');
      const entry = await this.lstat(candidate);
      if (entry?.stats.isSymbolicLink() && (remaining.length > 0 || followLast)) {
        if (++links > MAX_LINKS) {
          throw new LighterError('ERR_BUILD', `too many levels of symbolic links in ${path}`);
        }
        const target = await this.fs.readlink(entry.hostPath);
        if (target.startsWith('/')) done.length = 0;
        remaining.unshift(...components(target));
        continue;
      }
      done.push(part);
      if (!entry && remaining.length > 0) {
        // Nothing further down can exist; keep the rest as written.
        done.push(...remaining.filter((p) => p !== '..'));
        return { path: done.join('/'), entry: undefined };
      }
    }
    const resolved = done.join('/');
    return { path: resolved, entry: await this.lstat(resolved) };
  }

  /** The names in a directory of the merged view, sorted as Go sorts them. */
  async readdir(path: string): Promise<ViewEntry[]> {
    const parts = components(path);
    const rel = parts.join('/');
    const seen = new Map<string, ViewEntry | null>();
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i]!;
      const lower = i < this.layers.length - 1;
      // The directory must be a real directory in this layer, reached through real directories;
      // an opaque one (or an opaque parent) hides what the layers below have.
      let present = true;
      let stop = lower && parts.length === 0 && (await opaqueDirs(this.fs, layer)).has('');
      for (let k = 0; k < parts.length; k++) {
        const prefix = parts.slice(0, k + 1).join('/');
        const st = await lstatOrUndefined(this.fs, join(layer, prefix));
        if (!st) {
          present = false;
          break;
        }
        if (isOverlayWhiteout(st) || !st.isDirectory()) return collect(seen);
        if (lower && (await opaqueDirs(this.fs, layer)).has(prefix)) stop = true;
      }
      if (present) {
        const dir = rel === '' ? layer : join(layer, rel);
        for (const name of await this.fs.readdir(dir)) {
          if (seen.has(name)) continue;
          const hostPath = join(dir, name);
          const st = await this.fs.lstat(hostPath);
          seen.set(
            name,
            isOverlayWhiteout(st)
              ? null
              : { path: rel === '' ? name : `${rel}/${name}`, hostPath, stats: st },
          );
        }
      }
      if (stop) break;
    }
    return collect(seen);
  }

  /** A file's bytes (symlinks followed inside the view); undefined when missing or not a file. */
  async readFile(path: string): Promise<Buffer | undefined> {
    const { entry } = await this.resolve(path);
    if (!entry?.stats.isFile()) return undefined;
    return this.fs.readFile(entry.hostPath);
  }

  /**
   * Every entry below `path` (not `path` itself), depth first, directories before their
   * contents, names in order. Holds one listing per level.
   */
  async *walk(path: string): AsyncGenerator<ViewEntry> {
    const stack: { entries: ViewEntry[]; next: number }[] = [
      { entries: await this.readdir(path), next: 0 },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.entries.length) {
        stack.pop();
        continue;
      }
      const entry = frame.entries[frame.next++]!;
      yield entry;
      if (entry.stats.isDirectory()) {
        stack.push({ entries: await this.readdir(entry.path), next: 0 });
      }
    }
  }
}

function collect(seen: Map<string, ViewEntry | null>): ViewEntry[] {
  const entries: ViewEntry[] = [];
  for (const entry of seen.values()) if (entry) entries.push(entry);
  return entries.sort((a, b) => compareNames(posix.basename(a.path), posix.basename(b.path)));
}
