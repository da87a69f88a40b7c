// A run container's root filesystem: the runtime's overlay, mounted `volatile` when the kernel allows.
//
// Unmounting an overlay syncs its upper file system, which waits for every dirty page of that
// whole file system, not just the container's: on a busy CI disk one `umount` took 170 ms
// here where it usually takes 3. A run container's upper dir is thrown away with it, so it
// needs no sync at all: `volatile` (Linux 5.10+) skips it, as podman does for its containers.
// A builder's upper dir becomes a layer and must stay synced, so this lives here and not in
// the runtime's mountRootfs, which everything else still goes through (and which this falls
// back to when the kernel refuses the option, or the options are too long for one mount call).

import { mkdir } from 'node:fs/promises';
import type { Logger } from '../log.js';
import { runCommand } from '../runtime/command.js';
import { mountRootfs, type Rootfs } from '../runtime/index.js';
import { overlayMountArgv } from '../runtime/rootfs.js';

export interface ContainerRootfsOptions {
  lowerDirs: readonly string[];
  upperDir: string;
  workDir: string;
  target: string;
  sudo: boolean;
  logger: Logger;
}

// mount(2) takes one page of options; the runtime's mount handles longer lists with symlinks.
const MAX_OPTIONS = 3000;
const UNSAFE_IN_OPTIONS = /[,:\\=]/;

let volatileRefused = false;

export async function mountContainerRootfs(options: ContainerRootfsOptions): Promise<Rootfs> {
  const { lowerDirs, upperDir, workDir, target, sudo, logger } = options;
  const data = `lowerdir=${lowerDirs.join(':')},upperdir=${upperDir},workdir=${workDir},index=off,redirect_dir=off,metacopy=off,volatile`;
  const simple =
    lowerDirs.length > 0 &&
    data.length <= MAX_OPTIONS &&
    ![...lowerDirs, upperDir, workDir].some((d) => UNSAFE_IN_OPTIONS.test(d));
  if (simple && !volatileRefused) {
    await Promise.all([upperDir, workDir, target].map((d) => mkdir(d, { recursive: true })));
    const result = await runCommand(overlayMountArgv(data, target, upperDir, sudo));
    if (result.code === 0) {
      return { kind: 'overlay', path: target, lowerDirs: [...lowerDirs], upperDir, workDir };
    }
    volatileRefused = true;
    logger.debug(`overlay with volatile refused (${result.stderr.trim()}); mounting without it`);
  }
  return mountRootfs({ lowerDirs, upperDir, workDir, target, sudo, logger });
}
