// How Docker cuts an instruction line into its name, `--flags`, and words, before any expansion.

import { isGoSpace } from './expand.js';

// Docker splits on these (not on newlines, which never survive line joining).
const WHITESPACE = /[\t\v\f\r ]+/;

export interface SplitCommand {
  /** The instruction keyword as written (`copy`, `COPY`). */
  keyword: string;
  /** Flag words with quotes and backslash escapes removed (`--from=build`). */
  flags: string[];
  /** The rest of the line, trimmed. */
  args: string;
}

/** Splits `COPY --from=build a b` into the keyword, its flags and the rest. */
export function splitCommand(line: string): SplitCommand {
  const trimmed = line.trim();
  const match = WHITESPACE.exec(trimmed);
  if (!match) return { keyword: trimmed, flags: [], args: '' };
  const keyword = trimmed.slice(0, match.index);
  const { rest, flags } = extractFlags(trimmed.slice(match.index + match[0].length));
  return { keyword, flags, args: rest.trim() };
}

/**
 * Takes the leading `--flag[=value]` words off `line`. Quotes group and are removed, a backslash
 * escapes the next character (always `\`, whatever the escape directive says, as in Docker), and
 * a bare `--` ends the flags.
 */
export function extractFlags(line: string): { rest: string; flags: string[] } {
  const flags: string[] = [];
  let pos = 0;
  const n = line.length;
  for (;;) {
    while (pos < n && isGoSpace(line[pos]!)) pos++;
    if (pos >= n) return { rest: '', flags };
    if (!(line[pos] === '-' && line[pos + 1] === '-')) return { rest: line.slice(pos), flags };

    let word = '';
    let quoted = false;
    let quote = '';
    while (pos < n) {
      const ch = line[pos]!;
      if (quote !== '') {
        if (ch === quote) {
          quote = '';
          pos++;
          continue;
        }
        if (ch === '\\') {
          if (pos + 1 === n) {
            quote = '';
            pos++;
            continue;
          }
          pos++;
        }
        word += line[pos];
        pos++;
        continue;
      }
      if (isGoSpace(ch)) break;
      if (ch === "'" || ch === '"') {
        quote = ch;
        quoted = true;
        pos++;
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 === n) {
          pos++;
          continue;
        }
        pos++;
      }
      word += line[pos];
      pos++;
    }
    if (word === '--') {
      return { rest: pos >= n ? '' : line.slice(pos), flags };
    }
    if (quoted || word.length > 0) flags.push(word);
    if (pos >= n) return { rest: '', flags };
  }
}

/**
 * Splits ENV, LABEL and ARG arguments into words at unquoted whitespace, keeping the quotes and
 * escapes (expansion removes them later). Single quotes cannot escape anything.
 */
export function splitWords(rest: string, escapeToken: string): string[] {
  const chars = Array.from(rest);
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  let blankOk = false;
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    if (!inWord) {
      if (isGoSpace(ch)) continue;
      inWord = true;
    }
    if (quote === '') {
      if (isGoSpace(ch)) {
        if (blankOk || word.length > 0) words.push(word);
        word = '';
        blankOk = false;
        inWord = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
      } else if (ch === escapeToken) {
        // A trailing escape is dropped; otherwise it stays, with the character it escapes.
        if (i + 1 === chars.length) continue;
        word += ch;
        ch = chars[++i]!;
      }
      word += ch;
      continue;
    }
    if (ch === quote) {
      quote = '';
    } else if (ch === escapeToken && quote !== "'") {
      if (i + 1 === chars.length) {
        quote = '';
        continue;
      }
      word += ch;
      ch = chars[++i]!;
    }
    word += ch;
  }
  if (inWord && (blankOk || word.length > 0)) words.push(word);
  return words;
}

/** Docker's whitespace split for FROM, EXPOSE, COPY, ADD and VOLUME: no quote handling at all. */
export function splitWhitespace(rest: string): string[] {
  if (rest === '') return [];
  return rest.split(WHITESPACE);
}
