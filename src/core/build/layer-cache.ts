// The layer cache: each layer step's result kept in the store as a small image, found again by a key of everything that decides it.
//
// All entries sit in one OCI index blob, named by a single unnamed index.json entry (so prune
// keeps them, `prune --all` drops them, `images` shows one line, and the CI cache, which saves
// the store's images, carries them to the next run). An entry is a manifest of the whole layer
// stack after its step, annotated with its key, the step it was made for and a digest of each
// input, so a miss can say which input changed. The key hashes the filesystem the step starts
// from (the chain ID of its parent layers), the instruction after expansion, the build args it
// uses, and the content of what it reads (COPY sources, bind mounts). Whole images and the
// contents of cache mounts are kept there too.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Digest } from '../digest.js';
import { errorMessage } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { INDEX_FILE, REF_NAME } from '../layout/layout.js';
import type { Logger } from '../log.js';
import {
  type Descriptor,
  type ImageManifest,
  type Platform,
  parseImageConfig,
  parseManifest,
} from '../manifest.js';
import { MediaType } from '../media-types.js';
import type { Store } from '../storage/store.js';
import type { Claims } from './claims.js';
import { bareConfig, type JsonBlob, jsonBlob, putJsonBlobs } from './commit.js';
import type { LayerRecord } from './layer-writer.js';

export const CACHE_KEY = 'io.lighter.build.cache.key';
export const CACHE_STEP = 'io.lighter.build.cache.step';
export const CACHE_INPUTS = 'io.lighter.build.cache.inputs';
export const CACHE_EMPTY = 'io.lighter.build.cache.empty';
/** On a whole image's entry: its platform, as JSON (the descriptor in an index has none). */
const CACHE_PLATFORM = 'io.lighter.build.cache.platform';
export const CACHE_USED = 'io.lighter.build.cache.used';
/** On the index.json entry of the cache index, and on that index. */
export const BUILD_CACHE = 'io.lighter.build.cache';
/** On a cache-mount entry: the mount's id. */
export const CACHE_MOUNT = 'io.lighter.build.cache-mount';

/** Entries kept per step (the newest by last use); older ones go when a build adds more. */
const KEEP_PER_STEP = 4;

/** Everything that decides a layer step's result. */
export interface StepInputs {
  /** The filesystem the step starts from: the chain ID of its parent layers, or `scratch`. */
  parent: string;
  /** Named inputs: `instruction`, `sources`, `env`, `user`, `mounts`, `platform`… */
  fields: Record<string, string>;
  /** The build args the step uses, by name. */
  args: Record<string, string>;
}

/** Which step of which build file an entry was made for, so a miss can find its predecessor. */
export type StepId = string;

interface Summary {
  p: string;
  f: Record<string, string>;
  a: Record<string, string>;
}

function short(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** The key: sha256 over the inputs in a fixed order. */
export function cacheKey(inputs: StepInputs): string {
  return createHash('sha256')
    .update(JSON.stringify([inputs.parent, sorted(inputs.fields), sorted(inputs.args)]))
    .digest('hex');
}

function summarize(inputs: StepInputs): Summary {
  const f: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs.fields)) f[k] = short(v);
  const a: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs.args)) a[k] = short(v);
  return { p: inputs.parent, f: sorted(f), a: sorted(a) };
}

const FIELD_WORDS: Record<string, string> = {
  instruction: 'the instruction changed',
  sources: 'the files it copies changed',
  env: 'the environment (ENV) changed',
  user: 'the USER changed',
  workdir: 'the WORKDIR changed',
  mounts: 'its --mount sources changed',
  network: 'its --network changed',
  secrets: 'the secrets it mounts changed',
  platform: 'the platform changed',
  owner: 'the owner changed',
};

/** Why `now` misses when `before` was the last entry for the same step: the inputs that differ. */
export function explainMiss(before: Summary, now: Summary): string {
  const reasons: string[] = [];
  if (before.p !== now.p) reasons.push('an earlier step changed (different parent layers)');
  for (const field of new Set([...Object.keys(before.f), ...Object.keys(now.f)])) {
    if (before.f[field] !== now.f[field]) reasons.push(FIELD_WORDS[field] ?? `${field} changed`);
  }
  const args = [...new Set([...Object.keys(before.a), ...Object.keys(now.a)])]
    .filter((k) => before.a[k] !== now.a[k])
    .sort();
  if (args.length > 0) {
    reasons.push(`build arg${args.length > 1 ? 's' : ''} ${args.join(', ')} changed`);
  }
  return reasons.length > 0 ? reasons.join('; ') : 'the cached layer is gone from the store';
}

export interface CacheHit {
  /** The layer the step made; undefined when it changed nothing. */
  layer: LayerRecord | undefined;
}

interface KnownEntry {
  descriptor: Descriptor;
  step: StepId | undefined;
  summary: Summary | undefined;
  used: string;
}

export interface LayerCacheOptions {
  /** Look entries up (false with --no-cache). */
  use: boolean;
  /** Record new entries (false with --layers=false). */
  record: boolean;
  logger: Logger;
}

export class LayerCache {
  readonly #store: Store;
  readonly #options: LayerCacheOptions;
  readonly #byKey = new Map<string, KnownEntry>();
  readonly #mounts = new Map<string, Descriptor>();
  readonly #added: KnownEntry[] = [];
  readonly #addedMounts: Descriptor[] = [];
  readonly #used = new Set<string>();
  /** Blobs of new entries, written together just before index.json names them. */
  readonly #pending: JsonBlob[] = [];
  readonly #now: string;

  private constructor(store: Store, options: LayerCacheOptions) {
    this.#store = store;
    this.#options = options;
    this.#now = new Date().toISOString();
  }

  /** Reads the cache index (or indexes, after a CI-cache restore brought another one). */
  static async open(store: Store, options: LayerCacheOptions): Promise<LayerCache> {
    const cache = new LayerCache(store, options);
    for (const child of await readEntries(store, await store.writer.readIndex(), options.logger)) {
      const key = child.annotations?.[CACHE_KEY];
      const mount = child.annotations?.[CACHE_MOUNT];
      if (key !== undefined) cache.#byKey.set(key, known(child));
      else if (mount !== undefined) cache.#mounts.set(mount, child);
    }
    return cache;
  }

  get enabled(): boolean {
    return this.#options.use;
  }

  /** The kept contents of each cache mount, by id (a one-layer image each). */
  get mountImages(): ReadonlyMap<string, Descriptor> {
    return this.#mounts;
  }

  /**
   * The cached result for `key`, its blobs claimed in `lease`; undefined on a miss (or when a
   * blob the entry needs is gone, which counts as a miss).
   */
  async lookup(key: string, lease: Claims): Promise<CacheHit | undefined> {
    if (!this.#options.use) return undefined;
    const entry = this.#byKey.get(key);
    if (!entry) return undefined;
    try {
      const manifest = await this.#claimed(entry.descriptor, lease);
      if (!manifest) return undefined;
      this.#used.add(key);
      if (entry.descriptor.annotations?.[CACHE_EMPTY] === 'true') return { layer: undefined };
      const config = parseImageConfig(await this.#store.readBlob(manifest.config));
      const last = manifest.layers[manifest.layers.length - 1];
      const diffId = config.rootfs.diff_ids[config.rootfs.diff_ids.length - 1];
      if (!last || !diffId) return undefined;
      return {
        layer: { digest: last.digest, diffId, size: last.size, mediaType: last.mediaType },
      };
    } catch (err) {
      this.#options.logger.debug(`layer cache entry ${key.slice(0, 12)}: ${errorMessage(err)}`);
      return undefined;
    }
  }

  /**
   * A whole image made before from the same layers and config (timestamps aside): a fully
   * cached build gives the very same image, as buildah's and BuildKit's do.
   */
  async lookupImage(
    key: string,
    lease: Claims,
  ): Promise<{ descriptor: Descriptor; configDigest: Digest } | undefined> {
    if (!this.#options.use) return undefined;
    const entry = this.#byKey.get(key);
    if (!entry) return undefined;
    try {
      const manifest = await this.#claimed(entry.descriptor, lease);
      if (!manifest) return undefined;
      this.#used.add(key);
      const { annotations, ...descriptor } = entry.descriptor;
      const platform = annotations?.[CACHE_PLATFORM];
      return {
        descriptor: { ...descriptor, ...(platform ? { platform: JSON.parse(platform) } : {}) },
        configDigest: manifest.config.digest,
      };
    } catch (err) {
      this.#options.logger.debug(`image cache entry ${key.slice(0, 12)}: ${errorMessage(err)}`);
      return undefined;
    }
  }

  /**
   * Reads an entry's manifest, then claims it and every blob it names in one round trip of the
   * store lock, and checks they are all still there (a prune in between makes it a miss).
   */
  async #claimed(descriptor: Descriptor, lease: Claims): Promise<ImageManifest | undefined> {
    const parsed = parseManifest(await this.#store.readBlob(descriptor), descriptor.mediaType);
    if (parsed.kind !== 'image') return undefined;
    const blobs = [descriptor, parsed.manifest.config, ...parsed.manifest.layers];
    await lease.claim(blobs.map((b) => b.digest));
    for (const blob of blobs) if (!(await this.#store.writer.hasBlob(blob))) return undefined;
    return parsed.manifest;
  }

  /** Why `inputs` found nothing: compared with the newest entry made for the same step. */
  explain(step: StepId, inputs: StepInputs): string {
    if (!this.#options.use) return this.#options.record ? '--no-cache' : 'the layer cache is off';
    let latest: KnownEntry | undefined;
    for (const entry of [...this.#byKey.values(), ...this.#added]) {
      if (entry.step !== step || !entry.summary) continue;
      if (!latest || entry.used > latest.used) latest = entry;
    }
    if (!latest?.summary) return 'not built before';
    return explainMiss(latest.summary, summarize(inputs));
  }

  /**
   * Records a step's result: a small image of the stack after it, kept by `commit` once the
   * whole build has succeeded (a failed build leaves nothing behind).
   */
  record(
    key: string,
    step: StepId,
    inputs: StepInputs,
    stack: readonly LayerRecord[],
    empty: boolean,
    platform: Platform,
  ): void {
    if (!this.#options.record) return;
    const config = jsonBlob(bareConfig(platform, stack), MediaType.ociConfig);
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: config.descriptor,
      layers: stack.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
    };
    const manifestBlob = jsonBlob(manifest, MediaType.ociManifest);
    this.#pending.push(config, manifestBlob);
    this.#add({
      ...manifestBlob.descriptor,
      annotations: {
        [CACHE_KEY]: key,
        [CACHE_STEP]: step,
        [CACHE_INPUTS]: JSON.stringify(summarize(inputs)),
        [CACHE_USED]: this.#now,
        ...(empty ? { [CACHE_EMPTY]: 'true' } : {}),
      },
    });
  }

  /** Records a whole image for `lookupImage` (its blobs are written by the caller). */
  recordImage(key: string, step: StepId, image: Descriptor): void {
    if (!this.#options.record) return;
    const { platform, annotations: _a, ...plain } = image;
    this.#add({
      ...plain,
      annotations: {
        [CACHE_KEY]: key,
        [CACHE_STEP]: step,
        [CACHE_USED]: this.#now,
        ...(platform ? { [CACHE_PLATFORM]: JSON.stringify(platform) } : {}),
      },
    });
  }

  /** Keeps a cache mount's contents (an image written by the caller), replacing the last. */
  recordMount(id: string, image: Descriptor): void {
    this.#addedMounts.push({ ...image, annotations: { ...image.annotations, [CACHE_MOUNT]: id } });
  }

  #add(descriptor: Descriptor): void {
    const entry = known(descriptor);
    this.#added.push(entry);
    this.#byKey.set(descriptor.annotations![CACHE_KEY]!, entry);
  }

  /**
   * Writes the new entries' blobs, then under the store lock merges everything into one cache
   * index (entries other builds added meanwhile included; the newest few of each step kept)
   * and updates index.json, applying `extra` (the caller's names) in the same write. Writes
   * nothing when nothing changes: a fully cached build leaves index.json alone. Returns whether
   * index.json was written.
   */
  async commit(
    lease: Claims,
    extra: (manifests: Descriptor[]) => Descriptor[] = (m) => m,
  ): Promise<boolean> {
    await putJsonBlobs(this.#store, lease, this.#pending.splice(0));
    const writer = this.#store.writer;
    // The merged cache index is written before taking the lock (claiming a blob takes the lock
    // too); if another build changed the cache meanwhile, merge again.
    for (;;) {
      const seen = await writer.readIndex();
      const caches = seen.manifests.filter((d) => isCacheIndex(d));
      const current = await readEntries(this.#store, seen, this.#options.logger);
      const merged = this.#merged(current);
      const unchanged = caches.length <= 1 && JSON.stringify(merged) === JSON.stringify(current);
      let cacheEntry: Descriptor | undefined;
      if (!unchanged && merged.length > 0) {
        const blob = jsonBlob(
          {
            schemaVersion: 2,
            mediaType: MediaType.ociIndex,
            manifests: merged,
            annotations: { [BUILD_CACHE]: 'v1' },
          },
          MediaType.ociIndex,
        );
        await putJsonBlobs(this.#store, lease, [blob]);
        cacheEntry = { ...blob.descriptor, annotations: { [BUILD_CACHE]: 'v1' } };
      }
      const done = await writer.withLock(async () => {
        const index = await writer.readIndex();
        const now = index.manifests.filter((d) => isCacheIndex(d)).map((d) => d.digest);
        if (JSON.stringify(now) !== JSON.stringify(caches.map((d) => d.digest))) return undefined;
        let manifests = index.manifests;
        if (!unchanged) {
          manifests = manifests.filter((d) => !isCacheIndex(d));
          if (cacheEntry) manifests = [...manifests, cacheEntry];
        }
        const next = extra(manifests);
        if (JSON.stringify(next) === JSON.stringify(index.manifests)) return false;
        await writeFileAtomic(
          join(writer.dir, INDEX_FILE),
          JSON.stringify({ ...index, manifests: next }),
        );
        return true;
      });
      if (done !== undefined) return done;
    }
  }

  #merged(current: readonly Descriptor[]): Descriptor[] {
    const addedKeys = new Set(this.#added.map((e) => e.descriptor.annotations?.[CACHE_KEY]));
    const addedMounts = new Set(this.#addedMounts.map((d) => d.annotations?.[CACHE_MOUNT]));
    // Last use is kept to the hour: refreshing it on every build would rewrite the cache for nothing.
    const stale = (used: string | undefined) =>
      used === undefined || Date.parse(this.#now) - Date.parse(used) > 3_600_000;
    let entries = current
      .filter((d) => {
        const key = d.annotations?.[CACHE_KEY];
        const mount = d.annotations?.[CACHE_MOUNT];
        return (
          !(key !== undefined && addedKeys.has(key)) &&
          !(mount !== undefined && addedMounts.has(mount))
        );
      })
      .map((d) => {
        const key = d.annotations?.[CACHE_KEY];
        if (key === undefined || !this.#used.has(key) || !stale(d.annotations?.[CACHE_USED])) {
          return d;
        }
        return { ...d, annotations: { ...d.annotations, [CACHE_USED]: this.#now } };
      });
    entries.push(...this.#added.map((e) => e.descriptor), ...this.#addedMounts);
    // Keep the newest few entries of each step.
    const byStep = new Map<string, Descriptor[]>();
    for (const d of entries) {
      const step = d.annotations?.[CACHE_STEP];
      if (step !== undefined) byStep.set(step, [...(byStep.get(step) ?? []), d]);
    }
    const dropped = new Set<Descriptor>();
    for (const list of byStep.values()) {
      list.sort((a, b) => usedOf(b).localeCompare(usedOf(a)));
      for (const d of list.slice(KEEP_PER_STEP)) dropped.add(d);
    }
    entries = entries.filter((d) => !dropped.has(d));
    return entries;
  }

  /** Digests of every entry recorded by this build (for cleanup after a failure). */
  get recorded(): Digest[] {
    return this.#added.map((e) => e.descriptor.digest);
  }
}

/** Every entry the store's build cache holds now (for tools and tests). */
export async function cacheEntries(store: Store, logger: Logger): Promise<Descriptor[]> {
  return readEntries(store, await store.writer.readIndex(), logger);
}

/** The index.json entry of a cache index (unnamed, annotated). */
function isCacheIndex(d: Descriptor): boolean {
  return d.annotations?.[BUILD_CACHE] !== undefined && d.annotations?.[REF_NAME] === undefined;
}

/** Every entry of every cache index index.json names, merged by key (and mount id). */
async function readEntries(
  store: Store,
  index: { manifests: Descriptor[] },
  logger: Logger,
): Promise<Descriptor[]> {
  const byId = new Map<string, Descriptor>();
  for (const d of index.manifests.filter(isCacheIndex)) {
    try {
      const parsed = parseManifest(await store.readBlob(d), d.mediaType);
      if (parsed.kind !== 'index') continue;
      for (const child of parsed.index.manifests) {
        const id =
          child.annotations?.[CACHE_KEY] ??
          `mount:${child.annotations?.[CACHE_MOUNT] ?? child.digest}`;
        const seen = byId.get(id);
        if (!seen || usedOf(child) > usedOf(seen)) byId.set(id, child);
      }
    } catch (err) {
      logger.debug(`reading the build cache ${d.digest}: ${errorMessage(err)}`);
    }
  }
  return [...byId.values()];
}

function usedOf(d: Descriptor): string {
  return d.annotations?.[CACHE_USED] ?? '';
}

function known(descriptor: Descriptor): KnownEntry {
  let summary: Summary | undefined;
  try {
    const raw = descriptor.annotations?.[CACHE_INPUTS];
    if (raw) summary = JSON.parse(raw) as Summary;
  } catch {
    summary = undefined;
  }
  return {
    descriptor,
    step: descriptor.annotations?.[CACHE_STEP],
    summary,
    used: usedOf(descriptor),
  };
}
