// Writes an image into the store for the copy engine (`pull`, `copy … storage:NAME`), unpacking layers while they stream in.

import { PassThrough, type Readable, type Writable } from 'node:stream';
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
import { extractInto, makeTempLayerDir, placeLayerDir } from '../../storage/unpack.js';
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

// Chunks buffered per branch of the tee; enough to keep the disk and the unpacker busy.
const TEE_HIGH_WATER = 1024 * 1024;
const TEE_CHUNK = 512 * 1024;

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
 * Blobs go straight into the store's blobs/ (verified against their digest, whole or not at all);
 * the image's name is added at `commit`, under the store lock, after everything it needs is
 * present. Each layer is unpacked on the fly from the same bytes (a tee: one read, two writers)
 * into a temp dir; commit renames it to `layers/<chain ID>` once the config confirms its diff ID.
 * Everything touched is claimed in a lease first, so a concurrent prune keeps it.
 */
export class StorageDestination implements ImageDestination {
  readonly name: string;
  readonly capabilities = CAPABILITIES;
  readonly store: Store;
  readonly #imageName: string | undefined;
  readonly #lease: Lease;
  readonly #options: StorageDestinationOptions;
  readonly #log: Logger;
  readonly #unpacked = new Map<Digest, Unpacked>();
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
    if (compression === undefined || !blob.digest || this.#options.unpack === false) {
      return this.store.putBlob(stream, expected);
    }

    // One read feeds the blob file and the unpacker. The unpacker works on bytes not yet
    // verified: its result counts only if the blob (verified to the last byte) is written.
    const digest = blob.digest;
    const temp = await makeTempLayerDir(this.store.layersDir);
    const toBlob = new PassThrough({ highWaterMark: TEE_HIGH_WATER });
    const toUnpack = new PassThrough({ highWaterMark: TEE_HIGH_WATER });
    const writing = this.store.putBlob(toBlob, expected);
    const unpacking = extractInto(toUnpack, temp, compression, this.#log);
    const pumping = tee(stream, toBlob, toUnpack);
    const [pumped, written, unpacked] = await Promise.allSettled([pumping, writing, unpacking]);
    if (written.status === 'rejected' || pumped.status === 'rejected') {
      await removeTree(temp).catch(() => {});
      // The writer's own error says more than the tee's "stopped" (they are the same object
      // when the input failed: the tee passes it on).
      throw written.status === 'rejected'
        ? written.reason
        : (pumped as PromiseRejectedResult).reason;
    }
    if (unpacked.status === 'rejected') {
      // The blob is fine, the tar is not usable here: the image is stored, and running it will
      // report the problem again when layerDirs unpacks it.
      this.#log.warn(`unpacking ${digest} for ${this.name}: ${errorMessage(unpacked.reason)}`);
      await removeTree(temp).catch(() => {});
    } else if (this.#unpacked.has(digest)) {
      await removeTree(temp).catch(() => {});
    } else {
      this.#unpacked.set(digest, { dir: temp, diffId: unpacked.value.diffId, placed: false });
      await this.store.fault('layer-unpacked');
    }
    return written.value;
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
    for (const unpacked of this.#unpacked.values()) {
      if (!unpacked.placed) await removeTree(unpacked.dir).catch(() => {});
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
      const unpacked = this.#unpacked.get(layer.digest);
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

/**
 * Copies `input` into both outputs, going at the pace of the slower one. When the second
 * gives up (its consumer failed, reported through its own promise), the first goes on alone;
 * when the first stops, the copy fails.
 */
async function tee(input: Readable, first: Writable, second: Writable): Promise<void> {
  let secondOpen = true;
  const closeSecond = (err?: Error) => {
    if (!secondOpen) return;
    secondOpen = false;
    if (err) second.destroy(err);
    else if (!second.destroyed) second.end();
  };
  try {
    const send = async (chunk: Buffer) => {
      if (first.destroyed) throw new LighterError('ERR_STORE', 'the blob writer stopped');
      const waits: Promise<void>[] = [];
      if (!first.write(chunk)) waits.push(drained(first));
      if (secondOpen && second.destroyed) closeSecond();
      if (secondOpen && !second.write(chunk)) waits.push(drained(second));
      if (waits.length > 0) await Promise.all(waits);
    };
    // Network reads arrive in small pieces; passing them on in larger ones makes every stage
    // downstream (hashing, file writes, inflating, the tar reader) pay its per-chunk cost less often.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= TEE_CHUNK) {
        const joined =
          pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await send(joined);
      }
    }
    if (pendingBytes > 0) await send(Buffer.concat(pending, pendingBytes));
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    first.destroy(error);
    closeSecond(error);
    throw err;
  }
  first.end();
  closeSecond();
}

/** Resolves when `stream` wants more, or can take no more (closed or failed). */
function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
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
