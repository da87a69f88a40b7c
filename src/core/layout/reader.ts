// Reads an OCI image layout from any FileTree (a directory, or a tar of one), for the oci and oci-archive sources and the store.

import type { Readable } from 'node:stream';
import type { Digest } from '../digest.js';
import { isLighterError, LighterError } from '../errors.js';
import type { FileTree } from '../fs/tree.js';
import type { RawManifest } from '../image.js';
import { type Descriptor, MAX_MANIFEST_SIZE } from '../manifest.js';
import { isIndexMediaType } from '../media-types.js';
import {
  blobPath,
  checkLayoutMarker,
  emptyIndex,
  INDEX_FILE,
  LAYOUT_FILE,
  type LayoutIndex,
  parseLayoutIndex,
} from './layout.js';

export class LayoutReader {
  readonly tree: FileTree;
  readonly index: LayoutIndex;

  private constructor(tree: FileTree, index: LayoutIndex) {
    this.tree = tree;
    this.index = index;
  }

  /** Reads oci-layout and index.json; a missing marker means "not a layout" (ERR_NOT_FOUND). */
  static async open(tree: FileTree): Promise<LayoutReader> {
    const where = tree.location;
    let marker: Buffer;
    try {
      marker = await tree.readFile(LAYOUT_FILE);
    } catch (err) {
      if (isLighterError(err, 'ERR_NOT_FOUND')) {
        throw new LighterError(
          'ERR_NOT_FOUND',
          `${where}: not an OCI image layout (no ${LAYOUT_FILE} file)`,
          {
            cause: err,
          },
        );
      }
      throw err;
    }
    checkLayoutMarker(marker, where);
    let index: LayoutIndex;
    try {
      index = parseLayoutIndex(await tree.readFile(INDEX_FILE), where);
    } catch (err) {
      // A layout whose first image is still being written has no index.json yet: it holds nothing.
      if (!isLighterError(err, 'ERR_NOT_FOUND')) throw err;
      index = emptyIndex();
    }
    return new LayoutReader(tree, index);
  }

  /**
   * The manifest a descriptor points at, as stored. The digest is the descriptor's (not recomputed),
   * so a consumer that verifies catches a blob that does not match its index entry.
   */
  async manifest(descriptor: Descriptor): Promise<RawManifest> {
    if (descriptor.size > MAX_MANIFEST_SIZE) {
      throw new LighterError(
        'ERR_MANIFEST_TOO_BIG',
        `${this.tree.location}: manifest ${descriptor.digest} is ${descriptor.size} bytes (limit ${MAX_MANIFEST_SIZE})`,
      );
    }
    const bytes = await this.#read(descriptor.digest, 'manifest');
    return {
      bytes: new Uint8Array(bytes),
      mediaType: descriptor.mediaType,
      digest: descriptor.digest,
    };
  }

  /**
   * A child manifest of `parent` (an index) by digest; ERR_NOT_FOUND unless the index lists it.
   */
  async child(parent: RawManifest, instance: Digest): Promise<RawManifest> {
    const listed = isIndexMediaType(parent.mediaType) ? childDescriptors(parent.bytes) : [];
    const descriptor = listed.find((d) => d.digest === instance);
    if (!descriptor) {
      throw new LighterError(
        'ERR_NOT_FOUND',
        `${this.tree.location}: ${instance} is not listed by manifest ${parent.digest}`,
      );
    }
    return this.manifest(descriptor);
  }

  /** Streams a blob as stored (unverified: the consumer verifies). */
  async blob(descriptor: Descriptor): Promise<Readable> {
    try {
      return await this.tree.open(blobPath(descriptor.digest));
    } catch (err) {
      throw this.#missing(err, descriptor.digest, 'blob');
    }
  }

  async hasBlob(descriptor: Descriptor): Promise<boolean> {
    return (await this.tree.size(blobPath(descriptor.digest))) === descriptor.size;
  }

  async #read(digest: Digest, what: string): Promise<Buffer> {
    try {
      return await this.tree.readFile(blobPath(digest));
    } catch (err) {
      throw this.#missing(err, digest, what);
    }
  }

  #missing(err: unknown, digest: Digest, what: string): unknown {
    if (!isLighterError(err, 'ERR_NOT_FOUND')) return err;
    return new LighterError(
      'ERR_NOT_FOUND',
      `${this.tree.location}: ${what} ${digest} is missing`,
      {
        cause: err,
        details: { digest },
      },
    );
  }
}

/** The descriptors an index lists; tolerant, since the consumer validates the index itself. */
function childDescriptors(bytes: Uint8Array): Descriptor[] {
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString('utf8')) as { manifests?: unknown };
    return Array.isArray(parsed.manifests) ? (parsed.manifests as Descriptor[]) : [];
  } catch {
    return [];
  }
}
