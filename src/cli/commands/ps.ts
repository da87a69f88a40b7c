// `lighter ps`: containers lighter runs (or ran, with --all).
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';
import { LIST_FORMATS } from './images.js';

export interface PsRequest {
  all: boolean;
  quiet: boolean;
  pod: string | undefined;
  format: (typeof LIST_FORMATS)[number];
}

export async function ps(args: Args, ctx: CommandContext): Promise<number> {
  const request: PsRequest = {
    all: args.boolean('all'),
    quiet: args.boolean('quiet'),
    pod: args.string('pod'),
    format: args.choice('format', LIST_FORMATS) ?? 'table',
  };
  return execute(request, ctx);
}

// The container runtime (issue #6) plugs in here.
async function execute(_request: PsRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
