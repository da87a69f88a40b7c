// The CI cache of the store end to end: the real @actions/cache in child processes, a local cache service, Azurite.

import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CacheReport } from '../src/core/cache/index.js';
import type { Descriptor } from '../src/core/manifest.js';
import { type CacheService, startCacheService } from './helpers/cache-service.js';
import { tryExec } from './helpers/exec.js';
import { REF_NAME, readIndex } from './helpers/oci-layout.js';
import { randomImage } from './helpers/random-image.js';
import { makeTempDir, removeTempDir } from './helpers/temp-dir.js';
import { validateLayout } from './helpers/validate.js';

const REPO = join(import.meta.dirname, '..');
const KB = 1024;

// Runs one save or restore in a fresh Node process, as an action step would: @actions/cache reads
// the ACTIONS_* variables when it runs, and a process of its own shows nothing leaks in memory.
const CHILD = `
import { writeFileSync } from 'node:fs';
const [moduleUrl, op, store, optionsJson, out] = process.argv.slice(2);
const { saveStoreCache, restoreStoreCache } = await import(moduleUrl);
const log = [];
const logger = {
  debug: (m) => log.push('debug: ' + m),
  info: (m) => log.push('info: ' + m),
  warn: (m) => log.push('warn: ' + m),
  error: (m) => log.push('error: ' + m),
  group: (_title, fn) => fn(),
  secret() {},
};
const options = { ...JSON.parse(optionsJson), logger };
const report = op === 'save' ? await saveStoreCache(store, options) : await restoreStoreCache(store, options);
writeFileSync(out, JSON.stringify({ report, log }));
`;

interface OpResult {
  report: CacheReport;
  log: string[];
  stdout: string;
}

let service: CacheService;
let root: string;
let runs = 0;

beforeAll(async () => {
  service = await startCacheService();
  root = await makeTempDir('cache');
  await writeFile(join(root, 'cache-op.mjs'), CHILD);
});

afterAll(async () => {
  await service?.stop();
  if (root) await removeTempDir(root);
});

/** A job's surroundings: its own workspace and RUNNER_TEMP, the service's variables, one run id. */
async function jobEnv(extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
  const dir = join(root, `job-${++runs}`);
  await mkdir(join(dir, 'workspace'), { recursive: true });
  await mkdir(join(dir, 'temp'), { recursive: true });
  const env: NodeJS.ProcessEnv = {};
  // Variables of a runner this suite may itself run on must not reach the child.
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(ACTIONS_|GITHUB_|RUNNER_|INPUT_|STATE_)/.test(name)) env[name] = value;
  }
  return {
    ...env,
    ...service.env,
    GITHUB_WORKSPACE: join(dir, 'workspace'),
    RUNNER_TEMP: join(dir, 'temp'),
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    ...extra,
  };
}

async function runOp(
  op: 'save' | 'restore',
  store: string,
  options: Record<string, unknown>,
  extraEnv: Record<string, string> = {},
): Promise<OpResult> {
  const env = await jobEnv(extraEnv);
  const out = join(root, `result-${runs}.json`);
  const result = await tryExec(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(REPO, 'scripts', 'ts-import.mjs')).href,
      join(root, 'cache-op.mjs'),
      pathToFileURL(join(REPO, 'src', 'core', 'cache', 'index.ts')).href,
      op,
      store,
      JSON.stringify(options),
      out,
    ],
    { env, cwd: env.GITHUB_WORKSPACE as string },
  );
  if (result.code !== 0) {
    throw new Error(`cache ${op} exited ${result.code}:\n${result.stderr}\n${result.stdout}`);
  }
  const { report, log } = JSON.parse(await readFile(out, 'utf8')) as Omit<OpResult, 'stdout'>;
  return { report, log, stdout: result.stdout };
}

/** Every blob of a layout: digest hex → bytes. */
async function blobs(dir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  const base = join(dir, 'blobs', 'sha256');
  for (const name of await readdir(base)) found.set(name, await readFile(join(base, name)));
  return found;
}

async function namedImages(dir: string): Promise<Record<string, Descriptor>> {
  const index = await readIndex(dir);
  return Object.fromEntries(index.manifests.map((d) => [d.annotations?.[REF_NAME] ?? d.digest, d]));
}

/** The two layouts hold the same images, and every blob the first has, byte for byte. */
async function expectSameStore(actual: string, expected: string): Promise<void> {
  expect(await namedImages(actual)).toEqual(await namedImages(expected));
  const want = await blobs(expected);
  const got = await blobs(actual);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [hex, bytes] of want) expect(got.get(hex)?.equals(bytes), `blob ${hex}`).toBe(true);
  await validateLayout(actual, undefined, { checkTar: false });
}

function creates(): number {
  return service.requests.filter((r) => r.method === 'CreateCacheEntry').length;
}

describe('CI cache of the store through @actions/cache, a local cache service and Azurite', () => {
  const key = 'lighter/CI/build/app';
  let first: string;
  let second: string;

  test('a store saved in one process is restored byte for byte into an empty store in another', async () => {
    first = join(root, 'store-first');
    await randomImage(first, { layers: 2, layerSize: 200 * KB, tag: 'base', seed: 'base' });
    await randomImage(first, { layers: 3, layerSize: 100 * KB, tag: 'app', seed: 'app' });

    const saved = await runOp('save', first, { key });
    expect(saved.report.status, saved.log.join('\n')).toBe('saved');
    expect(saved.report.warnings).toEqual([]);
    expect(saved.report.images.sort()).toEqual(['app', 'base']);
    expect(saved.report.entries).toHaveLength(1);
    const entry = saved.report.entries[0]!;
    expect(entry.key).toMatch(/^lighter\/CI\/build\/app\/1001-1-[0-9a-f]{6}$/);
    expect(entry.blobs).toBe(2 + 3 + 4); // layers, two configs, two manifests
    expect(service.entries()).toMatchObject([{ key: entry.key, finalized: true }]);
    // Nothing of @actions/core's console output escapes into the process's stdout.
    expect(saved.stdout).toBe('');

    second = join(root, 'store-second');
    const restored = await runOp('restore', second, { key });
    expect(restored.report.status, restored.log.join('\n')).toBe('hit');
    expect(restored.report.matchedKey).toBe(entry.key);
    expect(restored.report.images.sort()).toEqual(['app', 'base']);
    expect(restored.report.blobs).toBe(9);
    expect(restored.report.entries[0]?.archiveBytes).toBeGreaterThan(500 * KB);
    await expectSameStore(second, first);
  });

  test('a second save uploads only the blobs that the restored entry lacks, and a restore joins both', async () => {
    const before = service.entries();
    const extra = await randomImage(second, {
      layers: 2,
      layerSize: 150 * KB,
      tag: 'extra',
      seed: 'x',
    });
    const newBytes =
      extra.layers.reduce((n, l) => n + l.size, 0) +
      extra.configDescriptor.size +
      extra.manifestDescriptor.size;

    const saved = await runOp('save', second, { key });
    expect(saved.report.status, saved.log.join('\n')).toBe('saved');
    expect(saved.report.entries).toHaveLength(1);
    expect(saved.report.entries[0]).toMatchObject({ action: 'saved', blobs: 4, bytes: newBytes });
    const added = service.entries().filter((e) => !before.some((b) => b.id === e.id));
    expect(added).toHaveLength(1);
    // The archive holds the new image's blobs (random, so incompressible) and little else.
    expect(added[0]!.storedBytes).toBeGreaterThan(newBytes * 0.9);
    expect(added[0]!.storedBytes).toBeLessThan(newBytes + 32 * KB);
    expect(added[0]!.storedBytes).toBeLessThan(before[0]!.storedBytes);

    const third = join(root, 'store-third');
    const restored = await runOp('restore', third, { key });
    expect(restored.report.status, restored.log.join('\n')).toBe('hit');
    expect(restored.report.matchedKey).toBe(added[0]!.key);
    expect(restored.report.entries.map((e) => [e.key, e.action])).toEqual([
      [added[0]!.key, 'restored'],
      [before[0]!.key, 'restored'],
    ]);
    expect(restored.report.images.sort()).toEqual(['app', 'base', 'extra']);
    await expectSameStore(third, second);
  });

  test('saving a store the cache already holds creates no entry', async () => {
    const count = creates();
    const saved = await runOp('save', second, { key });
    expect(saved.report.status, saved.log.join('\n')).toBe('unchanged');
    expect(saved.report.entries).toEqual([]);
    expect(creates()).toBe(count);
  });

  test('restore keys fall back to the entries of another key', async () => {
    const store = join(root, 'store-fallback');
    const restored = await runOp('restore', store, {
      key: 'lighter/CI/build/app/0123456789abcdef',
      restoreKeys: ['lighter/CI/build/app/'],
    });
    expect(restored.report.status, restored.log.join('\n')).toBe('hit');
    expect(restored.report.matchedKey).toMatch(/^lighter\/CI\/build\/app\/1001-1-/);
    await expectSameStore(store, second);
  });

  test('a missing entry is a clean miss that leaves the store as it was', async () => {
    const store = join(root, 'store-miss');
    const restored = await runOp('restore', store, { key: 'lighter/CI/build/nothing' });
    expect(restored.report.status).toBe('miss');
    expect(restored.report.warnings).toEqual([]);
    expect(restored.report.entries).toEqual([]);
    expect(restored.log.filter((l) => l.startsWith('warn'))).toEqual([]);
    expect(existsSync(store)).toBe(false);
  });

  test('a failing lookup is a warning and a failed report, never an error', async () => {
    service.failNext(
      'GetCacheEntryDownloadURL',
      403,
      'cache read denied: token has no readable scopes',
    );
    const restored = await runOp('restore', join(root, 'store-denied'), { key });
    expect(restored.report.status).toBe('failed');
    expect(restored.report.warnings).toHaveLength(1);
    expect(restored.report.warnings[0]).toMatch(
      /^CI cache: restoring lighter\/CI\/build\/app\/: .*cache read denied/,
    );
  });

  test('a 429 from CreateCacheEntry is a warning, never an error', async () => {
    const store = join(root, 'store-limited');
    await randomImage(store, { layers: 1, layerSize: 10 * KB, tag: 'one', seed: 'limited' });
    service.failNext('CreateCacheEntry', 429, 'too many cache entries created');
    const saved = await runOp('save', store, { key: 'lighter/CI/build/limited' });
    expect(saved.report.status).toBe('failed');
    expect(saved.report.entries).toMatchObject([{ action: 'rate-limited', blobs: 0 }]);
    expect(saved.report.warnings.join('\n')).toMatch(/limiting new entries.*429/s);
    expect(
      saved.log.some((l) => l.startsWith('warn: CI cache: saving lighter/CI/build/limited/')),
    ).toBe(true);
    expect(service.entries().some((e) => e.key.startsWith('lighter/CI/build/limited/'))).toBe(
      false,
    );
  });

  test("the service's own rate limit answers 429 the same way", async () => {
    const store = join(root, 'store-limit');
    await randomImage(store, { layers: 1, layerSize: 10 * KB, tag: 'one', seed: 'limit' });
    service.setCreateLimitPerMinute(0);
    try {
      const saved = await runOp('save', store, { key: 'lighter/CI/build/limit' });
      expect(saved.report.entries).toMatchObject([{ action: 'rate-limited' }]);
      expect(saved.report.warnings).toHaveLength(1);
    } finally {
      service.setCreateLimitPerMinute(undefined);
    }
  });

  test('a base image shared by two scopes is uploaded once, in an entry of its own', async () => {
    const one = join(root, 'store-scope-one');
    const base = await randomImage(one, {
      layers: 2,
      layerSize: 100 * KB,
      tag: 'base',
      seed: 'shared',
    });
    await randomImage(one, { layers: 1, layerSize: 50 * KB, tag: 'one', seed: 'one' });
    const savedOne = await runOp('save', one, { key: 'lighter/CI/build/one', shared: ['base'] });
    expect(savedOne.report.status, savedOne.log.join('\n')).toBe('saved');
    const imageKey = `lighter/image/sha256/${base.manifestDigest.slice('sha256:'.length)}`;
    expect(
      savedOne.report.entries.map((e) => [
        e.key.replace(/\/1001-1-\w+$/, ''),
        e.kind,
        e.action,
        e.blobs,
      ]),
    ).toEqual([
      [imageKey, 'image', 'saved', 4],
      ['lighter/CI/build/one', 'scope', 'saved', 3],
    ]);

    // Another job (a different run: nothing recorded) with the same base and another image.
    const two = join(root, 'store-scope-two');
    await randomImage(two, { layers: 2, layerSize: 100 * KB, tag: 'base', seed: 'shared' });
    await randomImage(two, { layers: 1, layerSize: 50 * KB, tag: 'two', seed: 'two' });
    const savedTwo = await runOp(
      'save',
      two,
      { key: 'lighter/CI/build/two', shared: ['base'] },
      { GITHUB_RUN_ID: '1002' },
    );
    expect(savedTwo.report.entries.map((e) => [e.kind, e.action, e.blobs])).toEqual([
      ['image', 'reused', 0],
      ['scope', 'saved', 3],
    ]);

    const restoredStore = join(root, 'store-scope-two-restored');
    const restored = await runOp(
      'restore',
      restoredStore,
      { key: 'lighter/CI/build/two' },
      { GITHUB_RUN_ID: '1003' },
    );
    expect(restored.report.status, restored.log.join('\n')).toBe('hit');
    expect(restored.report.entries.map((e) => [e.kind, e.action])).toEqual([
      ['scope', 'restored'],
      ['image', 'restored'],
    ]);
    await expectSameStore(restoredStore, two);
  });

  test('an entry whose parent was evicted restores only the images it can complete', async () => {
    const store = join(root, 'store-evicted');
    const two = join(root, 'store-scope-two');
    const [imageEntry] = service.entries().filter((e) => e.key.startsWith('lighter/image/'));
    await service.evict(imageEntry!.key);
    const restored = await runOp(
      'restore',
      store,
      { key: 'lighter/CI/build/two' },
      { GITHUB_RUN_ID: '1004' },
    );
    expect(restored.report.status).toBe('partial');
    expect(restored.report.images).toEqual(['two']);
    expect(restored.report.entries.map((e) => e.action)).toEqual(['restored', 'missing']);
    expect(restored.report.warnings.join('\n')).toMatch(/not restoring base: blobs are missing/);
    expect(Object.keys(await namedImages(store))).toEqual(['two']);
    expect((await namedImages(store)).two).toEqual((await namedImages(two)).two);
  });

  test('a branch restores from the default branch, and its own entries stay its own', async () => {
    const feature = service.envFor('refs/heads/feature', ['refs/heads/main']);
    const store = join(root, 'store-feature');
    const fromMain = await runOp('restore', store, { key }, { ...feature, GITHUB_RUN_ID: '2001' });
    expect(fromMain.report.status, fromMain.log.join('\n')).toBe('hit');

    await randomImage(store, { layers: 1, layerSize: 20 * KB, tag: 'feature', seed: 'feature' });
    const saved = await runOp('save', store, { key }, { ...feature, GITHUB_RUN_ID: '2001' });
    expect(saved.report.entries).toMatchObject([{ action: 'saved', blobs: 3 }]);
    const featureKey = saved.report.entries[0]!.key;
    expect(service.entries().find((e) => e.key === featureKey)?.scope).toBe('refs/heads/feature');

    // The default branch never sees the feature branch's newer entry.
    const onMain = await runOp(
      'restore',
      join(root, 'store-main'),
      { key },
      { GITHUB_RUN_ID: '2002' },
    );
    expect(onMain.report.matchedKey).not.toBe(featureKey);
    expect(onMain.report.images).not.toContain('feature');
    // The feature branch finds its own entry first.
    const again = await runOp(
      'restore',
      join(root, 'store-feature-2'),
      { key },
      { ...feature, GITHUB_RUN_ID: '2003' },
    );
    expect(again.report.matchedKey).toBe(featureKey);
    expect(again.report.images).toContain('feature');
  });

  test('a chain of three entries is packed into one on the next save', async () => {
    const store = join(root, 'store-chain');
    const chainKey = 'lighter/CI/build/chain';
    const saves: CacheReport[] = [];
    for (const n of [1, 2, 3, 4]) {
      await randomImage(store, { layers: 1, layerSize: 20 * KB, tag: `v${n}`, seed: `chain${n}` });
      const saved = await runOp('save', store, { key: chainKey }, { GITHUB_RUN_ID: '3001' });
      expect(saved.report.status, saved.log.join('\n')).toBe('saved');
      saves.push(saved.report);
    }
    // Each of the first three uploads one image; the fourth would list three parents, so it packs all four.
    expect(saves.map((r) => r.entries[0]?.blobs)).toEqual([3, 3, 3, 12]);

    const restored = await runOp('restore', join(root, 'store-chain-restored'), { key: chainKey });
    expect(restored.report.entries.map((e) => e.action)).toEqual(['restored']);
    await expectSameStore(join(root, 'store-chain-restored'), store);
  });

  test('an image entry another job created meanwhile (409) is used, not uploaded', async () => {
    const store = join(root, 'store-race');
    await randomImage(store, { layers: 1, layerSize: 30 * KB, tag: 'base', seed: 'race-base' });
    await randomImage(store, { layers: 1, layerSize: 10 * KB, tag: 'app', seed: 'race-app' });
    // The lookup finds nothing, then CreateCacheEntry answers as GitHub does when a parallel job won.
    service.failNext(
      'CreateCacheEntry',
      409,
      'cache entry with the same key, version, and scope already exists',
    );
    const saved = await runOp('save', store, { key: 'lighter/CI/build/race', shared: ['base'] });
    expect(saved.report.status, saved.log.join('\n')).toBe('saved');
    expect(saved.report.warnings).toEqual([]);
    expect(saved.report.entries.map((e) => [e.kind, e.action, e.blobs])).toEqual([
      ['image', 'reused', 0],
      ['scope', 'saved', 3],
    ]);
  });

  test('without a cache service the save is skipped with a warning', async () => {
    const saved = await runOp('save', first, { key }, { ACTIONS_RESULTS_URL: '' });
    expect(saved.report.status).toBe('skipped');
    expect(saved.report.warnings.join('\n')).toMatch(/no GitHub Actions cache service/);
  });
});
