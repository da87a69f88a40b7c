// Help text: the command list for `lighter --help`, and flags for `lighter help CMD`.
import type { Command } from './context.js';
import { type Flags, GLOBAL_FLAGS } from './flags.js';

const GROUPS: readonly Command['group'][] = ['Images', 'Store', 'Containers', 'Other'];

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const lines = [
    'lighter: daemonless container builds, copies and test pods',
    '',
    'Usage: lighter [--debug] [--store DIR] COMMAND [ARGS...]',
  ];
  for (const group of GROUPS) {
    const members = commands.filter((c) => c.group === group);
    if (members.length === 0) continue;
    lines.push('', `${group}:`);
    for (const c of members) lines.push(`  ${c.name.padEnd(width)}${c.summary}`);
  }
  lines.push('', 'Global flags:', ...flagLines(GLOBAL_FLAGS));
  lines.push('', 'Run "lighter help COMMAND" or "lighter COMMAND --help" for its flags.');
  return lines.join('\n');
}

/** Help for one command; `path` is how it was reached (`pod create`). */
export function commandHelp(command: Command, path: string = command.name): string {
  const lines = [`Usage: lighter ${command.usage}`, '', `${command.summary}.`];
  if (command.subcommands) {
    const width = Math.max(...command.subcommands.map((c) => c.name.length)) + 2;
    lines.push('', 'Commands:');
    for (const sub of command.subcommands) lines.push(`  ${sub.name.padEnd(width)}${sub.summary}`);
  }
  if (Object.keys(command.flags).length > 0) lines.push('', 'Flags:', ...flagLines(command.flags));
  lines.push('', 'Global flags:', ...flagLines(GLOBAL_FLAGS));
  if (command.subcommands) {
    lines.push('', `Run "lighter ${path} COMMAND --help" for a command's flags.`);
  }
  return lines.join('\n');
}

function flagLines(flags: Flags): string[] {
  const entries = Object.entries(flags).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : '';
    const repeat = spec.multiple ? ' (repeatable)' : '';
    return [`${short}--${name}${value}`, `${spec.description}${repeat}`] as const;
  });
  const width = Math.max(...entries.map(([left]) => left.length)) + 2;
  return entries.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}
