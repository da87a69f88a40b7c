// The copy engine through a hostile network: a fault proxy in front of a real registry.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyImage } from '../src/core/copy/copy.js';
import { openDestination, openSource, parseImageName } from '../src/core/transport/index.js';
import { exec, tryExec } from './helpers/exec.js';
import { type Fault, type FaultProxy, startFaultProxy } from './helpers/fault-proxy.js';
import type { ImageFixture } from './helpers/image-fixture.js';
import { randomImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';
import { validateLayout } from './helpers/validate.js';

const open = { registry: { tlsVerify: false } };

async function copy(src: string, dst: string) {
  const source = await openSource(parseImageName(src), open);
  const dest = await openDestination(parseImageName(dst), open);
  try {
    return await copyImage(source, dest);
  } finally {
    await dest.close();
    await source.close();
  }
}

describe('copy through injected faults', () => {
  const origin = useRegistry();
  const target = useRegistry();
  const tmp = useTempDir('faults');
  let image: ImageFixture;
  let toOrigin: FaultProxy;
  let toTarget: FaultProxy;

  beforeAll(async () => {
    image = await randomImage(join(tmp(), 'nine'), {
      layers: 9,
      layerSize: 512 * 1024,
      seed: 'faults',
    });
    await copy(image.reference, `docker://${origin().host}/f/app:1`);
    toOrigin = await startFaultProxy(origin().url);
    toTarget = await startFaultProxy(target().url);
  });
  afterAll(async () => {
    await toOrigin?.stop();
    await toTarget?.stop();
  });

  it('completes a 9-layer copy through 20 faults with every digest correct', async () => {
    const blobs = /\/blobs\/sha256:/;
    const faults: Fault[] = [
      // downloads: resets, truncations, stalls, server errors and rate limits
      { method: 'GET', path: blobs, action: { kind: 'reset' }, times: 3 },
      { method: 'GET', path: blobs, action: { kind: 'truncate', afterBytes: 100_000 }, times: 3 },
      { method: 'GET', path: blobs, action: { kind: 'status', status: 503 }, times: 2 },
      { method: 'GET', path: blobs, action: { kind: 'status', status: 500 }, times: 2 },
      {
        method: 'GET',
        path: blobs,
        action: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
        times: 1,
      },
      {
        method: 'GET',
        path: blobs,
        action: { kind: 'stall', ms: 300, afterBytes: 1000 },
        times: 2,
      },
      { method: 'GET', path: /\/manifests\//, action: { kind: 'status', status: 502 }, times: 1 },
      // uploads: the destination's registry misbehaves too
      { method: 'HEAD', path: blobs, action: { kind: 'reset' }, times: 2 },
      {
        method: 'POST',
        path: /\/blobs\/uploads\//,
        action: { kind: 'status', status: 503 },
        times: 2,
      },
      { method: 'PUT', path: /\/manifests\//, action: { kind: 'status', status: 500 }, times: 1 },
      { method: 'PUT', path: /\/blobs\/uploads\//, action: { kind: 'reset' }, times: 1 },
    ];
    const total = faults.reduce((n, f) => n + (f.times ?? 1), 0);
    expect(total).toBe(20);
    toOrigin.inject(...faults.filter((f) => f.method === 'GET'));
    toTarget.inject(...faults.filter((f) => f.method !== 'GET'));

    const result = await copy(
      `docker://${toOrigin.host}/f/app:1`,
      `docker://${toTarget.host}/f/app:1`,
    );
    expect(toOrigin.armed() + toTarget.armed()).toBe(0); // every fault was hit
    expect(result.digest).toBe(image.manifestDigest);
    expect(result.blobsCopied).toBe(10);

    // every byte at the destination is right: skopeo pulls it back and we validate the layout
    const back = join(tmp(), 'back');
    await exec('skopeo', [
      'copy',
      '-q',
      '--src-tls-verify=false',
      `docker://${target().host}/f/app:1`,
      `oci:${back}:x`,
    ]);
    const report = await validateLayout(back, 'x');
    expect(report.images[0]?.digest).toBe(image.manifestDigest);
  });

  it('copies a blob again from its source when its upload breaks beyond repair', async () => {
    const big = await randomImage(join(tmp(), 'big'), {
      layers: 1,
      layerSize: 12 * 1024 * 1024,
      seed: 'redo',
    });
    toTarget.reset();
    // The registry keeps 7 MiB of the first streamed PATCH and the client cannot resume it
    // (distribution no longer reports progress), so the engine starts the blob over.
    toTarget.inject({
      method: 'PATCH',
      action: { kind: 'cut-request', afterBytes: 7 * 1024 * 1024 },
    });
    const result = await copy(big.reference, `docker://${toTarget.host}/f/redo:1`);
    expect(result.digest).toBe(big.manifestDigest);
    expect(toTarget.armed()).toBe(0);
    const patches = toTarget.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((p) => p.fault)).toEqual(['cut-request', undefined]);
    const back = join(tmp(), 'redo-back');
    await exec('skopeo', [
      'copy',
      '-q',
      '--src-tls-verify=false',
      `docker://${target().host}/f/redo:1`,
      `oci:${back}:x`,
    ]);
    await validateLayout(back, 'x');
  });

  it('fails cleanly when a fault outlasts the retries, writing no manifest', async () => {
    toOrigin.reset();
    const victim = image.layers[4]!.digest;
    toOrigin.inject({
      method: 'GET',
      path: victim,
      action: { kind: 'status', status: 503 },
      times: Infinity,
    });
    const err = await copy(
      `docker://${toOrigin.host}/f/app:1`,
      `docker://${target().host}/f/broken:1`,
    ).catch((e) => e);
    expect(err.code).toMatch(/ERR_REGISTRY|ERR_NETWORK/);
    expect(err.message).toContain(victim);
    expect(err.message).toMatch(/503/);
    const inspect = await tryExec('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${target().host}/f/broken:1`,
    ]);
    expect(inspect.code).not.toBe(0);
    expect(inspect.stderr).toMatch(/manifest unknown|not found/i);
  });
});
