// `RUN --mount=type=cache`: directories kept in the store between builds, and carried through the CI cache as small images.
//
// The directories live under `<store>/build-cache/mounts/`, which garbage collection leaves
// alone. The CI cache saves images, not directories, so at the end of a build whose cache
// directories changed, each one is also written as a one-layer image (annotated with its id);
// on a fresh runner, a build that finds no directory unpacks that image instead.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { acquireFileLock, type FileLock } from '../fs/file-lock.js';
import { blobPath } from '../layout/layout.js';
import type { Logger } from '../log.js';
import { type Descriptor, type ImageManifest, type Platform, parseManifest } from '../manifest.js';
import { MediaType } from '../media-types.js';
import { chownTo } from '../storage/as-root.js';
import { removeTree } from '../storage/remove-tree.js';
import type { Store } from '../storage/store.js';
import type { Claims } from './claims.js';
import { bareConfig, putJson } from './commit.js';
import { walkContext } from './context/walk.js';
import { writeDirLayer } from './layer-writer.js';

const MOUNTS_DIR = join('build-cache', 'mounts');

export interface CacheMountRequest {
  id: string;
  sharing: 'shared' | 'private' | 'locked';
  mode: number | undefined;
  uid: number | undefined;
  gid: number | undefined;
}

export interface AcquiredCacheMount {
  dir: string;
  release(): Promise<void>;
}

/** The directory name of a cache id: ids are free text (`/root/.npm`, `go-build`). */
function dirName(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 32);
}

/** A cheap fingerprint of a tree (names, types, sizes, times), to tell whether it changed. */
async function signature(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const entry of walkContext(dir)) {
    const st = entry.stat;
    hash.update(
      `${entry.path}\0${st.mode}\0${st.size}\0${Math.floor(st.mtimeMs)}\0${st.uid}\0${st.gid}\n`,
    );
  }
  return hash.digest('hex');
}

export class CacheMounts {
  readonly #store: Store;
  readonly #logger: Logger;
  readonly #root: string;
  /** Cache-mount images index.json held when the build started, by id. */
  readonly #images = new Map<string, Descriptor>();
  readonly #used = new Set<string>();

  /** `images`: the kept contents of each mount, by id (the layer cache holds them). */
  constructor(store: Store, logger: Logger, images: ReadonlyMap<string, Descriptor>) {
    this.#store = store;
    this.#logger = logger;
    this.#root = join(store.dir, MOUNTS_DIR);
    for (const [id, d] of images) this.#images.set(id, d);
  }

  /** The directory for a mount, made (or restored from its image) on first use, locked when asked. */
  async acquire(request: CacheMountRequest): Promise<AcquiredCacheMount> {
    const dir = join(this.#root, dirName(request.id));
    await mkdir(this.#root, { recursive: true });
    let lock: FileLock | undefined;
    // Builds in one process run steps one at a time, so only other processes contend; a
    // private cache is then as good as a locked one.
    if (request.sharing !== 'shared') {
      lock = await acquireFileLock(`${dir}.lock`, {
        what: `cache mount ${request.id}`,
        timeoutMs: 30 * 60_000,
        logger: this.#logger,
      });
    }
    try {
      const exists = await lstat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      );
      if (!exists) await this.#create(dir, request);
    } catch (err) {
      await lock?.release();
      throw err;
    }
    this.#used.add(request.id);
    return { dir, release: async () => lock?.release() };
  }

  async #create(dir: string, request: CacheMountRequest): Promise<void> {
    const temp = `${dir}.tmp-${process.pid}`;
    await removeTree(temp);
    await mkdir(temp, { recursive: true });
    const image = this.#images.get(request.id);
    let restored = false;
    if (image) {
      try {
        const parsed = parseManifest(await this.#store.readBlob(image), image.mediaType);
        const layer = parsed.kind === 'image' ? parsed.manifest.layers[0] : undefined;
        if (layer) {
          const { applyLayer } = await import('../storage/layer/apply.js');
          await applyLayer(createReadStream(join(this.#store.dir, blobPath(layer.digest))), temp, {
            whiteouts: 'apply',
            logger: this.#logger,
          });
          restored = true;
          this.#logger.info(`cache mount ${request.id}: restored from the store's copy`);
        }
      } catch (err) {
        this.#logger.warn(`cache mount ${request.id}: not restored (${errorMessage(err)})`);
        await removeTree(temp);
        await mkdir(temp, { recursive: true });
      }
    }
    if (!restored) {
      await chmodOwn(temp, request);
    }
    await rename(temp, dir);
    // What was restored is what the image holds: no need to write it again unless it changes.
    if (restored) await writeFile(`${dir}.sig`, await signature(dir));
  }

  /**
   * Writes each cache directory this build used and changed as a one-layer image, for the
   * layer cache to keep (replacing the mount's last one).
   */
  async export(
    lease: Claims,
    platform: Platform,
  ): Promise<{ id: string; descriptor: Descriptor }[]> {
    const out: { id: string; descriptor: Descriptor }[] = [];
    for (const id of this.#used) {
      const dir = join(this.#root, dirName(id));
      try {
        const now = await signature(dir);
        const before = await readFile(`${dir}.sig`, 'utf8').catch(() => '');
        if (now === before && this.#images.has(id)) continue;
        const layer = await writeDirLayer(this.#store, lease, dir, { mode: 'full' });
        const config = await putJson(
          this.#store,
          lease,
          bareConfig(platform, [layer]),
          MediaType.ociConfig,
        );
        const manifest: ImageManifest = {
          schemaVersion: 2,
          mediaType: MediaType.ociManifest,
          config,
          layers: [{ mediaType: layer.mediaType, digest: layer.digest, size: layer.size }],
        };
        const written = await putJson(this.#store, lease, manifest, MediaType.ociManifest);
        out.push({ id, descriptor: written });
        await writeFile(`${dir}.sig`, now);
        this.#logger.debug(`cache mount ${id}: kept as ${written.digest}`);
      } catch (err) {
        this.#logger.warn(`cache mount ${id}: not kept for the CI cache (${errorMessage(err)})`);
      }
    }
    return out;
  }
}

async function chmodOwn(dir: string, request: CacheMountRequest): Promise<void> {
  await chmod(dir, request.mode ?? 0o755);
  if ((request.uid ?? 0) !== 0 || (request.gid ?? 0) !== 0) {
    await chownTo(dir, request.uid ?? 0, request.gid ?? 0);
  }
}
