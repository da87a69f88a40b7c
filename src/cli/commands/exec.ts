// `lighter exec CONTAINER COMMAND...`: runs a process inside a running container.
import type { Args } from '../args.js';
import { parseEnv } from '../container-options.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export interface ExecRequest {
  container: string;
  command: readonly string[];
  env: Map<string, string>;
  workdir: string | undefined;
  user: string | undefined;
}

export async function exec(args: Args, ctx: CommandContext): Promise<number> {
  const [container, ...command] = args.positionals;
  const request: ExecRequest = {
    container: container!,
    command,
    env: parseEnv(args, 'env', args.list('env'), ctx.env),
    workdir: args.string('workdir'),
    user: args.string('user'),
  };
  return execute(request, ctx);
}

// The container runtime (issue #6) plugs in here.
async function execute(_request: ExecRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
