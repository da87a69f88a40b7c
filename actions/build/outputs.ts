// What the build action reports: step outputs and the job summary, both pure functions of a result.
import { formatBytes, formatSeconds, type SummaryTable } from '../../src/gha/summary.js';
import type { BuildResult } from './build.js';

/** Step outputs keyed by the names in action.yml. */
export function outputsOf(result: BuildResult): Record<string, string> {
  return {
    'image-id': result.imageId,
    digest: result.digest,
    metadata: JSON.stringify({
      'image.id': result.imageId,
      'image.digest': result.digest,
      tags: result.tags,
      platforms: result.platforms,
      pushed: result.pushed,
      outputs: result.outputs,
      steps: result.steps,
      seconds: result.seconds,
    }),
  };
}

export function summaryOf(result: BuildResult): SummaryTable[] {
  const cached = result.steps.filter((s) => s.cached).length;
  // Only layer steps go through the cache; a miss always says why.
  const cacheable = result.steps.filter((s) => s.cached || s.reason !== undefined).length;
  return [
    {
      heading: 'lighter build',
      columns: ['image', 'digest', 'platforms', 'pushed', 'cache hits', 'time'],
      rows: [
        [
          result.tags.join('\n') || result.imageId,
          result.digest,
          result.platforms.join(', '),
          result.pushed.length > 0 ? 'yes' : 'no',
          `${cached} of ${cacheable}`,
          formatSeconds(result.seconds),
        ],
      ],
    },
    {
      heading: 'Steps',
      columns: ['step', 'cache', 'layer', 'time'],
      rows: result.steps.map((s) => [
        s.instruction,
        s.cached ? 'hit' : s.reason ? `miss: ${s.reason}` : '',
        s.size > 0 ? formatBytes(s.size) : '',
        formatSeconds(s.seconds),
      ]),
    },
  ];
}
