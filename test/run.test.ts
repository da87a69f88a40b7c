// lighter run, ps, logs, stop, rm, wait, exec against real runc, a real store and a real registry,
// with images built and pushed by buildah running under lighter.

import { spawn } from 'node:child_process';
import { chmod, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { mountsUnder } from '../src/core/runtime/index.js';
import { busyboxImage } from './helpers/busybox.js';
import { cliFromSource, exec, tryExec } from './helpers/exec.js';
import { freePort, processesUnder } from './helpers/host.js';
import { useRegistry } from './helpers/registry.js';
import { makeTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

let stateDir: string;
let storeDir: string;

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {
      HOME: '/nonexistent',
      PATH: process.env.PATH,
      LIGHTER_STATE_DIR: stateDir,
      LIGHTER_STORE: storeDir,
      ...env,
    },
    stdin: async () => '',
  });
  return { code, stdout, stderr };
}

/** Every process whose command line names `dir` (monitors, infra, forwarders): what must be gone. */

async function runcList(): Promise<string[]> {
  const result = await tryExec('runc', [
    `--root=${join(stateDir, 'runtime', 'runc')}`,
    'list',
    '-q',
  ]);
  return result.stdout.split('\n').filter(Boolean);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!isRoot)('lighter run and the container commands', () => {
  const registry = useRegistry();
  /** buildah's image: StopSignal SIGUSR1, a HEALTHCHECK on /tmp/ready, ENTRYPOINT sh -c. */
  let built: string;

  beforeAll(async () => {
    stateDir = await makeTempDir('run-state');
    storeDir = await makeTempDir('run-store');
    const fixture = await busyboxImage();
    expect((await cli(['copy', '-q', fixture.reference, 'storage:busybox'])).code).toBe(0);

    // An image made and pushed by buildah with private storage, pulled by lighter on first use.
    const work = await makeTempDir('run-buildah');
    const conf = join(work, 'containers.conf');
    await writeFile(
      conf,
      '[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n',
    );
    const env = { ...process.env, CONTAINERS_CONF: conf };
    const buildah = (...args: string[]) =>
      exec(
        'buildah',
        [
          '--root',
          join(work, 'root'),
          '--runroot',
          join(work, 'run'),
          '--storage-driver',
          'overlay',
          ...args,
        ],
        { env },
      );
    const from = (await buildah('from', '-q', fixture.reference)).stdout.trim();
    await buildah(
      'config',
      '--stop-signal',
      'SIGUSR1',
      '--healthcheck',
      'CMD-SHELL test -f /tmp/ready',
      '--healthcheck-interval',
      '1s',
      '--healthcheck-retries',
      '5',
      '--entrypoint',
      '["/bin/sh", "-c"]',
      '--cmd',
      '["echo from the image; echo $GREETING"]',
      '--env',
      'GREETING=hello from buildah',
      from,
    );
    await buildah('commit', '-q', '--format', 'docker', from, 'localhost/lighter-test/built:1');
    built = `${registry().host}/lighter-test/built:1`;
    await buildah(
      'push',
      '-q',
      '--tls-verify=false',
      'localhost/lighter-test/built:1',
      `docker://${built}`,
    );
  });

  afterAll(async () => {
    await cli(['rm', '-af']);
    await cli(['pod', 'rm', '-af']);
  });

  it('runs a command, prints its output and exits with its exit code', async () => {
    const result = await cli([
      'run',
      '--rm',
      'busybox',
      'sh',
      '-c',
      'echo out; echo err >&2; exit 3',
    ]);
    expect(result).toMatchObject({ code: 3, stdout: 'out\n' });
    expect(result.stderr).toContain('err\n');
    expect((await cli(['ps', '-a', '-q'])).stdout).toBe('');
  });

  it('pulls an image built and pushed by buildah, and runs it with its entrypoint, cmd and env', async () => {
    const first = await cli(['run', '--rm', built]);
    expect(first.stderr).toContain(`Pulling ${built}`);
    expect(first).toMatchObject({ code: 0, stdout: 'from the image\nhello from buildah\n' });
    const again = await cli(['run', '--rm', built, 'echo replaced cmd; exit 4']);
    expect(again.stderr).not.toContain('Pulling');
    expect(again).toMatchObject({ code: 4, stdout: 'replaced cmd\n' });
    // A new entrypoint drops the image's CMD, as with Docker.
    const env = await cli(['run', '--rm', '--entrypoint', 'env', built]);
    expect(env.stdout).toContain('GREETING=hello from buildah\n');
  }, 120_000);

  it('passes env, env files, volumes, the working dir and the user', async () => {
    const dir = await makeTempDir('run-vol');
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'data.txt'), 'from the host\n');
    await writeFile(join(dir, 'env'), '# comment\nFROM_FILE=file\nBOTH=file\n');
    const result = await cli(
      [
        'run',
        '--rm',
        '-e',
        'BOTH=flag',
        '-e',
        'PASSED',
        '--env-file',
        join(dir, 'env'),
        '-v',
        `${dir}:/data:ro`,
        '-w',
        '/data',
        '-u',
        'nobody',
        'busybox',
        'sh',
        '-c',
        'echo $FROM_FILE $BOTH $PASSED; pwd; cat data.txt; id -u; touch x 2>/dev/null || echo read-only',
      ],
      { PASSED: 'through' },
    );
    expect(result).toMatchObject({
      code: 0,
      stdout: 'file flag through\n/data\nfrom the host\n65534\nread-only\n',
    });
  });

  it('runs detached: ps, logs, exec, wait, stop with the image StopSignal, rm', async () => {
    const started = await cli([
      'run',
      '-d',
      '--name',
      'sig',
      '--health-cmd',
      'none',
      built,
      'trap "echo got USR1; exit 7" USR1; echo started; while true; do sleep 0.1; done',
    ]);
    expect(started.code).toBe(0);
    const id = started.stdout.trim();
    expect(id).toMatch(/^[a-f0-9]{64}$/);
    await until('the container to print', async () =>
      (await cli(['logs', 'sig'])).stdout.includes('started'),
    );

    const ps = await cli(['ps']);
    expect(ps.stdout).toMatch(
      new RegExp(`^${id.slice(0, 12)}\\s+${built.replace(/[.]/g, '\\.')}.*Up .*sig`, 'm'),
    );
    const json = JSON.parse((await cli(['ps', '--format', 'json'])).stdout);
    expect(json).toEqual([expect.objectContaining({ Id: id, Names: ['sig'], State: 'running' })]);

    const inside = await cli(['exec', '-e', 'X=1', 'sig', 'sh', '-c', 'echo in $X; exit 5']);
    expect(inside).toMatchObject({ code: 5, stdout: 'in 1\n' });
    expect((await cli(['run', '-d', '--name', 'sig', 'busybox', 'true'])).stderr).toContain(
      'the container name "sig" is already in use',
    );

    const stopped = await cli(['stop', '-t', '10', 'sig']);
    expect(stopped).toMatchObject({ code: 0, stdout: 'sig\n' });
    expect((await cli(['wait', id.slice(0, 12)])).stdout).toBe('7\n');
    expect((await cli(['logs', '--tail', '1', 'sig'])).stdout).toBe('got USR1\n');
    expect((await cli(['logs', '-t', 'sig'])).stdout).toMatch(/^\d{4}-\d\d-\d\dT\S+ started\n/);
    expect((await cli(['ps', '-a'])).stdout).toMatch(/Exited \(7\)/);
    expect(await cli(['rm', 'sig'])).toMatchObject({ code: 0, stdout: 'sig\n' });
    expect((await cli(['ps', '-a', '-q'])).stdout).toBe('');
    expect((await cli(['logs', 'sig'])).stderr).toContain('no container "sig"');
  });

  it('sends SIGTERM, then SIGKILL after the grace time, to a process that ignores it', async () => {
    const id = (
      await cli(['run', '-d', 'busybox', 'sh', '-c', 'trap "" TERM; echo up; sleep 1000'])
    ).stdout.trim();
    const before = Date.now();
    expect((await cli(['stop', '-t', '1', id])).code).toBe(0);
    expect(Date.now() - before).toBeGreaterThanOrEqual(900);
    expect((await cli(['wait', id])).stdout).toBe('137\n');
    expect((await cli(['rm', id])).code).toBe(0);
  });

  it('follows logs until the container exits', async () => {
    const id = (
      await cli([
        'run',
        '-d',
        'busybox',
        'sh',
        '-c',
        'for i in 1 2 3; do echo line $i; sleep 0.2; done; exit 2',
      ])
    ).stdout.trim();
    const followed = await cli(['logs', '-f', id]);
    expect(followed.stdout).toBe('line 1\nline 2\nline 3\n');
    expect((await cli(['wait', id])).stdout).toBe('2\n');
    expect((await cli(['rm', id])).code).toBe(0);
  });

  it('stops a foreground container after --timeout', async () => {
    const result = await cli([
      'run',
      '--rm',
      '--timeout',
      '1s',
      'busybox',
      'sh',
      '-c',
      'trap "echo stopping; exit 143" TERM; echo begun; sleep 100 & wait',
    ]);
    expect(result.stdout).toBe('begun\nstopping\n');
    expect(result.stderr).toContain('ran longer than 1 s');
    expect(result.code).toBe(143);
  }, 30_000);

  it('removes a detached --rm container once it has exited', async () => {
    const id = (await cli(['run', '-d', '--rm', 'busybox', 'true'])).stdout.trim();
    expect(id).toMatch(/^[a-f0-9]{64}$/);
    await until('it to exit', async () => (await cli(['ps', '-q'])).stdout === '');
    expect((await cli(['ps', '-a', '-q'])).stdout).not.toContain(id.slice(0, 12));
  });

  describe('readiness', () => {
    it('waits for the image HEALTHCHECK before returning from run -d', async () => {
      const before = Date.now();
      const result = await cli([
        'run',
        '-d',
        '--name',
        'hc',
        built,
        'sleep 1; touch /tmp/ready; sleep 100',
      ]);
      expect(result.code).toBe(0);
      expect(Date.now() - before).toBeGreaterThanOrEqual(1000);
      expect((await cli(['exec', 'hc', 'test', '-f', '/tmp/ready'])).code).toBe(0);
      expect((await cli(['rm', '-f', 'hc'])).code).toBe(0);
    });

    it.each([
      ['an exec command', 'test -f /tmp/ready', 'touch /tmp/ready'],
      ['a TCP port', 'tcp://:7000', 'nc -ll -p 7000 -e echo hi'],
      [
        'an HTTP URL',
        'http://localhost:7001/ok.txt',
        'mkdir /www; echo ok > /www/ok.txt; httpd -f -p 7001 -h /www',
      ],
    ])('by %s', async (_what, check, serve) => {
      const result = await cli([
        'run',
        '-d',
        '--rm',
        '--health-cmd',
        check,
        '--health-interval',
        '0.5s',
        '--health-retries',
        '20',
        'busybox',
        'sh',
        '-c',
        `sleep 0.5; ${serve}; sleep 1000`,
      ]);
      expect(result).toMatchObject({ code: 0 });
      const id = result.stdout.trim();
      expect((await cli(['ps', '-q'])).stdout).toContain(id.slice(0, 12));
      expect((await cli(['rm', '-f', id])).code).toBe(0);
      // The pod a TCP or HTTP check made for it goes with it.
      expect((await cli(['pod', 'ps', '-q'])).stdout).toBe('');
    });

    it('fails a service that never becomes ready, showing its output, and stops it', async () => {
      const before = Date.now();
      const result = await cli([
        'run',
        '-d',
        '--name',
        'never',
        '--health-cmd',
        'tcp://:7002',
        '--health-interval',
        '0.2s',
        '--health-retries',
        '5',
        'busybox',
        'sh',
        '-c',
        'trap "exit 1" TERM; echo starting up; echo cannot bind >&2; sleep 1000 & wait',
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('container never never became ready: tcp :7002');
      expect(result.stderr).toContain('starting up');
      expect(result.stderr).toContain('cannot bind');
      expect(Date.now() - before).toBeLessThan(20_000);
      expect((await cli(['ps', '-q'])).stdout).toBe('');
      expect((await cli(['ps', '-a'])).stdout).toMatch(/Exited \(\d+\).*never/);
      expect((await cli(['rm', 'never'])).code).toBe(0);
    }, 30_000);
  });

  describe('bad input fails before anything starts', () => {
    it.each([
      [
        ['run', '--rm', 'no-such-image-here'],
        /image "no-such-image-here" is not in the store, and pulling it failed/,
      ],
      [['run', '--rm', `${'f'.repeat(64)}`], /no image "f{64}" in the store/],
      [
        ['run', '--rm', '-v', '/no/such/dir:/x', 'busybox', 'true'],
        /the host path \/no\/such\/dir does not exist/,
      ],
      [
        ['run', '--rm', '--env-file', '/no/such/env', 'busybox', 'true'],
        /reading env file \/no\/such\/env/,
      ],
      [['run', '--rm', '--pod', 'nopod', 'busybox', 'true'], /no pod "nopod"/],
      [['run', '--rm', '-u', 'nosuchuser', 'busybox', 'true'], /nosuchuser/],
      [['run', '--rm', 'busybox', '/no/such/binary'], /\/no\/such\/binary/],
    ])(
      '%j',
      async (argv, message) => {
        const result = await cli(argv, { HOME: '/nonexistent' });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(message);
        expect((await cli(['ps', '-a', '-q'])).stdout).toBe('');
        expect(await runcList()).toEqual([]);
        expect(await mountsUnder(stateDir)).toEqual([]);
        expect(await readdir(join(stateDir, 'containers')).catch(() => [])).toEqual([]);
      },
      60_000,
    );
  });

  it('leaves nothing that ps or runc list shows after a killed lighter is cleaned up', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LIGHTER_STATE_DIR: stateDir,
      LIGHTER_STORE: storeDir,
    };
    delete env.NODE_OPTIONS;
    const [node, ...source] = cliFromSource();
    const lighter = (args: string[]) =>
      spawn(node, [...source, ...args], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const port = await freePort();
    expect(
      (
        await cli([
          'run',
          '-d',
          '-p',
          `127.0.0.1:${port}:80`,
          '--name',
          'published',
          'busybox',
          'sleep',
          '1000',
        ])
      ).code,
    ).toBe(0);
    expect((await cli(['pod', 'create', 'victims'])).code).toBe(0);
    expect((await cli(['run', '-d', '--pod', 'victims', 'busybox', 'sleep', '1000'])).code).toBe(0);
    const foreground = lighter([
      'run',
      '--rm',
      '--name',
      'fg',
      'busybox',
      'sh',
      '-c',
      'echo running; sleep 1000',
    ]);
    let out = '';
    foreground.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    await until('the foreground container to run', async () => out.includes('running'), 30_000);
    foreground.kill('SIGKILL');
    await new Promise((r) => foreground.once('close', r));

    expect((await cli(['ps', '-q'])).stdout.trim().split('\n')).toHaveLength(3);
    expect(await runcList()).toHaveLength(3);

    expect((await cli(['rm', '-af'])).code).toBe(0);
    expect((await cli(['pod', 'rm', '-af'])).code).toBe(0);
    expect((await cli(['ps', '-a', '-q'])).stdout).toBe('');
    expect((await cli(['pod', 'ps', '-q'])).stdout).toBe('');
    expect(await runcList()).toEqual([]);
    expect(await mountsUnder(stateDir)).toEqual([]);
    expect(await processesUnder(stateDir)).toEqual([]);
  }, 90_000);
});
