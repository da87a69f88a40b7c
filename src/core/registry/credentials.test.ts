// Tests for credential lookup: explicit creds, auth files in order, namespaces, Docker Hub aliases, helpers.

import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { SecretMasker, silentLogger } from '../log.js';
import {
  authFilePaths,
  normalizeAuthKey,
  parseCreds,
  resolveCredentials,
  runCredentialHelper,
} from './credentials.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const basic = (username: string, password: string) => ({ kind: 'basic', username, password });

describe('credentials', () => {
  const tmp = useTempDir('creds');
  let n = 0;

  /** A fresh HOME with no files, and an env pointing everything at it. */
  async function home(): Promise<{ dir: string; env: NodeJS.ProcessEnv }> {
    const dir = join(tmp(), `home-${n++}`);
    await mkdir(dir, { recursive: true });
    return { dir, env: { HOME: dir, PATH: process.env.PATH } };
  }

  async function json(path: string, value: unknown): Promise<string> {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, JSON.stringify(value));
    return path;
  }

  /** Writes `docker-credential-NAME` answering for `server` and logging what it was asked. */
  async function helper(dir: string, name: string, server: string, secret: object) {
    const bin = join(dir, 'bin');
    await mkdir(bin, { recursive: true });
    const script = join(bin, `docker-credential-${name}`);
    await writeFile(
      script,
      `#!/bin/sh
read -r server
echo "$1 $server" >> "${join(dir, `${name}.log`)}"
if [ "$server" = "${server}" ]; then
  printf '%s' '${JSON.stringify(secret)}'
else
  echo "credentials not found in native keychain"
  exit 1
fi
`,
    );
    await chmod(script, 0o755);
    return bin;
  }

  it('parses user:password at the first colon', () => {
    expect(parseCreds('u:p:q')).toEqual(basic('u', 'p:q'));
    expect(() => parseCreds('nocolon')).toThrow(/user:password/);
    expect(() => parseCreds(':p')).toThrow(/user:password/);
  });

  it('normalizes keys: scheme, trailing slash and Docker Hub aliases', () => {
    expect(normalizeAuthKey('https://index.docker.io/v1/')).toBe('docker.io');
    expect(normalizeAuthKey('registry-1.docker.io')).toBe('docker.io');
    expect(normalizeAuthKey('http://127.0.0.1:5000/')).toBe('127.0.0.1:5000');
    expect(normalizeAuthKey('quay.io/org/repo')).toBe('quay.io/org/repo');
  });

  it('lists the standard auth files in order', () => {
    expect(
      authFilePaths({ HOME: '/h', REGISTRY_AUTH_FILE: '/r.json', XDG_RUNTIME_DIR: '/run/u' }, '/x'),
    ).toEqual([
      '/x',
      '/r.json',
      '/run/u/containers/auth.json',
      '/h/.config/containers/auth.json',
      '/h/.docker/config.json',
    ]);
    expect(authFilePaths({ HOME: '/h', DOCKER_CONFIG: '/d' })).toEqual([
      '/h/.config/containers/auth.json',
      '/d/config.json',
    ]);
  });

  it('prefers explicit creds over every file', async () => {
    const { dir, env } = await home();
    await json(join(dir, '.config/containers/auth.json'), {
      auths: { 'r.io': { auth: b64('file:pw') } },
    });
    const found = await resolveCredentials('r.io', { creds: 'flag:pw', env });
    expect(found).toEqual({ credentials: basic('flag', 'pw'), source: 'explicit credentials' });
  });

  it('reads auth files in order: --authfile, REGISTRY_AUTH_FILE, XDG_RUNTIME_DIR, ~/.config, ~/.docker', async () => {
    const { dir, env } = await home();
    const docker = await json(join(dir, '.docker/config.json'), {
      auths: { 'r.io': { auth: b64('docker:1') }, 'only.docker': { auth: b64('d:2') } },
    });
    const containers = await json(join(dir, '.config/containers/auth.json'), {
      auths: { 'r.io': { auth: b64('containers:1') } },
    });
    const runtime = await json(join(dir, 'run/containers/auth.json'), {
      auths: { 'r.io': { auth: b64('runtime:1') } },
    });
    const envFile = await json(join(dir, 'env-auth.json'), {
      auths: { 'r.io': { auth: b64('envfile:1') } },
    });
    const explicit = await json(join(dir, 'explicit.json'), {
      auths: { 'r.io': { auth: b64('explicit:1') } },
    });
    const full = { ...env, XDG_RUNTIME_DIR: join(dir, 'run'), REGISTRY_AUTH_FILE: envFile };
    const user = async (options: Parameters<typeof resolveCredentials>[1]) => {
      const found = await resolveCredentials('r.io', options);
      return found?.credentials.kind === 'basic' ? found.credentials.username : undefined;
    };
    expect(await user({ env: full, authFile: explicit })).toBe('explicit');
    expect(await user({ env: full })).toBe('envfile');
    expect(await user({ env: { ...full, REGISTRY_AUTH_FILE: undefined } })).toBe('runtime');
    expect(await user({ env })).toBe('containers');
    expect((await resolveCredentials('only.docker', { env }))?.source).toBe(docker);
    expect((await resolveCredentials('r.io', { env }))?.source).toBe(containers);
    expect(runtime).toBeTruthy();
    expect(await resolveCredentials('nowhere.io', { env })).toBeUndefined();
  });

  it('matches the most specific namespace key first', async () => {
    const { dir, env } = await home();
    await json(join(dir, '.config/containers/auth.json'), {
      auths: {
        'quay.io': { auth: b64('host:1') },
        'quay.io/org': { auth: b64('org:1') },
        'quay.io/org/special': { auth: b64('special:1') },
      },
    });
    const user = async (repository: string) =>
      (await resolveCredentials('quay.io', { env, repository }))?.credentials;
    expect(await user('org/special')).toEqual(basic('special', '1'));
    expect(await user('org/other')).toEqual(basic('org', '1'));
    expect(await user('else/x')).toEqual(basic('host', '1'));
  });

  it("finds Docker Hub under docker login's legacy key, and identity tokens", async () => {
    const { dir, env } = await home();
    await json(join(dir, '.docker/config.json'), {
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
        'ghcr.io': { auth: b64('x:y'), identitytoken: 'refresh-123' },
      },
    });
    expect((await resolveCredentials('docker.io', { env }))?.credentials).toEqual(
      basic('hubuser', 'hubpass'),
    );
    expect((await resolveCredentials('ghcr.io', { env }))?.credentials).toEqual({
      kind: 'identity-token',
      token: 'refresh-123',
    });
  });

  it('runs the credsStore helper with the host on stdin', async () => {
    const { dir, env } = await home();
    const bin = await helper(dir, 'teststore', '127.0.0.1:5000', {
      ServerURL: '127.0.0.1:5000',
      Username: 'helped',
      Secret: 'from-the-store',
    });
    await json(join(dir, '.docker/config.json'), {
      auths: { '127.0.0.1:5000': {} },
      credsStore: 'teststore',
    });
    const withPath = { ...env, PATH: `${bin}:${env.PATH}` };
    const masker = new SecretMasker();
    const logger = { ...silentLogger, secret: (v: string) => masker.add(v) };
    const found = await resolveCredentials('127.0.0.1:5000', { env: withPath, logger });
    expect(found).toEqual({
      credentials: basic('helped', 'from-the-store'),
      source: 'docker-credential-teststore',
    });
    expect(masker.mask('x from-the-store y')).toBe('x *** y');
    // A miss in the store is not an error: there just are no credentials.
    expect(await resolveCredentials('other.io', { env: withPath })).toBeUndefined();
  });

  it('prefers credHelpers for the host and asks about Docker Hub by its legacy URL', async () => {
    const { dir, env } = await home();
    const bin = await helper(dir, 'hub', 'https://index.docker.io/v1/', {
      Username: '<token>',
      Secret: 'identity',
    });
    await json(join(dir, '.docker/config.json'), {
      auths: { 'docker.io': { auth: b64('plain:pw') } },
      credHelpers: { 'index.docker.io': 'hub' },
    });
    const found = await resolveCredentials('docker.io', {
      env: { ...env, PATH: `${bin}:${env.PATH}` },
    });
    expect(found?.credentials).toEqual({ kind: 'identity-token', token: 'identity' });
  });

  it('fails clearly when a helper is missing or broken', async () => {
    const { dir, env } = await home();
    await expect(runCredentialHelper('absent-xyz', 'r.io', env)).rejects.toMatchObject({
      code: 'ERR_INPUT',
      message: expect.stringContaining('docker-credential-absent-xyz'),
    });
    const bin = join(dir, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'docker-credential-broken'), '#!/bin/sh\necho boom >&2\nexit 3\n');
    await chmod(join(bin, 'docker-credential-broken'), 0o755);
    await expect(
      runCredentialHelper('broken', 'r.io', { ...env, PATH: `${bin}:${env.PATH}` }),
    ).rejects.toThrow(/exit status 3: boom/);
    await expect(runCredentialHelper('../evil', 'r.io', env)).rejects.toThrow(/invalid/);
  });

  it('rejects a malformed explicit auth file and ignores missing standard ones', async () => {
    const { dir, env } = await home();
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{not json');
    await expect(resolveCredentials('r.io', { env, authFile: bad })).rejects.toMatchObject({
      code: 'ERR_INPUT',
    });
    await expect(
      resolveCredentials('r.io', { env, authFile: join(dir, 'missing.json') }),
    ).rejects.toMatchObject({ code: 'ERR_INPUT' });
    expect(await resolveCredentials('r.io', { env })).toBeUndefined();
  });
});
