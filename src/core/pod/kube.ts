// Kubernetes Pod YAML in and out: a Pod manifest as a PodPlan (`kube play`), and a running pod as a Pod manifest (`kube generate`).
//
// The subset a CI pod needs: containers (image, command, args, env, workingDir, ports,
// securityContext.runAsUser/runAsGroup, volumeMounts, readinessProbe, livenessProbe) and
// volumes of type emptyDir and hostPath. Anything else in the file is ignored, as `podman
// kube play` ignores what it does not support; what is wrong in the part we read is an error
// naming its path (`spec.containers[1].image: required`).

import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseAllDocuments, stringify } from 'yaml';
import { errorMessage, InvalidArgumentError } from '../errors.js';
import type { ContainerInfo } from '../run/engine.js';
import { inPortRange, type PortMapping } from '../run/options.js';
import { type Probe, type ProbeCheck, probe } from '../run/probe.js';
import type { ContainerPlan, PlannedMount, PodPlan } from './play.js';

type Json = Record<string, unknown>;

/** Reads a Pod manifest file; the first document of kind Pod is the one played. */
export async function readPodFile(path: string): Promise<PodPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidArgumentError(`reading ${path}: ${errorMessage(error)}`);
  }
  return parsePodYaml(text, path);
}

export function parsePodYaml(text: string, source = 'the Pod YAML'): PodPlan {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: unknown[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = error.linePos?.[0];
      throw new InvalidArgumentError(
        `parsing ${source}: invalid YAML${line ? ` at line ${line.line}, column ${line.col}` : ''}: ${error.message.split('\n')[0]}`,
      );
    }
    objects.push(doc.toJS());
  }
  const pods = objects.filter((o) => isObject(o) && o.kind === 'Pod');
  if (pods.length === 0) {
    const kinds = objects.map((o) => (isObject(o) && typeof o.kind === 'string' ? o.kind : '?'));
    throw new InvalidArgumentError(
      `parsing ${source}: no document of kind Pod (found ${kinds.join(', ') || 'nothing'}); only Pods are supported`,
    );
  }
  try {
    return podPlan(pods[0] as Json);
  } catch (error) {
    throw new InvalidArgumentError(`parsing ${source}: ${errorMessage(error)}`);
  }
}

function podPlan(pod: Json): PodPlan {
  const metadata = object(pod.metadata ?? {}, 'metadata');
  const name = string(metadata.name, 'metadata.name');
  const spec = object(pod.spec, 'spec');
  const volumes = new Map<string, Json>();
  for (const [i, v] of array(spec.volumes ?? [], 'spec.volumes').entries()) {
    const volume = object(v, `spec.volumes[${i}]`);
    const volumeName = string(volume.name, `spec.volumes[${i}].name`);
    if (volume.emptyDir === undefined && volume.hostPath === undefined) {
      throw new Error(
        `spec.volumes[${i}] (${volumeName}): only emptyDir and hostPath volumes are supported`,
      );
    }
    volumes.set(volumeName, volume);
  }
  const ports: PortMapping[] = [];
  const containers = array(spec.containers, 'spec.containers').map((c, i) =>
    containerPlan(object(c, `spec.containers[${i}]`), `spec.containers[${i}]`, volumes, ports),
  );
  if (containers.length === 0)
    throw new Error('spec.containers: at least one container is required');
  const labels = metadata.labels === undefined ? {} : stringMap(metadata.labels, 'metadata.labels');
  return { name, ports, containers, labels };
}

function containerPlan(
  c: Json,
  at: string,
  volumes: Map<string, Json>,
  ports: PortMapping[],
): ContainerPlan {
  const plan: ContainerPlan = {
    name: string(c.name, `${at}.name`),
    image: string(c.image, `${at}.image`),
  };
  if (c.command !== undefined) plan.entrypoint = stringArray(c.command, `${at}.command`);
  if (c.args !== undefined) plan.command = stringArray(c.args, `${at}.args`);
  if (c.workingDir !== undefined) plan.workdir = string(c.workingDir, `${at}.workingDir`);
  const env: Record<string, string> = {};
  for (const [i, e] of array(c.env ?? [], `${at}.env`).entries()) {
    const entry = object(e, `${at}.env[${i}]`);
    const key = string(entry.name, `${at}.env[${i}].name`);
    if (entry.valueFrom !== undefined)
      throw new Error(`${at}.env[${i}].valueFrom is not supported`);
    env[key] =
      entry.value === undefined || entry.value === null
        ? ''
        : scalar(entry.value, `${at}.env[${i}].value`);
  }
  plan.env = env;
  const named = new Map<string, number>();
  const declared: number[] = [];
  for (const [i, p] of array(c.ports ?? [], `${at}.ports`).entries()) {
    const port = object(p, `${at}.ports[${i}]`);
    const containerPort = portNumber(port.containerPort, `${at}.ports[${i}].containerPort`);
    declared.push(containerPort);
    if (typeof port.name === 'string') named.set(port.name, containerPort);
    const protocol =
      port.protocol === undefined
        ? 'tcp'
        : string(port.protocol, `${at}.ports[${i}].protocol`).toLowerCase();
    if (protocol !== 'tcp' && protocol !== 'udp')
      throw new Error(`${at}.ports[${i}].protocol must be TCP or UDP`);
    if (port.hostPort !== undefined) {
      ports.push({
        hostIp:
          port.hostIP === undefined ? undefined : string(port.hostIP, `${at}.ports[${i}].hostIP`),
        hostPort: portNumber(port.hostPort, `${at}.ports[${i}].hostPort`),
        containerPort,
        protocol,
      });
    }
  }
  plan.ports = declared;
  const security =
    c.securityContext === undefined ? {} : object(c.securityContext, `${at}.securityContext`);
  if (security.runAsUser !== undefined) {
    const uid = integer(security.runAsUser, `${at}.securityContext.runAsUser`);
    plan.user =
      security.runAsGroup === undefined
        ? String(uid)
        : `${uid}:${integer(security.runAsGroup, `${at}.securityContext.runAsGroup`)}`;
  }
  const mounts: PlannedMount[] = [];
  for (const [i, m] of array(c.volumeMounts ?? [], `${at}.volumeMounts`).entries()) {
    const mount = object(m, `${at}.volumeMounts[${i}]`);
    const volumeName = string(mount.name, `${at}.volumeMounts[${i}].name`);
    const volume = volumes.get(volumeName);
    if (!volume)
      throw new Error(`${at}.volumeMounts[${i}]: no volume named "${volumeName}" in spec.volumes`);
    const destination = string(mount.mountPath, `${at}.volumeMounts[${i}].mountPath`);
    const readOnly = mount.readOnly === true;
    if (volume.emptyDir !== undefined) mounts.push({ destination, readOnly, emptyDir: volumeName });
    else {
      const hostPath = object(volume.hostPath, `volume ${volumeName}.hostPath`);
      const path = string(hostPath.path, `volume ${volumeName}.hostPath.path`);
      const type =
        hostPath.type === undefined
          ? ''
          : string(hostPath.type, `volume ${volumeName}.hostPath.type`);
      const create =
        type === 'DirectoryOrCreate' ? 'directory' : type === 'FileOrCreate' ? 'file' : undefined;
      mounts.push({ destination, readOnly, hostPath: path, ...(create ? { create } : {}) });
    }
  }
  plan.mounts = mounts;
  // Without a readinessProbe the image's HEALTHCHECK gates readiness, as on the command line.
  if (c.readinessProbe !== undefined)
    plan.readiness = kubeProbe(
      object(c.readinessProbe, `${at}.readinessProbe`),
      `${at}.readinessProbe`,
      named,
    );
  if (c.livenessProbe !== undefined)
    plan.liveness = kubeProbe(
      object(c.livenessProbe, `${at}.livenessProbe`),
      `${at}.livenessProbe`,
      named,
    );
  return plan;
}

function kubeProbe(p: Json, at: string, named: Map<string, number>): Probe {
  let check: ProbeCheck;
  const port = (value: unknown, where: string) => {
    if (typeof value === 'string' && named.has(value)) return named.get(value) as number;
    return portNumber(value, where);
  };
  if (p.exec !== undefined) {
    check = {
      kind: 'exec',
      command: stringArray(object(p.exec, `${at}.exec`).command, `${at}.exec.command`),
    };
  } else if (p.tcpSocket !== undefined) {
    const tcp = object(p.tcpSocket, `${at}.tcpSocket`);
    check = {
      kind: 'tcp',
      port: port(tcp.port, `${at}.tcpSocket.port`),
      ...(typeof tcp.host === 'string' ? { host: tcp.host } : {}),
    };
  } else if (p.httpGet !== undefined) {
    const http = object(p.httpGet, `${at}.httpGet`);
    const scheme =
      http.scheme === undefined
        ? 'http'
        : string(http.scheme, `${at}.httpGet.scheme`).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https')
      throw new Error(`${at}.httpGet.scheme must be HTTP or HTTPS`);
    check = {
      kind: 'http',
      scheme,
      port: port(http.port, `${at}.httpGet.port`),
      path: http.path === undefined ? '/' : string(http.path, `${at}.httpGet.path`),
      ...(typeof http.host === 'string' ? { host: http.host } : {}),
    };
  } else {
    throw new Error(`${at}: expected exec, tcpSocket or httpGet`);
  }
  const seconds = (key: string, fallback: number) =>
    p[key] === undefined ? fallback : integer(p[key], `${at}.${key}`) * 1000;
  // Kubernetes' defaults: every 10 s, 1 s per check, 3 failures.
  return probe(check, {
    intervalMs: seconds('periodSeconds', 10_000),
    timeoutMs: seconds('timeoutSeconds', 1000),
    retries:
      p.failureThreshold === undefined ? 3 : integer(p.failureThreshold, `${at}.failureThreshold`),
    delayMs: seconds('initialDelaySeconds', 0),
  });
}

export interface GeneratePodInput {
  name: string;
  ports: readonly PortMapping[];
  /** The pod's dir: mounts from `<dir>/volumes/NAME` are its emptyDir volumes. */
  dir: string;
  containers: readonly ContainerInfo[];
}

/** A Pod manifest that `kube play` (or a cluster) runs as the same pod. */
export function generatePodYaml(input: GeneratePodInput): string {
  const volumes: Json[] = [];
  const volumeNames = new Map<string, string>();
  const volumeFor = (source: string): string => {
    const known = volumeNames.get(source);
    if (known) return known;
    const prefix = `${input.dir}/volumes/`;
    let name: string;
    if (source.startsWith(prefix)) {
      name = source.slice(prefix.length);
      volumes.push({ name, emptyDir: {} });
    } else {
      const base =
        source
          .split('/')
          .filter(Boolean)
          .pop()
          ?.toLowerCase()
          .replace(/[^a-z0-9-]/g, '-') || 'root';
      name = `${base}-${volumes.length}`.replace(/^-+/, 'v-');
      let type: string | undefined;
      try {
        type = statSync(source).isDirectory() ? 'Directory' : 'File';
      } catch {}
      volumes.push({ name, hostPath: { path: source, ...(type ? { type } : {}) } });
    }
    volumeNames.set(source, name);
    return name;
  };
  const unclaimed = [...input.ports];
  // As planned when played (they start at once); those added later by `run --pod` after them.
  const ordered = [...input.containers].sort(
    (a, b) =>
      (a.pod?.order ?? Number.MAX_SAFE_INTEGER) - (b.pod?.order ?? Number.MAX_SAFE_INTEGER) ||
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0),
  );
  const containers = ordered.map((info, index) => {
    const r = info.request;
    const c: Json = { name: info.name, image: r.image };
    if (r.entrypoint) c.command = r.entrypoint;
    if (r.command) c.args = r.command;
    if (r.workdir) c.workingDir = r.workdir;
    const env = Object.entries(r.env);
    if (env.length > 0) c.env = env.map(([name, value]) => ({ name, value }));
    const ports: Json[] = r.ports.map((containerPort) => ({ containerPort }));
    for (const published of [...unclaimed]) {
      const mine =
        r.ports.includes(published.containerPort) ||
        (index === 0 && !ordered.some((o) => o.request.ports.includes(published.containerPort)));
      if (!mine) continue;
      unclaimed.splice(unclaimed.indexOf(published), 1);
      let entry = ports.find(
        (p) => p.containerPort === published.containerPort && p.hostPort === undefined,
      );
      if (!entry) {
        entry = { containerPort: published.containerPort };
        ports.push(entry);
      }
      entry.hostPort = published.hostPort;
      if (published.hostIp) entry.hostIP = published.hostIp;
      if (published.protocol !== 'tcp') entry.protocol = published.protocol.toUpperCase();
    }
    if (ports.length > 0) c.ports = ports;
    if (r.user) {
      const [user, group] = r.user.split(':');
      if (/^\d+$/.test(user ?? '')) {
        c.securityContext = {
          runAsUser: Number(user),
          ...(group && /^\d+$/.test(group) ? { runAsGroup: Number(group) } : {}),
        };
      }
    }
    if (r.volumes.length > 0) {
      c.volumeMounts = r.volumes.map((v) => ({
        name: volumeFor(v.source),
        mountPath: v.destination,
        ...(v.readOnly ? { readOnly: true } : {}),
      }));
    }
    if (r.readiness) c.readinessProbe = kubeProbeOf(r.readiness);
    if (r.liveness) c.livenessProbe = kubeProbeOf(r.liveness);
    return c;
  });
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: input.name, labels: { app: input.name } },
    spec: {
      containers,
      ...(volumes.length > 0 ? { volumes } : {}),
      restartPolicy: 'Never',
    },
  };
  return `# Generated by lighter kube generate\n${stringify(pod)}`;
}

function kubeProbeOf(p: Probe): Json {
  const out: Json = {};
  const check = p.check;
  if (check.kind === 'exec') out.exec = { command: check.command };
  else if (check.kind === 'tcp')
    out.tcpSocket = { port: check.port, ...(check.host ? { host: check.host } : {}) };
  else {
    out.httpGet = {
      path: check.path,
      port: check.port,
      ...(check.host ? { host: check.host } : {}),
      ...(check.scheme === 'https' ? { scheme: 'HTTPS' } : {}),
    };
  }
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  if (p.delayMs > 0) out.initialDelaySeconds = seconds(p.delayMs);
  out.periodSeconds = seconds(p.intervalMs);
  out.timeoutSeconds = seconds(p.timeoutMs);
  out.failureThreshold = p.retries;
  return out;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, at: string): Json {
  if (!isObject(value))
    throw new Error(`${at}: ${value === undefined ? 'required' : 'expected a mapping'}`);
  return value;
}

function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value))
    throw new Error(`${at}: ${value === undefined ? 'required' : 'expected a list'}`);
  return value;
}

function string(value: unknown, at: string): string {
  if (value === undefined || value === null || value === '') throw new Error(`${at}: required`);
  if (typeof value !== 'string') throw new Error(`${at}: expected a string`);
  return value;
}

function scalar(value: unknown, at: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${at}: expected a string`);
}

function stringArray(value: unknown, at: string): string[] {
  return array(value, at).map((v, i) => scalar(v, `${at}[${i}]`));
}

function stringMap(value: unknown, at: string): Record<string, string> {
  const map = object(value, at);
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, scalar(v, `${at}.${k}`)]));
}

function integer(value: unknown, at: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`${at}: expected a whole number, got ${JSON.stringify(value)}`);
  }
  return value;
}

function portNumber(value: unknown, at: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !inPortRange(n)) {
    throw new Error(`${at}: expected a port 1-65535, got ${JSON.stringify(value)}`);
  }
  return n;
}
