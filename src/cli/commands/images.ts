// `lighter images [NAME]`: the images in the store.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export const LIST_FORMATS = ['table', 'json'] as const;

export interface ImagesRequest {
  /** Only images whose name starts with this. */
  filter: string | undefined;
  quiet: boolean;
  format: (typeof LIST_FORMATS)[number];
}

export async function images(args: Args, ctx: CommandContext): Promise<number> {
  const request: ImagesRequest = {
    filter: args.positionals[0],
    quiet: args.boolean('quiet'),
    format: args.choice('format', LIST_FORMATS) ?? 'table',
  };
  return execute(request, ctx);
}

// The store (issue #4) plugs in here.
async function execute(_request: ImagesRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the image store', 4);
}
