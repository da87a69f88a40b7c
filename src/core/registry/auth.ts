// Registry authentication: WWW-Authenticate challenges, Basic, and bearer tokens cached per scope.

import type { ErrorCode } from '../errors.js';
import { LighterError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Credentials } from './credentials.js';
import { responseError } from './errors.js';

export interface Challenge {
  /** Lower-cased scheme: `bearer`, `basic`, ... */
  scheme: string;
  /** Lower-cased parameter names: `realm`, `service`, `scope`, `error`. */
  params: Record<string, string>;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;

/**
 * Parses a WWW-Authenticate header (RFC 9110 §11.6.1), which may hold several challenges:
 * `Bearer realm="https://auth/token",service="reg",scope="repository:a:pull", Basic realm="r"`.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let i = 0;
  const skip = (chars: RegExp) => {
    while (i < header.length && chars.test(header[i] ?? '')) i++;
  };
  const token = (): string | undefined => {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(header);
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };
  const quoted = (): string => {
    let out = '';
    i++; // opening quote
    while (i < header.length && header[i] !== '"') {
      if (header[i] === '\\' && i + 1 < header.length) i++;
      out += header[i];
      i++;
    }
    i++; // closing quote
    return out;
  };
  while (i < header.length) {
    skip(/[\s,]/);
    const scheme = token();
    if (!scheme) break;
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    challenges.push(challenge);
    for (;;) {
      skip(/[ \t]/);
      const start = i;
      const name = token();
      if (!name) break;
      skip(/[ \t]/);
      if (header[i] !== '=') {
        // A bare token after a comma starts the next challenge.
        i = start;
        break;
      }
      i++;
      skip(/[ \t]/);
      let value: string;
      if (header[i] === '"') value = quoted();
      else {
        const start2 = i;
        while (i < header.length && header[i] !== ',') i++;
        value = header.slice(start2, i).trim();
      }
      challenge.params[name.toLowerCase()] = value;
      skip(/[ \t]/);
      if (header[i] === ',') {
        i++;
        // Peek: `name=` continues this challenge, a lone token starts another.
        skip(/[ \t]/);
        const save = i;
        const next = token();
        skip(/[ \t]/);
        const continues = next !== undefined && header[i] === '=';
        i = save;
        if (!continues) break;
      } else break;
    }
  }
  return challenges;
}

/** `repository:NAME:pull,push`, the unit tokens are granted for. */
export interface Scope {
  repository: string;
  actions: readonly string[];
}

export function formatScope(scope: Scope): string {
  return `repository:${scope.repository}:${scope.actions.join(',')}`;
}

/** Parses a challenge's `scope` parameter (space-separated, each `repository:name:actions`). */
export function parseScopes(value: string | undefined): Scope[] {
  if (!value) return [];
  const scopes: Scope[] = [];
  for (const part of value.split(' ')) {
    const m = /^repository(?:\([^)]*\))?:(.+):([a-z*,]+)$/.exec(part);
    if (m?.[1] && m[2]) scopes.push({ repository: m[1], actions: m[2].split(',') });
  }
  return scopes;
}

/** Merges scopes so each repository appears once with the union of its actions. */
export function mergeScopes(...lists: Scope[][]): Scope[] {
  const byRepo = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const s of list) {
      const set = byRepo.get(s.repository) ?? new Set<string>();
      for (const a of s.actions) set.add(a);
      byRepo.set(s.repository, set);
    }
  }
  return [...byRepo].map(([repository, actions]) => ({ repository, actions: [...actions].sort() }));
}

/** What the authenticator needs from the HTTP layer to talk to a token server. */
export type TokenFetch = (
  url: URL,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
) => Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}>;

export interface AuthenticatorOptions {
  /** Registry name, for messages. */
  registry: string;
  /** Lazily resolves credentials for a repository (undefined: anonymous). */
  credentials: (repository: string) => Promise<Credentials | undefined>;
  /** A bearer token to send as is, skipping challenges. */
  registryToken?: string;
  fetchToken: TokenFetch;
  logger: Logger;
  /** Clock, injected for tests. */
  now?: () => number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Why a 401/403 could not be cured, as code and a hint appended to the message. */
export interface AuthFailure {
  code: ErrorCode;
  hint: string;
}

/**
 * Produces Authorization headers for registry requests. The registry says what it wants in
 * its challenge (learnt from the `/v2/` ping or a 401); bearer tokens are fetched per set of
 * scopes, cached until shortly before they expire, and dropped when the registry refuses them.
 */
export class Authenticator {
  readonly #options: AuthenticatorOptions;
  #challenge: Challenge | undefined;
  readonly #tokens = new Map<string, CachedToken>();
  readonly #pending = new Map<string, Promise<string>>();
  readonly #now: () => number;

  constructor(options: AuthenticatorOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    if (options.registryToken) options.logger.secret(options.registryToken);
  }

  /** The challenge in force: bearer preferred when a registry offers several. */
  get challenge(): Challenge | undefined {
    return this.#challenge;
  }

  /** Records the challenges of a 401 (or the ping). */
  observe(header: string | string[] | undefined): void {
    const text = Array.isArray(header) ? header.join(', ') : header;
    if (!text) return;
    const challenges = parseWwwAuthenticate(text);
    const chosen =
      challenges.find((c) => c.scheme === 'bearer' && c.params.realm) ??
      challenges.find((c) => c.scheme === 'basic');
    if (chosen) this.#challenge = chosen;
  }

  /** The Authorization header for a request needing `scopes`, or undefined for none. */
  async authorization(scopes: Scope[]): Promise<string | undefined> {
    if (this.#options.registryToken) return `Bearer ${this.#options.registryToken}`;
    const challenge = this.#challenge;
    if (!challenge) return undefined;
    const repository = scopes[0]?.repository ?? '';
    if (challenge.scheme === 'basic') {
      const creds = await this.#options.credentials(repository);
      if (creds?.kind !== 'basic') return undefined;
      return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    }
    if (challenge.scheme === 'bearer') return `Bearer ${await this.#token(challenge, scopes)}`;
    return undefined;
  }

  /**
   * Called after a 401: learns the new challenge and forgets the token that was refused.
   * Returns the scopes to retry with (the challenge may ask for more), or undefined when
   * asking again cannot help.
   */
  async renew(
    scopes: Scope[],
    header: string | string[] | undefined,
  ): Promise<Scope[] | undefined> {
    if (this.#options.registryToken) return undefined;
    const before = this.#challenge;
    this.observe(header);
    const challenge = this.#challenge;
    if (!challenge) return undefined;
    if (challenge.scheme === 'bearer') {
      this.#tokens.delete(this.#key(challenge, scopes));
      return mergeScopes(scopes, parseScopes(challenge.params.scope));
    }
    if (challenge.scheme === 'basic') {
      // Basic credentials do not expire: retry only if they were not sent the first time.
      const creds = await this.#options.credentials(scopes[0]?.repository ?? '');
      return before?.scheme !== 'basic' && creds ? scopes : undefined;
    }
    return undefined;
  }

  /** Explains a 401/403 that survived renewal. */
  async failure(
    status: number,
    header: string | string[] | undefined,
    scopes: Scope[],
  ): Promise<AuthFailure> {
    const registry = this.#options.registry;
    if (this.#options.registryToken) {
      return { code: 'ERR_UNAUTHORIZED', hint: `the registry token for ${registry} was refused` };
    }
    const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
    const insufficient = parseWwwAuthenticate(text).some(
      (c) => c.params.error === 'insufficient_scope',
    );
    const creds = await this.#options.credentials(scopes[0]?.repository ?? '');
    const wanted = scopes.map(formatScope).join(' ');
    // A token that lacks the scope was issued on purpose: that is a denial, not a login failure.
    const denied = status === 403 || insufficient;
    if (!creds) {
      return {
        code: denied ? 'ERR_DENIED' : 'ERR_UNAUTHORIZED',
        hint: `no credentials for ${registry}; anonymous access to ${wanted} was refused`,
      };
    }
    if (denied) {
      return { code: 'ERR_DENIED', hint: `the credentials for ${registry} do not grant ${wanted}` };
    }
    return { code: 'ERR_UNAUTHORIZED', hint: `the credentials for ${registry} were rejected` };
  }

  #key(challenge: Challenge, scopes: Scope[]): string {
    const list = scopes.map(formatScope).sort().join(' ');
    return `${challenge.params.realm} ${challenge.params.service ?? ''} ${list}`;
  }

  async #token(challenge: Challenge, scopes: Scope[]): Promise<string> {
    const key = this.#key(challenge, scopes);
    const cached = this.#tokens.get(key);
    if (cached && cached.expiresAt > this.#now()) return cached.token;
    // Concurrent layer downloads share one token request.
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#fetchToken(challenge, scopes)
        .then((fresh) => {
          this.#tokens.set(key, fresh);
          return fresh.token;
        })
        .finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    return pending;
  }

  async #fetchToken(challenge: Challenge, scopes: Scope[]): Promise<CachedToken> {
    const { registry, logger } = this.#options;
    const realm = challenge.params.realm;
    if (!realm) {
      throw new LighterError('ERR_REGISTRY', `${registry} sent a bearer challenge without a realm`);
    }
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new LighterError('ERR_REGISTRY', `${registry} sent an invalid token realm "${realm}"`);
    }
    const context = `fetching a token for ${registry} from ${url.origin}${url.pathname}`;
    const creds = await this.#options.credentials(scopes[0]?.repository ?? '');
    const service = challenge.params.service;
    const scopeStrings = scopes.map(formatScope);
    let response: Awaited<ReturnType<TokenFetch>>;
    if (creds?.kind === 'identity-token') {
      // OAuth2 refresh-token grant, as docker does for identity tokens.
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: creds.token,
        client_id: 'lighter',
        ...(service ? { service } : {}),
        ...(scopeStrings.length ? { scope: scopeStrings.join(' ') } : {}),
      });
      response = await this.#options.fetchToken(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
    } else {
      if (service) url.searchParams.set('service', service);
      for (const s of scopeStrings) url.searchParams.append('scope', s);
      const headers: Record<string, string> = {};
      if (creds?.kind === 'basic') {
        // docker sends the account too; some token services key their answer on it.
        url.searchParams.set('account', creds.username);
        headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
      }
      response = await this.#options.fetchToken(url, { method: 'GET', headers });
    }
    if (response.status !== 200) {
      const base = responseError({ status: response.status, body: response.body });
      let code: ErrorCode = base.code;
      let hint = '';
      if (response.status === 401) {
        code = 'ERR_UNAUTHORIZED';
        hint = creds
          ? ` (the credentials for ${registry} were rejected)`
          : ` (no credentials for ${registry})`;
      } else if (response.status === 403) {
        code = 'ERR_DENIED';
        hint = ` (access to ${scopeStrings.join(' ')} was denied)`;
      }
      throw new LighterError(code, `${context}: ${base.message}${hint}`, {
        details: base.details,
      });
    }
    let json: {
      token?: unknown;
      access_token?: unknown;
      expires_in?: unknown;
      issued_at?: unknown;
    };
    try {
      json = JSON.parse(response.body) as typeof json;
    } catch {
      throw new LighterError('ERR_REGISTRY', `${context}: the token server did not answer JSON`);
    }
    const token =
      typeof json.token === 'string' && json.token
        ? json.token
        : typeof json.access_token === 'string'
          ? json.access_token
          : '';
    if (!token) throw new LighterError('ERR_REGISTRY', `${context}: the answer holds no token`);
    logger.secret(token);
    // The token spec's default lifetime is 60 s; renew a little early to avoid racing expiry.
    const lifetime =
      typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60;
    const issued =
      typeof json.issued_at === 'string' && !Number.isNaN(Date.parse(json.issued_at))
        ? Math.min(Date.parse(json.issued_at), this.#now())
        : this.#now();
    const margin = Math.min(10_000, (lifetime * 1000) / 4);
    logger.debug(`got a token for ${scopeStrings.join(' ') || registry} (valid ${lifetime}s)`);
    return { token, expiresAt: issued + lifetime * 1000 - margin };
  }
}
