// Copies one stream into two consumers at the pace of the slower, for unpacking a layer from the same bytes that go into its blob file.

import type { Readable, Writable } from 'node:stream';
import { LighterError } from '../errors.js';

/** Chunks buffered per branch; enough to keep the disk and the unpacker busy. */
export const TEE_HIGH_WATER = 1024 * 1024;
const TEE_CHUNK = 512 * 1024;

/**
 * Copies `input` into both outputs, going at the pace of the slower one. When the second
 * gives up (its consumer failed, reported through its own promise), the first goes on alone;
 * when the first stops, the copy fails.
 */
export async function tee(input: Readable, first: Writable, second: Writable): Promise<void> {
  let secondOpen = true;
  const closeSecond = (err?: Error) => {
    if (!secondOpen) return;
    secondOpen = false;
    if (err) second.destroy(err);
    else if (!second.destroyed) second.end();
  };
  try {
    const send = async (chunk: Buffer) => {
      if (first.destroyed) throw new LighterError('ERR_STORE', 'the blob writer stopped');
      const waits: Promise<void>[] = [];
      if (!first.write(chunk)) waits.push(drained(first));
      if (secondOpen && second.destroyed) closeSecond();
      if (secondOpen && !second.write(chunk)) waits.push(drained(second));
      if (waits.length > 0) await Promise.all(waits);
    };
    // Network reads arrive in small pieces; passing them on in larger ones makes every stage
    // downstream (hashing, file writes, inflating, the tar reader) pay its per-chunk cost less often.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= TEE_CHUNK) {
        const joined =
          pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await send(joined);
      }
    }
    if (pendingBytes > 0) await send(Buffer.concat(pending, pendingBytes));
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    first.destroy(error);
    closeSecond(error);
    throw err;
  }
  first.end();
  closeSecond();
}

/** Resolves when `stream` wants more, or can take no more (closed or failed). */
function drained(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
