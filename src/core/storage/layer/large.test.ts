import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../../../test/helpers/temp-dir.js';
import { applyLayer } from './apply.js';
import { diffLayer } from './diff.js';
import { encodeHeader, endOfArchive } from './tar-header.js';

// 300 MiB through applyLayer and back out through diffLayer: memory must stay flat.

const FILES = 30;
const FILE_SIZE = 10 * 1024 * 1024;
const MTIME = 1_000_000_000;
const RSS_LIMIT = 100 * 1024 * 1024;

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir('large');
});
afterAll(async () => {
  await removeTempDir(dir);
});

/**
 * A layer generated on the fly, in exactly the form diffLayer writes, so reading the
 * extracted tree back must give the same diff ID. `hash` sees every byte yielded.
 */
async function* generatedLayer(hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  const block = randomBytes(1024 * 1024);
  const emit = (b: Buffer) => {
    hash.update(b);
    return b;
  };
  yield emit(
    encodeHeader({
      name: 'data',
      type: 'directory',
      mode: 0o755,
      uid: 0,
      gid: 0,
      size: 0,
      mtime: MTIME,
    }),
  );
  for (let i = 0; i < FILES; i++) {
    const name = `data/file-${String(i).padStart(2, '0')}`;
    yield emit(
      encodeHeader({
        name,
        type: 'file',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: FILE_SIZE,
        mtime: MTIME,
      }),
    );
    for (let written = 0; written < FILE_SIZE; written += block.length) yield emit(block);
  }
  yield emit(endOfArchive());
}

/** Runs `fn` while sampling RSS; returns its result and the peak growth over the start. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; growth: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, growth: peak - start };
  } finally {
    clearInterval(timer);
  }
}

describe('a 300 MiB layer', () => {
  it('applies and diffs back with RSS growth under 100 MB, to the same diff ID', {
    timeout: 240_000,
  }, async () => {
    const target = join(dir, 'tree');
    mkdirSync(target);
    const generated = createHash('sha256');
    const applied = await peakRss(() =>
      applyLayer(Readable.from(generatedLayer(generated), { objectMode: false }), target, {
        whiteouts: 'overlay',
        compression: 'none',
      }),
    );
    expect(applied.value.diffId).toBe(`sha256:${generated.digest('hex')}`);
    expect(applied.value.size).toBeGreaterThan(FILES * FILE_SIZE);
    expect(statSync(join(target, 'data/file-29')).size).toBe(FILE_SIZE);
    expect(applied.growth).toBeLessThan(RSS_LIMIT);

    const diffed = await peakRss(async () => {
      const { stream, done } = diffLayer(target, { mode: 'full', compression: 'gzip' });
      const blob = createHash('sha256');
      for await (const chunk of stream) blob.update(chunk as Buffer);
      const result = await done;
      return { result, blob: `sha256:${blob.digest('hex')}` };
    });
    expect(diffed.value.result.diffId).toBe(applied.value.diffId);
    expect(diffed.value.result.digest).toBe(diffed.value.blob);
    expect(diffed.growth).toBeLessThan(RSS_LIMIT);
    console.log(
      `300 MiB layer: apply RSS +${(applied.growth / 2 ** 20).toFixed(1)} MiB, diff RSS +${(diffed.growth / 2 ** 20).toFixed(1)} MiB`,
    );
  });
});
