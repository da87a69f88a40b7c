// `lighter tag IMAGE NAME...`: gives a stored image more names.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export interface TagRequest {
  image: string;
  names: readonly string[];
}

export async function tag(args: Args, ctx: CommandContext): Promise<number> {
  const [image, ...names] = args.positionals;
  return execute({ image: image!, names }, ctx);
}

// The store (issue #4) plugs in here.
async function execute(_request: TagRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the image store', 4);
}
