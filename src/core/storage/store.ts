// The local image store: an OCI image layout plus unpacked layer directories, shared safely by concurrent processes.
//
// On disk (STORE is `defaultStoreDir()` unless given):
//   oci-layout, index.json      the OCI image layout; names are `org.opencontainers.image.ref.name`
//   blobs/sha256/<hex>          content, written whole under its digest (temp file, fsync, rename)
//   index.json.lock             the one lock: index.json updates, lease claims and GC
//   layers/<chain ID hex>/      unpacked layers with overlay whiteouts, one overlay lower dir each
//   meta/<manifest hex>.json    advisory facts per image (added, last used, source)
//   leases/<pid>-<hex>          what live processes use or are writing, kept by GC
// Work in progress has a hidden name carrying its writer's pid (`.tmp-…-<pid>-<hex>`); once that
// process is gone it is a leftover, removed on the next open or prune.

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { type Digest, digestAlgorithm, digestHex, verifyBytes } from '../digest.js';
import { contextual, errorMessage, isLighterError, LighterError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { pathExists } from '../fs/exists.js';
import { directoryTree, type FileTree } from '../fs/tree.js';
import { addEntry, INDEX_FILE, type LayoutIndex, REF_NAME, refName } from '../layout/layout.js';
import { type ExpectedBlob, LayoutWriter } from '../layout/writer.js';
import { type Logger, silentLogger } from '../log.js';
import {
  type Descriptor,
  type ImageConfig,
  type ImageManifest,
  type Platform,
  parseImageConfig,
  parseManifest,
} from '../manifest.js';
import { type LayerCompression, layerCompression } from '../media-types.js';
import { formatPlatform, hostPlatform, selectManifest } from '../platform.js';
import { parseReference, type Reference } from '../reference.js';
import { blobWorkersReady } from './blob-pool.js';
import { type WrittenBlob, writeFollowedBlob } from './blob-writer.js';
import { chainIds, layerDirName } from './chain-id.js';
import { LEASES_DIR, Lease, layerClaim, liveClaims } from './lease.js';
import {
  discard,
  findLeftovers,
  isLeftover,
  moveToTrash,
  ownerPid,
  treeBytes,
} from './leftovers.js';
import { defaultStoreDir } from './location.js';
import { type ImageMeta, META_DIR, pruneMeta, readMeta, updateMeta } from './meta.js';
import { idPrefix, localImageName, nameCandidates, notFound } from './names.js';
import { removeTree } from './remove-tree.js';
import { TEE_HIGH_WATER, tee } from './tee.js';
import { extractInto, isDirectory, LAYERS_DIR, layerPath, unpackLayer } from './unpack.js';

/**
 * Named points of a write where crash tests stop a process (kill -9) to check that the store
 * survives; production code passes no hook.
 */
export type FaultPoint =
  | 'blob-written'
  | 'layer-unpacked'
  | 'layers-placed'
  | 'index-updated'
  | 'gc-moved';

export interface StoreOptions {
  logger?: Logger;
  /** How long to wait for another process's lock (default 60 s). */
  lockTimeoutMs?: number;
  /** Test seam: awaited at each FaultPoint. */
  faultPoint?: (point: FaultPoint) => void | Promise<void>;
}

/** An image in the store: one top-level manifest (image or index) and the names pointing at it. */
export interface StoredImage {
  /** The ID people type, as podman shows it: the config digest's hex (an index: its own digest's). */
  id: string;
  /** Digest of the top-level manifest as stored. */
  digest: Digest;
  mediaType: string;
  /** The index.json descriptor, without the name annotation. */
  descriptor: Descriptor;
  /** Full names (`docker.io/library/busybox:latest`); empty for an unnamed image. */
  names: string[];
  /** Bytes of the manifest(s), config(s) and layers as stored (compressed), shared blobs once. */
  size: number;
  /** The config's `created`. */
  created?: string;
  /** `linux/amd64`; an index lists the platforms it holds here. */
  platforms: string[];
  /** When the image came into this store and was last used (from meta/; absent if unknown). */
  added?: string;
  lastUsed?: string;
  /** Where it was copied from (`docker://…`), when known. */
  source?: string;
}

/** One platform's image of a stored image, parsed: what build and run start from. */
export interface InspectedImage {
  image: StoredImage;
  /** Digest of the image manifest (for an index, the chosen platform's). */
  digest: Digest;
  manifest: ImageManifest;
  configDigest: Digest;
  config: ImageConfig;
}

export interface ImageOptions {
  /** For an index: which platform's image (default this host's). */
  platform?: Platform;
}

export interface LayerDirsOptions extends ImageOptions {
  /**
   * A lease to hold the layers with (a runtime keeps one while a container runs, so a prune
   * after an rmi cannot pull its lower dirs away). Without one, a temporary lease covers only the unpacking.
   */
  lease?: Lease;
}

export interface RemoveOptions {
  /** Remove an image given by ID even when several names point at it. */
  force?: boolean;
}

export interface Removed {
  /** The names removed. */
  untagged: string[];
  /** True when no name points at the image any more (its content goes at the next prune). */
  deleted: boolean;
  digest: Digest;
}

export interface PruneOptions {
  /** Also remove images that have no name. */
  all?: boolean;
}

export interface PruneResult {
  /** Unnamed images removed (with `all`). */
  images: number;
  blobs: number;
  layers: number;
  /** Temp files and directories of processes that died mid-write. */
  leftovers: number;
  /** Bytes freed (file sizes). */
  bytes: number;
}

export interface PutBlobOptions {
  /** Unpack the blob, a layer, into this existing empty directory while it is written. */
  unpackInto?: { dir: string; compression: LayerCompression | 'auto' };
  /**
   * The stream is verified against `expected.digest` as it flows and fails on a mismatch (the
   * copy engine's blob streams are): big blobs are then not hashed a second time here.
   */
  verifiedUpstream?: boolean;
}

/** Metadata recorded when an image is added. */
export interface AddImageOptions {
  name?: string;
  source?: string;
}

const UNPACK_CONCURRENCY = 4;
// Below this, a worker round trip costs more than hashing on this thread.
const WORKER_MIN = 1024 * 1024;
// How long unpacking waits for a worker thread to start before doing the work itself.
const WORKER_WAIT_MS = 2000;

export class Store {
  /** Absolute path of the store. */
  readonly dir: string;
  readonly layersDir: string;
  /** The OCI layout writer (blobs and index.json) the store is built on. */
  readonly writer: LayoutWriter;
  readonly logger: Logger;
  /** The store as a read-only file tree, for LayoutReader and blob streams. */
  readonly tree: FileTree;
  readonly #options: StoreOptions;
  /** Parsed facts per top-level digest; content never changes under a digest. */
  readonly #facts = new Map<Digest, Promise<ImageFacts>>();

  private constructor(dir: string, writer: LayoutWriter, options: StoreOptions) {
    this.dir = dir;
    this.layersDir = join(dir, LAYERS_DIR);
    this.writer = writer;
    this.logger = options.logger ?? silentLogger;
    this.tree = directoryTree(dir);
    this.#options = options;
  }

  /**
   * Opens (creating when needed) the store at `dir`, by default `defaultStoreDir()`
   * (LIGHTER_STORE, else /var/lib/lighter as root, else the user's data dir). Removes leftovers
   * of writers that died. Throws ERR_STORE when the directory is not usable, ERR_BAD_MANIFEST
   * when it holds something other than an OCI layout.
   */
  static async open(dir?: string, options: StoreOptions = {}): Promise<Store> {
    const root = resolve(dir ?? defaultStoreDir());
    const writer = await contextual(
      `opening the store ${root}`,
      async () => {
        const w = await LayoutWriter.open(root, {
          ...(options.logger ? { logger: options.logger } : {}),
          ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
        });
        for (const sub of [LAYERS_DIR, META_DIR, LEASES_DIR]) {
          await mkdir(join(root, sub), { recursive: true });
        }
        return w;
      },
      'ERR_STORE',
    );
    const store = new Store(root, writer, options);
    // skopeo and umoci refuse a layout without index.json; a new store gets an empty one.
    if (!(await pathExists(join(root, INDEX_FILE)))) await writer.updateIndex((index) => index);
    await store.#removeLeftovers();
    return store;
  }

  /** Every image, grouped by top-level manifest, in index.json order. */
  async images(): Promise<StoredImage[]> {
    return this.#group(await this.writer.readIndex());
  }

  /**
   * Finds an image by name or ID, as podman does: the exact normalized name (`busybox` is
   * `docker.io/library/busybox:latest`), then `localhost/NAME`, then a unique stored name ending
   * in `/NAME:TAG`; `NAME@sha256:…` also matches by digest; hex (optionally `sha256:`) is a
   * prefix of an image ID or manifest digest. ERR_NOT_FOUND lists similar names;
   * ERR_BAD_REFERENCE for a malformed name; ERR_INVALID_ARGUMENT when a prefix is ambiguous.
   */
  async resolve(input: string): Promise<StoredImage> {
    return this.#find(await this.writer.readIndex(), input);
  }

  /**
   * Gives an image another name. A short name goes under `localhost/` (see localImageName);
   * a name that pointed at another image moves, and that image goes if it has no name left.
   * Returns the stored name.
   */
  async tag(image: string | StoredImage, newName: string): Promise<string> {
    const name = localImageName(newName);
    const target = typeof image === 'string' ? await this.resolve(image) : image;
    await this.#updateIndex(async (index) => {
      if (!index.manifests.some((d) => d.digest === target.digest)) {
        throw new LighterError(
          'ERR_NOT_FOUND',
          `tagging ${target.digest} as ${name}: the image was removed meanwhile`,
        );
      }
      return setName(index, target.descriptor, name);
    });
    await this.#touch(target.digest);
    return name;
  }

  /** Removes one name, keeping the image (unnamed if that was its last name). Returns the name removed. */
  async untag(name: string): Promise<string> {
    let removed = '';
    await this.#updateIndex(async (index) => {
      const stored = this.#findName(index, name);
      const entry = index.manifests.find((d) => refName(d) === stored) as Descriptor;
      removed = stored;
      let next: LayoutIndex = {
        ...index,
        manifests: index.manifests.filter((d) => refName(d) !== stored),
      };
      if (!next.manifests.some((d) => d.digest === entry.digest)) {
        next = addEntry(next, withoutName(entry), undefined);
      }
      return next;
    });
    return removed;
  }

  /**
   * `rmi`: by name, removes that name (the image goes with its last name); by ID, removes the
   * image and every name of it (several names need `force`). Space is freed by `prune`.
   */
  async remove(input: string, options: RemoveOptions = {}): Promise<Removed> {
    let result: Removed | undefined;
    await this.#updateIndex(async (index) => {
      let stored: string | undefined;
      try {
        stored = this.#findName(index, input);
      } catch (err) {
        if (!isLighterError(err, 'ERR_NOT_FOUND') && !isLighterError(err, 'ERR_BAD_REFERENCE')) {
          throw err;
        }
      }
      if (stored !== undefined) {
        const digest = (index.manifests.find((d) => refName(d) === stored) as Descriptor).digest;
        const manifests = index.manifests.filter((d) => refName(d) !== stored);
        result = {
          untagged: [stored],
          deleted: !manifests.some((d) => d.digest === digest),
          digest,
        };
        return { ...index, manifests };
      }
      const found = await this.#find(index, input);
      const names = namesOf(index, found.digest);
      if (names.length > 1 && !options.force) {
        throw new LighterError(
          'ERR_INVALID_ARGUMENT',
          `removing ${input}: image ${found.id.slice(0, 12)} has several names (${names.join(', ')}); remove them by name, or force`,
          { details: { names } },
        );
      }
      result = { untagged: names, deleted: true, digest: found.digest };
      return { ...index, manifests: index.manifests.filter((d) => d.digest !== found.digest) };
    });
    return result as Removed;
  }

  /**
   * Adds an image whose blobs are all in the store (the storage destination's commit, a
   * build's last step) under `name` (stored as given: normalize first), or unnamed.
   */
  async addImage(descriptor: Descriptor, options: AddImageOptions = {}): Promise<void> {
    const plain = withoutName(descriptor);
    await this.#updateIndex(async (index) =>
      options.name === undefined
        ? addEntry(index, plain, undefined)
        : setName(index, plain, options.name),
    );
    await this.fault('index-updated');
    const now = new Date().toISOString();
    await updateMeta(this.dir, plain.digest, {
      added: now,
      lastUsed: now,
      ...(options.source ? { source: options.source } : {}),
    }).catch((err) =>
      this.logger.debug(`recording facts of ${plain.digest}: ${errorMessage(err)}`),
    );
  }

  /** The image manifest and config of a stored image (for an index: of one platform). */
  async inspect(image: string | StoredImage, options: ImageOptions = {}): Promise<InspectedImage> {
    const target = typeof image === 'string' ? await this.resolve(image) : image;
    const label = target.names[0] ?? target.id.slice(0, 12);
    return contextual(`reading image ${label} from the store ${this.dir}`, async () => {
      const top = parseManifest(await this.readBlob(target.descriptor), target.mediaType);
      let digest = target.digest;
      let manifest: ImageManifest;
      if (top.kind === 'index') {
        const chosen = selectManifest(top.index, options.platform ?? hostPlatform());
        digest = chosen.digest;
        const child = parseManifest(await this.readBlob(chosen), chosen.mediaType);
        if (child.kind !== 'image') {
          throw new LighterError(
            'ERR_BAD_MANIFEST',
            `nested index ${chosen.digest} is not supported`,
          );
        }
        manifest = child.manifest;
      } else {
        manifest = top.manifest;
      }
      const config = parseImageConfig(await this.readBlob(manifest.config));
      return { image: target, digest, manifest, configDigest: manifest.config.digest, config };
    });
  }

  /**
   * The overlay lower dirs of an image, top layer first (the order of overlayfs' `lowerdir=`),
   * unpacking any layer not unpacked yet. An image without layers gives [].
   */
  async layerDirs(image: string | StoredImage, options: LayerDirsOptions = {}): Promise<string[]> {
    const inspected = await this.inspect(image, options);
    const { manifest, config } = inspected;
    const label = inspected.image.names[0] ?? inspected.image.id.slice(0, 12);
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== manifest.layers.length) {
      throw new LighterError(
        'ERR_BAD_MANIFEST',
        `image ${label}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`,
      );
    }
    const chains = chainIds(diffIds);
    const lease = options.lease ?? (await this.lease());
    try {
      await lease.claim([
        ...manifest.layers.map((l) => l.digest),
        ...chains.map((c) => layerClaim(layerDirName(c))),
      ]);
      const missing = await Promise.all(
        chains.map(async (c) => !(await isDirectory(layerPath(this.layersDir, c)))),
      );
      if (missing.some(Boolean)) await this.prepareWorkers(WORKER_WAIT_MS);
      await mapLimit(chains, UNPACK_CONCURRENCY, async (chain, i) => {
        if (await isDirectory(layerPath(this.layersDir, chain))) return;
        const layer = manifest.layers[i] as Descriptor;
        const what = `unpacking layer ${i + 1}/${chains.length} (${layer.digest}) of ${label}`;
        await contextual(what, async () => {
          this.logger.debug(what);
          const file = this.writer.blobFile(layer.digest);
          if (!(await this.writer.hasBlob(layer))) {
            throw new LighterError(
              'ERR_NOT_FOUND',
              `blob ${layer.digest} is not in the store ${this.dir}`,
              {
                details: { digest: layer.digest },
              },
            );
          }
          await unpackLayer(
            { file, digest: layer.digest, size: layer.size },
            this.layersDir,
            chain,
            {
              compression: layerCompression(layer.mediaType) ?? 'auto',
              diffId: diffIds[i] as Digest,
              logger: this.logger,
              what,
            },
          );
        });
      });
    } finally {
      if (!options.lease) await lease.release();
    }
    await this.#touch(inspected.image.digest);
    return chains.map((c) => layerPath(this.layersDir, c)).reverse();
  }

  /**
   * Garbage collection: removes blobs and layer dirs no image refers to and no live lease
   * claims, leftovers of dead writers, and (with `all`) unnamed images. The decision and the
   * renames into a private trash happen under the lock; deleting happens after, unlocked.
   */
  async prune(options: PruneOptions = {}): Promise<PruneResult> {
    const result: PruneResult = { images: 0, blobs: 0, layers: 0, leftovers: 0, bytes: 0 };
    const trash = join(this.dir, `.trash-${process.pid}-${randomBytes(6).toString('hex')}`);
    let trashed = [trash];
    try {
      await this.writer.withLock(async () => {
        let index = await this.writer.readIndex();
        if (options.all) {
          const named = index.manifests.filter((d) => refName(d) !== undefined);
          const namedDigests = new Set(named.map((d) => d.digest));
          const dropped = new Set(
            index.manifests.filter((d) => !namedDigests.has(d.digest)).map((d) => d.digest),
          );
          if (index.manifests.length !== named.length) {
            index = { ...index, manifests: named };
            await writeFileAtomic(join(this.dir, INDEX_FILE), JSON.stringify(index));
          }
          result.images = dropped.size;
        }
        const keep = await this.referenced(index);
        const claims = await liveClaims(this.dir);
        const doomed: string[] = [];

        const blobsRoot = join(this.dir, 'blobs');
        for (const algorithm of await listDir(blobsRoot)) {
          for (const name of await listDir(join(blobsRoot, algorithm))) {
            const digest = `${algorithm}:${name}`;
            if (keep.blobs.has(digest) || claims.has(digest) || ownerPid(name) !== undefined) {
              continue;
            }
            doomed.push(join(blobsRoot, algorithm, name));
            result.blobs++;
          }
        }
        for (const name of await listDir(this.layersDir)) {
          if (ownerPid(name) !== undefined) {
            if (isLeftover(name)) {
              doomed.push(join(this.layersDir, name));
              result.leftovers++;
            }
            continue;
          }
          if (!/^[a-f0-9]{64}$/.test(name)) continue;
          if (keep.layers.has(name) || claims.has(layerClaim(name))) continue;
          doomed.push(join(this.layersDir, name));
          result.layers++;
        }
        const leftovers = [
          ...(await findLeftovers(this.dir)),
          ...(await findLeftovers(join(this.dir, META_DIR))),
        ];
        result.leftovers += leftovers.length;
        doomed.push(...leftovers);
        trashed = await moveToTrash(trash, doomed);
        await this.fault('gc-moved');
        await pruneMeta(this.dir, new Set(index.manifests.map((d) => digestHex(d.digest))));
      });
      for (const path of trashed) result.bytes += await treeBytes(path);
    } finally {
      for (const path of trashed) await removeTree(path);
    }
    return result;
  }

  /** A new lease for this process (release it when done). */
  lease(): Promise<Lease> {
    return Lease.create(this.dir, (fn) => this.writer.withLock(fn));
  }

  /**
   * Writes a blob (whole or not at all), checked against `expected` before it gets its name.
   * With `unpackInto` the layer is unpacked into that directory from the same bytes as they
   * are written, by a worker thread following the file (writeFollowedBlob) or, without one,
   * through a tee on this thread; `unpacked` then gives its diff ID (or the unpacking error).
   */
  async putBlob(
    stream: Readable,
    expected: ExpectedBlob = {},
    options: PutBlobOptions = {},
  ): Promise<WrittenBlob> {
    const small = expected.size !== undefined && expected.size >= 0 && expected.size < WORKER_MIN;
    const sha256 = expected.digest === undefined || digestAlgorithm(expected.digest) === 'sha256';
    let written: WrittenBlob | undefined;
    if (!small && sha256) {
      // A pull's first layers arrive while the workers are still starting: worth the wait.
      const inWorker = options.unpackInto !== undefined && (await blobWorkersReady(WORKER_WAIT_MS));
      if (options.unpackInto) {
        this.logger.debug(
          `${expected.what ?? 'blob'}: unpacking ${inWorker ? 'in a worker thread' : 'on the main thread'}`,
        );
      }
      written = await writeFollowedBlob(
        this.dir,
        stream,
        expected,
        (d) => this.writer.blobFile(d),
        options,
      );
    }
    if (!written && options.unpackInto) {
      written = await this.#putAndUnpack(stream, expected, options.unpackInto);
    }
    written ??= await this.writer.putBlob(stream, expected);
    await this.fault('blob-written');
    return written;
  }

  /** putBlob with unpacking on this thread: one read, teed into the blob file and the unpacker. */
  async #putAndUnpack(
    stream: Readable,
    expected: ExpectedBlob,
    into: { dir: string; compression: LayerCompression | 'auto' },
  ): Promise<WrittenBlob> {
    const toBlob = new PassThrough({ highWaterMark: TEE_HIGH_WATER });
    const toUnpack = new PassThrough({ highWaterMark: TEE_HIGH_WATER });
    const writing = this.writer.putBlob(toBlob, expected);
    const unpacking = extractInto(toUnpack, into.dir, into.compression, this.logger).then(
      (applied) => applied.diffId,
    );
    unpacking.catch(() => {});
    const [pumped, written] = await Promise.allSettled([tee(stream, toBlob, toUnpack), writing]);
    if (written.status === 'rejected' || pumped.status === 'rejected') {
      // Let the unpacker stop before the caller removes its directory.
      await unpacking.catch(() => {});
      // The writer's own error says more than the tee's "stopped" (the same object when the
      // input failed: the tee passes it on).
      throw written.status === 'rejected'
        ? written.reason
        : (pumped as PromiseRejectedResult).reason;
    }
    return { ...written.value, unpacked: unpacking };
  }

  /**
   * Starts the worker threads that unpack layers beside a download (see blob-pool), waiting at
   * most `waitMs` for one to be ready. Without them everything still works, on this thread.
   */
  prepareWorkers(waitMs = 0): Promise<boolean> {
    return blobWorkersReady(waitMs);
  }

  /** Reads a small blob (manifest, config) whole, checking it against its descriptor. */
  async readBlob(descriptor: Pick<Descriptor, 'digest' | 'size'>): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.writer.blobFile(descriptor.digest));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      throw new LighterError(
        'ERR_NOT_FOUND',
        `blob ${descriptor.digest} is not in the store ${this.dir}`,
        { cause: err, details: { digest: descriptor.digest } },
      );
    }
    verifyBytes(bytes, {
      ...descriptor,
      what: `blob ${descriptor.digest} in the store ${this.dir}`,
    });
    return bytes;
  }

  /** Runs the test hook for `point`, if any. */
  async fault(point: FaultPoint): Promise<void> {
    await this.#options.faultPoint?.(point);
  }

  // ---- internals

  /**
   * Read-modify-write of index.json under the store lock; the new index replaces the old
   * atomically (temp, fsync, rename), so readers never wait and never see a torn file.
   */
  async #updateIndex(mutate: (index: LayoutIndex) => Promise<LayoutIndex>): Promise<void> {
    await this.writer.withLock(async () => {
      const next = await mutate(await this.writer.readIndex());
      await writeFileAtomic(join(this.dir, INDEX_FILE), JSON.stringify(next));
    });
  }

  async #removeLeftovers(): Promise<void> {
    try {
      const paths = [
        ...(await findLeftovers(this.dir)),
        ...(await findLeftovers(this.layersDir)),
        ...(await findLeftovers(join(this.dir, META_DIR))),
      ];
      // Void leases go too; GC would drop them anyway, this just keeps the directory small.
      await liveClaimsCleanup(this.dir);
      const { count } = await discard(this.dir, paths);
      if (count > 0)
        this.logger.debug(`removed ${count} leftover(s) of interrupted writes in ${this.dir}`);
    } catch (err) {
      // Cleaning is a courtesy: a read-only store still serves reads.
      this.logger.debug(`cleaning leftovers in ${this.dir}: ${errorMessage(err)}`);
    }
  }

  async #touch(digest: Digest): Promise<void> {
    // A hint for pruning by age: not worth two fsyncs on every run.
    const stamp = { lastUsed: new Date().toISOString() };
    await updateMeta(this.dir, digest, stamp, { durable: false }).catch((err) =>
      this.logger.debug(`recording use of ${digest}: ${errorMessage(err)}`),
    );
  }

  /** Resolves input to a stored image's digest (see `resolve`). */
  async #find(index: LayoutIndex, input: string): Promise<StoredImage> {
    const text = input.trim();
    if (text === '')
      throw new LighterError('ERR_BAD_REFERENCE', 'invalid image name "": it is empty');
    let ref: Reference | undefined;
    let refError: unknown;
    try {
      ref = parseReference(text);
    } catch (err) {
      refError = err;
    }
    const hex = idPrefix(text);
    const stored = storedNames(index);
    const named = this.#matchName(index, text, ref);
    if (named !== undefined) {
      const entry = index.manifests.find((d) => refName(d) === named) as Descriptor;
      return this.#imageOf(index, entry.digest);
    }
    if (ref?.digest !== undefined) {
      const entry = index.manifests.find((d) => d.digest === ref.digest);
      if (entry) return this.#imageOf(index, entry.digest);
    }
    if (hex !== undefined) {
      const images = await this.#group(index);
      const hits = images.filter(
        (i) => i.id.startsWith(hex) || digestHex(i.digest).startsWith(hex),
      );
      if (hits.length === 1) return hits[0] as StoredImage;
      if (hits.length > 1) {
        throw new LighterError(
          'ERR_INVALID_ARGUMENT',
          `"${text}" matches ${hits.length} images (${hits.map((i) => i.id.slice(0, 12)).join(', ')}); give more of the ID`,
        );
      }
    }
    if (ref === undefined && hex === undefined) throw refError;
    throw notFound(text, stored, this.dir);
  }

  /** The stored name `input` means, or undefined (ambiguous short names throw). */
  #matchName(index: LayoutIndex, text: string, ref: Reference | undefined): string | undefined {
    const stored = storedNames(index);
    if (stored.includes(text)) return text;
    if (!ref) return undefined;
    const candidates = nameCandidates(text, ref);
    const exact = candidates.exact.find((n) => stored.includes(n));
    if (exact !== undefined) return exact;
    const bySuffix = candidates.bySuffix(stored);
    if (bySuffix.length === 1) return bySuffix[0];
    if (bySuffix.length > 1) {
      throw new LighterError(
        'ERR_INVALID_ARGUMENT',
        `"${text}" could mean ${bySuffix.join(', ')}; give the full name`,
        { details: { candidates: bySuffix } },
      );
    }
    return undefined;
  }

  /** The stored name for a name argument (not an ID); ERR_NOT_FOUND or ERR_BAD_REFERENCE otherwise. */
  #findName(index: LayoutIndex, input: string): string {
    const text = input.trim();
    const stored = storedNames(index);
    if (stored.includes(text)) return text;
    const ref = parseReference(text);
    const name = this.#matchName(index, text, ref);
    if (name === undefined) throw notFound(text, stored, this.dir);
    return name;
  }

  async #imageOf(index: LayoutIndex, digest: Digest): Promise<StoredImage> {
    const entry = index.manifests.find((d) => d.digest === digest) as Descriptor;
    return this.#describe(withoutName(entry), namesOf(index, digest));
  }

  async #group(index: LayoutIndex): Promise<StoredImage[]> {
    const seen = new Map<Digest, Descriptor>();
    for (const d of index.manifests) if (!seen.has(d.digest)) seen.set(d.digest, withoutName(d));
    return Promise.all([...seen.values()].map((d) => this.#describe(d, namesOf(index, d.digest))));
  }

  async #describe(descriptor: Descriptor, names: string[]): Promise<StoredImage> {
    let facts = this.#facts.get(descriptor.digest);
    if (!facts) {
      facts = this.#readFacts(descriptor);
      this.#facts.set(descriptor.digest, facts);
    }
    const [f, meta] = await Promise.all([facts, readMeta(this.dir, descriptor.digest)]);
    return {
      id: f.id,
      digest: descriptor.digest,
      mediaType: descriptor.mediaType,
      descriptor,
      names,
      size: f.size,
      ...(f.created ? { created: f.created } : {}),
      platforms: f.platforms,
      ...metaFields(meta),
    };
  }

  /** Reads what `images` shows; tolerant, so one damaged image does not hide the others. */
  async #readFacts(descriptor: Descriptor): Promise<ImageFacts> {
    const facts: ImageFacts = { id: digestHex(descriptor.digest), size: 0, platforms: [] };
    const counted = new Set<Digest>();
    const count = (d: Descriptor) => {
      if (counted.has(d.digest)) return;
      counted.add(d.digest);
      facts.size += d.size;
    };
    const image = async (d: Descriptor, manifest: ImageManifest, top: boolean) => {
      count(d);
      count(manifest.config);
      for (const layer of manifest.layers) count(layer);
      try {
        const config = parseImageConfig(await this.readBlob(manifest.config));
        if (top) facts.id = digestHex(manifest.config.digest);
        if (config.created && (!facts.created || config.created > facts.created)) {
          facts.created = config.created;
        }
        facts.platforms.push(
          formatPlatform({
            os: config.os,
            architecture: config.architecture,
            ...(config.variant ? { variant: config.variant } : {}),
          }),
        );
      } catch (err) {
        this.logger.debug(`reading config of ${d.digest}: ${errorMessage(err)}`);
      }
    };
    try {
      const top = parseManifest(await this.readBlob(descriptor), descriptor.mediaType);
      if (top.kind === 'image') {
        await image(descriptor, top.manifest, true);
      } else {
        count(descriptor);
        for (const child of top.index.manifests) {
          let parsed: ReturnType<typeof parseManifest>;
          try {
            parsed = parseManifest(await this.readBlob(child), child.mediaType);
          } catch {
            continue; // A platform not copied here (or an artifact): not part of what is stored.
          }
          if (parsed.kind === 'image') await image(child, parsed.manifest, false);
        }
      }
    } catch (err) {
      this.logger.debug(`reading image ${descriptor.digest}: ${errorMessage(err)}`);
      facts.size = descriptor.size;
    }
    return facts;
  }

  /**
   * Blobs and layer dirs (chain ID hex) reachable from `index` (default: index.json as it is).
   * Callers that delete what is not listed hold the store lock around both.
   */
  async referenced(index?: LayoutIndex): Promise<{ blobs: Set<string>; layers: Set<string> }> {
    const blobs = new Set<string>();
    const layers = new Set<string>();
    const visit = async (d: Descriptor): Promise<void> => {
      if (blobs.has(d.digest)) return;
      blobs.add(d.digest);
      let parsed: ReturnType<typeof parseManifest>;
      try {
        parsed = parseManifest(await readFile(this.writer.blobFile(d.digest)), d.mediaType);
      } catch {
        return; // Missing or not a manifest: nothing below it to keep.
      }
      if (parsed.kind === 'index') {
        for (const child of parsed.index.manifests) await visit(child);
        return;
      }
      const { config, layers: layerBlobs } = parsed.manifest;
      blobs.add(config.digest);
      for (const layer of layerBlobs) blobs.add(layer.digest);
      try {
        const parsedConfig = parseImageConfig(await readFile(this.writer.blobFile(config.digest)));
        for (const chain of chainIds(parsedConfig.rootfs.diff_ids)) layers.add(layerDirName(chain));
      } catch {
        // No config (or not an image config): no layer dirs belong to it.
      }
    };
    for (const d of (index ?? (await this.writer.readIndex())).manifests) await visit(d);
    return { blobs, layers };
  }
}

interface ImageFacts {
  id: string;
  size: number;
  created?: string;
  platforms: string[];
}

function metaFields(meta: ImageMeta): Pick<StoredImage, 'added' | 'lastUsed' | 'source'> {
  return {
    ...(meta.added ? { added: meta.added } : {}),
    ...(meta.lastUsed ? { lastUsed: meta.lastUsed } : {}),
    ...(meta.source ? { source: meta.source } : {}),
  };
}

/** Names `name` → `descriptor`: the entry of that name moves, an unnamed entry of the image goes. */
function setName(index: LayoutIndex, descriptor: Descriptor, name: string): LayoutIndex {
  const manifests = index.manifests.filter(
    (d) => !(refName(d) === undefined && d.digest === descriptor.digest),
  );
  return addEntry({ ...index, manifests }, withoutName(descriptor), name);
}

function withoutName(d: Descriptor): Descriptor {
  if (!d.annotations || !(REF_NAME in d.annotations)) return d;
  const { [REF_NAME]: _name, ...rest } = d.annotations;
  const { annotations: _annotations, ...plain } = d;
  return Object.keys(rest).length > 0 ? { ...plain, annotations: rest } : plain;
}

function namesOf(index: LayoutIndex, digest: Digest): string[] {
  const names: string[] = [];
  for (const d of index.manifests) {
    const name = refName(d);
    if (d.digest === digest && name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

function storedNames(index: LayoutIndex): string[] {
  return [...new Set(index.manifests.flatMap((d) => refName(d) ?? []))];
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Drops lease files of dead processes (what `liveClaims` does, without needing the claims). */
async function liveClaimsCleanup(storeDir: string): Promise<void> {
  await liveClaims(storeDir);
}

/** Runs `fn` over `items`, at most `limit` at once; the first failure rejects after all settle. */
async function mapLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        await fn(items[i] as T, i);
      } catch (err) {
        errors.push(err);
        next = items.length;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
