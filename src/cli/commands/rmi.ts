// `lighter rmi IMAGE...`: removes images from the store.
import { errorMessage } from '../../core/errors.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { openStore } from '../store.js';

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
  return execute({ images: args.positionals, all, force: args.boolean('force') }, args, ctx);
}

async function execute(request: RmiRequest, args: Args, ctx: CommandContext) {
  const store = await openStore(args, ctx);
  const targets = request.all ? (await store.images()).map((i) => i.id) : [...request.images];
  let failed = 0;
  for (const target of targets) {
    try {
      const removed = await store.remove(target, { force: request.force || request.all });
      for (const name of removed.untagged) ctx.out(`Untagged: ${name}`);
      if (removed.deleted) ctx.out(`Deleted: ${removed.digest}`);
    } catch (err) {
      failed++;
      ctx.logger.error(errorMessage(err));
    }
  }
  return failed === 0 ? 0 : 1;
}
