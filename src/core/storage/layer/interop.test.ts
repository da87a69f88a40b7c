import {
  createReadStream,
  linkSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addToIndex,
  initLayout,
  readIndex,
  writeBlob,
  writeJsonBlob,
} from '../../../../test/helpers/oci-layout.js';
import { makeTempDir, removeTempDir } from '../../../../test/helpers/temp-dir.js';
import type { Digest } from '../../digest.js';
import type { ImageManifest } from '../../manifest.js';
import { MediaType } from '../../media-types.js';
import { applyLayer } from './apply.js';
import { diffLayer } from './diff.js';
import {
  attributesLayer,
  mountOverlay,
  run,
  snapshotTree,
  streamOf,
  unmount,
} from './test-support.js';

// Layers written by other tools apply to the same tree those tools extract, and layers we
// write extract, with GNU tar and umoci, to the tree we started from.

let dir: string;
const mounts: string[] = [];

beforeEach(async () => {
  dir = await makeTempDir('interop');
});

afterEach(async () => {
  while (mounts.length > 0) unmount(mounts.pop() as string);
  await removeTempDir(dir);
});

function fresh(name: string): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

async function richTree(): Promise<string> {
  const src = fresh('src');
  await applyLayer(streamOf(attributesLayer()), src, { whiteouts: 'apply' });
  return src;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const GNU_TAR_X = ['--xattrs', '--xattrs-include=*', '--numeric-owner', '-xpf'];

describe('GNU tar', () => {
  for (const format of ['pax', 'gnu'] as const) {
    it(`a layer GNU tar wrote (--format=${format}) applies to the tree tar -x gives`, async () => {
      const src = await richTree();
      const layer = join(dir, 'layer.tar');
      const xattrs = format === 'pax' ? ['--xattrs', '--xattrs-include=*'] : [];
      run('tar', [
        ...xattrs,
        `--format=${format}`,
        '--numeric-owner',
        '-C',
        src,
        '-cf',
        layer,
        '.',
      ]);

      const ours = fresh('ours');
      await applyLayer(createReadStream(layer), ours, { whiteouts: 'apply' });
      const theirs = fresh('theirs');
      run('tar', [...GNU_TAR_X, layer, '-C', theirs]);
      const expected = await snapshotTree(theirs);
      expect(await snapshotTree(ours)).toEqual(expected);
      if (format === 'pax') expect(expected).toEqual(await snapshotTree(src));
    });
  }

  it('extracts a layer diffLayer wrote to the tree it came from (PAX records, binary xattrs)', async () => {
    const src = await richTree();
    const layer = join(dir, 'layer.tar.gz');
    const { stream, done } = diffLayer(src, { mode: 'full', compression: 'gzip' });
    writeFileSync(layer, await collect(stream));
    await done;
    const out = fresh('out');
    run('tar', [...GNU_TAR_X, layer, '-C', out]);
    expect(await snapshotTree(out)).toEqual(await snapshotTree(src));
    // tar -t reads the same names, owners past 2^21 included.
    const listing = run('tar', ['--numeric-owner', '-tvzf', layer]);
    expect(listing).toMatch(/3000000\/4000000 .* big-ids/);
  });
});

describe('umoci', () => {
  async function manifestOf(layout: string, tag: string): Promise<ImageManifest> {
    const index = await readIndex(layout);
    const desc = index.manifests.find(
      (m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag,
    );
    if (!desc) throw new Error(`no ${tag} in ${layout}`);
    return JSON.parse(readFileSync(blobPath(layout, desc.digest), 'utf8')) as ImageManifest;
  }

  function blobPath(layout: string, digest: Digest): string {
    return join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length));
  }

  it('layers umoci repacked (additions, then deletions as whiteouts) rebuild its rootfs, flattened and overlaid', async () => {
    const layout = join(dir, 'layout');
    const bundle = join(dir, 'bundle');
    run('umoci', ['init', '--layout', layout]);
    run('umoci', ['new', '--image', `${layout}:t`]);
    run('umoci', ['unpack', '--image', `${layout}:t`, bundle]);
    const rootfs = join(bundle, 'rootfs');

    mkdirSync(join(rootfs, 'etc/app.d'), { recursive: true });
    mkdirSync(join(rootfs, 'var/cache/pkgs'), { recursive: true });
    writeFileSync(join(rootfs, 'etc/app.conf'), 'conf');
    writeFileSync(join(rootfs, 'etc/app.d/one'), '1');
    writeFileSync(join(rootfs, 'var/cache/pkgs/big'), Buffer.alloc(100_000, 7));
    writeFileSync(join(rootfs, 'setuid'), 'x', { mode: 0o4755 });
    linkSync(join(rootfs, 'etc/app.conf'), join(rootfs, 'etc/app.conf.bak'));
    symlinkSync('app.conf', join(rootfs, 'etc/current'));
    run('chown', ['1234:5678', join(rootfs, 'etc/app.d/one')]);
    run('umoci', ['repack', '--refresh-bundle', '--image', `${layout}:t`, bundle]);

    // Second layer: deletions, a replaced directory, a changed file.
    unlinkSync(join(rootfs, 'etc/app.conf.bak'));
    rmSync(join(rootfs, 'var/cache/pkgs'), { recursive: true });
    rmSync(join(rootfs, 'etc/app.d'), { recursive: true });
    mkdirSync(join(rootfs, 'etc/app.d'));
    writeFileSync(join(rootfs, 'etc/app.d/two'), '2');
    writeFileSync(join(rootfs, 'etc/app.conf'), 'conf v2');
    utimesSync(join(rootfs, 'etc/app.conf'), 1_500_000_000, 1_500_000_000);
    run('umoci', ['repack', '--image', `${layout}:t`, bundle]);
    // Go's tar writer rounds mtimes to the second, so the layers may be a second off the
    // rootfs: file mtimes are compared with umoci's own unpack instead. Directory mtimes are
    // not, since umoci sets them before applying the whiteouts inside (which touch them again).
    const expected = await snapshotTree(rootfs, { mtimes: false });
    const unpacked = join(dir, 'umoci-rootfs');
    run('umoci', ['raw', 'unpack', '--image', `${layout}:t`, unpacked]);
    const expectedWithTimes = await snapshotTree(unpacked, { dirMtimes: false });
    expect(await snapshotTree(unpacked, { mtimes: false })).toEqual(expected);

    const manifest = await manifestOf(layout, 't');
    expect(manifest.layers.length).toBe(2);
    const second = run('tar', [
      '-tzf',
      blobPath(layout, (manifest.layers[1] as { digest: Digest }).digest),
    ]);
    expect(second).toMatch(/\.wh\.app\.conf\.bak/);
    const flat = fresh('flat');
    const layerDirs: string[] = [];
    for (const [i, layer] of manifest.layers.entries()) {
      const result = await applyLayer(createReadStream(blobPath(layout, layer.digest)), flat, {
        whiteouts: 'apply',
      });
      expect(result.compressedSize).toBe(layer.size);
      const own = fresh(`layer${i}`);
      await applyLayer(createReadStream(blobPath(layout, layer.digest)), own, {
        whiteouts: 'overlay',
        lowerDirs: layerDirs,
      });
      layerDirs.unshift(own);
    }
    expect(await snapshotTree(flat, { dirMtimes: false })).toEqual(expectedWithTimes);

    const merged = fresh('merged');
    mountOverlay(merged, layerDirs);
    mounts.push(merged);
    expect(await snapshotTree(merged)).toEqual(await snapshotTree(flat));
  });

  it('umoci raw unpack of an image made of diffLayer layers gives the tree we diffed', async () => {
    const src = await richTree();
    // A copy, not a second application: the parents the layer leaves out get the time they are
    // made, and two applications a second apart would differ.
    const lower = fresh('lower');
    run('cp', ['-a', `${src}/.`, lower]);
    const upper = fresh('upper');
    const work = fresh('work');
    const merged = fresh('merged');
    mountOverlay(merged, [lower], { upperdir: upper, workdir: work });
    mounts.push(merged);
    rmSync(join(merged, 'bin/ping'));
    rmSync(join(merged, 'home'), { recursive: true });
    mkdirSync(join(merged, 'home'));
    writeFileSync(join(merged, 'home/new'), 'new');
    writeFileSync(join(merged, 'bin/su'), 'patched');
    const expected = await snapshotTree(merged);
    unmount(merged);
    mounts.pop();

    const layout = fresh('layout');
    await initLayout(layout);
    const layers = [];
    const diffIds: string[] = [];
    for (const [tree, mode] of [
      [src, 'full'],
      [upper, 'overlay-upper'],
    ] as const) {
      const { stream, done } = diffLayer(tree, { mode, compression: 'gzip' });
      const blob = await collect(stream);
      const result = await done;
      const desc = await writeBlob(layout, blob, MediaType.ociLayerGzip);
      expect(desc.digest).toBe(result.digest);
      layers.push(desc);
      diffIds.push(result.diffId);
    }
    const config = await writeJsonBlob(
      layout,
      {
        architecture: 'amd64',
        os: 'linux',
        config: {},
        rootfs: { type: 'layers', diff_ids: diffIds },
      },
      MediaType.ociConfig,
    );
    const manifest = await writeJsonBlob(
      layout,
      { schemaVersion: 2, mediaType: MediaType.ociManifest, config, layers },
      MediaType.ociManifest,
    );
    await addToIndex(layout, manifest, 'ours');

    const out = join(dir, 'umoci-rootfs');
    run('umoci', ['raw', 'unpack', '--image', `${layout}:ours`, out]);
    expect(await snapshotTree(out)).toEqual(expected);
  });
});
