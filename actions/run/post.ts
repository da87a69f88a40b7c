// Post step of the run action: removes every container and pod main created, even after a cancel.
import { actionsLogger } from '../../src/gha/logger.js';
import { runAction } from '../../src/gha/run-action.js';
import { cleanup } from './run.js';
import { isEmpty, readCreated } from './state.js';

async function post(): Promise<void> {
  const logger = actionsLogger();
  const created = readCreated();
  if (isEmpty(created)) {
    logger.info('Nothing to clean up: no container or pod was created.');
    return;
  }
  await logger.group('Removing containers and pods', () => cleanup(created, logger));
}

/** Settles when the step is done; tests await it, the runner just waits for the process. */
export const done = runAction(post);
