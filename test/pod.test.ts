// Pods against real runc: services reaching each other on localhost, ports published to the host
// through the infra agent, ports in use refused before anything starts, and pod removal.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { type AddressInfo, connect, createServer, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { findExecutable, mountsUnder } from '../src/core/runtime/index.js';
import { busyboxImage } from './helpers/busybox.js';
import { tryExec } from './helpers/exec.js';
import { freePort, processesUnder } from './helpers/host.js';
import { makeTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

let stateDir: string;
let storeDir: string;

async function cli(argv: string[]) {
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
    },
    stdin: async () => '',
  });
  return { code, stdout, stderr };
}

/** A non-loopback IPv4 address of this host, which a pod reaches through slirp4netns. */
function hostAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

/** Sends `data`, half-closes, and reads until the other side closes. */
function exchange(port: number, data: string | Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      socket.end();
      resolve(Buffer.concat(chunks));
    });
    socket.end(data);
  });
}

async function nothingLeft(): Promise<void> {
  expect((await cli(['ps', '-a', '-q'])).stdout).toBe('');
  expect((await cli(['pod', 'ps', '-q'])).stdout).toBe('');
  const runc = await tryExec('runc', [`--root=${join(stateDir, 'runtime', 'runc')}`, 'list', '-q']);
  expect(runc.stdout).toBe('');
  expect(await mountsUnder(stateDir)).toEqual([]);
  expect(await processesUnder(stateDir)).toEqual([]);
  expect(await readdir(join(stateDir, 'pods')).catch(() => [])).toEqual([]);
}

/** httpd serving /www (index.html and a 3 MiB file) and a TCP echo, with readiness checks. */
async function startServices(pod: string): Promise<void> {
  const httpd = await cli([
    'run',
    '-d',
    '--pod',
    pod,
    '--name',
    `${pod}-web`,
    '--health-cmd',
    'http://localhost:8080/',
    '--health-interval',
    '0.2s',
    '--health-retries',
    '50',
    'busybox',
    'sh',
    '-c',
    'mkdir /www; echo "hello from httpd" > /www/index.html; head -c 3145728 /dev/urandom > /www/big; sha256sum /www/big; exec httpd -f -v -p 8080 -h /www',
  ]);
  expect(httpd).toMatchObject({ code: 0 });
  const echo = await cli([
    'run',
    '-d',
    '--pod',
    pod,
    '--name',
    `${pod}-echo`,
    '--health-cmd',
    'tcp://:9000',
    '--health-interval',
    '0.2s',
    '--health-retries',
    '50',
    'busybox',
    'nc',
    '-ll',
    '-p',
    '9000',
    '-e',
    'cat',
  ]);
  expect(echo).toMatchObject({ code: 0 });
}

describe.skipIf(!isRoot)('pods', () => {
  beforeAll(async () => {
    stateDir = await makeTempDir('pod-state');
    storeDir = await makeTempDir('pod-store');
    const fixture = await busyboxImage();
    expect((await cli(['copy', '-q', fixture.reference, 'storage:busybox'])).code).toBe(0);
  });

  // A failed test must not fail the ones after it with its leftovers.
  afterEach(async () => {
    await cli(['pod', 'rm', '-af']);
    await cli(['rm', '-af']);
  });

  it('runs an HTTP server and a TCP echo that a test container reaches on localhost and by name, and the host through published ports', async () => {
    const web = await freePort();
    const echoPort = await freePort();
    const created = await cli([
      'pod',
      'create',
      '-p',
      `127.0.0.1:${web}:8080`,
      '-p',
      `127.0.0.1:${echoPort}:9000`,
      'svc',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^[a-f0-9]{64}\n$/);
    await startServices('svc');

    const client = await cli([
      'run',
      '--rm',
      '--pod',
      'svc',
      'busybox',
      'sh',
      '-c',
      'wget -qO- http://localhost:8080/; echo ping | nc localhost 9000; wget -qO- http://svc-web:8080/; hostname',
    ]);
    expect(client).toMatchObject({
      code: 0,
      stdout: 'hello from httpd\nping\nhello from httpd\nsvc\n',
    });

    // From the host: HTTP through the published port, a half-closed TCP exchange, a big body.
    const index = await fetch(`http://127.0.0.1:${web}/`);
    expect(await index.text()).toBe('hello from httpd\n');
    expect((await exchange(echoPort, 'over the published port\n')).toString()).toBe(
      'over the published port\n',
    );
    const big = Buffer.from(await (await fetch(`http://127.0.0.1:${web}/big`)).arrayBuffer());
    expect(big.length).toBe(3145728);
    const logs = (await cli(['logs', 'svc-web'])).stdout;
    expect(logs).toContain(`${createHash('sha256').update(big).digest('hex')}  /www/big`);
    // busybox nc serves one connection at a time and refuses others meanwhile; httpd keeps
    // listening, so it takes the concurrent ones.
    for (const i of [1, 2, 3]) {
      expect((await exchange(echoPort, `message ${i}\n`)).toString()).toBe(`message ${i}\n`);
    }
    const parallel = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${web}/`).then((r) => r.text())),
    );
    expect(parallel).toEqual(Array.from({ length: 20 }, () => 'hello from httpd\n'));

    const podPs = (await cli(['pod', 'ps'])).stdout;
    expect(podPs).toMatch(
      new RegExp(
        `svc\\s+Running\\s+.*\\s2\\s+127\\.0\\.0\\.1:${web}->8080/tcp, 127\\.0\\.0\\.1:${echoPort}->9000/tcp`,
      ),
    );
    expect((await cli(['ps', '--pod', 'svc', '-q'])).stdout.trim().split('\n')).toHaveLength(2);
    const podLogs = (await cli(['pod', 'logs', 'svc'])).stdout;
    expect(podLogs).toMatch(/^svc-web {2}\| [a-f0-9]{64} {2}\/www\/big$/m);

    const refused = await cli(['pod', 'rm', 'svc']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('still running');
    expect(await cli(['pod', 'rm', '-f', 'svc'])).toMatchObject({ code: 0, stdout: 'svc\n' });
    await nothingLeft();
    await expect(fetch(`http://127.0.0.1:${web}/`)).rejects.toThrow();
  }, 60_000);

  it("monitors a pod's detached containers in its infra process: exit codes and output outlive the lighter that started them", async () => {
    expect((await cli(['pod', 'create', 'hosts'])).code).toBe(0);
    const job = await cli([
      'run',
      '-d',
      '--pod',
      'hosts',
      '--name',
      'job',
      'busybox',
      'sh',
      '-c',
      'echo out; echo err >&2; sleep 0.5; exit 7',
    ]);
    expect(job.code).toBe(0);
    const sleeper = await cli([
      'run',
      '-d',
      '--pod',
      'hosts',
      '--name',
      'sleeper',
      'busybox',
      'sleep',
      '100',
    ]);
    expect(sleeper.code).toBe(0);
    const podDir = join(stateDir, 'pods', (await readdir(join(stateDir, 'pods')))[0] as string);
    const infra = (
      JSON.parse(await readFile(join(podDir, 'pod.json'), 'utf8')) as { infra: string }
    ).infra;
    for (const id of [job.stdout.trim(), sleeper.stdout.trim()]) {
      const dir = join(stateDir, 'containers', id);
      expect((await readFile(join(dir, 'monitor.host'), 'utf8')).trim()).toBe(infra);
      expect((await readFile(join(dir, 'monitor.pid'), 'utf8')).trim()).toBe(infra.split('@')[0]);
    }
    // No monitor process of their own: no command line names a monitor config.
    expect((await processesUnder(stateDir)).filter((p) => p.includes('monitor.json'))).toEqual([]);

    // The lighter that ran them is gone (these calls are separate commands): the infra process
    // recorded the exit and the output.
    expect(await cli(['wait', 'job'])).toMatchObject({ code: 0, stdout: '7\n' });
    const logs = await cli(['logs', 'job']);
    expect(logs.stdout).toBe('out\n');
    expect(logs.stderr).toBe('err\n');
    expect((await cli(['ps', '-a'])).stdout).toMatch(/Exited \(7\).*job\s+hosts/);
    expect((await cli(['ps', '-q'])).stdout.trim()).toBe(sleeper.stdout.trim().slice(0, 12));
    // Removing the pod kills the sleeper first, while its monitor can still record the end.
    expect(await cli(['pod', 'rm', '-f', 'hosts'])).toMatchObject({ code: 0 });
    await nothingLeft();
  }, 60_000);

  it('publishes a port of a container without a pod, and removes what it made with the container', async () => {
    const port = await freePort();
    const started = await cli([
      'run',
      '-d',
      '--name',
      'solo',
      '-p',
      `127.0.0.1:${port}:8080`,
      '--health-cmd',
      'tcp://:8080',
      '--health-interval',
      '0.2s',
      '--health-retries',
      '50',
      'busybox',
      'sh',
      '-c',
      'mkdir /www; echo solo > /www/index.html; exec httpd -f -p 8080 -h /www',
    ]);
    expect(started.code).toBe(0);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('solo\n');
    expect((await cli(['ps'])).stdout).toContain(`127.0.0.1:${port}->8080/tcp`);
    // A pod made for one container is its own business, not listed among the pods.
    expect((await cli(['pod', 'ps', '-q'])).stdout).toBe('');
    expect(await cli(['rm', '-f', 'solo'])).toMatchObject({ code: 0 });
    await nothingLeft();
  }, 60_000);

  it.skipIf(!findExecutable('slirp4netns') || !hostAddress())(
    'gives a pod a route out through slirp4netns, but not to the host loopback',
    async () => {
      const server = createServer((socket) => socket.end('from the host\n'));
      await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
      const { port } = server.address() as AddressInfo;
      try {
        expect((await cli(['pod', 'create', 'out'])).code).toBe(0);
        const result = await cli([
          'run',
          '--rm',
          '--pod',
          'out',
          'busybox',
          'sh',
          '-c',
          `nc -w 5 ${hostAddress()} ${port} </dev/null; nc -w 2 10.0.2.2 ${port} </dev/null || echo no loopback`,
        ]);
        expect(result).toMatchObject({ code: 0, stdout: 'from the host\nno loopback\n' });
        expect((await cli(['pod', 'rm', 'out'])).code).toBe(0);
        await nothingLeft();
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    },
    30_000,
  );

  describe('a port already in use fails before anything starts', () => {
    let busy: Server;
    let port: number;
    beforeAll(async () => {
      busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      port = (busy.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => busy.close(resolve));
    });

    it.each([
      ['pod create', () => ['pod', 'create', '-p', `127.0.0.1:${port}:80`, 'busy']],
      ['run -p', () => ['run', '-d', '-p', `127.0.0.1:${port}:80`, 'busybox', 'sleep', '100']],
      ['run -p on every address', () => ['run', '--rm', '-p', `${port}:80`, 'busybox', 'true']],
    ])('%s', async (_what, argv) => {
      const result = await cli(argv());
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`publishing port [0-9.]+:${port}: it is already in use on the host`),
      );
      await nothingLeft();
    });
  });

  it('fails a container clearly when its pod has lost its infra process, and removes the pod and what it held', async () => {
    // pod create returns as soon as the infra process has its namespaces; whatever becomes of
    // it afterwards is found by the first container that needs it.
    expect((await cli(['pod', 'create', 'orphaned'])).code).toBe(0);
    const sleeper = ['run', '-d', '--pod', 'orphaned', '--name', 'left', 'busybox', 'sleep', '100'];
    expect((await cli(sleeper)).code).toBe(0);
    const podDir = join(stateDir, 'pods', (await readdir(join(stateDir, 'pods')))[0] as string);
    const infra = (
      JSON.parse(await readFile(join(podDir, 'pod.json'), 'utf8')) as { infra: string }
    ).infra;
    process.kill(Number(infra.split('@')[0]), 'SIGKILL');
    for (const argv of [
      ['run', '--rm', '--pod', 'orphaned', 'busybox', 'true'],
      ['run', '-d', '--pod', 'orphaned', 'busybox', 'sleep', '10'],
    ]) {
      const result = await cli(argv);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/pod orphaned.*infra process/);
      expect((await cli(['ps', '-a', '-q'])).stdout.trim().split('\n')).toHaveLength(1);
    }
    // The container it held runs on with no monitor to record its end: removing it asks the
    // runtime instead of waiting out the 10 s an exit file gets.
    const started = Date.now();
    expect((await cli(['pod', 'rm', '-f', 'orphaned'])).code).toBe(0);
    expect(Date.now() - started).toBeLessThan(9000);
    await nothingLeft();
  });

  it('refuses a pod name in use, and flags that do not fit a pod', async () => {
    expect((await cli(['pod', 'create', 'twice'])).code).toBe(0);
    const again = await cli(['pod', 'create', 'twice']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the pod name "twice" is already in use');
    expect((await cli(['run', '--pod', 'twice', '-p', '8080:80', 'busybox'])).code).toBe(2);
    expect((await cli(['run', '--pod', 'twice', '--network', 'host', 'busybox'])).code).toBe(2);
    expect((await cli(['pod', 'rm', 'twice'])).code).toBe(0);
    await nothingLeft();
  });
});
