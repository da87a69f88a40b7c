// Assembles fixture images (config + manifest over written layers) and reads them back from a layout.

import { readFile } from 'node:fs/promises';
import type { Digest } from '../../src/core/digest.js';
import type {
  ContainerConfig,
  Descriptor,
  ImageConfig,
  ImageManifest,
  Platform,
} from '../../src/core/manifest.js';
import { isIndexMediaType, MediaType } from '../../src/core/media-types.js';
import {
  blobPath,
  FIXTURE_EPOCH,
  REF_NAME,
  readIndex,
  type WrittenLayer,
  writeJsonBlob,
} from './oci-layout.js';

export type ImageFormat = 'oci' | 'docker';

/** An image written to a layout: enough to assert on every byte a transport should reproduce. */
export interface WrittenImage {
  layoutDir: string;
  manifestDigest: Digest;
  manifestDescriptor: Descriptor;
  manifest: ImageManifest;
  configDescriptor: Descriptor;
  config: ImageConfig;
  layers: Descriptor[];
  diffIds: Digest[];
  platform: Platform;
}

/** A written image tagged in index.json. */
export interface ImageFixture extends WrittenImage {
  /** The index.json name (`org.opencontainers.image.ref.name`). */
  tag: string;
  /** `oci:DIR:TAG`, ready for skopeo and for lighter's own reference parser. */
  reference: string;
}

const ARCHITECTURES: Record<string, Platform> = {
  x64: { os: 'linux', architecture: 'amd64' },
  arm64: { os: 'linux', architecture: 'arm64', variant: 'v8' },
  arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
  ia32: { os: 'linux', architecture: '386' },
  ppc64: { os: 'linux', architecture: 'ppc64le' },
  s390x: { os: 'linux', architecture: 's390x' },
  riscv64: { os: 'linux', architecture: 'riscv64' },
  loong64: { os: 'linux', architecture: 'loong64' },
};

/** The OCI platform of this machine, as an image built here would declare it. */
export function hostPlatform(): Platform {
  const platform = ARCHITECTURES[process.arch];
  if (!platform) throw new Error(`hostPlatform: no OCI architecture for node's "${process.arch}"`);
  return { ...platform };
}

/** Parses `os/arch[/variant]`, e.g. `linux/arm64/v8`. */
export function parsePlatform(text: string): Platform {
  const [os, architecture, variant, ...rest] = text.split('/');
  if (!os || !architecture || rest.length > 0 || variant === '') {
    throw new Error(`parsePlatform: "${text}" is not os/arch[/variant]`);
  }
  return variant ? { os, architecture, variant } : { os, architecture };
}

export function formatPlatform(platform: Platform): string {
  const { os, architecture, variant } = platform;
  return variant ? `${os}/${architecture}/${variant}` : `${os}/${architecture}`;
}

export interface WriteImageOptions {
  layers: readonly WrittenLayer[];
  platform: Platform;
  format?: ImageFormat;
  /** The runtime part of the config (Env, Cmd, ...). */
  container?: ContainerConfig;
  /** `created_by` of each layer's history entry; defaults to a fixture note. */
  createdBy?: readonly string[];
}

/**
 * Writes the config and manifest blobs for already written layers. It does not touch
 * index.json: the caller tags the manifest (addToIndex) or lists it in an index.
 */
export async function writeImage(dir: string, options: WriteImageOptions): Promise<WrittenImage> {
  const docker = (options.format ?? 'oci') === 'docker';
  const created = FIXTURE_EPOCH.toISOString();
  const { os, architecture, variant } = options.platform;
  const config: ImageConfig = {
    created,
    architecture,
    os,
    ...(variant ? { variant } : {}),
    config: options.container ?? {},
    rootfs: { type: 'layers', diff_ids: options.layers.map((l) => l.diffId) },
    history: options.layers.map((_, i) => ({
      created,
      created_by: options.createdBy?.[i] ?? `lighter test fixture: layer ${i}`,
    })),
  };
  const configDescriptor = await writeJsonBlob(
    dir,
    config,
    docker ? MediaType.dockerConfig : MediaType.ociConfig,
  );
  const layers = options.layers.map((l) => l.descriptor);
  for (const layer of layers) {
    if (docker && layer.mediaType !== MediaType.dockerLayerGzip) {
      throw new Error(`writeImage: a docker image needs gzip layers, not ${layer.mediaType}`);
    }
    if (!docker && !layer.mediaType.startsWith('application/vnd.oci.image.layer.')) {
      throw new Error(`writeImage: an OCI image needs OCI layers, not ${layer.mediaType}`);
    }
  }
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: docker ? MediaType.dockerManifest : MediaType.ociManifest,
    config: configDescriptor,
    layers,
  };
  const manifestDescriptor = await writeJsonBlob(dir, manifest, manifest.mediaType!);
  return {
    layoutDir: dir,
    manifestDigest: manifestDescriptor.digest,
    manifestDescriptor,
    manifest,
    configDescriptor,
    config,
    layers,
    diffIds: config.rootfs.diff_ids,
    platform: options.platform,
  };
}

/** Reads the single-platform image tagged `tag` in a layout (as a fixture helper returns it). */
export async function readImageFixture(dir: string, tag = 'latest'): Promise<ImageFixture> {
  const index = await readIndex(dir);
  const entry = index.manifests.find((m) => m.annotations?.[REF_NAME] === tag);
  if (!entry) throw new Error(`readImageFixture: no manifest tagged "${tag}" in ${dir}/index.json`);
  if (isIndexMediaType(entry.mediaType)) {
    throw new Error(`readImageFixture: "${tag}" in ${dir} is an index, not an image`);
  }
  const manifest = JSON.parse(await readFile(blobPath(dir, entry.digest), 'utf8')) as ImageManifest;
  const config = JSON.parse(
    await readFile(blobPath(dir, manifest.config.digest), 'utf8'),
  ) as ImageConfig;
  const { os, architecture, variant } = config;
  const { annotations: _annotations, ...manifestDescriptor } = entry;
  return {
    layoutDir: dir,
    tag,
    reference: `oci:${dir}:${tag}`,
    manifestDigest: entry.digest,
    manifestDescriptor,
    manifest,
    configDescriptor: manifest.config,
    config,
    layers: manifest.layers,
    diffIds: config.rootfs.diff_ids,
    platform: variant ? { os, architecture, variant } : { os, architecture },
  };
}
