// NAME... or --all, for the commands that act on several containers or pods at once.
import type { Args } from '../args.js';

export function containerTargets(args: Args): { containers: readonly string[]; all: boolean } {
  const all = args.boolean('all');
  if (all && args.positionals.length > 0) throw args.usage('give names or --all, not both');
  if (!all && args.positionals.length === 0) throw args.usage('give at least one name, or --all');
  return { containers: args.positionals, all };
}
