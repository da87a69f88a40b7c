// What the CI cache needs from the store: its images, every blob each one needs, and verified imports of blobs and names.

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Digest } from '../digest.js';
import { LighterError } from '../errors.js';
import { addEntry, refName } from '../layout/layout.js';
import { LayoutWriter } from '../layout/writer.js';
import type { Logger } from '../log.js';
import {
  type Descriptor,
  MAX_MANIFEST_SIZE,
  manifestDescriptors,
  parseManifest,
} from '../manifest.js';
import { isImageManifestMediaType, isIndexMediaType } from '../media-types.js';
import type { EntryBlob, EntryImage } from './entry.js';

/** An image of the store and the blobs it needs, with their sizes. */
export interface StoreImage {
  /** The index.json name, or undefined for an unnamed entry. */
  name: string | undefined;
  descriptor: Descriptor;
  blobs: Map<Digest, number>;
}

/** Names an image in messages and reports: its index.json name, else its digest. */
export function imageLabel(descriptor: Descriptor): string {
  return refName(descriptor) ?? descriptor.digest;
}

export function openStore(storeDir: string, logger: Logger): Promise<LayoutWriter> {
  return LayoutWriter.open(storeDir, { logger });
}

/**
 * The images named in `names` (all of index.json when undefined), each with the blobs it needs.
 * An image with a blob missing from the store is left out with a warning: a cache of it would
 * restore an image that cannot be used.
 */
export async function storeImages(
  store: LayoutWriter,
  names: readonly string[] | undefined,
  warn: (message: string) => void,
): Promise<StoreImage[]> {
  const index = await store.readIndex();
  let descriptors = index.manifests;
  if (names !== undefined) {
    const wanted = new Set(names);
    descriptors = descriptors.filter((d) => {
      const name = refName(d);
      return name !== undefined && wanted.delete(name);
    });
    for (const name of wanted) warn(`image "${name}" is not in the store; not caching it`);
  }
  const images: StoreImage[] = [];
  for (const descriptor of descriptors) {
    try {
      images.push({
        name: refName(descriptor),
        descriptor,
        blobs: await imageBlobs(store, descriptor),
      });
    } catch (err) {
      warn(`not caching image ${imageLabel(descriptor)}: ${(err as Error).message}`);
    }
  }
  return images;
}

/**
 * Walks an image from its top descriptor: manifests and indexes are read and parsed, every
 * descriptor's blob is counted. Children of an index that the store lacks are skipped, as a store
 * may hold one platform of a multi-platform image; any other missing blob fails with ERR_NOT_FOUND.
 */
async function imageBlobs(store: LayoutWriter, top: Descriptor): Promise<Map<Digest, number>> {
  const blobs = new Map<Digest, number>();
  const queue: { descriptor: Descriptor; optional: boolean }[] = [
    { descriptor: top, optional: false },
  ];
  for (let item = queue.shift(); item; item = queue.shift()) {
    const { descriptor, optional } = item;
    if (blobs.has(descriptor.digest)) continue;
    if (!(await store.hasBlob(descriptor))) {
      if (optional) continue;
      throw new LighterError(
        'ERR_NOT_FOUND',
        `blob ${descriptor.digest} (${descriptor.mediaType}) is not in the store`,
      );
    }
    blobs.set(descriptor.digest, descriptor.size);
    const isIndex = isIndexMediaType(descriptor.mediaType);
    if (!isIndex && !isImageManifestMediaType(descriptor.mediaType)) continue;
    if (descriptor.size > MAX_MANIFEST_SIZE) {
      throw new LighterError('ERR_MANIFEST_TOO_BIG', `manifest ${descriptor.digest} is too big`);
    }
    const parsed = parseManifest(
      await readFile(store.blobFile(descriptor.digest)),
      descriptor.mediaType,
    );
    for (const child of manifestDescriptors(parsed)) {
      queue.push({ descriptor: child, optional: isIndex });
    }
  }
  return blobs;
}

/** Whether the store holds every blob of an image restored from an entry. */
export async function hasAllBlobs(
  store: LayoutWriter,
  blobs: readonly Digest[],
  sizes: ReadonlyMap<Digest, number>,
): Promise<boolean> {
  for (const digest of blobs) {
    if (!(await store.hasBlob({ digest, size: sizes.get(digest) ?? -1 }))) return false;
  }
  return true;
}

/**
 * Copies a blob extracted from an entry into the store through the layout writer, which checks
 * its digest and size before the blob gets its name. Returns false when the store had it already.
 */
export async function importBlob(
  store: LayoutWriter,
  path: string,
  blob: EntryBlob,
): Promise<boolean> {
  if (await store.hasBlob(blob)) return false;
  await store.putBlob(createReadStream(path), {
    digest: blob.digest,
    size: blob.size,
    what: `blob ${blob.digest} from the CI cache`,
  });
  return true;
}

export interface IndexMerge {
  added: string[];
  /** Names the store already had (pointing elsewhere): the local image wins, it is the newer. */
  kept: string[];
}

/** Adds restored images to index.json under the layout's lock; existing names are left alone. */
export async function addImages(
  store: LayoutWriter,
  images: readonly EntryImage[],
): Promise<IndexMerge> {
  const merge: IndexMerge = { added: [], kept: [] };
  if (images.length === 0) return merge;
  await store.updateIndex((index) => {
    let next = index;
    for (const { descriptor } of images) {
      const name = refName(descriptor);
      const label = imageLabel(descriptor);
      const present = next.manifests.find((d) =>
        name === undefined
          ? refName(d) === undefined && d.digest === descriptor.digest
          : refName(d) === name,
      );
      if (present) {
        if (present.digest !== descriptor.digest) merge.kept.push(label);
        continue;
      }
      next = addEntry(next, descriptor);
      merge.added.push(label);
    }
    return next;
  });
  return merge;
}
