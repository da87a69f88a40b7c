// COPY/ADD sources in the build context: wildcards, --parents, --exclude, symlinks kept inside the context.

import type { Stats } from 'node:fs';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { LighterError } from '../../errors.js';
import { IgnoreMatcher } from './ignore.js';
import { compileMatch, hasWildcards } from './pattern.js';
import { compareNames, walkContext } from './walk.js';

export interface SourceOptions {
  /** The context's .dockerignore rules: what they exclude is not in the context. */
  ignore?: IgnoreMatcher;
  /** Name of the ignore file, for messages. */
  ignoreFile?: string;
  /** `--exclude` patterns (.dockerignore rules, relative to each source). */
  exclude?: readonly string[];
  /** `--parents`: keep each match's path (from the context root, or from a `/./` pivot). */
  parents?: boolean;
  /** For messages: `COPY` (default) or `ADD`. */
  instruction?: string;
  /** Where the instruction is, so errors point at it. */
  position?: { file: string; line: number };
}

export interface SourceEntry {
  /** What is read, relative to the context root ('' is the root itself). */
  path: string;
  absolutePath: string;
  /**
   * Where it lands, relative to the destination directory: a file source keeps its name, a
   * directory source is '' (the destination itself) and its contents follow below it.
   */
  target: string;
  /** lstat of the entry; for a source symlink that was followed, the stat of its target. */
  stat: Stats;
  /** Index of the source pattern that matched. */
  source: number;
}

type Resolved =
  | { kind: 'found'; path: string; stat: Stats }
  | { kind: 'missing' }
  | { kind: 'outside' };

// As Linux: more symlinks than this on one path is a loop.
const MAX_LINKS = 40;

/**
 * The files COPY/ADD reads from the context, in order: for each source, a file (or a symlink,
 * copied as such) or a directory and everything below it, honouring .dockerignore and
 * `--exclude`. Absolute sources are context-relative; a source that leaves the context (`../x`,
 * or through a symlink) is an error, and a source symlink pointing out of the context is copied
 * as a symlink, never followed. A missing literal source is an error; a wildcard matching
 * nothing is not (as in BuildKit). Streams: memory does not grow with the number of files.
 */
export async function* resolveSources(
  contextDir: string,
  patterns: readonly string[],
  options: SourceOptions = {},
): AsyncGenerator<SourceEntry> {
  const ignore = options.ignore ?? new IgnoreMatcher([]);
  const exclude = options.exclude?.length ? new IgnoreMatcher(options.exclude) : undefined;
  for (let index = 0; index < patterns.length; index++) {
    const raw = patterns[index]!;
    if (options.parents) {
      yield* parentsSource(contextDir, raw, index, ignore, options);
    } else {
      yield* plainSource(contextDir, raw, index, ignore, exclude, options);
    }
  }
}

function fail(options: SourceOptions, message: string): LighterError {
  const instruction = options.instruction ?? 'COPY';
  const text = `${instruction} failed: ${message}`;
  const position = options.position;
  if (!position) return new LighterError('ERR_DOCKERFILE', text);
  return new LighterError('ERR_DOCKERFILE', `${position.file}:${position.line}: ${text}`, {
    details: { file: position.file, line: position.line },
  });
}

/** `/a/./b/` → `a/b`; throws when the path climbs out of the context. */
function contextPath(raw: string, options: SourceOptions): string {
  const normalized = posix.normalize(`/${raw}`);
  const relative = posix.normalize(raw.replace(/^\/+/, '') || '.');
  if (relative === '..' || relative.startsWith('../')) {
    throw fail(options, `${raw} is outside the build context`);
  }
  const path = normalized.replace(/^\/+/, '').replace(/\/+$/, '');
  return path === '.' ? '' : path;
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (err) {
    if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw err;
  }
}

/**
 * Resolves a context path component by component, following symlinks inside the context (the
 * last one only when `followLast`); an absolute link or one that climbs out is 'outside'.
 */
async function resolveInContext(
  contextDir: string,
  path: string,
  followLast: boolean,
): Promise<Resolved> {
  const remaining = path === '' ? [] : path.split('/');
  let current = '';
  let links = 0;
  let st = await stat(contextDir);
  while (remaining.length > 0) {
    const part = remaining.shift()!;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (current === '') return { kind: 'outside' };
      current = posix.dirname(current) === '.' ? '' : posix.dirname(current);
      st = await lstat(join(contextDir, current || '.'));
      continue;
    }
    const next = current === '' ? part : `${current}/${part}`;
    const found = await lstatOrUndefined(join(contextDir, next));
    if (!found) return { kind: 'missing' };
    if (found.isSymbolicLink() && (remaining.length > 0 || followLast)) {
      if (++links > MAX_LINKS) return { kind: 'missing' };
      const target = await readlink(join(contextDir, next));
      if (target.startsWith('/')) return { kind: 'outside' };
      remaining.unshift(...target.split('/'));
      continue;
    }
    if (remaining.length > 0 && !found.isDirectory()) return { kind: 'missing' };
    current = next;
    st = found;
  }
  return { kind: 'found', path: current, stat: st };
}

/** Resolves a source's final path: through symlinks that stay inside, else the symlink itself. */
async function resolveSourcePath(
  contextDir: string,
  path: string,
  raw: string,
  options: SourceOptions,
): Promise<Resolved> {
  const followed = await resolveInContext(contextDir, path, true);
  if (followed.kind === 'found') return followed;
  const unfollowed = await resolveInContext(contextDir, path, false);
  if (unfollowed.kind === 'outside') throw fail(options, `${raw} is outside the build context`);
  // A dangling or outward symlink is copied as the symlink it is.
  if (unfollowed.kind === 'found' && unfollowed.stat.isSymbolicLink()) return unfollowed;
  return followed.kind === 'outside' ? unfollowed : followed;
}

/** Everything one matched path brings: the file, or the directory and what is below it. */
async function* expandMatch(
  contextDir: string,
  logicalPath: string,
  resolved: { path: string; stat: Stats },
  target: string,
  index: number,
  ignore: IgnoreMatcher,
  exclude: IgnoreMatcher | undefined,
): AsyncGenerator<SourceEntry> {
  const root: SourceEntry = {
    path: resolved.path,
    absolutePath: join(contextDir, resolved.path || '.'),
    target: resolved.stat.isDirectory() ? '' : target,
    stat: resolved.stat,
    source: index,
  };
  if (!resolved.stat.isDirectory()) {
    if (exclude?.ignores(posix.basename(logicalPath))) return;
    yield root;
    return;
  }
  yield root;
  const start = resolved.path;
  for await (const entry of walkContext(contextDir, ignore, { under: start, exclude })) {
    yield {
      path: entry.path,
      absolutePath: entry.absolutePath,
      target: start === '' ? entry.path : entry.path.slice(start.length + 1),
      stat: entry.stat,
      source: index,
    };
  }
}

/** True when `path` is in the context: not ignored, or a directory something re-included sits in. */
function inContext(ignore: IgnoreMatcher, path: string, st: Stats): boolean {
  if (path === '' || !ignore.ignores(path)) return true;
  return st.isDirectory() && ignore.mayIncludeBelow(path);
}

async function* plainSource(
  contextDir: string,
  raw: string,
  index: number,
  ignore: IgnoreMatcher,
  exclude: IgnoreMatcher | undefined,
  options: SourceOptions,
): AsyncGenerator<SourceEntry> {
  const path = contextPath(raw, options);
  if (!hasWildcards(path)) {
    const resolved = await resolveSourcePath(contextDir, path, raw, options);
    if (resolved.kind !== 'found') {
      throw fail(options, `${JSON.stringify(raw)} not found in the build context`);
    }
    if (
      !inContext(ignore, path, resolved.stat) ||
      !inContext(ignore, resolved.path, resolved.stat)
    ) {
      throw fail(
        options,
        `${JSON.stringify(raw)} is excluded from the build context by ${options.ignoreFile ?? '.dockerignore'}`,
      );
    }
    yield* expandMatch(contextDir, path, resolved, posix.basename(path), index, ignore, exclude);
    return;
  }

  // Literal leading components are looked up; the rest are matched name by name.
  const parts = path.split('/');
  const firstWild = parts.findIndex((p) => hasWildcards(p));
  const prefix = parts.slice(0, firstWild).join('/');
  const base = await resolveInContext(contextDir, prefix, true);
  if (base.kind === 'outside') throw fail(options, `${raw} is outside the build context`);
  if (base.kind !== 'found' || !base.stat.isDirectory()) return;
  yield* matchComponents(
    contextDir,
    base.path,
    prefix,
    parts.slice(firstWild),
    raw,
    index,
    ignore,
    exclude,
    options,
  );
}

async function* matchComponents(
  contextDir: string,
  dir: string,
  logicalDir: string,
  rest: string[],
  raw: string,
  index: number,
  ignore: IgnoreMatcher,
  exclude: IgnoreMatcher | undefined,
  options: SourceOptions,
): AsyncGenerator<SourceEntry> {
  const [component, ...deeper] = rest;
  if (component === undefined) return;
  const matches = hasWildcards(component)
    ? compileMatch(component)
    : (n: string) => n === unescapeGlob(component);
  let names: string[];
  try {
    names = (await readdir(join(contextDir, dir || '.'))).sort(compareNames);
  } catch {
    return;
  }
  for (const name of names) {
    if (!matches(name)) continue;
    const logical = logicalDir === '' ? name : `${logicalDir}/${name}`;
    const actual = dir === '' ? name : `${dir}/${name}`;
    const found = await lstatOrUndefined(join(contextDir, actual));
    if (!found || !inContext(ignore, actual, found)) continue;
    const resolved = await resolveSourcePath(contextDir, actual, raw, options);
    if (resolved.kind !== 'found') continue;
    if (!inContext(ignore, resolved.path, resolved.stat)) continue;
    if (deeper.length > 0) {
      if (resolved.stat.isDirectory()) {
        yield* matchComponents(
          contextDir,
          resolved.path,
          logical,
          deeper,
          raw,
          index,
          ignore,
          exclude,
          options,
        );
      }
      continue;
    }
    yield* expandMatch(contextDir, logical, resolved, name, index, ignore, exclude);
  }
}

function unescapeGlob(component: string): string {
  return component.replace(/\\(.)/gu, '$1');
}

/**
 * `COPY --parents a/**\/*.txt /dst/`: every match keeps its path from the context root, or from
 * the pivot `/./` marks (`x/./y/*.txt` keeps `y/…`). The pattern follows .dockerignore rules, so
 * `**` spans directories; directories on the way to a match are included. As in BuildKit, a
 * pattern matching nothing (even without wildcards) copies nothing.
 */
async function* parentsSource(
  contextDir: string,
  raw: string,
  index: number,
  ignore: IgnoreMatcher,
  options: SourceOptions,
): AsyncGenerator<SourceEntry> {
  const cut = raw.indexOf('/./');
  const pivot = cut === -1 ? '' : contextPath(raw.slice(0, cut), options);
  const pattern = contextPath(cut === -1 ? raw : raw.slice(cut + 3), options);
  const resolvedPivot = await resolveInContext(contextDir, pivot, true);
  if (resolvedPivot.kind === 'outside') throw fail(options, `${raw} is outside the build context`);
  if (resolvedPivot.kind !== 'found' || !resolvedPivot.stat.isDirectory()) return;
  const root = resolvedPivot.path;
  if (pattern === '') {
    yield* expandMatch(contextDir, root, resolvedPivot, '', index, ignore, undefined);
    return;
  }
  // Leave out everything, then take back what the pattern names, then apply --exclude.
  const filter = new IgnoreMatcher(['**', `!${pattern}`, ...(options.exclude ?? [])]);
  const entry = (path: string, st: Stats): SourceEntry => ({
    path,
    absolutePath: join(contextDir, path),
    target: root === '' ? path : path.slice(root.length + 1),
    stat: st,
    source: index,
  });

  // Only the part below the pattern's literal directories needs walking; those directories are
  // the first parents of any match.
  const parts = pattern.split('/');
  const literal = parts.slice(0, -1);
  const firstWild = literal.findIndex((p) => hasWildcards(p));
  const fixed = (firstWild === -1 ? literal : literal.slice(0, firstWild)).map(unescape);
  const parents: SourceEntry[] = [];
  let under = root;
  for (const name of fixed) {
    const path = under === '' ? name : `${under}/${name}`;
    const st = await lstatOrUndefined(join(contextDir, path));
    if (!st?.isDirectory() || !inContext(ignore, path, st)) return;
    parents.push(entry(path, st));
    under = path;
  }

  for await (const found of walkContext(contextDir, ignore, {
    under,
    exclude: filter,
    relativeTo: root,
  })) {
    yield* parents.splice(0);
    yield entry(found.path, found.stat);
  }
}
