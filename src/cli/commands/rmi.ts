// `lighter rmi IMAGE...`: removes images from the store.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export interface RmiRequest {
  /** Empty with --all. */
  images: readonly string[];
  all: boolean;
  force: boolean;
}

export async function rmi(args: Args, ctx: CommandContext): Promise<number> {
  const all = args.boolean('all');
  if (all && args.positionals.length > 0) throw args.usage('give IMAGE names or --all, not both');
  if (!all && args.positionals.length === 0) throw args.usage('give at least one IMAGE, or --all');
  return execute({ images: args.positionals, all, force: args.boolean('force') }, ctx);
}

// The store (issue #4) plugs in here.
async function execute(_request: RmiRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the image store', 4);
}
