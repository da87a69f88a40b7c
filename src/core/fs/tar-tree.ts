// Reads a tar archive in place: one pass over the headers, then each member streams from its offset.

import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { LighterError } from '../errors.js';
import { cleanTreePath, type FileTree, notFound } from './tree.js';

type EntryType = 'file' | 'link' | 'symlink' | 'directory' | 'other';

interface TarEntry {
  type: EntryType;
  /** Byte offset of the member's data in the (uncompressed) archive. */
  offset: number;
  size: number;
  linkname: string;
}

export interface TarTree extends FileTree {
  /** Every member name (cleaned), in archive order; directories end without a slash. */
  readonly names: readonly string[];
}

export interface TarTreeOptions {
  /** Where a compressed archive is decompressed to before reading (default: the OS temp dir). */
  tempDir?: string;
}

const BLOCK = 512;
const MAX_LINK_HOPS = 16;

/**
 * Opens a tar file (plain, or gzip/zstd compressed: those are first decompressed to a temp
 * file, since members are read at random). Close it to drop that temp file.
 */
export async function tarTree(file: string, options: TarTreeOptions = {}): Promise<TarTree> {
  const magic = await readMagic(file);
  let tarFile = file;
  let tempDir: string | undefined;
  const compression = magic === undefined ? undefined : detectCompression(magic);
  if (compression) {
    tempDir = await mkdtemp(join(options.tempDir ?? tmpdir(), 'lighter-tar-'));
    tarFile = join(tempDir, 'archive.tar');
    try {
      await pipeline(
        createReadStream(file),
        compression === 'gzip' ? createGunzip() : createZstdDecompress(),
        createWriteStream(tarFile),
      );
    } catch (err) {
      await rm(tempDir, { recursive: true, force: true });
      throw new LighterError(
        'ERR_UNSAFE_ARCHIVE',
        `decompressing ${file}: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
  }
  let entries: Map<string, TarEntry>;
  try {
    entries = await indexTar(tarFile, file);
  } catch (err) {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    throw err;
  }

  const resolve = (path: string): TarEntry | undefined => {
    let name = cleanTreePath(path, file);
    for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.type === 'symlink') {
        if (entry.linkname.startsWith('/')) {
          throw new LighterError(
            'ERR_UNSAFE_ARCHIVE',
            `${file}: ${name} links outside the archive (${entry.linkname})`,
          );
        }
        name = cleanTreePath(posix.join(posix.dirname(name), entry.linkname), file);
      } else if (entry.type === 'link') {
        name = cleanTreePath(entry.linkname, file);
      } else {
        return entry.type === 'file' ? entry : undefined;
      }
    }
    throw new LighterError('ERR_UNSAFE_ARCHIVE', `${file}: too many links resolving ${path}`);
  };
  const member = (path: string): TarEntry => {
    const entry = resolve(path);
    if (!entry) throw notFound(file, path);
    return entry;
  };

  const read = async (entry: TarEntry, length: number): Promise<Buffer> => {
    const handle = await open(tarFile, 'r');
    try {
      const buffer = Buffer.alloc(length);
      await readFully(handle, buffer, entry.offset, file);
      return buffer;
    } finally {
      await handle.close();
    }
  };

  return {
    location: file,
    names: [...entries.keys()],
    async readFile(path) {
      const entry = member(path);
      return read(entry, entry.size);
    },
    async head(path, length) {
      const entry = member(path);
      return read(entry, Math.min(length, entry.size));
    },
    async open(path) {
      const entry = member(path);
      if (entry.size === 0) return Readable.from([]);
      return createReadStream(tarFile, { start: entry.offset, end: entry.offset + entry.size - 1 });
    },
    async size(path) {
      return resolve(path)?.size;
    },
    async close() {
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

async function readMagic(file: string): Promise<Buffer | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LighterError('ERR_NOT_FOUND', `${file}: no such file`, { cause: err });
    }
    throw err;
  }
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return bytesRead === 4 ? buffer : undefined;
  } finally {
    await handle.close();
  }
}

function detectCompression(magic: Buffer): 'gzip' | 'zstd' | undefined {
  if (magic[0] === 0x1f && magic[1] === 0x8b) return 'gzip';
  if (magic.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return undefined;
}

async function readFully(
  handle: Awaited<ReturnType<typeof open>>,
  buffer: Buffer,
  position: number,
  file: string,
): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) {
      throw new LighterError('ERR_UNSAFE_ARCHIVE', `${file}: truncated tar archive`);
    }
    done += bytesRead;
  }
}

/** One pass over the headers: pax and GNU long names applied, later members replacing earlier ones. */
async function indexTar(tarFile: string, location: string): Promise<Map<string, TarEntry>> {
  const entries = new Map<string, TarEntry>();
  const handle = await open(tarFile, 'r');
  try {
    const total = (await handle.stat()).size;
    const header = Buffer.alloc(BLOCK);
    let pos = 0;
    let pax: Record<string, string> = {};
    let longName: string | undefined;
    let longLink: string | undefined;
    for (;;) {
      if (pos + BLOCK > total) {
        // A missing end-of-archive marker is tolerated (GNU tar does); a torn header is not.
        if (pos === total) break;
        throw malformed(location, pos, 'truncated header');
      }
      await readFully(handle, header, pos, location);
      if (header.every((b) => b === 0)) break;
      checkChecksum(header, location, pos);
      const typeflag = String.fromCharCode(header[156] ?? 0);
      const size =
        pax.size !== undefined ? Number(pax.size) : parseNumber(header, 124, 12, location, pos);
      const dataStart = pos + BLOCK;
      if (!Number.isSafeInteger(size) || size < 0 || dataStart + size > total) {
        throw malformed(location, pos, `member data runs past the end of the file (${size} bytes)`);
      }
      pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;

      if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
        const data = Buffer.alloc(size);
        await readFully(handle, data, dataStart, location);
        if (typeflag === 'x') pax = { ...pax, ...parsePax(data, location, dataStart) };
        else if (typeflag === 'L') longName = cString(data, 0, data.length);
        else if (typeflag === 'K') longLink = cString(data, 0, data.length);
        // 'g' (global pax) only carries defaults we do not use (mtime, uid...).
        continue;
      }

      // Only POSIX ustar ("ustar\0") has a name prefix; GNU tar keeps other fields there.
      const posix = header.toString('latin1', 257, 262) === 'ustar' && header[262] === 0;
      const prefix = posix ? cString(header, 345, 155) : '';
      const rawName =
        pax.path ??
        longName ??
        (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
      const linkname = pax.linkpath ?? longLink ?? cString(header, 157, 100);
      pax = {};
      longName = undefined;
      longLink = undefined;

      const type = entryType(typeflag);
      let name: string;
      try {
        name = cleanTreePath(rawName, location);
      } catch (err) {
        // The archive root itself ("./") names nothing we could read.
        if (rawName.replaceAll('/', '').replaceAll('.', '') === '') continue;
        throw err;
      }
      entries.delete(name); // so `names` keeps archive order of the last occurrence
      entries.set(name, { type, offset: dataStart, size: type === 'file' ? size : 0, linkname });
    }
  } finally {
    await handle.close();
  }
  return entries;
}

function entryType(flag: string): EntryType {
  switch (flag) {
    case '0':
    case '\0':
    case '7':
      return 'file';
    case '1':
      return 'link';
    case '2':
      return 'symlink';
    case '5':
      return 'directory';
    default:
      return 'other';
  }
}

function cString(buffer: Buffer, start: number, length: number): string {
  const end = buffer.indexOf(0, start);
  const stop = end === -1 || end > start + length ? start + length : end;
  return buffer.toString('utf8', start, stop);
}

function parseNumber(
  header: Buffer,
  start: number,
  length: number,
  file: string,
  pos: number,
): number {
  const first = header[start] ?? 0;
  if (first & 0x80) {
    // GNU base-256: big-endian two's complement in the remaining bits.
    let value = first & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + (header[i] ?? 0);
    return value;
  }
  const text = cString(header, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw malformed(file, pos, `bad numeric field "${text}"`);
  return Number.parseInt(text, 8);
}

function checkChecksum(header: Buffer, file: string, pos: number): void {
  const field = cString(header, 148, 8).trim();
  const want = /^[0-7]+$/.test(field) ? Number.parseInt(field, 8) : Number.NaN;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  if (sum !== want) throw malformed(file, pos, 'header checksum mismatch');
}

function parsePax(data: Buffer, file: string, pos: number): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space === -1) break;
    const length = Number.parseInt(data.toString('latin1', i, space), 10);
    if (!Number.isSafeInteger(length) || length <= 0 || i + length > data.length) {
      throw malformed(file, pos, 'bad pax record');
    }
    const record = data.toString('utf8', space + 1, i + length - 1);
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += length;
  }
  return out;
}

function malformed(file: string, pos: number, why: string): LighterError {
  return new LighterError(
    'ERR_UNSAFE_ARCHIVE',
    `reading ${file}: not a valid tar archive: ${why} at offset ${pos}`,
  );
}
