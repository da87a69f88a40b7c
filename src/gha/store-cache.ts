// Restores and saves the image store through the GitHub Actions cache, for all three actions.
import {
  type CacheReport,
  defaultCacheKeys,
  describeReport,
  restoreStoreCache as restoreCache,
  saveStoreCache as saveCache,
} from '../core/cache/index.js';
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { defaultStoreDir } from '../core/storage/location.js';
import type { StoreInputs } from './store-inputs.js';
import { appendSummaryTable, formatBytes, formatSeconds, type SummaryTable } from './summary.js';

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

/** The store an action uses: its `store` input, else $LIGHTER_STORE, else the default. */
export function actionStoreDir(inputs: StoreInputs, env: NodeJS.ProcessEnv = process.env): string {
  return inputs.store || env.LIGHTER_STORE || defaultStoreDir(env);
}

/**
 * Keys: the `cache-key` input as it is, else lighter/<workflow>/<job>/<scope>, with the scope
 * from `cache-scope` (default: the action's name).
 */
function planFor(
  inputs: StoreInputs,
  env: NodeJS.ProcessEnv,
): CachePlan & { restoreKeys: string[] } {
  const scope = inputs['cache-scope'] || env.GITHUB_ACTION || 'default';
  const keys = inputs['cache-key']
    ? { key: inputs['cache-key'], restoreKeys: [] }
    : defaultCacheKeys({ scope, env });
  return {
    store: actionStoreDir(inputs, env),
    key: keys.key,
    scope,
    restoreKeys: [...keys.restoreKeys],
  };
}

async function restore(inputs: StoreInputs, logger: Logger): Promise<CachePlan | undefined> {
  const plan = planFor(inputs, process.env);
  const report = await restoreCache(plan.store, {
    key: plan.key,
    restoreKeys: plan.restoreKeys,
    logger,
  });
  logger.info(describeReport(report));
  await appendSummaryTable(cacheTable(report));
  return { store: plan.store, key: plan.key, scope: plan.scope };
}

async function save(plan: CachePlan, logger: Logger): Promise<void> {
  const report = await saveCache(plan.store, { key: plan.key, logger });
  logger.info(describeReport(report));
  await appendSummaryTable(cacheTable(report));
}

/** The job summary's view of a cache operation: each entry, what happened, sizes and times. */
export function cacheTable(report: CacheReport): SummaryTable {
  return {
    heading: `CI cache ${report.operation}: ${report.status}`,
    columns: ['entry', 'kind', 'action', 'blobs', 'size', 'time'],
    rows: report.entries.map((e) => [
      e.key,
      e.kind,
      e.action,
      e.blobs,
      formatBytes(e.archiveBytes ?? e.bytes),
      formatSeconds(e.durationMs / 1000),
    ]),
  };
}
