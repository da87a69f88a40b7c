// Readiness and liveness checks of a container: a command run inside it, a TCP connect, an HTTP GET.
//
// Where a TCP or HTTP check connects depends on the container's network: a pod's namespace is
// reached through its agent, the host's directly. So checks take a `connect` function and know
// nothing about namespaces.

import type { Duplex } from 'node:stream';
import { InvalidArgumentError } from '../errors.js';
import type { HealthConfig } from '../manifest.js';
import { inPortRange } from './options.js';

export type ProbeCheck =
  /** argv run in the container; exit 0 is success. */
  | { kind: 'exec'; command: string[] }
  | { kind: 'tcp'; port: number; host?: string }
  /** 200-399 is success, as in Kubernetes. */
  | { kind: 'http'; port: number; path: string; scheme: 'http' | 'https'; host?: string };

export interface Probe {
  check: ProbeCheck;
  /** Time between checks once started (Docker's Interval, Kubernetes' periodSeconds). */
  intervalMs: number;
  /** One check's time limit. */
  timeoutMs: number;
  /** Consecutive failures after the start period that make it fail (Retries, failureThreshold). */
  retries: number;
  /** Failures in this first stretch do not count (Docker's StartPeriod). */
  startPeriodMs: number;
  /** No check before this (Kubernetes' initialDelaySeconds). */
  delayMs: number;
}

/** Docker's defaults for a HEALTHCHECK without options. */
export const PROBE_DEFAULTS = {
  intervalMs: 30_000,
  timeoutMs: 30_000,
  retries: 3,
  startPeriodMs: 0,
  delayMs: 0,
} as const;

export function probe(check: ProbeCheck, timing: Partial<Omit<Probe, 'check'>> = {}): Probe {
  const defined = Object.fromEntries(Object.entries(timing).filter(([, v]) => v !== undefined));
  return { ...PROBE_DEFAULTS, ...defined, check };
}

/**
 * A `--health-cmd` value: `none`; `tcp://[HOST]:PORT` or `tcp:PORT`; an `http://` or `https://`
 * URL; a JSON array (`["CMD", "pg_isready"]` or plain argv); else a shell command.
 */
export function parseHealthCommand(text: string): ProbeCheck | 'none' {
  const value = text.trim();
  if (value === '') throw new InvalidArgumentError('expected a health command, got ""');
  if (value.toLowerCase() === 'none') return 'none';
  const tcp = /^tcp:(?:\/\/)?(?:(\[[0-9a-fA-F:]+\]|[^:/\s]+)?:)?(\d+)\/?$/.exec(value);
  if (tcp) return { kind: 'tcp', port: port(tcp[2] as string, value), ...host(tcp[1]) };
  if (/^https?:\/\//.test(value)) return httpCheck(value);
  if (value.startsWith('[')) {
    let argv: unknown;
    try {
      argv = JSON.parse(value);
    } catch {
      throw new InvalidArgumentError(`expected a JSON array of strings, got ${value}`);
    }
    if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string')) {
      throw new InvalidArgumentError(`expected a JSON array of strings, got ${value}`);
    }
    return fromTest(argv as string[]) ?? { kind: 'exec', command: argv as string[] };
  }
  return { kind: 'exec', command: ['/bin/sh', '-c', value] };
}

/** `http://localhost:8080/health` as a check. */
export function httpCheck(url: string): ProbeCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError(`expected an http:// or https:// URL, got "${url}"`);
  }
  const scheme =
    parsed.protocol === 'https:' ? 'https' : parsed.protocol === 'http:' ? 'http' : undefined;
  if (!scheme) throw new InvalidArgumentError(`expected an http:// or https:// URL, got "${url}"`);
  const portText = parsed.port || (scheme === 'https' ? '443' : '80');
  return {
    kind: 'http',
    scheme,
    port: port(portText, url),
    path: `${parsed.pathname}${parsed.search}`,
    ...host(parsed.hostname),
  };
}

/** The image's HEALTHCHECK (durations in nanoseconds), or undefined for none. */
export function imageProbe(health: HealthConfig | undefined): Probe | undefined {
  const check = fromTest(health?.Test ?? []);
  if (!check || !health) return undefined;
  const ms = (ns: number | undefined) => (ns && ns > 0 ? Math.round(ns / 1e6) : undefined);
  return probe(check, {
    intervalMs: ms(health.Interval) ?? PROBE_DEFAULTS.intervalMs,
    timeoutMs: ms(health.Timeout) ?? PROBE_DEFAULTS.timeoutMs,
    retries: health.Retries && health.Retries > 0 ? health.Retries : PROBE_DEFAULTS.retries,
    startPeriodMs: ms(health.StartPeriod) ?? 0,
  });
}

/** Docker's Test forms: `["CMD", argv…]`, `["CMD-SHELL", "cmd"]`; `["NONE"]` and `[]` are none. */
function fromTest(test: readonly string[]): ProbeCheck | undefined {
  const [kind, ...rest] = test;
  if (kind === 'CMD' && rest.length > 0) return { kind: 'exec', command: rest };
  if (kind === 'CMD-SHELL' && rest.length > 0) {
    return { kind: 'exec', command: ['/bin/sh', '-c', rest.join(' ')] };
  }
  return undefined;
}

function port(text: string, whole: string): number {
  const n = Number(text);
  if (!inPortRange(n)) throw new InvalidArgumentError(`expected a port 1-65535 in "${whole}"`);
  return n;
}

function host(name: string | undefined): { host?: string } {
  if (name === undefined || name === '') return {};
  return { host: name.replace(/^\[|\]$/g, '') };
}

/** A short description for logs and `ps`: `tcp :5432`, `http :8080/health`, `exec pg_isready`. */
export function describeCheck(check: ProbeCheck): string {
  switch (check.kind) {
    case 'exec':
      return check.command[0] === '/bin/sh' && check.command[1] === '-c'
        ? `exec ${check.command.slice(2).join(' ')}`
        : `exec ${check.command.join(' ')}`;
    case 'tcp':
      return `tcp ${check.host ?? ''}:${check.port}`;
    case 'http':
      return `${check.scheme} ${check.host ?? ''}:${check.port}${check.path}`;
  }
}

/** Opens a TCP connection to `host:port` as the container sees it. */
export type Connect = (port: number, host: string | undefined) => Promise<Duplex>;

/** Runs a command in the container: its exit code and output. */
export type ExecIn = (
  argv: readonly string[],
  timeoutMs: number,
) => Promise<{ exitCode: number; stdout: string; stderr: string }>;

export interface CheckResult {
  ok: boolean;
  /** Why it failed (or the output of a passing exec), one line. */
  detail: string;
}

/** Runs one check once, within the probe's timeout; never rejects. */
export async function runCheck(
  check: ProbeCheck,
  timeoutMs: number,
  io: { connect: Connect; exec: ExecIn },
): Promise<CheckResult> {
  try {
    switch (check.kind) {
      case 'exec': {
        const r = await io.exec(check.command, timeoutMs);
        const output = `${r.stdout}${r.stderr}`.trim().split('\n').pop() ?? '';
        return {
          ok: r.exitCode === 0,
          detail: `exit code ${r.exitCode}${output ? `: ${output}` : ''}`,
        };
      }
      case 'tcp': {
        const host = check.host === 'localhost' ? undefined : check.host;
        const socket = await withTimeout(io.connect(check.port, host), timeoutMs, 'connect');
        socket.destroy();
        return { ok: true, detail: 'connected' };
      }
      case 'http': {
        const status = await withTimeout(httpStatus(check, io.connect), timeoutMs, 'request');
        return { ok: status >= 200 && status < 400, detail: `HTTP ${status}` };
      }
    }
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

async function httpStatus(
  check: Extract<ProbeCheck, { kind: 'http' }>,
  connect: Connect,
): Promise<number> {
  // Loaded when first needed: most containers never get an HTTP check.
  const { request: httpRequest } = await import('node:http');
  const { connect: tlsConnect } = await import('node:tls');
  // `localhost` may resolve to ::1 first, where an IPv4-only server does not listen.
  const raw = await connect(check.port, check.host === 'localhost' ? undefined : check.host);
  const socket =
    check.scheme === 'https'
      ? // Kubernetes does not verify a probe's certificate either: it checks liveness, not identity.
        tlsConnect({ socket: raw as never, rejectUnauthorized: false, servername: 'localhost' })
      : raw;
  const hostHeader = `${check.host ?? 'localhost'}:${check.port}`;
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        method: 'GET',
        path: check.path || '/',
        headers: { Host: hostHeader, 'User-Agent': 'lighter-probe', Connection: 'close' },
        createConnection: () => socket as never,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        socket.destroy();
      },
    );
    // Connections from a pod's agent come paused, so no byte is lost before a reader is there.
    req.on('socket', (s) => s.resume());
    req.on('error', (error) => {
      socket.destroy();
      reject(error);
    });
    req.end();
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let late = false;
  // A connection that arrives after we gave up must not stay open.
  promise.then(
    (value) => {
      if (late) (value as { destroy?: () => void }).destroy?.();
    },
    () => {},
  );
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        late = true;
        reject(new Error(`${what} timed out after ${ms} ms`));
      }, ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
