// Small per-image facts the OCI layout has no place for (when it was added, last used, where from), one JSON file per image.

import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Digest, digestHex } from '../digest.js';
import { writeFileAtomic } from '../fs/atomic-write.js';

export const META_DIR = 'meta';

/**
 * Keyed by the top-level manifest digest. Advisory: index.json alone says which images exist,
 * so a missing or stale file (an image restored from a cache, written by skopeo) is fine.
 */
export interface ImageMeta {
  /** When the image first entered this store (ISO 8601). */
  added?: string;
  /** When it was last pulled, tagged or unpacked for a container. */
  lastUsed?: string;
  /** Where it came from (`docker://…`), when it was copied in. */
  source?: string;
}

function metaPath(storeDir: string, digest: Digest): string {
  return join(storeDir, META_DIR, `${digestHex(digest)}.json`);
}

export async function readMeta(storeDir: string, digest: Digest): Promise<ImageMeta> {
  try {
    const value = JSON.parse(await readFile(metaPath(storeDir, digest), 'utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as ImageMeta) : {};
  } catch {
    return {};
  }
}

/**
 * Merges `patch` into the image's facts. Not locked: two writers racing lose one `lastUsed`
 * stamp at worst, and the file is replaced atomically so it is never torn.
 */
export async function updateMeta(
  storeDir: string,
  digest: Digest,
  patch: ImageMeta,
  options: { durable?: boolean } = {},
): Promise<void> {
  const current = await readMeta(storeDir, digest);
  const next: ImageMeta = { ...current, ...patch };
  if (current.added) next.added = current.added;
  await mkdir(join(storeDir, META_DIR), { recursive: true });
  await writeFileAtomic(metaPath(storeDir, digest), `${JSON.stringify(next)}\n`, options);
}

/** Removes the facts of images no longer in the store; returns how many files went. */
export async function pruneMeta(storeDir: string, keep: ReadonlySet<string>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(join(storeDir, META_DIR));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const match = /^([a-f0-9]{64})\.json$/.exec(name);
    if (!match || keep.has(match[1] as string)) continue;
    await unlink(join(storeDir, META_DIR, name)).catch(() => {});
    removed++;
  }
  return removed;
}
