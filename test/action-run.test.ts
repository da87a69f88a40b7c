// The run action as shipped (dist/run/index.js, then dist/run/post.js), run the way the runner
// runs it: services in a pod, the test command's exit code as the step's, logs, cleanup.

import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { main } from '../src/cli/main.js';
import { mountsUnder } from '../src/core/runtime/index.js';
import { type ActionResult, runAction } from './helpers/action.js';
import { busyboxImage } from './helpers/busybox.js';
import { tryExec } from './helpers/exec.js';
import { freePort, processesUnder } from './helpers/host.js';
import { useRegistry } from './helpers/registry.js';
import { makeTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

let stateDir: string;
let storeDir: string;

function withoutDebug(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::debug::'))
    .join('\n');
}

/** What post must leave: no container, pod, runtime state, mount or process of ours. */
async function nothingLeft(): Promise<void> {
  const runc = await tryExec('runc', [`--root=${join(stateDir, 'runtime', 'runc')}`, 'list', '-q']);
  expect(runc.stdout).toBe('');
  expect(await mountsUnder(stateDir)).toEqual([]);
  expect(await processesUnder(stateDir)).toEqual([]);
  expect(await readdir(join(stateDir, 'containers')).catch(() => [])).toEqual([]);
  expect(await readdir(join(stateDir, 'pods')).catch(() => [])).toEqual([]);
}

async function run(inputs: Record<string, string>, timeoutMs?: number): Promise<ActionResult> {
  return runAction('run', {
    inputs: { store: storeDir, ...inputs },
    env: { LIGHTER_STATE_DIR: stateDir },
    // Our own RUNNER_TEMP outlives the step, so the log files can be read afterwards.
    runnerTemp: await makeTempDir('action-run-temp'),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}

const SERVICES = stringify([
  {
    name: 'web',
    image: 'busybox',
    command: [
      'sh',
      '-c',
      'mkdir /www; echo "hello from web" > /www/index.html; echo web is up; exec httpd -f -p 8080 -h /www',
    ],
    health: { http: 'http://localhost:8080/', interval: '0.2s', retries: 50 },
  },
  {
    name: 'echo',
    image: 'busybox',
    command: 'nc -ll -p 9000 -e cat',
    health: 'tcp://:9000',
  },
]);

const CLIENT = 'wget -qO- http://localhost:8080/; echo ping | nc echo 9000; echo "$GREETING"';

describe.skipIf(!isRoot)('run action', () => {
  const secure = useRegistry({ auth: 'htpasswd' });
  beforeAll(async () => {
    stateDir = await makeTempDir('action-run-state');
    storeDir = await makeTempDir('action-run-store');
    const fixture = await busyboxImage();
    const copied = await main(
      ['--store', storeDir, 'copy', '-q', fixture.reference, 'storage:busybox'],
      {
        stdout: () => {},
        stderr: () => {},
      },
    );
    expect(copied).toBe(0);
  });

  it('starts services, waits until they are ready, runs the test command against them, and post removes it all', async () => {
    const result = await run({
      image: 'busybox',
      services: SERVICES,
      run: CLIENT,
      env: 'GREETING=hello from env',
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    // Debug lines of the runtime may fall between the test's lines: they are not its output.
    expect(withoutDebug(result.stdout)).toContain('hello from web\nping\nhello from env\n');
    expect(result.stdout).toMatch(/web: ready: http localhost:8080\/: HTTP 200/);
    expect(result.stdout).toMatch(/echo: ready: tcp :9000: connected/);
    expect(result.stdout).toContain('::group::Logs of service web (1 line(s))');
    expect(result.outputs['exit-code']).toBe('0');
    const logs = result.outputs.logs as string;
    expect(await readFile(join(logs, 'web.log'), 'utf8')).toBe('web is up\n');
    expect(await readFile(join(logs, 'test.log'), 'utf8')).toBe(
      'hello from web\nping\nhello from env\n',
    );
    expect(result.summary).toContain('| web | busybox | ready |');
    expect(result.summary).toContain('| test | busybox | exit code 0 |');
    expect(result.summary).not.toContain('Service logs');
    expect(result.postExitCode).toBe(0);
    expect(result.postStdout).toContain('Removed 3 container(s) and 1 pod(s).');
    await nothingLeft();
  }, 120_000);

  it('fails the step with the test command exit code and attaches service logs to the summary', async () => {
    const result = await run({
      image: 'busybox',
      services: SERVICES,
      run: 'echo about to fail\nexit 3\necho never',
    });
    expect(result.exitCode).toBe(3);
    expect(result.outputs['exit-code']).toBe('3');
    expect(result.stdout).toContain('about to fail\n');
    expect(result.stdout).not.toMatch(/^never$/m);
    expect(result.commands).toContainEqual(
      expect.objectContaining({ command: 'error', message: 'the test command exited with code 3' }),
    );
    expect(result.summary).toContain('<summary>Logs of service <code>web</code>');
    expect(result.summary).toContain('web is up');
    expect(result.postExitCode).toBe(0);
    await nothingLeft();
  }, 120_000);

  it('fails when a service never becomes ready, with its logs, and post still cleans up', async () => {
    const services = stringify([
      {
        name: 'db',
        image: 'busybox',
        command: [
          'sh',
          '-c',
          'trap "exit 1" TERM; echo db starting; echo no space left >&2; sleep 1000 & wait',
        ],
        health: { tcp: 5432, interval: '0.2s', retries: 5 },
      },
    ]);
    const result = await run({ image: 'busybox', services, run: 'echo should not run' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toMatch(/^should not run$/m);
    expect(result.commands).toContainEqual(
      expect.objectContaining({
        command: 'error',
        message: expect.stringMatching(/^service\(s\) never became ready: db \(tcp :5432: /),
      }),
    );
    expect(result.stdout).toContain('::group::Logs of service db');
    expect(result.stdout).toContain('db starting');
    expect(result.summary).toContain('never ready: tcp :5432');
    expect(result.summary).toContain('no space left');
    expect(result.postExitCode).toBe(0);
    await nothingLeft();
  }, 120_000);

  it('takes the services from a Kubernetes Pod file', async () => {
    const workspace = await makeTempDir('action-run-ws');
    await chmod(workspace, 0o755);
    await writeFile(join(workspace, 'input.txt'), 'from the workspace\n');
    await writeFile(
      join(workspace, 'pod.yaml'),
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'action-pod' },
        spec: {
          containers: [
            {
              name: 'echo',
              image: 'busybox',
              command: ['nc', '-ll', '-p', '9000', '-e', 'cat'],
              readinessProbe: { tcpSocket: { port: 9000 }, periodSeconds: 1, failureThreshold: 20 },
            },
          ],
        },
      }),
    );
    const result = await runAction('run', {
      cwd: workspace,
      inputs: {
        store: storeDir,
        image: 'busybox',
        services: 'pod.yaml',
        volumes: '.:/src:ro',
        workdir: '/src',
        run: 'cat input.txt | nc localhost 9000',
      },
      env: { LIGHTER_STATE_DIR: stateDir },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('from the workspace\n');
    expect(result.postExitCode).toBe(0);
    await nothingLeft();
  }, 120_000);

  it('removes everything in post after main was killed mid-run (a cancelled job)', async () => {
    const result = await run(
      { image: 'busybox', services: SERVICES, run: 'echo tests running; sleep 1000' },
      8_000,
    );
    expect(result.signal).toBe('SIGKILL');
    expect(result.stdout).toContain('tests running');
    const created = JSON.parse(result.state.created as string);
    expect(created.containers).toHaveLength(3);
    expect(created.pods).toHaveLength(1);
    expect(result.postExitCode).toBe(0);
    await nothingLeft();
  }, 120_000);

  it('pulls the test image with the credentials input, never printing them, and publishes ports', async () => {
    const reg = secure();
    const fixture = await busyboxImage();
    const ref = `${reg.host}/private/busybox:1`;
    const creds = `${reg.username}:${reg.password}`;
    const env = { SSL_CERT_FILE: reg.caFile ?? '', NODE_EXTRA_CA_CERTS: reg.caFile ?? '' };
    let stderr = '';
    const pushed = await main(
      [
        'copy',
        '-q',
        '--dest-tls-verify=false',
        '--dest-creds',
        creds,
        fixture.reference,
        `docker://${ref}`,
      ],
      {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
        env,
      },
    );
    expect({ pushed, stderr }).toEqual({ pushed: 0, stderr: '' });
    const port = await freePort();
    const result = await runAction('run', {
      inputs: {
        store: await makeTempDir('action-run-private-store'),
        image: ref,
        credentials: creds,
        ports: `127.0.0.1:${port}:8080`,
        run: 'echo pulled and ran',
      },
      env: { LIGHTER_STATE_DIR: stateDir, ...env },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Pulling ${ref}`);
    expect(result.stdout).toContain('pulled and ran\n');
    expect(result.stdout).toContain(`published 127.0.0.1:${port} -> 8080/tcp`);
    // Only the runner's own mask commands may carry it.
    const printed = (result.stdout + result.stderr + (result.postStdout ?? ''))
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain(reg.password as string);
    expect(result.postExitCode).toBe(0);
    await nothingLeft();
  }, 120_000);

  it('stops the test command at the timeout and fails the step', async () => {
    const result = await run({
      image: 'busybox',
      // The timeout counts from the step's start: room for the trap to be set on a slow machine.
      timeout: '5s',
      run: 'trap "exit 143" TERM; echo started; sleep 100 & wait',
    });
    expect(result.stdout).toContain('started\n');
    expect(result.commands).toContainEqual(
      expect.objectContaining({
        command: 'error',
        message: expect.stringContaining('longer than its timeout (5 s)'),
      }),
    );
    expect(result.exitCode).toBe(143);
    expect(result.outputs['exit-code']).toBe(String(result.exitCode));
    expect(result.postExitCode).toBe(0);
    await nothingLeft();
  }, 120_000);

  it.each([
    [{ image: 'f'.repeat(64) }, /no image "f{64}" in the store/],
    [
      { image: 'busybox', volumes: '/no/such/dir:/x' },
      /the host path \/no\/such\/dir does not exist/,
    ],
    [
      { image: 'busybox', services: '- image: 127.0.0.1:1/nothing:1' },
      /image "127\.0\.0\.1:1\/nothing:1" is not in the store/,
    ],
    [{ image: 'busybox', services: 'missing-pod.yaml' }, /reading .*missing-pod\.yaml: ENOENT/],
  ])(
    'fails on bad input %j before anything starts',
    async (inputs, message) => {
      const result = await run(inputs);
      expect(result.exitCode).toBe(1);
      expect(result.commands).toContainEqual(
        expect.objectContaining({ command: 'error', message: expect.stringMatching(message) }),
      );
      expect(result.state.created).toBeUndefined();
      expect(result.postStdout).toContain('Nothing to clean up');
      await nothingLeft();
    },
    60_000,
  );
});
