// The OCI image layout's files (oci-layout, index.json, blobs/<alg>/<hex>) and the rules for names in its index.

import { type Digest, parseDigest } from '../digest.js';
import { LighterError } from '../errors.js';
import type { Descriptor } from '../manifest.js';
import { MediaType } from '../media-types.js';

export const LAYOUT_FILE = 'oci-layout';
export const INDEX_FILE = 'index.json';
export const LAYOUT_VERSION = '1.0.0';
/** The annotation that names an image in index.json (skopeo, umoci and buildah put the tag here). */
export const REF_NAME = 'org.opencontainers.image.ref.name';

/** index.json as read: the descriptors we use, plus whatever other fields it had (kept on rewrite). */
export interface LayoutIndex {
  schemaVersion: 2;
  mediaType?: string;
  manifests: Descriptor[];
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** `blobs/sha256/<hex>`: where a blob lives, relative to the layout root. */
export function blobPath(digest: Digest): string {
  const { algorithm, hex } = parseDigest(digest);
  return `blobs/${algorithm}/${hex}`;
}

export function emptyIndex(): LayoutIndex {
  return { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
}

/** Parses index.json, failing with ERR_BAD_MANIFEST that says what is wrong and where. */
export function parseLayoutIndex(bytes: Uint8Array, where: string): LayoutIndex {
  const bad = (why: string) =>
    new LighterError('ERR_BAD_MANIFEST', `reading ${where}/${INDEX_FILE}: ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw bad(`not valid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad('not a JSON object');
  }
  const index = value as Record<string, unknown>;
  if (index.schemaVersion !== 2)
    throw bad(`schemaVersion is ${JSON.stringify(index.schemaVersion)}, want 2`);
  if (!Array.isArray(index.manifests)) throw bad('"manifests" is not an array');
  index.manifests.forEach((d: unknown, i) => {
    checkDescriptor(d, (why) => bad(`manifests[${i}]: ${why}`));
  });
  return index as LayoutIndex;
}

function checkDescriptor(value: unknown, bad: (why: string) => LighterError): void {
  if (typeof value !== 'object' || value === null) throw bad('not an object');
  const d = value as Record<string, unknown>;
  if (typeof d.mediaType !== 'string' || d.mediaType === '') throw bad('no mediaType');
  if (typeof d.digest !== 'string') throw bad('no digest');
  try {
    parseDigest(d.digest);
  } catch (err) {
    throw bad((err as Error).message);
  }
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw bad('size is not a non-negative integer');
  }
  if (d.annotations !== undefined) {
    const a = d.annotations;
    if (
      typeof a !== 'object' ||
      a === null ||
      Object.values(a).some((v) => typeof v !== 'string')
    ) {
      throw bad('annotations must map strings to strings');
    }
  }
}

/** Checks the oci-layout marker file. */
export function checkLayoutMarker(bytes: Uint8Array, where: string): void {
  let version: unknown;
  try {
    version = (JSON.parse(Buffer.from(bytes).toString('utf8')) as { imageLayoutVersion?: unknown })
      .imageLayoutVersion;
  } catch {
    version = undefined;
  }
  if (typeof version !== 'string') {
    throw new LighterError(
      'ERR_BAD_MANIFEST',
      `reading ${where}/${LAYOUT_FILE}: no imageLayoutVersion`,
    );
  }
  if (!version.startsWith('1.')) {
    throw new LighterError(
      'ERR_UNSUPPORTED',
      `reading ${where}/${LAYOUT_FILE}: image layout version ${version} is not supported (1.x)`,
    );
  }
}

export function refName(descriptor: Descriptor): string | undefined {
  return descriptor.annotations?.[REF_NAME];
}

/** Names for messages: each entry's ref name, or `<unnamed sha256:…>`. */
export function describeEntries(index: LayoutIndex): string {
  if (index.manifests.length === 0) return 'no images';
  return index.manifests.map((d) => refName(d) ?? `<unnamed ${d.digest.slice(0, 19)}…>`).join(', ');
}

/**
 * Picks the top-level descriptor as skopeo does: by ref name when given, else the only entry.
 * Fails with ERR_NOT_FOUND listing what the layout holds.
 */
export function selectEntry(
  index: LayoutIndex,
  name: string | undefined,
  where: string,
): Descriptor {
  if (name !== undefined) {
    const found = index.manifests.find((d) => refName(d) === name);
    if (found) return found;
    throw new LighterError(
      'ERR_NOT_FOUND',
      `${where}: no image named "${name}" (the layout has ${describeEntries(index)})`,
      { details: { names: names(index) } },
    );
  }
  const only = index.manifests[0];
  if (index.manifests.length === 1 && only) return only;
  throw new LighterError(
    'ERR_NOT_FOUND',
    index.manifests.length === 0
      ? `${where}: the layout holds no images`
      : `${where}: the layout holds ${index.manifests.length} images (${describeEntries(index)}); name one as ${where}:NAME`,
    { details: { names: names(index) } },
  );
}

function names(index: LayoutIndex): string[] {
  return index.manifests.flatMap((d) => {
    const n = refName(d);
    return n === undefined ? [] : [n];
  });
}

/**
 * Adds a top-level entry. A named entry replaces the entry of that name; an unnamed one replaces
 * an unnamed entry of the same digest (so copying twice does not pile up duplicates); else it is appended.
 */
export function addEntry(index: LayoutIndex, descriptor: Descriptor, name?: string): LayoutIndex {
  const entry: Descriptor = { ...descriptor };
  if (name !== undefined) entry.annotations = { ...descriptor.annotations, [REF_NAME]: name };
  const replaced = (d: Descriptor) =>
    (name !== undefined && refName(d) === name) ||
    (refName(d) === undefined && d.digest === entry.digest);
  // Replace in place, so rewriting a tag keeps index.json's order (and diffs) stable.
  const at = index.manifests.findIndex(replaced);
  const manifests = index.manifests.filter((d) => !replaced(d));
  manifests.splice(at === -1 ? manifests.length : at, 0, entry);
  return { ...index, manifests };
}
