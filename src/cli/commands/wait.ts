// `lighter wait CONTAINER...`: blocks until containers exit and prints their exit codes.
import type { Args } from '../args.js';
import { parseDuration } from '../container-options.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export interface WaitRequest {
  containers: readonly string[];
  timeoutSeconds: number | undefined;
}

export async function wait(args: Args, ctx: CommandContext): Promise<number> {
  return execute(
    { containers: args.positionals, timeoutSeconds: parseDuration(args, 'timeout') },
    ctx,
  );
}

// The container runtime (issue #6) plugs in here.
async function execute(_request: WaitRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
