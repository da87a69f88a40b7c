// Post step of the build action: saves the store to the CI cache after a successful build.
import { actionsLogger } from '../../src/gha/logger.js';
import { runAction } from '../../src/gha/run-action.js';
import { saveBuildCache } from './cache.js';
import { readCachePlan } from './state.js';

async function post(): Promise<void> {
  const logger = actionsLogger();
  // A cancelled build may have left a RUN container (and its overlay mount) behind.
  if (process.platform === 'linux') {
    const { removeBuildLeftovers } = await import('../../src/core/build/leftovers.js');
    await removeBuildLeftovers(logger).catch(() => {});
  }
  const plan = readCachePlan();
  if (!plan) {
    logger.info('Nothing to save: the cache is off or the build did not finish.');
    return;
  }
  await logger.group('Saving the store', () => saveBuildCache(plan, logger));
}

/** Settles when the step is done; tests await it, the runner just waits for the process. */
export const done = runAction(post);
