import { describe, expect, it } from 'vitest';
import { isLighterError } from '../errors.js';
import { checkedCommand, privileged, runCommand, runtimeArgv } from './command.js';
import type { Runtime } from './detect.js';

const runc: Runtime = {
  name: 'runc',
  path: '/usr/sbin/runc',
  cgroups: 'hybrid',
  cgroupManager: 'cgroupfs',
  sudo: false,
  rootless: false,
  reason: '',
};

describe('runtimeArgv', () => {
  it('puts our --root and the JSON log before the subcommand', () => {
    expect(runtimeArgv(runc, '/run/lighter/runtime/runc', ['kill', 'c1', '15'], '/x/log')).toEqual([
      '/usr/sbin/runc',
      '--root=/run/lighter/runtime/runc',
      '--log=/x/log',
      '--log-format=json',
      'kill',
      'c1',
      '15',
    ]);
  });

  it('goes through sudo -n, disables crun cgroups and marks rootless as chosen', () => {
    const crun: Runtime = {
      ...runc,
      name: 'crun',
      path: '/usr/bin/crun',
      cgroupManager: 'disabled',
      sudo: true,
    };
    expect(runtimeArgv(crun, '/r', ['list', '-q'])).toEqual([
      'sudo',
      '-n',
      '--',
      '/usr/bin/crun',
      '--root=/r',
      '--cgroup-manager=disabled',
      'list',
      '-q',
    ]);
    expect(runtimeArgv({ ...runc, rootless: true }, '/r', ['state', 'x'])).toContain(
      '--rootless=true',
    );
    expect(privileged(['mount', '-a'], false)).toEqual(['mount', '-a']);
  });
});

describe('runCommand', () => {
  it('returns exit codes, 128 + n for signals, and the output', async () => {
    expect(await runCommand(['sh', '-c', 'echo out; echo err >&2; exit 3'])).toEqual({
      code: 3,
      signal: null,
      stdout: 'out\n',
      stderr: 'err\n',
    });
    expect((await runCommand(['sh', '-c', 'kill -TERM $$'])).code).toBe(143);
  });

  it('fails with ERR_TIMEOUT, ERR_RUNTIME for a missing binary, and ERR_RUNTIME with stderr when checked', async () => {
    const timeout = await runCommand(['sleep', '5'], { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isLighterError(timeout, 'ERR_TIMEOUT')).toBe(true);
    const missing = await runCommand(['/no/such/tool']).catch((e: unknown) => e);
    expect(isLighterError(missing, 'ERR_RUNTIME')).toBe(true);
    expect(String(missing)).toContain('not installed or not on PATH');
    const failed = await checkedCommand(
      ['sh', '-c', 'echo broken >&2; exit 2'],
      'doing a thing',
    ).catch((e: unknown) => e);
    expect(isLighterError(failed, 'ERR_RUNTIME')).toBe(true);
    expect(String(failed)).toContain('doing a thing: sh exited 2: broken');
  });
});
