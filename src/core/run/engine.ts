// The container engine: image from the store → overlay rootfs → OCI runtime, with records any later lighter process can act on.
//
// Everything lives in the state dir (`/run/lighter` for root): the runtime wrapper's container
// dirs (record, bundle, upper dir, logs), plus `names/` (one file per container name). What
// `ps`, `kube generate` and cleanup need about a container beyond the runtime's record rides
// in its labels, so listing containers reads one file each.

import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage, isLighterError, LighterError } from '../errors.js';
import { pathExists } from '../fs/exists.js';
import { type Logger, silentLogger } from '../log.js';
import type { ContainerConfig } from '../manifest.js';
import { privileged, runCommand, runtimeArgv } from '../runtime/command.js';
import {
  buildSpec,
  type Container,
  type ContainerRecord,
  type ContainerState,
  cleanupAll,
  containerPaths,
  createContainer,
  defaultStateDir,
  detectRuntime,
  type HostEntry,
  type LogEntry,
  listRecords,
  mountsUnder,
  openContainer,
  type Rootfs,
  type Runtime,
  runtimeRoot,
  unmount,
  unmountRootfs,
} from '../runtime/index.js';
import { isAlive, type ProcessId, processId } from '../runtime/process-id.js';
import type { Lease } from '../storage/lease.js';
import { defaultStoreDir } from '../storage/location.js';
import type { Store } from '../storage/store.js';
import type { RegistryAccess } from '../transport/types.js';
import { imageLayers, type ResolvedImage, resolveImage } from './image.js';
import { defaultName, nameOwner, newId, releaseName, reserveName } from './names.js';
import type { VolumeMount } from './options.js';
import { imageProbe, type Probe } from './probe.js';
import { mountContainerRootfs } from './rootfs.js';
import { checkVolumeSources } from './volumes.js';

/** The namespaces of a pod's infra process, which its containers join. */
export interface PodNamespaces {
  podId: string;
  podName: string;
  infraPid: number;
}

/** `host`: the host's network (the default without a pod); `none`: loopback only; or a pod's. */
export type NetworkMode = 'host' | 'none' | PodNamespaces;

export interface ContainerRequest {
  /** Default a fresh one; callers that must record the ID before creation (the run action) pass it. */
  id?: string;
  name?: string;
  image: string;
  entrypoint?: readonly string[];
  command?: readonly string[];
  env?: Readonly<Record<string, string>>;
  volumes?: readonly VolumeMount[];
  workdir?: string;
  user?: string;
  network?: NetworkMode;
  hostname?: string;
  extraHosts?: readonly HostEntry[];
  /** Removed when it exits: by the waiting process, else by the next lighter command. */
  autoremove?: boolean;
  /** The process waiting to remove it (foreground `run --rm`): reaping leaves it alone while that lives. */
  owner?: ProcessId;
  /** Default: the image's HEALTHCHECK; `none` for no readiness check at all. */
  readiness?: Probe | 'none';
  liveness?: Probe;
  /** Ports the container declares (for `kube generate`). */
  ports?: readonly number[];
  /** Its place among the pod's containers as planned (they start at once, so creation order says nothing). */
  podOrder?: number;
  stdio?: 'pipe' | 'inherit';
  onOutput?: (entry: LogEntry, name: string) => void;
}

/** What a container was asked to be, kept in its labels for `kube generate` and readiness. */
export interface StoredRequest {
  image: string;
  entrypoint?: string[];
  command?: string[];
  env: Record<string, string>;
  volumes: VolumeMount[];
  workdir?: string;
  user?: string;
  readiness?: Probe;
  liveness?: Probe;
  ports: number[];
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  imageId: string;
  /** The process's command line, as ps shows it. */
  command: string;
  createdAt: string;
  state: ContainerState;
  pod?: { id: string; name: string; order?: number };
  network: 'host' | 'none' | 'pod';
  autoremove: boolean;
  request: StoredRequest;
}

export const LABEL = {
  image: 'lighter.image',
  imageId: 'lighter.image-id',
  pod: 'lighter.pod',
  podName: 'lighter.pod-name',
  podOrder: 'lighter.pod-order',
  network: 'lighter.network',
  autoremove: 'lighter.autoremove',
  owner: 'lighter.owner',
  command: 'lighter.command',
  request: 'lighter.request',
} as const;

const KILL_WAIT_MS = 10_000;

export interface EngineOptions {
  stateDir?: string;
  storeDir?: string;
  logger?: Logger;
  registry?: RegistryAccess;
  /** Default: detected on first use. */
  runtime?: Runtime;
}

/** One state dir, one store, one runtime: what every container command works through. */
export class Engine {
  readonly stateDir: string;
  readonly storeDir: string;
  readonly logger: Logger;
  readonly registry: RegistryAccess | undefined;
  #store: Promise<Store> | undefined;
  #runtime: Promise<Runtime> | undefined;
  #lease: Promise<Lease> | undefined;

  constructor(options: EngineOptions = {}) {
    this.stateDir = options.stateDir ?? defaultStateDir();
    this.storeDir = options.storeDir ?? defaultStoreDir();
    this.logger = options.logger ?? silentLogger;
    this.registry = options.registry;
    if (options.runtime) this.#runtime = Promise.resolve(options.runtime);
  }

  get namesDir(): string {
    return join(this.stateDir, 'names');
  }

  store(): Promise<Store> {
    // Loaded on first use: ps, stop, rm, logs and pod commands never open the store, and it is
    // a good part of lighter's code to load at each start.
    this.#store ??= import('../storage/store.js').then(({ Store }) =>
      Store.open(this.storeDir, { logger: this.logger }),
    );
    return this.#store;
  }

  runtime(): Promise<Runtime> {
    this.#runtime ??= detectRuntime({ logger: this.logger });
    return this.#runtime;
  }

  /** The image if the store has it (never pulls); undefined when it does not. */
  async localImage(input: string): Promise<ResolvedImage | undefined> {
    try {
      return await resolveImage(await this.store(), input, { logger: this.logger, pull: 'never' });
    } catch (error) {
      if (isLighterError(error, 'ERR_NOT_FOUND')) return undefined;
      throw error;
    }
  }

  /** Finds the image in the store, pulling it when missing: the check before anything is created. */
  async image(input: string): Promise<ResolvedImage> {
    return resolveImage(await this.store(), input, {
      logger: this.logger,
      ...(this.registry ? { registry: this.registry } : {}),
    });
  }

  /**
   * Creates (does not start) a container: the name reserved, the image's layers overlaid, the
   * spec written, the runtime's record made. On failure nothing is left behind.
   */
  async create(request: ContainerRequest, resolved?: ResolvedImage): Promise<Container> {
    const runtime = await this.runtime();
    const store = await this.store();
    const image = resolved ?? (await this.image(request.image));
    await checkVolumeSources(request.volumes ?? []);
    const id = request.id ?? newId();
    const name = request.name ?? defaultName(image.name, id);
    await reserveName(this.namesDir, name, id, 'container', (owner) => this.#exists(owner));
    const paths = containerPaths(this.stateDir, id);
    let rootfs: Rootfs | undefined;
    let container: Container | undefined;
    try {
      await mkdir(paths.dir, { recursive: true, mode: 0o700 });
      await mkdir(paths.bundle, { recursive: true });
      this.#lease ??= store.lease();
      const lowerDirs = await imageLayers(store, image.image, await this.#lease);
      rootfs = await mountContainerRootfs({
        lowerDirs,
        upperDir: paths.upper,
        workDir: paths.work,
        target: paths.rootfs,
        sudo: runtime.sudo,
        logger: this.logger,
      });
      const network = request.network ?? 'host';
      const pod = typeof network === 'object' ? network : undefined;
      const ns = (type: string) => ({ path: `/proc/${pod?.infraPid}/ns/${type}` });
      const spec = await buildSpec({
        rootfs: rootfs.path,
        bundleDir: paths.bundle,
        image: image.config,
        ...(request.entrypoint ? { entrypoint: request.entrypoint } : {}),
        ...(request.command && request.command.length > 0 ? { command: request.command } : {}),
        env: { ...request.env },
        ...(request.user ? { user: request.user } : {}),
        ...(request.workdir ? { cwd: request.workdir } : {}),
        volumes: (request.volumes ?? []).map((v) => ({ ...v })),
        hostname: request.hostname ?? pod?.podName ?? name,
        network: pod ? ns('net') : (network as 'host' | 'none'),
        ...(pod ? { ipc: ns('ipc'), uts: ns('uts') } : {}),
        extraHosts: [...(request.extraHosts ?? [])],
        runtime,
      });
      const readiness =
        request.readiness === 'none'
          ? undefined
          : (request.readiness ?? imageProbe(image.config.Healthcheck));
      const stored: StoredRequest = {
        image: image.name,
        ...(request.entrypoint ? { entrypoint: [...request.entrypoint] } : {}),
        ...(request.command && request.command.length > 0 ? { command: [...request.command] } : {}),
        env: { ...request.env },
        volumes: (request.volumes ?? []).map((v) => ({ ...v })),
        ...(request.workdir ? { workdir: request.workdir } : {}),
        ...(request.user ? { user: request.user } : {}),
        ...(readiness ? { readiness } : {}),
        ...(request.liveness ? { liveness: request.liveness } : {}),
        ports: [...(request.ports ?? [])],
      };
      const labels: Record<string, string> = {
        [LABEL.image]: image.name,
        [LABEL.imageId]: image.image.id,
        [LABEL.network]: pod ? 'pod' : (network as string),
        [LABEL.command]: spec.process.args.join(' '),
        [LABEL.request]: JSON.stringify(stored),
        ...(pod ? { [LABEL.pod]: pod.podId, [LABEL.podName]: pod.podName } : {}),
        ...(request.podOrder !== undefined ? { [LABEL.podOrder]: String(request.podOrder) } : {}),
        ...(request.autoremove ? { [LABEL.autoremove]: 'true' } : {}),
        ...(request.owner ? { [LABEL.owner]: request.owner } : {}),
      };
      container = await createContainer({
        id,
        name,
        spec,
        runtime,
        stateDir: this.stateDir,
        rootfs,
        stopSignal: stopSignalOf(image.config),
        stdio: request.stdio ?? 'pipe',
        ...(request.onOutput ? { onOutput: request.onOutput } : {}),
        labels,
        logger: this.logger,
      });
      return container;
    } catch (error) {
      if (!container) {
        if (rootfs) await unmountRootfs(rootfs, { sudo: runtime.sudo }).catch(() => {});
        await this.#removeDir(id, runtime).catch(() => {});
        await releaseName(this.namesDir, name, id);
      }
      throw error;
    }
  }

  /** A container by name, full ID or unique ID prefix. */
  async find(
    nameOrId: string,
    onOutput?: (entry: LogEntry, name: string) => void,
  ): Promise<Container> {
    const byName = await nameOwner(this.namesDir, nameOrId);
    if (byName && (await this.#exists(byName))) {
      return openContainer(this.stateDir, byName, this.logger, onOutput);
    }
    if (/^[a-f0-9]{3,64}$/.test(nameOrId)) {
      const matches = (await listRecords(this.stateDir)).filter((r) => r.id.startsWith(nameOrId));
      if (matches.length === 1) {
        return openContainer(
          this.stateDir,
          (matches[0] as { id: string }).id,
          this.logger,
          onOutput,
        );
      }
      if (matches.length > 1) {
        throw new LighterError(
          'ERR_INVALID_ARGUMENT',
          `"${nameOrId}" matches ${matches.length} containers; give more of the ID`,
        );
      }
    }
    throw new LighterError('ERR_NOT_FOUND', `no container "${nameOrId}"`);
  }

  /**
   * Every container's record, oldest first, without asking the runtime anything: for when
   * names and labels are enough (a pod's members), which is much cheaper than `list()`.
   */
  records(filter?: { pod?: string }): Promise<ContainerRecord[]> {
    return listRecords(this.stateDir).then((records) =>
      filter?.pod === undefined
        ? records
        : records.filter((r) => r.labels[LABEL.pod] === filter.pod),
    );
  }

  /** Every container with its state, oldest first. */
  async list(): Promise<ContainerInfo[]> {
    const infos: ContainerInfo[] = [];
    for (const record of await listRecords(this.stateDir)) {
      try {
        const container = await openContainer(this.stateDir, record.id, this.logger);
        infos.push(await this.info(container));
      } catch (error) {
        // Removed by another process between listing and reading: not there any more.
        if (!isLighterError(error, 'ERR_NOT_FOUND')) throw error;
      }
    }
    return infos;
  }

  async info(container: Container): Promise<ContainerInfo> {
    const labels = container.record.labels;
    const podId = labels[LABEL.pod];
    return {
      id: container.id,
      name: container.name,
      image: labels[LABEL.image] ?? '',
      imageId: labels[LABEL.imageId] ?? '',
      command: labels[LABEL.command] ?? '',
      createdAt: container.record.createdAt,
      state: await container.state(),
      ...(podId
        ? {
            pod: {
              id: podId,
              name: labels[LABEL.podName] ?? podId,
              ...(labels[LABEL.podOrder] ? { order: Number(labels[LABEL.podOrder]) } : {}),
            },
          }
        : {}),
      network: (labels[LABEL.network] as ContainerInfo['network']) ?? 'host',
      autoremove: labels[LABEL.autoremove] === 'true',
      request: storedRequest(container),
    };
  }

  /** Removes a container (a running one only with `force`, which kills it) and frees its name. */
  async remove(container: Container, options: { force?: boolean } = {}): Promise<void> {
    // Its exit file says "exited" without asking the runtime; anything else may be running.
    if (options.force && !(await this.#exited(container, 0))) {
      const killed = await container.kill('SIGKILL').then(
        () => true,
        () => false,
      );
      if (killed) await this.#exited(container, KILL_WAIT_MS);
    }
    await container.delete({ force: !!options.force });
    await releaseName(this.namesDir, container.name, container.id);
  }

  /**
   * `stop`: the stop signal (the image's StopSignal unless given), SIGKILL after `timeoutMs`,
   * and the exit code. Like the runtime's own stop, but it watches the exit file every 10 ms
   * rather than every 100, which is what a container started by another process gets there.
   */
  async stop(
    container: Container,
    options: { signal?: string; timeoutMs?: number } = {},
  ): Promise<number> {
    const { status } = await container.state();
    if (status === 'running' || status === 'paused') {
      await container
        .kill(options.signal ?? container.record.stopSignal)
        .catch((error) => this.logger.debug(errorMessage(error)));
      if (!(await this.#exited(container, options.timeoutMs ?? 10_000))) {
        this.logger.info(
          `container ${container.name} did not exit within ${options.timeoutMs ?? 10_000} ms of ${options.signal ?? container.record.stopSignal}; sending SIGKILL`,
        );
        await container.kill('SIGKILL').catch((error) => this.logger.debug(errorMessage(error)));
        await this.#exited(container, KILL_WAIT_MS);
      }
    }
    return container.wait({ timeoutMs: KILL_WAIT_MS });
  }

  /**
   * Waits up to `timeoutMs` for the container to end: its monitor's exit file, or, when no
   * monitor is left to write one (killed, or its pod's infra process gone), the runtime no
   * longer running it. Whether it ended.
   */
  async #exited(container: Container, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await pathExists(container.paths.exitFile)) return true;
      const orphaned = !(await container.monitorAlive());
      if (orphaned) {
        const { status } = await container.state();
        if (status !== 'running' && status !== 'paused') return true;
      }
      if (Date.now() >= deadline) return false;
      // Asking the runtime is a process each time: less often.
      await new Promise((r) => setTimeout(r, orphaned ? 50 : 10));
    }
  }

  /**
   * Removes whatever is left of container `id`, recorded or not (a process killed mid-create
   * leaves a mount and a dir without a record). No error when nothing is there.
   */
  async removeById(id: string): Promise<void> {
    try {
      const container = await openContainer(this.stateDir, id, this.logger);
      await this.remove(container, { force: true });
      return;
    } catch (error) {
      if (!isLighterError(error, 'ERR_NOT_FOUND')) throw error;
    }
    const runtime = await this.runtime();
    await runCommand(
      runtimeArgv(runtime, runtimeRoot(this.stateDir, runtime.name), ['delete', '--force', id]),
    );
    await this.#removeDir(id, runtime);
  }

  /** Removes exited auto-remove containers whose waiting process is gone (`run -d --rm`, a killed `run --rm`). */
  async reap(): Promise<string[]> {
    const reaped: string[] = [];
    for (const record of await listRecords(this.stateDir)) {
      if (record.labels[LABEL.autoremove] !== 'true') continue;
      if (await isAlive(record.labels[LABEL.owner])) continue;
      try {
        const container = await openContainer(this.stateDir, record.id, this.logger);
        const status = (await container.state()).status;
        if (status !== 'exited' && status !== 'stopped') continue;
        await this.remove(container);
        reaped.push(record.id);
      } catch (error) {
        this.logger.debug(`reaping ${record.name}: ${errorMessage(error)}`);
      }
    }
    return reaped;
  }

  /** Everything in the state dir: recorded containers, runtime strays, mounts, names. */
  async cleanup(): Promise<string[]> {
    const result = await cleanupAll(this.stateDir, { logger: this.logger });
    await rm(this.namesDir, { recursive: true, force: true });
    return [...result.containers, ...result.strays];
  }

  async #exists(id: string): Promise<boolean> {
    try {
      await openContainer(this.stateDir, id);
      return true;
    } catch {
      return false;
    }
  }

  async #removeDir(id: string, runtime: Runtime): Promise<void> {
    const dir = containerPaths(this.stateDir, id).dir;
    for (const mount of await mountsUnder(dir)) {
      await unmount(mount.mountPoint, { sudo: runtime.sudo, logger: this.logger });
    }
    if ((await mountsUnder(dir)).length > 0) return;
    await runCommand(privileged(['rm', '-rf', '--one-file-system', '--', dir], runtime.sudo));
  }
}

/** A process ID for "this lighter process", to mark containers it waits on. */
export function selfId(): Promise<ProcessId | undefined> {
  return processId(process.pid);
}

export function storedRequest(container: Container): StoredRequest {
  const text = container.record.labels[LABEL.request];
  if (text) {
    try {
      return JSON.parse(text) as StoredRequest;
    } catch {}
  }
  return { image: container.record.labels[LABEL.image] ?? '', env: {}, volumes: [], ports: [] };
}

function stopSignalOf(config: ContainerConfig): string {
  return config.StopSignal?.trim() || 'SIGTERM';
}
