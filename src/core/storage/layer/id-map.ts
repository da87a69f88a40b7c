// Maps uids and gids between a layer (container ids) and the disk (host ids), as user namespaces do.

import { LighterError } from '../../errors.js';

/** One range, as in the OCI runtime spec's `uidMappings`: container ids [c, c+size) are host [h, h+size). */
export interface IdMapping {
  containerId: number;
  hostId: number;
  size: number;
}

export interface IdMap {
  uids: readonly IdMapping[];
  gids: readonly IdMapping[];
}

/** Container id → host id; identity without a map. Throws when the id has no mapping. */
export function hostId(
  map: IdMap | undefined,
  kind: 'uid' | 'gid',
  id: number,
  entry: string,
): number {
  if (!map) return id;
  const ranges = kind === 'uid' ? map.uids : map.gids;
  for (const r of ranges) {
    if (id >= r.containerId && id < r.containerId + r.size) return r.hostId + (id - r.containerId);
  }
  throw new LighterError(
    'ERR_UNSUPPORTED',
    `entry "${entry}": ${kind} ${id} has no mapping to a host ${kind}`,
    { details: { entry, [kind]: id } },
  );
}

/** Host id → container id; identity without a map. Throws when the id has no mapping. */
export function containerId(
  map: IdMap | undefined,
  kind: 'uid' | 'gid',
  id: number,
  path: string,
): number {
  if (!map) return id;
  const ranges = kind === 'uid' ? map.uids : map.gids;
  for (const r of ranges) {
    if (id >= r.hostId && id < r.hostId + r.size) return r.containerId + (id - r.hostId);
  }
  throw new LighterError(
    'ERR_UNSUPPORTED',
    `"${path}": host ${kind} ${id} is outside the id map, so the layer cannot name its owner`,
    { details: { path, [kind]: id } },
  );
}
