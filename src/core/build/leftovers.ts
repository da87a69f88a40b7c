// RUN containers a killed build left behind (a cancelled CI job, Ctrl-C): found by their ID and removed, mounts and all.

import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import { defaultStateDir, listRecords, openContainer } from '../runtime/index.js';

/** Build containers are named `build-<pid of the builder>-<random>`. */
const BUILD_ID = /^build-(\d+)-[a-f0-9]+$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the RUN containers of builds whose process is gone; the containers of live builds
 * and every other lighter container (the run action's services) are left alone.
 */
export async function removeBuildLeftovers(
  logger: Logger,
  stateDir: string = defaultStateDir(),
): Promise<number> {
  let removed = 0;
  for (const record of await listRecords(stateDir).catch(() => [])) {
    const match = BUILD_ID.exec(record.id);
    if (!match || alive(Number(match[1]))) continue;
    try {
      const container = await openContainer(stateDir, record.id, logger);
      await container.delete({ force: true });
      removed++;
    } catch (err) {
      logger.warn(`removing build container ${record.id}: ${errorMessage(err)}`);
    }
  }
  if (removed > 0)
    logger.info(`removed ${removed} RUN container(s) left by a build that was killed`);
  return removed;
}
