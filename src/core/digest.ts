// Content digests (OCI image spec "digest"): parsing, hashing and stream verification.

import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { LighterError } from './errors.js';

/** `algorithm:hex`, e.g. `sha256:e3b0c442…`. Validated by `parseDigest`. */
export type Digest = `${string}:${string}`;

export type DigestAlgorithm = 'sha256' | 'sha512';

const HEX_LENGTH: Record<DigestAlgorithm, number> = { sha256: 64, sha512: 128 };

export interface ParsedDigest {
  algorithm: DigestAlgorithm;
  hex: string;
}

/** Parses and validates a digest; throws ERR_BAD_DIGEST naming the bad part. */
export function parseDigest(input: string): ParsedDigest {
  const colon = input.indexOf(':');
  if (colon <= 0) {
    throw new LighterError('ERR_BAD_DIGEST', `invalid digest "${input}": expected algorithm:hex`);
  }
  const algorithm = input.slice(0, colon);
  const hex = input.slice(colon + 1);
  if (algorithm !== 'sha256' && algorithm !== 'sha512') {
    throw new LighterError(
      'ERR_BAD_DIGEST',
      `invalid digest "${input}": unsupported algorithm "${algorithm}" (sha256 or sha512)`,
    );
  }
  const want = HEX_LENGTH[algorithm];
  if (hex.length !== want || !/^[a-f0-9]+$/.test(hex)) {
    throw new LighterError(
      'ERR_BAD_DIGEST',
      `invalid digest "${input}": ${algorithm} needs ${want} lowercase hex characters`,
    );
  }
  return { algorithm, hex };
}

/** Returns the input typed as a Digest after validating it. */
export function validateDigest(input: string): Digest {
  parseDigest(input);
  return input as Digest;
}

export function isDigest(input: string): input is Digest {
  try {
    parseDigest(input);
    return true;
  } catch {
    return false;
  }
}

export function digestOf(data: Uint8Array | string, algorithm: DigestAlgorithm = 'sha256'): Digest {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** The hex part, used as a file name under blobs/<algorithm>/. */
export function digestHex(digest: Digest): string {
  return parseDigest(digest).hex;
}

export function digestAlgorithm(digest: Digest): DigestAlgorithm {
  return parseDigest(digest).algorithm;
}

/**
 * A pass-through stream that hashes and counts what flows through it.
 * After 'finish' (or the end of the pipeline) `digest` and `size` describe the bytes.
 */
export class DigestingStream extends Transform {
  readonly algorithm: DigestAlgorithm;
  #hash: Hash;
  #size = 0;
  #digest: Digest | undefined;

  constructor(algorithm: DigestAlgorithm = 'sha256') {
    super();
    this.algorithm = algorithm;
    this.#hash = createHash(algorithm);
  }

  get size(): number {
    return this.#size;
  }

  /** The digest of everything written; only valid once the stream has ended. */
  get digest(): Digest {
    if (!this.#digest) throw new Error('DigestingStream: digest read before the stream ended');
    return this.#digest;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk);
    this.#size += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.#digest = `${this.algorithm}:${this.#hash.digest('hex')}`;
    done();
  }
}

export interface Expected {
  digest: Digest;
  /** Expected byte count; omit or pass -1 when unknown. */
  size?: number;
  /** Names the content in error messages, e.g. "blob sha256:… from docker://…". */
  what?: string;
}

/**
 * A pass-through stream that fails unless the bytes have exactly the expected digest (and size).
 * It fails early when more bytes than expected arrive, and in flush otherwise, so a consumer
 * that awaits the pipeline never commits unverified content.
 */
export class VerifyingStream extends Transform {
  readonly expected: Expected;
  #hash: Hash;
  #size = 0;

  constructor(expected: Expected) {
    super();
    this.expected = expected;
    this.#hash = createHash(parseDigest(expected.digest).algorithm);
  }

  get size(): number {
    return this.#size;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.#size += chunk.length;
    const want = this.expected.size;
    if (want !== undefined && want >= 0 && this.#size > want) {
      done(this.#sizeError());
      return;
    }
    this.#hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const want = this.expected.size;
    if (want !== undefined && want >= 0 && this.#size !== want) {
      done(this.#sizeError());
      return;
    }
    const { algorithm } = parseDigest(this.expected.digest);
    const got = `${algorithm}:${this.#hash.digest('hex')}`;
    if (got !== this.expected.digest) {
      done(
        new LighterError(
          'ERR_DIGEST_MISMATCH',
          `${this.#what()}: digest mismatch: expected ${this.expected.digest}, got ${got}`,
          { details: { expected: this.expected.digest, actual: got } },
        ),
      );
      return;
    }
    done();
  }

  #what(): string {
    return this.expected.what ?? `content ${this.expected.digest}`;
  }

  #sizeError(): LighterError {
    return new LighterError(
      'ERR_SIZE_MISMATCH',
      `${this.#what()}: size mismatch: expected ${this.expected.size} bytes, got ${this.#size}${
        this.#size > (this.expected.size ?? 0) ? ' or more' : ''
      }`,
      { details: { expected: this.expected.size, actual: this.#size } },
    );
  }
}

/** Checks bytes already in memory (manifests, configs) against an expected digest and size. */
export function verifyBytes(data: Uint8Array, expected: Expected): void {
  // Same wording and details as VerifyingStream, so callers need not care which one failed.
  const what = expected.what ?? `content ${expected.digest}`;
  const algorithm = parseDigest(expected.digest).algorithm;
  if (expected.size !== undefined && expected.size >= 0 && data.length !== expected.size) {
    throw new LighterError(
      'ERR_SIZE_MISMATCH',
      `${what}: size mismatch: expected ${expected.size} bytes, got ${data.length}`,
      { details: { expected: expected.size, actual: data.length } },
    );
  }
  const got = digestOf(data, algorithm);
  if (got !== expected.digest) {
    throw new LighterError(
      'ERR_DIGEST_MISMATCH',
      `${what}: digest mismatch: expected ${expected.digest}, got ${got}`,
      { details: { expected: expected.digest, actual: got } },
    );
  }
}
