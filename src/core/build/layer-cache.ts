// The layer cache: each layer step's result kept in the store as a small image, found again by a key of everything that decides it.
//
// An entry is an unnamed index.json entry (so prune keeps it and the CI cache, which saves
// the store's images, carries it to the next run) whose manifest holds the whole layer stack
// after the step. The key hashes the filesystem the step starts from (the chain ID of its
// parent layers), the instruction after expansion, the build args it uses, and the content of
// what it reads (COPY sources, bind mounts). Each entry also records which step it was and a
// digest of each input, so a miss can say which input changed.

import { createHash } from 'node:crypto';
import type { Digest } from '../digest.js';
import { errorMessage } from '../errors.js';
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
import { REF_NAME } from '../transport/layout/layout.js';
import type { Claims } from './claims.js';
import { bareConfig, type JsonBlob, jsonBlob, putJsonBlobs } from './commit.js';
import type { LayerRecord } from './layer-writer.js';

export const CACHE_KEY = 'io.lighter.build.cache.key';
export const CACHE_STEP = 'io.lighter.build.cache.step';
export const CACHE_INPUTS = 'io.lighter.build.cache.inputs';
export const CACHE_EMPTY = 'io.lighter.build.cache.empty';
export const CACHE_USED = 'io.lighter.build.cache.used';

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
  readonly #added: KnownEntry[] = [];
  readonly #used = new Set<string>();
  /** Blobs of new entries, written together just before index.json names them. */
  readonly #pending: JsonBlob[] = [];
  readonly #now: string;

  private constructor(store: Store, options: LayerCacheOptions) {
    this.#store = store;
    this.#options = options;
    this.#now = new Date().toISOString();
  }

  /** Reads the entries index.json holds now. */
  static async open(store: Store, options: LayerCacheOptions): Promise<LayerCache> {
    const cache = new LayerCache(store, options);
    if (options.use || options.record) {
      const index = await store.writer.readIndex();
      for (const descriptor of index.manifests) {
        const key = descriptor.annotations?.[CACHE_KEY];
        if (key === undefined || descriptor.annotations?.[REF_NAME] !== undefined) continue;
        cache.#byKey.set(key, known(descriptor));
      }
    }
    return cache;
  }

  get enabled(): boolean {
    return this.#options.use;
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
      // Read first, claim everything in one round trip of the store lock, then check that it
      // is all still there (a prune between the read and the claim makes it a miss).
      const parsed = parseManifest(
        await this.#store.readBlob(entry.descriptor),
        entry.descriptor.mediaType,
      );
      if (parsed.kind !== 'image') return undefined;
      const manifest = parsed.manifest;
      const blobs = [entry.descriptor, manifest.config, ...manifest.layers];
      await lease.claim(blobs.map((b) => b.digest));
      for (const blob of blobs) if (!(await this.#store.writer.hasBlob(blob))) return undefined;
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
   * Records a step's result: a small image of the stack after it, added to index.json by
   * `commit` once the whole build has succeeded (a failed build leaves nothing behind).
   */
  async record(
    key: string,
    step: StepId,
    inputs: StepInputs,
    stack: readonly LayerRecord[],
    empty: boolean,
    platform: Platform,
  ): Promise<void> {
    if (!this.#options.record) return;
    const config = jsonBlob(bareConfig(platform, stack), MediaType.ociConfig);
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: MediaType.ociManifest,
      config: config.descriptor,
      layers: stack.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
      // The key makes each entry's manifest, and so its digest, its own.
      annotations: { [CACHE_KEY]: key },
    };
    const manifestBlob = jsonBlob(manifest, MediaType.ociManifest);
    this.#pending.push(config, manifestBlob);
    const written = manifestBlob.descriptor;
    const descriptor: Descriptor = {
      ...written,
      annotations: {
        [CACHE_KEY]: key,
        [CACHE_STEP]: step,
        [CACHE_INPUTS]: JSON.stringify(summarize(inputs)),
        [CACHE_USED]: this.#now,
        ...(empty ? { [CACHE_EMPTY]: 'true' } : {}),
      },
    };
    const entry = known(descriptor);
    this.#added.push(entry);
    this.#byKey.set(key, entry);
  }

  /**
   * A whole image made before from the same layers and config (timestamps aside): a fully
   * cached build gives the very same image, as buildah's and BuildKit's do. The entry is an
   * index wrapping the image's manifest, so naming the image never replaces it.
   */
  async lookupImage(
    key: string,
    lease: Claims,
  ): Promise<{ descriptor: Descriptor; configDigest: Digest } | undefined> {
    if (!this.#options.use) return undefined;
    const entry = this.#byKey.get(key);
    if (!entry) return undefined;
    try {
      const wrapper = parseManifest(
        await this.#store.readBlob(entry.descriptor),
        entry.descriptor.mediaType,
      );
      const image = wrapper.kind === 'index' ? wrapper.index.manifests[0] : undefined;
      if (!image) return undefined;
      const parsed = parseManifest(await this.#store.readBlob(image), image.mediaType);
      if (parsed.kind !== 'image') return undefined;
      const blobs = [entry.descriptor, image, parsed.manifest.config, ...parsed.manifest.layers];
      await lease.claim(blobs.map((b) => b.digest));
      for (const blob of blobs) if (!(await this.#store.writer.hasBlob(blob))) return undefined;
      this.#used.add(key);
      return { descriptor: image, configDigest: parsed.manifest.config.digest };
    } catch (err) {
      this.#options.logger.debug(`image cache entry ${key.slice(0, 12)}: ${errorMessage(err)}`);
      return undefined;
    }
  }

  /** Records an image for `lookupImage` (added to index.json by `commit`). */
  async recordImage(key: string, step: StepId, image: Descriptor): Promise<void> {
    if (!this.#options.record) return;
    const wrapper = {
      schemaVersion: 2,
      mediaType: MediaType.ociIndex,
      manifests: [image],
      annotations: { [CACHE_KEY]: key },
    };
    const blob = jsonBlob(wrapper, MediaType.ociIndex);
    this.#pending.push(blob);
    const written = blob.descriptor;
    const entry = known({
      ...written,
      annotations: { [CACHE_KEY]: key, [CACHE_STEP]: step, [CACHE_USED]: this.#now },
    });
    this.#added.push(entry);
    this.#byKey.set(key, entry);
  }

  /**
   * Adds the new entries to index.json, refreshes the used ones, drops the stale, and applies
   * `extra` (the caller's names). Writes nothing when that changes nothing: a fully cached
   * build leaves index.json alone. Returns whether it was written.
   */
  async commit(
    lease: Claims,
    extra: (manifests: Descriptor[]) => Descriptor[] = (m) => m,
  ): Promise<boolean> {
    await putJsonBlobs(this.#store, lease, this.#pending.splice(0));
    const next = (manifests: Descriptor[]) => extra(this.#updated(manifests));
    const before = await this.#store.writer.readIndex();
    if (JSON.stringify(next(before.manifests)) === JSON.stringify(before.manifests)) return false;
    await this.#store.writer.updateIndex((index) => ({
      ...index,
      manifests: next(index.manifests),
    }));
    return true;
  }

  #updated(current: readonly Descriptor[]): Descriptor[] {
    if (!this.#options.record && this.#used.size === 0) return [...current];
    const added = new Set(this.#added.map((e) => e.descriptor.annotations?.[CACHE_KEY]));
    let manifests = current.filter((d) => {
      const key = d.annotations?.[CACHE_KEY];
      return key === undefined || d.annotations?.[REF_NAME] !== undefined || !added.has(key);
    });
    // Last use is kept to the hour: refreshing it on every build would rewrite index.json for
    // nothing.
    const stale = (used: string | undefined) =>
      used === undefined || Date.parse(this.#now) - Date.parse(used) > 3_600_000;
    manifests = manifests.map((d) => {
      const key = d.annotations?.[CACHE_KEY];
      if (key === undefined || !this.#used.has(key) || d.annotations?.[REF_NAME] !== undefined) {
        return d;
      }
      if (!stale(d.annotations?.[CACHE_USED])) return d;
      return { ...d, annotations: { ...d.annotations, [CACHE_USED]: this.#now } };
    });
    manifests.push(...this.#added.map((e) => e.descriptor));
    // Keep the newest few entries of each step.
    const byStep = new Map<string, Descriptor[]>();
    for (const d of manifests) {
      const step = d.annotations?.[CACHE_STEP];
      if (step === undefined || d.annotations?.[REF_NAME] !== undefined) continue;
      byStep.set(step, [...(byStep.get(step) ?? []), d]);
    }
    const dropped = new Set<Descriptor>();
    for (const list of byStep.values()) {
      list.sort((a, b) => usedOf(b).localeCompare(usedOf(a)));
      for (const d of list.slice(KEEP_PER_STEP)) dropped.add(d);
    }
    return manifests.filter((d) => !dropped.has(d));
  }

  /** Digests of every entry recorded by this build (for cleanup after a failure). */
  get recorded(): Digest[] {
    return this.#added.map((e) => e.descriptor.digest);
  }
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
