import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { exec } from '../../../test/helpers/exec.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { isLighterError } from '../errors.js';
import { packTar } from './tar-pack.js';
import { tarTree } from './tar-tree.js';

describe('tar tree', () => {
  const tmp = useTempDir('tar');

  it('reads GNU tar archives: long names, symlinks, hard links, empty files', async () => {
    const src = join(tmp(), 'src');
    const long = `${'d'.repeat(120)}/${'f'.repeat(130)}.txt`;
    await mkdir(join(src, 'd'.repeat(120)), { recursive: true });
    await writeFile(join(src, long), 'long name');
    await writeFile(join(src, 'empty'), '');
    await writeFile(join(src, 'target'), 'the target');
    await symlink('target', join(src, 'link'));
    await exec('ln', [join(src, 'target'), join(src, 'hard')]);
    for (const format of ['gnu', 'posix']) {
      const file = join(tmp(), `${format}.tar`);
      await exec('tar', ['--format', format, '-cf', file, '-C', src, '.']);
      const tree = await tarTree(file);
      expect((await tree.readFile(long)).toString()).toBe('long name');
      expect((await tree.readFile('./link')).toString()).toBe('the target');
      expect(await text(await tree.open('hard'))).toBe('the target');
      expect(await tree.size('empty')).toBe(0);
      expect(await text(await tree.open('empty'))).toBe('');
      expect(await tree.size('missing')).toBeUndefined();
      expect((await tree.head('target', 3)).toString()).toBe('the');
      await expect(tree.readFile('missing')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
      await tree.close();
    }
  });

  it('packs reproducibly, and reads back what it packed', async () => {
    const data = join(tmp(), 'data');
    await writeFile(data, 'x'.repeat(1000));
    const members = [
      { name: 'dir', type: 'directory' as const },
      { name: 'dir/a', type: 'file' as const, data: 'hello' },
      { name: 'dir/b', type: 'file' as const, path: data },
      { name: 'dir/c', type: 'symlink' as const, target: 'a' },
    ];
    await packTar(join(tmp(), 'one.tar'), members);
    await packTar(join(tmp(), 'two.tar'), members);
    expect(await readFile(join(tmp(), 'one.tar'))).toEqual(await readFile(join(tmp(), 'two.tar')));
    const tree = await tarTree(join(tmp(), 'one.tar'));
    expect(tree.names).toEqual(['dir', 'dir/a', 'dir/b', 'dir/c']);
    expect((await tree.readFile('dir/c')).toString()).toBe('hello');
    expect(await tree.size('dir/b')).toBe(1000);
    await tree.close();
    const { stdout } = await exec('tar', ['tvf', join(tmp(), 'one.tar')]);
    expect(stdout).toContain('dir/c -> a');
  });

  it('refuses links and names that climb out of the archive', async () => {
    const file = join(tmp(), 'evil.tar');
    await packTar(file, [
      { name: 'escape', type: 'symlink', target: '../../etc/passwd' },
      { name: 'abs', type: 'symlink', target: '/etc/passwd' },
    ]);
    const tree = await tarTree(file);
    for (const name of ['escape', 'abs', '../x']) {
      const err = await tree.readFile(name).catch((e) => e);
      expect(isLighterError(err, 'ERR_UNSAFE_ARCHIVE')).toBe(true);
    }
    await tree.close();
  });

  it('detects truncated archives and files that are not tar', async () => {
    const file = join(tmp(), 'cut.tar');
    await packTar(file, [{ name: 'big', type: 'file', data: 'y'.repeat(5000) }]);
    await truncate(file, 2000);
    await expect(tarTree(file)).rejects.toMatchObject({
      code: 'ERR_UNSAFE_ARCHIVE',
      message: expect.stringMatching(/runs past the end/),
    });
    await writeFile(join(tmp(), 'text.tar'), 'hello '.repeat(200));
    await expect(tarTree(join(tmp(), 'text.tar'))).rejects.toMatchObject({
      message: expect.stringMatching(/not a valid tar archive: header checksum mismatch/),
    });
    await expect(tarTree(join(tmp(), 'absent.tar'))).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
  });

  it('reads gzip and zstd compressed archives', async () => {
    const file = join(tmp(), 'c.tar');
    await packTar(file, [{ name: 'a', type: 'file', data: 'compressed' }]);
    await exec('gzip', ['-k', file]);
    const gz = await tarTree(`${file}.gz`);
    expect((await gz.readFile('a')).toString()).toBe('compressed');
    await gz.close();
    const zstd = await exec('sh', ['-c', 'command -v zstd || true']);
    if (zstd.stdout.trim()) {
      await exec('zstd', ['-q', '-k', file]);
      const zs = await tarTree(`${file}.zst`);
      expect((await zs.readFile('a')).toString()).toBe('compressed');
      await zs.close();
    }
  });
});
