// `lighter sync SOURCE DESTINATION`: many tags or repositories at once (skopeo sync).
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import {
  type RegistryOptions,
  registryOptions,
  retryTimes,
  type WriteOptions,
  writeOptions,
} from '../options.js';
import { notInThisBuild } from '../unsupported.js';

export const SYNC_SOURCES = ['docker', 'dir', 'yaml'] as const;
export const SYNC_DESTINATIONS = ['docker', 'dir', 'oci'] as const;

export interface SyncRequest extends WriteOptions {
  source: string;
  destination: string;
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
  if (sourceKind === undefined) throw args.usage('flag --src is required (docker, dir or yaml)');
  if (destinationKind === undefined)
    throw args.usage('flag --dest is required (docker, dir or oci)');
  const [source, destination] = args.positionals as [string, string];
  return {
    source,
    destination,
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

// The copy engine's sync (issue #3) plugs in here.
async function execute(_request: SyncRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the copy engine', 3);
}
