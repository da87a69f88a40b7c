// Read-only access to a tree of files, so one reader serves a directory and a tar archive alike.

import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { LighterError } from '../errors.js';

/**
 * Files addressed by relative, `/`-separated paths. Missing files give ERR_NOT_FOUND
 * (or `undefined` from `size`); paths that climb out of the tree give ERR_UNSAFE_ARCHIVE.
 */
export interface FileTree {
  /** Where the tree lives, for messages (a directory or an archive file). */
  readonly location: string;
  readFile(path: string): Promise<Buffer>;
  /** Streams a file; the size is known before the first byte. */
  open(path: string): Promise<Readable>;
  /** Up to `length` bytes from the start of a file (to sniff compression magic). */
  head(path: string, length: number): Promise<Buffer>;
  /** The size of a regular file, or undefined when there is none at `path`. */
  size(path: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/** Normalizes a tree path (`./a//b` → `a/b`) and refuses `..`, absolute paths and NUL. */
export function cleanTreePath(path: string, location: string): string {
  const parts: string[] = [];
  for (const part of path.replaceAll('\\', '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' || part.includes('\0')) {
      throw new LighterError('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
    }
    parts.push(part);
  }
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || parts.length === 0) {
    throw new LighterError('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
  }
  return parts.join('/');
}

export function notFound(location: string, path: string): LighterError {
  return new LighterError('ERR_NOT_FOUND', `${location}: ${path} not found`, {
    details: { location, path },
  });
}

/** A FileTree over a directory on disk. */
export function directoryTree(dir: string): FileTree {
  const full = (path: string) => join(dir, ...cleanTreePath(path, dir).split('/'));
  const missing = (err: unknown, path: string) => {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? notFound(dir, path) : err;
  };
  return {
    location: dir,
    async readFile(path) {
      try {
        return await readFile(full(path));
      } catch (err) {
        throw missing(err, path);
      }
    },
    async open(path) {
      const file = full(path);
      // Opening eagerly turns a missing file into a rejected promise, not a later stream error.
      const stream = createReadStream(file);
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (err) => reject(missing(err, path)));
      });
      return stream;
    },
    async head(path, length) {
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        handle = await open(full(path), 'r');
      } catch (err) {
        throw missing(err, path);
      }
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async size(path) {
      try {
        const info = await stat(full(path));
        return info.isFile() ? info.size : undefined;
      } catch (err) {
        const e = missing(err, path);
        if (e instanceof LighterError) return undefined;
        throw e;
      }
    },
    async close() {},
  };
}
