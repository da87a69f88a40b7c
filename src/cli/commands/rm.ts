// `lighter rm CONTAINER...`: removes stopped containers (running ones too, with --force).
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';
import { containerTargets } from './targets.js';

export interface RmRequest {
  containers: readonly string[];
  all: boolean;
  force: boolean;
}

export async function rm(args: Args, ctx: CommandContext): Promise<number> {
  return execute({ ...containerTargets(args), force: args.boolean('force') }, ctx);
}

// The container runtime (issue #6) plugs in here.
async function execute(_request: RmRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
