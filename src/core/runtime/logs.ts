// Container log files: one timestamped line per chunk of output, in the CRI format kubelet uses.
//
// `2024-05-01T12:00:00.123Z stdout F hello` is a full line; `P` marks a piece of a longer
// line (or output that ended without a newline), so the exact bytes can be put back together.

import { open, readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

export type LogStream = 'stdout' | 'stderr';

export interface LogEntry {
  /** ISO 8601, when the monitor read it. */
  time: string;
  stream: LogStream;
  text: string;
  /** The line goes on in the next entry of the same stream (or the output ended mid-line). */
  partial: boolean;
}

const LINE = /^(\S+) (stdout|stderr) ([FP]) (.*)$/s;

export function formatLogLine(entry: LogEntry): string {
  return `${entry.time} ${entry.stream} ${entry.partial ? 'P' : 'F'} ${entry.text}\n`;
}

export function parseLogLine(line: string): LogEntry | undefined {
  const m = LINE.exec(line);
  if (!m) return undefined;
  return {
    time: m[1] as string,
    stream: m[2] as LogStream,
    partial: m[3] === 'P',
    text: m[4] as string,
  };
}

export function parseLogs(text: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of text.split('\n')) {
    const entry = parseLogLine(line);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Every entry of a log file; [] when there is none yet. */
export async function readLogs(path: string): Promise<LogEntry[]> {
  try {
    return parseLogs(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The output as the container wrote it: one stream, or both interleaved. */
export function logText(entries: readonly LogEntry[], stream?: LogStream): string {
  let out = '';
  for (const entry of entries) {
    if (stream && entry.stream !== stream) continue;
    out += entry.partial ? entry.text : `${entry.text}\n`;
  }
  return out;
}

export interface FollowOptions {
  /** Stops following once this says the writer is done and the file is read to its end. */
  done: () => Promise<boolean>;
  signal?: AbortSignal;
  pollMs?: number;
}

/** Entries as they are written (`logs -f`): reads what is there, then polls for more. */
export async function* followLogs(path: string, options: FollowOptions): AsyncGenerator<LogEntry> {
  const pollMs = options.pollMs ?? 200;
  let offset = 0;
  let rest = '';
  // A read may end inside a UTF-8 sequence; the decoder holds its first bytes back.
  const decoder = new StringDecoder('utf8');
  for (;;) {
    const finished = await options.done();
    const chunk = await readFrom(path, offset);
    offset += chunk.length;
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const entry = parseLogLine(line);
      if (entry) yield entry;
    }
    if (options.signal?.aborted) return;
    if (finished && chunk.length === 0) return;
    if (chunk.length === 0) await new Promise((r) => setTimeout(r, pollMs));
  }
}

async function readFrom(path: string, offset: number): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size <= offset) return Buffer.alloc(0);
    const buffer = Buffer.alloc(size - offset);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  } finally {
    await handle?.close();
  }
}
