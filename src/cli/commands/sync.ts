// `lighter sync SOURCE DESTINATION`: many tags or repositories at once (skopeo sync).
import { readFile } from 'node:fs/promises';
import { formatBytes } from '../../core/copy/progress.js';
import { sync as runSync, type SyncOptions } from '../../core/copy/sync.js';
import { parseSyncYaml, repositoryFromImageName } from '../../core/copy/sync-spec.js';
import { errorMessage, LighterError } from '../../core/errors.js';
import { registryAccess } from '../access.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type RegistryOptions,
  registryOptions,
  retryTimes,
  type WriteOptions,
  writeOptions,
} from '../options.js';

export const SYNC_SOURCES = ['docker', 'yaml'] as const;
export const SYNC_DESTINATIONS = ['docker', 'dir'] as const;

export interface SyncRequest extends WriteOptions {
  source: string;
  destinations: string[];
  sourceKind: (typeof SYNC_SOURCES)[number];
  destinationKind: (typeof SYNC_DESTINATIONS)[number];
  sourceRegistry: RegistryOptions;
  destinationRegistry: RegistryOptions;
  retryTimes: number;
  all: boolean;
  keepGoing: boolean;
  scoped: boolean;
}

export function syncRequest(args: Args, ctx: CommandContext): SyncRequest {
  const sourceKind = args.choice('src', SYNC_SOURCES);
  const destinationKind = args.choice('dest', SYNC_DESTINATIONS);
  if (sourceKind === undefined) throw args.usage('flag --src is required (docker or yaml)');
  if (destinationKind === undefined) throw args.usage('flag --dest is required (docker or dir)');
  const [source, ...destinations] = args.positionals as [string, ...string[]];
  return {
    source,
    destinations,
    sourceKind,
    destinationKind,
    sourceRegistry: registryOptions(args, ctx, 'src-'),
    destinationRegistry: registryOptions(args, ctx, 'dest-'),
    retryTimes: retryTimes(args),
    all: args.boolean('all'),
    keepGoing: args.boolean('keep-going'),
    scoped: args.boolean('scoped'),
    ...writeOptions(args),
  };
}

export async function sync(args: Args, ctx: CommandContext): Promise<number> {
  return execute(syncRequest(args, ctx), ctx);
}

async function execute(request: SyncRequest, ctx: CommandContext): Promise<number> {
  const repos =
    request.sourceKind === 'yaml'
      ? parseSyncYaml(await readSyncFile(request.source), request.source)
      : [repositoryFromImageName(withScheme(request.source))];
  const destinations = request.destinations.map((d) =>
    request.destinationKind === 'dir' ? `dir:${d.replace(/^dir:/, '')}` : withScheme(d),
  );
  const options: SyncOptions = {
    destinations,
    scoped: request.scoped,
    keepGoing: request.keepGoing,
    multiArch: request.all ? 'all' : 'system',
    preserveDigests: request.preserveDigests,
    open: {
      logger: ctx.logger,
      registry: registryAccess(request.destinationRegistry, request.retryTimes),
    },
    logger: ctx.logger,
  };
  if (request.format) options.format = request.format;
  if (request.compressFormat) options.compression = request.compressFormat;
  // The source side's flags apply to the repositories named on the command line.
  const sourceAccess = registryAccess(request.sourceRegistry, request.retryTimes);
  for (const repo of repos) repo.access = { ...sourceAccess, ...repo.access };
  const report = await runSync(repos, options);
  const bytes = report.images.reduce((n, i) => n + i.bytesCopied, 0);
  ctx.logger.info(
    `Synced ${report.images.length} image(s), ${formatBytes(bytes)} copied; ${report.failures.length} failure(s)`,
  );
  if (report.failures.length > 0) {
    throw new LighterError(
      report.failures[0]?.error.code ?? 'ERR_REGISTRY',
      `sync failed for ${report.failures.length} image(s):\n${report.failures.map((f) => `  ${f.error.message}`).join('\n')}`,
    );
  }
  return 0;
}

function withScheme(name: string): string {
  return name.startsWith('docker://') ? name : `docker://${name}`;
}

async function readSyncFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new LighterError('ERR_INPUT', `reading sync file ${file}: ${errorMessage(err)}`);
  }
}
