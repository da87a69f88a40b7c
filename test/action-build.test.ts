// The build action as shipped (`node dist/build/index.js` and post.js), run the way the GitHub runner runs it.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushBase } from './fixtures/build/harness.js';
import { runAction } from './helpers/action.js';
import { type CacheService, startCacheService } from './helpers/cache-service.js';
import { exec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('build action', () => {
  const registry = useRegistry();
  const secure = useRegistry({ auth: 'htpasswd' });
  const dir = useTempDir('action-build');
  let base = '';

  /** A workspace with an app: a Dockerfile and what it copies. */
  const workspace = async (name: string, dockerfile: string): Promise<string> => {
    const ws = join(dir(), name);
    await mkdir(join(ws, 'app', 'src'), { recursive: true });
    await writeFile(join(ws, 'app', 'src', 'index.txt'), 'index\n');
    await writeFile(join(ws, 'app', 'Dockerfile'), dockerfile);
    return ws;
  };

  beforeAll(async () => {
    base = await pushBase(registry().host);
  });

  it('builds, pushes the metadata-action tags and reports outputs and a summary', async () => {
    const ws = await workspace(
      'ok',
      `FROM ${base}\nARG VERSION=dev\nCOPY src /srv\nRUN echo "$VERSION" > /srv/version\nCMD ["cat", "/srv/version"]\n`,
    );
    const host = registry().host;
    const result = await runAction('build', {
      cwd: ws,
      inputs: {
        context: 'app',
        // docker/metadata-action's outputs, as they are
        tags: `${host}/act/app:1.2.3\n${host}/act/app:1.2\n${host}/act/app:latest\n`,
        labels: 'org.opencontainers.image.title=app\norg.opencontainers.image.version=1.2.3\n',
        annotations: 'manifest:org.opencontainers.image.title=app\n',
        'build-args': 'VERSION=1.2.3',
        push: true,
        cache: false,
        store: join(dir(), 'store'),
      },
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs['image-id']).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(result.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    const metadata = JSON.parse(result.outputs.metadata ?? '{}');
    expect(metadata.pushed).toEqual([
      `${host}/act/app:1.2.3`,
      `${host}/act/app:1.2`,
      `${host}/act/app:latest`,
    ]);
    expect(metadata.steps.map((s: { instruction: string }) => s.instruction)).toEqual([
      `FROM ${base}`,
      'COPY src /srv',
      'RUN echo "$VERSION" > /srv/version',
      'CMD ["cat","/srv/version"]',
    ]);
    expect(result.stdout).toContain('RUN steps use runc');
    expect(result.summary).toContain('### lighter build');
    expect(result.summary).toContain(
      '| RUN echo "$VERSION" &gt; /srv/version | miss: not built before |',
    );
    expect(result.summary).toContain('| 0 of 2 |');
    const inspected = JSON.parse(
      (await exec('skopeo', ['inspect', '--tls-verify=false', `docker://${host}/act/app:1.2`]))
        .stdout,
    );
    expect(inspected.Digest).toBe(result.outputs.digest);
    expect(inspected.Labels['org.opencontainers.image.version']).toBe('1.2.3');
  });

  it('pushes with username and password to a registry that needs them, and never prints the password', async () => {
    const ws = await workspace('auth', `FROM ${base}\nCOPY src /srv\n`);
    const reg = secure();
    const result = await runAction('build', {
      cwd: ws,
      inputs: {
        context: 'app',
        tags: `${reg.host}/private/app:1`,
        push: true,
        username: reg.username!,
        password: reg.password!,
        'tls-verify': false,
        cache: false,
        store: join(dir(), 'store'),
      },
    });
    expect(result.exitCode).toBe(0);
    const shown = result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(shown).not.toContain(reg.password!);
    const inspected = await exec('skopeo', [
      'inspect',
      '--tls-verify=false',
      '--creds',
      `${reg.username}:${reg.password}`,
      `docker://${reg.host}/private/app:1`,
    ]);
    expect(JSON.parse(inspected.stdout).Digest).toBe(result.outputs.digest);
  });

  it('annotates the Dockerfile line an error is on, and saves nothing', async () => {
    const ws = await workspace('bad', `FROM ${base}\nCOPY src /srv\nCOPPY src /other\n`);
    const result = await runAction('build', {
      cwd: ws,
      inputs: { context: 'app', file: 'app/Dockerfile', store: join(dir(), 'store') },
    });
    expect(result.exitCode).toBe(1);
    const errors = result.commands.filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties).toMatchObject({ file: 'app/Dockerfile', line: '3' });
    expect(errors[0]!.message).toMatch(/^app\/Dockerfile:3: unknown instruction COPPY/);
    expect(result.state).toEqual({});
    expect(result.postStdout).toContain('Nothing to save');
  });

  it('annotates a failing RUN at its line', async () => {
    const ws = await workspace('fail', `FROM ${base}\n\nRUN echo about to fail && false\n`);
    const result = await runAction('build', {
      cwd: ws,
      inputs: { context: 'app', file: 'app/Dockerfile', store: join(dir(), 'store') },
    });
    expect(result.exitCode).toBe(1);
    const error = result.commands.find((c) => c.command === 'error');
    expect(error?.properties).toMatchObject({ file: 'app/Dockerfile', line: '3' });
    expect(result.stdout).toContain('about to fail');
  });

  it('builds an inline step list', async () => {
    const ws = await workspace('steps', '');
    const result = await runAction('build', {
      cwd: ws,
      inputs: {
        context: 'app',
        steps: `- from: ${base}\n- copy: src/ /srv/\n- run: ls /srv > /listing\n- commit: stepped`,
        cache: false,
        store: join(dir(), 'store'),
      },
    });
    expect(result.stdout).not.toContain('::error');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.outputs.metadata ?? '{}').tags).toEqual(['localhost/stepped:latest']);
  });
});

describe.skipIf(!isRoot)('build action with the CI cache', () => {
  const registry = useRegistry();
  const dir = useTempDir('action-build-cache');
  let service: CacheService;

  beforeAll(async () => {
    service = await startCacheService();
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('saves the store in post and restores it on a fresh runner, where every layer is cached', async () => {
    const base = await pushBase(registry().host);
    const dockerfile = `FROM ${base}\nCOPY app.txt /app.txt\nRUN --mount=type=cache,target=/cache echo run >> /cache/log && wc -l < /cache/log > /runs\n`;
    const job = async (name: string) => {
      const ws = join(dir(), name);
      await mkdir(ws, { recursive: true });
      await writeFile(join(ws, 'Dockerfile'), dockerfile);
      await writeFile(join(ws, 'app.txt'), 'app\n');
      return runAction('build', {
        cwd: ws,
        env: service.env,
        inputs: { tags: 'cached-app', store: join(ws, 'store'), cache: true },
      });
    };
    const first = await job('first');
    expect(first.exitCode).toBe(0);
    expect(first.postExitCode).toBe(0);
    expect(first.postStdout).toMatch(/CI cache: saved/);

    const second = await job('second');
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toMatch(/CI cache: restored/);
    const steps = JSON.parse(second.outputs.metadata ?? '{}').steps as {
      instruction: string;
      cached: boolean;
    }[];
    expect(steps.filter((s) => /^(COPY|RUN)/.test(s.instruction)).map((s) => s.cached)).toEqual([
      true,
      true,
    ]);
  });
});
