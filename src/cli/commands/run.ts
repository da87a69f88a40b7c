// `lighter run IMAGE [COMMAND...]`: a container from an image, alone or in a pod.
import { InvalidArgumentError, isLighterError } from '../../core/errors.js';
import { type Pod, Pods } from '../../core/pod/pod.js';
import { waitContainerReady } from '../../core/pod/ready.js';
import {
  LiveOutput,
  lastLines,
  type NetworkMode,
  newId,
  type Probe,
  type ProbeCheck,
  parseHealthCommand,
  probe,
  readEnvFiles,
  selfId,
} from '../../core/run/index.js';
import { checkVolumeSources } from '../../core/run/volumes.js';
import type { Container } from '../../core/runtime/index.js';
import { registryAccess } from '../access.js';
import type { Args } from '../args.js';
import {
  engineFor,
  type PortMapping,
  parseDuration,
  parseEnv,
  parsePort,
  parseVolume,
  type VolumeMount,
} from '../container-options.js';
import type { CommandContext } from '../context.js';
import { type RegistryOptions, registryOptions, retryTimes } from '../options.js';

export const NETWORK_MODES = ['pod', 'host', 'none'] as const;

export interface HealthCheck {
  command: string;
  intervalSeconds: number | undefined;
  retries: number | undefined;
}

export interface RunRequest {
  image: string;
  /** Replaces the image's CMD when not empty. */
  command: readonly string[];
  entrypoint: string | undefined;
  name: string | undefined;
  pod: string | undefined;
  remove: boolean;
  detach: boolean;
  env: Map<string, string>;
  envFiles: string[];
  volumes: VolumeMount[];
  workdir: string | undefined;
  user: string | undefined;
  network: (typeof NETWORK_MODES)[number] | undefined;
  publish: PortMapping[];
  health: HealthCheck | undefined;
  timeoutSeconds: number | undefined;
  registry: RegistryOptions;
  retryTimes: number;
}

export function runRequest(args: Args, ctx: CommandContext): RunRequest {
  const [image, ...command] = args.positionals;
  const healthCommand = args.string('health-cmd');
  const healthFlags = ['health-interval', 'health-retries'].filter((f) => args.has(f));
  if (healthCommand === undefined && healthFlags.length > 0) {
    throw args.usage(`flag --${healthFlags[0]} needs --health-cmd`);
  }
  const workdir = args.string('workdir');
  if (workdir !== undefined && !workdir.startsWith('/')) {
    throw args.usage(`flag --workdir: expected an absolute path, got "${workdir}"`);
  }
  const request: RunRequest = {
    image: image!,
    command,
    entrypoint: args.string('entrypoint'),
    name: args.string('name'),
    pod: args.string('pod'),
    remove: args.boolean('rm'),
    detach: args.boolean('detach'),
    env: parseEnv(args, 'env', args.list('env'), ctx.env),
    envFiles: args.list('env-file'),
    volumes: args.list('volume').map((v) => parseVolume(args, 'volume', v)),
    workdir,
    user: args.string('user'),
    network: args.choice('network', NETWORK_MODES),
    publish: args.list('publish').map((p) => parsePort(args, 'publish', p)),
    health:
      healthCommand === undefined
        ? undefined
        : {
            command: healthCommand,
            intervalSeconds: parseDuration(args, 'health-interval'),
            retries: args.has('health-retries')
              ? args.integer('health-retries', 0, { min: 0 })
              : undefined,
          },
    timeoutSeconds: parseDuration(args, 'timeout'),
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
  };
  if (request.network === 'pod' && request.pod === undefined) {
    throw args.usage('flag --network=pod needs --pod');
  }
  if (request.pod !== undefined && request.network !== undefined && request.network !== 'pod') {
    throw args.usage(
      `flag --network=${request.network} cannot be combined with --pod (a pod's containers share its network)`,
    );
  }
  if (request.publish.length > 0 && request.pod !== undefined) {
    throw args.usage(
      'flag --publish cannot be combined with --pod: publish ports with `pod create -p`',
    );
  }
  if (request.publish.length > 0 && request.network !== undefined) {
    throw args.usage(
      `flag --publish needs the container's own network, not --network=${request.network}`,
    );
  }
  if (request.health) {
    try {
      parseHealthCommand(request.health.command);
    } catch (error) {
      if (isLighterError(error, 'ERR_INVALID_ARGUMENT'))
        throw args.usage(`flag --health-cmd: ${error.message}`);
      throw error;
    }
  }
  return request;
}

export async function run(args: Args, ctx: CommandContext): Promise<number> {
  return execute(runRequest(args, ctx), args, ctx);
}

/** The readiness check the flags ask for: undefined for the image's HEALTHCHECK, `none` for none. */
export function healthProbe(health: HealthCheck | undefined): Probe | 'none' | undefined {
  if (!health) return undefined;
  const check = parseHealthCommand(health.command);
  if (check === 'none') return 'none';
  return probe(check, {
    ...(health.intervalSeconds !== undefined ? { intervalMs: health.intervalSeconds * 1000 } : {}),
    ...(health.retries !== undefined ? { retries: health.retries } : {}),
  });
}

function needsNetworkAccess(check: ProbeCheck | undefined): boolean {
  return check?.kind === 'tcp' || check?.kind === 'http';
}

async function execute(request: RunRequest, args: Args, ctx: CommandContext): Promise<number> {
  const engine = engineFor(args, ctx, registryAccess(request.registry, request.retryTimes));
  const pods = new Pods(engine);
  const lap = stopwatch(ctx);
  lap('lighter started');
  const readiness = healthProbe(request.health);
  const probeCheck = typeof readiness === 'object' ? readiness.check : undefined;
  if (request.network === 'none' && needsNetworkAccess(probeCheck)) {
    throw new InvalidArgumentError(
      'a TCP or HTTP health check cannot reach a container with --network none',
    );
  }
  // Everything that can be wrong is checked before anything is created, at once: the image
  // in the store, env files, volume sources, the pod; leftovers are reaped meanwhile. Only
  // then is a missing image pulled, so a typo elsewhere does not wait for a download.
  const [local, fileEnv, pod] = await Promise.all([
    engine.localImage(request.image),
    readEnvFiles(request.envFiles, ctx.env),
    request.pod === undefined ? undefined : pods.find(request.pod),
    checkVolumeSources(request.volumes),
    pods.reap(),
    engine.runtime(),
  ]);
  const image = local ?? (await engine.image(request.image));
  lap('image, pod and inputs checked');
  const env = { ...Object.fromEntries(fileEnv), ...Object.fromEntries(request.env) };
  // Without a pod, a container uses the host's network (lighter sets up no bridges): ports
  // to publish, or a TCP/HTTP check to run inside, give it a pod of its own instead.
  const ownPod =
    pod === undefined &&
    request.network === undefined &&
    (request.publish.length > 0 || (request.detach && needsNetworkAccess(probeCheck)));

  const id = newId();
  const foreground = !request.detach;
  const output = new LiveOutput((stream, line) =>
    stream === 'stdout' ? ctx.out(line) : ctx.logger.info(line),
  );
  let network: NetworkMode = request.network === 'none' ? 'none' : 'host';
  let inPod: Pod | undefined = pod;
  if (ownPod) {
    inPod = await pods.create({
      name: request.name ?? `pod-${id.slice(0, 6)}`,
      ports: request.publish,
      owner: id,
    });
  }
  let container: Container;
  const extraHosts: { name: string; address: string }[] = [];
  try {
    if (inPod) {
      network = await inPod.namespaces();
      // The pod's containers reach each other by name too, as in a podman pod.
      const members = (await engine.records({ pod: inPod.id })).map((r) => r.name);
      for (const name of [...members, ...(request.name ? [request.name] : [])]) {
        extraHosts.push({ name, address: '127.0.0.1' });
      }
    }
    const owner = foreground && request.remove ? await selfId() : undefined;
    container = await engine.create(
      {
        id,
        ...(request.name ? { name: request.name } : {}),
        image: request.image,
        ...(request.entrypoint !== undefined
          ? { entrypoint: entrypointOf(request.entrypoint) }
          : {}),
        command: request.command,
        env,
        volumes: request.volumes,
        ...(request.workdir ? { workdir: request.workdir } : {}),
        ...(request.user ? { user: request.user } : {}),
        network,
        extraHosts,
        autoremove: request.remove,
        ...(owner ? { owner } : {}),
        ...(readiness ? { readiness } : {}),
        onOutput: foreground ? output.onOutput : () => {},
      },
      image,
    );
  } catch (error) {
    if (ownPod && inPod) await pods.remove(inPod, { force: true }).catch(() => {});
    throw error;
  }
  try {
    lap('container created');
    // In the foreground lighter waits for the container and ends with it: it holds the
    // runtime itself rather than start a monitor process. -d needs one (lighter exits): the
    // pod's infra process, in a pod, or a monitor process of its own.
    await inPod?.ready();
    await container.start({
      supervise: foreground ? 'self' : inPod ? inPod.monitors() : 'monitor',
    });
    lap('container started');
  } catch (error) {
    await pods.removeContainer(container, { force: true }).catch(() => {});
    throw error;
  }
  if (request.detach) return detached(container, pods, inPod, request, ctx, lap);
  return attached(container, pods, request, output, ctx, lap);
}

/** `-d`: waits for readiness when there is a check, prints the ID and leaves it running. */
async function detached(
  container: Container,
  pods: Pods,
  pod: Pod | undefined,
  request: RunRequest,
  ctx: CommandContext,
  lap: (what: string) => void,
): Promise<number> {
  container.detach();
  const deadline =
    request.timeoutSeconds === undefined ? undefined : Date.now() + request.timeoutSeconds * 1000;
  const result = await waitContainerReady(container, {
    ...(pod ? { pod } : {}),
    network: pod ? 'pod' : request.network === 'none' ? 'none' : 'host',
    ...(deadline !== undefined ? { deadline } : {}),
  });
  if (result && !result.ready) {
    ctx.logger.error(`container ${container.name} never became ready: ${result.reason}`);
    const lines = lastLines(await container.logs(), 50);
    if (lines.length > 0) {
      ctx.logger.error(`last ${lines.length} line(s) of its output:`);
      for (const line of lines) ctx.logger.info(`  ${line}`);
    }
    await container.stop({ timeoutMs: 5000 }).catch(() => {});
    if (request.remove) await pods.removeContainer(container, { force: true });
    return 1;
  }
  if (result) lap(`ready (${result.reason}, ${result.attempts} check(s))`);
  ctx.out(container.id);
  return 0;
}

/** In the foreground: output as it comes, signals passed on, the container's exit code as ours. */
async function attached(
  container: Container,
  pods: Pods,
  request: RunRequest,
  output: LiveOutput,
  ctx: CommandContext,
  lap: (what: string) => void,
): Promise<number> {
  const forward = (signal: NodeJS.Signals) => {
    container.kill(signal).catch((error) => ctx.logger.debug(String(error)));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  let timer: NodeJS.Timeout | undefined;
  if (request.timeoutSeconds !== undefined) {
    timer = setTimeout(() => {
      ctx.logger.warn(
        `container ${container.name} ran longer than ${request.timeoutSeconds} s; stopping it`,
      );
      container.stop({ timeoutMs: 10_000 }).catch((error) => ctx.logger.debug(String(error)));
    }, request.timeoutSeconds * 1000);
  }
  let code: number;
  try {
    code = await container.wait();
  } finally {
    clearTimeout(timer);
    for (const s of signals) process.off(s, forward);
  }
  lap(`exited (${code})`);
  await output.finish(container.record.logPath);
  if (request.remove) {
    await pods.removeContainer(container);
    lap('removed');
  }
  return code;
}

/** `--debug` shows where the time goes: each step with the milliseconds since the last. */
function stopwatch(ctx: CommandContext): (what: string) => void {
  // process.uptime() counts from the process start, so the first step includes Node's start-up
  // (and, unlike performance.now(), it loads no perf_hooks on every run, debug or not).
  let last = 0;
  return (what) => {
    const now = process.uptime() * 1000;
    ctx.logger.debug(`run: ${what} (+${(now - last).toFixed(1)} ms)`);
    last = now;
  };
}

/** `--entrypoint` takes a JSON array or one command, as Docker's does. */
function entrypointOf(text: string): string[] {
  if (text.trim().startsWith('[')) {
    try {
      const argv = JSON.parse(text) as unknown;
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) return argv as string[];
    } catch {}
  }
  return text === '' ? [] : [text];
}
