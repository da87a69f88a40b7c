// `lighter pod create|ps|rm|logs`: pods, containers sharing one network, IPC and UTS namespace.
import type { Args } from '../args.js';
import { type PortMapping, parsePort } from '../container-options.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';
import { LIST_FORMATS } from './images.js';
import { containerTargets } from './targets.js';

export type PodRequest =
  | { action: 'create'; name: string | undefined; publish: PortMapping[] }
  | { action: 'ps'; quiet: boolean; format: (typeof LIST_FORMATS)[number] }
  | { action: 'rm'; pods: readonly string[]; all: boolean; force: boolean }
  | { action: 'logs'; pod: string; follow: boolean };

export async function podCreate(args: Args, ctx: CommandContext): Promise<number> {
  const publish = args.list('publish').map((p) => parsePort(args, 'publish', p));
  return execute(
    { action: 'create', name: args.positionals[0] ?? args.string('name'), publish },
    ctx,
  );
}

export async function podPs(args: Args, ctx: CommandContext): Promise<number> {
  const format = args.choice('format', LIST_FORMATS) ?? 'table';
  return execute({ action: 'ps', quiet: args.boolean('quiet'), format }, ctx);
}

export async function podRm(args: Args, ctx: CommandContext): Promise<number> {
  const { containers, all } = containerTargets(args);
  return execute({ action: 'rm', pods: containers, all, force: args.boolean('force') }, ctx);
}

export async function podLogs(args: Args, ctx: CommandContext): Promise<number> {
  return execute(
    { action: 'logs', pod: args.positionals[0]!, follow: args.boolean('follow') },
    ctx,
  );
}

// Pods (issue #6) plug in here.
async function execute(_request: PodRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
