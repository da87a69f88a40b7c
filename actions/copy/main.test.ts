// The copy action's entry point, as the runner starts it: inputs logged masked, then a clean failure.
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('@actions/core', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@actions/core')>();
  const quiet = () => vi.fn();
  return {
    ...actual,
    setFailed: quiet(),
    setOutput: quiet(),
    setSecret: quiet(),
    info: quiet(),
    debug: quiet(),
    error: quiet(),
    startGroup: quiet(),
    endGroup: quiet(),
  };
});

afterEach(() => {
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

describe('copy main', () => {
  it('logs the inputs with secrets masked, then fails with ERR_UNSUPPORTED', async () => {
    vi.stubEnv('INPUT_SOURCE', 'docker://ghcr.io/o/r:1');
    vi.stubEnv('INPUT_DESTINATIONS', 'docker://localhost:5000/r:1');
    vi.stubEnv('INPUT_USERNAME', 'bot');
    vi.stubEnv('INPUT_PASSWORD', 'tok3n-value');
    const { done } = await import('./main.js');
    await done;
    expect(core.setSecret).toHaveBeenCalledWith('tok3n-value');
    const logged = vi
      .mocked(core.info)
      .mock.calls.map((c) => c[0])
      .join('\n');
    expect(logged).toContain('source: docker://ghcr.io/o/r:1');
    expect(logged).toContain('password: ***');
    expect(logged).not.toContain('tok3n-value');
    expect(core.setFailed).toHaveBeenCalledWith(
      'the copy engine is not in this build yet (issue #3)',
    );
    expect(core.setOutput).not.toHaveBeenCalled();
  });
});
