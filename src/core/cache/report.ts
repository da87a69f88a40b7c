// What a cache save or restore did, for the log and the job summary: entries, images, sizes and times.

import type { Logger } from '../log.js';

export type EntryAction =
  /** Downloaded and imported into the store. */
  | 'restored'
  /** Uploaded as a new entry. */
  | 'saved'
  /** Already in the cache (or already restored in this run): used without moving a byte. */
  | 'reused'
  /** A parent entry the cache no longer has (evicted), or that failed to download. */
  | 'missing'
  /** The service takes no writes from this run (a read-only token, or cache-mode `read`). */
  | 'skipped'
  | 'rate-limited'
  | 'failed';

export interface CacheEntryReport {
  key: string;
  /** `image`: one image's entry, keyed by its digest; `scope`: what a build scope added. */
  kind: 'scope' | 'image';
  action: EntryAction;
  /** Blobs moved (uploaded, or new in the store) and their bytes before compression. */
  blobs: number;
  bytes: number;
  /** The compressed archive's size, when the client told. */
  archiveBytes?: number;
  durationMs: number;
  message?: string;
}

export type CacheStatus =
  /** Restore: every image of the entry found is in the store. */
  | 'hit'
  /** Restore: some images could not be completed (a parent entry is gone). */
  | 'partial'
  | 'miss'
  /** Save: at least one new entry was written. */
  | 'saved'
  /** Save: the cache already holds everything; nothing was uploaded. */
  | 'unchanged'
  /** No cache service (outside Actions), or the service refused for a reason that is no fault. */
  | 'skipped'
  | 'failed';

export interface CacheReport {
  operation: 'save' | 'restore';
  status: CacheStatus;
  /** The key prefix asked for. */
  key: string;
  /** Restore: the entry the lookup found (the key, or a restore key's match). */
  matchedKey?: string;
  entries: CacheEntryReport[];
  /** Images restored into the store, or saved (names, or digests of unnamed images). */
  images: string[];
  /** Totals over the entries. */
  blobs: number;
  bytes: number;
  durationMs: number;
  warnings: string[];
}

export function emptyReport(operation: CacheReport['operation'], key: string): CacheReport {
  return {
    operation,
    status: 'skipped',
    key,
    entries: [],
    images: [],
    blobs: 0,
    bytes: 0,
    durationMs: 0,
    warnings: [],
  };
}

/** One line for the log: `restored 3 images (12.1 MB in 2 entries, 1.4 s) from lighter/ci/...`. */
export function describeReport(report: CacheReport): string {
  const moved = `${report.blobs} blob${report.blobs === 1 ? '' : 's'}, ${formatBytes(report.bytes)}`;
  const time = `${(report.durationMs / 1000).toFixed(1)} s`;
  const entries = report.entries.filter(
    (e) => e.action === (report.operation === 'save' ? 'saved' : 'restored'),
  );
  const keys = entries.map((e) => e.key).join(', ');
  const images = `${report.images.length} image${report.images.length === 1 ? '' : 's'}`;
  switch (report.status) {
    case 'hit':
    case 'partial':
      return `CI cache: restored ${images} (${moved} from ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, ${time}) from ${keys || report.matchedKey}${report.status === 'partial' ? '; some images incomplete' : ''}`;
    case 'saved':
      return `CI cache: saved ${images} (${moved} new in ${keys}, ${time})`;
    case 'unchanged':
      return `CI cache: ${images} already cached under ${report.key}; nothing to upload (${time})`;
    case 'miss':
      return `CI cache: no entry under ${report.key} (${time})`;
    case 'skipped':
      return `CI cache: ${report.operation} skipped${report.warnings.length > 0 ? `: ${report.warnings.at(-1)}` : ''}`;
    case 'failed':
      return `CI cache: ${report.operation} failed${report.warnings.length > 0 ? `: ${report.warnings.at(-1)}` : ''}`;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Stamps the duration and logs the outcome; skips and failures have said why already. */
export function finish(report: CacheReport, started: number, logger: Logger): CacheReport {
  report.durationMs = Math.round(performance.now() - started);
  if (report.status !== 'failed' && report.status !== 'skipped')
    logger.info(describeReport(report));
  return report;
}
