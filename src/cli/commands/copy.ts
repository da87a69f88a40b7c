// `lighter copy SOURCE DESTINATION`: one image or a whole index between any two transports.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type PlatformChoice,
  platformOption,
  type RegistryOptions,
  registryOptions,
  retryTimes,
  type WriteOptions,
  writeOptions,
} from '../options.js';
import { notInThisBuild } from '../unsupported.js';

export const MULTI_ARCH = ['system', 'all', 'index-only'] as const;

export interface CopyRequest extends WriteOptions {
  source: string;
  destination: string;
  sourceRegistry: RegistryOptions;
  destinationRegistry: RegistryOptions;
  retryTimes: number;
  /** Which images of an index to copy: the host's (system), all, or the index alone. */
  multiArch: (typeof MULTI_ARCH)[number];
  platform: PlatformChoice | undefined;
  parallelCopies: number;
}

export function copyRequest(args: Args, ctx: CommandContext): CopyRequest {
  const [source, destination] = args.positionals as [string, string];
  const multiArchFlag = args.choice('multi-arch', MULTI_ARCH);
  // skopeo's --all is --multi-arch=all; saying both differently is a mistake worth reporting.
  if (args.boolean('all') && multiArchFlag !== undefined && multiArchFlag !== 'all') {
    throw args.usage(`flag --all cannot be combined with --multi-arch=${multiArchFlag}`);
  }
  const platform = platformOption(args);
  const multiArch = args.boolean('all') ? 'all' : (multiArchFlag ?? 'system');
  if (platform !== undefined && multiArch !== 'system') {
    throw args.usage(
      'flag --platform chooses one image; it cannot be combined with --all or --multi-arch',
    );
  }
  return {
    source,
    destination,
    sourceRegistry: registryOptions(args, ctx, 'src-'),
    destinationRegistry: registryOptions(args, ctx, 'dest-'),
    retryTimes: retryTimes(args),
    multiArch,
    platform,
    parallelCopies: args.integer('image-parallel-copies', 6, { min: 1, max: 64 }),
    ...writeOptions(args),
  };
}

export async function copy(args: Args, ctx: CommandContext): Promise<number> {
  return execute(copyRequest(args, ctx), ctx);
}

// The copy engine (issue #3) plugs in here.
async function execute(_request: CopyRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the copy engine', 3);
}
