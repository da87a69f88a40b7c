// Runs a pod from a plan (Kubernetes YAML, or the run action's services): checks everything, then pod, containers, readiness.
//
// Every check that can fail on bad input (names, images, volume paths, ports) runs before
// anything is created. Creation is announced through `onCreate` before each pod or container
// exists, so a caller that may be killed (the run action) can always find what to remove.

import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import type { Engine } from '../run/engine.js';
import type { ResolvedImage } from '../run/image.js';
import { checkName, newId } from '../run/names.js';
import type { PortMapping, VolumeMount } from '../run/options.js';
import type { Probe } from '../run/probe.js';
import type { ReadinessResult } from '../run/readiness.js';
import type { Container, LogEntry } from '../runtime/index.js';
import type { Pod, Pods } from './pod.js';
import { waitContainerReady } from './ready.js';

/** A mount of a host path, or of one of the pod's emptyDir volumes. */
export interface PlannedMount {
  destination: string;
  readOnly: boolean;
  /** A host path; relative paths are from the working directory. */
  hostPath?: string;
  /** Kubernetes hostPath types: create a missing directory or file instead of failing. */
  create?: 'directory' | 'file';
  /** The name of a pod volume living as long as the pod (`<pod dir>/volumes/NAME`). */
  emptyDir?: string;
}

export interface ContainerPlan {
  name: string;
  image: string;
  entrypoint?: string[];
  command?: string[];
  env?: Record<string, string>;
  workdir?: string;
  user?: string;
  mounts?: PlannedMount[];
  /** Default the image's HEALTHCHECK; `none` for no readiness check. */
  readiness?: Probe | 'none';
  liveness?: Probe;
  /** Ports the container declares (informational, for `kube generate`). */
  ports?: number[];
}

export interface PodPlan {
  name: string;
  ports: PortMapping[];
  containers: ContainerPlan[];
  labels?: Record<string, string>;
}

export interface PlayOptions {
  /** Called with each ID just before the pod or container is created. */
  onCreate?: (kind: 'pod' | 'container', id: string) => void;
  /** Readiness (and everything else) must be done by then (epoch ms). */
  deadline?: number;
  signal?: AbortSignal;
  /** Container output as it comes (default: dropped; it is in the log files anyway). */
  onOutput?: (entry: LogEntry, name: string) => void;
  /** Names the pod's containers answer to in /etc/hosts besides the planned ones (the action's test container). */
  extraNames?: string[];
}

export interface PlayedContainer {
  plan: ContainerPlan;
  container: Container;
  /** Undefined when it has no readiness check. */
  readiness?: ReadinessResult;
  /** From start until ready (or until giving up). */
  ms: number;
}

export interface PlayResult {
  pod: Pod;
  containers: PlayedContainer[];
  /** Containers that never became ready. */
  failures: PlayedContainer[];
}

/** Everything a plan needs that could be wrong, checked: resolved images by container name. */
export async function preparePlan(
  engine: Engine,
  plan: PodPlan,
): Promise<Map<string, ResolvedImage>> {
  // A plan without containers is fine: the run action's test container may be the pod's only one.
  checkName(plan.name, 'pod');
  const seen = new Set<string>();
  for (const c of plan.containers) {
    checkName(c.name, 'container');
    if (seen.has(c.name)) throw new InvalidArgumentError(`two containers are named "${c.name}"`);
    seen.add(c.name);
    for (const mount of c.mounts ?? []) await checkMount(c.name, mount);
  }
  const hostPorts = new Set<string>();
  for (const port of plan.ports) {
    const key = `${port.hostIp ?? '*'}:${port.hostPort}`;
    if (hostPorts.has(key))
      throw new InvalidArgumentError(`host port ${port.hostPort} is published twice`);
    hostPorts.add(key);
  }
  const images = new Map<string, ResolvedImage>();
  const distinct = [...new Set(plan.containers.map((c) => c.image))];
  const resolved = await Promise.all(distinct.map((image) => engine.image(image)));
  for (const c of plan.containers)
    images.set(c.name, resolved[distinct.indexOf(c.image)] as ResolvedImage);
  return images;
}

async function checkMount(container: string, mount: PlannedMount): Promise<void> {
  if (!mount.destination.startsWith('/')) {
    throw new InvalidArgumentError(
      `container ${container}: mount path "${mount.destination}" must be absolute`,
    );
  }
  if (mount.hostPath === undefined || mount.create) return;
  try {
    await stat(resolve(mount.hostPath));
  } catch {
    throw new InvalidArgumentError(
      `container ${container}: volume path "${mount.hostPath}" does not exist on the host`,
    );
  }
}

/**
 * Creates the pod and its containers, starts them all at once, then waits for every readiness
 * check at once. Throws when creation or a start fails (what was created is left for the
 * caller to remove, by the IDs `onCreate` gave); readiness failures come back in `failures`.
 */
export async function playPod(
  pods: Pods,
  plan: PodPlan,
  options: PlayOptions = {},
  prepared?: Map<string, ResolvedImage>,
): Promise<PlayResult> {
  const engine = pods.engine;
  const images = prepared ?? (await preparePlan(engine, plan));
  const podId = newId();
  options.onCreate?.('pod', podId);
  const pod = await pods.create({
    id: podId,
    name: plan.name,
    ports: plan.ports,
    ...(plan.labels ? { labels: plan.labels } : {}),
  });
  const namespaces = await pod.namespaces();
  // The infra process may still be starting: the containers are created meanwhile.
  const podReady = pod.ready();
  podReady.catch(() => {});
  const names = [...plan.containers.map((c) => c.name), ...(options.extraNames ?? [])];
  const extraHosts = names.map((name) => ({ name, address: '127.0.0.1' }));
  // Every container is created and started at once, as a kubelet does (the pod's containers
  // have no order): each is a runtime the infra process starts, mostly waiting. Their IDs
  // are announced first, so a caller killed meanwhile knows them all.
  const ids = plan.containers.map(() => newId());
  for (const id of ids) options.onCreate?.('container', id);
  const settled = await Promise.allSettled(
    plan.containers.map(async (c, i) => {
      const volumes: VolumeMount[] = [];
      for (const mount of c.mounts ?? []) volumes.push(await mountSource(pod, mount));
      const container = await engine.create(
        {
          id: ids[i] as string,
          name: c.name,
          image: c.image,
          ...(c.entrypoint ? { entrypoint: c.entrypoint } : {}),
          ...(c.command ? { command: c.command } : {}),
          env: c.env ?? {},
          volumes,
          ...(c.workdir ? { workdir: c.workdir } : {}),
          ...(c.user ? { user: c.user } : {}),
          network: namespaces,
          extraHosts,
          ...(c.readiness ? { readiness: c.readiness } : {}),
          ...(c.liveness ? { liveness: c.liveness } : {}),
          ports: c.ports ?? [],
          podOrder: i,
          onOutput: options.onOutput ?? (() => {}),
        },
        images.get(c.name),
      );
      await podReady;
      await container.start({ supervise: pod.monitors() });
      if (!options.onOutput) container.detach();
      return { plan: c, container, at: Date.now() };
    }),
  );
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  const started = settled.map(
    (r) =>
      (r as PromiseFulfilledResult<{ plan: ContainerPlan; container: Container; at: number }>)
        .value,
  );
  const containers = await Promise.all(
    started.map(async ({ plan: c, container, at }): Promise<PlayedContainer> => {
      const ready = {
        pod,
        network: 'pod' as const,
        ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      };
      let readiness = await waitContainerReady(container, ready);
      // A liveness probe failing from the start would have Kubernetes restart the container
      // over and over; here it keeps the pod from counting as ready.
      if (c.liveness && (!readiness || readiness.ready)) {
        readiness = await waitContainerReady(container, { ...ready, probe: c.liveness });
      }
      return { plan: c, container, ...(readiness ? { readiness } : {}), ms: Date.now() - at };
    }),
  );
  return {
    pod,
    containers,
    failures: containers.filter((c) => c.readiness && !c.readiness.ready),
  };
}

async function mountSource(pod: Pod, mount: PlannedMount): Promise<VolumeMount> {
  if (mount.emptyDir !== undefined) {
    const dir = join(pod.dir, 'volumes', mount.emptyDir);
    await mkdir(dir, { recursive: true });
    // As Kubernetes makes them: any user the container runs as can write there.
    await chmod(dir, 0o777);
    return { source: dir, destination: mount.destination, readOnly: mount.readOnly };
  }
  const source = isAbsolute(mount.hostPath ?? '')
    ? (mount.hostPath as string)
    : resolve(mount.hostPath ?? '.');
  if (mount.create === 'directory') await mkdir(source, { recursive: true });
  if (mount.create === 'file') await writeFile(source, '', { flag: 'a' });
  return { source, destination: mount.destination, readOnly: mount.readOnly };
}
