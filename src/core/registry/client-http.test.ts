// RegistryClient against scripted HTTP servers, for behaviour docker-registry 2.8 cannot show.

import { readFile } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testCertificates } from '../../../test/helpers/tls.js';
import { digestOf } from '../digest.js';
import { MAX_MANIFEST_SIZE } from '../manifest.js';
import { MediaType } from '../media-types.js';
import { RegistryClient } from './client.js';
import { isLoopback } from './endpoint.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

const servers: Server[] = [];
const clients: RegistryClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

/** A server answering `/v2/` with 200 and everything else through `handler`. */
async function serve(handler: Handler, tls?: { cert: Buffer; key: Buffer }): Promise<string> {
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    if (url.pathname === '/v2/') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    handler(req, res, url);
  };
  const server = tls ? createHttpsServer(tls, handle) : createHttpServer(handle);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(host: string, options: ConstructorParameters<typeof RegistryClient>[1] = {}) {
  const c = new RegistryClient(host, { retry: { baseDelayMs: 1 }, ...options });
  clients.push(c);
  return c;
}

describe('RegistryClient over scripted servers', () => {
  it('follows Link pagination of the tag list', async () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const seen: string[] = [];
    const host = await serve((_req, res, url) => {
      seen.push(`${url.pathname}${url.search}`);
      const n = Number(url.searchParams.get('n') ?? 100);
      const last = url.searchParams.get('last');
      const from = last ? all.indexOf(last) + 1 : 0;
      const page = all.slice(from, from + n);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (from + n < all.length) {
        headers.link = `</v2/app/tags/list?n=${n}&last=${page.at(-1)}>; rel="next"`;
      }
      res.writeHead(200, headers).end(JSON.stringify({ name: 'app', tags: page }));
    });
    expect(await client(host).tags('app', { pageSize: 2 })).toEqual(all);
    expect(seen).toEqual([
      '/v2/app/tags/list?n=2',
      '/v2/app/tags/list?n=2&last=b',
      '/v2/app/tags/list?n=2&last=d',
    ]);
  });

  it('follows a blob redirect to another host without sending Authorization there', async () => {
    const bytes = Buffer.from('blob from the object store');
    const storeHeaders: IncomingMessage['headers'][] = [];
    const store = await serve((req, res) => {
      storeHeaders.push(req.headers);
      res.writeHead(200, { 'content-length': String(bytes.length) }).end(bytes);
    });
    const storePort = store.split(':')[1];
    const registryHeaders: IncomingMessage['headers'][] = [];
    const host = await serve((req, res) => {
      registryHeaders.push(req.headers);
      // `localhost` is another origin than `127.0.0.1`, as S3 is for a registry.
      res.writeHead(307, { location: `http://localhost:${storePort}/bucket/x?sig=abc` }).end();
    });
    const c = client(host, { access: { registryToken: 'the-token' } });
    const desc = { mediaType: 'x', digest: digestOf(bytes), size: bytes.length };
    const chunks: Buffer[] = [];
    for await (const chunk of await c.blob('app', desc)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(registryHeaders[0]?.authorization).toBe('Bearer the-token');
    expect(storeHeaders).toHaveLength(1);
    expect(storeHeaders[0]?.authorization).toBeUndefined();
  });

  it('refuses a manifest over 4 MiB, by Content-Length or while streaming', async () => {
    const big = Buffer.alloc(MAX_MANIFEST_SIZE + 1, 0x20);
    const host = await serve((_req, res, url) => {
      const chunked = url.pathname.endsWith('/streamed');
      res.writeHead(200, {
        'content-type': MediaType.ociManifest,
        ...(chunked ? {} : { 'content-length': String(big.length) }),
      });
      res.end(big);
    });
    const c = client(host);
    await expect(c.manifest('app', 'sized')).rejects.toMatchObject({
      code: 'ERR_MANIFEST_TOO_BIG',
    });
    await expect(c.manifest('app', 'streamed')).rejects.toMatchObject({
      code: 'ERR_MANIFEST_TOO_BIG',
    });
  });

  it('verifies a manifest fetched by digest, and a tag against Docker-Content-Digest', async () => {
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [] }));
    const host = await serve((_req, res) => {
      res
        .writeHead(200, {
          'content-type': MediaType.ociIndex,
          'docker-content-digest': digestOf('something else'),
        })
        .end(bytes);
    });
    const c = client(host);
    const wanted = digestOf('not these bytes');
    const err = await c.manifest('app', wanted).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_DIGEST_MISMATCH' });
    expect((err as Error).message).toContain(`pulling manifest from ${host}/app@${wanted}`);
    await expect(c.manifest('app', 'v1')).rejects.toMatchObject({ code: 'ERR_DIGEST_MISMATCH' });
  });

  it('detects the media type when the registry labels manifests application/json', async () => {
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [] }));
    const host = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(bytes);
    });
    expect((await client(host).manifest('app', 'v1')).mediaType).toBe(MediaType.ociIndex);
  });

  it('uses the referrers API when present, filtering by artifactType', async () => {
    const entries = [
      { mediaType: MediaType.ociManifest, digest: digestOf('a'), size: 1, artifactType: 'x/sbom' },
      { mediaType: MediaType.ociManifest, digest: digestOf('b'), size: 1, artifactType: 'x/sig' },
    ];
    const host = await serve((_req, res, url) => {
      expect(url.pathname).toMatch(/^\/v2\/app\/referrers\/sha256:/);
      res
        .writeHead(200, { 'content-type': MediaType.ociIndex })
        .end(
          JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: entries }),
        );
    });
    const c = client(host);
    expect(await c.referrers('app', digestOf('subject'))).toEqual(entries);
    expect(await c.referrers('app', digestOf('subject'), { artifactType: 'x/sig' })).toEqual([
      entries[1],
    ]);
  });

  it('speaks TLS to a self-signed registry with tlsVerify false, or with its CA trusted', async () => {
    const certs = await testCertificates();
    const tls = { cert: await readFile(certs.certFile), key: await readFile(certs.keyFile) };
    const host = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"tags":["t"]}');
    }, tls);
    expect(await client(host, { access: { tlsVerify: false } }).tags('app')).toEqual(['t']);
    expect(await client(host, { access: { caFiles: [certs.caFile] } }).tags('app')).toEqual(['t']);
    await expect(client(host, { access: { retries: 0 } }).tags('app')).rejects.toMatchObject({
      code: 'ERR_TLS',
    });
  });

  it('treats only loopback hosts as plain-http candidates', () => {
    for (const h of [
      '127.0.0.1:5000',
      '127.1.2.3',
      'localhost:5000',
      '[::1]:5000',
      'a.localhost',
    ]) {
      expect(isLoopback(h)).toBe(true);
    }
    for (const h of ['10.0.0.1:5000', 'ghcr.io', 'registry.local:5000', '[::2]:5000']) {
      expect(isLoopback(h)).toBe(false);
    }
  });
});
