// RegistryClient against real docker-registry instances (plain, htpasswd + TLS, token), checked with skopeo.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { busyboxImage } from '../../../test/helpers/busybox.js';
import { exec } from '../../../test/helpers/exec.js';
import { startFaultProxy } from '../../../test/helpers/fault-proxy.js';
import type { ImageFixture } from '../../../test/helpers/image-fixture.js';
import { blobPath } from '../../../test/helpers/oci-layout.js';
import { randomImage, randomStream } from '../../../test/helpers/random-image.js';
import { type TestRegistry, useRegistry } from '../../../test/helpers/registry.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { type Digest, digestOf } from '../digest.js';
import { isLighterError } from '../errors.js';
import type { RawManifest } from '../image.js';
import { SecretMasker, silentLogger } from '../log.js';
import { MediaType } from '../media-types.js';
import { RegistryClient, type RegistryClientOptions } from './client.js';

async function sha256(stream: Readable): Promise<{ digest: Digest; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

async function layoutManifest(image: ImageFixture): Promise<RawManifest> {
  const bytes = await readFile(blobPath(image.layoutDir, image.manifestDigest));
  return {
    bytes,
    mediaType: image.manifestDescriptor.mediaType,
    digest: image.manifestDigest,
  };
}

/** Pushes an image from an OCI layout with the client alone: blobs, then the manifest by tag. */
async function pushLayout(client: RegistryClient, repo: string, image: ImageFixture, tag: string) {
  for (const d of [image.configDescriptor, ...image.layers]) {
    const stream = createReadStream(blobPath(image.layoutDir, d.digest));
    expect(await client.putBlob(repo, stream, { digest: d.digest, size: d.size })).toEqual({
      digest: d.digest,
      size: d.size,
    });
  }
  return client.putManifest(repo, tag, await layoutManifest(image));
}

function skopeo(registry: TestRegistry, args: string[]): Promise<{ stdout: string }> {
  return exec('skopeo', [args[0]!, ...registry.skopeoFlags(), ...args.slice(1)]);
}

describe('RegistryClient: plain registry', () => {
  const registry = useRegistry();
  const tmp = useTempDir('client');
  let busybox: ImageFixture;
  let client: RegistryClient;

  beforeAll(async () => {
    busybox = await busyboxImage();
    await exec('skopeo', [
      'copy',
      ...registry().skopeoFlags('dest'),
      busybox.reference,
      `docker://${registry().host}/lib/busybox:1`,
    ]);
    client = new RegistryClient(registry().host);
    return () => client.close();
  });

  it('pulls a skopeo-pushed manifest byte for byte, by tag and by digest', async () => {
    const raw = await exec('skopeo', [
      'inspect',
      '--raw',
      ...registry().skopeoFlags(),
      `docker://${registry().host}/lib/busybox:1`,
    ]);
    const byTag = await client.manifest('lib/busybox', '1');
    expect(Buffer.from(byTag.bytes).toString('utf8')).toBe(raw.stdout);
    expect(byTag.digest).toBe(digestOf(byTag.bytes));
    expect(byTag.mediaType).toBe(MediaType.ociManifest);
    const byDigest = await client.manifest('lib/busybox', byTag.digest);
    expect(Buffer.from(byDigest.bytes).equals(Buffer.from(byTag.bytes))).toBe(true);
    expect(await client.manifestInfo('lib/busybox', '1')).toEqual({
      digest: byTag.digest,
      mediaType: MediaType.ociManifest,
      size: byTag.bytes.length,
    });
    expect(await client.manifestInfo('lib/busybox', 'nope')).toBeUndefined();
  });

  it('streams blobs whose bytes match their digests', async () => {
    const top = await client.manifest('lib/busybox', '1');
    const manifest = JSON.parse(Buffer.from(top.bytes).toString('utf8'));
    for (const d of [manifest.config, ...manifest.layers]) {
      expect(await sha256(await client.blob('lib/busybox', d))).toEqual({
        digest: d.digest,
        size: d.size,
      });
    }
  });

  it('reports missing things as ERR_NOT_FOUND with context', async () => {
    const err = await client.manifest('lib/busybox', 'missing').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_NOT_FOUND' });
    expect((err as Error).message).toBe(
      `pulling manifest from ${registry().host}/lib/busybox:missing: 404 MANIFEST_UNKNOWN: manifest unknown`,
    );
    const blob = { mediaType: MediaType.ociLayerGzip, digest: digestOf('nothing'), size: 7 };
    await expect(client.blob('lib/busybox', blob)).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
    expect(await client.blobExists('lib/busybox', blob.digest)).toBe(false);
    await expect(client.tags('no/such/repo')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
  });

  it('pushes an image that skopeo reads back', async () => {
    const image = await randomImage(join(tmp(), 'push'), { layers: 2, layerSize: 200_000 });
    const digest = await pushLayout(client, 'pushed/app', image, 'v1');
    expect(digest).toBe(image.manifestDigest);
    const inspected = JSON.parse(
      (await skopeo(registry(), ['inspect', `docker://${registry().host}/pushed/app:v1`])).stdout,
    );
    expect(inspected.Digest).toBe(image.manifestDigest);
    expect(inspected.Layers).toEqual(image.layers.map((l) => l.digest));
    // skopeo verifies every blob digest while copying.
    await exec('skopeo', [
      'copy',
      ...registry().skopeoFlags('src'),
      `docker://${registry().host}/pushed/app:v1`,
      `oci:${join(tmp(), 'pulled')}:v1`,
    ]);
  });

  it('uploads small blobs in one PUT and big ones in bounded PATCH chunks', async () => {
    const proxy = await startFaultProxy(`http://${registry().host}`);
    const chunked = new RegistryClient(proxy.host, { upload: { chunkSize: 4 * 1024 * 1024 } });
    try {
      const small = Buffer.from('a small blob');
      await chunked.putBlob('sizes/x', Readable.from([small]));
      const kinds = () => proxy.requests.map((r) => r.method).filter((m) => m !== 'GET');
      expect(kinds()).toEqual(['POST', 'PUT']);
      proxy.reset();

      const size = 70 * 1024 * 1024 + 123;
      const chunk = 4 * 1024 * 1024;
      // How far reading runs ahead of what the registry has acknowledged: two chunks at most
      // (the one being sent and the next, read meanwhile).
      let read = 0;
      let ahead = 0;
      async function* source() {
        for await (const piece of randomStream('big-blob', size)) {
          const acked = proxy.requests.filter((r) => r.method === 'PATCH' && r.status === 202);
          ahead = Math.max(ahead, read - acked.length * chunk);
          read += piece.length;
          yield piece;
        }
      }
      const pushed = await chunked.putBlob(
        'sizes/x',
        Readable.from(source(), { objectMode: false, highWaterMark: 1 }),
      );
      const expected = await sha256(Readable.from(randomStream('big-blob', size)));
      expect(pushed).toEqual(expected);
      const patches = proxy.requests.filter((r) => r.method === 'PATCH');
      expect(patches).toHaveLength(Math.ceil(size / chunk));
      expect(patches.every((p) => Number(p.headers['content-length']) <= chunk)).toBe(true);
      expect(kinds().at(-1)).toBe('PUT');
      expect(ahead).toBeLessThanOrEqual(2 * chunk + 2 * 1024 * 1024);
      const blob = { mediaType: 'application/octet-stream', ...pushed };
      expect(await sha256(await client.blob('sizes/x', blob))).toEqual(expected);
    } finally {
      await chunked.close();
      await proxy.stop();
    }
  });

  it('refuses bytes that do not match the given digest, committing nothing', async () => {
    const bytes = Buffer.from('real content');
    const wrong = digestOf('other content');
    await expect(
      client.putBlob('mismatch/x', Readable.from([bytes]), { digest: wrong }),
    ).rejects.toMatchObject({ code: 'ERR_DIGEST_MISMATCH' });
    expect(await client.blobExists('mismatch/x', wrong)).toBe(false);
    expect(await client.blobExists('mismatch/x', digestOf(bytes))).toBe(false);
  });

  it('mounts a blob from another repository', async () => {
    const bytes = Buffer.from('mount me');
    const { digest } = await client.putBlob('mount/from', Readable.from([bytes]));
    expect(await client.blobExists('mount/to', digest)).toBe(false);
    expect(await client.mountBlob('mount/to', digest, 'mount/from')).toBe(true);
    expect(await client.blobExists('mount/to', digest)).toBe(true);
    expect(await client.mountBlob('mount/to2', digestOf('absent'), 'mount/from')).toBe(false);
  });

  it('lists all tags, asking for pages (distribution 2.8 answers in one)', async () => {
    const image = await randomImage(join(tmp(), 'tags'), { layers: 1, layerSize: 100 });
    const tags = ['a', 'b', 'c', 'd', 'e'];
    for (const tag of tags) await pushLayout(client, 'tagged/app', image, tag);
    expect((await client.tags('tagged/app', { pageSize: 2 })).sort()).toEqual(tags);
    expect((await client.tags('tagged/app')).sort()).toEqual(tags);
  });

  it('deletes a manifest by digest', async () => {
    const image = await randomImage(join(tmp(), 'delete'), { layers: 1, layerSize: 100 });
    const digest = await pushLayout(client, 'deleted/app', image, 'gone');
    await client.deleteManifest('deleted/app', digest);
    expect(await client.manifestInfo('deleted/app', digest)).toBeUndefined();
    await expect(client.manifest('deleted/app', 'gone')).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
    await expect(client.deleteManifest('deleted/app', digest)).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
    });
  });

  it('finds referrers through the tag schema when the API is missing', async () => {
    const image = await randomImage(join(tmp(), 'subject'), { layers: 1, layerSize: 100 });
    const subject = await pushLayout(client, 'ref/app', image, 'v1');
    const empty = Buffer.from('{}');
    const emptyDesc = {
      mediaType: MediaType.ociEmpty,
      ...(await client.putBlob('ref/app', Readable.from([empty]))),
    };
    const artifact = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.ociManifest,
        artifactType: 'application/vnd.example.sbom',
        config: emptyDesc,
        layers: [emptyDesc],
        subject: { mediaType: MediaType.ociManifest, digest: subject, size: 1 },
      }),
    );
    const artifactDigest = digestOf(artifact);
    await client.putManifest('ref/app', artifactDigest, {
      bytes: artifact,
      mediaType: MediaType.ociManifest,
      digest: artifactDigest,
    });
    expect(await client.referrers('ref/app', subject)).toEqual([]);
    const entry = {
      mediaType: MediaType.ociManifest,
      digest: artifactDigest,
      size: artifact.length,
      artifactType: 'application/vnd.example.sbom',
    };
    const index = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [entry] }),
    );
    await client.putManifest('ref/app', subject.replace(':', '-'), {
      bytes: index,
      mediaType: MediaType.ociIndex,
      digest: digestOf(index),
    });
    expect(await client.referrers('ref/app', subject)).toEqual([entry]);
    expect(await client.referrers('ref/app', subject, { artifactType: 'other' })).toEqual([]);
  });

  it('validates names before sending anything', async () => {
    expect(() => client.manifest('Bad Name', 'x')).toThrow(/invalid repository/);
    expect(() => client.manifest('ok', '../x')).toThrow(/invalid tag or digest/);
    expect(() => new RegistryClient('http://nope')).toThrow(/invalid registry/);
  });
});

describe('RegistryClient: htpasswd over TLS', () => {
  const registry = useRegistry({ auth: 'htpasswd' });
  const tmp = useTempDir('client-tls');
  let digest: Digest;

  const open = (options: RegistryClientOptions = {}) =>
    new RegistryClient(registry().host, {
      ...options,
      access: { caFiles: [registry().caFile!], ...options.access },
    });

  beforeAll(async () => {
    const client = open({ access: { creds: `${registry().username}:${registry().password}` } });
    const image = await randomImage(join(tmp(), 'img'), { layers: 1, layerSize: 1000 });
    digest = await pushLayout(client, 'secure/app', image, 'v1');
    await client.close();
  });

  it('pulls with Basic credentials and the test CA', async () => {
    const client = open({ access: { creds: `${registry().username}:${registry().password}` } });
    try {
      expect((await client.manifest('secure/app', 'v1')).digest).toBe(digest);
    } finally {
      await client.close();
    }
  });

  it('says ERR_UNAUTHORIZED naming the registry for a wrong password, never printing it', async () => {
    const masker = new SecretMasker();
    const logged: string[] = [];
    const client = open({
      access: { creds: `${registry().username}:wrong-pass-1234` },
      logger: {
        ...silentLogger,
        debug: (m) => logged.push(m),
        warn: (m) => logged.push(m),
        secret: (v) => masker.add(v),
      },
    });
    try {
      const err = await client.manifest('secure/app', 'v1').catch((e: unknown) => e);
      expect(isLighterError(err, 'ERR_UNAUTHORIZED')).toBe(true);
      const message = (err as Error).message;
      expect(message).toContain(registry().host);
      expect(message).toMatch(/401 UNAUTHORIZED/);
      expect(message).toContain('were rejected');
      expect(message).not.toContain('wrong-pass-1234');
      expect(logged.join('\n')).not.toContain('wrong-pass-1234');
      expect(masker.mask('wrong-pass-1234')).toBe('***');
    } finally {
      await client.close();
    }
  });

  it('says who is missing credentials when none are found', async () => {
    const client = open({ env: { HOME: tmp() } });
    try {
      const err = await client.manifest('secure/app', 'v1').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
      expect((err as Error).message).toContain(`no credentials for ${registry().host}`);
    } finally {
      await client.close();
    }
  });

  it('fails with ERR_TLS when the CA is not trusted', async () => {
    const client = new RegistryClient(registry().host, { access: { retries: 0 } });
    try {
      await expect(client.manifest('secure/app', 'v1')).rejects.toMatchObject({ code: 'ERR_TLS' });
    } finally {
      await client.close();
    }
  });

  it('reads credentials from an auth.json file', async () => {
    const authFile = join(tmp(), 'auth.json');
    const auth = Buffer.from(`${registry().username}:${registry().password}`).toString('base64');
    await writeFile(authFile, JSON.stringify({ auths: { [registry().host]: { auth } } }));
    const client = open({ access: { authFile }, env: { HOME: tmp() } });
    try {
      expect((await client.manifest('secure/app', 'v1')).digest).toBe(digest);
    } finally {
      await client.close();
    }
  });

  it('reads credentials from a docker config.json credsStore helper', async () => {
    const home = join(tmp(), 'helper-home');
    const bin = join(home, 'bin');
    await mkdir(join(home, '.docker'), { recursive: true });
    await mkdir(bin, { recursive: true });
    const secret = JSON.stringify({
      ServerURL: registry().host,
      Username: registry().username,
      Secret: registry().password,
    });
    await writeFile(
      join(bin, 'docker-credential-lighter-test'),
      `#!/bin/sh\nread -r host\nif [ "$1" = get ] && [ "$host" = "${registry().host}" ]; then printf '%s' '${secret}'; else echo "credentials not found"; exit 1; fi\n`,
    );
    await chmod(join(bin, 'docker-credential-lighter-test'), 0o755);
    await writeFile(
      join(home, '.docker', 'config.json'),
      JSON.stringify({ auths: { [registry().host]: {} }, credsStore: 'lighter-test' }),
    );
    const client = open({ env: { HOME: home, PATH: `${bin}:${process.env.PATH}` } });
    try {
      expect((await client.manifest('secure/app', 'v1')).digest).toBe(digest);
    } finally {
      await client.close();
    }
  });
});

describe('RegistryClient: token auth', () => {
  const registry = useRegistry({ auth: 'token', anonymousPull: true });
  const tmp = useTempDir('client-token');

  it('pushes and pulls with tokens cached per scope', async () => {
    const client = new RegistryClient(registry().host, {
      access: { creds: `${registry().username}:${registry().password}` },
    });
    try {
      const image = await randomImage(join(tmp(), 'img'), { layers: 3, layerSize: 1000 });
      const digest = await pushLayout(client, 'tok/app', image, 'v1');
      expect((await client.manifest('tok/app', 'v1')).digest).toBe(digest);
      await client.blob('tok/app', image.layers[0]!).then((s) => s.destroy());
      const requests = registry().tokenRequests!;
      expect(requests.every((r) => r.user === registry().username && r.status === 200)).toBe(true);
      const scopes = requests.map((r) => r.scopes.join(' '));
      // One token for push (reused by every blob and the manifest), one for pull.
      expect(scopes).toEqual(['repository:tok/app:pull,push', 'repository:tok/app:pull']);
    } finally {
      await client.close();
    }
  });

  it('pulls anonymously when the token service allows it', async () => {
    const client = new RegistryClient(registry().host, { env: { HOME: tmp() } });
    try {
      expect((await client.manifest('tok/app', 'v1')).mediaType).toBe(MediaType.ociManifest);
    } finally {
      await client.close();
    }
  });

  it('says ERR_DENIED when the token does not grant push', async () => {
    const client = new RegistryClient(registry().host, { env: { HOME: tmp() } });
    try {
      const err = await client
        .putBlob('tok/app', Readable.from([Buffer.from('x')]))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_DENIED' });
      expect((err as Error).message).toMatch(
        new RegExp(`^pushing blob to ${registry().host}/tok/app: 401 UNAUTHORIZED`),
      );
      expect((err as Error).message).toContain('repository:tok/app:pull,push');
    } finally {
      await client.close();
    }
  });

  it('says ERR_UNAUTHORIZED when the token service rejects the password', async () => {
    const client = new RegistryClient(registry().host, {
      access: { creds: `${registry().username}:not-the-password` },
    });
    try {
      const err = await client.manifest('tok/app', 'v1').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
      expect((err as Error).message).toContain(registry().host);
      expect((err as Error).message).not.toContain('not-the-password');
    } finally {
      await client.close();
    }
  });
});

describe.each([
  { auth: 'htpasswd' as const, tls: true },
  { auth: 'token' as const, tls: false },
  { auth: 'token' as const, tls: true },
])('RegistryClient round trip: $auth auth, tls $tls', ({ auth, tls }) => {
  const registry = useRegistry({ auth, tls });
  const tmp = useTempDir(`client-${auth}`);

  it('pulls what skopeo pushed, pushes chunked and whole blobs, mounts, tags and deletes', async () => {
    const r = registry();
    const busybox = await busyboxImage();
    await exec('skopeo', [
      'copy',
      ...r.skopeoFlags('dest'),
      busybox.reference,
      `docker://${r.host}/lib/busybox:1`,
    ]);
    const client = new RegistryClient(r.host, {
      access: {
        creds: `${r.username}:${r.password}`,
        ...(r.caFile ? { caFiles: [r.caFile] } : {}),
      },
      upload: { chunkSize: 2 * 1024 * 1024 },
    });
    try {
      const raw = await skopeo(r, ['inspect', '--raw', `docker://${r.host}/lib/busybox:1`]);
      const top = await client.manifest('lib/busybox', '1');
      expect(Buffer.from(top.bytes).toString('utf8')).toBe(raw.stdout);
      expect(await sha256(await client.blob('lib/busybox', busybox.layers[0]!))).toEqual({
        digest: busybox.layers[0]!.digest,
        size: busybox.layers[0]!.size,
      });

      const size = 9 * 1024 * 1024 + 5;
      const big = await client.putBlob('up/app', Readable.from(randomStream(`rt-${auth}`, size)));
      expect(big).toEqual(await sha256(Readable.from(randomStream(`rt-${auth}`, size))));
      expect(await client.mountBlob('up/other', big.digest, 'up/app')).toBe(true);

      const image = await randomImage(join(tmp(), 'img'), { layers: 1, layerSize: 5000 });
      for (const tag of ['t1', 't2', 't3', 't4']) await pushLayout(client, 'up/app', image, tag);
      expect((await client.tags('up/app', { pageSize: 2 })).sort()).toEqual([
        't1',
        't2',
        't3',
        't4',
      ]);
      const inspected = JSON.parse(
        (await skopeo(r, ['inspect', `docker://${r.host}/up/app:t2`])).stdout,
      );
      expect(inspected.Digest).toBe(image.manifestDigest);
      await client.deleteManifest('up/app', image.manifestDigest);
      expect(await client.manifestInfo('up/app', 't1')).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});
