// Writes one image as a docker archive (`docker load` format): plain layer tars, config, manifest.json, repositories.

import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { type Digest, digestHex, digestOf } from '../../digest.js';
import { contextual, LighterError } from '../../errors.js';
import { writeContentFile } from '../../fs/content-file.js';
import { packTar, type TarMember } from '../../fs/tar-pack.js';
import type {
  BlobToPut,
  DestinationCapabilities,
  ImageDestination,
  RawManifest,
} from '../../image.js';
import { type Descriptor, parseImageConfig, parseManifest } from '../../manifest.js';
import { layerCompression, MediaType } from '../../media-types.js';
import { formatReference, type Reference, repositoryName } from '../../reference.js';
import type { OpenOptions } from '../types.js';
import { ARCHIVE_MANIFEST, type ArchiveImage, REPOSITORIES } from './archive-manifest.js';
import { AutoDecompress } from './decompress.js';
import { type DockerArchiveReference, dockerArchiveTransport } from './transport.js';

const CAPABILITIES: DestinationCapabilities = {
  // The archive keeps no manifest (it is rebuilt on load), so either format describes the image.
  manifestTypes: [MediaType.dockerManifest, MediaType.ociManifest],
  acceptsIndex: false,
  canMount: false,
  prefersCompressedLayers: false,
};

interface StagedBlob {
  /** The staged file, named as in the archive (`<hex>.tar` or `<hex>.json`). */
  file: string;
  /** Digest of the bytes in the file: the diff_id for a layer. */
  written: Digest;
  layer: boolean;
}

interface PreparedImage {
  config: StagedBlob;
  configBytes: Uint8Array;
  layers: StagedBlob[];
}

/**
 * Blobs are staged in a directory beside FILE (layers decompressed on the way in); putManifest
 * checks every layer's uncompressed digest against the config's diff_ids; commit packs the
 * archive into a temp file renamed over FILE. Nothing appears at FILE before commit.
 */
export class DockerArchiveDestination implements ImageDestination {
  readonly name: string;
  readonly capabilities = CAPABILITIES;
  readonly #file: string;
  readonly #staging: string;
  readonly #reference: Reference | undefined;
  /** By the digest the caller gave (or computed from its bytes) and by the digest written. */
  readonly #blobs = new Map<Digest, StagedBlob>();
  #image: PreparedImage | undefined;

  constructor(name: string, file: string, staging: string, reference: Reference | undefined) {
    this.name = name;
    this.#file = file;
    this.#staging = staging;
    this.#reference = reference;
  }

  async tryReuseBlob(descriptor: Descriptor): Promise<boolean> {
    return this.#blobs.has(descriptor.digest);
  }

  async putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }> {
    const layer = layerCompression(blob.mediaType) !== undefined;
    const writing = writeContentFile(stream, {
      tempDir: this.#staging,
      expected: {
        ...(blob.digest ? { digest: blob.digest } : {}),
        ...(blob.size !== undefined ? { size: blob.size } : {}),
        what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
      },
      ...(layer ? { decode: new AutoDecompress() } : {}),
      finalPath: (w) => join(this.#staging, `${digestHex(w.digest)}.${layer ? 'tar' : 'json'}`),
    });
    const result = await writing.catch((err: NodeJS.ErrnoException) => {
      // zlib's errors (Z_DATA_ERROR...) mean the layer is not the gzip/zstd stream it looks like.
      if (typeof err?.code === 'string' && err.code.startsWith('Z_')) {
        throw new LighterError(
          'ERR_UNSAFE_ARCHIVE',
          `${this.name}: decompressing layer ${blob.digest ?? ''}: ${err.message}`,
          { cause: err },
        );
      }
      throw err;
    });
    const staged: StagedBlob = { file: result.path, written: result.written.digest, layer };
    this.#blobs.set(result.input.digest, staged);
    this.#blobs.set(result.written.digest, staged);
    return result.written;
  }

  async putManifest(manifest: RawManifest, instance?: Digest): Promise<void> {
    const parsed = parseManifest(manifest.bytes, manifest.mediaType);
    if (instance !== undefined || parsed.kind !== 'image') {
      throw new LighterError(
        'ERR_UNSUPPORTED',
        `${this.name}: a docker archive holds one image, not an index; choose a platform`,
      );
    }
    const { config, layers } = parsed.manifest;
    const stagedConfig = this.#staged(config, 'config');
    const configBytes = await readFile(stagedConfig.file);
    const diffIds = parseImageConfig(configBytes).rootfs.diff_ids;
    if (diffIds.length !== layers.length) {
      throw new LighterError(
        'ERR_BAD_MANIFEST',
        `${this.name}: the manifest has ${layers.length} layers but the config ${diffIds.length} diff_ids`,
      );
    }
    const stagedLayers = layers.map((layer, i) => {
      const staged = this.#staged(layer, `layer ${i}`);
      if (staged.written !== diffIds[i]) {
        throw new LighterError(
          'ERR_DIGEST_MISMATCH',
          `${this.name}: layer ${i} (${layer.digest}) uncompresses to ${staged.written}, but the config's diff_id is ${diffIds[i]}`,
          { details: { expected: diffIds[i], actual: staged.written } },
        );
      }
      return staged;
    });
    this.#image = { config: stagedConfig, configBytes, layers: stagedLayers };
  }

  async commit(): Promise<void> {
    const image = this.#image;
    if (!image) {
      throw new LighterError('ERR_INVALID_ARGUMENT', `${this.name}: commit before putManifest`);
    }
    await contextual(
      `writing ${this.name}`,
      () => packTar(this.#file, archiveMembers(image, this.#reference)),
      'ERR_STORE',
    );
  }

  async close(): Promise<void> {
    await rm(this.#staging, { recursive: true, force: true });
  }

  #staged(descriptor: Descriptor, what: string): StagedBlob {
    const staged = this.#blobs.get(descriptor.digest);
    if (!staged) {
      throw new LighterError(
        'ERR_INVALID_ARGUMENT',
        `${this.name}: ${what} ${descriptor.digest} was not put before putManifest`,
      );
    }
    return staged;
  }
}

/**
 * manifest.json and repositories first (a streaming reader finds them early), then the config
 * and the layers, then the legacy per-layer directories that docker before 1.10 loads by.
 */
function archiveMembers(image: PreparedImage, reference: Reference | undefined): TarMember[] {
  const configName = basename(image.config.file);
  const layerNames = image.layers.map((l) => basename(l.file));
  // Full names, as skopeo writes them: docker load shortens them itself, while podman load
  // would file a short `busybox:1` under localhost/.
  const repoTags = reference ? [formatReference(reference)] : [];
  const entry: ArchiveImage = { Config: configName, RepoTags: repoTags, Layers: layerNames };

  const legacy = legacyLayers(image);
  const members: TarMember[] = [
    { name: ARCHIVE_MANIFEST, type: 'file', data: JSON.stringify([entry]) },
  ];
  const top = legacy.at(-1);
  if (reference?.tag && top) {
    const repository = repositoryName(reference);
    members.push({
      name: REPOSITORIES,
      type: 'file',
      data: JSON.stringify({ [repository]: { [reference.tag]: top.id } }),
    });
  }
  members.push({ name: configName, type: 'file', path: image.config.file });
  const seen = new Set<string>();
  for (const layer of image.layers) {
    const name = basename(layer.file);
    if (seen.has(name)) continue;
    seen.add(name);
    members.push({ name, type: 'file', path: layer.file });
  }
  for (const { id, json, layerFile } of legacy) {
    members.push(
      { name: id, type: 'directory' },
      { name: `${id}/VERSION`, type: 'file', data: '1.0' },
      { name: `${id}/json`, type: 'file', data: json },
      { name: `${id}/layer.tar`, type: 'symlink', target: `../${layerFile}` },
    );
  }
  return members;
}

/**
 * Legacy layer IDs are chain IDs (unique even when one layer repeats); docker allocates its own
 * on load, so they only need to be unique and free of loops. The top one carries the config's
 * runtime fields, as the legacy format expects.
 */
function legacyLayers(image: PreparedImage): { id: string; json: string; layerFile: string }[] {
  const config = JSON.parse(Buffer.from(image.configBytes).toString('utf8')) as Record<
    string,
    unknown
  >;
  const out: { id: string; json: string; layerFile: string }[] = [];
  let chain: Digest | undefined;
  let parent: string | undefined;
  image.layers.forEach((layer, i) => {
    chain = chain === undefined ? layer.written : digestOf(`${chain} ${layer.written}`);
    const id = digestHex(chain);
    const json: Record<string, unknown> = { id };
    if (parent) json.parent = parent;
    if (i === image.layers.length - 1) {
      for (const key of [
        'architecture',
        'config',
        'container',
        'container_config',
        'created',
        'docker_version',
        'os',
      ]) {
        if (config[key] !== undefined) json[key] = config[key];
      }
    }
    out.push({ id, json: JSON.stringify(json), layerFile: basename(layer.file) });
    parent = id;
  });
  return out;
}

export async function openDockerArchiveDestination(
  ref: DockerArchiveReference,
  _options: OpenOptions = {},
): Promise<DockerArchiveDestination> {
  const name = `docker-archive:${dockerArchiveTransport.format(ref)}`;
  if (ref.index !== undefined) {
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `${name}: @N picks an image to read; to write, give a tag or nothing`,
    );
  }
  const parent = dirname(ref.path);
  await contextual(`opening ${name}`, () => mkdir(parent, { recursive: true }), 'ERR_STORE');
  // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
  const staging = await mkdtemp(join(parent, `.${basename(ref.path)}.staging-`));
  return new DockerArchiveDestination(name, ref.path, staging, ref.reference);
}
