// `lighter images [NAME]`: the images in the store.
import { formatBytes } from '../../core/copy/progress.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { LIST_FORMATS, table } from '../listing.js';
import { openStore } from '../store.js';

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
  return execute(request, args, ctx);
}

async function execute(request: ImagesRequest, args: Args, ctx: CommandContext) {
  const store = await openStore(args, ctx);
  const all = await store.images();
  const shown = request.filter
    ? all.filter((i) =>
        i.names.some(
          (n) => n.startsWith(request.filter as string) || n.includes(`/${request.filter}`),
        ),
      )
    : all;
  if (request.format === 'json') {
    ctx.out(JSON.stringify(shown, null, 2));
    return 0;
  }
  if (request.quiet) {
    for (const image of shown) ctx.out(image.id.slice(0, 12));
    return 0;
  }
  const rows = shown.flatMap((image) =>
    (image.names.length > 0 ? image.names : ['<none>:<none>']).map((name) => {
      const colon = name.lastIndexOf(':');
      return [
        name.slice(0, colon),
        name.slice(colon + 1),
        image.id.slice(0, 12),
        image.created ?? '',
        formatBytes(image.size),
      ];
    }),
  );
  ctx.out(table(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], rows).join('\n'));
  return 0;
}
