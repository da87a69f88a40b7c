// One registry's HTTP conversation: scheme detection, auth, retries and redirects around undici.

import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { LighterError } from '../errors.js';
import type { Logger } from '../log.js';
import { Authenticator, type Scope } from './auth.js';
import type { Credentials } from './credentials.js';
import { apiHost, isLoopback } from './endpoint.js';
import {
  isProtocolMismatch,
  isRetryableNetworkError,
  networkError,
  parseErrorBody,
  responseError,
} from './errors.js';
import { isRetryableStatus, parseRetryAfter, type RetryOptions, retryDelay } from './retry.js';

export const USER_AGENT = 'lighter/0.1';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A request body. Bytes and factories can be sent again (after a 401 or a retryable failure);
 * a factory returns a fresh stream over data the caller holds, e.g. one upload chunk.
 */
export type RequestBody = Uint8Array | string | (() => Readable);

export interface SendOptions {
  method: Method;
  /** A path (`/v2/...`) on the registry, or an absolute URL such as an upload Location. */
  url: string;
  /** What the request needs access to; drives bearer token scopes. */
  scopes: Scope[];
  headers?: Record<string, string>;
  body?: RequestBody;
  /** Statuses returned to the caller; any other becomes a LighterError. */
  expect: readonly number[];
  /**
   * Retry connection failures and 408/429/5xx (default true). Steps that are not safe to
   * repeat blindly (a PATCH that may have been applied) pass false and recover themselves.
   */
  retry?: boolean;
  /**
   * Registry error codes that are worth retrying for this request although their status is
   * not (a manifest PUT's MANIFEST_BLOB_UNKNOWN, said by eventually consistent stores).
   */
  retryCodes?: readonly string[];
}

export interface RegistryResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
  /** The URL that answered (after redirects). */
  url: URL;
}

export interface SessionOptions {
  registry: string;
  dispatcher: Dispatcher;
  tlsVerify: boolean;
  retry: RetryOptions;
  logger: Logger;
  credentials: (repository: string) => Promise<Credentials | undefined>;
  registryToken?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * Drops a response body we will not read. undici reports destroying an unfinished body as an
 * error event; nobody is listening for it any more, so it is swallowed here.
 */
export function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/** Reads at most `limit` bytes of a body as text and discards the rest. */
export async function readText(body: Readable, limit = ERROR_BODY_LIMIT): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // An error body cut short still says something; the status tells the rest.
  } finally {
    discard(body);
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** A URL for messages and logs: no query string, which may hold signatures or upload state. */
export function displayUrl(url: URL): string {
  return `${url.host}${url.pathname}`;
}

/** The first value of a response header. */
export function headerValue(
  headers: RegistryResponse['headers'],
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The HTTP layer under RegistryClient. It pings `/v2/` once to pick the scheme and learn the
 * auth challenge, so even the first upload request carries a token and never has to be resent.
 *
 * Scheme choice, as containers/image does for insecure registries: https first; plain http
 * only when https cannot be spoken (TLS handshake or connection fails) and the registry is
 * either a loopback host or `tlsVerify` is false. A loopback registry with a TLS certificate
 * we cannot verify still fails with ERR_TLS: an http fallback only happens when http answers
 * like a registry (200 or 401 on `/v2/`).
 */
export class RegistrySession {
  readonly registry: string;
  readonly auth: Authenticator;
  readonly #options: SessionOptions;
  #origin: Promise<string> | undefined;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.registry = options.registry;
    this.auth = new Authenticator({
      registry: options.registry,
      credentials: options.credentials,
      ...(options.registryToken ? { registryToken: options.registryToken } : {}),
      logger: options.logger,
      fetchToken: (url, init) => this.#fetchToken(url, init),
    });
  }

  get retry(): RetryOptions {
    return this.#options.retry;
  }

  get logger(): Logger {
    return this.#options.logger;
  }

  /** `https://host` or `http://host`, detected once. */
  origin(): Promise<string> {
    if (!this.#origin) {
      this.#origin = this.#detectOrigin();
      // A failed detection is not cached: the next call tries again.
      this.#origin.catch(() => {
        this.#origin = undefined;
      });
    }
    return this.#origin;
  }

  async #probe(origin: string): Promise<number> {
    const res = await this.#options.dispatcher.request({
      origin,
      path: '/v2/',
      method: 'GET',
      headers: { 'user-agent': USER_AGENT },
    });
    const challenge = res.headers['www-authenticate'];
    await readText(res.body, 4096);
    if (res.statusCode === 401) this.auth.observe(challenge);
    return res.statusCode;
  }

  async #detectOrigin(): Promise<string> {
    const { registry, tlsVerify, retry, logger } = this.#options;
    const host = apiHost(registry);
    const allowHttp = !tlsVerify || isLoopback(registry);
    // On loopback, plain http is asked first: no TLS setup at all for the usual CI registry on
    // localhost, and loopback traffic never crosses a network. A TLS server answers a plain
    // request with 400 (or drops it), and then https is used as below.
    if (isLoopback(registry)) {
      const status = await this.#probe(`http://${host}`).catch(() => undefined);
      if (status === 200 || status === 401) return `http://${host}`;
    }
    for (let attempt = 0; ; attempt++) {
      // Both probes start at once where http is allowed, so a plain-http registry on loopback
      // costs no extra round trip; https still wins whenever it works.
      const https = this.#probe(`https://${host}`).then(
        () => ({ ok: true as const }),
        (err: unknown) => ({ ok: false as const, err }),
      );
      const http = allowHttp
        ? this.#probe(`http://${host}`).then(
            (status) => ({ ok: status === 200 || status === 401, err: undefined as unknown }),
            (err: unknown) => ({ ok: false, err }),
          )
        : undefined;
      const httpsResult = await https;
      if (httpsResult.ok) {
        http?.catch(() => {});
        return `https://${host}`;
      }
      const httpsError = httpsResult.err;
      let httpError: unknown;
      if (http) {
        const httpResult = await http;
        if (httpResult.ok) {
          logger.debug(`${registry}: https failed, using plain http`);
          return `http://${host}`;
        }
        httpError = httpResult.err;
      }
      // A certificate error means the server speaks TLS: that is the failure to report. When
      // the TLS handshake itself failed, the server may speak plain http, so its error counts.
      const notTls = isProtocolMismatch(httpsError);
      const failure = notTls && httpError !== undefined ? httpError : httpsError;
      const mapped = networkError(failure, host);
      const retryable =
        isRetryableNetworkError(httpsError) || (notTls && isRetryableNetworkError(httpError));
      if (!retryable || attempt >= retry.retries) {
        const hint =
          notTls && !allowHttp
            ? ' (the server does not seem to speak TLS; plain http is used only for loopback hosts or with tlsVerify false)'
            : '';
        throw new LighterError(
          mapped.code,
          `${mapped.message}${hint}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}`,
          { cause: failure, details: mapped.details },
        );
      }
      const delay = retryDelay(retry, attempt + 1);
      logger.warn(`${host}: ${mapped.message}; retrying in ${delay} ms`);
      await retry.sleep(delay);
    }
  }

  async send(options: SendOptions): Promise<RegistryResponse> {
    const origin = await this.origin();
    const { retry, logger, dispatcher } = this.#options;
    // Every body form can be sent again, so a 401 can always be retried with fresh auth.
    const mayRetry = options.retry !== false;
    const followRedirects = options.method === 'GET' || options.method === 'HEAD';
    let url = new URL(options.url, origin);
    let scopes = options.scopes;
    let attempt = 0;
    let renewed = false;
    let redirects = 0;
    for (;;) {
      const sameOrigin = url.origin === origin;
      const headers: Record<string, string> = { 'user-agent': USER_AGENT, ...options.headers };
      if (sameOrigin) {
        // Credentials stay with the registry: a redirect to an object store gets none.
        const authorization = await this.auth.authorization(scopes);
        if (authorization) headers.authorization = authorization;
      }
      const body = typeof options.body === 'function' ? options.body() : options.body;
      let res: Dispatcher.ResponseData;
      try {
        res = await dispatcher.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: options.method,
          headers,
          body: body ?? null,
        });
      } catch (err) {
        if (body && typeof body === 'object' && 'destroy' in body) body.destroy();
        const mapped = networkError(err, url.host);
        if (mayRetry && isRetryableNetworkError(err) && attempt < retry.retries) {
          attempt++;
          const delay = retryDelay(retry, attempt);
          logger.warn(
            `${options.method} ${displayUrl(url)}: ${mapped.message}; retrying in ${delay} ms (${attempt}/${retry.retries})`,
          );
          await retry.sleep(delay);
          continue;
        }
        throw attempt > 0 ? annotateAttempts(mapped, attempt + 1) : mapped;
      }
      const status = res.statusCode;
      if (followRedirects && REDIRECTS.has(status) && res.headers.location) {
        await readText(res.body, 4096);
        if (++redirects > MAX_REDIRECTS) {
          throw new LighterError('ERR_REGISTRY', `too many redirects from ${displayUrl(url)}`);
        }
        url = new URL(String(res.headers.location), url);
        continue;
      }
      if (options.expect.includes(status)) {
        return { status, headers: res.headers, body: res.body, url };
      }
      const text = await readText(res.body);
      const challenge = res.headers['www-authenticate'];
      if (status === 401 && sameOrigin && !renewed) {
        renewed = true;
        const next = await this.auth.renew(scopes, challenge);
        if (next) {
          scopes = next;
          continue;
        }
      }
      if ((status === 401 || status === 403) && sameOrigin) {
        const failure = await this.auth.failure(status, challenge, scopes);
        throw responseError({ status, body: text, code: failure.code, hint: failure.hint });
      }
      const retryable =
        isRetryableStatus(status) ||
        (options.retryCodes !== undefined &&
          parseErrorBody(text).some((e) => options.retryCodes?.includes(e.code)));
      if (mayRetry && retryable && attempt < retry.retries) {
        attempt++;
        const delay = retryDelay(retry, attempt, parseRetryAfter(res.headers['retry-after']));
        logger.warn(
          `${options.method} ${displayUrl(url)}: ${status}; retrying in ${delay} ms (${attempt}/${retry.retries})`,
        );
        await retry.sleep(delay);
        continue;
      }
      const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
      throw responseError({
        status,
        body: text,
        ...(attempt > 0 ? { hint: `after ${attempt + 1} attempts` } : {}),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
  }

  /** Token server requests: same dispatcher (same trusted CAs), same retry policy, no auth. */
  async #fetchToken(
    url: URL,
    init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  ) {
    const { retry, logger, dispatcher } = this.#options;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await dispatcher.request({
          origin: url.origin,
          path: url.pathname + url.search,
          method: init.method,
          headers: { 'user-agent': USER_AGENT, ...init.headers },
          body: init.body ?? null,
        });
        const body = await readText(res.body, 1024 * 1024);
        if (isRetryableStatus(res.statusCode) && attempt < retry.retries) {
          const delay = retryDelay(retry, attempt + 1, parseRetryAfter(res.headers['retry-after']));
          logger.warn(
            `token server ${displayUrl(url)}: ${res.statusCode}; retrying in ${delay} ms`,
          );
          await retry.sleep(delay);
          continue;
        }
        return { status: res.statusCode, headers: res.headers, body };
      } catch (err) {
        const mapped = networkError(err, url.host);
        if (!isRetryableNetworkError(err) || attempt >= retry.retries) {
          throw new LighterError(
            mapped.code,
            `fetching a token for ${this.registry}: ${mapped.message}`,
            { cause: err, details: mapped.details },
          );
        }
        const delay = retryDelay(retry, attempt + 1);
        logger.warn(`token server ${displayUrl(url)}: ${mapped.message}; retrying in ${delay} ms`);
        await retry.sleep(delay);
      }
    }
  }
}

function annotateAttempts(err: LighterError, attempts: number): LighterError {
  return new LighterError(err.code, `${err.message} (after ${attempts} attempts)`, {
    cause: err.cause,
    details: err.details,
  });
}
