// `lighter copy SOURCE DESTINATION`: one image or a whole index between any two transports.
import { writeFile } from 'node:fs/promises';
import { type CopyOptions, copyImage } from '../../core/copy/copy.js';
import {
  imageName,
  openDestination,
  openSource,
  parseImageName,
} from '../../core/transport/index.js';
import { openOptions } from '../access.js';
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
import { completePlatform } from '../platform.js';
import { cliProgress } from '../progress.js';

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
  quiet: boolean;
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
    quiet: args.boolean('quiet'),
    ...writeOptions(args),
  };
}

export async function copy(args: Args, ctx: CommandContext): Promise<number> {
  return execute(copyRequest(args, ctx), args.string('store'), ctx);
}

async function execute(request: CopyRequest, store: string | undefined, ctx: CommandContext) {
  const sourceRef = parseImageName(request.source);
  const destRef = parseImageName(request.destination);
  const progress = cliProgress(ctx.logger, { quiet: request.quiet, tty: process.stderr });
  const source = await openSource(
    sourceRef,
    openOptions(ctx, request.sourceRegistry, request.retryTimes, store),
  );
  try {
    const dest = await openDestination(
      destRef,
      openOptions(ctx, request.destinationRegistry, request.retryTimes, store),
    );
    try {
      const options: CopyOptions = {
        multiArch: request.multiArch,
        preserveDigests: request.preserveDigests,
        concurrency: request.parallelCopies,
        logger: ctx.logger,
        onProgress: progress,
      };
      if (request.platform) options.platform = completePlatform(request.platform);
      if (request.format) options.format = request.format;
      if (request.compressFormat) options.compression = request.compressFormat;
      const result = await copyImage(source, dest, options);
      progress.finish();
      if (!request.quiet) {
        ctx.logger.info(
          `Copied ${imageName(sourceRef)} to ${imageName(destRef)}: ${result.digest} (${result.blobsCopied} blob(s) copied, ${result.blobsSkipped} skipped)`,
        );
      }
      if (request.digestfile) await writeFile(request.digestfile, result.digest);
      return 0;
    } finally {
      progress.finish();
      await dest.close();
    }
  } finally {
    await source.close();
  }
}
