// Readiness of a started container: its probe, run where the container's network is (a pod's, or the host's).

import { readFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import type { Duplex } from 'node:stream';
import { LighterError } from '../errors.js';
import { type ContainerInfo, storedRequest } from '../run/engine.js';
import type { Connect, ExecIn, Probe } from '../run/probe.js';
import { type ReadinessResult, waitReady } from '../run/readiness.js';
import type { Container } from '../runtime/index.js';
import type { Pod } from './pod.js';

/** How a TCP or HTTP check reaches the container: through its pod's agent, or on the host. */
export function connectFor(network: ContainerInfo['network'], pod: Pod | undefined): Connect {
  if (pod) return (port, host) => pod.connect(port, host);
  if (network === 'host') {
    return (port, host) =>
      new Promise<Duplex>((resolve, reject) => {
        const socket = tcpConnect({ port, host: host ?? '127.0.0.1' });
        socket.once('connect', () => {
          socket.off('error', reject);
          resolve(socket);
        });
        socket.once('error', reject);
      });
  }
  return async () => {
    throw new LighterError(
      'ERR_INVALID_ARGUMENT',
      'a TCP or HTTP check cannot reach a container with --network none',
    );
  };
}

export function execFor(container: Container): ExecIn {
  return (argv, timeoutMs) => container.exec(argv, { timeoutMs });
}

/** The exit code once the container has exited, read from the monitor's exit file (no runtime call). */
export function exitedFor(container: Container): () => Promise<number | undefined> {
  return async () => {
    try {
      const exit = JSON.parse(await readFile(container.paths.exitFile, 'utf8')) as {
        exitCode: number | null;
      };
      return exit.exitCode ?? -1;
    } catch {
      return undefined;
    }
  };
}

export interface ReadyOptions {
  pod?: Pod;
  network: ContainerInfo['network'];
  /** Over the probe's own budget (epoch ms). */
  deadline?: number;
  signal?: AbortSignal;
  /** Default: the readiness probe recorded at create (explicit, or the image's HEALTHCHECK). */
  probe?: Probe;
}

/** Waits for the container's readiness probe; undefined when it has none. */
export async function waitContainerReady(
  container: Container,
  options: ReadyOptions,
): Promise<ReadinessResult | undefined> {
  const probe = options.probe ?? storedRequest(container).readiness;
  if (!probe) return undefined;
  return waitReady({
    probe,
    connect: connectFor(options.network, options.pod),
    exec: execFor(container),
    exited: exitedFor(container),
    ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
