// `lighter run IMAGE [COMMAND...]`: a container from an image, alone or in a pod.
import type { Args } from '../args.js';
import {
  type PortMapping,
  parseDuration,
  parseEnv,
  parsePort,
  parseVolume,
  type VolumeMount,
} from '../container-options.js';
import type { CommandContext } from '../context.js';
import { type RegistryOptions, registryOptions, retryTimes } from '../options.js';
import { notInThisBuild } from '../unsupported.js';

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
  return request;
}

export async function run(args: Args, ctx: CommandContext): Promise<number> {
  return execute(runRequest(args, ctx), ctx);
}

// The container runtime (issue #6) plugs in here.
async function execute(_request: RunRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
