// After a failed build: the blobs and layer dirs it made go again, unless an image refers to them or another live process claims them.

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Digest } from '../digest.js';
import { type Descriptor, parseImageConfig, parseManifest } from '../manifest.js';
import { chainIds, layerDirName } from '../storage/chain-id.js';
import { type Claim, liveClaims } from '../storage/lease.js';
import { removeTree } from '../storage/remove-tree.js';
import type { Store } from '../storage/store.js';

/** Blobs and layer dirs (chain ID hex) index.json reaches. */
async function referenced(store: Store): Promise<{ blobs: Set<string>; layers: Set<string> }> {
  const blobs = new Set<string>();
  const layers = new Set<string>();
  const visit = async (d: Descriptor): Promise<void> => {
    if (blobs.has(d.digest)) return;
    blobs.add(d.digest);
    let parsed: ReturnType<typeof parseManifest>;
    try {
      parsed = parseManifest(await readFile(store.writer.blobFile(d.digest)), d.mediaType);
    } catch {
      return;
    }
    if (parsed.kind === 'index') {
      for (const child of parsed.index.manifests) await visit(child);
      return;
    }
    blobs.add(parsed.manifest.config.digest);
    for (const layer of parsed.manifest.layers) blobs.add(layer.digest);
    try {
      const config = parseImageConfig(
        await readFile(store.writer.blobFile(parsed.manifest.config.digest)),
      );
      for (const chain of chainIds(config.rootfs.diff_ids)) layers.add(layerDirName(chain));
    } catch {
      // Not an image config: no layer dirs belong to it.
    }
  };
  for (const d of (await store.writer.readIndex()).manifests) await visit(d);
  return { blobs, layers };
}

/**
 * Removes what `claimed` names that nothing else needs. Call after releasing the build's own
 * lease; the decision and the removals happen under the store lock, as garbage collection's do.
 */
export async function discardUnreferenced(store: Store, claimed: Iterable<Claim>): Promise<number> {
  const wanted = [...claimed];
  let removed = 0;
  await store.writer.withLock(async () => {
    const keep = await referenced(store);
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
