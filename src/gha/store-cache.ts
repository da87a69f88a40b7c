// Restores and saves the image store through the GitHub Actions cache, for all three actions.
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { StoreInputs } from './store-inputs.js';

/** What main restored and post saves: enough for post to find the same store and key again. */
export interface CachePlan {
  store: string;
  key: string;
  scope: string;
}

/**
 * Restores the store when the `cache` input asks for it and returns the plan to save it again.
 * The cache is an optimization, so any failure is a warning and the action carries on without it.
 */
export async function restoreStoreCache(
  inputs: StoreInputs,
  logger: Logger,
): Promise<CachePlan | undefined> {
  if (!inputs.cache) return undefined;
  try {
    return await restore(inputs, logger);
  } catch (err) {
    logger.warn(`restoring the store from the CI cache: ${errorMessage(err)}`);
    return undefined;
  }
}

/** Saves the store named by a plan; like restoring, a failure is only a warning. */
export async function saveStoreCache(plan: CachePlan, logger: Logger): Promise<void> {
  try {
    await save(plan, logger);
  } catch (err) {
    logger.warn(`saving the store to the CI cache: ${errorMessage(err)}`);
  }
}

// The CI cache of the store (issue #4) plugs in below; until then every action runs uncached.
async function restore(_inputs: StoreInputs, logger: Logger): Promise<CachePlan | undefined> {
  logger.info('the CI cache of the store is not in this build yet (issue #4); running without it');
  return undefined;
}

async function save(_plan: CachePlan, logger: Logger): Promise<void> {
  logger.info('the CI cache of the store is not in this build yet (issue #4); nothing saved');
}
