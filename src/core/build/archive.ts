// ADD's local archives: recognising a tar (plain, gzip, bzip2, xz or zstd) by its bytes, and reading its entries.

import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import { LighterError } from '../errors.js';
import { type LayerEntry, readTarEntries } from '../storage/layer/tar-entry.js';
import { hasCommand } from '../storage/layer/xattr.js';

export type ArchiveKind = 'tar' | 'gzip' | 'bzip2' | 'xz' | 'zstd';

/** A tar header block is valid when its checksum field matches its bytes. */
function isTarHeader(block: Buffer): boolean {
  if (block.length < 512) return false;
  if (block.subarray(257, 262).toString('latin1') === 'ustar') return true;
  const stored = Number.parseInt(
    block.subarray(148, 156).toString('latin1').replace(/\0.*$/, '').trim(),
    8,
  );
  if (!Number.isInteger(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === stored && block[0] !== 0;
}

/**
 * What kind of archive a file is, by its first bytes, or undefined when it is not one (ADD then
 * copies it as a file). A compressed file counts only if it decompresses to a tar, as in Docker.
 */
export async function archiveKind(path: string): Promise<ArchiveKind | undefined> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  let kind: ArchiveKind | undefined;
  if (head[0] === 0x1f && head[1] === 0x8b) kind = 'gzip';
  else if (head.subarray(0, 3).toString('latin1') === 'BZh') kind = 'bzip2';
  else if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])))
    kind = 'xz';
  else if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) kind = 'zstd';
  else return isTarHeader(head) ? 'tar' : undefined;
  // A compressed file is an archive only when what it holds is a tar.
  try {
    const first = await firstBlock(decompressed(path, kind));
    return isTarHeader(first) ? kind : undefined;
  } catch {
    return undefined;
  }
}

async function firstBlock(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= 512) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, 512);
}

/** The archive's tar bytes; bzip2 and xz go through the system tools, which Node lacks. */
function decompressed(path: string, kind: ArchiveKind): Readable {
  const file = createReadStream(path);
  switch (kind) {
    case 'tar':
      return file;
    case 'gzip':
      return pipeline(file, zlib.createGunzip(), () => {}) as unknown as Readable;
    case 'zstd':
      return pipeline(file, zlib.createZstdDecompress(), () => {}) as unknown as Readable;
    case 'bzip2':
    case 'xz': {
      file.destroy();
      const tool = kind === 'bzip2' ? 'bzip2' : 'xz';
      if (!hasCommand(tool)) {
        throw new LighterError(
          'ERR_UNSUPPORTED',
          `extracting ${path}: ${kind} archives need the ${tool} command`,
        );
      }
      const child = spawn(tool, ['-dc', path], { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = new PassThrough();
      const stderr: Buffer[] = [];
      child.stderr.on('data', (c: Buffer) => stderr.push(c));
      child.stdout.pipe(out, { end: false });
      child.on('error', (err) => out.destroy(err));
      child.on('close', (code) => {
        if (code === 0 || out.destroyed) out.end();
        else {
          out.destroy(
            new LighterError(
              'ERR_BUILD',
              `${tool} -dc ${path} exited ${code}: ${Buffer.concat(stderr).toString().trim()}`,
            ),
          );
        }
      });
      out.on('close', () => child.kill());
      return out;
    }
  }
}

/** The archive's entries in order (each entry's data must be read before the next). */
export function archiveEntries(path: string, kind: ArchiveKind): AsyncGenerator<LayerEntry> {
  return readTarEntries(decompressed(path, kind));
}
