// Bundles each action entry and the CLI with ncc into dist/, so they run with plain `node` and
// no node_modules beside them. dist/ is committed; CI rebuilds it and fails on any difference.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const ncc = join(root, 'node_modules', '.bin', 'ncc');

// source entry -> bundled file (the paths action.yml files name)
const entries = [
  ['actions/build/main.ts', 'dist/build/index.js'],
  ['actions/build/post.ts', 'dist/build/post.js'],
  ['actions/copy/main.ts', 'dist/copy/index.js'],
  ['actions/copy/post.ts', 'dist/copy/post.js'],
  ['actions/run/main.ts', 'dist/run/index.js'],
  ['actions/run/post.ts', 'dist/run/post.js'],
  ['src/cli/index.ts', 'dist/cli/index.js'],
  // The store's blob workers (hashing and unpacking beside a pull) load this file from beside
  // the bundle that starts them; through sudo it is also the layer helper (as-root.ts). Every
  // bundle that writes to a store has one (the copy action's `storage:` destination too).
  ['src/core/storage/blob-worker.ts', 'dist/cli/blob-worker.js'],
  ['src/core/storage/blob-worker.ts', 'dist/build/blob-worker.js'],
  ['src/core/storage/blob-worker.ts', 'dist/copy/blob-worker.js'],
  ['src/core/storage/blob-worker.ts', 'dist/run/blob-worker.js'],
];

// tsc compiles the sources to ESM JavaScript first (type errors stop the bundle here); ncc
// then bundles that JavaScript, so it needs no TypeScript handling of its own.
const build = join(root, '.build');
rmSync(build, { recursive: true, force: true });
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
writeFileSync(join(build, 'package.json'), '{"type":"module"}\n');

rmSync(join(root, 'dist'), { recursive: true, force: true });
for (const [source, target] of entries) {
  if (!existsSync(join(root, source))) continue;
  const out = mkdtempSync(join(tmpdir(), 'lighter-bundle-'));
  try {
    const compiled = join(build, source.replace(/\.ts$/, '.js'));
    execFileSync(ncc, ['build', compiled, '-o', out, '--license', 'licenses.txt', '-q'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const targetDir = join(root, dirname(target));
    mkdirSync(targetDir, { recursive: true });
    const base = target.split('/').pop()?.replace(/\.js$/, '') ?? 'index';
    for (const name of readdirSync(out)) {
      const from = join(out, name);
      if (name === 'index.js') {
        let code = readFileSync(from, 'utf8');
        const chunks = readdirSync(out).some((n) => n.endsWith('.index.js'));
        if (base !== 'index' && chunks) code = renameChunks(code, base, source);
        if (target.startsWith('dist/cli/') && !code.startsWith('#!')) {
          code = `#!/usr/bin/env node\n${code}`;
        }
        writeFileSync(join(root, target), code, {
          mode: target.startsWith('dist/cli/') ? 0o755 : 0o644,
        });
      } else if (name === 'licenses.txt') {
        // Each bundle keeps the licenses of what it contains: index.js's as licenses.txt,
        // post.js's as post.licenses.txt, and so on.
        cpSync(from, join(targetDir, base === 'index' ? name : `${base}.${name}`));
      } else {
        // package.json ({"type":"module"}) and chunks; a chunk must not replace another's.
        const to = join(targetDir, name.replace(/\.index\.js$/, `.${base}.js`));
        if (
          name !== 'package.json' &&
          existsSync(to) &&
          readFileSync(to, 'utf8') !== readFileSync(from, 'utf8')
        ) {
          throw new Error(`bundling ${source}: ${to} already holds another bundle's chunk`);
        }
        cpSync(from, to, { recursive: true });
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  process.stdout.write(`bundled ${source} -> ${target}\n`);
}
rmSync(build, { recursive: true, force: true });

// ncc names every bundle's chunks N.index.js, so two bundles in one dir (an action's main and
// post) would claim the same names for different code: a bundle other than index.js gets its
// chunks as N.<bundle>.js, and its loader is told so. The loader's one line that names chunk
// files must be there exactly once, or the bundle fails here rather than at run time.
function renameChunks(code, base, source) {
  const line = 'return "" + chunkId + ".index.js";';
  const count = code.split(line).length - 1;
  if (count !== 1) throw new Error(`bundling ${source}: cannot find where its chunks are named`);
  return code.replace(line, `return "" + chunkId + ".${base}.js";`);
}
