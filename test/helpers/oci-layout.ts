// Low-level writing of OCI image layouts for fixtures: blobs by digest, index.json tags, tar layers.

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, createZstdCompress, constants as zlibConstants } from 'node:zlib';
import * as tar from 'tar-stream';
import { type Digest, DigestingStream, digestHex, digestOf } from '../../src/core/digest.js';
import type { Descriptor, ImageIndex } from '../../src/core/manifest.js';
import { layerCompression, MediaType } from '../../src/core/media-types.js';

/** The index.json annotation that names a tag in an OCI layout. */
export const REF_NAME = 'org.opencontainers.image.ref.name';

/** Fixed timestamp for every fixture (tar mtimes, config "created") so digests are stable. */
export const FIXTURE_EPOCH = new Date(0);

/** Creates the oci-layout marker, blobs/sha256 and an empty index.json unless they exist. */
export async function initLayout(dir: string): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  await writeFile(join(dir, 'oci-layout'), `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`);
  const index = join(dir, 'index.json');
  if (!(await exists(index))) {
    const empty: ImageIndex = { schemaVersion: 2, mediaType: MediaType.ociIndex, manifests: [] };
    await writeFile(index, JSON.stringify(empty));
  }
}

export function blobPath(dir: string, digest: Digest): string {
  return join(dir, 'blobs', digest.slice(0, digest.indexOf(':')), digestHex(digest));
}

/** Stores bytes as a blob (atomically: temp file then rename) and returns its descriptor. */
export async function writeBlob(
  dir: string,
  data: Uint8Array | string,
  mediaType: string,
): Promise<Descriptor> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const digest = digestOf(bytes);
  const path = blobPath(dir, digest);
  if (!(await exists(path))) {
    const temp = `${path}.${randomUUID()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, path);
  }
  return { mediaType, digest, size: bytes.length };
}

/** Serialises a manifest, index or config compactly (as registries and skopeo do) and stores it. */
export function writeJsonBlob(dir: string, value: unknown, mediaType: string): Promise<Descriptor> {
  return writeBlob(dir, JSON.stringify(value), mediaType);
}

export async function readIndex(dir: string): Promise<ImageIndex> {
  return JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as ImageIndex;
}

/**
 * Lists a manifest in index.json, named `tag` when given. Like skopeo, an existing entry with
 * the same name loses it, so a tag always names one manifest.
 */
export async function addToIndex(dir: string, descriptor: Descriptor, tag?: string): Promise<void> {
  const index = await readIndex(dir);
  const kept = index.manifests.filter(
    (m) => tag === undefined || m.annotations?.[REF_NAME] !== tag,
  );
  const entry: Descriptor = { ...descriptor };
  if (tag !== undefined) entry.annotations = { ...descriptor.annotations, [REF_NAME]: tag };
  index.manifests = [...kept, entry];
  const temp = join(dir, `index.json.${randomUUID()}.tmp`);
  await writeFile(temp, JSON.stringify(index));
  await rename(temp, join(dir, 'index.json'));
}

/** One tar entry of a fixture layer. Owner is always 0:0 and mtime FIXTURE_EPOCH. */
export type TarEntry =
  | { type: 'directory'; name: string; mode?: number }
  | { type: 'symlink'; name: string; target: string }
  | { type: 'link'; name: string; target: string }
  | { type: 'file'; name: string; mode?: number; data: Uint8Array | string }
  /** A file streamed from `content`, which must yield exactly `size` bytes. */
  | { type: 'file'; name: string; mode?: number; size: number; content: AsyncIterable<Uint8Array> };

export interface WrittenLayer {
  descriptor: Descriptor;
  /** Digest of the uncompressed tar: the config's rootfs.diff_ids entry. */
  diffId: Digest;
}

export interface LayerOptions {
  /** Layer media type; its suffix picks the compression (gzip, zstd or none). */
  mediaType?: string;
  /** Compression level (gzip 0-9, zstd 1-19); default 6 for gzip, 3 for zstd, as the tools use. */
  level?: number;
}

/**
 * Writes a tar layer blob from entries, streaming: entries with `content` are never held in
 * memory whole, so layers of gigabytes are fine. Output is deterministic for the same entries.
 */
export async function writeLayer(
  dir: string,
  entries: Iterable<TarEntry> | AsyncIterable<TarEntry>,
  options: LayerOptions = {},
): Promise<WrittenLayer> {
  const mediaType = options.mediaType ?? MediaType.ociLayerGzip;
  const compression = layerCompression(mediaType);
  if (!compression) throw new Error(`writeLayer: ${mediaType} is not a layer media type`);
  const pack = tar.pack();
  const diff = new DigestingStream();
  const blob = new DigestingStream();
  const stages: Transform[] = [diff];
  if (compression === 'gzip')
    stages.push(createGzip({ level: options.level ?? 6, chunkSize: 256 * 1024 }));
  if (compression === 'zstd') {
    stages.push(
      createZstdCompress({
        params: { [zlibConstants.ZSTD_c_compressionLevel]: options.level ?? 3 },
      }),
    );
  }
  stages.push(blob);
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
  const temp = join(dir, 'blobs', 'sha256', `layer.${randomUUID()}.tmp`);

  const produce = async (): Promise<void> => {
    try {
      for await (const entry of entries) await packEntry(pack, entry);
      pack.finalize();
    } catch (error) {
      pack.destroy(error as Error);
      throw error;
    }
  };
  try {
    // tar-stream's streams are streamx streams; Readable.from adapts them for node's pipeline.
    await Promise.all([
      produce(),
      pipeline([Readable.from(pack, { objectMode: false }), ...stages, createWriteStream(temp)]),
    ]);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const descriptor: Descriptor = { mediaType, digest: blob.digest, size: blob.size };
  await rename(temp, blobPath(dir, descriptor.digest));
  return { descriptor, diffId: diff.digest };
}

type TarHeader = Partial<tar.Header> & { name: string };

async function packEntry(pack: tar.Pack, entry: TarEntry): Promise<void> {
  const base = { name: entry.name, uid: 0, gid: 0, uname: '', gname: '', mtime: FIXTURE_EPOCH };
  switch (entry.type) {
    case 'directory':
      return addEntry(pack, { ...base, type: 'directory', mode: entry.mode ?? 0o755 });
    case 'symlink':
      return addEntry(pack, { ...base, type: 'symlink', mode: 0o777, linkname: entry.target });
    case 'link':
      return addEntry(pack, { ...base, type: 'link', mode: 0o644, linkname: entry.target });
    case 'file': {
      const mode = entry.mode ?? 0o644;
      if ('data' in entry) {
        const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
        return addEntry(
          pack,
          { ...base, type: 'file', mode, size: data.length },
          Buffer.from(data),
        );
      }
      return streamEntry(pack, { ...base, type: 'file', mode, size: entry.size }, entry.content);
    }
  }
}

function addEntry(pack: tar.Pack, header: TarHeader, data?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error | null) => (error ? reject(error) : resolve());
    if (data) pack.entry(header, data, done);
    else pack.entry(header, done);
  });
}

async function streamEntry(
  pack: tar.Pack,
  header: TarHeader,
  content: AsyncIterable<Uint8Array>,
): Promise<void> {
  let sink!: ReturnType<tar.Pack['entry']>;
  const finished = new Promise<void>((resolve, reject) => {
    sink = pack.entry(header, (error) => (error ? reject(error) : resolve()));
  });
  // Observed below; this only keeps an early failure from counting as unhandled meanwhile.
  finished.catch(() => {});
  for await (const chunk of content) {
    // Respect backpressure so only a few chunks are ever buffered.
    if (!sink.write(chunk)) {
      await Promise.race([
        new Promise<void>((resolve) => sink.once('drain', () => resolve())),
        finished,
      ]);
    }
  }
  sink.end(undefined);
  await finished;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
