// Whether a path exists: for the state checks of stores, containers and pods.

import { stat } from 'node:fs/promises';

/** True when `path` exists (following symlinks), false when it does not; other errors throw. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
