// The store end to end with real parts: skopeo and umoci read its layout, images are pulled from a
// real registry and their layer dirs mounted as overlay, tag/rmi/prune keep exactly what is named.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyImage } from '../src/core/copy/copy.js';
import { isLighterError, type LighterError } from '../src/core/errors.js';
import { silentLogger } from '../src/core/log.js';
import { MediaType } from '../src/core/media-types.js';
import { chainIds } from '../src/core/storage/chain-id.js';
import { defaultStoreDir } from '../src/core/storage/location.js';
import { pull, push } from '../src/core/storage/pull.js';
import { Store } from '../src/core/storage/store.js';
import { openDestination, openSource, parseImageName } from '../src/core/transport/index.js';
import { StorageDestination } from '../src/core/transport/storage/destination.js';
import { busyboxImage } from './helpers/busybox.js';
import { exec } from './helpers/exec.js';
import { formatPlatform, hostPlatform, writeImage } from './helpers/image-fixture.js';
import { addToIndex, initLayout, writeLayer } from './helpers/oci-layout.js';
import { multiArchImage, randomImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';
import { validateLayout } from './helpers/validate.js';

const skopeo = (...args: string[]) => exec('skopeo', args);

/** Copies a transport-qualified image into the store (as `copy SRC storage:NAME` does). */
async function copyIn(storeDir: string, from: string, name: string) {
  const source = await openSource(parseImageName(from));
  try {
    const dest = await openDestination(parseImageName(`storage:${name}`), { storeDir });
    try {
      return await copyImage(source, dest);
    } finally {
      await dest.close();
    }
  } finally {
    await source.close();
  }
}

/** Everything that makes up a store's state, to compare before and after. */
async function snapshot(dir: string) {
  const list = async (sub: string) => (await readdir(join(dir, sub)).catch(() => [])).sort();
  return {
    index: await readFile(join(dir, 'index.json'), 'utf8'),
    blobs: await list('blobs/sha256'),
    layers: await list('layers'),
    root: (await readdir(dir)).sort(),
  };
}

async function expectError(promise: Promise<unknown>, code: string): Promise<LighterError> {
  try {
    await promise;
  } catch (err) {
    if (!isLighterError(err)) throw err;
    expect(err.code, err.message).toBe(code);
    return err;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}

const mounts: string[] = [];
afterEach(() => {
  while (mounts.length > 0) spawnSync('umount', ['-l', mounts.pop() as string]);
});

/** Mounts the lower dirs (top first) with a writable upper, as a container would see them. */
async function mountOverlay(base: string, lowers: string[]): Promise<string> {
  const merged = join(base, 'merged');
  for (const d of ['upper', 'work', 'merged']) await mkdir(join(base, d), { recursive: true });
  const result = spawnSync('mount', [
    '-t',
    'overlay',
    'overlay',
    '-o',
    `lowerdir=${lowers.join(':')},upperdir=${join(base, 'upper')},workdir=${join(base, 'work')}`,
    merged,
  ]);
  if (result.status !== 0) throw new Error(`mount: ${result.stderr.toString()}`);
  mounts.push(merged);
  return merged;
}

describe('store location', () => {
  it('follows LIGHTER_STORE, then root or XDG', () => {
    expect(defaultStoreDir({ LIGHTER_STORE: '/x/store' })).toBe('/x/store');
    if (process.getuid?.() === 0) expect(defaultStoreDir({})).toBe('/var/lib/lighter');
  });
});

describe('store format', () => {
  const tmp = useTempDir('storage-format');

  it('is an OCI layout that skopeo and umoci read by name', async () => {
    const busybox = await busyboxImage();
    const dir = join(tmp(), 'store');
    const result = await copyIn(dir, busybox.reference, 'busybox');
    expect(result.digest).toBe(busybox.manifestDigest);

    const store = await Store.open(dir);
    const [image, ...rest] = await store.images();
    expect(rest).toEqual([]);
    expect(image?.names).toEqual(['docker.io/library/busybox:latest']);
    expect(image?.id).toBe(busybox.configDescriptor.digest.slice('sha256:'.length));
    expect(image?.platforms).toEqual([formatPlatform(hostPlatform())]);
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    expect(index.manifests[0].annotations['org.opencontainers.image.ref.name']).toBe(
      'docker.io/library/busybox:latest',
    );

    const name = `oci:${dir}:docker.io/library/busybox:latest`;
    const inspect = JSON.parse((await skopeo('inspect', name)).stdout);
    expect(inspect.Digest).toBe(busybox.manifestDigest);
    expect(inspect.Layers).toEqual(busybox.layers.map((l) => l.digest));
    await skopeo('copy', '-q', name, `oci:${join(tmp(), 'out')}:x`);
    await validateLayout(join(tmp(), 'out'), 'x');

    const bundle = join(tmp(), 'bundle');
    await exec('umoci', ['unpack', '--image', `${dir}:docker.io/library/busybox:latest`, bundle]);
    await access(join(bundle, 'rootfs', 'bin', 'busybox'), constants.X_OK);

    // The extra directories of the store do not disturb the layout's validity.
    const report = await validateLayout(dir);
    expect(report.unreferenced).toEqual([]);
  });

  it('unpacks layers while copying in, under their chain IDs', async () => {
    const dir = join(tmp(), 'chain');
    const fixture = await randomImage(join(tmp(), 'three'), {
      layers: 3,
      layerSize: 4096,
      seed: 'c',
    });
    await copyIn(dir, fixture.reference, 'localhost/three:1');
    const want = chainIds(fixture.diffIds).map((c) => c.slice('sha256:'.length));
    // Present before anyone asked for them: the destination unpacked them from the stream.
    expect((await readdir(join(dir, 'layers'))).sort()).toEqual([...want].sort());
    const store = await Store.open(dir);
    const dirs = await store.layerDirs('localhost/three:1');
    expect(dirs).toEqual(want.map((hex) => join(dir, 'layers', hex)).reverse());
    expect((await readdir(join(dirs[0] as string, 'random'))).sort()).toEqual(['layer-2.bin']);
  });

  it('unpacks big compressed layers in the worker, whose reused read buffers never corrupt them', async () => {
    // Several megabytes that inflate to many more: the worker lends each read buffer to the
    // decompressor and takes it back for the next read; taken back too soon, the tar differs.
    const src = join(tmp(), 'squeezed-src');
    await initLayout(src);
    const text = Buffer.from(
      'the same line, over and over, so that gzip has work to do\n'.repeat(400_000),
    );
    const layers = [];
    for (const [i, compression] of ['gzip', 'zstd'].entries()) {
      layers.push(
        await writeLayer(
          src,
          [
            { type: 'file', name: `noise-${i}.bin`, data: randomBytes(6 << 20) },
            { type: 'file', name: `text-${i}.txt`, data: text },
          ],
          { mediaType: compression === 'gzip' ? MediaType.ociLayerGzip : MediaType.ociLayerZstd },
        ),
      );
    }
    const image = await writeImage(src, { layers, platform: hostPlatform() });
    await addToIndex(src, image.manifestDescriptor, 'latest');
    const dir = join(tmp(), 'squeezed');
    const log: string[] = [];
    const store = await Store.open(dir, { logger: { ...silentLogger, debug: (m) => log.push(m) } });
    const source = await openSource(parseImageName(`oci:${src}:latest`));
    const dest = await StorageDestination.open(store, 'localhost/squeezed:1');
    await copyImage(source, dest);
    await dest.close();
    await source.close();
    expect(log.filter((m) => m.endsWith('unpacking in a worker thread'))).toHaveLength(2);
    // Placed by the pull itself: a layer whose diff ID did not match would be missing here.
    const want = chainIds(layers.map((l) => l.diffId)).map((c) => c.slice('sha256:'.length));
    expect((await readdir(join(dir, 'layers'))).sort()).toEqual([...want].sort());
    const top = join(dir, 'layers', want[1] as string);
    expect((await readFile(join(top, 'text-1.txt'))).equals(text)).toBe(true);
  });

  it('unpacks lazily when a layer dir is missing, and checks the diff ID', async () => {
    const dir = join(tmp(), 'lazy');
    const fixture = await randomImage(join(tmp(), 'lazy-src'), {
      layers: 2,
      layerSize: 1000,
      seed: 'l',
    });
    const store = await Store.open(dir);
    const source = await openSource(parseImageName(fixture.reference));
    const dest = await StorageDestination.open(store, 'localhost/lazy:1', { unpack: false });
    await copyImage(source, dest);
    await dest.close();
    await source.close();
    expect(await readdir(join(dir, 'layers'))).toEqual([]);
    const dirs = await store.layerDirs('localhost/lazy:1');
    expect(dirs).toHaveLength(2);
    for (const d of dirs) expect((await stat(d)).isDirectory()).toBe(true);
    expect(await readdir(join(dir, 'layers'))).toHaveLength(2);
  });

  it('a blob that does not match its digest leaves no trace', async () => {
    const fixture = await randomImage(join(tmp(), 'corrupt-src'), {
      layers: 2,
      layerSize: 3 << 20,
      seed: 'x',
    });
    // Same size, other bytes: caught only by the digest, at the very end of the stream.
    const layer = fixture.layers[1] as (typeof fixture.layers)[number];
    const path = join(fixture.layoutDir, 'blobs', 'sha256', layer.digest.slice(7));
    const bytes = await readFile(path);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    await writeFile(path, bytes);
    const dir = join(tmp(), 'corrupt');
    const log: string[] = [];
    const store = await Store.open(dir, { logger: { ...silentLogger, debug: (m) => log.push(m) } });
    const source = await openSource(parseImageName(fixture.reference));
    const dest = await StorageDestination.open(store, 'localhost/corrupt:1');
    await expectError(copyImage(source, dest), 'ERR_DIGEST_MISMATCH');
    await dest.close();
    await source.close();
    expect(log.join('\n')).toContain(
      `${layer.digest} for storage:localhost/corrupt:1: unpacking in a worker thread`,
    );
    expect(await store.images()).toEqual([]);
    expect(await readdir(join(dir, 'blobs', 'sha256'))).not.toContain(layer.digest.slice(7));
    expect(await readdir(join(dir, 'layers'))).toEqual([]);
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(await readdir(join(dir, 'leases'))).toEqual([]);
  });

  for (const [size, where] of [
    [0, 'on the main thread'],
    [2 << 20, 'in a worker thread'],
  ] as const) {
    it(`stores an image with a hostile layer, but never unpacks it (${where})`, async () => {
      const src = join(tmp(), `hostile-src-${size}`);
      await initLayout(src);
      const outside = join(tmp(), `outside-${size}`);
      await mkdir(outside);
      const evil = await writeLayer(src, [
        ...(size > 0 ? [{ type: 'file' as const, name: 'big.bin', data: randomBytes(size) }] : []),
        { type: 'symlink', name: 'escape', target: outside },
        { type: 'file', name: 'escape/owned', data: 'gotcha' },
      ]);
      const image = await writeImage(src, { layers: [evil], platform: hostPlatform() });
      await addToIndex(src, image.manifestDescriptor, 'latest');
      const dir = join(tmp(), `hostile-${size}`);
      const log: string[] = [];
      const store = await Store.open(dir, {
        logger: { ...silentLogger, warn: (m) => log.push(m), debug: (m) => log.push(m) },
      });
      const source = await openSource(parseImageName(`oci:${src}:latest`));
      const dest = await StorageDestination.open(store, 'localhost/hostile:1');
      await copyImage(source, dest);
      await dest.close();
      await source.close();
      if (size > 0) expect(log.join('\n')).toContain(`unpacking ${where}`);
      expect(log.join('\n')).toMatch(/unpacking .*escape/);
      expect(await readdir(outside)).toEqual([]);
      expect(await readdir(join(dir, 'layers'))).toEqual([]);
      await expectError(store.layerDirs('localhost/hostile:1'), 'ERR_UNSAFE_ARCHIVE');
      expect(await readdir(outside)).toEqual([]);
      expect(await readdir(join(dir, 'layers'))).toEqual([]);
    });
  }

  it('keeps a Docker v2s2 image as pulled, digest and all', async () => {
    const dir = join(tmp(), 'docker');
    const fixture = await randomImage(join(tmp(), 'docker-src'), {
      layers: 1,
      layerSize: 2048,
      format: 'docker',
      seed: 'd',
    });
    // skopeo 1.9 finds only OCI-typed entries by name, so the fixture goes in as the only entry.
    const result = await copyIn(dir, `oci:${fixture.layoutDir}`, 'localhost/docker:1');
    expect(result.digest).toBe(fixture.manifestDigest);
    const store = await Store.open(dir);
    const image = await store.resolve('localhost/docker:1');
    expect(image.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json');
    expect(await store.layerDirs(image)).toHaveLength(1);
    await validateLayout(dir);
  });
});

describe('pull from a registry', () => {
  const tmp = useTempDir('storage-pull');
  const registry = useRegistry();

  it('pulls busybox; its layer dirs mount as overlay with /bin/busybox', async () => {
    const busybox = await busyboxImage();
    const host = registry().host;
    await skopeo(
      'copy',
      '-q',
      '--dest-tls-verify=false',
      busybox.reference,
      `docker://${host}/library/busybox:1`,
    );
    const store = await Store.open(join(tmp(), 'store'));
    const progress: string[] = [];
    const pulled = await pull(store, `${host}/library/busybox:1`, {
      registry: { tlsVerify: false },
      onProgress: (e) => progress.push(e.state),
    });
    expect(pulled.name).toBe(`${host}/library/busybox:1`);
    expect(pulled.image.digest).toBe(busybox.manifestDigest);
    expect(progress).toContain('done');
    // A short name finds it by its path, as podman's lookup does.
    expect((await store.resolve('busybox:1')).digest).toBe(busybox.manifestDigest);

    const lowers = await store.layerDirs(pulled.image);
    const merged = await mountOverlay(join(tmp(), 'ctr'), lowers);
    await access(join(merged, 'bin', 'busybox'), constants.X_OK);
    const run = spawnSync('chroot', [merged, '/bin/busybox', 'echo', 'hello'], {
      encoding: 'utf8',
    });
    expect(run.stdout.trim()).toBe('hello');

    // Pulling again copies nothing.
    const again = await pull(store, `${host}/library/busybox:1`, {
      registry: { tlsVerify: false },
    });
    expect(again.copy.blobsCopied).toBe(0);
  });

  it('pushes a stored image back out, to its own name or another', async () => {
    const host = registry().host;
    const fixture = await randomImage(join(tmp(), 'push-src'), {
      layers: 2,
      layerSize: 3000,
      seed: 'p',
    });
    const store = await Store.open(join(tmp(), 'push-store'));
    await copyIn(store.dir, fixture.reference, `${host}/app/one:1`);
    await store.tag(`${host}/app/one:1`, `${host}/app/two:2`);
    await push(store, `${host}/app/one:1`, undefined, { registry: { tlsVerify: false } });
    await push(store, `${host}/app/two:2`, undefined, { registry: { tlsVerify: false } });
    await push(store, `${host}/app/one:1`, `oci:${join(tmp(), 'pushed')}:v`);
    for (const ref of [`${host}/app/one:1`, `${host}/app/two:2`]) {
      const raw = await skopeo('inspect', '--tls-verify=false', '--raw', `docker://${ref}`);
      expect(raw.stdout).toBe(
        await readFile(
          join(fixture.layoutDir, 'blobs', 'sha256', fixture.manifestDigest.slice(7)),
          'utf8',
        ),
      );
    }
    await validateLayout(join(tmp(), 'pushed'), 'v');
  });

  it('pulls an index whole, and picks the host platform for layer dirs', async () => {
    const host = registry().host;
    const platforms = [formatPlatform(hostPlatform()), 'linux/s390x'];
    const fixture = await multiArchImage(join(tmp(), 'multi-src'), platforms);
    await skopeo(
      'copy',
      '-q',
      '--all',
      '--dest-tls-verify=false',
      fixture.reference,
      `docker://${host}/multi:1`,
    );
    const store = await Store.open(join(tmp(), 'multi-store'));
    const all = await pull(store, `${host}/multi:1`, {
      registry: { tlsVerify: false },
      allPlatforms: true,
    });
    expect(all.image.digest).toBe(fixture.indexDescriptor.digest);
    expect(all.image.platforms.sort()).toEqual([...platforms].sort());
    const inspected = await store.inspect(all.image);
    expect(inspected.digest).toBe(fixture.images[0]?.manifestDigest);
    expect(await store.layerDirs(all.image)).toHaveLength(1);
    await validateLayout(store.dir);

    const one = await Store.open(join(tmp(), 'single-store'));
    const single = await pull(one, `${host}/multi:1`, { registry: { tlsVerify: false } });
    expect(single.image.digest).toBe(fixture.images[0]?.manifestDigest);
  });
});

describe('tag, rmi and prune', () => {
  const tmp = useTempDir('storage-gc');

  it('names, moves and removes names; prune keeps exactly what is named', async () => {
    const dir = join(tmp(), 'store');
    // Two images sharing their first two layers: the shared ones must survive removing either.
    const small = await randomImage(join(tmp(), 'small'), {
      layers: 2,
      layerSize: 2000,
      seed: 'share',
    });
    const big = await randomImage(join(tmp(), 'big'), {
      layers: 3,
      layerSize: 2000,
      seed: 'share',
    });
    expect(big.diffIds.slice(0, 2)).toEqual(small.diffIds);
    await copyIn(dir, small.reference, 'localhost/small:1');
    await copyIn(dir, big.reference, 'localhost/big:1');
    const store = await Store.open(dir);

    expect(await store.tag('localhost/small:1', 'small-alias')).toBe(
      'localhost/small-alias:latest',
    );
    expect((await store.resolve('small-alias')).digest).toBe(small.manifestDigest);
    const id = (await store.resolve('localhost/small:1')).id;
    expect((await store.resolve(id.slice(0, 8))).digest).toBe(small.manifestDigest);
    expect((await store.resolve(`sha256:${id}`)).digest).toBe(small.manifestDigest);
    expect((await store.resolve(small.manifestDigest.slice(7, 19))).digest).toBe(
      small.manifestDigest,
    );
    await expectError(store.remove(id.slice(0, 8)), 'ERR_INVALID_ARGUMENT');

    // Moving a name to another image takes it off the first.
    await store.tag('localhost/big:1', 'localhost/small-alias:latest');
    expect((await store.resolve('small-alias')).digest).toBe(big.manifestDigest);
    expect((await store.resolve('localhost/small:1')).names).toEqual(['localhost/small:1']);

    // Nothing is garbage yet.
    expect(await store.prune()).toMatchObject({ blobs: 0, layers: 0, leftovers: 0 });

    // untag keeps the image, unnamed; prune --all removes it.
    await store.untag('localhost/small-alias:latest');
    await store.untag('localhost/big:1');
    const unnamed = (await store.images()).find((i) => i.digest === big.manifestDigest);
    expect(unnamed?.names).toEqual([]);
    expect(await store.prune()).toMatchObject({ blobs: 0, layers: 0 });
    const pruned = await store.prune({ all: true });
    // big's manifest, config and third layer; its third chain dir.
    expect(pruned).toMatchObject({ images: 1, blobs: 3, layers: 1 });
    expect(pruned.bytes).toBeGreaterThan(2000 * 2);
    const report = await validateLayout(dir);
    expect(report.unreferenced).toEqual([]);
    expect(await store.layerDirs('localhost/small:1')).toHaveLength(2);
    expect(await readdir(join(dir, 'layers'))).toHaveLength(2);

    const removed = await store.remove('localhost/small:1');
    expect(removed).toMatchObject({ untagged: ['localhost/small:1'], deleted: true });
    expect(await store.images()).toEqual([]);
    expect(await store.prune()).toMatchObject({ blobs: 4, layers: 2 });
    expect(await readdir(join(dir, 'blobs', 'sha256'))).toEqual([]);
    expect(await readdir(join(dir, 'layers'))).toEqual([]);
    expect(await readdir(join(dir, 'meta'))).toEqual([]);
  });

  it('refuses bad input with clear errors and leaves the store unchanged', async () => {
    const dir = join(tmp(), 'bad');
    await copyIn(dir, (await busyboxImage()).reference, 'busybox');
    const store = await Store.open(dir);
    const before = await snapshot(dir);

    const missing = await expectError(store.resolve('busyboz'), 'ERR_NOT_FOUND');
    expect(missing.message).toContain('docker.io/library/busybox:latest');
    expect(missing.details?.similar).toEqual(['docker.io/library/busybox:latest']);
    await expectError(store.resolve('nothing-like-it'), 'ERR_NOT_FOUND');
    await expectError(store.resolve('Busybox'), 'ERR_BAD_REFERENCE');
    await expectError(store.resolve('busybox:bad tag'), 'ERR_BAD_REFERENCE');
    await expectError(store.resolve('abcdef0123'), 'ERR_NOT_FOUND');
    await expectError(store.tag('busybox', 'UPPER/case'), 'ERR_BAD_REFERENCE');
    await expectError(store.tag('nosuch', 'fine'), 'ERR_NOT_FOUND');
    await expectError(store.untag('nosuch'), 'ERR_NOT_FOUND');
    await expectError(store.remove('nosuch:1'), 'ERR_NOT_FOUND');
    await expectError(store.remove('in valid'), 'ERR_BAD_REFERENCE');
    await expectError(store.layerDirs('nosuch'), 'ERR_NOT_FOUND');
    expect(() => parseImageName('storage:Bad')).toThrow(/invalid image name "storage:Bad"/);
    await expectError(
      openSource(parseImageName('storage:nosuch'), { storeDir: dir }),
      'ERR_NOT_FOUND',
    );

    expect(await snapshot(dir)).toEqual(before);
  });

  it('names round-trip through the storage transport', () => {
    for (const [input, stored] of [
      ['busybox', 'docker.io/library/busybox:latest'],
      ['localhost/app', 'localhost/app:latest'],
      ['ghcr.io/o/r:1', 'ghcr.io/o/r:1'],
      ['4c0f9a7d81', '4c0f9a7d81'],
    ] as const) {
      const ref = parseImageName(`storage:${input}`);
      expect(ref).toEqual({ transport: 'storage', image: stored });
      expect(parseImageName(`storage:${stored}`)).toEqual(ref);
    }
  });
});
