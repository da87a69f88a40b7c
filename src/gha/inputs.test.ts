// Table tests for the input readers: the spellings users write and the errors they get.
import { describe, expect, it } from 'vitest';
import { isLighterError } from '../core/errors.js';
import { InputReader, inputVariable, type ListOptions, parseRecords } from './inputs.js';

function reader(name: string, value: string | undefined, secrets: string[] = []): InputReader {
  const env: Record<string, string> = {};
  if (value !== undefined) env[inputVariable(name)] = value;
  return new InputReader(env, { secret: (v) => secrets.push(v) });
}

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (isLighterError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an error');
}

describe('inputVariable', () => {
  it.each([
    ['push', 'INPUT_PUSH'],
    ['build-args', 'INPUT_BUILD-ARGS'],
    ['my input', 'INPUT_MY_INPUT'],
  ])('%s -> %s', (name, variable) => {
    expect(inputVariable(name)).toBe(variable);
  });
});

describe('getBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['  true\n', true],
  ])('%j -> %s', (value, expected) => {
    expect(reader('push', value).getBoolean('push')).toBe(expected);
  });

  it.each([
    [undefined, false, false],
    ['', true, true],
    ['   ', true, true],
  ])('unset %j uses the default %s', (value, defaultValue, expected) => {
    expect(reader('push', value).getBoolean('push', defaultValue)).toBe(expected);
  });

  it.each(['yes please', 'yes', 'on', '1', 'tRuE'])('rejects %j naming the input', (value) => {
    expect(errorOf(() => reader('push', value).getBoolean('push'))).toEqual({
      code: 'ERR_INPUT',
      message: `input "push": expected true or false (YAML 1.2 core schema), got "${value}"`,
    });
  });
});

describe('getString', () => {
  it('trims, and falls back to the default when empty', () => {
    expect(reader('file', '  Dockerfile \n').getString('file')).toBe('Dockerfile');
    expect(reader('file', '').getString('file', { default: 'x' })).toBe('x');
    expect(reader('file', undefined).getString('file')).toBe('');
  });

  it('names a missing required input', () => {
    expect(errorOf(() => reader('source', ' ').getString('source', { required: true }))).toEqual({
      code: 'ERR_INPUT',
      message: 'input "source": a value is required',
    });
  });

  it('registers a secret before returning it', () => {
    const secrets: string[] = [];
    expect(reader('password', 'hunter2', secrets).getSecret('password')).toBe('hunter2');
    expect(secrets).toEqual(['hunter2']);
    expect(reader('password', '', secrets).getSecret('password')).toBe('');
    expect(secrets).toEqual(['hunter2']);
  });
});

describe('getInteger', () => {
  it.each([
    ['3', 3],
    [' 10 ', 10],
    ['+4', 4],
    ['0', 0],
  ])('%j -> %d', (value, expected) => {
    expect(reader('retries', value).getInteger('retries', 1, { min: 0, max: 10 })).toBe(expected);
  });

  it('uses the default when unset, which may be undefined', () => {
    expect(reader('retries', '').getInteger('retries', 3)).toBe(3);
    expect(reader('retries', '').getInteger('retries', undefined)).toBeUndefined();
  });

  it.each([
    ['x', { min: 0, max: 10 }, 'expected an integer from 0 to 10, got "x"'],
    ['11', { min: 0, max: 10 }, 'expected an integer from 0 to 10, got "11"'],
    ['1.5', { min: 0 }, 'expected an integer of at least 0, got "1.5"'],
    ['-1', { min: 0 }, 'expected an integer of at least 0, got "-1"'],
    ['1e3', { max: 5 }, 'expected an integer of at most 5, got "1e3"'],
    ['99999999999999999999', {}, 'expected an integer, got "99999999999999999999"'],
  ])('rejects %j', (value, range, message) => {
    expect(errorOf(() => reader('retries', value).getInteger('retries', 3, range))).toEqual({
      code: 'ERR_INPUT',
      message: `input "retries": ${message}`,
    });
  });
});

describe('getChoice', () => {
  const formats = ['oci', 'v2s2'] as const;
  it('returns the choice or the default', () => {
    expect(reader('format', 'v2s2').getChoice('format', formats)).toBe('v2s2');
    expect(reader('format', '').getChoice('format', formats)).toBeUndefined();
    expect(reader('format', '').getChoice('format', formats, 'oci')).toBe('oci');
  });

  it('lists the choices in the error', () => {
    expect(errorOf(() => reader('format', 'OCI').getChoice('format', formats))).toEqual({
      code: 'ERR_INPUT',
      message: 'input "format": expected one of oci, v2s2, got "OCI"',
    });
  });
});

describe('getList', () => {
  it.each<[string, string, ListOptions, string[]]>([
    ['empty', '', {}, []],
    ['blank lines', '\n  \n', {}, []],
    ['newlines', 'a\nb\n\nc\n', {}, ['a', 'b', 'c']],
    ['CRLF', 'a\r\nb\r\n', {}, ['a', 'b']],
    ['commas', 'a,b , c', {}, ['a', 'b', 'c']],
    ['both', 'a,b\nc', {}, ['a', 'b', 'c']],
    ['empty items dropped', 'a,,b,\n,', {}, ['a', 'b']],
    ['blank items dropped', 'a, ,b', {}, ['a', 'b']],
    ['quoted commas kept', '"a,b",c', {}, ['a,b', 'c']],
    ['blank before a quote', 'a, "b,c"', {}, ['a', 'b,c']],
    ['escaped quote', '"say ""hi""",x', {}, ['say "hi"', 'x']],
    ['quote inside a field is literal', 'a"b,c', {}, ['a"b', 'c']],
    [
      'quoted item spans lines',
      '"K=line1\nline2"\nB=2',
      { ignoreComma: true },
      ['K=line1\nline2', 'B=2'],
    ],
    ['ignoreComma', 'A=1,2\nB=3', { ignoreComma: true }, ['A=1,2', 'B=3']],
    ['ignoreComma with quotes', '"A=1,2"', { ignoreComma: true }, ['A=1,2']],
    [
      'quote off',
      'type=local,dest="x"',
      { ignoreComma: true, quote: false },
      ['type=local,dest="x"'],
    ],
    ['comments opt-in', '# c\na\n  # d\nb#e', { comment: '#' }, ['a', 'b#e']],
    ['no comments by default', '#a', {}, ['#a']],
    [
      'docker/metadata-action tags',
      'ghcr.io/o/r:1.2.3\nghcr.io/o/r:1.2\nghcr.io/o/r:latest\n',
      {},
      ['ghcr.io/o/r:1.2.3', 'ghcr.io/o/r:1.2', 'ghcr.io/o/r:latest'],
    ],
  ])('%s', (_label, value, options, expected) => {
    expect(reader('tags', value).getList('tags', options)).toEqual(expected);
  });

  it.each([
    ['"a,b', 'input "tags": line 1: a quote is never closed'],
    ['x\n"a"b', 'input "tags": line 2: text after a closing quote'],
  ])('rejects %j with the line', (value, message) => {
    expect(errorOf(() => reader('tags', value).getList('tags'))).toEqual({
      code: 'ERR_INPUT',
      message,
    });
  });

  it('parseRecords keeps fields per line', () => {
    expect(parseRecords('a,b\n\nc')).toEqual([['a', 'b'], ['c']]);
  });
});

describe('getKeyValues', () => {
  it('reads KEY=VALUE items, commas and = in values kept, later keys winning', () => {
    const kv = reader('build-args', 'A=1\nB=x=y,z\nA=2\nC=\n').getKeyValues('build-args');
    expect([...kv]).toEqual([
      ['A', '2'],
      ['B', 'x=y,z'],
      ['C', ''],
    ]);
  });

  it.each([
    ['NOEQUALS', 'input "build-args": item 1: expected KEY=VALUE, got "NOEQUALS"'],
    ['A=1\n=2', 'input "build-args": item 2: expected KEY=VALUE, got "=2"'],
    ['MY KEY=1', 'input "build-args": item 1: expected KEY=VALUE, got "MY KEY=1"'],
  ])('rejects %j', (value, message) => {
    expect(errorOf(() => reader('build-args', value).getKeyValues('build-args'))).toEqual({
      code: 'ERR_INPUT',
      message,
    });
  });

  it('registers secret values and never echoes one in an error', () => {
    const secrets: string[] = [];
    const kv = reader('secrets', 'TOKEN=abc123\n"KEY=l1\nl2"', secrets).getKeyValues('secrets', {
      secret: true,
    });
    expect(kv.get('KEY')).toBe('l1\nl2');
    expect(secrets).toEqual(['abc123', 'l1\nl2']);
    const err = errorOf(() =>
      reader('secrets', 'hunter2-no-key').getKeyValues('secrets', { secret: true }),
    );
    expect(err.message).toBe('input "secrets": item 1: expected KEY=VALUE');
  });
});
