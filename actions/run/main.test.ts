// The run action's entry points as the runner starts them: main fails cleanly; post cleans only what main made.
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../test/helpers/temp-dir.js';

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
  vi.resetModules();
  process.exitCode = undefined;
});

describe('run main', () => {
  it('masks credentials, then fails on an image the store lacks having created nothing', async () => {
    vi.stubEnv('INPUT_IMAGE', 'a'.repeat(64));
    vi.stubEnv('INPUT_CREDENTIALS', 'bot:t0ken-value');
    vi.stubEnv('INPUT_STORE', await makeTempDir('run-main-store'));
    vi.stubEnv('LIGHTER_STATE_DIR', await makeTempDir('run-main-state'));
    const { done } = await import('./main.js');
    await done;
    expect(core.setSecret).toHaveBeenCalledWith('t0ken-value');
    const logged = vi
      .mocked(core.info)
      .mock.calls.map((c) => c[0])
      .join('\n');
    expect(logged).toContain('credentials: ***');
    expect(logged).not.toContain('t0ken-value');
    expect(vi.mocked(core.setFailed).mock.calls[0]?.[0]).toMatch(/^no image "a{64}" in the store /);
    expect(core.saveState).not.toHaveBeenCalled();
  });

  it('fails on a bad input before doing anything', async () => {
    vi.stubEnv('INPUT_IMAGE', 'localhost:5000/app:test');
    vi.stubEnv('INPUT_PORTS', 'http');
    const { done } = await import('./main.js');
    await done;
    expect(core.setFailed).toHaveBeenCalledWith(
      'input "ports": expected [IP:]HOST:CONTAINER[/tcp|/udp], got "http"',
    );
    expect(core.startGroup).not.toHaveBeenCalled();
  });
});

describe('run post', () => {
  it('does nothing when main created nothing', async () => {
    const { done } = await import('./post.js');
    await done;
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(vi.mocked(core.info).mock.calls.map((c) => c[0])).toEqual([
      'Nothing to clean up: no container or pod was created.',
    ]);
  });

  it('hands what main created to cleanup, which removes what is there and skips what is not', async () => {
    const stateDir = await makeTempDir('run-post-state');
    vi.stubEnv('STATE_created', JSON.stringify({ containers: ['c1'], pods: [], stateDir }));
    const { done } = await import('./post.js');
    await done;
    expect(core.startGroup).toHaveBeenCalledWith('Removing containers and pods');
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(vi.mocked(core.info).mock.calls.map((c) => c[0])).toContain(
      'Removed 1 container(s) and 0 pod(s).',
    );
  });
});
