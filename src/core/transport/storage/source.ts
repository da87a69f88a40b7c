// Reads an image out of the store for the copy engine (`push`, `copy storage:NAME …`).

import type { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import type { ImageSource, RawManifest } from '../../image.js';
import { LayoutReader } from '../../layout/reader.js';
import type { Descriptor } from '../../manifest.js';
import type { Lease } from '../../storage/lease.js';
import { defaultStoreDir } from '../../storage/location.js';
import { Store, type StoredImage } from '../../storage/store.js';
import type { OpenOptions } from '../types.js';
import type { StorageReference } from './transport.js';

/**
 * The image is resolved when the source opens, so a wrong name fails at once with similar names.
 * Everything read is claimed in a lease first, so a concurrent `rmi` + `prune` cannot delete
 * blobs out from under a push in progress.
 */
export class StorageSource implements ImageSource {
  readonly name: string;
  readonly image: StoredImage;
  readonly #reader: LayoutReader;
  readonly #lease: Lease;
  #top: Promise<RawManifest> | undefined;

  private constructor(name: string, image: StoredImage, reader: LayoutReader, lease: Lease) {
    this.name = name;
    this.image = image;
    this.#reader = reader;
    this.#lease = lease;
  }

  static async open(store: Store, input: string): Promise<StorageSource> {
    const image = await store.resolve(input);
    const reader = await LayoutReader.open(store.tree);
    const lease = await store.lease();
    return new StorageSource(`storage:${image.names[0] ?? image.id}`, image, reader, lease);
  }

  manifest(instance?: Digest): Promise<RawManifest> {
    this.#top ??= this.#lease
      .claim([this.image.digest])
      .then(() => this.#reader.manifest(this.image.descriptor));
    if (instance === undefined || instance === this.image.digest) return this.#top;
    return this.#top.then(async (top) => {
      await this.#lease.claim([instance]);
      return this.#reader.child(top, instance);
    });
  }

  async blob(descriptor: Descriptor): Promise<Readable> {
    await this.#lease.claim([descriptor.digest]);
    return this.#reader.blob(descriptor);
  }

  close(): Promise<void> {
    return this.#lease.release();
  }
}

export async function openStorageSource(
  ref: StorageReference,
  options: OpenOptions = {},
): Promise<StorageSource> {
  const store = await Store.open(options.storeDir ?? defaultStoreDir(), {
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return StorageSource.open(store, ref.image);
}
