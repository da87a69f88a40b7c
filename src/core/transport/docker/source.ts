// Reads an image or index from a registry: the ImageSource side of the docker transport.

import type { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import type { ImageSource, RawManifest } from '../../image.js';
import type { Descriptor } from '../../manifest.js';
import { repositoryName } from '../../reference.js';
import { RegistryClient } from '../../registry/client.js';
import type { OpenOptions } from '../types.js';
import { type DockerImageReference, formatDockerReference } from './transport.js';

/**
 * A registry image. The top-level manifest is fetched by digest when the reference has one
 * (so it is verified), else by tag, and cached; children of an index are fetched by digest.
 */
export class DockerImageSource implements ImageSource {
  readonly name: string;
  /** `registry/repository`, so a destination on the same registry can mount blobs from it. */
  readonly repository: string;
  readonly #client: RegistryClient;
  readonly #ref: DockerImageReference;
  #top: Promise<RawManifest> | undefined;

  constructor(ref: DockerImageReference, client: RegistryClient) {
    this.#ref = ref;
    this.#client = client;
    this.name = `docker:${formatDockerReference(ref)}`;
    this.repository = repositoryName(ref);
  }

  manifest(instance?: Digest): Promise<RawManifest> {
    const repo = this.#ref.repository;
    if (instance !== undefined) return this.#client.manifest(repo, instance);
    if (!this.#top) {
      const top = this.#client.manifest(repo, this.#ref.digest ?? this.#ref.tag ?? 'latest');
      this.#top = top;
      // A failure is not remembered: asking again asks the registry again.
      top.catch(() => {
        if (this.#top === top) this.#top = undefined;
      });
    }
    return this.#top;
  }

  blob(descriptor: Descriptor): Promise<Readable> {
    return this.#client.blob(this.#ref.repository, descriptor);
  }

  close(): Promise<void> {
    return this.#client.close();
  }
}

export async function openDockerSource(
  ref: DockerImageReference,
  options: OpenOptions = {},
): Promise<DockerImageSource> {
  const client = new RegistryClient(ref.registry, {
    ...(options.registry ? { access: options.registry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return new DockerImageSource(ref, client);
}
