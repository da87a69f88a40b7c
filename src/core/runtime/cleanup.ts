// Removes everything lighter's containers left in a state dir: after a run action, or after lighter was killed.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../errors.js';
import { type Logger, silentLogger } from '../log.js';
import { privileged, runCommand, runtimeArgv } from './command.js';
import { openContainer } from './container.js';
import { chooseRuntime, hostFacts, type Runtime, type RuntimeName } from './detect.js';
import { mountsUnder } from './mountinfo.js';
import { containerPaths, runtimeRoot } from './paths.js';
import { unmount } from './rootfs.js';
import { containerIds, readRecord } from './state.js';

export interface CleanupResult {
  /** Containers deleted through their records. */
  containers: string[];
  /** Containers the runtime still knew without a record of ours (a crash mid-create). */
  strays: string[];
  /** Mount points unmounted that no record accounted for. */
  mounts: string[];
  /** What could not be undone, one message each; cleanup goes on past failures. */
  failures: string[];
}

/**
 * Kills and deletes every container recorded in `stateDir`, then whatever the runtimes still
 * list under our `--root`s, unmounts anything left mounted under `stateDir` and removes the
 * container dirs. Safe to run twice, and while nothing is there.
 */
export async function cleanupAll(
  stateDir: string,
  options: { logger?: Logger } = {},
): Promise<CleanupResult> {
  const logger = options.logger ?? silentLogger;
  const result: CleanupResult = { containers: [], strays: [], mounts: [], failures: [] };
  const runtimes = new Map<RuntimeName, Runtime>();

  for (const id of await containerIds(stateDir)) {
    const record = await readRecord(stateDir, id).catch(() => undefined);
    if (!record) continue;
    runtimes.set(record.runtime.name, record.runtime);
    try {
      const container = await openContainer(stateDir, id, logger);
      await container.delete({ force: true });
      result.containers.push(id);
      logger.debug(`cleanup: removed container ${record.name}`);
    } catch (error) {
      result.failures.push(`removing container ${record.name}: ${errorMessage(error)}`);
    }
  }

  for (const name of await listDir(join(stateDir, 'runtime'))) {
    if (name !== 'runc' && name !== 'crun') continue;
    const runtime = runtimes.get(name) ?? (await runtimeFor(name));
    if (!runtime) {
      result.failures.push(`${name} is not installed: cannot list what it still runs`);
      continue;
    }
    const root = runtimeRoot(stateDir, name);
    const listed = await runCommand(runtimeArgv(runtime, root, ['list', '-q']));
    for (const id of listed.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const deleted = await runCommand(runtimeArgv(runtime, root, ['delete', '--force', id]));
      if (deleted.code === 0) result.strays.push(id);
      else result.failures.push(`${name} delete ${id}: ${deleted.stderr.trim()}`);
    }
  }

  const sudo = [...runtimes.values()].some((r) => r.sudo) || (await needsSudo());
  for (const mount of await mountsUnder(stateDir)) {
    try {
      await unmount(mount.mountPoint, { sudo, logger });
      result.mounts.push(mount.mountPoint);
    } catch (error) {
      result.failures.push(errorMessage(error));
    }
  }
  // Dirs without a record: a crash between making the dir and writing the record.
  for (const id of await containerIds(stateDir)) {
    const dir = containerPaths(stateDir, id).dir;
    if ((await mountsUnder(dir)).length > 0) continue;
    const removed = await runCommand(
      privileged(['rm', '-rf', '--one-file-system', '--', dir], sudo),
    );
    if (removed.code !== 0) result.failures.push(`removing ${dir}: ${removed.stderr.trim()}`);
  }
  for (const failure of result.failures) logger.warn(`cleanup: ${failure}`);
  return result;
}

async function runtimeFor(name: RuntimeName): Promise<Runtime | undefined> {
  try {
    const runtime = chooseRuntime(await hostFacts(), name);
    return runtime.name === name ? runtime : undefined;
  } catch {
    return undefined;
  }
}

async function needsSudo(): Promise<boolean> {
  if (process.getuid?.() === 0) return false;
  return (await hostFacts()).sudo;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
