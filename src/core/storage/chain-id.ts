// Chain IDs (OCI image spec, config.md): the key of an unpacked layer stack, one per layer position.

import { type Digest, digestHex, digestOf } from '../digest.js';

/**
 * The chain ID of every prefix of `diffIds`: the first is the first diff ID, then
 * `sha256(previous + " " + diffId)`. A layer directory named by its chain ID is shared by
 * every image whose stack up to that layer is the same.
 */
export function chainIds(diffIds: readonly Digest[]): Digest[] {
  const out: Digest[] = [];
  let previous: Digest | undefined;
  for (const diffId of diffIds) {
    previous = previous === undefined ? diffId : digestOf(`${previous} ${diffId}`);
    out.push(previous);
  }
  return out;
}

/** The directory name of a chain ID under `layers/` (the hex part; all chain IDs are sha256). */
export function layerDirName(chainId: Digest): string {
  return digestHex(chainId);
}
