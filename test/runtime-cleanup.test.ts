// cleanupAll after the lighter process that started containers was killed with SIGKILL.

import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/log.js';
import {
  cleanupAll,
  detectRuntime,
  mountsUnder,
  type Runtime,
  runtimeRoot,
} from '../src/core/runtime/index.js';
import { tryExec } from './helpers/exec.js';
import { busyboxRootfs } from './helpers/rootfs.js';
import { makeTempDir } from './helpers/temp-dir.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const isRoot = process.getuid?.() === 0;

// The victim: starts two containers, records a third without starting it, mounts a fourth
// rootfs without any record (as if killed mid-create), then hangs until killed.
const VICTIM = (runtimeIndex: string) => `
import { mkdir } from 'node:fs/promises';
import * as rt from ${JSON.stringify(runtimeIndex)};
const [stateDir, lower] = process.argv.slice(2);
const logger = { debug() {}, info() {}, warn() {}, error() {}, group: (_t, fn) => fn(), secret() {} };
const runtime = await rt.detectRuntime({ logger });
async function prepare(id) {
  const paths = rt.containerPaths(stateDir, id);
  await mkdir(paths.bundle, { recursive: true });
  const rootfs = await rt.mountRootfs({ lowerDirs: [lower], upperDir: paths.upper, workDir: paths.work, target: paths.rootfs });
  const spec = await rt.buildSpec({ rootfs: rootfs.path, bundleDir: paths.bundle, command: ['sleep', '1000'], runtime });
  return { paths, rootfs, spec };
}
for (const id of ['victim-1', 'victim-2', 'victim-3']) {
  const { rootfs, spec } = await prepare(id);
  const container = await rt.createContainer({ id, spec, runtime, stateDir, rootfs, logger });
  if (id !== 'victim-3') await container.start();
}
await prepare('victim-4');
process.stdout.write('ready\\n');
setInterval(() => {}, 60_000);
`;

async function runtimeList(runtime: Runtime, stateDir: string): Promise<string[]> {
  const root = runtimeRoot(stateDir, runtime.name);
  const result = await tryExec(runtime.path, [`--root=${root}`, 'list', '-q']);
  return result.stdout.split('\n').filter(Boolean).sort();
}

async function alive(pid: number): Promise<boolean> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

describe.skipIf(!isRoot)('cleanup after lighter is killed', () => {
  it('leaves nothing the runtime lists, nothing mounted and no processes', async () => {
    const runtime = await detectRuntime({ logger: silentLogger });
    const stateDir = await makeTempDir('cleanup-state');
    const work = await makeTempDir('cleanup-script');
    const script = join(work, 'victim.ts');
    // An absolute path: the ts-import hook maps its .js onto the .ts source.
    await writeFile(script, VICTIM(join(repo, 'src/core/runtime/index.js')));

    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const victim = spawn(
      process.execPath,
      ['--import', join(repo, 'scripts/ts-import.mjs'), script, stateDir, await busyboxRootfs()],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    let stderr = '';
    victim.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      victim.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
      victim.on('exit', (code) => reject(new Error(`victim exited ${code}: ${stderr}`)));
    });

    expect(await runtimeList(runtime, stateDir)).toEqual(['victim-1', 'victim-2']);
    const initPids: number[] = [];
    const monitorPids: number[] = [];
    for (const id of ['victim-1', 'victim-2']) {
      const dir = join(stateDir, 'containers', id);
      initPids.push(Number(await readFile(join(dir, 'pid'), 'utf8')));
      monitorPids.push(Number(await readFile(join(dir, 'monitor.pid'), 'utf8')));
    }
    expect((await mountsUnder(stateDir)).length).toBe(4);

    victim.kill('SIGKILL');
    await new Promise((resolve) => victim.once('exit', resolve));
    // The monitors hold the containers: killing lighter stops nothing.
    expect(await runtimeList(runtime, stateDir)).toEqual(['victim-1', 'victim-2']);
    for (const pid of initPids) expect(await alive(pid)).toBe(true);

    const result = await cleanupAll(stateDir, { logger: silentLogger });
    expect(result.failures).toEqual([]);
    expect(result.containers.sort()).toEqual(['victim-1', 'victim-2', 'victim-3']);
    expect(result.mounts).toEqual([join(stateDir, 'containers/victim-4/bundle/rootfs')]);

    expect(await runtimeList(runtime, stateDir)).toEqual([]);
    expect(await mountsUnder(stateDir)).toEqual([]);
    const mountinfo = await readFile('/proc/self/mountinfo', 'utf8');
    expect(mountinfo).not.toContain(stateDir);
    expect(await readdir(join(stateDir, 'containers'))).toEqual([]);
    for (const pid of [...initPids, ...monitorPids]) expect(await alive(pid)).toBe(false);

    // Twice is harmless.
    const again = await cleanupAll(stateDir, { logger: silentLogger });
    expect(again).toEqual({ containers: [], strays: [], mounts: [], failures: [] });
    await expect(stat(join(stateDir, 'containers', 'victim-1'))).rejects.toThrow();
  });
});
