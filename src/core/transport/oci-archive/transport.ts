// The `oci-archive:FILE[:NAME]` transport: an OCI image layout packed in a tar file.

import { formatPathAndName, splitPathAndName } from '../oci-layout/transport.js';
import type { ImageReference, Transport } from '../types.js';

export interface OciArchiveReference extends ImageReference {
  readonly transport: 'oci-archive';
  /** The tar file. */
  readonly path: string;
  /** The image's ref.name inside the archive's layout, as for `oci:`. */
  readonly name?: string;
}

export const ociArchiveTransport = {
  name: 'oci-archive',
  parse(rest: string): OciArchiveReference {
    return { transport: 'oci-archive', ...splitPathAndName(rest, 'oci-archive') };
  },
  format: formatPathAndName,
  openSource: async (ref, options?) =>
    (await import('./source.js')).openOciArchiveSource(ref, options),
  openDestination: async (ref, options?) =>
    (await import('./destination.js')).openOciArchiveDestination(ref, options),
} satisfies Transport<OciArchiveReference>;
