// Resource limits for containers, clamped to what this host lets its processes have.
//
// Raising a hard limit needs CAP_SYS_RESOURCE, which root in a CI sandbox may lack: a spec
// asking for podman's RLIMIT_NOFILE of 1048576 then fails at start with "setrlimit
// RLIMIT_NOFILE: operation not permitted". Clamping to our own hard limits avoids that; the
// runtime (or sudo in front of it) normally inherits them.

import { readFileSync } from 'node:fs';
import type { OciRlimit } from './spec-types.js';

/** The names /proc/PID/limits prints, by rlimit. */
const PROC_NAMES: Record<string, string> = {
  'Max cpu time': 'RLIMIT_CPU',
  'Max file size': 'RLIMIT_FSIZE',
  'Max data size': 'RLIMIT_DATA',
  'Max stack size': 'RLIMIT_STACK',
  'Max core file size': 'RLIMIT_CORE',
  'Max resident set': 'RLIMIT_RSS',
  'Max processes': 'RLIMIT_NPROC',
  'Max open files': 'RLIMIT_NOFILE',
  'Max locked memory': 'RLIMIT_MEMLOCK',
  'Max address space': 'RLIMIT_AS',
  'Max file locks': 'RLIMIT_LOCKS',
  'Max pending signals': 'RLIMIT_SIGPENDING',
  'Max msgqueue size': 'RLIMIT_MSGQUEUE',
  'Max nice priority': 'RLIMIT_NICE',
  'Max realtime priority': 'RLIMIT_RTPRIO',
  'Max realtime timeout': 'RLIMIT_RTTIME',
};

/** What podman asks for by default; clamped before use. */
export const DEFAULT_RLIMITS: readonly OciRlimit[] = [
  { type: 'RLIMIT_NOFILE', soft: 1048576, hard: 1048576 },
  { type: 'RLIMIT_NPROC', soft: 4194304, hard: 4194304 },
];

export interface HostLimit {
  soft: number;
  /** Infinity for "unlimited". */
  hard: number;
}

/** Parses /proc/self/limits text into soft and hard values by RLIMIT_ name. */
export function parseProcLimits(text: string): Map<string, HostLimit> {
  const limits = new Map<string, HostLimit>();
  for (const line of text.split('\n').slice(1)) {
    const name = Object.keys(PROC_NAMES).find((n) => line.startsWith(n));
    if (!name) continue;
    const [soft, hard] = line.slice(name.length).trim().split(/\s+/);
    const value = (v: string | undefined) =>
      v === undefined || v === 'unlimited' ? Infinity : Number(v);
    limits.set(PROC_NAMES[name] as string, { soft: value(soft), hard: value(hard) });
  }
  return limits;
}

let cached: Map<string, HostLimit> | undefined;

/** This process's limits (read once). */
export function hostLimits(): Map<string, HostLimit> {
  if (!cached) {
    try {
      cached = parseProcLimits(readFileSync('/proc/self/limits', 'utf8'));
    } catch {
      cached = new Map();
    }
  }
  return cached;
}

/**
 * Merges `requested` over the defaults (later entries of a type win) and clamps each hard
 * limit to the host's, and each soft limit to its hard limit.
 */
export function clampRlimits(
  requested: readonly OciRlimit[] = [],
  host: Map<string, HostLimit> = hostLimits(),
): OciRlimit[] {
  const merged = new Map<string, OciRlimit>();
  for (const limit of [...DEFAULT_RLIMITS, ...requested]) merged.set(limit.type, { ...limit });
  return [...merged.values()].map((limit) => {
    const ceiling = host.get(limit.type)?.hard ?? Infinity;
    const hard = Math.min(limit.hard, ceiling);
    return { type: limit.type, soft: Math.min(limit.soft, hard), hard };
  });
}
