// The monitor: a small Node process per container that runs `runtime run` in the foreground and outlives lighter.
//
// Why a monitor, and why `run` in the foreground: `runtime create` + `start` detach the
// container's init, which the kernel then reparents to PID 1, and its exit status is lost to
// us (Node cannot make itself a child subreaper). With `runc run`/`crun run` in the
// foreground, the runtime stays the parent of init, reaps it and exits with its status
// (128 + n for a signal), so whoever waits for the runtime gets the exit code. That waiter
// must not be lighter itself: `lighter run -d` exits while the container runs, and a CLI or
// action killed with SIGKILL would take the pipes with it. So, like podman's conmon, a
// detached monitor holds the runtime: it timestamps the output into the log file, streams it
// to lighter over IPC while lighter listens, and writes exit.json when the runtime ends.
//
// The monitor is `monitorMain` below, run with `node -e`: its source goes with the function,
// so a bundled action or CLI needs no separate file. It must therefore import nothing and
// reach Node's modules through `process.getBuiltinModule`.
//
// A foreground run that ends with lighter anyway (`lighter run` without -d) gains nothing from
// a separate process, and a Node start is a good part of a short container's life: there,
// lighter runs `monitorMain` itself, with a host that takes the messages IPC would carry. A
// pod's infra process does the same for the pod's detached containers (a MonitorService).

import type { LogEntry } from './logs.js';
import type { ProcessId } from './process-id.js';
import type { ExitRecord } from './state.js';

export interface MonitorConfig {
  /** The runtime command line (`[sudo -n --] runc --root=... run --bundle=... --pid-file=... ID`). */
  argv: string[];
  pidFile: string;
  exitFile: string;
  logPath: string;
  /** Also copy the output, as it comes, to the monitor's own stdout and stderr (`stdio: 'inherit'`). */
  forward: boolean;
  /** Send each log entry to the parent over IPC (`stdio: 'pipe'`). */
  stream: boolean;
}

/** Messages from the monitor to lighter. */
export type MonitorMessage =
  | { type: 'started'; pid: number }
  | { type: 'line'; entry: LogEntry }
  | { type: 'exit'; exit: ExitRecord };

/** Where an in-process monitor's messages go (a separate monitor sends them over IPC). */
export interface MonitorHost {
  send(message: MonitorMessage): void;
}

/**
 * A long-lived process that runs monitors for other processes' containers inside itself (a
 * pod's infra process runs those of its pod): no Node process to start per container. Its
 * monitors end with it, so it must outlive the containers it holds.
 */
export interface MonitorService {
  /** The process the monitors run in, by PID and start time: other lighters check it lives. */
  readonly process: ProcessId;
  /**
   * Whether it runs as root where the runtime needs sudo (an infra process started through
   * sudo): its monitors then run the runtime directly.
   */
  readonly elevated: boolean;
  /**
   * Has the service run `monitorMain` on the config at `configPath`; its messages come to
   * `onMessage` until the monitor ends or the link is closed (the monitor runs on regardless).
   */
  open(configPath: string, onMessage: (message: MonitorMessage) => void): Promise<MonitorLink>;
}

/** This process's line to a monitor run by a MonitorService. */
export interface MonitorLink {
  /** Resolves when the link is closed: the monitor ended, the service went away, or close(). */
  readonly closed: Promise<void>;
  close(): void;
  /** Whether the open link keeps this process alive (it does until unref'd). */
  ref(): void;
  unref(): void;
}

/** The node -e script: the monitor's source and a call of it with the config path. */
export function monitorScript(): string {
  return `(${monitorMain.toString()})(process.argv[process.argv.length - 1]);\n`;
}

/** The monitor's body. Self-contained: it runs in a separate Node process from its source text. */
export function monitorMain(configPath: string, host?: MonitorHost): void {
  const fs = process.getBuiltinModule('node:fs');
  const childProcess = process.getBuiltinModule('node:child_process');
  const { StringDecoder } = process.getBuiltinModule('node:string_decoder');
  const os = process.getBuiltinModule('node:os');
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as MonitorConfig;
  let forward = config.forward;

  // In lighter's own process the process-wide handlers stay lighter's: it forwards signals
  // to the container itself, and its errors are its own.
  if (!host) {
    // The monitor sits in its own session; a terminal's signals are not for it. SIGTERM goes
    // to the runtime, which hands it on to the container, so it ends and is recorded.
    process.on('SIGINT', () => {});
    process.on('SIGHUP', () => {});
    // A monitor that dies loses the exit code for good, so nothing may kill it: not an IPC
    // write failing after lighter went away (an 'error' event on process), nor a bug.
    process.on('error', () => {});
    process.on('uncaughtException', (error) => {
      try {
        fs.appendFileSync(
          `${config.exitFile}.monitor-errors`,
          `${new Date().toISOString()} ${String(error?.stack ?? error)}\n`,
        );
      } catch {}
    });
    process.stdout.on('error', () => {
      forward = false;
    });
    process.stderr.on('error', () => {
      forward = false;
    });
  }

  const send = (message: MonitorMessage) => {
    if (host) {
      host.send(message);
      return;
    }
    if (!process.connected || !process.send) return;
    try {
      process.send(message);
    } catch {}
  };
  const log = fs.openSync(config.logPath, 'a');
  const now = () => new Date().toISOString();
  // Longer lines are cut into partial entries, so one endless line cannot fill memory.
  const MAX_LINE = 64 * 1024;

  const record = (stream: 'stdout' | 'stderr', text: string, partial: boolean) => {
    const entry: LogEntry = { time: now(), stream, text, partial };
    fs.writeSync(log, `${entry.time} ${stream} ${partial ? 'P' : 'F'} ${text}\n`);
    if (config.stream) send({ type: 'line', entry });
  };

  let child: ReturnType<typeof childProcess.spawn>;
  try {
    child = childProcess.spawn(config.argv[0] as string, config.argv.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    finish({ started: false, exitCode: null, finishedAt: now(), error: String(error) });
    return;
  }
  if (!host) {
    process.on('SIGTERM', () => {
      child.kill('SIGTERM');
    });
  }

  const pending: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const) {
    const decoder = new StringDecoder('utf8');
    const source = child[stream];
    source?.on('data', (chunk: Buffer) => {
      if (forward) (stream === 'stdout' ? process.stdout : process.stderr).write(chunk);
      let text = pending[stream] + decoder.write(chunk);
      let newline = text.indexOf('\n');
      while (newline >= 0) {
        record(stream, text.slice(0, newline), false);
        text = text.slice(newline + 1);
        newline = text.indexOf('\n');
      }
      while (text.length > MAX_LINE) {
        record(stream, text.slice(0, MAX_LINE), true);
        text = text.slice(MAX_LINE);
      }
      pending[stream] = text;
    });
    source?.on('end', () => {
      const rest = pending[stream] + decoder.end();
      pending[stream] = '';
      if (rest !== '') record(stream, rest, true);
    });
  }

  let pid: number | undefined;
  let startedAt: string | undefined;
  const readPid = () => {
    try {
      const value = Number(fs.readFileSync(config.pidFile, 'utf8').trim());
      return value > 0 ? value : undefined;
    } catch {
      return undefined;
    }
  };
  // The runtime writes its pid file once the container exists, just before starting it: read
  // often, as that moment is what a start waits for.
  const poll = setInterval(() => {
    pid = readPid();
    if (pid === undefined) return;
    clearInterval(poll);
    startedAt = now();
    send({ type: 'started', pid });
  }, 2);

  let spawnError: string | undefined;
  child.on('error', (error) => {
    spawnError = error.message;
  });
  child.on('close', (code, signal) => {
    clearInterval(poll);
    // A container that ran for less than one poll still left its pid file behind.
    if (pid === undefined) {
      pid = readPid();
      if (pid !== undefined) startedAt = now();
    }
    const signalNumber = signal ? (os.constants.signals[signal] ?? 0) : 0;
    finish({
      started: pid !== undefined,
      exitCode: code ?? 128 + signalNumber,
      ...(pid !== undefined ? { pid } : {}),
      ...(startedAt ? { startedAt } : {}),
      finishedAt: now(),
      ...(spawnError ? { error: spawnError } : {}),
    });
  });

  function finish(exit: ExitRecord): void {
    const temp = `${config.exitFile}.tmp`;
    try {
      fs.writeFileSync(temp, `${JSON.stringify(exit)}\n`);
      fs.renameSync(temp, config.exitFile);
    } catch (error) {
      // Only in lighter's process may the container's dir be gone already (`rm -f` from
      // elsewhere): the exit still reaches lighter. A monitor's error goes to its handler.
      if (!host) throw error;
    }
    fs.closeSync(log);
    if (host) {
      host.send({ type: 'exit', exit });
    } else if (process.connected && process.send) {
      // Disconnecting lets the monitor end once the message is out.
      process.send({ type: 'exit', exit } satisfies MonitorMessage, () => process.disconnect());
    }
  }
}
