// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile words are written with ${VAR} on purpose.
// Tests for the parser: directives, continuations, forms, heredocs, flags, every instruction and its errors.
import { describe, expect, it } from 'vitest';
import { isLighterError, type LighterError } from '../../errors.js';
import { parseDockerfile } from './parse.js';
import type { Instruction } from './types.js';

function parse(text: string) {
  return parseDockerfile(text, { file: 'Dockerfile' });
}

function only<K extends Instruction['kind']>(
  text: string,
  kind: K,
): Extract<Instruction, { kind: K }> {
  const found = parse(text).instructions.filter((i) => i.kind === kind);
  expect(found).toHaveLength(1);
  return found[0] as Extract<Instruction, { kind: K }>;
}

function parseError(text: string): LighterError {
  try {
    parse(text);
  } catch (err) {
    expect(isLighterError(err, 'ERR_DOCKERFILE')).toBe(true);
    return err as LighterError;
  }
  throw new Error('expected a parse error');
}

describe('parser directives', () => {
  it('reads syntax, escape and check at the top', () => {
    const df = parse(
      '# syntax=docker/dockerfile:1.7\n# escape=`\n# check=skip=JSONArgsRecommended,StageNameCasing;error=true\nFROM scratch\n',
    );
    expect(df.syntax).toBe('docker/dockerfile:1.7');
    expect(df.escapeToken).toBe('`');
    expect(df.check).toEqual({ skip: ['JSONArgsRecommended', 'StageNameCasing'], error: true });
    expect(df.directives.map((d) => [d.name, d.line])).toEqual([
      ['syntax', 1],
      ['escape', 2],
      ['check', 3],
    ]);
  });

  it.each([
    ['#escape=`'],
    ['# escape =`'],
    ['#\tescape= `'],
    ['# escape = ` '],
    ['#\t  EsCaPe=`'],
    ['   # escape=`'],
  ])('accepts the spacing and case of %j', (line) => {
    expect(parse(`${line}\nFROM scratch\n`).escapeToken).toBe('`');
  });

  it('stops looking for directives after a comment, a blank line or an instruction', () => {
    expect(parse('# a comment\n# escape=`\nFROM scratch\n').escapeToken).toBe('\\');
    expect(parse('\n# escape=`\nFROM scratch\n').escapeToken).toBe('\\');
    expect(parse('FROM scratch\n# escape=`\n').escapeToken).toBe('\\');
    expect(parse('# unknowndirective=value\n# escape=`\nFROM scratch\n').escapeToken).toBe('\\');
  });

  it('skips all checks with check=skip=all', () => {
    expect(parse('# check=skip=all\nFROM scratch\n').check).toEqual({ skip: 'all', error: false });
  });

  it('refuses a repeated directive and a bad escape character, at their line', () => {
    expect(parseError('# escape=\\\n# escape=`\nFROM scratch\n').message).toBe(
      'Dockerfile:2: only one escape parser directive can be used',
    );
    expect(parseError('# escape=x\nFROM scratch\n').message).toMatch(
      /^Dockerfile:1: invalid escape token 'x'/,
    );
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(parse('\uFEFF# escape=`\nFROM scratch\n').escapeToken).toBe('`');
  });
});

describe('comments and line continuations', () => {
  it('drops comment lines, also indented ones, and keeps # inside arguments', () => {
    const df = parse('# c\n   # indented\nFROM scratch\nRUN echo hi # not a comment\n');
    expect(df.instructions).toHaveLength(2);
    expect(df.instructions[1]).toMatchObject({ command: ['echo hi # not a comment'] });
  });

  it('joins continuation lines, keeping their leading whitespace', () => {
    const run = only('FROM scratch\nRUN echo a \\\n    b \\\n  c\n', 'RUN');
    expect(run.command).toEqual(['echo a     b   c']);
    expect(run.location).toEqual({ startLine: 2, endLine: 4 });
  });

  it('drops comment lines inside a continuation', () => {
    const run = only(
      'FROM scratch\nRUN echo hello \\\n# comment\n  # indented comment\nworld\n',
      'RUN',
    );
    expect(run.command).toEqual(['echo hello world']);
    expect(run.location).toEqual({ startLine: 2, endLine: 5 });
  });

  it('skips empty continuation lines with a NoEmptyContinuation warning', () => {
    const df = parse('FROM scratch\nRUN a \\\n\n   \nb\n');
    expect(df.instructions[1]).toMatchObject({ command: ['a b'] });
    expect(df.warnings).toEqual([
      expect.objectContaining({ rule: 'NoEmptyContinuation', line: 5 }),
    ]);
  });

  it('allows spaces and tabs after the escape at the end of a line', () => {
    expect(only('FROM scratch\nRUN a \\ \t\nb\n', 'RUN').command).toEqual(['a b']);
  });

  it('does not continue after an escaped escape (\\\\ at the end)', () => {
    const df = parse('FROM scratch\nRUN echo a\\\\\nRUN echo b\n');
    expect(df.instructions.filter((i) => i.kind === 'RUN')).toHaveLength(2);
  });

  it('continues with a lone escape line', () => {
    expect(only('FROM scratch\nRUN a \\\n\\\nb\n', 'RUN').command).toEqual(['a b']);
  });

  it('uses the backtick for continuations under # escape=`, and keeps backslashes', () => {
    const df = parse('# escape=`\nFROM scratch\nRUN dir c:\\ `\n  /s\nCOPY a c:\\\n');
    expect(df.instructions[1]).toMatchObject({ kind: 'RUN', command: ['dir c:\\   /s'] });
    expect(df.instructions[2]).toMatchObject({ kind: 'COPY', dest: 'c:\\' });
  });

  it('treats a backslash as a continuation when the escape is the default (the Windows pitfall)', () => {
    const df = parse('FROM scratch\nCOPY testfile.txt c:\\\nRUN dir c:\\\n');
    expect(df.instructions).toHaveLength(2);
    expect(df.instructions[1]).toMatchObject({
      kind: 'COPY',
      sources: ['testfile.txt', 'c:RUN', 'dir'],
      dest: 'c:',
    });
    // An escaped backslash at the end is not a continuation (BuildKit's newer rule).
    const escaped = parse('FROM scratch\nCOPY testfile.txt c:\\\\\nRUN dir c:\\\n');
    expect(escaped.instructions.map((i) => i.kind)).toEqual(['FROM', 'COPY', 'RUN']);
  });

  it('ends the instruction at end of file inside a continuation', () => {
    expect(only('FROM scratch\nRUN a \\', 'RUN').command).toEqual(['a']);
  });

  it('reads CRLF files', () => {
    const df = parse('FROM scratch\r\nRUN a \\\r\n  b\r\nENV x=1\r\n');
    expect(df.instructions[1]).toMatchObject({ command: ['a   b'] });
    expect(df.instructions[2]).toMatchObject({ pairs: [{ key: 'x', value: '1' }] });
  });

  it('ignores leading whitespace before instructions and accepts any case', () => {
    const df = parse('   from scratch\n\tRuN echo hi\ncOpY a b\n');
    expect(df.instructions.map((i) => i.kind)).toEqual(['FROM', 'RUN', 'COPY']);
  });
});

describe('exec and shell forms', () => {
  it('reads a JSON array as exec form', () => {
    expect(only('FROM scratch\nCMD ["a", "b c"]\n', 'CMD')).toMatchObject({
      command: ['a', 'b c'],
      prependShell: false,
    });
  });

  it.each([
    ['RUN [oops'],
    ["RUN ['single', 'quotes']"],
    ['RUN ["a"] trailing'],
    ['RUN ["c:\\windows"]'],
    ['RUN [ "unterminated"'],
  ])('falls back to shell form when %j is not valid JSON', (line) => {
    const run = only(`FROM scratch\n${line}\n`, 'RUN');
    expect(run.prependShell).toBe(true);
    expect(run.command).toEqual([line.slice(4)]);
  });

  it('refuses a JSON array with non-strings, as Docker does', () => {
    expect(parseError('FROM scratch\nCMD ["a", 1]\n').message).toBe(
      'Dockerfile:2: when using JSON array syntax, arrays must be comprised of strings only',
    );
  });

  it('takes COPY and VOLUME arguments as JSON or whitespace-separated words', () => {
    expect(only('FROM scratch\nCOPY ["a b", "c"]\n', 'COPY')).toMatchObject({
      sources: ['a b'],
      dest: 'c',
      json: true,
    });
    expect(only('FROM scratch\nVOLUME /a  /b\n', 'VOLUME').volumes).toEqual(['/a', '/b']);
    expect(only('FROM scratch\nVOLUME ["/a b"]\n', 'VOLUME').volumes).toEqual(['/a b']);
  });
});

describe('heredocs', () => {
  it('reads RUN <<EOF with the body and its line endings', () => {
    const run = only('FROM scratch\nRUN <<EOF\necho a\n  echo b\nEOF\nENV x=1\n', 'RUN');
    expect(run.command).toEqual(['<<EOF']);
    expect(run.heredocs).toEqual([
      { name: 'EOF', content: 'echo a\n  echo b\n', expand: true, chomp: false, fd: 0 },
    ]);
    expect(run.location).toEqual({ startLine: 2, endLine: 5 });
  });

  it('does not treat heredoc bodies as comments, continuations or directives', () => {
    const run = only('FROM scratch\nRUN <<EOF\n# not a comment \\\nFROM x\nEOF\n', 'RUN');
    expect(run.heredocs[0]!.content).toBe('# not a comment \\\nFROM x\n');
  });

  it('<<- strips leading tabs from the terminator (the body keeps them until used)', () => {
    const run = only('FROM scratch\nRUN <<-EOF\n\techo a\n\t\tEOF\n', 'RUN');
    expect(run.heredocs[0]).toMatchObject({ chomp: true, content: '\techo a\n' });
  });

  it.each([
    ['<<"EOF"', false],
    ["<<'EOF'", false],
    ['<<E"O"F', false],
    ['<<EOF', true],
    ['<<-"EOF"', false],
  ])('%s expands its body: %s', (opener, expand) => {
    const run = only(`FROM scratch\nRUN ${opener}\nbody $x\nEOF\n`, 'RUN');
    expect(run.heredocs[0]).toMatchObject({ name: 'EOF', expand });
  });

  it('reads several heredocs on one line, in order', () => {
    const run = only('FROM scratch\nRUN <<A cat - /dev/fd/3 3<<B\na\nA\nb\nB\n', 'RUN');
    expect(run.heredocs.map((h) => [h.name, h.content, h.fd])).toEqual([
      ['A', 'a\n', 0],
      ['B', 'b\n', 3],
    ]);
  });

  it('makes COPY <<EOF /file an inline source, <<- tabs stripped', () => {
    const copy = only('FROM scratch\nCOPY <<-EOF /etc/motd\n\thello $USER\n\tEOF\n', 'COPY');
    expect(copy.sources).toEqual([]);
    expect(copy.inlineSources).toEqual([{ name: 'EOF', content: 'hello $USER\n', expand: true }]);
    expect(copy.dest).toBe('/etc/motd');
  });

  it('mixes heredoc and path sources in COPY', () => {
    const copy = only('FROM scratch\nCOPY a.txt <<X <<Y /dir/\nx\nX\ny\nY\n', 'COPY');
    expect(copy.sources).toEqual(['a.txt']);
    expect(copy.inlineSources.map((s) => [s.name, s.content])).toEqual([
      ['X', 'x\n'],
      ['Y', 'y\n'],
    ]);
  });

  it('does not see heredocs in JSON form or in quotes', () => {
    expect(only('FROM scratch\nRUN ["cat", "<<EOF"]\n', 'RUN').heredocs).toEqual([]);
    expect(only("FROM scratch\nRUN echo '<<EOF'\n", 'RUN').heredocs).toEqual([]);
    expect(only('FROM scratch\nRUN echo a<<b\n', 'RUN').heredocs).toEqual([]);
  });

  it('reads heredocs of ONBUILD RUN into the trigger expression', () => {
    const onbuild = only('FROM scratch\nONBUILD RUN <<EOF\necho hi\nEOF\n', 'ONBUILD');
    expect(onbuild.expression).toBe('RUN <<EOF\necho hi\nEOF');
    expect(onbuild.trigger).toMatchObject({ kind: 'RUN', heredocs: [{ name: 'EOF' }] });
  });

  it('refuses a heredoc without terminator, pointing at the instruction', () => {
    const err = parseError('FROM scratch\nRUN <<EOF\necho a\n');
    expect(err.message).toMatch(/^Dockerfile:2: unterminated heredoc/);
    expect(err.details).toMatchObject({ file: 'Dockerfile', line: 2, endLine: 3 });
  });

  it('refuses a heredoc delimiter that does not lex, at its line', () => {
    expect(parseError('FROM scratch\nCOPY <<"EOF /x\n').message).toMatch(
      /^Dockerfile:2: invalid heredoc delimiter "\\"EOF": failed to process/,
    );
  });

  it('refuses a heredoc as COPY destination', () => {
    expect(parseError('FROM scratch\nCOPY a <<EOF\nx\nEOF\n').message).toBe(
      'Dockerfile:2: COPY cannot accept a heredoc as a destination',
    );
  });
});

describe('flags', () => {
  it('reads every COPY flag', () => {
    const copy = only(
      'FROM scratch\nCOPY --from=build --chown=1:2 --chmod=0755 --link --parents --exclude=*.md --exclude="a b" src /dst/\n',
      'COPY',
    );
    expect(copy).toMatchObject({
      from: 'build',
      chown: '1:2',
      chmod: '0755',
      link: true,
      parents: true,
      exclude: ['*.md', 'a b'],
      sources: ['src'],
      dest: '/dst/',
    });
  });

  it('reads every ADD flag', () => {
    const add = only(
      'FROM scratch\nADD --chown=app --chmod=644 --link=false --keep-git-dir --checksum=sha256:abc --exclude=x --unpack=true https://e.x/a.tgz /d/\n',
      'ADD',
    );
    expect(add).toMatchObject({
      chown: 'app',
      chmod: '644',
      link: false,
      keepGitDir: true,
      checksum: 'sha256:abc',
      exclude: ['x'],
      unpack: true,
    });
  });

  it('reads RUN --mount (repeatable), --network and --security', () => {
    const run = only(
      'FROM scratch\nRUN --mount=type=cache,target=/c --mount=type=secret,id=t --network=none --security=insecure make\n',
      'RUN',
    );
    expect(run).toMatchObject({
      mounts: ['type=cache,target=/c', 'type=secret,id=t'],
      network: 'none',
      security: 'insecure',
      command: ['make'],
    });
  });

  it('reads FROM --platform', () => {
    expect(only('FROM --platform=$BUILDPLATFORM alpine AS b\n', 'FROM')).toMatchObject({
      platform: '$BUILDPLATFORM',
      image: 'alpine',
      stageName: 'b',
    });
  });

  it('ends flags at --', () => {
    expect(only('FROM scratch\nCOPY --link -- --weird /d\n', 'COPY')).toMatchObject({
      link: true,
      sources: ['--weird'],
    });
  });

  it.each([
    ['COPY --frm=x a b', /^Dockerfile:2: unknown flag for COPY: --frm \(did you mean --from\?\)$/],
    ['ADD --from=x a b', /^Dockerfile:2: unknown flag for ADD: --from/],
    ['ENV --x=1 a=b', /unknown flag for ENV: --x \(ENV takes no flags\)/],
    ['COPY --from a b', /missing a value on flag: --from/],
    ['COPY --link= a b', /missing a value on flag: --link/],
    ['COPY --link=yes a b', /expecting boolean value for flag --link, not: yes/],
    ['COPY --from=a --from=b a b', /duplicate flag specified: --from/],
    ['RUN --network=bridge x', /unsupported network mode "bridge"/],
    ['RUN --security=root x', /unsupported security mode "root"/],
    ['RUN --mount=type=bind,from=$X,target=/x x', /'from' doesn't support variable expansion/],
    ['COPY --from=$STAGE a b', /COPY --from doesn't support variable expansion/],
    ['HEALTHCHECK --interval=x CMD true', /invalid --interval: time: invalid duration "x"/],
    ['HEALTHCHECK --timeout=1us CMD true', /Interval "timeout" cannot be less than 1ms/],
    ['HEALTHCHECK --retries=-1 CMD true', /--retries cannot be negative \(-1\)/],
    ['HEALTHCHECK --interval=1s NONE', /HEALTHCHECK NONE takes no flags/],
    // Docker reads a leading --word as a flag whatever the instruction.
    ['CMD --help', /unknown flag for CMD: --help \(CMD takes no flags\)/],
  ])('%s fails: %s', (line, message) => {
    expect(parseError(`FROM scratch\n${line}\n`).message).toMatch(message);
  });
});

describe('every instruction', () => {
  it('types a Dockerfile using all of them', () => {
    const df = parse(
      [
        'ARG BASE=scratch',
        'FROM ${BASE} AS Base',
        'ARG A B=2 C="x y"',
        'ENV K=V K2="a b"',
        'ENV LEGACY some value',
        'LABEL "com.example"="v" other=x',
        'MAINTAINER someone <a@b>',
        'EXPOSE 80 53/udp',
        'ADD a.tar /x/',
        'COPY a b',
        'ENTRYPOINT ["/bin/app"]',
        'CMD echo hello',
        'VOLUME /data',
        'USER app:app',
        'WORKDIR /srv',
        'STOPSIGNAL SIGTERM',
        'HEALTHCHECK --interval=30s --timeout=5s --start-period=1m --start-interval=2s --retries=3 CMD curl -f localhost',
        'SHELL ["/bin/bash", "-c"]',
        'ONBUILD COPY . /app',
        'RUN make',
      ].join('\n'),
    );
    expect(df.instructions.map((i) => i.kind)).toEqual([
      'ARG',
      'FROM',
      'ARG',
      'ENV',
      'ENV',
      'LABEL',
      'MAINTAINER',
      'EXPOSE',
      'ADD',
      'COPY',
      'ENTRYPOINT',
      'CMD',
      'VOLUME',
      'USER',
      'WORKDIR',
      'STOPSIGNAL',
      'HEALTHCHECK',
      'SHELL',
      'ONBUILD',
      'RUN',
    ]);
    const [arg0, from, arg, env, legacy, label, maintainer, expose] = df.instructions;
    expect(arg0).toMatchObject({ args: [{ key: 'BASE', value: 'scratch' }] });
    expect(from).toMatchObject({ image: '${BASE}', stageName: 'base' });
    expect(arg).toMatchObject({
      args: [
        { key: 'A', value: undefined },
        { key: 'B', value: '2' },
        { key: 'C', value: '"x y"' },
      ],
    });
    expect(env).toMatchObject({
      pairs: [
        { key: 'K', value: 'V' },
        { key: 'K2', value: '"a b"' },
      ],
      legacy: false,
    });
    expect(legacy).toMatchObject({ pairs: [{ key: 'LEGACY', value: 'some value' }], legacy: true });
    expect(label).toMatchObject({
      pairs: [
        { key: '"com.example"', value: '"v"' },
        { key: 'other', value: 'x' },
      ],
    });
    expect(maintainer).toMatchObject({ maintainer: 'someone <a@b>' });
    expect(expose).toMatchObject({ ports: ['80', '53/udp'] });
    expect(df.instructions[10]).toMatchObject({ command: ['/bin/app'], prependShell: false });
    expect(df.instructions[11]).toMatchObject({ command: ['echo hello'], prependShell: true });
    expect(df.instructions[13]).toMatchObject({ user: 'app:app' });
    expect(df.instructions[16]).toMatchObject({
      healthcheck: {
        Test: ['CMD-SHELL', 'curl -f localhost'],
        Interval: 30e9,
        Timeout: 5e9,
        StartPeriod: 60e9,
        StartInterval: 2e9,
        Retries: 3,
      },
    });
    expect(df.instructions[17]).toMatchObject({ shell: ['/bin/bash', '-c'] });
    expect(df.instructions[18]).toMatchObject({
      expression: 'COPY . /app',
      trigger: { kind: 'COPY', sources: ['.'], dest: '/app' },
    });
  });

  it('keeps the legacy ENV value as written, spaces and quotes included', () => {
    expect(only('FROM scratch\nENV ONE TWO= THREE=world\n', 'ENV').pairs).toEqual([
      { key: 'ONE', value: 'TWO= THREE=world' },
    ]);
  });

  it('splits ENV words at unquoted, unescaped spaces', () => {
    expect(only('FROM scratch\nENV a="x y" b=x\\ y c=\'q r\'\n', 'ENV').pairs).toEqual([
      { key: 'a', value: '"x y"' },
      { key: 'b', value: 'x\\ y' },
      { key: 'c', value: "'q r'" },
    ]);
  });

  it('reads HEALTHCHECK exec form and NONE', () => {
    expect(
      only('FROM scratch\nHEALTHCHECK CMD ["/bin/check", "-q"]\n', 'HEALTHCHECK').healthcheck,
    ).toEqual({
      Test: ['CMD', '/bin/check', '-q'],
    });
    expect(only('FROM scratch\nHEALTHCHECK NONE\n', 'HEALTHCHECK').healthcheck).toEqual({
      Test: ['NONE'],
    });
    expect(
      only('FROM scratch\nHEALTHCHECK --interval=0s CMD x\n', 'HEALTHCHECK').healthcheck,
    ).toEqual({
      Test: ['CMD-SHELL', 'x'],
    });
    expect(
      only('FROM scratch\nHEALTHCHECK --interval=1m30s --timeout=1.5s CMD x\n', 'HEALTHCHECK')
        .healthcheck,
    ).toMatchObject({
      Interval: 90e9,
      Timeout: 1.5e9,
    });
  });
});

describe('errors name the file and line', () => {
  it('suggests the instruction meant', () => {
    const text = `FROM scratch\n${'RUN true\n'.repeat(10)}COPPY a b\n`;
    const err = parseError(text);
    expect(err.message).toBe('Dockerfile:12: unknown instruction COPPY (did you mean COPY?)');
    expect(err.details).toEqual({ file: 'Dockerfile', line: 12 });
  });

  it('uses the file name it is given', () => {
    try {
      parseDockerfile('FROM scratch\nFOO bar\n', { file: 'docker/app.Dockerfile' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toBe('docker/app.Dockerfile:2: unknown instruction FOO');
    }
  });

  it.each([
    ['', 'Dockerfile:1: file with no instructions'],
    ['# only a comment\n\n', 'Dockerfile:2: file with no instructions'],
    ['FROM', 'Dockerfile:1: FROM requires an image: FROM <image> [AS <name>]'],
    [
      'FROM a b',
      'Dockerfile:1: FROM requires either one or three arguments: FROM <image> [AS <name>]',
    ],
    [
      'FROM a AS 1st',
      `Dockerfile:1: invalid name for build stage: "1st", name can't start with a number or contain symbols`,
    ],
    [
      'FROM a AS b$',
      'Dockerfile:1: invalid name for build stage: "b$", name can\'t start with a number or contain symbols',
    ],
    [
      'FROM a\nCOPY a',
      'Dockerfile:2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
    ],
    [
      'FROM a\nADD',
      'Dockerfile:2: ADD requires at least two arguments, but only none was provided. Destination could not be determined',
    ],
    ['FROM a\nENV', 'Dockerfile:2: ENV requires at least one argument'],
    ['FROM a\nENV x', 'Dockerfile:2: ENV must have two arguments'],
    [
      'FROM a\nENV a=1 b',
      'Dockerfile:2: Syntax error - can\'t find = in "b". Must be of the form: name=value',
    ],
    ['FROM a\nENV =x', 'Dockerfile:2: ENV names can not be blank'],
    ['FROM a\nLABEL', 'Dockerfile:2: LABEL requires at least one argument'],
    ['FROM a\nARG', 'Dockerfile:2: ARG requires at least one argument'],
    ['FROM a\nARG =x', 'Dockerfile:2: ARG names can not be blank'],
    ['FROM a\nRUN', 'Dockerfile:2: RUN requires at least one argument'],
    ['FROM a\nWORKDIR', 'Dockerfile:2: WORKDIR requires exactly one argument'],
    ['FROM a\nUSER', 'Dockerfile:2: USER requires exactly one argument'],
    ['FROM a\nSTOPSIGNAL', 'Dockerfile:2: STOPSIGNAL requires exactly one argument'],
    ['FROM a\nMAINTAINER', 'Dockerfile:2: MAINTAINER requires exactly one argument'],
    ['FROM a\nEXPOSE', 'Dockerfile:2: EXPOSE requires at least one argument'],
    ['FROM a\nVOLUME', 'Dockerfile:2: VOLUME requires at least one argument'],
    ['FROM a\nVOLUME [""]', 'Dockerfile:2: VOLUME specified can not be an empty string'],
    [
      'FROM a\nSHELL /bin/bash -c',
      'Dockerfile:2: SHELL requires the arguments to be in JSON form, e.g. SHELL ["/bin/bash", "-c"]',
    ],
    ['FROM a\nSHELL []', 'Dockerfile:2: SHELL requires at least one argument'],
    ['FROM a\nHEALTHCHECK', 'Dockerfile:2: HEALTHCHECK requires at least one argument'],
    ['FROM a\nHEALTHCHECK NONE x', 'Dockerfile:2: HEALTHCHECK NONE takes no arguments'],
    ['FROM a\nHEALTHCHECK CMD', 'Dockerfile:2: Missing command after HEALTHCHECK CMD'],
    ['FROM a\nHEALTHCHECK RUN x', 'Dockerfile:2: Unknown type "RUN" in HEALTHCHECK (try CMD)'],
    ['FROM a\nONBUILD', 'Dockerfile:2: ONBUILD requires at least one argument'],
    [
      'FROM a\nONBUILD ONBUILD RUN x',
      "Dockerfile:2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
    ],
    ['FROM a\nONBUILD FROM x', "Dockerfile:2: FROM isn't allowed as an ONBUILD trigger"],
    [
      'FROM a\nONBUILD MAINTAINER x',
      "Dockerfile:2: MAINTAINER isn't allowed as an ONBUILD trigger",
    ],
    ['FROM a\nONBUILD RUNN x', 'Dockerfile:2: unknown instruction RUNN (did you mean RUN?)'],
  ])('%j → %s', (text, message) => {
    expect(parseError(text).message).toBe(message);
  });

  it('points at the first line of a multi-line instruction and records its last', () => {
    const err = parseError('FROM a\nENV a=1 \\\n  b\n');
    expect(err.message).toMatch(/^Dockerfile:2: /);
    expect(err.details).toEqual({ file: 'Dockerfile', line: 2, endLine: 3 });
  });
});
