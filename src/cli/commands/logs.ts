// `lighter logs CONTAINER`: a container's captured stdout and stderr.
import { exitedFor } from '../../core/pod/ready.js';
import { LineJoiner } from '../../core/run/index.js';
import { followLogs, type LogEntry, readLogs } from '../../core/runtime/index.js';
import type { Args } from '../args.js';
import { engineFor } from '../container-options.js';
import type { CommandContext } from '../context.js';

export interface LogsRequest {
  container: string;
  follow: boolean;
  timestamps: boolean;
  /** Only the last N lines. */
  tail: number | undefined;
}

export async function logs(args: Args, ctx: CommandContext): Promise<number> {
  const request: LogsRequest = {
    container: args.positionals[0]!,
    follow: args.boolean('follow'),
    timestamps: args.boolean('timestamps'),
    tail: args.has('tail') ? args.integer('tail', 0, { min: 0 }) : undefined,
  };
  return execute(request, args, ctx);
}

async function execute(request: LogsRequest, args: Args, ctx: CommandContext): Promise<number> {
  const engine = engineFor(args, ctx);
  const container = await engine.find(request.container);
  const path = container.record.logPath;
  const print = printer(ctx, request.timestamps ? (entry) => `${entry.time} ` : () => '');
  const joiner = new LineJoiner(print);
  let entries = await readLogs(path);
  const shown = entries.length;
  if (request.tail !== undefined) entries = tailEntries(entries, request.tail);
  for (const entry of entries) joiner.push(entry);
  if (request.follow) {
    const exited = exitedFor(container);
    let skipped = 0;
    for await (const entry of followLogs(path, {
      done: async () => (await exited()) !== undefined,
      pollMs: 100,
    })) {
      // followLogs reads the file from its start: what was shown above is not shown twice.
      if (skipped < shown) {
        skipped++;
        continue;
      }
      joiner.push(entry);
    }
  }
  joiner.flush();
  return 0;
}

/** Writes stdout lines to stdout and stderr lines to stderr, each with `prefix(entry)` in front. */
export function printer(ctx: CommandContext, prefix: (entry: LogEntry) => string) {
  return (stream: 'stdout' | 'stderr', line: string, entry: LogEntry) => {
    const text = `${prefix(entry)}${line}`;
    if (stream === 'stdout') ctx.out(text);
    else ctx.logger.info(text);
  };
}

/** The entries that make up the last `count` whole lines. */
export function tailEntries(entries: readonly LogEntry[], count: number): LogEntry[] {
  if (count === 0) return [];
  let lines = 0;
  let i = entries.length;
  while (i > 0) {
    const entry = entries[i - 1] as LogEntry;
    // A full entry ends a line; the partial pieces before it belong to that same line.
    if (!entry.partial) {
      if (lines === count) break;
      lines++;
    }
    i--;
  }
  return entries.slice(i);
}
