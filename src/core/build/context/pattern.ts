// Glob patterns as Docker reads them: Go's filepath.Match for one path component, and moby/patternmatcher (with `**`) for paths.

/** A malformed pattern (an unclosed `[`, a range with no start, a trailing `\`), as Go's ErrBadPattern. */
export class BadPatternError extends Error {
  override readonly name = 'BadPatternError';
}

interface Scanned {
  /** Regular-expression source for the pattern (no anchors). */
  source: string;
  /** True when the pattern has a wildcard (`*`, `?`, `[`). */
  wild: boolean;
}

function escapeRegExpChar(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

/** Reads a `[...]` class starting after the `[`; returns the regex class and where it ends. */
function scanClass(
  chars: string[],
  start: number,
  pattern: string,
): { source: string; end: number } {
  let i = start;
  let negated = false;
  if (chars[i] === '^') {
    negated = true;
    i++;
  }
  const parts: string[] = [];
  const bad = () => new BadPatternError(`syntax error in pattern ${JSON.stringify(pattern)}`);
  const readChar = (): string => {
    const ch = chars[i];
    if (ch === undefined || ch === '-' || ch === ']') throw bad();
    if (ch === '\\') {
      i++;
      const escaped = chars[i];
      if (escaped === undefined) throw bad();
      i++;
      return escaped;
    }
    i++;
    return ch;
  };
  for (;;) {
    if (chars[i] === ']' && parts.length > 0) {
      i++;
      break;
    }
    const lo = readChar();
    let part = escapeRegExpChar(lo);
    if (chars[i] === '-') {
      i++;
      const hi = readChar();
      if (hi.codePointAt(0)! < lo.codePointAt(0)!) throw bad();
      part += `-${escapeRegExpChar(hi)}`;
    }
    parts.push(part);
  }
  return { source: `[${negated ? '^' : ''}${parts.join('')}]`, end: i };
}

/** Translates a glob; `docker` turns on patternmatcher's `**` (any number of path components). */
function scan(pattern: string, docker: boolean): Scanned {
  const chars = Array.from(pattern);
  let source = '';
  let wild = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      wild = true;
      if (docker && chars[i + 1] === '*') {
        i++;
        // `**/` is `**`; at the end it takes anything, elsewhere any run of whole components.
        if (chars[i + 1] === '/') i++;
        source += i === chars.length - 1 ? '.*' : '(?:.*/)?';
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      wild = true;
      source += '[^/]';
    } else if (ch === '[') {
      wild = true;
      const cls = scanClass(chars, i + 1, pattern);
      source += cls.source;
      i = cls.end - 1;
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next === undefined)
        throw new BadPatternError(`syntax error in pattern ${JSON.stringify(pattern)}`);
      source += escapeRegExpChar(next);
      i++;
    } else {
      source += escapeRegExpChar(ch);
    }
  }
  return { source, wild };
}

/** Go's filepath.Match for a single name: `*` and `?` never cross `/`, `[a-z]` classes, `\` escapes. */
export function compileMatch(pattern: string): (name: string) => boolean {
  const { source } = scan(pattern, false);
  const re = new RegExp(`^${source}$`, 'u');
  return (name) => re.test(name);
}

/** True when `pattern` has wildcards (`*`, `?`, `[`); escaped ones do not count. */
export function hasWildcards(pattern: string): boolean {
  return scan(pattern, false).wild;
}

/** Throws BadPatternError for malformed patterns, as Docker does when it loads them. */
export function checkPattern(pattern: string): void {
  scan(pattern, true);
}

/**
 * A moby/patternmatcher pattern for a whole slash-separated path: filepath.Match rules plus
 * `**` for any number of components (`**\/x`, `a/**`, `a/**\/b`). A pattern that starts with `**`
 * and has no other wildcard matches by suffix, as patternmatcher does (`**.log` matches `a.log`
 * and `dir/x.log`).
 */
export function compilePathPattern(pattern: string): (path: string) => boolean {
  const { source } = scan(pattern, true);
  const rest = pattern.slice(2);
  if (pattern.startsWith('**') && !scan(rest, true).wild && !rest.includes('\\')) {
    return (path) => path.endsWith(rest) || (rest.startsWith('/') && path === rest.slice(1));
  }
  const re = new RegExp(`^${source}$`, 'u');
  return (path) => re.test(path);
}
