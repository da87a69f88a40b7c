// Containers: create, start, wait, kill, stop, exec, delete, through crun/runc and a monitor.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve as resolvePath } from 'node:path';
import { errorMessage, InvalidArgumentError, isLighterError, LighterError } from '../errors.js';
import { pathExists } from '../fs/exists.js';
import { type Logger, silentLogger } from '../log.js';
import { checkedCommand, privileged, runCommand, runtimeArgv } from './command.js';
import type { Runtime } from './detect.js';
import { type LogEntry, logText, readLogs } from './logs.js';
import {
  type MonitorConfig,
  type MonitorLink,
  type MonitorMessage,
  type MonitorService,
  monitorMain,
  monitorScript,
} from './monitor.js';
import { mountsUnder } from './mountinfo.js';
import { type ContainerPaths, containerPaths, defaultStateDir, runtimeRoot } from './paths.js';
import { isAlive, pidOf, processId } from './process-id.js';
import { type Rootfs, unmount, unmountRootfs } from './rootfs.js';
import { signalName, signalNumber } from './signals.js';
import type { OciProcess, OciSpec } from './spec-types.js';
import { type ContainerRecord, type ExitRecord, readJson, readRecord, writeJson } from './state.js';
import { resolveUser } from './users.js';

export interface CreateContainerOptions {
  id: string;
  /** For log prefixes and messages; default the ID. */
  name?: string;
  spec: OciSpec;
  runtime: Runtime;
  logger?: Logger;
  /**
   * `pipe`: output goes to the log file and, line by line, to `onOutput` (default: the logger,
   * prefixed with the name). `inherit`: to the log file and straight to our stdout/stderr.
   */
  stdio?: 'pipe' | 'inherit';
  onOutput?: (entry: LogEntry, name: string) => void;
  stateDir?: string;
  /** Default `<stateDir>/containers/<id>/bundle`, removed on delete. */
  bundleDir?: string;
  /** Remove `bundleDir` on delete; default true for the default bundle, false for the caller's. */
  removeBundle?: boolean;
  /** The mounted rootfs, unmounted on delete and by cleanup. */
  rootfs?: Rootfs;
  /** The image's StopSignal; SIGTERM when unset. */
  stopSignal?: string;
  /** Default `<stateDir>/containers/<id>/ctr.log` (removed on delete: pass a path to keep it). */
  logPath?: string;
  labels?: Readonly<Record<string, string>>;
}

export interface StartOptions {
  /** How long the runtime may take to create the container (default 60 s). */
  timeoutMs?: number;
  /**
   * `monitor` (default): a detached monitor process holds the runtime, so the container and
   * its exit code outlive this process. `self`: this process holds it, which saves a process
   * start; for a container that this process waits for and that need not outlive it (a
   * foreground run): if this process dies, the exit code is lost. A MonitorService: the
   * monitor runs in that long-lived process (a pod's infra process), which saves the start
   * of a monitor process and outlives this one.
   */
  supervise?: 'monitor' | 'self' | MonitorService;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'stopped' | 'exited';

export interface ContainerState {
  id: string;
  name: string;
  /**
   * `created`: configured, not started; `running`/`paused` as the runtime says; `exited`: its
   * exit code is known; `stopped`: it is gone but the monitor was killed before recording how.
   */
  status: ContainerStatus;
  pid?: number;
  exitCode?: number;
  startedAt?: string;
  finishedAt?: string;
  createdAt: string;
  labels: Record<string, string>;
}

export interface ExecOptions {
  /** Over the container's environment: `{K: V}` or `['K=V']`. */
  env?: Readonly<Record<string, string>> | readonly string[];
  /** Default the container's user. */
  user?: string;
  cwd?: string;
  /** Kill the runtime's exec after this long (ERR_TIMEOUT). */
  timeoutMs?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface StopOptions {
  /** Default the container's stop signal (the image's StopSignal, else SIGTERM). */
  signal?: string;
  /** How long to wait after the signal before SIGKILL; default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_STOP_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 60_000;

/**
 * Writes the bundle's config.json and the container's record; nothing runs until `start()`.
 * The record is what lets `cleanupAll` undo the container even if this process dies.
 */
export async function createContainer(options: CreateContainerOptions): Promise<Container> {
  const stateDir = options.stateDir ?? defaultStateDir();
  const paths = containerPaths(stateDir, options.id);
  if (await pathExists(paths.record)) {
    throw new InvalidArgumentError(`a container with ID "${options.id}" already exists`);
  }
  const bundleDir = options.bundleDir ?? paths.bundle;
  await mkdir(paths.dir, { recursive: true, mode: 0o700 });
  await mkdir(bundleDir, { recursive: true });
  const spec: OciSpec = structuredClone(options.spec);
  const { runtime } = options;
  if (!spec.linux.cgroupsPath && !runtime.rootless && runtime.cgroupManager === 'cgroupfs') {
    // One parent cgroup for lighter's containers keeps them together in the host's tree.
    spec.linux.cgroupsPath = `/lighter/${options.id}`;
  }
  await writeFile(join(bundleDir, 'config.json'), `${JSON.stringify(spec, null, 2)}\n`);
  const record: ContainerRecord = {
    version: 1,
    id: options.id,
    name: options.name ?? options.id,
    stateDir,
    bundleDir,
    removeBundle: options.removeBundle ?? options.bundleDir === undefined,
    runtime,
    logPath: options.logPath ?? paths.log,
    stopSignal: options.stopSignal || 'SIGTERM',
    ...(options.rootfs ? { rootfs: options.rootfs } : {}),
    stdio: options.stdio ?? 'pipe',
    createdAt: new Date().toISOString(),
    labels: { ...options.labels },
  };
  signalNumber(record.stopSignal);
  await writeJson(paths.record, record);
  return new Container(record, options.logger ?? silentLogger, options.onOutput);
}

/** A container created earlier, by this process or another one. */
export async function openContainer(
  stateDir: string,
  id: string,
  logger: Logger = silentLogger,
  onOutput?: (entry: LogEntry, name: string) => void,
): Promise<Container> {
  const record = await readRecord(stateDir, id);
  if (!record) throw new LighterError('ERR_NOT_FOUND', `no container "${id}" in ${stateDir}`);
  return new Container(record, logger, onOutput);
}

export class Container {
  readonly record: ContainerRecord;
  readonly paths: ContainerPaths;
  readonly #logger: Logger;
  readonly #onOutput: (entry: LogEntry, name: string) => void;
  #monitor: ChildProcess | undefined;
  /** The line to a monitor that a MonitorService runs. */
  #link: MonitorLink | undefined;
  #monitorExited: Promise<void> | undefined;
  #monitorDone = false;
  /** This process is the monitor (`supervise: 'self'`); #monitorDone says when it ended. */
  #selfMonitor = false;
  #refs = 0;

  constructor(
    record: ContainerRecord,
    logger: Logger,
    onOutput?: (entry: LogEntry, name: string) => void,
  ) {
    this.record = record;
    this.paths = containerPaths(record.stateDir, record.id);
    this.#logger = logger;
    this.#onOutput = onOutput ?? ((entry, name) => logger.info(`${name} | ${entry.text}`));
  }

  get id(): string {
    return this.record.id;
  }

  get name(): string {
    return this.record.name;
  }

  get runtime(): Runtime {
    return this.record.runtime;
  }

  /**
   * Starts the container through its monitor and resolves with the init's PID (on the host)
   * once the runtime has created it; a runtime failure (bad mount, missing binary) rejects
   * with the runtime's own message.
   */
  async start(options: StartOptions = {}): Promise<{ pid: number }> {
    if ((await pathExists(this.paths.monitorPid)) || (await pathExists(this.paths.exitFile))) {
      throw new InvalidArgumentError(`container ${this.name} was already started`);
    }
    const { record, paths } = this;
    const hosted = typeof options.supervise === 'object';
    // sudo inside a pod's infra process, root already, would add its own start to every
    // container's and, in the pod's UTS namespace (a hostname no resolver knows), write
    // "unable to resolve host" into the container's log.
    const runtime =
      typeof options.supervise === 'object' && options.supervise.elevated
        ? { ...record.runtime, sudo: false }
        : record.runtime;
    const argv = runtimeArgv(
      runtime,
      runtimeRoot(record.stateDir, record.runtime.name),
      ['run', `--bundle=${record.bundleDir}`, `--pid-file=${paths.pidFile}`, record.id],
      paths.runtimeLog,
    );
    const config: MonitorConfig = {
      argv,
      pidFile: paths.pidFile,
      exitFile: paths.exitFile,
      logPath: record.logPath,
      // A service's monitor has no terminal of ours to copy output to: it streams instead.
      forward: record.stdio === 'inherit' && !hosted,
      stream: record.stdio === 'pipe' || (record.stdio === 'inherit' && hosted),
    };
    await writeJson(paths.monitorConfig, config);
    let spawnError: Error | undefined;
    let onMessage: (message: MonitorMessage) => void = () => {};
    if (typeof options.supervise === 'object') {
      // The service's process is the monitor: monitor.host names it for others.
      const service = options.supervise;
      await writeFile(paths.monitorHost, `${service.process}\n`);
      await writeFile(paths.monitorPid, `${pidOf(service.process)}\n`);
      try {
        this.#link = await service.open(paths.monitorConfig, (message) => onMessage(message));
      } catch (error) {
        await rm(paths.monitorHost, { force: true });
        await rm(paths.monitorPid, { force: true });
        throw new LighterError(
          'ERR_RUNTIME',
          `starting container ${this.name}: its monitor could not be started: ${errorMessage(error)}`,
        );
      }
      this.#monitorExited = this.#link.closed.then(() => {
        this.#monitorDone = true;
      });
    } else if (options.supervise === 'self') {
      // This process is the monitor: monitor.host names it (PID and start time) for others.
      const id = await processId(process.pid);
      if (id) await writeFile(paths.monitorHost, `${id}\n`);
      await writeFile(paths.monitorPid, `${process.pid}\n`);
      this.#selfMonitor = true;
      this.#monitorExited = new Promise((resolve) => {
        monitorMain(paths.monitorConfig, {
          send: (message) => {
            onMessage(message);
            if (message.type !== 'exit') return;
            this.#monitorDone = true;
            resolve();
          },
        });
      });
    } else {
      const env = { ...process.env };
      // The monitor is plain JavaScript: test runners' and loaders' options are not for it.
      delete env.NODE_OPTIONS;
      const fd = record.stdio === 'inherit' ? 'inherit' : 'ignore';
      const child = spawn(process.execPath, ['-e', monitorScript(), paths.monitorConfig], {
        detached: true,
        stdio: ['ignore', fd, fd, 'ipc'],
        env,
      });
      this.#monitor = child;
      this.#monitorExited = new Promise((resolve) => {
        const done = () => {
          this.#monitorDone = true;
          resolve();
        };
        child.once('exit', done);
        // A monitor that could not be spawned at all emits 'error' and never 'exit'.
        child.once('error', (error) => {
          spawnError = error;
          done();
        });
      });
      child.on('message', (message: MonitorMessage) => onMessage(message));
      if (child.pid) await writeFile(paths.monitorPid, `${child.pid}\n`);
    }

    // Messages may have come before this (a runtime that fails at once): exit.json has them.
    const started = new Promise<number | undefined>((resolve) => {
      onMessage = (message) => {
        if (message.type === 'started') resolve(message.pid);
        else if (message.type === 'exit') {
          resolve(message.exit.started ? message.exit.pid : undefined);
        } else if (message.type === 'line') this.#onOutput(message.entry, this.name);
      };
      this.#monitorExited?.then(() => resolve(undefined));
    });
    const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const pid = await Promise.race([started, timedOut]).finally(() => clearTimeout(timer));
    this.#unref();
    if (pid === 'timeout') {
      await this.#forceKill();
      throw new LighterError(
        'ERR_TIMEOUT',
        `starting container ${this.name}: the runtime did not create it within ${timeoutMs} ms`,
      );
    }
    if (pid === undefined) {
      if (spawnError) {
        throw new LighterError(
          'ERR_RUNTIME',
          `starting container ${this.name}: cannot spawn its monitor (${process.execPath}): ${spawnError.message}`,
        );
      }
      // The monitor may still be writing exit.json when its IPC message arrives.
      await this.#untilMonitorExits();
      throw new LighterError(
        'ERR_RUNTIME',
        `starting container ${this.name}: ${await this.#startError()}`,
        { details: { runtime: record.runtime.name } },
      );
    }
    this.#logger.debug(`container ${this.name} started (pid ${pid}, ${record.runtime.name})`);
    return { pid };
  }

  /** Stops listening to the monitor, so this process can exit while the container runs on. */
  detach(): void {
    this.#link?.close();
    const child = this.#monitor;
    if (!child) return;
    if (child.connected) child.disconnect();
    child.unref();
  }

  /** Waits for the container to exit and returns its exit code (128 + n after signal n). */
  async wait(options: { timeoutMs?: number } = {}): Promise<number> {
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    for (;;) {
      const exit = await this.#exit();
      if (exit) return this.#exitCode(exit);
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new LighterError(
          'ERR_TIMEOUT',
          `waiting for container ${this.name}: still running after ${options.timeoutMs} ms`,
        );
      }
      if (this.#monitorExited && !this.#monitorDone) {
        this.#ref();
        // A cleared timer: a pending one would hold this process up to a second after the exit.
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            this.#monitorExited,
            new Promise((resolve) => {
              timer = setTimeout(resolve, Math.min(remaining, 1000));
            }),
          ]);
        } finally {
          clearTimeout(timer);
          this.#unref();
        }
        continue;
      }
      if (!(await pathExists(this.paths.monitorPid))) {
        throw new LighterError(
          'ERR_RUNTIME',
          `waiting for container ${this.name}: it was never started`,
        );
      }
      if (!(await this.monitorAlive())) {
        const late = await this.#exit();
        if (late) return this.#exitCode(late);
        throw new LighterError(
          'ERR_RUNTIME',
          `waiting for container ${this.name}: its monitor was killed, so its exit code is lost`,
        );
      }
      await sleep(Math.min(remaining, 100));
    }
  }

  /** Sends a signal to the container's init (`SIGTERM`, `TERM`, `15`, `SIGRTMIN+3`). */
  async kill(signal: string | number = 'SIGKILL'): Promise<void> {
    const number = signalNumber(signal);
    const result = await runCommand(this.#runtimeArgv(['kill', this.id, String(number)]));
    if (result.code === 0) return;
    const status = (await this.state()).status;
    if (status === 'exited' || status === 'stopped' || status === 'created') {
      throw new LighterError(
        'ERR_RUNTIME',
        `sending ${signalName(number)} to container ${this.name}: it is not running (${status})`,
      );
    }
    throw new LighterError(
      'ERR_RUNTIME',
      `sending ${signalName(number)} to container ${this.name}: ${result.stderr.trim()}`,
    );
  }

  /**
   * Sends the stop signal, waits `timeoutMs`, then SIGKILL; returns the exit code. A container
   * that already exited just gives its exit code. (A PID 1 without a handler for the signal
   * ignores it, as in Docker: then only SIGKILL ends it.)
   */
  async stop(options: StopOptions = {}): Promise<number> {
    const signal = options.signal ?? this.record.stopSignal;
    const timeoutMs = options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    const state = await this.state();
    if (state.status === 'created') {
      throw new LighterError(
        'ERR_RUNTIME',
        `stopping container ${this.name}: it was never started`,
      );
    }
    if (state.status === 'exited' || state.status === 'stopped') return this.wait();
    await this.kill(signal).catch((error) => this.#logger.debug(String(error)));
    try {
      return await this.wait({ timeoutMs });
    } catch (error) {
      if (!isLighterError(error, 'ERR_TIMEOUT')) throw error;
    }
    this.#logger.info(
      `container ${this.name} did not exit within ${timeoutMs} ms of ${signalName(signalNumber(signal))}; sending SIGKILL`,
    );
    await this.kill('SIGKILL').catch((error) => this.#logger.debug(String(error)));
    return this.wait({ timeoutMs: DEFAULT_STOP_TIMEOUT_MS });
  }

  /** Runs a process in the running container (`runtime exec --process`) and collects its output. */
  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    if (argv.length === 0) throw new InvalidArgumentError('exec: no command given');
    const spec = JSON.parse(
      await readFile(join(this.record.bundleDir, 'config.json'), 'utf8'),
    ) as OciSpec;
    const process_: OciProcess = structuredClone(spec.process);
    process_.args = [...argv];
    process_.terminal = false;
    if (options.cwd) process_.cwd = options.cwd;
    const env = new Map(process_.env.map((e) => [e.slice(0, e.indexOf('=')), e] as const));
    const extra = options.env ?? [];
    const pairs = Array.isArray(extra)
      ? (extra as readonly string[])
      : Object.entries(extra).map(([k, v]) => `${k}=${v}`);
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new InvalidArgumentError(`environment entry "${pair}" is not KEY=VALUE`);
      env.set(pair.slice(0, eq), pair);
    }
    if (options.user !== undefined) {
      const rootfs = resolvePath(this.record.bundleDir, spec.root.path);
      const user = await resolveUser(rootfs, options.user);
      process_.user = {
        uid: user.uid,
        gid: user.gid,
        ...(user.additionalGids.length > 0 ? { additionalGids: user.additionalGids } : {}),
      };
      const caps = user.uid === 0 ? [...process_.capabilities.bounding] : [];
      process_.capabilities = { ...process_.capabilities, effective: caps, permitted: caps };
      if (!pairs.some((p) => p.startsWith('HOME='))) env.set('HOME', `HOME=${user.home}`);
    }
    process_.env = [...env.values()];
    const tag = randomBytes(4).toString('hex');
    const processFile = join(this.paths.dir, `exec-${tag}.json`);
    const logFile = join(this.paths.dir, `exec-${tag}.log`);
    await writeFile(processFile, JSON.stringify(process_));
    try {
      const result = await runCommand(
        this.#runtimeArgv(['exec', `--process=${processFile}`, this.id], logFile),
        options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
      );
      // A fresh log per exec: an error in it is the runtime's, not the process's exit status.
      const failure = await runtimeError(logFile);
      if (failure) {
        throw new LighterError('ERR_RUNTIME', `exec in container ${this.name}: ${failure}`);
      }
      return { exitCode: result.code, stdout: result.stdout, stderr: result.stderr };
    } finally {
      await rm(processFile, { force: true });
      await rm(logFile, { force: true });
    }
  }

  async state(): Promise<ContainerState> {
    const { record } = this;
    const base = {
      id: record.id,
      name: record.name,
      createdAt: record.createdAt,
      labels: record.labels,
    };
    const exit = await this.#exit();
    if (exit) {
      return {
        ...base,
        status: 'exited',
        ...(exit.exitCode !== null && exit.started ? { exitCode: exit.exitCode } : {}),
        ...(exit.pid ? { pid: exit.pid } : {}),
        ...(exit.startedAt ? { startedAt: exit.startedAt } : {}),
        finishedAt: exit.finishedAt,
      };
    }
    if (!(await pathExists(this.paths.monitorPid))) return { ...base, status: 'created' };
    const result = await runCommand(this.#runtimeArgv(['state', this.id]));
    if (result.code === 0) {
      const state = JSON.parse(result.stdout) as { status: string; pid?: number; created?: string };
      const status: ContainerStatus =
        state.status === 'paused' ? 'paused' : state.status === 'stopped' ? 'stopped' : 'running';
      return { ...base, status, ...(state.pid ? { pid: state.pid } : {}) };
    }
    // Not (or no longer) known to the runtime: starting, just finishing, or abandoned.
    if (await this.monitorAlive()) {
      const again = await this.#exit();
      if (again) return this.state();
      return { ...base, status: 'running' };
    }
    return { ...base, status: (await this.#exit()) ? 'exited' : 'stopped' };
  }

  /** The container's output so far (see `logText` to join it back into text). */
  logs(): Promise<LogEntry[]> {
    return readLogs(this.record.logPath);
  }

  /** stdout and stderr as text. */
  async output(): Promise<{ stdout: string; stderr: string }> {
    const entries = await this.logs();
    return { stdout: logText(entries, 'stdout'), stderr: logText(entries, 'stderr') };
  }

  /**
   * Removes the container: the runtime's state, the rootfs mount, the bundle (when lighter made
   * it) and the container's dir. A running container needs `force` (it is killed).
   */
  async delete(options: { force?: boolean } = {}): Promise<void> {
    const state = await this.state();
    if (state.status === 'running' || state.status === 'paused') {
      if (!options.force) {
        throw new LighterError(
          'ERR_RUNTIME',
          `deleting container ${this.name}: it is ${state.status}; stop it first or delete with force`,
        );
      }
      await this.#forceKill();
    }
    // `runtime run` deletes its container as it exits; a runtime that died before that left its
    // state dir behind (as does one we cannot look into, through sudo): only then is a delete due.
    const { runtime, stateDir } = this.record;
    const known = join(runtimeRoot(stateDir, runtime.name), this.id);
    if (runtime.sudo || (await pathExists(known))) {
      await runCommand(this.#runtimeArgv(['delete', '--force', this.id]));
    }
    await this.#killMonitor();
    await this.#removeFiles();
    this.#logger.debug(`container ${this.name} deleted`);
  }

  async #forceKill(): Promise<void> {
    await runCommand(this.#runtimeArgv(['kill', this.id, 'KILL']));
    try {
      await this.wait({ timeoutMs: DEFAULT_STOP_TIMEOUT_MS });
    } catch (error) {
      this.#logger.debug(`killing container ${this.name}: ${String(error)}`);
    }
  }

  async #killMonitor(): Promise<void> {
    // A lighter that is its container's monitor is not killed: it ends with its container. Nor
    // is a pod's infra process, which hosts the monitors of the pod's other containers too.
    if (this.#selfMonitor || (await pathExists(this.paths.monitorHost))) return;
    if (!(await this.monitorAlive())) return;
    const pid = Number((await readFile(this.paths.monitorPid, 'utf8')).trim());
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
    await this.#untilMonitorExits();
  }

  /**
   * Waits for the monitor this process started to exit. It is unref'd once started, so it is
   * held again meanwhile: else, with nothing else to do, this process could end right here.
   */
  async #untilMonitorExits(): Promise<void> {
    if (!this.#monitorExited) return;
    this.#ref();
    try {
      await this.#monitorExited;
    } finally {
      this.#unref();
    }
  }

  async #removeFiles(): Promise<void> {
    const { record, paths } = this;
    const sudo = record.runtime.sudo;
    if (record.rootfs) await unmountRootfs(record.rootfs, { sudo, logger: this.#logger });
    const dirs = record.removeBundle ? [record.bundleDir, paths.dir] : [paths.dir];
    for (const dir of dirs) {
      for (const mount of await mountsUnder(dir)) {
        await unmount(mount.mountPoint, { sudo, logger: this.#logger });
      }
      const left = await mountsUnder(dir);
      if (left.length > 0) {
        throw new LighterError(
          'ERR_RUNTIME',
          `removing ${dir}: ${left[0]?.mountPoint} is still mounted; not removing anything under it`,
        );
      }
    }
    if (record.removeBundle && relative(paths.dir, record.bundleDir).startsWith('..')) {
      await removeTree(record.bundleDir, sudo);
    }
    await removeTree(paths.dir, sudo);
  }

  async #exit(): Promise<ExitRecord | undefined> {
    return readJson<ExitRecord>(this.paths.exitFile);
  }

  async #exitCode(exit: ExitRecord): Promise<number> {
    if (exit.started && exit.exitCode !== null) return exit.exitCode;
    throw new LighterError(
      'ERR_RUNTIME',
      `running container ${this.name}: ${await this.#startError()}`,
    );
  }

  async #startError(): Promise<string> {
    const exit = await this.#exit();
    if (exit?.error) return exit.error;
    const fromRuntime = await runtimeError(this.paths.runtimeLog);
    if (fromRuntime) return fromRuntime;
    const stderr = logText(await this.logs(), 'stderr')
      .trim()
      .split('\n')
      .slice(-3)
      .join('\n');
    return (
      stderr || `${this.record.runtime.name} exited ${exit?.exitCode ?? 'without an exit code'}`
    );
  }

  /**
   * Whether the process that records the container's end still lives (a monitor process, a
   * lighter running in the foreground, or a pod's infra process). Without it, no exit file
   * will come: only the runtime can tell whether the container still runs.
   */
  async monitorAlive(): Promise<boolean> {
    let pid: number;
    try {
      pid = Number((await readFile(this.paths.monitorPid, 'utf8')).trim());
    } catch {
      return false;
    }
    if (this.#selfMonitor && pid === process.pid) return !this.#monitorDone;
    if (this.#monitor?.pid === pid)
      return this.#monitor.exitCode === null && this.#monitor.signalCode === null;
    // A monitor inside another process (a lighter elsewhere, a pod's infra process): the very
    // process monitor.host names. From here, a hosted monitor lives until its link closes.
    if (this.#link && !this.#monitorDone) return true;
    const host = await readFile(this.paths.monitorHost, 'utf8').catch(() => undefined);
    if (host !== undefined) return isAlive(host.trim());
    // PIDs are reused: the process must be a monitor of this very container.
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      return cmdline.includes(this.paths.monitorConfig);
    } catch {
      return false;
    }
  }

  #runtimeArgv(args: readonly string[], logFile?: string): string[] {
    const { runtime, stateDir } = this.record;
    return runtimeArgv(runtime, runtimeRoot(stateDir, runtime.name), args, logFile);
  }

  #ref(): void {
    this.#refs++;
    this.#link?.ref();
    this.#monitor?.ref();
    (this.#monitor?.channel as { ref?: () => void } | undefined)?.ref?.();
  }

  // The monitor must not keep lighter alive (`run -d` exits at once); only a wait() holds it.
  #unref(): void {
    if (this.#refs > 0) this.#refs--;
    if (this.#refs > 0) return;
    this.#link?.unref();
    this.#monitor?.unref();
    (this.#monitor?.channel as { unref?: () => void } | undefined)?.unref?.();
  }
}

/** The last error a runtime wrote to its JSON log, if any. */
export async function runtimeError(logFile: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(logFile, 'utf8');
  } catch {
    return undefined;
  }
  let message: string | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: string; msg?: string };
      if ((entry.level === 'error' || entry.level === 'fatal') && entry.msg) message = entry.msg;
    } catch {}
  }
  return message;
}

async function removeTree(dir: string, sudo: boolean): Promise<void> {
  // --one-file-system: a mount we failed to see is skipped (and reported), never emptied.
  await checkedCommand(
    privileged(['rm', '-rf', '--one-file-system', '--', dir], sudo),
    `removing ${dir}`,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
