import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../../../test/helpers/temp-dir.js';
import { isLighterError } from '../../errors.js';
import { type ApplyLayerOptions, applyLayer } from './apply.js';
import { encodeHeader, endOfArchive } from './tar-header.js';
import { type FixtureEntry, snapshotTree, streamOf, tarStreamArchive } from './test-support.js';

// Each archive tries to write outside the target. The target sits in a parent holding a
// sentinel file; the parent (target excluded) must be byte-for-byte unchanged afterwards.
// Links point at the parent rather than at the real /etc, so a regression shows up here
// instead of damaging the machine.

let parent: string;
let target: string;

beforeEach(async () => {
  parent = await makeTempDir('hostile');
  target = join(parent, 'layer');
  mkdirSync(target);
  writeFileSync(join(parent, 'sentinel'), 'untouched');
  mkdirSync(join(parent, 'etc'));
  writeFileSync(join(parent, 'etc', 'passwd'), 'root:x:0:0');
});

afterEach(async () => {
  await removeTempDir(parent);
});

const outside = () => snapshotTree(parent, { ignore: (rel) => rel === 'layer' });

async function apply(entries: FixtureEntry[], options: Partial<ApplyLayerOptions> = {}) {
  const tar = await tarStreamArchive(entries);
  return applyLayer(streamOf(tar), target, { whiteouts: 'apply', ...options });
}

/** Applies the archive expecting ERR_UNSAFE_ARCHIVE that names `entry`; checks the parent. */
async function expectRefused(
  entries: FixtureEntry[],
  entry: string,
  options: Partial<ApplyLayerOptions> = {},
) {
  const before = await outside();
  const err = await apply(entries, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isLighterError(err, 'ERR_UNSAFE_ARCHIVE'), String(err)).toBe(true);
  expect((err as Error).message).toContain(`entry "${entry}"`);
  expect(await outside()).toEqual(before);
  return err as Error;
}

async function expectContained(entries: FixtureEntry[], options: Partial<ApplyLayerOptions> = {}) {
  const before = await outside();
  const result = await apply(entries, options);
  expect(await outside()).toEqual(before);
  return result;
}

describe('hostile archives (none writes outside the target)', () => {
  for (const { options, label } of [
    { label: 'apply mode', options: { whiteouts: 'apply' } as const },
    { label: 'overlay mode', options: { whiteouts: 'overlay' } as const },
  ]) {
    describe(label, () => {
      it('refuses a ../ traversal', async () => {
        const err = await expectRefused([{ name: '../escaped', data: 'x' }], '../escaped', options);
        expect(err.message).toMatch(/climbs out of the layer root/);
        expect(err.message).toMatch(/^applying layer to /);
      });

      it('refuses a traversal hidden behind a real directory (a/../../x)', async () => {
        await expectRefused(
          [
            { name: 'a/', type: 'directory' },
            { name: 'a/../../escaped', data: 'x' },
          ],
          'a/../../escaped',
          options,
        );
      });

      it('neutralizes an absolute path by stripping the leading / (Docker and containerd do too)', async () => {
        await expectContained([{ name: '/etc/passwd', data: 'evil' }], options);
        expect(readFileSync(join(target, 'etc/passwd'), 'utf8')).toBe('evil');
        expect(readFileSync(join(parent, 'etc/passwd'), 'utf8')).toBe('root:x:0:0');
      });

      it('refuses writing through a symlink to / (a -> /, then a/<parent>/escaped)', async () => {
        const err = await expectRefused(
          [
            { name: 'a', type: 'symlink', linkname: '/' },
            { name: `a${parent}/escaped`, data: 'x' },
          ],
          `a${parent}/escaped`,
          options,
        );
        expect(err.message).toMatch(/parent "a" is a symlink/);
        expect(existsSync(join(parent, 'escaped'))).toBe(false);
      });

      it('refuses writing through an absolute symlink (a -> /etc-like dir, then a/passwd)', async () => {
        await expectRefused(
          [
            { name: 'a', type: 'symlink', linkname: join(parent, 'etc') },
            { name: 'a/passwd', data: 'owned' },
          ],
          'a/passwd',
          options,
        );
        expect(readFileSync(join(parent, 'etc/passwd'), 'utf8')).toBe('root:x:0:0');
      });

      it('refuses writing through a relative symlink that climbs out (a -> ../etc)', async () => {
        await expectRefused(
          [
            { name: 'a', type: 'symlink', linkname: '../etc' },
            { name: 'a/passwd', data: 'owned' },
          ],
          'a/passwd',
          options,
        );
      });

      it('neutralizes a symlink replaced by a directory of the same name, then a file in it', async () => {
        await expectContained(
          [
            { name: 'a', type: 'symlink', linkname: join(parent, 'etc') },
            { name: 'a', type: 'directory' },
            { name: 'a/passwd', data: 'inside' },
          ],
          options,
        );
        expect(lstatSync(join(target, 'a')).isDirectory()).toBe(true);
        expect(readFileSync(join(target, 'a/passwd'), 'utf8')).toBe('inside');
      });

      it('refuses a directory replaced by a symlink mid-archive, then a write through it', async () => {
        await expectRefused(
          [
            { name: 'a', type: 'directory' },
            { name: 'a/ok', data: 'fine' },
            { name: 'a', type: 'symlink', linkname: join(parent, 'etc') },
            { name: 'a/passwd', data: 'owned' },
          ],
          'a/passwd',
          options,
        );
      });

      it('replaces an existing symlink with a file instead of writing through it', async () => {
        await expectContained(
          [
            { name: 'f', type: 'symlink', linkname: join(parent, 'sentinel') },
            { name: 'f', data: 'replaced' },
          ],
          options,
        );
        expect(lstatSync(join(target, 'f')).isFile()).toBe(true);
        expect(readFileSync(join(parent, 'sentinel'), 'utf8')).toBe('untouched');
      });

      it('refuses a hardlink to /etc/passwd (the host file is never linked)', async () => {
        const err = await expectRefused(
          [{ name: 'h', type: 'link', linkname: '/etc/passwd' }],
          'h',
          options,
        );
        expect(err.message).toMatch(/hardlink target "\/etc\/passwd" is not in this layer/);
        expect(existsSync(join(target, 'h'))).toBe(false);
      });

      it('refuses a hardlink that climbs out (../sentinel)', async () => {
        await expectRefused([{ name: 'h', type: 'link', linkname: '../sentinel' }], 'h', options);
      });

      it('refuses a hardlink through a symlink (s -> parent, h => s/sentinel)', async () => {
        const err = await expectRefused(
          [
            { name: 's', type: 'symlink', linkname: parent },
            { name: 'h', type: 'link', linkname: 's/sentinel' },
          ],
          'h',
          options,
        );
        expect(err.message).toMatch(/parent "s" is a symlink/);
        // A link to the sentinel would share its inode (and let the next layer rewrite it).
        expect(lstatSync(join(parent, 'sentinel')).nlink).toBe(1);
      });

      it('links a symlink itself, never what it points to (h => s, s -> parent/sentinel)', async () => {
        await expectContained(
          [
            { name: 's', type: 'symlink', linkname: join(parent, 'sentinel') },
            { name: 'h', type: 'link', linkname: 's' },
          ],
          options,
        );
        expect(lstatSync(join(target, 'h')).isSymbolicLink()).toBe(true);
        expect(lstatSync(join(parent, 'sentinel')).nlink).toBe(1);
      });

      it('refuses a hardlink to a directory', async () => {
        await expectRefused(
          [
            { name: 'd', type: 'directory' },
            { name: 'h', type: 'link', linkname: 'd' },
          ],
          'h',
          options,
        );
      });

      it('refuses writing through a deep symlink chain', async () => {
        const chain: FixtureEntry[] = [];
        for (let i = 1; i < 12; i++)
          chain.push({ name: `l${i}`, type: 'symlink', linkname: `l${i + 1}` });
        chain.push({ name: 'l12', type: 'symlink', linkname: parent });
        chain.push({ name: 'l1/escaped', data: 'x' });
        await expectRefused(chain, 'l1/escaped', options);
      });

      it('refuses writing through a symlink deep in a directory chain that climbs to the parent', async () => {
        const dirs = Array.from({ length: 20 }, (_, i) => `d${i}`);
        const entries: FixtureEntry[] = [];
        for (let i = 1; i <= dirs.length; i++) {
          entries.push({ name: `${dirs.slice(0, i).join('/')}/`, type: 'directory' });
        }
        const deep = dirs.join('/');
        entries.push({ name: `${deep}/up`, type: 'symlink', linkname: '../'.repeat(21) });
        entries.push({ name: `${deep}/up/escaped`, data: 'x' });
        await expectRefused(entries, `${deep}/up/escaped`, options);
      });

      it('refuses writing through a symlink loop', async () => {
        await expectRefused(
          [
            { name: 'x', type: 'symlink', linkname: 'y' },
            { name: 'y', type: 'symlink', linkname: 'x' },
            { name: 'x/f', data: 'x' },
          ],
          'x/f',
          options,
        );
      });

      it('refuses a PAX path that climbs out behind a harmless ustar name', async () => {
        await expectRefused(
          [{ name: 'harmless', data: 'x', pax: { path: '../escaped' } }],
          '../escaped',
          options,
        );
      });

      it('refuses a file under a regular file', async () => {
        await expectRefused(
          [
            { name: 'f', data: 'x' },
            { name: 'f/g', data: 'y' },
          ],
          'f/g',
          options,
        );
      });

      it('refuses a whiteout of ".." (.wh...)', async () => {
        await expectRefused([{ name: 'd/.wh...', data: '' }], 'd/.wh...', options);
      });

      it('skips device nodes without root and counts them', async () => {
        const result = await expectContained(
          [
            { name: 'dev/', type: 'directory' },
            { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3, mode: 0o666 },
            { name: 'dev/sda', type: 'block-device', devmajor: 8, devminor: 0, mode: 0o660 },
            { name: 'dev/fifo', type: 'fifo', mode: 0o600 },
          ],
          { ...options, isRoot: false },
        );
        expect(result.skipped.devices).toBe(2);
        expect(existsSync(join(target, 'dev/null'))).toBe(false);
        expect(existsSync(join(target, 'dev/sda'))).toBe(false);
        // FIFOs need no privilege; Docker makes them in user namespaces too.
        expect(lstatSync(join(target, 'dev/fifo')).isFIFO()).toBe(true);
      });
    });
  }

  describe('apply-mode whiteouts', () => {
    it('refuses a whiteout through a symlinked directory (a -> parent, a/.wh.sentinel)', async () => {
      await expectRefused(
        [
          { name: 'a', type: 'symlink', linkname: parent },
          { name: 'a/.wh.sentinel', data: '' },
        ],
        'a/.wh.sentinel',
      );
      expect(readFileSync(join(parent, 'sentinel'), 'utf8')).toBe('untouched');
    });

    it('refuses an opaque whiteout through a symlinked directory', async () => {
      await expectRefused(
        [
          { name: 'a', type: 'symlink', linkname: parent },
          { name: 'a/.wh..wh..opq', data: '' },
        ],
        'a/.wh..wh..opq',
      );
    });

    it('deletes a symlink named by a whiteout, not what it points to', async () => {
      await expectContained([{ name: 'l', type: 'symlink', linkname: join(parent, 'sentinel') }]);
      await expectContained([{ name: '.wh.l', data: '' }]);
      expect(existsSync(join(target, 'l'))).toBe(false);
      expect(readFileSync(join(parent, 'sentinel'), 'utf8')).toBe('untouched');
    });
  });

  it('drops overlayfs xattrs an archive tries to set (they could redirect lookups into other layers)', async () => {
    const result = await expectContained(
      [
        { name: 'd', type: 'directory', pax: { 'SCHILY.xattr.trusted.overlay.redirect': '/etc' } },
        { name: 'f', data: 'x', pax: { 'SCHILY.xattr.trusted.overlay.metacopy': '' } },
      ],
      { whiteouts: 'overlay' },
    );
    expect(result.skipped.xattrs).toBe(2);
    const tree = await snapshotTree(target, { hideOverlayXattrs: false });
    expect(tree.join('\n')).not.toContain('overlay');
  });

  it('refuses a directory entry with data (tar readers disagree on what follows it)', async () => {
    const smuggled = encodeHeader({
      name: 'hidden',
      type: 'file',
      mode: 0o644,
      uid: 0,
      gid: 0,
      size: 0,
      mtime: 0,
    });
    const tar = Buffer.concat([
      encodeHeader({
        name: 'd',
        type: 'directory',
        mode: 0o755,
        uid: 0,
        gid: 0,
        size: 512,
        mtime: 0,
      }),
      smuggled,
      endOfArchive(),
    ]);
    const err = await applyLayer(streamOf(tar), target, { whiteouts: 'apply' }).catch(
      (e: unknown) => e,
    );
    expect(isLighterError(err, 'ERR_UNSAFE_ARCHIVE')).toBe(true);
    expect((err as Error).message).toContain('entry "d/": directory entry carries 512 bytes');
  });

  it('refuses a non-directory entry for the layer root itself', async () => {
    await expectRefused([{ name: './', type: 'symlink', linkname: '/' }], './');
  });
});
