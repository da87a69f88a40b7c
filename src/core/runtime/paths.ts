// Where lighter keeps the state of its containers: one dir a container, one runtime root a runtime.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '../errors.js';

/**
 * `/run/lighter` for root (tmpfs: gone after a reboot, like the containers), else
 * `$XDG_RUNTIME_DIR/lighter` or `$TMPDIR/lighter-UID`. `LIGHTER_STATE_DIR` overrides it.
 */
export function defaultStateDir(): string {
  if (process.env.LIGHTER_STATE_DIR) return process.env.LIGHTER_STATE_DIR;
  const uid = process.getuid?.() ?? 0;
  if (uid === 0) return '/run/lighter';
  if (process.env.XDG_RUNTIME_DIR) return join(process.env.XDG_RUNTIME_DIR, 'lighter');
  return join(tmpdir(), `lighter-${uid}`);
}

/** The runtime's own `--root`: ours alone, so its `list` shows lighter's containers only. */
export function runtimeRoot(stateDir: string, runtime: string): string {
  return join(stateDir, 'runtime', runtime);
}

export function containersDir(stateDir: string): string {
  return join(stateDir, 'containers');
}

export interface ContainerPaths {
  dir: string;
  /** container.json: what cleanup needs to undo everything (runtime, bundle, rootfs). */
  record: string;
  /** The default bundle (config.json, the /etc files, the rootfs mount point). */
  bundle: string;
  /** Default overlay upper and work dirs, and rootfs mount point, for callers that want them here. */
  upper: string;
  work: string;
  rootfs: string;
  monitorConfig: string;
  monitorPid: string;
  /**
   * `PID@STARTTIME` of the process the monitor runs inside, when it has none of its own: a
   * lighter that is its container's monitor itself (foreground runs), or a pod's infra process.
   */
  monitorHost: string;
  /** Written by the runtime (`--pid-file`) once the container exists. */
  pidFile: string;
  /** Written by the monitor when the runtime exits: the exit code. */
  exitFile: string;
  /** The runtime's own log (`--log`, JSON lines): its error when a container fails to start. */
  runtimeLog: string;
  /** The container's stdout and stderr, timestamped. */
  log: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function checkContainerId(id: string): void {
  if (!ID.test(id)) {
    throw new InvalidArgumentError(
      `container ID "${id}" must be 1-128 letters, digits, '_', '.' or '-', not starting with a symbol`,
    );
  }
}

export function containerPaths(stateDir: string, id: string): ContainerPaths {
  checkContainerId(id);
  const dir = join(containersDir(stateDir), id);
  const bundle = join(dir, 'bundle');
  return {
    dir,
    record: join(dir, 'container.json'),
    bundle,
    upper: join(dir, 'upper'),
    work: join(dir, 'work'),
    rootfs: join(bundle, 'rootfs'),
    monitorConfig: join(dir, 'monitor.json'),
    monitorPid: join(dir, 'monitor.pid'),
    monitorHost: join(dir, 'monitor.host'),
    pidFile: join(dir, 'pid'),
    exitFile: join(dir, 'exit.json'),
    runtimeLog: join(dir, 'runtime.log'),
    log: join(dir, 'ctr.log'),
  };
}
