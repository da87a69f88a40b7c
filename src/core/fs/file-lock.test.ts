import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/temp-dir.js';
import { isLighterError } from '../errors.js';
import { acquireFileLock, withFileLock } from './file-lock.js';

/** A pid that is certainly dead: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.on('close', resolve));
  return child.pid!;
}

describe('file lock', () => {
  const tmp = useTempDir('lock');

  it('serializes holders in one process', async () => {
    const path = join(tmp(), 'serial.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(path, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('records its holder and removes the file on release', async () => {
    const path = join(tmp(), 'holder.lock');
    const lock = await acquireFileLock(path);
    const owner = JSON.parse(await readFile(path, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    await expect(readFile(path)).rejects.toThrow(/ENOENT/);
  });

  it('breaks a lock left by a dead process', async () => {
    const path = join(tmp(), 'stale.lock');
    await writeFile(
      path,
      JSON.stringify({ pid: await deadPid(), host: hostname(), token: 'x', since: '' }),
    );
    const lock = await acquireFileLock(path, { timeoutMs: 2000 });
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('waits for a live holder and gives up with ERR_LOCKED naming it', async () => {
    const path = join(tmp(), 'live.lock');
    // Our own pid is alive, and another token means another holder.
    await writeFile(
      path,
      JSON.stringify({ pid: process.pid, host: hostname(), token: 'other', since: 'then' }),
    );
    const started = Date.now();
    const err = await acquireFileLock(path, { timeoutMs: 300, what: 'the thing' }).catch((e) => e);
    expect(isLighterError(err, 'ERR_LOCKED')).toBe(true);
    expect(err.message).toContain(`locking the thing: held by pid ${process.pid}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('does not judge a holder on another host by its pid', async () => {
    const path = join(tmp(), 'remote.lock');
    await writeFile(
      path,
      JSON.stringify({ pid: await deadPid(), host: 'elsewhere', token: 't', since: '' }),
    );
    const err = await acquireFileLock(path, { timeoutMs: 100 }).catch((e) => e);
    expect(isLighterError(err, 'ERR_LOCKED')).toBe(true);
  });

  it('is exclusive between processes', async () => {
    const path = join(tmp(), 'procs.lock');
    const counter = join(tmp(), 'counter');
    await writeFile(counter, '0');
    const loader = new URL('../../../scripts/ts-import.mjs', import.meta.url).pathname;
    const module = new URL('./file-lock.ts', import.meta.url).pathname;
    // Each child does 10 unguarded-looking read-increment-writes, each under the lock.
    const script = `
      import { withFileLock } from ${JSON.stringify(module)};
      import { readFile, writeFile } from 'node:fs/promises';
      for (let i = 0; i < 10; i++) {
        await withFileLock(${JSON.stringify(path)}, async () => {
          const n = Number(await readFile(${JSON.stringify(counter)}, 'utf8'));
          await new Promise((r) => setTimeout(r, 1));
          await writeFile(${JSON.stringify(counter)}, String(n + 1));
        });
      }`;
    await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(
              process.execPath,
              [
                '--experimental-transform-types',
                '--no-warnings',
                '--import',
                loader,
                '--input-type=module',
                '-e',
                script,
              ],
              { stdio: ['ignore', 'inherit', 'inherit'] },
            );
            child.on('close', (code) =>
              code === 0 ? resolve() : reject(new Error(`child exited ${code}`)),
            );
          }),
      ),
    );
    expect(await readFile(counter, 'utf8')).toBe('40');
  });
});
