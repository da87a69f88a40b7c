// `lighter version`: prints lighter's version.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { lighterVersion } from '../version.js';

export async function version(_args: Args, ctx: CommandContext): Promise<number> {
  ctx.out(`lighter ${await lighterVersion()}`);
  return 0;
}
