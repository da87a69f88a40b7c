// `lighter logs CONTAINER`: a container's captured stdout and stderr.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

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
  return execute(request, ctx);
}

// The container runtime (issue #6) plugs in here.
async function execute(_request: LogsRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
