// Image names in the store: the full normalized form kept in index.json, and the short forms people type.

import { LighterError } from '../errors.js';
import { DEFAULT_REGISTRY, formatReference, parseReference, type Reference } from '../reference.js';

/** Registry of images that came from no registry (built or tagged here), as podman and buildah name them. */
export const LOCAL_REGISTRY = 'localhost';

/**
 * The stored form of a name as `docker pull` reads it: `busybox` → `docker.io/library/busybox:latest`.
 * Throws ERR_BAD_REFERENCE naming the bad part.
 */
export function normalizeName(input: string): string {
  return formatReference(parseReference(input.trim()));
}

/**
 * The stored form of a name given to a local image (`tag`, a build's `-t`): without a
 * registry it goes under `localhost/`, as podman and buildah do, so a short local name is never
 * mistaken for a Docker Hub image (and never pushed there by accident).
 */
export function localImageName(input: string): string {
  const text = input.trim();
  const ref = parseReference(text);
  if (hasExplicitRegistry(text, ref)) return formatReference(ref);
  return formatReference({ ...ref, registry: LOCAL_REGISTRY, repository: typedPath(text, ref) });
}

/** True when the text names its registry (`ghcr.io/x`, `localhost/x`, `docker.io/x`). */
export function hasExplicitRegistry(text: string, ref: Reference): boolean {
  if (ref.registry !== DEFAULT_REGISTRY) return true;
  const first = text.split('/', 1)[0] ?? '';
  return (
    text.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
  );
}

/** The repository path as typed: `busybox` stays `busybox` (not `library/busybox`). */
function typedPath(text: string, ref: Reference): string {
  const typedLibrary = text.startsWith('library/') || text.startsWith('docker.io/library/');
  if (ref.registry === DEFAULT_REGISTRY && !typedLibrary && ref.repository.startsWith('library/')) {
    return ref.repository.slice('library/'.length);
  }
  return ref.repository;
}

function refSuffix(ref: Reference): string {
  return `${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}

export interface NameMatch {
  /** Stored names the input means, best first: exact, then `localhost/…`. */
  exact: string[];
  /**
   * For a short name only: stored names whose repository path ends with what was typed
   * (`busybox` finds `127.0.0.1:5000/busybox:latest`), used when nothing matches exactly.
   */
  bySuffix: (stored: readonly string[]) => string[];
}

/** How `input` (a parsed reference) may match stored names. */
export function nameCandidates(input: string, ref: Reference): NameMatch {
  const text = input.trim();
  const full = formatReference(ref);
  if (hasExplicitRegistry(text, ref)) return { exact: [full], bySuffix: () => [] };
  const path = typedPath(text, ref);
  const local = `${LOCAL_REGISTRY}/${path}${refSuffix(ref)}`;
  const tail = `/${path}${refSuffix(ref)}`;
  return {
    exact: [full, local],
    bySuffix: (stored) => stored.filter((name) => name.endsWith(tail)),
  };
}

/** Up to `limit` stored names that look like `input`, for "did you mean" in ERR_NOT_FOUND. */
export function similarNames(input: string, stored: readonly string[], limit = 5): string[] {
  const wanted = lastComponent(input.trim());
  if (wanted === '') return [];
  const scored = stored
    .map((name) => {
      const have = lastComponent(name);
      let score = distance(wanted, have);
      if (have.includes(wanted) || wanted.includes(have)) score = Math.min(score, 1);
      return { name, score };
    })
    .filter((s) => s.score <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return [...new Set(scored.map((s) => s.name))].slice(0, limit);
}

/** `ghcr.io/o/app:1@sha256:…` → `app`. */
function lastComponent(name: string): string {
  const noDigest = name.split('@', 1)[0] ?? '';
  const base = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const colon = base.indexOf(':');
  return (colon === -1 ? base : base.slice(0, colon)).toLowerCase();
}

/** Levenshtein distance; names are short, so the quadratic table is fine. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** An image ID or digest as typed: hex, optionally `sha256:`-prefixed; undefined otherwise. */
export function idPrefix(input: string): string | undefined {
  const text = input.trim();
  const hex = text.startsWith('sha256:') ? text.slice('sha256:'.length) : text;
  if (!/^[a-f0-9]{1,64}$/.test(hex)) return undefined;
  // As podman: a short prefix could be anything, so at least 3 characters (or a full digest form).
  if (hex.length < 3 && !text.startsWith('sha256:')) return undefined;
  return hex;
}

export function notFound(input: string, stored: readonly string[], where: string): LighterError {
  const similar = similarNames(input, stored);
  const hint =
    stored.length === 0
      ? 'the store holds no images'
      : similar.length > 0
        ? `similar names: ${similar.join(', ')}`
        : `it holds ${stored.length} named image${stored.length === 1 ? '' : 's'}, none like it`;
  return new LighterError('ERR_NOT_FOUND', `no image "${input}" in the store ${where}; ${hint}`, {
    details: { name: input, similar },
  });
}
