// A registry token service (the Docker token auth flow) that the real docker-registry trusts.

import { createPrivateKey, randomBytes, sign, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Access {
  type: string;
  name: string;
  actions: string[];
}

/** One request the issuer answered, for tests to assert on scopes and identities. */
export interface TokenRequest {
  /** The requested scopes verbatim, e.g. `repository:app:pull,push`. */
  scopes: string[];
  service: string | null;
  /** The `account` query parameter, when the client sent one. */
  account: string | null;
  /** The user whose Basic credentials were checked; undefined for anonymous requests. */
  user: string | undefined;
  /** HTTP status answered: 200, or 401 for bad credentials. */
  status: number;
  /** What the token grants (empty when anonymous pull is off). */
  granted: Access[];
}

export interface TokenIssuerOptions {
  users: Record<string, string>;
  /** Grant pull to anonymous requests; otherwise they get a token that grants nothing. */
  anonymousPull?: boolean;
  service: string;
  issuer: string;
  signerCertFile: string;
  signerKeyFile: string;
  /** Serve HTTPS with this certificate, else plain HTTP. */
  tls?: { certFile: string; keyFile: string };
}

export interface TokenIssuer {
  /** The URL to put in the registry's `auth.token.realm`. */
  realm: string;
  requests: TokenRequest[];
  close(): Promise<void>;
}

const TOKEN_LIFETIME_S = 300;

/**
 * Starts the issuer on a free 127.0.0.1 port. Known users (Basic auth) get every action they ask
 * for; anonymous requests get pull when `anonymousPull` is set, else nothing, and wrong
 * credentials get 401, as registries' token services do.
 */
export async function startTokenIssuer(options: TokenIssuerOptions): Promise<TokenIssuer> {
  const certPem = await readFile(options.signerCertFile);
  const key = createPrivateKey(await readFile(options.signerKeyFile));
  const x5c = [new X509Certificate(certPem).raw.toString('base64')];
  const requests: TokenRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://issuer');
    if (req.method !== 'GET' || url.pathname !== '/token') {
      res.writeHead(404).end();
      return;
    }
    const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' ').filter(Boolean));
    const credentials = basicCredentials(req.headers.authorization);
    const record: TokenRequest = {
      scopes,
      service: url.searchParams.get('service'),
      account: url.searchParams.get('account'),
      user: credentials?.user,
      status: 200,
      granted: [],
    };
    requests.push(record);
    if (credentials && !knownUser(options.users, credentials)) {
      record.status = 401;
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ details: 'incorrect username or password' }));
      return;
    }
    for (const scope of scopes) {
      const access = parseScope(scope);
      if (!access) continue;
      const actions = credentials
        ? access.actions
        : options.anonymousPull
          ? access.actions.filter((a) => a === 'pull')
          : [];
      if (actions.length > 0) record.granted.push({ ...access, actions });
    }
    const now = Math.floor(Date.now() / 1000);
    const token = jwt(
      { alg: 'RS256', typ: 'JWT', x5c },
      {
        iss: options.issuer,
        sub: credentials?.user ?? '',
        aud: options.service,
        exp: now + TOKEN_LIFETIME_S,
        // A little slack, as real issuers give, for clocks that read the second differently.
        nbf: now - 10,
        iat: now,
        jti: randomBytes(16).toString('hex'),
        access: record.granted,
      },
      key,
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        token,
        access_token: token,
        expires_in: TOKEN_LIFETIME_S,
        issued_at: new Date(now * 1000).toISOString(),
      }),
    );
  };

  const server = options.tls
    ? createHttpsServer(
        { cert: await readFile(options.tls.certFile), key: await readFile(options.tls.keyFile) },
        handle,
      )
    : createHttpServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    realm: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/token`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function knownUser(users: Record<string, string>, c: { user: string; password: string }): boolean {
  return Object.hasOwn(users, c.user) && users[c.user] === c.password;
}

/** `repository:name/with/slashes:pull,push` → access; the name never holds a colon-led part. */
function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  };
}

function basicCredentials(
  header: string | undefined,
): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function jwt(header: object, claims: object, key: ReturnType<typeof createPrivateKey>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(claims)}`;
  // RS256 is RSASSA-PKCS1-v1_5 over SHA-256, node's default padding for RSA keys.
  const signature = sign('sha256', Buffer.from(signingInput), key).toString('base64url');
  return `${signingInput}.${signature}`;
}
