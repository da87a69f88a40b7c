// `lighter push IMAGE [DESTINATION]`: sends an image from the store to a registry or transport.
import { writeFile } from 'node:fs/promises';
import { type PushOptions, push as pushImage } from '../../core/storage/pull.js';
import { registryAccess } from '../access.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type RegistryOptions,
  registryOptions,
  retryTimes,
  type WriteOptions,
  writeOptions,
} from '../options.js';
import { cliProgress } from '../progress.js';
import { openStore } from '../store.js';

export interface PushRequest extends WriteOptions {
  image: string;
  /** Where to; undefined pushes to the registry the image is named after. */
  destination: string | undefined;
  registry: RegistryOptions;
  retryTimes: number;
  quiet: boolean;
}

export async function push(args: Args, ctx: CommandContext): Promise<number> {
  const request: PushRequest = {
    image: args.positionals[0]!,
    destination: args.positionals[1],
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
    quiet: args.boolean('quiet'),
    ...writeOptions(args),
  };
  return execute(request, args, ctx);
}

async function execute(request: PushRequest, args: Args, ctx: CommandContext) {
  const store = await openStore(args, ctx);
  const progress = cliProgress(ctx.logger, { quiet: request.quiet, tty: process.stderr });
  const options: PushOptions = {
    registry: registryAccess(request.registry, request.retryTimes),
    preserveDigests: request.preserveDigests,
    logger: ctx.logger,
    onProgress: progress,
  };
  if (request.format) options.format = request.format;
  if (request.compressFormat) options.compression = request.compressFormat;
  try {
    const result = await pushImage(store, request.image, request.destination, options);
    progress.finish();
    if (!request.quiet) ctx.logger.info(`Pushed ${request.image}: ${result.digest}`);
    if (request.digestfile) await writeFile(request.digestfile, result.digest);
    return 0;
  } finally {
    progress.finish();
  }
}
