// Real docker-registry instances for tests: plain, htpasswd + TLS, or token auth, on free ports.

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { stringify } from 'yaml';
import { exec } from './exec.js';
import { freePort } from './host.js';
import { makeTempDir, removeTempDir } from './temp-dir.js';
import { testCertificates } from './tls.js';
import { startTokenIssuer, type TokenIssuer, type TokenRequest } from './token-issuer.js';

export type RegistryAuth = 'none' | 'htpasswd' | 'token';

export interface RegistryOptions {
  /** Default `none`. */
  auth?: RegistryAuth;
  /** Serve HTTPS with a cert for 127.0.0.1 from a test CA. Default: true for htpasswd (which
   * the registry accepts only over TLS), false otherwise. */
  tls?: boolean;
  /** user → password for htpasswd and token auth. Default `{ tester: 'secret-password' }`. */
  users?: Record<string, string>;
  /** Token auth: anonymous clients may pull (never push). Default false. */
  anonymousPull?: boolean;
}

export interface TestRegistry {
  auth: RegistryAuth;
  /** `127.0.0.1:PORT`, the registry part of image references. */
  host: string;
  /** `http(s)://127.0.0.1:PORT`. */
  url: string;
  /** The CA to trust (PEM file) when TLS is on. */
  caFile?: string;
  /** A directory with only `ca.crt` in it, for `--cert-dir` of skopeo, podman and buildah. */
  certDir?: string;
  /** The first configured user, when auth is on. */
  username?: string;
  password?: string;
  /** Token auth: every request the token issuer answered, in order. */
  tokenRequests?: TokenRequest[];
  /** Temp dir with the config, storage (`storage/`) and the process log (`registry.log`). */
  dir: string;
  /**
   * skopeo flags to reach this registry: TLS trust or plain HTTP, and the first user's
   * credentials unless `creds` is false. `side` prefixes them for `copy` (`src`, `dest`);
   * without it they suit `inspect`, `delete` and `list-tags`.
   */
  skopeoFlags(side?: 'src' | 'dest', options?: { creds?: boolean }): string[];
  /** Stops the registry (and the token issuer) and removes its temp dir. Idempotent. */
  stop(): Promise<void>;
}

const DEFAULT_USERS: Record<string, string> = { tester: 'secret-password' };
const SERVICE = 'lighter-test-registry';
const ISSUER = 'lighter-test-issuer';
const STARTUP_TIMEOUT_MS = 15_000;
const PORT_ATTEMPTS = 5;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts `docker-registry serve` on a free port and resolves once `GET /v2/` answers. */
export async function startRegistry(options: RegistryOptions = {}): Promise<TestRegistry> {
  const auth = options.auth ?? 'none';
  if (auth === 'htpasswd' && options.tls === false) {
    throw new Error(
      'startRegistry: htpasswd auth needs TLS (the registry refuses Basic auth over HTTP)',
    );
  }
  const tls = options.tls ?? auth === 'htpasswd';
  const users = options.users ?? DEFAULT_USERS;
  const [username, password] = Object.entries(users)[0] ?? [];
  const dir = await makeTempDir('registry');
  const certs = tls || auth === 'token' ? await testCertificates() : undefined;
  let issuer: TokenIssuer | undefined;
  let child: ChildProcess | undefined;

  try {
    const authConfig: Record<string, unknown> = {};
    if (auth === 'htpasswd') {
      const lines: string[] = [];
      for (const [user, pass] of Object.entries(users)) {
        lines.push((await exec('htpasswd', ['-Bbn', user, pass])).stdout.trim());
      }
      await writeFile(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
      authConfig.htpasswd = { realm: 'lighter-test', path: join(dir, 'htpasswd') };
    }
    if (auth === 'token') {
      issuer = await startTokenIssuer({
        users,
        anonymousPull: options.anonymousPull ?? false,
        service: SERVICE,
        issuer: ISSUER,
        signerCertFile: certs!.signerCertFile,
        signerKeyFile: certs!.signerKeyFile,
        ...(tls ? { tls: { certFile: certs!.certFile, keyFile: certs!.keyFile } } : {}),
      });
      authConfig.token = {
        realm: issuer.realm,
        service: SERVICE,
        issuer: ISSUER,
        rootcertbundle: certs!.caFile,
      };
    }

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const config = {
        version: 0.1,
        log: { level: 'info', formatter: 'text', accesslog: { disabled: false } },
        storage: {
          filesystem: { rootdirectory: join(dir, 'storage') },
          delete: { enabled: true },
          // Upload purging is a background timer that only adds noise to the log.
          maintenance: { uploadpurging: { enabled: false } },
        },
        http: {
          addr: `127.0.0.1:${port}`,
          secret: randomBytes(16).toString('hex'),
          ...(tls ? { tls: { certificate: certs!.certFile, key: certs!.keyFile } } : {}),
        },
        ...(auth === 'none' ? {} : { auth: authConfig }),
      };
      await writeFile(join(dir, 'config.yml'), stringify(config));
      child = launch(dir);
      const outcome = await waitUntilUp(child, port, tls ? certs!.caFile : undefined);
      if (outcome === 'up') break;
      const log = await readLog(dir);
      // Another process may take the port between our probe and the registry's bind: retry.
      if (/address already in use/.test(log) && attempt < PORT_ATTEMPTS) continue;
      throw new Error(`docker-registry did not start (${outcome}); its log:\n${log}`);
    }

    const started = child;
    let stopped: Promise<void> | undefined;
    const scheme = tls ? 'https' : 'http';
    const host = `127.0.0.1:${port}`;
    return {
      auth,
      host,
      url: `${scheme}://${host}`,
      ...(tls ? { caFile: certs!.caFile, certDir: certs!.certDir } : {}),
      ...(auth !== 'none' ? { username, password } : {}),
      ...(issuer ? { tokenRequests: issuer.requests } : {}),
      dir,
      skopeoFlags(side, flagOptions = {}) {
        const prefix = side ? `--${side}-` : '--';
        const flags = tls ? [`${prefix}cert-dir=${certs!.certDir}`] : [`${prefix}tls-verify=false`];
        if (auth !== 'none' && flagOptions.creds !== false && username !== undefined) {
          flags.push(`${prefix}creds=${username}:${password}`);
        }
        return flags;
      },
      stop() {
        stopped ??= (async () => {
          await terminate(started);
          await issuer?.close();
          await removeTempDir(dir);
        })();
        return stopped;
      },
    };
  } catch (error) {
    if (child) await terminate(child);
    await issuer?.close();
    await removeTempDir(dir);
    throw error;
  }
}

/**
 * For a vitest suite: starts a registry in beforeAll, stops it in afterAll, and returns a
 * getter to call inside tests: `const registry = useRegistry({ auth: 'token' });` then
 * `registry().host`.
 */
export function useRegistry(options: RegistryOptions = {}): () => TestRegistry {
  let registry: TestRegistry | undefined;
  beforeAll(async () => {
    registry = await startRegistry(options);
  });
  afterAll(async () => {
    await registry?.stop();
  });
  return () => {
    if (!registry) throw new Error('useRegistry: the registry runs only inside tests of the suite');
    return registry;
  };
}

function launch(dir: string): ChildProcess {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A worker that dies before afterAll must not leave registries listening.
    process.once('exit', () => {
      for (const child of running) child.kill('SIGKILL');
    });
  }
  const log = openSync(join(dir, 'registry.log'), 'a');
  try {
    const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
      cwd: dir,
      stdio: ['ignore', log, log],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return child;
  } finally {
    closeSync(log);
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** Polls `GET /v2/` until it answers 200 or 401 (auth variants), the process exits, or time runs out. */
async function waitUntilUp(
  child: ChildProcess,
  port: number,
  caFile: string | undefined,
): Promise<'up' | string> {
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = `exited ${signal ?? code}`;
  });
  child.once('error', (error) => {
    exit = `failed to spawn: ${error.message}`;
  });
  const ca = caFile ? await readFile(caFile) : undefined;
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exit) return exit;
    const status = await probe(port, ca);
    if (status === 200 || status === 401) return 'up';
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await terminate(child);
  return `no answer on 127.0.0.1:${port} within ${STARTUP_TIMEOUT_MS} ms`;
}

function probe(port: number, ca: Buffer | undefined): Promise<number | undefined> {
  return new Promise((resolve) => {
    const options = { host: '127.0.0.1', port, path: '/v2/', timeout: 1_000, agent: false };
    const req = ca ? httpsRequest({ ...options, ca }) : httpRequest(options);
    req.once('response', (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(undefined));
    req.end();
  });
}

/** A port that was free a moment ago: the OS picks it for listen(0), and we release it. */

async function readLog(dir: string): Promise<string> {
  return readFile(join(dir, 'registry.log'), 'utf8').catch(() => '(no log)');
}
