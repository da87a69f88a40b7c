// The store commands of the CLI (pull, images, tag, push, rmi, prune) and copy through
// storage:, against a real registry, with a store of the test's own.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { busyboxImage } from './helpers/busybox.js';
import { exec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

describe('lighter store commands', () => {
  const registry = useRegistry();
  const tmp = useTempDir('cli-store');

  async function cli(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(['--store', join(tmp(), 'store'), ...argv], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      env: { HOME: tmp() },
      stdin: async () => '',
    });
    return { code, stdout, stderr };
  }

  it('pulls, lists, tags, pushes, removes and prunes', async () => {
    const image = await busyboxImage();
    const host = registry().host;
    await exec('skopeo', [
      'copy',
      '-q',
      '--dest-tls-verify=false',
      image.reference,
      `docker://${host}/lib/bb:1`,
    ]);

    const pulled = await cli(['pull', `${host}/lib/bb:1`]);
    expect(pulled.stderr).toContain(`Pulled ${host}/lib/bb:1`);
    expect(pulled.code).toBe(0);
    const id = pulled.stdout.trim();
    expect(id).toBe(image.configDescriptor.digest.slice(7));

    const listed = await cli(['images']);
    expect(listed.stdout).toMatch(new RegExp(`^${host}/lib/bb\\s+1\\s+${id.slice(0, 12)}`, 'm'));
    const json = JSON.parse((await cli(['images', '--format', 'json'])).stdout);
    expect(json[0].names).toEqual([`${host}/lib/bb:1`]);

    expect((await cli(['tag', `${host}/lib/bb:1`, 'app:dev'])).code).toBe(0);
    expect((await cli(['images', '-q'])).stdout.trim()).toBe(id.slice(0, 12));
    expect((await cli(['images'])).stdout).toContain('localhost/app');

    // the store is an OCI layout skopeo reads; copy reads it through storage:
    const raw = await exec('skopeo', [
      'inspect',
      '--raw',
      `oci:${join(tmp(), 'store')}:localhost/app:dev`,
    ]);
    expect(raw.stdout.length).toBeGreaterThan(0);
    expect(
      (await cli(['copy', 'storage:localhost/app:dev', `docker://${host}/copied/bb:1`])).code,
    ).toBe(0);

    expect((await cli(['push', 'app:dev', `${host}/pushed/bb:dev`])).code).toBe(0);
    const pushedRaw = await exec('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${host}/pushed/bb:dev`,
    ]);
    expect(pushedRaw.stdout).toBe(raw.stdout);

    const removed = await cli(['rmi', 'app:dev', `${host}/lib/bb:1`]);
    expect(removed.stdout).toContain('Untagged: localhost/app:dev');
    expect(removed.stdout).toContain('Deleted: ');
    expect((await cli(['images', '-q'])).stdout.trim()).toBe('');
    const pruned = await cli(['prune']);
    expect(pruned.stdout).toMatch(/Removed 0 image\(s\), [1-9]\d* blob\(s\)/);
    const blobs = await readdir(join(tmp(), 'store', 'blobs', 'sha256'));
    expect(blobs).toEqual([]);
  });

  it('fails clearly on a name it does not know, changing nothing', async () => {
    const image = await busyboxImage();
    const host = registry().host;
    await exec('skopeo', [
      'copy',
      '-q',
      '--dest-tls-verify=false',
      image.reference,
      `docker://${host}/lib/bb:2`,
    ]);
    expect((await cli(['pull', '-q', `${host}/lib/bb:2`])).code).toBe(0);
    const before = (await cli(['images', '--format', 'json'])).stdout;
    const missing = await cli(['rmi', 'lib/bb:3']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/lib\/bb:3/);
    const badTag = await cli(['tag', `${host}/lib/bb:2`, 'Bad/Name']);
    expect(badTag.code).toBe(1);
    expect(badTag.stderr).toMatch(/lowercase/);
    const noImage = await cli(['pull', `${host}/lib/nothing:1`]);
    expect(noImage.code).toBe(1);
    expect(noImage.stderr).toMatch(/manifest unknown|not found/i);
    expect((await cli(['images', '--format', 'json'])).stdout).toBe(before);
  });
});
