import { describe, expect, it } from 'vitest';
import { isLighterError } from '../errors.js';
import { silentLogger } from '../log.js';
import { cgroupMode, chooseRuntime, detectRuntime, type HostFacts } from './detect.js';

const both = { crun: '/usr/bin/crun', runc: '/usr/sbin/runc' };

function facts(overrides: Partial<HostFacts>): HostFacts {
  return { uid: 0, cgroups: 'v2', binaries: both, sudo: false, ...overrides };
}

describe('chooseRuntime', () => {
  it('takes crun on a pure cgroup v2 host', () => {
    const runtime = chooseRuntime(facts({}));
    expect(runtime).toMatchObject({
      name: 'crun',
      path: '/usr/bin/crun',
      cgroups: 'v2',
      cgroupManager: 'cgroupfs',
      sudo: false,
      rootless: false,
    });
    expect(runtime.reason).toMatch(/^crun \(\/usr\/bin\/crun\) as root: cgroup v2/);
  });

  it('takes runc on a hybrid host, and says why', () => {
    const runtime = chooseRuntime(facts({ cgroups: 'hybrid' }));
    expect(runtime.name).toBe('runc');
    expect(runtime.cgroupManager).toBe('cgroupfs');
    expect(runtime.reason).toContain('hybrid v1/v2');
    expect(runtime.reason).toContain('crun refuses');
  });

  it('takes runc on cgroup v1', () => {
    expect(chooseRuntime(facts({ cgroups: 'v1' })).name).toBe('runc');
  });

  it('falls back to crun with cgroups disabled on a hybrid host without runc', () => {
    const runtime = chooseRuntime(facts({ cgroups: 'hybrid', binaries: { crun: '/c/crun' } }));
    expect(runtime).toMatchObject({ name: 'crun', path: '/c/crun', cgroupManager: 'disabled' });
    expect(runtime.reason).toContain('runc is not installed');
  });

  it('honours a preference, disabling crun cgroups where they would fail', () => {
    const runtime = chooseRuntime(facts({ cgroups: 'hybrid' }), 'crun');
    expect(runtime).toMatchObject({ name: 'crun', cgroupManager: 'disabled' });
    expect(runtime.reason).toContain('crun was asked for');
    expect(chooseRuntime(facts({}), 'runc').name).toBe('runc');
  });

  it('uses runc on v2 when crun is missing, and says a preference could not be met', () => {
    const runtime = chooseRuntime(facts({ binaries: { runc: '/r' } }), 'crun');
    expect(runtime.name).toBe('runc');
    expect(runtime.reason).toContain('crun was asked for but is not installed');
  });

  it('goes through sudo -n when not root and sudo needs no password', () => {
    const runtime = chooseRuntime(facts({ uid: 1001, sudo: true }));
    expect(runtime).toMatchObject({ sudo: true, rootless: false });
    expect(runtime.reason).toContain('through sudo -n');
  });

  it('falls back to rootless with a clear note when there is no sudo', () => {
    const blocked = 'AppArmor restricts unprivileged user namespaces';
    const runtime = chooseRuntime(facts({ uid: 1001, usernsBlocked: blocked }));
    expect(runtime).toMatchObject({ sudo: false, rootless: true, cgroupManager: 'disabled' });
    expect(runtime.reason).toContain('rootless');
    expect(runtime.reason).toContain(blocked);
  });

  it('fails with ERR_NOT_FOUND when neither runtime is installed', () => {
    let error: unknown;
    try {
      chooseRuntime(facts({ binaries: {} }));
    } catch (e) {
      error = e;
    }
    expect(isLighterError(error, 'ERR_NOT_FOUND')).toBe(true);
    expect(String(error)).toContain('apt-get install runc');
  });
});

describe('detectRuntime on this host', () => {
  it('picks what the cgroup layout allows', async () => {
    const runtime = await detectRuntime({ logger: silentLogger });
    expect(runtime.cgroups).toBe(cgroupMode());
    if (runtime.cgroups !== 'v2' && runtime.name === 'runc') {
      expect(runtime.reason).toMatch(/crun refuses/);
    }
    const root = process.getuid?.() === 0;
    if (root) expect(runtime.sudo).toBe(false);
    expect(runtime.rootless).toBe(!root && !runtime.sudo);
  });
});
