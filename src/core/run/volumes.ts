// Bind-mount sources checked before anything is created: a missing host path is the caller's mistake, reported as such.

import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import type { VolumeMount } from './options.js';

/** Fails with ERR_INVALID_ARGUMENT naming the first volume whose host path does not exist. */
export async function checkVolumeSources(volumes: readonly VolumeMount[]): Promise<void> {
  for (const volume of volumes) {
    try {
      await stat(resolve(volume.source));
    } catch {
      throw new InvalidArgumentError(
        `volume ${volume.source}:${volume.destination}: the host path ${resolve(volume.source)} does not exist`,
      );
    }
  }
}
