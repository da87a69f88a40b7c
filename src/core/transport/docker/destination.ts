// Writes an image or index to a registry: the ImageDestination side of the docker transport.

import type { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import { LighterError } from '../../errors.js';
import type {
  BlobToPut,
  DestinationCapabilities,
  ImageDestination,
  RawManifest,
  ReuseOptions,
} from '../../image.js';
import { type Logger, silentLogger } from '../../log.js';
import type { Descriptor } from '../../manifest.js';
import { MediaType } from '../../media-types.js';
import { parseRepository } from '../../reference.js';
import { RegistryClient } from '../../registry/client.js';
import { canonicalRegistry } from '../../registry/endpoint.js';
import type { OpenOptions } from '../types.js';
import { type DockerImageReference, formatDockerReference } from './transport.js';

const CAPABILITIES: DestinationCapabilities = {
  manifestTypes: [
    MediaType.ociManifest,
    MediaType.dockerManifest,
    MediaType.ociIndex,
    MediaType.dockerManifestList,
  ],
  acceptsIndex: true,
  canMount: true,
  prefersCompressedLayers: true,
};

/**
 * A registry repository being pushed to. A registry has no transaction: the tag is the commit
 * point, so `putManifest` without `instance` (the top-level manifest, pushed by tag) must come
 * last, after every blob and child manifest; `commit` then has nothing left to do. Children of
 * an index are pushed by digest, which makes them reachable but names nothing.
 */
export class DockerImageDestination implements ImageDestination {
  readonly name: string;
  readonly capabilities = CAPABILITIES;
  readonly #client: RegistryClient;
  readonly #ref: DockerImageReference;
  readonly #logger: Logger;

  constructor(ref: DockerImageReference, client: RegistryClient, logger: Logger = silentLogger) {
    this.#ref = ref;
    this.#client = client;
    this.#logger = logger;
    this.name = `docker:${formatDockerReference(ref)}`;
  }

  /** One HEAD: the digest under this tag (or the digest itself, when the name pins one). */
  async existingManifest(): Promise<Digest | undefined> {
    const { repository, tag, digest } = this.#ref;
    const info = await this.#client.manifestInfo(repository, digest ?? tag ?? 'latest');
    return info?.digest;
  }

  /** HEAD first; else a cross-repository mount when `mountFrom` is on this registry. */
  async tryReuseBlob(descriptor: Descriptor, options: ReuseOptions = {}): Promise<boolean> {
    const repo = this.#ref.repository;
    if (await this.#client.blobExists(repo, descriptor.digest)) return true;
    if (!options.mountFrom) return false;
    let from: { registry: string; repository: string };
    try {
      from = parseRepository(options.mountFrom);
    } catch {
      return false;
    }
    if (canonicalRegistry(from.registry) !== canonicalRegistry(this.#ref.registry)) return false;
    if (from.repository === repo) return false;
    const mounted = await this.#client.mountBlob(repo, descriptor.digest, from.repository);
    if (mounted) this.#logger.debug(`${descriptor.digest}: mounted from ${options.mountFrom}`);
    return mounted;
  }

  putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }> {
    return this.#client.putBlob(this.#ref.repository, stream, {
      ...(blob.digest ? { digest: blob.digest } : {}),
      ...(blob.size !== undefined && blob.size >= 0 ? { size: blob.size } : {}),
    });
  }

  async putManifest(manifest: RawManifest, instance?: Digest): Promise<void> {
    const repo = this.#ref.repository;
    if (instance !== undefined) {
      if (instance !== manifest.digest) {
        throw new LighterError(
          'ERR_DIGEST_MISMATCH',
          `pushing manifest to ${this.name}: instance ${instance} does not match its bytes (${manifest.digest})`,
        );
      }
      await this.#client.putManifest(repo, instance, manifest);
      return;
    }
    const { tag, digest } = this.#ref;
    if (digest !== undefined && digest !== manifest.digest) {
      throw new LighterError(
        'ERR_DIGEST_MISMATCH',
        `pushing manifest to ${this.name}: the image's digest is ${manifest.digest}, not the ${digest} the name requires`,
      );
    }
    await this.#client.putManifest(repo, tag ?? manifest.digest, manifest);
  }

  /** Nothing to do: pushing the top-level manifest by tag was the commit. */
  async commit(): Promise<void> {}

  close(): Promise<void> {
    return this.#client.close();
  }
}

export async function openDockerDestination(
  ref: DockerImageReference,
  options: OpenOptions = {},
): Promise<DockerImageDestination> {
  const client = new RegistryClient(ref.registry, {
    ...(options.registry ? { access: options.registry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return new DockerImageDestination(ref, client, options.logger);
}
