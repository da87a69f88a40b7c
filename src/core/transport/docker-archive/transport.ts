// The `docker-archive:FILE[:REF|:@N]` transport: the tar that `docker save` writes and `docker load` reads.

import { LighterError } from '../../errors.js';
import { familiarReference, parseReference, type Reference } from '../../reference.js';
import type { ImageReference, Transport } from '../types.js';

export interface DockerArchiveReference extends ImageReference {
  readonly transport: 'docker-archive';
  readonly path: string;
  /** The tag to write into RepoTags (destination) or to pick by (source). */
  readonly reference?: Reference;
  /** `@N`: the Nth image of manifest.json (sources only). */
  readonly index?: number;
}

function invalid(rest: string, why: string): LighterError {
  return new LighterError(
    'ERR_BAD_REFERENCE',
    `invalid image name "docker-archive:${rest}": ${why}`,
  );
}

export const dockerArchiveTransport = {
  name: 'docker-archive',
  parse(rest: string): DockerArchiveReference {
    const from = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
    const colon = rest.indexOf(':', from);
    const path = colon === -1 ? rest : rest.slice(0, colon);
    const after = colon === -1 ? '' : rest.slice(colon + 1);
    if (path === '') throw invalid(rest, 'no path');
    if (after === '') return { transport: 'docker-archive', path };
    if (after.startsWith('@')) {
      if (!/^@\d{1,9}$/.test(after)) throw invalid(rest, `"${after}" is not @ and an image number`);
      return { transport: 'docker-archive', path, index: Number(after.slice(1)) };
    }
    let reference: Reference;
    try {
      reference = parseReference(after);
    } catch (err) {
      throw invalid(rest, (err as Error).message);
    }
    if (reference.digest !== undefined) {
      throw invalid(rest, 'an archive names images by tag, not by digest');
    }
    return { transport: 'docker-archive', path, reference };
  },
  format(ref: DockerArchiveReference): string {
    if (ref.reference) return `${ref.path}:${familiarReference(ref.reference)}`;
    if (ref.index !== undefined) return `${ref.path}:@${ref.index}`;
    return ref.path;
  },
  openSource: async (ref, options?) =>
    (await import('./source.js')).openDockerArchiveSource(ref, options),
  openDestination: async (ref, options?) =>
    (await import('./destination.js')).openDockerArchiveDestination(ref, options),
} satisfies Transport<DockerArchiveReference>;
