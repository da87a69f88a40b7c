import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { busyboxImage } from '../../../../test/helpers/busybox.js';
import { exec } from '../../../../test/helpers/exec.js';
import { multiArchImage } from '../../../../test/helpers/random-image.js';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { validateLayout } from '../../../../test/helpers/validate.js';
import { type Digest, VerifyingStream } from '../../digest.js';
import { isLighterError, type LighterError } from '../../errors.js';
import { copyByHand } from '../../layout/testdata/copy-by-hand.js';
import { MediaType } from '../../media-types.js';
import { ociLayoutTransport as oci } from '../oci-layout/transport.js';
import { dirTransport as dir, VERSION_TEXT } from './transport.js';

const verify = (stream: Readable, desc: { digest: Digest; size: number }) =>
  pipeline(stream, new VerifyingStream(desc), new Writable({ write: (_c, _e, cb) => cb() }));

async function rejection(promise: Promise<unknown>): Promise<LighterError> {
  try {
    await promise;
  } catch (err) {
    if (isLighterError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

async function writeFromLayout(layoutRef: string, path: string) {
  const source = await oci.openSource(oci.parse(layoutRef));
  const dest = await dir.openDestination(dir.parse(path));
  try {
    return await copyByHand(source, dest);
  } finally {
    await dest.close();
    await source.close();
  }
}

describe('dir:', () => {
  const tmp = useTempDir('dir');

  it('takes the whole rest as the path', () => {
    expect(dir.parse('/tmp/a:b')).toEqual({ transport: 'dir', path: '/tmp/a:b' });
    expect(dir.format(dir.parse('rel/x'))).toBe('rel/x');
    expect(() => dir.parse('')).toThrow(/no path/);
  });

  it('reads what skopeo writes, byte for byte', async () => {
    const busybox = await busyboxImage();
    const path = join(tmp(), 'skopeo');
    await exec('skopeo', ['copy', '-q', `oci:${busybox.layoutDir}:latest`, `dir:${path}`]);
    const source = await dir.openSource(dir.parse(path));
    const raw = await source.manifest();
    const { stdout } = await exec('skopeo', ['inspect', '--raw', `dir:${path}`]);
    expect(Buffer.from(raw.bytes).toString()).toBe(stdout);
    expect(raw.digest).toBe(busybox.manifestDigest);
    expect(raw.mediaType).toBe(MediaType.ociManifest);
    for (const desc of [busybox.configDescriptor, ...busybox.layers])
      await verify(await source.blob(desc), desc);
    await source.close();
  });

  it('reads a multi-arch index skopeo writes, children by digest', async () => {
    const fixture = await multiArchImage(join(tmp(), 'multi-src'), [
      'linux/amd64',
      'linux/arm64/v8',
    ]);
    const path = join(tmp(), 'skopeo-multi');
    await exec('skopeo', ['copy', '-q', '--all', `oci:${fixture.layoutDir}:latest`, `dir:${path}`]);
    const source = await dir.openSource(dir.parse(path));
    expect((await source.manifest()).digest).toBe(fixture.indexDescriptor.digest);
    for (const image of fixture.images) {
      const child = await source.manifest(image.manifestDigest);
      expect(child.mediaType).toBe(MediaType.ociManifest);
      expect(JSON.parse(Buffer.from(child.bytes).toString())).toEqual(image.manifest);
    }
    await source.close();
  });

  it('writes what skopeo reads, an index too', async () => {
    const busybox = await busyboxImage();
    const path = join(tmp(), 'lighter');
    await writeFromLayout(`${busybox.layoutDir}:latest`, path);
    expect(await readFile(join(path, 'version'), 'utf8')).toBe(VERSION_TEXT);
    expect((await readdir(path)).sort()).toEqual(
      [
        'manifest.json',
        'version',
        busybox.configDescriptor.digest.slice(7),
        ...busybox.layers.map((l) => l.digest.slice(7)),
      ].sort(),
    );
    const { stdout } = await exec('skopeo', ['inspect', '--raw', `dir:${path}`]);
    expect(JSON.parse(stdout)).toEqual(busybox.manifest);
    const out = join(tmp(), 'out');
    await exec('skopeo', ['copy', '-q', `dir:${path}`, `oci:${out}:x`]);
    await validateLayout(out, 'x');

    const fixture = await multiArchImage(join(tmp(), 'multi-src2'), [
      'linux/amd64',
      'linux/arm64/v8',
    ]);
    const multi = join(tmp(), 'lighter-multi');
    await writeFromLayout(`${fixture.layoutDir}:latest`, multi);
    expect(await readdir(multi)).toContain(
      `${fixture.images[0]!.manifestDigest.slice(7)}.manifest.json`,
    );
    const multiOut = join(tmp(), 'multi-out');
    await exec('skopeo', ['copy', '-q', '--all', `dir:${multi}`, `oci:${multiOut}:all`]);
    await validateLayout(multiOut, 'all');
    expect(
      JSON.parse((await exec('skopeo', ['inspect', '--raw', `oci:${multiOut}:all`])).stdout),
    ).toEqual(fixture.index);
  });

  it('replaces a previous dir: image only at commit, and refuses other directories', async () => {
    const busybox = await busyboxImage();
    const fixture = await multiArchImage(join(tmp(), 'multi-src3'), ['linux/amd64']);
    const path = join(tmp(), 'replace');
    await writeFromLayout(`${fixture.layoutDir}:latest`, path);
    const before = await readdir(path);
    // An uncommitted copy leaves the old image as it was.
    const source = await oci.openSource(oci.parse(`${busybox.layoutDir}:latest`));
    const dest = await dir.openDestination(dir.parse(path));
    await dest.putManifest(await source.manifest());
    await dest.close();
    await source.close();
    expect((await readdir(path)).sort()).toEqual(before.sort());
    // A committed one replaces it whole.
    await writeFromLayout(`${busybox.layoutDir}:latest`, path);
    expect(await readdir(path)).toHaveLength(2 + 1 + busybox.layers.length);
    expect((await readdir(tmp())).filter((f) => f.startsWith('.'))).toEqual([]);

    const precious = join(tmp(), 'precious');
    await mkdir(precious);
    await writeFile(join(precious, 'thesis.tex'), 'do not delete');
    const err = await rejection(dir.openDestination(dir.parse(precious)));
    expect(err.code).toBe('ERR_INVALID_ARGUMENT');
    expect(err.message).toContain('refusing to overwrite');
    expect(await readFile(join(precious, 'thesis.tex'), 'utf8')).toBe('do not delete');
  });

  it('bad input: a missing directory, a missing blob', async () => {
    expect((await rejection(dir.openSource(dir.parse(join(tmp(), 'none'))))).code).toBe(
      'ERR_NOT_FOUND',
    );
    const busybox = await busyboxImage();
    const path = join(tmp(), 'holes');
    await exec('skopeo', ['copy', '-q', `oci:${busybox.layoutDir}:latest`, `dir:${path}`]);
    await rm(join(path, busybox.layers[0]!.digest.slice(7)));
    const source = await dir.openSource(dir.parse(path));
    const err = await rejection(source.blob(busybox.layers[0]!));
    expect(err.code).toBe('ERR_NOT_FOUND');
    expect(err.message).toContain(busybox.layers[0]!.digest);
    await source.close();
  });
});
