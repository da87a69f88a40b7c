// Entry point of the copy action: inputs in, the copy, outputs and a job summary out.
import * as core from '@actions/core';
import { formatInputs } from '../../src/gha/input-log.js';
import { actionsLogger } from '../../src/gha/logger.js';
import { runAction } from '../../src/gha/run-action.js';
import { restoreStoreCache } from '../../src/gha/store-cache.js';
import { appendSummaryTable } from '../../src/gha/summary.js';
import { copy } from './copy.js';
import { parseInputs, SECRET_INPUTS } from './inputs.js';
import { outputsOf, summaryOf } from './outputs.js';

async function main(): Promise<void> {
  const inputs = parseInputs();
  const logger = actionsLogger();
  await logger.group('Inputs', async () => logger.info(formatInputs(inputs, SECRET_INPUTS)));
  if (inputs.cache) {
    await logger.group('Restoring the store', () => restoreStoreCache(inputs, logger));
  }
  const result = await copy(inputs, logger);
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value);
  await appendSummaryTable(summaryOf(inputs, result));
}

/** Settles when the action is done; tests await it, the runner just waits for the process. */
export const done = runAction(main);
