// Private scratch directories for entries on their way to or from the cache service, always removed afterwards.

import { copyFile, link, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Digest } from '../digest.js';
import { blobPath } from '../layout/layout.js';
import { ENTRY_DIR } from './entry.js';

/**
 * Runs `fn` with a fresh directory under `tempDir` (default RUNNER_TEMP, else the OS temp dir):
 * outside the workspace, so nothing staged can end up in a build context or a checkout.
 */
export async function withStagingDir<T>(
  tempDir: string | undefined,
  fn: (root: string) => Promise<T>,
): Promise<T> {
  const parent = tempDir ?? process.env.RUNNER_TEMP ?? tmpdir();
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(join(parent, 'lighter-cache-'));
  try {
    return await fn(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Where an entry's blob sits inside a staging root. */
export function stagedBlobPath(root: string, digest: Digest): string {
  return join(root, ENTRY_DIR, ...blobPath(digest).split('/'));
}

/**
 * Puts a store blob into the staging root: a hard link where the filesystem allows (blobs are
 * immutable, so sharing the inode is safe and costs nothing), a copy where it does not.
 */
export async function stageBlob(root: string, digest: Digest, source: string): Promise<void> {
  const target = stagedBlobPath(root, digest);
  await mkdir(dirname(target), { recursive: true });
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}
