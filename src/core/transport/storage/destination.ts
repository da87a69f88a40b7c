// Writes an image into the store for the copy engine (`pull`, `copy … storage:NAME`), unpacking layers while they stream in.

import type { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import { errorMessage, LighterError } from '../../errors.js';
import type {
  BlobToPut,
  DestinationCapabilities,
  ImageDestination,
  RawManifest,
} from '../../image.js';
import type { Logger } from '../../log.js';
import {
  type Descriptor,
  type ImageManifest,
  parseImageConfig,
  parseManifest,
} from '../../manifest.js';
import { layerCompression, MediaType } from '../../media-types.js';
import { chainIds, layerDirName } from '../../storage/chain-id.js';
import { type Lease, layerClaim } from '../../storage/lease.js';
import { defaultStoreDir } from '../../storage/location.js';
import { normalizeName } from '../../storage/names.js';
import { removeTree } from '../../storage/remove-tree.js';
import { Store } from '../../storage/store.js';
import { makeTempLayerDir, placeLayerDir } from '../../storage/unpack.js';
import type { OpenOptions } from '../types.js';
import type { StorageReference } from './transport.js';

const CAPABILITIES: DestinationCapabilities = {
  // Docker types too: the store keeps an image's bytes, and so its digest, as pulled. (skopeo
  // 1.9 and umoci find only OCI-typed entries by name; OCI images are the common case.)
  manifestTypes: [
    MediaType.ociManifest,
    MediaType.dockerManifest,
    MediaType.ociIndex,
    MediaType.dockerManifestList,
  ],
  acceptsIndex: true,
  canMount: false,
  prefersCompressedLayers: true,
};

export interface StorageDestinationOptions {
  /** Recorded in the image's facts (`docker://…`). */
  source?: string;
  /** Unpack layers while they stream in (default true); otherwise `layerDirs` unpacks later. */
  unpack?: boolean;
}

/** A layer unpacked from its stream into a temp dir, waiting for commit to give it its chain ID. */
interface Unpacked {
  dir: string;
  diffId: Digest;
  placed: boolean;
}

/**
 * Blobs go straight into the store's blobs/, whole or not at all; the image's name is added at
 * `commit`, under the store lock, after everything it needs is present. Each layer is unpacked
 * on the fly from the same bytes (a worker thread follows the blob file as it is written; or,
 * without workers, a tee) into a temp dir; commit renames it to `layers/<chain ID>` once the
 * config confirms its diff ID. Everything touched is claimed in a lease first, so a concurrent
 * prune keeps it.
 *
 * A blob given with its digest is not hashed again here: the copy engine, this destination's
 * caller, passes every byte through a VerifyingStream that fails the stream (so the blob never
 * gets its name) on a mismatch. A third hash over every layer would cost a pull ~10%.
 */
export class StorageDestination implements ImageDestination {
  readonly name: string;
  readonly capabilities = CAPABILITIES;
  readonly store: Store;
  readonly #imageName: string | undefined;
  readonly #lease: Lease;
  readonly #options: StorageDestinationOptions;
  readonly #log: Logger;
  /** Layers being unpacked, by blob digest; undefined when unpacking failed. */
  readonly #unpacked = new Map<Digest, Promise<Unpacked | undefined>>();
  readonly #images: ImageManifest[] = [];
  #top: Descriptor | undefined;
  #committed = false;
  #closed = false;

  private constructor(
    store: Store,
    imageName: string | undefined,
    lease: Lease,
    options: StorageDestinationOptions,
  ) {
    this.store = store;
    this.#imageName = imageName;
    this.name = `storage:${imageName ?? '(unnamed)'}`;
    this.#lease = lease;
    this.#options = options;
    this.#log = store.logger;
  }

  /** `imageName` is stored as given (normalize it first); undefined stores an unnamed image. */
  static async open(
    store: Store,
    imageName: string | undefined,
    options: StorageDestinationOptions = {},
  ): Promise<StorageDestination> {
    // Started now, the workers are ready by the time the first layer's bytes arrive.
    if (options.unpack !== false) void store.prepareWorkers();
    return new StorageDestination(store, imageName, await store.lease(), options);
  }

  async tryReuseBlob(descriptor: Descriptor): Promise<boolean> {
    await this.#lease.claim([descriptor.digest]);
    return this.store.writer.hasBlob(descriptor);
  }

  async putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }> {
    if (blob.digest) await this.#lease.claim([blob.digest]);
    const expected = {
      ...(blob.digest ? { digest: blob.digest } : {}),
      ...(blob.size !== undefined ? { size: blob.size } : {}),
      what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
    };
    const compression = layerCompression(blob.mediaType);
    const digest = blob.digest;
    if (
      compression === undefined ||
      digest === undefined ||
      this.#options.unpack === false ||
      this.#unpacked.has(digest)
    ) {
      const { digest: written, size } = await this.store.putBlob(stream, expected, {
        verifiedUpstream: digest !== undefined,
      });
      return { digest: written, size };
    }
    // The layer is unpacked from the same bytes as they are written (see Store.putBlob). That
    // work is on bytes not verified yet: it counts only if the blob, verified to its last byte,
    // is written; commit gives it its chain ID once the config confirms its diff ID.
    const temp = await makeTempLayerDir(this.store.layersDir);
    let written: Awaited<ReturnType<Store['putBlob']>>;
    try {
      written = await this.store.putBlob(stream, expected, {
        unpackInto: { dir: temp, compression },
        verifiedUpstream: true,
      });
    } catch (err) {
      await removeTree(temp).catch(() => {});
      throw err;
    }
    this.#unpacked.set(
      digest,
      (written.unpacked as Promise<Digest>).then(
        async (diffId): Promise<Unpacked> => {
          await this.store.fault('layer-unpacked');
          return { dir: temp, diffId, placed: false };
        },
        async (err: unknown) => {
          // The blob is fine, the tar is not usable here: the image is stored, and running it
          // reports the problem again when layerDirs unpacks it.
          this.#log.warn(`unpacking ${digest} for ${this.name}: ${errorMessage(err)}`);
          await removeTree(temp).catch(() => {});
          return undefined;
        },
      ),
    );
    return { digest: written.digest, size: written.size };
  }

  async putManifest(manifest: RawManifest, instance?: Digest): Promise<void> {
    if (instance !== undefined && instance !== manifest.digest) {
      throw new LighterError(
        'ERR_INVALID_ARGUMENT',
        `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`,
      );
    }
    await this.#lease.claim([manifest.digest]);
    await this.store.writer.putBytes(manifest.bytes, {
      digest: manifest.digest,
      size: manifest.bytes.length,
      what: `manifest ${manifest.digest} for ${this.name}`,
    });
    const parsed = parseManifest(manifest.bytes, manifest.mediaType);
    if (parsed.kind === 'image') this.#images.push(parsed.manifest);
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
    for (const manifest of this.#images) await this.#placeLayers(manifest);
    await this.store.fault('layers-placed');
    await this.store.addImage(top, {
      ...(this.#imageName !== undefined ? { name: this.#imageName } : {}),
      ...(this.#options.source ? { source: this.#options.source } : {}),
    });
    this.#committed = true;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Unpacked layers that found no place (a failed copy, a repeated layer) are dropped now;
    // blobs stay: whole and content-addressed, they are reused or collected by the next prune.
    for (const pending of this.#unpacked.values()) {
      const unpacked = await pending;
      if (unpacked && !unpacked.placed) await removeTree(unpacked.dir).catch(() => {});
    }
    await this.#lease.release();
  }

  /** Gives the layers unpacked during the copy their chain-ID names, checking each diff ID. */
  async #placeLayers(manifest: ImageManifest): Promise<void> {
    const config = parseImageConfig(await this.store.readBlob(manifest.config));
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== manifest.layers.length) {
      throw new LighterError(
        'ERR_BAD_MANIFEST',
        `${this.name}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`,
      );
    }
    const chains = chainIds(diffIds);
    for (const [i, layer] of manifest.layers.entries()) {
      const unpacked = await this.#unpacked.get(layer.digest);
      if (!unpacked || unpacked.placed) continue;
      if (unpacked.diffId !== diffIds[i]) {
        throw new LighterError(
          'ERR_DIGEST_MISMATCH',
          `${this.name}: layer ${i + 1} (${layer.digest}) uncompresses to ${unpacked.diffId}, but the config says ${diffIds[i]}`,
          { details: { expected: diffIds[i], actual: unpacked.diffId } },
        );
      }
      const chain = chains[i] as Digest;
      await this.#lease.claim([layerClaim(layerDirName(chain))]);
      await placeLayerDir(unpacked.dir, this.store.layersDir, chain);
      unpacked.placed = true;
    }
  }
}

export async function openStorageDestination(
  ref: StorageReference,
  options: OpenOptions = {},
): Promise<StorageDestination> {
  const store = await Store.open(options.storeDir ?? defaultStoreDir(), {
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return StorageDestination.open(store, normalizeName(ref.image));
}
