// Docker/distribution image references (`busybox`, `ghcr.io/o/r:1@sha256:…`): parsing, normalizing and formatting.

import { type Digest, parseDigest } from './digest.js';
import { errorMessage, LighterError } from './errors.js';

/** A normalized image reference: the registry is always explicit, Docker Hub names have `library/`. */
export interface Reference {
  /** `docker.io`, `localhost:5000`, `ghcr.io`, `[::1]:5000`. */
  readonly registry: string;
  /** `library/busybox`, `o/r`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: Digest;
}

export const DEFAULT_REGISTRY = 'docker.io';
export const DEFAULT_TAG = 'latest';
/** docker/distribution's limit on `registry/repository`, counted after normalization. */
export const NAME_MAX_LENGTH = 255;

// Docker Hub's old name; docker normalizes it so both spellings share one cache and credential.
const LEGACY_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST_AND_PORT = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`,
);
// docker refuses these as names because they look like image IDs, which would be ambiguous.
const IMAGE_ID = /^[a-f0-9]{64}$/;

export interface ParseReferenceOptions {
  /** Add the tag `latest` when neither tag nor digest is given (default true, like `docker pull`). */
  defaultTag?: boolean;
}

/**
 * Parses a reference as `docker pull` does (ParseNormalizedNamed + TagNameOnly): `busybox` is
 * `docker.io/library/busybox:latest`. Throws ERR_BAD_REFERENCE naming the bad part.
 */
export function parseReference(input: string, options: ParseReferenceOptions = {}): Reference {
  const ref = parse(input, 'reference');
  if (options.defaultTag !== false && ref.tag === undefined && ref.digest === undefined) {
    return { ...ref, tag: DEFAULT_TAG };
  }
  return ref;
}

/** Parses a repository name (`ghcr.io/o/r`, `busybox`); a tag or digest is an error. */
export function parseRepository(input: string): Reference {
  const ref = parse(input, 'repository');
  if (ref.tag !== undefined) {
    throw invalid('repository', input, `a repository name must not have a tag (":${ref.tag}")`);
  }
  if (ref.digest !== undefined) {
    throw invalid(
      'repository',
      input,
      `a repository name must not have a digest ("@${ref.digest}")`,
    );
  }
  return ref;
}

/** The full form, `docker.io/library/busybox:latest` or `r/p:t@sha256:…`; parses back to `ref`. */
export function formatReference(ref: Reference): string {
  return `${repositoryName(ref)}${suffix(ref)}`;
}

/** The short form people type, `busybox:latest` or `o/r:1`, as `docker images` shows it. */
export function familiarReference(ref: Reference): string {
  return `${familiarName(ref)}${suffix(ref)}`;
}

/** `registry/repository`, e.g. `docker.io/library/busybox`. */
export function repositoryName(ref: Reference): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The same repository with `tag`; a digest is kept (docker's WithTag does the same). */
export function withTag(ref: Reference, tag: string): Reference {
  if (!isValidTag(tag)) throw invalid('tag', tag, tagProblem(tag, ''));
  return { ...ref, tag };
}

/** The same repository with `digest`; a tag is kept. */
export function withDigest(ref: Reference, digest: Digest): Reference {
  try {
    parseDigest(digest);
  } catch (err) {
    throw invalid('reference', formatReference(ref), errorMessage(err), err);
  }
  return { ...ref, digest };
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** True for Docker Hub, whose API host and auth differ from its name. */
export function isDockerHub(ref: Reference): boolean {
  return ref.registry === DEFAULT_REGISTRY;
}

function parse(input: string, noun: string): Reference {
  const fail = (problem: string, cause?: unknown) => invalid(noun, input, problem, cause);
  if (input === '') throw fail('the name is empty');
  if (IMAGE_ID.test(input)) {
    throw fail('a 64-character hex string is an image ID, not a repository name');
  }

  // Neither names nor tags may contain "@", so the first one starts the digest.
  const at = input.indexOf('@');
  const name = at === -1 ? input : input.slice(0, at);
  let digest: Digest | undefined;
  if (at !== -1) {
    const digestText = input.slice(at + 1);
    if (digestText === '') throw fail('the digest after "@" is empty');
    try {
      parseDigest(digestText);
    } catch (err) {
      throw fail(errorMessage(err), err);
    }
    digest = digestText as Digest;
  }

  if (name.includes('//')) throw fail('the name must not contain "//"');
  if (name.startsWith('/')) throw fail('the name must not start with "/"');

  // As in docker: the first component names a registry only if it looks like a host.
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  let registry = DEFAULT_REGISTRY;
  let remainder = name;
  if (slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first === LEGACY_REGISTRY ? DEFAULT_REGISTRY : first;
    remainder = name.slice(slash + 1);
    if (!HOST_AND_PORT.test(first)) {
      throw fail(`registry "${first}" is not a valid host[:port]`);
    }
  }

  // Repository paths cannot contain ":", so the first one starts the tag.
  const colon = remainder.indexOf(':');
  let repository = colon === -1 ? remainder : remainder.slice(0, colon);
  const tag = colon === -1 ? undefined : remainder.slice(colon + 1);

  if (repository === '') throw fail('the repository name is empty');
  if (repository.endsWith('/')) throw fail('the name must not end with "/"');
  if (repository !== repository.toLowerCase()) {
    throw fail('repository name must be lowercase');
  }
  for (const component of repository.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      throw fail(
        `repository path component "${component}" is invalid: use lowercase letters and digits, ` +
          'separated by ".", "_", "__" or "-"',
      );
    }
  }
  if (tag !== undefined && !isValidTag(tag)) throw fail(tagProblem(tag, `tag "${tag}"`));

  if (registry === DEFAULT_REGISTRY && !repository.includes('/')) {
    repository = OFFICIAL_PREFIX + repository;
  }
  const length = registry.length + 1 + repository.length;
  if (length > NAME_MAX_LENGTH) {
    throw fail(
      `the name "${registry}/${repository}" is ${length} characters long; the limit is ${NAME_MAX_LENGTH}`,
    );
  }

  return {
    registry,
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** What is wrong with `tag`; `label` names it in the sentence (`tag "x"`), or is '' when the caller already did. */
function tagProblem(tag: string, label: string): string {
  if (tag === '') return 'the tag is empty';
  const subject = label === '' ? '' : `${label} `;
  if (tag.length > 128) return `${subject}is ${tag.length} characters long; the limit is 128`;
  return `${subject === '' ? '' : `${subject}is invalid: `}use letters, digits, "_", "." and "-", not starting with "." or "-"`;
}

function familiarName(ref: Reference): string {
  if (ref.registry !== DEFAULT_REGISTRY) return repositoryName(ref);
  let path = ref.repository;
  if (path.startsWith(OFFICIAL_PREFIX) && !path.slice(OFFICIAL_PREFIX.length).includes('/')) {
    path = path.slice(OFFICIAL_PREFIX.length);
  }
  // docker drops docker.io even when the first component then reads as a registry
  // (`docker.io/foo.bar/x` → `foo.bar/x`); keeping it makes the short form parse back.
  const head = path.split('/', 1)[0] ?? '';
  if (path.includes('/') && (head.includes('.') || head === 'localhost')) {
    return repositoryName(ref);
  }
  return path;
}

function suffix(ref: Reference): string {
  return `${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}

function invalid(noun: string, input: string, problem: string, cause?: unknown): LighterError {
  return new LighterError('ERR_BAD_REFERENCE', `invalid ${noun} ${quote(input)}: ${problem}`, {
    cause,
  });
}

// Inputs come from workflow files; keep a pasted blob of text from flooding the log.
function quote(input: string): string {
  const shown = input.length > 300 ? `${input.slice(0, 300)}…` : input;
  return JSON.stringify(shown);
}
