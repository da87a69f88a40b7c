import { mkdir, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../../../test/helpers/temp-dir.js';
import { removeEmptyStubs } from './stubs.js';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('stubs');
});

afterEach(async () => {
  await removeTempDir(dir);
});

describe('removeEmptyStubs', () => {
  it('removes the empty stubs a runtime made, keeps filled ones, and keeps the parents’ times', async () => {
    const upper = join(dir, 'upper');
    await mkdir(join(upper, 'etc'), { recursive: true });
    await mkdir(join(upper, 'run', 'secrets'), { recursive: true });
    await writeFile(join(upper, 'etc', 'hosts'), '');
    await writeFile(join(upper, 'etc', 'resolv.conf'), 'nameserver 10.0.0.1\n');
    await writeFile(join(upper, 'run', 'secrets', 'tok'), '');
    await utimes(join(upper, 'etc'), 1_000_000_000, 1_000_000_000);
    await removeEmptyStubs(upper, [
      '/etc/hosts',
      '/etc/resolv.conf',
      '/run/secrets/tok',
      '/run/secrets',
      '/run',
      '/missing',
    ]);
    expect((await readdir(join(upper, 'etc'))).sort()).toEqual(['resolv.conf']);
    expect(await readdir(upper)).toEqual(['etc']);
    expect((await stat(join(upper, 'etc'))).mtimeMs).toBe(1_000_000_000_000);
  });

  it('never follows a symlink the step put where a parent was', async () => {
    const upper = join(dir, 'upper');
    const outside = join(dir, 'outside');
    await mkdir(upper, { recursive: true });
    await mkdir(outside);
    await writeFile(join(outside, 'hosts'), '');
    await symlink(outside, join(upper, 'etc'));
    await removeEmptyStubs(upper, ['/etc/hosts', '/etc/../etc/hosts']);
    expect(await readdir(outside)).toEqual(['hosts']);
  });
});
