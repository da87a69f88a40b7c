// The `dir:PATH` transport: skopeo's directory format (manifest.json, version, blobs named by hex).

import { type Digest, parseDigest } from '../../digest.js';
import { LighterError } from '../../errors.js';
import type { ImageReference, Transport } from '../types.js';

export interface DirReference extends ImageReference {
  readonly transport: 'dir';
  readonly path: string;
}

export const VERSION_FILE = 'version';
/** Version 1.1 names blobs without the algorithm (`<hex>`); skopeo refuses to overwrite anything else. */
export const VERSION_TEXT = 'Directory Transport Version: 1.1\n';
export const MANIFEST_FILE = 'manifest.json';

/** `<hex>` for sha256 (what skopeo writes), `<algorithm>-<hex>` for others. */
export function blobFileName(digest: Digest): string {
  const { algorithm, hex } = parseDigest(digest);
  return algorithm === 'sha256' ? hex : `${algorithm}-${hex}`;
}

/** Child manifests of an index: `<hex>.manifest.json`. */
export function manifestFileName(instance?: Digest): string {
  return instance === undefined ? MANIFEST_FILE : `${blobFileName(instance)}.${MANIFEST_FILE}`;
}

export const dirTransport = {
  name: 'dir',
  parse(rest: string): DirReference {
    // The whole rest is the path: dir: has no names, so a colon is part of it.
    if (rest === '') {
      throw new LighterError('ERR_BAD_REFERENCE', 'invalid image name "dir:": no path');
    }
    return { transport: 'dir', path: rest };
  },
  format: (ref: DirReference) => ref.path,
  openSource: async (ref, options?) => (await import('./source.js')).openDirSource(ref, options),
  openDestination: async (ref, options?) =>
    (await import('./destination.js')).openDirDestination(ref, options),
} satisfies Transport<DirReference>;
