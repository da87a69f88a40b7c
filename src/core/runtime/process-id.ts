// A process named by PID and start time, so a reused PID is never mistaken for the one we mean.

import { readFile } from 'node:fs/promises';
import { privileged, runCommand } from './command.js';

/** `PID@STARTTIME` (clock ticks since boot, field 22 of /proc/PID/stat). */
export type ProcessId = string;

export async function processId(pid: number): Promise<ProcessId | undefined> {
  const start = await startTime(pid);
  return start === undefined ? undefined : `${pid}@${start}`;
}

export function pidOf(id: ProcessId): number {
  return Number(id.split('@')[0]);
}

/** The process is the very one `id` names, and not a zombie. */
export async function isAlive(id: ProcessId | undefined): Promise<boolean> {
  if (!id) return false;
  const [pid, start] = id.split('@');
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); the start time is field 22.
  return fields[0] !== 'Z' && fields[19] === start;
}

async function startTime(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Sends `signal` to the process `id` names if it still lives, through `sudo -n kill` when it
 * belongs to root and we are not root. Returns whether it was alive.
 */
export async function signalProcess(
  id: ProcessId | undefined,
  signal: NodeJS.Signals,
  sudo: boolean,
): Promise<boolean> {
  if (!id || !(await isAlive(id))) return false;
  const pid = pidOf(id);
  try {
    process.kill(pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' || !sudo) return false;
  }
  await runCommand(privileged(['kill', `-${signal.replace(/^SIG/, '')}`, String(pid)], true));
  return true;
}

/** SIGTERM, then SIGKILL if it still lives after `graceMs`; resolves once it is gone. */
export async function endProcess(
  id: ProcessId | undefined,
  sudo: boolean,
  graceMs = 2000,
): Promise<void> {
  if (!(await signalProcess(id, 'SIGTERM', sudo))) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!(await isAlive(id))) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  await signalProcess(id, 'SIGKILL', sudo);
  for (let i = 0; i < 200 && (await isAlive(id)); i++) await new Promise((r) => setTimeout(r, 10));
}
