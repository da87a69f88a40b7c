// The docker transport's source and destination against a real registry, with skopeo as the referee.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { busyboxImage } from '../../../../test/helpers/busybox.js';
import { exec } from '../../../../test/helpers/exec.js';
import type { ImageFixture } from '../../../../test/helpers/image-fixture.js';
import { multiArchImage, randomImage } from '../../../../test/helpers/random-image.js';
import { useRegistry } from '../../../../test/helpers/registry.js';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { copyImage } from '../../copy/copy.js';
import { digestOf } from '../../digest.js';
import { MediaType } from '../../media-types.js';
import { RegistryClient } from '../../registry/client.js';
import { ociLayoutTransport } from '../oci-layout/transport.js';
import type { OpenOptions } from '../types.js';
import { dockerTransport } from './transport.js';

async function digestOfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return `sha256:${hash.digest('hex')}`;
}

describe('docker transport against a registry', () => {
  const registry = useRegistry();
  const tmp = useTempDir('docker-transport');
  const options: OpenOptions = { registry: { tlsVerify: false } };
  let busybox: ImageFixture;

  const name = (path: string) => `docker://${registry().host}/${path}`;
  const ref = (path: string) => dockerTransport.parse(`//${registry().host}/${path}`);
  const rawOf = async (path: string) =>
    (await exec('skopeo', ['inspect', '--raw', ...registry().skopeoFlags(), name(path)])).stdout;

  beforeAll(async () => {
    busybox = await busyboxImage();
    await exec('skopeo', [
      'copy',
      ...registry().skopeoFlags('dest'),
      busybox.reference,
      name('lib/busybox:1'),
    ]);
  });

  it('reads a skopeo-pushed image: manifest bytes as skopeo sees them, blobs by digest', async () => {
    const source = await dockerTransport.openSource(ref('lib/busybox:1'), options);
    try {
      expect(source.name).toBe(`docker://${registry().host}/lib/busybox:1`);
      expect(source.repository).toBe(`${registry().host}/lib/busybox`);
      const top = await source.manifest();
      expect(Buffer.from(top.bytes).toString('utf8')).toBe(await rawOf('lib/busybox:1'));
      expect(top.digest).toBe(busybox.manifestDigest);
      for (const d of [busybox.configDescriptor, ...busybox.layers]) {
        expect(await digestOfStream(await source.blob(d))).toBe(d.digest);
      }
    } finally {
      await source.close();
    }
  });

  it('pushes an image that skopeo reads, then mounts its blobs into another repository', async () => {
    const image = await randomImage(join(tmp(), 'random'), { layers: 2, layerSize: 300_000 });
    const src = await ociLayoutTransport.openSource(
      ociLayoutTransport.parse(`${image.layoutDir}:latest`),
    );
    const dest = await dockerTransport.openDestination(ref('pushed/app:v1'), options);
    try {
      const result = await copyImage(src, dest);
      expect(result.digest).toBe(image.manifestDigest);
      expect(result.blobsCopied).toBe(3);
    } finally {
      await src.close();
      await dest.close();
    }
    const inspected = JSON.parse(
      (await exec('skopeo', ['inspect', ...registry().skopeoFlags(), name('pushed/app:v1')]))
        .stdout,
    );
    expect(inspected.Digest).toBe(image.manifestDigest);

    const again = await dockerTransport.openSource(ref('pushed/app:v1'), options);
    const mirror = await dockerTransport.openDestination(ref('mirror/app:v1'), options);
    try {
      const result = await copyImage(again, mirror);
      expect(result).toMatchObject({
        digest: image.manifestDigest,
        blobsCopied: 0,
        blobsSkipped: 3,
      });
    } finally {
      await again.close();
      await mirror.close();
    }
    const client = new RegistryClient(registry().host, { access: { tlsVerify: false } });
    try {
      for (const l of image.layers)
        expect(await client.blobExists('mirror/app', l.digest)).toBe(true);
    } finally {
      await client.close();
    }
    expect(await rawOf('mirror/app:v1')).toBe(await rawOf('pushed/app:v1'));
  });

  it('copies a multi-platform index: children by digest, the index by tag', async () => {
    const multi = await multiArchImage(join(tmp(), 'multi'), ['linux/amd64', 'linux/arm64']);
    await exec('skopeo', [
      'copy',
      '--all',
      ...registry().skopeoFlags('dest'),
      multi.reference,
      name('multi/app:1'),
    ]);
    const source = await dockerTransport.openSource(ref('multi/app:1'), options);
    const dest = await dockerTransport.openDestination(ref('multi/copy:1'), options);
    try {
      const top = await source.manifest();
      expect(top.mediaType).toBe(MediaType.ociIndex);
      const child = await source.manifest(multi.images[1]!.manifestDigest);
      expect(child.digest).toBe(multi.images[1]!.manifestDigest);
      const result = await copyImage(source, dest, { multiArch: 'all' });
      expect(result.digest).toBe(multi.indexDescriptor.digest);
    } finally {
      await source.close();
      await dest.close();
    }
    expect(await rawOf('multi/copy:1')).toBe(await rawOf('multi/app:1'));
    for (const image of multi.images) {
      expect(await rawOf(`multi/copy@${image.manifestDigest}`)).toBeTruthy();
    }
  });

  it('pushes by digest when the name has only a digest, and refuses another image', async () => {
    const src = await ociLayoutTransport.openSource(
      ociLayoutTransport.parse(`${busybox.layoutDir}:latest`),
    );
    const dest = await dockerTransport.openDestination(
      ref(`pinned/app@${busybox.manifestDigest}`),
      options,
    );
    try {
      await copyImage(src, dest);
    } finally {
      await dest.close();
    }
    expect(await rawOf(`pinned/app@${busybox.manifestDigest}`)).toBeTruthy();
    const wrong = await dockerTransport.openDestination(
      ref(`pinned/app@${digestOf('other')}`),
      options,
    );
    try {
      await expect(copyImage(src, wrong)).rejects.toMatchObject({ code: 'ERR_DIGEST_MISMATCH' });
    } finally {
      await wrong.close();
      await src.close();
    }
  });

  it('reports a missing image with the registry error and the image name', async () => {
    const source = await dockerTransport.openSource(ref('lib/busybox:nope'), options);
    try {
      const err = await source.manifest().catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_NOT_FOUND' });
      expect((err as Error).message).toContain(`${registry().host}/lib/busybox:nope`);
    } finally {
      await source.close();
    }
  });
});
