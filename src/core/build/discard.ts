// After a failed build: the blobs and layer dirs it made go again, unless an image refers to them or another live process claims them.

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Digest } from '../digest.js';
import { type Claim, liveClaims } from '../storage/lease.js';
import { removeTree } from '../storage/remove-tree.js';
import type { Store } from '../storage/store.js';

/**
 * Removes what `claimed` names that nothing else needs. Call after releasing the build's own
 * lease; the decision and the removals happen under the store lock, as garbage collection's do.
 */
export async function discardUnreferenced(store: Store, claimed: Iterable<Claim>): Promise<number> {
  const wanted = [...claimed];
  let removed = 0;
  await store.writer.withLock(async () => {
    const keep = await store.referenced();
    const live = await liveClaims(store.dir);
    for (const claim of wanted) {
      if (live.has(claim)) continue;
      if (claim.startsWith('layer:')) {
        const hex = claim.slice('layer:'.length);
        if (keep.layers.has(hex) || !/^[a-f0-9]{64}$/.test(hex)) continue;
        await removeTree(join(store.layersDir, hex));
        removed++;
      } else {
        if (keep.blobs.has(claim)) continue;
        await rm(store.writer.blobFile(claim as Digest), { force: true });
        removed++;
      }
    }
  });
  return removed;
}
