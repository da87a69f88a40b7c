// Reads /proc/self/mountinfo: which mounts exist under our dirs, so cleanup misses none.

import { readFile } from 'node:fs/promises';

export interface MountEntry {
  id: number;
  parent: number;
  mountPoint: string;
  fsType: string;
  source: string;
  options: string;
}

/** Parses mountinfo text (see proc(5)); mount points come back with `\040`-style escapes decoded. */
export function parseMountInfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const fields = line.split(' ');
    const dash = fields.indexOf('-', 6);
    if (dash < 0) continue;
    entries.push({
      id: Number(fields[0]),
      parent: Number(fields[1]),
      mountPoint: decodeOctal(fields[4] ?? ''),
      options: fields[5] ?? '',
      fsType: fields[dash + 1] ?? '',
      source: decodeOctal(fields[dash + 2] ?? ''),
    });
  }
  return entries;
}

export async function readMountInfo(): Promise<MountEntry[]> {
  return parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8'));
}

/** Mounts at or below `dir`, deepest first: the order to unmount them in. */
export async function mountsUnder(dir: string): Promise<MountEntry[]> {
  const base = dir.endsWith('/') && dir !== '/' ? dir.slice(0, -1) : dir;
  const entries = (await readMountInfo()).filter(
    (m) => m.mountPoint === base || m.mountPoint.startsWith(`${base}/`),
  );
  // Later mounts on the same point hide earlier ones; the deepest and newest goes first.
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        b.entry.mountPoint.split('/').length - a.entry.mountPoint.split('/').length ||
        b.index - a.index,
    )
    .map(({ entry }) => entry);
}

export async function isMountPoint(path: string): Promise<boolean> {
  return (await readMountInfo()).some((m) => m.mountPoint === path);
}

function decodeOctal(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(Number.parseInt(octal, 8)),
  );
}
