// Creates device nodes and FIFOs with mknod(1), many per process, since Node has no mknod(2).
//
// Whiteouts are 0/0 character devices, and a layer that deletes a directory's contents holds
// hundreds of them side by side, so nodes are queued and made by one shell per batch.

import { spawn } from 'node:child_process';
import { LighterError } from '../../errors.js';

export interface NodeSpec {
  /** Absolute path; its parents were checked by the caller and nothing changes them meanwhile. */
  path: string;
  kind: 'character-device' | 'block-device' | 'fifo';
  major: number;
  minor: number;
  /** Permission bits (mknod -m ignores the umask). */
  mode: number;
}

// Five arguments a node: path, mode, type letter, major, minor.
const SCRIPT = `while [ "$#" -gt 0 ]; do
  if [ "$3" = p ]; then mknod -m "$2" -- "$1" p || exit 1
  else mknod -m "$2" -- "$1" "$3" "$4" "$5" || exit 1; fi
  shift 5
done`;

const TYPE_LETTER: Record<NodeSpec['kind'], string> = {
  'character-device': 'c',
  'block-device': 'b',
  fifo: 'p',
};

/** Makes every node in order; the first failure stops the batch and is thrown as ERR_STORE. */
export async function makeNodes(nodes: readonly NodeSpec[]): Promise<void> {
  if (nodes.length === 0) return;
  const args: string[] = [];
  for (const n of nodes) {
    args.push(
      n.path,
      (n.mode & 0o7777).toString(8),
      TYPE_LETTER[n.kind],
      String(n.major),
      String(n.minor),
    );
  }
  const { code, stderr } = await new Promise<{ code: number; stderr: string }>(
    (resolve, reject) => {
      const child = spawn('/bin/sh', ['-c', SCRIPT, 'lighter-mknod', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const err: Buffer[] = [];
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (exit) =>
        resolve({ code: exit ?? 1, stderr: Buffer.concat(err).toString('utf8') }),
      );
    },
  );
  if (code !== 0) {
    throw new LighterError(
      'ERR_STORE',
      `creating device nodes: ${stderr.trim() || `mknod exited ${code}`}`,
    );
  }
}
