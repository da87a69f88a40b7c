// `lighter exec CONTAINER COMMAND...`: runs a process inside a running container.
import { LighterError } from '../../core/errors.js';
import type { Args } from '../args.js';
import { engineFor, parseEnv } from '../container-options.js';
import type { CommandContext } from '../context.js';

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
  return execute(request, args, ctx);
}

async function execute(request: ExecRequest, args: Args, ctx: CommandContext): Promise<number> {
  const engine = engineFor(args, ctx);
  const container = await engine.find(request.container);
  const { status } = await container.state();
  if (status !== 'running') {
    throw new LighterError(
      'ERR_RUNTIME',
      `exec in container ${container.name}: it is not running (${status})`,
    );
  }
  const result = await container.exec(request.command, {
    env: Object.fromEntries(request.env),
    ...(request.user ? { user: request.user } : {}),
    ...(request.workdir ? { cwd: request.workdir } : {}),
  });
  for (const line of lines(result.stdout)) ctx.out(line);
  for (const line of lines(result.stderr)) ctx.logger.info(line);
  // The process's exit code is ours, as with `podman exec`.
  return result.exitCode;
}

function lines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}
