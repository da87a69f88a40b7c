// Tests for COPY/ADD source resolution and the source content hash.
import { chmod, chown, cp, mkdir, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { isLighterError, type LighterError } from '../../errors.js';
import { hashSources } from './hash.js';
import { IgnoreMatcher } from './ignore.js';
import { resolveSources, type SourceOptions } from './sources.js';

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

type Row = [path: string, target: string, type: string];

async function resolve(
  root: string,
  patterns: string[],
  options: SourceOptions = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const e of resolveSources(root, patterns, options)) {
    const type = e.stat.isSymbolicLink() ? 'link' : e.stat.isDirectory() ? 'dir' : 'file';
    rows.push([e.path, e.target, type]);
  }
  return rows;
}

async function failure(
  root: string,
  patterns: string[],
  options: SourceOptions = {},
): Promise<LighterError> {
  try {
    await resolve(root, patterns, options);
  } catch (err) {
    expect(isLighterError(err, 'ERR_DOCKERFILE')).toBe(true);
    return err as LighterError;
  }
  throw new Error('expected resolveSources to fail');
}

describe('resolveSources', () => {
  const dir = useTempDir('sources');
  let ctx: string;

  beforeAll(async () => {
    ctx = join(dir(), 'ctx');
    await tree(ctx, {
      'a.txt': 'a',
      'b.txt': 'b',
      'c.md': 'c',
      'arr[0].txt': 'bracket',
      'src/main.go': 'package main',
      'src/util/u.go': 'package util',
      'src/util/README.md': 'readme',
      'src/docs/x.md': 'x',
      'x/a.txt': 'xa',
      'x/y/a.txt': 'xya',
      'x/y/b.txt': 'xyb',
      'y/a.txt': 'ya',
      'links/to-file': '->../a.txt',
      'links/to-dir': '->../src/util',
      'links/abs': '->/etc/passwd',
      'links/up': '->../../outside',
      'links/dangling': '->nowhere',
      via: '->src',
      escape: '->..',
      'node_modules/a/i.js': 'a',
      'node_modules/keep/k.js': 'k',
      'secret.env': 'KEY=1',
    });
  });

  it('copies a file under its name and a directory as its contents', async () => {
    expect(await resolve(ctx, ['a.txt', 'src'])).toEqual([
      ['a.txt', 'a.txt', 'file'],
      ['src', '', 'dir'],
      ['src/docs', 'docs', 'dir'],
      ['src/docs/x.md', 'docs/x.md', 'file'],
      ['src/main.go', 'main.go', 'file'],
      ['src/util', 'util', 'dir'],
      ['src/util/README.md', 'util/README.md', 'file'],
      ['src/util/u.go', 'util/u.go', 'file'],
    ]);
  });

  it('reads absolute sources from the context root, and ignores trailing slashes and dots', async () => {
    expect(await resolve(ctx, ['/a.txt', './src/util/', 'src/./util/../main.go'])).toEqual([
      ['a.txt', 'a.txt', 'file'],
      ['src/util', '', 'dir'],
      ['src/util/README.md', 'README.md', 'file'],
      ['src/util/u.go', 'u.go', 'file'],
      ['src/main.go', 'main.go', 'file'],
    ]);
  });

  it.each([['../x'], ['../../etc/passwd'], ['a/../../x'], ['/../x'], ['..']])(
    'refuses %s, which is outside the build context',
    async (source) => {
      const err = await failure(ctx, [source], { position: { file: 'Dockerfile', line: 7 } });
      expect(err.message).toBe(`Dockerfile:7: COPY failed: ${source} is outside the build context`);
      expect(err.details).toEqual({ file: 'Dockerfile', line: 7 });
    },
  );

  it('refuses a path through a symlink that leaves the context', async () => {
    const err = await failure(ctx, ['escape/x'], { instruction: 'ADD' });
    expect(err.message).toBe('ADD failed: escape/x is outside the build context');
    expect((await failure(ctx, ['links/up/x'])).message).toMatch(/outside the build context/);
  });

  it('matches wildcards by Go filepath.Match rules, component by component', async () => {
    expect(await resolve(ctx, ['*.txt'])).toEqual([
      ['a.txt', 'a.txt', 'file'],
      ['arr[0].txt', 'arr[0].txt', 'file'],
      ['b.txt', 'b.txt', 'file'],
    ]);
    expect(await resolve(ctx, ['?.md', 'src/*/u.go', '[xy]/a.txt'])).toEqual([
      ['c.md', 'c.md', 'file'],
      ['src/util/u.go', 'u.go', 'file'],
      ['x/a.txt', 'a.txt', 'file'],
      ['y/a.txt', 'a.txt', 'file'],
    ]);
    // Without --parents, ** is just two stars: it does not cross directories.
    expect(await resolve(ctx, ['src/**.go'])).toEqual([['src/main.go', 'main.go', 'file']]);
    // Brackets in a name are escaped as Docker documents.
    expect(await resolve(ctx, ['arr[[]0].txt'])).toEqual([['arr[0].txt', 'arr[0].txt', 'file']]);
    // A path without wildcards is taken literally, backslashes included (BuildKit does the same).
    expect((await failure(ctx, ['arr\\[0\\].txt'])).message).toMatch(/not found/);
    expect(await resolve(ctx, ['*/a\\.txt'])).toEqual([
      ['x/a.txt', 'a.txt', 'file'],
      ['y/a.txt', 'a.txt', 'file'],
    ]);
  });

  it('accepts a wildcard matching nothing, and refuses a missing literal path', async () => {
    expect(await resolve(ctx, ['*.nothing', 'missing/*'])).toEqual([]);
    expect((await failure(ctx, ['missing.txt'])).message).toBe(
      'COPY failed: "missing.txt" not found in the build context',
    );
  });

  it('treats what .dockerignore excludes as absent, and says so', async () => {
    const ignore = new IgnoreMatcher([
      '*.env',
      'node_modules',
      '!node_modules/keep',
      'src/**/*.md',
    ]);
    const options = { ignore, ignoreFile: '.dockerignore' };
    expect((await failure(ctx, ['secret.env'], options)).message).toBe(
      'COPY failed: "secret.env" is excluded from the build context by .dockerignore',
    );
    expect(await resolve(ctx, ['*.env', 'node_modules'], options)).toEqual([
      ['node_modules', '', 'dir'],
      ['node_modules/keep', 'keep', 'dir'],
      ['node_modules/keep/k.js', 'keep/k.js', 'file'],
    ]);
    expect(await resolve(ctx, ['src/util'], options)).toEqual([
      ['src/util', '', 'dir'],
      ['src/util/u.go', 'u.go', 'file'],
    ]);
  });

  it('follows a source symlink that stays in the context, else copies the link itself', async () => {
    expect(await resolve(ctx, ['links/to-file', 'links/to-dir'])).toEqual([
      ['a.txt', 'to-file', 'file'],
      ['src/util', '', 'dir'],
      ['src/util/README.md', 'README.md', 'file'],
      ['src/util/u.go', 'u.go', 'file'],
    ]);
    expect(await resolve(ctx, ['links/abs', 'links/up', 'links/dangling'])).toEqual([
      ['links/abs', 'abs', 'link'],
      ['links/up', 'up', 'link'],
      ['links/dangling', 'dangling', 'link'],
    ]);
    // Inside a copied directory, symlinks are entries, never followed.
    expect(await resolve(ctx, ['links'])).toEqual([
      ['links', '', 'dir'],
      ['links/abs', 'abs', 'link'],
      ['links/dangling', 'dangling', 'link'],
      ['links/to-dir', 'to-dir', 'link'],
      ['links/to-file', 'to-file', 'link'],
      ['links/up', 'up', 'link'],
    ]);
    // A directory symlink on the way is followed when it stays inside.
    expect(await resolve(ctx, ['via/main.go'])).toEqual([['src/main.go', 'main.go', 'file']]);
  });

  it('leaves out --exclude matches, relative to each source', async () => {
    expect(await resolve(ctx, ['src'], { exclude: ['*.go'] })).toEqual([
      ['src', '', 'dir'],
      ['src/docs', 'docs', 'dir'],
      ['src/docs/x.md', 'docs/x.md', 'file'],
      ['src/util', 'util', 'dir'],
      ['src/util/README.md', 'util/README.md', 'file'],
      ['src/util/u.go', 'util/u.go', 'file'],
    ]);
    expect(await resolve(ctx, ['src'], { exclude: ['**/*.md', 'util'] })).toEqual([
      ['src', '', 'dir'],
      ['src/docs', 'docs', 'dir'],
      ['src/main.go', 'main.go', 'file'],
    ]);
    expect(await resolve(ctx, ['*.txt', 'c.md'], { exclude: ['a*', '*.md'] })).toEqual([
      ['b.txt', 'b.txt', 'file'],
    ]);
  });

  it('keeps parent directories with --parents', async () => {
    expect(await resolve(ctx, ['./x/a.txt', './y/a.txt'], { parents: true })).toEqual([
      ['x', 'x', 'dir'],
      ['x/a.txt', 'x/a.txt', 'file'],
      ['y', 'y', 'dir'],
      ['y/a.txt', 'y/a.txt', 'file'],
    ]);
  });

  it('keeps the path after a /./ pivot with --parents', async () => {
    expect(await resolve(ctx, ['x/./y/*.txt'], { parents: true })).toEqual([
      ['x/y', 'y', 'dir'],
      ['x/y/a.txt', 'y/a.txt', 'file'],
      ['x/y/b.txt', 'y/b.txt', 'file'],
    ]);
  });

  it('lets ** span directories with --parents, and applies --exclude', async () => {
    expect(await resolve(ctx, ['src/**/*.go'], { parents: true })).toEqual([
      ['src', 'src', 'dir'],
      ['src/main.go', 'src/main.go', 'file'],
      ['src/util', 'src/util', 'dir'],
      ['src/util/u.go', 'src/util/u.go', 'file'],
    ]);
    expect(await resolve(ctx, ['src/**'], { parents: true, exclude: ['**/*.md'] })).toEqual([
      ['src', 'src', 'dir'],
      ['src/docs', 'src/docs', 'dir'],
      ['src/main.go', 'src/main.go', 'file'],
      ['src/util', 'src/util', 'dir'],
      ['src/util/u.go', 'src/util/u.go', 'file'],
    ]);
  });

  it('copies nothing for a --parents pattern matching nothing, as BuildKit', async () => {
    expect(await resolve(ctx, ['./nonexistent-file'], { parents: true })).toEqual([]);
  });
});

describe('hashSources', () => {
  const dir = useTempDir('hash');

  it('depends on content, names, modes, owners and link targets, not on times', async () => {
    const a = join(dir(), 'a');
    await tree(a, { 'f.txt': 'hello', 'd/g.txt': 'world', 'd/link': '->g.txt' });
    const base = await hashSources(a, ['.']);
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);

    const b = join(dir(), 'b');
    await cp(a, b, { recursive: true, verbatimSymlinks: true });
    await utimes(join(b, 'f.txt'), new Date(0), new Date(0));
    expect(await hashSources(b, ['.'])).toBe(base);

    const changes: [string, (root: string) => Promise<void>][] = [
      ['content', (r) => writeFile(join(r, 'f.txt'), 'hellO')],
      [
        'name',
        async (r) => {
          await writeFile(join(r, 'f2.txt'), 'hello');
          const { rm } = await import('node:fs/promises');
          await rm(join(r, 'f.txt'));
        },
      ],
      ['mode', (r) => chmod(join(r, 'f.txt'), 0o755)],
      ['owner', (r) => chown(join(r, 'f.txt'), 1000, 1000)],
      [
        'link target',
        async (r) => {
          const { rm } = await import('node:fs/promises');
          await rm(join(r, 'd/link'));
          await symlink('f.txt', join(r, 'd/link'));
        },
      ],
      ['new empty dir', (r) => mkdir(join(r, 'd/empty'))],
    ];
    for (const [what, change] of changes) {
      const copy = join(dir(), `changed-${what.replace(/ /g, '-')}`);
      await cp(a, copy, { recursive: true, verbatimSymlinks: true });
      await change(copy);
      expect(await hashSources(copy, ['.']), what).not.toBe(base);
    }
  });

  it('hashes what lands in the layer: the same files under other source names hash alike', async () => {
    const root = join(dir(), 'names');
    await tree(root, { 'one/x': '1', 'two/x': '1' });
    expect(await hashSources(root, ['one'])).toBe(await hashSources(root, ['two']));
    expect(await hashSources(root, ['one'])).not.toBe(await hashSources(root, ['one/x']));
  });
});
