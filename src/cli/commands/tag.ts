// `lighter tag IMAGE NAME...`: gives a stored image more names.

import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { openStore } from '../store.js';

export interface TagRequest {
  image: string;
  names: readonly string[];
}

export async function tag(args: Args, ctx: CommandContext): Promise<number> {
  const [image, ...names] = args.positionals;
  return execute({ image: image!, names }, args, ctx);
}

async function execute(request: TagRequest, args: Args, ctx: CommandContext) {
  const store = await openStore(args, ctx);
  const image = await store.resolve(request.image);
  for (const name of request.names) ctx.logger.debug(`tagged ${await store.tag(image, name)}`);
  return 0;
}
