// Word expansion as BuildKit's Dockerfile lexer does it: variables and their modifiers, quotes, escapes, word splitting.

import { DockerfileSyntaxError } from './error.js';

/** Variables in scope, by name (names are case-sensitive, as on Linux). */
export type Env = ReadonlyMap<string, string>;

export type EscapeToken = '\\' | '`';

export interface ExpandOptions {
  /** The Dockerfile's escape character (default `\`). */
  escapeToken?: EscapeToken;
  /** Keep quote characters in the result (used to tell quoted heredoc delimiters apart). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  rawEscapes?: boolean;
  /** Leave references to unset variables as written instead of expanding them to ''. */
  skipUnset?: boolean;
  /** Treat quotes as ordinary characters (COPY heredoc contents keep their quotes). */
  skipQuotes?: boolean;
}

export interface Expansion {
  /** The word after expansion and quote removal, spaces kept. */
  value: string;
  /** The same, split into words at unquoted whitespace (what EXPOSE uses). */
  words: string[];
  /** Variables the word referred to that were set. */
  used: Set<string>;
  /** Variables the word referred to that were unset. */
  unset: Set<string>;
  /** Unset variables referred to as plain `$X` or `${X}`, without a modifier that handles unset. */
  undefinedReferences: Set<string>;
}

const EOF = '';

/**
 * Expands `word` with `env`. Throws DockerfileSyntaxError for malformed words (unclosed quotes,
 * bad substitutions) and for `${X?message}` / `${X:?message}` on an unset (or empty) X.
 */
export function expandWord(word: string, env: Env, options: ExpandOptions = {}): Expansion {
  return new Lexer(word, env, options).run();
}

/** Docker's ProcessWords: the expansion split into words, quoted parts kept together. */
export function expandWords(word: string, env: Env, options: ExpandOptions = {}): string[] {
  return expandWord(word, env, options).words;
}

/** Go's unicode.IsSpace (JavaScript's \s also matches U+FEFF, which Go does not count). */
export function isGoSpace(ch: string): boolean {
  return ch !== '\uFEFF' && /^\s$/u.test(ch);
}

/** Accumulates the words of a ProcessWords result: quoted text is kept, expansions split. */
class Words {
  word = '';
  inWord = false;
  readonly words: string[] = [];

  addChar(ch: string): void {
    if (isGoSpace(ch)) {
      // An empty quoted string ("") starts a word but never yields one on its own.
      if (this.inWord && this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(ch);
    }
  }

  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }

  addString(text: string): void {
    for (const ch of text) this.addChar(ch);
  }

  addRawString(text: string): void {
    this.word += text;
    this.inWord = true;
  }

  finish(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class Lexer {
  readonly chars: string[];
  pos = 0;
  readonly source: string;
  readonly env: Env;
  readonly escape: string;
  readonly rawQuotes: boolean;
  rawEscapes: boolean;
  readonly skipUnset: boolean;
  readonly skipQuotes: boolean;
  readonly used = new Set<string>();
  readonly unset = new Set<string>();
  readonly undefinedReferences = new Set<string>();

  constructor(word: string, env: Env, options: ExpandOptions) {
    this.source = word;
    this.chars = Array.from(word);
    this.env = env;
    this.escape = options.escapeToken ?? '\\';
    this.rawQuotes = options.rawQuotes ?? false;
    this.rawEscapes = options.rawEscapes ?? false;
    this.skipUnset = options.skipUnset ?? false;
    this.skipQuotes = options.skipQuotes ?? false;
  }

  run(): Expansion {
    try {
      const { value, words } = this.processUntil(EOF, this.rawEscapes);
      return {
        value,
        words,
        used: this.used,
        unset: this.unset,
        undefinedReferences: this.undefinedReferences,
      };
    } catch (err) {
      if (err instanceof DockerfileSyntaxError && !err.details?.variable) {
        throw new DockerfileSyntaxError(
          `failed to process ${JSON.stringify(this.source)}: ${err.message}`,
          err.details,
        );
      }
      throw err;
    }
  }

  peek(): string {
    return this.chars[this.pos] ?? EOF;
  }

  next(): string {
    const ch = this.chars[this.pos] ?? EOF;
    if (ch !== EOF) this.pos++;
    return ch;
  }

  /** Processes up to `stop` (consumed) or the end; with a stop character, the end is an error. */
  processUntil(stop: string, rawEscapes: boolean): { value: string; words: string[] } {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = new Words();
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return { value: result, words: words.finish() };
        }
        if (ch === '$') {
          const value = this.processDollar();
          result += value;
          words.addString(value);
        } else if (!this.skipQuotes && (ch === "'" || ch === '"')) {
          const value = ch === "'" ? this.processSingleQuote() : this.processDoubleQuote();
          result += value;
          words.addRawString(value);
        } else {
          let c = this.next();
          if (c === this.escape) {
            if (this.rawEscapes) {
              words.addRawChar(c);
              result += c;
            }
            // The escape escapes anything, quotes and spaces included; at the very end it is dropped.
            c = this.next();
            if (c === EOF) break;
            words.addRawChar(c);
          } else {
            words.addChar(c);
          }
          result += c;
        }
      }
      if (stop !== EOF) {
        throw new DockerfileSyntaxError(
          `unexpected end of statement while looking for matching ${stop}`,
        );
      }
      return { value: result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  // Everything between single quotes is literal; a single quote cannot be escaped inside them.
  processSingleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.rawQuotes) result += open;
    for (;;) {
      const ch = this.next();
      if (ch === EOF) {
        throw new DockerfileSyntaxError(
          'unexpected end of statement while looking for matching single-quote',
        );
      }
      if (ch === "'") {
        if (this.rawQuotes) result += ch;
        return result;
      }
      result += ch;
    }
  }

  // Like sh: variables expand inside double quotes, and the escape only escapes `"`, `$` and itself.
  processDoubleQuote(): string {
    let result = '';
    const open = this.next();
    if (this.rawQuotes) result += open;
    for (;;) {
      const peeked = this.peek();
      if (peeked === EOF) {
        throw new DockerfileSyntaxError(
          'unexpected end of statement while looking for matching double-quote',
        );
      }
      if (peeked === '"') {
        const close = this.next();
        if (this.rawQuotes) result += close;
        return result;
      }
      if (peeked === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === EOF) continue;
        if (after === '"' || after === '$' || after === this.escape) ch = this.next();
      }
      result += ch;
    }
  }

  processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      if (name === '') return '$';
      const { value, set } = this.lookup(name);
      if (!set) {
        this.undefinedReferences.add(name);
        if (this.skipUnset) return `$${name}`;
      }
      return value;
    }

    this.next();
    const first = this.peek();
    if (first === EOF) throw new DockerfileSyntaxError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') {
      throw new DockerfileSyntaxError('syntax error: bad substitution');
    }
    const name = this.processName();
    let ch = this.next();
    if (ch === EOF) throw new DockerfileSyntaxError("syntax error: missing '}'");
    let modifier = ch;

    if (ch === '}') {
      const { value, set } = this.lookup(name);
      if (!set) {
        this.undefinedReferences.add(name);
        if (this.skipUnset) return `\${${name}}`;
      }
      return value;
    }

    if (ch === '/') return this.processReplace(name);

    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next();
      modifier += ch;
    }
    if (!['+', '-', '?', '#', '%'].includes(ch) && !nullIsUnset) {
      throw new DockerfileSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }

    // Patterns keep their escapes, so `\*` stays a literal star for the matcher.
    const word = this.wordUntil('}', ch === '#' || ch === '%');
    const { value, set } = this.lookup(name);
    if (this.skipUnset && !set) return `\${${name}${modifier}${word}}`;
    const empty = !set || (nullIsUnset && value === '');

    switch (ch) {
      case '-':
        return empty ? word : value;
      case '+':
        return empty ? '' : word;
      case '?':
        if (!set) throw unsetError(name, word || 'is not allowed to be unset');
        if (nullIsUnset && value === '')
          throw unsetError(name, word || 'is not allowed to be empty');
        return value;
      case '#':
      case '%': {
        let pattern = word;
        const greedy = pattern.startsWith(ch);
        if (greedy) pattern = pattern.slice(1);
        return ch === '%' ? trimSuffix(pattern, value, greedy) : trimPrefix(pattern, value, greedy);
      }
      default:
        throw new DockerfileSyntaxError(`unsupported modifier (${modifier}) in substitution`);
    }
  }

  // ${name/pattern/replacement} and ${name//pattern/replacement}.
  processReplace(name: string): string {
    const all = this.peek() === '/';
    if (all) this.next();
    let pattern: string;
    try {
      pattern = this.processUntil('/', true).value;
    } catch (err) {
      if (this.peek() === EOF)
        throw new DockerfileSyntaxError("syntax error: missing '/' in $" + '{}');
      throw err;
    }
    const replacement = this.wordUntil('}', true);
    const { value, set } = this.lookup(name);
    if (this.skipUnset && !set) {
      return `\${${name}${all ? '//' : '/'}${pattern}/${replacement}}`;
    }
    const re = patternToRegExp(pattern, true, false, all);
    return value.replace(re, () => replacement);
  }

  wordUntil(stop: string, rawEscapes: boolean): string {
    try {
      return this.processUntil(stop, rawEscapes).value;
    } catch (err) {
      if (this.peek() === EOF && !(err instanceof DockerfileSyntaxError && err.details?.variable)) {
        throw new DockerfileSyntaxError(`syntax error: missing '${stop}'`);
      }
      throw err;
    }
  }

  // A name is letters, digits and `_`; a leading digit run or one special parameter is a name too.
  processName(): string {
    let name = '';
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (name === '' && /^\p{Nd}$/u.test(ch)) {
        while (this.peek() !== EOF && /^\p{Nd}$/u.test(this.peek())) name += this.next();
        return name;
      }
      if (name === '' && SPECIAL_PARAMETERS.has(ch)) return this.next();
      if (!/^[\p{L}\p{Nd}_]$/u.test(ch)) break;
      name += this.next();
    }
    return name;
  }

  lookup(name: string): { value: string; set: boolean } {
    const value = this.env.get(name);
    if (value === undefined) {
      this.unset.add(name);
      return { value: '', set: false };
    }
    this.used.add(name);
    return { value, set: true };
  }
}

// POSIX special parameters: `$@`, `$?`, `$$`… are names of their own (always unset here).
const SPECIAL_PARAMETERS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

function unsetError(name: string, message: string): DockerfileSyntaxError {
  return new DockerfileSyntaxError(`${name}: ${message}`, { variable: name });
}

/**
 * A `${x#pattern}` glob as a regular expression: `?` is one character, `*` any run (shortest
 * unless greedy), `\*` `\?` `\\` are literals; bracket expressions are not supported (as in
 * BuildKit). `\}` and `\/` drop the backslash, because they only escape the `${}` syntax.
 */
export function patternToRegExp(
  pattern: string,
  greedy: boolean,
  anchored: boolean,
  global = false,
): RegExp {
  const chars = Array.from(pattern);
  let source = anchored ? '^' : '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '*') {
      source += greedy ? '.*' : '.*?';
    } else if (ch === '?') {
      source += '.';
    } else if (ch === '\\') {
      const after = chars[i + 1];
      if (after === '}' || after === '/') continue;
      if (after !== '*' && after !== '?' && after !== '\\') {
        throw new DockerfileSyntaxError(
          `invalid pattern (${pattern}) in substitution: invalid escape '\\${after ?? ''}'`,
        );
      }
      source += `\\${after}`;
      i++;
    } else if ('[]{}.+()|^$/'.includes(ch)) {
      source += `\\${ch}`;
    } else {
      source += ch;
    }
  }
  return new RegExp(source, global ? 'gu' : 'u');
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string {
  const match = patternToRegExp(pattern, greedy, true).exec(value);
  return match ? value.slice(match[0].length) : value;
}

// Regular expressions find the leftmost match, so the shortest suffix is found by reversing both.
function trimSuffix(pattern: string, value: string, greedy: boolean): string {
  const reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
  return reverse(reversed);
}

function reverse(text: string): string {
  return Array.from(text).reverse().join('');
}

/** Reverses a pattern but keeps each escape in front of the character it escapes (`a\*c` → `c\*a`). */
function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const tokens: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\' && i !== chars.length - 1) {
      tokens.push(`\\${chars[i + 1]}`);
      i++;
    } else {
      tokens.push(chars[i]!);
    }
  }
  return tokens.reverse().join('');
}
