// A process whose only work is its containers must live until that work is done: nothing it
// awaits may hang on a handle it has let go of (the monitor is unref'd once started).

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cleanupAll } from '../src/core/runtime/index.js';
import { busyboxRootfs } from './helpers/rootfs.js';
import { makeTempDir } from './helpers/temp-dir.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const isRoot = process.getuid?.() === 0;

describe.skipIf(!isRoot)('a process that only runs containers', () => {
  // Regression: delete() awaited the exit of a monitor it had unref'd; when the runtime had
  // nothing left to delete, nothing else held the event loop and Node exited 0 mid-build.
  it('starts, waits for and deletes quick containers one after another to the end', async () => {
    const stateDir = await makeTempDir('lifetime-state');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--import',
          join(repo, 'scripts/ts-import.mjs'),
          join(repo, 'test/fixtures/runtime/quick-containers.ts'),
          stateDir,
          await busyboxRootfs(),
          '12',
        ],
        { env },
      );
      expect(stdout).toBe('done 12\n');
    } finally {
      await cleanupAll(stateDir);
    }
  });
});
