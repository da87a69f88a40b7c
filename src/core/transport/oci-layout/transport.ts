// The `oci:PATH[:NAME]` transport: an image in an OCI image layout directory, named by its ref.name annotation.

import { LighterError } from '../../errors.js';
import type { ImageReference, Transport } from '../types.js';

export interface OciLayoutReference extends ImageReference {
  readonly transport: 'oci';
  /** The layout directory, as given (resolved when opened). */
  readonly path: string;
  /** The `org.opencontainers.image.ref.name` of the image; none: the only image (source) or an unnamed entry (destination). */
  readonly name?: string;
}

// The image-spec grammar for ref.name values: components of alphanumerics and separators.
const REF_NAME =
  /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/;

/**
 * Splits `PATH[:NAME]` at the first colon, as skopeo does (so PATH holds no colon), except a
 * Windows drive letter (`C:\x:tag`). Shared with oci-archive, whose PATH is the archive file.
 */
export function splitPathAndName(rest: string, transport: string): { path: string; name?: string } {
  const from = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
  const colon = rest.indexOf(':', from);
  const path = colon === -1 ? rest : rest.slice(0, colon);
  const name = colon === -1 ? undefined : rest.slice(colon + 1);
  if (path === '') {
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `invalid image name "${transport}:${rest}": no path`,
    );
  }
  if (name === undefined || name === '') return { path };
  if (!REF_NAME.test(name)) {
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `invalid image name "${transport}:${rest}": "${name}" is not a valid image name in a layout (letters, digits and -._:@+/ between them)`,
    );
  }
  return { path, name };
}

export function formatPathAndName(ref: { path: string; name?: string }): string {
  return ref.name === undefined ? ref.path : `${ref.path}:${ref.name}`;
}

export const ociLayoutTransport = {
  name: 'oci',
  parse(rest: string): OciLayoutReference {
    return { transport: 'oci', ...splitPathAndName(rest, 'oci') };
  },
  format: formatPathAndName,
  openSource: async (ref, options?) =>
    (await import('./source.js')).openOciLayoutSource(ref, options),
  openDestination: async (ref, options?) =>
    (await import('./destination.js')).openOciLayoutDestination(ref, options),
} satisfies Transport<OciLayoutReference>;
