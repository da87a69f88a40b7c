// Reads what `inspect` shows: the manifest as stored, the chosen image's config, and a summary
// in the shape `skopeo inspect` prints.

import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Digest, VerifyingStream } from './digest.js';
import { LighterError } from './errors.js';
import type { ImageSource, RawManifest } from './image.js';
import {
  type Descriptor,
  type ImageConfig,
  type ImageManifest,
  type Platform,
  parseImageConfig,
  parseManifest,
} from './manifest.js';
import { hostPlatform, selectManifest } from './platform.js';

/** Configs are small; anything bigger than this is not a config. */
const CONFIG_LIMIT = 16 * 1024 * 1024;

export interface InspectedImage {
  /** The top-level manifest (an index for multi-platform images). */
  top: RawManifest;
  /** The image manifest chosen (the top-level one unless it is an index). */
  image: RawManifest;
  manifest: ImageManifest;
  configBytes: Uint8Array;
  config: ImageConfig;
}

/** Fetches and verifies the manifest(s) and config of an image, picking a platform from an index. */
export async function inspectImage(
  source: ImageSource,
  options: { platform?: Platform } = {},
): Promise<InspectedImage> {
  const top = await source.manifest();
  let image = top;
  let parsed = parseManifest(top.bytes, top.mediaType);
  if (parsed.kind === 'index') {
    const chosen = selectManifest(parsed.index, options.platform ?? hostPlatform());
    image = await source.manifest(chosen.digest);
    parsed = parseManifest(image.bytes, image.mediaType);
    if (parsed.kind !== 'image') {
      throw new LighterError(
        'ERR_BAD_MANIFEST',
        `${source.name}: nested index ${chosen.digest} is not supported`,
      );
    }
  }
  const manifest = parsed.manifest;
  const configBytes = await readBlob(source, manifest.config, CONFIG_LIMIT);
  return { top, image, manifest, configBytes, config: parseImageConfig(configBytes) };
}

/** Reads a small blob whole, verified against its descriptor. */
export async function readBlob(
  source: ImageSource,
  desc: Descriptor,
  limit: number,
): Promise<Uint8Array> {
  if (desc.size > limit) {
    throw new LighterError(
      'ERR_BAD_MANIFEST',
      `${source.name}: blob ${desc.digest} is ${desc.size} bytes, over the ${limit}-byte limit`,
    );
  }
  const chunks: Buffer[] = [];
  await pipeline(
    await source.blob(desc),
    new VerifyingStream({
      digest: desc.digest,
      size: desc.size,
      what: `blob ${desc.digest} of ${source.name}`,
    }),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(chunks);
}

/** The JSON `skopeo inspect` prints, from what inspectImage read. */
export interface InspectSummary {
  Name?: string;
  Digest: Digest;
  RepoTags: string[];
  Created?: string;
  DockerVersion: string;
  Labels: Record<string, string> | null;
  Architecture: string;
  Os: string;
  Variant?: string;
  Layers: Digest[];
  LayersData: Array<{
    MIMEType: string;
    Digest: Digest;
    Size: number;
    Annotations: Record<string, string> | null;
  }>;
  Env: string[] | null;
}

export function inspectSummary(
  inspected: InspectedImage,
  extra: { name?: string; repoTags?: string[] } = {},
): InspectSummary {
  const { config, manifest } = inspected;
  const summary: InspectSummary = {
    ...(extra.name ? { Name: extra.name } : {}),
    Digest: inspected.top.digest,
    RepoTags: extra.repoTags ?? [],
    ...(config.created ? { Created: config.created } : {}),
    DockerVersion: (config as { docker_version?: string }).docker_version ?? '',
    Labels: config.config?.Labels ?? null,
    Architecture: config.architecture,
    Os: config.os,
    ...(config.variant ? { Variant: config.variant } : {}),
    Layers: manifest.layers.map((l) => l.digest),
    LayersData: manifest.layers.map((l) => ({
      MIMEType: l.mediaType,
      Digest: l.digest,
      Size: l.size,
      Annotations: l.annotations ?? null,
    })),
    Env: config.config?.Env ?? null,
  };
  return summary;
}
