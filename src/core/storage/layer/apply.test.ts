import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../../../test/helpers/temp-dir.js';
import { isLighterError } from '../../errors.js';
import { applyLayer } from './apply.js';
import {
  attributesLayer,
  CAP_SETUID,
  FIXTURE_MTIME,
  type FixtureEntry,
  LONG_NAME,
  rawArchive,
  run,
  streamOf,
  tarStreamArchive,
} from './test-support.js';
import { readXattrTree } from './xattr.js';

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await makeTempDir('apply');
  target = join(dir, 'layer');
  mkdirSync(target);
});

afterEach(async () => {
  await removeTempDir(dir);
});

describe('applyLayer keeps what the archive says', () => {
  it('modes (setuid, setgid, sticky), owners (including PAX ids past 2^21) and file data', async () => {
    await applyLayer(streamOf(attributesLayer()), target, { whiteouts: 'overlay' });
    const mode = (p: string) => lstatSync(join(target, p)).mode & 0o7777;
    expect(mode('bin/su')).toBe(0o4755);
    expect(mode('tmp')).toBe(0o1777);
    expect(mode('home/u')).toBe(0o700);
    expect(mode('home/u/setgid-dir')).toBe(0o2775);
    expect(mode('home/u/secret')).toBe(0o600);
    expect(lstatSync(join(target, 'home/u/secret'))).toMatchObject({ uid: 1000, gid: 1000 });
    expect(lstatSync(join(target, 'big-ids'))).toMatchObject({ uid: 3_000_000, gid: 4_000_000 });
    expect(readFileSync(join(target, LONG_NAME), 'utf8')).toBe('long');
    expect(readFileSync(join(target, 'données/été.txt'), 'utf8')).toBe('utf8');
  });

  it('symlink targets, hardlinks, devices and FIFOs', async () => {
    await applyLayer(streamOf(attributesLayer()), target, { whiteouts: 'overlay', isRoot: true });
    expect(readlinkSync(join(target, 'bin/sh'))).toBe('busybox');
    expect(readlinkSync(join(target, 'lib'))).toBe('/usr/lib');
    expect(lstatSync(join(target, 'bin/su-again')).ino).toBe(lstatSync(join(target, 'bin/su')).ino);
    expect(lstatSync(join(target, 'bin/su')).nlink).toBe(2);
    const devNull = lstatSync(join(target, 'dev/null'));
    expect(devNull.isCharacterDevice()).toBe(true);
    expect(devNull.rdev).toBe((1 << 8) | 3);
    expect(devNull.mode & 0o7777).toBe(0o666);
    const loop = lstatSync(join(target, 'dev/loop0'));
    expect(loop.isBlockDevice()).toBe(true);
    expect(loop.rdev).toBe(7 << 8);
    expect(loop.gid).toBe(6);
    const fifo = lstatSync(join(target, 'run/fifo'));
    expect(fifo.isFIFO()).toBe(true);
    expect(fifo.mode & 0o7777).toBe(0o620);
  });

  it('mtimes of files, symlinks and directories (set after their children)', async () => {
    await applyLayer(streamOf(attributesLayer()), target, { whiteouts: 'overlay' });
    const mtime = (p: string) => Math.floor(lstatSync(join(target, p)).mtimeMs / 1000);
    expect(mtime('bin')).toBe(1_100_000_000);
    expect(mtime('bin/su')).toBe(1_200_000_000);
    expect(mtime('bin/sh')).toBe(1_300_000_000);
    expect(mtime('home/u')).toBe(FIXTURE_MTIME);
  });

  it('xattrs from SCHILY.xattr records, binary values intact', async () => {
    const result = await applyLayer(streamOf(attributesLayer()), target, { whiteouts: 'overlay' });
    expect(result.skipped.xattrs).toBe(0);
    const xattrs = (await readXattrTree(target)).byPath;
    expect(xattrs.get('bin/ping')).toEqual([['security.capability', CAP_SETUID]]);
    expect(xattrs.get('text')).toEqual([['user.mime', Buffer.from('text/plain')]]);
    // getcap reads the same bytes the kernel does.
    expect(
      run('getfattr', ['-n', 'security.capability', '-e', 'hex', join(target, 'bin/ping')]),
    ).toContain('0x0100000280000000');
  });

  it('xattrs written by tar-stream as PAX text, and on a symlink', async () => {
    const tar = await tarStreamArchive([
      { name: 'f', data: 'x', pax: { 'SCHILY.xattr.user.note': 'héllo' } },
      {
        name: 'l',
        type: 'symlink',
        linkname: 'f',
        pax: { 'SCHILY.xattr.trusted.tag': 'on-the-link' },
      },
    ]);
    await applyLayer(streamOf(tar), target, { whiteouts: 'apply' });
    const xattrs = (await readXattrTree(target)).byPath;
    expect(xattrs.get('f')).toEqual([['user.note', Buffer.from('héllo')]]);
    expect(xattrs.get('l')).toEqual([['trusted.tag', Buffer.from('on-the-link')]]);
  });

  it('maps owners through an id map', async () => {
    const tar = rawArchive([
      { name: 'root-file', data: 'r' },
      { name: 'user/file', data: 'u', uid: 1000, gid: 1000 },
    ]);
    const idMap = {
      uids: [{ containerId: 0, hostId: 200_000, size: 65_536 }],
      gids: [{ containerId: 0, hostId: 300_000, size: 65_536 }],
    };
    await applyLayer(streamOf(tar), target, { whiteouts: 'overlay', idMap });
    expect(lstatSync(join(target, 'root-file'))).toMatchObject({ uid: 200_000, gid: 300_000 });
    expect(lstatSync(join(target, 'user/file'))).toMatchObject({ uid: 201_000, gid: 301_000 });
    // Parents the archive did not list belong to the mapped root as well.
    expect(lstatSync(join(target, 'user'))).toMatchObject({ uid: 200_000, gid: 300_000 });

    const unmapped = rawArchive([{ name: 'x', data: '', uid: 70_000 }]);
    const err = await applyLayer(streamOf(unmapped), target, { whiteouts: 'overlay', idMap }).catch(
      (e) => e,
    );
    expect(isLighterError(err, 'ERR_UNSUPPORTED')).toBe(true);
    expect(err.message).toContain('uid 70000 has no mapping');
  });
});

describe('applyLayer digests and decompresses', () => {
  const entries: FixtureEntry[] = [
    { name: 'a/', type: 'directory' },
    { name: 'a/b', data: 'content of b' },
  ];

  for (const compression of ['none', 'gzip', 'zstd'] as const) {
    it(`gives the diff ID of the uncompressed tar (${compression}, and auto-detected)`, async () => {
      const tar = await tarStreamArchive(entries);
      const blob =
        compression === 'gzip'
          ? gzipSync(tar)
          : compression === 'zstd'
            ? zstdCompressSync(tar)
            : tar;
      const expected = `sha256:${createHash('sha256').update(tar).digest('hex')}`;
      for (const option of [compression, 'auto'] as const) {
        const into = join(dir, `${compression}-${option}`);
        mkdirSync(into);
        const result = await applyLayer(streamOf(blob), into, {
          whiteouts: 'apply',
          compression: option,
        });
        expect(result).toMatchObject({
          diffId: expected,
          size: tar.length,
          compressedSize: blob.length,
          entries: 2,
        });
        expect(readFileSync(join(into, 'a/b'), 'utf8')).toBe('content of b');
      }
    });
  }

  it('digests every byte, trailing padding after the end-of-archive blocks included', async () => {
    const tar = Buffer.concat([await tarStreamArchive(entries), Buffer.alloc(10240)]);
    const result = await applyLayer(streamOf(tar), target, { whiteouts: 'apply' });
    expect(result.diffId).toBe(`sha256:${createHash('sha256').update(tar).digest('hex')}`);
    expect(result.size).toBe(tar.length);
  });

  it('fails with ERR_UNSAFE_ARCHIVE on corrupt gzip and on a truncated tar', async () => {
    const tar = await tarStreamArchive([{ name: 'f', data: 'x'.repeat(5000) }]);
    const corrupt = gzipSync(tar);
    const at = corrupt.length - 20;
    corrupt.writeUInt8(corrupt.readUInt8(at) ^ 0xff, at);
    const err1 = await applyLayer(streamOf(corrupt), target, { whiteouts: 'apply' }).catch(
      (e) => e,
    );
    expect(isLighterError(err1, 'ERR_UNSAFE_ARCHIVE'), String(err1)).toBe(true);
    const err2 = await applyLayer(streamOf(tar.subarray(0, 1500)), target, {
      whiteouts: 'apply',
    }).catch((e) => e);
    expect(isLighterError(err2, 'ERR_UNSAFE_ARCHIVE'), String(err2)).toBe(true);
  });

  it('rejects bad options eagerly', async () => {
    await expect(
      applyLayer(streamOf(Buffer.alloc(0)), target, { whiteouts: 'nope' as 'apply' }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
    await expect(
      applyLayer(streamOf(Buffer.alloc(0)), join(dir, 'missing'), { whiteouts: 'apply' }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});

describe('applyLayer replaces existing entries as tar semantics require', () => {
  async function layers(...archives: FixtureEntry[][]) {
    for (const entries of archives) {
      await applyLayer(streamOf(await tarStreamArchive(entries)), target, { whiteouts: 'apply' });
    }
  }

  it('a file over a directory, a directory over a file, a symlink over a directory', async () => {
    await layers(
      [
        { name: 'd/', type: 'directory' },
        { name: 'd/child', data: 'c' },
        { name: 'f', data: 'file' },
        { name: 's/', type: 'directory' },
      ],
      [
        { name: 'd', data: 'now a file' },
        { name: 'f/', type: 'directory' },
        { name: 's', type: 'symlink', linkname: 'd' },
      ],
    );
    expect(readFileSync(join(target, 'd'), 'utf8')).toBe('now a file');
    expect(lstatSync(join(target, 'f')).isDirectory()).toBe(true);
    expect(readlinkSync(join(target, 's'))).toBe('d');
  });

  it('a directory over a directory keeps the contents and takes the new attributes', async () => {
    await layers(
      [
        { name: 'd/', type: 'directory', mode: 0o755 },
        { name: 'd/old', data: 'o' },
      ],
      [
        { name: 'd/', type: 'directory', mode: 0o700, mtime: 1_234_567_890 },
        { name: 'd/new', data: 'n' },
      ],
    );
    expect(readdirSync(join(target, 'd')).sort()).toEqual(['new', 'old']);
    const st = lstatSync(join(target, 'd'));
    expect(st.mode & 0o7777).toBe(0o700);
    expect(Math.floor(st.mtimeMs / 1000)).toBe(1_234_567_890);
  });

  it('a hardlink over an existing file', async () => {
    await layers([
      { name: 'a', data: 'a' },
      { name: 'b', data: 'b' },
      { name: 'b', type: 'link', linkname: 'a' },
    ]);
    expect(readFileSync(join(target, 'b'), 'utf8')).toBe('a');
    expect(lstatSync(join(target, 'b')).ino).toBe(lstatSync(join(target, 'a')).ino);
  });
});

describe("applyLayer whiteouts in 'apply' mode", () => {
  it('delete files and directories of earlier layers', async () => {
    await applyLayer(
      streamOf(
        await tarStreamArchive([
          { name: 'x', data: 'x' },
          { name: 'd/', type: 'directory' },
          { name: 'd/deep/file', data: 'f' },
        ]),
      ),
      target,
      { whiteouts: 'apply' },
    );
    await applyLayer(
      streamOf(
        await tarStreamArchive([
          { name: '.wh.x', data: '' },
          { name: '.wh.d', data: '' },
          { name: '.wh.never-existed', data: '' },
        ]),
      ),
      target,
      { whiteouts: 'apply' },
    );
    expect(readdirSync(target)).toEqual([]);
  });

  it('spare what the same layer wrote, whatever the order (OCI: whiteouts apply to lower layers only)', async () => {
    await applyLayer(
      streamOf(
        await tarStreamArchive([
          { name: 'a/', type: 'directory' },
          { name: 'a/b/', type: 'directory' },
          { name: 'a/b/c/', type: 'directory' },
          { name: 'a/b/c/bar', data: 'lower' },
          { name: 'a/keep-not', data: 'lower' },
        ]),
      ),
      target,
      { whiteouts: 'apply' },
    );
    // The spec's example: the opaque marker comes after the new a/b/c/foo but applies first.
    await applyLayer(
      streamOf(
        await tarStreamArchive([
          { name: 'a/', type: 'directory' },
          { name: 'a/b/', type: 'directory' },
          { name: 'a/b/c/', type: 'directory' },
          { name: 'a/b/c/foo', data: 'upper' },
          { name: 'a/.wh..wh..opq', data: '' },
          { name: 'y', data: 'same layer' },
          { name: '.wh.y', data: '' },
        ]),
      ),
      target,
      { whiteouts: 'apply' },
    );
    expect(readdirSync(join(target, 'a'))).toEqual(['b']);
    expect(readdirSync(join(target, 'a/b/c'))).toEqual(['foo']);
    expect(existsSync(join(target, 'y'))).toBe(true);
  });

  it('skip AUFS bookkeeping entries', async () => {
    const result = await applyLayer(
      streamOf(
        await tarStreamArchive([
          { name: '.wh..wh.plnk/', type: 'directory' },
          { name: '.wh..wh.plnk/1234.5678', data: 'aufs' },
        ]),
      ),
      target,
      { whiteouts: 'apply' },
    );
    expect(result.skipped.other).toBe(2);
    expect(readdirSync(target)).toEqual([]);
  });
});
