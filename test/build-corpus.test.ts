// The Dockerfile corpus (test/fixtures/build/corpus) built by lighter and by `buildah build` from the same context and base image: root filesystems and configs must match.
//
// Where buildah 1.28 differs from Docker's documented behaviour, lighter follows Docker and the
// case says so: buildah leaves the mount points it made for RUN (/etc/hosts, /etc/hostname,
// /etc/resolv.conf, /run, the targets of --mount and their new parents) in the image, where
// BuildKit removes them (its "stub cleaner"); cases buildah cannot build (heredocs, --parents,
// --exclude, --link, ADD --checksum, secret env) state Docker's result in case.json instead.

import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILDAH_RUN_STUBS,
  Buildah,
  type CaseSpec,
  lighterBuild,
  listCases,
  listTree,
  pickConfig,
  prepareContext,
  pushBase,
  readCase,
  treeDifferences,
} from './fixtures/build/harness.js';
import { tryExec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

const hasBuildah = (await tryExec('buildah', ['--version']).catch(() => ({ code: 1 }))).code === 0;
const isRoot = process.getuid?.() === 0;
const cases = await listCases();

interface Served {
  server: Server;
  url: string;
}

async function serve(files: Record<string, string>): Promise<Served> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    const body = files[name];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'last-modified': 'Tue, 01 Oct 2024 10:00:00 GMT' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.skipIf(!isRoot)('Dockerfile corpus: lighter against buildah', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-corpus');
  let base = '';
  let buildah: Buildah;
  const servers: Server[] = [];

  beforeAll(async () => {
    base = await pushBase(registry().host);
    buildah = new Buildah(join(dir(), 'buildah'));
    await buildah.init();
  });

  afterAll(async () => {
    for (const s of servers) s.close();
  });

  it.each(cases)('%s', async (name) => {
    const spec: CaseSpec = await readCase(name);
    const work = join(dir(), name);
    const ctx = await prepareContext(name, spec, dir());
    if (spec.serve) {
      const served = await serve(spec.serve);
      servers.push(served.server);
      spec.buildArgs = { ...spec.buildArgs, URL: served.url };
    }
    const ours = await lighterBuild(ctx, spec, base, join(work, 'store'), join(work, 'lighter'));
    const ourTree = await listTree(ours.rootfs);

    for (const [path, content] of Object.entries(spec.expectFiles ?? {})) {
      expect(await readFile(join(ours.rootfs, path), 'utf8'), path).toBe(content);
    }
    for (const line of spec.expect ?? []) {
      const path = line.split(' ')[3]!.slice(1);
      expect(ourTree.get(path), path).toMatch(
        new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
    }
    for (const path of spec.absent ?? []) expect(ourTree.has(path), path).toBe(false);
    if (name === 'run-network') {
      // The host's network: every interface the host has, loopback among them.
      const host = await readFile(join(ours.rootfs, 'nets-host'), 'utf8');
      expect(host.split('\n').filter(Boolean).sort()).toEqual(
        (await readdir('/sys/class/net')).sort(),
      );
    }
    if (spec.buildah === false || !hasBuildah) return;

    const theirConfig = await buildah.build(ctx, `corpus-${name}`, spec, base, work);
    const theirTree = await listTree(await buildah.rootfs(`corpus-${name}`, join(work, 'buildah')));
    const dockerfile = await readFile(join(ctx, 'Dockerfile'), 'utf8');
    const stubs = [
      ...(/^RUN /m.test(dockerfile) ? BUILDAH_RUN_STUBS : []),
      ...(spec.buildahOnly ?? []),
    ];
    const known = Object.keys(spec.knownDifferences ?? {});
    const isStub = (path: string) =>
      known.includes(path) ||
      (!ourTree.has(path) && stubs.some((s) => path === s || path.startsWith(`${s}/`)));
    expect(treeDifferences(ourTree, theirTree, isStub)).toEqual([]);
    // Docker removes what it had to create as a mount point; lighter too.
    for (const stub of stubs) {
      if (theirTree.has(stub) && !ourTree.has(stub)) continue;
      if (theirTree.has(stub)) expect(ourTree.get(stub), stub).toBe(theirTree.get(stub));
    }
    expect(pickConfig(ours.config, spec.skipConfig)).toEqual(
      pickConfig(theirConfig, spec.skipConfig),
    );
  });
});
