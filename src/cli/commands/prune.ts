// `lighter prune`: garbage-collects blobs and layers no image in the store refers to.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export interface PruneRequest {
  /** Also remove images without a name, and the build cache. */
  all: boolean;
}

export async function prune(args: Args, ctx: CommandContext): Promise<number> {
  return execute({ all: args.boolean('all') }, ctx);
}

// The store (issue #4) plugs in here.
async function execute(_request: PruneRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the image store', 4);
}
