// Saves the store to the GitHub Actions cache as a few packed entries, uploading only what the entries this run has seen lack.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Digest } from '../digest.js';
import { errorMessage } from '../errors.js';
import { type Logger, silentLogger } from '../log.js';
import { actionsCacheBackend, type CacheBackend, type SaveOutcome } from './actions-backend.js';
import { ENTRY_DIR, ENTRY_FILE, ENTRY_SCHEMA, type EntryManifest } from './entry.js';
import { checkCacheKey, entryKey, imageEntryKey } from './keys.js';
import { currentRun, imageId, type RecordedEntry, readRecord, recordEntries } from './record.js';
import { type CacheEntryReport, type CacheReport, emptyReport, finish } from './report.js';
import { stageBlob, withStagingDir } from './staging.js';
import { imageLabel, openStore, type StoreImage, storeImages } from './store.js';

/**
 * A new scope entry lists the entries holding the rest of its images. Past this many scope
 * entries a restore would download too many archives (and old ones carry blobs no image needs
 * any more), so the save packs every blob into one entry instead, keeping only image entries.
 */
const MAX_SCOPE_PARENTS = 3;
/** Image entries a save may create: each is one of the ~200 new entries a minute GitHub allows a repository. */
const MAX_IMAGE_ENTRIES = 4;

export interface SaveStoreCacheOptions {
  /**
   * The key prefix (`defaultCacheKeys().key`, or the user's `cache-key`). Entries are immutable,
   * so each save that has something new writes the entry `<key>/<run>-<attempt>-<random>`; a
   * restore by the same key finds the newest.
   */
  key: string;
  /** The images to cache, by index.json name; every image of the store by default. */
  images?: readonly string[];
  /**
   * Images (base images) to keep in entries of their own, keyed by their digest, so every
   * workflow, job and scope that uses one shares a single entry. At most four per save.
   */
  shared?: readonly string[];
  logger?: Logger;
  /** Where entries are staged (default RUNNER_TEMP, else the OS temp dir); the store's filesystem is fastest. */
  tempDir?: string;
  backend?: CacheBackend;
  env?: NodeJS.ProcessEnv;
}

/**
 * Saves the store's images to the CI cache. Blobs held by an entry restored or saved earlier in
 * this workflow run are not uploaded again: the new entry lists those entries instead. Never
 * throws: a failure is a warning, and the report says what happened.
 */
export async function saveStoreCache(
  storeDir: string,
  options: SaveStoreCacheOptions,
): Promise<CacheReport> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const backend = options.backend ?? actionsCacheBackend;
  const env = options.env ?? process.env;
  const report = emptyReport('save', options.key);
  const warn = (message: string) => {
    report.warnings.push(message);
    logger.warn(message);
  };

  try {
    checkCacheKey(options.key);
    if (!backend.available()) {
      warn(
        'CI cache: no GitHub Actions cache service here (ACTIONS_RESULTS_URL is not set); the store is not saved',
      );
      return finish(report, started, logger);
    }
    const store = await openStore(storeDir, logger);
    const images = await storeImages(store, options.images, warn);
    if (images.length === 0) {
      logger.info('CI cache: the store has no images to save');
      return finish(report, started, logger);
    }
    const run = currentRun(env);
    const known = await readRecord(storeDir, run);
    const saved: RecordedEntry[] = [];

    const save = async (
      key: string,
      kind: RecordedEntry['kind'],
      blobs: ReadonlyMap<Digest, number>,
      parents: readonly RecordedEntry[],
      entryImages: readonly StoreImage[],
    ): Promise<SaveOutcome> => {
      const t0 = performance.now();
      const manifest: EntryManifest = {
        schema: ENTRY_SCHEMA,
        key,
        created: new Date().toISOString(),
        blobs: [...blobs].map(([digest, size]) => ({ digest, size })),
        parents: parents.map((p) => ({
          key: p.key,
          blobs: [...p.blobs].map(([digest, size]) => ({ digest, size })),
        })),
        images: entryImages.map((i) => ({ descriptor: i.descriptor, blobs: [...i.blobs.keys()] })),
      };
      let outcome: SaveOutcome;
      try {
        outcome = await withStagingDir(options.tempDir, async (root) => {
          for (const digest of blobs.keys()) await stageBlob(root, digest, store.blobFile(digest));
          await writeFile(join(root, ENTRY_DIR, ENTRY_FILE), JSON.stringify(manifest));
          return backend.save(root, key, logger);
        });
      } catch (err) {
        outcome = { ok: false, reason: 'failed', message: errorMessage(err) };
      }
      const bytes = sum(blobs.values());
      const entry: CacheEntryReport = {
        key,
        kind,
        action: 'saved',
        blobs: blobs.size,
        bytes,
        durationMs: Math.round(performance.now() - t0),
      };
      if (outcome.ok) {
        if (outcome.archiveBytes !== undefined) entry.archiveBytes = outcome.archiveBytes;
        report.blobs += blobs.size;
        report.bytes += bytes;
      } else {
        entry.action = ENTRY_ACTIONS[outcome.reason];
        entry.blobs = 0;
        entry.bytes = 0;
        entry.message = outcome.message;
      }
      report.entries.push(entry);
      if (outcome.ok || (outcome.reason === 'exists' && kind === 'image')) {
        const ids = entryImages.map((i) => imageId(i.name, i.descriptor.digest));
        const recorded = { key, kind, blobs: new Map(blobs), images: ids };
        saved.push(recorded);
        known.push(recorded);
      }
      return outcome;
    };

    let stop: SaveOutcome | undefined;
    for (const name of (options.shared ?? []).slice(0, MAX_IMAGE_ENTRIES)) {
      const image = images.find((i) => i.name === name);
      if (!image) continue;
      if (covered(known, image.blobs)) continue;
      const key = imageEntryKey(image.descriptor.digest);
      const found = await withStagingDir(options.tempDir, (root) =>
        backend.restore(root, key, [], logger, { lookupOnly: true }),
      );
      if (found.matchedKey === key) {
        known.push({
          key,
          kind: 'image',
          blobs: image.blobs,
          images: [imageId(image.name, image.descriptor.digest)],
        });
        report.entries.push({
          key,
          kind: 'image',
          action: 'reused',
          blobs: 0,
          bytes: 0,
          durationMs: 0,
        });
        continue;
      }
      const outcome = await save(key, 'image', image.blobs, [], [image]);
      // Whatever stopped this entry would stop the next one too.
      if (!outcome.ok && outcome.reason !== 'exists' && outcome.reason !== 'failed') {
        stop = outcome;
        break;
      }
    }

    if (!stop) {
      const needed = new Map<Digest, number>();
      for (const image of images) for (const [d, size] of image.blobs) needed.set(d, size);
      const holders = new Map<string, RecordedEntry>();
      const missing = new Map(needed);
      for (const entry of known) {
        for (const digest of entry.blobs.keys()) {
          if (!missing.delete(digest)) continue;
          holders.set(entry.key, entry);
        }
      }
      const allListed = images.every((i) =>
        known.some(
          (e) => e.kind === 'scope' && e.images.includes(imageId(i.name, i.descriptor.digest)),
        ),
      );
      if (missing.size === 0 && allListed) {
        report.status = 'unchanged';
      } else {
        let parents = [...holders.values()];
        let blobs = missing;
        if (parents.filter((p) => p.kind === 'scope').length >= MAX_SCOPE_PARENTS) {
          logger.info(
            `CI cache: packing all of ${options.key} into one new entry (its chain reached ${MAX_SCOPE_PARENTS} entries)`,
          );
          parents = parents.filter((p) => p.kind === 'image');
          blobs = new Map(needed);
          for (const p of parents) for (const d of p.blobs.keys()) blobs.delete(d);
        }
        await save(entryKey(options.key, env), 'scope', blobs, parents, images);
      }
    }

    const failures = report.entries.filter(
      (e) => e.action === 'failed' || e.action === 'rate-limited',
    );
    for (const f of failures) {
      warn(
        f.action === 'rate-limited'
          ? `CI cache: saving ${f.key}: the cache service is limiting new entries (about 200 a minute per repository): ${f.message}`
          : `CI cache: saving ${f.key}: ${f.message}`,
      );
    }
    for (const s of report.entries.filter((e) => e.action === 'skipped')) {
      logger.info(`CI cache: not saving ${s.key}: ${s.message}`);
    }
    if (report.status !== 'unchanged') {
      report.status = report.entries.some((e) => e.action === 'saved')
        ? 'saved'
        : failures.length > 0
          ? 'failed'
          : report.entries.some((e) => e.action === 'skipped')
            ? 'skipped'
            : 'unchanged';
    }
    report.images = images.map((i) => imageLabel(i.descriptor));
    await recordEntries(storeDir, run, saved).catch((err: unknown) => {
      logger.debug(`CI cache: recording the saved entries in ${storeDir}: ${errorMessage(err)}`);
    });
  } catch (err) {
    report.status = 'failed';
    warn(`CI cache: saving the store ${storeDir}: ${errorMessage(err)}`);
  }
  return finish(report, started, logger);
}

const ENTRY_ACTIONS: Record<
  Exclude<SaveOutcome, { ok: true }>['reason'],
  CacheEntryReport['action']
> = {
  // A taken key is success for an image entry: the same digest means the same content.
  exists: 'reused',
  'rate-limited': 'rate-limited',
  denied: 'skipped',
  skipped: 'skipped',
  failed: 'failed',
};

/** Whether entries already known hold every one of `blobs`. */
function covered(known: readonly RecordedEntry[], blobs: ReadonlyMap<Digest, number>): boolean {
  for (const digest of blobs.keys()) if (!known.some((e) => e.blobs.has(digest))) return false;
  return true;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
