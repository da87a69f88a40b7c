// sync end to end: every tag of a repository, and skopeo's YAML list, to several registries.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyImage } from '../src/core/copy/copy.js';
import { sync } from '../src/core/copy/sync.js';
import { parseSyncYaml, repositoryFromImageName } from '../src/core/copy/sync-spec.js';
import { openDestination, openSource, parseImageName } from '../src/core/transport/index.js';
import { exec } from './helpers/exec.js';
import { type FaultProxy, startFaultProxy } from './helpers/fault-proxy.js';
import { randomImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

const open = { registry: { tlsVerify: false } };

async function push(layout: string, dst: string) {
  const source = await openSource(parseImageName(layout), open);
  const dest = await openDestination(parseImageName(dst), open);
  try {
    return await copyImage(source, dest);
  } finally {
    await dest.close();
    await source.close();
  }
}

async function listTags(ref: string): Promise<string[]> {
  const out = await exec('skopeo', ['list-tags', '--tls-verify=false', ref]);
  return (JSON.parse(out.stdout).Tags as string[]).sort();
}

describe('sync', () => {
  const origin = useRegistry();
  const mirrorA = useRegistry();
  const mirrorB = useRegistry();
  const tmp = useTempDir('sync');
  let proxy: FaultProxy;
  const digests: Record<string, string> = {};

  beforeAll(async () => {
    proxy = await startFaultProxy(origin().url);
    // three tags sharing two of their three layers' worth of base
    for (const tag of ['1.0', '1.1', '2.0']) {
      const image = await randomImage(join(tmp(), `img-${tag}`), {
        layers: 2,
        layerSize: 32 * 1024,
        seed: `sync-${tag}`,
      });
      digests[tag] = (
        await push(image.reference, `docker://${origin().host}/team/app:${tag}`)
      ).digest;
    }
    await push(`oci:${join(tmp(), 'img-1.0')}:latest`, `docker://${origin().host}/team/tool:x`);
  });
  afterAll(async () => proxy?.stop());

  it('mirrors every tag of a repository to two registries, pulling each blob once', async () => {
    proxy.reset();
    const report = await sync([repositoryFromImageName(`docker://${proxy.host}/team/app`)], {
      destinations: [`docker://${mirrorA().host}/mirror`, `docker://${mirrorB().host}/mirror`],
      open,
    });
    expect(report.failures).toEqual([]);
    expect(report.images.map((i) => i.digest).sort()).toEqual(Object.values(digests).sort());
    for (const host of [mirrorA().host, mirrorB().host]) {
      expect(await listTags(`docker://${host}/mirror/app`)).toEqual(['1.0', '1.1', '2.0']);
      const raw = await exec('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${host}/mirror/app:2.0`,
      ]);
      expect(raw.stdout).toBe(
        (
          await exec('skopeo', [
            'inspect',
            '--raw',
            '--tls-verify=false',
            `docker://${origin().host}/team/app:2.0`,
          ])
        ).stdout,
      );
    }
    const blobGets = proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/'));
    const unique = new Set(blobGets.map((r) => r.path));
    expect(blobGets.length).toBe(unique.size);
    expect(unique.size).toBe(9); // 3 images x (config + 2 layers)
  });

  it('copies a blob that several tags share once, even when they copy at the same time', async () => {
    // Four tags of one image: every blob is shared by all of them.
    for (const tag of ['a', 'b', 'c', 'd']) {
      await push(
        `oci:${join(tmp(), 'img-1.0')}:latest`,
        `docker://${origin().host}/team/same:${tag}`,
      );
    }
    proxy.reset();
    const report = await sync([repositoryFromImageName(`docker://${proxy.host}/team/same`)], {
      destinations: [`docker://${mirrorB().host}/shared`],
      open,
    });
    expect(report.failures).toEqual([]);
    expect(await listTags(`docker://${mirrorB().host}/shared/same`)).toEqual(['a', 'b', 'c', 'd']);
    const blobGets = proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/'));
    expect(blobGets).toHaveLength(3); // config + 2 layers, once
    const copied = report.images.reduce((n, i) => n + i.blobsCopied, 0);
    const skipped = report.images.reduce((n, i) => n + i.blobsSkipped, 0);
    expect([copied, skipped]).toEqual([3, 9]);
  });

  it('reads skopeo YAML, keeps going past a missing tag and reports it', async () => {
    const yaml = `
${origin().host}:
  tls-verify: false
  images:
    team/app: ["1.0", "9.9"]
    team/tool: []
  images-by-tag-regex:
    team/app: ^2\\.
`;
    const repos = parseSyncYaml(yaml, 'sync.yml');
    const report = await sync(repos, {
      destinations: [`docker://${mirrorA().host}/yaml`],
      keepGoing: true,
      scoped: true,
      open,
    });
    expect(report.images.map((i) => i.source.split('/').pop()).sort()).toEqual([
      'app:1.0',
      'app:2.0',
      'tool:x',
    ]);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]?.source).toContain('app:9.9');
    expect(report.failures[0]?.error.code).toBe('ERR_NOT_FOUND');
    expect(
      await listTags(`docker://${mirrorA().host}/yaml/${origin().host.replace(':', '-')}/team/app`),
    ).toEqual(['1.0', '2.0']);
  });

  it('stops at the first failure without --keep-going', async () => {
    const report = await sync(
      [{ ...repositoryFromImageName(`docker://${origin().host}/team/app:nope`) }],
      {
        destinations: [`docker://${mirrorB().host}/stop`],
        open,
      },
    );
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]?.error.message).toMatch(/syncing docker:\/\/.*app:nope/);
  });

  it('rejects bad YAML and bad destinations with the file and key named', () => {
    expect(() => parseSyncYaml('a: [', 'x.yml')).toThrow(/x.yml: invalid YAML/);
    expect(() => parseSyncYaml('reg.io:\n  imagez: {}\n', 'x.yml')).toThrow(/unknown key "imagez"/);
    expect(() => parseSyncYaml('reg.io:\n  images:\n    Bad/Name: []\n', 'x.yml')).toThrow(
      /lowercase/,
    );
    expect(() => repositoryFromImageName('oci:/x')).toThrow(/expected docker:\/\//);
  });
});
