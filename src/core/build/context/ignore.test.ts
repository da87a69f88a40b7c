// Tests for .dockerignore reading and matching, against the rules of Docker's ignorefile and patternmatcher.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { isLighterError } from '../../errors.js';
import { IgnoreMatcher, parseIgnoreFile, readContextIgnore } from './ignore.js';

describe('parseIgnoreFile', () => {
  it('reads patterns as Docker does: comments, blanks, spaces, ! and cleaning', () => {
    const text = [
      '# a comment',
      '',
      '   ',
      '*.log   ',
      '  build/  ',
      '  # not a comment: a pattern',
      '!  keep.log',
      '/abs',
      './dot/./x',
      'a//b/',
      'a/../c',
      '../outside',
      '!/node_modules/keep',
      'tab\t',
      '\r',
    ].join('\n');
    expect(parseIgnoreFile(text)).toEqual([
      '*.log',
      'build',
      '# not a comment: a pattern',
      '!keep.log',
      'abs',
      'dot/x',
      'a/b',
      'c',
      '../outside',
      '!node_modules/keep',
      'tab',
    ]);
  });

  it('strips a byte order mark and reads CRLF files', () => {
    expect(parseIgnoreFile('\uFEFF*.tmp\r\n!a.tmp\r\n')).toEqual(['*.tmp', '!a.tmp']);
  });
});

describe('IgnoreMatcher', () => {
  // [patterns, path, ignored]
  const cases: [string[], string, boolean][] = [
    [['*.md'], 'README.md', true],
    [['*.md'], 'docs/a.md', false],
    [['**/*.md'], 'docs/a.md', true],
    [['**/*.md'], 'a.md', true],
    [['**/*.md'], 'x/y/z.md', true],
    [['docs'], 'docs', true],
    [['docs'], 'docs/a/b.txt', true],
    [['docs'], 'docsx', false],
    [['docs/**'], 'docs/a', true],
    [['docs/**'], 'docs/a/b', true],
    [['docs/**'], 'docs', false],
    [['a/**/b'], 'a/b', true],
    [['a/**/b'], 'a/x/y/b', true],
    [['a/**/b'], 'a/xb', false],
    [['**'], 'anything/at/all', true],
    [['**.log'], 'x.log', true],
    [['**.log'], 'dir/y.log', true],
    [['*'], 'top', true],
    [['*'], 'top/inner/file', true],
    [['*/temp*'], 'a/temp1', true],
    [['*/temp*'], 'a/b/temp', false],
    [['*/*/temp*'], 'a/b/temp', true],
    [['temp?'], 'tempa', true],
    [['temp?'], 'temp', false],
    [['a?c'], 'a/c', false],
    [['[a-c]x'], 'bx', true],
    [['[a-c]x'], 'dx', false],
    [['[^a]x'], 'bx', true],
    [['[^a]x'], 'ax', false],
    [['\\*'], '*', true],
    [['\\*'], 'x', false],
    [['file.txt'], 'fileXtxt', false],
    [['a+b(c)'], 'a+b(c)', true],
    [['.git'], '.git/config', true],
    [['abs'], 'abs/x', true],
    // exceptions, in order
    [['*.md', '!README.md'], 'README.md', false],
    [['*.md', '!README.md'], 'a.md', true],
    [['!README.md', '*.md'], 'README.md', true],
    [['node_modules', '!node_modules/keep'], 'node_modules/x', true],
    [['node_modules', '!node_modules/keep'], 'node_modules/keep', false],
    [['node_modules', '!node_modules/keep'], 'node_modules/keep/deep', false],
    [['*', '!src', 'src/*.tmp'], 'src/a.go', false],
    [['*', '!src', 'src/*.tmp'], 'src/a.tmp', true],
    [['*', '!src', 'src/*.tmp'], 'other', true],
    [['**/*.go', '!**/main.go'], 'cmd/x/main.go', false],
  ];

  it.each(cases)('%j ignores %s: %s', (patterns, path, ignored) => {
    expect(new IgnoreMatcher(patterns).ignores(path)).toBe(ignored);
  });

  it('knows when an ignored directory may hold re-included entries', () => {
    const m = new IgnoreMatcher([
      'node_modules',
      'docs',
      '!node_modules/keep',
      '!**/README.md',
      'vendor',
    ]);
    expect(m.mayIncludeBelow('node_modules')).toBe(true);
    expect(m.mayIncludeBelow('vendor')).toBe(true); // **/README.md may be anywhere
    const n = new IgnoreMatcher(['node_modules', 'docs', '!node_modules/keep', '!docs/*.md']);
    expect(n.mayIncludeBelow('node_modules')).toBe(true);
    expect(n.mayIncludeBelow('docs')).toBe(true);
    expect(n.mayIncludeBelow('docs/deep')).toBe(false);
    expect(n.mayIncludeBelow('vendor')).toBe(false);
    expect(new IgnoreMatcher(['a']).mayIncludeBelow('a')).toBe(false);
    expect(new IgnoreMatcher(['a', '!a']).mayIncludeBelow('a')).toBe(true);
  });

  it('refuses malformed patterns and a lone !', () => {
    for (const bad of [['['], ['a[b'], ['[]'], ['[z-a]'], ['!']]) {
      let error: unknown;
      try {
        new IgnoreMatcher(bad);
      } catch (err) {
        error = err;
      }
      expect(isLighterError(error, 'ERR_INPUT')).toBe(true);
    }
  });
});

describe('readContextIgnore', () => {
  const dir = useTempDir('ignore');

  it('prefers <Dockerfile>.dockerignore next to the Dockerfile, then .dockerignore, then none', async () => {
    const context = join(dir(), 'ctx');
    await mkdir(join(context, 'docker'), { recursive: true });
    const dockerfile = join(context, 'docker', 'app.Dockerfile');
    expect(await readContextIgnore(context, dockerfile)).toMatchObject({ file: undefined });

    await writeFile(join(context, '.dockerignore'), '*.log\n');
    const plain = await readContextIgnore(context, dockerfile);
    expect(plain.file).toBe(join(context, '.dockerignore'));
    expect(plain.matcher.ignores('a.log')).toBe(true);

    await writeFile(`${dockerfile}.dockerignore`, '*.tmp\n');
    const specific = await readContextIgnore(context, dockerfile);
    expect(specific.file).toBe(`${dockerfile}.dockerignore`);
    expect(specific.matcher.ignores('a.log')).toBe(false);
    expect(specific.matcher.ignores('a.tmp')).toBe(true);
  });

  it('names the file when a pattern is bad', async () => {
    const context = join(dir(), 'bad');
    await mkdir(context, { recursive: true });
    await writeFile(join(context, '.dockerignore'), 'ok\n[oops\n');
    await expect(readContextIgnore(context)).rejects.toThrow(
      /\.dockerignore: .*syntax error in pattern "\[oops"/,
    );
  });
});
