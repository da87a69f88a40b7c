// Child processes the runtime wrapper drives (runc/crun, mount, umount), with sudo when chosen.

import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { LighterError } from '../errors.js';
import type { Runtime } from './detect.js';

export interface CommandResult {
  /** The exit code; 128 + n when the process was killed by signal n. */
  code: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process (SIGKILL) after this long and fail with ERR_TIMEOUT. */
  timeoutMs?: number;
}

/** Prefixes `sudo -n` when the runtime was chosen to run through password-less sudo. */
export function privileged(argv: readonly string[], sudo: boolean): string[] {
  return sudo ? ['sudo', '-n', '--', ...argv] : [...argv];
}

/**
 * The command line of a runtime subcommand: global flags first (`--root` keeps our containers
 * apart from everyone else's, so `list` shows ours only), then `args`. The `--flag=value` form
 * is the one both runc and crun accept.
 */
export function runtimeArgv(
  runtime: Runtime,
  stateRoot: string,
  args: readonly string[],
  logFile?: string,
): string[] {
  const global = [`--root=${stateRoot}`];
  if (logFile) global.push(`--log=${logFile}`, '--log-format=json');
  if (runtime.name === 'crun' && runtime.cgroupManager === 'disabled') {
    global.push('--cgroup-manager=disabled');
  }
  if (runtime.rootless) global.push('--rootless=true');
  return privileged([runtime.path, ...global, ...args], runtime.sudo);
}

/** Runs a command to completion; never rejects for a non-zero exit, only when it cannot start. */
export function runCommand(
  argv: readonly string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  const [command, ...args] = argv;
  if (!command) {
    return Promise.reject(
      new LighterError('ERR_INVALID_ARGUMENT', 'running a command: empty argv'),
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const hint = error.code === 'ENOENT' ? ' (not installed or not on PATH)' : '';
      reject(new LighterError('ERR_RUNTIME', `starting ${command}: ${error.message}${hint}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new LighterError(
            'ERR_TIMEOUT',
            `${argv.join(' ')} did not finish within ${options.timeoutMs} ms`,
          ),
        );
        return;
      }
      resolve({
        code: code ?? 128 + signalNumberOf(signal),
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Runs a command and fails with ERR_RUNTIME, its stderr in the message, unless it exits 0. */
export async function checkedCommand(
  argv: readonly string[],
  what: string,
  options: CommandOptions = {},
): Promise<CommandResult> {
  const result = await runCommand(argv, options);
  if (result.code !== 0) {
    const output = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n');
    throw new LighterError(
      'ERR_RUNTIME',
      `${what}: ${argv[0] === 'sudo' ? argv[3] : argv[0]} exited ${result.code}${output ? `: ${output}` : ''}`,
      { details: { argv: [...argv], code: result.code } },
    );
  }
  return result;
}

function signalNumberOf(signal: NodeJS.Signals | null): number {
  return signal ? (constants.signals[signal] ?? 0) : 0;
}
