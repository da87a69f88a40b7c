// Checks an OCI image layout byte for byte: the oracle every transport test asserts with.

import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import * as tar from 'tar-stream';
import { type Digest, DigestingStream, isDigest } from '../../src/core/digest.js';
import type {
  Descriptor,
  ImageConfig,
  ImageIndex,
  ImageManifest,
} from '../../src/core/manifest.js';
import {
  isImageManifestMediaType,
  isIndexMediaType,
  type LayerCompression,
  layerCompression,
  MediaType,
} from '../../src/core/media-types.js';
import { blobPath, REF_NAME } from './oci-layout.js';

export interface ValidateOptions {
  /**
   * Also read every layer as a tar archive (after checking its diff_id). On by default; turn off
   * for huge layers when the digests are all you need.
   */
  checkTar?: boolean;
}

export interface LayoutReport {
  /** Every blob reached from index.json (or from the tag), manifests included. */
  referenced: Digest[];
  /** Blobs present under blobs/ that nothing reached: garbage a GC should have removed. */
  unreferenced: Digest[];
  /** Image manifests checked (one per platform for an index). */
  images: Array<{ digest: Digest; platform?: string; layers: number }>;
}

/** Thrown with every problem found, one per line, each with the path that led to it. */
export class LayoutError extends Error {
  readonly problems: string[];
  constructor(dir: string, problems: string[]) {
    super(`invalid OCI layout ${dir}:\n  ${problems.join('\n  ')}`);
    this.name = 'LayoutError';
    this.problems = problems;
  }
}

interface BlobVerdict {
  ok: boolean;
  /** The uncompressed digest, when the blob was read as a layer. */
  diffId?: Digest;
}

const OCI_LAYER_PREFIX = 'application/vnd.oci.image.layer.';
const DOCKER_LAYER_TYPES: readonly string[] = [
  MediaType.dockerLayerGzip,
  MediaType.dockerForeignLayerGzip,
  'application/vnd.docker.image.rootfs.diff.tar',
];

/**
 * Walks index.json → indexes → manifests → config and layers (only the manifest tagged `tag`
 * when given) and checks: every blob exists with the descriptor's size and digest, JSON parses
 * with the right schemaVersion and a mediaType matching its descriptor, children's media types
 * fit their parent's family (OCI or Docker), diff_ids equal the uncompressed layers' digests and
 * platforms in an index match the configs. Throws a LayoutError listing every problem.
 */
export async function validateLayout(
  dir: string,
  tag?: string,
  options: ValidateOptions = {},
): Promise<LayoutReport> {
  const v = new Validator(dir, options.checkTar ?? true);
  await v.run(tag);
  if (v.problems.length > 0) throw new LayoutError(dir, v.problems);
  return {
    referenced: [...v.verified.keys()].sort(),
    unreferenced: (await v.storedBlobs()).filter((d) => !v.verified.has(d)),
    images: v.images,
  };
}

class Validator {
  readonly problems: string[] = [];
  /** Blob digest → its bytes' verdict, so blobs shared between platforms are read once. */
  readonly verified = new Map<Digest, Promise<BlobVerdict>>();
  readonly sizes = new Map<Digest, number>();
  readonly images: LayoutReport['images'] = [];

  readonly dir: string;
  readonly checkTar: boolean;

  constructor(dir: string, checkTar: boolean) {
    this.dir = dir;
    this.checkTar = checkTar;
  }

  async run(tag: string | undefined): Promise<void> {
    const layout = await this.readJson<{ imageLayoutVersion?: unknown }>(
      'oci-layout',
      'oci-layout',
    );
    if (layout && layout.imageLayoutVersion !== '1.0.0') {
      this.problem(
        'oci-layout',
        `imageLayoutVersion is ${JSON.stringify(layout.imageLayoutVersion)}, want "1.0.0"`,
      );
    }
    const index = await this.readJson<ImageIndex>('index.json', 'index.json');
    if (!index) return;
    if (index.schemaVersion !== 2)
      this.problem('index.json', `schemaVersion ${index.schemaVersion}, want 2`);
    if (index.mediaType !== undefined && index.mediaType !== MediaType.ociIndex) {
      this.problem('index.json', `mediaType ${index.mediaType}, want ${MediaType.ociIndex}`);
    }
    if (!Array.isArray(index.manifests)) {
      this.problem('index.json', 'has no manifests array');
      return;
    }
    let entries = index.manifests.map((d, i) => ({ d, where: `index.json manifests[${i}]` }));
    if (tag !== undefined) {
      entries = entries.filter((e) => e.d.annotations?.[REF_NAME] === tag);
      if (entries.length !== 1) {
        const tags = index.manifests.map((d) => d.annotations?.[REF_NAME]).filter(Boolean);
        this.problem(
          'index.json',
          `${entries.length} manifests tagged "${tag}", want 1 (tags: ${tags.join(', ') || 'none'})`,
        );
        return;
      }
    }
    for (const { d, where } of entries) {
      if (isIndexMediaType(d.mediaType)) await this.index(d, where, true);
      else if (isImageManifestMediaType(d.mediaType)) await this.manifest(d, where);
      else this.problem(where, `unexpected mediaType ${d.mediaType} for a manifest`);
    }
  }

  async index(d: Descriptor, where: string, topLevel: boolean): Promise<void> {
    const index = await this.readBlobJson<ImageIndex>(d, where);
    if (!index) return;
    const here = `${where} (index ${d.digest})`;
    this.checkSchema(index, d, here);
    if (!Array.isArray(index.manifests)) {
      this.problem(here, 'has no manifests array');
      return;
    }
    const docker = d.mediaType === MediaType.dockerManifestList;
    for (const [i, child] of index.manifests.entries()) {
      const at = `${here} manifests[${i}]`;
      if (!topLevel && isIndexMediaType(child.mediaType)) {
        await this.index(child, at, false);
      } else if (
        docker
          ? child.mediaType === MediaType.dockerManifest
          : child.mediaType === MediaType.ociManifest
      ) {
        const config = await this.manifest(child, at);
        if (config && child.platform) {
          const { os, architecture, variant } = child.platform;
          if (
            config.os !== os ||
            config.architecture !== architecture ||
            (variant && config.variant !== variant)
          ) {
            this.problem(
              at,
              `platform ${os}/${architecture}${variant ? `/${variant}` : ''} but its config says ` +
                `${config.os}/${config.architecture}${config.variant ? `/${config.variant}` : ''}`,
            );
          }
        }
      } else if (isIndexMediaType(child.mediaType)) {
        await this.index(child, at, false);
      } else {
        this.problem(at, `mediaType ${child.mediaType} does not belong in a ${d.mediaType}`);
      }
    }
  }

  /** Checks an image manifest and its blobs; returns the config when it is an image config. */
  async manifest(d: Descriptor, where: string): Promise<ImageConfig | undefined> {
    const manifest = await this.readBlobJson<ImageManifest>(d, where);
    if (!manifest) return undefined;
    const here = `${where} (manifest ${d.digest})`;
    this.checkSchema(manifest, d, here);
    const docker = d.mediaType === MediaType.dockerManifest;
    if (!manifest.config || !Array.isArray(manifest.layers)) {
      this.problem(here, 'lacks config or layers');
      return undefined;
    }
    const wantConfig = docker ? MediaType.dockerConfig : MediaType.ociConfig;
    const isImage = manifest.config.mediaType === wantConfig;
    if (docker && !isImage) {
      this.problem(here, `config mediaType ${manifest.config.mediaType}, want ${wantConfig}`);
    }
    let config: ImageConfig | undefined;
    if (isImage) config = await this.readBlobJson<ImageConfig>(manifest.config, `${here} config`);
    // An OCI artifact: its config is opaque, only its bytes are checked.
    else await this.blob(manifest.config, `${here} config`);
    const diffIds = config?.rootfs?.diff_ids;
    if (config) {
      const at = `${here} config ${manifest.config.digest}`;
      if (!config.architecture || !config.os) this.problem(at, 'lacks architecture or os');
      if (config.rootfs?.type !== 'layers' || !Array.isArray(diffIds)) {
        this.problem(at, 'rootfs is not {type: "layers", diff_ids: [...]}');
      } else if (diffIds.length !== manifest.layers.length) {
        this.problem(at, `${diffIds.length} diff_ids for ${manifest.layers.length} layers`);
      }
    }
    await Promise.all(
      manifest.layers.map(async (layer, i) => {
        const at = `${here} layers[${i}] ${layer.digest}`;
        const family = docker
          ? DOCKER_LAYER_TYPES.includes(layer.mediaType)
          : layer.mediaType.startsWith(OCI_LAYER_PREFIX) || !isImage;
        if (!family)
          this.problem(at, `mediaType ${layer.mediaType} does not belong in ${d.mediaType}`);
        const verdict = await this.blob(layer, at, layerCompression(layer.mediaType));
        if (verdict.ok && isImage && Array.isArray(diffIds) && verdict.diffId !== diffIds[i]) {
          this.problem(
            at,
            `uncompressed digest ${verdict.diffId} but the config's diff_id is ${diffIds[i]}`,
          );
        }
      }),
    );
    this.images.push({
      digest: d.digest,
      ...(config
        ? {
            platform: `${config.os}/${config.architecture}${config.variant ? `/${config.variant}` : ''}`,
          }
        : {}),
      layers: manifest.layers.length,
    });
    return config;
  }

  checkSchema(
    value: { schemaVersion?: unknown; mediaType?: string },
    d: Descriptor,
    here: string,
  ): void {
    if (value.schemaVersion !== 2)
      this.problem(here, `schemaVersion ${value.schemaVersion}, want 2`);
    // OCI makes the field optional; Docker's types require it. When present it must agree.
    const docker = d.mediaType.startsWith('application/vnd.docker.');
    if (value.mediaType === undefined ? docker : value.mediaType !== d.mediaType) {
      this.problem(
        here,
        `mediaType field ${value.mediaType} but the descriptor says ${d.mediaType}`,
      );
    }
  }

  /**
   * Checks a blob's presence, size and digest, once per digest. With `compression` (a layer) the
   * same pass decompresses it, yields the uncompressed digest and parses the tar.
   */
  blob(d: Descriptor, where: string, compression?: LayerCompression): Promise<BlobVerdict> {
    if (typeof d.digest !== 'string' || !isDigest(d.digest)) {
      this.problem(where, `invalid digest ${JSON.stringify(d.digest)}`);
      return Promise.resolve({ ok: false });
    }
    const seenSize = this.sizes.get(d.digest);
    if (seenSize !== undefined && seenSize !== d.size) {
      this.problem(where, `blob ${d.digest} has size ${d.size} here but ${seenSize} elsewhere`);
      return Promise.resolve({ ok: false });
    }
    this.sizes.set(d.digest, d.size);
    let verdict = this.verified.get(d.digest);
    if (!verdict) {
      verdict = this.checkBlob(d, where, compression);
      this.verified.set(d.digest, verdict);
    }
    return verdict;
  }

  async checkBlob(
    d: Descriptor,
    where: string,
    compression: LayerCompression | undefined,
  ): Promise<BlobVerdict> {
    const path = blobPath(this.dir, d.digest);
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      this.problem(where, `blob ${d.digest} is missing (${path})`);
      return { ok: false };
    }
    if (info.size !== d.size) {
      this.problem(where, `blob ${d.digest} has ${info.size} bytes, the descriptor says ${d.size}`);
      return { ok: false };
    }
    const algorithm = d.digest.startsWith('sha512:') ? 'sha512' : 'sha256';
    const hash = new DigestingStream(algorithm);
    const diff = new DigestingStream();
    const stages: (NodeJS.ReadWriteStream | NodeJS.WritableStream)[] = [hash];
    if (compression) {
      if (compression === 'gzip') stages.push(createGunzip());
      if (compression === 'zstd') stages.push(createZstdDecompress());
      stages.push(diff, this.checkTar ? tarSink() : discard());
    } else {
      stages.push(discard());
    }
    try {
      await pipeline([createReadStream(path), ...stages]);
    } catch (error) {
      // The hash stopped where decompression failed: hash the bytes alone to say which is wrong.
      const plain = new DigestingStream(algorithm);
      await pipeline(createReadStream(path), plain, discard());
      if (plain.digest !== d.digest) {
        this.problem(where, `blob ${d.digest} is corrupt: its content hashes to ${plain.digest}`);
      } else {
        const as = compression === 'none' ? 'tar' : `${compression} tar`;
        this.problem(where, `cannot read as ${as}: ${(error as Error).message}`);
      }
      return { ok: false };
    }
    if (hash.digest !== d.digest) {
      this.problem(where, `blob ${d.digest} is corrupt: its content hashes to ${hash.digest}`);
      return { ok: false };
    }
    return compression ? { ok: true, diffId: diff.digest } : { ok: true };
  }

  async readBlobJson<T>(d: Descriptor, where: string): Promise<T | undefined> {
    if (!(await this.blob(d, where)).ok) return undefined;
    return this.readJson<T>(blobPath(this.dir, d.digest), `${where} ${d.digest}`, true);
  }

  async readJson<T>(path: string, where: string, absolute = false): Promise<T | undefined> {
    let text: string;
    try {
      text = await readFile(absolute ? path : join(this.dir, path), 'utf8');
    } catch (error) {
      this.problem(where, `cannot read: ${(error as Error).message}`);
      return undefined;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      this.problem(where, `is not JSON: ${(error as Error).message}`);
      return undefined;
    }
  }

  async storedBlobs(): Promise<Digest[]> {
    const found: Digest[] = [];
    for (const algorithm of ['sha256', 'sha512']) {
      const names = await readdir(join(this.dir, 'blobs', algorithm)).catch(() => []);
      for (const name of names) {
        const digest = `${algorithm}:${name}`;
        if (isDigest(digest)) found.push(digest);
      }
    }
    return found.sort();
  }

  problem(where: string, what: string): void {
    this.problems.push(`${where}: ${what}`);
  }
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}

/** A sink that parses a tar stream, draining every entry; it fails on a malformed archive. */
function tarSink(): Writable {
  const extract = tar.extract();
  extract.on('entry', (_header, stream, next) => {
    stream.on('end', () => next());
    stream.resume();
  });
  const parsed = new Promise<void>((resolve, reject) => {
    extract.on('finish', () => resolve());
    extract.on('error', reject);
  });
  parsed.catch(() => {});
  // tar-stream's extractor is a streamx stream; this node Writable lets pipeline() drive it.
  return new Writable({
    write(chunk, _encoding, done) {
      if (extract.write(chunk)) done();
      else
        Promise.race([new Promise<void>((r) => extract.once('drain', () => r())), parsed]).then(
          () => done(),
          done,
        );
    },
    final(done) {
      extract.end(undefined);
      parsed.then(() => done(), done);
    },
  });
}
