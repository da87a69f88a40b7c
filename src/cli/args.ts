// Command-line parsing: node:util parseArgs in strict mode, behind a scan that gives friendly errors.
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import type { Flags } from './flags.js';
import { didYouMean } from './suggest.js';
import { UsageError } from './usage-error.js';

export type FlagValue = string | boolean | string[] | undefined;

export interface ParseOptions {
  /** The command path, for messages (`copy`, `pod create`); undefined before the command name. */
  command?: string;
  /**
   * Stop reading flags after this many positionals: `run IMAGE sh -c 'x'` hands `-c` to the
   * container, not to us. The raw remaining tokens come back as `rest`.
   */
  stopAfter?: number;
}

export interface Parsed {
  values: Record<string, FlagValue>;
  positionals: string[];
  /** Tokens after the stop point, untouched (only with `stopAfter`). */
  rest: string[];
}

// Go's strconv.ParseBool spellings, since skopeo users write `--tls-verify=false` (pflag).
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/**
 * Parses `argv` against `flags`. Unknown flags, bad boolean values and missing values are caught
 * by a first scan that knows how to suggest a near name; the scan also settles booleans
 * (skopeo's `--flag=false`, `--no-flag`) and spells short flags long, then strict parseArgs
 * parses what remains.
 */
export function parseFlags(
  argv: readonly string[],
  flags: Flags,
  options: ParseOptions = {},
): Parsed {
  const { command } = options;
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(flags)) if (spec.short) byShort.set(spec.short, name);
  const longNames = Object.keys(flags);
  const fail = (message: string) => new UsageError(message, command);
  const unknown = (flag: string) =>
    fail(
      `unknown flag "${flag}"${flag.startsWith('--') ? didYouMean(flag.slice(2), longNames, '--') : ''}`,
    );

  const args: string[] = [];
  const rest: string[] = [];
  // Booleans are settled here, the last one given winning, because parseArgs cannot take
  // `--flag=false` and its own `--no-` handling would read a flag named `no-cache` as `cache`.
  const booleans = new Map<string, boolean>();
  let positionals = 0;
  let i = 0;
  for (; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      args.push(...argv.slice(i));
      i = argv.length;
      break;
    }
    if (token.startsWith('--')) {
      const eq = token.indexOf('=');
      const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
      const inline = eq < 0 ? undefined : token.slice(eq + 1);
      const spec = flags[name];
      if (spec === undefined) {
        // `--no-X` negates boolean X, unless a flag is called `no-X` (`--no-cache`).
        const negated = name.startsWith('no-') ? flags[name.slice(3)] : undefined;
        if (negated?.type === 'boolean') {
          if (inline !== undefined) throw fail(`flag --${name} takes no value`);
          booleans.set(name.slice(3), false);
          continue;
        }
        throw unknown(`--${name}`);
      }
      if (spec.type === 'boolean') {
        if (inline === undefined || TRUE.has(inline)) booleans.set(name, true);
        else if (FALSE.has(inline)) booleans.set(name, false);
        else throw fail(`flag --${name} takes true or false, got "${inline}"`);
        continue;
      }
      if (inline !== undefined) {
        args.push(`--${name}`, inline);
        continue;
      }
      if (i + 1 >= argv.length) throw fail(`flag --${name} needs a value`);
      args.push(`--${name}`, argv[++i]!);
      continue;
    }
    if (token.startsWith('-') && token.length > 1) {
      // A cluster of short flags (`-aq`); a string flag takes the rest of the token or the next one.
      for (let j = 1; j < token.length; j++) {
        const name = byShort.get(token[j]!);
        if (name === undefined) throw unknown(`-${token[j]}`);
        if (flags[name]!.type === 'boolean') {
          booleans.set(name, true);
          continue;
        }
        const attached = token.slice(j + 1).replace(/^=/, '');
        if (attached !== '') args.push(`--${name}`, attached);
        else if (i + 1 < argv.length) args.push(`--${name}`, argv[++i]!);
        else throw fail(`flag -${token[j]} (--${name}) needs a value`);
        break;
      }
      continue;
    }
    args.push(token);
    positionals++;
    if (options.stopAfter !== undefined && positionals >= options.stopAfter) {
      rest.push(...argv.slice(i + 1));
      break;
    }
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: toParseArgsOptions(flags),
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    // The scan above catches what it can name better; anything left is still a usage error.
    throw fail(err instanceof Error ? err.message : String(err));
  }
  const values = parsed.values as Record<string, FlagValue>;
  for (const [name, value] of booleans) values[name] = value;
  return {
    values,
    positionals: parsed.positionals,
    rest,
  };
}

function toParseArgsOptions(flags: Flags): ParseArgsOptionsConfig {
  const options: ParseArgsOptionsConfig = {};
  for (const [name, spec] of Object.entries(flags)) {
    options[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  return options;
}

/** Parsed arguments of one command, with typed accessors whose errors name the flag. */
export class Args {
  readonly command: string;
  readonly positionals: readonly string[];
  readonly #values: Readonly<Record<string, FlagValue>>;

  constructor(command: string, values: Record<string, FlagValue>, positionals: readonly string[]) {
    this.command = command;
    this.#values = values;
    this.positionals = positionals;
  }

  /** Whether the flag appeared at all (`--tls-verify=false` counts). */
  has(name: string): boolean {
    return this.#values[name] !== undefined;
  }

  boolean(name: string, defaultValue = false): boolean {
    const v = this.#values[name];
    return typeof v === 'boolean' ? v : defaultValue;
  }

  /** The last value of a string flag. */
  string(name: string): string | undefined {
    const v = this.#values[name];
    if (Array.isArray(v)) return v.at(-1);
    return typeof v === 'string' ? v : undefined;
  }

  /** Every value of a repeatable flag, comma-separated values split (`--platform a,b`). */
  list(name: string, options: { splitCommas?: boolean } = {}): string[] {
    const v = this.#values[name];
    const values = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    if (!options.splitCommas) return values;
    return values
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }

  integer(name: string, defaultValue: number, range: { min?: number; max?: number } = {}): number {
    const v = this.string(name);
    if (v === undefined) return defaultValue;
    const n = /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
    const { min, max } = range;
    if (
      Number.isSafeInteger(n) &&
      (min === undefined || n >= min) &&
      (max === undefined || n <= max)
    ) {
      return n;
    }
    const bound =
      min !== undefined && max !== undefined
        ? ` from ${min} to ${max}`
        : min !== undefined
          ? ` of at least ${min}`
          : max !== undefined
            ? ` of at most ${max}`
            : '';
    throw this.usage(`flag --${name}: expected an integer${bound}, got "${v}"`);
  }

  choice<const T extends string>(name: string, choices: readonly T[]): T | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    const found = choices.find((c) => c === v);
    if (found !== undefined) return found;
    throw this.usage(`flag --${name}: expected one of ${choices.join(', ')}, got "${v}"`);
  }

  /** A UsageError scoped to this command. */
  usage(message: string): UsageError {
    return new UsageError(message, this.command);
  }
}
