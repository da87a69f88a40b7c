// The copy engine end to end: real registries and OCI layouts on both sides, peers as judges.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CopyOptions, copyImage } from '../src/core/copy/copy.js';
import { digestOf } from '../src/core/digest.js';
import { isLighterError } from '../src/core/errors.js';
import { parseManifest } from '../src/core/manifest.js';
import { MediaType } from '../src/core/media-types.js';
import { parsePlatform } from '../src/core/platform.js';
import { openDestination, openSource, parseImageName } from '../src/core/transport/index.js';
import type { OpenOptions } from '../src/core/transport/types.js';
import { busyboxImage } from './helpers/busybox.js';
import { exec, tryExec } from './helpers/exec.js';
import { multiArchImage, randomImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';
import { validateLayout } from './helpers/validate.js';

const open: OpenOptions = { registry: { tlsVerify: false } };

async function copy(src: string, dst: string, options: CopyOptions = {}) {
  const source = await openSource(parseImageName(src), open);
  try {
    const dest = await openDestination(parseImageName(dst), open);
    try {
      return await copyImage(source, dest, options);
    } finally {
      await dest.close();
    }
  } finally {
    await source.close();
  }
}

async function skopeoRaw(ref: string): Promise<string> {
  return (await exec('skopeo', ['inspect', '--raw', '--tls-verify=false', ref])).stdout;
}

describe('copyImage', () => {
  const registry = useRegistry();
  const other = useRegistry();
  const tmp = useTempDir('copy');

  it('copies an OCI layout to a registry and back, keeping every digest', async () => {
    const image = await busyboxImage();
    const host = registry().host;
    const pushed = await copy(image.reference, `docker://${host}/lib/busybox:1`);
    expect(pushed.digest).toBe(image.manifestDigest);
    expect(pushed.blobsCopied).toBe(2);
    const raw = await skopeoRaw(`docker://${host}/lib/busybox:1`);
    expect(digestOf(raw)).toBe(image.manifestDigest);

    const out = join(tmp(), 'back');
    const pulled = await copy(`docker://${host}/lib/busybox:1`, `oci:${out}:again`);
    expect(pulled.digest).toBe(image.manifestDigest);
    await validateLayout(out, 'again');
    // umoci unpacks what we wrote
    await exec('umoci', ['unpack', '--rootless', '--image', `${out}:again`, join(tmp(), 'bundle')]);
    const passwd = await readFile(join(tmp(), 'bundle', 'rootfs', 'etc', 'passwd'), 'utf8');
    expect(passwd).toContain('root:');
  });

  it('skips blobs the destination has and mounts across repositories', async () => {
    const image = await randomImage(join(tmp(), 'r3'), {
      layers: 3,
      layerSize: 64 * 1024,
      seed: 'skip',
    });
    const host = registry().host;
    await copy(image.reference, `docker://${host}/skip/a:1`);
    const again = await copy(image.reference, `docker://${host}/skip/a:2`);
    expect(again.blobsCopied).toBe(0);
    expect(again.blobsSkipped).toBe(4);
    // registry to registry, same registry, other repository: every blob mounted
    const mounted = await copy(`docker://${host}/skip/a:1`, `docker://${host}/skip/b:1`);
    expect(mounted.blobsCopied).toBe(0);
    expect(mounted.blobsSkipped).toBe(4);
    expect(await skopeoRaw(`docker://${host}/skip/b:1`)).toBe(
      await skopeoRaw(`docker://${host}/skip/a:1`),
    );
    // to another registry: copied
    const across = await copy(`docker://${host}/skip/a:1`, `docker://${other().host}/skip/a:1`);
    expect(across.blobsCopied).toBe(4);
    expect(across.digest).toBe(image.manifestDigest);
  });

  it('copies a multi-platform index whole, one platform, a subset, or the index only', async () => {
    const fixture = await multiArchImage(join(tmp(), 'multi'), [
      'linux/amd64',
      'linux/arm64',
      'linux/arm/v7',
    ]);
    const host = registry().host;
    const all = await copy(fixture.reference, `docker://${host}/multi/app:all`, {
      multiArch: 'all',
    });
    expect(all.digest).toBe(fixture.indexDescriptor.digest);
    expect(all.images).toHaveLength(3);
    const inspected = JSON.parse(await skopeoRaw(`docker://${host}/multi/app:all`));
    expect(inspected.manifests).toHaveLength(3);

    const one = await copy(`docker://${host}/multi/app:all`, `docker://${host}/multi/app:arm`, {
      platform: parsePlatform('linux/arm64'),
    });
    expect(one.digest).toBe(fixture.images[1]?.manifestDigest);

    const subset = await copy(fixture.reference, `oci:${join(tmp(), 'subset')}:s`, {
      multiArch: 'all',
      platforms: [parsePlatform('linux/amd64'), parsePlatform('linux/arm/v7')],
    });
    const index = parseManifest(subset.manifest);
    expect(index.kind).toBe('index');
    if (index.kind === 'index') {
      expect(index.index.manifests.map((m) => m.platform?.architecture)).toEqual(['amd64', 'arm']);
    }
    await validateLayout(join(tmp(), 'subset'), 's');

    await expect(
      copy(fixture.reference, `oci:${join(tmp(), 'subset2')}:s`, {
        multiArch: 'all',
        platforms: [parsePlatform('linux/amd64')],
        preserveDigests: true,
      }),
    ).rejects.toMatchObject({ code: 'ERR_WOULD_CHANGE_DIGEST' });

    const indexOnly = await copy(fixture.reference, `docker://${host}/multi/app:all`, {
      multiArch: 'index-only',
    });
    expect(indexOnly.digest).toBe(fixture.indexDescriptor.digest);
    expect(indexOnly.blobsCopied).toBe(0);
  });

  it('converts OCI to Docker v2s2 and recompresses to zstd, as skopeo reads them', async () => {
    const image = await randomImage(join(tmp(), 'conv'), {
      layers: 2,
      layerSize: 100_000,
      seed: 'conv',
    });
    const host = registry().host;
    const v2 = await copy(image.reference, `docker://${host}/conv/app:v2`, { format: 'v2s2' });
    expect(v2.mediaType).toBe(MediaType.dockerManifest);
    const raw = JSON.parse(await skopeoRaw(`docker://${host}/conv/app:v2`));
    expect(raw.mediaType).toBe(MediaType.dockerManifest);
    expect(raw.layers[0].mediaType).toBe(MediaType.dockerLayerGzip);
    expect(raw.layers.map((l: { digest: string }) => l.digest)).toEqual(
      image.layers.map((l) => l.digest),
    );

    await expect(
      copy(image.reference, `docker://${host}/conv/app:never`, {
        format: 'v2s2',
        preserveDigests: true,
      }),
    ).rejects.toMatchObject({ code: 'ERR_WOULD_CHANGE_DIGEST' });
    const tags = await tryExec('skopeo', [
      'list-tags',
      '--tls-verify=false',
      `docker://${host}/conv/app`,
    ]);
    expect(tags.stdout).not.toContain('never');

    const zstd = await copy(image.reference, `oci:${join(tmp(), 'zstd')}:z`, {
      compression: 'zstd',
    });
    const m = parseManifest(zstd.manifest);
    expect(
      m.kind === 'image' && m.manifest.layers.every((l) => l.mediaType === MediaType.ociLayerZstd),
    ).toBe(true);
    await validateLayout(join(tmp(), 'zstd'), 'z');
    // validateLayout decompressed every zstd layer and checked its diff_id; skopeo reads the image
    const inspected = JSON.parse(
      (await exec('skopeo', ['inspect', `oci:${join(tmp(), 'zstd')}:z`])).stdout,
    );
    expect(inspected.Layers).toEqual(
      m.kind === 'image' ? m.manifest.layers.map((l) => l.digest) : [],
    );
  });

  it('fails on a corrupt blob before any manifest is written', async () => {
    const dir = join(tmp(), 'corrupt');
    const image = await randomImage(dir, { layers: 3, layerSize: 50_000, seed: 'corrupt' });
    const victim = image.layers[1]!;
    const file = join(dir, 'blobs', 'sha256', victim.digest.slice(7));
    const bytes = await readFile(file);
    bytes[100] = (bytes[100] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    const host = registry().host;
    const err = await copy(image.reference, `docker://${host}/corrupt/app:1`).catch((e) => e);
    expect(isLighterError(err, 'ERR_DIGEST_MISMATCH')).toBe(true);
    expect(err.message).toContain(victim.digest);
    const inspect = await tryExec('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${host}/corrupt/app:1`,
    ]);
    expect(inspect.code).not.toBe(0);

    const out = join(tmp(), 'corrupt-out');
    await expect(copy(image.reference, `oci:${out}:x`)).rejects.toMatchObject({
      code: 'ERR_DIGEST_MISMATCH',
    });
    const index = await readFile(join(out, 'index.json'), 'utf8').catch(() => '{"manifests":[]}');
    expect(JSON.parse(index).manifests).toEqual([]);
  });

  it('reports unknown transports and bad names with codes', () => {
    expect(() => parseImageName('ftp://x/y')).toThrow(/unknown transport "ftp"/);
    expect(() => parseImageName('busybox')).toThrow(/expected transport:name/);
    expect(() => parseImageName('docker://Foo/Bar')).toThrow(/lowercase/);
  });
});
