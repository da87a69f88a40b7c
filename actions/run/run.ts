// The run action's work, apart from reading inputs and writing outputs.
import { LighterError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import type { Inputs } from './inputs.js';
import type { Created, CreatedTracker } from './state.js';

export interface ServiceReport {
  name: string;
  image: string;
  ready: boolean;
  /** Seconds from start until ready (or until giving up). */
  seconds: number;
}

export interface RunResult {
  /** Exit code of the test command. */
  exitCode: number;
  /** Directory holding every container's log file. */
  logs: string;
  services: ServiceReport[];
  seconds: number;
}

const notYet = () =>
  new LighterError('ERR_UNSUPPORTED', 'the container runtime is not in this build yet (issue #6)');

/**
 * Starts the services, waits until they are ready, runs the test container and returns its
 * exit code. Everything it creates goes to `tracker` first, so post can remove it. The runtime
 * (issue #6) is wired in here, and only here: main.ts already reports a RunResult.
 */
export async function run(
  _inputs: Inputs,
  _logger: Logger,
  _tracker: CreatedTracker,
): Promise<RunResult> {
  throw notYet();
}

/** Removes every container and pod main created, even ones main never saw finish starting. */
export async function cleanup(_created: Created, _logger: Logger): Promise<void> {
  throw notYet();
}
