// Chooses the OCI runtime (crun or runc) and privilege mode that work on this host, and says why.

import { accessSync, constants, readFileSync, statfsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { LighterError } from '../errors.js';
import type { Logger } from '../log.js';
import { runCommand } from './command.js';

export type RuntimeName = 'crun' | 'runc';
export type CgroupMode = 'v1' | 'v2' | 'hybrid';

/** A runtime binary and how to call it. Plain data: it is stored with each container. */
export interface Runtime {
  name: RuntimeName;
  path: string;
  cgroups: CgroupMode;
  /** `disabled` is crun's `--cgroup-manager=disabled`: no cgroup is created for the container. */
  cgroupManager: 'cgroupfs' | 'disabled';
  /** Commands run as root through `sudo -n`. */
  sudo: boolean;
  /** Not root and no sudo: an unprivileged user namespace (fails where AppArmor forbids them). */
  rootless: boolean;
  /** One line: which runtime, which mode and why. */
  reason: string;
}

/** What the choice depends on, gathered by `hostFacts()`; tests pass their own. */
export interface HostFacts {
  uid: number;
  cgroups: CgroupMode;
  binaries: Partial<Record<RuntimeName, string>>;
  /** `sudo -n true` succeeds. */
  sudo: boolean;
  /** Why unprivileged user namespaces will not work here, if we can tell. */
  usernsBlocked?: string;
}

export interface DetectOptions {
  logger: Logger;
  prefer?: RuntimeName;
  /** Facts to decide from instead of probing this host. */
  facts?: HostFacts;
}

const CGROUP2_SUPER_MAGIC = 0x63677270;
// Non-root PATHs often lack the sbin dirs, where Debian installs runc.
const EXTRA_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export async function detectRuntime(options: DetectOptions): Promise<Runtime> {
  const facts = options.facts ?? (await hostFacts());
  const runtime = chooseRuntime(facts, options.prefer);
  options.logger.debug(`runtime: ${runtime.reason}`);
  return runtime;
}

let cachedFacts: Promise<HostFacts> | undefined;

/** Probes this host once per process (a sudo check spawns a process). */
export function hostFacts(): Promise<HostFacts> {
  cachedFacts ??= probeHost();
  return cachedFacts;
}

async function probeHost(): Promise<HostFacts> {
  const uid = process.getuid?.() ?? -1;
  const binaries: Partial<Record<RuntimeName, string>> = {};
  for (const name of ['crun', 'runc'] as const) {
    const path = findExecutable(name);
    if (path) binaries[name] = path;
  }
  let sudo = false;
  if (uid !== 0 && findExecutable('sudo')) {
    sudo = await runCommand(['sudo', '-n', 'true'], { timeoutMs: 10_000 }).then(
      (r) => r.code === 0,
      () => false,
    );
  }
  const usernsBlocked = uid === 0 || sudo ? undefined : usernsProblem();
  return {
    uid,
    cgroups: cgroupMode(),
    binaries,
    sudo,
    ...(usernsBlocked ? { usernsBlocked } : {}),
  };
}

/** The cgroup layout: v2 when /sys/fs/cgroup is cgroup2, hybrid when v2 sits beside v1 controllers. */
export function cgroupMode(root = '/sys/fs/cgroup'): CgroupMode {
  const isCgroup2 = (path: string) => {
    try {
      return statfsSync(path).type === CGROUP2_SUPER_MAGIC;
    } catch {
      return false;
    }
  };
  if (isCgroup2(root)) return 'v2';
  if (isCgroup2(join(root, 'unified'))) return 'hybrid';
  return 'v1';
}

/** The decision itself, free of I/O so every branch can be tested. */
export function chooseRuntime(facts: HostFacts, prefer?: RuntimeName): Runtime {
  const { binaries } = facts;
  if (!binaries.crun && !binaries.runc) {
    throw new LighterError(
      'ERR_NOT_FOUND',
      'finding an OCI runtime: neither crun nor runc is installed (apt-get install runc, or crun)',
    );
  }
  const root = facts.uid === 0;
  const sudo = !root && facts.sudo;
  const rootless = !root && !sudo;
  const mode = root
    ? 'as root'
    : sudo
      ? 'as root through sudo -n (password-less sudo works)'
      : `rootless in a user namespace (not root and no password-less sudo${facts.usernsBlocked ? `; warning: ${facts.usernsBlocked}` : ''})`;

  let name: RuntimeName;
  let why: string;
  let cgroupManager: Runtime['cgroupManager'] = 'cgroupfs';
  if (prefer && binaries[prefer]) {
    name = prefer;
    why = `${prefer} was asked for`;
  } else if (facts.cgroups === 'v2') {
    name = binaries.crun ? 'crun' : 'runc';
    why =
      name === 'crun'
        ? 'cgroup v2 host, where crun is fastest'
        : 'cgroup v2 host; crun is not installed';
    if (prefer) why += ` (${prefer} was asked for but is not installed)`;
  } else {
    name = binaries.runc ? 'runc' : 'crun';
    why =
      name === 'runc'
        ? `cgroups are ${facts.cgroups === 'hybrid' ? 'hybrid v1/v2' : 'v1'} here, where crun refuses to start containers; runc works`
        : `cgroups are ${facts.cgroups} and runc is not installed, so crun runs with its cgroup manager disabled (no resource limits)`;
    if (prefer && prefer !== name) why += ` (${prefer} was asked for but is not installed)`;
  }
  if (name === 'crun' && (facts.cgroups !== 'v2' || rootless)) {
    cgroupManager = 'disabled';
    if (prefer === 'crun' && facts.cgroups !== 'v2') {
      why += `; cgroups are ${facts.cgroups}, so its cgroup manager is disabled (it may still refuse; runc is the safer choice here)`;
    }
  }
  // Every branch above picks a name whose binary exists.
  const path = binaries[name] as string;
  return {
    name,
    path,
    cgroups: facts.cgroups,
    cgroupManager,
    sudo,
    rootless,
    reason: `${name} (${path}) ${mode}: ${why}`,
  };
}

/** Looks a command up on PATH and in the sbin dirs; undefined when absent. */
export function findExecutable(command: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...EXTRA_DIRS];
  for (const dir of new Set(dirs)) {
    if (!dir) continue;
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {}
  }
  return undefined;
}

function usernsProblem(): string | undefined {
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return undefined;
    }
  };
  if (read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') {
    return 'AppArmor restricts unprivileged user namespaces on this host (as on Ubuntu 24.04 runners), so rootless containers will fail; give this user password-less sudo';
  }
  if (read('/proc/sys/kernel/unprivileged_userns_clone') === '0') {
    return 'unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone=0)';
  }
  if (read('/proc/sys/user/max_user_namespaces') === '0') {
    return 'user namespaces are disabled (user.max_user_namespaces=0)';
  }
  return undefined;
}
