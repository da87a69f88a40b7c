// The copy engine: `copyImage` is `source.manifest -> blobs -> dest.putBlob -> dest.putManifest
// -> commit`, with every byte verified against its digest on the way.

import { pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { decompressor } from '../decompress.js';
import { type Digest, digestOf, VerifyingStream, verifyBytes } from '../digest.js';
import { errorMessage, LighterError, withContext } from '../errors.js';
import type { ImageDestination, ImageSource, RawManifest } from '../image.js';
import { type Logger, silentLogger } from '../log.js';
import {
  type Descriptor,
  type ImageIndex,
  type ImageManifest,
  MAX_MANIFEST_SIZE,
  type ParsedManifest,
  type Platform,
  parseManifest,
} from '../manifest.js';
import { type LayerCompression, layerCompression } from '../media-types.js';
import { formatPlatform, hostPlatform, platformMatches, selectManifest } from '../platform.js';
import { compressor, layerMediaType } from './compress.js';
import {
  convertIndex,
  convertManifest,
  formatOfManifestType,
  type ManifestFormat,
  manifestBytes,
  manifestTypeFor,
} from './convert.js';
import { Limiter } from './limit.js';

export type MultiArch = 'system' | 'all' | 'index-only';

export interface BlobProgress {
  digest: Digest;
  mediaType: string;
  /** Expected size; -1 when unknown. */
  size: number;
  /** 'skipped': the destination had it (or mounted it); 'done': fully copied and verified. */
  state: 'start' | 'progress' | 'skipped' | 'done';
  bytes: number;
}

export interface CopyOptions {
  /** What to do with a multi-platform index (default 'system': copy the one matching `platform`). */
  multiArch?: MultiArch;
  /** The platform 'system' picks (default: this host's). */
  platform?: Platform;
  /** With 'all': copy only these platforms, writing a reduced index. */
  platforms?: Platform[];
  /** Fail rather than change any manifest digest (no conversion, no recompression). */
  preserveDigests?: boolean;
  /** Manifest format to write (default: the source's, if the destination takes it). */
  format?: ManifestFormat;
  /** Recompress layers to this compression (changes layer digests). */
  compression?: LayerCompression;
  /** Blobs copied at once (default 6). Ignored when `limiter` is given. */
  concurrency?: number;
  /** A shared concurrency budget, e.g. for a sync of many images. */
  limiter?: Limiter;
  /**
   * Blobs other copies to the same destination repository have copied or are copying (a sync
   * of many tags shares one): a layer they share crosses once, and this copy counts it as
   * skipped. If that other copy fails the blob, this one copies it itself.
   */
  sharedBlobs?: Map<string, Promise<Descriptor>>;
  logger?: Logger;
  onProgress?: (event: BlobProgress) => void;
}

export interface CopiedImage {
  digest: Digest;
  mediaType: string;
  platform?: Platform;
}

export interface CopyResult {
  /** Digest of the top-level manifest as written at the destination. */
  digest: Digest;
  mediaType: string;
  manifest: Uint8Array;
  /** The image manifests written (one, or one per platform of an index). */
  images: CopiedImage[];
  blobsCopied: number;
  blobsSkipped: number;
  bytesCopied: number;
  bytesSkipped: number;
}

export const DEFAULT_CONCURRENCY = 6;

/**
 * Times a blob is copied again from its source after a transient failure the transports could
 * not recover from themselves (a broken upload the registry can no longer resume, say).
 */
const BLOB_RETRIES = 2;

function isTransient(err: unknown): boolean {
  if (!(err instanceof LighterError)) return false;
  return err.code === 'ERR_NETWORK' || err.details?.transient === true;
}

/** How a layer is rewritten when recompressing: the new compression, in the target format. */
interface Recompress {
  format: ManifestFormat;
  compression: LayerCompression;
}

/** Copies one image (or index) from `source` to `dest` and commits it. Closes neither. */
export async function copyImage(
  source: ImageSource,
  dest: ImageDestination,
  options: CopyOptions = {},
): Promise<CopyResult> {
  const run = new CopyRun(source, dest, options);
  return run.copy();
}

class CopyRun {
  readonly #source: ImageSource;
  readonly #dest: ImageDestination;
  readonly #options: CopyOptions;
  readonly #limiter: Limiter;
  readonly #log: Logger;
  readonly #inFlight = new Set<Readable>();
  /** Blobs handled in this run, so an index whose images share layers copies each once. */
  readonly #blobs = new Map<string, Promise<Descriptor>>();
  #failed = false;
  readonly #stats = { blobsCopied: 0, blobsSkipped: 0, bytesCopied: 0, bytesSkipped: 0 };

  constructor(source: ImageSource, dest: ImageDestination, options: CopyOptions) {
    this.#source = source;
    this.#dest = dest;
    this.#options = options;
    this.#limiter = options.limiter ?? new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.#log = options.logger ?? silentLogger;
  }

  async copy(): Promise<CopyResult> {
    const top = await this.#source.manifest();
    const parsed = parseManifest(top.bytes, top.mediaType);
    const unchanged = await this.#alreadyThere(top, parsed);
    if (unchanged) return unchanged;
    let written: { raw: RawManifest; images: CopiedImage[] };
    if (parsed.kind === 'image') {
      const image = await this.#copyImageManifest(top, parsed.manifest, undefined);
      written = { raw: image.raw, images: [image.image] };
    } else {
      written = await this.#copyIndex(top, parsed.index);
    }
    await this.#dest.commit();
    return {
      digest: written.raw.digest,
      mediaType: written.raw.mediaType,
      manifest: written.raw.bytes,
      images: written.images,
      ...this.#stats,
    };
  }

  /**
   * A destination that already holds the very manifest this copy would write needs nothing:
   * a registry accepts a manifest only once every blob it names is present. Checked only when
   * the copy writes the source's bytes unchanged (no conversion, no platform choice).
   */
  async #alreadyThere(top: RawManifest, parsed: ParsedManifest): Promise<CopyResult | undefined> {
    if (!this.#dest.existingManifest || this.#options.compression) return undefined;
    if (this.#targetFormat(top.mediaType) !== formatOfManifestType(top.mediaType)) return undefined;
    const mode = this.#options.multiArch ?? 'system';
    if (parsed.kind === 'index' && (mode === 'system' || this.#options.platforms)) return undefined;
    const existing = await this.#dest.existingManifest().catch(() => undefined);
    if (existing !== top.digest) return undefined;
    this.#log.info(`${this.#dest.name} already has ${top.digest}: nothing to copy`);
    const blobs =
      parsed.kind === 'image' ? [parsed.manifest.config, ...parsed.manifest.layers] : [];
    return {
      digest: top.digest,
      mediaType: top.mediaType,
      manifest: top.bytes,
      images: parsed.kind === 'image' ? [{ digest: top.digest, mediaType: top.mediaType }] : [],
      blobsCopied: 0,
      blobsSkipped: blobs.length,
      bytesCopied: 0,
      bytesSkipped: blobs.reduce((n, b) => n + b.size, 0),
    };
  }

  async #copyIndex(
    top: RawManifest,
    index: ImageIndex,
  ): Promise<{ raw: RawManifest; images: CopiedImage[] }> {
    const mode = this.#options.multiArch ?? 'system';
    if (mode === 'system') {
      const want = this.#options.platform ?? hostPlatform();
      const chosen = selectManifest(index, want);
      this.#log.info(
        `choosing ${formatPlatform(chosen.platform ?? want)} (${chosen.digest}) from the index of ${this.#source.name}`,
      );
      const child = await this.#childManifest(chosen);
      const parsed = parseManifest(child.bytes, child.mediaType);
      if (parsed.kind !== 'image') {
        throw new LighterError(
          'ERR_BAD_MANIFEST',
          `${this.#source.name}: nested index ${chosen.digest} is not supported`,
        );
      }
      const image = await this.#copyImageManifest(
        child,
        parsed.manifest,
        undefined,
        chosen.platform,
      );
      return { raw: image.raw, images: [image.image] };
    }
    if (!this.#dest.capabilities.acceptsIndex) {
      throw new LighterError(
        'ERR_UNSUPPORTED',
        `${this.#dest.name} cannot store a multi-platform index: choose one platform (--multi-arch system, --platform)`,
      );
    }
    const format = this.#targetFormat(top.mediaType);
    if (mode === 'index-only') {
      if (format !== formatOfManifestType(top.mediaType)) {
        throw new LighterError(
          'ERR_UNSUPPORTED',
          'an index copied with index-only cannot change format',
        );
      }
      await this.#dest.putManifest(top);
      return { raw: top, images: [] };
    }

    const wanted = this.#options.platforms;
    const entries = wanted
      ? index.manifests.filter(
          (d) => d.platform && wanted.some((p) => platformMatches(p, d.platform as Platform)),
        )
      : index.manifests;
    if (wanted && entries.length === 0) {
      throw new LighterError(
        'ERR_NO_MATCHING_PLATFORM',
        `${this.#source.name}: none of ${wanted.map(formatPlatform).join(', ')} is in the index (it has ${index.manifests
          .map((d) => (d.platform ? formatPlatform(d.platform) : d.digest))
          .join(', ')})`,
      );
    }
    const subset = entries.length !== index.manifests.length;
    if (subset && this.#options.preserveDigests) {
      throw new LighterError(
        'ERR_WOULD_CHANGE_DIGEST',
        `copying only some platforms of ${this.#source.name} rewrites its index, so its digest cannot be preserved`,
      );
    }

    const children = await this.#settleAll(
      entries.map(async (entry) => {
        const child = await this.#childManifest(entry);
        const parsed = parseManifest(child.bytes, child.mediaType);
        if (parsed.kind !== 'image') {
          throw new LighterError(
            'ERR_BAD_MANIFEST',
            `${this.#source.name}: nested index ${entry.digest} is not supported`,
          );
        }
        return this.#copyImageManifest(child, parsed.manifest, entry.digest, entry.platform);
      }),
    );
    const changed =
      subset ||
      children.some((c, i) => c.raw.digest !== entries[i]?.digest) ||
      format !== formatOfManifestType(top.mediaType);
    let raw = top;
    if (changed) {
      const descriptors = children.map((c, i) => ({
        ...(entries[i] as Descriptor),
        mediaType: c.raw.mediaType,
        digest: c.raw.digest,
        size: c.raw.bytes.length,
      }));
      const bytes = manifestBytes(convertIndex(index, format, descriptors));
      raw = { bytes, mediaType: manifestTypeFor(format, 'index'), digest: digestOf(bytes) };
    }
    await this.#dest.putManifest(raw);
    return { raw, images: children.map((c) => c.image) };
  }

  async #childManifest(entry: Descriptor): Promise<RawManifest> {
    const child = await this.#source.manifest(entry.digest);
    verifyBytes(child.bytes, {
      digest: entry.digest,
      size: entry.size,
      what: `manifest ${entry.digest} of ${this.#source.name}`,
    });
    return child;
  }

  #targetFormat(sourceType: string): ManifestFormat {
    if (this.#options.format) return this.#options.format;
    const accepted = this.#dest.capabilities.manifestTypes;
    const sourceFormat = formatOfManifestType(sourceType);
    if (accepted.includes(sourceType)) return sourceFormat;
    const first = accepted[0];
    return first ? formatOfManifestType(first) : sourceFormat;
  }

  async #copyImageManifest(
    raw: RawManifest,
    manifest: ImageManifest,
    instance: Digest | undefined,
    platform?: Platform,
  ): Promise<{ raw: RawManifest; image: CopiedImage }> {
    const format = this.#targetFormat(raw.mediaType);
    const convert = format !== formatOfManifestType(raw.mediaType);
    const recompress = this.#options.compression;
    const layerChanges =
      recompress !== undefined &&
      manifest.layers.some((l) => layerCompression(l.mediaType) !== recompress);
    if ((convert || layerChanges) && this.#options.preserveDigests) {
      throw new LighterError(
        'ERR_WOULD_CHANGE_DIGEST',
        `copying ${this.#source.name} to ${this.#dest.name} needs ${
          convert ? `conversion to ${format}` : `recompression to ${recompress}`
        }, which changes its digest; drop --preserve-digests or the conversion`,
      );
    }
    if (convert && format === 'v2s2' && !recompress) {
      // Fail before copying anything when the target format cannot describe a layer.
      for (const l of manifest.layers)
        layerMediaType('v2s2', layerCompression(l.mediaType) ?? 'none');
    }

    const [config, ...layers] = await this.#settleAll([
      this.#copyBlob(manifest.config, undefined),
      ...manifest.layers.map((l) =>
        this.#copyBlob(
          l,
          layerChanges && recompress ? { format, compression: recompress } : undefined,
        ),
      ),
    ]);

    let out = raw;
    const layersChanged = layers.some((l, i) => l?.digest !== manifest.layers[i]?.digest);
    if (convert || layersChanged) {
      const rewritten: ImageManifest = {
        ...manifest,
        config: config as Descriptor,
        layers: layers as Descriptor[],
      };
      const bytes = manifestBytes(convertManifest(rewritten, format));
      if (bytes.length > MAX_MANIFEST_SIZE) {
        throw new LighterError(
          'ERR_MANIFEST_TOO_BIG',
          `converted manifest of ${this.#source.name} exceeds 4 MiB`,
        );
      }
      out = { bytes, mediaType: manifestTypeFor(format, 'image'), digest: digestOf(bytes) };
    }
    await this.#dest.putManifest(out, instance === undefined ? undefined : out.digest);
    const image: CopiedImage = { digest: out.digest, mediaType: out.mediaType };
    if (platform) image.platform = platform;
    return { raw: out, image };
  }

  /** Copies one blob once per run; the descriptor it returns describes the blob as written. */
  #copyBlob(desc: Descriptor, recompress: Recompress | undefined): Promise<Descriptor> {
    const key = `${desc.digest}|${recompress ? `${recompress.format}/${recompress.compression}` : ''}`;
    let pending = this.#blobs.get(key);
    if (pending) return pending;
    const shared = this.#options.sharedBlobs;
    const other = shared?.get(key);
    if (other) {
      pending = other.then(
        (written) => {
          this.#countSkipped(desc);
          return written;
        },
        () => this.#limiter.run(() => this.#transferBlob(desc, recompress)),
      );
    } else {
      pending = this.#limiter.run(() => this.#transferBlob(desc, recompress));
      shared?.set(key, pending);
    }
    this.#blobs.set(key, pending);
    return pending;
  }

  #countSkipped(desc: Descriptor): void {
    this.#stats.blobsSkipped++;
    this.#stats.bytesSkipped += desc.size;
    this.#options.onProgress?.({
      digest: desc.digest,
      mediaType: desc.mediaType,
      size: desc.size,
      state: 'skipped',
      bytes: desc.size,
    });
  }

  async #transferBlob(desc: Descriptor, recompress: Recompress | undefined): Promise<Descriptor> {
    if (this.#failed)
      throw new LighterError('ERR_CANCELLED', 'copy cancelled after an earlier failure');
    const what = `blob ${desc.digest} from ${this.#source.name}`;
    if (!recompress) {
      const mountFrom = this.#source.repository;
      const reused = await this.#dest.tryReuseBlob(desc, mountFrom ? { mountFrom } : undefined);
      if (reused) {
        this.#countSkipped(desc);
        this.#log.debug(`${desc.digest}: already at ${this.#dest.name}`);
        return desc;
      }
    }

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#streamBlob(desc, recompress);
      } catch (err) {
        if (this.#failed || attempt > BLOB_RETRIES || !isTransient(err)) {
          throw withContext(err, `copying ${what} to ${this.#dest.name}`, 'ERR_NETWORK');
        }
        this.#log.warn(`copying ${what}: ${errorMessage(err)}; starting this blob again`);
      }
    }
  }

  /** One pass of a blob from source to destination, through the verifier. */
  async #streamBlob(desc: Descriptor, recompress: Recompress | undefined): Promise<Descriptor> {
    const progress = this.#options.onProgress;
    const what = `blob ${desc.digest} from ${this.#source.name}`;
    progress?.({
      digest: desc.digest,
      mediaType: desc.mediaType,
      size: desc.size,
      state: 'start',
      bytes: 0,
    });
    const input = await this.#source.blob(desc);
    const stages: Array<Readable | Transform> = [
      input,
      new VerifyingStream({ digest: desc.digest, size: desc.size, what }),
    ];
    let mediaType = desc.mediaType;
    if (recompress) {
      const from = layerCompression(desc.mediaType) ?? 'none';
      stages.push(decompressor(from), compressor(recompress.compression));
      mediaType = layerMediaType(recompress.format, recompress.compression);
    }
    const counter = new CountingStream((bytes) =>
      progress?.({
        digest: desc.digest,
        mediaType: desc.mediaType,
        size: desc.size,
        state: 'progress',
        bytes,
      }),
    );
    stages.push(counter);
    const body = pipeline(
      stages as unknown as [Readable, ...Transform[]],
      () => {},
    ) as unknown as Readable;
    this.#inFlight.add(input);
    try {
      const written = await this.#dest.putBlob(
        body,
        recompress ? { mediaType } : { mediaType, digest: desc.digest, size: desc.size },
      );
      this.#stats.blobsCopied++;
      this.#stats.bytesCopied += desc.size;
      progress?.({
        digest: desc.digest,
        mediaType: desc.mediaType,
        size: desc.size,
        state: 'done',
        bytes: desc.size,
      });
      if (!recompress) return desc;
      const out: Descriptor = { mediaType, digest: written.digest, size: written.size };
      if (desc.annotations) out.annotations = desc.annotations;
      return out;
    } catch (err) {
      body.destroy();
      throw err;
    } finally {
      this.#inFlight.delete(input);
    }
  }

  /**
   * Like Promise.all, but on the first failure stops the other transfers and waits for them to
   * settle, so nothing is still writing when the caller closes the destination.
   */
  async #settleAll<T>(tasks: Promise<T>[]): Promise<T[]> {
    const results = await Promise.allSettled(
      tasks.map((t) =>
        t.catch((err) => {
          if (!this.#failed) {
            this.#failed = true;
            for (const s of this.#inFlight)
              s.destroy(
                new LighterError('ERR_CANCELLED', 'copy cancelled after an earlier failure'),
              );
          }
          throw err;
        }),
      ),
    );
    // Report the first real failure, not the cancellations it caused.
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failures.length > 0) {
      const real = failures.find(
        (f) => !(f.reason instanceof LighterError && f.reason.code === 'ERR_CANCELLED'),
      );
      throw (real ?? failures[0])?.reason;
    }
    return results.map((r) => (r as PromiseFulfilledResult<T>).value);
  }
}

/** Counts bytes for progress reports without touching them. */
class CountingStream extends Transform {
  #bytes = 0;
  readonly #report: (bytes: number) => void;
  constructor(report: (bytes: number) => void) {
    super();
    this.#report = report;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.#bytes += chunk.length;
    this.#report(this.#bytes);
    done(null, chunk);
  }
}
