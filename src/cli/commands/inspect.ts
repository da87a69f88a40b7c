// `lighter inspect IMAGE`: an image's manifest, config or a summary of both, like skopeo inspect.
import { errorMessage } from '../../core/errors.js';
import { inspectImage, inspectSummary } from '../../core/inspect.js';
import { repositoryName } from '../../core/reference.js';
import { RegistryClient } from '../../core/registry/client.js';
import type { DockerImageReference } from '../../core/transport/docker/transport.js';
import { openSource, parseImageName } from '../../core/transport/index.js';
import { openOptions, registryAccess } from '../access.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type PlatformChoice,
  platformOption,
  type RegistryOptions,
  registryOptions,
  retryTimes,
} from '../options.js';
import { completePlatform } from '../platform.js';

export interface InspectRequest {
  image: string;
  registry: RegistryOptions;
  retryTimes: number;
  /** Print the manifest bytes as stored (with --config: the config blob). */
  raw: boolean;
  /** Print the image config rather than the manifest summary. */
  config: boolean;
  platform: PlatformChoice | undefined;
}

export function inspectRequest(args: Args, ctx: CommandContext): InspectRequest {
  return {
    image: args.positionals[0]!,
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
    raw: args.boolean('raw'),
    config: args.boolean('config'),
    platform: platformOption(args),
  };
}

export async function inspect(args: Args, ctx: CommandContext): Promise<number> {
  return execute(inspectRequest(args, ctx), args.string('store'), ctx);
}

async function execute(request: InspectRequest, store: string | undefined, ctx: CommandContext) {
  const ref = parseImageName(request.image);
  const source = await openSource(
    ref,
    openOptions(ctx, request.registry, request.retryTimes, store),
  );
  try {
    if (request.raw && !request.config) {
      ctx.out(Buffer.from((await source.manifest()).bytes).toString('utf8'));
      return 0;
    }
    const options = request.platform ? { platform: completePlatform(request.platform) } : {};
    const inspected = await inspectImage(source, options);
    if (request.config) {
      ctx.out(
        request.raw
          ? Buffer.from(inspected.configBytes).toString('utf8')
          : JSON.stringify(inspected.config, null, 4),
      );
      return 0;
    }
    const extra: { name?: string; repoTags?: string[] } = {};
    if (ref.transport === 'docker') {
      const docker = ref as DockerImageReference;
      extra.name = repositoryName(docker);
      extra.repoTags = await listTags(docker, request, ctx);
    }
    ctx.out(JSON.stringify(inspectSummary(inspected, extra), null, 4));
    return 0;
  } finally {
    await source.close();
  }
}

/** skopeo lists the repository's tags too; a registry that refuses the listing gets none. */
async function listTags(ref: DockerImageReference, request: InspectRequest, ctx: CommandContext) {
  const client = new RegistryClient(ref.registry, {
    access: registryAccess(request.registry, request.retryTimes),
    logger: ctx.logger,
  });
  try {
    return await client.tags(ref.repository);
  } catch (err) {
    ctx.logger.debug(`listing tags of ${repositoryName(ref)}: ${errorMessage(err)}`);
    return [];
  } finally {
    await client.close();
  }
}
