// `lighter pull IMAGE`: fetches an image into the store.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type PlatformChoice,
  platformOption,
  type RegistryOptions,
  registryOptions,
  retryTimes,
} from '../options.js';
import { notInThisBuild } from '../unsupported.js';

export interface PullRequest {
  image: string;
  registry: RegistryOptions;
  retryTimes: number;
  platform: PlatformChoice | undefined;
  allPlatforms: boolean;
  quiet: boolean;
}

export async function pull(args: Args, ctx: CommandContext): Promise<number> {
  const platform = platformOption(args);
  if (platform !== undefined && args.boolean('all')) {
    throw args.usage('flag --platform cannot be combined with --all');
  }
  const request: PullRequest = {
    image: args.positionals[0]!,
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
    platform,
    allPlatforms: args.boolean('all'),
    quiet: args.boolean('quiet'),
  };
  return execute(request, ctx);
}

// The store and the copy engine (issues #3, #4) plug in here.
async function execute(_request: PullRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the image store', 4);
}
