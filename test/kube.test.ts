// lighter kube play and kube generate: a Pod from YAML runs as the same pod made on the command
// line, round-trips through generate, and bad YAML or paths fail before anything starts.

import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../src/cli/main.js';
import { parsePodYaml } from '../src/core/pod/kube.js';
import { mountsUnder } from '../src/core/runtime/index.js';
import { busyboxImage } from './helpers/busybox.js';
import { tryExec } from './helpers/exec.js';
import { freePort } from './helpers/host.js';
import { makeTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

let stateDir: string;
let storeDir: string;
let work: string;

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

async function nothingLeft(): Promise<void> {
  expect((await cli(['ps', '-a', '-q'])).stdout).toBe('');
  expect((await cli(['pod', 'ps', '-q'])).stdout).toBe('');
  const runc = await tryExec('runc', [`--root=${join(stateDir, 'runtime', 'runc')}`, 'list', '-q']);
  expect(runc.stdout).toBe('');
  expect(await mountsUnder(stateDir)).toEqual([]);
  expect(await readdir(join(stateDir, 'pods')).catch(() => [])).toEqual([]);
}

/** The pod the pod tests build on the command line, as Kubernetes YAML. */
function podYaml(name: string, port: number, hostDir: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      volumes: [
        { name: 'shared', emptyDir: {} },
        { name: 'site', hostPath: { path: hostDir, type: 'Directory' } },
      ],
      containers: [
        {
          name: `${name}-web`,
          image: 'busybox',
          command: ['httpd'],
          args: ['-f', '-p', '8080', '-h', '/www'],
          ports: [{ containerPort: 8080, hostPort: port, hostIP: '127.0.0.1', name: 'http' }],
          volumeMounts: [{ name: 'site', mountPath: '/www', readOnly: true }],
          readinessProbe: {
            httpGet: { path: '/', port: 'http' },
            periodSeconds: 1,
            failureThreshold: 30,
          },
        },
        {
          name: `${name}-echo`,
          image: 'busybox',
          command: ['sh', '-c'],
          args: ['echo "$GREETING" > /shared/greeting; exec nc -ll -p 9000 -e cat'],
          env: [{ name: 'GREETING', value: 'hello from yaml' }],
          ports: [{ containerPort: 9000 }],
          volumeMounts: [{ name: 'shared', mountPath: '/shared' }],
          readinessProbe: { tcpSocket: { port: 9000 }, periodSeconds: 1, failureThreshold: 30 },
          livenessProbe: {
            exec: { command: ['test', '-f', '/shared/greeting'] },
            periodSeconds: 1,
          },
        },
      ],
    },
  };
}

const CLIENT = 'wget -qO- http://localhost:8080/; echo ping | nc localhost 9000';

describe.skipIf(!isRoot)('kube play and generate', () => {
  beforeAll(async () => {
    stateDir = await makeTempDir('kube-state');
    storeDir = await makeTempDir('kube-store');
    work = await makeTempDir('kube-work');
    await chmod(work, 0o755);
    await mkdir(join(work, 'site'));
    await writeFile(join(work, 'site', 'index.html'), 'hello from a hostPath\n');
    const fixture = await busyboxImage();
    expect((await cli(['copy', '-q', fixture.reference, 'storage:busybox'])).code).toBe(0);
  });

  // A failed test must not fail the ones after it with its leftovers.
  afterEach(async () => {
    await cli(['pod', 'rm', '-af']);
    await cli(['rm', '-af']);
  });

  it('plays a Pod, which serves what the CLI-built pod serves; generate gives YAML that plays the same', async () => {
    const port = await freePort();
    const file = join(work, 'pod.yaml');
    await writeFile(file, stringify(podYaml('kp', port, join(work, 'site'))));
    const played = await cli(['kube', 'play', file]);
    expect(played.code).toBe(0);
    expect(played.stdout).toMatch(/^[a-f0-9]{64}\n$/);
    expect(played.stderr).toMatch(/kp-web: ready in/);

    // The same client as against the pod made with `pod create` and `run --pod`.
    const client = await cli(['run', '--rm', '--pod', 'kp', 'busybox', 'sh', '-c', CLIENT]);
    expect(client).toMatchObject({ code: 0, stdout: 'hello from a hostPath\nping\n' });
    const shared = await cli(['exec', 'kp-echo', 'cat', '/shared/greeting']);
    expect(shared.stdout).toBe('hello from yaml\n');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('hello from a hostPath\n');

    const generated = await cli(['kube', 'generate', 'kp']);
    expect(generated.code).toBe(0);
    const doc = parse(generated.stdout);
    expect(doc).toMatchObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'kp' },
      spec: {
        volumes: expect.arrayContaining([
          { name: 'shared', emptyDir: {} },
          expect.objectContaining({ hostPath: { path: join(work, 'site'), type: 'Directory' } }),
        ]),
        containers: [
          expect.objectContaining({
            name: 'kp-web',
            command: ['httpd'],
            args: ['-f', '-p', '8080', '-h', '/www'],
            ports: [{ containerPort: 8080, hostPort: port, hostIP: '127.0.0.1' }],
            readinessProbe: expect.objectContaining({ httpGet: { path: '/', port: 8080 } }),
          }),
          expect.objectContaining({
            name: 'kp-echo',
            env: [{ name: 'GREETING', value: 'hello from yaml' }],
            volumeMounts: [{ name: 'shared', mountPath: '/shared' }],
            readinessProbe: expect.objectContaining({ tcpSocket: { port: 9000 } }),
            livenessProbe: expect.objectContaining({
              exec: { command: ['test', '-f', '/shared/greeting'] },
            }),
          }),
        ],
      },
    });
    // What generate wrote reads back as the plan the original file gave.
    const original = parsePodYaml(await readFile(file, 'utf8'));
    const again = parsePodYaml(generated.stdout);
    expect(
      again.containers.map((c) => ({
        ...c,
        image: 'busybox',
        mounts: c.mounts?.map((m) => m.destination),
      })),
    ).toEqual(
      original.containers.map((c) => ({ ...c, mounts: c.mounts?.map((m) => m.destination) })),
    );
    expect(again.ports).toEqual(original.ports);

    const down = await cli(['kube', 'play', '--down', file]);
    expect(down.code).toBe(0);
    await nothingLeft();

    // The generated file plays too, and the pod answers the same.
    const regenerated = join(work, 'generated.yaml');
    expect((await cli(['kube', 'generate', '-f', regenerated, 'kp'])).code).toBe(1);
    await writeFile(regenerated, generated.stdout);
    expect((await cli(['kube', 'play', regenerated])).code).toBe(0);
    const second = await cli(['run', '--rm', '--pod', 'kp', 'busybox', 'sh', '-c', CLIENT]);
    expect(second).toMatchObject({ code: 0, stdout: 'hello from a hostPath\nping\n' });
    expect((await cli(['pod', 'rm', '-f', 'kp'])).code).toBe(0);
    await nothingLeft();
  }, 90_000);

  it('fails a pod whose container never becomes ready, showing its output, and removes the pod', async () => {
    const file = join(work, 'never.yaml');
    await writeFile(
      file,
      stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'never' },
        spec: {
          containers: [
            {
              name: 'stuck',
              image: 'busybox',
              command: [
                'sh',
                '-c',
                'trap "exit 1" TERM; echo waiting for a database; sleep 1000 & wait',
              ],
              readinessProbe: { tcpSocket: { port: 5432 }, periodSeconds: 1, failureThreshold: 2 },
            },
          ],
        },
      }),
    );
    const result = await cli(['kube', 'play', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('container stuck never became ready: tcp :5432');
    expect(result.stderr).toContain('waiting for a database');
    await nothingLeft();
  }, 60_000);

  describe('bad input fails before anything starts', () => {
    it.each([
      ['invalid YAML', 'kind: Pod\nspec: [\n', /parsing .*: invalid YAML at line/],
      ['no Pod', 'kind: Deployment\n', /no document of kind Pod \(found Deployment\)/],
      [
        'a container without an image',
        'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n',
        /spec\.containers\[0\]\.image: required/,
      ],
      [
        'an unknown image',
        'kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: "127.0.0.1:1/none:1"}\n',
        /image "127\.0\.0\.1:1\/none:1" is not in the store, and pulling it failed/,
      ],
      [
        'a hostPath that does not exist',
        'kind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: v, hostPath: {path: /no/such/dir}}]\n  containers:\n  - name: a\n    image: busybox\n    volumeMounts: [{name: v, mountPath: /v}]\n',
        /volume path "\/no\/such\/dir" does not exist on the host/,
      ],
      [
        'a volume of another type',
        'kind: Pod\nmetadata: {name: p}\nspec:\n  volumes: [{name: v, configMap: {name: x}}]\n  containers: [{name: a, image: busybox}]\n',
        /only emptyDir and hostPath volumes are supported/,
      ],
      [
        'two containers of one name',
        'kind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: busybox}, {name: a, image: busybox}]\n',
        /two containers are named "a"/,
      ],
    ])(
      '%s',
      async (_what, yaml, message) => {
        const file = join(work, 'bad.yaml');
        await writeFile(file, yaml);
        const result = await cli(['kube', 'play', file]);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(message);
        await nothingLeft();
      },
      60_000,
    );

    it('a host port already in use', async () => {
      const busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      const { port } = busy.address() as AddressInfo;
      try {
        const file = join(work, 'busy.yaml');
        await writeFile(
          file,
          `kind: Pod
metadata: {name: busy}
spec:
  volumes: [{name: shared, emptyDir: {}}]
  containers:
  - name: web
    image: busybox
    command: [httpd, -f, -p, "8080"]
    ports: [{containerPort: 8080, hostPort: ${port}, hostIP: 127.0.0.1}]
    volumeMounts: [{name: shared, mountPath: /shared}]
  - {name: other, image: busybox, command: [sleep, "100"]}
`,
        );
        const result = await cli(['kube', 'play', file]);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(
          `publishing port 127.0.0.1:${port}: it is already in use on the host`,
        );
        await nothingLeft();
        // No container was made, nor a name kept.
        expect(await readdir(join(stateDir, 'containers')).catch(() => [])).toEqual([]);
        expect(await readdir(join(stateDir, 'names')).catch(() => [])).toEqual([]);
      } finally {
        await new Promise((resolve) => busy.close(resolve));
      }
    });

    it('a file that does not exist', async () => {
      const result = await cli(['kube', 'play', join(work, 'missing.yaml')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('missing.yaml: ENOENT');
      await nothingLeft();
    });
  });
});
