// Copy progress in an Actions log: no bars (the log is not a terminal), one summary line at most
// every few seconds, so long copies show they are alive without flooding the log.
import type { BlobProgress } from '../core/copy/copy.js';
import { formatBytes, ProgressTotalizer } from '../core/copy/progress.js';
import type { Logger } from '../core/log.js';

export function periodicProgress(logger: Logger, everyMs = 10_000): (event: BlobProgress) => void {
  const totals = new ProgressTotalizer();
  let last = Date.now();
  return (event) => {
    totals.update(event);
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    const t = totals.totals();
    logger.info(
      `copied ${formatBytes(t.bytesDone)} of ${formatBytes(t.bytesTotal)} (${t.finished} of ${t.blobs} blobs done, ${t.skipped} already present)`,
    );
  };
}
