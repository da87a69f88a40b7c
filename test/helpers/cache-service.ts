// A local GitHub Actions cache service (v2 Twirp JSON API) backed by Azurite, for the real @actions/cache client.

import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { freePort } from './host.js';

/** Azurite's well-known development account and key (public, documented by Microsoft). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const CONTAINER = 'actions-cache';
const SERVICE = 'github.actions.results.api.v1.CacheService';

/** Permission bits of a cache scope in the runtime token's `ac` claim, as GitHub issues them. */
const READ = 1;
const WRITE = 2;

export type CacheMethod =
  | 'CreateCacheEntry'
  | 'FinalizeCacheEntryUpload'
  | 'GetCacheEntryDownloadURL';

/** A cache scope as the runtime token lists it: a ref and what the job may do there. */
export interface CacheScope {
  scope: string;
  permission: number;
}

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  /** The ref whose scope holds the entry (`refs/heads/main`). */
  scope: string;
  finalized: boolean;
  /** What the client declared in FinalizeCacheEntryUpload. */
  sizeBytes: number;
  /** What Azurite actually holds for the entry's blob when it was finalized. */
  storedBytes: number;
  createdAt: number;
  lastAccessedAt: number;
}

export interface RecordedRequest {
  method: string;
  body: Record<string, unknown>;
  status: number;
  response: Record<string, unknown>;
}

export interface CacheServiceOptions {
  /** New entries allowed per rolling minute before CreateCacheEntry answers 429 (GitHub: about 200). */
  createLimitPerMinute?: number;
  /** The ref saves go to and searched first; the default branch is searched second. */
  ref?: string;
  defaultBranch?: string;
}

export interface CacheService {
  /** The service's base URL (ACTIONS_RESULTS_URL). */
  url: string;
  /** The Azurite blob endpoint behind the signed URLs. */
  blobUrl: string;
  /** What a job on `options.ref` sees: ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, ... */
  env: Record<string, string>;
  /**
   * The environment of a job on another ref: it writes to `ref` and reads `ref`, then each of
   * `readRefs` (GitHub gives a branch read access to its base and the default branch).
   */
  envFor(ref: string, readRefs?: readonly string[]): Record<string, string>;
  entries(): CacheEntry[];
  requests: RecordedRequest[];
  /** Makes the next call of `method` answer `status` with a Twirp error, like a failing service. */
  failNext(method: CacheMethod, status: number, message?: string): void;
  setCreateLimitPerMinute(limit: number | undefined): void;
  /** Removes an entry as GitHub's eviction would (7 days unused, or over the repository's quota). */
  evict(key: string): Promise<void>;
  stop(): Promise<void>;
}

const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
  500: 'internal',
  503: 'unavailable',
};

class TwirpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Starts Azurite and the Twirp server on free loopback ports; call `stop()` when done. */
export async function startCacheService(options: CacheServiceOptions = {}): Promise<CacheService> {
  const azurite = await startAzurite();
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const container = new BlobServiceClient(
    `${azurite.url}/${ACCOUNT}`,
    credential,
  ).getContainerClient(CONTAINER);
  try {
    await container.create();
  } catch (err) {
    await azurite.stop();
    throw err;
  }

  const secret = randomBytes(32);
  const ref = options.ref ?? 'refs/heads/main';
  const defaultBranch = options.defaultBranch ?? 'refs/heads/main';
  const entries: CacheEntry[] = [];
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, { status: number; message: string }[]>();
  const creates: number[] = [];
  let createLimit = options.createLimitPerMinute;
  let nextId = 1;

  const signedUrl = (entry: CacheEntry, permissions: string): string => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName: blobName(entry),
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn: new Date(Date.now() + 60 * 60 * 1000),
        protocol: SASProtocol.HttpsAndHttp,
      },
      credential,
    ).toString();
    return `${container.getBlobClient(blobName(entry)).url}?${sas}`;
  };

  const handlers: Record<
    CacheMethod,
    (body: Record<string, unknown>, scopes: CacheScope[]) => Promise<Record<string, unknown>>
  > = {
    async CreateCacheEntry(body, scopes) {
      const key = requiredString(body, 'key');
      const version = requiredString(body, 'version');
      checkKey(key);
      const scope = scopes.find((s) => s.permission & WRITE)?.scope;
      // GitHub answers a read-only token with ok:false and this stable prefix, not an HTTP error.
      if (!scope) {
        return { ok: false, message: 'cache write denied: token has no writable scopes' };
      }
      const now = Date.now();
      while (creates.length > 0 && creates[0]! <= now - 60_000) creates.shift();
      if (createLimit !== undefined && creates.length >= createLimit) {
        throw new TwirpError(429, 'cache entry creation rate limit exceeded');
      }
      const clash = entries.find(
        (e) => e.key === key && e.version === version && e.scope === scope,
      );
      if (clash) {
        throw new TwirpError(
          409,
          'cache entry with the same key, version, and scope already exists',
        );
      }
      creates.push(now);
      const entry: CacheEntry = {
        id: nextId++,
        key,
        version,
        scope,
        finalized: false,
        sizeBytes: 0,
        storedBytes: 0,
        createdAt: now,
        lastAccessedAt: now,
      };
      entries.push(entry);
      return { ok: true, signed_upload_url: signedUrl(entry, 'cw') };
    },

    async FinalizeCacheEntryUpload(body, scopes) {
      const key = requiredString(body, 'key');
      const version = requiredString(body, 'version');
      // int64 travels as a JSON string in Twirp/protobuf JSON.
      const sizeBytes = Number(requiredString(body, 'size_bytes'));
      const scope = scopes.find((s) => s.permission & WRITE)?.scope;
      const entry = entries.find(
        (e) => e.key === key && e.version === version && e.scope === scope && !e.finalized,
      );
      if (!entry) throw new TwirpError(404, `no cache entry reserved for key ${key}`);
      let stored: number;
      try {
        stored =
          (await container.getBlobClient(blobName(entry)).getProperties()).contentLength ?? -1;
      } catch {
        return { ok: false, message: `cache entry ${key} has no uploaded archive` };
      }
      if (stored !== sizeBytes) {
        return {
          ok: false,
          message: `cache entry ${key}: declared ${sizeBytes} bytes but ${stored} were uploaded`,
        };
      }
      entry.finalized = true;
      entry.sizeBytes = sizeBytes;
      entry.storedBytes = stored;
      entry.createdAt = Date.now();
      return { ok: true, entry_id: String(entry.id) };
    },

    async GetCacheEntryDownloadURL(body, scopes) {
      const key = requiredString(body, 'key');
      const version = requiredString(body, 'version');
      const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
      checkKey(key);
      restoreKeys.forEach(checkKey);
      const entry = lookup(entries, scopes, key, restoreKeys, version);
      if (!entry) return { ok: false, signed_download_url: '', matched_key: '' };
      entry.lastAccessedAt = Date.now();
      return { ok: true, signed_download_url: signedUrl(entry, 'r'), matched_key: entry.key };
    },
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, new TwirpError(500, String(err)));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const method = (req.url ?? '').replace(`/twirp/${SERVICE}/`, '');
    const record = (status: number, response: Record<string, unknown>) =>
      requests.push({ method, body, status, response });
    try {
      if (req.method !== 'POST' || !(method in handlers)) {
        throw new TwirpError(404, `no handler for ${req.method} ${req.url}`);
      }
      const scopes = verifyToken(req.headers.authorization, secret);
      const injected = failures.get(method)?.shift();
      if (injected) throw new TwirpError(injected.status, injected.message);
      const response = await handlers[method as CacheMethod](body, scopes);
      record(200, response);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(response));
    } catch (err) {
      const twirp = err instanceof TwirpError ? err : new TwirpError(500, String(err));
      record(twirp.status, { code: TWIRP_CODES[twirp.status] ?? 'unknown', msg: twirp.message });
      sendError(res, twirp);
    }
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const envFor = (jobRef: string, readRefs: readonly string[] = [defaultBranch]) => {
    const scopes: CacheScope[] = [{ scope: jobRef, permission: READ | WRITE }];
    for (const r of readRefs) if (r !== jobRef) scopes.push({ scope: r, permission: READ });
    return {
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RESULTS_URL: url,
      ACTIONS_RUNTIME_TOKEN: signToken(scopes, secret),
      // Anything but github.com (or *.ghe.com) makes the client fall back to the v1 protocol (GHES).
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REF: jobRef,
    };
  };

  return {
    url,
    blobUrl: `${azurite.url}/${ACCOUNT}`,
    env: envFor(ref),
    envFor,
    entries: () => entries.map((e) => ({ ...e })),
    requests,
    failNext(method, status, message = `injected failure ${status}`) {
      const queue = failures.get(method) ?? [];
      queue.push({ status, message });
      failures.set(method, queue);
    },
    setCreateLimitPerMinute(limit) {
      createLimit = limit;
    },
    async evict(key) {
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i]!;
        if (entry.key !== key) continue;
        entries.splice(i, 1);
        await container.getBlobClient(blobName(entry)).deleteIfExists();
      }
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await azurite.stop();
    },
  };
}

/**
 * GitHub's lookup: in each readable scope in the token's order (the job's ref, then its base and
 * default branch), the exact key, then the key as a prefix, then each restore key as a prefix;
 * the newest entry wins and the version must match.
 */
function lookup(
  entries: readonly CacheEntry[],
  scopes: readonly CacheScope[],
  key: string,
  restoreKeys: readonly string[],
  version: string,
): CacheEntry | undefined {
  for (const { scope, permission } of scopes) {
    if (!(permission & READ)) continue;
    const candidates = entries
      .filter((e) => e.finalized && e.scope === scope && e.version === version)
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    const exact = candidates.find((e) => e.key === key);
    if (exact) return exact;
    for (const prefix of [key, ...restoreKeys]) {
      const hit = candidates.find((e) => e.key.startsWith(prefix));
      if (hit) return hit;
    }
  }
  return undefined;
}

function blobName(entry: CacheEntry): string {
  return `entries/${entry.id}`;
}

function checkKey(key: string): void {
  if (key.length === 0 || key.length > 512 || key.includes(',')) {
    throw new TwirpError(400, `invalid cache key ${JSON.stringify(key)}`);
  }
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw new TwirpError(400, `${field} is required`);
  }
  return value;
}

function sendError(res: ServerResponse, err: TwirpError): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (err.status === 429) headers['retry-after'] = '60';
  res.writeHead(err.status, headers);
  res.end(JSON.stringify({ code: TWIRP_CODES[err.status] ?? 'unknown', msg: err.message }));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A runtime token shaped like the runner's: a JWT whose `ac` claim is a JSON string of scopes. */
function signToken(scopes: readonly CacheScope[], secret: Buffer): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'lighter-test-cache-service',
    nbf: now - 60,
    exp: now + 6 * 60 * 60,
    ac: JSON.stringify(scopes.map((s) => ({ Scope: s.scope, Permission: s.permission }))),
  };
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function verifyToken(authorization: string | undefined, secret: Buffer): CacheScope[] {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  const [header, payload, signature] = token?.split('.') ?? [];
  if (!header || !payload || !signature) throw new TwirpError(401, 'missing bearer token');
  const want = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  if (want !== signature) throw new TwirpError(401, 'token signature does not verify');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    ac?: string;
    exp?: number;
  };
  if ((claims.exp ?? 0) < Date.now() / 1000) throw new TwirpError(401, 'token expired');
  const ac = JSON.parse(claims.ac ?? '[]') as { Scope: string; Permission: number }[];
  return ac.map((s) => ({ scope: s.Scope, permission: s.Permission }));
}

interface Azurite {
  url: string;
  stop(): Promise<void>;
}

async function startAzurite(): Promise<Azurite> {
  const bin = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'azurite-blob');
  // A port taken between probing and Azurite's listen is possible; a few attempts cover it.
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn(
      bin,
      [
        '--blobHost',
        '127.0.0.1',
        '--blobPort',
        String(port),
        '--inMemoryPersistence',
        // Without it Azurite ignores SIGTERM.
        '--disableTelemetry',
        '--silent',
        // @azure/storage-blob (via @actions/cache) sends a newer x-ms-version than Azurite lists.
        '--skipApiVersionCheck',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const url = `http://127.0.0.1:${port}`;
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    if (await waitForAzurite(url, child)) {
      return {
        url,
        stop: async () => {
          process.removeListener('exit', killOnExit);
          await stopChild(child);
        },
      };
    }
    process.removeListener('exit', killOnExit);
    await stopChild(child);
    lastError = output.trim();
  }
  throw new Error(`azurite-blob did not start: ${lastError || 'no output'}`);
}

async function waitForAzurite(url: string, child: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      // Any HTTP answer (an auth error here) means the server is accepting requests.
      await fetch(`${url}/${ACCOUNT}?comp=list`);
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
