// `sync`: many images (every tag of repositories, or a YAML list) to one or more destinations,
// under one concurrency budget, each blob pulled once however many destinations want it.

import type { Digest } from '../digest.js';
import { errorMessage, LighterError, withContext } from '../errors.js';
import type { ImageDestination } from '../image.js';
import { type Logger, silentLogger } from '../log.js';
import type { Descriptor } from '../manifest.js';
import { repositoryName } from '../reference.js';
import { RegistryClient } from '../registry/client.js';
import { openDestination, openSource, parseImageName } from '../transport/index.js';
import type { OpenOptions } from '../transport/types.js';
import { type CopyOptions, copyImage, DEFAULT_CONCURRENCY } from './copy.js';
import { fanOut } from './fan-out.js';
import { Limiter } from './limit.js';
import {
  destinationName,
  destinationRepository,
  imageOf,
  type SyncRepository,
} from './sync-spec.js';

export interface SyncOptions
  extends Omit<CopyOptions, 'limiter' | 'logger' | 'onProgress' | 'concurrency'> {
  /** Destination prefixes: `docker://registry/prefix` or `dir:/path`. */
  destinations: string[];
  /** Name destinations by the full source `registry/path` instead of its last component. */
  scoped?: boolean;
  /** Go on after a failure and report every failure at the end (default: stop at the first). */
  keepGoing?: boolean;
  /** Blobs transferred at once across all images (default 6). */
  concurrency?: number;
  /** How to reach registries; a repository's own `access` (from the YAML) wins for its source. */
  open?: OpenOptions;
  logger?: Logger;
}

export interface SyncedImage {
  source: string;
  destinations: string[];
  digest: Digest;
  blobsCopied: number;
  blobsSkipped: number;
  bytesCopied: number;
  bytesSkipped: number;
}

export interface SyncReport {
  images: SyncedImage[];
  failures: Array<{ source: string; error: LighterError }>;
}

/** Images in flight at once; blobs are limited separately by the shared Limiter. */
const IMAGE_CONCURRENCY = 4;

export async function sync(repos: SyncRepository[], options: SyncOptions): Promise<SyncReport> {
  const log = options.logger ?? silentLogger;
  if (options.destinations.length === 0) {
    throw new LighterError('ERR_INVALID_ARGUMENT', 'sync needs at least one destination');
  }
  for (const d of options.destinations) {
    if (!d.startsWith('docker://') && !d.startsWith('dir:')) {
      throw new LighterError(
        'ERR_BAD_REFERENCE',
        `sync destination "${d}": expected docker://registry/prefix or dir:PATH`,
      );
    }
  }

  const report: SyncReport = { images: [], failures: [] };
  const sources: Array<{ name: string; repo: SyncRepository; tag: string }> = [];
  for (const repo of repos) {
    const tags = repo.tags ?? (await listTags(repo, options, log));
    for (const tag of tags) sources.push({ name: imageOf(repo.repository, tag), repo, tag });
  }
  log.info(`syncing ${sources.length} image(s) to ${options.destinations.join(', ')}`);

  const limiter = new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
  const shared = new Map<string, Map<string, Promise<Descriptor>>>();
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (!stop && next < sources.length) {
      const item = sources[next++] as (typeof sources)[number];
      try {
        report.images.push(await syncOne(item, options, limiter, shared, log));
      } catch (err) {
        const error = withContext(err, `syncing ${item.name}`, 'ERR_REGISTRY');
        report.failures.push({ source: item.name, error });
        log.error(error.message);
        if (!options.keepGoing) stop = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMAGE_CONCURRENCY, sources.length) }, worker));
  return report;
}

async function listTags(
  repo: SyncRepository,
  options: SyncOptions,
  log: Logger,
): Promise<string[]> {
  const access = { ...options.open?.registry, ...repo.access };
  const client = new RegistryClient(repo.repository.registry, { access, logger: log });
  try {
    const tags = await client.tags(repo.repository.repository);
    const chosen = repo.tagPattern ? tags.filter((t) => repo.tagPattern?.test(t)) : tags;
    log.info(`${repositoryName(repo.repository)}: ${chosen.length} of ${tags.length} tag(s)`);
    return chosen;
  } catch (err) {
    throw withContext(err, `listing tags of ${repositoryName(repo.repository)}`, 'ERR_REGISTRY');
  } finally {
    await client.close();
  }
}

async function syncOne(
  item: { name: string; repo: SyncRepository; tag: string },
  options: SyncOptions,
  limiter: Limiter,
  shared: Map<string, Map<string, Promise<Descriptor>>>,
  log: Logger,
): Promise<SyncedImage> {
  const sourceRef = parseImageName(item.name);
  const sourceOpen: OpenOptions = {
    ...options.open,
    registry: { ...options.open?.registry, ...item.repo.access },
    logger: log,
  };
  const src = item.tag.includes(':')
    ? { ...item.repo.repository, digest: item.tag as Digest }
    : { ...item.repo.repository, tag: item.tag };
  const scoped = options.scoped ?? false;
  const names = options.destinations.map((prefix) => destinationName(prefix, src, scoped));
  const source = await openSource(sourceRef, sourceOpen);
  const opened: ImageDestination[] = [];
  try {
    for (const name of names) {
      opened.push(await openDestination(parseImageName(name), { ...options.open, logger: log }));
    }
    const {
      destinations: _d,
      scoped: _s,
      keepGoing: _k,
      open: _o,
      logger: _l,
      ...copyOptions
    } = options;
    // Tags of one repository share layers: images bound for the same repositories share
    // what they copy, so each blob crosses once even when two images copy at the same time.
    const repositories = options.destinations
      .map((prefix) => destinationRepository(prefix, src, scoped))
      .join('\n');
    const sharedBlobs = shared.get(repositories) ?? new Map<string, Promise<Descriptor>>();
    shared.set(repositories, sharedBlobs);
    const result = await copyImage(source, fanOut(opened), {
      ...copyOptions,
      limiter,
      sharedBlobs,
      logger: log,
    });
    log.info(`${item.name} -> ${names.join(', ')}: ${result.digest}`);
    return {
      source: item.name,
      destinations: names,
      digest: result.digest,
      blobsCopied: result.blobsCopied,
      blobsSkipped: result.blobsSkipped,
      bytesCopied: result.bytesCopied,
      bytesSkipped: result.bytesSkipped,
    };
  } finally {
    await Promise.allSettled(opened.map((d) => d.close()));
    await source.close().catch((err) => log.debug(`closing ${item.name}: ${errorMessage(err)}`));
  }
}
