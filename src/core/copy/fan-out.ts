// One ImageDestination that writes to several: each blob is read from the source once and
// teed to every destination that lacks it (how `sync` pulls each blob once for many targets).

import { PassThrough, type Readable } from 'node:stream';
import type { Digest } from '../digest.js';
import type {
  BlobToPut,
  DestinationCapabilities,
  ImageDestination,
  RawManifest,
  ReuseOptions,
} from '../image.js';
import type { Descriptor } from '../manifest.js';

export function fanOut(destinations: readonly ImageDestination[]): ImageDestination {
  if (destinations.length === 1) return destinations[0] as ImageDestination;
  return new FanOutDestination(destinations);
}

class FanOutDestination implements ImageDestination {
  readonly name: string;
  readonly capabilities: DestinationCapabilities;
  readonly #all: readonly ImageDestination[];
  /** For each blob asked about, the destinations that still need it. */
  readonly #missing = new Map<Digest, ImageDestination[]>();

  constructor(destinations: readonly ImageDestination[]) {
    this.#all = destinations;
    this.name = destinations.map((d) => d.name).join(', ');
    const caps = destinations.map((d) => d.capabilities);
    this.capabilities = {
      manifestTypes: (caps[0]?.manifestTypes ?? []).filter((t) =>
        caps.every((c) => c.manifestTypes.includes(t)),
      ),
      acceptsIndex: caps.every((c) => c.acceptsIndex),
      canMount: caps.some((c) => c.canMount),
      prefersCompressedLayers: caps.some((c) => c.prefersCompressedLayers),
    };
  }

  async tryReuseBlob(descriptor: Descriptor, options?: ReuseOptions): Promise<boolean> {
    const have = await Promise.all(this.#all.map((d) => d.tryReuseBlob(descriptor, options)));
    const missing = this.#all.filter((_, i) => !have[i]);
    this.#missing.set(descriptor.digest, missing);
    return missing.length === 0;
  }

  async putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }> {
    const targets = (blob.digest && this.#missing.get(blob.digest)) || this.#all;
    if (targets.length === 1) return (targets[0] as ImageDestination).putBlob(stream, blob);
    // pipe() pauses the source while any branch is full, so memory stays bounded by the
    // slowest destination's buffer rather than growing with the blob.
    const branches = targets.map(() => new PassThrough());
    for (const branch of branches) stream.pipe(branch);
    stream.on('error', (err) => {
      for (const branch of branches) branch.destroy(err);
    });
    const results = await Promise.allSettled(
      targets.map((d, i) => d.putBlob(branches[i] as PassThrough, blob)),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      stream.destroy();
      throw failed.reason;
    }
    return (results[0] as PromiseFulfilledResult<{ digest: Digest; size: number }>).value;
  }

  async putManifest(manifest: RawManifest, instance?: Digest): Promise<void> {
    await Promise.all(this.#all.map((d) => d.putManifest(manifest, instance)));
  }

  async commit(): Promise<void> {
    await Promise.all(this.#all.map((d) => d.commit()));
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#all.map((d) => d.close()));
  }
}
