// Walks a build context in a stable order, skipping what .dockerignore excludes; memory stays flat in the context's size.

import type { Stats } from 'node:fs';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LighterError } from '../../errors.js';
import type { IgnoreMatcher } from './ignore.js';

export interface ContextEntry {
  /** Slash-separated, relative to the context root (`src/main.ts`). */
  path: string;
  absolutePath: string;
  /** From lstat: symlinks are entries of their own, never followed. */
  stat: Stats;
}

export interface WalkOptions {
  /** Walk only below this context-relative directory ('' walks the whole context). */
  under?: string;
  /** How many entries of a directory to lstat in one batch (ahead of the one yielded). */
  concurrency?: number;
  /**
   * More patterns to leave out (COPY --exclude), matched with the same rules as .dockerignore
   * against the path relative to `relativeTo` (default: `under`).
   */
  exclude?: IgnoreMatcher;
  relativeTo?: string;
}

/** Orders names by Unicode code point, which is the byte order of their UTF-8 (Go sorts that way). */
export function compareNames(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

interface Frame {
  path: string;
  absolutePath: string;
  names: string[];
  next: number;
  /** lstat results for names [batchStart, batchStart + batch.length). */
  batch: PromiseSettledResult<Stats>[];
  batchStart: number;
  /** An ignored directory entered for its re-included children: yielded before the first one. */
  deferred: ContextEntry | undefined;
}

/**
 * lstat of a batch of names, synchronously: a context is thousands of tiny metadata calls, and
 * a thread-pool round trip for each costs several times the call (the layer code does the same).
 */
function lstatBatch(dir: string, names: readonly string[]): PromiseSettledResult<Stats>[] {
  return names.map((name) => {
    try {
      return { status: 'fulfilled', value: lstatSync(join(dir, name)) };
    } catch (reason) {
      return { status: 'rejected', reason };
    }
  });
}

async function listDirectory(path: string): Promise<string[]> {
  try {
    const names = readdirSync(path);
    return names.sort(compareNames);
  } catch (err) {
    throw new LighterError(
      'ERR_INPUT',
      `reading build context directory ${path}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}

/**
 * Yields every file, directory and symlink of the context below `dir` (not `dir` itself), depth
 * first with each directory's entries in name order, so a directory comes before its contents.
 * Entries `ignore` excludes are skipped; an excluded directory is only entered when a `!` pattern
 * may re-include something inside it, and is then yielded just before the first such entry.
 * Holds one directory listing per level, never the whole tree.
 */
export async function* walkContext(
  dir: string,
  ignore?: IgnoreMatcher,
  options: WalkOptions = {},
): AsyncGenerator<ContextEntry> {
  const concurrency = Math.max(1, options.concurrency ?? 32);
  const under = options.under ?? '';
  const matcher = ignore !== undefined && !ignore.empty ? ignore : undefined;
  const exclude =
    options.exclude !== undefined && !options.exclude.empty ? options.exclude : undefined;
  const base = options.relativeTo ?? under;
  const prefix = base === '' ? 0 : base.length + 1;
  const rootAbsolute = under === '' ? dir : join(dir, under);
  const stack: Frame[] = [
    {
      path: under,
      absolutePath: rootAbsolute,
      names: await listDirectory(rootAbsolute),
      next: 0,
      batch: [],
      batchStart: 0,
      deferred: undefined,
    },
  ];

  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.names.length) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    if (index >= frame.batchStart + frame.batch.length) {
      const names = frame.names.slice(index, index + concurrency);
      frame.batchStart = index;
      frame.batch = lstatBatch(frame.absolutePath, names);
    }
    const result = frame.batch[index - frame.batchStart]!;
    const name = frame.names[index]!;
    if (result.status === 'rejected') {
      // A file removed while we walk is simply not part of the context.
      if ((result.reason as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new LighterError(
        'ERR_INPUT',
        `reading build context: ${(result.reason as Error).message}`,
        {
          cause: result.reason,
        },
      );
    }
    const entry: ContextEntry = {
      path: frame.path === '' ? name : `${frame.path}/${name}`,
      absolutePath: join(frame.absolutePath, name),
      stat: result.value,
    };
    const isDir = entry.stat.isDirectory();
    const ignoredByContext = matcher?.ignores(entry.path) ?? false;
    const relative = entry.path.slice(prefix);
    const excluded = exclude?.ignores(relative) ?? false;
    const ignored = ignoredByContext || excluded;
    if (ignored) {
      const mayDescend =
        isDir &&
        (!ignoredByContext || matcher!.mayIncludeBelow(entry.path)) &&
        (!excluded || exclude!.mayIncludeBelow(relative));
      if (!mayDescend) continue;
    }

    if (!ignored) {
      for (const f of stack) {
        if (f.deferred) {
          yield f.deferred;
          f.deferred = undefined;
        }
      }
      yield entry;
    }
    if (isDir) {
      stack.push({
        path: entry.path,
        absolutePath: entry.absolutePath,
        names: await listDirectory(entry.absolutePath),
        next: 0,
        batch: [],
        batchStart: 0,
        deferred: ignored ? entry : undefined,
      });
    }
  }
}
