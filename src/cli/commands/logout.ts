// `lighter logout REGISTRY`: removes stored credentials for a registry (or all of them).
import { LighterError } from '../../core/errors.js';
import { defaultAuthFile, removeLogin } from '../../core/registry/auth-file.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';

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

async function execute(request: LogoutRequest, ctx: CommandContext): Promise<number> {
  const registry = request.registry?.replace(/^(docker:\/\/|https?:\/\/)/, '').replace(/\/+$/, '');
  const file = defaultAuthFile(ctx.env as NodeJS.ProcessEnv, request.authfile);
  const removed = await removeLogin(file, registry);
  if (!removed) {
    throw new LighterError(
      'ERR_NOT_FOUND',
      registry === undefined
        ? `logging out: no credentials stored in ${file}`
        : `logging out of ${registry}: not logged in (no entry in ${file})`,
    );
  }
  ctx.logger.info(
    registry === undefined
      ? `Removed all credentials from ${file}`
      : `Removed login credentials for ${registry}`,
  );
  return 0;
}
