// `lighter inspect IMAGE`: an image's manifest, config or a summary of both, like skopeo inspect.
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

export interface InspectRequest {
  image: string;
  registry: RegistryOptions;
  retryTimes: number;
  /** Print the manifest bytes as stored (with --config: the config blob). */
  raw: boolean;
  /** Print the image config rather than the manifest summary. */
  config: boolean;
  platform: PlatformChoice | undefined;
}

export function inspectRequest(args: Args, ctx: CommandContext): InspectRequest {
  return {
    image: args.positionals[0]!,
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
    raw: args.boolean('raw'),
    config: args.boolean('config'),
    platform: platformOption(args),
  };
}

export async function inspect(args: Args, ctx: CommandContext): Promise<number> {
  return execute(inspectRequest(args, ctx), ctx);
}

// The registry client and transports (issue #3) plug in here.
async function execute(_request: InspectRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the registry client', 3);
}
