// What a command gets besides its arguments: where to write, what to log to, the environment.
import type { Logger } from '../core/log.js';
import type { Args } from './args.js';
import type { Flags } from './flags.js';

export interface CommandContext {
  logger: Logger;
  /** Writes a line of the command's result to stdout (logs go to the logger, on stderr). */
  out(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of stdin (for --password-stdin). */
  stdin(): Promise<string>;
  /** The command table, for help. */
  commands: readonly Command[];
}

export interface Command {
  name: string;
  /** Heading the command is listed under in `lighter --help`. */
  group: 'Images' | 'Store' | 'Containers' | 'Other';
  summary: string;
  /** After `lighter `: `copy [flags] SOURCE DESTINATION`. */
  usage: string;
  /** Flags of this command; the global ones are added to every command. */
  flags: Flags;
  /** How many positional arguments it takes; `max` undefined for any number. */
  args: { min: number; max?: number };
  /** Stop reading flags after this many positionals (the rest is a command line to run). */
  stopAfter?: number;
  /** For `pod` and `kube`: the first positional picks one of these. */
  subcommands?: readonly Command[];
  run?: (args: Args, ctx: CommandContext) => Promise<number>;
}
