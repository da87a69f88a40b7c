// A container's output as lines for people: pieces of long lines joined, the tail after exit not lost, the last N lines.

import type { LogEntry, LogStream } from '../runtime/index.js';
import { readLogs } from '../runtime/index.js';

export type LineWriter = (stream: LogStream, line: string, entry: LogEntry) => void;

/** Joins `P` pieces into whole lines per stream; `flush` ends a line the container left open. */
export class LineJoiner {
  readonly #write: LineWriter;
  readonly #pending: Record<LogStream, { text: string; entry: LogEntry } | undefined> = {
    stdout: undefined,
    stderr: undefined,
  };

  constructor(write: LineWriter) {
    this.#write = write;
  }

  push(entry: LogEntry): void {
    const pending = this.#pending[entry.stream];
    const text = (pending?.text ?? '') + entry.text;
    if (entry.partial) {
      this.#pending[entry.stream] = { text, entry: pending?.entry ?? entry };
      return;
    }
    this.#pending[entry.stream] = undefined;
    this.#write(entry.stream, text, pending?.entry ?? entry);
  }

  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const pending = this.#pending[stream];
      this.#pending[stream] = undefined;
      if (pending && pending.text !== '') this.#write(stream, pending.text, pending.entry);
    }
  }
}

/**
 * Prints a running container's output as the monitor streams it, then, once it has exited,
 * whatever the stream had not delivered yet, from the log file (same order: the monitor writes
 * the file before it sends), so nothing is lost or printed twice.
 */
export class LiveOutput {
  readonly #joiner: LineJoiner;
  #seen = 0;
  #closed = false;

  constructor(write: LineWriter) {
    this.#joiner = new LineJoiner(write);
  }

  /** For the container's `onOutput`. */
  readonly onOutput = (entry: LogEntry): void => {
    if (this.#closed) return;
    this.#seen++;
    this.#joiner.push(entry);
  };

  async finish(logPath: string): Promise<void> {
    const entries = await readLogs(logPath);
    const rest = entries.slice(this.#seen);
    this.#closed = true;
    for (const entry of rest) this.#joiner.push(entry);
    this.#joiner.flush();
  }
}

/** The last `count` lines of a log (both streams, in order), as text. */
export function lastLines(entries: readonly LogEntry[], count: number): string[] {
  const lines: string[] = [];
  const joiner = new LineJoiner((_stream, line) => lines.push(line));
  for (const entry of entries) joiner.push(entry);
  joiner.flush();
  return lines.slice(Math.max(0, lines.length - count));
}
