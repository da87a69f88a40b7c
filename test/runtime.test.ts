// The runtime wrapper against real runtimes: runc always, crun where this host lets it run.

import { lstat, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLighterError } from '../src/core/errors.js';
import type { Logger } from '../src/core/log.js';
import {
  type BuildSpecOptions,
  buildSpec,
  type Container,
  chooseRuntime,
  cleanupAll,
  containerPaths,
  createContainer,
  followLogs,
  hostFacts,
  hostLimits,
  mountRootfs,
  mountsUnder,
  openContainer,
  type Runtime,
  type RuntimeName,
  runtimeRoot,
  unmountRootfs,
} from '../src/core/runtime/index.js';
import { tryExec } from './helpers/exec.js';
import { busyboxRootfs } from './helpers/rootfs.js';
import { makeTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

interface Lines {
  logger: Logger;
  lines: string[];
}

function recordingLogger(): Lines {
  const lines: string[] = [];
  const push = (m: string) => lines.push(m);
  return {
    lines,
    logger: {
      debug() {},
      info: push,
      warn: push,
      error: push,
      group: (_t, fn) => fn(),
      secret() {},
    },
  };
}

let sequence = 0;

interface StartOptions extends Partial<BuildSpecOptions> {
  stdio?: 'pipe' | 'inherit';
  stopSignal?: string;
  logger?: Logger;
  name?: string;
  supervise?: 'monitor' | 'self';
}

/** A busybox container on an overlay (busybox as the lower dir), created and started. */
async function startBusybox(
  runtime: Runtime,
  stateDir: string,
  options: StartOptions,
): Promise<Container> {
  const id = `t${process.pid}-${sequence++}`;
  const paths = containerPaths(stateDir, id);
  await mkdir(paths.bundle, { recursive: true });
  const rootfs = await mountRootfs({
    lowerDirs: [await busyboxRootfs()],
    upperDir: paths.upper,
    workDir: paths.work,
    target: paths.rootfs,
  });
  const { stdio, stopSignal, logger, name, supervise, ...specOptions } = options;
  const spec = await buildSpec({
    rootfs: rootfs.path,
    bundleDir: paths.bundle,
    image: { Env: ['PATH=/bin'], Cmd: ['sh'] },
    runtime,
    ...specOptions,
  }).catch(async (error) => {
    // Bad input fails before the container exists: the caller undoes its own mount.
    await unmountRootfs(rootfs);
    throw error;
  });
  const container = await createContainer({
    id,
    ...(name ? { name } : {}),
    spec,
    runtime,
    stateDir,
    rootfs,
    ...(stopSignal ? { stopSignal } : {}),
    ...(stdio ? { stdio } : {}),
    ...(logger ? { logger } : {}),
  });
  await container.start(supervise ? { supervise } : {}).catch(async (error) => {
    await container.delete();
    throw error;
  });
  return container;
}

async function runBusybox(runtime: Runtime, stateDir: string, options: StartOptions) {
  const container = await startBusybox(runtime, stateDir, options);
  const exitCode = await container.wait({ timeoutMs: 30_000 });
  const output = await container.output();
  await container.delete();
  return { exitCode, ...output };
}

async function waitForLog(container: Container, text: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await container.output()).stdout.includes(text)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`"${text}" did not appear in the log of ${container.name}`);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** A runtime as the chooser gives it when asked for by name, if it can run `true` here. */
async function usableRuntime(name: RuntimeName): Promise<{ runtime?: Runtime; why?: string }> {
  if (!isRoot) return { why: 'needs root' };
  const facts = await hostFacts();
  if (!facts.binaries[name]) return { why: `${name} is not installed` };
  const runtime = chooseRuntime(facts, name);
  const stateDir = await makeTempDir(`probe-${name}`);
  try {
    const result = await runBusybox(runtime, stateDir, { command: ['true'] });
    return result.exitCode === 0 ? { runtime } : { why: `true exited ${result.exitCode}` };
  } catch (error) {
    return { why: (error as Error).message };
  } finally {
    await cleanupAll(stateDir);
  }
}

const candidates = await Promise.all(
  (['runc', 'crun'] as const).map(async (name) => ({ name, ...(await usableRuntime(name)) })),
);

describe.each(candidates)('$name', ({ name, runtime: maybe, why }) => {
  if (!maybe) {
    // Not a skip: a runtime that cannot run here (crun on a hybrid-cgroup host) must be the one
    // detection avoids, which is what users of this kind of host rely on.
    it(`cannot run here (${why}), and detection does not choose it`, async () => {
      const facts = await hostFacts();
      expect(chooseRuntime(facts).name).not.toBe(name);
    });
    return;
  }
  const runtime = maybe;
  let stateDir: string;

  beforeAll(async () => {
    stateDir = await makeTempDir(`runtime-${name}`);
  });

  afterAll(async () => {
    const result = await cleanupAll(stateDir);
    expect(result.failures).toEqual([]);
  });

  it('runs echo hello and reads its stdout, streamed with the name and logged with timestamps', async () => {
    const { logger, lines } = recordingLogger();
    const container = await startBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'echo hello; echo oops >&2'],
      logger,
      name: 'greeter',
    });
    expect(await container.wait()).toBe(0);
    expect(await container.output()).toEqual({ stdout: 'hello\n', stderr: 'oops\n' });
    const entries = await container.logs();
    // Two pipes: the order between them is not kept, the order within each is.
    expect(entries.map((e) => [e.stream, e.text]).sort()).toEqual([
      ['stderr', 'oops'],
      ['stdout', 'hello'],
    ]);
    for (const entry of entries)
      expect(Date.parse(entry.time)).toBeGreaterThan(Date.now() - 60_000);
    const raw = await readFile(container.record.logPath, 'utf8');
    expect(raw).toMatch(/^\d{4}-\d\d-\d\dT\S+Z stdout F hello$/m);
    expect(lines).toContain('greeter | hello');
    expect(lines).toContain('greeter | oops');
    const state = await container.state();
    expect(state).toMatchObject({ status: 'exited', exitCode: 0, name: 'greeter' });
    await container.delete();
  });

  it('propagates exit codes', async () => {
    expect(
      (await runBusybox(runtime, stateDir, { command: ['sh', '-c', 'exit 7'] })).exitCode,
    ).toBe(7);
    expect((await runBusybox(runtime, stateDir, { command: ['false'] })).exitCode).toBe(1);
  });

  it('maps death by signal to 128 + n', async () => {
    const container = await startBusybox(runtime, stateDir, { command: ['sleep', '100'] });
    await container.kill('SIGKILL');
    expect(await container.wait()).toBe(137);
    await container.delete();
  });

  it('sets env, working dir and HOME', async () => {
    const result = await runBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'echo "$FOO|$IMAGE|$HOME|$(pwd)"'],
      image: { Env: ['PATH=/bin', 'IMAGE=from-image'], Cmd: ['sh'] },
      env: { FOO: 'bar baz' },
      cwd: '/work/dir',
    });
    expect(result.stdout).toBe('bar baz|from-image|/root|/work/dir\n');
  });

  it('runs as a user from the image /etc/passwd', async () => {
    const nobody = await runBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'id -u; id -g; grep CapEff /proc/self/status'],
      user: 'nobody',
    });
    expect(nobody.stdout).toBe('65534\n65534\nCapEff:\t0000000000000000\n');
    const numeric = await runBusybox(runtime, stateDir, { command: ['id'], user: '1234:5678' });
    expect(numeric.stdout.trim()).toMatch(/^uid=1234 gid=5678/);
  });

  it('refuses an unknown user before anything runs', async () => {
    const error = await rejection(
      startBusybox(runtime, stateDir, { command: ['id'], user: 'ghost' }),
    );
    expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
  });

  it('holds podman default capabilities as root, and masks kernel files', async () => {
    // Which of them exist depends on the kernel's configuration.
    const masked = ['/proc/keys', '/proc/timer_list', '/proc/sched_debug', '/proc/kcore'];
    const present = await Promise.all(
      masked.map((p) =>
        stat(p).then(
          () => p,
          () => undefined,
        ),
      ),
    );
    const file = present.find((p) => p !== undefined) ?? '/proc/keys';
    const result = await runBusybox(runtime, stateDir, {
      command: ['sh', '-c', `grep CapEff /proc/self/status; wc -c < ${file}`],
    });
    // CHOWN DAC_OVERRIDE FOWNER FSETID KILL SETGID SETUID SETPCAP NET_BIND_SERVICE SYS_CHROOT SETFCAP
    const bits = [0, 1, 3, 4, 5, 6, 7, 8, 10, 18, 31].reduce((m, b) => m | (1n << BigInt(b)), 0n);
    expect(result.stdout).toBe(`CapEff:\t${bits.toString(16).padStart(16, '0')}\n0\n`);
  });

  it('binds a host dir read-only (writes fail) or read-write', async () => {
    const dir = await makeTempDir('bind');
    await writeFile(join(dir, 'file'), 'from host\n');
    const ro = await runBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'cat /data/file; echo x > /data/new'],
      volumes: [`${dir}:/data:ro`],
    });
    expect(ro.stdout).toBe('from host\n');
    expect(ro.exitCode).not.toBe(0);
    expect(ro.stderr).toMatch(/Read-only file system/);
    await expect(stat(join(dir, 'new'))).rejects.toThrow();

    const rw = await runBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'echo written > /data/new'],
      volumes: [{ source: dir, destination: '/data' }],
    });
    expect(rw.exitCode).toBe(0);
    expect(await readFile(join(dir, 'new'), 'utf8')).toBe('written\n');
  });

  it('refuses a bind mount whose source is missing, naming it', async () => {
    const missing = '/nonexistent/lighter-source';
    const error = await rejection(
      startBusybox(runtime, stateDir, { command: ['true'], volumes: [`${missing}:/x`] }),
    );
    expect(isLighterError(error, 'ERR_INVALID_ARGUMENT')).toBe(true);
    expect(error.message).toContain(missing);
  });

  it('makes the rootfs read-only, with tmpfs on /tmp', async () => {
    const result = await runBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'echo ok > /tmp/t && cat /tmp/t; touch /etc/x'],
      readonlyRootfs: true,
    });
    expect(result.stdout).toBe('ok\n');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/Read-only file system/);
  });

  it('sets the hostname and the /etc files', async () => {
    const result = await runBusybox(runtime, stateDir, {
      command: [
        'sh',
        '-c',
        'hostname; cat /etc/hostname; grep -c web /etc/hosts; test -f /etc/resolv.conf',
      ],
      hostname: 'web',
    });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'web\nweb\n1\n' });
  });

  it('clamps rlimits so the container starts (no setrlimit failure)', async () => {
    const result = await runBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'ulimit -n; ulimit -Hn'],
    });
    const hard = hostLimits().get('RLIMIT_NOFILE')?.hard ?? Infinity;
    const expected = Math.min(1048576, hard);
    expect(result).toMatchObject({ exitCode: 0, stdout: `${expected}\n${expected}\n` });
  });

  it('stops with the image stop signal, which a trap handles', async () => {
    const container = await startBusybox(runtime, stateDir, {
      command: [
        'sh',
        '-c',
        'trap "echo got USR1; exit 3" USR1; echo ready; while true; do sleep 0.05; done',
      ],
      stopSignal: 'SIGUSR1',
    });
    await waitForLog(container, 'ready');
    const started = Date.now();
    expect(await container.stop({ timeoutMs: 10_000 })).toBe(3);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await container.output()).stdout).toBe('ready\ngot USR1\n');
    await container.delete();
  });

  it('sends SIGKILL when the stop signal is ignored past the timeout', async () => {
    const container = await startBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'trap "" TERM; echo ready; while true; do sleep 0.05; done'],
    });
    await waitForLog(container, 'ready');
    const started = Date.now();
    expect(await container.stop({ timeoutMs: 500 })).toBe(137);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    // A stopped container stops again at once with the same code.
    expect(await container.stop()).toBe(137);
    await container.delete();
  });

  it('execs into a running container, with env, user and cwd', async () => {
    const container = await startBusybox(runtime, stateDir, {
      command: ['sleep', '60'],
      env: { BASE: 'base' },
    });
    const result = await container.exec(
      ['sh', '-c', 'echo "$BASE $X $HOME"; id -u; pwd; echo e >&2'],
      {
        env: { X: 'y' },
        user: 'nobody',
        cwd: '/tmp',
      },
    );
    expect(result).toEqual({
      exitCode: 0,
      stdout: 'base y /nonexistent\n65534\n/tmp\n',
      stderr: 'e\n',
    });
    expect((await container.exec(['sh', '-c', 'exit 4'])).exitCode).toBe(4);
    const error = await rejection(container.exec(['/no/such/binary']));
    expect(isLighterError(error, 'ERR_RUNTIME')).toBe(true);
    expect(error.message).toContain('/no/such/binary');
    expect((await container.state()).status).toBe('running');
    await container.delete({ force: true });
  });

  it('refuses to delete a running container without force', async () => {
    const container = await startBusybox(runtime, stateDir, { command: ['sleep', '60'] });
    const error = await rejection(container.delete());
    expect(isLighterError(error, 'ERR_RUNTIME')).toBe(true);
    expect(error.message).toContain('force');
    await container.delete({ force: true });
    expect(await stat(container.paths.dir).catch(() => undefined)).toBeUndefined();
  });

  it('writes to the overlay upper dir and leaves the lower dir untouched', async () => {
    const lower = await busyboxRootfs();
    const container = await startBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'echo new > /etc/newfile; rm /bin/ls; echo changed >> /etc/group'],
    });
    expect(await container.wait()).toBe(0);
    const upper = container.paths.upper;
    expect(await readFile(join(upper, 'etc/newfile'), 'utf8')).toBe('new\n');
    const whiteout = await lstat(join(upper, 'bin/ls'));
    expect(whiteout.isCharacterDevice() && whiteout.rdev === 0).toBe(true);
    expect((await readFile(join(upper, 'etc/group'), 'utf8')).endsWith('changed\n')).toBe(true);
    expect((await lstat(join(lower, 'bin/ls'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(lower, 'etc/group'), 'utf8')).not.toContain('changed');
    await expect(stat(join(lower, 'etc/newfile'))).rejects.toThrow();
    await container.delete();
    expect(await mountsUnder(container.paths.dir)).toEqual([]);
  });

  it('lets a container join another one network namespace and reach its TCP server on 127.0.0.1', async () => {
    const server = await startBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'echo listening; nc -l -p 8080 -e cat'],
      name: 'server',
    });
    const { pid } = await server.state().then((s) => ({ pid: s.pid }));
    expect(pid).toBeGreaterThan(0);
    const client = await runBusybox(runtime, stateDir, {
      command: [
        'sh',
        '-c',
        'for i in $(seq 100); do r=$(echo ping | nc -w 2 127.0.0.1 8080) && [ -n "$r" ] && { echo "$r"; exit 0; }; sleep 0.1; done; exit 1',
      ],
      network: { path: `/proc/${pid}/ns/net` },
    });
    expect(client).toMatchObject({ exitCode: 0, stdout: 'ping\n' });
    await server.delete({ force: true });
  });

  it('reports a runtime failure at start with the runtime message', async () => {
    const error = await rejection(
      startBusybox(runtime, stateDir, { command: ['/no/such/entrypoint'] }),
    );
    expect(isLighterError(error, 'ERR_RUNTIME')).toBe(true);
    expect(error.message).toContain('/no/such/entrypoint');
  });

  it('is found again by another process through its record: state, wait, logs -f', async () => {
    const container = await startBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'for i in 1 2 3; do echo line $i; sleep 0.1; done; exit 5'],
    });
    container.detach();
    const again = await openContainer(stateDir, container.id);
    expect(['running', 'exited']).toContain((await again.state()).status);
    const followed: string[] = [];
    for await (const entry of followLogs(again.record.logPath, {
      // 'exited', not runc's 'stopped': the monitor may still be writing the last output then.
      done: async () => (await again.state()).status === 'exited',
      pollMs: 20,
    })) {
      followed.push(entry.text);
    }
    expect(followed).toEqual(['line 1', 'line 2', 'line 3']);
    expect(await again.wait()).toBe(5);
    await again.delete();
    expect(await stat(again.paths.dir).catch(() => undefined)).toBeUndefined();
  });

  it('can be its own monitor: no monitor process, same output, exit code and state', async () => {
    const { logger, lines } = recordingLogger();
    const container = await startBusybox(runtime, stateDir, {
      command: ['sh', '-c', 'echo up; sleep 100'],
      logger,
      name: 'selfheld',
      supervise: 'self',
    });
    expect(Number(await readFile(container.paths.monitorPid, 'utf8'))).toBe(process.pid);
    await waitForLog(container, 'up');
    // Another process's view: the runtime knows it, and this process is its live monitor.
    const again = await openContainer(stateDir, container.id);
    expect((await again.state()).status).toBe('running');
    await container.kill('SIGKILL');
    expect(await container.wait({ timeoutMs: 10_000 })).toBe(137);
    expect(await again.state()).toMatchObject({ status: 'exited', exitCode: 137 });
    expect(lines).toContain('selfheld | up');
    await container.delete();
    expect(await stat(container.paths.dir).catch(() => undefined)).toBeUndefined();

    const failed = await rejection(
      startBusybox(runtime, stateDir, { command: ['/no/such/entrypoint'], supervise: 'self' }),
    );
    expect(isLighterError(failed, 'ERR_RUNTIME')).toBe(true);
    expect(failed.message).toContain('/no/such/entrypoint');
    expect(
      await runBusybox(runtime, stateDir, { command: ['sh', '-c', 'exit 4'], supervise: 'self' }),
    ).toMatchObject({ exitCode: 4 });
  });

  it('keeps the exit code when lighter detaches while output streams', async () => {
    // Regression: an IPC write failing after detach killed the monitor, losing the exit code.
    const container = await startBusybox(runtime, stateDir, {
      command: [
        'sh',
        '-c',
        'i=0; while [ $i -lt 3000 ]; do echo line $i; i=$((i+1)); done; exit 9',
      ],
    });
    container.detach();
    const again = await openContainer(stateDir, container.id);
    expect(await again.wait({ timeoutMs: 20_000 })).toBe(9);
    expect((await again.output()).stdout.split('\n')).toHaveLength(3001);
    await again.delete();
  });

  it('copies output straight to our stdout with stdio inherit, and still logs it', async () => {
    const result = await runBusybox(runtime, stateDir, {
      command: ['echo', 'lighter runtime test: inherited output'],
      stdio: 'inherit',
    });
    expect(result.stdout).toBe('lighter runtime test: inherited output\n');
  });

  it('leaves nothing the runtime still lists once every container is deleted', async () => {
    const listed = await tryExec(runtime.path, [
      `--root=${runtimeRoot(stateDir, runtime.name)}`,
      'list',
      '-q',
    ]);
    expect(listed.stdout.trim()).toBe('');
    expect(await mountsUnder(stateDir)).toEqual([]);
  });
});
