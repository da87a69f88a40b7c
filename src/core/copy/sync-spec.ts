// What `sync` copies: a source repository or image, or skopeo's YAML list of registries and
// images, expanded into one plan of (source image -> destination names).

import { parse as parseYaml } from 'yaml';
import { errorMessage, LighterError } from '../errors.js';
import {
  formatReference,
  parseReference,
  parseRepository,
  type Reference,
  withTag,
} from '../reference.js';
import type { RegistryAccess } from '../transport/types.js';

/** One entry of the plan before tags are listed: a repository and which of its tags. */
export interface SyncRepository {
  repository: Reference;
  /** Explicit tags or digests; undefined means every tag (filtered by `tagPattern`). */
  tags?: string[];
  tagPattern?: RegExp;
  access?: RegistryAccess;
}

/** Parses `docker://registry/repo[:tag]`: no tag means every tag of the repository. */
export function repositoryFromImageName(name: string): SyncRepository {
  if (!name.startsWith('docker://')) {
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `sync source "${name}": expected docker://registry/repository[:tag] (or --src yaml FILE)`,
    );
  }
  const ref = parseReference(name.slice('docker://'.length), { defaultTag: false });
  const repository = parseRepository(`${ref.registry}/${ref.repository}`);
  if (ref.digest) return { repository, tags: [ref.digest] };
  if (ref.tag) return { repository, tags: [ref.tag] };
  return { repository };
}

interface YamlRegistry {
  images?: Record<string, string[] | null>;
  'images-by-tag-regex'?: Record<string, string>;
  credentials?: { username?: string; password?: string };
  'tls-verify'?: boolean;
  'cert-dir'?: string;
}

/**
 * Parses skopeo's sync YAML:
 * `REGISTRY: { images: { REPO: [TAGS] | [] }, images-by-tag-regex: { REPO: RE },
 *   credentials: { username, password }, tls-verify: BOOL }`.
 * An empty tag list means every tag.
 */
export function parseSyncYaml(text: string, file = 'sync file'): SyncRepository[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new LighterError('ERR_INPUT', `reading ${file}: invalid YAML: ${errorMessage(err)}`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new LighterError('ERR_INPUT', `reading ${file}: expected a map of registries`);
  }
  const out: SyncRepository[] = [];
  for (const [registry, value] of Object.entries(doc as Record<string, YamlRegistry>)) {
    const where = `${file}: registry "${registry}"`;
    if (value === null || typeof value !== 'object') {
      throw new LighterError('ERR_INPUT', `${where}: expected a map with images`);
    }
    const known = ['images', 'images-by-tag-regex', 'credentials', 'tls-verify', 'cert-dir'];
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        throw new LighterError(
          'ERR_INPUT',
          `${where}: unknown key "${key}" (known: ${known.join(', ')})`,
        );
      }
    }
    const access: RegistryAccess = {};
    if (value.credentials) {
      const { username, password } = value.credentials;
      if (!username || password === undefined) {
        throw new LighterError('ERR_INPUT', `${where}: credentials need username and password`);
      }
      access.creds = `${username}:${password}`;
    }
    if (value['tls-verify'] !== undefined) access.tlsVerify = value['tls-verify'];
    const hasAccess = Object.keys(access).length > 0;
    const repo = (path: string) => {
      try {
        return parseRepository(`${registry}/${path}`);
      } catch (err) {
        throw new LighterError('ERR_INPUT', `${where}: ${errorMessage(err)}`, { cause: err });
      }
    };
    for (const [path, tags] of Object.entries(value.images ?? {})) {
      if (tags !== null && !Array.isArray(tags)) {
        throw new LighterError('ERR_INPUT', `${where}: image "${path}": expected a list of tags`);
      }
      const entry: SyncRepository = { repository: repo(path) };
      if (tags && tags.length > 0) entry.tags = tags.map(String);
      if (hasAccess) entry.access = access;
      out.push(entry);
    }
    for (const [path, pattern] of Object.entries(value['images-by-tag-regex'] ?? {})) {
      let tagPattern: RegExp;
      try {
        tagPattern = new RegExp(pattern);
      } catch (err) {
        throw new LighterError(
          'ERR_INPUT',
          `${where}: image "${path}": bad regex: ${errorMessage(err)}`,
        );
      }
      const entry: SyncRepository = { repository: repo(path), tagPattern };
      if (hasAccess) entry.access = access;
      out.push(entry);
    }
  }
  return out;
}

/**
 * Where a source image lands under a destination prefix, as skopeo sync names it: the last
 * path component of the repository, or the whole `registry/path` with `scoped`.
 */
export function destinationName(prefix: string, source: Reference, scoped: boolean): string {
  const { base, path, ref } = destinationParts(prefix, source, scoped);
  if (base.startsWith('dir:')) return `${base}/${path}${ref.replace(/[:@]/, '_')}`;
  return `${base}/${path}${ref}`;
}

/**
 * Where `destinationName` puts an image's blobs, which images bound there share: the
 * repository for `docker://`, the image's own directory for `dir:`.
 */
export function destinationRepository(prefix: string, source: Reference, scoped: boolean): string {
  const { base, path } = destinationParts(prefix, source, scoped);
  return base.startsWith('dir:') ? destinationName(prefix, source, scoped) : `${base}/${path}`;
}

function destinationParts(prefix: string, source: Reference, scoped: boolean) {
  const base = prefix.replace(/\/+$/, '');
  // A registry port cannot appear in a repository path, so `host:5000` becomes `host-5000`.
  const path = scoped
    ? `${source.registry.replace(/:/g, '-')}/${source.repository}`
    : (source.repository.split('/').pop() as string);
  const ref = source.digest && !source.tag ? `@${source.digest}` : `:${source.tag ?? 'latest'}`;
  return { base, path, ref };
}

/** A source image of the plan, by tag or digest. */
export function imageOf(repository: Reference, tagOrDigest: string): string {
  if (tagOrDigest.includes(':'))
    return `docker://${formatReference({ ...repository, digest: tagOrDigest as `${string}:${string}` })}`;
  return `docker://${formatReference(withTag(repository, tagOrDigest))}`;
}
