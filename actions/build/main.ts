// Entry point of the build action: inputs in, the build, outputs and a job summary out.
import * as core from '@actions/core';
import { formatInputs } from '../../src/gha/input-log.js';
import { actionsLogger } from '../../src/gha/logger.js';
import { runAction } from '../../src/gha/run-action.js';
import { saveJsonState } from '../../src/gha/state.js';
import { appendSummaryTable } from '../../src/gha/summary.js';
import { build, readBuildFile } from './build.js';
import { restoreBuildCache } from './cache.js';
import { parseInputs, SECRET_INPUTS } from './inputs.js';
import { outputsOf, summaryOf } from './outputs.js';
import { CACHE_STATE } from './state.js';

async function main(): Promise<void> {
  const inputs = parseInputs();
  const logger = actionsLogger();
  await logger.group('Inputs', async () => logger.info(formatInputs(inputs, SECRET_INPUTS)));
  const source = await readBuildFile(inputs);
  const cache = inputs.cache
    ? await logger.group('Restoring the store', () =>
        restoreBuildCache(inputs, source.text, logger),
      )
    : undefined;
  const result = await logger.group('Building', () => build(inputs, logger));
  // Only a finished build leaves a store worth saving; post does nothing without this state.
  if (cache) saveJsonState(CACHE_STATE, cache);
  for (const [name, value] of Object.entries(outputsOf(result))) core.setOutput(name, value);
  for (const table of summaryOf(result)) await appendSummaryTable(table);
}

/** Settles when the action is done; tests await it, the runner just waits for the process. */
export const done = runAction(main);
