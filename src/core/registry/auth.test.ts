// Tests for challenge parsing and the token cache, with a scripted token server.

import { describe, expect, it } from 'vitest';
import { SecretMasker, silentLogger } from '../log.js';
import {
  Authenticator,
  type AuthenticatorOptions,
  mergeScopes,
  parseScopes,
  parseWwwAuthenticate,
  type Scope,
  type TokenFetch,
} from './auth.js';
import type { Credentials } from './credentials.js';

describe('parseWwwAuthenticate', () => {
  it('reads a distribution bearer challenge', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/busybox:pull',
        },
      },
    ]);
  });

  it('splits several challenges and keeps commas inside quotes', () => {
    const got = parseWwwAuthenticate(
      'Basic realm="a, b", Bearer realm="https://x/token", error="insufficient_scope",scope="repository:a:pull,push"',
    );
    expect(got).toEqual([
      { scheme: 'basic', params: { realm: 'a, b' } },
      {
        scheme: 'bearer',
        params: {
          realm: 'https://x/token',
          error: 'insufficient_scope',
          scope: 'repository:a:pull,push',
        },
      },
    ]);
  });

  it('accepts unquoted values, escapes and odd spacing', () => {
    expect(parseWwwAuthenticate('basic realm=simple ,  charset = "UTF-8"')).toEqual([
      { scheme: 'basic', params: { realm: 'simple', charset: 'UTF-8' } },
    ]);
    expect(parseWwwAuthenticate('Bearer realm="a\\"b"')[0]?.params.realm).toBe('a"b');
    expect(parseWwwAuthenticate('')).toEqual([]);
  });
});

describe('scopes', () => {
  it('parses and merges by repository', () => {
    const parsed = parseScopes('repository:a/b:pull repository:c:pull,push');
    expect(parsed).toEqual([
      { repository: 'a/b', actions: ['pull'] },
      { repository: 'c', actions: ['pull', 'push'] },
    ]);
    expect(mergeScopes([{ repository: 'a/b', actions: ['push'] }], parsed)).toEqual([
      { repository: 'a/b', actions: ['pull', 'push'] },
      { repository: 'c', actions: ['pull', 'push'] },
    ]);
  });
});

interface Call {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

function tokenServer(reply: (call: Call) => { status: number; body: unknown }) {
  const calls: Call[] = [];
  let n = 0;
  const fetchToken: TokenFetch = async (url, init) => {
    const call: Call = { url, method: init.method, headers: init.headers };
    if (init.body !== undefined) call.body = init.body;
    calls.push(call);
    const r = reply(call);
    n++;
    return {
      status: r.status,
      headers: {},
      body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body),
    };
  };
  return { calls, fetchToken, count: () => n };
}

function authenticator(
  fetchToken: TokenFetch,
  creds?: Credentials,
  extra: Partial<AuthenticatorOptions> = {},
): Authenticator {
  return new Authenticator({
    registry: 'reg.example:5000',
    credentials: async () => creds,
    fetchToken,
    logger: silentLogger,
    ...extra,
  });
}

const CHALLENGE = 'Bearer realm="https://auth.example/token",service="reg"';
const pullA: Scope[] = [{ repository: 'a', actions: ['pull'] }];
const pushB: Scope[] = [{ repository: 'b', actions: ['pull', 'push'] }];

describe('Authenticator', () => {
  it('sends nothing until the registry asks', async () => {
    const server = tokenServer(() => ({ status: 200, body: { token: 't' } }));
    expect(await authenticator(server.fetchToken).authorization(pullA)).toBeUndefined();
    expect(server.calls).toEqual([]);
  });

  it('fetches one token per scope set, with Basic credentials, and caches it', async () => {
    let n = 0;
    const server = tokenServer(() => ({
      status: 200,
      body: { token: `t${++n}`, expires_in: 300 },
    }));
    const auth = authenticator(server.fetchToken, {
      kind: 'basic',
      username: 'u',
      password: 'p:w',
    });
    auth.observe(CHALLENGE);
    const [a1, a2] = await Promise.all([auth.authorization(pullA), auth.authorization(pullA)]);
    expect(a1).toBe('Bearer t1');
    expect(a2).toBe('Bearer t1');
    expect(await auth.authorization(pushB)).toBe('Bearer t2');
    expect(await auth.authorization(pullA)).toBe('Bearer t1');
    expect(server.calls).toHaveLength(2);
    const first = server.calls[0]!;
    expect(first.url.searchParams.get('service')).toBe('reg');
    expect(first.url.searchParams.get('account')).toBe('u');
    expect(first.url.searchParams.getAll('scope')).toEqual(['repository:a:pull']);
    expect(first.headers.authorization).toBe(`Basic ${Buffer.from('u:p:w').toString('base64')}`);
    expect(server.calls[1]!.url.searchParams.getAll('scope')).toEqual(['repository:b:pull,push']);
  });

  it('renews a token shortly before it expires', async () => {
    let now = 1_000_000;
    let n = 0;
    const server = tokenServer(() => ({ status: 200, body: { token: `t${++n}`, expires_in: 60 } }));
    const auth = authenticator(server.fetchToken, undefined, { now: () => now });
    auth.observe(CHALLENGE);
    expect(await auth.authorization(pullA)).toBe('Bearer t1');
    now += 45_000;
    expect(await auth.authorization(pullA)).toBe('Bearer t1');
    now += 10_000; // within the renewal margin
    expect(await auth.authorization(pullA)).toBe('Bearer t2');
  });

  it('drops a refused token on 401 and widens the scope to what the challenge asks', async () => {
    let n = 0;
    const server = tokenServer(() => ({ status: 200, body: { access_token: `t${++n}` } }));
    const auth = authenticator(server.fetchToken);
    auth.observe(CHALLENGE);
    expect(await auth.authorization(pullA)).toBe('Bearer t1');
    const next = await auth.renew(
      pullA,
      `${CHALLENGE},scope="repository:a:pull,push",error="invalid_token"`,
    );
    expect(next).toEqual([{ repository: 'a', actions: ['pull', 'push'] }]);
    expect(await auth.authorization(next!)).toBe('Bearer t2');
    expect(await auth.authorization(pullA)).toBe('Bearer t3');
  });

  it('uses Basic directly when the registry asks for it, and does not retry it', async () => {
    const server = tokenServer(() => ({ status: 500, body: '' }));
    const auth = authenticator(server.fetchToken, { kind: 'basic', username: 'u', password: 'p' });
    expect(await auth.renew(pullA, 'Basic realm="r"')).toEqual(pullA);
    expect(await auth.authorization(pullA)).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(await auth.renew(pullA, 'Basic realm="r"')).toBeUndefined();
    expect(server.calls).toEqual([]);
  });

  it('exchanges an identity token with the OAuth2 refresh grant', async () => {
    const server = tokenServer(() => ({ status: 200, body: { access_token: 'acc' } }));
    const auth = authenticator(server.fetchToken, { kind: 'identity-token', token: 'refresh-me' });
    auth.observe(CHALLENGE);
    expect(await auth.authorization(pushB)).toBe('Bearer acc');
    const call = server.calls[0]!;
    expect(call.method).toBe('POST');
    const form = new URLSearchParams(call.body);
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('refresh-me');
    expect(form.get('service')).toBe('reg');
    expect(form.get('scope')).toBe('repository:b:pull,push');
  });

  it('sends a given registry token as is and never renews it', async () => {
    const server = tokenServer(() => ({ status: 200, body: { token: 'x' } }));
    const auth = authenticator(server.fetchToken, undefined, { registryToken: 'given' });
    auth.observe(CHALLENGE);
    expect(await auth.authorization(pullA)).toBe('Bearer given');
    expect(await auth.renew(pullA, CHALLENGE)).toBeUndefined();
    expect((await auth.failure(401, CHALLENGE, pullA)).code).toBe('ERR_UNAUTHORIZED');
  });

  it('reports rejected credentials as ERR_UNAUTHORIZED without the password', async () => {
    const server = tokenServer(() => ({ status: 401, body: { details: 'incorrect username' } }));
    const auth = authenticator(server.fetchToken, {
      kind: 'basic',
      username: 'u',
      password: 'hunter2-secret',
    });
    auth.observe(CHALLENGE);
    const err = await auth.authorization(pullA).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    const message = (err as Error).message;
    expect(message).toContain('reg.example:5000');
    expect(message).toContain('rejected');
    expect(message).not.toContain('hunter2-secret');
  });

  it('calls a token that lacks the scope a denial', async () => {
    const server = tokenServer(() => ({ status: 200, body: { token: 't' } }));
    const creds: Credentials = { kind: 'basic', username: 'u', password: 'p' };
    const auth = authenticator(server.fetchToken, creds);
    const denied = await auth.failure(
      401,
      `${CHALLENGE},error="insufficient_scope",scope="repository:b:pull,push"`,
      pushB,
    );
    expect(denied.code).toBe('ERR_DENIED');
    expect(denied.hint).toContain('repository:b:pull,push');
    expect((await auth.failure(401, CHALLENGE, pushB)).code).toBe('ERR_UNAUTHORIZED');
    expect((await auth.failure(403, undefined, pushB)).code).toBe('ERR_DENIED');
    const anonymous = authenticator(server.fetchToken);
    expect((await anonymous.failure(401, CHALLENGE, pullA)).hint).toContain('no credentials');
  });

  it('registers every token it gets as a secret', async () => {
    const masker = new SecretMasker();
    const server = tokenServer(() => ({ status: 200, body: { token: 'tok-abcdef' } }));
    const auth = authenticator(server.fetchToken, undefined, {
      logger: { ...silentLogger, secret: (v) => masker.add(v) },
    });
    auth.observe(CHALLENGE);
    await auth.authorization(pullA);
    expect(masker.mask('header Bearer tok-abcdef')).toBe('header Bearer ***');
  });
});
