// Mountpoint stubs: the empty files and directories a runtime makes in a container's upper dir
// for the bind mounts of a RUN step (/etc/hosts and the like), which are no part of its layer.

import { lstat, readdir, rmdir, stat, unlink, utimes } from 'node:fs/promises';
import { join, posix } from 'node:path';

/** Removes the stubs (container paths, deepest first) still empty in `upper`, keeping their parents' times. */
export async function removeEmptyStubs(upper: string, stubs: readonly string[]): Promise<void> {
  for (const path of stubs) {
    // The step could have put a symlink where a parent was: never follow one out of `upper`
    // (this may run as root).
    if (await throughSymlink(upper, path)) continue;
    const host = join(upper, path);
    const st = await lstat(host).catch(() => undefined);
    if (!st) continue;
    if (st.isDirectory()) {
      if ((await readdir(host)).length > 0) continue;
    } else if (!st.isFile() || st.size !== 0) {
      continue;
    }
    const parent = posix.dirname(host);
    const parentStats = await stat(parent).catch(() => undefined);
    if (st.isDirectory()) await rmdir(host);
    else await unlink(host);
    if (parentStats) await utimes(parent, parentStats.atime, parentStats.mtime).catch(() => {});
  }
}

async function throughSymlink(upper: string, path: string): Promise<boolean> {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return true;
  for (let i = 1; i <= parts.length; i++) {
    const st = await lstat(join(upper, ...parts.slice(0, i))).catch(() => undefined);
    if (!st) return false;
    if (st.isSymbolicLink()) return true;
  }
  return false;
}
