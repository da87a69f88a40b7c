// What a transport is: a way to name images (`oci:dir:tag`) and to open them for reading or writing.

import type { ImageDestination, ImageSource } from '../image.js';
import type { Logger } from '../log.js';

/** A parsed, transport-qualified image name. Each transport extends it with its own fields. */
export interface ImageReference {
  /** The transport's name, the part before the first colon (`docker`, `oci`, ...). */
  readonly transport: string;
}

/** Settings for registry access (docker transport); other transports ignore them. */
export interface RegistryAccess {
  /** `user:pass` for this image, overriding every auth file. */
  creds?: string;
  /** A bearer token to use as is. */
  registryToken?: string;
  /** An auth file (containers auth.json / docker config.json format) to read first. */
  authFile?: string;
  /** Verify TLS certificates (default true); false also allows plain HTTP. */
  tlsVerify?: boolean;
  /** Extra CA certificate files (PEM) to trust besides the system ones. */
  caFiles?: string[];
  /** Retries for retryable failures (default 3). */
  retries?: number;
}

export interface OpenOptions {
  logger?: Logger;
  registry?: RegistryAccess;
  /** The local store directory (storage transport). */
  storeDir?: string;
}

/**
 * One transport: parse/format its references and open sources and destinations.
 * Transports live in a static table (transport/index.ts), never self-registering.
 */
export interface Transport<R extends ImageReference = ImageReference> {
  readonly name: string;
  /** Parses the part after `name:`; throws ERR_BAD_REFERENCE naming the bad part. */
  parse(rest: string): R;
  /** Formats the part after `name:`, so `parse(format(r))` equals `r`. */
  format(ref: R): string;
  openSource(ref: R, options?: OpenOptions): Promise<ImageSource>;
  openDestination(ref: R, options?: OpenOptions): Promise<ImageDestination>;
}
