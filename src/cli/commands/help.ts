// `lighter help [COMMAND [SUBCOMMAND]]`: the command list, or one command's usage and flags.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { commandHelp, mainHelp } from '../help.js';
import { findCommand } from '../lookup.js';

export async function help(args: Args, ctx: CommandContext): Promise<number> {
  const [name, subName] = args.positionals;
  if (name === undefined) {
    ctx.out(mainHelp(ctx.commands));
    return 0;
  }
  const command = findCommand(ctx.commands, name);
  if (subName === undefined || !command.subcommands) {
    if (subName !== undefined) throw args.usage(`"${name}" has no subcommands`);
    ctx.out(commandHelp(command));
    return 0;
  }
  const sub = findCommand(command.subcommands, subName, name);
  ctx.out(commandHelp(sub, `${name} ${subName}`));
  return 0;
}
