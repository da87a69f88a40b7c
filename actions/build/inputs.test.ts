// The build action's inputs: action.yml (both copies) and parseInputs agree; bad values name their input.
import { readFile } from 'node:fs/promises';
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
import { inputVariable } from '../../src/gha/inputs.js';
import type { BuildResult } from './build.js';
import { type Inputs, parseInputs } from './inputs.js';
import { outputsOf, summaryOf } from './outputs.js';
import { readCachePlan } from './state.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

let metadata: ActionMetadata;
beforeAll(async () => {
  metadata = await loadActionMetadata(here('./action.yml'));
});

function parse(given: Record<string, string>, secrets: string[] = []): Inputs {
  return parseInputs(runnerEnv(metadata, given), (v) => secrets.push(v));
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

const result: BuildResult = {
  imageId: 'sha256:1d',
  digest: 'sha256:d1',
  tags: ['ghcr.io/o/app:1.2'],
  platforms: ['linux/amd64'],
  pushed: ['ghcr.io/o/app:1.2'],
  outputs: [],
  steps: [
    { instruction: 'FROM busybox', cached: true, size: 0, seconds: 0.1 },
    {
      instruction: 'RUN make',
      cached: false,
      reason: 'COPY . /src changed',
      size: 3 * 1024 ** 2,
      seconds: 12,
    },
  ],
  seconds: 12.3,
};

describe('build action.yml', () => {
  it('is complete', () => {
    expect(metadataProblems(metadata)).toEqual([]);
    expect(metadata.runs).toEqual({
      using: 'node24',
      main: '../../dist/build/index.js',
      post: '../../dist/build/post.js',
      'post-if': 'always()',
    });
  });

  it('is the root action.yml with paths relative to the repository root', async () => {
    const nested = await readFile(here('./action.yml'), 'utf8');
    const root = await readFile(here('../../action.yml'), 'utf8');
    expect(root).toBe(nested.replaceAll('../../dist/', 'dist/'));
  });

  it('declares exactly the inputs parseInputs reads, under the same names', () => {
    const { env, read } = recordingEnv(runnerEnv(metadata));
    const inputs = parseInputs(env, () => {});
    const declared = Object.keys(metadata.inputs);
    expect([...read].sort()).toEqual(declared.map(inputVariable).sort());
    expect(Object.keys(inputs).sort()).toEqual([...declared].sort());
  });

  it('has the same defaults as parseInputs without a runner', () => {
    expect(parseInputs({}, () => {})).toEqual(parse({}));
  });

  it('declares exactly the outputs the action sets', () => {
    expect(Object.keys(outputsOf(result)).sort()).toEqual(Object.keys(metadata.outputs).sort());
  });
});

describe('parseInputs', () => {
  it('takes docker/metadata-action outputs as they are', () => {
    const inputs = parse({
      tags: 'ghcr.io/o/app:1.2.3\nghcr.io/o/app:1.2\nghcr.io/o/app:latest\n',
      labels:
        'org.opencontainers.image.title=app\norg.opencontainers.image.description=An app, with commas\n',
      annotations:
        'manifest:org.opencontainers.image.title=app\nindex:org.opencontainers.image.version=1.2.3\n',
    });
    expect(inputs.tags).toEqual([
      'ghcr.io/o/app:1.2.3',
      'ghcr.io/o/app:1.2',
      'ghcr.io/o/app:latest',
    ]);
    expect(inputs.labels.get('org.opencontainers.image.description')).toBe('An app, with commas');
    expect([...inputs.annotations.keys()]).toEqual([
      'manifest:org.opencontainers.image.title',
      'index:org.opencontainers.image.version',
    ]);
  });

  it('reads a full build', () => {
    const secrets: string[] = [];
    const inputs = parse(
      {
        context: 'app',
        file: 'app/Containerfile',
        'build-args': 'VERSION=1.2\nFLAGS=-a,-b',
        target: 'runtime',
        platforms: 'linux/amd64,linux/arm64',
        push: 'true',
        tags: 'localhost:5000/app:1',
        secrets: 'NPM_TOKEN=npm_abc\n"PEM=-----BEGIN-----\nxyz\n-----END-----"',
        outputs: 'oci:out/layout:1\noci-archive:app.tar',
        'no-cache': 'True',
        format: 'docker',
        'source-date-epoch': '1700000000',
        username: 'bot',
        password: 'pa55',
        cache: 'false',
        'cache-scope': 'app',
      },
      secrets,
    );
    expect(inputs).toMatchObject({
      context: 'app',
      file: 'app/Containerfile',
      steps: undefined,
      target: 'runtime',
      platforms: ['linux/amd64', 'linux/arm64'],
      push: true,
      outputs: ['oci:out/layout:1', 'oci-archive:app.tar'],
      'no-cache': true,
      format: 'docker',
      'source-date-epoch': 1700000000,
      cache: false,
      'cache-scope': 'app',
    });
    expect([...inputs['build-args']]).toEqual([
      ['VERSION', '1.2'],
      ['FLAGS', '-a,-b'],
    ]);
    expect(inputs.secrets.get('PEM')).toBe('-----BEGIN-----\nxyz\n-----END-----');
    expect(secrets).toEqual(['npm_abc', '-----BEGIN-----\nxyz\n-----END-----', 'pa55']);
  });

  it.each([
    ['steps.yaml', { kind: 'file', path: 'steps.yaml' }],
    [
      '- from: busybox\n- run: echo hi\n- commit: app',
      { kind: 'inline', steps: [{ from: 'busybox' }, { run: 'echo hi' }, { commit: 'app' }] },
    ],
  ])('reads steps %j', (steps, expected) => {
    expect(parse({ steps }).steps).toMatchObject(expected);
  });

  it.each([
    [{ tags: 'Ghcr.io/O/App' }, /^input "tags": invalid reference "Ghcr.io\/O\/App": /],
    [{ tags: 'app:bad tag' }, /^input "tags": invalid reference "app:bad tag": tag /],
    [{ push: 'true' }, /^input "tags": push: true needs at least one tag to push to$/],
    [{ push: 'yes' }, /^input "push": expected true or false \(YAML 1.2 core schema\), got "yes"$/],
    [
      { 'build-args': 'VERSION' },
      /^input "build-args": item 1: expected KEY=VALUE, got "VERSION"$/,
    ],
    [{ secrets: 'npm_abc' }, /^input "secrets": item 1: expected KEY=VALUE$/],
    [{ format: 'v2s2' }, /^input "format": expected one of oci, docker, got "v2s2"$/],
    [
      { outputs: 'type=local,dest=out' },
      /^input "outputs": expected one of oci:…, oci-archive:…, docker-archive:…, dir:…, got "type=local,dest=out"$/,
    ],
    [{ outputs: 'oci:' }, /^input "outputs": expected one of .*, got "oci:"$/],
    [
      { 'source-date-epoch': '-5' },
      /^input "source-date-epoch": expected an integer of at least 0, got "-5"$/,
    ],
    [{ platforms: 'linux' }, /^input "platforms": expected OS\/ARCH\[\/VARIANT\], got "linux"$/],
    [{ file: 'Dockerfile', steps: 'steps.yml' }, /^input "steps": cannot be combined with file/],
    [{ steps: 'from: busybox' }, /^input "steps": expected a YAML list of steps/],
    [{ steps: '- run: [x\n' }, /^input "steps": invalid YAML: .* at line \d+, column \d+$/],
    [{ password: 'pa55' }, /^input "username": required when password is set$/],
  ])('%j', (given, message) => {
    expect(inputErrorOf(given)).toMatch(message);
  });

  it('never echoes a secret in an error', () => {
    expect(inputErrorOf({ secrets: 'A=1\nnpm_abc_token' })).not.toContain('npm_abc_token');
  });
});

describe('outputs and summary', () => {
  it('sets metadata as JSON', () => {
    const outputs = outputsOf(result);
    expect(outputs['image-id']).toBe('sha256:1d');
    expect(JSON.parse(outputs.metadata!)).toMatchObject({
      'image.digest': 'sha256:d1',
      tags: ['ghcr.io/o/app:1.2'],
    });
  });

  it('summarizes steps with cache hits and layer sizes', () => {
    const [overview, steps] = summaryOf(result);
    expect(overview!.rows[0]).toEqual([
      'ghcr.io/o/app:1.2',
      'sha256:d1',
      'linux/amd64',
      'yes',
      '1 of 2',
      '12.3 s',
    ]);
    expect(steps!.rows).toEqual([
      ['FROM busybox', 'hit', '', '0.1 s'],
      ['RUN make', 'miss: COPY . /src changed', '3.0 MiB', '12.0 s'],
    ]);
  });
});

describe('readCachePlan', () => {
  it.each([
    [{}, undefined],
    [
      { STATE_cache: '{"store":"/s","key":"k","scope":"app"}' },
      { store: '/s', key: 'k', scope: 'app' },
    ],
    [{ STATE_cache: '{"store":1}' }, undefined],
  ])('%j', (env, expected) => {
    expect(readCachePlan(env)).toEqual(expected);
  });
});
