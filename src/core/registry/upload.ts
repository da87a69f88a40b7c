// Pushes a blob: one PUT for small blobs, PATCH chunks otherwise, resuming from the registry's offset.

import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type Digest, digestAlgorithm } from '../digest.js';
import { LighterError } from '../errors.js';
import type { Scope } from './auth.js';
import { isRetryableNetworkError } from './errors.js';
import { isRetryableStatus, retryDelay } from './retry.js';
import { headerValue, type RegistrySession, readText } from './session.js';

export interface UploadOptions {
  /**
   * Unset (the default): the blob streams in one PATCH, as skopeo sends it, with memory flat
   * in blob size. Set: PATCH chunks of this many bytes, for registries that limit request
   * bodies; the upload then holds at most two chunks in memory.
   */
  chunkSize?: number;
  /** Blobs up to this size go in a single PUT, read into memory first (default 1 MiB). */
  monolithicMaxSize: number;
  /**
   * Streaming: the last bytes sent are kept this long (default 4 MiB), so a PATCH that fails
   * can continue from the offset the registry reports when it lies within them.
   */
  replayWindow: number;
}

export const DEFAULT_UPLOAD: UploadOptions = {
  monolithicMaxSize: 1024 * 1024,
  replayWindow: 4 * 1024 * 1024,
};

/** The most recent bytes read, by blob offset: what a resumed PATCH can send again. */
class ReplayWindow {
  readonly #limit: number;
  readonly #pieces: Buffer[] = [];
  #start = 0;
  #length = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Offset of the oldest byte still held. */
  get start(): number {
    return this.#start;
  }

  push(chunk: Chunk): void {
    for (const piece of chunk.pieces) {
      this.#pieces.push(piece);
      this.#length += piece.length;
    }
    // Drop whole pieces from the front while the rest still covers the limit.
    while (
      this.#pieces.length > 1 &&
      this.#length - (this.#pieces[0]?.length ?? 0) >= this.#limit
    ) {
      const dropped = this.#pieces.shift() as Buffer;
      this.#length -= dropped.length;
      this.#start += dropped.length;
    }
  }

  /** The held bytes from blob offset `from` on; undefined when they were already dropped. */
  from(from: number): Buffer[] | undefined {
    if (from < this.#start) return undefined;
    return tail({ start: this.#start, pieces: this.#pieces, length: this.#length }, from).pieces;
  }
}

/** A run of bytes held in memory, starting at `start` in the blob. */
interface Chunk {
  start: number;
  pieces: Buffer[];
  length: number;
}

/** Reads a stream in chunks of a bounded size without holding more than one. */
class ChunkReader {
  readonly #iterator: AsyncIterator<unknown>;
  #leftover: Buffer | undefined;
  #ended = false;

  constructor(stream: Readable) {
    this.#iterator = stream[Symbol.asyncIterator]();
  }

  /** True once the stream is known to have ended and nothing is left over. */
  get ended(): boolean {
    return this.#ended && !this.#leftover;
  }

  async read(start: number, max: number): Promise<Chunk> {
    const pieces: Buffer[] = [];
    let length = 0;
    while (length < max) {
      let buf = this.#leftover;
      this.#leftover = undefined;
      if (!buf) {
        if (this.#ended) break;
        const next = await this.#iterator.next();
        if (next.done) {
          this.#ended = true;
          break;
        }
        buf = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as Uint8Array);
      }
      if (length + buf.length > max) {
        const take = max - length;
        pieces.push(buf.subarray(0, take));
        this.#leftover = buf.subarray(take);
        length = max;
        break;
      }
      pieces.push(buf);
      length += buf.length;
    }
    return { start, pieces, length };
  }

  async close(): Promise<void> {
    await this.#iterator.return?.();
  }
}

/** The chunk's bytes from blob offset `from` on, as a fresh stream each call. */
function tail(
  chunk: Chunk,
  from: number,
): { length: number; pieces: Buffer[]; body: () => Readable } {
  let skip = from - chunk.start;
  const pieces: Buffer[] = [];
  for (const piece of chunk.pieces) {
    if (skip >= piece.length) {
      skip -= piece.length;
      continue;
    }
    pieces.push(skip > 0 ? piece.subarray(skip) : piece);
    skip = 0;
  }
  const length = pieces.reduce((n, p) => n + p.length, 0);
  return { length, pieces, body: () => Readable.from(pieces, { objectMode: false }) };
}

/** Appends `digest=` without re-encoding the rest: upload URLs may carry signed state. */
function withDigest(location: string, digest: Digest): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

/** The upload Range header `0-N` as the offset of the next byte. */
function offsetFromRange(value: string | undefined): number | undefined {
  const m = value && /^(?:bytes=)?0-(\d+)$/.exec(value.trim());
  if (!m) return undefined;
  // `0-0` is what registries say for an empty upload too; the ambiguous one-byte case
  // resolves itself, because the digest check at the final PUT refuses a wrong guess.
  const end = Number(m[1]);
  return end === 0 ? 0 : end + 1;
}

/** Failures worth asking the registry about and trying again. */
function recoverable(err: unknown, extraStatuses: readonly number[] = []): boolean {
  if (isRetryableNetworkError(err)) return true;
  if (!(err instanceof LighterError)) return false;
  const status = err.details?.status;
  return (
    typeof status === 'number' && (isRetryableStatus(status) || extraStatuses.includes(status))
  );
}

function retryAfterOf(err: unknown): number | undefined {
  const value = err instanceof LighterError ? err.details?.retryAfterMs : undefined;
  return typeof value === 'number' ? value : undefined;
}

function hashChunk(hash: Hash, chunk: Chunk): void {
  for (const piece of chunk.pieces) hash.update(piece);
}

/**
 * Uploads one blob, hashing it on the way. Small blobs: one PUT. Larger ones: by default one
 * streaming PATCH (memory flat in blob size, download and upload overlapping), or PATCH chunks
 * when `chunkSize` is set (at most two chunks held: the next is read while one is sent).
 *
 * Recovery: a failed PATCH is never simply resent (a registry may have stored part of it,
 * and distribution 2.x appends without checking Content-Range). Instead the upload URL is
 * asked for its offset (GET → `Range: 0-N`) and the upload continues from there, if the bytes
 * after that offset are still held. A registry that cannot report (distribution answers 404
 * BLOB_UPLOAD_INVALID once its signed state is stale) can only be recovered while everything
 * sent is still held: a new upload is started. Otherwise the error says so, marked transient,
 * and the copy engine starts the blob again from its source.
 */
export async function uploadBlob(
  session: RegistrySession,
  repository: string,
  stream: Readable,
  expected: { digest?: Digest; size?: number },
  options: UploadOptions,
): Promise<{ digest: Digest; size: number }> {
  const { retry, logger } = session;
  const scopes: Scope[] = [{ repository, actions: ['pull', 'push'] }];
  const uploads = `/v2/${repository}/blobs/uploads/`;
  const algorithm = expected.digest ? digestAlgorithm(expected.digest) : 'sha256';
  const hash = createHash(algorithm);
  // Large blobs with a known digest are not hashed here: the registry verifies the digest at
  // the closing PUT (DIGEST_INVALID, mapped to ERR_DIGEST_MISMATCH) and the copy engine has
  // already verified the source, so a second local hash would only cost CPU.
  let hashing = true;
  const reader = new ChunkReader(stream);
  let location: string | undefined;

  // Starting an upload is a POST, yet repeating it is harmless: at worst the registry keeps
  // an abandoned session until its own cleanup. So it goes through the normal retries.
  async function start(): Promise<string> {
    const res = await session.send({ method: 'POST', url: uploads, scopes, expect: [202] });
    await readText(res.body, 4096);
    const value = headerValue(res.headers, 'location');
    if (!value) {
      throw new LighterError('ERR_REGISTRY', 'the registry started an upload without a Location');
    }
    return new URL(value, res.url).toString();
  }

  async function status(url: string): Promise<{ offset: number; location: string } | undefined> {
    const res = await session.send({ method: 'GET', url, scopes, expect: [200, 204, 404] });
    await readText(res.body, 4096);
    if (res.status === 404) return undefined;
    const next = headerValue(res.headers, 'location');
    return {
      offset: offsetFromRange(headerValue(res.headers, 'range')) ?? 0,
      location: next ? new URL(next, res.url).toString() : url,
    };
  }

  async function exists(digest: Digest): Promise<boolean> {
    const res = await session.send({
      method: 'HEAD',
      url: `/v2/${repository}/blobs/${digest}`,
      scopes,
      expect: [200, 404],
    });
    await readText(res.body, 0);
    return res.status === 200;
  }

  async function cancel(): Promise<void> {
    if (!location) return;
    try {
      const res = await session.send({
        method: 'DELETE',
        url: location,
        scopes,
        expect: [202, 204, 404],
        retry: false,
      });
      await readText(res.body, 0);
    } catch {
      // Best effort: the registry expires abandoned uploads anyway.
    }
  }

  function finalDigest(size: number): Digest {
    const digest = hashing ? (`${algorithm}:${hash.digest('hex')}` as Digest) : expected.digest;
    if (!digest) throw new Error('upload: no digest'); // unreachable: hashing without a digest
    if (expected.size !== undefined && expected.size >= 0 && expected.size !== size) {
      throw new LighterError(
        'ERR_SIZE_MISMATCH',
        `blob size mismatch: expected ${expected.size} bytes, read ${size}`,
      );
    }
    if (expected.digest && expected.digest !== digest) {
      throw new LighterError(
        'ERR_DIGEST_MISMATCH',
        `blob digest mismatch: expected ${expected.digest}, read ${digest}`,
        { details: { expected: expected.digest, actual: digest } },
      );
    }
    return digest;
  }

  async function pause(failures: number, err: unknown): Promise<void> {
    await retry.sleep(retryDelay(retry, failures, retryAfterOf(err)));
  }

  /** Single PUT with the whole blob; on failure check whether it landed, else start over. */
  async function monolithic(chunk: Chunk, digest: Digest): Promise<void> {
    const { length, body } = tail(chunk, 0);
    for (let failures = 0; ; ) {
      location = await start();
      try {
        const res = await session.send({
          method: 'PUT',
          url: withDigest(location, digest),
          scopes,
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(length) },
          body,
          expect: [201, 204],
          retry: false,
        });
        await readText(res.body, 0);
        return;
      } catch (err) {
        if (!recoverable(err, [404]) || ++failures > retry.retries) throw err;
        if (await exists(digest)) return; // the PUT landed; only its answer was lost
        logger.warn(`uploading ${digest}: ${(err as Error).message}; starting over`);
        await pause(failures, err);
      }
    }
  }

  /** PATCHes one chunk, resuming from the registry's offset after failures. */
  async function patch(chunk: Chunk): Promise<void> {
    const end = chunk.start + chunk.length; // exclusive
    let offset = chunk.start;
    let failures = 0;
    while (offset < end) {
      const part = tail(chunk, offset);
      try {
        const res = await session.send({
          method: 'PATCH',
          url: location as string,
          scopes,
          headers: {
            'content-type': 'application/octet-stream',
            'content-length': String(part.length),
            'content-range': `${offset}-${end - 1}`,
          },
          body: part.body,
          expect: [202, 204],
          retry: false,
        });
        await readText(res.body, 0);
        const next = headerValue(res.headers, 'location');
        if (next) location = new URL(next, res.url).toString();
        const reported = offsetFromRange(headerValue(res.headers, 'range'));
        const now = reported ?? end;
        if (now < offset || now > end) {
          throw new LighterError(
            'ERR_REGISTRY',
            `the registry reports ${now} bytes uploaded after a chunk ending at ${end}`,
          );
        }
        if (now > offset) failures = 0;
        offset = now;
      } catch (err) {
        if (!recoverable(err, [416]) || ++failures > retry.retries) throw err;
        await pause(failures, err);
        const where = await status(location as string);
        if (!where) {
          if (chunk.start !== 0) {
            throw new LighterError(
              'ERR_REGISTRY',
              `the upload cannot be resumed at byte ${offset}: the registry no longer reports its progress (${(err as Error).message})`,
              { cause: err },
            );
          }
          // Everything sent so far is still in memory: start a fresh upload.
          logger.warn(`uploading: ${(err as Error).message}; starting the upload over`);
          location = await start();
          offset = 0;
          continue;
        }
        if (where.offset < chunk.start || where.offset > end) {
          throw new LighterError(
            'ERR_REGISTRY',
            `the upload cannot be resumed: the registry holds ${where.offset} bytes, outside the chunk in memory (${chunk.start}-${end})`,
            { cause: err },
          );
        }
        logger.warn(`uploading: ${(err as Error).message}; resuming at byte ${where.offset}`);
        location = where.location;
        offset = where.offset;
      }
    }
  }

  /** The closing PUT; a lost answer is detected by looking for the blob. */
  async function finish(digest: Digest, size: number): Promise<void> {
    for (let failures = 0; ; ) {
      try {
        const res = await session.send({
          method: 'PUT',
          url: withDigest(location as string, digest),
          scopes,
          headers: { 'content-type': 'application/octet-stream', 'content-length': '0' },
          body: new Uint8Array(0),
          expect: [201, 204],
          retry: false,
        });
        await readText(res.body, 0);
        return;
      } catch (err) {
        if (!recoverable(err, [404]) || ++failures > retry.retries) throw err;
        if (await exists(digest)) return;
        await pause(failures, err);
        const where = await status(location as string);
        if (where?.offset !== size) throw err;
        location = where.location;
      }
    }
  }

  /**
   * Streams everything from the registry's offset on in one PATCH: the held bytes first, then
   * the rest of the source as it arrives (hashed and remembered on the way). After a failure it
   * asks for the offset and goes on from there when the window still holds those bytes.
   */
  async function streamed(first: Chunk): Promise<number> {
    const window = new ReplayWindow(options.replayWindow);
    window.push(first);
    let read = first.length;
    let offset = 0;
    const size = expected.size !== undefined && expected.size >= 0 ? expected.size : undefined;
    async function* body(from: number) {
      yield* window.from(from) ?? [];
      for (;;) {
        const chunk = await reader.read(read, 1024 * 1024);
        if (chunk.length === 0) return;
        if (hashing) hashChunk(hash, chunk);
        window.push(chunk);
        read += chunk.length;
        yield* chunk.pieces;
      }
    }
    for (let failures = 0; ; ) {
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (size !== undefined) {
        if (size === offset) return size;
        headers['content-length'] = String(size - offset);
        headers['content-range'] = `${offset}-${size - 1}`;
      }
      const from = offset;
      try {
        const res = await session.send({
          method: 'PATCH',
          url: location as string,
          scopes,
          headers,
          body: () => Readable.from(body(from), { objectMode: false }),
          expect: [202, 204],
          retry: false,
        });
        await readText(res.body, 0);
        const next = headerValue(res.headers, 'location');
        if (next) location = new URL(next, res.url).toString();
        const reported = offsetFromRange(headerValue(res.headers, 'range'));
        if (reported !== undefined && reported !== read) {
          throw new LighterError(
            'ERR_REGISTRY',
            `the registry reports ${reported} bytes uploaded after ${read} were sent`,
          );
        }
        return read;
      } catch (err) {
        if (!recoverable(err, [416]) || ++failures > retry.retries) throw err;
        await pause(failures, err);
        const where = await status(location as string);
        if (!where) {
          if (window.start !== 0) {
            throw new LighterError(
              'ERR_REGISTRY',
              `the upload cannot be resumed at byte ${read}: the registry no longer reports its progress (${(err as Error).message})`,
              { cause: err, details: { transient: true } },
            );
          }
          // Every byte sent so far is still held: start a fresh upload.
          logger.warn(`uploading: ${(err as Error).message}; starting the upload over`);
          location = await start();
          offset = 0;
          continue;
        }
        if (where.offset < window.start || where.offset > read) {
          throw new LighterError(
            'ERR_REGISTRY',
            `the upload cannot be resumed: the registry holds ${where.offset} bytes, and only bytes ${window.start}-${read} are still held`,
            { cause: err, details: { transient: true } },
          );
        }
        logger.warn(`uploading: ${(err as Error).message}; resuming at byte ${where.offset}`);
        location = where.location;
        offset = where.offset;
      }
    }
  }

  try {
    const firstMax = options.chunkSize ?? options.monolithicMaxSize + 1;
    const first = await reader.read(0, firstMax);
    hashChunk(hash, first);
    if (reader.ended && first.length <= options.monolithicMaxSize) {
      const digest = finalDigest(first.length);
      await monolithic(first, digest);
      return { digest, size: first.length };
    }
    location = await start();
    if (expected.digest) hashing = false;
    if (options.chunkSize === undefined) {
      const size = await streamed(first);
      const digest = finalDigest(size);
      await finish(digest, size);
      return { digest, size };
    }
    const chunkSize = options.chunkSize;
    let chunk = first;
    for (;;) {
      // The next chunk is read while this one is sent, so the source (often a download) and
      // the upload overlap; memory holds at most two chunks.
      const reading = reader.read(chunk.start + chunk.length, chunkSize);
      reading.catch(() => {});
      await patch(chunk);
      const next = await reading;
      if (next.length === 0) break;
      if (hashing) hashChunk(hash, next);
      chunk = next;
    }
    const size = chunk.start + chunk.length;
    const digest = finalDigest(size);
    await finish(digest, size);
    return { digest, size };
  } catch (err) {
    await cancel();
    await reader.close().catch(() => {});
    throw err;
  }
}
