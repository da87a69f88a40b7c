// The `services` input's list form: each item checked into a typed service, errors naming the item and field.
import { errorMessage, isLighterError } from '../../src/core/errors.js';
import * as options from '../../src/core/run/options.js';
import {
  httpCheck,
  type Probe,
  type ProbeCheck,
  parseHealthCommand,
  probe,
} from '../../src/core/run/probe.js';
import { inputError } from '../../src/gha/inputs.js';

/** A service container from the `services` list. */
export interface ServiceSpec {
  name: string;
  image: string;
  env: Record<string, string>;
  /** Replaces the image's ENTRYPOINT. */
  entrypoint?: string[];
  /** Replaces the image's CMD. */
  command?: string[];
  /** Published to the runner, like the `ports` input. */
  ports: options.PortMapping[];
  volumes: options.VolumeMount[];
  workdir?: string;
  user?: string;
  /** Undefined: the image's HEALTHCHECK. */
  health?: Probe | 'none';
}

const FIELDS = [
  'name',
  'image',
  'env',
  'entrypoint',
  'command',
  'ports',
  'volumes',
  'workdir',
  'user',
  'health',
];
const HEALTH_FIELDS = [
  'cmd',
  'exec',
  'tcp',
  'http',
  'interval',
  'timeout',
  'retries',
  'start-period',
];

/** One item of the list (already known to have a string `image` and a valid `name`). */
export function parseService(
  input: string,
  where: string,
  item: Record<string, unknown>,
  name: string,
): ServiceSpec {
  const fail = (message: string): never => {
    throw inputError(input, `${where} (${name}): ${message}`);
  };
  const unknown = Object.keys(item).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) fail(`unknown field "${unknown[0]}" (known: ${FIELDS.join(', ')})`);
  const core = <T>(field: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      if (isLighterError(error, 'ERR_INVALID_ARGUMENT')) return fail(`${field}: ${error.message}`);
      throw error;
    }
  };
  const spec: ServiceSpec = {
    name,
    image: item.image as string,
    env: env(item.env, fail),
    ports: list(item.ports, 'ports', fail).map((p) =>
      core('ports', () => options.parsePort(String(p))),
    ),
    volumes: list(item.volumes, 'volumes', fail).map((v) =>
      core('volumes', () => options.parseVolume(String(v))),
    ),
  };
  const entrypoint = argv(item.entrypoint, 'entrypoint', fail);
  if (entrypoint) spec.entrypoint = entrypoint;
  const command = argv(item.command, 'command', fail);
  if (command) spec.command = command;
  if (item.workdir !== undefined) {
    if (typeof item.workdir !== 'string' || !item.workdir.startsWith('/'))
      fail('workdir: expected an absolute path');
    spec.workdir = item.workdir as string;
  }
  if (item.user !== undefined) {
    if (typeof item.user !== 'string' && typeof item.user !== 'number')
      fail('user: expected a name or number');
    spec.user = String(item.user);
  }
  if (item.health !== undefined) spec.health = core('health', () => health(item.health, fail));
  return spec;
}

function env(value: unknown, fail: (m: string) => never): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (Array.isArray(value)) {
    const entries: string[] = value.map((v) =>
      typeof v === 'string' ? v : fail('env: expected KEY=VALUE strings'),
    );
    for (const entry of entries)
      if (!entry.includes('=')) fail(`env: expected KEY=VALUE, got "${entry}"`);
    return Object.fromEntries(options.parseEnvEntries(entries));
  }
  if (typeof value !== 'object') return fail('env: expected a mapping or a list of KEY=VALUE');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') fail(`env: ${k}: expected a string`);
    out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

function list(value: unknown, field: string, fail: (m: string) => never): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return fail(`${field}: expected a list`);
  return value;
}

/** A list is argv as is; a string is split on whitespace (use a list for arguments with spaces). */
function argv(value: unknown, field: string, fail: (m: string) => never): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => ['string', 'number'].includes(typeof v)))
    return value.map(String);
  return fail(`${field}: expected a string or a list of strings`);
}

/**
 * `health: none`, a string as `--health-cmd` takes it (`tcp://:5432`, a URL, a shell command),
 * or `{cmd | exec | tcp | http, interval, timeout, retries, start-period}`.
 */
function health(value: unknown, fail: (m: string) => never): Probe | 'none' {
  if (typeof value === 'string') {
    const check = parseHealthCommand(value);
    return check === 'none' ? 'none' : probe(check);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('health: expected a string or a mapping with one of cmd, exec, tcp, http');
  }
  const h = value as Record<string, unknown>;
  const unknown = Object.keys(h).filter((k) => !HEALTH_FIELDS.includes(k));
  if (unknown.length > 0)
    fail(`health: unknown field "${unknown[0]}" (known: ${HEALTH_FIELDS.join(', ')})`);
  const kinds = ['cmd', 'exec', 'tcp', 'http'].filter((k) => h[k] !== undefined);
  if (kinds.length !== 1) fail('health: give exactly one of cmd, exec, tcp, http');
  let check: ProbeCheck;
  if (h.cmd !== undefined) {
    if (typeof h.cmd !== 'string') fail('health.cmd: expected a shell command');
    check = { kind: 'exec', command: ['/bin/sh', '-c', h.cmd as string] };
  } else if (h.exec !== undefined) {
    const command = argv(h.exec, 'health.exec', fail) as string[];
    check = { kind: 'exec', command };
  } else if (h.tcp !== undefined) {
    const text = String(h.tcp);
    const parsed = parseHealthCommand(/^\d+$/.test(text) ? `tcp:${text}` : `tcp://${text}`);
    if (parsed === 'none') return fail('health.tcp: expected a port');
    check = parsed;
  } else {
    const text = String(h.http);
    check = httpCheck(/^\d+$/.test(text) ? `http://localhost:${text}/` : text);
  }
  const ms = (field: string) => {
    if (h[field] === undefined) return undefined;
    try {
      return Math.round(options.parseDuration(String(h[field])) * 1000);
    } catch (error) {
      return fail(`health.${field}: ${errorMessage(error)}`);
    }
  };
  const retries = h.retries;
  if (
    retries !== undefined &&
    (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 1)
  ) {
    fail('health.retries: expected a whole number above zero');
  }
  return probe(check, {
    ...(ms('interval') !== undefined ? { intervalMs: ms('interval') } : {}),
    ...(ms('timeout') !== undefined ? { timeoutMs: ms('timeout') } : {}),
    ...(ms('start-period') !== undefined ? { startPeriodMs: ms('start-period') } : {}),
    ...(retries !== undefined ? { retries: retries as number } : {}),
  });
}
