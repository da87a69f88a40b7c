// `lighter delete IMAGE`: deletes a manifest from a registry (skopeo delete).
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { type RegistryOptions, registryOptions, retryTimes } from '../options.js';
import { notInThisBuild } from '../unsupported.js';

export interface DeleteRequest {
  image: string;
  registry: RegistryOptions;
  retryTimes: number;
}

export async function deleteImage(args: Args, ctx: CommandContext): Promise<number> {
  const request: DeleteRequest = {
    image: args.positionals[0]!,
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
  };
  return execute(request, ctx);
}

// The registry client (issue #3) plugs in here.
async function execute(_request: DeleteRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the registry client', 3);
}
