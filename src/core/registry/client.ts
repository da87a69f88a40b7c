// A client for one registry speaking the OCI distribution spec 1.1 / Docker registry v2 API.

import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { type Digest, digestAlgorithm, digestOf, isDigest } from '../digest.js';
import { contextual, InvalidArgumentError, LighterError } from '../errors.js';
import type { RawManifest } from '../image.js';
import { type Logger, silentLogger } from '../log.js';
import {
  type Descriptor,
  detectManifestMediaType,
  type ImageIndex,
  MAX_MANIFEST_SIZE,
  mediaTypeFromContentType,
} from '../manifest.js';
import { MANIFEST_ACCEPT, MediaType } from '../media-types.js';
import type { RegistryAccess } from '../transport/types.js';
import type { Scope } from './auth.js';
import { type Credentials, resolveCredentials } from './credentials.js';
import { createDispatcher, type DispatcherOptions } from './dispatcher.js';
import { downloadBlob } from './download.js';
import { checkRegistryName } from './endpoint.js';
import { type RetryOptions, retryOptions } from './retry.js';
import { discard, headerValue, RegistrySession, readText } from './session.js';
import { DEFAULT_UPLOAD, type UploadOptions, uploadBlob } from './upload.js';

export interface RegistryClientOptions {
  access?: RegistryAccess;
  logger?: Logger;
  /**
   * The HTTP layer. When given, `access.tlsVerify: false` still allows plain http but
   * certificate checks are the dispatcher's business; when omitted, one is built from
   * `access` (and closed by `close()`).
   */
  dispatcher?: Dispatcher;
  /** Timeouts and connection limits for the dispatcher built when none is injected. */
  http?: Omit<DispatcherOptions, 'tlsVerify' | 'caFiles'>;
  /** Backoff tuning; `access.retries` sets the count. */
  retry?: Partial<Omit<RetryOptions, 'retries'>>;
  /** Upload chunking (defaults: 32 MiB chunks, single PUT up to 16 MiB). */
  upload?: Partial<UploadOptions>;
  /** Environment for credential files and helpers (default process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface ManifestInfo {
  digest: Digest;
  mediaType: string;
  size: number;
}

const REPOSITORY =
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^\w[\w.-]{0,127}$/;

function checkRepository(repository: string): void {
  if (!REPOSITORY.test(repository)) {
    throw new InvalidArgumentError(`invalid repository name "${repository}"`);
  }
}

function checkTagOrDigest(ref: string): void {
  if (!TAG.test(ref) && !isDigest(ref)) {
    throw new InvalidArgumentError(`invalid tag or digest "${ref}"`);
  }
}

const pull = (repository: string): Scope[] => [{ repository, actions: ['pull'] }];
const push = (repository: string): Scope[] => [{ repository, actions: ['pull', 'push'] }];

/** Parses `<url>; rel="next"` out of a Link header. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (m?.[1] && /\brel="?next"?/i.test(m[2] ?? '')) return m[1];
  }
  return undefined;
}

/**
 * Talks to one registry (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). Every method takes the
 * repository path within it (`library/busybox`). Failures are LighterErrors whose message
 * starts with what was being done: `pushing manifest to 127.0.0.1:5000/app:1: 401 ...`.
 */
export class RegistryClient {
  readonly registry: string;
  readonly #session: RegistrySession;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #upload: UploadOptions;
  readonly #logger: Logger;

  constructor(registry: string, options: RegistryClientOptions = {}) {
    checkRegistryName(registry);
    const access = options.access ?? {};
    this.registry = registry;
    this.#logger = options.logger ?? silentLogger;
    this.#upload = { ...DEFAULT_UPLOAD, ...options.upload };
    if (this.#upload.chunkSize !== undefined && this.#upload.chunkSize < 1) {
      throw new InvalidArgumentError('upload chunk size must be > 0');
    }
    this.#ownsDispatcher = !options.dispatcher;
    this.#dispatcher =
      options.dispatcher ??
      createDispatcher({
        ...options.http,
        ...(access.tlsVerify === undefined ? {} : { tlsVerify: access.tlsVerify }),
        ...(access.caFiles ? { caFiles: access.caFiles } : {}),
      });
    const logger = this.#logger;
    const credentials = new Map<string, Promise<Credentials | undefined>>();
    this.#session = new RegistrySession({
      registry,
      dispatcher: this.#dispatcher,
      tlsVerify: access.tlsVerify !== false,
      retry: retryOptions({
        ...options.retry,
        ...(access.retries === undefined ? {} : { retries: access.retries }),
      }),
      logger,
      ...(access.registryToken ? { registryToken: access.registryToken } : {}),
      credentials: (repository) => {
        let found = credentials.get(repository);
        if (!found) {
          found = resolveCredentials(registry, {
            repository,
            logger,
            ...(access.creds === undefined ? {} : { creds: access.creds }),
            ...(access.authFile ? { authFile: access.authFile } : {}),
            ...(options.env ? { env: options.env } : {}),
          }).then((r) => {
            if (r) logger.debug(`${registry}: using credentials from ${r.source}`);
            return r?.credentials;
          });
          credentials.set(repository, found);
        }
        return found;
      },
    });
  }

  /**
   * Checks that the credentials are accepted, as `docker login` does: an authenticated
   * `GET /v2/` (a token with no repository scope where the registry uses tokens).
   */
  checkLogin(): Promise<void> {
    return contextual(
      `logging in to ${this.registry}`,
      async () => {
        const res = await this.#session.send({
          method: 'GET',
          url: '/v2/',
          scopes: [],
          expect: [200],
        });
        await readText(res.body, 4096);
      },
      'ERR_REGISTRY',
    );
  }

  #name(repository: string, ref?: string): string {
    const suffix = ref === undefined ? '' : isDigest(ref) ? `@${ref}` : `:${ref}`;
    return `${this.registry}/${repository}${suffix}`;
  }

  /** Fetches a manifest or index by tag or digest; by digest, the bytes are verified. */
  manifest(repository: string, tagOrDigest: string): Promise<RawManifest> {
    checkRepository(repository);
    checkTagOrDigest(tagOrDigest);
    return contextual(
      `pulling manifest from ${this.#name(repository, tagOrDigest)}`,
      async () => {
        const res = await this.#session.send({
          method: 'GET',
          url: `/v2/${repository}/manifests/${tagOrDigest}`,
          scopes: pull(repository),
          headers: { accept: MANIFEST_ACCEPT.join(', ') },
          expect: [200],
        });
        const bytes = await readLimited(res.body, headerValue(res.headers, 'content-length'));
        const mediaType =
          mediaTypeFromContentType(headerValue(res.headers, 'content-type')) ??
          detectManifestMediaType(bytes);
        const digest = manifestDigest(
          bytes,
          tagOrDigest,
          headerValue(res.headers, 'docker-content-digest'),
        );
        return { bytes, mediaType, digest };
      },
      'ERR_REGISTRY',
    );
  }

  /** Digest, media type and size of a manifest without its body (HEAD); undefined if absent. */
  manifestInfo(repository: string, tagOrDigest: string): Promise<ManifestInfo | undefined> {
    checkRepository(repository);
    checkTagOrDigest(tagOrDigest);
    return contextual(
      `checking manifest ${this.#name(repository, tagOrDigest)}`,
      async () => {
        const res = await this.#session.send({
          method: 'HEAD',
          url: `/v2/${repository}/manifests/${tagOrDigest}`,
          scopes: pull(repository),
          headers: { accept: MANIFEST_ACCEPT.join(', ') },
          expect: [200, 404],
        });
        await readText(res.body, 0);
        if (res.status === 404) return undefined;
        const digest = headerValue(res.headers, 'docker-content-digest');
        const mediaType = mediaTypeFromContentType(headerValue(res.headers, 'content-type'));
        const size = Number(headerValue(res.headers, 'content-length'));
        if (digest && isDigest(digest) && mediaType && Number.isInteger(size)) {
          return { digest, mediaType, size };
        }
        // Not every registry answers HEAD fully; the body tells all.
        const raw = await this.manifest(repository, tagOrDigest);
        return { digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length };
      },
      'ERR_REGISTRY',
    );
  }

  /**
   * The bytes of a blob, resumed across connection drops. Not verified here: the caller
   * passes them through a VerifyingStream.
   */
  blob(repository: string, descriptor: Descriptor): Promise<Readable> {
    checkRepository(repository);
    return contextual(
      `pulling blob ${descriptor.digest} from ${this.#name(repository)}`,
      () => downloadBlob(this.#session, repository, descriptor),
      'ERR_REGISTRY',
    );
  }

  blobExists(repository: string, digest: Digest): Promise<boolean> {
    checkRepository(repository);
    return contextual(
      `checking blob ${digest} in ${this.#name(repository)}`,
      async () => {
        const res = await this.#session.send({
          method: 'HEAD',
          url: `/v2/${repository}/blobs/${digest}`,
          scopes: pull(repository),
          expect: [200, 404],
        });
        await readText(res.body, 0);
        return res.status === 200;
      },
      'ERR_REGISTRY',
    );
  }

  /** Cross-repository mount; false when the registry could not (it then started an upload, cancelled here). */
  mountBlob(repository: string, digest: Digest, fromRepository: string): Promise<boolean> {
    checkRepository(repository);
    checkRepository(fromRepository);
    return contextual(
      `mounting blob ${digest} from ${this.#name(fromRepository)} into ${this.#name(repository)}`,
      async () => {
        const query = new URLSearchParams({ mount: digest, from: fromRepository });
        const res = await this.#session.send({
          method: 'POST',
          url: `/v2/${repository}/blobs/uploads/?${query}`,
          scopes: [...push(repository), ...pull(fromRepository)],
          headers: { 'content-length': '0' },
          expect: [201, 202],
        });
        await readText(res.body, 0);
        if (res.status === 201) return true;
        const location = headerValue(res.headers, 'location');
        if (location) {
          const cancel = await this.#session
            .send({
              method: 'DELETE',
              url: new URL(location, res.url).toString(),
              scopes: push(repository),
              expect: [202, 204, 404],
              retry: false,
            })
            .catch(() => undefined);
          if (cancel) await readText(cancel.body, 0);
        }
        return false;
      },
      'ERR_REGISTRY',
    );
  }

  /**
   * Uploads a blob from a stream, holding at most one chunk in memory. With `digest`, the
   * bytes must match it (checked before the upload is committed); without, it is computed.
   */
  putBlob(
    repository: string,
    stream: Readable,
    expected: { digest?: Digest; size?: number } = {},
  ): Promise<{ digest: Digest; size: number }> {
    checkRepository(repository);
    if (expected.digest) digestAlgorithm(expected.digest);
    const what = expected.digest ? `blob ${expected.digest}` : 'blob';
    return contextual(
      `pushing ${what} to ${this.#name(repository)}`,
      () => uploadBlob(this.#session, repository, stream, expected, this.#upload),
      'ERR_REGISTRY',
    );
  }

  /** Stores a manifest under a tag or its digest; returns its digest. */
  putManifest(repository: string, tagOrDigest: string, raw: RawManifest): Promise<Digest> {
    checkRepository(repository);
    checkTagOrDigest(tagOrDigest);
    return contextual(
      `pushing manifest to ${this.#name(repository, tagOrDigest)}`,
      async () => {
        if (raw.bytes.length > MAX_MANIFEST_SIZE) {
          throw new LighterError(
            'ERR_MANIFEST_TOO_BIG',
            `manifest is ${raw.bytes.length} bytes; the limit is ${MAX_MANIFEST_SIZE}`,
          );
        }
        const digest = digestOf(raw.bytes, digestAlgorithm(raw.digest));
        if (digest !== raw.digest || (isDigest(tagOrDigest) && tagOrDigest !== digest)) {
          throw new LighterError(
            'ERR_DIGEST_MISMATCH',
            `manifest digest mismatch: labelled ${raw.digest}${isDigest(tagOrDigest) ? `, pushed as ${tagOrDigest}` : ''}, bytes are ${digest}`,
          );
        }
        const res = await this.#session.send({
          method: 'PUT',
          url: `/v2/${repository}/manifests/${tagOrDigest}`,
          scopes: push(repository),
          headers: { 'content-type': raw.mediaType },
          body: raw.bytes,
          expect: [200, 201, 202, 204],
          // A registry on eventually consistent storage may not know a blob just uploaded,
          // nor distribution's file store while one blob is linked for two tags at once.
          retryCodes: ['MANIFEST_BLOB_UNKNOWN'],
        });
        await readText(res.body, 0);
        const reported = headerValue(res.headers, 'docker-content-digest');
        if (reported && isDigest(reported) && reported !== digest) {
          this.#logger.warn(
            `${this.#name(repository, tagOrDigest)}: the registry reports digest ${reported}, expected ${digest}`,
          );
        }
        return digest;
      },
      'ERR_REGISTRY',
    );
  }

  /** Deletes a manifest by digest (tags pointing at it go too). */
  deleteManifest(repository: string, digest: Digest): Promise<void> {
    checkRepository(repository);
    if (!isDigest(digest)) throw new InvalidArgumentError(`invalid digest "${digest}"`);
    return contextual(
      `deleting manifest ${this.#name(repository, digest)}`,
      async () => {
        const res = await this.#session.send({
          method: 'DELETE',
          url: `/v2/${repository}/manifests/${digest}`,
          scopes: [{ repository, actions: ['delete'] }],
          expect: [200, 202, 204],
        });
        await readText(res.body, 0);
      },
      'ERR_REGISTRY',
    );
  }

  /** All tags of a repository, following `Link` pagination (`pageSize` sets `n=`). */
  tags(repository: string, options: { pageSize?: number } = {}): Promise<string[]> {
    checkRepository(repository);
    return contextual(
      `listing tags of ${this.#name(repository)}`,
      async () => {
        const tags: string[] = [];
        const query = options.pageSize ? `?n=${options.pageSize}` : '';
        let url: string | undefined = `/v2/${repository}/tags/list${query}`;
        const seen = new Set<string>();
        while (url) {
          if (seen.has(url)) throw new LighterError('ERR_REGISTRY', 'tag pagination loops');
          seen.add(url);
          const res = await this.#session.send({
            method: 'GET',
            url,
            scopes: pull(repository),
            expect: [200],
          });
          const text = await readText(res.body, 16 * 1024 * 1024);
          let page: { tags?: unknown };
          try {
            page = JSON.parse(text) as { tags?: unknown };
          } catch {
            throw new LighterError('ERR_REGISTRY', 'the tag list is not JSON');
          }
          if (Array.isArray(page.tags)) {
            tags.push(...page.tags.filter((t): t is string => typeof t === 'string'));
          }
          const next = nextLink(headerValue(res.headers, 'link'));
          url = next ? new URL(next, res.url).toString() : undefined;
        }
        return tags;
      },
      'ERR_REGISTRY',
    );
  }

  /**
   * Manifests whose `subject` is `digest` (OCI 1.1 referrers API). Registries without the
   * API (404) are read through the tag schema: an index tagged `sha256-<hex>`.
   */
  referrers(
    repository: string,
    digest: Digest,
    options: { artifactType?: string } = {},
  ): Promise<Descriptor[]> {
    checkRepository(repository);
    if (!isDigest(digest)) throw new InvalidArgumentError(`invalid digest "${digest}"`);
    return contextual(
      `listing referrers of ${this.#name(repository, digest)}`,
      async () => {
        const query = options.artifactType
          ? `?${new URLSearchParams({ artifactType: options.artifactType })}`
          : '';
        const res = await this.#session.send({
          method: 'GET',
          url: `/v2/${repository}/referrers/${digest}${query}`,
          scopes: pull(repository),
          headers: { accept: MediaType.ociIndex },
          expect: [200, 404],
        });
        let index: ImageIndex | undefined;
        let filtered = false;
        if (res.status === 200) {
          const bytes = await readLimited(res.body, headerValue(res.headers, 'content-length'));
          index = parseIndex(bytes);
          filtered =
            headerValue(res.headers, 'oci-filters-applied')?.includes('artifactType') ?? false;
        } else {
          await readText(res.body, 0);
          const fallbackTag = digest.replace(':', '-');
          const info = await this.manifestInfo(repository, fallbackTag);
          if (!info) return [];
          const raw = await this.manifest(repository, fallbackTag);
          index = parseIndex(raw.bytes);
        }
        const list = index.manifests ?? [];
        if (!options.artifactType || filtered) return list;
        return list.filter((d) => d.artifactType === options.artifactType);
      },
      'ERR_REGISTRY',
    );
  }

  /** Closes the connections this client opened (not an injected dispatcher). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }
}

function parseIndex(bytes: Uint8Array): ImageIndex {
  try {
    const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as ImageIndex;
    if (!Array.isArray(json.manifests)) throw new Error('no manifests list');
    return json;
  } catch (err) {
    throw new LighterError(
      'ERR_REGISTRY',
      `the referrers answer is not an index: ${(err as Error).message}`,
    );
  }
}

/** Reads a manifest-sized body, refusing more than MAX_MANIFEST_SIZE before buffering it. */
async function readLimited(body: Readable, contentLength: string | undefined): Promise<Uint8Array> {
  const tooBig = (size: string) =>
    new LighterError(
      'ERR_MANIFEST_TOO_BIG',
      `manifest is ${size} bytes; the limit is ${MAX_MANIFEST_SIZE}`,
      { details: { limit: MAX_MANIFEST_SIZE } },
    );
  if (contentLength && Number(contentLength) > MAX_MANIFEST_SIZE) {
    discard(body);
    throw tooBig(contentLength);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_MANIFEST_SIZE) {
      discard(body);
      throw tooBig(`more than ${MAX_MANIFEST_SIZE}`);
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

/**
 * The digest of fetched manifest bytes. Fetched by digest, the bytes must match it; fetched by
 * tag, a Docker-Content-Digest of the same algorithm must agree (it names what the registry
 * stored, so a difference means the bytes were altered on the way).
 */
function manifestDigest(bytes: Uint8Array, ref: string, reported: string | undefined): Digest {
  if (isDigest(ref)) {
    const got = digestOf(bytes, digestAlgorithm(ref));
    if (got !== ref) {
      throw new LighterError(
        'ERR_DIGEST_MISMATCH',
        `manifest digest mismatch: expected ${ref}, got ${got}`,
        { details: { expected: ref, actual: got } },
      );
    }
    return ref;
  }
  const got = digestOf(bytes);
  if (
    reported &&
    isDigest(reported) &&
    digestAlgorithm(reported) === 'sha256' &&
    reported !== got
  ) {
    throw new LighterError(
      'ERR_DIGEST_MISMATCH',
      `manifest digest mismatch: the registry says ${reported}, the bytes are ${got}`,
      { details: { expected: reported, actual: got } },
    );
  }
  return got;
}
