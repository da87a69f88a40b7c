// Proves the test helpers against real tools: registries via skopeo, fixtures via skopeo and umoci.

import { chmod, lstat, mkdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Descriptor } from '../src/core/manifest.js';
import { MediaType } from '../src/core/media-types.js';
import { runAction } from './helpers/action.js';
import { busyboxImage, writeBusyboxImage } from './helpers/busybox.js';
import { exec, tryExec } from './helpers/exec.js';
import { hostPlatform } from './helpers/image-fixture.js';
import { addToIndex, blobPath, writeJsonBlob } from './helpers/oci-layout.js';
import { multiArchImage, randomImage } from './helpers/random-image.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';
import { LayoutError, validateLayout } from './helpers/validate.js';

describe('busybox fixture', () => {
  const temp = useTempDir('harness-busybox');

  it('is read by skopeo', async () => {
    const image = await busyboxImage();
    const { stdout } = await exec('skopeo', ['inspect', image.reference]);
    const info = JSON.parse(stdout) as { Digest: string; Architecture: string; Layers: string[] };
    expect(info.Digest).toBe(image.manifestDigest);
    expect(info.Architecture).toBe(hostPlatform().architecture);
    expect(info.Layers).toEqual([image.layers[0]!.digest]);
  });

  it('is unpacked by umoci into a usable rootfs', async () => {
    const image = await busyboxImage();
    const bundle = join(temp(), 'bundle');
    const rootless = process.getuid?.() === 0 ? [] : ['--rootless'];
    await exec('umoci', ['unpack', ...rootless, '--image', `${image.layoutDir}:latest`, bundle]);
    const rootfs = join(bundle, 'rootfs');
    expect((await stat(join(rootfs, 'bin/busybox'))).mode & 0o777).toBe(0o755);
    expect(await readlink(join(rootfs, 'bin/sh'))).toBe('busybox');
    expect((await lstat(join(rootfs, 'tmp'))).mode & 0o7777).toBe(0o1777);
    expect(await readFile(join(rootfs, 'etc/passwd'), 'utf8')).toMatch(/^root:x:0:0:/);
    const config = JSON.parse(await readFile(join(bundle, 'config.json'), 'utf8'));
    expect(config.process.args).toEqual(['sh']);
  });

  it('is reproducible and validates', async () => {
    const image = await busyboxImage();
    const again = await writeBusyboxImage(join(temp(), 'again'));
    expect(again.manifestDigest).toBe(image.manifestDigest);
    const report = await validateLayout(image.layoutDir, 'latest');
    expect(report.referenced).toHaveLength(3);
    expect(report.unreferenced).toEqual([]);
  });
});

describe('validateLayout', () => {
  const temp = useTempDir('harness-validate');

  it('rejects a corrupted layer blob', async () => {
    const image = await busyboxImage(join(temp(), 'corrupt'));
    const path = blobPath(image.layoutDir, image.layers[0]!.digest);
    const bytes = await readFile(path);
    bytes[bytes.length - 100]! ^= 0xff;
    await writeFile(path, bytes);
    const error = await validateLayout(image.layoutDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as LayoutError).message).toContain(`blob ${image.layers[0]!.digest} is corrupt`);
  });

  it('rejects a missing blob and a wrong size', async () => {
    const image = await busyboxImage(join(temp(), 'missing'));
    await rm(blobPath(image.layoutDir, image.configDescriptor.digest));
    const missing = (await validateLayout(image.layoutDir).catch((e: unknown) => e)) as LayoutError;
    expect(missing.problems).toEqual([
      expect.stringContaining(`blob ${image.configDescriptor.digest} is missing`),
    ]);

    const resized = await busyboxImage(join(temp(), 'resized'));
    const { size } = resized.manifestDescriptor;
    await addToIndex(
      resized.layoutDir,
      { ...resized.manifestDescriptor, size: size + 1 },
      'latest',
    );
    await expect(validateLayout(resized.layoutDir)).rejects.toThrow(
      `has ${size} bytes, the descriptor says ${size + 1}`,
    );
  });

  it('rejects diff_ids that do not match the layers', async () => {
    const image = await busyboxImage(join(temp(), 'diff-id'));
    const config = {
      ...image.config,
      rootfs: { type: 'layers', diff_ids: [image.layers[0]!.digest] },
    };
    const configDescriptor = await writeJsonBlob(image.layoutDir, config, MediaType.ociConfig);
    const manifest = { ...image.manifest, config: configDescriptor };
    const descriptor = await writeJsonBlob(image.layoutDir, manifest, MediaType.ociManifest);
    await addToIndex(image.layoutDir, descriptor, 'latest');
    await expect(validateLayout(image.layoutDir, 'latest')).rejects.toThrow(
      `uncompressed digest ${image.diffIds[0]} but the config's diff_id is ${image.layers[0]!.digest}`,
    );
  });

  it('rejects a manifest whose mediaType field disagrees with its descriptor', async () => {
    const image = await busyboxImage(join(temp(), 'media-type'));
    await addToIndex(
      image.layoutDir,
      { ...image.manifestDescriptor, mediaType: MediaType.dockerManifest },
      'latest',
    );
    await expect(validateLayout(image.layoutDir)).rejects.toThrow(
      /mediaType field .* but the descriptor says/,
    );
  });

  it('checks only the tag asked for, and reports unreferenced blobs', async () => {
    const image = await busyboxImage(join(temp(), 'tags'));
    await expect(validateLayout(image.layoutDir, 'nope')).rejects.toThrow(
      '0 manifests tagged "nope"',
    );
    const stray = await writeJsonBlob(image.layoutDir, { stray: true }, 'application/json');
    const report = await validateLayout(image.layoutDir, 'latest');
    expect(report.unreferenced).toEqual([stray.digest]);
  });
});

describe('random and multi-arch fixtures', () => {
  const temp = useTempDir('harness-random');

  it('writes a random OCI image that validates and skopeo reads', async () => {
    const dir = join(temp(), 'random');
    const image = await randomImage(dir, { layers: 3, layerSize: 3 * 1024 * 1024 + 7, seed: 1 });
    await validateLayout(dir, 'latest');
    const { stdout } = await exec('skopeo', ['inspect', '--raw', image.reference]);
    expect(stdout).toBe(JSON.stringify(image.manifest));
    const again = await randomImage(join(temp(), 'random-again'), {
      layers: 3,
      layerSize: 3 * 1024 * 1024 + 7,
      seed: 1,
    });
    expect(again.manifestDigest).toBe(image.manifestDigest);
  });

  it('writes docker-format and zstd images', async () => {
    const docker = await randomImage(join(temp(), 'docker'), {
      layers: 1,
      layerSize: 1000,
      format: 'docker',
    });
    await validateLayout(docker.layoutDir);
    // skopeo 1.9 finds only OCI types by tag in a layout, but takes a lone entry of any type.
    const raw = await exec('skopeo', ['inspect', '--raw', `oci:${docker.layoutDir}`]);
    expect(raw.stdout).toBe(JSON.stringify(docker.manifest));
    expect(docker.manifest.mediaType).toBe(MediaType.dockerManifest);

    const dir = join(temp(), 'zstd');
    const zstd = await randomImage(dir, { layers: 2, layerSize: 1000, compression: 'zstd' });
    await validateLayout(dir);
    const layers = JSON.parse((await exec('skopeo', ['inspect', '--raw', zstd.reference])).stdout)
      .layers as Descriptor[];
    expect(layers.map((l) => l.mediaType)).toEqual([
      MediaType.ociLayerZstd,
      MediaType.ociLayerZstd,
    ]);
  });

  it('writes a two-platform index', async () => {
    const dir = join(temp(), 'multi');
    const fixture = await multiArchImage(dir, ['linux/amd64', 'linux/arm64/v8']);
    const report = await validateLayout(dir, 'latest');
    expect(report.images.map((i) => i.platform)).toEqual(['linux/amd64', 'linux/arm64/v8']);
    const { stdout } = await exec('skopeo', ['inspect', '--raw', fixture.reference]);
    expect(JSON.parse(stdout).manifests).toHaveLength(2);
    const list = await multiArchImage(join(temp(), 'list'), ['linux/amd64', 'linux/arm64/v8'], {
      busybox: true,
      format: 'docker',
    });
    await validateLayout(list.layoutDir, 'latest');
    const listed = await exec('skopeo', ['inspect', '--raw', `oci:${list.layoutDir}`]);
    expect(JSON.parse(listed.stdout).mediaType).toBe(MediaType.dockerManifestList);
  });
});

describe('plain registry', () => {
  const registry = useRegistry();
  const temp = useTempDir('harness-plain');

  it('takes a push from skopeo and serves it back', async () => {
    const image = await busyboxImage();
    const target = `docker://${registry().host}/harness/busybox:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const { stdout } = await exec('skopeo', ['inspect', ...registry().skopeoFlags(), target]);
    expect(JSON.parse(stdout).Digest).toBe(image.manifestDigest);
    // And back into a layout that skopeo wrote, which the validator must accept too.
    const back = join(temp(), 'back');
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('src'),
      target,
      `oci:${back}:copy`,
    ]);
    const report = await validateLayout(back, 'copy');
    expect(report.images).toEqual([
      { digest: image.manifestDigest, platform: expect.any(String), layers: 1 },
    ]);
  });

  it('stores the two-platform index as it is', async () => {
    const fixture = await multiArchImage(join(temp(), 'multi'), ['linux/amd64', 'linux/arm64/v8']);
    const target = `docker://${registry().host}/harness/multi:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      '--all',
      ...registry().skopeoFlags('dest'),
      fixture.reference,
      target,
    ]);
    const { stdout } = await exec('skopeo', [
      'inspect',
      '--raw',
      ...registry().skopeoFlags(),
      target,
    ]);
    expect(stdout).toBe(JSON.stringify(fixture.index));
  });
});

describe('htpasswd + TLS registry', () => {
  const registry = useRegistry({ auth: 'htpasswd' });

  it('accepts the user over verified TLS and refuses anonymous and wrong passwords', async () => {
    const { host, url, caFile, username } = registry();
    expect(url).toBe(`https://${host}`);
    expect(caFile).toBeDefined();
    const image = await busyboxImage();
    const target = `docker://${host}/harness/busybox:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const anonymous = await tryExec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      target,
    ]);
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toMatch(/unauthorized|authentication required/i);
    const wrong = await tryExec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      `--creds=${username}:wrong`,
      target,
    ]);
    expect(wrong.code).not.toBe(0);
    // Without the CA the certificate must not verify: TLS is real, not skipped.
    const untrusted = await tryExec('skopeo', ['inspect', `--creds=${username}:x`, target]);
    expect(untrusted.stderr).toMatch(/certificate/i);
  });
});

describe('token auth registry', () => {
  const registry = useRegistry({ auth: 'token' });

  it('lets the user push with a token and denies anonymous pushes', async () => {
    const { host, username, tokenRequests } = registry();
    const image = await busyboxImage();
    const target = `docker://${host}/harness/token:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const pushes = tokenRequests!.filter((r) => r.user === username);
    expect(pushes.flatMap((r) => r.scopes)).toContain('repository:harness/token:pull,push');
    expect(pushes.every((r) => r.status === 200 && r.granted.length > 0)).toBe(true);

    const denied = await tryExec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest', { creds: false }),
      image.reference,
      `docker://${host}/harness/anonymous:1`,
    ]);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/unauthorized|denied|authentication required/i);
    const anonymous = tokenRequests!.filter((r) => r.user === undefined);
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((r) => r.granted.length === 0)).toBe(true);
  });
});

describe('token auth registry with anonymous pull, over TLS', () => {
  const registry = useRegistry({ auth: 'token', tls: true, anonymousPull: true });

  it('lets anyone pull what the user pushed', async () => {
    const { host } = registry();
    const image = await busyboxImage();
    const target = `docker://${host}/harness/public:1`;
    await exec('skopeo', [
      'copy',
      '--quiet',
      ...registry().skopeoFlags('dest'),
      image.reference,
      target,
    ]);
    const { stdout } = await exec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      target,
    ]);
    expect(JSON.parse(stdout).Digest).toBe(image.manifestDigest);
    const wrong = await tryExec('skopeo', [
      'inspect',
      ...registry().skopeoFlags(undefined, { creds: false }),
      '--creds=tester:wrong',
      target,
    ]);
    expect(wrong.code).not.toBe(0);
    expect(registry().tokenRequests!.some((r) => r.status === 401)).toBe(true);
  });
});

describe('runAction', () => {
  const temp = useTempDir('harness-action');

  // A stand-in for a bundle: plain CommonJS that touches every runner interface.
  async function throwawayAction(): Promise<string> {
    const dir = join(temp(), 'action');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'action.yml'),
      [
        'name: throwaway',
        'inputs:',
        '  greeting: {description: d, default: hello}',
        '  build-args: {description: d, required: false}',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not JS
        '  spaced name: {description: d, default: "${{ runner.os }}"}',
        '  fail: {description: d, default: "false"}',
        'runs:',
        '  using: node24',
        '  main: index.js',
        '  post: post.js',
        '  post-if: always()',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'index.js'),
      `const fs = require('node:fs');
const env = process.env;
const stdin = fs.readFileSync(0, 'utf8');
fs.appendFileSync(env.GITHUB_OUTPUT, 'greeting=' + env.INPUT_GREETING + '\\n');
fs.appendFileSync(env.GITHUB_OUTPUT, 'args<<EOF_1\\n' + env['INPUT_BUILD-ARGS'] + '\\nEOF_1\\n');
fs.appendFileSync(env.GITHUB_OUTPUT, 'spaced=' + env.INPUT_SPACED_NAME + '\\n');
fs.appendFileSync(env.GITHUB_OUTPUT, 'cwd=' + process.cwd() + '\\n');
fs.appendFileSync(env.GITHUB_OUTPUT, 'stdin=' + stdin.length + '\\n');
fs.appendFileSync(env.GITHUB_STATE, 'token=abc\\n');
fs.appendFileSync(env.GITHUB_ENV, 'FROM_MAIN=yes\\n');
fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '## main\\n');
fs.writeFileSync(env.RUNNER_TEMP + '/left-by-main', '');
console.log('::add-mask::s3cret');
console.log('::error file=Dockerfile,line=3::bad%0Aline');
process.exit(env.INPUT_FAIL === 'true' ? 1 : 0);
`,
    );
    await writeFile(
      join(dir, 'post.js'),
      `const fs = require('node:fs');
const env = process.env;
fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '## post ' + env.STATE_token + '\\n');
console.log('post saw', env.STATE_token, env.FROM_MAIN, fs.existsSync(env.RUNNER_TEMP + '/left-by-main'));
`,
    );
    await chmod(join(dir, 'index.js'), 0o644);
    return dir;
  }

  it('passes inputs, collects outputs, state, summary and commands, and runs post', async () => {
    const actionDir = await throwawayAction();
    const workspace = join(temp(), 'workspace');
    await mkdir(workspace, { recursive: true });
    const result = await runAction(
      { actionDir },
      { inputs: { 'build-args': ['A=1', 'B=2'] }, cwd: workspace },
    );
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toEqual({
      greeting: 'hello',
      args: 'A=1\nB=2',
      spaced: 'Linux',
      cwd: workspace,
      stdin: '0',
    });
    expect(result.state).toEqual({ token: 'abc' });
    expect(result.env).toEqual({ FROM_MAIN: 'yes' });
    expect(result.summary).toBe('## main\n## post abc\n');
    expect(result.commands).toEqual([
      { command: 'add-mask', properties: {}, message: 's3cret', step: 'main' },
      {
        command: 'error',
        properties: { file: 'Dockerfile', line: '3' },
        message: 'bad\nline',
        step: 'main',
      },
    ]);
    expect(result.postExitCode).toBe(0);
    expect(result.postStdout).toBe('post saw abc yes true\n');
  });

  it('reports a failing main step and still runs an always() post', async () => {
    const actionDir = await throwawayAction();
    const result = await runAction({ actionDir }, { inputs: { fail: true, greeting: 'hi' } });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.greeting).toBe('hi');
    expect(result.postExitCode).toBe(0);
  });

  it('refuses inputs the action does not declare', async () => {
    const actionDir = await throwawayAction();
    await expect(runAction({ actionDir }, { inputs: { greting: 'typo' } })).rejects.toThrow(
      'declares no input "greting"',
    );
  });
});
