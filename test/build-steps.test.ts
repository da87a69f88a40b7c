// Step-list builds (the Buildah-script style): every kind of step, commit in the middle, and errors at the YAML line.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../src/core/build/builder.js';
import { parseStepList } from '../src/core/build/steps.js';
import { isLighterError } from '../src/core/errors.js';
import { push } from '../src/core/storage/pull.js';
import { Store } from '../src/core/storage/store.js';
import { pushBase, silent } from './fixtures/build/harness.js';
import { exec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';
import { useTempDir } from './helpers/temp-dir.js';

const isRoot = process.getuid?.() === 0;

describe('parseStepList', () => {
  it('turns each step into one instruction, remembering its line', () => {
    const list = parseStepList(
      [
        '- from: busybox',
        '- env: {A: "1", B: "two words"}',
        '- run: |',
        '    echo one',
        '    echo two',
        '- copy: src/ /app/',
        '- commit: base',
        '- user: nobody',
      ].join('\n'),
      'steps.yaml',
    );
    expect(list.dockerfile.split('\n').filter(Boolean)).toEqual([
      'FROM busybox AS step-stage-0',
      'ENV A="1" B="two words"',
      "RUN <<'LIGHTER_EOF'",
      'echo one',
      'echo two',
      'LIGHTER_EOF',
      'COPY ["src/","/app/"]',
      'FROM step-stage-0 AS step-stage-1',
      'USER nobody',
    ]);
    expect(list.lines.slice(0, 9)).toEqual([1, 2, 3, 3, 3, 3, 6, 8, 8]);
    expect(list.commits).toEqual([{ stage: 'step-stage-0', names: ['base'] }]);
    expect(list.last).toBe('step-stage-1');
  });

  it.each([
    ['- run: echo before from', /steps.yaml:1: run before any from/],
    ['- from: busybox\n- frm: x', /steps.yaml:2: unknown step "frm"/],
    ['- from: busybox\n- copy: onlyone', /steps.yaml:2: copy: expected "SRC... DEST"/],
    ['- from: busybox\n- env: [a]', /steps.yaml:2: env: expected a map/],
    ['from: busybox', /steps.yaml:1: a step list is a YAML list/],
  ])('%j fails at its line', (text, message) => {
    expect(() => parseStepList(text, 'steps.yaml')).toThrow(message);
  });
});

describe.skipIf(!isRoot)('step-list builds', () => {
  const registry = useRegistry();
  const dir = useTempDir('build-steps');
  let base = '';
  let ctx = '';

  beforeAll(async () => {
    base = await pushBase(registry().host);
    ctx = join(dir(), 'ctx');
    await mkdir(join(ctx, 'site'), { recursive: true });
    await writeFile(join(ctx, 'site', 'index.html'), '<h1>hi</h1>\n');
  });

  it('builds every kind of step and names the image at each commit', async () => {
    const steps = [
      `- from: ${base}`,
      '- env: {SITE: /srv/site}',
      '- workdir: /srv',
      '- copy: site/ /srv/site/',
      '- run: |',
      '    echo "served from $SITE" > /srv/about.txt',
      '    ls /srv/site > /srv/listing',
      '- label: {org.opencontainers.image.title: site}',
      '- commit: site-base',
      '- copy: {src: site/index.html, dest: /srv/copy.html, chown: nobody, chmod: "600"}',
      '- user: nobody',
      '- expose: [8080, 9090/udp]',
      '- entrypoint: ["/bin/httpd", "-f"]',
      '- cmd: ["-p", "8080"]',
      '- commit: [site-final]',
    ].join('\n');
    const storeDir = join(dir(), 'store');
    const result = await buildImage({
      contextDir: ctx,
      steps,
      file: 'build.yaml',
      storeDir,
      tags: ['site:1'],
      logger: silent,
    });
    expect(result.names).toEqual(['localhost/site:1', 'localhost/site-final:latest']);
    const store = await Store.open(storeDir);
    const final = await store.inspect('localhost/site:1');
    expect(final.config.config).toMatchObject({
      User: 'nobody',
      WorkingDir: '/srv',
      Entrypoint: ['/bin/httpd', '-f'],
      Cmd: ['-p', '8080'],
      ExposedPorts: { '8080/tcp': {}, '9090/udp': {} },
      Labels: { 'org.opencontainers.image.title': 'site' },
    });
    expect(final.config.config?.Env).toContain('SITE=/srv/site');
    const mid = await store.inspect('localhost/site-base:latest');
    expect(mid.config.config?.User ?? '').toBe('');
    expect(mid.config.rootfs.diff_ids.length).toBeLessThan(final.config.rootfs.diff_ids.length);

    await push(store, 'localhost/site:1', `oci:${join(dir(), 'layout')}:site`);
    await exec('umoci', [
      'unpack',
      '--image',
      `${join(dir(), 'layout')}:site`,
      join(dir(), 'bundle'),
    ]);
    const rootfs = join(dir(), 'bundle', 'rootfs');
    expect(await readFile(join(rootfs, 'srv', 'about.txt'), 'utf8')).toBe(
      'served from /srv/site\n',
    );
    expect(await readFile(join(rootfs, 'srv', 'listing'), 'utf8')).toBe('index.html\n');
    const { stdout } = await exec('stat', ['-c', '%a %u', join(rootfs, 'srv', 'copy.html')]);
    expect(stdout.trim()).toBe('600 65534');
  });

  it('points a failing step at its line in the step file', async () => {
    const steps = [`- from: ${base}`, '- run: echo fine', '- run: exit 4'].join('\n');
    const error = await buildImage({
      contextDir: ctx,
      steps,
      file: 'ci/build.yaml',
      storeDir: join(dir(), 'store'),
      logger: silent,
    }).catch((err: unknown) => err);
    expect(isLighterError(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^ci\/build.yaml:3: RUN \/bin\/sh -c exit 4 exited with code 4/,
    );
    expect((error as { details?: Record<string, unknown> }).details).toMatchObject({
      file: 'ci/build.yaml',
      line: 3,
    });
  });
});
