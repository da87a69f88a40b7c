// Paths inside a container's root filesystem, resolved as the container would see them.
//
// An image may hold `/etc/passwd -> /host/secret` or `../../..` links; reading such a path
// from the host naively would follow the link out of the rootfs. Walking it component by
// component, with the rootfs as `/`, keeps every read and mkdir inside.

import { lstat, mkdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LighterError } from '../errors.js';

const MAX_LINKS = 40;

/** The host path of `path` inside `root`, following symlinks as if `root` were `/`. */
export async function resolveInRoot(root: string, path: string): Promise<string> {
  const pending = split(path);
  let resolved: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift() as string;
    if (part === '..') {
      resolved.pop();
      continue;
    }
    const candidate = join(root, ...resolved, part);
    const stats = await lstat(candidate).catch(() => undefined);
    if (!stats?.isSymbolicLink()) {
      resolved.push(part);
      continue;
    }
    if (++links > MAX_LINKS) {
      throw new LighterError(
        'ERR_INVALID_ARGUMENT',
        `resolving ${path} in ${root}: too many symlinks`,
      );
    }
    const target = await readlink(candidate);
    if (target.startsWith('/')) resolved = [];
    pending.unshift(...split(target));
  }
  return join(root, ...resolved);
}

/** Reads a file inside the rootfs; undefined when it does not exist. */
export async function readInRoot(root: string, path: string): Promise<string | undefined> {
  const host = await resolveInRoot(root, path);
  try {
    return await readFile(host, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** `mkdir -p` inside the rootfs, one component at a time so no link leads outside. */
export async function mkdirInRoot(root: string, path: string, mode = 0o755): Promise<void> {
  let current = '/';
  for (const part of split(path)) {
    current = current === '/' ? `/${part}` : `${current}/${part}`;
    const host = await resolveInRoot(root, current);
    await mkdir(host, { mode }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}
