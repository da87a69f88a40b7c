import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir.js';
import { followLogs, formatLogLine, type LogEntry, logText, parseLogs } from './logs.js';
import { parseMountInfo } from './mountinfo.js';
import { signalExitCode, signalName, signalNumber } from './signals.js';

describe('log files', () => {
  const entries: LogEntry[] = [
    { time: '2026-01-01T00:00:00.000Z', stream: 'stdout', text: 'hello world', partial: false },
    { time: '2026-01-01T00:00:00.001Z', stream: 'stderr', text: 'oops', partial: false },
    { time: '2026-01-01T00:00:00.002Z', stream: 'stdout', text: 'a long ', partial: true },
    { time: '2026-01-01T00:00:00.003Z', stream: 'stdout', text: 'line', partial: false },
    { time: '2026-01-01T00:00:00.004Z', stream: 'stdout', text: 'no newline', partial: true },
  ];

  it('round-trips entries through the CRI line format', () => {
    const text = entries.map(formatLogLine).join('');
    expect(text.split('\n')[0]).toBe('2026-01-01T00:00:00.000Z stdout F hello world');
    expect(parseLogs(text)).toEqual(entries);
  });

  it('puts the exact output back together, per stream or interleaved', () => {
    expect(logText(entries, 'stdout')).toBe('hello world\na long line\nno newline');
    expect(logText(entries, 'stderr')).toBe('oops\n');
    expect(logText(entries)).toBe('hello world\noops\na long line\nno newline');
  });

  it('follows a file as it grows and stops when the writer is done', async () => {
    const dir = await makeTempDir('logs');
    const path = join(dir, 'ctr.log');
    await writeFile(path, formatLogLine(entries[0] as LogEntry));
    let done = false;
    const seen: string[] = [];
    const follower = (async () => {
      for await (const entry of followLogs(path, { done: async () => done, pollMs: 10 })) {
        seen.push(entry.text);
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    // Half a line first: the follower must wait for the rest.
    const line = formatLogLine(entries[1] as LogEntry);
    await appendFile(path, line.slice(0, 10));
    await new Promise((r) => setTimeout(r, 50));
    await appendFile(path, line.slice(10));
    done = true;
    await follower;
    expect(seen).toEqual(['hello world', 'oops']);
  });
});

describe('mountinfo', () => {
  it('parses mount points with escaped spaces and optional fields', () => {
    const text =
      '36 35 98:0 /mnt1 /mnt/with\\040space rw,noatime master:1 - ext3 /dev/root rw,errors=continue\n' +
      '100 36 0:50 / /run/lighter/containers/a/bundle/rootfs rw,relatime - overlay overlay rw,lowerdir=/l\n';
    expect(parseMountInfo(text)).toEqual([
      {
        id: 36,
        parent: 35,
        mountPoint: '/mnt/with space',
        options: 'rw,noatime',
        fsType: 'ext3',
        source: '/dev/root',
      },
      {
        id: 100,
        parent: 36,
        mountPoint: '/run/lighter/containers/a/bundle/rootfs',
        options: 'rw,relatime',
        fsType: 'overlay',
        source: 'overlay',
      },
    ]);
  });
});

describe('signals', () => {
  it('reads names, short names, numbers and real-time offsets', () => {
    expect(signalNumber('SIGTERM')).toBe(15);
    expect(signalNumber('term')).toBe(15);
    expect(signalNumber('9')).toBe(9);
    expect(signalNumber(10)).toBe(10);
    expect(signalNumber('SIGRTMIN+3')).toBe(37);
    expect(signalNumber('RTMAX-1')).toBe(63);
    expect(signalName(15)).toBe('SIGTERM');
    expect(signalExitCode('SIGKILL')).toBe(137);
  });

  it('refuses unknown signals with ERR_INVALID_ARGUMENT', () => {
    expect(() => signalNumber('SIGNOPE')).toThrow(/unknown signal "SIGNOPE"/);
    expect(() => signalNumber('99')).toThrow(/out of range/);
  });
});
