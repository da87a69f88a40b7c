// Values container commands take (ports, volumes, env, durations), checked before anything starts.
// The run action checks the same shapes for its inputs; both should move to src/core/runtime
// once it exists, so there is one parser.
import type { Args } from './args.js';

export interface PortMapping {
  hostIp: string | undefined;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

const PORT = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/;

export function parsePort(args: Args, flag: string, value: string): PortMapping {
  const m = PORT.exec(value);
  const hostPort = Number(m?.[2] ?? m?.[3]);
  const containerPort = Number(m?.[3]);
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
  if (!m || !inRange(hostPort) || !inRange(containerPort)) {
    throw args.usage(`flag --${flag}: expected [IP:]HOST:CONTAINER[/tcp|/udp], got "${value}"`);
  }
  const hostIp = m[1]?.replace(/^\[|\]$/g, '');
  return { hostIp, hostPort, containerPort, protocol: (m[4] as 'tcp' | 'udp') ?? 'tcp' };
}

export interface VolumeMount {
  source: string;
  destination: string;
  readOnly: boolean;
}

export function parseVolume(args: Args, flag: string, value: string): VolumeMount {
  const parts = value.split(':');
  const [source, destination, mode] = parts;
  const ok =
    parts.length >= 2 &&
    parts.length <= 3 &&
    source !== '' &&
    destination?.startsWith('/') &&
    (mode === undefined || mode === 'ro' || mode === 'rw');
  if (!ok)
    throw args.usage(`flag --${flag}: expected SRC:DST[:ro|rw] with DST absolute, got "${value}"`);
  return { source: source!, destination: destination!, readOnly: mode === 'ro' };
}

/** `-e KEY=VALUE`, or `-e KEY` to pass the variable through from this environment. */
export function parseEnv(
  args: Args,
  flag: string,
  values: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Map<string, string> {
  const result = new Map<string, string>();
  for (const item of values) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (key === '' || /\s/.test(key)) {
      throw args.usage(`flag --${flag}: expected KEY=VALUE or KEY, got "${item}"`);
    }
    if (eq >= 0) result.set(key, item.slice(eq + 1));
    else if (env[key] !== undefined) result.set(key, env[key]);
  }
  return result;
}

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/** `30`, `30s`, `1.5s`, `5m`, `1h30m` in seconds. */
export function parseDuration(args: Args, flag: string): number | undefined {
  const value = args.string(flag);
  if (value === undefined) return undefined;
  const m = /^\d+(?:\.\d+)?$/.test(value)
    ? ['', undefined, undefined, value]
    : DURATION.exec(value);
  const seconds = m
    ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
    : Number.NaN;
  if (value === '' || !(seconds > 0)) {
    throw args.usage(
      `flag --${flag}: expected a duration such as 30s, 5m or 1h30m, got "${value}"`,
    );
  }
  return seconds;
}
