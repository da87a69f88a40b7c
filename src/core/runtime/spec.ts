// Builds the OCI runtime spec (config.json) of a container: podman's defaults, the image's config, the caller's options.

import { stat } from 'node:fs/promises';
import { isAbsolute, posix, resolve } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import type { ContainerConfig } from '../manifest.js';
import type { Runtime } from './detect.js';
import { type HostEntry, writeEtcFiles } from './etc-files.js';
import { clampRlimits } from './limits.js';
import { mkdirInRoot, resolveInRoot } from './root-path.js';
import {
  OCI_VERSION,
  type OciMount,
  type OciNamespace,
  type OciNamespaceType,
  type OciRlimit,
  type OciSpec,
} from './spec-types.js';
import { resolveUser } from './users.js';

/** A fresh namespace, the host's, or an existing one joined by path (`/proc/PID/ns/net` of a pod's infra process). */
export type NamespaceMode = 'private' | 'host' | { path: string };

export interface BindMount {
  source: string;
  destination: string;
  readOnly?: boolean;
}

export interface TmpfsMount {
  destination: string;
  /** Mount options (`size=64m`, `mode=1777`, `exec`), added to rw,noexec,nosuid,nodev. */
  options?: string[];
}

export interface BuildSpecOptions {
  /** The root filesystem on the host (an overlay mount or a directory); /etc/passwd is read from it. */
  rootfs: string;
  /** The bundle dir: /etc/hosts, /etc/hostname and /etc/resolv.conf are written here. */
  bundleDir: string;
  /** The image's runtime config: Entrypoint, Cmd, Env, User, WorkingDir. */
  image?: ContainerConfig;
  /** Replaces the image's Entrypoint; the image's Cmd is then dropped too, as with `docker run --entrypoint`. */
  entrypoint?: readonly string[];
  /** Replaces the image's Cmd. */
  command?: readonly string[];
  /** Over the image's Env: `{K: V}` or `['K=V']`. */
  env?: Readonly<Record<string, string>> | readonly string[];
  /** `user`, `uid`, `uid:gid`, `user:group`; default the image's User, else root. */
  user?: string;
  /** More supplementary groups, by name or number. */
  groups?: readonly (string | number)[];
  cwd?: string;
  hostname?: string;
  readonlyRootfs?: boolean;
  /** With a read-only rootfs, put tmpfs on /tmp, /var/tmp and /run (podman's default). */
  readonlyTmpfs?: boolean;
  /** `/path` or `/path:opt,opt`. */
  tmpfs?: readonly (string | TmpfsMount)[];
  /** `src:dst[:ro|rw]`; the source must exist. */
  volumes?: readonly (string | BindMount)[];
  /** `none` is a private namespace with loopback only, like `private` here (lighter sets up no bridges). */
  network?: NamespaceMode | 'none';
  ipc?: NamespaceMode;
  uts?: NamespaceMode;
  pid?: NamespaceMode;
  extraHosts?: readonly HostEntry[];
  noNewPrivileges?: boolean;
  capAdd?: readonly string[];
  /** `ALL` drops every default capability. */
  capDrop?: readonly string[];
  /** Over podman's defaults (RLIMIT_NOFILE 1048576, RLIMIT_NPROC 4194304); every limit is clamped to the host's. */
  rlimits?: readonly OciRlimit[];
  /** Decides the cgroup namespace (v2) and a rootless user namespace. */
  runtime?: Pick<Runtime, 'cgroups' | 'rootless'>;
  cgroupsPath?: string;
  annotations?: Readonly<Record<string, string>>;
}

/** podman's default capability set (containers.conf `default_capabilities`). */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_KILL',
  'CAP_NET_BIND_SERVICE',
  'CAP_SETFCAP',
  'CAP_SETGID',
  'CAP_SETPCAP',
  'CAP_SETUID',
  'CAP_SYS_CHROOT',
];

/** podman's masked paths: kernel data a container has no business reading. */
export const MASKED_PATHS: readonly string[] = [
  '/proc/acpi',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/proc/interrupts',
  '/sys/firmware',
  '/sys/fs/selinux',
  '/sys/dev/block',
  '/sys/devices/virtual/powercap',
];

export const READONLY_PATHS: readonly string[] = [
  '/proc/asound',
  '/proc/bus',
  '/proc/fs',
  '/proc/irq',
  '/proc/sys',
  '/proc/sysrq-trigger',
];

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The spec for one container. Reads the image's /etc/passwd and /etc/group from `rootfs`,
 * creates the working dir there if missing, and writes /etc/hosts, /etc/hostname and
 * /etc/resolv.conf into `bundleDir`. Bad input is ERR_INVALID_ARGUMENT, before anything runs.
 */
export async function buildSpec(options: BuildSpecOptions): Promise<OciSpec> {
  const image = options.image ?? {};
  const args = commandLine(options, image);
  const network = options.network === 'none' ? 'private' : (options.network ?? 'private');
  const uts = options.uts ?? 'private';
  const ipc = options.ipc ?? 'private';
  const pid = options.pid ?? 'private';
  const hostname = options.hostname ?? 'lighter';
  const rootless = options.runtime?.rootless ?? false;

  const cwd = options.cwd || image.WorkingDir || '/';
  if (!posix.isAbsolute(cwd)) {
    throw new InvalidArgumentError(`working dir "${cwd}" must be an absolute path`);
  }
  const user = await resolveUser(options.rootfs, options.user ?? image.User, options.groups);
  await ensureCwd(options.rootfs, cwd);

  const env = new Map<string, string>();
  for (const item of image.Env ?? []) setEnv(env, item);
  const given = options.env ?? [];
  if (Array.isArray(given)) for (const item of given as readonly string[]) setEnv(env, item);
  else for (const [k, v] of Object.entries(given)) env.set(k, v);
  if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
  if (!env.has('HOME')) env.set('HOME', user.home);
  if (uts === 'private' && !env.has('HOSTNAME')) env.set('HOSTNAME', hostname);

  const capabilities = capabilitySet(options.capAdd ?? [], options.capDrop ?? []);
  // As podman does: a non-root user keeps the bounding set but holds no capability itself.
  const held = user.uid === 0 ? capabilities : [];

  const userMounts = [
    ...(options.tmpfs ?? []).map(parseTmpfs),
    ...(await Promise.all((options.volumes ?? []).map(parseBind))),
  ];
  if (options.readonlyRootfs && (options.readonlyTmpfs ?? true)) {
    for (const destination of ['/tmp', '/var/tmp', '/run']) {
      if (userMounts.some((m) => m.destination === destination)) continue;
      userMounts.push({
        destination,
        type: 'tmpfs',
        source: 'tmpfs',
        options: ['rw', 'nosuid', 'nodev', 'mode=1777'],
      });
    }
  }
  const etcMounts = await writeEtcFiles({
    dir: options.bundleDir,
    hostname,
    hostNetwork: network === 'host',
    extraHosts: options.extraHosts ?? [],
  });
  const overridden = new Set(userMounts.map((m) => m.destination));
  const mounts = [
    ...systemMounts({ network, ipc, rootless, cgroups: options.runtime?.cgroups }),
    ...etcMounts,
  ].filter((m) => !overridden.has(m.destination));
  // Parents before children: `-v /data:/d -v /x:/d/sub` must mount /d first.
  userMounts.sort((a, b) => depth(a.destination) - depth(b.destination));
  mounts.push(...userMounts);

  const namespaces: OciNamespace[] = [{ type: 'mount' }];
  addNamespace(namespaces, 'pid', pid);
  addNamespace(namespaces, 'network', network);
  addNamespace(namespaces, 'ipc', ipc);
  addNamespace(namespaces, 'uts', uts);
  if (options.runtime?.cgroups === 'v2') namespaces.push({ type: 'cgroup' });
  if (rootless) namespaces.push({ type: 'user' });

  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const spec: OciSpec = {
    ociVersion: OCI_VERSION,
    process: {
      terminal: false,
      user: {
        uid: user.uid,
        gid: user.gid,
        ...(user.additionalGids.length > 0 ? { additionalGids: user.additionalGids } : {}),
      },
      args,
      env: [...env].map(([k, v]) => `${k}=${v}`),
      cwd,
      capabilities: {
        bounding: [...capabilities],
        effective: [...held],
        permitted: [...held],
      },
      rlimits: clampRlimits(options.rlimits),
      noNewPrivileges: options.noNewPrivileges ?? false,
    },
    root: { path: options.rootfs, readonly: options.readonlyRootfs ?? false },
    ...(uts === 'private' ? { hostname } : {}),
    mounts,
    linux: {
      namespaces,
      ...(rootless
        ? {
            uidMappings: [{ containerID: 0, hostID: uid, size: 1 }],
            gidMappings: [{ containerID: 0, hostID: gid, size: 1 }],
          }
        : { resources: { devices: [{ allow: false, access: 'rwm' }] } }),
      ...(options.cgroupsPath ? { cgroupsPath: options.cgroupsPath } : {}),
      maskedPaths: [...MASKED_PATHS],
      readonlyPaths: [...READONLY_PATHS],
    },
    ...(options.annotations ? { annotations: { ...options.annotations } } : {}),
  };
  return spec;
}

function commandLine(options: BuildSpecOptions, image: ContainerConfig): string[] {
  const entrypoint = options.entrypoint ?? image.Entrypoint ?? [];
  const command = options.command ?? (options.entrypoint ? [] : (image.Cmd ?? []));
  const args = [...entrypoint, ...command];
  if (args.length === 0) {
    throw new InvalidArgumentError(
      'no command to run: the image has no Entrypoint or Cmd and none was given',
    );
  }
  return args;
}

function setEnv(env: Map<string, string>, item: string): void {
  const eq = item.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`environment entry "${item}" is not KEY=VALUE`);
  env.set(item.slice(0, eq), item.slice(eq + 1));
}

function capabilitySet(add: readonly string[], drop: readonly string[]): string[] {
  const normalize = (name: string) => {
    const upper = name.trim().toUpperCase();
    return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
  };
  const dropped = new Set(drop.map(normalize));
  const set = new Set(dropped.has('ALL') ? [] : DEFAULT_CAPABILITIES);
  for (const cap of dropped) set.delete(cap);
  for (const cap of add.map(normalize)) {
    if (cap === 'ALL') throw new InvalidArgumentError('adding ALL capabilities is not supported');
    set.add(cap);
  }
  return [...set];
}

interface SystemMountOptions {
  network: NamespaceMode;
  ipc: NamespaceMode;
  rootless: boolean;
  cgroups: Runtime['cgroups'] | undefined;
}

function systemMounts(o: SystemMountOptions): OciMount[] {
  const mounts: OciMount[] = [
    { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
    {
      destination: '/dev',
      type: 'tmpfs',
      source: 'tmpfs',
      options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'],
    },
    {
      destination: '/dev/pts',
      type: 'devpts',
      source: 'devpts',
      // A rootless container has no group 5 of the host mapped in.
      options: [
        'nosuid',
        'noexec',
        'newinstance',
        'ptmxmode=0666',
        'mode=0620',
        ...(o.rootless ? [] : ['gid=5']),
      ],
    },
    {
      destination: '/dev/shm',
      type: 'tmpfs',
      source: 'shm',
      options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'],
    },
  ];
  if (o.ipc === 'host') {
    mounts.push({
      destination: '/dev/mqueue',
      type: 'bind',
      source: '/dev/mqueue',
      options: ['rbind', 'nosuid', 'noexec', 'nodev'],
    });
  } else {
    mounts.push({
      destination: '/dev/mqueue',
      type: 'mqueue',
      source: 'mqueue',
      options: ['nosuid', 'noexec', 'nodev'],
    });
  }
  // sysfs can only be mounted by whoever owns the network namespace; with the host's (or a
  // rootless container's) the host's /sys is bound read-only instead, as podman does.
  if (o.network === 'private' && !o.rootless) {
    mounts.push({
      destination: '/sys',
      type: 'sysfs',
      source: 'sysfs',
      options: ['nosuid', 'noexec', 'nodev', 'ro'],
    });
  } else {
    mounts.push({
      destination: '/sys',
      type: 'bind',
      source: '/sys',
      options: ['rbind', 'nosuid', 'noexec', 'nodev', 'ro'],
    });
  }
  if (!o.rootless || o.cgroups === 'v2') {
    mounts.push({
      destination: '/sys/fs/cgroup',
      type: 'cgroup',
      source: 'cgroup',
      options: ['nosuid', 'noexec', 'nodev', 'relatime', 'ro'],
    });
  }
  return mounts;
}

function addNamespace(list: OciNamespace[], type: OciNamespaceType, mode: NamespaceMode): void {
  if (mode === 'host') return;
  if (mode === 'private') list.push({ type });
  else {
    if (!isAbsolute(mode.path)) {
      throw new InvalidArgumentError(`${type} namespace path "${mode.path}" must be absolute`);
    }
    list.push({ type, path: mode.path });
  }
}

/** Parses `/path[:opt,opt]`. */
export function parseTmpfs(value: string | TmpfsMount): OciMount {
  const mount =
    typeof value === 'string'
      ? (() => {
          const colon = value.indexOf(':');
          const destination = colon < 0 ? value : value.slice(0, colon);
          const options =
            colon < 0
              ? []
              : value
                  .slice(colon + 1)
                  .split(',')
                  .filter(Boolean);
          return { destination, options };
        })()
      : value;
  if (!posix.isAbsolute(mount.destination)) {
    throw new InvalidArgumentError(`tmpfs "${mount.destination}" must be an absolute path`);
  }
  const options = new Set(['rw', 'noexec', 'nosuid', 'nodev']);
  for (const option of mount.options ?? []) {
    if (option === 'exec') options.delete('noexec');
    else if (option === 'ro') options.delete('rw');
    else if (option === 'suid') options.delete('nosuid');
    else if (option === 'dev') options.delete('nodev');
    options.add(option);
  }
  return {
    destination: posix.normalize(mount.destination),
    type: 'tmpfs',
    source: 'tmpfs',
    options: [...options],
  };
}

/** Parses `src:dst[:ro|rw]` and checks that the source exists (relative sources are from our cwd). */
export async function parseBind(value: string | BindMount): Promise<OciMount> {
  let mount: BindMount;
  if (typeof value === 'string') {
    const parts = value.split(':');
    const [source, destination, mode] = parts;
    if (
      parts.length < 2 ||
      parts.length > 3 ||
      !source ||
      !destination ||
      (mode !== undefined && mode !== 'ro' && mode !== 'rw')
    ) {
      throw new InvalidArgumentError(`bind mount "${value}" is not SRC:DST[:ro|rw]`);
    }
    mount = { source, destination, readOnly: mode === 'ro' };
  } else {
    mount = value;
  }
  if (!posix.isAbsolute(mount.destination)) {
    throw new InvalidArgumentError(
      `bind mount destination "${mount.destination}" must be an absolute path`,
    );
  }
  const source = resolve(mount.source);
  try {
    await stat(source);
  } catch {
    throw new InvalidArgumentError(`bind mount source "${mount.source}" does not exist`);
  }
  return {
    destination: posix.normalize(mount.destination),
    type: 'bind',
    source,
    options: ['rbind', mount.readOnly ? 'ro' : 'rw', 'rprivate'],
  };
}

function depth(path: string): number {
  return path.split('/').filter(Boolean).length;
}

async function ensureCwd(rootfs: string, cwd: string): Promise<void> {
  if (cwd === '/') return;
  const host = await resolveInRoot(rootfs, cwd);
  const exists = await stat(host).then(
    (s) => s.isDirectory(),
    () => false,
  );
  // Docker creates a missing WORKDIR at start; so does podman.
  if (!exists) await mkdirInRoot(rootfs, cwd);
}
