// The CI cache of the store: save it to and restore it from the GitHub Actions cache in a few packed entries.

export type { CacheBackend } from './actions-backend.js';
export { type CacheKeys, checkCacheKey, type DefaultKeyInputs, defaultCacheKeys } from './keys.js';
export {
  type CacheEntryReport,
  type CacheReport,
  type CacheStatus,
  describeReport,
  type EntryAction,
  formatBytes,
} from './report.js';
export { type RestoreStoreCacheOptions, restoreStoreCache } from './restore.js';
export { type SaveStoreCacheOptions, saveStoreCache } from './save.js';
