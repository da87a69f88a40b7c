// manifest.json of a docker archive: one entry per image, naming its config, tags and layer files.

import { LighterError } from '../../errors.js';

export const ARCHIVE_MANIFEST = 'manifest.json';
export const REPOSITORIES = 'repositories';
/** Docker has no media type for an uncompressed v2s2 layer; this is the one skopeo and docker use. */
export const DOCKER_LAYER_TAR = 'application/vnd.docker.image.rootfs.diff.tar';

export interface ArchiveImage {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
  [field: string]: unknown;
}

export function parseArchiveManifest(bytes: Uint8Array, where: string): ArchiveImage[] {
  const bad = (why: string) =>
    new LighterError('ERR_BAD_MANIFEST', `reading ${where}/${ARCHIVE_MANIFEST}: ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (err) {
    throw bad(`not valid JSON (${(err as Error).message})`);
  }
  if (!Array.isArray(value)) throw bad('not a JSON array');
  value.forEach((entry: unknown, i) => {
    if (typeof entry !== 'object' || entry === null) throw bad(`[${i}] is not an object`);
    const e = entry as Record<string, unknown>;
    if (typeof e.Config !== 'string' || e.Config === '')
      throw bad(`[${i}].Config is not a file name`);
    if (!Array.isArray(e.Layers) || e.Layers.some((l) => typeof l !== 'string')) {
      throw bad(`[${i}].Layers is not a list of file names`);
    }
    const tags = e.RepoTags;
    if (
      tags !== undefined &&
      tags !== null &&
      (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))
    ) {
      throw bad(`[${i}].RepoTags is not a list of names`);
    }
  });
  return value as ArchiveImage[];
}
