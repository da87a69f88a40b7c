// The registry client under injected network faults: resets, truncated bodies, stalls, 5xx and 429.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Digest } from '../src/core/digest.js';
import type { Descriptor } from '../src/core/manifest.js';
import { MediaType } from '../src/core/media-types.js';
import { RegistryClient, type RegistryClientOptions } from '../src/core/registry/client.js';
import { type FaultProxy, startFaultProxy } from './helpers/fault-proxy.js';
import { randomStream } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';

const MiB = 1024 * 1024;

async function sha256(stream: Readable): Promise<{ digest: Digest; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

const random = (seed: string, size: number) =>
  Readable.from(randomStream(seed, size), { objectMode: false });

describe('registry client under faults', () => {
  const registry = useRegistry();
  let proxy: FaultProxy;
  let direct: RegistryClient;
  let blob: Descriptor;
  const open: RegistryClient[] = [];

  /** A client through the proxy; short backoff so tests stay quick (Retry-After still rules). */
  function client(options: RegistryClientOptions = {}): RegistryClient {
    const c = new RegistryClient(proxy.host, {
      ...options,
      retry: { baseDelayMs: 20, ...options.retry },
    });
    open.push(c);
    return c;
  }

  /** Same, with the scheme and blob already settled so faults hit the request under test. */
  async function warmClient(options: RegistryClientOptions = {}): Promise<RegistryClient> {
    const c = client(options);
    await c.blobExists('faults/data', blob.digest);
    proxy.reset();
    return c;
  }

  beforeAll(async () => {
    proxy = await startFaultProxy(registry().url);
    direct = new RegistryClient(registry().host);
    const pushed = await direct.putBlob('faults/data', random('fault-blob', 3 * MiB));
    blob = { mediaType: MediaType.ociLayer, ...pushed };
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.close()));
    await direct.close();
    await proxy.stop();
  });

  beforeEach(() => proxy.reset());

  const blobGets = () =>
    proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/sha256:'));

  describe('downloads', () => {
    it('resumes a truncated blob with a Range request', async () => {
      const c = await warmClient();
      proxy.inject({
        method: 'GET',
        path: '/blobs/sha256:',
        action: { kind: 'truncate', afterBytes: MiB },
      });
      expect(await sha256(await c.blob('faults/data', blob))).toEqual({
        digest: blob.digest,
        size: blob.size,
      });
      const gets = blobGets();
      expect(gets.map((g) => g.fault)).toEqual(['truncate', undefined]);
      expect(gets[0]?.headers.range).toBeUndefined();
      const from = Number(/^bytes=(\d+)-$/.exec(String(gets[1]?.headers.range))?.[1]);
      expect(from).toBeGreaterThan(0);
      expect(from).toBeLessThanOrEqual(MiB);
    });

    it('keeps resuming while each attempt makes progress', async () => {
      const c = await warmClient();
      proxy.inject({
        method: 'GET',
        path: '/blobs/sha256:',
        times: 6,
        action: { kind: 'truncate', afterBytes: 256 * 1024 },
      });
      expect((await sha256(await c.blob('faults/data', blob))).digest).toBe(blob.digest);
      expect(blobGets().length).toBeGreaterThanOrEqual(7);
    });

    it('restarts a download that failed before its first byte', async () => {
      const c = await warmClient();
      proxy.inject({ method: 'GET', path: '/blobs/sha256:', action: { kind: 'reset' } });
      expect((await sha256(await c.blob('faults/data', blob))).digest).toBe(blob.digest);
      expect(blobGets().map((g) => g.headers.range)).toEqual([undefined, undefined]);
    });

    it('resumes a stalled body once the body timeout fires', async () => {
      const c = await warmClient({ http: { bodyTimeoutMs: 300 } });
      proxy.inject({
        method: 'GET',
        path: '/blobs/sha256:',
        action: { kind: 'stall', ms: 5_000, afterBytes: 512 * 1024 },
      });
      const started = Date.now();
      expect((await sha256(await c.blob('faults/data', blob))).digest).toBe(blob.digest);
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(blobGets()[1]?.headers.range).toMatch(/^bytes=\d+-$/);
    });

    it('waits out a short stall on the same connection', async () => {
      const c = await warmClient();
      proxy.inject({ method: 'GET', path: '/blobs/sha256:', action: { kind: 'stall', ms: 300 } });
      expect((await sha256(await c.blob('faults/data', blob))).digest).toBe(blob.digest);
      expect(blobGets()).toHaveLength(1);
    });

    it('fails clearly when a server without range support drops mid-body', async () => {
      const c = await warmClient();
      proxy.inject(
        { method: 'GET', path: '/blobs/sha256:', action: { kind: 'truncate', afterBytes: MiB } },
        { method: 'GET', path: '/blobs/sha256:', action: { kind: 'no-range' } },
      );
      const err = await sha256(await c.blob('faults/data', blob)).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_NETWORK' });
      expect((err as Error).message).toMatch(
        new RegExp(`^pulling blob ${blob.digest} from ${proxy.host}/faults/data: .*cannot resume`),
      );
    });

    it('gives up with ERR_NETWORK when drops outlast the retries', async () => {
      const c = await warmClient({ access: { retries: 2 } });
      proxy.inject({
        method: 'GET',
        path: '/blobs/sha256:',
        times: Number.POSITIVE_INFINITY,
        action: { kind: 'truncate', afterBytes: 0 },
      });
      const err = await c
        .blob('faults/data', blob)
        .then(sha256)
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_NETWORK' });
      expect((err as Error).message).toMatch(/^pulling blob sha256:[0-9a-f]+ from /);
      expect((err as Error).message).toMatch(/after \d+ attempts|gave up/);
    });
  });

  describe('retries', () => {
    it('retries 500 and 503 answers', async () => {
      const c = await warmClient();
      proxy.inject(
        { method: 'HEAD', action: { kind: 'status', status: 500 } },
        { method: 'HEAD', action: { kind: 'status', status: 503 } },
      );
      expect(await c.blobExists('faults/data', blob.digest)).toBe(true);
      expect(proxy.requests.map((r) => r.status)).toEqual([500, 503, 200]);
    });

    it('honours Retry-After on 429', async () => {
      const c = await warmClient();
      proxy.inject({
        method: 'HEAD',
        action: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
      });
      const started = Date.now();
      expect(await c.blobExists('faults/data', blob.digest)).toBe(true);
      // The backoff alone would be ~20 ms: only Retry-After explains a one-second wait.
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(proxy.requests.map((r) => r.status)).toEqual([429, 200]);
    });

    it('retries connection resets', async () => {
      const c = await warmClient();
      proxy.inject({ method: 'HEAD', times: 2, action: { kind: 'reset' } });
      expect(await c.blobExists('faults/data', blob.digest)).toBe(true);
      expect(proxy.requests.map((r) => r.fault)).toEqual(['reset', 'reset', undefined]);
    });

    it('fails with ERR_REGISTRY naming the status when 5xx outlasts the retries', async () => {
      const c = await warmClient({ access: { retries: 2 } });
      proxy.inject({
        method: 'HEAD',
        times: Number.POSITIVE_INFINITY,
        action: { kind: 'status', status: 503 },
      });
      const err = await c.blobExists('faults/data', blob.digest).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_REGISTRY' });
      expect((err as Error).message).toBe(
        `checking blob ${blob.digest} in ${proxy.host}/faults/data: 503 Service Unavailable (after 3 attempts)`,
      );
    });

    it('fails with ERR_NETWORK when resets outlast the retries, from the first request on', async () => {
      const c = client({ access: { retries: 1 } });
      proxy.inject({ times: Number.POSITIVE_INFINITY, action: { kind: 'reset' } });
      const err = await c.tags('faults/data').catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_NETWORK' });
      expect((err as Error).message).toMatch(
        new RegExp(
          `^listing tags of ${proxy.host}/faults/data: connection to ${proxy.host}: .*\\(after 2 attempts\\)$`,
        ),
      );
    });

    it('does not retry what cannot succeed (404)', async () => {
      const c = await warmClient();
      await expect(c.manifest('faults/data', 'absent')).rejects.toMatchObject({
        code: 'ERR_NOT_FOUND',
      });
      expect(proxy.requests).toHaveLength(1);
    });
  });

  describe('uploads', () => {
    const chunked = { upload: { chunkSize: MiB } };
    const patches = () => proxy.requests.filter((r) => r.method === 'PATCH');
    const statusQueries = () =>
      proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/uploads/'));

    async function expectStored(c: RegistryClient, seed: string, size: number, pushed: unknown) {
      const want = await sha256(random(seed, size));
      expect(pushed).toEqual(want);
      const desc = { mediaType: MediaType.ociLayer, ...want };
      expect(await sha256(await direct.blob('faults/up', desc))).toEqual(want);
      expect(c).toBeTruthy();
    }

    it('resumes a chunked upload from the offset the registry reports after a reset', async () => {
      const c = await warmClient(chunked);
      proxy.inject({ method: 'PATCH', skip: 2, action: { kind: 'reset' } });
      const size = 5 * MiB + 7;
      const pushed = await c.putBlob('faults/up', random('resume-reset', size));
      await expectStored(c, 'resume-reset', size, pushed);
      // Six chunks (5 MiB + 7 bytes), the third one sent twice.
      expect(patches().map((p) => p.fault)).toEqual([
        undefined,
        undefined,
        'reset',
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(statusQueries()).toHaveLength(1);
      // Resumed at the reported offset: the retried PATCH starts where the second one ended.
      expect(patches()[3]?.headers['content-range']).toBe(`${2 * MiB}-${3 * MiB - 1}`);
    });

    it('resumes after a 503 to a PATCH', async () => {
      const c = await warmClient(chunked);
      proxy.inject({ method: 'PATCH', skip: 1, action: { kind: 'status', status: 503 } });
      const size = 3 * MiB;
      const pushed = await c.putBlob('faults/up', random('resume-503', size));
      await expectStored(c, 'resume-503', size, pushed);
      expect(statusQueries()).toHaveLength(1);
    });

    it('starts over when the first chunk was stored but its answer was lost', async () => {
      const c = await warmClient(chunked);
      proxy.inject({ method: 'PATCH', action: { kind: 'drop-response' } });
      const size = 2 * MiB + 1;
      const pushed = await c.putBlob('faults/up', random('first-lost', size));
      await expectStored(c, 'first-lost', size, pushed);
      expect(proxy.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    });

    it('fails clearly when a later chunk was stored but its answer was lost', async () => {
      // distribution signs the offset into the upload URL; once it moves on without telling
      // us, it refuses to report progress, and only the current chunk is held in memory.
      const c = await warmClient(chunked);
      proxy.inject({ method: 'PATCH', skip: 1, action: { kind: 'drop-response' } });
      const err = await c
        .putBlob('faults/up', random('later-lost', 3 * MiB))
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_REGISTRY' });
      expect((err as Error).message).toMatch(
        new RegExp(
          `^pushing blob to ${proxy.host}/faults/up: the upload cannot be resumed at byte ${MiB}`,
        ),
      );
      // The abandoned upload was cancelled.
      expect(proxy.requests.at(-1)?.method).toBe('DELETE');
    });

    it('finds the blob when the closing PUT landed but its answer was lost', async () => {
      const c = await warmClient(chunked);
      proxy.inject({ method: 'PUT', action: { kind: 'drop-response' } });
      const size = 2 * MiB + 3;
      const pushed = await c.putBlob('faults/up', random('put-lost', size));
      await expectStored(c, 'put-lost', size, pushed);
      expect(proxy.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
      expect(proxy.requests.at(-1)?.method).toBe('HEAD');
    });

    it('starts a small upload over after its PUT was reset', async () => {
      const c = await warmClient();
      proxy.inject({ method: 'PUT', action: { kind: 'reset' } });
      const pushed = await c.putBlob('faults/up', random('small-reset', 1000));
      await expectStored(c, 'small-reset', 1000, pushed);
      expect(proxy.requests.map((r) => r.method)).toEqual(['POST', 'PUT', 'HEAD', 'POST', 'PUT']);
    });

    it('streams a large blob in one PATCH by default', async () => {
      const c = await warmClient();
      const size = 9 * MiB + 5;
      const pushed = await c.putBlob('faults/up', random('streamed', size), { size });
      await expectStored(c, 'streamed', size, pushed);
      expect(proxy.requests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PUT']);
      expect(patches()[0]?.headers['content-range']).toBe(`0-${size - 1}`);
    });

    it('starts a streamed upload over when it broke while every byte is still held', async () => {
      const c = await warmClient();
      proxy.inject({ method: 'PATCH', action: { kind: 'cut-request', afterBytes: MiB } });
      const size = 3 * MiB;
      const pushed = await c.putBlob('faults/up', random('stream-cut', size), { size });
      await expectStored(c, 'stream-cut', size, pushed);
      expect(patches().map((p) => p.fault)).toEqual(['cut-request', undefined]);
    });

    it('marks a streamed upload it cannot resume as transient, for the copy engine to redo', async () => {
      const c = await warmClient({ upload: { replayWindow: MiB } });
      proxy.inject({ method: 'PATCH', action: { kind: 'cut-request', afterBytes: 6 * MiB } });
      const err = await c
        .putBlob('faults/up', random('stream-lost', 10 * MiB), { size: 10 * MiB })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_REGISTRY', details: { transient: true } });
      expect((err as Error).message).toMatch(/the upload cannot be resumed/);
      expect(proxy.requests.at(-1)?.method).toBe('DELETE');
    });

    it('gives up on a PATCH that keeps failing, after the retries', async () => {
      const c = await warmClient({ ...chunked, access: { retries: 2 } });
      proxy.inject({
        method: 'PATCH',
        times: Number.POSITIVE_INFINITY,
        action: { kind: 'status', status: 503 },
      });
      const err = await c.putBlob('faults/up', random('never', 2 * MiB)).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ERR_REGISTRY' });
      expect((err as Error).message).toMatch(/^pushing blob to .*: 503 UNAVAILABLE: injected 503/);
      expect(patches()).toHaveLength(3);
    });
  });
  describe('manifests', () => {
    // The registry's own answer when a manifest names a blob it does not know (yet).
    const unknownBlob = {
      kind: 'status' as const,
      status: 400,
      body: JSON.stringify({
        errors: [{ code: 'MANIFEST_BLOB_UNKNOWN', message: 'blob unknown to registry' }],
      }),
    };
    const manifestOf = (digest: Digest, size: number) => {
      const bytes = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MediaType.ociManifest,
          config: { mediaType: MediaType.ociConfig, digest, size },
          layers: [],
        }),
      );
      const hex = createHash('sha256').update(bytes).digest('hex');
      return { mediaType: MediaType.ociManifest, bytes, digest: `sha256:${hex}` as Digest };
    };
    const puts = () => proxy.requests.filter((r) => r.method === 'PUT');

    it('pushes a manifest again while the registry does not know its blobs yet', async () => {
      const c = await warmClient();
      proxy.inject({ method: 'PUT', path: '/manifests/', times: 2, action: unknownBlob });
      const raw = manifestOf(blob.digest, blob.size);
      expect(await c.putManifest('faults/data', 'late', raw)).toBe(raw.digest);
      expect(puts().map((p) => p.fault)).toEqual(['status', 'status', undefined]);
    });

    it('fails with the registry error when the blob stays unknown', async () => {
      const c = await warmClient({ access: { retries: 2 } });
      proxy.inject({
        method: 'PUT',
        path: '/manifests/',
        times: Number.POSITIVE_INFINITY,
        action: unknownBlob,
      });
      const err = await c
        .putManifest('faults/data', 'never', manifestOf(blob.digest, blob.size))
        .catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/MANIFEST_BLOB_UNKNOWN: blob unknown to registry/);
      expect(puts()).toHaveLength(3);
    });
  });
});
