// The copy action as shipped: `node dist/copy/index.js`, run the way the GitHub runner runs it.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main as cli } from '../src/cli/main.js';
import { runAction } from './helpers/action.js';
import { busyboxImage } from './helpers/busybox.js';
import { startCacheService } from './helpers/cache-service.js';
import { exec, tryExec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';
import { makeTempDir } from './helpers/temp-dir.js';

const REPO = join(import.meta.dirname, '..');

/** The log without the ::add-mask:: commands, which are how secrets reach the runner. */
const unmasked = (log: string) =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

describe('copy action', () => {
  const one = useRegistry();
  const two = useRegistry();
  const secure = useRegistry({ auth: 'htpasswd' });

  it('copies to several destinations, sets digest and destinations, writes a summary', async () => {
    const image = await busyboxImage();
    const result = await runAction('copy', {
      inputs: {
        source: image.reference,
        // metadata-action style: plain references, one per line
        destinations: `${one().host}/app/bb:1\n${two().host}/app/bb:1\ndocker://${two().host}/app/bb:latest`,
      },
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs.digest).toBe(image.manifestDigest);
    const destinations = JSON.parse(result.outputs.destinations ?? '[]');
    expect(destinations).toHaveLength(3);
    expect(destinations[0]).toEqual({
      reference: `docker://${one().host}/app/bb:1`,
      digest: image.manifestDigest,
    });
    for (const ref of [`${one().host}/app/bb:1`, `${two().host}/app/bb:latest`]) {
      const raw = await exec('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${ref}`,
      ]);
      expect(raw.stdout.length).toBeGreaterThan(0);
    }
    expect(result.summary).toContain('lighter copy');
    expect(result.summary).toContain(image.manifestDigest);
  });

  it('uses username/password over TLS and never prints the password', async () => {
    const image = await busyboxImage();
    const reg = secure();
    const result = await runAction('copy', {
      inputs: {
        source: image.reference,
        destinations: `${reg.host}/private/bb:1`,
        username: reg.username!,
        password: reg.password!,
        'tls-verify': false,
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`::add-mask::${reg.password}`);
    expect(unmasked(result.stdout)).not.toContain(reg.password!);
    await exec('skopeo', [
      'inspect',
      '--tls-verify=false',
      '--creds',
      `${reg.username}:${reg.password}`,
      `docker://${reg.host}/private/bb:1`,
    ]);

    const denied = await runAction('copy', {
      inputs: {
        source: image.reference,
        destinations: `${reg.host}/private/bb:2`,
        username: reg.username!,
        password: 'not-the-password',
        'tls-verify': false,
      },
    });
    expect(denied.exitCode).toBe(1);
    expect(denied.stdout).toMatch(/::error::.*401 Unauthorized/i);
    expect(unmasked(denied.stdout)).not.toContain('not-the-password');
  });

  it('fails on bad input naming the input, before anything is written', async () => {
    const image = await busyboxImage();
    const bad = await runAction('copy', {
      inputs: {
        source: image.reference,
        destinations: `${one().host}/ok/bb:1\n${one().host}/Bad/Name:1`,
      },
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/::error::input "destinations": .*lowercase/);
    const tags = await tryExec('skopeo', [
      'list-tags',
      '--tls-verify=false',
      `docker://${one().host}/ok/bb`,
    ]);
    expect(tags.code).not.toBe(0);

    const unknown = await runAction('copy', {
      inputs: { source: 'ftp://host/x', destinations: `${one().host}/ok/bb:1` },
    });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toMatch(/::error::input "source": /);
  });

  it('restores the store from the CI cache before copying out of storage:', async () => {
    const service = await startCacheService();
    try {
      const image = await busyboxImage();
      const work = await makeTempDir('copy-cache');
      const saved = join(work, 'saved-store');
      const quiet = { stdout() {}, stderr() {}, env: {}, stdin: async () => '' };
      expect(
        await cli(['--store', saved, 'copy', '-q', image.reference, 'storage:cached/bb:1'], quiet),
      ).toBe(0);
      // An earlier job saved that store, through the real @actions/cache in a process of its own.
      const script = join(work, 'save.mjs');
      await writeFile(
        script,
        `const { saveStoreCache } = await import(${JSON.stringify(pathToFileURL(join(REPO, 'src/core/cache/index.ts')).href)});
const report = await saveStoreCache(process.argv[2], { key: 'lighter-test/copy' });
if (report.status !== 'saved') { console.error(JSON.stringify(report)); process.exit(1); }`,
      );
      const env = {
        ...service.env,
        GITHUB_WORKSPACE: work,
        RUNNER_TEMP: work,
        PATH: process.env.PATH ?? '',
      };
      await exec(
        process.execPath,
        ['--import', pathToFileURL(join(REPO, 'scripts/ts-import.mjs')).href, script, saved],
        {
          env,
          cwd: work,
        },
      );

      const result = await runAction('copy', {
        inputs: {
          source: 'storage:cached/bb:1',
          destinations: `${one().host}/cached/bb:1`,
          store: join(work, 'fresh-store'),
          cache: true,
          'cache-key': 'lighter-test/copy',
        },
        env: service.env,
      });
      expect(result.stdout).toMatch(/CI cache: restored 1 image/);
      expect(result.summary).toContain('CI cache restore: hit');
      expect(result.exitCode).toBe(0);
      expect(result.outputs.digest).toBe(image.manifestDigest);
    } finally {
      await service.stop();
    }
  });
});
