// `lighter stop CONTAINER...`: the image's stop signal, then SIGKILL after a grace period.
import type { Container } from '../../core/runtime/index.js';
import type { Args } from '../args.js';
import { engineFor } from '../container-options.js';
import type { CommandContext } from '../context.js';
import { settleAll } from './rm.js';
import { containerTargets } from './targets.js';

export interface StopRequest {
  containers: readonly string[];
  all: boolean;
  /** Seconds between the stop signal and SIGKILL. */
  timeSeconds: number;
}

export async function stop(args: Args, ctx: CommandContext): Promise<number> {
  const request: StopRequest = {
    ...containerTargets(args),
    timeSeconds: args.integer('time', 10, { min: 0 }),
  };
  return execute(request, args, ctx);
}

async function execute(request: StopRequest, args: Args, ctx: CommandContext): Promise<number> {
  const engine = engineFor(args, ctx);
  const targets: Array<{ label: string; find: () => Promise<Container> }> = request.all
    ? (await engine.list())
        .filter((c) => c.state.status === 'running' || c.state.status === 'paused')
        .map((c) => ({ label: c.name, find: () => engine.find(c.id) }))
    : request.containers.map((name) => ({ label: name, find: () => engine.find(name) }));
  // All at once: each may wait out its grace period.
  return settleAll(ctx, 'stopping', targets, async (container) => {
    await engine.stop(container, { timeoutMs: request.timeSeconds * 1000 });
  });
}
