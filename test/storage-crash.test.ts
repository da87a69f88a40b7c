// The store shared by processes that write at once, and by processes killed (-9) mid-write:
// it must open again, list only complete images, and shed the leftovers.

import { type ChildProcess, spawn } from 'node:child_process';
import { lstat, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FaultPoint } from '../src/core/storage/store.js';
import { Store } from '../src/core/storage/store.js';
import { busyboxImage } from './helpers/busybox.js';
import { exec } from './helpers/exec.js';
import type { ImageFixture } from './helpers/image-fixture.js';
import { randomImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';
import { validateLayout } from './helpers/validate.js';

const REPO = join(import.meta.dirname, '..');
const src = (path: string) => pathToFileURL(join(REPO, 'src', path)).href;

type Op =
  | { op: 'pull'; ref: string }
  | { op: 'tag'; image: string; name: string }
  | { op: 'prune' }
  | { op: 'pruneFor'; ms: number }
  | { op: 'remove'; image: string }
  | { op: 'layerDirs'; image: string };

interface Job {
  store: string;
  ops: Op[];
  /** Stop (forever, until killed) the nth time the store reaches this point. */
  pauseAt?: FaultPoint;
  nth?: number;
  env?: Record<string, string>;
}

// The child: runs store operations, printing PAUSED <point> where told to stop, DONE at the end.
const CHILD = `
import { Store } from '${src('core/storage/store.ts')}';
import { pull } from '${src('core/storage/pull.ts')}';
const job = JSON.parse(process.argv[2]);
let hits = 0;
const store = await Store.open(job.store, {
  lockTimeoutMs: 120000,
  faultPoint: async (point) => {
    if (point !== job.pauseAt || ++hits !== (job.nth ?? 1)) return;
    process.stdout.write('PAUSED ' + point + '\\n');
    setInterval(() => {}, 1000);
    await new Promise(() => {});
  },
});
for (const op of job.ops) {
  if (op.op === 'pull') await pull(store, op.ref, { registry: { tlsVerify: false } });
  else if (op.op === 'tag') await store.tag(op.image, op.name);
  else if (op.op === 'prune') await store.prune();
  else if (op.op === 'pruneFor') {
    const end = Date.now() + op.ms;
    while (Date.now() < end) await store.prune();
  }
  else if (op.op === 'remove') await store.remove(op.image);
  else if (op.op === 'layerDirs') await store.layerDirs(op.image);
}
process.stdout.write('DONE\\n');
`;

interface Child {
  process: ChildProcess;
  /** Resolves with the first line the child prints that starts with `prefix`. */
  line(prefix: string): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

let childScript = '';

function startChild(job: Job): Child {
  const child = spawn(
    process.execPath,
    [
      '--experimental-transform-types',
      '--import',
      pathToFileURL(join(REPO, 'scripts', 'ts-import.mjs')).href,
      childScript,
      JSON.stringify(job),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...job.env } },
  );
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const w of [...waiters]) {
      const line = stdout.split('\n').find((l) => l.startsWith(w.prefix));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
  }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return {
    process: child,
    exited,
    line: (prefix) =>
      new Promise((resolve, reject) => {
        const found = stdout.split('\n').find((l) => l.startsWith(prefix));
        if (found !== undefined) return resolve(found);
        waiters.push({ prefix, resolve });
        void exited.then((e) =>
          reject(
            new Error(`child exited (${e.code ?? e.signal}) before "${prefix}":\n${e.stderr}`),
          ),
        );
      }),
  };
}

async function runChild(job: Job): Promise<void> {
  const child = startChild(job);
  const result = await child.exited;
  if (result.code !== 0)
    throw new Error(`child failed (${result.code ?? result.signal}):\n${result.stderr}`);
}

async function kill9(child: Child): Promise<void> {
  child.process.kill('SIGKILL');
  await child.exited;
}

/** Every entry under `root`: path, type, mode, owner and size (content is checked by diff IDs). */
async function tree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string) => {
    for (const name of (await readdir(join(root, rel))).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const info = await lstat(join(root, path));
      out.push(
        `${path} ${info.mode.toString(8)} ${info.uid}:${info.gid} ${info.isFile() ? info.size : ''}`,
      );
      if (info.isDirectory()) await walk(path);
    }
  };
  await walk('');
  return out;
}

/** Names of work in progress (temp files, trash, leases) anywhere a store keeps them. */
async function inProgress(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const sub of ['', 'layers', 'meta', 'blobs/sha256']) {
    for (const name of await readdir(join(dir, sub)).catch(() => [] as string[])) {
      if (/^\..*(tmp|trash)/.test(name)) found.push(join(sub, name));
    }
  }
  for (const name of await readdir(join(dir, 'leases')).catch(() => [] as string[])) {
    found.push(`leases/${name}`);
  }
  return found;
}

/** The store opens, lists only complete images (validateLayout checks every blob), and prunes clean. */
async function expectHealthy(dir: string, names: string[]): Promise<Store> {
  const store = await Store.open(dir);
  expect(await inProgress(dir)).toEqual([]);
  const listed = (await store.images()).flatMap((i) => i.names).sort();
  expect(listed).toEqual([...names].sort());
  await validateLayout(dir, undefined, { checkTar: false });
  await store.prune();
  const report = await validateLayout(dir, undefined, { checkTar: false });
  expect(report.unreferenced).toEqual([]);
  // Exactly the layer dirs of the images are left (orphans of the crash are gone).
  const wanted = new Set<string>();
  for (const name of names) {
    const dirs = await store.layerDirs(name);
    expect(dirs.length).toBeGreaterThan(0);
    for (const d of dirs) wanted.add(d.slice(d.lastIndexOf('/') + 1));
  }
  expect((await readdir(join(dir, 'layers'))).sort()).toEqual([...wanted].sort());
  return store;
}

describe('store shared and crashed', () => {
  const tmp = useTempDir('storage-crash');
  const registry = useRegistry();
  const images: Record<string, ImageFixture> = {};
  let host = '';

  beforeAll(async () => {
    childScript = join(tmp(), 'child.ts');
    await writeFile(childScript, CHILD);
    host = registry().host;
    const busybox = await busyboxImage();
    const push = (from: string, to: string) =>
      exec('skopeo', ['copy', '-q', '--dest-tls-verify=false', from, `docker://${host}/${to}`]);
    await push(busybox.reference, 'busybox:1');
    for (const [name, layers, size] of [
      ['a', 4, 512 * 1024],
      ['b', 4, 512 * 1024],
      ['c', 3, 256 * 1024],
      ['big', 8, 12 * 1024 * 1024],
    ] as const) {
      images[name] = await randomImage(join(tmp(), `src-${name}`), {
        layers,
        layerSize: size,
        seed: `crash-${name}`,
      });
      await push(images[name].reference, `${name}:1`);
    }
  });

  it('two writers (and a pruner) at once: every image complete, nothing lost', async () => {
    for (let round = 0; round < 2; round++) {
      const dir = join(tmp(), `shared-${round}`);
      const tags = (image: string, who: string) =>
        Array.from(
          { length: 4 },
          (_, i): Op => ({
            op: 'tag',
            image: `${host}/${image}:1`,
            name: `localhost/${who}:${i}`,
          }),
        );
      await Promise.all([
        runChild({
          store: dir,
          ops: [
            { op: 'pull', ref: `${host}/a:1` },
            ...tags('a', 'a'),
            { op: 'pull', ref: `${host}/c:1` },
          ],
        }),
        runChild({
          store: dir,
          ops: [
            { op: 'pull', ref: `${host}/b:1` },
            ...tags('b', 'b'),
            { op: 'pull', ref: `${host}/c:1` },
          ],
        }),
        // GC all the while: leases must keep what the writers have not named yet.
        runChild({ store: dir, ops: [{ op: 'pruneFor', ms: 2500 }] }),
      ]);
      const names = [
        `${host}/a:1`,
        `${host}/b:1`,
        `${host}/c:1`,
        ...[0, 1, 2, 3].flatMap((i) => [`localhost/a:${i}`, `localhost/b:${i}`]),
      ];
      const store = await expectHealthy(dir, names);
      const layers = await readdir(join(dir, 'layers'));
      expect(layers).toHaveLength(4 + 4 + 3);
      expect((await store.prune()).blobs).toBe(0);
    }
  });

  it('unpacks the same trees in worker threads and without them', async () => {
    const trees: Record<string, string[]>[] = [];
    for (const workers of ['0', '']) {
      const dir = join(tmp(), `parity-${workers || 'workers'}`);
      await runChild({
        store: dir,
        ops: [
          { op: 'pull', ref: `${host}/big:1` },
          { op: 'pull', ref: `${host}/busybox:1` },
        ],
        env: { LIGHTER_BLOB_WORKERS: workers },
      });
      // Unpacked by the pull itself, not later.
      const layers = (await readdir(join(dir, 'layers'))).sort();
      expect(layers).toHaveLength(9);
      trees.push(
        Object.fromEntries(
          await Promise.all(layers.map(async (l) => [l, await tree(join(dir, 'layers', l))])),
        ),
      );
      await expectHealthy(dir, [`${host}/big:1`, `${host}/busybox:1`]);
    }
    expect(trees[0]).toEqual(trees[1]);
  });

  const points: Array<{ point: FaultPoint; nth?: number; committed: boolean }> = [
    { point: 'blob-written', nth: 2, committed: false },
    { point: 'layer-unpacked', nth: 1, committed: false },
    { point: 'layers-placed', committed: false },
    { point: 'index-updated', committed: true },
  ];
  for (const { point, nth, committed } of points) {
    it(`kill -9 at ${point}: reopens with only complete images`, async () => {
      const dir = join(tmp(), `kill-${point}`);
      await runChild({ store: dir, ops: [{ op: 'pull', ref: `${host}/busybox:1` }] });
      const child = startChild({
        store: dir,
        ops: [{ op: 'pull', ref: `${host}/a:1` }],
        pauseAt: point,
        ...(nth ? { nth } : {}),
      });
      await child.line('PAUSED');
      await kill9(child);
      expect(await inProgress(dir)).not.toEqual([]);
      const expected = [`${host}/busybox:1`, ...(committed ? [`${host}/a:1`] : [])];
      await expectHealthy(dir, expected);
      // And the interrupted pull simply runs again.
      await runChild({ store: dir, ops: [{ op: 'pull', ref: `${host}/a:1` }] });
      await expectHealthy(dir, [`${host}/busybox:1`, `${host}/a:1`]);
    });
  }

  it('kill -9 inside prune (holding the lock, garbage half moved): the next writer goes on', async () => {
    const dir = join(tmp(), 'kill-gc');
    await runChild({
      store: dir,
      ops: [
        { op: 'pull', ref: `${host}/busybox:1` },
        { op: 'pull', ref: `${host}/c:1` },
        { op: 'remove', image: `${host}/c:1` },
      ],
    });
    const child = startChild({ store: dir, ops: [{ op: 'prune' }], pauseAt: 'gc-moved' });
    await child.line('PAUSED');
    await kill9(child);
    expect((await inProgress(dir)).some((n) => n.startsWith('.trash-'))).toBe(true);
    // The dead process still "holds" index.json.lock: a writer must break it, not wait forever.
    const store = await Store.open(dir, { lockTimeoutMs: 10_000 });
    await store.tag(`${host}/busybox:1`, 'localhost/after-crash:1');
    await expectHealthy(dir, [`${host}/busybox:1`, 'localhost/after-crash:1']);
    expect(await readdir(join(dir, 'layers'))).toHaveLength(1);
  });

  it('kill -9 after random delays during a large pull, repeated', async () => {
    const ref = `${host}/big:1`;
    // How long a whole pull takes here, to spread the kills over it.
    const started = Date.now();
    await runChild({ store: join(tmp(), 'big-calibrate'), ops: [{ op: 'pull', ref }] });
    const duration = Date.now() - started;

    const dir = join(tmp(), 'kill-random');
    await runChild({ store: dir, ops: [{ op: 'pull', ref: `${host}/busybox:1` }] });
    let completed = false;
    for (let attempt = 0; attempt < 6; attempt++) {
      const child = startChild({ store: dir, ops: [{ op: 'pull', ref }] });
      // Node's start-up is part of `duration`; the kills land anywhere from start to finish.
      const delay = Math.floor(((attempt + Math.random()) / 6) * duration);
      const outcome = await Promise.race([
        child.line('DONE').then(() => 'done' as const),
        new Promise<'kill'>((resolve) => setTimeout(() => resolve('kill'), delay)),
      ]);
      if (outcome === 'kill') await kill9(child);
      else await child.exited;
      const store = await Store.open(dir);
      const names = (await store.images()).flatMap((i) => i.names);
      completed = names.includes(ref);
      // Only ever the whole image or none of it.
      await validateLayout(dir, undefined, { checkTar: false });
      if (completed) expect((await store.layerDirs(ref)).length).toBe(8);
    }
    if (!completed) await runChild({ store: dir, ops: [{ op: 'pull', ref }] });
    await expectHealthy(dir, [`${host}/busybox:1`, ref]);
  });
});
