// Tests for manifest, index and image config parsing: accepted shapes and named rejections.

import { describe, expect, it } from 'vitest';
import { type Digest, digestOf } from './digest.js';
import { type ErrorCode, LighterError } from './errors.js';
import {
  detectManifestMediaType,
  MAX_MANIFEST_SIZE,
  manifestDescriptors,
  mediaTypeFromContentType,
  parseImageConfig,
  parseManifest,
} from './manifest.js';
import { MediaType } from './media-types.js';

const digest = (seed: string): Digest => digestOf(seed);
const CONFIG = { mediaType: MediaType.ociConfig, digest: digest('config'), size: 123 };
const LAYER = { mediaType: MediaType.ociLayerGzip, digest: digest('layer0'), size: 1000 };
const LAYER1 = { mediaType: MediaType.ociLayerGzip, digest: digest('layer1'), size: 0 };

const ociManifest = (extra: Record<string, unknown> = {}) => ({
  schemaVersion: 2,
  mediaType: MediaType.ociManifest,
  config: CONFIG,
  layers: [LAYER, LAYER1],
  ...extra,
});

const entry = (seed: string, platform?: Record<string, unknown>) => ({
  mediaType: MediaType.ociManifest,
  digest: digest(seed),
  size: 500,
  ...(platform ? { platform } : {}),
});

const ociIndex = (extra: Record<string, unknown> = {}) => ({
  schemaVersion: 2,
  mediaType: MediaType.ociIndex,
  manifests: [
    entry('amd64', { os: 'linux', architecture: 'amd64' }),
    entry('arm64', { os: 'linux', architecture: 'arm64', variant: 'v8' }),
  ],
  ...extra,
});

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

function thrown(fn: () => unknown): LighterError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LighterError);
    return err as LighterError;
  }
  throw new Error('expected an error');
}

function expectError(fn: () => unknown, code: ErrorCode, fragment: string): LighterError {
  const err = thrown(fn);
  expect(err.code).toBe(code);
  expect(err.message).toContain(fragment);
  return err;
}

/** A copy of `value` with the property at `path` (dotted, numeric for array items) replaced. */
function withField(value: unknown, path: string, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (replacement === undefined) delete at[last];
  else at[last] = replacement;
  return copy;
}

describe('parseManifest: accepted', () => {
  it('parses an OCI image manifest', () => {
    const m = ociManifest({ annotations: { 'org.opencontainers.image.title': 't' } });
    const parsed = parseManifest(bytes(m));
    expect(parsed).toEqual({ kind: 'image', mediaType: MediaType.ociManifest, manifest: m });
  });

  it('parses a Docker schema 2 manifest', () => {
    const m = {
      schemaVersion: 2,
      mediaType: MediaType.dockerManifest,
      config: { ...CONFIG, mediaType: MediaType.dockerConfig },
      layers: [{ ...LAYER, mediaType: MediaType.dockerLayerGzip }],
    };
    const parsed = parseManifest(bytes(m), MediaType.dockerManifest);
    expect(parsed.kind).toBe('image');
    expect(parsed.mediaType).toBe(MediaType.dockerManifest);
  });

  it('parses an OCI index with a platform on each entry', () => {
    const parsed = parseManifest(bytes(ociIndex()), MediaType.ociIndex);
    expect(parsed.kind).toBe('index');
    if (parsed.kind !== 'index') return;
    expect(parsed.index.manifests.map((d) => d.platform?.architecture)).toEqual(['amd64', 'arm64']);
  });

  it('parses a Docker manifest list', () => {
    const list = { ...ociIndex(), mediaType: MediaType.dockerManifestList };
    expect(parseManifest(bytes(list)).mediaType).toBe(MediaType.dockerManifestList);
  });

  it('parses an index whose entries have no platform, and nested indexes', () => {
    const index = {
      schemaVersion: 2,
      manifests: [entry('a'), { ...entry('b'), mediaType: MediaType.ociIndex }],
    };
    expect(parseManifest(bytes(index)).kind).toBe('index');
  });

  it('parses an OCI artifact (non-image config) as an image manifest', () => {
    const artifact = {
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      artifactType: 'application/vnd.example.sbom+json',
      config: { mediaType: MediaType.ociEmpty, digest: digestOf('{}'), size: 2, data: 'e30=' },
      layers: [{ mediaType: 'application/spdx+json', digest: digest('sbom'), size: 42 }],
      subject: entry('image'),
    };
    const parsed = parseManifest(bytes(artifact));
    expect(parsed.kind).toBe('image');
    if (parsed.kind === 'image') expect(parsed.manifest.artifactType).toContain('sbom');
  });

  it.each([
    [
      'an OCI manifest without mediaType',
      withField(ociManifest(), 'mediaType', undefined),
      MediaType.ociManifest,
    ],
    [
      'an OCI index without mediaType (index.json)',
      withField(ociIndex(), 'mediaType', undefined),
      MediaType.ociIndex,
    ],
  ])('parses %s by its shape', (_name, value, want) => {
    expect(parseManifest(bytes(value)).mediaType).toBe(want);
  });

  it('takes the media type from the label when the JSON has none', () => {
    const m = withField(ociManifest(), 'mediaType', undefined);
    expect(parseManifest(bytes(m), MediaType.dockerManifest).mediaType).toBe(
      MediaType.dockerManifest,
    );
  });

  it.each([
    `${MediaType.ociManifest}; charset=utf-8`,
    MediaType.ociManifest.toUpperCase(),
    ` ${MediaType.ociManifest} `,
    'application/json',
    'text/plain; charset=utf-8',
    'application/octet-stream',
    '',
    undefined,
  ])('accepts the label %j for an OCI manifest', (label) => {
    expect(parseManifest(bytes(ociManifest()), label).mediaType).toBe(MediaType.ociManifest);
  });

  it('accepts an empty layer list and an exactly MAX_MANIFEST_SIZE manifest', () => {
    expect(parseManifest(bytes(ociManifest({ layers: [] }))).kind).toBe('image');
    const base = JSON.stringify(ociManifest({ annotations: { pad: '' } }));
    const padded = base.replace(
      '"pad":""',
      `"pad":"${'x'.repeat(MAX_MANIFEST_SIZE - base.length)}"`,
    );
    expect(padded.length).toBe(MAX_MANIFEST_SIZE);
    expect(parseManifest(new TextEncoder().encode(padded)).kind).toBe('image');
  });

  it('keeps fields it does not know about', () => {
    const parsed = parseManifest(bytes(ociManifest({ 'x-extra': 1 })));
    expect((parsed as unknown as { manifest: Record<string, unknown> }).manifest['x-extra']).toBe(
      1,
    );
  });

  it('accepts a UTF-8 byte order mark', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(ociManifest())]);
    expect(parseManifest(withBom).kind).toBe('image');
  });
});

describe('parseManifest: rejected', () => {
  it('refuses a manifest over MAX_MANIFEST_SIZE with ERR_MANIFEST_TOO_BIG', () => {
    const big = new Uint8Array(MAX_MANIFEST_SIZE + 1).fill(0x20);
    expectError(() => parseManifest(big), 'ERR_MANIFEST_TOO_BIG', `${MAX_MANIFEST_SIZE + 1} bytes`);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('{"schemaVersion":'), 'not valid JSON'],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'not valid UTF-8'],
    ['a JSON array', bytes([ociManifest()]), 'expected a JSON object, got an array'],
    ['JSON null', bytes(null), 'expected a JSON object, got null'],
    ['a JSON string', bytes('manifest'), 'expected a JSON object, got "manifest"'],
    ['empty', new Uint8Array(), 'not valid JSON'],
  ])('refuses %s with ERR_BAD_MANIFEST', (_name, input, fragment) => {
    expectError(() => parseManifest(input), 'ERR_BAD_MANIFEST', fragment);
  });

  const image = ociManifest();
  it.each<[string, unknown, string]>([
    ['schemaVersion', undefined, 'schemaVersion must be 2, got nothing'],
    ['schemaVersion', 3, 'schemaVersion must be 2, got 3'],
    ['schemaVersion', '2', 'schemaVersion must be 2, got "2"'],
    ['mediaType', 7, 'mediaType must be a string, got 7'],
    ['config', undefined, 'config must be an object, got nothing'],
    ['config', 'x', 'config must be an object, got "x"'],
    ['config.mediaType', undefined, 'config.mediaType must be a string, got nothing'],
    ['config.mediaType', 'not a media type', 'config.mediaType is not a valid media type'],
    ['config.digest', 'sha256:abc', 'config.digest is not valid: invalid digest "sha256:abc"'],
    ['config.size', -1, 'config.size must be a non-negative integer, got -1'],
    ['layers', undefined, 'layers must be an array, got nothing'],
    ['layers', {}, 'layers must be an array, got an object'],
    ['layers.1', null, 'layers[1] must be an object, got null'],
    ['layers.1.mediaType', 5, 'layers[1].mediaType must be a string, got 5'],
    ['layers.1.digest', undefined, 'layers[1].digest must be a digest string, got nothing'],
    ['layers.1.digest', `sha256:${'A'.repeat(64)}`, 'layers[1].digest is not valid'],
    ['layers.1.digest', `md5:${'a'.repeat(32)}`, 'unsupported algorithm "md5"'],
    ['layers.1.size', undefined, 'layers[1].size must be a non-negative integer, got nothing'],
    ['layers.1.size', 1.5, 'layers[1].size must be a non-negative integer, got 1.5'],
    ['layers.1.size', '10', 'layers[1].size must be a non-negative integer, got "10"'],
    ['layers.1.size', 2 ** 53, 'layers[1].size must be a non-negative integer'],
    ['layers.1.urls', 'http://x', 'layers[1].urls must be an array'],
    ['layers.1.urls', [1], 'layers[1].urls[0] must be a string, got 1'],
    ['layers.1.annotations', { a: 1 }, 'layers[1].annotations["a"] must be a string, got 1'],
    ['annotations', [], 'annotations must be an object, got an array'],
    ['subject', 'x', 'subject must be an object'],
    ['artifactType', 1, 'artifactType must be a string, got 1'],
    ['manifests', [], 'manifests is not allowed in an image manifest'],
  ])('refuses an image manifest whose %s is %j', (path, value, fragment) => {
    const err = expectError(
      () => parseManifest(bytes(withField(image, path, value))),
      'ERR_BAD_MANIFEST',
      fragment,
    );
    expect(err.message.startsWith('invalid ')).toBe(true);
  });

  it('names the field in details', () => {
    const err = thrown(() => parseManifest(bytes(withField(image, 'layers.1.digest', 'x'))));
    expect(err.details).toEqual({ field: 'layers[1].digest' });
    expect(err.message).toBe(
      'invalid image manifest: layers[1].digest is not valid: invalid digest "x": expected algorithm:hex',
    );
  });

  const index = ociIndex();
  it.each<[string, unknown, string]>([
    ['manifests', undefined, 'manifests must be an array, got nothing'],
    ['manifests.0.digest', 'sha256:1', 'manifests[0].digest is not valid'],
    ['manifests.1.size', -5, 'manifests[1].size must be a non-negative integer, got -5'],
    ['manifests.0.platform', 'linux', 'manifests[0].platform must be an object'],
    [
      'manifests.0.platform.os',
      undefined,
      'manifests[0].platform.os must be a string, got nothing',
    ],
    [
      'manifests.0.platform.architecture',
      '',
      'manifests[0].platform.architecture must not be empty',
    ],
    ['manifests.0.platform.variant', 7, 'manifests[0].platform.variant must be a string'],
    [
      'manifests.0.platform.os.features',
      'x',
      'manifests[0].platform["os.features"] must be an array',
    ],
    ['config', CONFIG, 'config is not allowed in an image index'],
    ['layers', [], 'layers is not allowed in an image index'],
  ])('refuses an index whose %s is %j', (path, value, fragment) => {
    // "os.features" is one key with a dot in it, so it is set by hand.
    const doc = path.endsWith('.os.features')
      ? withField(index, 'manifests.0.platform', {
          ...index.manifests[0]!.platform,
          'os.features': value,
        })
      : withField(index, path, value);
    expectError(() => parseManifest(bytes(doc)), 'ERR_BAD_MANIFEST', fragment);
  });

  it.each([
    [
      'by schemaVersion 1',
      { schemaVersion: 1, name: 'r', tag: 't', fsLayers: [], history: [] },
      undefined,
    ],
    [
      'by its mediaType',
      { schemaVersion: 1, mediaType: MediaType.dockerSchema1, fsLayers: [] },
      undefined,
    ],
    ['by the label (signed)', ociManifest(), MediaType.dockerSchema1Signed],
    ['by the label with parameters', ociManifest(), `${MediaType.dockerSchema1}; charset=utf-8`],
    ['by fsLayers', { name: 'r', fsLayers: [] }, undefined],
  ])('refuses Docker schema 1 (%s) with ERR_UNSUPPORTED_SCHEMA', (_name, doc, label) => {
    const err = expectError(
      () => parseManifest(bytes(doc), label),
      'ERR_UNSUPPORTED_SCHEMA',
      'Docker schema 1 manifests are not supported',
    );
    expect(err.message).toMatch(/re-push/);
    expect(err.message).toMatch(/convert/);
  });

  it.each([
    ['an index labelled as a manifest', ociIndex(), MediaType.ociManifest],
    ['an OCI manifest labelled Docker', ociManifest(), MediaType.dockerManifest],
    [
      'a Docker list labelled OCI',
      { ...ociIndex(), mediaType: MediaType.dockerManifestList },
      MediaType.ociIndex,
    ],
    ['a manifest labelled with an unknown type', ociManifest(), 'application/vnd.example+json'],
  ])('refuses %s with ERR_BAD_MANIFEST', (_name, doc, label) => {
    const err = expectError(
      () => parseManifest(bytes(doc), label),
      'ERR_BAD_MANIFEST',
      'but was labelled',
    );
    expect(err.message).toContain(`"${label}"`);
  });

  it('refuses an index-shaped document labelled as a manifest, without its own mediaType', () => {
    const doc = withField(ociIndex(), 'mediaType', undefined);
    expectError(
      () => parseManifest(bytes(doc), MediaType.ociManifest),
      'ERR_BAD_MANIFEST',
      'manifests is not allowed in an image manifest',
    );
  });

  it.each([
    ['in the JSON', ociManifest({ mediaType: 'application/vnd.example.thing+json' }), undefined],
    [
      'in the label',
      withField(ociManifest(), 'mediaType', undefined),
      'application/vnd.example+json',
    ],
    ['for a config media type', ociManifest({ mediaType: MediaType.ociConfig }), undefined],
    ['when empty', ociManifest({ mediaType: '' }), undefined],
  ])('refuses an unknown media type %s with ERR_BAD_MEDIA_TYPE', (_name, doc, label) => {
    expectError(
      () => parseManifest(bytes(doc), label),
      'ERR_BAD_MEDIA_TYPE',
      'unsupported manifest media type',
    );
  });

  it('refuses a document that is neither manifest nor index', () => {
    expectError(
      () => parseManifest(bytes({ schemaVersion: 2 })),
      'ERR_BAD_MANIFEST',
      'neither "manifests" nor "config" and "layers"',
    );
    expectError(
      () => parseManifest(bytes({ schemaVersion: 2, manifests: [], layers: [] })),
      'ERR_BAD_MANIFEST',
      'both "manifests" and "config"/"layers"',
    );
  });

  it('checks embedded data against the descriptor', () => {
    const config = { mediaType: MediaType.ociEmpty, digest: digestOf('{}'), size: 2 };
    const ok = ociManifest({ config: { ...config, data: 'e30=' } });
    expect(parseManifest(bytes(ok)).kind).toBe('image');
    expectError(
      () => parseManifest(bytes(ociManifest({ config: { ...config, data: 'e3w=' } }))),
      'ERR_BAD_MANIFEST',
      'config.data does not match the descriptor',
    );
    expectError(
      () => parseManifest(bytes(ociManifest({ config: { ...config, data: '{}' } }))),
      'ERR_BAD_MANIFEST',
      'config.data must be base64 text',
    );
  });
});

describe('detectManifestMediaType', () => {
  it.each<[string, unknown, string]>([
    [
      'the JSON mediaType',
      ociManifest({ mediaType: MediaType.dockerManifest }),
      MediaType.dockerManifest,
    ],
    ['an unknown JSON mediaType as is', { mediaType: 'application/x-y' }, 'application/x-y'],
    ['an index by shape', { schemaVersion: 2, manifests: [] }, MediaType.ociIndex],
    [
      'a manifest by shape',
      { schemaVersion: 2, config: CONFIG, layers: [] },
      MediaType.ociManifest,
    ],
    ['a manifest with only layers', { schemaVersion: 2, layers: [] }, MediaType.ociManifest],
    ['schema 1', { schemaVersion: 1, fsLayers: [] }, MediaType.dockerSchema1],
    [
      'signed schema 1',
      { schemaVersion: 1, fsLayers: [], signatures: [] },
      MediaType.dockerSchema1Signed,
    ],
  ])('detects %s', (_name, doc, want) => {
    expect(detectManifestMediaType(bytes(doc))).toBe(want);
  });

  it('throws ERR_BAD_MANIFEST for non-JSON and for ambiguous shapes', () => {
    expectError(
      () => detectManifestMediaType(new TextEncoder().encode('nope')),
      'ERR_BAD_MANIFEST',
      'not valid JSON',
    );
    expectError(
      () => detectManifestMediaType(bytes({ schemaVersion: 2 })),
      'ERR_BAD_MANIFEST',
      'no mediaType',
    );
  });
});

describe('mediaTypeFromContentType', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['application/json', undefined],
    ['Application/JSON; charset=utf-8', undefined],
    ['text/plain', undefined],
    [`${MediaType.ociIndex};charset=utf-8`, MediaType.ociIndex],
    ['APPLICATION/VND.OCI.IMAGE.INDEX.V1+JSON', MediaType.ociIndex],
  ])('%j → %j', (input, want) => {
    expect(mediaTypeFromContentType(input)).toBe(want);
  });
});

describe('manifestDescriptors', () => {
  it('lists config then layers for an image, without the subject', () => {
    const parsed = parseManifest(bytes(ociManifest({ subject: entry('s') })));
    expect(manifestDescriptors(parsed)).toEqual([CONFIG, LAYER, LAYER1]);
  });

  it('lists the entries of an index, as a copy', () => {
    const parsed = parseManifest(bytes(ociIndex()));
    const list = manifestDescriptors(parsed);
    expect(list.map((d) => d.digest)).toEqual([digest('amd64'), digest('arm64')]);
    list.pop();
    expect(manifestDescriptors(parsed)).toHaveLength(2);
  });
});

describe('parseImageConfig', () => {
  const config = {
    created: '2024-01-01T00:00:00Z',
    architecture: 'arm64',
    variant: 'v8',
    os: 'linux',
    config: {
      Env: ['PATH=/usr/bin'],
      Entrypoint: null,
      Cmd: ['sh'],
      WorkingDir: '/',
      Labels: { a: 'b' },
      ExposedPorts: { '80/tcp': {} },
    },
    rootfs: { type: 'layers', diff_ids: [digest('d0'), digest('d1')] },
    history: [{ created_by: 'ADD x /' }, { created_by: 'CMD ["sh"]', empty_layer: true }],
  };

  it('parses a full config', () => {
    expect(parseImageConfig(bytes(config))).toEqual(config);
  });

  it('parses a minimal config', () => {
    const minimal = {
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
    };
    expect(parseImageConfig(bytes(minimal))).toEqual(minimal);
  });

  it('drops the nulls Docker writes for empty maps and lists', () => {
    const docker = withField(config, 'config', {
      Env: null,
      Labels: null,
      Volumes: null,
      ExposedPorts: null,
      Cmd: null,
      OnBuild: null,
    });
    expect(parseImageConfig(bytes(docker)).config).toEqual({ Cmd: null, OnBuild: null });
    expect(parseImageConfig(bytes(withField(config, 'config', null))).config).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['architecture', undefined, 'architecture must be a string, got nothing'],
    ['architecture', '', 'architecture must not be empty'],
    ['os', 1, 'os must be a string, got 1'],
    ['variant', 8, 'variant must be a string, got 8'],
    ['rootfs', undefined, 'rootfs must be an object, got nothing'],
    ['rootfs.type', 'tarball', 'rootfs.type must be "layers", got "tarball"'],
    ['rootfs.diff_ids', undefined, 'rootfs.diff_ids must be an array, got nothing'],
    [
      'rootfs.diff_ids.1',
      'sha256:nope',
      'rootfs.diff_ids[1] is not valid: invalid digest "sha256:nope"',
    ],
    ['rootfs.diff_ids.0', 7, 'rootfs.diff_ids[0] must be a digest string, got 7'],
    ['config', [], 'config must be an object, got an array'],
    ['config.Env', 'A=b', 'config.Env must be an array'],
    ['config.Env', [1], 'config.Env[0] must be a string, got 1'],
    ['config.Cmd', 'sh', 'config.Cmd must be an array'],
    ['config.Labels', { a: 1 }, 'config.Labels["a"] must be a string, got 1'],
    ['config.WorkingDir', 5, 'config.WorkingDir must be a string, got 5'],
    ['config.ExposedPorts', ['80'], 'config.ExposedPorts must be an object'],
    ['history', {}, 'history must be an array'],
    ['history.0', 'x', 'history[0] must be an object'],
    ['history.1.empty_layer', 'yes', 'history[1].empty_layer must be a boolean, got "yes"'],
    ['history.0.created_by', 1, 'history[0].created_by must be a string'],
  ])('refuses a config whose %s is %j', (path, value, fragment) => {
    const err = expectError(
      () => parseImageConfig(bytes(withField(config, path, value))),
      'ERR_BAD_MANIFEST',
      fragment,
    );
    expect(err.message.startsWith('invalid image config: ')).toBe(true);
  });

  it('refuses non-JSON', () => {
    expectError(
      () => parseImageConfig(new TextEncoder().encode('[')),
      'ERR_BAD_MANIFEST',
      'invalid image config: not valid JSON',
    );
  });
});
