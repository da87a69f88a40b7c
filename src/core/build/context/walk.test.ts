// Tests for the context walk: order, .dockerignore, and flat memory on a 20k-file tree.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { hashSources } from './hash.js';
import { IgnoreMatcher } from './ignore.js';
import { compareNames, walkContext } from './walk.js';

async function tree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith('/')) {
      await mkdir(full, { recursive: true });
      continue;
    }
    await mkdir(join(full, '..'), { recursive: true });
    if (content.startsWith('->')) await symlink(content.slice(2), full);
    else await writeFile(full, content);
  }
}

async function paths(dir: string, ignore?: IgnoreMatcher, under?: string): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of walkContext(dir, ignore, under === undefined ? {} : { under }))
    out.push(entry.path);
  return out;
}

describe('compareNames', () => {
  it('orders by code point, which is UTF-8 byte order', () => {
    const names = ['b', 'a-b', 'B', 'a', 'é', '\u{1F600}', '\uFF10', 'a.b', 'a/b'];
    expect([...names].sort(compareNames)).toEqual([
      'B',
      'a',
      'a-b',
      'a.b',
      'a/b',
      'b',
      'é',
      '\uFF10',
      '\u{1F600}',
    ]);
  });
});

describe('walkContext', () => {
  const dir = useTempDir('walk');

  it('walks depth first, each directory in name order, symlinks not followed', async () => {
    const root = join(dir(), 'order');
    await tree(root, {
      'b.txt': 'b',
      'a/z': 'z',
      'a/m/1': '1',
      'a-b': 'x',
      A: 'upper',
      'empty/': '',
      link: '->a',
    });
    expect(await paths(root)).toEqual([
      'A',
      'a',
      'a/m',
      'a/m/1',
      'a/z',
      'a-b',
      'b.txt',
      'empty',
      'link',
    ]);
    for await (const entry of walkContext(root)) {
      if (entry.path === 'link') expect(entry.stat.isSymbolicLink()).toBe(true);
      expect(entry.absolutePath).toBe(join(root, entry.path));
    }
  });

  it('skips what .dockerignore excludes and yields a directory before re-included entries', async () => {
    const root = join(dir(), 'ignore');
    await tree(root, {
      'keep.txt': '',
      'x.log': '',
      'node_modules/a/index.js': '',
      'node_modules/keep/x.js': '',
      'docs/a.md': '',
      'docs/b.txt': '',
      'src/app.ts': '',
      'src/app.test.ts': '',
    });
    const ignore = new IgnoreMatcher([
      '*.log',
      'node_modules',
      '!node_modules/keep',
      'docs',
      '**/*.test.ts',
    ]);
    expect(await paths(root, ignore)).toEqual([
      'keep.txt',
      'node_modules',
      'node_modules/keep',
      'node_modules/keep/x.js',
      'src',
      'src/app.ts',
    ]);
  });

  it('leaves out an ignored directory holding nothing re-included', async () => {
    const root = join(dir(), 'no-reinclude');
    await tree(root, { 'vendor/a/b': '', 'vendor/c': '', x: '' });
    const ignore = new IgnoreMatcher(['vendor', '!vendor/nothing-here']);
    expect(await paths(root, ignore)).toEqual(['x']);
  });

  it('walks below a subdirectory, matching ignore rules on context paths', async () => {
    const root = join(dir(), 'under');
    await tree(root, { 'sub/a.txt': '', 'sub/b.log': '', 'sub/deep/c.txt': '', 'other.txt': '' });
    expect(await paths(root, new IgnoreMatcher(['sub/*.log']), 'sub')).toEqual([
      'sub/a.txt',
      'sub/deep',
      'sub/deep/c.txt',
    ]);
  });

  it('walks a 20k-file context without its memory growing with the file count', async () => {
    const root = join(dir(), 'big');
    const dirs = 100;
    const perDir = 200;
    for (let d = 0; d < dirs; d++) {
      const sub = join(root, `d${String(d).padStart(3, '0')}`);
      await mkdir(sub, { recursive: true });
      await Promise.all(
        Array.from({ length: perDir }, (_, f) =>
          writeFile(join(sub, `file-${f}.txt`), `content ${d} ${f}\n`),
        ),
      );
    }
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let previous = '';
    for await (const entry of walkContext(root)) {
      expect(compareNames(previous, entry.path)).toBeLessThan(0);
      previous = entry.path;
      if (++count % 2500 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(count).toBe(dirs + dirs * perDir);
    // Holding 20k entries (path strings and Stats objects) would take well over 10 MB.
    expect(peak).toBeLessThan(6 * 1024 * 1024);

    gc();
    const before = process.memoryUsage().heapUsed;
    const digest = await hashSources(root, ['.']);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(6 * 1024 * 1024);
  }, 120_000);
});
