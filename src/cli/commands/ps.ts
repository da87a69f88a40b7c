// `lighter ps`: containers lighter runs (or ran, with --all).
import { Pods } from '../../core/pod/pod.js';
import type { ContainerInfo } from '../../core/run/index.js';
import type { Args } from '../args.js';
import { engineFor } from '../container-options.js';
import type { CommandContext } from '../context.js';
import { ago, LIST_FORMATS, since, table, truncate } from '../listing.js';

export interface PsRequest {
  all: boolean;
  quiet: boolean;
  pod: string | undefined;
  format: (typeof LIST_FORMATS)[number];
}

export async function ps(args: Args, ctx: CommandContext): Promise<number> {
  const request: PsRequest = {
    all: args.boolean('all'),
    quiet: args.boolean('quiet'),
    pod: args.string('pod'),
    format: args.choice('format', LIST_FORMATS) ?? 'table',
  };
  return execute(request, args, ctx);
}

async function execute(request: PsRequest, args: Args, ctx: CommandContext): Promise<number> {
  const engine = engineFor(args, ctx);
  const pods = new Pods(engine);
  await pods.reap();
  let containers = await engine.list();
  if (request.pod !== undefined) {
    const pod = await pods.find(request.pod);
    containers = containers.filter((c) => c.pod?.id === pod.id);
  }
  if (!request.all)
    containers = containers.filter(
      (c) => c.state.status === 'running' || c.state.status === 'paused',
    );
  const podPorts = new Map(
    (await pods.list({ all: true, containers })).map((p) => [p.record.id, p.record.ports] as const),
  );
  const ports = (c: ContainerInfo) =>
    (c.pod ? (podPorts.get(c.pod.id) ?? []) : [])
      .map((p) => `${p.hostIp ?? '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol}`)
      .join(', ');
  if (request.quiet) {
    for (const c of containers) ctx.out(c.id.slice(0, 12));
    return 0;
  }
  if (request.format === 'json') {
    const rows = containers.map((c) => ({
      Id: c.id,
      Names: [c.name],
      Image: c.image,
      ImageID: c.imageId,
      Command: c.command,
      Created: c.createdAt,
      State: c.state.status,
      Status: statusText(c),
      ExitCode: c.state.exitCode ?? 0,
      Pid: c.state.pid ?? 0,
      Pod: c.pod?.id ?? '',
      PodName: c.pod?.name ?? '',
      Ports: ports(c),
      AutoRemove: c.autoremove,
    }));
    ctx.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  const rows = containers.map((c) => [
    c.id.slice(0, 12),
    c.image,
    truncate(c.command, 30),
    ago(c.createdAt),
    statusText(c),
    ports(c),
    c.name,
    c.pod?.name ?? '',
  ]);
  for (const line of table(
    ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', 'POD'],
    rows,
  )) {
    ctx.out(line);
  }
  return 0;
}

/** `Up 5 seconds`, `Exited (3) 2 minutes ago`, `Created`, as podman words it. */
export function statusText(c: ContainerInfo): string {
  const s = c.state;
  switch (s.status) {
    case 'running':
      return `Up ${since(s.startedAt ?? c.createdAt)}`;
    case 'paused':
      return 'Paused';
    case 'created':
      return 'Created';
    case 'exited':
      return `Exited (${s.exitCode ?? '?'}) ${ago(s.finishedAt ?? c.createdAt)}`;
    case 'stopped':
      return 'Stopped (exit code lost)';
  }
}
