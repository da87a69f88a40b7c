// The run action's entry points as the runner starts them: main fails cleanly; post cleans only what main made.
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
  vi.resetModules();
  process.exitCode = undefined;
});

describe('run main', () => {
  it('masks credentials, then fails with ERR_UNSUPPORTED having created nothing', async () => {
    vi.stubEnv('INPUT_IMAGE', 'localhost:5000/app:test');
    vi.stubEnv('INPUT_CREDENTIALS', 'bot:t0ken-value');
    const { done } = await import('./main.js');
    await done;
    expect(core.setSecret).toHaveBeenCalledWith('t0ken-value');
    const logged = vi
      .mocked(core.info)
      .mock.calls.map((c) => c[0])
      .join('\n');
    expect(logged).toContain('credentials: ***');
    expect(logged).not.toContain('t0ken-value');
    expect(core.setFailed).toHaveBeenCalledWith(
      'the container runtime is not in this build yet (issue #6)',
    );
    expect(core.saveState).not.toHaveBeenCalled();
  });

  it('fails on a bad input before doing anything', async () => {
    vi.stubEnv('INPUT_IMAGE', 'localhost:5000/app:test');
    vi.stubEnv('INPUT_PORTS', 'http');
    const { done } = await import('./main.js');
    await done;
    expect(core.setFailed).toHaveBeenCalledWith(
      'input "ports": expected [IP:]HOST:CONTAINER[/tcp|/udp] with ports 1-65535, got "http"',
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

  it('hands what main created to cleanup', async () => {
    vi.stubEnv('STATE_created', '{"containers":["c1"],"pods":[]}');
    const { done } = await import('./post.js');
    await done;
    expect(core.startGroup).toHaveBeenCalledWith('Removing containers and pods');
    expect(core.setFailed).toHaveBeenCalledWith(
      'the container runtime is not in this build yet (issue #6)',
    );
  });
});
