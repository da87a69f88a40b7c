// Entry point of the run action: services up, the test command, its exit code as the step's.
import * as core from '@actions/core';
import { formatInputs } from '../../src/gha/input-log.js';
import { actionsLogger } from '../../src/gha/logger.js';
import { runAction } from '../../src/gha/run-action.js';
import { saveJsonState } from '../../src/gha/state.js';
import { restoreStoreCache } from '../../src/gha/store-cache.js';
import { appendSummaryTable } from '../../src/gha/summary.js';
import { inputsForLog, parseInputs, SECRET_INPUTS } from './inputs.js';
import { outputsOf, summaryOf } from './outputs.js';
import { run } from './run.js';
import { CREATED_STATE, CreatedTracker } from './state.js';

async function main(): Promise<void> {
  const inputs = parseInputs();
  const logger = actionsLogger();
  await logger.group('Inputs', async () =>
    logger.info(formatInputs(inputsForLog(inputs), SECRET_INPUTS)),
  );
  if (inputs.cache) {
    await logger.group('Restoring the store', () => restoreStoreCache(inputs, logger));
  }
  const tracker = new CreatedTracker((created) => saveJsonState(CREATED_STATE, created));
  const result = await run(inputs, logger, tracker);
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value);
  await appendSummaryTable(summaryOf(inputs, result));
  if (result.exitCode !== 0) {
    // The step's exit code is the test command's, as if the tests had run on the runner itself.
    core.setFailed(`the test command exited with code ${result.exitCode}`);
    process.exitCode = result.exitCode;
  }
}

/** Settles when the action is done; tests await it, the runner just waits for the process. */
export const done = runAction(main);
