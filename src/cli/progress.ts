// Copy progress in a terminal: one line per blob as skopeo prints them, with a live bar on a TTY.
import type { BlobProgress } from '../core/copy/copy.js';
import { formatBytes } from '../core/copy/progress.js';
import type { Logger } from '../core/log.js';

export interface ProgressSink {
  (event: BlobProgress): void;
  /** Clears the live area; call before printing the result. */
  finish(): void;
}

const short = (digest: string) => digest.slice(0, 19);

/** Lines for each blob's start and end; on a TTY, a redrawn bar per active blob. */
export function cliProgress(
  logger: Logger,
  options: { quiet?: boolean; tty?: NodeJS.WriteStream } = {},
): ProgressSink {
  const tty = options.tty?.isTTY ? options.tty : undefined;
  const active = new Map<string, BlobProgress>();
  let drawn = 0;
  let last = 0;
  const clear = () => {
    if (tty && drawn > 0) tty.write(`\x1b[${drawn}A\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    if (!tty) return;
    clear();
    const width = 30;
    for (const b of active.values()) {
      const total = b.size > 0 ? b.size : Math.max(b.bytes, 1);
      const filled = Math.min(width, Math.round((b.bytes / total) * width));
      tty.write(
        `Copying blob ${short(b.digest)} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${formatBytes(b.bytes)} / ${formatBytes(total)}\n`,
      );
      drawn++;
    }
  };
  const sink = ((event: BlobProgress) => {
    if (options.quiet) return;
    if (event.state === 'start' || event.state === 'progress') {
      active.set(event.digest, event);
      const now = Date.now();
      if (event.state === 'start' || now - last > 100) {
        last = now;
        draw();
      }
      return;
    }
    active.delete(event.digest);
    clear();
    logger.info(
      event.state === 'skipped'
        ? `Copying blob ${short(event.digest)} skipped: already exists`
        : `Copying blob ${short(event.digest)} done (${formatBytes(event.size)})`,
    );
    draw();
  }) as ProgressSink;
  sink.finish = clear;
  return sink;
}
