// A container's root filesystem: an overlay of unpacked image layers plus a per-container upper dir.
//
// Layer dirs come from the store (`Store.layerDirs(image)`, top first, overlay-style whiteouts:
// 0/0 character devices and `*.overlay.opaque` xattrs). On a host without overlayfs, the
// copy fallback flattens the layers into the target instead: slower, and then writes land in
// the target itself, not in an upper dir, so a builder has to diff the whole tree.

import {
  chmod,
  copyFile,
  constants as fsConstants,
  lchown,
  lstat,
  lutimes,
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  symlink,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorMessage, InvalidArgumentError } from '../errors.js';
import { type Logger, silentLogger } from '../log.js';
import { hasCommand, readXattrTree } from '../storage/layer/xattr.js';
import { checkedCommand, privileged, runCommand } from './command.js';
import { isMountPoint } from './mountinfo.js';

export type RootfsKind = 'overlay' | 'directory' | 'copy';

/** A prepared root filesystem; plain data, stored with the container for cleanup. */
export interface Rootfs {
  kind: RootfsKind;
  /** What the spec's root.path points at. */
  path: string;
  lowerDirs: string[];
  /** Where the container's writes land (overlay and directory kinds). */
  upperDir?: string;
  workDir?: string;
}

export interface MountOptions {
  /** Run mount/umount through `sudo -n` (the runtime's privilege mode). */
  sudo?: boolean;
  logger?: Logger;
}

export interface MountRootfsOptions extends MountOptions {
  /** Unpacked layers, top first (overlayfs' lowerdir order). */
  lowerDirs: readonly string[];
  upperDir: string;
  workDir: string;
  target: string;
  /** Without overlayfs: flatten the layers into `target` (`copy`), or fail (`none`, the default). */
  fallback?: 'copy' | 'none';
}

// One page is all mount(2) takes for options; stay well clear of it.
const MAX_OPTIONS = 3000;
const UNSAFE_IN_OPTIONS = /[,:\\=]/;

/**
 * The root filesystem of a container: an overlay when there are layers, `upperDir` itself as a
 * plain directory when there are none (a FROM scratch build step).
 */
export async function mountRootfs(options: MountRootfsOptions): Promise<Rootfs> {
  const { lowerDirs, upperDir, workDir, target } = options;
  if (lowerDirs.length === 0) {
    await mkdir(upperDir, { recursive: true });
    return { kind: 'directory', path: upperDir, lowerDirs: [], upperDir };
  }
  try {
    return await mountOverlay(lowerDirs, upperDir, workDir, target, options);
  } catch (error) {
    if (options.fallback !== 'copy' || error instanceof InvalidArgumentError) throw error;
    (options.logger ?? silentLogger).warn(
      `overlayfs is not usable here (${errorMessage(error)}); copying ${lowerDirs.length} layer(s) into ${target} instead`,
    );
    await copyLayers(lowerDirs, target, options.logger);
    return { kind: 'copy', path: target, lowerDirs: [...lowerDirs] };
  }
}

/**
 * The command that mounts an overlay with mount options `data`. Through sudo it first gives the
 * upper dir to root: a container's `/` has the upper dir's owner, which would otherwise be the
 * user lighter runs as (and a RUN step's upper dir becomes its layer's).
 */
export function overlayMountArgv(
  data: string,
  target: string,
  upperDir: string,
  sudo: boolean,
): string[] {
  const mount = ['mount', '-t', 'overlay', 'overlay', '-o', data, target];
  if (!sudo) return mount;
  return privileged(['sh', '-c', 'chown 0:0 -- "$0" && exec "$@"', upperDir, ...mount], true);
}

/** Mounts an overlay of `lowerDirs` (top first) with `upperDir` for writes at `target`. */
export async function mountOverlay(
  lowerDirs: readonly string[],
  upperDir: string,
  workDir: string,
  target: string,
  options: MountOptions = {},
): Promise<Rootfs> {
  if (lowerDirs.length === 0) {
    throw new InvalidArgumentError('mounting an overlay: at least one lower dir is needed');
  }
  for (const [what, dir] of [
    ['upper', upperDir],
    ['work', workDir],
  ] as const) {
    if (UNSAFE_IN_OPTIONS.test(dir)) {
      throw new InvalidArgumentError(`overlay ${what} dir "${dir}" holds one of , : \\ =`);
    }
  }
  await Promise.all([upperDir, workDir, target].map((d) => mkdir(d, { recursive: true })));
  // index/redirect_dir/metacopy off: the upper dir must hold whole files and plain whiteouts,
  // since a build turns it into a layer tarball.
  const fixed = `upperdir=${upperDir},workdir=${workDir},index=off,redirect_dir=off,metacopy=off`;
  const direct = `lowerdir=${lowerDirs.join(':')},${fixed}`;
  const what = `mounting overlay of ${lowerDirs.length} layer(s) at ${target}`;
  if (direct.length <= MAX_OPTIONS && !lowerDirs.some((d) => UNSAFE_IN_OPTIONS.test(d))) {
    await checkedCommand(overlayMountArgv(direct, target, upperDir, !!options.sudo), what);
  } else {
    // Many layers or odd names: short relative symlinks, resolved by the kernel against the
    // cwd of mount(2), which is all the link dir has to live for (podman's l/ dir does the same).
    const links = await mkdtemp(join(tmpdir(), 'lighter-lower-'));
    try {
      await Promise.all(lowerDirs.map((dir, i) => symlink(dir, join(links, String(i)))));
      const relative = `lowerdir=${lowerDirs.map((_, i) => String(i)).join(':')},${fixed}`;
      await checkedCommand(overlayMountArgv(relative, target, upperDir, !!options.sudo), what, {
        cwd: links,
      });
    } finally {
      await rm(links, { recursive: true, force: true });
    }
  }
  return { kind: 'overlay', path: target, lowerDirs: [...lowerDirs], upperDir, workDir };
}

/**
 * Undoes `mountRootfs`: unmounts an overlay (lazily if it is still busy) and removes a copy;
 * a directory rootfs is the caller's and stays. Unmounting what is not mounted is a no-op.
 */
export async function unmountRootfs(rootfs: Rootfs, options: MountOptions = {}): Promise<void> {
  if (rootfs.kind === 'overlay') await unmount(rootfs.path, options);
  else if (rootfs.kind === 'copy') {
    await runCommand(privileged(['rm', '-rf', '--one-file-system', rootfs.path], !!options.sudo));
  }
}

/** Unmounts `target` if it is a mount point; a busy mount is detached lazily. */
export async function unmount(target: string, options: MountOptions = {}): Promise<void> {
  if (!(await isMountPoint(target))) return;
  const sudo = !!options.sudo;
  const plain = await runCommand(privileged(['umount', target], sudo));
  if (plain.code === 0 || !(await isMountPoint(target))) return;
  (options.logger ?? silentLogger).debug(
    `umount ${target}: ${plain.stderr.trim()}; detaching it lazily`,
  );
  await checkedCommand(privileged(['umount', '-l', target], sudo), `unmounting ${target}`);
}

/**
 * Flattens overlay-style layer dirs (top first) into `target`, applying whiteouts and opaque
 * directories. Minimal on purpose: hard links become copies and xattrs, devices and fifos are
 * not copied (a warning names them).
 */
export async function copyLayers(
  lowerDirs: readonly string[],
  target: string,
  logger: Logger = silentLogger,
): Promise<void> {
  await mkdir(target, { recursive: true });
  const skipped: string[] = [];
  for (const layer of [...lowerDirs].reverse()) {
    const opaque = new Set<string>();
    if (hasCommand('getfattr')) {
      const tree = await readXattrTree(layer);
      for (const [path, attrs] of tree.byPath) {
        if (
          attrs.some(
            ([name, value]) => name.endsWith('.overlay.opaque') && value.toString() === 'y',
          )
        ) {
          opaque.add(path);
        }
      }
    } else {
      logger.warn(`getfattr is missing: opaque directories in ${layer} are not honoured`);
    }
    await copyTree(layer, target, '', opaque, skipped);
  }
  if (skipped.length > 0) {
    logger.warn(`copying layers: skipped ${skipped.length} special file(s), e.g. ${skipped[0]}`);
  }
}

async function copyTree(
  layer: string,
  target: string,
  rel: string,
  opaque: Set<string>,
  skipped: string[],
): Promise<void> {
  for (const name of await readdir(join(layer, rel))) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const from = join(layer, path);
    // Parents were made real directories first, so this lexical path stays inside `target`.
    const to = join(target, path);
    const stats = await lstat(from);
    const existing = await lstat(to).catch(() => undefined);
    if (stats.isCharacterDevice() && stats.rdev === 0) {
      if (existing) await rm(to, { recursive: true, force: true });
      continue;
    }
    if (stats.isDirectory()) {
      if (existing && (!existing.isDirectory() || opaque.has(path))) {
        await rm(to, { recursive: true, force: true });
      }
      await mkdir(to, { recursive: true });
      await copyTree(layer, target, path, opaque, skipped);
      // chown clears set-id bits, so the mode comes after it.
      await lchown(to, stats.uid, stats.gid);
      await chmod(to, stats.mode & 0o7777);
      await lutimes(to, stats.atime, stats.mtime);
      continue;
    }
    if (existing) await rm(to, { recursive: true, force: true });
    if (stats.isSymbolicLink()) {
      await symlink(await readlink(from), to);
      await lchown(to, stats.uid, stats.gid);
    } else if (stats.isFile()) {
      await copyFile(from, to, fsConstants.COPYFILE_FICLONE);
      await lchown(to, stats.uid, stats.gid);
      await chmod(to, stats.mode & 0o7777);
    } else {
      skipped.push(path);
      continue;
    }
    await lutimes(to, stats.atime, stats.mtime);
  }
}
