// What the run action reports: step outputs and the job summary, both pure functions of a result.
import { formatSeconds, type SummaryTable } from '../../src/gha/summary.js';
import type { Inputs } from './inputs.js';
import type { RunResult } from './run.js';

/** Step outputs keyed by the names in action.yml. */
export function outputsOf(result: RunResult): Record<string, string> {
  return { 'exit-code': String(result.exitCode), logs: result.logs };
}

export function summaryOf(inputs: Inputs, result: RunResult): SummaryTable {
  return {
    heading: 'lighter run',
    columns: ['container', 'image', 'status', 'time'],
    rows: [
      ...result.services.map((s) => [
        s.name,
        s.image,
        s.ready ? 'ready' : 'never ready',
        formatSeconds(s.seconds),
      ]),
      ['test', inputs.image, `exit code ${result.exitCode}`, formatSeconds(result.seconds)],
    ],
  };
}
