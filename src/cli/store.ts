// Opens the store a CLI command works on: --store, else $LIGHTER_STORE, else the default.
import { defaultStoreDir } from '../core/storage/location.js';
import { Store } from '../core/storage/store.js';
import type { Args } from './args.js';
import type { CommandContext } from './context.js';

export function storeDir(args: Args, ctx: CommandContext): string {
  return (
    args.string('store') || ctx.env.LIGHTER_STORE || defaultStoreDir(ctx.env as NodeJS.ProcessEnv)
  );
}

export function openStore(args: Args, ctx: CommandContext): Promise<Store> {
  return Store.open(storeDir(args, ctx), { logger: ctx.logger });
}
