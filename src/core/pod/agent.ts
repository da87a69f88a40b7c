// The host's side of the infra process's unix socket (see infra.ts): connections to ports inside the pod, and hosted monitors.

import { connect, type Socket } from 'node:net';
import type { MonitorLink, MonitorMessage } from '../runtime/index.js';

/**
 * A socket connected to `host:port` (default 127.0.0.1) inside the pod whose agent listens on
 * `socketPath`. Rejects with the agent's reason (`ECONNREFUSED`) when nothing listens there.
 * The socket comes paused, so no byte is lost before the caller reads: resume it.
 */
export function connectInPod(socketPath: string, port: number, host?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path: socketPath, allowHalfOpen: true });
    let head = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('connect', () => socket.write(`${port}${host ? ` ${host}` : ''}\n`));
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const newline = head.indexOf(10);
      if (newline < 0) return;
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.pause();
      const line = head.subarray(0, newline).toString('utf8');
      if (!line.startsWith('+')) {
        fail(
          new Error(
            `connecting to ${host ?? '127.0.0.1'}:${port} in the pod: ${line.slice(1) || 'refused'}`,
          ),
        );
        return;
      }
      socket.off('error', fail);
      const rest = head.subarray(newline + 1);
      if (rest.length > 0) socket.unshift(rest);
      resolve(socket);
    };
    const onEnd = () =>
      fail(
        new Error(
          `connecting to ${host ?? '127.0.0.1'}:${port} in the pod: the pod's agent closed the connection`,
        ),
      );
    socket.on('data', onData);
    socket.once('end', onEnd);
  });
}

/**
 * Has the infra process listening on `socketPath` run a container's monitor (config at
 * `configPath`); resolves once it runs, with the line its messages come through (which keeps
 * this process alive until unref'd).
 */
export function openMonitor(
  socketPath: string,
  configPath: string,
  onMessage: (message: MonitorMessage) => void,
): Promise<MonitorLink> {
  return new Promise((resolve, reject) => {
    const socket = connect({ path: socketPath });
    let accepted = false;
    let text = '';
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    const link: MonitorLink = {
      closed,
      close: () => socket.destroy(),
      ref: () => socket.ref(),
      unref: () => socket.unref(),
    };
    const accept = () => {
      if (accepted) return;
      accepted = true;
      resolve(link);
    };
    socket.once('error', (error) => {
      if (!accepted) reject(new Error(`the pod's infra process does not answer: ${error.message}`));
    });
    socket.once('connect', () => socket.write(`monitor ${configPath}\n`));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n')) {
        const line = text.slice(0, newline);
        text = text.slice(newline + 1);
        const message = JSON.parse(line) as
          | MonitorMessage
          | { type: 'monitoring' | 'error'; message?: string };
        if (message.type === 'error') {
          socket.destroy();
          reject(new Error(`the pod's infra process: ${message.message}`));
          return;
        }
        accept();
        if (message.type !== 'monitoring') onMessage(message as MonitorMessage);
      }
    });
    socket.once('close', () => {
      if (!accepted) reject(new Error("the pod's infra process closed the connection"));
    });
  });
}
