// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Dockerfile words are written with ${VAR} on purpose.
// The planner's image config against buildah's for metadata-only Dockerfiles (FROM scratch needs no RUN).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tryExec } from '../../../../test/helpers/exec.js';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import type { ContainerConfig } from '../../manifest.js';
import { planBuild } from './plan.js';

interface Case {
  name: string;
  dockerfile: string;
  buildArgs?: Record<string, string>;
  target?: string;
}

const CASES: Case[] = [
  {
    name: 'ENV and LABEL quoting, escapes and modifiers',
    dockerfile: [
      'FROM scratch',
      'ENV a=hello e= sp="x y" ',
      'LABEL l01=${a} l02=$a l03="$a" l04=\'$a\' l05=\\$a l06=${a:-def} l07=${un:-def} l08=${e:-def} l10=${a:+alt} l11=${un:+alt} l12=${e:+alt}',
      'LABEL l20="${sp}" l21=$sp l22=a\\ b l23="a\\"b" l24=\'a\\b\' l25="a\\b" l26=a\\\\b',
      'LABEL l27=${a}_x l28=$a_x l29="$" l30=$ l31=${a:-"q u"} l32=\'"\' l33="\'" l34=x"y"z l36=$1 l41=${un:-$a} l42="${un:-\'x\'}" l43=\'${a}\' l44=\\${a} l45="\\${a}" l46=$a$a',
    ].join('\n'),
  },
  {
    name: 'ENV sees values from before the instruction; legacy form',
    dockerfile: [
      'FROM scratch',
      'ENV k1 some value with  spaces',
      'ENV k2=$a k3=${k2}x',
      'ENV k2=new k4=$k2',
      'ENV abc=hello',
      'ENV abc=bye def=$abc',
      'ENV ghi=$abc',
    ].join('\n'),
  },
  {
    name: 'ARG before FROM, redeclared, build args and defaults',
    dockerfile: [
      'ARG V=1',
      'ARG GLOBAL_ONLY=g',
      'FROM scratch',
      'ARG V',
      'ARG W=w-default',
      'ARG Z',
      'LABEL v=$V w=$W z=$Z g=x${GLOBAL_ONLY}',
      'ENV fromarg=$V',
    ].join('\n'),
    buildArgs: { W: 'from-cli', Z: 'z' },
  },
  {
    name: 'WORKDIR, USER, VOLUME, EXPOSE, STOPSIGNAL with variables',
    dockerfile: [
      'FROM scratch',
      'ENV base=/srv who=app sig=SIGINT',
      'WORKDIR $base',
      'WORKDIR app',
      'WORKDIR ../other',
      'USER ${who}:${who}',
      'VOLUME $base/data /cache',
      'VOLUME ["/json"]',
      // Not a range: Docker exposes 8000/tcp, 8001/tcp, 8002/tcp, buildah one key "8000-8002/tcp"
      // (plan.test.ts checks Docker's way).
      'EXPOSE 80 53/udp 8000/tcp',
      'STOPSIGNAL $sig',
    ].join('\n'),
  },
  {
    name: 'CMD and ENTRYPOINT, shell and exec forms, SHELL',
    dockerfile: [
      'FROM scratch',
      'CMD ["run", "$a"]',
      'ENTRYPOINT echo $HOME',
      // After ENTRYPOINT: buildah 1.28 ignores SHELL for shell-form ENTRYPOINT and CMD, Docker
      // uses it (plan.test.ts checks Docker's way).
      'SHELL ["/bin/bash", "-c"]',
    ].join('\n'),
  },
  {
    name: 'continuations with the backtick escape, comments inside them',
    // Only continuations: buildah 1.28 keeps `\` as the escape inside words whatever the
    // directive says, BuildKit uses the backtick there too (expand.test.ts checks Docker's way).
    dockerfile: [
      '# escape=`',
      'FROM scratch',
      'ENV a=1 `',
      '# a comment inside',
      '    b=2 `',
      '',
      '    c=3',
      'LABEL x=y `',
      '  z=w',
    ].join('\n'),
  },
  {
    name: 'HEALTHCHECK, ONBUILD and LABEL on several lines',
    dockerfile: [
      'FROM scratch',
      'HEALTHCHECK --interval=30s --timeout=5s --start-period=1m --retries=3 CMD curl -f http://localhost/ || exit 1',
      'ONBUILD RUN echo $HOME',
      'ONBUILD COPY . /app',
      'LABEL multi.label1="value1" \\',
      '      multi.label2="value2" \\',
      '      other="value3"',
    ].join('\n'),
  },
  {
    name: 'multi-stage: a stage built on another, --target',
    dockerfile: [
      'FROM scratch AS base',
      'ENV from_base=1',
      'LABEL stage=base',
      'FROM base AS app',
      'LABEL stage=app',
      'FROM scratch AS other',
      'LABEL stage=other',
    ].join('\n'),
    target: 'app',
  },
];

async function buildahConfig(
  root: string,
  testCase: Case,
  index: number,
): Promise<ContainerConfig | undefined> {
  const context = join(root, `ctx-${index}`);
  await mkdir(context, { recursive: true });
  await writeFile(join(context, 'Dockerfile'), `${testCase.dockerfile}\n`);
  const env = { ...process.env, CONTAINERS_CONF: join(root, 'containers.conf') };
  const storage = [
    '--root',
    join(root, 'root'),
    '--runroot',
    join(root, 'run'),
    '--storage-driver',
    'vfs',
  ];
  // Docker format, so SHELL and the config fields only Docker images have are kept.
  const args = [
    ...storage,
    'build',
    '-q',
    '--format',
    'docker',
    '--layers=false',
    '-t',
    `lighter-plan-${index}`,
  ];
  for (const [k, v] of Object.entries(testCase.buildArgs ?? {}))
    args.push('--build-arg', `${k}=${v}`);
  if (testCase.target) args.push('--target', testCase.target);
  args.push(context);
  const built = await tryExec('buildah', args, { env });
  if (built.code !== 0) throw new Error(`buildah build failed: ${built.stderr}`);
  const inspected = await tryExec(
    'buildah',
    [...storage, 'inspect', '--type', 'image', `lighter-plan-${index}`],
    { env },
  );
  if (inspected.code !== 0) throw new Error(`buildah inspect failed: ${inspected.stderr}`);
  const docker = JSON.parse(inspected.stdout).Docker.config as ContainerConfig;
  const labels = { ...docker.Labels };
  delete labels['io.buildah.version'];
  return { ...docker, Labels: labels };
}

const hasBuildah = (await tryExec('buildah', ['--version']).catch(() => ({ code: 1 }))).code === 0;

describe.skipIf(!hasBuildah)('planned config matches buildah for metadata-only builds', () => {
  const dir = useTempDir('plan-buildah');

  beforeAll(async () => {
    await writeFile(
      join(dir(), 'containers.conf'),
      '[containers]\ndefault_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]\n[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n',
    );
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, testCase, index) => {
    const expected = await buildahConfig(dir(), testCase, index);
    const plan = await planBuild({
      dockerfile: testCase.dockerfile,
      ...(testCase.buildArgs ? { buildArgs: testCase.buildArgs } : {}),
      ...(testCase.target ? { target: testCase.target } : {}),
    });
    const config = plan.stages[plan.targetStage]!.config;
    const pick = (c: ContainerConfig) => ({
      Env: c.Env ?? [],
      Labels: c.Labels ?? {},
      WorkingDir: c.WorkingDir ?? '',
      User: c.User ?? '',
      ExposedPorts: Object.keys(c.ExposedPorts ?? {}).sort(),
      Volumes: Object.keys(c.Volumes ?? {}).sort(),
      StopSignal: c.StopSignal ?? '',
      Cmd: c.Cmd?.length ? c.Cmd : null,
      Entrypoint: c.Entrypoint?.length ? c.Entrypoint : null,
      Shell: c.Shell ?? [],
      Healthcheck: c.Healthcheck ?? null,
      OnBuild: c.OnBuild?.length ? c.OnBuild : null,
    });
    expect(pick(config)).toEqual(pick(expected!));
  });
});
