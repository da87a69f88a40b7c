// What resolveSources picks from a context against what buildah's COPY puts in an image (FROM scratch needs no RUN).
import { lstat, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryExec } from '../../../../test/helpers/exec.js';
import { useTempDir } from '../../../../test/helpers/temp-dir.js';
import { IgnoreMatcher, parseIgnoreFile } from './ignore.js';
import { resolveSources } from './sources.js';

const hasBuildah = (await tryExec('buildah', ['--version']).catch(() => ({ code: 1 }))).code === 0;

// [COPY sources, destination directory]
const COPIES: [string[], string][] = [
  [['.'], '/all/'],
  [['links/to-file', 'links/to-dir'], '/l/'],
  [['*.txt', 'src/*/u.go'], '/w/'],
  [['src'], '/s/'],
  [['node_modules'], '/n/'],
  [['/src/./util/'], '/u/'],
];

const IGNORE = '*.log\nnode_modules\n!node_modules/keep\nsrc/**/*.md\n# comment\n/docs/*.tmp\n';

async function listTree(root: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(join(root, prefix))).sort()) {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    const st = await lstat(join(root, path));
    out.push(`${st.isSymbolicLink() ? 'l' : st.isDirectory() ? 'd' : 'f'} ${path}`);
    if (st.isDirectory()) out.push(...(await listTree(root, path)));
  }
  return out;
}

describe.skipIf(!hasBuildah)('resolveSources against buildah COPY', () => {
  const dir = useTempDir('sources-buildah');
  let mounted = '';
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const ctx = join(dir(), 'ctx');
    const files: Record<string, string> = {
      'a.txt': 'a',
      'b.txt': 'b',
      'x.log': 'x',
      'src/main.go': 'm',
      'src/util/u.go': 'u',
      'src/util/README.md': 'r',
      'node_modules/a/i.js': 'i',
      'node_modules/keep/k.js': 'k',
      'docs/d.md': 'd',
      'docs/t.tmp': 't',
    };
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(ctx, path, '..'), { recursive: true });
      await writeFile(join(ctx, path), content);
    }
    await mkdir(join(ctx, 'links'));
    await symlink('../a.txt', join(ctx, 'links/to-file'));
    await symlink('../src/util', join(ctx, 'links/to-dir'));
    await symlink('/etc/passwd', join(ctx, 'links/abs'));
    await writeFile(join(ctx, '.dockerignore'), IGNORE);
    const lines = ['FROM scratch', ...COPIES.map(([s, d]) => `COPY ${s.join(' ')} ${d}`)];
    await writeFile(join(ctx, 'Dockerfile'), `${lines.join('\n')}\n`);

    const conf = join(dir(), 'containers.conf');
    await writeFile(
      conf,
      '[engine]\nruntime = "runc"\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\n',
    );
    const env = { ...process.env, CONTAINERS_CONF: conf };
    const storage = [
      '--root',
      join(dir(), 'root'),
      '--runroot',
      join(dir(), 'run'),
      '--storage-driver',
      'vfs',
    ];
    const buildah = async (...args: string[]) => {
      const result = await tryExec('buildah', [...storage, ...args], { env });
      if (result.code !== 0) throw new Error(`buildah ${args[0]} failed: ${result.stderr}`);
      return result.stdout.trim().split('\n').pop()!;
    };
    const image = await buildah('build', '-q', '--layers=false', ctx);
    const container = await buildah('from', image);
    mounted = await buildah('mount', container);
    cleanup = async () => {
      await buildah('rm', container);
      await buildah('rmi', image);
    };
  });

  afterAll(async () => {
    await cleanup();
  });

  it.each(COPIES)('COPY %j %s', async (sources, dest) => {
    const ctx = join(dir(), 'ctx');
    const ignore = new IgnoreMatcher(parseIgnoreFile(IGNORE));
    const ours = new Set<string>();
    for await (const entry of resolveSources(ctx, sources, { ignore })) {
      if (entry.target === '') continue;
      const type = entry.stat.isSymbolicLink() ? 'l' : entry.stat.isDirectory() ? 'd' : 'f';
      ours.add(`${type} ${entry.target}`);
    }
    const theirs = await listTree(join(mounted, dest));
    expect([...ours].sort()).toEqual(theirs.sort());
  });
});
