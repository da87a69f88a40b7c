import {
  appendFileSync,
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { extract as tarExtract } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../../../test/helpers/temp-dir.js';
import { applyLayer } from './apply.js';
import { diffLayer } from './diff.js';
import {
  type FixtureEntry,
  mountOverlay,
  run,
  snapshotTree,
  streamOf,
  tarStreamArchive,
  unmount,
} from './test-support.js';
import { readXattrTree } from './xattr.js';

let dir: string;
const mounts: string[] = [];

beforeEach(async () => {
  dir = await makeTempDir('whiteout');
});

afterEach(async () => {
  while (mounts.length > 0) unmount(mounts.pop() as string);
  await removeTempDir(dir);
});

function mkdirs(...names: string[]): string[] {
  return names.map((n) => {
    const p = join(dir, n);
    mkdirSync(p, { recursive: true });
    return p;
  });
}

function mount(merged: string, lowers: string[], upper?: { upperdir: string; workdir: string }) {
  mountOverlay(merged, lowers, upper);
  mounts.push(merged);
}

const LAYER_A: FixtureEntry[] = [
  { name: 'd/', type: 'directory' },
  { name: 'd/old1', data: 'old1' },
  { name: 'd/sub/', type: 'directory' },
  { name: 'd/sub/old2', data: 'old2' },
  { name: 'e/', type: 'directory' },
  { name: 'e/f', data: 'f' },
  { name: 'gone-dir/', type: 'directory' },
  { name: 'gone-dir/inner', data: 'inner' },
  { name: 'keep', data: 'keep' },
  { name: 'replaced', data: 'a file in A' },
  { name: 'x', data: 'x' },
];

// Whiteouts first in each directory, as the OCI spec recommends layers be written.
const LAYER_B: FixtureEntry[] = [
  { name: '.wh.gone-dir', data: '' },
  { name: '.wh.x', data: '' },
  { name: 'd/', type: 'directory', mode: 0o750 },
  { name: 'd/.wh..wh..opq', data: '' },
  { name: 'd/new', data: 'new' },
  { name: 'e/', type: 'directory' },
  { name: 'e/g', data: 'g' },
  { name: 'replaced/', type: 'directory' },
  { name: 'replaced/child', data: 'a directory in B' },
];

async function applyAll(
  target: string,
  whiteouts: 'overlay' | 'apply',
  ...layers: FixtureEntry[][]
) {
  for (const entries of layers) {
    await applyLayer(streamOf(await tarStreamArchive(entries)), target, { whiteouts });
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function tarNames(tar: Buffer): Promise<string[]> {
  const names: string[] = [];
  const extract = tarExtract();
  const done = (async () => {
    for await (const entry of extract) {
      names.push(entry.header.name);
      entry.resume();
    }
  })();
  extract.end(tar);
  await done;
  return names;
}

describe('overlay whiteouts', () => {
  it("'overlay' mode writes 0/0 character devices and the opaque xattr", async () => {
    const [lb] = mkdirs('lb');
    await applyAll(lb as string, 'overlay', LAYER_B);
    for (const name of ['x', 'gone-dir']) {
      const st = lstatSync(join(lb as string, name));
      expect(st.isCharacterDevice()).toBe(true);
      expect(st.rdev).toBe(0);
    }
    const xattrs = (await readXattrTree(lb as string)).byPath;
    expect(xattrs.get('d')).toEqual([['trusted.overlay.opaque', Buffer.from('y')]]);
    // The marker itself is never extracted.
    expect(readdirSync(join(lb as string, 'd'))).toEqual(['new']);
  });

  it("marks opaque directories with user.overlay.opaque when not root (overlayfs' userxattr)", async () => {
    const [lb] = mkdirs('lb') as [string];
    const tar = await tarStreamArchive(LAYER_B);
    await applyLayer(streamOf(tar), lb, { whiteouts: 'overlay', isRoot: false });
    const xattrs = (await readXattrTree(lb)).byPath;
    expect(xattrs.get('d')).toEqual([['user.overlay.opaque', Buffer.from('y')]]);
  });

  it('the overlay of A and B (lowerdir=B:A) shows B applied over A, and flattening gives the same tree', async () => {
    const [la, lb, merged, flat] = mkdirs('la', 'lb', 'merged', 'flat') as [
      string,
      string,
      string,
      string,
    ];
    await applyAll(la, 'overlay', LAYER_A);
    await applyAll(lb, 'overlay', LAYER_B);
    mount(merged, [lb, la]);

    expect(readdirSync(merged).sort()).toEqual(['d', 'e', 'keep', 'replaced']);
    expect(readdirSync(join(merged, 'd'))).toEqual(['new']);
    expect(readdirSync(join(merged, 'e')).sort()).toEqual(['f', 'g']);
    expect(readdirSync(join(merged, 'replaced'))).toEqual(['child']);
    expect(lstatSync(join(merged, 'd')).mode & 0o7777).toBe(0o750);

    await applyAll(flat, 'apply', LAYER_A, LAYER_B);
    expect(await snapshotTree(flat)).toEqual(await snapshotTree(merged));
  });
});

describe('layers that leave out parent directory entries', () => {
  const lower: FixtureEntry[] = [
    { name: 'etc/', type: 'directory', mode: 0o750, uid: 7, mtime: 1_111_111_111 },
    { name: 'etc/old', data: 'old' },
    // usr/ is given: a parent a layer leaves out is made with the time it is applied, and two
    // applications a second apart would differ.
    { name: 'usr/', type: 'directory' },
    { name: 'usr/lib/', type: 'directory' },
    { name: 'lib', type: 'symlink', linkname: 'usr/lib' },
  ];

  it('keep the attributes of the lower directory, overlaid (with lowerDirs) and flattened alike', async () => {
    const [la, lb, merged, flat] = mkdirs('la', 'lb', 'merged', 'flat') as [
      string,
      string,
      string,
      string,
    ];
    const upper: FixtureEntry[] = [
      { name: 'etc/.wh.old', data: '' },
      { name: 'etc/new', data: 'new' },
    ];
    await applyAll(la, 'overlay', lower);
    await applyLayer(streamOf(await tarStreamArchive(upper)), lb, {
      whiteouts: 'overlay',
      lowerDirs: [la],
    });
    mount(merged, [lb, la]);
    await applyAll(flat, 'apply', lower, upper);
    const etc = lstatSync(join(merged, 'etc'));
    expect({ mode: etc.mode & 0o7777, uid: etc.uid, mtime: etc.mtimeMs / 1000 }).toEqual({
      mode: 0o750,
      uid: 7,
      mtime: 1_111_111_111,
    });
    expect(await snapshotTree(flat)).toEqual(await snapshotTree(merged));
  });

  it('refuse a parent that is a symlink in a lower layer, as apply mode does', async () => {
    const [la, lb, flat] = mkdirs('la', 'lb', 'flat') as [string, string, string];
    const upper: FixtureEntry[] = [{ name: 'lib/libevil.so', data: 'x' }];
    await applyAll(la, 'overlay', lower);
    await applyAll(flat, 'apply', lower);
    const tar = await tarStreamArchive(upper);
    await expect(
      applyLayer(streamOf(tar), lb, { whiteouts: 'overlay', lowerDirs: [la] }),
    ).rejects.toMatchObject({
      code: 'ERR_UNSAFE_ARCHIVE',
      message: expect.stringContaining('parent "lib" is a symlink in a lower layer'),
    });
    await expect(applyLayer(streamOf(tar), flat, { whiteouts: 'apply' })).rejects.toMatchObject({
      code: 'ERR_UNSAFE_ARCHIVE',
      message: expect.stringContaining('parent "lib" is a symlink'),
    });
    expect(readdirSync(join(flat, 'usr/lib'))).toEqual([]);
  });
});

describe('a whiteout and a directory of the same name in one layer', () => {
  // OCI: the whiteout deletes the lower directory, whatever its place in the archive, and the
  // layer's own directory stays. In an overlay that new directory has to be opaque.
  const lower: FixtureEntry[] = [
    { name: 'd/', type: 'directory' },
    { name: 'd/old', data: 'old' },
  ];
  const orders: Record<string, FixtureEntry[]> = {
    'whiteout first': [
      { name: '.wh.d', data: '' },
      { name: 'd/', type: 'directory' },
      { name: 'd/new', data: 'new' },
    ],
    'whiteout last': [
      { name: 'd/', type: 'directory' },
      { name: 'd/new', data: 'new' },
      { name: '.wh.d', data: '' },
    ],
  };
  for (const [label, upper] of Object.entries(orders)) {
    it(`leaves only the new directory (${label}), overlaid and flattened alike`, async () => {
      const [la, lb, merged, flat] = mkdirs('la', 'lb', 'merged', 'flat') as [
        string,
        string,
        string,
        string,
      ];
      await applyAll(la, 'overlay', lower);
      await applyAll(lb, 'overlay', upper);
      mount(merged, [lb, la]);
      expect(readdirSync(join(merged, 'd'))).toEqual(['new']);
      await applyAll(flat, 'apply', lower, upper);
      expect(readdirSync(join(flat, 'd'))).toEqual(['new']);
      expect(await snapshotTree(flat)).toEqual(await snapshotTree(merged));
    });
  }
});

describe('diffLayer of an overlay upper dir', () => {
  it('turns deletions, re-created directories and changes into the expected OCI layer', async () => {
    const [la, upper, work, merged] = mkdirs('la', 'upper', 'work', 'merged') as [
      string,
      string,
      string,
      string,
    ];
    await applyAll(la, 'overlay', LAYER_A);
    mount(merged, [la], { upperdir: upper, workdir: work });

    unlinkSync(join(merged, 'x'));
    rmSync(join(merged, 'd'), { recursive: true });
    mkdirSync(join(merged, 'd'));
    writeFileSync(join(merged, 'd/new'), 'new');
    appendFileSync(join(merged, 'e/f'), ' changed');
    unlinkSync(join(merged, 'gone-dir/inner'));
    chmodSync(join(merged, 'keep'), 0o600);
    mkdirSync(join(merged, 'added'));
    writeFileSync(join(merged, 'added/h1'), 'hard');
    linkSync(join(merged, 'added/h1'), join(merged, 'added/h2'));
    symlinkSync('../keep', join(merged, 'added/link'));
    run('setfattr', ['-n', 'user.note', '-v', 'kept', join(merged, 'added/h1')]);
    const expected = await snapshotTree(merged);
    unmount(merged);
    mounts.pop();

    const { stream, done } = diffLayer(upper, { mode: 'overlay-upper', compression: 'none' });
    const tar = await collect(stream);
    const result = await done;
    const names = await tarNames(tar);
    expect(names).toEqual([
      '.wh.x',
      'added/',
      'added/h1',
      'added/h2',
      'added/link',
      'd/',
      'd/.wh..wh..opq',
      'd/new',
      'e/',
      'e/f',
      'gone-dir/',
      'gone-dir/.wh.inner',
      'keep',
    ]);
    expect(result.entries).toBe(names.length);
    expect(result.diffId).toBe(result.digest);

    // Applied over A, the diff gives the merged view: flattened ...
    const [flat, lupper, merged2] = mkdirs('flat', 'lupper', 'merged2') as [string, string, string];
    await applyAll(flat, 'apply', LAYER_A);
    await applyLayer(streamOf(tar), flat, { whiteouts: 'apply' });
    expect(await snapshotTree(flat)).toEqual(expected);

    // ... and as an overlay layer of its own.
    await applyLayer(streamOf(tar), lupper, { whiteouts: 'overlay' });
    mount(merged2, [lupper, la]);
    expect(await snapshotTree(merged2)).toEqual(expected);
  });
});
