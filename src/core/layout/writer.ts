// Writes an OCI image layout in a directory: blobs appear whole or not at all, index.json changes under a lock.

import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Digest } from '../digest.js';
import { LighterError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { type ContentDigest, writeContentFile } from '../fs/content-file.js';
import { withFileLock } from '../fs/file-lock.js';
import type { Logger } from '../log.js';
import type { Descriptor } from '../manifest.js';
import {
  blobPath,
  checkLayoutMarker,
  emptyIndex,
  INDEX_FILE,
  LAYOUT_FILE,
  LAYOUT_VERSION,
  type LayoutIndex,
  parseLayoutIndex,
} from './layout.js';

export interface LayoutWriterOptions {
  logger?: Logger;
  /** How long to wait for another writer's lock on index.json (default 60 s). */
  lockTimeoutMs?: number;
}

export interface ExpectedBlob {
  digest?: Digest;
  size?: number;
  /** Names the blob in messages. */
  what?: string;
}

export class LayoutWriter {
  readonly dir: string;
  /** The lock that serializes index.json updates between processes; the store takes it for GC too. */
  readonly lockPath: string;
  readonly #options: LayoutWriterOptions;

  private constructor(dir: string, options: LayoutWriterOptions) {
    this.dir = dir;
    this.lockPath = join(dir, `${INDEX_FILE}.lock`);
    this.#options = options;
  }

  /** Opens a layout for writing, creating the directory and its oci-layout file when missing. */
  static async open(dir: string, options: LayoutWriterOptions = {}): Promise<LayoutWriter> {
    try {
      await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true });
    } catch (err) {
      throw new LighterError('ERR_STORE', `creating OCI layout ${dir}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    const marker = join(dir, LAYOUT_FILE);
    let existing: Buffer | undefined;
    try {
      existing = await readFile(marker);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (existing) checkLayoutMarker(existing, dir);
    else await writeFileAtomic(marker, JSON.stringify({ imageLayoutVersion: LAYOUT_VERSION }));
    return new LayoutWriter(dir, options);
  }

  blobFile(digest: Digest): string {
    return join(this.dir, ...blobPath(digest).split('/'));
  }

  /** True when the blob is present with the descriptor's size (blobs only ever appear whole). */
  async hasBlob(descriptor: Pick<Descriptor, 'digest' | 'size'>): Promise<boolean> {
    try {
      const info = await stat(this.blobFile(descriptor.digest));
      return info.isFile() && (descriptor.size < 0 || info.size === descriptor.size);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
  }

  /**
   * Streams a blob in through a temp file in the layout, hashing it; a given digest and size are
   * checked before the blob gets its name. An existing blob of that digest is kept as it is.
   */
  async putBlob(stream: Readable, expected: ExpectedBlob = {}): Promise<ContentDigest> {
    const { written } = await writeContentFile(stream, {
      tempDir: this.dir,
      expected: {
        ...expected,
        what: expected.what ?? `blob ${expected.digest ?? ''} for ${this.dir}`,
      },
      finalPath: (w) => this.blobFile(w.digest),
    });
    return written;
  }

  async putBytes(bytes: Uint8Array, expected: ExpectedBlob = {}): Promise<ContentDigest> {
    return this.putBlob(Readable.from([Buffer.from(bytes)]), expected);
  }

  /** index.json as it is now (an empty index when there is none yet). */
  async readIndex(): Promise<LayoutIndex> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.dir, INDEX_FILE));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyIndex();
      throw err;
    }
    return parseLayoutIndex(bytes, this.dir);
  }

  /**
   * Read-modify-write of index.json under the layout's lock, so concurrent writers (other
   * processes too) never lose each other's entries. The new index replaces the old atomically.
   */
  async updateIndex(mutate: (index: LayoutIndex) => LayoutIndex): Promise<LayoutIndex> {
    return this.withLock(async () => {
      const next = mutate(await this.readIndex());
      await writeFileAtomic(join(this.dir, INDEX_FILE), JSON.stringify(next));
      return next;
    });
  }

  async withLock<T>(fn: () => Promise<T>): Promise<T> {
    return withFileLock(this.lockPath, fn, {
      what: `${INDEX_FILE} of ${this.dir}`,
      ...(this.#options.lockTimeoutMs !== undefined
        ? { timeoutMs: this.#options.lockTimeoutMs }
        : {}),
      ...(this.#options.logger ? { logger: this.#options.logger } : {}),
    });
  }
}
