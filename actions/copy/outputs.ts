// What the copy action reports: step outputs and the job summary, both pure functions of a result.
import { formatBytes, formatSeconds, type SummaryTable } from '../../src/gha/summary.js';
import type { CopyResult } from './copy.js';
import type { Inputs } from './inputs.js';

/** Step outputs keyed by the names in action.yml. */
export function outputsOf(result: CopyResult): Record<string, string> {
  return {
    digest: result.digest,
    destinations: JSON.stringify(result.destinations),
  };
}

export function summaryOf(inputs: Inputs, result: CopyResult): SummaryTable {
  return {
    heading: 'lighter copy',
    columns: ['image', 'digest', 'platforms', 'copied', 'skipped', 'time'],
    rows: result.destinations.map((d) => [
      `${inputs.source} → ${d.reference}`,
      d.digest,
      result.platforms.join(', '),
      formatBytes(result.bytesCopied),
      formatBytes(result.bytesSkipped),
      formatSeconds(result.seconds),
    ]),
  };
}
