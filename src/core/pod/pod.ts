// Pods: containers sharing one network, IPC and UTS namespace held by an infra process, with ports published to the host.
//
// A pod's processes: the infra process (holds the namespaces, is the agent, and hosts the
// monitors of the pod's detached containers: infra.ts), the port forwarder when ports are
// published (forwarder.ts), and slirp4netns when installed, for a route out (outbound.ts). Each
// is recorded, and each finds its way into a PID file at once, so a lighter killed while
// creating a pod still leaves nothing cleanup cannot find.
//
// On disk, `<stateDir>/pods/<first 16 hex of the ID>/` holds pod.json (the record), the infra
// process's config, PID and ready files, log and agent socket (a short dir name keeps the
// socket path under the 108 bytes a unix socket allows), the forwarder's, and emptyDir volumes.
// `<stateDir>/pod-names/<name>` holds the ID a name points at.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, open, readdir, readFile, readlink, rename, writeFile } from 'node:fs/promises';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { errorMessage, isLighterError, LighterError } from '../errors.js';
import { pathExists } from '../fs/exists.js';
import { type ContainerInfo, type Engine, LABEL, type PodNamespaces } from '../run/engine.js';
import { checkName, nameOwner, newId, releaseName, reserveName } from '../run/names.js';
import type { PortMapping } from '../run/options.js';
import { privileged, runCommand } from '../runtime/command.js';
import type { Container, MonitorService } from '../runtime/index.js';
import { findExecutable, listRecords, type Runtime } from '../runtime/index.js';
import { endProcess, isAlive, type ProcessId, pidOf, processId } from '../runtime/process-id.js';
import { connectInPod, openMonitor } from './agent.js';
import { bindPorts, closeServers, startForwarder } from './forwarder.js';
import { type InfraConfig, infraScript } from './infra.js';
import { startOutbound } from './outbound.js';

export interface PodRecord {
  version: 1;
  id: string;
  name: string;
  createdAt: string;
  ports: PortMapping[];
  /** The infra process (and the forwarder, with published ports) run as root through sudo. */
  sudo: boolean;
  infra?: ProcessId;
  forwarder?: ProcessId;
  /** slirp4netns, giving the pod a route out (absent when not installed). */
  outbound?: ProcessId;
  /** Made for one container (`run -p` without `--pod`): removed with it, not listed by `pod ps`. */
  owner?: string;
  labels: Record<string, string>;
}

export type PodStatus = 'running' | 'exited' | 'creating';

export interface PodInfo {
  record: PodRecord;
  status: PodStatus;
  containers: ContainerInfo[];
}

export interface CreatePodOptions {
  id?: string;
  /** Default `pod-<6 hex>`. */
  name?: string;
  ports?: readonly PortMapping[];
  owner?: string;
  labels?: Readonly<Record<string, string>>;
}

const INFRA_TIMEOUT_MS = 30_000;

export class Pod {
  readonly record: PodRecord;
  readonly dir: string;

  constructor(record: PodRecord, dir: string) {
    this.record = record;
    this.dir = dir;
  }

  get id(): string {
    return this.record.id;
  }

  get name(): string {
    return this.record.name;
  }

  get socket(): string {
    return join(this.dir, 'agent.sock');
  }

  /**
   * Waits until the infra process has set up the pod's namespaces and its socket listens (pod
   * create returns before that, as root); fails with its reason when it ended instead.
   */
  async ready(timeoutMs = INFRA_TIMEOUT_MS): Promise<void> {
    const readyFile = join(this.dir, 'infra.ready');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const alive = await isAlive(this.record.infra);
      if (await pathExists(readyFile)) {
        if (alive) return;
        throw new LighterError(
          'ERR_RUNTIME',
          `pod ${this.name} is not running (its infra process is gone)`,
        );
      }
      if (!alive) {
        throw new LighterError(
          'ERR_RUNTIME',
          `pod ${this.name}: its infra process failed: ${await infraFailure(this.dir)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new LighterError(
          'ERR_TIMEOUT',
          `pod ${this.name}: its infra process was not ready after ${timeoutMs} ms`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** What a container needs to join the pod; fails when the infra process is gone. */
  async namespaces(): Promise<PodNamespaces> {
    const infra = this.record.infra;
    if (!infra || !(await isAlive(infra))) {
      throw new LighterError(
        'ERR_RUNTIME',
        `pod ${this.name} is not running (its infra process is gone)`,
      );
    }
    return { podId: this.id, podName: this.name, infraPid: Number(infra.split('@')[0]) };
  }

  /**
   * The infra process as the monitor of the pod's containers: they start without a monitor
   * process of their own (`container.start({ supervise: pod.monitors() })`).
   */
  monitors(): MonitorService {
    const infra = this.record.infra;
    if (!infra) throw new LighterError('ERR_RUNTIME', `pod ${this.name} has no infra process yet`);
    return {
      process: infra,
      elevated: this.record.sudo,
      open: (configPath, onMessage) => openMonitor(this.socket, configPath, onMessage),
    };
  }

  /** A TCP connection to `host:port` (default 127.0.0.1) inside the pod, through its agent. */
  connect(port: number, host?: string) {
    return connectInPod(this.socket, port, host);
  }

  async status(): Promise<PodStatus> {
    if (!this.record.infra) return 'creating';
    return (await isAlive(this.record.infra)) ? 'running' : 'exited';
  }
}

/** The pods of one state dir, over the engine that runs their containers. */
export class Pods {
  readonly engine: Engine;

  constructor(engine: Engine) {
    this.engine = engine;
  }

  get podsDir(): string {
    return join(this.engine.stateDir, 'pods');
  }

  get namesDir(): string {
    return join(this.engine.stateDir, 'pod-names');
  }

  dirOf(id: string): string {
    return join(this.podsDir, id.slice(0, 16));
  }

  /**
   * Creates a pod and starts its infra process (and the port forwarder when ports are
   * published). Ports are bound first, so one in use fails before anything runs; on any
   * failure nothing is left behind.
   */
  async create(options: CreatePodOptions = {}): Promise<Pod> {
    const runtime = await this.engine.runtime();
    const id = options.id ?? newId();
    const name = options.name ?? `pod-${id.slice(0, 6)}`;
    checkName(name, 'pod');
    const tools = requireTools();
    const named = options.owner === undefined;
    if (named) await reserveName(this.namesDir, name, id, 'pod', (owner) => this.#exists(owner));
    let servers: Server[] = [];
    const dir = this.dirOf(id);
    const record: PodRecord = {
      version: 1,
      id,
      name,
      createdAt: new Date().toISOString(),
      ports: [...(options.ports ?? [])],
      sudo: runtime.sudo,
      ...(options.owner ? { owner: options.owner } : {}),
      labels: { ...options.labels },
    };
    try {
      servers = await bindPorts(record.ports);
      await mkdir(this.podsDir, { recursive: true });
      await mkdir(dir, { mode: 0o700 });
      await writeRecord(dir, record);
      const log = await open(join(dir, 'infra.log'), 'a');
      try {
        // The forwarder only needs the agent's socket path (it connects per connection), so
        // both start at once; each writes its PID file first, for cleanup if the other fails.
        const forwarding =
          record.ports.length === 0
            ? undefined
            : startForwarder({
                configPath: join(dir, 'forwarder.json'),
                config: {
                  socket: join(dir, 'agent.sock'),
                  pidFile: join(dir, 'forwarder.pid'),
                  errorLog: join(dir, 'forwarder.errors'),
                },
                logFd: log.fd,
                ports: record.ports,
                servers,
              });
        servers = [];
        const [infra, forwarderPid] = await Promise.allSettled([
          startInfra(dir, name, tools, runtime, log.fd),
          forwarding,
        ]);
        if (infra.status === 'rejected') throw infra.reason;
        record.infra = infra.value;
        const outbound = await startOutbound(
          dir,
          pidOf(infra.value),
          runtime.sudo,
          log.fd,
          this.engine.logger,
        );
        if (outbound) record.outbound = outbound;
        if (forwarderPid.status === 'rejected') throw forwarderPid.reason;
        const forwarder =
          forwarderPid.value === undefined ? undefined : await processId(forwarderPid.value);
        if (forwarder) record.forwarder = forwarder;
        await writeRecord(dir, record);
      } finally {
        await log.close();
      }
      this.engine.logger.debug(`pod ${name} (${id.slice(0, 12)}) created`);
      return new Pod(record, dir);
    } catch (error) {
      await closeServers(servers);
      await this.#removeFiles(dir, record).catch(() => {});
      if (named) await releaseName(this.namesDir, name, id);
      throw error;
    }
  }

  /** A pod by name, full ID or unique ID prefix. */
  async find(nameOrId: string): Promise<Pod> {
    const byName = await nameOwner(this.namesDir, nameOrId);
    if (byName) {
      const pod = await this.open(byName);
      if (pod) return pod;
    }
    if (/^[a-f0-9]{3,64}$/.test(nameOrId)) {
      const matches = (await this.#records()).filter((r) => r.id.startsWith(nameOrId));
      if (matches.length === 1) return this.open((matches[0] as PodRecord).id) as Promise<Pod>;
      if (matches.length > 1) {
        throw new LighterError(
          'ERR_INVALID_ARGUMENT',
          `"${nameOrId}" matches ${matches.length} pods; give more of the ID`,
        );
      }
    }
    throw new LighterError('ERR_NOT_FOUND', `no pod "${nameOrId}"`);
  }

  async open(id: string): Promise<Pod | undefined> {
    const dir = this.dirOf(id);
    const record = await readRecord(dir);
    return record && record.id === id ? new Pod(record, dir) : undefined;
  }

  /** Every pod (those made for one container too, with `all`), oldest first, with its containers. */
  async list(options: { all?: boolean; containers?: ContainerInfo[] } = {}): Promise<PodInfo[]> {
    const containers = options.containers ?? (await this.engine.list());
    const pods: PodInfo[] = [];
    for (const record of await this.#records()) {
      if (record.owner && !options.all) continue;
      const pod = new Pod(record, this.dirOf(record.id));
      pods.push({
        record,
        status: await pod.status(),
        containers: containers.filter((c) => c.pod?.id === record.id),
      });
    }
    return pods;
  }

  /**
   * Removes a pod: its containers (running ones only with `force`), the forwarder, the infra
   * process, its dir and name.
   */
  async remove(pod: Pod, options: { force?: boolean } = {}): Promise<void> {
    const members = await this.engine.records({ pod: pod.id });
    if (!options.force) {
      const running: string[] = [];
      for (const member of members) {
        const container = await this.engine.find(member.id);
        const { status } = await container.state();
        if (status === 'running' || status === 'paused') running.push(member.name);
      }
      if (running.length > 0) {
        throw new LighterError(
          'ERR_RUNTIME',
          `removing pod ${pod.name}: ${running.join(', ')} still running; stop them first or remove with force`,
        );
      }
    }
    // The containers all at once (each may have to be killed and waited for), then the pod's
    // own processes: the infra process hosts the monitors that record how the containers end.
    const removed = await Promise.allSettled(members.map((m) => this.engine.removeById(m.id)));
    const ended = await this.#endProcesses(pod.dir, pod.record).then(
      () => undefined,
      (error: unknown) => error ?? new Error('ending the pod processes failed'),
    );
    const failed = removed.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    if (ended) throw ended;
    await this.#removeFiles(pod.dir, pod.record);
    await releaseName(this.namesDir, pod.name, pod.id);
    this.engine.logger.debug(`pod ${pod.name} removed`);
  }

  /** Removes a container, and with it the pod made for it alone (`run -p` without `--pod`). */
  async removeContainer(container: Container, options: { force?: boolean } = {}): Promise<void> {
    await this.engine.remove(container, options);
    const podId = container.record.labels[LABEL.pod];
    const pod = podId ? await this.open(podId) : undefined;
    if (pod && pod.record.owner === container.id) await this.remove(pod, { force: true });
  }

  /**
   * Exited auto-remove containers whose waiting process is gone, and pods made for a
   * container that is gone: what `run -d --rm` or a killed `run --rm` leaves to the next command.
   */
  async reap(): Promise<void> {
    const reaped = new Set(await this.engine.reap());
    const records = await this.#records();
    if (!records.some((r) => r.owner)) return;
    const containers = new Set((await listRecords(this.engine.stateDir)).map((r) => r.id));
    for (const record of records) {
      if (!record.owner || containers.has(record.owner)) continue;
      // A young pod may belong to a `run` still creating its container.
      const young = Date.now() - Date.parse(record.createdAt) < 60_000;
      if (young && !reaped.has(record.owner)) continue;
      await this.remove(new Pod(record, this.dirOf(record.id)), { force: true }).catch((error) =>
        this.engine.logger.debug(`reaping pod ${record.name}: ${errorMessage(error)}`),
      );
    }
  }

  /** Removes whatever is left of pod `id` (for cleanup of what a killed process made). */
  async removeById(id: string): Promise<void> {
    const pod = await this.open(id);
    if (pod) {
      await this.remove(pod, { force: true });
      return;
    }
    const dir = this.dirOf(id);
    const record = await readRecord(dir);
    await this.#removeFiles(dir, record ?? { id, sudo: (await this.engine.runtime()).sudo });
  }

  /** Removes every pod and its containers (running ones only with `force`); failures are logged and skipped. */
  async removeAll(options: { force?: boolean } = {}): Promise<string[]> {
    const removed: string[] = [];
    for (const entry of await listDir(this.podsDir)) {
      const dir = join(this.podsDir, entry);
      const record = await readRecord(dir);
      try {
        if (record) {
          await this.remove(new Pod(record, dir), { force: !!options.force });
          removed.push(record.id);
        } else {
          await this.#removeFiles(dir, { sudo: (await this.engine.runtime()).sudo });
        }
      } catch (error) {
        this.engine.logger.error(`removing pod ${record?.name ?? entry}: ${errorMessage(error)}`);
      }
    }
    return removed;
  }

  async #records(): Promise<PodRecord[]> {
    const records: PodRecord[] = [];
    for (const entry of await listDir(this.podsDir)) {
      const record = await readRecord(join(this.podsDir, entry));
      if (record) records.push(record);
    }
    // ISO times sort as plain strings (localeCompare's first call loads a collator: ~4 ms).
    return records.sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    );
  }

  async #exists(id: string): Promise<boolean> {
    return (await this.open(id)) !== undefined;
  }

  /** Ends the pod's processes (found by record, else by the PID files they wrote) and removes its dir. */
  async #removeFiles(
    dir: string,
    record: Pick<PodRecord, 'sudo'> & Partial<PodRecord>,
  ): Promise<void> {
    await this.#endProcesses(dir, record);
    await runCommand(privileged(['rm', '-rf', '--one-file-system', '--', dir], record.sudo));
  }

  async #endProcesses(
    dir: string,
    record: Pick<PodRecord, 'sudo'> & Partial<PodRecord>,
  ): Promise<void> {
    const forwarder = record.forwarder ?? (await fromPidFile(dir, 'forwarder'));
    const outbound = record.outbound ?? (await fromPidFile(dir, 'slirp'));
    const infra = record.infra ?? (await fromPidFile(dir, 'infra'));
    await Promise.all([endProcess(forwarder, false), endProcess(outbound, record.sudo)]);
    await endProcess(infra, record.sudo);
  }
}

interface Tools {
  unshare: string;
  ip: string;
}

function requireTools(): Tools {
  const unshare = findExecutable('unshare');
  const ip = findExecutable('ip');
  if (!unshare || !ip) {
    throw new LighterError(
      'ERR_NOT_FOUND',
      `creating a pod needs ${!unshare ? 'unshare (util-linux)' : 'ip (iproute2)'}, which is not installed`,
    );
  }
  return { unshare, ip };
}

/**
 * `[sudo -n] unshare --net --ipc --uts -- node -e <infra>`, detached; resolves with its
 * process ID once it reports ready (loopback up, agent listening).
 */
async function startInfra(
  dir: string,
  hostname: string,
  tools: Tools,
  runtime: Runtime,
  logFd: number,
): Promise<ProcessId> {
  const config: InfraConfig = {
    socket: join(dir, 'agent.sock'),
    pidFile: join(dir, 'infra.pid'),
    readyFile: join(dir, 'infra.ready'),
    hostname,
    ip: tools.ip,
    errorLog: join(dir, 'infra.errors'),
  };
  const configPath = join(dir, 'infra.json');
  await writeFile(configPath, JSON.stringify(config));
  const argv = privileged(
    [
      tools.unshare,
      '--net',
      '--ipc',
      '--uts',
      '--',
      process.execPath,
      '-e',
      infraScript(),
      configPath,
    ],
    runtime.sudo,
  );
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  // As root, the child is unshare and then, in the same PID, the infra process: once its
  // namespaces exist, the pod can be set up around it while its Node starts (Pod.ready()
  // waits for that). Through sudo the PID is sudo's, so the infra's own report is awaited.
  const early = !runtime.sudo;
  const child: ChildProcess = spawn(argv[0] as string, argv.slice(1), {
    detached: true,
    stdio: ['ignore', early ? logFd : 'pipe', logFd],
    env,
  });
  try {
    if (early) {
      const id = await untilUnshared(child, INFRA_TIMEOUT_MS);
      if (id) return id;
      throw new LighterError(
        'ERR_RUNTIME',
        `starting the pod's infra process: ${await infraFailure(dir)}`,
      );
    }
    const line = await firstLine(child, INFRA_TIMEOUT_MS);
    const ready = /^ready (\d+)$/.exec(line);
    if (!ready) {
      const why = line.startsWith('error ') ? line.slice(6) : line || (await infraFailure(dir));
      throw new LighterError('ERR_RUNTIME', `starting the pod's infra process: ${why}`);
    }
    const id = await processId(Number(ready[1]));
    if (!id)
      throw new LighterError('ERR_RUNTIME', "starting the pod's infra process: it exited at once");
    return id;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    child.stdout?.destroy();
    child.unref();
  }
}

/**
 * Resolves with the child's process ID once it is in namespaces of its own (unshare has run),
 * or undefined when it exits first.
 */
async function untilUnshared(
  child: ChildProcess,
  timeoutMs: number,
): Promise<ProcessId | undefined> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  child.once('error', () => {
    exited = true;
  });
  const pid = child.pid;
  if (pid === undefined) return undefined;
  const ours = await readlink('/proc/self/ns/net');
  const deadline = Date.now() + timeoutMs;
  while (!exited && Date.now() < deadline) {
    const id = await processId(pid);
    const net = await readlink(`/proc/${pid}/ns/net`).catch(() => ours);
    if (id && net !== ours) return id;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  if (!exited) {
    throw new LighterError(
      'ERR_TIMEOUT',
      `starting the pod's infra process: no namespaces of its own after ${timeoutMs} ms`,
    );
  }
  return undefined;
}

/** Why the infra process ended: its error line, or the last line of its log. */
async function infraFailure(dir: string): Promise<string> {
  const log = await readFile(join(dir, 'infra.log'), 'utf8').catch(() => '');
  const last = log.trim().split('\n').pop() ?? '';
  if (last.startsWith('error ')) return last.slice(6);
  return last || 'it exited';
}

function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      reject(
        new LighterError(
          'ERR_TIMEOUT',
          `starting the pod's infra process: no answer in ${timeoutMs} ms`,
        ),
      );
    }, timeoutMs);
    const done = (line: string) => {
      clearTimeout(timer);
      resolve(line);
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const newline = text.indexOf('\n');
      if (newline >= 0) done(text.slice(0, newline));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new LighterError('ERR_RUNTIME', `starting the pod's infra process: ${error.message}`));
    });
    child.once('exit', () => done(text.trim()));
  });
}

/** A process whose PID is in `dir` and whose command line names a file in `dir` (not a reused PID). */
async function fromPidFile(
  dir: string,
  what: 'infra' | 'forwarder' | 'slirp',
): Promise<ProcessId | undefined> {
  let pid: number;
  try {
    pid = Number((await readFile(join(dir, `${what}.pid`), 'utf8')).trim());
  } catch {
    return undefined;
  }
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes(`${dir}/`)) return undefined;
  } catch {
    return undefined;
  }
  return processId(pid);
}

async function writeRecord(dir: string, record: PodRecord): Promise<void> {
  const path = join(dir, 'pod.json');
  await writeFile(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

async function readRecord(dir: string): Promise<PodRecord | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'pod.json'), 'utf8')) as PodRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError)
      return undefined;
    throw error;
  }
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => !n.startsWith('.'));
  } catch (error) {
    if (isLighterError(error) || (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
