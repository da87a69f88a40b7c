// `lighter pull IMAGE`: fetches an image into the store.
import { type PullOptions, pull as pullImage } from '../../core/storage/pull.js';
import { registryAccess } from '../access.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type PlatformChoice,
  platformOption,
  type RegistryOptions,
  registryOptions,
  retryTimes,
} from '../options.js';
import { completePlatform } from '../platform.js';
import { cliProgress } from '../progress.js';
import { openStore } from '../store.js';

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
  return execute(request, args, ctx);
}

async function execute(request: PullRequest, args: Args, ctx: CommandContext) {
  const store = await openStore(args, ctx);
  const progress = cliProgress(ctx.logger, { quiet: request.quiet, tty: process.stderr });
  const options: PullOptions = {
    registry: registryAccess(request.registry, request.retryTimes),
    allPlatforms: request.allPlatforms,
    logger: ctx.logger,
    onProgress: progress,
  };
  if (request.platform) options.platform = completePlatform(request.platform);
  try {
    const result = await pullImage(store, request.image, options);
    progress.finish();
    if (!request.quiet) ctx.logger.info(`Pulled ${result.name} (${result.copy.digest})`);
    ctx.out(result.image.id);
    return 0;
  } finally {
    progress.finish();
  }
}
