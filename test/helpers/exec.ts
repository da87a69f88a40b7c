// Runs peer tools (skopeo, umoci, openssl, ...) from tests and reports failures with their stderr.

import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process after this long; tests should fail, not hang. Default 120 s. */
  timeoutMs?: number;
}

export interface ExecResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion and returns its result whatever the exit code. */
export function tryExec(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
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
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Runs a command and throws, with the command line and its stderr, unless it exits 0. */
export async function exec(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const result = await tryExec(command, args, options);
  if (result.code !== 0) {
    const how = result.signal ? `was killed by ${result.signal}` : `exited ${result.code}`;
    throw new Error(
      `${command} ${args.join(' ')} ${how}:\n${result.stderr.trim() || result.stdout.trim()}`,
    );
  }
  return result;
}

/** The CLI from sources, as argv: `node --import scripts/ts-import.mjs src/cli/index.ts`. */
export function cliFromSource(): [node: string, ...args: string[]] {
  const repo = join(import.meta.dirname, '..', '..');
  return [
    process.execPath,
    '--import',
    join(repo, 'scripts', 'ts-import.mjs'),
    join(repo, 'src', 'cli', 'index.ts'),
  ];
}
