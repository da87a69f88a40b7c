// `.dockerignore` (and `<Dockerfile>.dockerignore`): reading the file and matching context paths as Docker does.

import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { LighterError } from '../../errors.js';
import { BadPatternError, checkPattern, compileMatch, compilePathPattern } from './pattern.js';

export interface IgnorePattern {
  /** The cleaned pattern, without its `!`. */
  pattern: string;
  /** A `!` line: re-includes what earlier lines excluded. */
  exception: boolean;
  match: (path: string) => boolean;
  /** Per-component matchers (undefined for a component with `**`, which can span any depth). */
  components: (((name: string) => boolean) | undefined)[];
}

/** Go's filepath.Clean on a slash path. */
function clean(path: string): string {
  if (path === '') return '.';
  const normalized = posix.normalize(path);
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/**
 * The patterns of a .dockerignore, as Docker's ignorefile.ReadAll gives them: `#` comment lines
 * (only at the start of the line), surrounding space trimmed, blank lines skipped, `!` kept in
 * front, each pattern cleaned (`./a/` → `a`) and made relative (`/a` → `a`).
 */
export function parseIgnoreFile(text: string): string[] {
  const patterns: string[] = [];
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const exception = pattern.startsWith('!');
    if (exception) pattern = pattern.slice(1).trim();
    if (pattern !== '') {
      pattern = clean(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(exception ? `!${pattern}` : pattern);
  }
  return patterns;
}

/**
 * Docker's pattern matcher: patterns apply in order, a path is excluded when the last pattern that
 * matches it (or one of its parent directories) is not a `!` exception.
 */
export class IgnoreMatcher {
  readonly patterns: IgnorePattern[];
  readonly hasExceptions: boolean;

  constructor(lines: readonly string[]) {
    this.patterns = [];
    for (const line of lines) {
      let text = line.trim();
      if (text === '') continue;
      const exception = text.startsWith('!');
      if (exception) {
        text = text.slice(1);
        if (text === '') {
          throw new LighterError('ERR_INPUT', 'illegal exclusion pattern: "!"');
        }
      }
      const pattern = clean(text);
      try {
        checkPattern(pattern);
      } catch (err) {
        if (err instanceof BadPatternError) {
          throw new LighterError('ERR_INPUT', `.dockerignore: ${err.message}`, { cause: err });
        }
        throw err;
      }
      const parts = pattern.split('/');
      this.patterns.push({
        pattern,
        exception,
        match: compilePathPattern(pattern),
        components: parts.map((part) => (part.includes('**') ? undefined : compileMatch(part))),
      });
    }
    this.hasExceptions = this.patterns.some((p) => p.exception);
  }

  /** No patterns: nothing is ignored. */
  get empty(): boolean {
    return this.patterns.length === 0;
  }

  /** True when `path` (slash-separated, relative to the context root) is excluded from the context. */
  ignores(path: string): boolean {
    let matched = false;
    const parts = path.split('/');
    for (const pattern of this.patterns) {
      // Only a pattern that could change the answer is worth evaluating.
      if (pattern.exception !== matched) continue;
      let match = pattern.match(path);
      for (let i = 1; !match && i < parts.length; i++) {
        match = pattern.match(parts.slice(0, i).join('/'));
      }
      if (match) matched = !pattern.exception;
    }
    return matched;
  }

  /**
   * True when some `!` pattern could re-include a path below the ignored directory `dir`, so a
   * walk must look inside it. Errs on the side of looking.
   */
  mayIncludeBelow(dir: string): boolean {
    if (!this.hasExceptions) return false;
    const parts = dir.split('/');
    return this.patterns.some((p) => {
      if (!p.exception) return false;
      for (let i = 0; i < parts.length; i++) {
        // The exception matches `dir` or an ancestor: everything below is re-included.
        if (i >= p.components.length) return true;
        const component = p.components[i];
        if (component === undefined) return true;
        if (!component(parts[i]!)) return false;
      }
      return true;
    });
  }
}

export interface ContextIgnore {
  matcher: IgnoreMatcher;
  /** The file the patterns came from, or undefined when there is none. */
  file: string | undefined;
}

/**
 * The ignore rules of a build: `<Dockerfile>.dockerignore` next to the Dockerfile when it exists
 * (`app.Dockerfile.dockerignore`), else `.dockerignore` at the context root, else none.
 */
export async function readContextIgnore(
  contextDir: string,
  dockerfilePath?: string,
): Promise<ContextIgnore> {
  const candidates = [
    ...(dockerfilePath === undefined ? [] : [`${dockerfilePath}.dockerignore`]),
    join(contextDir, '.dockerignore'),
  ];
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new LighterError('ERR_INPUT', `reading ${file}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    try {
      return { matcher: new IgnoreMatcher(parseIgnoreFile(text)), file };
    } catch (err) {
      if (err instanceof LighterError) {
        throw new LighterError(err.code, `${file}: ${err.message}`, {
          cause: err,
          details: { file },
        });
      }
      throw err;
    }
  }
  return { matcher: new IgnoreMatcher([]), file: undefined };
}
