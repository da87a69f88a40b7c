// The run action's inputs: action.yml and parseInputs agree, and bad values name their input.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { isLighterError } from '../../src/core/errors.js';
import {
  type ActionMetadata,
  loadActionMetadata,
  metadataProblems,
  recordingEnv,
  runnerEnv,
} from '../../src/gha/action-metadata.js';
import { formatInputs } from '../../src/gha/input-log.js';
import { inputVariable } from '../../src/gha/inputs.js';
import { type Inputs, inputsForLog, parseInputs } from './inputs.js';
import { outputsOf, summaryOf } from './outputs.js';
import type { RunResult } from './run.js';
import { CreatedTracker, isEmpty, readCreated } from './state.js';

let metadata: ActionMetadata;
beforeAll(async () => {
  metadata = await loadActionMetadata(fileURLToPath(new URL('./action.yml', import.meta.url)));
});

const required = { image: 'localhost:5000/app:test' };

function parse(given: Record<string, string>, secrets: string[] = []): Inputs {
  return parseInputs(runnerEnv(metadata, { ...required, ...given }), (v) => secrets.push(v));
}

function inputErrorOf(given: Record<string, string>): string {
  try {
    parse(given);
  } catch (err) {
    if (isLighterError(err, 'ERR_INPUT')) return err.message;
    throw err;
  }
  throw new Error('expected an input error');
}

const result: RunResult = {
  exitCode: 3,
  logs: '/tmp/logs',
  services: [{ name: 'db', image: 'postgres:16', ready: true, seconds: 2 }],
  seconds: 9,
};

describe('run action.yml', () => {
  it('is complete', () => {
    expect(metadataProblems(metadata)).toEqual([]);
    expect(metadata.runs).toEqual({
      using: 'node24',
      main: '../../dist/run/index.js',
      post: '../../dist/run/post.js',
      'post-if': 'always()',
    });
  });

  it('declares exactly the inputs parseInputs reads, under the same names', () => {
    const { env, read } = recordingEnv(runnerEnv(metadata, required));
    const inputs = parseInputs(env, () => {});
    const declared = Object.keys(metadata.inputs);
    expect([...read].sort()).toEqual(declared.map(inputVariable).sort());
    expect(Object.keys(inputs).sort()).toEqual([...declared].sort());
  });

  it('has the same defaults as parseInputs without a runner', () => {
    expect(parseInputs({ INPUT_IMAGE: required.image }, () => {})).toEqual(parse({}));
  });

  it('declares exactly the outputs the action sets', () => {
    expect(Object.keys(outputsOf(result)).sort()).toEqual(Object.keys(metadata.outputs).sort());
  });
});

describe('parseInputs', () => {
  it('reads a test run with services', () => {
    const secrets: string[] = [];
    const inputs = parse(
      {
        run: 'npm ci\nnpm test',
        services: [
          '- image: docker.io/library/postgres:16',
          '  env: {POSTGRES_PASSWORD: pw}',
          '  health: {tcp: 5432}',
          '- name: cache',
          '  image: redis:7',
        ].join('\n'),
        env: 'DATABASE_URL=postgres://localhost:5432/db?a=1,b=2\nCI=true',
        volumes: '.:/src\n/tmp/cache:/cache:ro',
        workdir: '/src',
        ports: '8080:80\n127.0.0.1:5432:5432/tcp\n9000/udp',
        timeout: '1h30m',
        credentials: 'bot:t0ken',
      },
      secrets,
    );
    expect(inputs).toMatchObject({
      image: 'localhost:5000/app:test',
      run: 'npm ci\nnpm test',
      workdir: '/src',
      timeout: 5400,
      credentials: { username: 'bot', password: 't0ken' },
      volumes: [
        { source: '.', destination: '/src', readOnly: false },
        { source: '/tmp/cache', destination: '/cache', readOnly: true },
      ],
      ports: [
        { hostIp: undefined, hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', hostPort: 5432, containerPort: 5432, protocol: 'tcp' },
        { hostIp: undefined, hostPort: 9000, containerPort: 9000, protocol: 'udp' },
      ],
    });
    expect(inputs.services).toEqual({
      kind: 'list',
      services: [
        {
          name: 'postgres',
          image: 'docker.io/library/postgres:16',
          env: { POSTGRES_PASSWORD: 'pw' },
          ports: [],
          volumes: [],
          health: {
            check: { kind: 'tcp', port: 5432 },
            intervalMs: 30_000,
            timeoutMs: 30_000,
            retries: 3,
            startPeriodMs: 0,
            delayMs: 0,
          },
        },
        { name: 'cache', image: 'redis:7', env: {}, ports: [], volumes: [] },
      ],
    });
    expect(inputs.env.get('DATABASE_URL')).toBe('postgres://localhost:5432/db?a=1,b=2');
    expect(secrets).toEqual(['bot:t0ken', 't0ken']);
  });

  it.each([
    ['pod.yaml', { kind: 'kube', path: 'pod.yaml' }],
    ['  test/pod.yml\n', { kind: 'kube', path: 'test/pod.yml' }],
  ])('reads services %j as a Pod file', (services, expected) => {
    expect(parse({ services }).services).toEqual(expected);
  });

  it.each([
    ['90', 90],
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['2m30s', 150],
  ])('timeout %j is %d s', (timeout, seconds) => {
    expect(parse({ timeout }).timeout).toBe(seconds);
  });

  it('takes the build action image-id output as the image', () => {
    const id = `sha256:${'a'.repeat(64)}`;
    expect(parse({ image: id }).image).toBe(id);
  });

  it.each([
    [{ image: '' }, /^input "image": a value is required$/],
    [{ image: 'App:Latest' }, /^input "image": invalid reference "App:Latest": /],
    [{ services: 'image: redis' }, /^input "services": expected a YAML list of services/],
    [
      { services: '- redis' },
      /^input "services": item 1: expected a mapping with at least "image"$/,
    ],
    [{ services: '- name: db' }, /^input "services": item 1: "image" is required$/],
    [
      { services: '- image: redis\n- image: redis:7' },
      /^input "services": item 2: the name "redis" is already taken/,
    ],
    [{ services: '- image: redis\n  name: "my db"' }, /^input "services": item 1: "name" must be/],
    [{ services: '- image: [redis\n' }, /^input "services": invalid YAML: /],
    [{ env: 'CI' }, /^input "env": item 1: expected KEY=VALUE, got "CI"$/],
    [
      { volumes: '/src' },
      /^input "volumes": expected SRC:DST\[:ro\|rw\] with DST absolute, got "\/src"$/,
    ],
    [{ volumes: '.:src' }, /^input "volumes": expected SRC:DST/],
    [{ volumes: '.:/src:rx' }, /^input "volumes": expected SRC:DST/],
    [
      { ports: '80:http' },
      /^input "ports": expected \[IP:\]HOST:CONTAINER\[\/tcp\|\/udp\], got "80:http"$/,
    ],
    [{ ports: '70000:80' }, /^input "ports": expected ports 1-65535, got "70000:80"$/],
    [{ ports: '0' }, /^input "ports": expected ports 1-65535, got "0"$/],
    [
      { timeout: '10 minutes' },
      /^input "timeout": expected a duration such as 30s, 5m or 1h30m, got "10 minutes"$/,
    ],
    [{ timeout: '0s' }, /^input "timeout": expected a duration above zero, got "0s"$/],
    [
      { services: '- image: redis\n  helth: {tcp: 6379}' },
      /^input "services": item 1 \(redis\): unknown field "helth"/,
    ],
    [
      { services: '- image: redis\n  health: {tcp: 6379, http: 80}' },
      /^input "services": item 1 \(redis\): health: give exactly one of cmd, exec, tcp, http$/,
    ],
    [
      { services: '- image: redis\n  health: {tcp: 99999}' },
      /^input "services": item 1 \(redis\): health: expected a port 1-65535/,
    ],
    [
      { services: '- image: redis\n  ports: [http]' },
      /^input "services": item 1 \(redis\): ports: expected \[IP:\]HOST:CONTAINER/,
    ],
    [
      { services: '- image: redis\n  env: [A]' },
      /^input "services": item 1 \(redis\): env: expected KEY=VALUE, got "A"$/,
    ],
    [
      { workdir: 'src' },
      /^input "workdir": expected an absolute path in the container, got "src"$/,
    ],
    [
      { credentials: 't0ken' },
      /^input "credentials": expected USER:PASSWORD with both parts non-empty$/,
    ],
    [{ cache: 'y' }, /^input "cache": expected true or false/],
  ])('%j', (given, message) => {
    expect(inputErrorOf(given)).toMatch(message);
  });
});

describe('inputsForLog', () => {
  it('shows ports, volumes and services as they are written', () => {
    const inputs = parse({
      services: '- image: redis:7\n  health: tcp://:6379\n- name: db\n  image: postgres:16',
      volumes: '.:/src:ro',
      ports: '127.0.0.1:8080:80',
    });
    expect(formatInputs(inputsForLog(inputs))).toContain(
      [
        'services:\n  redis: redis:7\n  db: postgres:16',
        'env: (none)',
        'volumes:\n  .:/src:ro',
        'workdir: (not set)',
        'ports:\n  127.0.0.1:8080:80/tcp',
      ].join('\n'),
    );
  });
});

describe('state for post', () => {
  it('saves the full list each time something is created', () => {
    const saved: unknown[] = [];
    const tracker = new CreatedTracker((c) => saved.push(c));
    tracker.stateDir('/run/lighter');
    tracker.pod('p1');
    tracker.container('c1');
    expect(saved).toEqual([
      { containers: [], pods: ['p1'], stateDir: '/run/lighter' },
      { containers: ['c1'], pods: ['p1'], stateDir: '/run/lighter' },
    ]);
  });

  it.each([
    [{}, { containers: [], pods: [] }],
    [
      { STATE_created: '{"containers":["c1",2],"pods":["p1"]}' },
      { containers: ['c1'], pods: ['p1'] },
    ],
    [{ STATE_created: '{}' }, { containers: [], pods: [] }],
  ])('reads %j', (env, expected) => {
    expect(readCreated(env)).toEqual(expected);
    expect(isEmpty(readCreated(env))).toBe(expected.containers.length + expected.pods.length === 0);
  });
});

describe('summary', () => {
  it('lists services and the test container', () => {
    expect(summaryOf(parse({}), result).rows).toEqual([
      ['db', 'postgres:16', 'ready', '2.0 s'],
      ['test', 'localhost:5000/app:test', 'exit code 3', '9.0 s'],
    ]);
  });
});
