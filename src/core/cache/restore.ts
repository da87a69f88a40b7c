// Restores the store from the GitHub Actions cache: the newest entry under a key, plus the entries it builds on that the store lacks.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Digest } from '../digest.js';
import { errorMessage } from '../errors.js';
import { refName } from '../layout/layout.js';
import type { LayoutWriter } from '../layout/writer.js';
import { type Logger, silentLogger } from '../log.js';
import { actionsCacheBackend, type CacheBackend } from './actions-backend.js';
import {
  ENTRY_DIR,
  ENTRY_FILE,
  type EntryBlob,
  type EntryManifest,
  parseEntryManifest,
} from './entry.js';
import { checkCacheKey, entryKind, lookupPrefix, MAX_LOOKUP_KEYS } from './keys.js';
import { currentRun, imageId, type RecordedEntry, recordEntries } from './record.js';
import { type CacheEntryReport, type CacheReport, emptyReport, finish } from './report.js';
import { stagedBlobPath, withStagingDir } from './staging.js';
import { addImages, hasAllBlobs, imageLabel, importBlob, openStore } from './store.js';

export interface RestoreStoreCacheOptions {
  /** The key prefix the entries were saved under. */
  key: string;
  /** Prefixes to fall back to, in order, when nothing is saved under `key`. */
  restoreKeys?: readonly string[];
  logger?: Logger;
  /** Where entries are unpacked (default RUNNER_TEMP, else the OS temp dir). */
  tempDir?: string;
  backend?: CacheBackend;
  env?: NodeJS.ProcessEnv;
}

/**
 * Restores the newest entry saved under `key` (else under a restore key) into the store, with
 * the entries it lists as parents where the store lacks their blobs. Every blob is verified on
 * its way in, and an image is named in index.json only once all of its blobs are there. Never
 * throws: a failure is a warning and a missing entry a clean miss.
 */
export async function restoreStoreCache(
  storeDir: string,
  options: RestoreStoreCacheOptions,
): Promise<CacheReport> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const backend = options.backend ?? actionsCacheBackend;
  const restoreKeys = [...(options.restoreKeys ?? [])];
  const report = emptyReport('restore', options.key);
  const warn = (message: string) => {
    report.warnings.push(message);
    logger.warn(message);
  };

  try {
    checkCacheKey(options.key);
    for (const k of restoreKeys) checkCacheKey(k, 'restore key');
    if (restoreKeys.length + 1 > MAX_LOOKUP_KEYS) {
      warn(`CI cache: only the first ${MAX_LOOKUP_KEYS - 1} restore keys are used`);
      restoreKeys.length = MAX_LOOKUP_KEYS - 1;
    }
    if (!backend.available()) {
      warn(
        'CI cache: no GitHub Actions cache service here (ACTIONS_RESULTS_URL is not set); the store is not restored',
      );
      return finish(report, started, logger);
    }
    // Opened when the first entry arrives, so a miss leaves no trace in the store.
    let opened: Promise<LayoutWriter> | undefined;
    const openOnce = () => {
      opened ??= openStore(storeDir, logger);
      return opened;
    };
    const recorded: RecordedEntry[] = [];

    /** Downloads one entry and imports its blobs; `miss` and `error` say why it could not be had. */
    const fetchEntry = async (
      key: string,
      fallbacks: readonly string[],
      exact: boolean,
    ): Promise<{ manifest: EntryManifest; entry: CacheEntryReport } | 'miss' | 'error'> =>
      withStagingDir(options.tempDir, async (root) => {
        const t0 = performance.now();
        const found = await backend.restore(root, key, fallbacks, logger);
        if (found.error !== undefined) {
          warn(`CI cache: restoring ${key}: ${found.error}`);
          return 'error';
        }
        // A lookup also matches keys that merely start with the one asked for.
        if (found.matchedKey === undefined || (exact && found.matchedKey !== key)) return 'miss';
        const manifest = parseEntryManifest(
          await readFile(join(root, ENTRY_DIR, ENTRY_FILE)),
          found.matchedKey,
        );
        const moved = await importBlobs(
          await openOnce(),
          root,
          manifest.blobs,
          found.matchedKey,
          warn,
        );
        const entry: CacheEntryReport = {
          key: found.matchedKey,
          kind: entryKind(found.matchedKey),
          action: 'restored',
          blobs: moved.blobs,
          bytes: moved.bytes,
          durationMs: Math.round(performance.now() - t0),
        };
        if (found.archiveBytes !== undefined) entry.archiveBytes = found.archiveBytes;
        report.entries.push(entry);
        report.blobs += moved.blobs;
        report.bytes += moved.bytes;
        recorded.push({
          key: found.matchedKey,
          kind: entry.kind,
          blobs: new Map(manifest.blobs.map((b) => [b.digest, b.size])),
          images: manifest.images.map((i) => imageId(refName(i.descriptor), i.descriptor.digest)),
        });
        return { manifest, entry };
      });

    const top = await fetchEntry(lookupPrefix(options.key), restoreKeys, false);
    if (typeof top === 'string') {
      report.status = top === 'error' ? 'failed' : 'miss';
      return finish(report, started, logger);
    }
    const { manifest } = top;
    report.matchedKey = top.entry.key;
    const store = await openOnce();

    const sizes = new Map<Digest, number>(manifest.blobs.map((b) => [b.digest, b.size]));
    const needed = new Set<Digest>(manifest.images.flatMap((i) => i.blobs));
    for (const parent of manifest.parents) {
      for (const b of parent.blobs) sizes.set(b.digest, b.size);
      const lacking: EntryBlob[] = [];
      for (const b of parent.blobs)
        if (needed.has(b.digest) && !(await store.hasBlob(b))) lacking.push(b);
      if (lacking.length > 0) {
        const got = await fetchEntry(parent.key, [], true);
        if (typeof got === 'string') {
          report.entries.push({
            key: parent.key,
            kind: entryKind(parent.key),
            action: got === 'miss' ? 'missing' : 'failed',
            blobs: 0,
            bytes: 0,
            durationMs: 0,
          });
        }
        continue;
      }
      // The store has this entry's blobs already (a store kept between jobs). A save may build
      // on the entry only if the cache still has it, and a lookup tells without a download.
      const found = await withStagingDir(options.tempDir, (root) =>
        backend.restore(root, parent.key, [], logger, { lookupOnly: true }),
      );
      if (found.matchedKey === parent.key) {
        report.entries.push({
          key: parent.key,
          kind: entryKind(parent.key),
          action: 'reused',
          blobs: 0,
          bytes: 0,
          durationMs: 0,
        });
        recorded.push({
          key: parent.key,
          kind: entryKind(parent.key),
          blobs: new Map(parent.blobs.map((b) => [b.digest, b.size])),
          images: [],
        });
      }
    }

    const complete = [];
    const incomplete = [];
    for (const image of manifest.images) {
      if (await hasAllBlobs(store, image.blobs, sizes)) complete.push(image);
      else incomplete.push(imageLabel(image.descriptor));
    }
    const merge = await addImages(store, complete);
    report.images = complete.map((i) => imageLabel(i.descriptor));
    if (merge.kept.length > 0) {
      logger.info(
        `CI cache: kept the store's own ${merge.kept.join(', ')} over the cached one${merge.kept.length === 1 ? '' : 's'}`,
      );
    }
    if (incomplete.length > 0) {
      const gone = report.entries.filter((e) => e.action === 'missing').map((e) => e.key);
      // A parent that failed to download has its own warning already.
      warn(
        `CI cache: not restoring ${incomplete.join(', ')}: blobs are missing${gone.length > 0 ? ` (entries no longer in the cache: ${gone.join(', ')})` : ''}`,
      );
    }
    report.status = incomplete.length > 0 ? 'partial' : 'hit';
    await recordEntries(storeDir, currentRun(options.env ?? process.env), recorded).catch(
      (err: unknown) => {
        logger.debug(
          `CI cache: recording the restored entries in ${storeDir}: ${errorMessage(err)}`,
        );
      },
    );
  } catch (err) {
    report.status = 'failed';
    warn(`CI cache: restoring the store ${storeDir}: ${errorMessage(err)}`);
  }
  return finish(report, started, logger);
}

/** Imports an entry's blobs into the store, a few at a time; a damaged blob is skipped with a warning. */
async function importBlobs(
  store: LayoutWriter,
  root: string,
  blobs: readonly EntryBlob[],
  key: string,
  warn: (message: string) => void,
): Promise<{ blobs: number; bytes: number }> {
  const moved = { blobs: 0, bytes: 0 };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < blobs.length; i = next++) {
      const blob = blobs[i]!;
      try {
        if (await importBlob(store, stagedBlobPath(root, blob.digest), blob)) {
          moved.blobs++;
          moved.bytes += blob.size;
        }
      } catch (err) {
        warn(`CI cache: blob ${blob.digest} of ${key} not restored: ${errorMessage(err)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, blobs.length) }, worker));
  return moved;
}
