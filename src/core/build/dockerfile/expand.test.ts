// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile words are written with ${VAR} on purpose.
// Tables of word expansion cases: each modifier, quoting and escaping, word splitting and errors.
import { describe, expect, it } from 'vitest';
import { isLighterError } from '../../errors.js';
import { expandWord, expandWords } from './expand.js';

const env = new Map([
  ['a', 'hello'],
  ['e', ''],
  ['sp', 'x y'],
  ['str', 'foobarbaz'],
  ['path', '/usr/local/bin/app'],
  ['file', 'archive.tar.gz'],
  ['star', 'a*b'],
]);

// [word, expected value]. Cases marked (buildah) were checked against `buildah build` (LABEL on
// FROM scratch), the others against Docker's reference and BuildKit's lexer rules.
const VALUES: [string, string][] = [
  // plain references (buildah)
  ['$a', 'hello'],
  ['${a}', 'hello'],
  ['${a}_x', 'hello_x'],
  ['$a_x', ''],
  ['$a$a', 'hellohello'],
  ['$un', ''],
  ['${un}', ''],
  ['$', '$'],
  ['"$"', '$'],
  ['$1', ''],
  ['$12x', 'x'],
  ['$$', ''],
  ['$@', ''],
  ['a$', 'a$'],
  ['$/x', '$/x'],
  ['$-', ''],
  // :- and - (buildah for the colon forms)
  ['${a:-def}', 'hello'],
  ['${un:-def}', 'def'],
  ['${e:-def}', 'def'],
  ['${a-def}', 'hello'],
  ['${un-def}', 'def'],
  ['${e-def}', ''],
  ['${un:-$a}', 'hello'],
  ['${un:-${un2:-deep}}', 'deep'],
  ['${un:-}', ''],
  ['${un-}', ''],
  ['${a:-"q u"}', 'hello'],
  ['${un:-"q u"}', 'q u'],
  ['"${un:-\'x\'}"', 'x'],
  ['${un:-a b}', 'a b'],
  // :+ and +
  ['${a:+alt}', 'alt'],
  ['${un:+alt}', ''],
  ['${e:+alt}', ''],
  ['${a+alt}', 'alt'],
  ['${un+alt}', ''],
  ['${e+alt}', 'alt'],
  ['${a:+$a-$a}', 'hello-hello'],
  // :? and ? when set
  ['${a:?msg}', 'hello'],
  ['${a?msg}', 'hello'],
  ['${e?msg}', ''],
  // # ## % %% (Docker's reference examples)
  ['${str#f*b}', 'arbaz'],
  ['${str##f*b}', 'az'],
  ['${str%b*}', 'foobar'],
  ['${str%%b*}', 'foo'],
  ['${path##*/}', 'app'],
  ['${path%/*}', '/usr/local/bin'],
  ['${file%.*}', 'archive.tar'],
  ['${file%%.*}', 'archive'],
  ['${file#*.}', 'tar.gz'],
  ['${str#x}', 'foobarbaz'],
  ['${str#}', 'foobarbaz'],
  ['${str#fo?}', 'barbaz'],
  ['${star#a\\*}', 'b'],
  ['${star%\\*b}', 'a'],
  ['${un#x}', ''],
  ['${str#$a}', 'foobarbaz'],
  ['${str%"baz"}', 'foobar'],
  // / and // (Docker's reference examples)
  ['${str/ba/fo}', 'fooforbaz'],
  ['${str//ba/fo}', 'fooforfoz'],
  ['${str/x/y}', 'foobarbaz'],
  ['${str/b*a/_}', 'foo_z'],
  ['${str/o/}', 'fobarbaz'],
  ['${path//\\//:}', ':usr:local:bin:app'],
  ['${a/l/$a}', 'hehellolo'],
  // quotes (buildah)
  ["'$a'", '$a'],
  ['"$a"', 'hello'],
  ['"${sp}"', 'x y'],
  ['$sp', 'x y'],
  ['x"y"z', 'xyz'],
  ["'\"'", '"'],
  ['"\'"', "'"],
  ['"a\'b\'$a"', "a'b'hello"],
  ['""', ''],
  ["''", ''],
  ["'${a}'", '${a}'],
  ['"a"\'b\'c', 'abc'],
  // escapes (buildah)
  ['\\$a', '$a'],
  ['\\${a}', '${a}'],
  ['"\\${a}"', '${a}'],
  ['a\\ b', 'a b'],
  ['"a\\"b"', 'a"b'],
  ["'a\\b'", 'a\\b'],
  ['"a\\b"', 'a\\b'],
  ['a\\\\b', 'a\\b'],
  ['"a\\\\b"', 'a\\b'],
  ['\\"', '"'],
  ["\\'", "'"],
  ['\\a', 'a'],
  ['a\\', 'a'],
  ['"\\$"', '$'],
];

describe('expandWord', () => {
  it.each(VALUES)('%s → %j', (word, expected) => {
    expect(expandWord(word, env).value).toBe(expected);
  });

  it('uses the escape directive: with a backtick, a backslash is an ordinary character', () => {
    const opts = { escapeToken: '`' as const };
    expect(expandWord('`$a', env, opts).value).toBe('$a');
    expect(expandWord('c:\\dir\\$a', env, opts).value).toBe('c:\\dir\\hello');
    expect(expandWord('"`"x"', env, opts).value).toBe('"x');
    expect(expandWord('a` b', env, opts).value).toBe('a b');
  });

  it('reports which variables were used and which were unset', () => {
    const result = expandWord('$a ${un:-x} ${e} $missing', env);
    expect([...result.used].sort()).toEqual(['a', 'e']);
    expect([...result.unset].sort()).toEqual(['missing', 'un']);
    expect([...result.undefinedReferences]).toEqual(['missing']);
  });

  it('leaves unset references as written with skipUnset', () => {
    const opts = { skipUnset: true };
    expect(expandWord('$un ${un} ${un:-x} $a', env, opts).value).toBe('$un ${un} ${un:-x} hello');
  });

  it('keeps quotes and escapes when asked (heredoc delimiter detection)', () => {
    expect(expandWord('"EOF"', env, { rawQuotes: true }).value).toBe('"EOF"');
    expect(expandWord("'E'OF", env, { rawQuotes: true }).value).toBe("'E'OF");
    expect(expandWord('a\\ b', env, { rawEscapes: true }).value).toBe('a\\ b');
  });

  it('treats quotes as text with skipQuotes (COPY heredoc bodies)', () => {
    const body = 'echo "$a" \'$a\'\n';
    expect(expandWord(body, env, { skipQuotes: true }).value).toBe('echo "hello" \'hello\'\n');
  });
});

describe('expandWords (word splitting)', () => {
  const cases: [string, string[]][] = [
    ['a b  c', ['a', 'b', 'c']],
    ['$sp', ['x', 'y']],
    ['"$sp"', ['x y']],
    ["'$sp'", ['$sp']],
    ['a\\ b', ['a b']],
    ['x$sp', ['xx', 'y']],
    ['"" a', ['a']],
    ['$e', []],
    ['"$e"', []],
    ['80/tcp $a', ['80/tcp', 'hello']],
    ['  lead trail  ', ['lead', 'trail']],
  ];
  it.each(cases)('%j → %j', (word, expected) => {
    expect(expandWords(word, env)).toEqual(expected);
  });
});

describe('expansion errors', () => {
  const errors: [string, RegExp][] = [
    ['${un:?}', /^un: is not allowed to be unset$/],
    ['${un?}', /^un: is not allowed to be unset$/],
    ['${e:?}', /^e: is not allowed to be empty$/],
    ['${un:?set it with --build-arg}', /^un: set it with --build-arg$/],
    ['${e:?must not be empty}', /^e: must not be empty$/],
    ['${un?$a is missing}', /^un: hello is missing$/],
    ['${a', /missing '}'/],
    ['${', /missing '}'/],
    ['${}', /bad substitution/],
    ['${:-x}', /bad substitution/],
    ['${{a}}', /bad substitution/],
    ['${a:x}', /unsupported modifier \(:x\)/],
    ['${a!x}', /unsupported modifier \(!\)/],
    ['${a/x}', /missing '\/'/],
    ['${a:-x', /missing '}'/],
    ['"abc', /matching double-quote/],
    ["'abc", /matching single-quote/],
    ['${a#\\x}', /invalid escape/],
  ];
  it.each(errors)('%s fails with %s', (word, message) => {
    let error: unknown;
    try {
      expandWord(word, env);
    } catch (err) {
      error = err;
    }
    expect(isLighterError(error, 'ERR_DOCKERFILE')).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('names the variable of a failed :? in the details', () => {
    try {
      expandWord('${TOKEN:?}', env);
      expect.unreachable();
    } catch (err) {
      expect((err as { details?: Record<string, unknown> }).details?.variable).toBe('TOKEN');
    }
  });

  it('evaluates the word of a modifier eagerly, as BuildKit: a :? in an unused branch still fails', () => {
    expect(() => expandWord('${a:-${un:?x}}', env)).toThrow(/un: x/);
    expect(expandWord('${a:-${e:-ok}}', env).value).toBe('hello');
  });
});
