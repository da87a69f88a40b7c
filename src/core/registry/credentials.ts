// Finds the credentials for a registry the way podman, skopeo and docker do: flags, auth files, helpers.

import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError, LighterError } from '../errors.js';
import { type Logger, silentLogger } from '../log.js';
import { canonicalRegistry, DOCKER_HUB, DOCKER_HUB_LEGACY_KEY } from './endpoint.js';

export type Credentials =
  | { kind: 'basic'; username: string; password: string }
  /** An OAuth2 refresh token (`identitytoken` in docker config, `<token>` from a helper). */
  | { kind: 'identity-token'; token: string };

export interface ResolvedCredentials {
  credentials: Credentials;
  /** Where they came from, for debug logs: "--creds", a file path, "docker-credential-pass". */
  source: string;
}

export interface CredentialOptions {
  /** `user:password`, overriding every file. */
  creds?: string;
  /** An auth file read before the standard ones. */
  authFile?: string;
  /** Repository path, for auth.json keys scoped to a namespace (`quay.io/org`). */
  repository?: string;
  /** Environment for file locations and helper lookup (default process.env). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** Splits `user:password` at the first colon (passwords may contain colons, users may not). */
export function parseCreds(creds: string): Credentials {
  const colon = creds.indexOf(':');
  if (colon <= 0) {
    throw new InvalidArgumentError('credentials must be given as user:password');
  }
  return { kind: 'basic', username: creds.slice(0, colon), password: creds.slice(colon + 1) };
}

/** The auth files to read, in order; missing ones are skipped. */
export function authFilePaths(env: NodeJS.ProcessEnv, explicit?: string): string[] {
  const home = env.HOME || homedir();
  const paths: string[] = [];
  if (explicit) paths.push(explicit);
  if (env.REGISTRY_AUTH_FILE) paths.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) paths.push(join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
  paths.push(join(env.XDG_CONFIG_HOME || join(home, '.config'), 'containers', 'auth.json'));
  paths.push(join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json'));
  return [...new Set(paths)];
}

interface AuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

interface AuthFile {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/**
 * Normalizes an auth file key: drops the scheme and trailing slash, and maps Docker Hub's
 * legacy `https://index.docker.io/v1/` (and its other aliases) to `docker.io`.
 */
export function normalizeAuthKey(key: string): string {
  let k = key.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  const slash = k.indexOf('/');
  const host = slash === -1 ? k : k.slice(0, slash);
  let path = slash === -1 ? '' : k.slice(slash);
  // Legacy docker keys carry an API version path, not a namespace.
  if (/^\/v[12]$/.test(path)) path = '';
  k = canonicalRegistry(host) + path;
  return k;
}

/** Keys to try for a registry and repository, most specific first (`r/a/b`, `r/a`, `r`). */
function candidateKeys(registry: string, repository?: string): string[] {
  const host = canonicalRegistry(registry);
  const keys: string[] = [];
  if (repository) {
    const parts = repository.split('/');
    for (let n = parts.length; n > 0; n--) keys.push(`${host}/${parts.slice(0, n).join('/')}`);
  }
  keys.push(host);
  return keys;
}

function decodeEntry(entry: AuthEntry, source: string): Credentials | undefined {
  if (entry.identitytoken) return { kind: 'identity-token', token: entry.identitytoken };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw new LighterError(
        'ERR_INPUT',
        `reading ${source}: an "auth" entry is not user:password`,
      );
    }
    return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (entry.username && entry.password !== undefined) {
    return { kind: 'basic', username: entry.username, password: entry.password };
  }
  return undefined;
}

async function readAuthFile(path: string, explicit: boolean): Promise<AuthFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!explicit && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
    throw new LighterError('ERR_INPUT', `reading auth file ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) throw new Error('not a JSON object');
    return parsed as AuthFile;
  } catch (err) {
    throw new LighterError('ERR_INPUT', `reading auth file ${path}: ${(err as Error).message}`);
  }
}

/** The server URL a credential helper is asked about (docker's convention for Hub). */
function helperServerUrl(registry: string): string {
  return canonicalRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_LEGACY_KEY : registry;
}

/**
 * Runs `docker-credential-NAME get` with the server URL on stdin. Returns undefined when the
 * helper has nothing for that server; throws ERR_INPUT when it cannot run or fails otherwise.
 */
export async function runCredentialHelper(
  name: string,
  registry: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new LighterError('ERR_INPUT', `invalid credential helper name "${name}"`);
  }
  const program = `docker-credential-${name}`;
  const serverUrl = helperServerUrl(registry);
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(program, ['get'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
    child.stdin.on('error', () => {
      // A helper that exits without reading stdin is judged by its exit status instead.
    });
    child.stdin.end(serverUrl);
  }).catch((err: unknown) => {
    throw new LighterError(
      'ERR_INPUT',
      `running ${program} for ${registry}: ${(err as Error).message}`,
      { cause: err },
    );
  });
  if (code !== 0) {
    // The helper protocol reports a miss as a failure with this text on stdout.
    if (/credentials not found/i.test(stdout + stderr)) return undefined;
    const said = (stderr || stdout).trim().split('\n')[0] ?? '';
    throw new LighterError(
      'ERR_INPUT',
      `running ${program} for ${registry}: exit status ${code}${said ? `: ${said}` : ''}`,
    );
  }
  let reply: { Username?: unknown; Secret?: unknown };
  try {
    reply = JSON.parse(stdout) as typeof reply;
  } catch {
    throw new LighterError('ERR_INPUT', `running ${program} for ${registry}: output is not JSON`);
  }
  if (typeof reply.Secret !== 'string' || reply.Secret === '') return undefined;
  if (reply.Username === '<token>') return { kind: 'identity-token', token: reply.Secret };
  if (typeof reply.Username !== 'string' || reply.Username === '') return undefined;
  return { kind: 'basic', username: reply.Username, password: reply.Secret };
}

function registerSecrets(logger: Logger, credentials: Credentials): void {
  if (credentials.kind === 'basic') {
    logger.secret(credentials.password);
    logger.secret(
      Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'),
    );
  } else {
    logger.secret(credentials.token);
  }
}

/**
 * Resolves credentials for `registry`: explicit `creds`, then each auth file in turn
 * (`authFile`, $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json,
 * ~/.config/containers/auth.json, ~/.docker/config.json). Within a file a `credHelpers` entry
 * for the host wins, then an `auths` entry (most specific namespace first), then `credsStore`.
 * Undefined means anonymous access.
 */
export async function resolveCredentials(
  registry: string,
  options: CredentialOptions = {},
): Promise<ResolvedCredentials | undefined> {
  const logger = options.logger ?? silentLogger;
  const env = options.env ?? process.env;
  const found = await find();
  if (found) registerSecrets(logger, found.credentials);
  return found;

  async function find(): Promise<ResolvedCredentials | undefined> {
    if (options.creds !== undefined) {
      return { credentials: parseCreds(options.creds), source: 'explicit credentials' };
    }
    const keys = candidateKeys(registry, options.repository);
    const host = canonicalRegistry(registry);
    for (const path of authFilePaths(env, options.authFile)) {
      const file = await readAuthFile(path, path === options.authFile);
      if (!file) continue;
      const helpers = Object.entries(file.credHelpers ?? {});
      const helper = helpers.find(([key]) => normalizeAuthKey(key) === host)?.[1];
      if (helper) {
        const credentials = await runCredentialHelper(helper, registry, env);
        if (credentials) return { credentials, source: `docker-credential-${helper}` };
      }
      const auths = new Map<string, AuthEntry>();
      for (const [key, entry] of Object.entries(file.auths ?? {})) {
        // The first spelling of a key wins, as when several legacy aliases name Docker Hub.
        const normalized = normalizeAuthKey(key);
        if (!auths.has(normalized) && entry && typeof entry === 'object') {
          auths.set(normalized, entry);
        }
      }
      for (const key of keys) {
        const entry = auths.get(key);
        const credentials = entry && decodeEntry(entry, path);
        if (credentials) return { credentials, source: path };
      }
      if (file.credsStore) {
        const credentials = await runCredentialHelper(file.credsStore, registry, env);
        if (credentials) return { credentials, source: `docker-credential-${file.credsStore}` };
      }
    }
    return undefined;
  }
}
