import { mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test/helpers/temp-dir.js';
import { isLighterError } from '../errors.js';
import { clampRlimits, hostLimits, parseProcLimits } from './limits.js';
import { resolveInRoot } from './root-path.js';
import { type BuildSpecOptions, buildSpec, DEFAULT_CAPABILITIES } from './spec.js';
import type { OciMount } from './spec-types.js';
import { resolveUser } from './users.js';

let root: string;
let rootfs: string;
let counter = 0;

const PASSWD = [
  'root:x:0:0:root:/root:/bin/sh',
  'app:x:1000:1000:App:/home/app:/bin/sh',
  '# a comment',
  'broken line',
  'nobody:x:65534:65534:nobody:/nonexistent:/bin/false',
].join('\n');
const GROUP = [
  'root:x:0:',
  'app:x:1000:',
  'staff:x:50:app,other',
  'audio:x:29:app',
  'nogroup:x:65534:',
].join('\n');

beforeAll(async () => {
  root = await makeTempDir('spec');
  rootfs = join(root, 'rootfs');
  await mkdir(join(rootfs, 'etc'), { recursive: true });
  await writeFile(join(rootfs, 'etc/passwd'), PASSWD);
  await writeFile(join(rootfs, 'etc/group'), GROUP);
});

async function spec(options: Partial<BuildSpecOptions> = {}) {
  const bundleDir = join(root, `bundle-${counter++}`);
  await mkdir(bundleDir);
  const result = await buildSpec({ rootfs, bundleDir, command: ['sh'], ...options });
  return { spec: result, bundleDir };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

const mount = (mounts: OciMount[], destination: string) =>
  mounts.find((m) => m.destination === destination);

describe('buildSpec defaults', () => {
  it('has private namespaces, podman capabilities, masked paths and the system mounts', async () => {
    const { spec: s } = await spec({ runtime: { cgroups: 'hybrid', rootless: false } });
    expect(s.ociVersion).toMatch(/^1\.0\./);
    expect(s.linux.namespaces.map((n) => n.type).sort()).toEqual(
      ['ipc', 'mount', 'network', 'pid', 'uts'].sort(),
    );
    expect(s.process.capabilities.bounding).toEqual(DEFAULT_CAPABILITIES);
    expect(s.process.capabilities.effective).toEqual(DEFAULT_CAPABILITIES);
    expect(DEFAULT_CAPABILITIES).toHaveLength(11);
    expect(s.linux.maskedPaths).toContain('/proc/kcore');
    expect(s.linux.readonlyPaths).toContain('/proc/sys');
    for (const [destination, type] of [
      ['/proc', 'proc'],
      ['/dev', 'tmpfs'],
      ['/dev/pts', 'devpts'],
      ['/dev/shm', 'tmpfs'],
      ['/dev/mqueue', 'mqueue'],
      ['/sys', 'sysfs'],
      ['/sys/fs/cgroup', 'cgroup'],
    ]) {
      expect(mount(s.mounts, destination as string)?.type).toBe(type);
    }
    expect(mount(s.mounts, '/sys')?.options).toContain('ro');
    expect(mount(s.mounts, '/sys/fs/cgroup')?.options).toContain('ro');
    expect(s.process.terminal).toBe(false);
    expect(s.process.noNewPrivileges).toBe(false);
    expect(s.process.cwd).toBe('/');
    expect(s.process.user).toEqual({ uid: 0, gid: 0 });
    expect(s.root).toEqual({ path: rootfs, readonly: false });
    expect(s.hostname).toBe('lighter');
  });

  it('adds a cgroup namespace on cgroup v2 only', async () => {
    const v2 = (await spec({ runtime: { cgroups: 'v2', rootless: false } })).spec;
    expect(v2.linux.namespaces.some((n) => n.type === 'cgroup')).toBe(true);
  });

  it('writes /etc/hosts, /etc/hostname and /etc/resolv.conf into the bundle and binds them', async () => {
    const { spec: s, bundleDir } = await spec({
      hostname: 'web',
      extraHosts: [{ name: 'db', address: '127.0.0.1' }],
    });
    for (const name of ['hosts', 'hostname', 'resolv.conf']) {
      const m = mount(s.mounts, `/etc/${name}`);
      expect(m).toMatchObject({ type: 'bind', source: join(bundleDir, name) });
    }
    const hosts = await readFile(join(bundleDir, 'hosts'), 'utf8');
    expect(hosts).toContain('127.0.0.1\tlocalhost');
    expect(hosts).toContain('127.0.0.1\tweb');
    expect(hosts).toContain('127.0.0.1\tdb');
    expect(await readFile(join(bundleDir, 'hostname'), 'utf8')).toBe('web\n');
    const hostResolv = await readFile('/etc/resolv.conf', 'utf8').catch(() => '');
    if (!/127\.0\.0\.53/.test(hostResolv)) {
      expect(await readFile(join(bundleDir, 'resolv.conf'), 'utf8')).toBe(
        hostResolv === '' || hostResolv.endsWith('\n') ? hostResolv : `${hostResolv}\n`,
      );
    }
    expect(s.process.env).toContain('HOSTNAME=web');
  });

  it('clamps rlimits to the host hard limits', async () => {
    const { spec: s } = await spec();
    const nofile = s.process.rlimits.find((r) => r.type === 'RLIMIT_NOFILE');
    const hard = hostLimits().get('RLIMIT_NOFILE')?.hard ?? Infinity;
    expect(nofile?.hard).toBe(Math.min(1048576, hard));
    expect(nofile?.soft).toBeLessThanOrEqual(nofile?.hard ?? 0);
  });
});

describe('rlimits', () => {
  const host = parseProcLimits(
    [
      'Limit                     Soft Limit           Hard Limit           Units     ',
      'Max processes             96369                96369                processes ',
      'Max open files            1024                 20000                files     ',
      'Max core file size        0                    unlimited            bytes     ',
    ].join('\n'),
  );

  it('reads /proc/PID/limits', () => {
    expect(host.get('RLIMIT_NOFILE')).toEqual({ soft: 1024, hard: 20000 });
    expect(host.get('RLIMIT_CORE')).toEqual({ soft: 0, hard: Infinity });
  });

  it('clamps podman defaults and requests to the hard limits', () => {
    expect(
      clampRlimits([{ type: 'RLIMIT_CORE', soft: 100, hard: 200 }], host).sort((a, b) =>
        a.type.localeCompare(b.type),
      ),
    ).toEqual([
      { type: 'RLIMIT_CORE', soft: 100, hard: 200 },
      { type: 'RLIMIT_NOFILE', soft: 20000, hard: 20000 },
      { type: 'RLIMIT_NPROC', soft: 96369, hard: 96369 },
    ]);
    expect(clampRlimits([{ type: 'RLIMIT_NOFILE', soft: 50000, hard: 10 }], host)).toContainEqual({
      type: 'RLIMIT_NOFILE',
      soft: 10,
      hard: 10,
    });
  });
});

describe('command line', () => {
  const image = { Entrypoint: ['/entry'], Cmd: ['a', 'b'] };
  it.each([
    [{}, ['/entry', 'a', 'b']],
    [{ command: ['c'] }, ['/entry', 'c']],
    [{ entrypoint: ['/other'] }, ['/other']],
    [{ entrypoint: ['/other'], command: ['d'] }, ['/other', 'd']],
  ])('%j gives %j', async (options, args) => {
    const { spec: s } = await spec({ image, command: undefined, ...options });
    expect(s.process.args).toEqual(args);
  });

  it('refuses an image with nothing to run', async () => {
    const error = await rejection(spec({ image: {}, command: undefined }));
    expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
  });
});

describe('env and working dir', () => {
  it('lays the options over the image Env and fills PATH, HOME and HOSTNAME', async () => {
    const { spec: s } = await spec({
      image: { Env: ['A=image', 'B=image', 'PATH=/image/bin'] },
      env: { B: 'option', C: 'x=y' },
      user: 'app',
    });
    expect(s.process.env).toEqual([
      'A=image',
      'B=option',
      'PATH=/image/bin',
      'C=x=y',
      'HOME=/home/app',
      'HOSTNAME=lighter',
    ]);
    const plain = (await spec({ env: ['HOME=/custom'] })).spec;
    expect(plain.process.env).toContain(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    );
    expect(plain.process.env).toContain('HOME=/custom');
  });

  it('creates a missing working dir inside the rootfs, and refuses a relative one', async () => {
    const { spec: s } = await spec({ image: { WorkingDir: '/srv/app' } });
    expect(s.process.cwd).toBe('/srv/app');
    expect((await stat(join(rootfs, 'srv/app'))).isDirectory()).toBe(true);
    expect(String(await rejection(spec({ cwd: 'rel' })))).toContain('absolute');
  });
});

describe('users', () => {
  it.each([
    [undefined, { uid: 0, gid: 0, additionalGids: [], home: '/root', name: 'root' }],
    [
      'nobody',
      { uid: 65534, gid: 65534, additionalGids: [], home: '/nonexistent', name: 'nobody' },
    ],
    ['app', { uid: 1000, gid: 1000, additionalGids: [29, 50], home: '/home/app', name: 'app' }],
    ['1000', { uid: 1000, gid: 1000, additionalGids: [29, 50], home: '/home/app', name: 'app' }],
    ['app:staff', { uid: 1000, gid: 50, additionalGids: [29], home: '/home/app', name: 'app' }],
    ['4242', { uid: 4242, gid: 0, additionalGids: [], home: '/' }],
    ['4242:77', { uid: 4242, gid: 77, additionalGids: [], home: '/' }],
  ])('%s resolves', async (user, expected) => {
    expect(await resolveUser(rootfs, user)).toEqual(expected);
  });

  it('adds extra groups by name or number', async () => {
    expect((await resolveUser(rootfs, 'nobody', ['staff', 7])).additionalGids).toEqual([7, 50]);
  });

  it('refuses unknown names with ERR_INVALID_ARGUMENT', async () => {
    for (const user of ['ghost', 'app:ghosts', 'a:b:c']) {
      const error = await rejection(resolveUser(rootfs, user));
      expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
    }
    expect(String(await rejection(resolveUser(rootfs, 'ghost')))).toContain('"ghost"');
  });

  it('gives a non-root user the bounding set but no held capabilities', async () => {
    const { spec: s } = await spec({ user: 'nobody', groups: ['staff'] });
    expect(s.process.user).toEqual({ uid: 65534, gid: 65534, additionalGids: [50] });
    expect(s.process.capabilities.bounding).toEqual(DEFAULT_CAPABILITIES);
    expect(s.process.capabilities.effective).toEqual([]);
  });

  it('reads /etc/passwd through symlinks without leaving the rootfs', async () => {
    // Guards against an image whose /etc/passwd points at the host's files.
    const evil = join(root, 'evil');
    await mkdir(join(evil, 'etc'), { recursive: true });
    await mkdir(join(evil, 'outside'), { recursive: true });
    const hostFile = join(root, 'host-passwd');
    await writeFile(hostFile, 'hostuser:x:7:7::/h:/bin/sh\n');
    await writeFile(join(evil, 'outside', 'passwd'), 'inside:x:8:8::/i:/bin/sh\n');
    await symlink(`../../../..${hostFile}`, join(evil, 'etc', 'passwd'));
    expect(await resolveInRoot(evil, '/etc/passwd')).toBe(join(evil, hostFile));
    expect(String(await rejection(resolveUser(evil, 'hostuser')))).toContain('not in the image');
    await symlink('/outside/passwd', join(evil, 'etc', 'passwd2'));
    expect(await resolveInRoot(evil, '/etc/passwd2')).toBe(join(evil, 'outside/passwd'));
  });
});

describe('namespaces', () => {
  it('joins a pod network namespace by path and keeps the rest private', async () => {
    const { spec: s } = await spec({ network: { path: '/proc/123/ns/net' } });
    expect(s.linux.namespaces).toContainEqual({ type: 'network', path: '/proc/123/ns/net' });
    // sysfs needs its own network namespace; a joined or host one gets a read-only bind.
    expect(mount(s.mounts, '/sys')).toMatchObject({ type: 'bind', source: '/sys' });
    expect(mount(s.mounts, '/sys')?.options).toContain('ro');
  });

  it('uses the host network with the host /etc/hosts as the base', async () => {
    const { spec: s, bundleDir } = await spec({ network: 'host' });
    expect(s.linux.namespaces.some((n) => n.type === 'network')).toBe(false);
    const host = await readFile('/etc/hosts', 'utf8').catch(() => '');
    expect(await readFile(join(bundleDir, 'hosts'), 'utf8')).toContain(host.trimEnd());
  });

  it('sets no hostname when the UTS namespace is shared', async () => {
    const { spec: s } = await spec({ uts: { path: '/proc/1/ns/uts' }, hostname: 'x' });
    expect(s.hostname).toBeUndefined();
    expect(s.process.env.some((e) => e.startsWith('HOSTNAME='))).toBe(false);
  });

  it('refuses a relative namespace path', async () => {
    const error = await rejection(spec({ ipc: { path: 'proc/1/ns/ipc' } }));
    expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
  });
});

describe('mounts', () => {
  it('binds volumes, parents first, read-only when asked', async () => {
    const data = join(root, 'data');
    await mkdir(join(data, 'sub'), { recursive: true });
    const { spec: s } = await spec({
      volumes: [`${data}/sub:/data/sub`, `${data}:/data:ro`, { source: data, destination: '/w' }],
    });
    const binds = s.mounts.filter((m) => ['/data', '/data/sub', '/w'].includes(m.destination));
    expect(binds.map((m) => m.destination)).toEqual(['/data', '/w', '/data/sub']);
    expect(binds[0]).toEqual({
      destination: '/data',
      type: 'bind',
      source: data,
      options: ['rbind', 'ro', 'rprivate'],
    });
    expect(binds[1]?.options).toContain('rw');
  });

  it('refuses a missing bind source, naming it', async () => {
    const missing = join(root, 'no-such-dir');
    const error = await rejection(spec({ volumes: [`${missing}:/x`] }));
    expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
    expect(error.message).toContain(missing);
  });

  it.each(['nodst', '/a:rel', '/a:/b:rx', ':/b'])('refuses the bind mount %s', async (volume) => {
    const error = await rejection(spec({ volumes: [volume] }));
    expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
  });

  it('mounts tmpfs with safe defaults and the given options', async () => {
    const { spec: s } = await spec({ tmpfs: ['/cache:size=8m,exec', { destination: '/dev/shm' }] });
    expect(mount(s.mounts, '/cache')).toEqual({
      destination: '/cache',
      type: 'tmpfs',
      source: 'tmpfs',
      options: ['rw', 'nosuid', 'nodev', 'size=8m', 'exec'],
    });
    // A user mount replaces the default one at the same place.
    expect(s.mounts.filter((m) => m.destination === '/dev/shm')).toHaveLength(1);
    expect(mount(s.mounts, '/dev/shm')?.source).toBe('tmpfs');
  });

  it('makes the rootfs read-only with tmpfs on /tmp, /var/tmp and /run', async () => {
    const { spec: s } = await spec({ readonlyRootfs: true, tmpfs: ['/run:size=1m'] });
    expect(s.root.readonly).toBe(true);
    expect(mount(s.mounts, '/tmp')?.type).toBe('tmpfs');
    expect(mount(s.mounts, '/var/tmp')?.type).toBe('tmpfs');
    expect(mount(s.mounts, '/run')?.options).toContain('size=1m');
  });

  it('drops and adds capabilities', async () => {
    const { spec: s } = await spec({ capDrop: ['ALL'], capAdd: ['net_raw'] });
    expect(s.process.capabilities.bounding).toEqual(['CAP_NET_RAW']);
    const some = (await spec({ capDrop: ['CAP_KILL', 'chown'] })).spec;
    expect(some.process.capabilities.bounding).not.toContain('CAP_KILL');
    expect(some.process.capabilities.bounding).not.toContain('CAP_CHOWN');
    expect(some.process.capabilities.bounding).toHaveLength(9);
  });
});
