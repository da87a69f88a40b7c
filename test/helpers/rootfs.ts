// A busybox root filesystem directory for runtime tests: the busybox fixture's layer, unpacked.

import { join } from 'node:path';
import { busyboxImage } from './busybox.js';
import { exec } from './exec.js';
import { blobPath } from './oci-layout.js';
import { makeTempDir } from './temp-dir.js';

let cached: Promise<string> | undefined;

/**
 * The busybox image's root filesystem (bin/busybox and applet links, /etc/passwd with root and
 * nobody, /etc/group, /root, /tmp), unpacked once per process with system tar so owners and
 * modes are kept. Shared by every test of the process: use it as an overlay lower dir or a
 * read-only root, and take `busyboxRootfsCopy` for a root a test may write to.
 */
export function busyboxRootfs(): Promise<string> {
  cached ??= unpackBusybox(makeTempDir('rootfs'));
  return cached;
}

/** A private, writable copy of the busybox root filesystem in `dir` (created by `cp -a`). */
export async function busyboxRootfsCopy(dir: string): Promise<string> {
  const source = await busyboxRootfs();
  await exec('cp', ['-a', '--no-target-directory', source, dir]);
  return dir;
}

async function unpackBusybox(parent: Promise<string>): Promise<string> {
  const image = await busyboxImage();
  const dir = join(await parent, 'busybox');
  await exec('mkdir', ['-p', dir]);
  for (const layer of image.layers) {
    // The fixture has one layer without whiteouts, so plain tar extraction is the whole story.
    await exec('tar', [
      '-xzf',
      blobPath(image.layoutDir, layer.digest),
      '-C',
      dir,
      '--numeric-owner',
    ]);
  }
  return dir;
}
