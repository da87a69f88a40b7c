// Extended attributes through setfattr/getfattr (Debian package `attr`), in one process per batch.
//
// Node has no xattr API and lighter takes no native addon. One `setfattr --restore` reads many
// files' attributes from stdin and one `getfattr -R` dumps a whole tree, so the cost is a
// process per layer, not per file. The caller checks paths before handing them over: both
// tools resolve parent directories through symlinks.

import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type Xattrs = ReadonlyArray<readonly [name: string, value: Buffer]>;

export interface XattrJob {
  /** Relative to the batch's working directory. */
  path: string;
  attrs: Xattrs;
}

const availability = new Map<string, boolean>();

/** Whether an executable is on PATH (cached; the PATH of a CI job does not change under us). */
export function hasCommand(command: string): boolean {
  let found = availability.get(command);
  if (found === undefined) {
    found = (process.env.PATH ?? '').split(delimiter).some((dir) => {
      if (!dir) return false;
      try {
        accessSync(join(dir, command), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
    availability.set(command, found);
  }
  return found;
}

export const ATTR_TOOLS_HINT = 'setfattr and getfattr (Debian/Ubuntu package "attr")';

/**
 * Sets attributes without following a symlink in the last component (`-h`).
 * Resolves with setfattr's complaints, one per failed file or attribute; [] when all were set.
 */
export async function setXattrs(cwd: string, jobs: readonly XattrJob[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  const lines: string[] = [];
  for (const job of jobs) {
    lines.push(`# file: ${quote(Buffer.from(job.path, 'utf8'), '')}`);
    for (const [name, value] of job.attrs) {
      // setfattr reads "0x" as a malformed value, so an empty one is written as text.
      const encoded = value.length === 0 ? '""' : `0x${value.toString('hex')}`;
      lines.push(`${quote(Buffer.from(name, 'utf8'), '=')}=${encoded}`);
    }
    lines.push('');
  }
  const { code, stderr } = await run(
    'setfattr',
    ['-h', '--restore=-'],
    cwd,
    `${lines.join('\n')}\n`,
  );
  if (code === 0) return [];
  const complaints = stderr.split('\n').filter((l) => l.trim() !== '');
  return complaints.length > 0 ? complaints : [`setfattr exited ${code}`];
}

export interface XattrTree {
  /** Attributes by path relative to the root ('' is the root), sorted by name. */
  byPath: Map<string, Array<[string, Buffer]>>;
  /** getfattr's complaints about files it could not read. */
  errors: string[];
}

/** Reads every attribute of every file under `root` in one walk that follows no symlink. */
export async function readXattrTree(root: string): Promise<XattrTree> {
  const byPath = new Map<string, Array<[string, Buffer]>>();
  const child = spawn('getfattr', ['-R', '-P', '-h', '-d', '-m', '-', '-e', 'hex', '.'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  // latin1 keeps every byte of a file name as one character until unquote turns it to UTF-8.
  child.stdout.setEncoding('latin1');
  let current: Array<[string, Buffer]> | undefined;
  // readline only when a layer has xattrs to read (the store's module is on every run's path).
  const { createInterface } = process.getBuiltinModule('node:readline');
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    if (line.startsWith('# file: ')) {
      let path = unquote(line.slice('# file: '.length));
      if (path === '.') path = '';
      else if (path.startsWith('./')) path = path.slice(2);
      current = [];
      byPath.set(path, current);
      continue;
    }
    const equals = line.indexOf('=');
    if (!current || equals <= 0) continue;
    current.push([unquote(line.slice(0, equals)), decodeValue(line.slice(equals + 1))]);
  }
  const code = await exited;
  for (const attrs of byPath.values())
    attrs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const errors =
    code === 0
      ? []
      : Buffer.concat(stderr)
          .toString('utf8')
          .split('\n')
          .filter((l) => l.trim() !== '');
  return { byPath, errors };
}

/** The attr tools' escaping: listed characters, backslash and anything unprintable as \ooo. */
function quote(bytes: Buffer, extra: string): string {
  let out = '';
  for (const byte of bytes) {
    const char = String.fromCharCode(byte);
    if (byte <= 0x20 || byte >= 0x7f || char === '\\' || extra.includes(char)) {
      out += `\\${byte.toString(8).padStart(3, '0')}`;
    } else {
      out += char;
    }
  }
  return out;
}

function unquote(latin1: string): string {
  const raw = latin1.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(Number.parseInt(octal, 8)),
  );
  return Buffer.from(raw, 'latin1').toString('utf8');
}

function decodeValue(text: string): Buffer {
  if (text.startsWith('0x')) return Buffer.from(text.slice(2), 'hex');
  if (text.startsWith('0s')) return Buffer.from(text.slice(2), 'base64');
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
    return Buffer.from(unquote(text.slice(1, -1)), 'utf8');
  }
  return Buffer.from(text, 'latin1');
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  input: string,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => {}); // an early exit closes stdin; 'close' reports the failure
    child.stdin.end(input, 'latin1');
  });
}
