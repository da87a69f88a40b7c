// Proves the test helpers against real tools: registries via skopeo, fixtures via skopeo and umoci.

import { lstat, readFile, readlink, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Descriptor } from '../src/core/manifest.js';
import { MediaType } from '../src/core/media-types.js';
import { busyboxImage, writeBusyboxImage } from './helpers/busybox.js';
import { exec, tryExec } from './helpers/exec.js';
import { hostPlatform } from './helpers/image-fixture.js';
import { blobPath } from './helpers/oci-layout.js';
import { multiArchImage, randomImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';
import { LayoutError, validateLayout } from './helpers/validate.js';

describe('busybox fixture', () => {
  const temp = useTempDir('harness-busybox');

  it('is read by skopeo', async () => {
    const image = await busyboxImage();
    const { stdout } = await exec('skopeo', ['inspect', image.reference]);
    const info = JSON.parse(stdout) as { Digest: string; Architecture: string; Layers: string[] };
    expect(info.Digest).toBe(image.manifestDigest);
    expect(info.Architecture).toBe(hostPlatform().architecture);
    expect(info.Layers).toEqual([image.layers[0]!.digest]);
  });

  it('is unpacked by umoci into a usable rootfs', async () => {
    const image = await busyboxImage();
    const bundle = join(temp(), 'bundle');
    const rootless = process.getuid?.() === 0 ? [] : ['--rootless'];
    await exec('umoci', ['unpack', ...rootless, '--image', `${image.layoutDir}:latest`, bundle]);
    const rootfs = join(bundle, 'rootfs');
    expect((await stat(join(rootfs, 'bin/busybox'))).mode & 0o777).toBe(0o755);
    expect(await readlink(join(rootfs, 'bin/sh'))).toBe('busybox');
    expect((await lstat(join(rootfs, 'tmp'))).mode & 0o7777).toBe(0o1777);
    expect(await readFile(join(rootfs, 'etc/passwd'), 'utf8')).toMatch(/^root:x:0:0:/);
    const config = JSON.parse(await readFile(join(bundle, 'config.json'), 'utf8'));
    expect(config.process.args).toEqual(['sh']);
  });

  it('is reproducible and validates', async () => {
    const image = await busyboxImage();
    const again = await writeBusyboxImage(join(temp(), 'again'));
    expect(again.manifestDigest).toBe(image.manifestDigest);
    const report = await validateLayout(image.layoutDir, 'latest');
    expect(report.referenced).toHaveLength(3);
    expect(report.unreferenced).toEqual([]);
  });
});

describe('validateLayout', () => {
  const temp = useTempDir('harness-validate');

  it('rejects a corrupted layer blob', async () => {
    const image = await busyboxImage(join(temp(), 'corrupt'));
    const path = blobPath(image.layoutDir, image.layers[0]!.digest);
    const bytes = await readFile(path);
    bytes[bytes.length - 100]! ^= 0xff;
    await writeFile(path, bytes);
    const error = await validateLayout(image.layoutDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as LayoutError).message).toContain(`blob ${image.layers[0]!.digest} is corrupt`);
  });
});

describe('random and multi-arch fixtures', () => {
  const temp = useTempDir('harness-random');

  it('writes a random OCI image that validates and skopeo reads', async () => {
    const dir = join(temp(), 'random');
    const image = await randomImage(dir, { layers: 3, layerSize: 3 * 1024 * 1024 + 7, seed: 1 });
    await validateLayout(dir, 'latest');
    const { stdout } = await exec('skopeo', ['inspect', '--raw', image.reference]);
    expect(stdout).toBe(JSON.stringify(image.manifest));
    const again = await randomImage(join(temp(), 'random-again'), {
      layers: 3,
      layerSize: 3 * 1024 * 1024 + 7,
      seed: 1,
    });
    expect(again.manifestDigest).toBe(image.manifestDigest);
  });

  it('writes docker-format and zstd images', async () => {
    const docker = await randomImage(join(temp(), 'docker'), {
      layers: 1,
      layerSize: 1000,
      format: 'docker',
    });
    await validateLayout(docker.layoutDir);
    // skopeo 1.9 finds only OCI types by tag in a layout, but takes a lone entry of any type.
    const raw = await exec('skopeo', ['inspect', '--raw', `oci:${docker.layoutDir}`]);
    expect(raw.stdout).toBe(JSON.stringify(docker.manifest));
    expect(docker.manifest.mediaType).toBe(MediaType.dockerManifest);

    const dir = join(temp(), 'zstd');
    const zstd = await randomImage(dir, { layers: 2, layerSize: 1000, compression: 'zstd' });
    await validateLayout(dir);
    const layers = JSON.parse((await exec('skopeo', ['inspect', '--raw', zstd.reference])).stdout)
      .layers as Descriptor[];
    expect(layers.map((l) => l.mediaType)).toEqual([
      MediaType.ociLayerZstd,
      MediaType.ociLayerZstd,
    ]);
  });

  it('writes a two-platform index', async () => {
    const dir = join(temp(), 'multi');
    const fixture = await multiArchImage(dir, ['linux/amd64', 'linux/arm64/v8']);
    const report = await validateLayout(dir, 'latest');
    expect(report.images.map((i) => i.platform)).toEqual(['linux/amd64', 'linux/arm64/v8']);
    const { stdout } = await exec('skopeo', ['inspect', '--raw', fixture.reference]);
    expect(JSON.parse(stdout).manifests).toHaveLength(2);
    const list = await multiArchImage(join(temp(), 'list'), ['linux/amd64', 'linux/arm64/v8'], {
      busybox: true,
      format: 'docker',
    });
    await validateLayout(list.layoutDir, 'latest');
    const listed = await exec('skopeo', ['inspect', '--raw', `oci:${list.layoutDir}`]);
    expect(JSON.parse(listed.stdout).mediaType).toBe(MediaType.dockerManifestList);
  });
});

describe('plain registry', () => {
  const registry = useRegistry();

  it('takes a push from skopeo and serves it back', async () => {
    const image = await busyboxImage();
    const target = `docker://${registry().host}/harness/busybox:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const { stdout } = await exec('skopeo', ['inspect', ...registry().skopeoFlags(), target]);
    expect(JSON.parse(stdout).Digest).toBe(image.manifestDigest);
  });
});

describe('htpasswd + TLS registry', () => {
  const registry = useRegistry({ auth: 'htpasswd' });

  it('accepts the user over verified TLS and refuses anonymous and wrong passwords', async () => {
    const { host, url, caFile, username } = registry();
    expect(url).toBe(`https://${host}`);
    expect(caFile).toBeDefined();
    const image = await busyboxImage();
    const target = `docker://${host}/harness/busybox:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const anonymous = await tryExec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      target,
    ]);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toMatch(/unauthorized|authentication required/i);
    const wrong = await tryExec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      `--creds=${username}:wrong`,
      target,
    ]);
    expect(wrong.code).not.toBe(0);
    // Without the CA the certificate must not verify: TLS is real, not skipped.
    const untrusted = await tryExec('skopeo', ['inspect', `--creds=${username}:x`, target]);
    expect(untrusted.stderr).toMatch(/certificate/i);
  });
});

describe('token auth registry', () => {
  const registry = useRegistry({ auth: 'token' });

  it('lets the user push with a token and denies anonymous pushes', async () => {
    const { host, username, tokenRequests } = registry();
    const image = await busyboxImage();
    const target = `docker://${host}/harness/token:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const pushes = tokenRequests!.filter((r) => r.user === username);
    expect(pushes.flatMap((r) => r.scopes)).toContain('repository:harness/token:pull,push');
    expect(pushes.every((r) => r.status === 200 && r.granted.length > 0)).toBe(true);

    const denied = await tryExec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest', { creds: false }),
      image.reference,
      `docker://${host}/harness/anonymous:1`,
    ]);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/unauthorized|denied|authentication required/i);
    const anonymous = tokenRequests!.filter((r) => r.user === undefined);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((r) => r.granted.length === 0)).toBe(true);
  });
});

describe('token auth registry with anonymous pull, over TLS', () => {
  const registry = useRegistry({ auth: 'token', tls: true, anonymousPull: true });

  it('lets anyone pull what the user pushed', async () => {
    const { host } = registry();
    const image = await busyboxImage();
    const target = `docker://${host}/harness/public:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const { stdout } = await exec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      target,
    ]);
    expect(JSON.parse(stdout).Digest).toBe(image.manifestDigest);
    const wrong = await tryExec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      '--creds=tester:wrong',
      target,
    ]);
    expect(wrong.code).not.toBe(0);
    expect(registry().tokenRequests!.some((r) => r.status === 401)).toBe(true);
  });
});
