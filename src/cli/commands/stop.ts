// `lighter stop CONTAINER...`: the image's stop signal, then SIGKILL after a grace period.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';
import { containerTargets } from './targets.js';

export interface StopRequest {
  containers: readonly string[];
  all: boolean;
  /** Seconds between the stop signal and SIGKILL. */
  timeSeconds: number;
}

export async function stop(args: Args, ctx: CommandContext): Promise<number> {
  const request: StopRequest = {
    ...containerTargets(args),
    timeSeconds: args.integer('time', 10, { min: 0 }),
  };
  return execute(request, ctx);
}

// The container runtime (issue #6) plugs in here.
async function execute(_request: StopRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
