// The build action's CI cache: the store restored before the build (keyed by workflow, job, scope and build file) and saved by the post step.
import { restoreStoreCache, saveStoreCache } from '../../src/core/cache/index.js';
import { defaultCacheKeys } from '../../src/core/cache/keys.js';
import { errorMessage } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import { defaultStoreDir } from '../../src/core/storage/location.js';
import type { CachePlan } from '../../src/gha/store-cache.js';
import type { Inputs } from './inputs.js';

/** The key to restore from and save under: the `cache-key` input, else one derived from the build. */
export function cacheKeys(
  inputs: Inputs,
  buildFile: string,
): { key: string; restoreKeys: string[] } {
  if (inputs['cache-key'] !== '') return { key: inputs['cache-key'], restoreKeys: [] };
  return defaultCacheKeys({
    scope: inputs['cache-scope'] || inputs.target || 'default',
    content: [buildFile],
  });
}

/**
 * Restores the store from the CI cache and returns what post needs to save it again. The cache
 * only saves time, so a failure is a warning and the build runs without it.
 */
export async function restoreBuildCache(
  inputs: Inputs,
  buildFile: string,
  logger: Logger,
): Promise<CachePlan | undefined> {
  const store = inputs.store || defaultStoreDir();
  const keys = cacheKeys(inputs, buildFile);
  try {
    await restoreStoreCache(store, { key: keys.key, restoreKeys: keys.restoreKeys, logger });
  } catch (err) {
    logger.warn(`restoring the store from the CI cache: ${errorMessage(err)}`);
  }
  return { store, key: keys.key, scope: inputs['cache-scope'] };
}

/** Saves the store; like restoring, never fails the step. */
export async function saveBuildCache(plan: CachePlan, logger: Logger): Promise<void> {
  try {
    await saveStoreCache(plan.store, { key: plan.key, logger });
  } catch (err) {
    logger.warn(`saving the store to the CI cache: ${errorMessage(err)}`);
  }
}
