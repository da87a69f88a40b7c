import { execFileSync } from 'node:child_process';
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir.js';
import { isLighterError } from '../errors.js';
import type { Logger } from '../log.js';
import { hasCommand } from '../storage/layer/xattr.js';
import { isMountPoint, mountsUnder } from './mountinfo.js';
import { copyLayers, mountOverlay, mountRootfs, unmount, unmountRootfs } from './rootfs.js';

const isRoot = process.getuid?.() === 0;
let dir: string;

beforeAll(async () => {
  dir = await makeTempDir('rootfs');
});

afterAll(async () => {
  for (const mount of await mountsUnder(dir)) await unmount(mount.mountPoint);
});

async function layer(name: string, files: Record<string, string>): Promise<string> {
  const root = join(dir, name);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await mkdir(root, { recursive: true });
  return root;
}

function whiteout(path: string): void {
  execFileSync('mknod', [path, 'c', '0', '0']);
}

describe('mountRootfs', () => {
  it('uses the upper dir itself when there are no layers', async () => {
    const upper = join(dir, 'scratch-upper');
    const rootfs = await mountRootfs({
      lowerDirs: [],
      upperDir: upper,
      workDir: join(dir, 'scratch-work'),
      target: join(dir, 'scratch-target'),
    });
    expect(rootfs).toEqual({ kind: 'directory', path: upper, lowerDirs: [], upperDir: upper });
    expect((await stat(upper)).isDirectory()).toBe(true);
    await unmountRootfs(rootfs);
    expect((await stat(upper)).isDirectory()).toBe(true);
  });
});

describe.skipIf(!isRoot)('overlay', () => {
  it('shows the top layer first, hides whiteouts and writes to the upper dir only', async () => {
    const bottom = await layer('bottom', { 'a.txt': 'bottom a', 'b.txt': 'bottom b', 'd/x': 'x' });
    const top = await layer('top', { 'a.txt': 'top a' });
    whiteout(join(top, 'b.txt'));
    const upper = join(dir, 'o-upper');
    const target = join(dir, 'o-target');
    const rootfs = await mountOverlay([top, bottom], upper, join(dir, 'o-work'), target);
    expect(rootfs).toMatchObject({ kind: 'overlay', path: target, upperDir: upper });
    expect(await isMountPoint(target)).toBe(true);
    expect(await readFile(join(target, 'a.txt'), 'utf8')).toBe('top a');
    await expect(stat(join(target, 'b.txt'))).rejects.toThrow();
    await writeFile(join(target, 'd/new'), 'new');
    await rm(join(target, 'd/x'));
    expect(await readFile(join(upper, 'd/new'), 'utf8')).toBe('new');
    const wh = await lstat(join(upper, 'd/x'));
    expect(wh.isCharacterDevice() && wh.rdev === 0).toBe(true);
    expect(await readFile(join(bottom, 'd/x'), 'utf8')).toBe('x');
    await unmountRootfs(rootfs);
    expect(await isMountPoint(target)).toBe(false);
    await unmountRootfs(rootfs);
  });

  it('mounts more layers than one page of mount options holds, and names with colons', async () => {
    const lowers: string[] = [];
    for (let i = 0; i < 120; i++) {
      const name = `layer-${String(i).padStart(3, '0')}-${'x'.repeat(40)}${i === 7 ? ':colon' : ''}`;
      lowers.push(await layer(join('many', name), { [`f${i}`]: String(i), shared: String(i) }));
    }
    expect(lowers.join(':').length).toBeGreaterThan(4096);
    const target = join(dir, 'many-target');
    const rootfs = await mountOverlay(
      lowers,
      join(dir, 'many-upper'),
      join(dir, 'many-work'),
      target,
    );
    const names = await readdir(target);
    expect(names).toHaveLength(121);
    // lowers[0] is the top layer.
    expect(await readFile(join(target, 'shared'), 'utf8')).toBe('0');
    expect(await readFile(join(target, 'f7'), 'utf8')).toBe('7');
    await unmountRootfs(rootfs);
  });

  it('refuses upper dirs whose names would break the mount options', async () => {
    const lower = await layer('plain', { f: 'f' });
    let error: unknown;
    try {
      await mountOverlay([lower], join(dir, 'bad,upper'), join(dir, 'w'), join(dir, 't'));
    } catch (e) {
      error = e;
    }
    expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
  });

  it('falls back to copying the layers when overlay cannot mount', async () => {
    const bottom = await layer('fb-bottom', { keep: 'keep', gone: 'gone' });
    const top = await layer('fb-top', { added: 'added' });
    whiteout(join(top, 'gone'));
    const warnings: string[] = [];
    const logger: Logger = {
      debug() {},
      info() {},
      warn: (m) => warnings.push(m),
      error() {},
      group: (_t, fn) => fn(),
      secret() {},
    };
    // Upper and work dirs on different filesystems: overlayfs refuses, as on a host without it.
    const work = await mkdtemp('/dev/shm/lighter-work-');
    try {
      const target = join(dir, 'fb-target');
      const rootfs = await mountRootfs({
        lowerDirs: [top, bottom],
        upperDir: join(dir, 'fb-upper'),
        workDir: work,
        target,
        fallback: 'copy',
        logger,
      });
      expect(rootfs).toEqual({ kind: 'copy', path: target, lowerDirs: [top, bottom] });
      expect(warnings[0]).toMatch(/overlayfs is not usable here/);
      expect((await readdir(target)).sort()).toEqual(['added', 'keep']);
      await unmountRootfs(rootfs);
      await expect(stat(target)).rejects.toThrow();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!isRoot)('copyLayers', () => {
  it('applies whiteouts, opaque dirs, replacements, modes and owners without following links out', async () => {
    const outside = join(dir, 'outside');
    await mkdir(outside);
    const bottom = await layer('c-bottom', {
      'etc/conf': 'old',
      'opq/old': 'old',
      'file-then-dir': 'file',
      'dir-then-file/inner': 'inner',
    });
    await symlink(outside, join(bottom, 'escape'));
    const top = await layer('c-top', {
      'etc/conf': 'new',
      'opq/new': 'new',
      'escape/planted': 'must stay inside the target',
      'file-then-dir/child': 'child',
      'dir-then-file': 'now a file',
      'bin/tool': '#!/bin/sh\n',
    });
    whiteout(join(top, 'etc/other'));
    execFileSync('chown', ['1234:5678', join(top, 'bin/tool')]);
    execFileSync('chmod', ['4755', join(top, 'bin/tool')]);
    const opaque = hasCommand('setfattr');
    if (opaque)
      execFileSync('setfattr', ['-n', 'trusted.overlay.opaque', '-v', 'y', join(top, 'opq')]);

    const target = join(dir, 'c-target');
    await copyLayers([top, bottom], target);
    expect(await readFile(join(target, 'etc/conf'), 'utf8')).toBe('new');
    await expect(lstat(join(target, 'etc/other'))).rejects.toThrow();
    expect((await readdir(join(target, 'opq'))).sort()).toEqual(opaque ? ['new'] : ['new', 'old']);
    expect((await lstat(join(target, 'escape'))).isDirectory()).toBe(true);
    expect(await readdir(outside)).toEqual([]);
    expect(await readFile(join(target, 'file-then-dir/child'), 'utf8')).toBe('child');
    expect(await readFile(join(target, 'dir-then-file'), 'utf8')).toBe('now a file');
    const tool = await stat(join(target, 'bin/tool'));
    expect([tool.uid, tool.gid, tool.mode & 0o7777]).toEqual([1234, 5678, 0o4755]);
  });
});
