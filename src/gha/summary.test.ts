// Summary tables: cells cannot break the table or inject HTML.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendSummary,
  escapeCell,
  formatBytes,
  formatSeconds,
  markdownTable,
  renderTable,
} from './summary.js';

describe('markdownTable', () => {
  it('renders a GFM table, padding short rows', () => {
    expect(
      markdownTable(['image', 'bytes'], [['ghcr.io/o/r:1', 1024], ['x', undefined], ['y']]),
    ).toBe(
      [
        '| image | bytes |',
        '| --- | --- |',
        '| ghcr.io/o/r:1 | 1024 |',
        '| x |  |',
        '| y |  |',
      ].join('\n'),
    );
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['a\nb', 'a<br>b'],
    ['<script>', '&lt;script&gt;'],
    ['a\\|b', 'a\\\\\\|b'],
    [true, 'true'],
    [null, ''],
  ])('escapes %j', (cell, expected) => {
    expect(escapeCell(cell)).toBe(expected);
  });

  it('adds a heading', () => {
    expect(renderTable({ heading: 'Copied', columns: ['a'], rows: [] })).toBe(
      '### Copied\n\n| a |\n| --- |\n',
    );
  });
});

describe('appendSummary', () => {
  it('is a no-op outside a runner', async () => {
    expect(await appendSummary('x', {})).toBe(false);
  });

  it('appends to GITHUB_STEP_SUMMARY', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lighter-summary-'));
    const file = join(dir, 'summary.md');
    await writeFile(file, 'before\n');
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      expect(await appendSummary('| a |', process.env)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
    expect(await readFile(file, 'utf8')).toBe('before\n| a |\n');
  });
});

describe('formatBytes and formatSeconds', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [256 * 1024 * 1024, '256.0 MiB'],
    [3 * 1024 ** 4 * 1024, '3072.0 TiB'],
  ])('%d bytes -> %s', (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });

  it.each([
    [1.25, '1.3 s'],
    [59.94, '59.9 s'],
    [125, '2 min 5 s'],
  ])('%d s -> %s', (s, text) => {
    expect(formatSeconds(s)).toBe(text);
  });
});
