// The small JSON manifest inside every cache entry: which blobs it holds, which entries hold the rest, which images they make.

import { type Digest, isDigest } from '../digest.js';
import { LighterError } from '../errors.js';
import type { Descriptor } from '../manifest.js';

export const ENTRY_SCHEMA = 'lighter.ci-cache.v1';
/** The directory every entry archives (relative to the workspace @actions/cache is given). */
export const ENTRY_DIR = 'lighter-cache';
export const ENTRY_FILE = 'entry.json';

export interface EntryBlob {
  digest: Digest;
  size: number;
}

/** An entry this one builds on: its key and the blobs it holds, so a restore fetches it only if needed. */
export interface EntryParent {
  key: string;
  blobs: EntryBlob[];
}

/** An image as index.json lists it, and every blob it needs (manifests, configs, layers). */
export interface EntryImage {
  descriptor: Descriptor;
  blobs: Digest[];
}

export interface EntryManifest {
  schema: typeof ENTRY_SCHEMA;
  key: string;
  created: string;
  /** The blobs archived in this entry. */
  blobs: EntryBlob[];
  /** The entries holding the other blobs of `images`, flattened (parents of parents too), so a restore never walks a chain. */
  parents: EntryParent[];
  images: EntryImage[];
}

/** Parses an entry manifest from an archive, which is input from outside: every field is checked. */
export function parseEntryManifest(bytes: Uint8Array, where: string): EntryManifest {
  const bad = (why: string) =>
    new LighterError('ERR_CACHE', `reading the cache entry manifest of ${where}: ${why}`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw bad(`not JSON (${(err as Error).message})`);
  }
  if (!isObject(json)) throw bad('not a JSON object');
  if (json.schema !== ENTRY_SCHEMA) {
    throw bad(`schema is ${JSON.stringify(json.schema)}, this lighter reads ${ENTRY_SCHEMA}`);
  }
  if (typeof json.key !== 'string') throw bad('no key');
  const blobs = (value: unknown, path: string): EntryBlob[] => {
    if (!Array.isArray(value)) throw bad(`${path} is not an array`);
    return value.map((b: unknown, i) => {
      if (!isObject(b) || typeof b.digest !== 'string' || !isDigest(b.digest)) {
        throw bad(`${path}[${i}] has no valid digest`);
      }
      if (typeof b.size !== 'number' || !Number.isSafeInteger(b.size) || b.size < 0) {
        throw bad(`${path}[${i}] has no valid size`);
      }
      return { digest: b.digest, size: b.size };
    });
  };
  if (!Array.isArray(json.parents)) throw bad('parents is not an array');
  const parents = json.parents.map((p: unknown, i) => {
    if (!isObject(p) || typeof p.key !== 'string' || p.key === '') {
      throw bad(`parents[${i}] has no key`);
    }
    return { key: p.key, blobs: blobs(p.blobs, `parents[${i}].blobs`) };
  });
  if (!Array.isArray(json.images)) throw bad('images is not an array');
  const images = json.images.map((img: unknown, i) => {
    const d = isObject(img) ? img.descriptor : undefined;
    if (
      !isObject(img) ||
      !isObject(d) ||
      typeof d.mediaType !== 'string' ||
      typeof d.digest !== 'string' ||
      !isDigest(d.digest) ||
      typeof d.size !== 'number'
    ) {
      throw bad(`images[${i}] has no valid descriptor`);
    }
    if (
      !Array.isArray(img.blobs) ||
      !img.blobs.every((b) => typeof b === 'string' && isDigest(b))
    ) {
      throw bad(`images[${i}].blobs is not a list of digests`);
    }
    return { descriptor: d as unknown as Descriptor, blobs: img.blobs as Digest[] };
  });
  return {
    schema: ENTRY_SCHEMA,
    key: json.key,
    created: typeof json.created === 'string' ? json.created : '',
    blobs: blobs(json.blobs, 'blobs'),
    parents,
    images,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
