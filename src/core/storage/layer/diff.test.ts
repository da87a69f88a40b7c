import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { type Header, extract as tarExtract } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../../../test/helpers/temp-dir.js';
import { digestOf } from '../../digest.js';
import { isLighterError } from '../../errors.js';
import { applyLayer } from './apply.js';
import { type DiffLayerOptions, diffLayer } from './diff.js';
import {
  attributesLayer,
  FIXTURE_MTIME,
  LONG_NAME,
  run,
  snapshotTree,
  streamOf,
} from './test-support.js';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir('diff');
});

afterEach(async () => {
  await removeTempDir(dir);
});

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function diff(tree: string, options: Partial<DiffLayerOptions> = {}) {
  const { stream, done } = diffLayer(tree, { mode: 'full', compression: 'none', ...options });
  const bytes = await collect(stream);
  return { bytes, result: await done };
}

async function headers(tar: Buffer): Promise<Header[]> {
  const out: Header[] = [];
  const extract = tarExtract();
  const done = (async () => {
    for await (const entry of extract) {
      out.push(entry.header);
      entry.resume();
    }
  })();
  extract.end(tar);
  await done;
  return out;
}

async function attributesTree(name = 'src'): Promise<string> {
  const tree = join(dir, name);
  mkdirSync(tree);
  await applyLayer(streamOf(attributesLayer()), tree, { whiteouts: 'apply' });
  return tree;
}

describe('diffLayer', () => {
  it('round-trips modes, owners, mtimes, symlinks, hardlinks, devices, FIFOs, xattrs and long names', async () => {
    const src = await attributesTree();
    const { bytes, result } = await diff(src);
    expect(result.diffId).toBe(digestOf(bytes));
    expect(result.uncompressedSize).toBe(bytes.length);

    const dst = join(dir, 'dst');
    mkdirSync(dst);
    const applied = await applyLayer(streamOf(bytes), dst, { whiteouts: 'apply' });
    expect(applied.diffId).toBe(result.diffId);
    expect(await snapshotTree(dst)).toEqual(await snapshotTree(src));

    const byName = new Map((await headers(bytes)).map((h) => [h.name, h]));
    expect(byName.get('bin/su-again')).toMatchObject({ type: 'link', linkname: 'bin/su' });
    expect(byName.get('long-link')).toMatchObject({ type: 'symlink', linkname: LONG_NAME });
    expect(byName.get(LONG_NAME)).toMatchObject({ type: 'file', size: 4 });
  });

  it('is reproducible: the same tree gives the same bytes, whatever the creation order', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    for (const [tree, order] of [
      [a, ['z', 'a', 'M', 'é', '-x']],
      [b, ['-x', 'é', 'M', 'a', 'z']],
    ] as const) {
      mkdirSync(tree);
      for (const name of order) {
        writeFileSync(join(tree, name), `content ${name}`);
        utimesSync(join(tree, name), FIXTURE_MTIME, FIXTURE_MTIME);
      }
    }
    for (const compression of ['gzip', 'zstd', 'none'] as const) {
      const first = await diff(a, { compression });
      const again = await diff(a, { compression });
      const other = await diff(b, { compression });
      expect(again.bytes.equals(first.bytes)).toBe(true);
      expect(other.bytes.equals(first.bytes)).toBe(true);
      expect(first.result.digest).toBe(digestOf(first.bytes));
      expect(other.result).toEqual(first.result);
    }
    const names = (await headers((await diff(a)).bytes)).map((h) => h.name);
    expect(names).toEqual(['-x', 'M', 'a', 'z', 'é']); // bytewise order
  });

  it('clamps mtimes to sourceDateEpoch, so touched copies of a tree give the same layer', async () => {
    const src = await attributesTree();
    const copy = join(dir, 'copy');
    run('cp', ['-a', src, copy]);
    run('find', [copy, '-exec', 'touch', '-h', '{}', '+']);
    const one = await diff(src, { sourceDateEpoch: 900_000_000, compression: 'gzip' });
    const two = await diff(copy, { sourceDateEpoch: 900_000_000, compression: 'gzip' });
    expect(two.result.digest).toBe(one.result.digest);

    const epoch = 1_150_000_000;
    const clamped = await diff(src, { sourceDateEpoch: epoch });
    const mtimes = (await headers(clamped.bytes)).map((h) => h.mtime.getTime() / 1000);
    expect(Math.max(...mtimes)).toBe(epoch); // 1.2e9 and 1.3e9 were clamped
    expect(mtimes).toContain(FIXTURE_MTIME); // older times stay as they are
    expect(mtimes).toContain(1_100_000_000);
  });

  it('writes a gzip header without name or time and with OS "unknown"', async () => {
    const src = await attributesTree();
    const { bytes, result } = await diff(src, { compression: 'gzip' });
    expect([...bytes.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    expect(digestOf(gunzipSync(bytes))).toBe(result.diffId);
    expect(result.size).toBe(bytes.length);
  });

  it('lists whiteouts of a directory first, then the opaque marker after its directory', async () => {
    const upper = join(dir, 'upper');
    mkdirSync(join(upper, 'dir'), { recursive: true });
    for (const name of ['0file', 'zz', 'dir/inner']) writeFileSync(join(upper, name), '');
    for (const name of ['b', 'A']) run('mknod', [join(upper, name), 'c', '0', '0']);
    run('setfattr', ['-n', 'trusted.overlay.opaque', '-v', 'y', join(upper, 'dir')]);
    run('setfattr', ['-n', 'trusted.overlay.origin', '-v', '0x00', join(upper, 'zz')]);
    const { bytes } = await diff(upper, { mode: 'overlay-upper' });
    const hs = await headers(bytes);
    expect(hs.map((h) => h.name)).toEqual([
      '.wh.A',
      '.wh.b',
      '0file',
      'dir/',
      'dir/.wh..wh..opq',
      'dir/inner',
      'zz',
    ]);
    expect(hs[0]).toMatchObject({ type: 'file', size: 0, uid: 0, gid: 0 });
    // overlayfs bookkeeping never reaches the layer.
    expect(bytes.includes('trusted.overlay')).toBe(false);

    // In 'full' mode the same tree is plain files and devices.
    const full = await headers((await diff(upper, { mode: 'full' })).bytes);
    expect(full.find((h) => h.name === 'A')).toMatchObject({
      type: 'character-device',
      devmajor: 0,
      devminor: 0,
    });
  });

  it('refuses what a layer cannot say: .wh. names, redirected directories, non-UTF-8 names', async () => {
    const tree = join(dir, 't');
    mkdirSync(tree);
    writeFileSync(join(tree, '.wh.looks-deleted'), '');
    const wh = diffLayer(tree, { mode: 'full', compression: 'none' });
    wh.stream.resume();
    await expect(wh.done).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED' });

    const upper = join(dir, 'u');
    mkdirSync(join(upper, 'renamed'), { recursive: true });
    run('setfattr', ['-n', 'trusted.overlay.redirect', '-v', '/orig', join(upper, 'renamed')]);
    const redirected = diffLayer(upper, { mode: 'overlay-upper', compression: 'gzip' });
    const streamError = collect(redirected.stream).catch((e: unknown) => e);
    const err = await redirected.done.catch((e: unknown) => e);
    expect(isLighterError(err, 'ERR_UNSUPPORTED')).toBe(true);
    expect((err as Error).message).toMatch(/^writing layer from .*redirect_dir=off/);
    expect(await streamError).toBeInstanceOf(Error);

    const latin1 = join(dir, 'l');
    mkdirSync(latin1);
    writeFileSync(Buffer.from(`${latin1}/caf\xe9`, 'latin1'), '');
    const bad = diffLayer(latin1, { mode: 'full', compression: 'none' });
    bad.stream.resume();
    await expect(bad.done).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED' });
  });

  it('skips sockets', async () => {
    const tree = join(dir, 's');
    mkdirSync(tree);
    writeFileSync(join(tree, 'file'), 'x');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(tree, 'sock'), resolve));
    try {
      expect(readdirSync(tree).sort()).toEqual(['file', 'sock']);
      const names = (await headers((await diff(tree)).bytes)).map((h) => h.name);
      expect(names).toEqual(['file']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects bad options eagerly', () => {
    expect(() => diffLayer(dir, { mode: 'full', compression: 'lz4' as 'gzip' })).toThrow(
      /compression/,
    );
    expect(() =>
      diffLayer(dir, { mode: 'full', compression: 'gzip', sourceDateEpoch: -1 }),
    ).toThrow(/sourceDateEpoch/);
    expect(() => diffLayer(join(dir, 'missing'), { mode: 'full', compression: 'gzip' })).toThrow(
      /cannot read/,
    );
  });
});
