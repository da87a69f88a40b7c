// `lighter wait CONTAINER...`: blocks until containers exit and prints their exit codes.
import type { Args } from '../args.js';
import { engineFor, parseDuration } from '../container-options.js';
import type { CommandContext } from '../context.js';

export interface WaitRequest {
  containers: readonly string[];
  timeoutSeconds: number | undefined;
}

export async function wait(args: Args, ctx: CommandContext): Promise<number> {
  return execute(
    { containers: args.positionals, timeoutSeconds: parseDuration(args, 'timeout') },
    args,
    ctx,
  );
}

async function execute(request: WaitRequest, args: Args, ctx: CommandContext): Promise<number> {
  const engine = engineFor(args, ctx);
  const containers = await Promise.all(request.containers.map((name) => engine.find(name)));
  const timeout =
    request.timeoutSeconds === undefined ? {} : { timeoutMs: request.timeoutSeconds * 1000 };
  // In the order given, as podman prints them; each wait runs meanwhile.
  const codes = containers.map((c) => c.wait(timeout));
  for (const code of codes) ctx.out(String(await code));
  return 0;
}
