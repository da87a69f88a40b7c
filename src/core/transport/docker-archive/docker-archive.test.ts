import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { busyboxImage } from '../../../../test/helpers/busybox.js';
import { exec, tryExec } from '../../../../test/helpers/exec.js';
import { multiArchImage, randomImage } from '../../../../test/helpers/random-image.js';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { validateLayout } from '../../../../test/helpers/validate.js';
import { type Digest, digestOf, VerifyingStream } from '../../digest.js';
import { isLighterError, type LighterError } from '../../errors.js';
import { packTar } from '../../fs/tar-pack.js';
import type { RawManifest } from '../../image.js';
import { copyBlobsOf, copyByHand } from '../../layout/testdata/copy-by-hand.js';
import { MediaType } from '../../media-types.js';
import { ociLayoutTransport as oci } from '../oci-layout/transport.js';
import { DOCKER_LAYER_TAR } from './archive-manifest.js';
import { dockerArchiveTransport as archive } from './transport.js';

const verify = (stream: Readable, desc: { digest: Digest; size: number }) =>
  pipeline(stream, new VerifyingStream(desc), new Writable({ write: (_c, _e, cb) => cb() }));

async function rejection(promise: Promise<unknown>): Promise<LighterError> {
  try {
    await promise;
  } catch (err) {
    if (isLighterError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

const blobFile = (dir: string, digest: Digest) => join(dir, 'blobs', 'sha256', digest.slice(7));

async function writeFromLayout(layoutRef: string, target: string) {
  const source = await oci.openSource(oci.parse(layoutRef));
  const dest = await archive.openDestination(archive.parse(target));
  try {
    return await copyByHand(source, dest);
  } finally {
    await dest.close();
    await source.close();
  }
}

const json = (raw: RawManifest) => JSON.parse(Buffer.from(raw.bytes).toString('utf8'));

describe('docker-archive: references', () => {
  it('parses a tag, a default tag, @N and nothing', () => {
    expect(archive.parse('/x.tar:busybox:1.36')).toEqual({
      transport: 'docker-archive',
      path: '/x.tar',
      reference: { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' },
    });
    expect(archive.parse('/x.tar:ghcr.io/o/r').reference?.tag).toBe('latest');
    expect(archive.parse('/x.tar:@2')).toEqual({
      transport: 'docker-archive',
      path: '/x.tar',
      index: 2,
    });
    expect(archive.parse('/x.tar')).toEqual({ transport: 'docker-archive', path: '/x.tar' });
    for (const rest of ['/x.tar:busybox:1.36', '/x.tar:@0', '/x.tar', '/x.tar:ghcr.io/o/r:v']) {
      expect(archive.parse(archive.format(archive.parse(rest)))).toEqual(archive.parse(rest));
    }
  });

  it('refuses digests, bad @N and bad names', () => {
    expect(() => archive.parse(`/x.tar:busybox@sha256:${'a'.repeat(64)}`)).toThrow(
      /by tag, not by digest/,
    );
    expect(() => archive.parse('/x.tar:@x')).toThrow(/image number/);
    expect(() => archive.parse('/x.tar:UPPER')).toThrow(/docker-archive:\/x\.tar:UPPER/);
    expect(() => archive.parse(':busybox')).toThrow(/no path/);
  });
});

describe('docker-archive: source', () => {
  const tmp = useTempDir('docker-archive-src');

  it('reads what skopeo writes: config as is, layers as plain tars under their diff_ids', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'skopeo.tar');
    await exec('skopeo', [
      'copy',
      '-q',
      `oci:${busybox.layoutDir}:latest`,
      `docker-archive:${file}:busybox:1`,
    ]);
    const source = await archive.openSource(archive.parse(`${file}:busybox:1`));
    const raw = await source.manifest();
    const manifest = json(raw);
    expect(raw.mediaType).toBe(MediaType.dockerManifest);
    expect(raw.digest).toBe(digestOf(raw.bytes));
    expect(manifest.config.digest).toBe(busybox.configDescriptor.digest);
    expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual(busybox.diffIds);
    expect(manifest.layers[0].mediaType).toBe(DOCKER_LAYER_TAR);
    // skopeo describes the same blobs (it labels plain layers with the gzip type).
    const theirs = JSON.parse(
      (await exec('skopeo', ['inspect', '--raw', `docker-archive:${file}`])).stdout,
    );
    expect(manifest.config).toEqual(theirs.config);
    expect(
      manifest.layers.map((l: { digest: string; size: number }) => [l.digest, l.size]),
    ).toEqual(theirs.layers.map((l: { digest: string; size: number }) => [l.digest, l.size]));
    for (const desc of [manifest.config, ...manifest.layers])
      await verify(await source.blob(desc), desc);
    await source.close();
  });

  it('serves gzip layers stored compressed as they are, under their compressed digest', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'gzip-layers.tar');
    const layer = busybox.layers[0]!;
    await packTar(file, [
      {
        name: 'manifest.json',
        type: 'file',
        data: JSON.stringify([
          { Config: 'config.json', RepoTags: ['busybox:gz'], Layers: ['layer/layer.tar.gz'] },
        ]),
      },
      {
        name: 'config.json',
        type: 'file',
        path: blobFile(busybox.layoutDir, busybox.configDescriptor.digest),
      },
      { name: 'blob', type: 'file', path: blobFile(busybox.layoutDir, layer.digest) },
      { name: 'layer', type: 'directory' },
      // Members reached through a symlink, as docker's own archives sometimes do.
      { name: 'layer/layer.tar.gz', type: 'symlink', target: '../blob' },
    ]);
    const source = await archive.openSource(archive.parse(file));
    const manifest = json(await source.manifest());
    expect(manifest.layers).toEqual([
      { mediaType: MediaType.dockerLayerGzip, size: layer.size, digest: layer.digest },
    ]);
    await verify(await source.blob(manifest.layers[0]), layer);
    await source.close();
  });

  it('picks by tag or @N; without either in a multi-image archive, ERR_NOT_FOUND listing tags', async () => {
    const busybox = await busyboxImage();
    const other = await randomImage(join(tmp(), 'other'), {
      layers: 2,
      layerSize: 300,
      seed: 'other',
    });
    const a = join(tmp(), 'a.tar');
    const b = join(tmp(), 'b.tar');
    await exec('skopeo', [
      'copy',
      '-q',
      `oci:${busybox.layoutDir}:latest`,
      `docker-archive:${a}:busybox:a`,
    ]);
    await exec('skopeo', [
      'copy',
      '-q',
      `oci:${other.layoutDir}:latest`,
      `docker-archive:${b}:quay.io/o/other:b`,
    ]);
    // Merge the two archives' members into one with two manifest.json entries.
    const members = [];
    const entries = [];
    for (const [file, dir] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      const out = join(tmp(), `x-${dir}`);
      await exec('mkdir', ['-p', out]);
      await exec('tar', ['xf', file, '-C', out]);
      const [entry] = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
      entries.push({
        ...entry,
        Config: `${dir}/${entry.Config}`,
        Layers: entry.Layers.map((l: string) => `${dir}/${l}`),
      });
      for (const f of [entry.Config, ...entry.Layers])
        members.push({ name: `${dir}/${f}`, type: 'file' as const, path: join(out, f) });
    }
    const both = join(tmp(), 'both.tar');
    await packTar(both, [
      { name: 'manifest.json', type: 'file', data: JSON.stringify(entries) },
      ...members,
    ]);

    const byTag = await archive.openSource(archive.parse(`${both}:quay.io/o/other:b`));
    expect(json(await byTag.manifest()).config.digest).toBe(other.configDescriptor.digest);
    await byTag.close();
    const byIndex = await archive.openSource(archive.parse(`${both}:@0`));
    expect(json(await byIndex.manifest()).config.digest).toBe(busybox.configDescriptor.digest);
    await byIndex.close();

    const none = await rejection(archive.openSource(archive.parse(both)));
    expect(none.code).toBe('ERR_NOT_FOUND');
    expect(none.message).toContain('docker.io/library/busybox:a, quay.io/o/other:b');
    const wrong = await rejection(archive.openSource(archive.parse(`${both}:busybox:zzz`)));
    expect(wrong.code).toBe('ERR_NOT_FOUND');
    expect(wrong.message).toMatch(/no image tagged docker.io\/library\/busybox:zzz/);
    expect((await rejection(archive.openSource(archive.parse(`${both}:@5`)))).code).toBe(
      'ERR_NOT_FOUND',
    );
  });

  it('bad input: a missing file, no manifest.json, a missing layer file', async () => {
    expect((await rejection(archive.openSource(archive.parse(join(tmp(), 'nope.tar'))))).code).toBe(
      'ERR_NOT_FOUND',
    );
    const empty = join(tmp(), 'empty.tar');
    await packTar(empty, [{ name: 'hello', type: 'file', data: 'hi' }]);
    const err = await rejection(archive.openSource(archive.parse(empty)));
    expect(err.code).toBe('ERR_NOT_FOUND');
    expect(err.message).toContain('manifest.json not found');
    const busybox = await busyboxImage();
    const broken = join(tmp(), 'broken.tar');
    await packTar(broken, [
      {
        name: 'manifest.json',
        type: 'file',
        data: JSON.stringify([{ Config: 'c.json', Layers: ['gone.tar'] }]),
      },
      {
        name: 'c.json',
        type: 'file',
        path: blobFile(busybox.layoutDir, busybox.configDescriptor.digest),
      },
    ]);
    const missing = await rejection(archive.openSource(archive.parse(broken)));
    expect(missing.code).toBe('ERR_NOT_FOUND');
    expect(missing.message).toContain('gone.tar');
  });
});

describe('docker-archive: destination', () => {
  const tmp = useTempDir('docker-archive-dst');

  it('writes what skopeo reads and copies, layers decompressed, names in full', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'lighter.tar');
    await writeFromLayout(`${busybox.layoutDir}:latest`, `${file}:busybox:1.0`);
    const list = (await exec('tar', ['tf', file])).stdout.split('\n');
    const diffHex = busybox.diffIds[0]!.slice(7);
    expect(list).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'repositories',
        `${diffHex}.tar`,
        `${busybox.configDescriptor.digest.slice(7)}.json`,
      ]),
    );
    const entries = JSON.parse((await exec('tar', ['xOf', file, 'manifest.json'])).stdout);
    expect(entries).toEqual([
      {
        Config: `${busybox.configDescriptor.digest.slice(7)}.json`,
        RepoTags: ['docker.io/library/busybox:1.0'],
        Layers: [`${diffHex}.tar`],
      },
    ]);
    const repositories = JSON.parse((await exec('tar', ['xOf', file, 'repositories'])).stdout);
    expect(Object.keys(repositories)).toEqual(['docker.io/library/busybox']);

    const inspect = JSON.parse(
      (await exec('skopeo', ['inspect', `docker-archive:${file}`])).stdout,
    );
    expect(inspect.Layers).toEqual(busybox.diffIds);
    const out = join(tmp(), 'out');
    await exec('skopeo', ['copy', '-q', `docker-archive:${file}`, `oci:${out}:x`]);
    await validateLayout(out, 'x');
    // And lighter reads its own archive back, each layer under its diff_id.
    const back = await archive.openSource(archive.parse(`${file}:busybox:1.0`));
    const manifest = json(await back.manifest());
    expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual(busybox.diffIds);
    for (const desc of manifest.layers) await verify(await back.blob(desc), desc);
    await back.close();
    expect((await readdir(tmp())).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it.skipIf(!existsSync('/usr/bin/podman'))('podman loads it', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'podman.tar');
    await writeFromLayout(`${busybox.layoutDir}:latest`, `${file}:example.com/lighter/busybox:v1`);
    const root = join(tmp(), 'podman');
    const podman = [
      '--root',
      join(root, 'root'),
      '--runroot',
      join(root, 'run'),
      '--storage-driver',
      'vfs',
    ];
    const load = await tryExec('podman', [...podman, 'load', '-i', file]);
    expect(load.stdout + load.stderr).toContain('example.com/lighter/busybox:v1');
    expect(load.code).toBe(0);
  });

  it('writes an image with several layers (a repeated layer too) that skopeo copies back identically', async () => {
    const image = await randomImage(join(tmp(), 'several'), {
      layers: 3,
      layerSize: 5000,
      seed: 'several',
      compression: 'none',
    });
    const file = join(tmp(), 'several.tar');
    await writeFromLayout(`${image.layoutDir}:latest`, file);
    const out = join(tmp(), 'several-out');
    await exec('skopeo', ['copy', '-q', `docker-archive:${file}`, `oci:${out}:x`]);
    const report = await validateLayout(out, 'x');
    expect(report.images[0]?.layers).toBe(3);
    const config = JSON.parse(
      (await exec('skopeo', ['inspect', '--config', `oci:${out}:x`])).stdout,
    );
    expect(config.rootfs.diff_ids).toEqual(image.diffIds);
  });

  it('refuses an index, and a layer that does not match its diff_id', async () => {
    const fixture = await multiArchImage(join(tmp(), 'multi'), ['linux/amd64', 'linux/arm64/v8']);
    const source = await oci.openSource(oci.parse(`${fixture.layoutDir}:latest`));
    const dest = await archive.openDestination(archive.parse(join(tmp(), 'index.tar')));
    expect(dest.capabilities.acceptsIndex).toBe(false);
    const index = await source.manifest();
    const err = await rejection(dest.putManifest(index));
    expect(err.code).toBe('ERR_UNSUPPORTED');

    // Config of the first platform with the layer of the second: the diff_ids cannot match.
    const first = fixture.images[0]!;
    const second = fixture.images[1]!;
    const child = await source.manifest(first.manifestDigest);
    const mixed = { ...first.manifest, layers: second.manifest.layers };
    const bytes = new TextEncoder().encode(JSON.stringify(mixed));
    await copyBlobsOf({ ...child, bytes }, source, dest);
    const mismatch = await rejection(
      dest.putManifest({ bytes, mediaType: child.mediaType, digest: digestOf(bytes) }),
    );
    expect(mismatch.code).toBe('ERR_DIGEST_MISMATCH');
    expect(mismatch.message).toContain('diff_id');
    await dest.close();
    await source.close();
    expect(existsSync(join(tmp(), 'index.tar'))).toBe(false);
  });

  it('a corrupt gzip layer fails putBlob with a clear error and leaves nothing behind', async () => {
    const dest = await archive.openDestination(archive.parse(join(tmp(), 'corrupt.tar')));
    const bytes = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(100, 7)]);
    const err = await rejection(
      dest.putBlob(Readable.from([bytes]), { mediaType: MediaType.ociLayerGzip }),
    );
    expect(err.code).toBe('ERR_UNSAFE_ARCHIVE');
    expect(err.message).toMatch(/decompressing layer/);
    await dest.close();
    expect((await readdir(tmp())).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
