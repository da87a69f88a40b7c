// `lighter tags REPOSITORY`: every tag of a repository, following pagination (skopeo list-tags).
import { parseRepository, repositoryName } from '../../core/reference.js';
import { RegistryClient } from '../../core/registry/client.js';
import { registryAccess } from '../access.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { type RegistryOptions, registryOptions, retryTimes } from '../options.js';

export interface TagsRequest {
  repository: string;
  registry: RegistryOptions;
  retryTimes: number;
}

export async function tags(args: Args, ctx: CommandContext): Promise<number> {
  const request: TagsRequest = {
    repository: args.positionals[0]!,
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
  };
  return execute(request, ctx);
}

async function execute(request: TagsRequest, ctx: CommandContext): Promise<number> {
  // skopeo list-tags takes docker://REPO; a bare repository name works too.
  const name = request.repository.replace(/^docker:\/\//, '');
  const repo = parseRepository(name);
  const client = new RegistryClient(repo.registry, {
    access: registryAccess(request.registry, request.retryTimes),
    logger: ctx.logger,
  });
  try {
    const tags = await client.tags(repo.repository);
    ctx.out(JSON.stringify({ Repository: repositoryName(repo), Tags: tags }, null, 4));
    return 0;
  } finally {
    await client.close();
  }
}
