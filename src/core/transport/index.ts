// The static table of transports, and parsing of transport-qualified image names
// (`docker://ghcr.io/o/r:tag`, `oci:dir:tag`, ...). `imageName` round-trips `parseImageName`.
// Parsing is all a transport loads up front; its source and destination modules load on first
// open, so a copy between registries starts without the archive, layout and store code.

import { LighterError } from '../errors.js';
import type { ImageDestination, ImageSource } from '../image.js';
import { dirTransport } from './dir/transport.js';
import { dockerTransport } from './docker/transport.js';
import { dockerArchiveTransport } from './docker-archive/transport.js';
import { ociArchiveTransport } from './oci-archive/transport.js';
import { ociLayoutTransport } from './oci-layout/transport.js';
import { storageTransport } from './storage/transport.js';
import type { ImageReference, OpenOptions, Transport } from './types.js';

const transports: readonly Transport<ImageReference>[] = [
  dockerTransport,
  ociLayoutTransport,
  ociArchiveTransport,
  dockerArchiveTransport,
  dirTransport,
  storageTransport,
] as unknown as Transport<ImageReference>[];

export function transportNames(): string[] {
  return transports.map((t) => t.name);
}

export function findTransport(name: string): Transport<ImageReference> {
  const transport = transports.find((t) => t.name === name);
  if (!transport) {
    throw new LighterError(
      'ERR_UNKNOWN_TRANSPORT',
      `unknown transport "${name}" (known: ${transportNames().join(', ')})`,
    );
  }
  return transport;
}

/** Parses `transport:rest`; throws ERR_UNKNOWN_TRANSPORT or ERR_BAD_REFERENCE naming the part. */
export function parseImageName(input: string): ImageReference {
  const colon = input.indexOf(':');
  if (colon <= 0) {
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `invalid image name "${input}": expected transport:name, e.g. docker://registry/repo:tag or oci:dir:tag (transports: ${transportNames().join(', ')})`,
    );
  }
  const transport = findTransport(input.slice(0, colon));
  try {
    return transport.parse(input.slice(colon + 1));
  } catch (err) {
    if (err instanceof LighterError) throw err;
    throw new LighterError('ERR_BAD_REFERENCE', `invalid image name "${input}": ${String(err)}`);
  }
}

/**
 * Like parseImageName, but a name with no known transport is a registry reference:
 * `ghcr.io/o/r:1` means `docker://ghcr.io/o/r:1` (what action inputs and metadata-action give).
 */
export function parseImageNameOrReference(input: string): ImageReference {
  const colon = input.indexOf(':');
  const prefix = colon > 0 ? input.slice(0, colon) : '';
  if (transports.some((t) => t.name === prefix)) return parseImageName(input);
  return parseImageName(`docker://${input}`);
}

/** Formats a reference back to `transport:rest`. */
export function imageName(ref: ImageReference): string {
  const transport = findTransport(ref.transport);
  return `${transport.name}:${transport.format(ref)}`;
}

export function openSource(ref: ImageReference, options?: OpenOptions): Promise<ImageSource> {
  return findTransport(ref.transport).openSource(ref, options);
}

export function openDestination(
  ref: ImageReference,
  options?: OpenOptions,
): Promise<ImageDestination> {
  return findTransport(ref.transport).openDestination(ref, options);
}
