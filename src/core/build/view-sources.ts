// COPY --from sources: the files a pattern names in another stage or image, read from its merged layer view.

import type { Stats } from 'node:fs';
import { posix } from 'node:path';
import { LighterError } from '../errors.js';
import { IgnoreMatcher } from './context/ignore.js';
import { compileMatch, hasWildcards } from './context/pattern.js';
import type { LayerView } from './layer-view.js';

/** A source entry: what is read (on the host) and where it lands below the destination. */
export interface CopySourceEntry {
  /** Relative to the destination directory; '' is the destination itself (a directory source). */
  target: string;
  hostPath: string;
  stats: Stats;
  /** Index of the source pattern that matched. */
  source: number;
}

export interface ViewSourceOptions {
  exclude?: readonly string[];
  parents?: boolean;
  instruction: string;
  /** Says where, in messages (`Dockerfile:7`). */
  where: string;
  /** Names the stage or image read from. */
  fromName: string;
}

function fail(options: ViewSourceOptions, message: string): LighterError {
  return new LighterError(
    'ERR_BUILD',
    `${options.where}: ${options.instruction} failed: ${message} (in ${options.fromName})`,
  );
}

function clean(raw: string): string {
  const normalized = posix.normalize(`/${raw}`).replace(/^\/+/, '').replace(/\/+$/, '');
  return normalized === '.' ? '' : normalized;
}

/**
 * The entries COPY --from reads, in order: for each pattern, a file (symlinks in the path
 * followed inside the view) or a directory and everything below it. A missing literal source
 * fails; a wildcard matching nothing copies nothing, as in BuildKit.
 */
export async function* resolveViewSources(
  view: LayerView,
  patterns: readonly string[],
  options: ViewSourceOptions,
): AsyncGenerator<CopySourceEntry> {
  const exclude = options.exclude?.length ? new IgnoreMatcher(options.exclude) : undefined;
  for (let index = 0; index < patterns.length; index++) {
    const raw = patterns[index]!;
    if (options.parents) {
      yield* parentsSource(view, raw, index, options);
      continue;
    }
    const path = clean(raw);
    if (!hasWildcards(path)) {
      const { path: resolved, entry } = await view.resolve(path, true);
      if (!entry) throw fail(options, `${JSON.stringify(raw)} not found`);
      yield* expand(
        view,
        resolved,
        entry.hostPath,
        entry.stats,
        posix.basename(path),
        index,
        exclude,
      );
      continue;
    }
    yield* matchComponents(view, '', path.split('/'), index, exclude);
  }
}

async function* expand(
  view: LayerView,
  path: string,
  hostPath: string,
  stats: Stats,
  name: string,
  index: number,
  exclude: IgnoreMatcher | undefined,
): AsyncGenerator<CopySourceEntry> {
  if (!stats.isDirectory()) {
    if (exclude?.ignores(name)) return;
    yield { target: name, hostPath, stats, source: index };
    return;
  }
  yield { target: '', hostPath, stats, source: index };
  const prefix = path === '' ? 0 : path.length + 1;
  // Excluded directories are skipped whole unless a `!` rule may take something back below them.
  const skipped: string[] = [];
  for await (const entry of view.walk(path)) {
    const relative = entry.path.slice(prefix);
    if (skipped.some((s) => relative.startsWith(`${s}/`))) continue;
    if (exclude?.ignores(relative)) {
      if (entry.stats.isDirectory() && !exclude.mayIncludeBelow(relative)) skipped.push(relative);
      continue;
    }
    yield { target: relative, hostPath: entry.hostPath, stats: entry.stats, source: index };
  }
}

async function* matchComponents(
  view: LayerView,
  dir: string,
  rest: string[],
  index: number,
  exclude: IgnoreMatcher | undefined,
): AsyncGenerator<CopySourceEntry> {
  const [component, ...deeper] = rest;
  if (component === undefined) return;
  const { path: resolvedDir, entry: dirEntry } = await view.resolve(dir, true);
  if (dir !== '' && !dirEntry?.stats.isDirectory()) return;
  const matches = hasWildcards(component)
    ? compileMatch(component)
    : (n: string) => n === component.replace(/\\(.)/gu, '$1');
  for (const entry of await view.readdir(resolvedDir)) {
    const name = posix.basename(entry.path);
    if (!matches(name)) continue;
    if (deeper.length > 0) {
      yield* matchComponents(view, entry.path, deeper, index, exclude);
      continue;
    }
    const { path, entry: target } = await view.resolve(entry.path, true);
    if (!target) continue;
    yield* expand(view, path, target.hostPath, target.stats, name, index, exclude);
  }
}

/** `--parents`: every match keeps its path from the root, or from the `/./` pivot. */
async function* parentsSource(
  view: LayerView,
  raw: string,
  index: number,
  options: ViewSourceOptions,
): AsyncGenerator<CopySourceEntry> {
  const cut = raw.indexOf('/./');
  const pivot = cut === -1 ? '' : clean(raw.slice(0, cut));
  const pattern = clean(cut === -1 ? raw : raw.slice(cut + 3));
  const { path: root, entry } = await view.resolve(pivot, true);
  if (pivot !== '' && !entry?.stats.isDirectory()) return;
  const filter = new IgnoreMatcher(['**', `!${pattern}`, ...(options.exclude ?? [])]);
  const prefix = root === '' ? 0 : root.length + 1;
  const pending: CopySourceEntry[] = [];
  for await (const found of view.walk(root)) {
    const relative = found.path.slice(prefix);
    const item = { target: relative, hostPath: found.hostPath, stats: found.stats, source: index };
    if (filter.ignores(relative)) {
      // A directory on the way to a match comes along when something below it matches.
      if (found.stats.isDirectory()) {
        while (
          pending.length > 0 &&
          !relative.startsWith(`${pending[pending.length - 1]!.target}/`)
        ) {
          pending.pop();
        }
        pending.push(item);
      }
      continue;
    }
    const parents = pending.filter((p) => relative.startsWith(`${p.target}/`));
    pending.length = 0;
    yield* parents;
    yield item;
  }
}
