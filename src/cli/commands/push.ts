// `lighter push IMAGE [DESTINATION]`: sends an image from the store to a registry or transport.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type RegistryOptions,
  registryOptions,
  retryTimes,
  type WriteOptions,
  writeOptions,
} from '../options.js';
import { notInThisBuild } from '../unsupported.js';

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
  return execute(request, ctx);
}

// The store and the copy engine (issues #3, #4) plug in here.
async function execute(_request: PushRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the image store', 4);
}
