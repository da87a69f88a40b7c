// `lighter logout REGISTRY`: removes stored credentials for a registry (or all of them).
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export interface LogoutRequest {
  /** undefined with --all. */
  registry: string | undefined;
  authfile: string | undefined;
}

export async function logout(args: Args, ctx: CommandContext): Promise<number> {
  const registry = args.positionals[0];
  const all = args.boolean('all');
  if (all && registry !== undefined) throw args.usage('give a REGISTRY or --all, not both');
  if (!all && registry === undefined) throw args.usage('give a REGISTRY, or --all for every one');
  return execute({ registry, authfile: args.string('authfile') }, ctx);
}

// The auth file (issue #3) plugs in here.
async function execute(_request: LogoutRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the registry client', 3);
}
