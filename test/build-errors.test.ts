// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile lines are written with ${VAR} on purpose.
// Bad Dockerfiles and inputs fail `lighter build` with the file and line, exit non-zero, and leave nothing in the store or the registry.

import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import type { LayoutIndex } from '../src/core/layout/layout.js';
import type { ImageConfig } from '../src/core/manifest.js';
import { chainIds } from '../src/core/storage/chain-id.js';
import { Store } from '../src/core/storage/store.js';
import { pushBase, silent } from './fixtures/build/harness.js';
import { cliFromSource, tryExec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { HOME: '/nonexistent', PATH: process.env.PATH ?? '', ...env },
    stdin: async () => '',
  });
  return { code, stdout, stderr };
}

/**
 * Everything in a store that a build could add: index entries, blobs, and unpacked layers
 * (a layer dir of an image already stored may appear: unpacking a stored image is a cache).
 */
async function snapshot(store: string): Promise<string> {
  const index = JSON.parse(await readFile(join(store, 'index.json'), 'utf8')) as LayoutIndex;
  const blobs = (await readdir(join(store, 'blobs', 'sha256'))).sort();
  const known = new Set<string>();
  const blob = async (digest: string) =>
    JSON.parse(await readFile(join(store, 'blobs', 'sha256', digest.slice(7)), 'utf8'));
  const visit = async (digest: string): Promise<void> => {
    const manifest = await blob(digest);
    // The build cache keeps whole images as indexes around them.
    if (manifest.manifests) {
      for (const child of manifest.manifests) await visit(child.digest);
      return;
    }
    const config = (await blob(manifest.config.digest)) as ImageConfig;
    for (const chain of chainIds(config.rootfs.diff_ids)) known.add(chain.slice(7));
  };
  for (const entry of index.manifests) await visit(entry.digest);
  const layers = (await readdir(join(store, 'layers'))).filter((l) => !known.has(l)).sort();
  return JSON.stringify({ index, blobs, layers }, null, 1);
}

const isRoot = process.getuid?.() === 0;

describe('build failures', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-errors');
  let base = '';
  let store = '';
  let ctx = '';

  const dockerfile = async (lines: string[]) => {
    await writeFile(join(ctx, 'Dockerfile'), `${lines.join('\n')}\n`);
  };

  beforeAll(async () => {
    base = await pushBase(registry().host);
    store = join(dir(), 'store');
    ctx = join(dir(), 'ctx');
    await mkdir(ctx, { recursive: true });
    await writeFile(join(ctx, 'a.txt'), 'a\n');
    await writeFile(join(dir(), 'outside.txt'), 'outside\n');
    // A good build first, so the base image is in the store before the bad ones run.
    await dockerfile([`FROM ${base}`, 'COPY a.txt /a.txt']);
    const ok = await cli(['build', '--store', store, '-t', 'good', ctx]);
    expect(ok.stderr).toContain('COMMIT localhost/good:latest');
    expect(ok.code).toBe(0);
  });

  const cases: [string, string[], RegExp, string[]?][] = [
    [
      'an unknown instruction',
      ['FROM {BASE}', 'COPY a.txt /a.txt', 'COPPY a.txt /b.txt'],
      /Dockerfile:3: unknown instruction COPPY \(did you mean COPY\?\)/,
    ],
    [
      'a missing stage',
      ['FROM {BASE} AS build', 'RUN true', 'FROM {BASE}', 'COPY --from=3 /x /x'],
      /Dockerfile:4: invalid stage index 3/,
    ],
    [
      'a --from image that does not exist',
      ['FROM {BASE} AS build', 'FROM {BASE}', 'COPY --from={REGISTRY}/no-such-image:1 /x /x'],
      /Dockerfile:3: no stage or image named "[^"]*no-such-image:1"/,
    ],
    [
      'COPY of a path outside the context',
      ['FROM {BASE}', 'COPY ../outside.txt /o.txt'],
      /Dockerfile:2: COPY failed: \.\.\/outside\.txt is outside the build context/,
    ],
    [
      'COPY of a missing file',
      ['FROM {BASE}', 'COPY a.txt /a.txt', 'COPY missing.txt /m.txt'],
      /Dockerfile:3: COPY failed: "missing.txt" not found in the build context/,
    ],
    [
      'a missing build arg used with :?',
      ['FROM {BASE}', 'ARG VERSION', 'ENV APP_VERSION="${VERSION:?set VERSION with --build-arg}"'],
      /Dockerfile:3: VERSION: set VERSION with --build-arg/,
    ],
    ...(isRoot
      ? ([
          [
            'a failing RUN',
            [
              'FROM {BASE}',
              'COPY a.txt /a.txt',
              'RUN echo partial > /p',
              'RUN echo going && exit 3',
            ],
            /Dockerfile:4: RUN \/bin\/sh -c echo going && exit 3 exited with code 3/,
            ['going'],
          ],
        ] as [string, string[], RegExp, string[]][])
      : []),
  ];

  it.each(cases)(
    'fails on %s at its line, leaving nothing behind',
    async (_name, lines, message, output) => {
      await dockerfile(
        lines.map((l) => l.replace('{BASE}', base).replace('{REGISTRY}', registry().host)),
      );
      const before = await snapshot(store);
      const tag = `${registry().host}/failed/app:1`;
      const result = await cli(['build', '--store', store, '--push', '-t', tag, ctx]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      for (const text of output ?? []) expect(result.stderr).toContain(text);
      expect(result.stdout).toBe('');
      expect(await snapshot(store)).toBe(before);
      const tags = await tryExec('skopeo', [
        'list-tags',
        '--tls-verify=false',
        `docker://${registry().host}/failed/app`,
      ]);
      expect(tags.code).not.toBe(0);
    },
  );

  it('rejects bad flags with usage errors (exit 2)', async () => {
    const push = await cli(['build', '--store', store, '--push', ctx]);
    expect(push.code).toBe(2);
    expect(push.stderr).toContain('flag --push needs at least one --tag');
    const output = await cli(['build', '--store', store, '--output', 'ftp:x', ctx]);
    expect(output.code).toBe(2);
  });

  it('fails on a missing Dockerfile or context', async () => {
    const missing = await cli(['build', '--store', store, join(dir(), 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no Dockerfile or Containerfile in .*nowhere/);
    const file = await cli(['build', '--store', store, '-f', join(dir(), 'nope.Dockerfile'), ctx]);
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/reading .*nope\.Dockerfile: ENOENT/);
  });

  it('fails on a target stage that does not exist, naming the stages', async () => {
    await dockerfile([`FROM ${base} AS build`, `FROM ${base} AS final`]);
    const result = await cli(['build', '--store', store, '--target', 'biuld', ctx]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /Dockerfile: target stage "biuld" could not be found \(did you mean build\?\)/,
    );
  });
});

describe.skipIf(!isRoot)('a killed build', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-killed');

  it('leaves a RUN container the post step removes, mounts and all; the store stays clean', async () => {
    const base = await pushBase(registry().host);
    const ctx = join(dir(), 'ctx');
    const stateDir = join(dir(), 'state');
    const store = join(dir(), 'store');
    await mkdir(ctx, { recursive: true });
    await writeFile(join(ctx, 'Dockerfile'), `FROM ${base}\nRUN echo run-is-going && sleep 60\n`);
    const [node, ...cli] = cliFromSource();
    const child = spawn(node, [...cli, 'build', '--store', store, ctx], {
      env: { ...process.env, LIGHTER_STATE_DIR: stateDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the RUN did not start:\n${output}`)),
        60_000,
      );
      child.stderr.on('data', () => {
        if (output.includes('\nrun-is-going')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    const mounted = async () =>
      (await readFile('/proc/self/mountinfo', 'utf8'))
        .split('\n')
        .filter((l) => l.includes(stateDir));
    expect((await mounted()).length).toBeGreaterThan(0);

    const { removeBuildLeftovers } = await import('../src/core/build/leftovers.js');
    expect(await removeBuildLeftovers(silent, stateDir)).toBe(1);
    expect(await mounted()).toEqual([]);
    // The store is opened again and sweeps what the dead builder left half-written.
    await Store.open(store);
    const leftovers = (await readdir(join(store, 'layers'))).filter((n) => n.startsWith('.'));
    expect(leftovers).toEqual([]);
  });
});
