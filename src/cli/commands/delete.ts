// `lighter delete IMAGE`: deletes a manifest from a registry (skopeo delete).
import { LighterError } from '../../core/errors.js';
import { repositoryName } from '../../core/reference.js';
import { RegistryClient } from '../../core/registry/client.js';
import type { DockerImageReference } from '../../core/transport/docker/transport.js';
import { imageName, parseImageName } from '../../core/transport/index.js';
import { registryAccess } from '../access.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { type RegistryOptions, registryOptions, retryTimes } from '../options.js';

export interface DeleteRequest {
  image: string;
  registry: RegistryOptions;
  retryTimes: number;
}

export async function deleteImage(args: Args, ctx: CommandContext): Promise<number> {
  const request: DeleteRequest = {
    image: args.positionals[0]!,
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
  };
  return execute(request, ctx);
}

async function execute(request: DeleteRequest, ctx: CommandContext): Promise<number> {
  const ref = parseImageName(request.image);
  if (ref.transport !== 'docker') {
    throw new LighterError(
      'ERR_UNSUPPORTED',
      `delete works on registry images (docker://...), not ${ref.transport}: images; for the store use rmi`,
    );
  }
  const docker = ref as DockerImageReference;
  const client = new RegistryClient(docker.registry, {
    access: registryAccess(request.registry, request.retryTimes),
    logger: ctx.logger,
  });
  try {
    // Registries delete by digest: resolve the tag first, as skopeo does.
    let digest = docker.digest;
    if (!digest) {
      const info = await client.manifestInfo(docker.repository, docker.tag ?? 'latest');
      if (!info) {
        throw new LighterError('ERR_NOT_FOUND', `deleting ${imageName(ref)}: no such manifest`);
      }
      digest = info.digest;
    }
    await client.deleteManifest(docker.repository, digest);
    ctx.logger.info(`Deleted ${repositoryName(docker)}@${digest}`);
    return 0;
  } finally {
    await client.close();
  }
}
