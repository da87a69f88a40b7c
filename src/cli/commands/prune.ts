// `lighter prune`: garbage-collects blobs and layers no image in the store refers to.
import { formatBytes } from '../../core/copy/progress.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { openStore } from '../store.js';

export interface PruneRequest {
  /** Also remove images without a name, and the build cache. */
  all: boolean;
}

export async function prune(args: Args, ctx: CommandContext): Promise<number> {
  return execute({ all: args.boolean('all') }, args, ctx);
}

async function execute(request: PruneRequest, args: Args, ctx: CommandContext) {
  const store = await openStore(args, ctx);
  const result = await store.prune({ all: request.all });
  ctx.out(
    `Removed ${result.images} image(s), ${result.blobs} blob(s), ${result.layers} layer dir(s), ${result.leftovers} leftover(s): ${formatBytes(result.bytes)} freed`,
  );
  return 0;
}
