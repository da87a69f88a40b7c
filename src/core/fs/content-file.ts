// Writes streamed content to a temp file while hashing it, so only complete, verified bytes get a final name.

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type Digest,
  type DigestAlgorithm,
  DigestingStream,
  digestAlgorithm,
  VerifyingStream,
} from '../digest.js';
import { LighterError } from '../errors.js';
import { fsyncDir } from './atomic-write.js';
import { pathExists } from './exists.js';

export interface ContentDigest {
  digest: Digest;
  size: number;
}

export interface WriteContentOptions {
  /** Where the temp file goes; on the final path's filesystem so the rename is atomic. */
  tempDir: string;
  /** Checked over the bytes read from `stream` (before `decode`). */
  expected?: { digest?: Digest; size?: number; what?: string };
  /** Hash algorithm when no expected digest says which (default sha256). */
  algorithm?: DigestAlgorithm;
  /** A transform between the input and the file (e.g. decompression); the file's digest is taken after it. */
  decode?: Transform;
  /** The final path for the written content; a file already there is left as it is. */
  finalPath: (written: ContentDigest, input: ContentDigest) => string;
}

export interface WrittenContent {
  /** Digest and size of the bytes read from the stream. */
  input: ContentDigest;
  /** Digest and size of the bytes in the file (equal to `input` without `decode`). */
  written: ContentDigest;
  path: string;
}

/**
 * Streams into `tempDir`, fsyncs, then renames onto `finalPath(...)`. On any failure (a read
 * error, a digest or size mismatch) the temp file is removed and nothing appears under a final name.
 */
export async function writeContentFile(
  stream: Readable,
  options: WriteContentOptions,
): Promise<WrittenContent> {
  const expected = options.expected ?? {};
  const algorithm =
    options.algorithm ?? (expected.digest ? digestAlgorithm(expected.digest) : 'sha256');
  const inputHash = new DigestingStream(algorithm);
  const stages: (Transform | DigestingStream)[] = [inputHash];
  if (expected.digest) {
    stages.push(
      new VerifyingStream({
        digest: expected.digest,
        size: expected.size,
        ...(expected.what ? { what: expected.what } : {}),
      }),
    );
  }
  let outputHash: DigestingStream | undefined;
  if (options.decode) {
    outputHash = new DigestingStream(algorithm);
    stages.push(options.decode, outputHash);
  }
  await mkdir(options.tempDir, { recursive: true });
  const temp = join(options.tempDir, `.tmp-blob-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await pipeline([stream, ...stages, createWriteStream(temp, { flags: 'wx', flush: true })]);
    const input = { digest: inputHash.digest, size: inputHash.size };
    if (!expected.digest && expected.size !== undefined && expected.size >= 0) {
      if (input.size !== expected.size) {
        throw new LighterError(
          'ERR_SIZE_MISMATCH',
          `${expected.what ?? `content ${input.digest}`}: size mismatch: expected ${expected.size} bytes, got ${input.size}`,
        );
      }
    }
    const written = outputHash ? { digest: outputHash.digest, size: outputHash.size } : input;
    const path = options.finalPath(written, input);
    if (await pathExists(path)) {
      // Content-addressed: an existing file holds these very bytes; keep it, readers may have it open.
      await rm(temp, { force: true });
    } else {
      await mkdir(dirname(path), { recursive: true });
      await rename(temp, path);
      await fsyncDir(dirname(path));
    }
    return { input, written, path };
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
