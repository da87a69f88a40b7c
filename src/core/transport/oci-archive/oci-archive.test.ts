import { readdir, readFile, writeFile } from 'node:fs/promises';
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
import { ociLayoutTransport } from '../oci-layout/transport.js';
import { ociArchiveTransport as archive } from './transport.js';

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

describe('oci-archive:', () => {
  const tmp = useTempDir('oci-archive');

  it('parses like oci:', () => {
    expect(archive.parse('/tmp/a.tar:v1')).toEqual({
      transport: 'oci-archive',
      path: '/tmp/a.tar',
      name: 'v1',
    });
    expect(archive.format(archive.parse('/tmp/a.tar'))).toBe('/tmp/a.tar');
  });

  it('reads what skopeo writes, byte for byte', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'skopeo.tar');
    await exec('skopeo', [
      'copy',
      '-q',
      `oci:${busybox.layoutDir}:latest`,
      `oci-archive:${file}:named`,
    ]);
    const source = await archive.openSource(archive.parse(`${file}:named`));
    expect(source.name).toBe(`oci-archive:${file}:named`);
    const raw = await source.manifest();
    const { stdout } = await exec('skopeo', ['inspect', '--raw', `oci-archive:${file}:named`]);
    expect(Buffer.from(raw.bytes).toString()).toBe(stdout);
    expect(raw.digest).toBe(busybox.manifestDigest);
    for (const desc of [busybox.configDescriptor, ...busybox.layers]) {
      await verify(await source.blob(desc), desc);
    }
    await source.close();
    // The only image is found without a name too.
    const unnamed = await archive.openSource(archive.parse(file));
    expect((await unnamed.manifest()).digest).toBe(busybox.manifestDigest);
    await unnamed.close();
  });

  it('writes archives skopeo reads and copies out of', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'lighter.tar');
    const source = await ociLayoutTransport.openSource(
      ociLayoutTransport.parse(`${busybox.layoutDir}:latest`),
    );
    const dest = await archive.openDestination(archive.parse(`${file}:v2`));
    await copyByHand(source, dest);
    await dest.close();
    await source.close();
    // Staging is gone; only the archive is left.
    expect(await readdir(tmp())).toContain('lighter.tar');
    expect((await readdir(tmp())).filter((f) => f.startsWith('.'))).toEqual([]);
    const { stdout } = await exec('skopeo', ['inspect', '--raw', `oci-archive:${file}:v2`]);
    expect(JSON.parse(stdout)).toEqual(busybox.manifest);
    const out = join(tmp(), 'out');
    await exec('skopeo', ['copy', '-q', `oci-archive:${file}:v2`, `oci:${out}:x`]);
    await validateLayout(out, 'x');
    // Plain tar agrees on the members.
    const { stdout: list } = await exec('tar', ['tf', file]);
    expect(list.split('\n')).toEqual(
      expect.arrayContaining([
        'oci-layout',
        'index.json',
        `blobs/sha256/${busybox.manifestDigest.slice(7)}`,
      ]),
    );
  });

  it('round-trips a multi-arch index and replaces the archive on a second commit', async () => {
    const fixture = await multiArchImage(join(tmp(), 'multi'), ['linux/amd64', 'linux/arm64/v8']);
    const file = join(tmp(), 'multi.tar');
    for (let i = 0; i < 2; i++) {
      const source = await ociLayoutTransport.openSource(
        ociLayoutTransport.parse(`${fixture.layoutDir}:latest`),
      );
      const dest = await archive.openDestination(archive.parse(`${file}:all`));
      await copyByHand(source, dest);
      await dest.close();
      await source.close();
    }
    const back = await archive.openSource(archive.parse(`${file}:all`));
    expect((await back.manifest()).digest).toBe(fixture.indexDescriptor.digest);
    const child = fixture.images[1]!;
    expect((await back.manifest(child.manifestDigest)).digest).toBe(child.manifestDigest);
    await back.close();
    const out = join(tmp(), 'multi-out');
    await exec('skopeo', ['copy', '-q', '--all', `oci-archive:${file}:all`, `oci:${out}:all`]);
    await validateLayout(out, 'all');
  });

  it('close without commit writes no file', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'never.tar');
    const source = await ociLayoutTransport.openSource(
      ociLayoutTransport.parse(`${busybox.layoutDir}:latest`),
    );
    const dest = await archive.openDestination(archive.parse(file));
    await dest.putManifest(await source.manifest());
    await dest.close();
    await source.close();
    expect(await readdir(tmp())).not.toContain('never.tar');
    expect((await readdir(tmp())).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('bad input: a missing file, a file that is not a tar, a layout without the name', async () => {
    expect(
      (await rejection(archive.openSource(archive.parse(join(tmp(), 'missing.tar'))))).code,
    ).toBe('ERR_NOT_FOUND');
    const junk = join(tmp(), 'junk.tar');
    await writeFile(
      junk,
      'this is not a tar archive at all, but it is long enough to hold a header'.repeat(20),
    );
    const err = await rejection(archive.openSource(archive.parse(junk)));
    expect(err.message).toMatch(/junk\.tar.*(checksum|not a tar)/);
    const busybox = await busyboxImage();
    const file = join(tmp(), 'named.tar');
    await exec('skopeo', [
      'copy',
      '-q',
      `oci:${busybox.layoutDir}:latest`,
      `oci-archive:${file}:a`,
    ]);
    const missing = await rejection(archive.openSource(archive.parse(`${file}:b`)));
    expect(missing.code).toBe('ERR_NOT_FOUND');
    expect(missing.message).toContain('(the layout has a)');
  });

  it('reads a gzip-compressed archive', async () => {
    const busybox = await busyboxImage();
    const file = join(tmp(), 'gz.tar');
    await exec('skopeo', [
      'copy',
      '-q',
      `oci:${busybox.layoutDir}:latest`,
      `oci-archive:${file}:z`,
    ]);
    await exec('gzip', ['-k', file]);
    const source = await archive.openSource(archive.parse(`${file}.gz:z`));
    const raw = await source.manifest();
    expect(raw.digest).toBe(busybox.manifestDigest);
    await verify(await source.blob(busybox.layers[0]!), busybox.layers[0]!);
    await source.close();
    expect(await readFile(`${file}.gz`)).toBeTruthy();
  });
});
