// Cache keys people can read in the Actions cache list: lighter/<workflow>/<job>/<scope>/<content hash>.

import { createHash, randomBytes } from 'node:crypto';
import type { Digest } from '../digest.js';
import { parseDigest } from '../digest.js';
import { InvalidArgumentError } from '../errors.js';

/** GitHub refuses keys longer than this (and any key with a comma). */
export const MAX_KEY_LENGTH = 512;
/** GitHub refuses a lookup with more keys than this (the key plus restore keys). */
export const MAX_LOOKUP_KEYS = 10;
const IMAGE_ENTRY_PREFIX = 'lighter/image/';
// Room kept after a key prefix for the `/<run>-<attempt>-<random>` that names each saved entry.
const ENTRY_SUFFIX_ROOM = 48;

export interface DefaultKeyInputs {
  /** What the cache is for within the job: a build target, an image name (default `default`). */
  scope?: string;
  /**
   * The inputs whose change should start a new line of entries: the Dockerfile's bytes, build
   * arguments. Entries of other content stay reachable through the restore key.
   */
  content?: readonly (string | Uint8Array)[];
  env?: NodeJS.ProcessEnv;
}

export interface CacheKeys {
  /** The prefix of the entries to look for first (and to save under). */
  key: string;
  /** Further prefixes to fall back to, in order. */
  restoreKeys: string[];
}

/**
 * `lighter/<workflow>/<job>/<scope>/<hash>` with restore key `lighter/<workflow>/<job>/<scope>/`.
 * No branch in the key: GitHub's cache already looks in the job's branch first and then in the
 * default branch, and a branch cannot see other branches' entries, so that fallback comes free.
 * `/` separates the parts and never occurs inside one, so the prefix of scope `app` can never
 * match the entries of scope `app-x`.
 */
export function defaultCacheKeys(inputs: DefaultKeyInputs = {}): CacheKeys {
  const env = inputs.env ?? process.env;
  const base = [
    'lighter',
    keyPart(env.GITHUB_WORKFLOW ?? 'local'),
    keyPart(env.GITHUB_JOB ?? 'local'),
    keyPart(inputs.scope ?? 'default'),
  ].join('/');
  if (!inputs.content || inputs.content.length === 0) return { key: base, restoreKeys: [] };
  const hash = createHash('sha256');
  for (const part of inputs.content) {
    // Length-prefixed, so ["ab", "c"] and ["a", "bc"] hash differently.
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return { key: `${base}/${hash.digest('hex').slice(0, 16)}`, restoreKeys: [`${base}/`] };
}

/** One part of a key: separators, commas and whitespace become `_`; long parts are cut. */
export function keyPart(text: string): string {
  const cleaned = text
    .trim()
    .replace(/[/,\s\p{Cc}]+/gu, '_')
    .slice(0, 64);
  return cleaned === '' ? '_' : cleaned;
}

/** Throws InvalidArgumentError unless GitHub would accept `key` as a key prefix (or restore key). */
export function checkCacheKey(key: string, what = 'cache key'): void {
  if (key.trim() === '') throw new InvalidArgumentError(`${what} is empty`);
  if (key.includes(',')) throw new InvalidArgumentError(`${what} "${key}" contains a comma`);
  if (key.length > MAX_KEY_LENGTH - ENTRY_SUFFIX_ROOM) {
    throw new InvalidArgumentError(
      `${what} is ${key.length} characters; at most ${MAX_KEY_LENGTH - ENTRY_SUFFIX_ROOM} leave room for the entry suffix`,
    );
  }
}

/**
 * The key of a new entry under `prefix`. Entries are immutable, so each save gets its own:
 * the run, the attempt and a random part keep parallel jobs (matrix siblings) apart, and a
 * lookup by the prefix finds the newest.
 */
export function entryKey(prefix: string, env: NodeJS.ProcessEnv = process.env): string {
  const run = keyPart(env.GITHUB_RUN_ID ?? 'local');
  const attempt = keyPart(env.GITHUB_RUN_ATTEMPT ?? '1');
  return `${lookupPrefix(prefix)}${run}-${attempt}-${randomBytes(3).toString('hex')}`;
}

/** What a lookup for `prefix` asks for: entries saved under it, never under a longer prefix. */
export function lookupPrefix(prefix: string): string {
  return prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/**
 * The key of the entry that holds one image (a base image) and nothing else. Derived from the
 * image's digest alone, so every workflow, job and scope that uses the image shares one entry.
 */
export function imageEntryKey(digest: Digest): string {
  const { algorithm, hex } = parseDigest(digest);
  return `${IMAGE_ENTRY_PREFIX}${algorithm}/${hex}`;
}

/** `image` for an entry made by imageEntryKey, `scope` for the rest. */
export function entryKind(key: string): 'image' | 'scope' {
  return key.startsWith(IMAGE_ENTRY_PREFIX) ? 'image' : 'scope';
}
