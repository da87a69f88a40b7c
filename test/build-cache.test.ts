// The layer cache (hits, misses and the input that changed, --no-cache, --layers=false), cache mounts kept between builds, and reproducible digests.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../src/core/build/builder.js';
import {
  BUILD_CACHE,
  CACHE_KEY,
  CACHE_MOUNT,
  cacheEntries,
} from '../src/core/build/layer-cache.js';
import type { BuildOptions, BuildResult } from '../src/core/build/types.js';
import { Store } from '../src/core/storage/store.js';
import { pushBase, silent } from './fixtures/build/harness.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

const DOCKERFILE = `ARG BASE
FROM \${BASE}
ARG FLAVOR=plain
COPY app /app
RUN cat /app/* > /combined && echo $FLAVOR > /flavor
LABEL v=1
RUN echo late > /late
`;

/** [instruction, cached, reason] of each layer step. */
function cacheLog(result: BuildResult): [string, boolean, string | undefined][] {
  return result.steps
    .filter((s) => /^(RUN|COPY|ADD|WORKDIR) /.test(s.instruction))
    .map((s) => [s.instruction.split(' ')[0]!, s.cached, s.reason]);
}

describe.skipIf(!isRoot)('layer cache', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-cache');
  let base = '';
  let ctx = '';
  let store = '';

  const build = (options: Partial<BuildOptions> = {}, dockerfile = DOCKERFILE) =>
    buildImage({
      contextDir: ctx,
      dockerfile,
      file: 'Dockerfile',
      storeDir: store,
      logger: silent,
      ...options,
      buildArgs: new Map([['BASE', base], ...(options.buildArgs ?? [])]),
    });

  beforeAll(async () => {
    base = await pushBase(registry().host);
    ctx = join(dir(), 'ctx');
    store = join(dir(), 'store');
    await mkdir(join(ctx, 'app'), { recursive: true });
    await writeFile(join(ctx, 'app', 'x.txt'), 'x\n');
    await writeFile(join(ctx, 'app', 'y.txt'), 'y\n');
  });

  it('misses on the first build, hits on the second, and gives the same image', async () => {
    const first = await build();
    expect(cacheLog(first)).toEqual([
      ['COPY', false, 'not built before'],
      ['RUN', false, 'not built before'],
      ['RUN', false, 'not built before'],
    ]);
    const second = await build();
    expect(cacheLog(second)).toEqual([
      ['COPY', true, undefined],
      ['RUN', true, undefined],
      ['RUN', true, undefined],
    ]);
    // A fully cached build is the very same image, made when the first one was.
    expect(second.digest).toBe(first.digest);
    expect(second.imageId).toBe(first.imageId);
  });

  it('says which input changed: the files COPY reads, then the steps after it', async () => {
    await writeFile(join(ctx, 'app', 'x.txt'), 'x changed\n');
    expect(cacheLog(await build())).toEqual([
      ['COPY', false, 'the files it copies changed'],
      ['RUN', false, 'an earlier step changed (different parent layers)'],
      ['RUN', false, 'an earlier step changed (different parent layers)'],
    ]);
    // A file's time is not part of its content: touching it changes nothing.
    await writeFile(join(ctx, 'app', 'x.txt'), 'x changed\n');
    expect(cacheLog(await build()).map(([, cached]) => cached)).toEqual([true, true, true]);
  });

  it('says which build arg changed', async () => {
    const result = await build({ buildArgs: new Map([['FLAVOR', 'spicy']]) });
    expect(cacheLog(result)).toEqual([
      ['COPY', true, undefined],
      ['RUN', false, 'build arg FLAVOR changed'],
      // Every ARG in scope is part of a RUN's key, as in Docker, used or not.
      ['RUN', false, 'an earlier step changed (different parent layers); build arg FLAVOR changed'],
    ]);
  });

  it('keeps using layers across a LABEL change, which touches no file', async () => {
    const result = await build({}, DOCKERFILE.replace('LABEL v=1', 'LABEL v=2'));
    expect(cacheLog(result).map(([, cached]) => cached)).toEqual([true, true, true]);
  });

  it('--no-cache builds every step and still records the results; --layers=false records nothing', async () => {
    const fresh = await build({ noCache: true });
    expect(cacheLog(fresh)).toEqual([
      ['COPY', false, '--no-cache'],
      ['RUN', false, '--no-cache'],
      ['RUN', false, '--no-cache'],
    ]);
    const entries = async () =>
      (await cacheEntries(await Store.open(store), silent)).filter(
        (d) => d.annotations?.[CACHE_KEY] !== undefined,
      ).length;
    const before = await entries();
    await writeFile(join(ctx, 'app', 'z.txt'), 'z\n');
    const off = await build({ layers: false });
    expect(cacheLog(off).map(([, cached, reason]) => [cached, reason])).toEqual([
      [false, 'the layer cache is off'],
      [false, 'the layer cache is off'],
      [false, 'the layer cache is off'],
    ]);
    expect(await entries()).toBe(before);
  });
});

describe.skipIf(!isRoot)('cache mounts', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-cache-mounts');

  it('keep their contents between builds, in the store and (as an image) through a fresh start', async () => {
    const base = await pushBase(registry().host);
    const ctx = join(dir(), 'ctx');
    const store = join(dir(), 'store');
    await mkdir(ctx, { recursive: true });
    const dockerfile = `FROM ${base}\nRUN --mount=type=cache,target=/cache,id=counter sh -c 'echo run >> /cache/log; wc -l < /cache/log > /count'\n`;
    const build = () =>
      buildImage({
        contextDir: ctx,
        dockerfile,
        file: 'Dockerfile',
        storeDir: store,
        noCache: true,
        exportCacheMounts: true,
        tags: ['counter'],
        outputs: [`oci:${join(dir(), 'out')}:counter`],
        logger: silent,
      });
    const count = async () => {
      const { exec } = await import('./helpers/exec.js');
      const bundle = join(dir(), `bundle-${Date.now()}`);
      await exec('umoci', ['unpack', '--image', `${join(dir(), 'out')}:counter`, bundle]);
      return (await readFile(join(bundle, 'rootfs', 'count'), 'utf8')).trim();
    };
    await build();
    expect(await count()).toBe('1');
    await build();
    expect(await count()).toBe('2');
    const opened = await Store.open(store);
    const kept = (await cacheEntries(opened, silent)).filter(
      (d) => d.annotations?.[CACHE_MOUNT] === 'counter',
    );
    expect(kept).toHaveLength(1);
    // The whole build cache is one index.json entry, whatever it holds.
    const index = await opened.writer.readIndex();
    expect(index.manifests.filter((d) => d.annotations?.[BUILD_CACHE] !== undefined)).toHaveLength(
      1,
    );
    // A new runner: the directory is gone, the image the CI cache restored is there.
    await rm(join(store, 'build-cache'), { recursive: true, force: true });
    await build();
    expect(await count()).toBe('3');
  });
});

describe.skipIf(!isRoot)('reproducible builds', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-repro');

  it('gives the same digest twice with SOURCE_DATE_EPOCH, in separate stores, without cache', async () => {
    const base = await pushBase(registry().host);
    const ctx = join(dir(), 'ctx');
    await mkdir(join(ctx, 'src'), { recursive: true });
    await writeFile(join(ctx, 'src', 'main.txt'), 'main\n');
    const dockerfile = `FROM ${base}\nWORKDIR /app\nCOPY src ./src\nRUN echo built > built.txt && mkdir -p /var/log && touch /var/log/x\nADD src/main.txt /added\nENV A=1\nCMD ["cat", "/app/built.txt"]\n`;
    const build = (name: string) =>
      buildImage({
        contextDir: ctx,
        dockerfile,
        file: 'Dockerfile',
        storeDir: join(dir(), name),
        sourceDateEpoch: 1_700_000_000,
        noCache: true,
        logger: silent,
      });
    const one = await build('one');
    // The clock moves on between the builds; the digest does not.
    await new Promise((r) => setTimeout(r, 1100));
    const two = await build('two');
    expect(two.digest).toBe(one.digest);
    expect(two.imageId).toBe(one.imageId);
    const store = await Store.open(join(dir(), 'one'));
    const config = (await store.inspect(one.digest.slice(7))).config;
    expect(config.created).toBe('2023-11-14T22:13:20.000Z');
    const own = config.history?.slice(1) ?? [];
    expect(own.length).toBeGreaterThan(4);
    for (const entry of own) expect(entry.created).toBe('2023-11-14T22:13:20.000Z');
  });
});

describe.skipIf(!isRoot)('concurrent builds into one store', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-concurrent');

  it('keep each other’s cache entries and names', async () => {
    const base = await pushBase(registry().host);
    const store = join(dir(), 'store');
    const builds = ['one', 'two', 'three'].map(async (name) => {
      const ctx = join(dir(), name);
      await mkdir(ctx, { recursive: true });
      await writeFile(join(ctx, `${name}.txt`), `${name}\n`);
      return buildImage({
        contextDir: ctx,
        dockerfile: `FROM ${base}\nCOPY ${name}.txt /\nRUN cat /${name}.txt > /copy\n`,
        file: 'Dockerfile',
        storeDir: store,
        tags: [name],
        logger: silent,
      });
    });
    const results = await Promise.all(builds);
    const opened = await Store.open(store);
    for (const [i, name] of ['one', 'two', 'three'].entries()) {
      expect((await opened.resolve(name)).digest).toBe(results[i]!.digest);
    }
    const keys = (await cacheEntries(opened, silent)).filter((d) => d.annotations?.[CACHE_KEY]);
    // Two layer steps and the image, for each build.
    expect(keys).toHaveLength(9);
    const index = await opened.writer.readIndex();
    expect(index.manifests.filter((d) => d.annotations?.[BUILD_CACHE] !== undefined)).toHaveLength(
      1,
    );
  });
});
