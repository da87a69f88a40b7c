// The host side of a pod's published ports: a detached Node process accepting on HOST ports and relaying into the pod.
//
// lighter binds every host port itself first, so a port already in use fails at once, before
// anything is started; it then hands the listening sockets to this process over IPC (Node
// passes a server's handle to a child) and lets go. For each connection the forwarder asks the
// pod's agent (infra.ts) for `CONTAINER_PORT` over its unix socket and relays bytes both ways,
// half-closes included. The forwarder lives until `pod rm` ends it; it needs no privileges.

import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { LighterError } from '../errors.js';
import type { PortMapping } from '../run/options.js';

export interface ForwarderConfig {
  /** The pod agent's unix socket. */
  socket: string;
  pidFile: string;
  errorLog: string;
}

/** Messages between lighter and the forwarder. */
export type ForwarderMessage =
  | { type: 'listen'; containerPort: number; hostPort: number }
  | { type: 'listening'; hostPort: number }
  | { type: 'done' }
  | { type: 'ready'; pid: number };

export function forwarderScript(): string {
  return `(${forwarderMain.toString()})(process.argv[process.argv.length - 1]);\n`;
}

/** Self-contained: runs in its own Node process from its source text. */
export function forwarderMain(configPath: string): void {
  const fs = process.getBuiltinModule('node:fs');
  const net = process.getBuiltinModule('node:net');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as ForwarderConfig;
  process.on('SIGINT', () => {});
  process.on('SIGHUP', () => {});
  process.on('SIGTERM', () => process.exit(0));
  process.on('uncaughtException', (error) => {
    try {
      fs.appendFileSync(
        config.errorLog,
        `${new Date().toISOString()} ${String(error?.stack ?? error)}\n`,
      );
    } catch {}
  });
  fs.writeFileSync(config.pidFile, `${process.pid}\n`);
  const servers: unknown[] = [];
  const send = (message: ForwarderMessage) => {
    if (process.connected && process.send) process.send(message);
  };
  process.on('message', (message: ForwarderMessage, handle: unknown) => {
    if (message.type === 'listen' && handle) {
      const server = handle as import('node:net').Server & {
        allowHalfOpen: boolean;
        pauseOnConnect: boolean;
      };
      // Read by Node at each accept: the relayed connections must keep half-closes and hold
      // their first bytes until the pod side is connected.
      server.allowHalfOpen = true;
      server.pauseOnConnect = true;
      server.on('connection', (client) => forward(client, message.containerPort));
      server.on('error', () => {});
      servers.push(server);
      send({ type: 'listening', hostPort: message.hostPort });
    } else if (message.type === 'done') {
      send({ type: 'ready', pid: process.pid });
    }
  });
  // lighter disconnects once it has handed over every port; the servers keep this process up.
  process.on('disconnect', () => {});

  function forward(client: import('node:net').Socket, port: number): void {
    client.on('error', () => client.destroy());
    const agent = net.connect({ path: config.socket, allowHalfOpen: true });
    let head = Buffer.alloc(0);
    let connected = false;
    agent.on('error', () => {
      agent.destroy();
      client.destroy();
    });
    agent.once('connect', () => agent.write(`${port}\n`));
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const newline = head.indexOf(10);
      if (newline < 0) return;
      agent.off('data', onData);
      if (head[0] !== 43 /* + */) {
        // Nothing listens on that port in the pod: the client sees a closed connection.
        agent.destroy();
        client.destroy();
        return;
      }
      connected = true;
      const rest = head.subarray(newline + 1);
      if (rest.length > 0) client.write(rest);
      agent.pipe(client);
      client.pipe(agent);
      client.resume();
    };
    agent.on('data', onData);
    agent.on('close', () => {
      if (connected) client.end();
      else client.destroy();
    });
    client.on('close', () => agent.destroy());
  }
}

/**
 * Binds every published port on the host, now: a port in use fails here (ERR_INVALID_ARGUMENT
 * naming it) with nothing started. The caller hands the servers to `startForwarder` or closes them.
 */
export async function bindPorts(ports: readonly PortMapping[]): Promise<Server[]> {
  const servers: Server[] = [];
  try {
    for (const port of ports) {
      if (port.protocol !== 'tcp') {
        throw new LighterError(
          'ERR_UNSUPPORTED',
          `publishing ${port.hostPort}/${port.protocol}: only TCP ports can be published`,
        );
      }
      const server = createServer();
      // Connections accepted before the hand-over have nobody to serve them.
      server.on('connection', (socket) => socket.destroy());
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
          const where = `${port.hostIp ?? '0.0.0.0'}:${port.hostPort}`;
          reject(
            new LighterError(
              'ERR_INVALID_ARGUMENT',
              error.code === 'EADDRINUSE'
                ? `publishing port ${where}: it is already in use on the host`
                : `publishing port ${where}: ${error.message}`,
            ),
          );
        });
        server.listen(
          { port: port.hostPort, ...(port.hostIp ? { host: port.hostIp } : {}) },
          resolve,
        );
      });
      servers.push(server);
    }
    return servers;
  } catch (error) {
    await closeServers(servers);
    throw error;
  }
}

export async function closeServers(servers: readonly Server[]): Promise<void> {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
}

export interface StartForwarderOptions {
  configPath: string;
  config: ForwarderConfig;
  logFd: number;
  ports: readonly PortMapping[];
  /** From `bindPorts`, in the same order as `ports`; closed here once handed over. */
  servers: readonly Server[];
}

/** Starts the forwarder, hands it the bound ports and returns its PID once it serves them all. */
export async function startForwarder(options: StartForwarderOptions): Promise<number> {
  await writeFile(options.configPath, JSON.stringify(options.config));
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['-e', forwarderScript(), options.configPath], {
    detached: true,
    stdio: ['ignore', options.logFd, options.logFd, 'ipc'],
    env,
  });
  try {
    const pid = await new Promise<number>((resolve, reject) => {
      let pending = options.ports.length;
      const timer = setTimeout(
        () =>
          reject(new LighterError('ERR_TIMEOUT', 'starting the port forwarder: no answer in 30 s')),
        30_000,
      );
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new LighterError('ERR_RUNTIME', `starting the port forwarder: ${error.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new LighterError('ERR_RUNTIME', `the port forwarder exited (${code}) while starting`),
        );
      });
      child.on('message', (message: ForwarderMessage) => {
        if (message.type === 'listening' && --pending === 0) child.send({ type: 'done' });
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.pid);
        }
      });
      options.ports.forEach((port, i) => {
        const message: ForwarderMessage = {
          type: 'listen',
          containerPort: port.containerPort,
          hostPort: port.hostPort,
        };
        child.send(message, options.servers[i] as Server);
      });
      if (options.ports.length === 0) child.send({ type: 'done' });
    });
    return pid;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    await closeServers(options.servers);
    child.removeAllListeners('exit');
    if (child.connected) child.disconnect();
    child.unref();
  }
}
