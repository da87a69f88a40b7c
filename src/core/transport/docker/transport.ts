// The `docker://REGISTRY/REPO[:TAG][@DIGEST]` transport: images in a registry, through RegistryClient.

import { errorMessage, LighterError } from '../../errors.js';
import { formatReference, parseReference, type Reference } from '../../reference.js';
import type { ImageReference, Transport } from '../types.js';

/** A registry image: a normalized Reference (explicit registry, `latest` when untagged). */
export interface DockerImageReference extends ImageReference, Reference {
  readonly transport: 'docker';
}

/** Parses `//registry/repo:tag` as skopeo does: no tag and no digest means `latest`. */
export function parseDockerReference(rest: string): DockerImageReference {
  if (!rest.startsWith('//')) {
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `invalid image name "docker:${rest}": expected docker://registry/repository[:tag][@digest]`,
    );
  }
  try {
    return { transport: 'docker', ...parseReference(rest.slice(2)) };
  } catch (err) {
    if (err instanceof LighterError) {
      throw new LighterError(
        'ERR_BAD_REFERENCE',
        `invalid image name "docker:${rest}": ${err.message}`,
        {
          cause: err,
        },
      );
    }
    throw new LighterError(
      'ERR_BAD_REFERENCE',
      `invalid image name "docker:${rest}": ${errorMessage(err)}`,
    );
  }
}

export function formatDockerReference(ref: DockerImageReference): string {
  return `//${formatReference(ref)}`;
}

export const dockerTransport = {
  name: 'docker',
  parse: parseDockerReference,
  format: formatDockerReference,
  openSource: async (ref, options?) => (await import('./source.js')).openDockerSource(ref, options),
  openDestination: async (ref, options?) =>
    (await import('./destination.js')).openDockerDestination(ref, options),
} satisfies Transport<DockerImageReference>;
