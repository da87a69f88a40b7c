// A pod's infra process: holds its network, IPC and UTS namespaces, and is the agent that connects into them.
//
// Started as `[sudo -n] unshare --net --ipc --uts -- node -e <infraMain> CONFIG`: unshare makes
// the namespaces and execs Node in them, so the Node process is both the holder of the
// namespaces (containers join `/proc/PID/ns/{net,ipc,uts}`, as podman's pause process) and
// the agent: it listens on a unix socket in the pod's dir, and for each connection reads one
// line, `PORT [HOST]`, connects to HOST:PORT (default 127.0.0.1) inside the pod, answers `+`
// and then relays bytes both ways (or `-REASON` and closes). Unix sockets live in the file
// system, not in a network namespace, so anything on the host reaches the pod's ports through
// it: the host-side port forwarder, and lighter's TCP and HTTP readiness checks. One Node
// process instead of a sleeper plus an `nsenter`-ed agent, and nothing needs CNI or IP addresses.
//
// It also hosts the monitors of the pod's detached containers (the runtime's MonitorService):
// the line `monitor CONFIG` has it run the runtime's `monitorMain` on that config, in itself,
// and send the monitor's messages back as JSON lines until the monitor ends. A container then
// starts without a Node process of its own (about 35 ms each), and its monitor lives as long as
// the pod, which its containers cannot outlive anyway. Only the socket's owner can ask: the
// pod's dir is private to them.
//
// Like the runtime's monitor, the function is run from its source with `node -e`: it imports
// nothing, so bundles need no extra file; the monitor's source is passed in beside it.

import { monitorMain } from '../runtime/index.js';

export interface InfraConfig {
  /** The agent's unix socket. */
  socket: string;
  /** The infra process writes its own PID here first thing (it may run under sudo). */
  pidFile: string;
  /** And here once its namespaces are set up and its socket listens. */
  readyFile: string;
  hostname: string;
  /** `ip`, to bring up loopback in the new network namespace. */
  ip: string;
  /** Uncaught errors are appended here instead of killing the pod. */
  errorLog: string;
}

export function infraScript(): string {
  return `(${infraMain.toString()})(process.argv[process.argv.length - 1], ${monitorMain.toString()});\n`;
}

/** Self-contained: runs in its own Node process from its source text. */
export function infraMain(configPath: string, monitor: typeof monitorMain): void {
  const fs = process.getBuiltinModule('node:fs');
  const net = process.getBuiltinModule('node:net');
  const childProcess = process.getBuiltinModule('node:child_process');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as InfraConfig;

  // Our own session: a terminal's signals are not for the pod. SIGTERM ends it (pod rm).
  process.on('SIGINT', () => {});
  process.on('SIGHUP', () => {});
  process.on('uncaughtException', (error) => {
    try {
      fs.appendFileSync(
        config.errorLog,
        `${new Date().toISOString()} ${String(error?.stack ?? error)}\n`,
      );
    } catch {}
  });
  let reported = false;
  const report = (line: string) => {
    if (reported) return;
    reported = true;
    // lighter reads this one line and closes the pipe; nothing may be written after it.
    try {
      process.stdout.write(`${line}\n`);
    } catch {}
  };
  const fail = (message: string) => {
    report(`error ${message.replace(/\s+/g, ' ')}`);
    process.exit(1);
  };
  process.stdout.on('error', () => {});
  fs.writeFileSync(config.pidFile, `${process.pid}\n`);

  try {
    fs.writeFileSync('/proc/sys/kernel/hostname', config.hostname);
  } catch (error) {
    fail(`setting the hostname: ${String(error)}`);
  }
  const ip = childProcess.spawnSync(config.ip, ['link', 'set', 'lo', 'up'], { encoding: 'utf8' });
  if (ip.status !== 0) fail(`bringing up lo with ${config.ip}: ${ip.stderr || String(ip.error)}`);

  try {
    fs.unlinkSync(config.socket);
  } catch {}
  const server = net.createServer({ allowHalfOpen: true }, relay);
  server.on('error', (error) => fail(`listening on ${config.socket}: ${error.message}`));
  server.listen(config.socket, () => {
    // The socket's dir is private to its owner; the socket itself must take the user's
    // connections when this runs as root through sudo.
    fs.chmodSync(config.socket, 0o666);
    fs.writeFileSync(config.readyFile, `${process.pid}\n`);
    report(`ready ${process.pid}`);
  });
  process.on('SIGTERM', () => {
    server.close();
    process.exit(0);
  });

  function relay(client: import('node:net').Socket): void {
    let head = Buffer.alloc(0);
    client.on('error', () => client.destroy());
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const newline = head.indexOf(10);
      if (newline < 0) {
        if (head.length > 256) client.destroy();
        return;
      }
      client.off('data', onData);
      client.pause();
      const line = head.subarray(0, newline).toString('utf8').trim();
      if (line.startsWith('monitor ')) {
        hostMonitor(client, line.slice('monitor '.length));
        return;
      }
      const [portText, host] = line.split(/\s+/);
      const rest = head.subarray(newline + 1);
      const port = Number(portText);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        client.end('-bad port\n');
        return;
      }
      let connected = false;
      const target = net.connect({ port, host: host || '127.0.0.1', allowHalfOpen: true });
      target.once('connect', () => {
        connected = true;
        client.write('+\n');
        if (rest.length > 0) target.write(rest);
        target.pipe(client);
        client.pipe(target);
        client.resume();
      });
      target.on('error', (error: NodeJS.ErrnoException) => {
        if (!connected) client.end(`-${error.code ?? error.message}\n`);
        else client.destroy();
        target.destroy();
      });
      // Fully closed on one side: nothing more can reach the other, which ends after its writes.
      target.on('close', () => {
        if (connected) client.end();
      });
      client.on('close', () => target.destroy());
    };
    client.on('data', onData);
  }

  function hostMonitor(client: import('node:net').Socket, monitorConfig: string): void {
    if (!monitorConfig.startsWith('/')) {
      client.end(
        `${JSON.stringify({ type: 'error', message: 'the config path must be absolute' })}\n`,
      );
      return;
    }
    // The monitor runs on when lighter goes: its messages are then dropped.
    let open = true;
    client.on('close', () => {
      open = false;
    });
    client.resume();
    try {
      // monitorMain returns once the runtime is spawned; its messages may come before this.
      monitor(monitorConfig, {
        send: (message) => {
          if (!open) return;
          client.write(`${JSON.stringify(message)}\n`);
          if (message.type === 'exit') client.end();
        },
      });
      // Unless the runtime could not even be spawned: then its exit has ended the connection.
      if (open && !client.writableEnded) client.write('{"type":"monitoring"}\n');
    } catch (error) {
      // An unreadable config: nothing was started.
      client.end(`${JSON.stringify({ type: 'error', message: String(error) })}\n`);
    }
  }
}
