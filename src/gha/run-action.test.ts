// runAction: failures become a failed step, and file errors become line annotations.
import { afterEach, describe, expect, it } from 'vitest';
import { LighterError } from '../core/errors.js';
import { annotationLocation, type FailureSink, runAction } from './run-action.js';

function recorder(): { sink: FailureSink; calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    sink: {
      setFailed: (m) => calls.push(['setFailed', m]),
      error: (m, p) => calls.push(['error', m, p]),
      debug: () => {},
    },
  };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('runAction', () => {
  it('does nothing more when main succeeds', async () => {
    const { sink, calls } = recorder();
    await runAction(async () => {}, sink);
    expect(calls).toEqual([]);
  });

  it('fails the step with the message', async () => {
    const { sink, calls } = recorder();
    await runAction(async () => {
      throw new LighterError(
        'ERR_UNSUPPORTED',
        'the copy engine is not in this build yet (issue #3)',
      );
    }, sink);
    expect(calls).toEqual([['setFailed', 'the copy engine is not in this build yet (issue #3)']]);
  });

  it('annotates the file and line a LighterError carries, relative to the workspace', async () => {
    const { sink, calls } = recorder();
    const env = { GITHUB_WORKSPACE: '/home/runner/work/app' };
    await runAction(
      async () => {
        throw new LighterError('ERR_DOCKERFILE', 'Dockerfile:12: unknown instruction COPPY', {
          details: { file: '/home/runner/work/app/docker/Dockerfile', line: 12 },
        });
      },
      sink,
      env,
    );
    expect(calls).toEqual([
      [
        'error',
        'Dockerfile:12: unknown instruction COPPY',
        { file: 'docker/Dockerfile', startLine: 12 },
      ],
    ]);
    expect(process.exitCode).toBe(1);
  });
});

describe('annotationLocation', () => {
  const env = { GITHUB_WORKSPACE: '/ws' };
  const at = (details: Record<string, unknown>) =>
    annotationLocation(new LighterError('ERR_DOCKERFILE', 'x', { details }), env);
  it.each([
    [
      { file: 'Dockerfile', line: 3 },
      { file: 'Dockerfile', startLine: 3 },
    ],
    [
      { file: 'Dockerfile', line: '7', column: 2 },
      { file: 'Dockerfile', startLine: 7, startColumn: 2 },
    ],
    [
      { file: '/elsewhere/Dockerfile', line: 1 },
      { file: '/elsewhere/Dockerfile', startLine: 1 },
    ],
    [{ file: 'Dockerfile' }, { file: 'Dockerfile' }],
    [{ file: 'Dockerfile', line: 0 }, { file: 'Dockerfile' }],
    [{ line: 3 }, undefined],
    [{ file: '' }, undefined],
  ])('%j', (details, expected) => {
    expect(at(details)).toEqual(expected);
  });

  it('ignores errors that are not LighterErrors', () => {
    expect(annotationLocation(new Error('x'), env)).toBeUndefined();
  });
});
