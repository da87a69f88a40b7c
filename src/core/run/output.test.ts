// Output as lines for people: pieces joined, the tail after exit read once, the last N lines.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../runtime/index.js';
import { LineJoiner, LiveOutput, lastLines } from './output.js';

const entry = (
  text: string,
  partial = false,
  stream: 'stdout' | 'stderr' = 'stdout',
): LogEntry => ({
  time: '2024-01-01T00:00:00.000Z',
  stream,
  text,
  partial,
});

describe('LineJoiner', () => {
  it('joins pieces per stream and ends an open line on flush', () => {
    const lines: string[] = [];
    const joiner = new LineJoiner((stream, line) => lines.push(`${stream}:${line}`));
    joiner.push(entry('ab', true));
    joiner.push(entry('err', true, 'stderr'));
    joiner.push(entry('cd'));
    joiner.push(entry('no newline at the end', true));
    joiner.flush();
    expect(lines).toEqual(['stdout:abcd', 'stdout:no newline at the end', 'stderr:err']);
  });
});

describe('LiveOutput', () => {
  it('prints what streamed, then only the rest of the log file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lighter-output-'));
    const log = join(dir, 'ctr.log');
    const all = [entry('one'), entry('two'), entry('three', false, 'stderr')];
    await writeFile(
      log,
      all.map((e) => `${e.time} ${e.stream} ${e.partial ? 'P' : 'F'} ${e.text}\n`).join(''),
    );
    const lines: string[] = [];
    const live = new LiveOutput((_stream, line) => lines.push(line));
    live.onOutput(entry('one'));
    await live.finish(log);
    live.onOutput(entry('two'));
    expect(lines).toEqual(['one', 'two', 'three']);
  });
});

describe('lastLines', () => {
  it('counts whole lines, both streams in order', () => {
    const entries = [entry('a'), entry('b', true), entry('c'), entry('d', false, 'stderr')];
    expect(lastLines(entries, 2)).toEqual(['bc', 'd']);
    expect(lastLines(entries, 10)).toEqual(['a', 'bc', 'd']);
    expect(lastLines([], 3)).toEqual([]);
  });
});
