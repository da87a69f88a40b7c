// The two interfaces every transport implements and the copy engine depends on.

import type { Readable } from 'node:stream';
import type { Digest } from './digest.js';
import type { Descriptor } from './manifest.js';

/** A manifest as stored: exact bytes (digests are over these), its media type and digest. */
export interface RawManifest {
  bytes: Uint8Array;
  mediaType: string;
  digest: Digest;
}

/**
 * Where an image is read from. Sources are read-only and may be used concurrently:
 * `blob` may be called for several blobs at once. The caller must `close` it.
 */
export interface ImageSource {
  /** The transport-qualified name, for messages (`docker://localhost:5000/app:1`). */
  readonly name: string;
  /**
   * For registry sources, `registry/repository` where the blobs live, so a destination on the
   * same registry can mount them instead of uploading. Undefined for other transports.
   */
  readonly repository?: string;
  /**
   * The top-level manifest (image or index) when `instance` is omitted; with `instance`, the
   * manifest of that digest listed by the top-level index.
   */
  manifest(instance?: Digest): Promise<RawManifest>;
  /**
   * The bytes of a blob (config or layer) as stored. Sources do not verify: the copy engine
   * passes every byte through a VerifyingStream before committing it anywhere.
   */
  blob(descriptor: Descriptor): Promise<Readable>;
  close(): Promise<void>;
}

export interface DestinationCapabilities {
  /** Manifest media types the destination can store, preferred first. */
  readonly manifestTypes: readonly string[];
  /** True when the destination can store an index (else: one platform only). */
  readonly acceptsIndex: boolean;
  /** True when `tryReuseBlob` can mount from another repository of the same registry. */
  readonly canMount: boolean;
  /** True when blobs must be compressed (registries, archives) vs stored as given. */
  readonly prefersCompressedLayers: boolean;
}

export interface BlobToPut {
  mediaType: string;
  /** Known digest of the bytes; omit when the caller is converting on the fly. */
  digest?: Digest;
  /** Known size; omit or -1 when unknown. */
  size?: number;
}

export interface ReuseOptions {
  /** Repository (`registry/path`) the blob is known to exist in, to try a cross-repo mount. */
  mountFrom?: string;
}

/**
 * Where an image is written. Call order is part of the contract:
 * `putBlob`/`tryReuseBlob` for every blob, then `putManifest` for each child manifest of an
 * index (with `instance`) and last the top-level one (without), then `commit`. Nothing is
 * visible under the destination's name before `commit`. The caller must `close`, commit or not;
 * closing an uncommitted destination discards what it wrote where the transport can.
 */
export interface ImageDestination {
  readonly name: string;
  readonly capabilities: DestinationCapabilities;
  /**
   * Optional: the digest of the manifest already stored under this destination's name, when the
   * transport can tell cheaply (a registry HEAD). Equal to the source's, the copy is a no-op.
   */
  existingManifest?(): Promise<Digest | undefined>;
  /** True when the blob already exists (or was mounted) and need not be uploaded. */
  tryReuseBlob(descriptor: Descriptor, options?: ReuseOptions): Promise<boolean>;
  /** Stores a blob from a stream and returns its digest and size as written. */
  putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }>;
  /** Stores a manifest; `instance` marks a child manifest of an index, stored by digest only. */
  putManifest(manifest: RawManifest, instance?: Digest): Promise<void>;
  commit(): Promise<void>;
  close(): Promise<void>;
}
