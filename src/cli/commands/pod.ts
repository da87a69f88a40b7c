// `lighter pod create|ps|rm|logs`: pods, containers sharing one network, IPC and UTS namespace.
import { errorMessage } from '../../core/errors.js';
import { Pods } from '../../core/pod/pod.js';
import { exitedFor } from '../../core/pod/ready.js';
import { formatPort, LineJoiner } from '../../core/run/index.js';
import { followLogs, type LogEntry, readLogs } from '../../core/runtime/index.js';
import type { Args } from '../args.js';
import { engineFor, type PortMapping, parsePort } from '../container-options.js';
import type { CommandContext } from '../context.js';
import { ago, LIST_FORMATS, table } from '../listing.js';
import { printer } from './logs.js';

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
    args,
    ctx,
  );
}

export async function podPs(args: Args, ctx: CommandContext): Promise<number> {
  const format = args.choice('format', LIST_FORMATS) ?? 'table';
  return execute({ action: 'ps', quiet: args.boolean('quiet'), format }, args, ctx);
}

export async function podRm(args: Args, ctx: CommandContext): Promise<number> {
  const { containers, all } = containerTargets(args);
  return execute({ action: 'rm', pods: containers, all, force: args.boolean('force') }, args, ctx);
}

export async function podLogs(args: Args, ctx: CommandContext): Promise<number> {
  return execute(
    { action: 'logs', pod: args.positionals[0]!, follow: args.boolean('follow') },
    args,
    ctx,
  );
}

async function execute(request: PodRequest, args: Args, ctx: CommandContext): Promise<number> {
  const pods = new Pods(engineFor(args, ctx));
  switch (request.action) {
    case 'create': {
      const pod = await pods.create({
        ...(request.name ? { name: request.name } : {}),
        ports: request.publish,
      });
      ctx.out(pod.id);
      return 0;
    }
    case 'ps': {
      await pods.reap();
      const list = await pods.list();
      if (request.quiet) {
        for (const p of list) ctx.out(p.record.id.slice(0, 12));
      } else if (request.format === 'json') {
        const rows = list.map((p) => ({
          Id: p.record.id,
          Name: p.record.name,
          Status: p.status,
          Created: p.record.createdAt,
          Ports: p.record.ports.map(formatPort),
          Containers: p.containers.map((c) => ({
            Id: c.id,
            Names: c.name,
            Status: c.state.status,
          })),
        }));
        ctx.out(JSON.stringify(rows, null, 2));
      } else {
        const rows = list.map((p) => [
          p.record.id.slice(0, 12),
          p.record.name,
          p.status === 'running' ? 'Running' : p.status === 'creating' ? 'Creating' : 'Exited',
          ago(p.record.createdAt),
          String(p.containers.length),
          p.record.ports
            .map(
              (port) =>
                `${port.hostIp ?? '0.0.0.0'}:${port.hostPort}->${port.containerPort}/${port.protocol}`,
            )
            .join(', '),
        ]);
        for (const line of table(
          ['POD ID', 'NAME', 'STATUS', 'CREATED', '# OF CONTAINERS', 'PORTS'],
          rows,
        )) {
          ctx.out(line);
        }
      }
      return 0;
    }
    case 'rm': {
      if (request.all) {
        // Every pod, and what a killed lighter left of one without a record.
        const removed = await pods.removeAll({ force: request.force });
        for (const id of removed) ctx.out(id);
        return 0;
      }
      let code = 0;
      for (const name of request.pods) {
        try {
          await pods.remove(await pods.find(name), { force: request.force });
          ctx.out(name);
        } catch (error) {
          code = 1;
          ctx.logger.error(`removing pod ${name}: ${errorMessage(error)}`);
        }
      }
      return code;
    }
    case 'logs':
      return podLogsOf(pods, request.pod, request.follow, ctx);
  }
}

/** Every container's output, `NAME | line`, in time order; with `follow`, until all have exited. */
async function podLogsOf(
  pods: Pods,
  name: string,
  follow: boolean,
  ctx: CommandContext,
): Promise<number> {
  const pod = await pods.find(name);
  const members = (await pods.engine.list()).filter((c) => c.pod?.id === pod.id);
  const containers = await Promise.all(members.map((m) => pods.engine.find(m.id)));
  const width = Math.max(0, ...containers.map((c) => c.name.length));
  const joiners = new Map(
    containers.map(
      (c) => [c.id, new LineJoiner(printer(ctx, () => `${c.name.padEnd(width)} | `))] as const,
    ),
  );
  const all: Array<{ id: string; entry: LogEntry }> = [];
  const counts = new Map<string, number>();
  for (const c of containers) {
    const entries = await readLogs(c.record.logPath);
    counts.set(c.id, entries.length);
    for (const entry of entries) all.push({ id: c.id, entry });
  }
  // Stable: lines of one container keep their order when times tie.
  all.sort((a, b) => (a.entry.time < b.entry.time ? -1 : a.entry.time > b.entry.time ? 1 : 0));
  for (const { id, entry } of all) joiners.get(id)?.push(entry);
  if (follow) {
    await Promise.all(
      containers.map(async (c) => {
        const exited = exitedFor(c);
        let skip = counts.get(c.id) ?? 0;
        for await (const entry of followLogs(c.record.logPath, {
          done: async () => (await exited()) !== undefined,
          pollMs: 100,
        })) {
          if (skip > 0) {
            skip--;
            continue;
          }
          joiners.get(c.id)?.push(entry);
        }
      }),
    );
  }
  for (const joiner of joiners.values()) joiner.flush();
  return 0;
}
