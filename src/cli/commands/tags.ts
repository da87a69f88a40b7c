// `lighter tags REPOSITORY`: every tag of a repository, following pagination (skopeo list-tags).
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { type RegistryOptions, registryOptions, retryTimes } from '../options.js';
import { notInThisBuild } from '../unsupported.js';

export interface TagsRequest {
  repository: string;
  registry: RegistryOptions;
  retryTimes: number;
}

export async function tags(args: Args, ctx: CommandContext): Promise<number> {
  const request: TagsRequest = {
    repository: args.positionals[0]!,
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
  };
  return execute(request, ctx);
}

// The registry client (issue #3) plugs in here.
async function execute(_request: TagsRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the registry client', 3);
}
