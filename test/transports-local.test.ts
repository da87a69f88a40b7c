// Local transports (oci, oci-archive, docker-archive, dir) against skopeo and umoci, through the
// transport table and the copy engine, as the CLI uses them.

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyImage } from '../src/core/copy/copy.js';
import type { Digest } from '../src/core/digest.js';
import { isLighterError } from '../src/core/errors.js';
import {
  imageName,
  openDestination,
  openSource,
  parseImageName,
} from '../src/core/transport/index.js';
import { busyboxImage } from './helpers/busybox.js';
import { exec } from './helpers/exec.js';
import { multiArchImage } from './helpers/random-image.js';
import { useTempDir } from './helpers/temp-dir.js';
import { validateLayout } from './helpers/validate.js';

/** Copies with lighter's engine between two transport-qualified names. */
async function lighterCopy(
  from: string,
  to: string,
  options: Parameters<typeof copyImage>[2] = {},
) {
  const source = await openSource(parseImageName(from));
  try {
    const dest = await openDestination(parseImageName(to));
    try {
      return await copyImage(source, dest, options);
    } finally {
      await dest.close();
    }
  } finally {
    await source.close();
  }
}

const skopeo = (...args: string[]) => exec('skopeo', args);
const rawOf = async (name: string) => (await skopeo('inspect', '--raw', name)).stdout;
const diffIdsOf = async (name: string): Promise<Digest[]> =>
  JSON.parse((await skopeo('inspect', '--config', name)).stdout).rootfs.diff_ids;

interface Case {
  transport: string;
  /** The name of an image in `dir`, with a tag where the transport takes one. */
  name: (dir: string) => string;
  /** False when the transport rebuilds the manifest (docker-archive keeps none). */
  keepsManifest: boolean;
}

const cases: Case[] = [
  { transport: 'oci', name: (d) => `oci:${join(d, 'layout')}:v1`, keepsManifest: true },
  {
    transport: 'oci-archive',
    name: (d) => `oci-archive:${join(d, 'image.tar')}:v1`,
    keepsManifest: true,
  },
  {
    transport: 'docker-archive',
    name: (d) => `docker-archive:${join(d, 'docker.tar')}:example.com/app:v1`,
    keepsManifest: false,
  },
  { transport: 'dir', name: (d) => `dir:${join(d, 'dir')}`, keepsManifest: true },
];

describe('local transports with skopeo', () => {
  const tmp = useTempDir('transports-local');

  it('names round-trip through the transport table', () => {
    for (const c of cases) {
      const name = c.name('/tmp/x');
      expect(imageName(parseImageName(name))).toBe(
        name.replace('example.com/app:v1', 'example.com/app:v1'),
      );
    }
  });

  for (const c of cases) {
    describe(c.transport, () => {
      it('skopeo writes, lighter reads and copies out', async () => {
        const busybox = await busyboxImage();
        const parent = join(tmp(), `${c.transport}-from-skopeo`);
        await mkdir(parent, { recursive: true });
        const name = c.name(parent);
        await skopeo('copy', '-q', `oci:${busybox.layoutDir}:latest`, name);
        const source = await openSource(parseImageName(name));
        const raw = await source.manifest();
        await source.close();
        if (c.keepsManifest) {
          expect(Buffer.from(raw.bytes).toString()).toBe(await rawOf(name));
          expect(raw.digest).toBe(busybox.manifestDigest);
        }
        const out = join(tmp(), `${c.transport}-from-skopeo-out`);
        const result = await lighterCopy(name, `oci:${out}:copied`);
        // docker-archive's Docker manifest is converted for the OCI layout; the others are kept.
        if (c.keepsManifest) expect(result.digest).toBe(raw.digest);
        await validateLayout(out, 'copied');
        expect(await diffIdsOf(`oci:${out}:copied`)).toEqual(busybox.diffIds);
      });

      it('lighter writes, skopeo reads and copies out', async () => {
        const busybox = await busyboxImage();
        const name = c.name(join(tmp(), `${c.transport}-from-lighter`));
        const result = await lighterCopy(`oci:${busybox.layoutDir}:latest`, name);
        if (c.keepsManifest) {
          expect(result.digest).toBe(busybox.manifestDigest);
          expect(await rawOf(name)).toBe(Buffer.from(result.manifest).toString());
        }
        const inspect = JSON.parse((await skopeo('inspect', name)).stdout);
        expect(inspect.Architecture).toBe(busybox.platform.architecture);
        const out = join(tmp(), `${c.transport}-from-lighter-out`);
        await skopeo('copy', '-q', name, `oci:${out}:x`);
        await validateLayout(out, 'x');
        expect(await diffIdsOf(`oci:${out}:x`)).toEqual(busybox.diffIds);
      });
    });
  }

  it('umoci unpacks an image lighter wrote into a layout, and runs nothing to do so', async () => {
    const busybox = await busyboxImage();
    const layout = join(tmp(), 'umoci');
    await lighterCopy(`oci:${busybox.layoutDir}:latest`, `oci:${layout}:run`);
    const bundle = join(tmp(), 'umoci-bundle');
    await exec('umoci', ['unpack', '--rootless', '--image', `${layout}:run`, bundle]);
    const passwd = await readFile(join(bundle, 'rootfs', 'etc', 'passwd'), 'utf8');
    expect(passwd).toMatch(/^root:/);
  });

  it('keeps the image through a chain of every local transport', async () => {
    const busybox = await busyboxImage();
    const d = join(tmp(), 'chain');
    const chain = [
      `oci:${busybox.layoutDir}:latest`,
      `oci-archive:${join(d, 'a.tar')}:x`,
      `docker-archive:${join(d, 'b.tar')}:chain:x`,
      `dir:${join(d, 'c')}`,
      `oci:${join(d, 'layout')}:end`,
    ];
    for (let i = 1; i < chain.length; i++) await lighterCopy(chain[i - 1]!, chain[i]!);
    await validateLayout(join(d, 'layout'), 'end');
    expect(await diffIdsOf(chain.at(-1)!)).toEqual(busybox.diffIds);
    const config = JSON.parse((await skopeo('inspect', '--config', chain.at(-1)!)).stdout);
    expect(config.config).toEqual(busybox.config.config);
  });

  it('copies a multi-arch index into oci:, oci-archive: and dir:, but only one platform into docker-archive:', async () => {
    const fixture = await multiArchImage(join(tmp(), 'multi-src'), [
      'linux/amd64',
      'linux/arm64/v8',
      'linux/ppc64le',
    ]);
    const from = `oci:${fixture.layoutDir}:latest`;
    const d = join(tmp(), 'multi');
    for (const to of [
      `oci:${join(d, 'layout')}:all`,
      `oci-archive:${join(d, 'all.tar')}:all`,
      `dir:${join(d, 'dir')}`,
    ]) {
      const result = await lighterCopy(from, to, { multiArch: 'all' });
      expect(result.digest).toBe(fixture.indexDescriptor.digest);
      expect(JSON.parse(await rawOf(to))).toEqual(fixture.index);
    }
    await validateLayout(join(d, 'layout'), 'all');

    const toArchive = `docker-archive:${join(d, 'one.tar')}:multi:one`;
    const err = await lighterCopy(from, toArchive, { multiArch: 'all' }).catch((e) => e);
    expect(isLighterError(err, 'ERR_UNSUPPORTED')).toBe(true);
    const arm = fixture.images[1]!;
    await lighterCopy(from, toArchive, { platform: arm.platform });
    expect(await diffIdsOf(toArchive)).toEqual(arm.diffIds);
  });
});
