// `lighter rm CONTAINER...`: removes stopped containers (running ones too, with --force).
import { errorMessage } from '../../core/errors.js';
import { Pods } from '../../core/pod/pod.js';
import type { Container } from '../../core/runtime/index.js';
import type { Args } from '../args.js';
import { engineFor } from '../container-options.js';
import type { CommandContext } from '../context.js';
import { containerTargets } from './targets.js';

export interface RmRequest {
  containers: readonly string[];
  all: boolean;
  force: boolean;
}

export async function rm(args: Args, ctx: CommandContext): Promise<number> {
  return execute({ ...containerTargets(args), force: args.boolean('force') }, args, ctx);
}

async function execute(request: RmRequest, args: Args, ctx: CommandContext): Promise<number> {
  const engine = engineFor(args, ctx);
  const pods = new Pods(engine);
  const targets = request.all
    ? (await engine.list()).map((c) => ({ label: c.name, find: () => engine.find(c.id) }))
    : request.containers.map((name) => ({ label: name, find: () => engine.find(name) }));
  const code = await settleAll(ctx, 'removing', targets, (container) =>
    pods.removeContainer(container, { force: request.force }),
  );
  if (request.all && request.force) {
    // What a killed lighter may have left without a record: runtime state, mounts, names.
    const strays = await engine.cleanup();
    for (const id of strays) ctx.logger.debug(`removed leftover container ${id}`);
  }
  return code;
}

/**
 * Runs `act` on every target at once, printing each label when done and each failure as an
 * error; exit 1 when any failed, as podman does.
 */
export async function settleAll(
  ctx: CommandContext,
  what: string,
  targets: ReadonlyArray<{ label: string; find: () => Promise<Container> }>,
  act: (container: Container) => Promise<void>,
): Promise<number> {
  const results = await Promise.allSettled(
    targets.map(async (t) => {
      await act(await t.find());
      return t.label;
    }),
  );
  let code = 0;
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') ctx.out(result.value);
    else {
      code = 1;
      ctx.logger.error(`${what} ${targets[i]?.label}: ${errorMessage(result.reason)}`);
    }
  });
  return code;
}
