// lighter as GitHub's hosted runners run it: a user without root who has password-less sudo.
// The runtime, overlay mounts, RUN steps and a pod's infra process then go through `sudo -n`;
// everything else (the store, the state dir, the CLI) stays the user's own.

import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { mountsUnder } from '../src/core/runtime/index.js';
import { runAction } from './helpers/action.js';
import { busyboxImage } from './helpers/busybox.js';
import { cliFromSource, exec, tryExec } from './helpers/exec.js';
import { freePort, processesUnder } from './helpers/host.js';
import type { ImageFixture } from './helpers/image-fixture.js';
import { useSudoUser } from './helpers/sudo-user.js';
import { useTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('lighter through password-less sudo', () => {
  const dir = useTempDir('sudo');
  const sudoUser = useSudoUser();
  const state = () => join(dir(), 'state');
  let fixture: ImageFixture;

  /** The CLI as the user, with its own store and state dir. */
  const [node, ...cli] = cliFromSource();
  const lighter = (...argv: string[]) =>
    sudoUser().run(node, [...cli, ...argv], {
      cwd: dir(),
      env: {
        PATH: process.env.PATH,
        HOME: dir(),
        LIGHTER_STORE: join(dir(), 'store'),
        LIGHTER_STATE_DIR: state(),
      },
    });

  beforeAll(async () => {
    // The user pulls the image into a store of its own, as a runner's job would.
    fixture = await busyboxImage(join(dir(), 'layout'));
    await exec('chown', ['-R', `${sudoUser().uid}:${sudoUser().gid}`, dir()]);
    expect(await lighter('copy', '-q', fixture.reference, 'storage:busybox')).toMatchObject({
      code: 0,
    });
  });

  // A failed test must not leave its pod (root's infra, the user's forwarder) running on.
  afterEach(async () => {
    await lighter('pod', 'rm', '-af');
    await lighter('rm', '-af');
  });

  it('runs a pod of a service and a client, publishes its port and leaves the logs clean', async () => {
    const port = await freePort();
    expect(await lighter('pod', 'create', '-p', `127.0.0.1:${port}:8080`, 'web')).toMatchObject({
      code: 0,
    });
    const service = await lighter(
      'run',
      '-d',
      '--pod',
      'web',
      '--name',
      'httpd',
      '--health-cmd',
      'tcp://:8080',
      '--health-interval',
      '0.1s',
      '--health-retries',
      '100',
      'busybox',
      'sh',
      '-c',
      'mkdir /www; echo hello > /www/index.html; echo serving; exec httpd -f -p 8080 -h /www',
    );
    expect(service).toMatchObject({ code: 0, stdout: expect.stringMatching(/^[a-f0-9]{64}\n$/) });

    const client = await lighter(
      'run',
      '--rm',
      '--pod',
      'web',
      'busybox',
      'sh',
      '-c',
      'wget -qO- http://localhost:8080/; id -u',
    );
    expect(client).toMatchObject({ code: 0, stdout: 'hello\n0\n' });
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('hello\n');

    // The service's monitor runs in the pod's infra process, root already: no sudo of its own
    // there, which would complain into the log that it cannot resolve the pod's hostname.
    expect(await lighter('logs', 'httpd')).toMatchObject({
      code: 0,
      stdout: 'serving\n',
      stderr: '',
    });

    expect(await lighter('pod', 'rm', '-f', 'web')).toMatchObject({ code: 0, stdout: 'web\n' });
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    await nothingLeft();
  }, 60_000);

  it('runs, execs into, stops and removes a detached container, and passes exit codes on', async () => {
    const started = await lighter(
      'run',
      '-d',
      '--name',
      'sleeper',
      'busybox',
      'sh',
      '-c',
      'echo up; trap "echo bye; exit 3" TERM; while :; do sleep 0.1; done',
    );
    expect(started.code).toBe(0);
    expect(await lighter('exec', 'sleeper', 'cat', '/proc/1/cmdline')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('while'),
    });
    expect(await lighter('stop', 'sleeper')).toMatchObject({ code: 0, stdout: 'sleeper\n' });
    expect(await lighter('wait', 'sleeper')).toMatchObject({ code: 0, stdout: '3\n' });
    expect((await lighter('logs', 'sleeper')).stdout).toBe('up\nbye\n');
    expect(await lighter('rm', 'sleeper')).toMatchObject({ code: 0 });

    // `/` is root's, as everything else the image gives (its upper dir is made root's).
    const root = await lighter('run', '--rm', 'busybox', 'sh', '-c', 'stat -c %u:%g /; exit 7');
    expect(root).toMatchObject({ code: 7, stdout: '0:0\n' });
    await nothingLeft();
  }, 60_000);

  it('runs the run action as the runner user: a service, the test command, then post removes all', async () => {
    const services = stringify([
      {
        name: 'web',
        image: 'busybox',
        command: [
          'sh',
          '-c',
          'mkdir /www; echo hello > /www/index.html; exec httpd -f -p 8080 -h /www',
        ],
        health: 'tcp://:8080',
      },
    ]);
    const result = await runAction('run', {
      inputs: {
        store: join(dir(), 'store'),
        image: 'busybox',
        services,
        run: 'wget -qO- http://web:8080/; id -u',
      },
      env: { HOME: dir(), LIGHTER_STATE_DIR: state() },
      user: sudoUser(),
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.exitCode, output).toBe(0);
    expect(result.outputs['exit-code']).toBe('0');
    // (Debug lines, "container test started" among them, may come between its output lines.)
    const shown = result.stdout.split('\n').filter((l) => !l.startsWith('::debug::'));
    expect(shown.join('\n'), output).toContain('hello\n0\n');
    expect(result.stdout).toMatch(/^::debug::runtime: \w+ \(\S+\) as root through sudo -n/m);
    expect(result.postExitCode).toBe(0);
    await nothingLeft();
  }, 60_000);

  it('runs the copy action as the runner user into a store: layers unpacked as root beside it', async () => {
    const store = join(dir(), 'copied-store');
    // The action as a runner checks it out: action.yml and its bundle, no node_modules (nor
    // sources to fall back on), so the helper must be the bundle's own blob-worker.js.
    const repo = join(import.meta.dirname, '..');
    const checkout = join(dir(), 'checkout');
    await cp(
      join(repo, 'actions', 'copy', 'action.yml'),
      join(checkout, 'actions', 'copy', 'action.yml'),
    );
    await cp(join(repo, 'dist', 'copy'), join(checkout, 'dist', 'copy'), { recursive: true });
    const result = await runAction(
      { actionDir: join(checkout, 'actions', 'copy') },
      {
        inputs: { source: fixture.reference, destinations: 'storage:copied', store },
        env: { HOME: dir(), LIGHTER_STATE_DIR: state() },
        user: sudoUser(),
      },
    );
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.exitCode, output).toBe(0);
    expect(output).not.toContain('::warning::');
    const layers = join(store, 'layers');
    const [layer] = await readdir(layers);
    expect((await stat(join(layers, layer as string, 'bin', 'busybox'))).uid).toBe(0);
    expect((await stat(join(store, 'index.json'))).uid).toBe(sudoUser().uid);
  }, 60_000);

  it('reads layers as root for COPY and WORKDIR: dirs only root may read, opaque dirs', async () => {
    const context = join(dir(), 'views');
    await mkdir(context);
    await writeFile(
      join(context, 'Dockerfile'),
      [
        'FROM busybox AS base',
        'RUN mkdir -m 700 /private && echo key > /private/key && chmod 600 /private/key && mkdir -p /gone/sub && touch /gone/sub/old',
        // Marked opaque with a trusted.* xattr, which only root can read.
        'RUN rm -rf /gone && mkdir -p /gone/sub && touch /gone/sub/new',
        'COPY note /private/note',
        'WORKDIR /private/app',
        'FROM busybox',
        'COPY --from=base /private /copied',
        'COPY --from=base /gone /gone',
        '',
      ].join('\n'),
    );
    await writeFile(join(context, 'note'), 'note\n');
    await exec('chown', ['-R', `${sudoUser().uid}:${sudoUser().gid}`, context]);
    expect(await lighter('build', '-q', '-t', 'views', context)).toMatchObject({ code: 0 });
    const listed = await lighter(
      'run',
      '--rm',
      'views',
      'sh',
      '-c',
      'cd /copied && stat -c "%n %a %u" app key note && cat key note && ls /gone/sub',
    );
    expect(listed).toMatchObject({
      code: 0,
      stdout: 'app 755 0\nkey 600 0\nnote 644 0\nkey\nnote\nnew\n',
    });
    expect(await lighter('rmi', 'localhost/views')).toMatchObject({ code: 0 });
    expect(await lighter('prune', '-a')).toMatchObject({ code: 0 });
  }, 60_000);

  it('unpacks, builds and removes layers as root: the owners an image gives, never the user', async () => {
    // The busybox layer, unpacked as the copy pulled it: root's files, as its tar says.
    const layers = join(dir(), 'store', 'layers');
    expect(await readdir(layers)).toHaveLength(1);
    const [layer] = await readdir(layers);
    expect((await stat(join(layers, layer as string, 'bin', 'busybox'))).uid).toBe(0);

    const context = join(dir(), 'context');
    await mkdir(context);
    // Files only root may read: the layer is read as root too.
    await writeFile(
      join(context, 'Dockerfile'),
      [
        'FROM busybox',
        'RUN echo built > /built && id -u > /uid && mkdir -m 700 /etc/private && echo s > /etc/private/key && chmod 600 /etc/private/key',
        // A secret for another user: chown as root too.
        'RUN --mount=type=secret,id=tok,uid=65534 stat -c %u /run/secrets/tok > /secret-owner',
        'CMD ["cat", "/built", "/uid"]',
        '',
      ].join('\n'),
    );
    await writeFile(join(context, 'token'), 'sesame');
    await exec('chown', ['-R', `${sudoUser().uid}:${sudoUser().gid}`, context]);
    expect(
      await lighter(
        'build',
        '-q',
        '-t',
        'made',
        '--secret',
        `id=tok,src=${join(context, 'token')}`,
        context,
      ),
    ).toMatchObject({ code: 0 });
    expect(
      await lighter('run', '--rm', 'made', 'cat', '/built', '/uid', '/secret-owner'),
    ).toMatchObject({
      code: 0,
      stdout: 'built\n0\n65534\n',
    });

    const out = join(dir(), 'out');
    expect(await lighter('copy', '-q', 'storage:localhost/made', `oci:${out}:made`)).toMatchObject({
      code: 0,
    });
    const manifest = await manifestOf(out);
    // The layers the two RUN steps made, above busybox's.
    let listing = '';
    for (const layer of manifest.layers.slice(1)) {
      const blob = join(out, 'blobs', 'sha256', layer.digest.replace('sha256:', ''));
      listing += (await exec('tar', ['-tvzf', blob])).stdout;
    }
    expect(listing).toMatch(/^-rw------- 0\/0 +2 .* etc\/private\/key$/m);
    // The user's uid appears nowhere in them, not even on a directory a copy-up made.
    expect(listing.split('\n').filter((l) => l !== '' && !/^\S+ 0\/0 /.test(l))).toEqual([]);

    // The user removes what root made for it.
    expect(await lighter('rmi', 'localhost/made', 'busybox')).toMatchObject({ code: 0 });
    expect(await lighter('prune', '-a')).toMatchObject({ code: 0 });
    expect(await readdir(layers)).toEqual([]);
    await nothingLeft();
  }, 60_000);

  async function nothingLeft(): Promise<void> {
    expect(await lighter('ps', '-a', '-q')).toMatchObject({ code: 0, stdout: '' });
    expect(await lighter('pod', 'ps', '-q')).toMatchObject({ code: 0, stdout: '' });
    const runc = await tryExec('runc', [
      `--root=${join(state(), 'runtime', 'runc')}`,
      'list',
      '-q',
    ]);
    expect(runc.stdout).toBe('');
    expect(await mountsUnder(state())).toEqual([]);
    expect(await processesUnder(state())).toEqual([]);
  }
});

async function manifestOf(layout: string): Promise<{ layers: { digest: string }[] }> {
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8'));
  const digest = (index.manifests[0].digest as string).replace('sha256:', '');
  return JSON.parse(await readFile(join(layout, 'blobs', 'sha256', digest), 'utf8'));
}
