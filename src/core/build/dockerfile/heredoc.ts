// Here-documents (`RUN <<EOF`, `COPY <<-"EOF" /file`): finding the openers on a line and reading their options.

import { atPosition, DockerfileSyntaxError } from './error.js';
import { expandWords } from './expand.js';
import type { Heredoc } from './types.js';

const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/**
 * The heredocs a line opens, in order (`RUN <<A cat - <<-"B"`). The line is lexed with quotes and
 * escapes kept, as BuildKit does, so `'<<EOF'` is not a heredoc; a delimiter with any quoted part
 * turns expansion of the body off.
 */
export function heredocsInLine(line: string, position: { file: string; line: number }): Heredoc[] {
  let words: string[];
  try {
    words = expandWords(line, new Map(), { rawQuotes: true, rawEscapes: true, skipUnset: true });
  } catch {
    return [];
  }
  const heredocs: Heredoc[] = [];
  for (const word of words) {
    const heredoc = atPosition(position, () => parseHeredocWord(word));
    if (heredoc) heredocs.push(heredoc);
  }
  return heredocs;
}

/**
 * A heredoc opener word (`<<EOF`, `<<-'EOF'`, `3<<EOF`), or undefined when the word is not one.
 * A delimiter that does not lex (`<<"EOF`) is a DockerfileSyntaxError.
 */
export function parseHeredocWord(word: string): Heredoc | undefined {
  const match = HEREDOC_WORD.exec(word);
  if (!match || match[3] === '') return undefined;
  const rest = match[3]!;
  let cooked: string[];
  let raw: string[];
  try {
    cooked = expandWords(rest, new Map(), { skipUnset: true });
    if (cooked.length !== 1) return undefined;
    raw = expandWords(rest, new Map(), { skipUnset: true, rawQuotes: true });
  } catch (err) {
    throw new DockerfileSyntaxError(
      `invalid heredoc delimiter ${JSON.stringify(rest)}: ${(err as Error).message}`,
    );
  }
  const name = cooked[0]!;
  const quotes = (s: string) => (s.match(/['"]/g) ?? []).length;
  return {
    name,
    content: '',
    expand: raw.length === 1 && quotes(name) === quotes(raw[0]!),
    chomp: match[2] === '-',
    fd: match[1] === '' ? 0 : Number(match[1]),
  };
}

/** Strips leading tabs from every line, for `<<-` heredocs. */
export function chompHeredoc(content: string): string {
  return content.replace(/^\t+/gm, '');
}
