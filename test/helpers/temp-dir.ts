// Fresh temporary directories for tests, removed after the suite (or the process) ends.

import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const leftovers = new Set<string>();
let exitHookInstalled = false;

// A suite that crashes before afterAll would otherwise leave registries' storage behind.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    if (process.env.LIGHTER_KEEP_TEST_DIRS) return;
    for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  });
}

/** Creates `$TMPDIR/lighter-<prefix>-XXXXXX`; it is removed at process exit unless removed before. */
export async function makeTempDir(prefix = 'test'): Promise<string> {
  installExitHook();
  const dir = await mkdtemp(join(tmpdir(), `lighter-${prefix}-`));
  leftovers.add(dir);
  return dir;
}

/** Removes a directory made by makeTempDir (kept when LIGHTER_KEEP_TEST_DIRS is set, to debug). */
export async function removeTempDir(dir: string): Promise<void> {
  leftovers.delete(dir);
  if (process.env.LIGHTER_KEEP_TEST_DIRS) return;
  await rm(dir, { recursive: true, force: true });
}

/** For a vitest suite: a temp dir made in beforeAll and removed in afterAll. */
export function useTempDir(prefix = 'test'): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await makeTempDir(prefix);
  });
  afterAll(async () => {
    if (dir) await removeTempDir(dir);
  });
  return () => {
    if (!dir) throw new Error('useTempDir: the directory exists only inside tests of the suite');
    return dir;
  };
}
