// Removes a directory tree even when the tree itself forbids it (read-only directories unpacked from an image).

import { chmod, lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { layersAsRoot, removeAsRoot } from './as-root.js';

/**
 * `rm -rf`, except that directories without write permission (common in images: a 0555
 * `/usr`) are made writable first when a plain removal fails, as a non-root owner must; and a
 * tree made by root for a process that handles its layers as root is removed through sudo.
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true, maxRetries: 2 });
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw err;
  }
  // Made by root for this process (layers handled as root through sudo): removed the same way,
  // without first walking a tree whose modes this user may not change anyway.
  if (await layersAsRoot()) {
    await removeAsRoot(path);
    return;
  }
  await makeWritable(path);
  await rm(path, { recursive: true, force: true, maxRetries: 2 });
}

async function makeWritable(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(path);
  } catch {
    return;
  }
  if (!info.isDirectory()) return;
  await chmod(path, 0o700).catch(() => {});
  const names = await readdir(path).catch(() => [] as string[]);
  await Promise.all(names.map((name) => makeWritable(join(path, name))));
}
