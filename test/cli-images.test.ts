// The image commands of the CLI (copy, inspect, tags, delete, sync, login, logout) against real
// registries, in-process, and the bundled CLI once as shipped.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { busyboxImage } from './helpers/busybox.js';
import { exec } from './helpers/exec.js';
import { multiArchImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

async function cli(argv: string[], env: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { HOME: '/nonexistent', ...env },
    stdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

describe('lighter image commands', () => {
  const plain = useRegistry();
  const secure = useRegistry({ auth: 'htpasswd' });
  const tmp = useTempDir('cli');

  it('build -q prints the image ID and nothing else; without it the steps show', async () => {
    const ctx = join(tmp(), 'quiet-ctx');
    await mkdir(ctx, { recursive: true });
    await writeFile(join(ctx, 'f'), 'data\n');
    await writeFile(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY f /f\n');
    const store = join(tmp(), 'quiet-store');
    const quiet = await cli(['build', '-q', '--store', store, '-t', 'quiet:1', ctx]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^[a-f0-9]{64}\n$/);
    const loud = await cli(['build', '--store', store, '-t', 'quiet:2', ctx]);
    expect(loud.stderr).toContain('STEP 2/2: COPY f /f');
    expect(loud.stdout).toBe(quiet.stdout);
  });

  it('copy, inspect (summary, raw, config), tags and delete', async () => {
    const image = await busyboxImage();
    const host = plain().host;
    const digestfile = join(tmp(), 'digest');
    const copied = await cli([
      'copy',
      '--digestfile',
      digestfile,
      image.reference,
      `docker://${host}/cli/bb:1`,
    ]);
    expect(copied.stderr).toContain('Copying blob');
    expect(copied.code).toBe(0);
    expect(await readFile(digestfile, 'utf8')).toBe(image.manifestDigest);
    expect(
      (await cli(['copy', '-q', `docker://${host}/cli/bb:1`, `docker://${host}/cli/bb:2`])).stderr,
    ).toBe('');

    const summary = await cli(['inspect', `docker://${host}/cli/bb:1`]);
    expect(summary.code).toBe(0);
    const parsed = JSON.parse(summary.stdout);
    const skopeo = JSON.parse(
      (await exec('skopeo', ['inspect', '--tls-verify=false', `docker://${host}/cli/bb:1`])).stdout,
    );
    for (const key of ['Digest', 'Architecture', 'Os', 'Layers', 'Env', 'RepoTags', 'Name']) {
      expect(parsed[key], key).toEqual(skopeo[key]);
    }
    const raw = await cli(['inspect', '--raw', `docker://${host}/cli/bb:1`]);
    expect(raw.stdout.trimEnd()).toBe(
      (
        await exec('skopeo', [
          'inspect',
          '--raw',
          '--tls-verify=false',
          `docker://${host}/cli/bb:1`,
        ])
      ).stdout,
    );
    const config = JSON.parse((await cli(['inspect', '--config', image.reference])).stdout);
    expect(config.rootfs.diff_ids).toEqual(image.diffIds);

    const tags = JSON.parse((await cli(['tags', `docker://${host}/cli/bb`])).stdout);
    expect(tags.Tags.sort()).toEqual(['1', '2']);

    expect((await cli(['delete', `docker://${host}/cli/bb:2`])).code).toBe(0);
    const gone = await cli(['inspect', '--raw', `docker://${host}/cli/bb:1`]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/manifest unknown|not found/i);
  });

  it('chooses a platform from an index, or copies them all', async () => {
    const fixture = await multiArchImage(join(tmp(), 'multi'), ['linux/amd64', 'linux/arm64']);
    const host = plain().host;
    expect(
      (await cli(['copy', '--all', fixture.reference, `docker://${host}/cli/multi:all`])).code,
    ).toBe(0);
    const arm = JSON.parse(
      (await cli(['inspect', '--platform', 'linux/arm64', `docker://${host}/cli/multi:all`]))
        .stdout,
    );
    expect(arm.Architecture).toBe('arm64');
    expect(arm.Digest).toBe(fixture.indexDescriptor.digest);
    const one = await cli([
      'copy',
      '--override-arch',
      'arm64',
      fixture.reference,
      `oci:${join(tmp(), 'one')}:a`,
    ]);
    expect(one.code).toBe(0);
    const copiedOne = JSON.parse((await cli(['inspect', `oci:${join(tmp(), 'one')}:a`])).stdout);
    expect(copiedOne.Digest).toBe(fixture.images[1]?.manifestDigest);
  });

  it('logs in, uses the saved credentials, and logs out', async () => {
    const reg = secure();
    const authfile = join(tmp(), 'auth.json');
    const image = await busyboxImage();
    const env = { SSL_CERT_FILE: reg.caFile ?? '', NODE_EXTRA_CA_CERTS: reg.caFile ?? '' };
    const bad = await cli(
      [
        'login',
        '-u',
        reg.username!,
        '--password-stdin',
        '--authfile',
        authfile,
        '--tls-verify=false',
        reg.host,
      ],
      env,
      'wrong-password\n',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/UNAUTHORIZED|credentials .* rejected/i);
    expect(bad.stderr).not.toContain('wrong-password');

    const good = await cli(
      [
        'login',
        '-u',
        reg.username!,
        '--password-stdin',
        '--authfile',
        authfile,
        '--tls-verify=false',
        reg.host,
      ],
      env,
      `${reg.password}\n`,
    );
    expect(good.stderr).toContain('Login Succeeded');
    expect(good.code).toBe(0);
    const saved = JSON.parse(await readFile(authfile, 'utf8'));
    expect(Object.keys(saved.auths)).toEqual([reg.host]);

    const copied = await cli([
      'copy',
      '--authfile',
      authfile,
      '--dest-tls-verify=false',
      image.reference,
      `docker://${reg.host}/cli/private:1`,
    ]);
    expect(copied.code).toBe(0);
    // skopeo reads the same file
    await exec('skopeo', [
      'inspect',
      '--authfile',
      authfile,
      '--tls-verify=false',
      `docker://${reg.host}/cli/private:1`,
    ]);

    expect((await cli(['logout', '--authfile', authfile, reg.host])).code).toBe(0);
    const denied = await cli([
      'copy',
      '--authfile',
      authfile,
      '--dest-tls-verify=false',
      image.reference,
      `docker://${reg.host}/cli/private:2`,
    ]);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/401 Unauthorized/i);
    expect((await cli(['logout', '--authfile', authfile, reg.host])).stderr).toContain(
      'not logged in',
    );
  });

  it('syncs from a YAML file and exits 1 naming each failure', async () => {
    const image = await busyboxImage();
    const host = plain().host;
    await cli(['copy', image.reference, `docker://${host}/src/app:1`]);
    await cli(['copy', image.reference, `docker://${host}/src/app:2`]);
    const yaml = join(tmp(), 'sync.yml');
    await writeFile(yaml, `${host}:\n  images:\n    src/app: []\n    src/missing: ["1"]\n`);
    const result = await cli([
      'sync',
      '--src',
      'yaml',
      '--dest',
      'docker',
      '--keep-going',
      yaml,
      `${host}/mirror`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Synced 2 image(s)');
    expect(result.stderr).toMatch(/sync failed for 1 image\(s\):\n.*src\/missing:1/);
    const tags = JSON.parse((await cli(['tags', `docker://${host}/mirror/app`])).stdout);
    expect(tags.Tags.sort()).toEqual(['1', '2']);
  });

  it('runs as shipped: the bundle copies with no node_modules next to it', async () => {
    const image = await busyboxImage();
    const host = plain().host;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['dist/cli/index.js', 'copy', '-q', image.reference, `docker://${host}/bundle/bb:1`],
      { env: { PATH: process.env.PATH ?? '', HOME: tmp() } },
    ).then(() =>
      promisify(execFile)(process.execPath, [
        'dist/cli/index.js',
        'inspect',
        `docker://${host}/bundle/bb:1`,
      ]),
    );
    expect(JSON.parse(stdout).Digest).toBe(image.manifestDigest);
  });
});
