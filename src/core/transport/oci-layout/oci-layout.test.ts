import { spawn } from 'node:child_process';
import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { busyboxImage } from '../../../../test/helpers/busybox.js';
import { exec } from '../../../../test/helpers/exec.js';
import { multiArchImage, randomImage } from '../../../../test/helpers/random-image.js';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { validateLayout } from '../../../../test/helpers/validate.js';
import { VerifyingStream } from '../../digest.js';
import { isLighterError, type LighterError } from '../../errors.js';
import { copyByHand } from '../../layout/testdata/copy-by-hand.js';
import { MediaType } from '../../media-types.js';
import { ociLayoutTransport as oci } from './transport.js';

const open = {
  source: (rest: string) => oci.openSource(oci.parse(rest)),
  dest: (rest: string) => oci.openDestination(oci.parse(rest)),
};

async function copy(from: string, to: string) {
  const source = await open.source(from);
  const dest = await open.dest(to);
  try {
    return await copyByHand(source, dest);
  } finally {
    await dest.close();
    await source.close();
  }
}

async function rejection(promise: Promise<unknown>): Promise<LighterError> {
  try {
    await promise;
  } catch (err) {
    if (isLighterError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

/** Reads a stream to the end through a VerifyingStream, as the copy engine does. */
const verify = async (stream: Readable, desc: { digest: `${string}:${string}`; size: number }) =>
  pipeline(stream, new VerifyingStream(desc), new Writable({ write: (_c, _e, cb) => cb() }));

const names = async (dir: string) =>
  (
    JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
      manifests: { annotations?: Record<string, string> }[];
    }
  ).manifests.map((m) => m.annotations?.['org.opencontainers.image.ref.name'] ?? '');

describe('oci: references', () => {
  it('splits path and name at the first colon, as skopeo does', () => {
    expect(oci.parse('/tmp/x:latest')).toEqual({
      transport: 'oci',
      path: '/tmp/x',
      name: 'latest',
    });
    expect(oci.parse('/tmp/x')).toEqual({ transport: 'oci', path: '/tmp/x' });
    expect(oci.parse('/tmp/x:')).toEqual({ transport: 'oci', path: '/tmp/x' });
    expect(oci.parse('rel/dir:v1.2-rc')).toEqual({
      transport: 'oci',
      path: 'rel/dir',
      name: 'v1.2-rc',
    });
    // The name itself may hold colons (a full reference as name).
    expect(oci.parse('/x:docker.io/library/busybox:1.36')).toMatchObject({
      path: '/x',
      name: 'docker.io/library/busybox:1.36',
    });
    expect(oci.parse('C:\\images\\x:tag')).toMatchObject({ path: 'C:\\images\\x', name: 'tag' });
  });

  it('round-trips through format', () => {
    for (const rest of ['/tmp/x:latest', '/tmp/x', 'a/b:c/d:e']) {
      expect(oci.format(oci.parse(rest))).toBe(rest);
    }
  });

  it('refuses an empty path and names the bad part of a bad name', () => {
    expect(() => oci.parse(':tag')).toThrow(/no path/);
    const err = (() => {
      try {
        oci.parse('/tmp/x:bad name!');
      } catch (e) {
        return e as LighterError;
      }
    })();
    expect(err?.code).toBe('ERR_BAD_REFERENCE');
    expect(err?.message).toContain('"bad name!"');
  });
});

describe('oci: source', () => {
  const tmp = useTempDir('oci-src');

  it('reads busybox byte for byte as skopeo does', async () => {
    const busybox = await busyboxImage();
    const source = await open.source(`${busybox.layoutDir}:latest`);
    try {
      const raw = await source.manifest();
      const { stdout } = await exec('skopeo', [
        'inspect',
        '--raw',
        `oci:${busybox.layoutDir}:latest`,
      ]);
      expect(Buffer.from(raw.bytes).toString()).toBe(stdout);
      expect(raw.digest).toBe(busybox.manifestDigest);
      expect(raw.mediaType).toBe(MediaType.ociManifest);
      for (const desc of [busybox.configDescriptor, ...busybox.layers]) {
        await verify(await source.blob(desc), desc);
      }
    } finally {
      await source.close();
    }
  });

  it('picks the only image when no name is given', async () => {
    const busybox = await busyboxImage();
    const source = await open.source(busybox.layoutDir);
    expect((await source.manifest()).digest).toBe(busybox.manifestDigest);
    expect(source.name).toBe(`oci:${busybox.layoutDir}`);
    await source.close();
  });

  it('without a name in a layout of several images: ERR_NOT_FOUND listing the names', async () => {
    const dir = join(tmp(), 'several');
    await randomImage(dir, { layers: 1, layerSize: 100, tag: 'one' });
    await randomImage(dir, { layers: 1, layerSize: 100, tag: 'two' });
    const err = await rejection(open.source(dir));
    expect(err.code).toBe('ERR_NOT_FOUND');
    expect(err.message).toContain('one, two');
    const missing = await rejection(open.source(`${dir}:three`));
    expect(missing.code).toBe('ERR_NOT_FOUND');
    expect(missing.message).toMatch(/no image named "three".*one, two/);
  });

  it('a missing directory or marker is ERR_NOT_FOUND', async () => {
    expect((await rejection(open.source(join(tmp(), 'nope:x')))).code).toBe('ERR_NOT_FOUND');
    const empty = join(tmp(), 'empty');
    await writeFile(join(tmp(), 'placeholder'), '');
    await exec('mkdir', ['-p', empty]);
    const err = await rejection(open.source(empty));
    expect(err.code).toBe('ERR_NOT_FOUND');
    expect(err.message).toContain('not an OCI image layout');
  });

  it('a corrupt index.json is a clear ERR_BAD_MANIFEST', async () => {
    const dir = join(tmp(), 'corrupt');
    await busyboxImage(dir);
    await writeFile(join(dir, 'index.json'), '{"schemaVersion":2,"manifests":[{"digest":');
    const err = await rejection(open.source(`${dir}:latest`));
    expect(err.code).toBe('ERR_BAD_MANIFEST');
    expect(err.message).toMatch(/index\.json: not valid JSON/);
    await writeFile(
      join(dir, 'index.json'),
      '{"schemaVersion":2,"manifests":[{"mediaType":"x","digest":"sha256:12","size":1}]}',
    );
    expect((await rejection(open.source(`${dir}:latest`))).message).toMatch(
      /manifests\[0\].*sha256 needs 64/,
    );
  });

  it('a truncated blob is caught by the consumer`s VerifyingStream', async () => {
    const dir = join(tmp(), 'truncated');
    const image = await busyboxImage(dir);
    const layer = image.layers[0]!;
    await truncate(join(dir, 'blobs', 'sha256', layer.digest.slice(7)), layer.size - 10);
    const source = await open.source(`${dir}:latest`);
    const err = await rejection(verify(await source.blob(layer), layer));
    expect(err.code).toBe('ERR_SIZE_MISMATCH');
    await source.close();
  });

  it('serves child manifests of an index by digest, and only those', async () => {
    const dir = join(tmp(), 'multi');
    const fixture = await multiArchImage(dir, ['linux/amd64', 'linux/arm64/v8']);
    const source = await open.source(`${dir}:latest`);
    const top = await source.manifest();
    expect(top.mediaType).toBe(MediaType.ociIndex);
    expect(top.digest).toBe(fixture.indexDescriptor.digest);
    const child = await source.manifest(fixture.images[1]!.manifestDigest);
    expect(child.digest).toBe(fixture.images[1]!.manifestDigest);
    const stray = await rejection(source.manifest(fixture.images[0]!.configDescriptor.digest));
    expect(stray.code).toBe('ERR_NOT_FOUND');
    await source.close();
  });
});

describe('oci: destination', () => {
  const tmp = useTempDir('oci-dst');

  it('writes a layout skopeo reads, umoci unpacks and the validator accepts', async () => {
    const busybox = await busyboxImage();
    const dir = join(tmp(), 'copy');
    await copy(`${busybox.layoutDir}:latest`, `${dir}:v1`);
    await validateLayout(dir, 'v1');
    const { stdout } = await exec('skopeo', ['inspect', '--raw', `oci:${dir}:v1`]);
    expect(stdout).toBe(
      await readFile(
        join(busybox.layoutDir, 'blobs', 'sha256', busybox.manifestDigest.slice(7)),
        'utf8',
      ),
    );
    await exec('skopeo', ['copy', '-q', `oci:${dir}:v1`, `dir:${join(tmp(), 'skopeo-dir')}`]);
    await exec('umoci', ['unpack', '--rootless', '--image', `${dir}:v1`, join(tmp(), 'bundle')]);
    const ls = await readdir(join(tmp(), 'bundle', 'rootfs', 'bin'));
    expect(ls).toContain('busybox');
    // No temp or lock files are left in the layout.
    expect((await readdir(dir)).sort()).toEqual(['blobs', 'index.json', 'oci-layout']);
  });

  it('keeps other names, replaces the same name, and adds unnamed entries once', async () => {
    const dir = join(tmp(), 'names');
    const a = await randomImage(join(tmp(), 'src-a'), { layers: 1, layerSize: 64, seed: 'a' });
    const b = await randomImage(join(tmp(), 'src-b'), { layers: 2, layerSize: 64, seed: 'b' });
    await copy(`${a.layoutDir}:latest`, `${dir}:one`);
    await copy(`${b.layoutDir}:latest`, `${dir}:two`);
    await copy(`${b.layoutDir}:latest`, `${dir}:one`);
    await copy(`${a.layoutDir}:latest`, dir);
    await copy(`${a.layoutDir}:latest`, dir);
    expect(await names(dir)).toEqual(['one', 'two', '']);
    const one = await open.source(`${dir}:one`);
    expect((await one.manifest()).digest).toBe(b.manifestDigest);
    await one.close();
    // skopeo finds them by the same names.
    const { stdout } = await exec('skopeo', ['inspect', '--raw', `oci:${dir}:two`]);
    expect(JSON.parse(stdout).layers).toHaveLength(2);
    await validateLayout(dir);
  });

  it('copies a multi-arch index as an index entry', async () => {
    const fixture = await multiArchImage(join(tmp(), 'multi-src'), [
      'linux/amd64',
      'linux/arm64/v8',
      'linux/s390x',
    ]);
    const dir = join(tmp(), 'multi');
    await copy(`${fixture.layoutDir}:latest`, `${dir}:all`);
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    expect(index.manifests).toEqual([
      { ...fixture.indexDescriptor, annotations: { 'org.opencontainers.image.ref.name': 'all' } },
    ]);
    await validateLayout(dir, 'all');
    const { stdout } = await exec('skopeo', ['inspect', '--raw', `oci:${dir}:all`]);
    expect(JSON.parse(stdout)).toEqual(fixture.index);
    await exec('skopeo', [
      'copy',
      '-q',
      '--override-arch',
      'arm64',
      '--override-variant',
      'v8',
      `oci:${dir}:all`,
      `oci:${join(tmp(), 'arm')}:x`,
    ]);
  });

  it('close without commit leaves index.json untouched', async () => {
    const busybox = await busyboxImage();
    const dir = join(tmp(), 'uncommitted');
    await copy(`${busybox.layoutDir}:latest`, `${dir}:kept`);
    const before = await readFile(join(dir, 'index.json'));
    const source = await open.source(`${busybox.layoutDir}:latest`);
    const dest = await open.dest(`${dir}:dropped`);
    const raw = await source.manifest();
    await dest.putManifest(raw);
    await dest.close();
    await source.close();
    expect(await readFile(join(dir, 'index.json'))).toEqual(before);
  });

  it('never names a blob whose bytes do not match its digest', async () => {
    const dir = join(tmp(), 'mismatch');
    const dest = await open.dest(`${dir}:x`);
    const digest = `sha256:${'0'.repeat(64)}` as const;
    const err = await rejection(
      dest.putBlob(Readable.from([Buffer.from('hello')]), { mediaType: 'x', digest, size: 5 }),
    );
    expect(err.code).toBe('ERR_DIGEST_MISMATCH');
    // A failing stream leaves nothing either.
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(10));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(dest.putBlob(failing, { mediaType: 'x' })).rejects.toThrow(/connection reset/);
    await dest.close();
    expect(await readdir(join(dir, 'blobs', 'sha256'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['blobs', 'oci-layout']);
    // Unknown digest: computed while writing.
    const dest2 = await open.dest(`${dir}:x`);
    const put = await dest2.putBlob(Readable.from([Buffer.from('hello')]), { mediaType: 'x' });
    expect(put).toEqual({
      digest: 'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
      size: 5,
    });
    expect(await dest2.tryReuseBlob({ mediaType: 'x', ...put })).toBe(true);
    await dest2.close();
  });

  it('a corrupt index.json fails the commit and is left as it was', async () => {
    const busybox = await busyboxImage();
    const dir = join(tmp(), 'corrupt-dest');
    await copy(`${busybox.layoutDir}:latest`, `${dir}:a`);
    await writeFile(join(dir, 'index.json'), 'garbage');
    const err = await rejection(copy(`${busybox.layoutDir}:latest`, `${dir}:b`));
    expect(err.code).toBe('ERR_BAD_MANIFEST');
    expect(await readFile(join(dir, 'index.json'), 'utf8')).toBe('garbage');
  });

  it('a writer killed while holding the index lock does not block the next one', async () => {
    const busybox = await busyboxImage();
    const dir = join(tmp(), 'stale-lock');
    await copy(`${busybox.layoutDir}:latest`, `${dir}:first`);
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => child.on('close', resolve));
    await writeFile(
      join(dir, 'index.json.lock'),
      JSON.stringify({ pid: child.pid, host: hostname(), token: 'dead', since: '' }),
    );
    await copy(`${busybox.layoutDir}:latest`, `${dir}:second`);
    expect(await names(dir)).toEqual(['first', 'second']);
    expect((await readdir(dir)).sort()).toEqual(['blobs', 'index.json', 'oci-layout']);
  });

  it('concurrent writers in one process lose no entries', async () => {
    const busybox = await busyboxImage();
    const dir = join(tmp(), 'inproc');
    const tags = Array.from({ length: 12 }, (_, i) => `t${i}`);
    await Promise.all(tags.map((t) => copy(`${busybox.layoutDir}:latest`, `${dir}:${t}`)));
    expect((await names(dir)).sort()).toEqual([...tags].sort());
  });

  it('concurrent writers in several processes lose no entries', async () => {
    const busybox = await busyboxImage();
    const dir = join(tmp(), 'procs');
    const script = fileURLToPath(new URL('./testdata/write-tags.ts', import.meta.url));
    const loader = fileURLToPath(new URL('../../../../scripts/ts-import.mjs', import.meta.url));
    const processes = 4;
    const perProcess = 6;
    const runs = Array.from({ length: processes }, (_, p) => {
      const tags = Array.from({ length: perProcess }, (_, i) => `p${p}-${i}`);
      return new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            '--experimental-transform-types',
            '--no-warnings',
            '--import',
            loader,
            script,
            `${busybox.layoutDir}:latest`,
            dir,
            ...tags,
          ],
          { stdio: ['ignore', 'inherit', 'pipe'] },
        );
        let stderr = '';
        child.stderr.on('data', (d) => {
          stderr += d;
        });
        child.on('error', reject);
        child.on('close', (code) =>
          code === 0 ? resolve() : reject(new Error(`writer ${p} exited ${code}: ${stderr}`)),
        );
      });
    });
    await Promise.all(runs);
    const got = (await names(dir)).sort();
    expect(got).toHaveLength(processes * perProcess);
    expect(new Set(got).size).toBe(processes * perProcess);
    await validateLayout(dir);
    await rm(join(tmp(), 'procs'), { recursive: true });
  });
});
