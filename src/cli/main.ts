// The CLI's entry: finds the command, parses its flags, runs it, and maps the outcome to an exit code.
import { errorMessage } from '../core/errors.js';
import { consoleLogger, type Logger, SecretMasker } from '../core/log.js';
import { Args, type FlagValue, parseFlags } from './args.js';
import { COMMANDS } from './commands.js';
import type { Command, CommandContext } from './context.js';
import { type Flags, GLOBAL_FLAGS } from './flags.js';
import { commandHelp, mainHelp } from './help.js';
import { findCommand } from './lookup.js';
import { UsageError } from './usage-error.js';
import { lighterVersion } from './version.js';

/** Exit codes: 0 done, 1 the work failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Where the CLI reads and writes; injectable so tests run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  stdin(): Promise<string>;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  async stdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const TOP_FLAGS = {
  ...GLOBAL_FLAGS,
  version: { type: 'boolean', description: "Print lighter's version" },
} as const satisfies Flags;

/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
export async function main(
  argv: readonly string[],
  io: Partial<Io> = {},
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const { stdout, stderr, env, stdin } = { ...processIo, ...io };
  const masker = new SecretMasker();
  const line = (write: (text: string) => void) => (text: string) => write(`${masker.mask(text)}\n`);
  const out = line(stdout);
  const err = line(stderr);
  let debug = false;
  let path = '';

  try {
    const top = parseFlags(argv, TOP_FLAGS, { stopAfter: 1 });
    debug = top.values.debug === true;
    if (top.values.version === true) {
      out(`lighter ${await lighterVersion()}`);
      return EXIT_OK;
    }
    const name = top.positionals[0];
    if (name === undefined) {
      if (top.values.help === true) {
        out(mainHelp(commands));
        return EXIT_OK;
      }
      err(mainHelp(commands));
      return EXIT_USAGE;
    }
    let command = findCommand(commands, name);
    path = name;
    let values: Record<string, FlagValue> = { ...top.values };
    let rest: readonly string[] = top.rest;
    for (;;) {
      const parsed = parseFlags(
        rest,
        { ...GLOBAL_FLAGS, ...command.flags },
        {
          command: path,
          stopAfter: command.stopAfter,
        },
      );
      values = { ...values, ...definedOnly(parsed.values) };
      debug = values.debug === true;
      if (values.help === true) {
        out(commandHelp(command, path));
        return EXIT_OK;
      }
      const positionals = [...parsed.positionals, ...parsed.rest];
      if (command.subcommands) {
        const sub = positionals[0];
        if (sub === undefined) {
          const names = command.subcommands.map((c) => c.name).join(', ');
          throw new UsageError(`missing command (one of ${names})`, path);
        }
        command = findCommand(command.subcommands, sub, path);
        path = `${path} ${sub}`;
        rest = positionals.slice(1);
        continue;
      }
      checkCount(command, path, positionals);
      const logger = maskingLogger(consoleLogger({ verbose: debug, write: err }), masker);
      const ctx: CommandContext = { logger, out, env, stdin, commands };
      if (!command.run) throw new UsageError('this command cannot run by itself', path);
      return await command.run(new Args(path, values, positionals), ctx);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const where = error.command ?? '';
      err(`lighter${where ? ` ${where}` : ''}: ${error.message}`);
      err(
        where
          ? `Run "lighter ${where} --help" for usage.`
          : 'Run "lighter help" for a list of commands.',
      );
      return EXIT_USAGE;
    }
    err(`lighter${path ? ` ${path}` : ''}: ${errorMessage(error)}`);
    if (debug) for (const detail of causeChain(error)) err(detail);
    return EXIT_FAILURE;
  }
}

function definedOnly(values: Record<string, FlagValue>): Record<string, FlagValue> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function checkCount(command: Command, path: string, positionals: readonly string[]): void {
  const { min, max } = command.args;
  const n = positionals.length;
  if (n >= min && (max === undefined || n <= max)) return;
  const plural = (k: number) => `${k} argument${k === 1 ? '' : 's'}`;
  let expected: string;
  if (max === 0) expected = 'no arguments';
  else if (max === min) expected = plural(min);
  else if (max === undefined) expected = `at least ${plural(min)}`;
  else if (max === min + 1) expected = `${min} or ${plural(max)}`;
  else expected = `${min} to ${plural(max)}`;
  throw new UsageError(`expected ${expected}, got ${n} (usage: lighter ${command.usage})`, path);
}

/** The logger's own masker hides secrets in log lines; ours hides them in results and errors. */
function maskingLogger(logger: Logger, masker: SecretMasker): Logger {
  return {
    ...logger,
    secret(value) {
      masker.add(value);
      logger.secret(value);
    },
  };
}

/** The stack, then each cause's message, for --debug. */
function causeChain(error: unknown): string[] {
  const lines: string[] = [];
  if (error instanceof Error && error.stack) lines.push(error.stack);
  let cause = error instanceof Error ? error.cause : undefined;
  while (cause !== undefined) {
    lines.push(`caused by: ${errorMessage(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines;
}
