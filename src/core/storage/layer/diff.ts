// Writes a directory as a layer tar, deterministically, turning overlayfs whiteouts back into OCI ones.
//
// The same tree always gives the same bytes: children in bytewise name order (whiteouts of a
// directory first, as the OCI spec recommends), no user or group names, whole-second mtimes
// (clamped to SOURCE_DATE_EPOCH when given), PAX records only where ustar cannot say it, and
// a gzip header without name or time and with OS "unknown" (as Go writes it).

import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  type Stats,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough, pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { type Digest, DigestingStream } from '../../digest.js';
import { InvalidArgumentError, LighterError, withContext } from '../../errors.js';
import { type Logger, silentLogger } from '../../log.js';
import type { LayerCompression } from '../../media-types.js';
import { containerId, type IdMap } from './id-map.js';
import { encodeHeader, endOfArchive, padding, type TarHeader } from './tar-header.js';
import { isOverlayWhiteout, OPAQUE_WHITEOUT, WHITEOUT_PREFIX } from './whiteout.js';
import { ATTR_TOOLS_HINT, hasCommand, readXattrTree } from './xattr.js';

export interface DiffLayerOptions {
  /**
   * 'overlay-upper': the upper dir of an overlay mount; 0/0 character devices become
   * `.wh.NAME` and opaque directories get a `.wh..wh..opq` entry.
   * 'full': every file as it is (a rootfs or a COPY source), whiteout devices included.
   */
  mode: 'overlay-upper' | 'full';
  /** Clamp mtimes to this time (seconds), as SOURCE_DATE_EPOCH asks. */
  sourceDateEpoch?: number;
  compression: LayerCompression;
  /** Maps host uids/gids back to the layer's (user-namespaced stores). */
  idMap?: IdMap;
  logger?: Logger;
}

export interface DiffLayerResult {
  /** Digest of the (compressed) blob. */
  digest: Digest;
  /** Digest of the uncompressed tar. */
  diffId: Digest;
  /** Bytes of the blob. */
  size: number;
  /** Bytes of the uncompressed tar. */
  uncompressedSize: number;
  entries: number;
}

export interface LayerDiff {
  /** The layer blob; read it to the end (the tree is walked as it is read). */
  stream: Readable;
  /** Settles once the last byte has gone through; rejects with whatever stopped the stream. */
  done: Promise<DiffLayerResult>;
}

/** Attributes that describe the host rather than the image, so they would break reproducibility. */
const HOST_XATTRS = new Set(['security.selinux']);
const READ_CHUNK = 1024 * 1024;

/**
 * Walks `upperDir` and streams it as a layer. Hardlinks (same device and inode) become tar
 * hardlink entries pointing at the first path in walk order. Sockets are skipped.
 */
export function diffLayer(upperDir: string, options: DiffLayerOptions): LayerDiff {
  if (options.mode !== 'overlay-upper' && options.mode !== 'full') {
    throw new InvalidArgumentError(
      `mode must be 'overlay-upper' or 'full', not ${String(options.mode)}`,
    );
  }
  if (!['gzip', 'zstd', 'none'].includes(options.compression)) {
    throw new InvalidArgumentError(
      `compression must be gzip, zstd or none, not ${String(options.compression)}`,
    );
  }
  const epoch = options.sourceDateEpoch;
  if (epoch !== undefined && !(Number.isInteger(epoch) && epoch >= 0)) {
    throw new InvalidArgumentError(
      `sourceDateEpoch must be a whole number of seconds, not ${epoch}`,
    );
  }
  const root = resolve(upperDir);
  let rootStats: Stats;
  try {
    rootStats = lstatSync(root);
  } catch (err) {
    throw new InvalidArgumentError(`writing layer: cannot read ${root}`, { cause: err });
  }
  if (!rootStats.isDirectory())
    throw new InvalidArgumentError(`writing layer: ${root} is not a directory`);

  const walker = new TreeWalker(root, options);
  const tar = Readable.from(walker.tar(), { objectMode: false, highWaterMark: READ_CHUNK });
  const diffDigester = new DigestingStream();
  const blobDigester = new DigestingStream();
  let settle: { resolve: (r: DiffLayerResult) => void; reject: (e: unknown) => void } | undefined;
  const done = new Promise<DiffLayerResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The stream reports the same failure; a caller that only reads it must not see an unhandled rejection.
  done.catch(() => {});
  pipeline(
    tar,
    diffDigester,
    ...compressor(options.compression),
    blobDigester,
    (err: NodeJS.ErrnoException | null | undefined) => {
      if (err) {
        settle?.reject(withContext(err, `writing layer from ${root}`, 'ERR_STORE'));
        return;
      }
      settle?.resolve({
        digest: blobDigester.digest,
        diffId: diffDigester.digest,
        size: blobDigester.size,
        uncompressedSize: diffDigester.size,
        entries: walker.entries,
      });
    },
  );
  return { stream: blobDigester, done };
}

class TreeWalker {
  entries = 0;
  readonly #root: string;
  readonly #overlay: boolean;
  readonly #epoch: number | undefined;
  readonly #idMap: IdMap | undefined;
  readonly #logger: Logger;
  #xattrs = new Map<string, Array<[string, Buffer]>>();
  /** First path seen for each device:inode with more than one link. */
  readonly #links = new Map<string, string>();

  constructor(root: string, options: DiffLayerOptions) {
    this.#root = root;
    this.#overlay = options.mode === 'overlay-upper';
    this.#epoch = options.sourceDateEpoch;
    this.#idMap = options.idMap;
    this.#logger = options.logger ?? silentLogger;
  }

  async *tar(): AsyncGenerator<Buffer> {
    await this.#loadXattrs();
    if (this.#overlay && this.#isOpaque('')) {
      yield this.#marker(OPAQUE_WHITEOUT, lstatSync(this.#root));
    }
    yield* this.#walk('');
    yield endOfArchive();
  }

  async #loadXattrs(): Promise<void> {
    if (!hasCommand('getfattr')) {
      if (this.#overlay) {
        throw new LighterError(
          'ERR_UNSUPPORTED',
          `reading opaque directories of an overlay upper dir needs ${ATTR_TOOLS_HINT}`,
        );
      }
      this.#logger.warn(`xattrs are left out of the layer: reading them needs ${ATTR_TOOLS_HINT}`);
      return;
    }
    const tree = await readXattrTree(this.#root);
    for (const line of tree.errors) this.#logger.warn(`reading xattrs: ${line}`);
    this.#xattrs = tree.byPath;
  }

  async *#walk(dirRel: string): AsyncGenerator<Buffer> {
    const dir = dirRel === '' ? this.#root : join(this.#root, dirRel);
    const children: Array<{ name: string; rel: string; stats: Stats }> = [];
    const raws = readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
    for (const raw of raws) {
      const name = raw.toString('utf8');
      const rel = dirRel === '' ? name : `${dirRel}/${name}`;
      if (!Buffer.from(name, 'utf8').equals(raw)) {
        throw new LighterError(
          'ERR_UNSUPPORTED',
          `"${rel}": file names must be UTF-8 to go in a layer`,
          {
            details: { path: rel },
          },
        );
      }
      children.push({ name, rel, stats: lstatSync(join(dir, name)) });
    }

    if (this.#overlay) {
      for (const c of children) {
        if (isOverlayWhiteout(c.stats)) {
          yield this.#marker(
            dirRel === '' ? `${WHITEOUT_PREFIX}${c.name}` : `${dirRel}/${WHITEOUT_PREFIX}${c.name}`,
            c.stats,
          );
        }
      }
    }
    for (const c of children) {
      if (this.#overlay && isOverlayWhiteout(c.stats)) continue;
      if (c.name.startsWith(WHITEOUT_PREFIX)) {
        throw new LighterError(
          'ERR_UNSUPPORTED',
          `"${c.rel}": names starting with ${WHITEOUT_PREFIX} mean deletions in a layer and cannot be stored`,
          { details: { path: c.rel } },
        );
      }
      yield* this.#entry(c.rel, c.stats);
    }
  }

  async *#entry(rel: string, stats: Stats): AsyncGenerator<Buffer> {
    const base = {
      name: rel,
      mode: stats.mode & 0o7777,
      uid: containerId(this.#idMap, 'uid', stats.uid, rel),
      gid: containerId(this.#idMap, 'gid', stats.gid, rel),
      size: 0,
      mtime: this.#mtime(stats),
      xattrs: this.#entryXattrs(rel),
    };
    const path = join(this.#root, rel);

    if (stats.isDirectory()) {
      this.entries++;
      yield encodeHeader({ ...base, type: 'directory' });
      if (this.#overlay && this.#isOpaque(rel))
        yield this.#marker(`${rel}/${OPAQUE_WHITEOUT}`, stats);
      yield* this.#walk(rel);
      return;
    }
    if (stats.isSocket()) {
      this.#logger.debug(`skipping socket ${rel}: tar cannot hold one`);
      return;
    }

    if (stats.nlink > 1) {
      const big = lstatSync(path, { bigint: true });
      const key = `${big.dev}:${big.ino}`;
      const first = this.#links.get(key);
      if (first !== undefined) {
        this.entries++;
        yield encodeHeader({ ...base, type: 'link', linkname: first, xattrs: [] });
        return;
      }
      this.#links.set(key, rel);
    }

    this.entries++;
    if (stats.isFile()) {
      yield encodeHeader({ ...base, type: 'file', size: stats.size });
      yield* this.#fileData(path, rel, stats);
    } else if (stats.isSymbolicLink()) {
      yield encodeHeader({ ...base, type: 'symlink', linkname: readlinkSync(path, 'utf8') });
    } else if (stats.isCharacterDevice() || stats.isBlockDevice()) {
      yield encodeHeader({
        ...base,
        type: stats.isCharacterDevice() ? 'character-device' : 'block-device',
        devmajor: major(stats.rdev),
        devminor: minor(stats.rdev),
      });
    } else if (stats.isFIFO()) {
      yield encodeHeader({ ...base, type: 'fifo' });
    }
  }

  async *#fileData(path: string, rel: string, stats: Stats): AsyncGenerator<Buffer> {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const now = fstatSync(fd);
      if (now.ino !== stats.ino) throw changed(rel);
      let left = stats.size;
      while (left > 0) {
        const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, left));
        const n = readSync(fd, buf, 0, buf.length, null);
        // A shorter file would corrupt the tar; a longer one is cut at the size in the header.
        if (n === 0) throw changed(rel);
        left -= n;
        yield n === buf.length ? buf : buf.subarray(0, n);
      }
    } finally {
      closeSync(fd);
    }
    const pad = padding(stats.size);
    if (pad.length > 0) yield pad;
  }

  /** An empty regular file standing for a whiteout or an opaque directory. */
  #marker(name: string, stats: Stats): Buffer {
    this.entries++;
    const header: TarHeader = {
      name,
      type: 'file',
      mode: 0,
      uid: 0,
      gid: 0,
      size: 0,
      mtime: this.#mtime(stats),
    };
    return encodeHeader(header);
  }

  #mtime(stats: Stats): number {
    const seconds = Math.floor(stats.mtimeMs / 1000);
    return this.#epoch !== undefined && seconds > this.#epoch ? this.#epoch : seconds;
  }

  #isOpaque(rel: string): boolean {
    return (this.#xattrs.get(rel) ?? []).some(
      ([name, value]) =>
        (name === 'trusted.overlay.opaque' || name === 'user.overlay.opaque') &&
        value.toString('latin1') === 'y',
    );
  }

  #entryXattrs(rel: string): Array<[string, Buffer]> {
    const out: Array<[string, Buffer]> = [];
    for (const [name, value] of this.#xattrs.get(rel) ?? []) {
      const overlayName = /^(?:trusted|user)\.overlay\.(.*)$/.exec(name)?.[1];
      if (overlayName !== undefined) {
        if (this.#overlay && (overlayName === 'redirect' || overlayName === 'metacopy')) {
          throw new LighterError(
            'ERR_UNSUPPORTED',
            `"${rel}" has ${name}: its content lives in a lower layer; mount the overlay with redirect_dir=off,metacopy=off`,
            { details: { path: rel } },
          );
        }
        continue;
      }
      if (!HOST_XATTRS.has(name)) out.push([name, value]);
    }
    return out;
  }
}

function changed(rel: string): LighterError {
  return new LighterError('ERR_STORE', `"${rel}" changed while it was being read`, {
    details: { path: rel },
  });
}

/** glibc's gnu_dev_major/minor on a Linux dev_t. */
function major(rdev: number): number {
  return Number(((BigInt(rdev) >> 8n) & 0xfffn) | ((BigInt(rdev) >> 32n) & ~0xfffn));
}

function minor(rdev: number): number {
  return Number((BigInt(rdev) & 0xffn) | ((BigInt(rdev) >> 12n) & 0xffffff00n));
}

function compressor(compression: LayerCompression): Transform[] {
  // Loaded on first use, like the decompressor: the store's module is on every run's path.
  const zlib = process.getBuiltinModule('node:zlib');
  switch (compression) {
    case 'gzip':
      return [zlib.createGzip({ level: 6 }), new GzipOsByte()];
    case 'zstd':
      return [zlib.createZstdCompress({ params: { [zlib.constants.ZSTD_c_compressionLevel]: 3 } })];
    case 'none':
      return [new PassThrough()];
  }
}

/** Sets the gzip header's OS byte to 255 ("unknown"): zlib writes the build platform's there. */
class GzipOsByte extends Transform {
  #seen = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const OS_OFFSET = 9;
    if (this.#seen <= OS_OFFSET && this.#seen + chunk.length > OS_OFFSET) {
      chunk[OS_OFFSET - this.#seen] = 0xff;
    }
    this.#seen += chunk.length;
    done(null, chunk);
  }
}
