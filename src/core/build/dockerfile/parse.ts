// The Dockerfile parser: directives, comments, line continuations, heredocs, then one typed instruction per line.

import { dockerfileError } from './error.js';
import { heredocsInLine } from './heredoc.js';
import { parseInstruction } from './instructions.js';
import { isJsonArray } from './json-form.js';
import { splitCommand } from './split.js';
import type {
  CheckDirective,
  Directive,
  Heredoc,
  Instruction,
  ParsedDockerfile,
  Warning,
} from './types.js';

export interface ParseOptions {
  /** The name to use in messages, `Dockerfile` unless told. */
  file?: string;
}

/** One instruction line as the line reader sees it, before typing. */
export interface RawNode {
  /** The keyword as written (`copy`). */
  keyword: string;
  flags: string[];
  /** The text after the flags, trimmed. */
  args: string;
  /** The whole instruction line, continuation lines joined. */
  original: string;
  heredocs: Heredoc[];
  startLine: number;
  endLine: number;
  /** For ONBUILD: the trigger instruction. */
  child: RawNode | undefined;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
// Instructions whose shell form may carry heredocs (and ONBUILD of them).
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);

/**
 * Parses a Dockerfile into typed instructions, as BuildKit does. Throws ERR_DOCKERFILE with
 * `file:line: message` for unknown instructions, bad flags, missing arguments, unterminated
 * heredocs and bad directives.
 */
export function parseDockerfile(text: string, options: ParseOptions = {}): ParsedDockerfile {
  const file = options.file ?? 'Dockerfile';
  const reader = new LineReader(text, file);
  const nodes = reader.readNodes();
  const instructions: Instruction[] = [];
  for (const node of nodes) instructions.push(parseInstruction(node, file, reader.escapeToken));
  if (instructions.length === 0) {
    throw dockerfileError(
      { file, line: Math.max(1, reader.lineCount) },
      'file with no instructions',
    );
  }
  const syntax = reader.directives.find((d) => d.name === 'syntax')?.value;
  const checkValue = reader.directives.find((d) => d.name === 'check')?.value;
  return {
    file,
    escapeToken: reader.escapeToken,
    directives: reader.directives,
    syntax,
    check: parseCheckDirective(checkValue),
    instructions,
    warnings: reader.warnings,
  };
}

/** `skip=A,B;error=true` → { skip: ['A','B'], error: true }; unknown parts are ignored, as in BuildKit. */
export function parseCheckDirective(value: string | undefined): CheckDirective {
  const check: CheckDirective = { skip: [], error: false };
  if (value === undefined) return check;
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const setting = part.slice(eq + 1).trim();
    if (key === 'skip') {
      const names = setting
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      check.skip = names.some((n) => n.toLowerCase() === 'all') ? 'all' : names;
    } else if (key === 'error') {
      check.error = ['true', '1', 't'].includes(setting.toLowerCase());
    }
  }
  return check;
}

/** Reads lines as BuildKit's scanner does: line endings kept, so heredoc bodies keep theirs. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      lines.push(text.slice(start));
      break;
    }
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
  return lines;
}

function trimNewline(line: string): string {
  return line.replace(/[\r\n]+$/, '');
}

function trimLeadingSpace(line: string): string {
  return line.replace(/^\s+/u, '');
}

function isComment(line: string): boolean {
  return trimLeadingSpace(trimNewline(line)).startsWith('#');
}

class LineReader {
  readonly lines: string[];
  readonly file: string;
  index = 0;
  lineCount = 0;
  escapeToken: '\\' | '`' = '\\';
  continuation = /([^\\])\\[ \t]*$|^\\[ \t]*$/;
  directivesDone = false;
  readonly directives: Directive[] = [];
  readonly warnings: Warning[] = [];

  constructor(text: string, file: string) {
    this.lines = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
    this.file = file;
  }

  nextLine(): string | undefined {
    if (this.index >= this.lines.length) return undefined;
    this.lineCount++;
    return this.lines[this.index++];
  }

  readNodes(): RawNode[] {
    const nodes: RawNode[] = [];
    for (;;) {
      const raw = this.nextLine();
      if (raw === undefined) break;
      const startLine = this.lineCount;
      const processed = this.processLine(raw, true);
      let { line, complete } = this.trimContinuation(processed);
      if (complete && line === '') continue;

      let emptyContinuation = false;
      while (!complete) {
        const next = this.nextLine();
        if (next === undefined) break;
        const cooked = this.processLine(next, false);
        // Comment lines inside a continuation are dropped; so are blank ones (with a warning).
        if (isComment(next)) continue;
        if (trimLeadingSpace(cooked) === '') {
          emptyContinuation = true;
          continue;
        }
        const part = this.trimContinuation(cooked);
        line += part.line;
        complete = part.complete;
      }
      if (emptyContinuation) {
        this.warnings.push({
          rule: 'NoEmptyContinuation',
          message: `Empty continuation line found in: ${line}`,
          line: this.lineCount,
        });
      }

      const node = newNode(line, startLine, this.file);
      if (canContainHeredoc(node)) this.readHeredocs(node, line, startLine);
      node.endLine = this.lineCount;
      if (node.child) node.child.endLine = this.lineCount;
      nodes.push(node);
    }
    return nodes;
  }

  /** Trims the line ending (and, for a first line, leading space), checks for a directive, drops a comment. */
  processLine(raw: string, stripLeft: boolean): string {
    let token = trimNewline(raw);
    if (stripLeft) token = trimLeadingSpace(token);
    this.possibleDirective(token);
    return token.startsWith('#') ? '' : token;
  }

  possibleDirective(line: string): void {
    if (this.directivesDone) return;
    const match = DIRECTIVE.exec(line);
    const name = match?.[1]?.toLowerCase();
    if (!match || name === undefined || !KNOWN_DIRECTIVES.has(name)) {
      this.directivesDone = true;
      return;
    }
    const position = { file: this.file, line: this.lineCount };
    if (this.directives.some((d) => d.name === name)) {
      throw dockerfileError(position, `only one ${name} parser directive can be used`);
    }
    const value = match[2]!;
    if (name === 'escape') {
      if (value !== '\\' && value !== '`') {
        throw dockerfileError(position, `invalid escape token '${value}' does not match \` or \\`);
      }
      this.escapeToken = value;
      // Continuation is the escape at the end of a line, unless the escape itself is escaped.
      this.continuation =
        value === '`' ? /([^`])`[ \t]*$|^`[ \t]*$/ : /([^\\])\\[ \t]*$|^\\[ \t]*$/;
    }
    this.directives.push({ name: name as Directive['name'], value, line: this.lineCount });
  }

  trimContinuation(line: string): { line: string; complete: boolean } {
    if (this.continuation.test(line)) {
      return { line: line.replace(this.continuation, '$1'), complete: false };
    }
    return { line, complete: true };
  }

  readHeredocs(node: RawNode, line: string, startLine: number): void {
    for (const heredoc of heredocsInLine(line, { file: this.file, line: startLine })) {
      let terminated = false;
      for (;;) {
        const raw = this.nextLine();
        if (raw === undefined) break;
        let candidate = trimNewline(raw);
        if (heredoc.chomp) candidate = candidate.replace(/^\t+/, '');
        if (candidate === heredoc.name) {
          terminated = true;
          break;
        }
        heredoc.content += raw;
      }
      if (!terminated) {
        throw dockerfileError(
          { file: this.file, line: startLine, endLine: this.lineCount },
          `unterminated heredoc: no line "${heredoc.name}" ends the here-document started here`,
        );
      }
      node.heredocs.push(heredoc);
    }
  }
}

function newNode(line: string, startLine: number, file: string): RawNode {
  const { keyword, flags, args } = splitCommand(line);
  const node: RawNode = {
    keyword,
    flags,
    args,
    original: line,
    heredocs: [],
    startLine,
    endLine: startLine,
    child: undefined,
  };
  if (keyword.toLowerCase() === 'onbuild' && args !== '') {
    node.child = newNode(args, startLine, file);
  }
  return node;
}

function canContainHeredoc(node: RawNode): boolean {
  const target = node.keyword.toLowerCase() === 'onbuild' && node.child ? node.child : node;
  if (!HEREDOC_INSTRUCTIONS.has(target.keyword.toLowerCase())) return false;
  return !isJsonArray(target.args);
}
