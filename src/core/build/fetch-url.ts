// ADD of an http(s) URL: the file downloaded once into a temp dir, hashed on the way, checked against --checksum.

import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join, posix } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errorMessage, LighterError } from '../errors.js';

export interface DownloadedFile {
  url: string;
  path: string;
  size: number;
  /** `sha256:…` of the bytes. */
  digest: string;
  /** The file name ADD gives it in a destination directory. */
  name: string;
  /** Seconds since the epoch, from Last-Modified when the server sent one. */
  mtime: number | undefined;
}

/** The name BuildKit gives a downloaded file: the last component of the URL's path. */
export function urlFileName(url: string): string {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    path = '';
  }
  const base = posix.basename(decodeURIComponent(path));
  return base === '' || base === '/' ? '__unnamed__' : base;
}

/**
 * Downloads `url` into `dir`. With `checksum` (`sha256:…`), a different download fails with
 * ERR_BUILD before anything is used.
 */
export async function downloadUrl(
  url: string,
  dir: string,
  index: number,
  checksum?: string,
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (err) {
    throw new LighterError('ERR_NETWORK', `downloading ${url}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  if (!response.ok || !response.body) {
    throw new LighterError(
      'ERR_BUILD',
      `downloading ${url}: the server answered ${response.status} ${response.statusText}`,
    );
  }
  const path = join(dir, `download-${index}`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
      tap,
      createWriteStream(path, { mode: 0o600 }),
    );
  } catch (err) {
    throw new LighterError('ERR_NETWORK', `downloading ${url}: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  const digest = `sha256:${hash.digest('hex')}`;
  if (checksum !== undefined && checksum !== digest) {
    throw new LighterError(
      'ERR_BUILD',
      `${url}: checksum mismatch: expected ${checksum}, downloaded ${digest}`,
      { details: { expected: checksum, actual: digest } },
    );
  }
  const lastModified = response.headers.get('last-modified');
  const parsed = lastModified ? Date.parse(lastModified) : Number.NaN;
  return {
    url,
    path,
    size,
    digest,
    name: urlFileName(url),
    mtime: Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000),
  };
}
