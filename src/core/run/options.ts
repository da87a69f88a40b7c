// Values container commands and the run action both take (ports, volumes, env, durations), parsed one way.
//
// Each parser throws InvalidArgumentError with a message that starts at "expected …", so an
// adapter can prefix where the value came from (`flag --publish: `, `input "ports": `).

import { readFile } from 'node:fs/promises';
import { errorMessage, InvalidArgumentError } from '../errors.js';

export interface PortMapping {
  /** Host address to listen on; undefined for every address (0.0.0.0). */
  hostIp: string | undefined;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

export interface VolumeMount {
  source: string;
  destination: string;
  readOnly: boolean;
}

const PORT = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/;

/** `[IP:]HOST:CONTAINER[/tcp|/udp]`, or `PORT` for the same port on both sides. */
export function parsePort(value: string): PortMapping {
  const m = PORT.exec(value.trim());
  if (!m) throw new InvalidArgumentError(`expected [IP:]HOST:CONTAINER[/tcp|/udp], got "${value}"`);
  const hostPort = Number(m[2] ?? m[3]);
  const containerPort = Number(m[3]);
  if (!inPortRange(hostPort) || !inPortRange(containerPort)) {
    throw new InvalidArgumentError(`expected ports 1-65535, got "${value}"`);
  }
  const hostIp = m[1]?.replace(/^\[|\]$/g, '');
  return { hostIp, hostPort, containerPort, protocol: (m[4] as 'tcp' | 'udp') ?? 'tcp' };
}

export function inPortRange(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** `[IP:]HOST:CONTAINER/proto`, the form `parsePort` reads and `ps` shows. */
export function formatPort(port: PortMapping): string {
  const ip =
    port.hostIp === undefined
      ? ''
      : port.hostIp.includes(':')
        ? `[${port.hostIp}]:`
        : `${port.hostIp}:`;
  return `${ip}${port.hostPort}:${port.containerPort}/${port.protocol}`;
}

/** `SRC:DST[:ro|rw]` with DST absolute; SRC is checked later, against the file system. */
export function parseVolume(value: string): VolumeMount {
  const parts = value.split(':');
  const [source, destination, mode] = parts;
  const ok =
    parts.length >= 2 &&
    parts.length <= 3 &&
    source !== '' &&
    destination?.startsWith('/') &&
    (mode === undefined || mode === 'ro' || mode === 'rw');
  if (!ok) {
    throw new InvalidArgumentError(`expected SRC:DST[:ro|rw] with DST absolute, got "${value}"`);
  }
  return { source: source as string, destination: destination as string, readOnly: mode === 'ro' };
}

/**
 * `KEY=VALUE` entries, or `KEY` alone to pass that variable through from `from` (left out when
 * unset there, as Docker does). Later entries win.
 */
export function parseEnvEntries(
  values: readonly string[],
  from: Readonly<Record<string, string | undefined>> = {},
): Map<string, string> {
  const result = new Map<string, string>();
  for (const item of values) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (key === '' || /\s/.test(key)) {
      throw new InvalidArgumentError(`expected KEY=VALUE or KEY, got "${item}"`);
    }
    if (eq >= 0) result.set(key, item.slice(eq + 1));
    else {
      const inherited = from[key];
      if (inherited !== undefined) result.set(key, inherited);
    }
  }
  return result;
}

/** An env file as Docker reads it: `KEY=VALUE` or `KEY` lines; blank lines and `#` comments skipped. */
export function parseEnvFileText(
  text: string,
  from: Readonly<Record<string, string | undefined>> = {},
): Map<string, string> {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s+/, ''))
    .filter((line) => line !== '' && !line.startsWith('#'));
  return parseEnvEntries(lines, from);
}

/** Reads `--env-file` files in order; a missing file is an error before anything starts. */
export async function readEnvFiles(
  paths: readonly string[],
  from: Readonly<Record<string, string | undefined>> = {},
): Promise<Map<string, string>> {
  const env = new Map<string, string>();
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new InvalidArgumentError(`reading env file ${path}: ${errorMessage(error)}`);
    }
    try {
      for (const [k, v] of parseEnvFileText(text, from)) env.set(k, v);
    } catch (error) {
      throw new InvalidArgumentError(`reading env file ${path}: ${errorMessage(error)}`);
    }
  }
  return env;
}

const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;

/** `30` (seconds), `1.5`, `30s`, `500ms`, `5m`, `1h30m`, in seconds; zero or less is refused. */
export function parseDuration(value: string): number {
  const text = value.trim();
  let seconds = Number.NaN;
  if (/^\d+(?:\.\d+)?$/.test(text)) seconds = Number(text);
  else {
    const m = DURATION.exec(text);
    if (m && text !== '' && (m[1] ?? m[2] ?? m[3] ?? m[4]) !== undefined) {
      seconds =
        Number(m[1] ?? 0) * 3600 +
        Number(m[2] ?? 0) * 60 +
        Number(m[3] ?? 0) +
        Number(m[4] ?? 0) / 1000;
    }
  }
  if (Number.isNaN(seconds)) {
    throw new InvalidArgumentError(`expected a duration such as 30s, 5m or 1h30m, got "${value}"`);
  }
  if (!(seconds > 0))
    throw new InvalidArgumentError(`expected a duration above zero, got "${value}"`);
  return seconds;
}
