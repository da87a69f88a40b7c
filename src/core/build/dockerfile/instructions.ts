// Typing one instruction line: its arguments, its flags, and the errors Docker gives for each.

import type { HealthConfig } from '../../manifest.js';
import { parseGoDuration } from './duration.js';
import {
  atPosition,
  type DockerfilePosition,
  DockerfileSyntaxError,
  dockerfileError,
} from './error.js';
import { chompHeredoc, parseHeredocWord } from './heredoc.js';
import { parseJsonForm } from './json-form.js';
import { mountFromBeforeExpansion } from './mount.js';
import type { RawNode } from './parse.js';
import { splitWhitespace, splitWords } from './split.js';
import { didYouMean } from './suggest.js';
import type {
  CommandLine,
  Heredoc,
  InlineSource,
  Instruction,
  InstructionKind,
  KeyValue,
  SourceRange,
} from './types.js';

export const INSTRUCTIONS: readonly InstructionKind[] = [
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
];

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const WHITESPACE = /[\t\v\f\r ]+/;
// Docker's container.MinimumDuration for HEALTHCHECK intervals.
const MIN_HEALTHCHECK_NS = 1e6;

type FlagType = 'bool' | 'string' | 'strings';
type FlagSpec = Record<string, FlagType>;

const FLAGS: Partial<Record<InstructionKind, FlagSpec>> = {
  ADD: {
    chown: 'string',
    chmod: 'string',
    link: 'bool',
    'keep-git-dir': 'bool',
    checksum: 'string',
    exclude: 'strings',
    unpack: 'bool',
  },
  COPY: {
    from: 'string',
    chown: 'string',
    chmod: 'string',
    link: 'bool',
    parents: 'bool',
    exclude: 'strings',
  },
  FROM: { platform: 'string' },
  RUN: { mount: 'strings', network: 'string', security: 'string' },
  HEALTHCHECK: {
    interval: 'string',
    timeout: 'string',
    'start-period': 'string',
    'start-interval': 'string',
    retries: 'string',
  },
};

/** Parsed flag values: strings for string flags, booleans for bool flags, lists for repeatable ones. */
class Flags {
  readonly values = new Map<string, string | boolean | string[]>();

  string(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  bool(name: string): boolean | undefined {
    const v = this.values.get(name);
    return typeof v === 'boolean' ? v : undefined;
  }

  strings(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}

/** BuildKit's BFlags: `--name=value`, bare booleans, `--` ends the list, repeats only for lists. */
function parseFlags(words: string[], spec: FlagSpec, instruction: string): Flags {
  const flags = new Flags();
  const names = Object.keys(spec);
  for (const word of words) {
    if (word === '--') break;
    if (!word.startsWith('--'))
      throw new DockerfileSyntaxError(`flag should start with --: ${word}`);
    const body = word.slice(2);
    const eq = body.indexOf('=');
    const name = eq === -1 ? body : body.slice(0, eq);
    const value = eq === -1 ? undefined : body.slice(eq + 1);
    const type = spec[name];
    if (type === undefined) {
      const hint =
        names.length === 0 ? ` (${instruction} takes no flags)` : didYouMean(name, names, '--');
      throw new DockerfileSyntaxError(`unknown flag for ${instruction}: --${name}${hint}`);
    }
    if (flags.values.has(name) && type !== 'strings') {
      throw new DockerfileSyntaxError(`duplicate flag specified: --${name}`);
    }
    if (type === 'bool') {
      if (value === '') throw new DockerfileSyntaxError(`missing a value on flag: --${name}`);
      const lower = value?.toLowerCase();
      if (lower !== undefined && lower !== 'true' && lower !== 'false') {
        throw new DockerfileSyntaxError(
          `expecting boolean value for flag --${name}, not: ${value}`,
        );
      }
      flags.values.set(name, lower !== 'false');
      continue;
    }
    if (value === undefined) {
      throw new DockerfileSyntaxError(`missing a value on flag: --${name} (use --${name}=VALUE)`);
    }
    if (type === 'strings') {
      const list = flags.strings(name);
      flags.values.set(name, [...list, value]);
    } else {
      flags.values.set(name, value);
    }
  }
  return flags;
}

/** Types one line; throws ERR_DOCKERFILE positioned at the instruction. */
export function parseInstruction(node: RawNode, file: string, escapeToken: string): Instruction {
  const position: DockerfilePosition = { file, line: node.startLine, endLine: node.endLine };
  const kind = node.keyword.toUpperCase();
  if (!(INSTRUCTIONS as readonly string[]).includes(kind)) {
    throw dockerfileError(
      position,
      `unknown instruction ${node.keyword}${didYouMean(kind, INSTRUCTIONS)}`,
    );
  }
  return atPosition(position, () =>
    typeInstruction(kind as InstructionKind, node, file, escapeToken),
  );
}

function typeInstruction(
  kind: InstructionKind,
  node: RawNode,
  file: string,
  escapeToken: string,
): Instruction {
  const location: SourceRange = { startLine: node.startLine, endLine: node.endLine };
  const base = { location, original: node.original.trim() };
  const flags = parseFlags(node.flags, FLAGS[kind] ?? {}, kind);
  const rest = node.args;

  switch (kind) {
    case 'FROM': {
      const args = splitWhitespace(rest);
      let stageName: string | undefined;
      if (args.length === 3 && args[1]!.toLowerCase() === 'as') {
        stageName = args[2]!.toLowerCase();
        if (!STAGE_NAME.test(stageName)) {
          throw new DockerfileSyntaxError(
            `invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`,
          );
        }
      } else if (args.length !== 1) {
        throw new DockerfileSyntaxError(
          args.length === 0
            ? 'FROM requires an image: FROM <image> [AS <name>]'
            : 'FROM requires either one or three arguments: FROM <image> [AS <name>]',
        );
      }
      return { kind, ...base, image: args[0]!, stageName, platform: flags.string('platform') };
    }
    case 'ARG': {
      const words = splitWords(rest, escapeToken);
      if (words.length === 0) throw atLeastOne(kind);
      const args = words.map((word) => {
        const eq = word.indexOf('=');
        if (eq === -1) return { key: word, value: undefined };
        if (eq === 0) throw new DockerfileSyntaxError('ARG names can not be blank');
        return { key: word.slice(0, eq), value: word.slice(eq + 1) };
      });
      return { kind, ...base, args };
    }
    case 'ENV':
    case 'LABEL': {
      const { pairs, legacy } = nameValues(rest, kind, escapeToken);
      return { kind, ...base, pairs, legacy };
    }
    case 'RUN': {
      const line = commandLine(rest);
      if (line.command.length === 0 && node.heredocs.length === 0) {
        // Docker accepts an empty RUN and runs an empty shell command; it is always a mistake.
        throw atLeastOne(kind);
      }
      const mounts = flags.strings('mount');
      for (const mount of mounts) mountFromBeforeExpansion(mount);
      const network = flags.string('network');
      if (network !== undefined && !['default', 'none', 'host'].includes(network)) {
        throw new DockerfileSyntaxError(
          `unsupported network mode ${JSON.stringify(network)}${didYouMean(network, ['default', 'none', 'host'])}`,
        );
      }
      const security = flags.string('security');
      if (security !== undefined && !['sandbox', 'insecure'].includes(security)) {
        throw new DockerfileSyntaxError(`unsupported security mode ${JSON.stringify(security)}`);
      }
      return {
        kind,
        ...base,
        ...line,
        heredocs: node.heredocs.map((h) => ({ ...h })),
        mounts,
        network,
        security,
      };
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      const line = commandLine(rest);
      return { kind, ...base, ...line };
    }
    case 'SHELL': {
      const json = parseJsonForm(rest);
      if (json === undefined) {
        if (rest === '') throw atLeastOne(kind);
        throw new DockerfileSyntaxError(
          `SHELL requires the arguments to be in JSON form, e.g. SHELL ["/bin/bash", "-c"]`,
        );
      }
      if (json.length === 0) throw atLeastOne(kind);
      return { kind, ...base, shell: json };
    }
    case 'COPY':
    case 'ADD': {
      const json = parseJsonForm(rest);
      const args = json ?? splitWhitespace(rest);
      if (args.length < 2) {
        throw new DockerfileSyntaxError(
          `${kind} requires at least two arguments, but only ${args.length === 0 ? 'none was' : 'one was'} provided. Destination could not be determined`,
        );
      }
      const dest = args[args.length - 1]!;
      if (parseHeredocWord(dest)) {
        throw new DockerfileSyntaxError(`${kind} cannot accept a heredoc as a destination`);
      }
      const byName = new Map<string, Heredoc>(node.heredocs.map((h) => [h.name, h]));
      const sources: string[] = [];
      const inlineSources: InlineSource[] = [];
      for (const src of args.slice(0, -1)) {
        const opener = parseHeredocWord(src);
        if (opener) {
          const heredoc = byName.get(opener.name);
          const content = heredoc?.content ?? '';
          inlineSources.push({
            name: opener.name,
            content: opener.chomp ? chompHeredoc(content) : content,
            expand: opener.expand,
          });
        } else {
          sources.push(src);
        }
      }
      const common = {
        ...base,
        sources,
        inlineSources,
        dest,
        json: json !== undefined,
        chown: flags.string('chown'),
        chmod: flags.string('chmod'),
        link: flags.bool('link') ?? false,
        exclude: flags.strings('exclude'),
      };
      if (kind === 'COPY') {
        const from = flags.string('from');
        if (from !== undefined && /\$./.test(from)) {
          throw new DockerfileSyntaxError(
            `COPY --from doesn't support variable expansion (${from}); define an alias stage instead: FROM ${from} AS name`,
          );
        }
        return { kind, ...common, from, parents: flags.bool('parents') ?? false };
      }
      return {
        kind,
        ...common,
        checksum: flags.string('checksum'),
        keepGitDir: flags.bool('keep-git-dir') ?? false,
        unpack: flags.bool('unpack'),
      };
    }
    case 'WORKDIR':
      if (rest === '') throw exactlyOne(kind);
      return { kind, ...base, path: rest };
    case 'USER':
      if (rest === '') throw exactlyOne(kind);
      return { kind, ...base, user: rest };
    case 'STOPSIGNAL':
      if (rest === '') throw exactlyOne(kind);
      return { kind, ...base, signal: rest };
    case 'MAINTAINER':
      if (rest === '') throw exactlyOne(kind);
      return { kind, ...base, maintainer: rest };
    case 'VOLUME': {
      const args = parseJsonForm(rest) ?? splitWhitespace(rest);
      if (args.length === 0) throw atLeastOne(kind);
      const volumes = args.map((v) => v.trim());
      if (volumes.includes('')) {
        throw new DockerfileSyntaxError('VOLUME specified can not be an empty string');
      }
      return { kind, ...base, volumes };
    }
    case 'EXPOSE': {
      const ports = splitWhitespace(rest);
      if (ports.length === 0) throw atLeastOne(kind);
      return { kind, ...base, ports };
    }
    case 'HEALTHCHECK':
      return { kind, ...base, healthcheck: healthcheck(rest, node.flags, flags) };
    case 'ONBUILD': {
      const child = node.child;
      if (!child) throw atLeastOne(kind);
      const trigger = child.keyword.toUpperCase();
      if (trigger === 'ONBUILD') {
        throw new DockerfileSyntaxError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      }
      if (trigger === 'MAINTAINER' || trigger === 'FROM') {
        throw new DockerfileSyntaxError(`${trigger} isn't allowed as an ONBUILD trigger`);
      }
      let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
      for (const heredoc of node.heredocs) expression += `\n${heredoc.content}${heredoc.name}`;
      const parsedTrigger = parseInstruction(
        { ...child, heredocs: node.heredocs, startLine: node.startLine, endLine: node.endLine },
        file,
        escapeToken,
      );
      return { kind, ...base, expression, trigger: parsedTrigger };
    }
  }
}

function atLeastOne(kind: string): DockerfileSyntaxError {
  return new DockerfileSyntaxError(`${kind} requires at least one argument`);
}

function exactlyOne(kind: string): DockerfileSyntaxError {
  return new DockerfileSyntaxError(`${kind} requires exactly one argument`);
}

/** RUN, CMD, ENTRYPOINT: exec form when the rest is a JSON array of strings, else a shell command line. */
function commandLine(rest: string): CommandLine {
  const json = parseJsonForm(rest);
  if (json !== undefined) return { command: json, prependShell: false };
  return { command: rest === '' ? [] : [rest], prependShell: true };
}

/** ENV and LABEL: `k=v k2="v 2"` or the legacy `k value with spaces`. Quotes stay for expansion. */
function nameValues(
  rest: string,
  kind: 'ENV' | 'LABEL',
  escapeToken: string,
): { pairs: KeyValue[]; legacy: boolean } {
  const words = splitWords(rest, escapeToken);
  if (words.length === 0) throw atLeastOne(kind);
  if (!words[0]!.includes('=')) {
    const match = WHITESPACE.exec(rest);
    if (!match) throw new DockerfileSyntaxError(`${kind} must have two arguments`);
    const key = rest.slice(0, match.index);
    return { pairs: [{ key, value: rest.slice(match.index + match[0].length) }], legacy: true };
  }
  const pairs = words.map((word) => {
    const eq = word.indexOf('=');
    if (eq === -1) {
      throw new DockerfileSyntaxError(
        `Syntax error - can't find = in ${JSON.stringify(word)}. Must be of the form: name=value`,
      );
    }
    if (eq === 0) throw new DockerfileSyntaxError(`${kind} names can not be blank`);
    return { key: word.slice(0, eq), value: word.slice(eq + 1) };
  });
  return { pairs, legacy: false };
}

function healthcheck(rest: string, rawFlags: string[], flags: Flags): HealthConfig {
  const match = /^(\S+)\s*/u.exec(rest);
  if (!match) throw atLeastOne('HEALTHCHECK');
  const type = match[1]!.toUpperCase();
  const after = rest.slice(match[0].length);
  if (type === 'NONE') {
    if (after !== '') throw new DockerfileSyntaxError('HEALTHCHECK NONE takes no arguments');
    if (rawFlags.length > 0) throw new DockerfileSyntaxError('HEALTHCHECK NONE takes no flags');
    return { Test: ['NONE'] };
  }
  if (type !== 'CMD') {
    throw new DockerfileSyntaxError(
      `Unknown type ${JSON.stringify(type)} in HEALTHCHECK (try CMD)`,
    );
  }
  const line = commandLine(after);
  if (line.command.length === 0)
    throw new DockerfileSyntaxError('Missing command after HEALTHCHECK CMD');
  const config: HealthConfig = {
    Test: [line.prependShell ? 'CMD-SHELL' : 'CMD', ...line.command],
  };
  const durations = [
    ['interval', 'Interval'],
    ['timeout', 'Timeout'],
    ['start-period', 'StartPeriod'],
    ['start-interval', 'StartInterval'],
  ] as const;
  for (const [flag, field] of durations) {
    const value = flags.string(flag);
    if (value === undefined || value === '') continue;
    let ns: number;
    try {
      ns = parseGoDuration(value);
    } catch (err) {
      throw new DockerfileSyntaxError(`invalid --${flag}: ${(err as Error).message}`);
    }
    if (ns === 0) continue;
    if (ns < MIN_HEALTHCHECK_NS) {
      throw new DockerfileSyntaxError(`Interval "${flag}" cannot be less than 1ms`);
    }
    config[field] = ns;
  }
  const retries = flags.string('retries');
  if (retries !== undefined && retries !== '') {
    if (!/^[+-]?\d+$/.test(retries) || Math.abs(Number(retries)) > 2 ** 31 - 1) {
      throw new DockerfileSyntaxError(
        `invalid --retries: ${JSON.stringify(retries)} is not a number`,
      );
    }
    const n = Number(retries);
    if (n < 0) throw new DockerfileSyntaxError(`--retries cannot be negative (${n})`);
    if (n > 0) config.Retries = n;
  }
  return config;
}
