// Flag parsing: skopeo spellings, short clusters, stop-at-command, and errors that name the flag.
import { describe, expect, it } from 'vitest';
import { Args, parseFlags } from './args.js';
import type { Flags } from './flags.js';
import { UsageError } from './usage-error.js';

const flags = {
  all: { type: 'boolean', short: 'a', description: '' },
  quiet: { type: 'boolean', short: 'q', description: '' },
  'tls-verify': { type: 'boolean', description: '' },
  'no-cache': { type: 'boolean', description: '' },
  format: { type: 'string', short: 'f', description: '' },
  env: { type: 'string', short: 'e', multiple: true, description: '' },
  'retry-times': { type: 'string', description: '' },
} as const satisfies Flags;

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('expected a usage error');
}

describe('parseFlags', () => {
  it.each<[string[], Record<string, unknown>, string[]]>([
    [['a', 'b'], {}, ['a', 'b']],
    [['--all', 'a'], { all: true }, ['a']],
    [['--tls-verify=false', 'a'], { 'tls-verify': false }, ['a']],
    [['--tls-verify=true'], { 'tls-verify': true }, []],
    [['--tls-verify=0'], { 'tls-verify': false }, []],
    [['--no-tls-verify'], { 'tls-verify': false }, []],
    [['--tls-verify=false', '--tls-verify'], { 'tls-verify': true }, []],
    [['--no-cache'], { 'no-cache': true }, []],
    [['--no-cache=false'], { 'no-cache': false }, []],
    [['--format', 'oci', 'x'], { format: 'oci' }, ['x']],
    [['--format=v2s2'], { format: 'v2s2' }, []],
    [['-f', 'oci'], { format: 'oci' }, []],
    [['-foci'], { format: 'oci' }, []],
    [['-aq'], { all: true, quiet: true }, []],
    [['-aqf', 'oci'], { all: true, quiet: true, format: 'oci' }, []],
    [['-e', 'A=1', '--env', 'B=2', '-eC=3'], { env: ['A=1', 'B=2', 'C=3'] }, []],
    [['--', '--all', '-x'], {}, ['--all', '-x']],
    [['-'], {}, ['-']],
  ])('%j', (argv, values, positionals) => {
    const parsed = parseFlags(argv, flags);
    expect(parsed.values).toEqual(values);
    expect(parsed.positionals).toEqual(positionals);
  });

  it('stops reading flags after the command positionals', () => {
    const parsed = parseFlags(['-a', 'busybox', 'sh', '-c', 'echo --all'], flags, { stopAfter: 1 });
    expect(parsed.values).toEqual({ all: true });
    expect(parsed.positionals).toEqual(['busybox']);
    expect(parsed.rest).toEqual(['sh', '-c', 'echo --all']);
  });

  it.each([
    [['--formt', 'x'], 'unknown flag "--formt" (did you mean "--format"?)'],
    [['--bogus'], 'unknown flag "--bogus"'],
    [['-x'], 'unknown flag "-x"'],
    [['-ax'], 'unknown flag "-x"'],
    [['--tls-verify=nope'], 'flag --tls-verify takes true or false, got "nope"'],
    [['--format'], 'flag --format needs a value'],
    [['-f'], 'flag -f (--format) needs a value'],
    [['--no-format'], 'unknown flag "--no-format" (did you mean "--format"?)'],
    [['--no-all=false'], 'flag --no-all takes no value'],
  ])('%j is a usage error', (argv, message) => {
    expect(usageMessage(() => parseFlags(argv, flags, { command: 'copy' }))).toBe(message);
  });

  it('passes on parseArgs errors as usage errors', () => {
    expect(usageMessage(() => parseFlags(['--format', '-a'], flags))).toMatch(/ambiguous/);
  });
});

describe('Args', () => {
  const args = (values: Record<string, string | boolean | string[]>) =>
    new Args('copy', values, []);

  it('reads typed values', () => {
    const a = args({ format: 'oci', env: ['A=1', 'B=2,C=3'], all: true, 'retry-times': '5' });
    expect(a.string('format')).toBe('oci');
    expect(a.list('env')).toEqual(['A=1', 'B=2,C=3']);
    expect(a.list('env', { splitCommas: true })).toEqual(['A=1', 'B=2', 'C=3']);
    expect(a.boolean('all')).toBe(true);
    expect(a.boolean('quiet')).toBe(false);
    expect(a.boolean('tls-verify', true)).toBe(true);
    expect(a.integer('retry-times', 3, { min: 0 })).toBe(5);
    expect(a.integer('missing', 3)).toBe(3);
    expect(a.choice('format', ['oci', 'v2s2'])).toBe('oci');
    expect(a.has('format')).toBe(true);
    expect(a.has('missing')).toBe(false);
  });

  it.each([
    [
      () => args({ 'retry-times': 'x' }).integer('retry-times', 3, { min: 0, max: 10 }),
      'flag --retry-times: expected an integer from 0 to 10, got "x"',
    ],
    [
      () => args({ 'retry-times': '-1' }).integer('retry-times', 3, { min: 0 }),
      'flag --retry-times: expected an integer of at least 0, got "-1"',
    ],
    [
      () => args({ format: 'v2s1' }).choice('format', ['oci', 'v2s2']),
      'flag --format: expected one of oci, v2s2, got "v2s1"',
    ],
  ])('%#: errors name the flag', (fn, message) => {
    expect(usageMessage(fn)).toBe(message);
  });
});
