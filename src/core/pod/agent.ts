// Connecting to a port inside a pod from the host: through the infra process's unix socket (see infra.ts).

import { connect, type Socket } from 'node:net';

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
