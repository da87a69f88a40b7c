// Small pieces of the builder on their own: the merged layer view, --chmod modes, owners, cache keys and miss reasons.

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exec } from '../../../test/helpers/exec.js';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { applyChmod } from './chmod.js';
import { cacheKey, explainMiss, type StepInputs } from './layer-cache.js';
import { LayerView } from './layer-view.js';
import { resolveOwner } from './owner.js';

const isRoot = process.getuid?.() === 0;

describe('applyChmod', () => {
  it.each([
    ['755', 0o644, false, 0o755],
    ['0600', 0o777, true, 0o600],
    ['u+x', 0o644, false, 0o744],
    ['go-w', 0o666, false, 0o644],
    ['a=rX', 0o600, true, 0o555],
    ['a=rX', 0o600, false, 0o444],
    ['a=rX', 0o700, false, 0o555],
    ['u=rw,go=r', 0o777, false, 0o644],
    ['+x', 0o644, false, 0o755],
    ['g=u', 0o750, false, 0o770],
  ])('%s on %o (dir %s) is %o', (spec, mode, dir, want) => {
    expect(applyChmod(spec, mode, dir).toString(8)).toBe(want.toString(8));
  });
});

describe('cache keys and miss reasons', () => {
  const inputs: StepInputs = {
    parent: 'sha256:aa',
    fields: { instruction: 'RUN make', env: '[]', platform: 'linux/amd64' },
    args: { VERSION: '1' },
  };
  it('depends on every input, not on their order', () => {
    const reordered: StepInputs = {
      parent: 'sha256:aa',
      fields: { platform: 'linux/amd64', env: '[]', instruction: 'RUN make' },
      args: { VERSION: '1' },
    };
    expect(cacheKey(reordered)).toBe(cacheKey(inputs));
    expect(cacheKey({ ...inputs, args: { VERSION: '2' } })).not.toBe(cacheKey(inputs));
    expect(cacheKey({ ...inputs, parent: 'sha256:bb' })).not.toBe(cacheKey(inputs));
  });

  it('names what changed', () => {
    const summary = (i: StepInputs) => ({ p: i.parent, f: i.fields, a: i.args });
    expect(
      explainMiss(summary(inputs), summary({ ...inputs, args: { VERSION: '2', NEW: 'x' } })),
    ).toBe('build args NEW, VERSION changed');
    expect(
      explainMiss(
        summary(inputs),
        summary({ ...inputs, fields: { ...inputs.fields, instruction: 'RUN make all' } }),
      ),
    ).toBe('the instruction changed');
    expect(explainMiss(summary(inputs), summary(inputs))).toBe(
      'the cached layer is gone from the store',
    );
  });
});

describe.skipIf(!isRoot)('LayerView', () => {
  const dir = useTempDir('layer-view');

  /** Three overlay-style layers, lowest first: base files; deletions and an opaque dir; a top file. */
  let made = 0;
  const layers = async () => {
    const root = join(dir(), String(made++));
    const [bottom, middle, top] = ['bottom', 'middle', 'top'].map((n) => join(root, n)) as [
      string,
      string,
      string,
    ];
    await mkdir(join(bottom, 'etc'), { recursive: true });
    await mkdir(join(bottom, 'data', 'old'), { recursive: true });
    await writeFile(
      join(bottom, 'etc', 'passwd'),
      'root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n',
    );
    await writeFile(join(bottom, 'etc', 'group'), 'root:x:0:\nstaff:x:50:\n');
    await writeFile(join(bottom, 'etc', 'gone'), 'x');
    await writeFile(join(bottom, 'data', 'old', 'file'), 'x');
    await writeFile(join(bottom, 'data', 'kept'), 'x');
    await mkdir(join(middle, 'etc'), { recursive: true });
    await exec('mknod', [join(middle, 'etc', 'gone'), 'c', '0', '0']);
    await mkdir(join(middle, 'data'), { recursive: true });
    await exec('setfattr', ['-n', 'trusted.overlay.opaque', '-v', 'y', join(middle, 'data')]);
    await writeFile(join(middle, 'data', 'new'), 'x');
    await mkdir(join(top, 'usr', 'lib'), { recursive: true });
    await symlink('usr/lib', join(top, 'lib'));
    return new LayerView([top, middle, bottom]);
  };

  it('merges layers as overlayfs does: whiteouts, opaque directories, symlinks inside the view', async () => {
    const view = await layers();
    expect(await view.lstat('etc/gone')).toBeUndefined();
    expect((await view.lstat('etc/passwd'))?.stats.isFile()).toBe(true);
    expect((await view.readdir('etc')).map((e) => e.path)).toEqual(['etc/group', 'etc/passwd']);
    expect((await view.readdir('data')).map((e) => e.path)).toEqual(['data/new']);
    expect(await view.lstat('data/old/file')).toBeUndefined();
    expect((await view.resolve('/lib/x', true)).path).toBe('usr/lib/x');
    expect((await view.resolve('/lib/../../etc/passwd', true)).entry?.stats.isFile()).toBe(true);
    const walked = [];
    for await (const e of view.walk('')) walked.push(e.path);
    expect(walked).toEqual([
      'data',
      'data/new',
      'etc',
      'etc/group',
      'etc/passwd',
      'lib',
      'usr',
      'usr/lib',
    ]);
  });

  it('resolves --chown owners in the image', async () => {
    const view = await layers();
    expect(await resolveOwner('app', view)).toEqual({ uid: 1000, gid: 1001 });
    expect(await resolveOwner('app:staff', view)).toEqual({ uid: 1000, gid: 50 });
    expect(await resolveOwner('42', view)).toEqual({ uid: 42, gid: 42 });
    expect(await resolveOwner('42:7', view)).toEqual({ uid: 42, gid: 7 });
    await expect(resolveOwner('nobody', view)).rejects.toThrow(/unable to find user nobody/);
    await expect(resolveOwner('app:wheel', view)).rejects.toThrow(/unable to find group wheel/);
  });
});
