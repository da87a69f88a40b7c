// Test helpers for layer code: archives built entry by entry, tree snapshots, overlay mounts.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pack as tarPack } from 'tar-stream';
import { encodeHeader, endOfArchive, padding, type TarEntryType } from './tar-header.js';
import { readXattrTree } from './xattr.js';

export interface FixtureEntry {
  name: string;
  type?: TarEntryType;
  data?: string | Buffer;
  linkname?: string;
  mode?: number;
  uid?: number;
  gid?: number;
  /** Seconds; default 1,000,000,000 so trees compare without clock noise. */
  mtime?: number;
  devmajor?: number;
  devminor?: number;
  /** PAX records written by tar-stream as text (values must be UTF-8). */
  pax?: Record<string, string>;
}

export const FIXTURE_MTIME = 1_000_000_000;

/** A tar made by tar-stream, the way a third-party tool would write it. */
export async function tarStreamArchive(entries: readonly FixtureEntry[]): Promise<Buffer> {
  const pack = tarPack();
  const chunks: Buffer[] = [];
  const reading = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (const e of entries) {
    const type = e.type ?? 'file';
    const data = e.data === undefined ? undefined : Buffer.from(e.data);
    await new Promise<void>((resolve, reject) => {
      const header = {
        name: e.name,
        type,
        mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644),
        uid: e.uid ?? 0,
        gid: e.gid ?? 0,
        mtime: new Date((e.mtime ?? FIXTURE_MTIME) * 1000),
        linkname: e.linkname,
        devmajor: e.devmajor,
        devminor: e.devminor,
        pax: e.pax,
      };
      const cb = (err?: Error | null) => (err ? reject(err) : resolve());
      if (type === 'file') pack.entry(header, data ?? Buffer.alloc(0), cb);
      else pack.entry(header, cb).end(undefined);
    });
  }
  pack.finalize();
  await reading;
  return Buffer.concat(chunks);
}

/** A tar written with lighter's own header encoder, for binary PAX values. */
export function rawArchive(
  entries: ReadonlyArray<FixtureEntry & { xattrs?: Array<[string, Buffer]> }>,
): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const type = e.type ?? 'file';
    const data = Buffer.from(e.data ?? '');
    parts.push(
      encodeHeader({
        name: e.name,
        type,
        mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644),
        uid: e.uid ?? 0,
        gid: e.gid ?? 0,
        size: type === 'file' ? data.length : 0,
        mtime: e.mtime ?? FIXTURE_MTIME,
        linkname: e.linkname,
        devmajor: e.devmajor,
        devminor: e.devminor,
        xattrs: e.xattrs,
      }),
    );
    if (type === 'file') parts.push(data, padding(data.length));
  }
  parts.push(endOfArchive());
  return Buffer.concat(parts);
}

// A vfs_cap_data (revision 2) granting cap_setuid: its 0x80 byte is not valid UTF-8 on its own.
export const CAP_SETUID = Buffer.from('0100000280000000000000000000000000000000', 'hex');
export const LONG_DIR = `${'long-directory-name-'.repeat(7)}x`;
export const LONG_NAME = `${LONG_DIR}/${'file-'.repeat(30)}end`;

/** A layer with every kind of entry and attribute a layer can hold. */
export function attributesLayer(): Buffer {
  return rawArchive([
    { name: 'bin', type: 'directory', mode: 0o755, mtime: 1_100_000_000 },
    { name: 'bin/busybox', data: 'ELF...', mode: 0o755 },
    { name: 'bin/su', data: 'su', mode: 0o4755, mtime: 1_200_000_000 },
    { name: 'bin/su-again', type: 'link', linkname: 'bin/su' },
    { name: 'bin/sh', type: 'symlink', linkname: 'busybox', mtime: 1_300_000_000 },
    { name: 'bin/ping', data: 'ping', mode: 0o755, xattrs: [['security.capability', CAP_SETUID]] },
    { name: 'lib', type: 'symlink', linkname: '/usr/lib' },
    { name: 'tmp', type: 'directory', mode: 0o1777 },
    { name: 'home/u', type: 'directory', mode: 0o700, uid: 1000, gid: 1000 },
    { name: 'home/u/secret', data: 's', mode: 0o600, uid: 1000, gid: 1000 },
    { name: 'home/u/setgid-dir', type: 'directory', mode: 0o2775, uid: 1000, gid: 1000 },
    { name: 'big-ids', data: 'b', uid: 3_000_000, gid: 4_000_000 },
    { name: 'text', data: 'hello', xattrs: [['user.mime', Buffer.from('text/plain')]] },
    { name: LONG_NAME, data: 'long' },
    { name: `${LONG_DIR}/short`, data: 'ustar prefix' },
    { name: 'long-link', type: 'symlink', linkname: LONG_NAME },
    { name: 'données/été.txt', data: 'utf8' },
    { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3, mode: 0o666 },
    { name: 'dev/loop0', type: 'block-device', devmajor: 7, devminor: 0, mode: 0o660, gid: 6 },
    { name: 'run/fifo', type: 'fifo', mode: 0o620 },
  ]);
}

export function streamOf(data: Buffer): Readable {
  return Readable.from([data], { objectMode: false });
}

export interface SnapshotOptions {
  /** Leave out paths for which this answers true (and everything under them). */
  ignore?: (rel: string) => boolean;
  /** Compare mtimes (default true). */
  mtimes?: boolean;
  /** Compare mtimes of directories (default true). */
  dirMtimes?: boolean;
  /** Leave out overlayfs' own xattrs (default true): a merged view never shows them. */
  hideOverlayXattrs?: boolean;
}

/**
 * Describes every path under `dir` (the root itself excluded) as one sorted line each:
 * type, mode, owner, mtime, content hash or link target or device number, hardlink group
 * and xattrs. Two trees are the same when their snapshots are equal.
 */
export async function snapshotTree(dir: string, options: SnapshotOptions = {}): Promise<string[]> {
  const xattrs = (await readXattrTree(dir)).byPath;
  const lines: string[] = [];
  const firstByInode = new Map<string, string>();
  const walk = (rel: string) => {
    const names = readdirSync(rel === '' ? dir : join(dir, rel)).sort();
    for (const name of names) {
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (options.ignore?.(childRel)) continue;
      const path = join(dir, childRel);
      const st = lstatSync(path);
      let detail = '';
      let type = '?';
      if (st.isDirectory()) type = 'dir';
      else if (st.isFile()) {
        type = 'file';
        detail = `${st.size}:${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`;
      } else if (st.isSymbolicLink()) {
        type = 'symlink';
        detail = `-> ${readlinkSync(path)}`;
      } else if (st.isCharacterDevice() || st.isBlockDevice()) {
        type = st.isCharacterDevice() ? 'char' : 'block';
        detail = `rdev=${st.rdev}`;
      } else if (st.isFIFO()) type = 'fifo';
      if (!st.isDirectory() && st.nlink > 1) {
        const key = `${st.dev}:${st.ino}`;
        const first = firstByInode.get(key);
        if (first === undefined) firstByInode.set(key, childRel);
        else detail += ` hardlink=${first}`;
      }
      const attrs = (xattrs.get(childRel) ?? [])
        .filter(
          ([n]) => options.hideOverlayXattrs === false || !/^(trusted|user)\.overlay\./.test(n),
        )
        .map(([n, v]) => ` ${n}=${v.toString('hex')}`)
        .join('');
      const hideMtime =
        options.mtimes === false || (options.dirMtimes === false && st.isDirectory());
      const mtime = hideMtime ? '' : ` t=${Math.floor(st.mtimeMs / 1000)}`;
      const mode = (st.mode & 0o7777).toString(8);
      lines.push(
        `${childRel} ${type} ${mode} ${st.uid}:${st.gid}${mtime} ${detail}${attrs}`.trimEnd(),
      );
      if (st.isDirectory()) walk(childRel);
    }
  };
  walk('');
  return lines.sort();
}

/** Mounts an overlay; lowers are listed top first, as overlayfs wants them. */
export function mountOverlay(
  merged: string,
  lowers: readonly string[],
  upper?: { upperdir: string; workdir: string },
): void {
  let opts = `lowerdir=${lowers.join(':')}`;
  if (upper) opts += `,upperdir=${upper.upperdir},workdir=${upper.workdir}`;
  const r = spawnSync('mount', ['-t', 'overlay', 'overlay', '-o', opts, merged], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`mount overlay ${opts} on ${merged}: ${r.stderr}`);
}

export function unmount(path: string): void {
  const r = spawnSync('umount', [path], { encoding: 'utf8' });
  if (r.status !== 0) spawnSync('umount', ['-l', path]);
}

/** Runs a command and returns stdout, throwing with stderr when it fails. */
export function run(command: string, args: readonly string[], cwd?: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}
