// The build action's entry points as the runner starts them: main fails cleanly, post saves nothing.
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@actions/core')>();
  return {
    ...actual,
    setFailed: vi.fn(),
    setOutput: vi.fn(),
    setSecret: vi.fn(),
    saveState: vi.fn(),
    info: vi.fn(),
    debug: vi.fn(),
    warning: vi.fn(),
    error: vi.fn(),
    startGroup: vi.fn(),
    endGroup: vi.fn(),
  };
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.clearAllMocks();
  process.exitCode = undefined;
});

describe('build main', () => {
  it('logs the inputs with secrets masked, then fails on a missing Dockerfile and saves no state', async () => {
    vi.stubEnv('INPUT_TAGS', 'ghcr.io/o/app:1');
    vi.stubEnv('INPUT_SECRETS', 'NPM_TOKEN=npm_s3cret');
    vi.stubEnv('INPUT_CACHE', 'true');
    const { done } = await import('./main.js');
    await done;
    expect(core.setSecret).toHaveBeenCalledWith('npm_s3cret');
    const logged = vi
      .mocked(core.info)
      .mock.calls.map((c) => c[0])
      .join('\n');
    expect(logged).toContain('NPM_TOKEN=***');
    expect(logged).not.toContain('npm_s3cret');
    expect(core.setFailed).toHaveBeenCalledWith(
      'input "context": no Dockerfile or Containerfile in .',
    );
    expect(core.saveState).not.toHaveBeenCalled();
    expect(core.setOutput).not.toHaveBeenCalled();
  });
});

describe('build post', () => {
  it('does nothing without a saved plan', async () => {
    const { done } = await import('./post.js');
    await done;
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(vi.mocked(core.info).mock.calls.map((c) => c[0])).toEqual([
      'Nothing to save: the cache is off or the build did not finish.',
    ]);
  });
});
