// Remembers, in the store, which cache entries this workflow run restored or saved, so a later save uploads only what they lack.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Digest, isDigest } from '../digest.js';
import { writeFileAtomic } from '../fs/atomic-write.js';

const RECORD_FILE = 'ci-cache.json';
const RECORD_SCHEMA = 'lighter.ci-cache-record.v1';

export interface RecordedEntry {
  key: string;
  /** `image` entries hold one image, keyed by its digest; `scope` entries hold what a scope built. */
  kind: 'scope' | 'image';
  blobs: Map<Digest, number>;
  /** `name@digest` (or the digest of an unnamed image) of every image the entry and its parents make. */
  images: string[];
}

interface RecordFile {
  schema: string;
  run: string;
  entries: { key: string; kind: string; blobs: [string, number][]; images: string[] }[];
}

/**
 * The run an entry was seen in. GitHub evicts entries (unused for 7 days, or over the quota), so
 * a record is trusted only within the run that wrote it; a persistent self-hosted store would
 * otherwise skip uploads on the strength of entries long gone.
 */
export function currentRun(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_RUN_ID ?? 'local';
}

export function imageId(name: string | undefined, digest: Digest): string {
  return name === undefined ? digest : `${name}@${digest}`;
}

/** The entries recorded for `run`; an absent, unreadable or older record gives none. */
export async function readRecord(storeDir: string, run: string): Promise<RecordedEntry[]> {
  let file: RecordFile;
  try {
    file = JSON.parse(await readFile(join(storeDir, RECORD_FILE), 'utf8')) as RecordFile;
  } catch {
    return [];
  }
  if (file?.schema !== RECORD_SCHEMA || file.run !== run || !Array.isArray(file.entries)) return [];
  return file.entries.flatMap((e) => {
    if (typeof e?.key !== 'string' || !Array.isArray(e.blobs) || !Array.isArray(e.images))
      return [];
    const blobs = new Map<Digest, number>();
    for (const [digest, size] of e.blobs) if (isDigest(digest)) blobs.set(digest, size);
    return [
      {
        key: e.key,
        kind: e.kind === 'image' ? 'image' : 'scope',
        blobs,
        images: e.images.map(String),
      },
    ];
  });
}

/** Adds (or replaces, by key) entries in the record of `run`, dropping records of other runs. */
export async function recordEntries(
  storeDir: string,
  run: string,
  entries: readonly RecordedEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const byKey = new Map((await readRecord(storeDir, run)).map((e) => [e.key, e]));
  for (const entry of entries) byKey.set(entry.key, entry);
  const file: RecordFile = {
    schema: RECORD_SCHEMA,
    run,
    entries: [...byKey.values()].map((e) => ({
      key: e.key,
      kind: e.kind,
      blobs: [...e.blobs],
      images: e.images,
    })),
  };
  await writeFileAtomic(join(storeDir, RECORD_FILE), JSON.stringify(file));
}
