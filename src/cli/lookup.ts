// Finding a command by name, with a suggestion when the name is mistyped.
import type { Command } from './context.js';
import { didYouMean } from './suggest.js';
import { UsageError } from './usage-error.js';

/** The command called `name`; `parent` names the command whose subcommands these are. */
export function findCommand(commands: readonly Command[], name: string, parent?: string): Command {
  const found = commands.find((c) => c.name === name);
  if (found) return found;
  const names = commands.map((c) => c.name);
  const what = parent === undefined ? 'command' : `${parent} command`;
  throw new UsageError(`unknown ${what} "${name}"${didYouMean(name, names)}`, parent);
}
