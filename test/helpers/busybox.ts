// A tiny runnable busybox image as an OCI layout, built from the host's static /bin/busybox.

import { createHash, randomUUID } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaType } from '../../src/core/media-types.js';
import { exec } from './exec.js';
import { hostPlatform, type ImageFixture, readImageFixture, writeImage } from './image-fixture.js';
import { addToIndex, initLayout, type TarEntry, writeLayer } from './oci-layout.js';

const BUSYBOX = '/bin/busybox';
const TAG = 'latest';
/** Bump when the image's contents change, so cached layouts from older code are not reused. */
const FIXTURE_VERSION = 1;

export const BUSYBOX_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

let cached: Promise<ImageFixture> | undefined;

/**
 * The busybox image tagged `latest` in an OCI layout: one gzipped layer with bin/busybox, its
 * applet links in bin/, /etc/passwd and /etc/group (root, nobody) and /tmp (1777); Cmd ["sh"].
 *
 * Built once per machine under `$TMPDIR/lighter-fixtures/`, keyed by busybox's sha256, and
 * shared: treat that layout as read-only. Pass `copyTo` to get a private copy you may change.
 */
export async function busyboxImage(copyTo?: string): Promise<ImageFixture> {
  cached ??= cachedBusyboxImage();
  const shared = await cached;
  if (!copyTo) return shared;
  await cp(shared.layoutDir, copyTo, { recursive: true });
  return readImageFixture(copyTo, TAG);
}

async function cachedBusyboxImage(): Promise<ImageFixture> {
  const binary = await readFile(BUSYBOX);
  const key = createHash('sha256')
    .update(binary)
    .update(`${FIXTURE_VERSION} ${process.arch}`)
    .digest('hex');
  const root = join(tmpdir(), 'lighter-fixtures');
  const dir = join(root, `busybox-${key.slice(0, 16)}`);
  if (await isComplete(dir)) return readImageFixture(dir, TAG);

  // Parallel test workers may build at once: each builds privately, the first rename wins.
  await mkdir(root, { recursive: true });
  const temp = join(root, `.busybox-${randomUUID()}`);
  try {
    await writeBusyboxImage(temp, binary);
    await rename(temp, dir).catch(async (error: NodeJS.ErrnoException) => {
      if (!(await isComplete(dir))) throw error;
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return readImageFixture(dir, TAG);
}

async function isComplete(dir: string): Promise<boolean> {
  // The layout appears under its final name only by rename once whole.
  return stat(join(dir, 'index.json')).then(
    () => true,
    () => false,
  );
}

/**
 * Writes the busybox image into `dir` (uncached). Deterministic: the same busybox binary always
 * gives the same manifest digest.
 */
export async function writeBusyboxImage(dir: string, binary?: Uint8Array): Promise<ImageFixture> {
  const busybox = binary ?? (await readFile(BUSYBOX));
  const { stdout } = await exec(BUSYBOX, ['--list']);
  const applets = [...new Set(stdout.split('\n').map((s) => s.trim()))].filter(
    (name) => name !== '' && name !== 'busybox' && !name.includes('/'),
  );
  const entries: TarEntry[] = [
    { type: 'directory', name: 'bin/' },
    { type: 'file', name: 'bin/busybox', mode: 0o755, data: busybox },
    ...applets.map(
      (name): TarEntry => ({ type: 'symlink', name: `bin/${name}`, target: 'busybox' }),
    ),
    { type: 'directory', name: 'etc/' },
    {
      type: 'file',
      name: 'etc/passwd',
      data: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n',
    },
    { type: 'file', name: 'etc/group', data: 'root:x:0:\nnobody:x:65534:\n' },
    { type: 'directory', name: 'root/', mode: 0o700 },
    { type: 'directory', name: 'tmp/', mode: 0o1777 },
  ];
  // Sorted by name (byte order) so the tar, and with it every digest, is reproducible.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  await initLayout(dir);
  const layer = await writeLayer(dir, entries, { mediaType: MediaType.ociLayerGzip, level: 9 });
  const image = await writeImage(dir, {
    layers: [layer],
    platform: hostPlatform(),
    container: { Env: [`PATH=${BUSYBOX_PATH}`], Cmd: ['sh'] },
    createdBy: ['lighter test fixture: busybox'],
  });
  await addToIndex(dir, image.manifestDescriptor, TAG);
  return { ...image, tag: TAG, reference: `oci:${dir}:${TAG}` };
}
