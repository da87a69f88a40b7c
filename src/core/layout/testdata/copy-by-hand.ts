// Test support: copies an image source to a destination through the raw transport APIs, as the brief's contract orders them.

import type { Readable } from 'node:stream';
import { VerifyingStream } from '../../digest.js';
import type { ImageDestination, ImageSource, RawManifest } from '../../image.js';
import type { Descriptor } from '../../manifest.js';
import { isIndexMediaType } from '../../media-types.js';

/**
 * Blobs (each through a VerifyingStream), then child manifests by digest, then the top-level
 * manifest, then commit. No conversion: what the destination gets is what the source had.
 * Transport tests use it so they do not depend on the copy engine.
 */
export async function copyByHand(
  source: ImageSource,
  dest: ImageDestination,
): Promise<RawManifest> {
  const top = await source.manifest();
  if (isIndexMediaType(top.mediaType)) {
    for (const child of parse(top).manifests ?? []) {
      const raw = await source.manifest(child.digest);
      await copyBlobsOf(raw, source, dest);
      await dest.putManifest(raw, child.digest);
    }
  } else {
    await copyBlobsOf(top, source, dest);
  }
  await dest.putManifest(top);
  await dest.commit();
  return top;
}

export async function copyBlobsOf(
  manifest: RawManifest,
  source: ImageSource,
  dest: ImageDestination,
): Promise<void> {
  const parsed = parse(manifest);
  for (const desc of [parsed.config, ...(parsed.layers ?? [])]) {
    if (!desc || (await dest.tryReuseBlob(desc))) continue;
    await dest.putBlob(verified(await source.blob(desc), desc), {
      mediaType: desc.mediaType,
      digest: desc.digest,
      size: desc.size,
    });
  }
}

/** The blob's stream through a VerifyingStream, as the copy engine reads every blob. */
export function verified(stream: Readable, desc: Descriptor): Readable {
  const check = new VerifyingStream({ digest: desc.digest, size: desc.size });
  stream.on('error', (err) => check.destroy(err));
  return stream.pipe(check);
}

function parse(manifest: RawManifest): {
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
} {
  return JSON.parse(Buffer.from(manifest.bytes).toString('utf8'));
}
