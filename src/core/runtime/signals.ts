// Signal names as images and users write them (`SIGTERM`, `TERM`, `15`, `SIGRTMIN+3`), as numbers.

import { constants } from 'node:os';
import { InvalidArgumentError } from '../errors.js';

// Linux's glibc reserves 32 and 33 for threads, so user-visible real-time signals start at 34.
const SIGRTMIN = 34;
const SIGRTMAX = 64;

/** Parses a signal (the image's StopSignal, a `--signal` flag) into its Linux number. */
export function signalNumber(signal: string | number): number {
  if (typeof signal === 'number') return checkRange(signal, String(signal));
  const text = signal.trim().toUpperCase();
  if (/^\d+$/.test(text)) return checkRange(Number(text), signal);
  const name = text.startsWith('SIG') ? text : `SIG${text}`;
  const rt = /^SIGRT(MIN|MAX)(?:([+-])(\d+))?$/.exec(name);
  if (rt) {
    const base = rt[1] === 'MIN' ? SIGRTMIN : SIGRTMAX;
    const offset = rt[3] === undefined ? 0 : Number(rt[3]) * (rt[2] === '-' ? -1 : 1);
    return checkRange(base + offset, signal);
  }
  const number = (constants.signals as Record<string, number | undefined>)[name];
  if (number === undefined) throw new InvalidArgumentError(`unknown signal "${signal}"`);
  return number;
}

/** The name Node gives a signal number (`SIGTERM`), or `SIG<n>` for real-time signals. */
export function signalName(number: number): string {
  for (const [name, value] of Object.entries(constants.signals)) if (value === number) return name;
  return `SIG${number}`;
}

/** The shell convention for a process killed by a signal: 128 + the signal's number. */
export function signalExitCode(signal: NodeJS.Signals | string | number): number {
  return 128 + signalNumber(signal);
}

function checkRange(number: number, text: string): number {
  if (!Number.isInteger(number) || number < 1 || number > SIGRTMAX) {
    throw new InvalidArgumentError(`signal "${text}" is out of range 1..${SIGRTMAX}`);
  }
  return number;
}
