// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile words are written with ${VAR} on purpose.
// Tests for the build plan: what expands where, ARG scoping, the stage graph, config and errors with lines.
import { describe, expect, it } from 'vitest';
import { isLighterError, LighterError } from '../../errors.js';
import type { ContainerConfig } from '../../manifest.js';
import {
  type BuildPlan,
  DEFAULT_PATH,
  type PlannedInstruction,
  type PlanOptions,
  planBuild,
  runArgv,
} from './plan.js';

const AMD64 = { os: 'linux', architecture: 'amd64' };

function plan(
  dockerfile: string,
  options: Omit<PlanOptions, 'dockerfile'> = {},
): Promise<BuildPlan> {
  return planBuild({ platform: AMD64, buildPlatform: AMD64, ...options, dockerfile });
}

async function planError(dockerfile: string, options: Omit<PlanOptions, 'dockerfile'> = {}) {
  try {
    await plan(dockerfile, options);
  } catch (err) {
    expect(isLighterError(err, 'ERR_DOCKERFILE')).toBe(true);
    return err as LighterError;
  }
  throw new Error('expected planBuild to fail');
}

/** The target stage's instructions of one kind. */
function target<K extends PlannedInstruction['kind']>(p: BuildPlan, kind: K) {
  return p.stages[p.targetStage]!.instructions.filter(
    (i): i is Extract<PlannedInstruction, { kind: K }> => i.kind === kind,
  );
}

function config(p: BuildPlan): ContainerConfig {
  return p.stages[p.targetStage]!.config;
}

describe('expansion per instruction', () => {
  it('ENV sees the values from before the instruction', async () => {
    const p = await plan('FROM scratch\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\n');
    expect(target(p, 'ENV').map((e) => e.pairs)).toEqual([
      [{ key: 'abc', value: 'hello' }],
      [
        { key: 'abc', value: 'bye' },
        { key: 'def', value: 'hello' },
      ],
      [{ key: 'ghi', value: 'bye' }],
    ]);
    expect(config(p).Env).toEqual([`PATH=${DEFAULT_PATH}`, 'abc=bye', 'def=hello', 'ghi=bye']);
  });

  it('expands and unquotes the legacy ENV form as one value', async () => {
    const p = await plan('FROM scratch\nENV A x\nENV B "$A y"  z\n');
    expect(config(p).Env).toContain('B=x y  z');
    expect(p.warnings.map((w) => w.rule)).toContain('LegacyKeyValueFormat');
  });

  it('expands LABEL keys and values and quotes', async () => {
    const p = await plan(
      'FROM scratch\nENV a=1\nLABEL "com.$a"="v $a" k=\'$a\' multi="line \\\n  two"\n',
    );
    expect(config(p).Labels).toEqual({ 'com.1': 'v 1', k: '$a', multi: 'line   two' });
  });

  it('expands COPY/ADD sources, destination, --chown and --chmod; not --exclude', async () => {
    const p = await plan(
      'FROM scratch\nENV d=/dst u=1000 m=0755 s=src\nCOPY --chown=$u:$u --chmod=$m --exclude=$s/x ${s}/a $s/b $d/\nADD $s.tar ${d}\n',
    );
    expect(target(p, 'COPY')[0]).toMatchObject({
      sources: ['src/a', 'src/b'],
      dest: '/dst/',
      destPath: '/dst/',
      chown: '1000:1000',
      chmod: '0755',
      exclude: ['$s/x'],
    });
    expect(target(p, 'ADD')[0]).toMatchObject({ sources: ['src.tar'], dest: '/dst' });
  });

  it('expands WORKDIR, USER, VOLUME, EXPOSE and STOPSIGNAL', async () => {
    const p = await plan(
      'FROM scratch\nENV base=/srv who=app ports="80 443" sig=SIGINT\nWORKDIR $base\nWORKDIR app\nUSER ${who}:${who}\nVOLUME $base/data ["/x"]\nEXPOSE $ports 53/udp\nSTOPSIGNAL $sig\n',
    );
    expect(target(p, 'WORKDIR').map((w) => w.resolved)).toEqual(['/srv', '/srv/app']);
    expect(config(p)).toMatchObject({
      WorkingDir: '/srv/app',
      User: 'app:app',
      // Not JSON as a whole, so words: quotes are removed from `["/x"]` as from any word.
      Volumes: { '/srv/data': {}, '[/x]': {} },
      ExposedPorts: { '80/tcp': {}, '443/tcp': {}, '53/udp': {} },
      StopSignal: 'SIGINT',
    });
  });

  it('does not expand RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, ONBUILD or MAINTAINER', async () => {
    const p = await plan(
      'FROM scratch\nENV a=1\nRUN echo $a\nCMD echo $a\nENTRYPOINT ["echo", "$a"]\nHEALTHCHECK CMD test $a\nONBUILD RUN echo $a\nMAINTAINER $a\nSHELL ["/bin/$a"]\n',
    );
    expect(target(p, 'RUN')[0]!.argv).toEqual(['/bin/sh', '-c', 'echo $a']);
    expect(target(p, 'CMD')[0]!.argv).toEqual(['/bin/sh', '-c', 'echo $a']);
    expect(config(p)).toMatchObject({
      Entrypoint: ['echo', '$a'],
      Healthcheck: { Test: ['CMD-SHELL', 'test $a'] },
      OnBuild: ['RUN echo $a'],
      Shell: ['/bin/$a'],
    });
    expect(p.stages[p.targetStage]!.author).toBe('$a');
  });

  it('expands COPY heredoc bodies unless the delimiter is quoted, keeping quotes', async () => {
    const p = await plan(
      'FROM scratch\nENV who=world\nCOPY <<EOF /a\nhello "$who" \'$who\'\nEOF\nCOPY <<"EOF" /b\nhello $who\nEOF\nCOPY <<-EOF /c\n\t$who\n\tEOF\n',
    );
    expect(target(p, 'COPY').map((c) => c.inlineSources[0]!.content)).toEqual([
      'hello "world" \'world\'\n',
      'hello $who\n',
      'world\n',
    ]);
  });

  it('fails on ${X:?} with the file, line and variable', async () => {
    // LABEL splits words before expanding, so a message with spaces needs quotes (as in Docker).
    const err = await planError(
      'FROM scratch\nARG TOKEN\nRUN true\nLABEL t="${TOKEN:?pass --build-arg TOKEN}"\n',
    );
    expect(err.message).toBe('Dockerfile:4: TOKEN: pass --build-arg TOKEN');
    expect(err.details).toMatchObject({ file: 'Dockerfile', line: 4, variable: 'TOKEN' });
    const ok = await plan('FROM scratch\nARG TOKEN\nLABEL t=${TOKEN:?}\n', {
      buildArgs: { TOKEN: 'x' },
    });
    expect(config(ok).Labels).toEqual({ t: 'x' });
  });

  it('reports lexer errors at the line', async () => {
    const err = await planError('FROM scratch\nENV a="unclosed\n');
    expect(err.message).toMatch(
      /^Dockerfile:2: failed to process "\\"unclosed": unexpected end of statement/,
    );
  });

  it('warns about undefined variables, not about declared ARGs', async () => {
    const p = await plan('FROM scratch\nARG DECLARED\nENV PATHX=$PTH x=$DECLARED\n');
    const undefinedVars = p.warnings.filter((w) => w.rule === 'UndefinedVar');
    expect(undefinedVars).toEqual([
      {
        rule: 'UndefinedVar',
        message: "Usage of undefined variable '$PTH' (did you mean $PATH?)",
        line: 3,
      },
    ]);
  });
});

describe('ARG', () => {
  it('makes ARGs before FROM usable in FROM only, unless redeclared', async () => {
    const p = await plan(
      'ARG VERSION=3.20\nARG IMG=alpine\nFROM ${IMG}:$VERSION\nLABEL before=x$VERSION\nARG VERSION\nLABEL after=$VERSION\n',
    );
    expect(p.stages[0]!.baseName).toBe('alpine:3.20');
    expect(p.stages[0]!.base).toMatchObject({
      kind: 'image',
      name: 'docker.io/library/alpine:3.20',
    });
    expect(config(p).Labels).toEqual({ before: 'x', after: '3.20' });
    expect(p.globalArgs).toEqual([
      { key: 'VERSION', value: '3.20' },
      { key: 'IMG', value: 'alpine' },
    ]);
  });

  it('lets build args override defaults, globally and in a stage', async () => {
    const p = await plan('ARG V=1\nFROM scratch\nARG V\nARG W=2\nLABEL v=$V w=$W\n', {
      buildArgs: { V: 'x', W: 'y' },
    });
    expect(config(p).Labels).toEqual({ v: 'x', w: 'y' });
    expect(target(p, 'ARG').map((a) => a.args)).toEqual([
      [{ key: 'V', value: 'x' }],
      [{ key: 'W', value: 'y' }],
    ]);
  });

  it('expands ARG defaults with what came before, and ARG values reach RUN and later words', async () => {
    const p = await plan(
      'FROM scratch\nENV base=/opt\nARG dir=$base/app\nRUN make\nWORKDIR $dir\n',
    );
    const run = target(p, 'RUN')[0]!;
    expect(run.env).toContain('dir=/opt/app');
    expect(run.buildArgs).toEqual([{ key: 'dir', value: '/opt/app' }]);
    expect(config(p).WorkingDir).toBe('/opt/app');
    expect(config(p).Env).not.toContain('dir=/opt/app');
  });

  it('lets later ARGs of one instruction see earlier ones (unlike ENV)', async () => {
    const p = await plan(
      'ARG G1=a G2=${G1}b\nFROM scratch\nARG G2\nARG A=1 B=${A}2\nENV C=3 D=x$C\nLABEL g=$G2 b=$B d=$D\n',
    );
    expect(config(p).Labels).toEqual({ g: 'ab', b: '12', d: 'x' });
  });

  it('lets an ENV after an ARG win, and keeps ARGs out of the image config', async () => {
    const p = await plan('FROM scratch\nARG V=arg\nENV V=env\nLABEL v=$V\n', {
      buildArgs: { V: 'cli' },
    });
    expect(config(p).Labels).toEqual({ v: 'env' });
    expect(config(p).Env).toContain('V=env');
  });

  it('sees a global ARG without value as empty in FROM, as BuildKit', async () => {
    const p = await plan('ARG TAG\nFROM alpine${TAG:-:3.19}\nFROM alpine${TAG-:3.19}\n');
    expect(p.stages.map((s) => s.baseName)).toEqual(['alpine:3.19', 'alpine']);
  });

  it('predefines platform ARGs in the global scope, and in a stage once declared', async () => {
    const p = await plan(
      'FROM --platform=$BUILDPLATFORM scratch AS b\nARG TARGETPLATFORM TARGETOS TARGETARCH TARGETVARIANT BUILDARCH\nLABEL t=$TARGETPLATFORM o=$TARGETOS a=$TARGETARCH v=$TARGETVARIANT b=$BUILDARCH\nFROM scratch\nLABEL t=x$TARGETPLATFORM\n',
      { platform: 'linux/arm/v7', buildPlatform: 'linux/amd64', target: 'b' },
    );
    expect(p.stages[0]!.platform).toEqual(AMD64);
    expect(config(p).Labels).toEqual({
      t: 'linux/arm/v7',
      o: 'linux',
      a: 'arm',
      v: 'v7',
      b: 'amd64',
    });
    const last = await plan('FROM scratch\nLABEL t=x$TARGETPLATFORM\n');
    expect(config(last).Labels).toEqual({ t: 'x' });
  });

  it('lets --build-arg override a platform arg, and an ARG default win over the automatic value', async () => {
    const p = await plan(
      'FROM scratch\nARG TARGETOS\nARG TARGETARCH=custom\nLABEL os=$TARGETOS arch=$TARGETARCH\n',
      {
        buildArgs: { TARGETOS: 'freebsd' },
      },
    );
    expect(config(p).Labels).toEqual({ os: 'freebsd', arch: 'custom' });
  });

  it('reports build args nothing consumed, never the predefined ones', async () => {
    const p = await plan('ARG USED_GLOBAL\nFROM scratch AS a\nARG IN_A\nFROM scratch\nARG USED\n', {
      buildArgs: {
        USED: '1',
        USED_GLOBAL: '1',
        IN_A: '1',
        TYPO: '1',
        HTTP_PROXY: 'http://p',
        no_proxy: 'x',
        TARGETARCH: 'amd64',
      },
    });
    expect(p.unusedBuildArgs).toEqual(['IN_A', 'TYPO']);
    expect(p.warnings).toContainEqual({
      rule: 'UnusedBuildArg',
      message: 'One or more build-args [IN_A TYPO] were not consumed',
    });
    expect(p.proxy).toEqual({ HTTP_PROXY: 'http://p', no_proxy: 'x' });
  });

  it('carries a base stage’s ARG values into a child stage, as BuildKit does', async () => {
    const p = await plan('FROM scratch AS base\nARG X=1\nFROM base\nLABEL x=$X\n');
    expect(config(p).Labels).toEqual({ x: '1' });
  });

  it('warns about FROM arguments no global ARG declares', async () => {
    const p = await plan('ARG VERSION=1\nFROM alpine:${VERSOIN:-3}\n');
    expect(p.warnings).toContainEqual({
      rule: 'UndeclaredArgInFrom',
      message: "FROM argument 'VERSOIN' is not declared (did you mean VERSION?)",
      line: 2,
    });
  });
});

describe('stages', () => {
  const multi = [
    'FROM alpine AS base', // 1
    'RUN apk add make', // 2
    'FROM base AS build', // 3
    'COPY . /src', // 4
    'RUN make', // 5
    'FROM scratch AS docs', // 6
    'COPY --from=build /src/docs /docs', // 7
    'FROM golang AS tools', // 8
    'RUN go install x', // 9
    'FROM busybox AS final', // 10
    'RUN --mount=type=bind,from=tools,source=/go/bin,target=/t cp /t/x /usr/bin', // 11
    'COPY --from=build /src/out /app', // 12
    'COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/', // 13
  ].join('\n');

  it('links bases, COPY --from and RUN --mount from=, and builds only what the target needs', async () => {
    const p = await plan(multi);
    expect(p.targetStage).toBe(4);
    expect(p.neededStages).toEqual([0, 1, 3, 4]);
    expect(p.stages.map((s) => [s.name, s.base.kind, s.dependsOn, s.needed])).toEqual([
      ['base', 'image', [], true],
      ['build', 'stage', [0], true],
      ['docs', 'scratch', [1], false],
      ['tools', 'image', [], true],
      ['final', 'image', [1, 3], true],
    ]);
    expect(p.stages[2]!.instructions).toEqual([]);
    const final = p.stages[4]!;
    const [run, copyStage, copyImage] = final.instructions;
    expect(run).toMatchObject({
      kind: 'RUN',
      mounts: [
        {
          type: 'bind',
          fromSource: { kind: 'stage', index: 3 },
          source: '/go/bin',
          targetPath: '/t',
          readOnly: true,
        },
      ],
    });
    expect(copyStage).toMatchObject({ kind: 'COPY', from: { kind: 'stage', index: 1 } });
    expect(copyImage).toMatchObject({
      kind: 'COPY',
      from: { kind: 'image', name: 'docker.io/library/nginx:1.27' },
    });
  });

  it('builds the --target stage and its dependencies only', async () => {
    const p = await plan(multi, { target: 'docs' });
    expect(p.targetStage).toBe(2);
    expect(p.neededStages).toEqual([0, 1, 2]);
  });

  it('finds --target and stage names case-insensitively', async () => {
    const p = await plan('FROM scratch AS Build\nFROM BUILD\nCOPY --from=BuIlD /a /b\n', {
      target: 'BUILD',
    });
    expect(p.stages[0]!.name).toBe('build');
    expect(p.targetStage).toBe(0);
    const q = await plan('FROM scratch AS Build\nFROM BUILD\nCOPY --from=BuIlD /a /b\n');
    expect(q.stages[1]!.base).toEqual({ kind: 'stage', index: 0 });
  });

  it('accepts stage indexes in COPY --from', async () => {
    const p = await plan('FROM scratch\nFROM scratch\nCOPY --from=0 /a /b\n');
    expect(target(p, 'COPY')[0]!.from).toEqual({ kind: 'stage', index: 0 });
  });

  it('treats a later stage name in FROM as an image, as Docker does', async () => {
    const p = await plan('FROM later\nFROM scratch AS later\n', { target: undefined });
    expect(p.stages[0]!.base).toMatchObject({
      kind: 'image',
      name: 'docker.io/library/later:latest',
    });
  });

  it('warns when --from names no stage but looks like one', async () => {
    const p = await plan('FROM scratch AS build\nFROM scratch\nCOPY --from=biuld /a /b\n');
    expect(target(p, 'COPY')[0]!.from).toMatchObject({
      kind: 'image',
      name: 'docker.io/library/biuld:latest',
    });
    expect(p.warnings).toContainEqual(
      expect.objectContaining({
        rule: 'FromIsImage',
        line: 3,
        message: expect.stringMatching(/did you mean stage build\?/),
      }),
    );
  });

  it('inherits the parent stage’s config, WORKDIR, SHELL and platform', async () => {
    const p = await plan(
      'FROM --platform=linux/arm64 scratch AS a\nENV X=1\nWORKDIR /w\nSHELL ["/bin/bash", "-c"]\nCMD ["a"]\nFROM a\nRUN echo $X\nCOPY f rel/\n',
    );
    const child = p.stages[1]!;
    expect(child.platform).toEqual({ os: 'linux', architecture: 'arm64' });
    const [run, copy] = child.instructions;
    expect(run).toMatchObject({ argv: ['/bin/bash', '-c', 'echo $X'], workdir: '/w' });
    expect(copy).toMatchObject({ destPath: '/w/rel/' });
    expect(child.config).toMatchObject({
      Env: [`PATH=${DEFAULT_PATH}`, 'X=1'],
      Cmd: ['a'],
      WorkingDir: '/w',
    });
  });

  it.each([
    ['FROM scratch\nCOPY --from=nope_ /a /b', 'Dockerfile:2: no stage or image named "nope_"'],
    [
      'FROM scratch AS build\nFROM scratch\nCOPY --from=Bui!d /a /b',
      'Dockerfile:3: no stage or image named "Bui!d"',
    ],
    [
      'FROM scratch\nCOPY --from=5 /a /b',
      'Dockerfile:2: invalid stage index 5: the Dockerfile has 1 stage (0-0)',
    ],
    ['FROM scratch\nRUN --mount=from=9,target=/x true', 'Dockerfile:2: invalid stage index 9'],
    [
      'FROM scratch AS a\nCOPY --from=a /x /y',
      'Dockerfile:2: circular dependency detected on stage: a',
    ],
    [
      'FROM scratch AS a\nCOPY --from=b /x /y\nFROM scratch AS b\nCOPY --from=a /x /y',
      'circular dependency detected',
    ],
    [
      'FROM scratch AS a\nFROM scratch AS A',
      'Dockerfile:2: duplicate stage name "a" (first used on line 1)',
    ],
    ['ARG EMPTY=\nFROM ${EMPTY}', 'Dockerfile:2: base name (${EMPTY}) should not be blank'],
    [
      'FROM Alpine',
      'Dockerfile:1: FROM: invalid reference "Alpine": repository name must be lowercase',
    ],
    [
      'FROM --platform=linux/ scratch',
      'Dockerfile:1: FROM --platform: invalid platform "linux/": the architecture is empty',
    ],
    [
      'ENV a=1\nFROM scratch',
      'Dockerfile:1: ENV before FROM: a Dockerfile must start with FROM (only ARG may come before it)',
    ],
    ['ARG A=1', 'Dockerfile:1: no FROM instruction: a Dockerfile needs at least one stage'],
  ])('%j fails: %s', async (dockerfile, message) => {
    expect((await planError(dockerfile)).message).toContain(message);
  });

  it('says "no stage or image named" when resolveImage does not find a --from image', async () => {
    const resolveImage = (name: string) => {
      if (name.includes('nope') || name.includes('biuld')) {
        throw new LighterError('ERR_NOT_FOUND', `${name}: manifest unknown`);
      }
      return {};
    };
    const text = `FROM scratch AS build\nFROM busybox\n${'RUN true\n'.repeat(4)}COPY --from=nope /a /b\n`;
    const err = await planError(text, { resolveImage });
    expect(err.message).toBe('Dockerfile:7: no stage or image named "nope"');
    expect(err.details).toMatchObject({ file: 'Dockerfile', line: 7 });
    const typo = await planError(
      'FROM scratch AS build\nFROM scratch\nRUN --mount=from=biuld,target=/x true\n',
      {
        resolveImage,
      },
    );
    expect(typo.message).toBe(
      'Dockerfile:3: no stage or image named "biuld" (did you mean stage build?)',
    );
    const from = await planError('FROM nope:1\n', { resolveImage });
    expect(from.message).toBe(
      'Dockerfile:1: FROM nope:1: docker.io/library/nope:1: manifest unknown',
    );
  });

  it('names the stages when --target is not found', async () => {
    const err = await planError('FROM scratch AS build\nFROM scratch AS test\n', {
      target: 'tset',
    });
    expect(err.message).toBe(
      'Dockerfile: target stage "tset" could not be found (did you mean test?) (stages: build, test)',
    );
  });

  it('does not evaluate stages the target does not need', async () => {
    const p = await plan(
      'FROM scratch AS broken\nLABEL x=${MISSING:?}\nFROM scratch\nLABEL ok=1\n',
    );
    expect(p.neededStages).toEqual([1]);
  });
});

describe('commands and config', () => {
  it('wraps shell-form CMD and ENTRYPOINT with the current SHELL', async () => {
    const p = await plan('FROM scratch\nCMD run me\nSHELL ["pwsh", "-c"]\nENTRYPOINT start\n');
    expect(target(p, 'CMD')[0]!.argv).toEqual(['/bin/sh', '-c', 'run me']);
    expect(target(p, 'ENTRYPOINT')[0]!.argv).toEqual(['pwsh', '-c', 'start']);
    // CMD set in this stage survives a later ENTRYPOINT.
    expect(config(p)).toMatchObject({
      Cmd: ['/bin/sh', '-c', 'run me'],
      Entrypoint: ['pwsh', '-c', 'start'],
    });
    expect(p.warnings.filter((w) => w.rule === 'JSONArgsRecommended')).toHaveLength(2);
  });

  it('drops an inherited CMD when ENTRYPOINT is set, and ENTRYPOINT [] clears it', async () => {
    const p = await plan('FROM scratch AS a\nCMD ["x"]\nFROM a\nENTRYPOINT []\n');
    expect(config(p)).toMatchObject({ Cmd: null, Entrypoint: null });
  });

  it('parses EXPOSE ranges and protocols, lower-casing with a warning', async () => {
    const p = await plan('FROM scratch\nEXPOSE 8000-8002 53/UDP 132/sctp 9000/\n');
    expect(Object.keys(config(p).ExposedPorts!)).toEqual([
      '8000/tcp',
      '8001/tcp',
      '8002/tcp',
      '53/udp',
      '132/sctp',
      '9000/tcp',
    ]);
    expect(p.warnings.map((w) => w.rule)).toContain('ExposeProtoCasing');
  });

  it.each([
    ['EXPOSE 80/icmp', 'Dockerfile:2: invalid proto: icmp in EXPOSE 80/icmp'],
    ['EXPOSE http', 'Dockerfile:2: invalid containerPort: http in EXPOSE http'],
    ['EXPOSE 70000', 'Dockerfile:2: invalid containerPort: 70000 (ports go up to 65535)'],
    ['EXPOSE 90-80', 'Dockerfile:2: invalid range specified for containerPort: 90-80'],
    ['STOPSIGNAL SIGFOO', 'Dockerfile:2: Invalid signal: SIGFOO'],
    ['STOPSIGNAL 0', 'Dockerfile:2: Invalid signal: 0'],
    [
      'COPY a b c',
      'Dockerfile:2: When using COPY with more than one source file, the destination must be a directory and end with a /',
    ],
    ['COPY https://example.com/x /x', "Dockerfile:2: source can't be a URL for COPY"],
    ['COPY --chmod=999 a /b', 'Dockerfile:2: invalid chmod parameter: "999"'],
    [
      'ADD --checksum=sha256:abc a /b',
      'Dockerfile:2: checksum can only be used with HTTP(S) and Git sources',
    ],
    ['ADD --checksum=md5:abc https://e.x/a /b', 'Dockerfile:2: invalid checksum "md5:abc"'],
    ['RUN --mount=type=nfs,target=/x true', 'Dockerfile:2: unsupported mount type "nfs"'],
    [
      'RUN --mount=type=cahce,target=/x true',
      'unsupported mount type "cahce" (did you mean cache?)',
    ],
    [
      'RUN --mount=type=cache true',
      'Dockerfile:2: mount target must be specified for cache mounts',
    ],
    [
      'RUN --mount=type=secret,id=a,from=b true',
      'Dockerfile:2: secret mount should not have a from',
    ],
    [
      'RUN --mount=type=bind,target=/x,mode=0600 true',
      'Dockerfile:2: mode not allowed for "bind" type mounts',
    ],
    [
      'RUN --mount=type=cache,target=/x,sharing=all true',
      'Dockerfile:2: unsupported sharing value "all"',
    ],
    [
      'RUN --mount=type=bind,target=/x,sise=1 true',
      "Dockerfile:2: unexpected key 'sise' in 'sise=1'",
    ],
    ['RUN --mount=type=bind,target=/ true', 'Dockerfile:2: invalid mount target "/"'],
    ['RUN --mount=type=bind,target=/x,ro=maybe true', 'Dockerfile:2: invalid value for ro: maybe'],
  ])('%s fails: %s', async (line, message) => {
    expect((await planError(`FROM scratch\n${line}\n`)).message).toContain(message);
  });

  it('accepts numbered and RT signals', async () => {
    for (const sig of ['9', 'SIGKILL', 'term', 'SIGRTMIN+3', 'RTMAX-2']) {
      const p = await plan(`FROM scratch\nSTOPSIGNAL ${sig}\n`);
      expect(config(p).StopSignal).toBe(sig);
    }
  });

  it('fills in RUN --mount defaults as BuildKit does', async () => {
    const p = await plan(
      [
        'FROM scratch',
        'WORKDIR /w',
        'RUN --mount=type=cache,target=cache,id=$ID --mount=type=secret,id=npmrc --mount=type=secret,target=/root/.aws/credentials --mount=type=secret,id=tok,env=TOKEN --mount=type=tmpfs,target=/tmp,size=64m --mount=type=ssh --mount=target=/ctx,rw true',
      ].join('\n'),
      { buildArgs: {} },
    );
    const mounts = target(p, 'RUN')[0]!.mounts;
    expect(mounts.map((m) => [m.type, m.id, m.targetPath, m.readOnly, m.fromSource?.kind])).toEqual(
      [
        ['cache', '', '/w/cache', false, undefined],
        ['secret', 'npmrc', '/run/secrets/npmrc', true, undefined],
        ['secret', 'credentials', '/root/.aws/credentials', true, undefined],
        ['secret', 'tok', undefined, true, undefined],
        ['tmpfs', undefined, '/tmp', false, undefined],
        ['ssh', 'default', undefined, true, undefined],
        ['bind', undefined, '/ctx', false, 'context'],
      ],
    );
    expect(mounts[0]!.sharing).toBe('shared');
    expect(mounts[3]!.env).toBe('TOKEN');
    expect(mounts[4]!.size).toBe(64 * 1024 * 1024);
  });

  it('expands mount values with the stage’s variables', async () => {
    const p = await plan(
      'FROM scratch\nARG CACHE=/root/.cache\nRUN --mount=type=cache,target=$CACHE,id=${CACHE}-x true\n',
    );
    expect(target(p, 'RUN')[0]!.mounts[0]).toMatchObject({
      target: '/root/.cache',
      id: '/root/.cache-x',
    });
  });

  it('gives RUN the network, security, user and the whole build environment', async () => {
    const p = await plan(
      'FROM scratch\nUSER nobody\nENV A=1\nARG B=2\nRUN --network=none --security=insecure true\n',
      {
        buildArgs: { http_proxy: 'http://proxy' },
      },
    );
    expect(target(p, 'RUN')[0]).toMatchObject({
      network: 'none',
      security: 'insecure',
      user: 'nobody',
      env: [`PATH=${DEFAULT_PATH}`, 'A=1', 'B=2'],
      buildArgs: [{ key: 'B', value: '2' }],
    });
    expect(p.proxy).toEqual({ http_proxy: 'http://proxy' });
  });
});

describe('RUN with heredocs', () => {
  it('runs a lone heredoc as a shell script body', () => {
    const heredoc = { name: 'EOF', content: '\techo a\n', expand: true, chomp: true, fd: 0 };
    expect(runArgv({ command: ['<<-EOF'], prependShell: true, heredocs: [heredoc] })).toEqual({
      argv: ['/bin/sh', '-c', 'echo a\n'],
      script: undefined,
    });
  });

  it('runs a heredoc starting with #! as a file', () => {
    const heredoc = {
      name: 'EOF',
      content: '#!/usr/bin/env python3\nprint(1)\n',
      expand: true,
      chomp: false,
      fd: 0,
    };
    expect(runArgv({ command: ['<<EOF'], prependShell: true, heredocs: [heredoc] })).toEqual({
      argv: ['/dev/pipes/EOF'],
      script: {
        path: '/dev/pipes/EOF',
        content: '#!/usr/bin/env python3\nprint(1)\n',
        mode: 0o755,
      },
    });
  });

  it('hands other heredocs to the shell after the command line', () => {
    const a = { name: 'A', content: 'x\n', expand: true, chomp: false, fd: 0 };
    const b = { name: 'B', content: 'y\n', expand: false, chomp: false, fd: 3 };
    expect(
      runArgv({ command: ['cat <<A 3<<B > out'], prependShell: true, heredocs: [a, b] }, [
        'bash',
        '-c',
      ]).argv,
    ).toEqual(['bash', '-c', 'cat <<A 3<<B > out\nx\nA\ny\nB']);
  });

  it('plans them from the Dockerfile', async () => {
    const p = await plan(
      'FROM scratch\nRUN <<EOF\necho $HOME\nEOF\nRUN python3 <<EOF\nprint(1)\nEOF\n',
    );
    expect(target(p, 'RUN').map((r) => r.argv)).toEqual([
      ['/bin/sh', '-c', 'echo $HOME\n'],
      ['/bin/sh', '-c', 'python3 <<EOF\nprint(1)\nEOF'],
    ]);
  });
});

describe('base images and ONBUILD', () => {
  it('uses the base image config from resolveImage for expansion and inheritance', async () => {
    const seen: string[] = [];
    const p = await plan('FROM node:22\nENV PATH=$PATH:/app/bin\nRUN echo\nCOPY a b\n', {
      resolveImage: async (name, platform) => {
        seen.push(`${name} ${platform.architecture}`);
        return {
          Env: ['PATH=/usr/local/bin:/usr/bin', 'NODE_VERSION=22'],
          WorkingDir: '/home/node',
          User: 'node',
          Shell: ['/bin/bash', '-c'],
          Cmd: ['node'],
        };
      },
    });
    expect(seen).toEqual(['docker.io/library/node:22 amd64']);
    const stage = p.stages[0]!;
    expect(stage.baseConfigKnown).toBe(true);
    expect(stage.config.Env).toEqual(['PATH=/usr/local/bin:/usr/bin:/app/bin', 'NODE_VERSION=22']);
    expect(target(p, 'RUN')[0]).toMatchObject({
      argv: ['/bin/bash', '-c', 'echo'],
      user: 'node',
      workdir: '/home/node',
    });
    expect(target(p, 'COPY')[0]!.destPath).toBe('/home/node/b');
  });

  it('says when the base config is unknown', async () => {
    const p = await plan('FROM node:22\n');
    expect(p.stages[0]!.baseConfigKnown).toBe(false);
  });

  it('runs the base image’s ONBUILD triggers first, located at FROM', async () => {
    const p = await plan('ARG X=1\nFROM app-base\nLABEL own=1\n', {
      resolveImage: () => ({
        OnBuild: ['LABEL from=trigger', 'COPY . /app'],
        Labels: { base: '1' },
      }),
    });
    const stage = p.stages[0]!;
    expect(stage.instructions.map((i) => [i.kind, i.trigger, i.location.startLine])).toEqual([
      ['LABEL', true, 2],
      ['COPY', true, 2],
      ['LABEL', false, 3],
    ]);
    expect(stage.config.OnBuild).toBeUndefined();
    expect(stage.config.Labels).toEqual({ base: '1', from: 'trigger', own: '1' });
  });

  it('runs a parent stage’s ONBUILD triggers in the child stage only', async () => {
    const p = await plan('FROM scratch AS base\nONBUILD LABEL t=1\nFROM base\nLABEL c=1\n');
    expect(p.stages[0]!.config.OnBuild).toEqual(['LABEL t=1']);
    expect(p.stages[1]!.config.Labels).toEqual({ t: '1', c: '1' });
    expect(p.stages[1]!.config.OnBuild).toBeUndefined();
  });

  it('builds the stages a parent stage’s triggers read', async () => {
    const p = await plan(
      'FROM scratch AS assets\nFROM scratch AS base\nONBUILD COPY --from=assets /a /a\nFROM base\n',
    );
    expect(p.neededStages).toEqual([0, 1, 2]);
    expect(p.stages[2]!.dependsOn).toEqual([0, 1]);
    expect(p.stages[2]!.instructions[0]).toMatchObject({
      kind: 'COPY',
      trigger: true,
      from: { kind: 'stage', index: 0 },
    });
  });

  it('refuses an image trigger that reads a stage the build does not need', async () => {
    const err = await planError('FROM scratch AS assets\nFROM base-image\n', {
      resolveImage: () => ({ OnBuild: ['COPY --from=assets /a /a'] }),
    });
    expect(err.message).toMatch(
      /^Dockerfile:2: an ONBUILD trigger of base-image reads stage assets/,
    );
  });

  it('refuses forbidden triggers from a base image at the FROM line', async () => {
    const err = await planError('FROM scratch\nRUN true\nFROM bad\n', {
      resolveImage: () => ({ OnBuild: ['FROM x'] }),
    });
    expect(err.message).toBe("Dockerfile:3: FROM isn't allowed as an ONBUILD trigger (in bad)");
  });
});

describe('the check directive', () => {
  it('skips the named checks', async () => {
    const p = await plan(
      '# check=skip=MaintainerDeprecated,JSONArgsRecommended\nFROM scratch\nMAINTAINER me\nCMD x\n',
    );
    expect(p.warnings).toEqual([]);
  });

  it('makes a reported check fatal with error=true', async () => {
    const err = await planError('# check=error=true\nFROM scratch\nMAINTAINER me\n');
    expect(err.message).toBe(
      'Dockerfile:3: Maintainer instruction is deprecated in favor of using label (MaintainerDeprecated; the check directive makes build checks errors)',
    );
  });

  it('never makes unused build args fatal', async () => {
    const p = await plan('# check=error=true\nFROM scratch\n', { buildArgs: { X: '1' } });
    expect(p.unusedBuildArgs).toEqual(['X']);
  });
});
