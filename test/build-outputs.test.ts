// What a build writes: the store, --push, --output oci/oci-archive/docker-archive, --format docker, labels, annotations, history; and peers (podman, skopeo, umoci) using the result.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../src/core/build/builder.js';
import type { BuildResult } from '../src/core/build/types.js';
import { consoleLogger } from '../src/core/log.js';
import { parseManifest } from '../src/core/manifest.js';
import { MediaType } from '../src/core/media-types.js';
import { Store } from '../src/core/storage/store.js';
import { Buildah, pushBase, silent } from './fixtures/build/harness.js';
import { cliFromSource, exec, tryExec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;
const hasPodman = (await tryExec('podman', ['--version']).catch(() => ({ code: 1 }))).code === 0;

const DOCKERFILE = (base: string) => `FROM ${base}
LABEL org.example.from-dockerfile=yes
WORKDIR /app
COPY greeting.txt .
RUN echo "built by lighter" > /app/built.txt && chmod 640 /app/built.txt
ENV GREETING_FILE=/app/greeting.txt
CMD ["cat", "/app/greeting.txt", "/app/built.txt"]
`;

describe.skipIf(!isRoot)('build outputs', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-outputs');
  let base = '';
  let ctx = '';
  let result: BuildResult;
  let store: Store;

  beforeAll(async () => {
    base = await pushBase(registry().host);
    ctx = join(dir(), 'ctx');
    await mkdir(ctx, { recursive: true });
    await writeFile(join(ctx, 'greeting.txt'), 'hello from the context\n');
    await writeFile(join(ctx, 'Dockerfile'), DOCKERFILE(base));
    const host = registry().host;
    result = await buildImage({
      contextDir: ctx,
      dockerfile: DOCKERFILE(base),
      file: 'Dockerfile',
      storeDir: join(dir(), 'store'),
      tags: [`${host}/app/hello:1`, `${host}/app/hello:latest`],
      labels: new Map([['org.opencontainers.image.title', 'hello']]),
      annotations: new Map([
        ['org.opencontainers.image.description', 'built in a test'],
        ['manifest:org.example.level', 'manifest'],
      ]),
      push: true,
      outputs: [
        `oci:${join(dir(), 'layout')}:hello`,
        `oci-archive:${join(dir(), 'hello-oci.tar')}`,
        `docker-archive:${join(dir(), 'hello-docker.tar')}:hello:1`,
      ],
      logger: silent,
    });
    store = await Store.open(join(dir(), 'store'));
  });

  it('stores the image under its tags, with the config, labels, annotations and history', async () => {
    expect(result.names).toEqual([
      `${registry().host}/app/hello:1`,
      `${registry().host}/app/hello:latest`,
    ]);
    const stored = await store.resolve(`${registry().host}/app/hello:1`);
    expect(stored.digest).toBe(result.digest);
    const inspected = await store.inspect(stored);
    expect(inspected.configDigest).toBe(result.imageId);
    const config = inspected.config;
    expect(config.config?.Labels).toEqual({
      'org.example.from-dockerfile': 'yes',
      'org.opencontainers.image.title': 'hello',
    });
    expect(config.config?.Cmd).toEqual(['cat', '/app/greeting.txt', '/app/built.txt']);
    expect(config.config?.WorkingDir).toBe('/app');
    expect(inspected.manifest.annotations).toEqual({
      'org.opencontainers.image.description': 'built in a test',
      'org.example.level': 'manifest',
    });
    // One history entry a layer (plus metadata-only ones marked empty), as buildah writes them.
    const history = config.history ?? [];
    expect(history.filter((h) => !h.empty_layer)).toHaveLength(config.rootfs.diff_ids.length);
    expect(history.map((h) => h.created_by).slice(1)).toEqual([
      '/bin/sh -c #(nop) LABEL org.example.from-dockerfile=yes',
      '/bin/sh -c #(nop) WORKDIR /app',
      expect.stringMatching(/^\/bin\/sh -c #\(nop\) COPY file:[a-f0-9]{64} in \/app\/$/),
      '/bin/sh -c echo "built by lighter" > /app/built.txt && chmod 640 /app/built.txt',
      '/bin/sh -c #(nop) ENV GREETING_FILE=/app/greeting.txt',
      '/bin/sh -c #(nop) CMD ["cat","/app/greeting.txt","/app/built.txt"]',
    ]);
  });

  it('pushes to every tag; skopeo reads what it pushed', async () => {
    expect(result.pushed).toHaveLength(2);
    for (const tag of ['1', 'latest']) {
      const raw = await exec('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${registry().host}/app/hello:${tag}`,
      ]);
      // The very bytes the store holds: the digest did not change on the way.
      expect(raw.stdout).toBe(await readFile(store.writer.blobFile(result.digest), 'utf8'));
      const parsed = parseManifest(Buffer.from(raw.stdout));
      expect(parsed.kind).toBe('image');
    }
    const inspected = JSON.parse(
      (
        await exec('skopeo', [
          'inspect',
          '--tls-verify=false',
          `docker://${registry().host}/app/hello:1`,
        ])
      ).stdout,
    );
    expect(inspected.Digest).toBe(result.digest);
    expect(inspected.Labels['org.opencontainers.image.title']).toBe('hello');
  });

  it('writes an OCI layout umoci unpacks, an OCI archive and a Docker archive skopeo reads', async () => {
    const bundle = join(dir(), 'bundle');
    await exec('umoci', ['unpack', '--image', `${join(dir(), 'layout')}:hello`, bundle]);
    expect(await readFile(join(bundle, 'rootfs', 'app', 'built.txt'), 'utf8')).toBe(
      'built by lighter\n',
    );
    expect(await readFile(join(bundle, 'rootfs', 'app', 'greeting.txt'), 'utf8')).toBe(
      'hello from the context\n',
    );
    const runtimeConfig = JSON.parse(await readFile(join(bundle, 'config.json'), 'utf8'));
    expect(runtimeConfig.process.cwd).toBe('/app');
    for (const ref of [
      `oci-archive:${join(dir(), 'hello-oci.tar')}`,
      `docker-archive:${join(dir(), 'hello-docker.tar')}`,
    ]) {
      const inspected = JSON.parse((await exec('skopeo', ['inspect', ref])).stdout);
      expect(inspected.Labels['org.opencontainers.image.title'], ref).toBe('hello');
    }
    expect(result.outputs).toHaveLength(3);
  });

  it.skipIf(!hasPodman)('runs under podman', async () => {
    const peer = new Buildah(join(dir(), 'podman'));
    await peer.init();
    const run = await tryExec(
      'podman',
      [
        ...peer.storage,
        'run',
        '--rm',
        '--network=none',
        '--tls-verify=false',
        `${registry().host}/app/hello:1`,
      ],
      { env: peer.env, timeoutMs: 180_000 },
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.stdout).toBe('hello from the context\nbuilt by lighter\n');
  });

  it('writes Docker-format images with --format docker', async () => {
    const docker = await buildImage({
      contextDir: ctx,
      dockerfile: DOCKERFILE(base),
      file: 'Dockerfile',
      storeDir: join(dir(), 'store'),
      tags: ['hello-docker'],
      format: 'docker',
      outputs: [`docker-archive:${join(dir(), 'v2s2.tar')}:hello:v2s2`],
      logger: silent,
    });
    expect(docker.mediaType).toBe(MediaType.dockerManifest);
    const manifest = parseManifest(await readFile(store.writer.blobFile(docker.digest)));
    expect(manifest.kind === 'image' && manifest.manifest.config.mediaType).toBe(
      MediaType.dockerConfig,
    );
    expect(
      manifest.kind === 'image' &&
        manifest.manifest.layers.every((l) => l.mediaType === MediaType.dockerLayerGzip),
    ).toBe(true);
    // Same layers as the OCI build: the cache served them.
    expect(docker.steps.filter((s) => s.cached).length).toBeGreaterThan(0);
    const inspected = JSON.parse(
      (await exec('skopeo', ['inspect', `docker-archive:${join(dir(), 'v2s2.tar')}`])).stdout,
    );
    expect(inspected.Env).toContain('GREETING_FILE=/app/greeting.txt');
  });

  it('builds a RUN-less Dockerfile for several platforms into an index', async () => {
    const multi = await buildImage({
      contextDir: ctx,
      dockerfile: 'FROM scratch\nARG TARGETARCH\nCOPY greeting.txt /greeting-$TARGETARCH.txt\n',
      file: 'Dockerfile',
      storeDir: join(dir(), 'store'),
      tags: ['multi'],
      platforms: ['linux/amd64', 'linux/arm64'],
      outputs: [`oci:${join(dir(), 'multi')}:multi`],
      logger: silent,
    });
    expect(multi.mediaType).toBe(MediaType.ociIndex);
    expect(multi.platforms.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const arch of ['amd64', 'arm64']) {
      const inspected = JSON.parse(
        (
          await exec('skopeo', [
            'inspect',
            '--override-arch',
            arch,
            `oci:${join(dir(), 'multi')}:multi`,
          ])
        ).stdout,
      );
      expect(inspected.Architecture).toBe(arch);
    }
  });
});

const hasSetpriv = (await tryExec('setpriv', ['--version']).catch(() => ({ code: 1 }))).code === 0;

describe.skipIf(!isRoot || !hasSetpriv)('a build without RUN', () => {
  const dir = useTempDir('build-unprivileged');

  it('needs no root and no runtime: an unprivileged user builds it, owners come from --chown', async () => {
    const { chmod } = await import('node:fs/promises');
    const root = dir();
    const ctx = join(root, 'ctx');
    await mkdir(join(ctx, 'bin'), { recursive: true });
    await writeFile(join(ctx, 'bin', 'tool'), '#!/bin/sh\necho tool\n', { mode: 0o755 });
    await writeFile(
      join(ctx, 'Dockerfile'),
      'FROM scratch\nCOPY --chown=1000:1000 bin /usr/local/bin/\nWORKDIR /data\nENTRYPOINT ["/usr/local/bin/tool"]\n',
    );
    await chmod(root, 0o777);
    const built = await tryExec(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        ...cliFromSource(),
        'build',
        '--store',
        join(root, 'store'),
        '-t',
        'tool',
        '--output',
        `oci:${join(root, 'layout')}:tool`,
        ctx,
      ],
      { env: { ...process.env, HOME: root, LIGHTER_STATE_DIR: join(root, 'state') } },
    );
    expect(built.stderr).not.toContain('RUN steps use');
    expect(built.code).toBe(0);
    await exec('umoci', [
      'unpack',
      '--image',
      `${join(root, 'layout')}:tool`,
      join(root, 'bundle'),
    ]);
    const { stdout } = await exec('stat', [
      '-c',
      '%a %u:%g',
      join(root, 'bundle', 'rootfs', 'usr', 'local', 'bin', 'tool'),
    ]);
    expect(stdout.trim()).toBe('755 1000:1000');
    const data = await exec('stat', ['-c', '%F', join(root, 'bundle', 'rootfs', 'data')]);
    expect(data.stdout.trim()).toBe('directory');
  });
});

describe.skipIf(!isRoot)('build secrets', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-secrets');

  it('never reach a layer, the config or the log, even when a RUN prints them', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { readdir } = await import('node:fs/promises');
    const base = await pushBase(registry().host);
    const secret = 'sup3r-s3cret-t0ken';
    const ctx = join(dir(), 'ctx');
    await mkdir(ctx, { recursive: true });
    const lines: string[] = [];
    const logger = consoleLogger({ verbose: true, write: (line) => lines.push(line) });
    const result = await buildImage({
      contextDir: ctx,
      dockerfile: `FROM ${base}
RUN --mount=type=secret,id=token cat /run/secrets/token && wc -c < /run/secrets/token > /file-len
RUN --mount=type=secret,id=token,env=TOKEN echo "token is $TOKEN" && printf %s "$TOKEN" | wc -c > /env-len
`,
      file: 'Dockerfile',
      storeDir: join(dir(), 'store'),
      secrets: [{ id: 'token', value: Buffer.from(secret) }],
      logger,
    });
    // The RUN printed it; the log shows a mask.
    expect(lines).toContain('token is ***');
    expect(lines.join('\n')).not.toContain(secret);
    const store = join(dir(), 'store', 'blobs', 'sha256');
    for (const name of await readdir(store)) {
      let bytes = await readFile(join(store, name));
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      expect(bytes.includes(secret), `blob ${name}`).toBe(false);
    }
    expect(result.steps.some((s) => s.instruction.includes(secret))).toBe(false);
  });
});

describe.skipIf(!isRoot)('big layers', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-big-layer');

  it('are gzipped in parallel members that gzip, umoci and skopeo read back byte for byte', async () => {
    const base = await pushBase(registry().host);
    const ctx = join(dir(), 'ctx');
    await mkdir(ctx, { recursive: true });
    const host = registry().host;
    await buildImage({
      contextDir: ctx,
      dockerfile: `FROM ${base}\nRUN head -c 20000000 /dev/urandom > /big && sha256sum /big > /big.sum\n`,
      file: 'Dockerfile',
      storeDir: join(dir(), 'store'),
      tags: [`${host}/big/layer:1`],
      push: true,
      outputs: [`oci:${join(dir(), 'layout')}:big`],
      logger: silent,
    });
    const layout = join(dir(), 'layout');
    const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8'));
    const manifest = JSON.parse(
      await readFile(join(layout, 'blobs', 'sha256', index.manifests[0].digest.slice(7)), 'utf8'),
    );
    const layer = manifest.layers.at(-1);
    expect(layer.size).toBeGreaterThan(20_000_000);
    await exec('gzip', ['-t', join(layout, 'blobs', 'sha256', layer.digest.slice(7))]);
    await exec('umoci', ['unpack', '--image', `${layout}:big`, join(dir(), 'bundle')]);
    const rootfs = join(dir(), 'bundle', 'rootfs');
    const { stdout } = await exec('sha256sum', [join(rootfs, 'big')]);
    const recorded = await readFile(join(rootfs, 'big.sum'), 'utf8');
    expect(stdout.split(' ')[0]).toBe(recorded.split(' ')[0]);
    await exec('skopeo', [
      'copy',
      '-q',
      '--src-tls-verify=false',
      `docker://${host}/big/layer:1`,
      `oci:${join(dir(), 'copied')}:big`,
    ]);
  });
});
