// Typed readers for action inputs: each value is parsed once and every error names its input.
import { LighterError } from '../core/errors.js';

/** Where inputs come from: the runner passes them as `INPUT_<NAME>` environment variables. */
export type InputEnv = Readonly<Record<string, string | undefined>>;

/** The variable the runner sets for input `name`: upper-cased, spaces to `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export interface ListOptions {
  /** Keep commas inside an item (build args, labels, secrets, whose values may hold commas). */
  ignoreComma?: boolean;
  /** Treat `"` as a CSV quote (default); off for values such as `type=local,dest="x"`. */
  quote?: boolean;
  /** Drop whole lines starting with this character (after leading blanks). */
  comment?: string;
}

export interface StringOptions {
  required?: boolean;
  default?: string;
}

export interface IntegerOptions {
  min?: number;
  max?: number;
}

export interface KeyValueOptions {
  /** Values are credentials: register each with the masker and never echo one in an error. */
  secret?: boolean;
}

export interface InputReaderOptions {
  /** Called with every credential read, before anything can print it. */
  secret?: (value: string) => void;
}

/** Thrown for a bad input; `details.input` names it for callers that want to point at it. */
export function inputError(name: string, message: string): LighterError {
  return new LighterError('ERR_INPUT', `input "${name}": ${message}`, { details: { input: name } });
}

// YAML 1.2 core schema booleans, the only spellings the runner's own `if:` logic would agree with.
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/**
 * Reads inputs from an environment. Construct one per parse; tests pass a plain object.
 * Empty means "not given": the runner fills in action.yml defaults, and callers pass the same
 * defaults here so a parse without the runner (tests, local runs) sees the same values.
 */
export class InputReader {
  readonly #env: InputEnv;
  readonly #secret: (value: string) => void;

  constructor(env: InputEnv = process.env, options: InputReaderOptions = {}) {
    this.#env = env;
    this.#secret = options.secret ?? (() => {});
  }

  /** The value as the runner passed it, untrimmed; '' when unset. */
  raw(name: string): string {
    return this.#env[inputVariable(name)] ?? '';
  }

  getString(name: string, options: StringOptions = {}): string {
    const value = this.raw(name).trim();
    if (value !== '') return value;
    if (options.required) throw inputError(name, 'a value is required');
    return options.default ?? '';
  }

  /** Registers a value derived from an input (the password half of USER:PASSWORD) as a secret. */
  markSecret(value: string): void {
    if (value !== '') this.#secret(value);
  }

  /** A credential: like getString, but registered as a secret before it is returned. */
  getSecret(name: string, options: { required?: boolean } = {}): string {
    const value = this.getString(name, options);
    if (value !== '') this.#secret(value);
    return value;
  }

  getBoolean(name: string, defaultValue = false): boolean {
    const value = this.raw(name).trim();
    if (value === '') return defaultValue;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    throw inputError(name, `expected true or false (YAML 1.2 core schema), got "${value}"`);
  }

  getInteger(name: string, defaultValue: number, options?: IntegerOptions): number;
  getInteger(name: string, defaultValue: undefined, options?: IntegerOptions): number | undefined;
  getInteger(
    name: string,
    defaultValue: number | undefined,
    options: IntegerOptions = {},
  ): number | undefined {
    const value = this.raw(name).trim();
    if (value === '') return defaultValue;
    const { min, max } = options;
    const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
    const ok =
      Number.isSafeInteger(parsed) &&
      (min === undefined || parsed >= min) &&
      (max === undefined || parsed <= max);
    if (ok) return parsed;
    throw inputError(name, `expected ${describeRange(min, max)}, got "${value}"`);
  }

  getChoice<const T extends string>(name: string, choices: readonly T[], defaultValue: T): T;
  getChoice<const T extends string>(
    name: string,
    choices: readonly T[],
    defaultValue?: undefined,
  ): T | undefined;
  getChoice<const T extends string>(
    name: string,
    choices: readonly T[],
    defaultValue?: T,
  ): T | undefined {
    const value = this.raw(name).trim();
    if (value === '') return defaultValue;
    const found = choices.find((c) => c === value);
    if (found !== undefined) return found;
    throw inputError(name, `expected one of ${choices.join(', ')}, got "${value}"`);
  }

  /**
   * A list, as docker/build-push-action reads one: items on separate lines, and on a line
   * separated by commas unless `ignoreComma`. A CSV-quoted item (`"a,b"`) keeps its commas and
   * may span lines. Items are trimmed and empty ones dropped.
   */
  getList(name: string, options: ListOptions = {}): string[] {
    const text = this.raw(name);
    if (text.trim() === '') return [];
    let records: string[][];
    try {
      records = parseRecords(text, options);
    } catch (err) {
      if (err instanceof ListSyntaxError) throw inputError(name, err.message);
      throw err;
    }
    const items = options.ignoreComma ? records.map((r) => [r.join(',')]) : records;
    return items
      .flat()
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** `KEY=VALUE` items (a list read with commas kept); a later key replaces an earlier one. */
  getKeyValues(name: string, options: KeyValueOptions = {}): Map<string, string> {
    const result = new Map<string, string>();
    const items = this.getList(name, { ignoreComma: true });
    for (const [index, item] of items.entries()) {
      const eq = item.indexOf('=');
      const key = eq < 0 ? '' : item.slice(0, eq).trim();
      const where = `item ${index + 1}`;
      if (key === '' || /\s/.test(key)) {
        const shown = options.secret ? '' : `, got "${item}"`;
        throw inputError(name, `${where}: expected KEY=VALUE${shown}`);
      }
      const value = item.slice(eq + 1);
      if (options.secret && value !== '') this.#secret(value);
      result.set(key, value);
    }
    return result;
  }
}

function describeRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `an integer from ${min} to ${max}`;
  if (min !== undefined) return `an integer of at least ${min}`;
  if (max !== undefined) return `an integer of at most ${max}`;
  return 'an integer';
}

class ListSyntaxError extends Error {}

/**
 * Splits text into records (lines) of fields (commas), with CSV quotes: a field that starts with
 * `"` runs to the next lone `"` (`""` is a literal quote) and may hold commas and newlines; a
 * quote anywhere else is an ordinary character, as with csv-parse's relaxed quotes.
 */
export function parseRecords(text: string, options: ListOptions = {}): string[][] {
  const quote = options.quote ?? true;
  const comment = options.comment;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let atFieldStart = true;
  let atLineStart = true;
  let line = 1;
  let i = 0;

  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
    atFieldStart = true;
    atLineStart = true;
  };
  const newlineLength = (at: number) =>
    text[at] === '\n' ? 1 : text[at] === '\r' && text[at + 1] === '\n' ? 2 : 0;

  while (i < text.length) {
    if (atLineStart && comment !== undefined) {
      const rest = text.slice(i).match(/^[ \t]*/)![0];
      if (text.startsWith(comment, i + rest.length)) {
        while (i < text.length && newlineLength(i) === 0) i++;
        i += newlineLength(i);
        line++;
        continue;
      }
    }
    atLineStart = false;
    let c = text[i]!;
    if (atFieldStart && quote && (c === ' ' || c === '\t')) {
      // Blanks before an opening quote do not count, so `a, "b,c"` reads as two items.
      const blanks = text.slice(i).match(/^[ \t]*/)![0].length;
      if (text[i + blanks] === '"') {
        i += blanks;
        c = '"';
      }
    }
    if (atFieldStart && quote && c === '"') {
      const startLine = line;
      i++;
      let closed = false;
      while (i < text.length) {
        const d = text[i]!;
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (d === '\n') line++;
        field += d;
        i++;
      }
      if (!closed) throw new ListSyntaxError(`line ${startLine}: a quote is never closed`);
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',' && newlineLength(i) === 0) {
        throw new ListSyntaxError(`line ${line}: text after a closing quote`);
      }
      atFieldStart = false;
      continue;
    }
    const nl = newlineLength(i);
    if (nl > 0) {
      endRecord();
      i += nl;
      line++;
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (record.length > 0 || field !== '') endRecord();
  return records;
}
