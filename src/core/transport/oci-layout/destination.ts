// Writes one image (or index) into an OCI image layout directory, shared safely with other writers.

import type { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import { LighterError } from '../../errors.js';
import type {
  BlobToPut,
  DestinationCapabilities,
  ImageDestination,
  RawManifest,
} from '../../image.js';
import { addEntry } from '../../layout/layout.js';
import { LayoutWriter } from '../../layout/writer.js';
import type { Descriptor } from '../../manifest.js';
import { MediaType } from '../../media-types.js';
import type { OpenOptions } from '../types.js';
import { formatPathAndName, type OciLayoutReference } from './transport.js';

const CAPABILITIES: DestinationCapabilities = {
  // OCI types only, as skopeo writes layouts: skopeo 1.9 finds no name on a Docker-typed entry,
  // and umoci cannot unpack one. The copy engine converts Docker images on the way in.
  manifestTypes: [MediaType.ociManifest, MediaType.ociIndex],
  acceptsIndex: true,
  canMount: false,
  prefersCompressedLayers: true,
};

/**
 * Blobs and manifests go straight into blobs/ (whole, under their digest); the image becomes
 * visible only at `commit`, which adds its index.json entry under the layout's lock.
 */
export class OciLayoutDestination implements ImageDestination {
  readonly name: string;
  readonly capabilities = CAPABILITIES;
  readonly #writer: LayoutWriter;
  readonly #refName: string | undefined;
  #top: Descriptor | undefined;
  #committed = false;

  constructor(name: string, writer: LayoutWriter, refName: string | undefined) {
    this.name = name;
    this.#writer = writer;
    this.#refName = refName;
  }

  get layoutDir(): string {
    return this.#writer.dir;
  }

  tryReuseBlob(descriptor: Descriptor): Promise<boolean> {
    return this.#writer.hasBlob(descriptor);
  }

  putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }> {
    return this.#writer.putBlob(stream, {
      ...(blob.digest ? { digest: blob.digest } : {}),
      ...(blob.size !== undefined ? { size: blob.size } : {}),
      what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
    });
  }

  async putManifest(manifest: RawManifest, instance?: Digest): Promise<void> {
    if (instance !== undefined && instance !== manifest.digest) {
      throw new LighterError(
        'ERR_INVALID_ARGUMENT',
        `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`,
      );
    }
    await this.#writer.putBytes(manifest.bytes, {
      digest: manifest.digest,
      size: manifest.bytes.length,
      what: `manifest ${manifest.digest} for ${this.name}`,
    });
    if (instance === undefined) {
      this.#top = {
        mediaType: manifest.mediaType,
        digest: manifest.digest,
        size: manifest.bytes.length,
      };
    }
  }

  async commit(): Promise<void> {
    const top = this.#top;
    if (!top) {
      throw new LighterError(
        'ERR_INVALID_ARGUMENT',
        `${this.name}: commit before the top-level manifest was put`,
      );
    }
    if (this.#committed) return;
    await this.#writer.updateIndex((index) => addEntry(index, top, this.#refName));
    this.#committed = true;
  }

  async close(): Promise<void> {
    // Blobs already written stay: they are whole, content-addressed and harmless until a GC.
  }
}

export async function openOciLayoutDestination(
  ref: OciLayoutReference,
  options: OpenOptions = {},
): Promise<OciLayoutDestination> {
  const name = `oci:${formatPathAndName(ref)}`;
  const writer = await LayoutWriter.open(
    ref.path,
    options.logger ? { logger: options.logger } : {},
  );
  return new OciLayoutDestination(name, writer, ref.name);
}
