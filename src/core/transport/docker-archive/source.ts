// Reads an image from a docker archive, presenting it as a Docker v2s2 manifest over the archive's own files.

import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Digest, DigestingStream, digestOf } from '../../digest.js';
import { LighterError } from '../../errors.js';
import { type TarTree, tarTree } from '../../fs/tar-tree.js';
import type { ImageSource, RawManifest } from '../../image.js';
import { type Descriptor, type ImageManifest, parseImageConfig } from '../../manifest.js';
import { MediaType } from '../../media-types.js';
import { formatReference, parseReference } from '../../reference.js';
import type { OpenOptions } from '../types.js';
import {
  ARCHIVE_MANIFEST,
  type ArchiveImage,
  DOCKER_LAYER_TAR,
  parseArchiveManifest,
} from './archive-manifest.js';
import { type DockerArchiveReference, dockerArchiveTransport } from './transport.js';

/**
 * The manifest is synthesized when the source opens: config as stored, and each layer file as
 * stored — a plain tar (digest = its diff_id, which the consumer verifies) or, when the archive
 * holds it gzipped, the compressed bytes under their own digest, hashed here once.
 */
export class DockerArchiveSource implements ImageSource {
  readonly name: string;
  readonly #tree: TarTree;
  readonly #manifest: RawManifest;
  /** Blob digest → member path. */
  readonly #files: ReadonlyMap<Digest, string>;

  private constructor(
    name: string,
    tree: TarTree,
    manifest: RawManifest,
    files: Map<Digest, string>,
  ) {
    this.name = name;
    this.#tree = tree;
    this.#manifest = manifest;
    this.#files = files;
  }

  static async open(ref: DockerArchiveReference): Promise<DockerArchiveSource> {
    const name = `docker-archive:${dockerArchiveTransport.format(ref)}`;
    const tree = await tarTree(ref.path);
    try {
      const images = parseArchiveManifest(await tree.readFile(ARCHIVE_MANIFEST), tree.location);
      const image = selectImage(images, ref, `docker-archive:${ref.path}`);
      const { manifest, files } = await synthesize(tree, image, name);
      return new DockerArchiveSource(name, tree, manifest, files);
    } catch (err) {
      await tree.close();
      throw err;
    }
  }

  async manifest(instance?: Digest): Promise<RawManifest> {
    if (instance !== undefined && instance !== this.#manifest.digest) {
      throw new LighterError(
        'ERR_NOT_FOUND',
        `${this.name}: holds one image, not an index with ${instance}`,
      );
    }
    return this.#manifest;
  }

  async blob(descriptor: Descriptor): Promise<Readable> {
    const path = this.#files.get(descriptor.digest);
    if (path === undefined) {
      throw new LighterError('ERR_NOT_FOUND', `${this.name}: no blob ${descriptor.digest}`, {
        details: { digest: descriptor.digest },
      });
    }
    return this.#tree.open(path);
  }

  close(): Promise<void> {
    return this.#tree.close();
  }
}

export function openDockerArchiveSource(
  ref: DockerArchiveReference,
  _options: OpenOptions = {},
): Promise<DockerArchiveSource> {
  return DockerArchiveSource.open(ref);
}

function selectImage(
  images: ArchiveImage[],
  ref: DockerArchiveReference,
  where: string,
): ArchiveImage {
  const tags = () => {
    const all = images.flatMap((img, i) => (img.RepoTags?.length ? img.RepoTags : [`@${i}`]));
    return all.length > 0 ? all.join(', ') : 'nothing';
  };
  if (ref.index !== undefined) {
    const image = images[ref.index];
    if (image) return image;
    throw new LighterError(
      'ERR_NOT_FOUND',
      `${where}: no image @${ref.index} (the archive holds ${images.length})`,
    );
  }
  if (ref.reference) {
    const want = formatReference(ref.reference);
    const image = images.find((img) =>
      (img.RepoTags ?? []).some((tag) => sameReference(tag, want)),
    );
    if (image) return image;
    throw new LighterError(
      'ERR_NOT_FOUND',
      `${where}: no image tagged ${want} (the archive has ${tags()})`,
    );
  }
  const only = images[0];
  if (images.length === 1 && only) return only;
  throw new LighterError(
    'ERR_NOT_FOUND',
    images.length === 0
      ? `${where}: the archive holds no images`
      : `${where}: the archive holds ${images.length} images (${tags()}); pick one as ${where}:NAME:TAG or ${where}:@N`,
  );
}

function sameReference(tag: string, want: string): boolean {
  try {
    return formatReference(parseReference(tag)) === want;
  } catch {
    return false;
  }
}

async function synthesize(
  tree: TarTree,
  image: ArchiveImage,
  name: string,
): Promise<{ manifest: RawManifest; files: Map<Digest, string> }> {
  const files = new Map<Digest, string>();
  const configBytes = await tree.readFile(image.Config);
  const config = parseImageConfig(configBytes);
  const diffIds = config.rootfs.diff_ids;
  if (diffIds.length !== image.Layers.length) {
    throw new LighterError(
      'ERR_BAD_MANIFEST',
      `${name}: ${image.Layers.length} layer files but ${diffIds.length} diff_ids in the config`,
    );
  }
  const configDescriptor: Descriptor = {
    mediaType: MediaType.dockerConfig,
    size: configBytes.length,
    digest: digestOf(configBytes),
  };
  files.set(configDescriptor.digest, image.Config);

  const layers: Descriptor[] = [];
  for (const [i, path] of image.Layers.entries()) {
    const size = await tree.size(path);
    if (size === undefined) {
      throw new LighterError(
        'ERR_NOT_FOUND',
        `${name}: layer file ${path} is missing from the archive`,
      );
    }
    const head = await tree.head(path, 4);
    let layer: Descriptor;
    if (head[0] === 0x1f && head[1] === 0x8b) {
      const hashing = new DigestingStream();
      await pipeline(await tree.open(path), hashing, new Writable({ write: (_c, _e, cb) => cb() }));
      layer = { mediaType: MediaType.dockerLayerGzip, size, digest: hashing.digest };
    } else if (head.length === 4 && head.readUInt32LE(0) === 0xfd2fb528) {
      throw new LighterError(
        'ERR_UNSUPPORTED',
        `${name}: layer ${path} is zstd-compressed, which a Docker v2s2 manifest cannot describe`,
      );
    } else {
      // A plain tar: its digest is its diff_id (checked by whoever reads it).
      layer = { mediaType: DOCKER_LAYER_TAR, size, digest: diffIds[i] as Digest };
    }
    layers.push(layer);
    files.set(layer.digest, path);
  }
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: MediaType.dockerManifest,
    config: configDescriptor,
    layers,
  };
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  return {
    manifest: { bytes, mediaType: MediaType.dockerManifest, digest: digestOf(bytes) },
    files,
  };
}
