// The copy action's inputs: action.yml and parseInputs agree, and bad values name their input.
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
import type { CopyResult } from './copy.js';
import { type Inputs, parseInputs } from './inputs.js';
import { outputsOf, summaryOf } from './outputs.js';

let metadata: ActionMetadata;
beforeAll(async () => {
  metadata = await loadActionMetadata(fileURLToPath(new URL('./action.yml', import.meta.url)));
});

const required = { source: 'docker://ghcr.io/o/r:1', destinations: 'docker://localhost:5000/r:1' };

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

describe('copy action.yml', () => {
  it('is complete', () => {
    expect(metadataProblems(metadata)).toEqual([]);
    expect(metadata.runs.main).toBe('../../dist/copy/index.js');
  });

  it('declares exactly the inputs parseInputs reads, under the same names', () => {
    const { env, read } = recordingEnv(runnerEnv(metadata, required));
    const inputs = parseInputs(env, () => {});
    const declared = Object.keys(metadata.inputs);
    expect([...read].sort()).toEqual(declared.map(inputVariable).sort());
    expect(Object.keys(inputs).sort()).toEqual([...declared].sort());
  });

  it('has the same defaults as parseInputs without a runner', () => {
    const bare = Object.fromEntries(
      Object.entries(required).map(([k, v]) => [inputVariable(k), v]),
    );
    expect(parseInputs(bare, () => {})).toEqual(parse({}));
  });

  it('declares exactly the outputs the action sets', () => {
    const result: CopyResult = {
      digest: 'sha256:0',
      destinations: [],
      platforms: [],
      bytesCopied: 0,
      bytesSkipped: 0,
      seconds: 0,
    };
    expect(Object.keys(outputsOf(result)).sort()).toEqual(Object.keys(metadata.outputs).sort());
  });
});

describe('parseInputs', () => {
  it('reads a typical mirror step', () => {
    const secrets: string[] = [];
    const inputs = parse(
      {
        destinations: 'docker://a.example/r:1\ndocker://b.example/r:1, oci:out:1',
        platforms: 'linux/amd64,linux/arm64/v8',
        format: 'v2s2',
        username: 'bot',
        password: 'tok3n',
        'source-credentials': 'reader:r3ad',
        retries: '5',
        'tls-verify': 'false',
      },
      secrets,
    );
    expect(inputs).toMatchObject({
      source: 'docker://ghcr.io/o/r:1',
      destinations: ['docker://a.example/r:1', 'docker://b.example/r:1', 'oci:out:1'],
      platforms: ['linux/amd64', 'linux/arm64/v8'],
      'all-platforms': false,
      format: 'v2s2',
      username: 'bot',
      password: 'tok3n',
      'source-credentials': { username: 'reader', password: 'r3ad' },
      'destination-credentials': undefined,
      retries: 5,
      'tls-verify': false,
      cache: false,
    });
    expect(secrets).toEqual(['tok3n', 'reader:r3ad', 'r3ad']);
  });

  it.each([
    [{ source: '' }, 'input "source": a value is required'],
    [{ destinations: ' \n ' }, 'input "destinations": a value is required'],
    [
      { 'all-platforms': 'true', platforms: 'linux/amd64' },
      'input "platforms": cannot be combined with all-platforms: true',
    ],
    [{ platforms: 'amd64' }, 'input "platforms": expected OS/ARCH[/VARIANT], got "amd64"'],
    [{ format: 'v2s1' }, 'input "format": expected one of oci, v2s2, got "v2s1"'],
    [{ retries: 'many' }, 'input "retries": expected an integer from 0 to 100, got "many"'],
    [
      { 'tls-verify': 'no' },
      'input "tls-verify": expected true or false (YAML 1.2 core schema), got "no"',
    ],
    [{ password: 'x' }, 'input "username": required when password is set'],
    [{ username: 'x' }, 'input "password": required when username is set'],
    [
      { 'destination-credentials': 'justatoken' },
      'input "destination-credentials": expected USER:PASSWORD with both parts non-empty',
    ],
  ])('%j: %s', (given, message) => {
    expect(inputErrorOf(given)).toBe(message);
  });

  it('masks credentials even when another input is wrong', () => {
    const secrets: string[] = [];
    expect(() => parse({ password: 'tok3n', username: 'u', retries: '-1' }, secrets)).toThrow();
    expect(secrets).toContain('tok3n');
  });
});

describe('copy', () => {
  it('summarizes a result', () => {
    const table = summaryOf(parse({}), {
      digest: 'sha256:ab',
      destinations: [{ reference: 'docker://localhost:5000/r:1', digest: 'sha256:ab' }],
      platforms: ['linux/amd64'],
      bytesCopied: 2048,
      bytesSkipped: 0,
      seconds: 1.5,
    });
    expect(table.rows).toEqual([
      [
        'docker://ghcr.io/o/r:1 → docker://localhost:5000/r:1',
        'sha256:ab',
        'linux/amd64',
        '2.0 KiB',
        '0 B',
        '1.5 s',
      ],
    ]);
  });
});
