// Durable file replacement: readers see the old bytes or the new bytes, never a torn mix.

import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A unique hidden name beside `path` (same directory, so a rename onto `path` is atomic). */
export function tempPathFor(path: string, tag = 'tmp'): string {
  return join(
    dirname(path),
    `.${basename(path)}.${tag}-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/**
 * Flushes a directory entry to disk so a rename inside it survives a crash.
 * Some platforms (Windows) cannot open directories; there the rename is as durable as it gets.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw err;
  } finally {
    await handle?.close();
  }
}

/** Renames a finished (already fsynced) temp file onto its final name and syncs the directory. */
export async function renameDurable(from: string, to: string): Promise<void> {
  await rename(from, to);
  await fsyncDir(dirname(to));
}

export interface AtomicWriteOptions {
  mode?: number;
  /**
   * Default true. False skips both fsyncs, for hints that a power cut may lose but must never
   * tear (readers still see the old file or the new one): a few ms less on a busy disk.
   */
  durable?: boolean;
}

/** Writes `data` to `path` through a temp file: write, fsync, rename, fsync the directory. */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = tempPathFor(path);
  const durable = options.durable ?? true;
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      await handle.writeFile(data);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
    if (durable) await renameDurable(temp, path);
    else await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
