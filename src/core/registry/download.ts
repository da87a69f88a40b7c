// Streams a blob, resuming with a Range request when the connection drops mid-body.

import { Readable } from 'node:stream';
import { withContext as contextualError, LighterError } from '../errors.js';
import type { Descriptor } from '../manifest.js';
import type { Scope } from './auth.js';
import { isRetryableNetworkError, networkError } from './errors.js';
import { retryDelay } from './retry.js';
import { discard, displayUrl, headerValue, type RegistrySession } from './session.js';

/** Parses `bytes START-END/TOTAL` (or `*` total); undefined when malformed. */
export function parseContentRange(
  value: string | undefined,
): { start: number; end: number; total?: number } | undefined {
  const m = value && /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim());
  if (!m) return undefined;
  return {
    start: Number(m[1]),
    end: Number(m[2]),
    ...(m[3] === '*' ? {} : { total: Number(m[3]) }),
  };
}

/**
 * A readable over the blob's bytes. Each failure mid-body is recovered by asking for the rest
 * (`Range: bytes=N-`) when the server answers 206, or by starting over when nothing was
 * delivered yet; bytes already handed to the consumer are never sent twice. Failures without
 * progress count against the retry budget; any progress resets it. The caller verifies the
 * digest, as every source's caller does.
 */
export async function downloadBlob(
  session: RegistrySession,
  repository: string,
  descriptor: Descriptor,
): Promise<Readable> {
  const path = `/v2/${repository}/blobs/${descriptor.digest}`;
  const scopes: Scope[] = [{ repository, actions: ['pull'] }];
  const expectedSize = descriptor.size >= 0 ? descriptor.size : undefined;
  const { retry, logger } = session;

  const request = (from: number) =>
    session.send({
      method: 'GET',
      url: path,
      scopes,
      headers: from > 0 ? { range: `bytes=${from}-` } : {},
      expect: [200, 206],
    });

  // The first request is made before returning, so a missing blob or refused credentials
  // reject here rather than surfacing later as a stream error.
  const first = await request(0);

  const context = `pulling blob ${descriptor.digest} from ${session.registry}/${repository}`;

  async function* withContext(): AsyncGenerator<Buffer> {
    try {
      yield* bytes();
    } catch (err) {
      throw contextualError(err, context, 'ERR_NETWORK');
    }
  }

  async function* bytes(): AsyncGenerator<Buffer> {
    let delivered = 0;
    let failures = 0;
    let pending: typeof first | undefined = first;
    for (;;) {
      const resuming = delivered > 0;
      const res = pending ?? (await request(delivered));
      pending = undefined;
      if (resuming) {
        const range = parseContentRange(headerValue(res.headers, 'content-range'));
        if (res.status !== 206 || range?.start !== delivered) {
          discard(res.body);
          throw new LighterError(
            'ERR_NETWORK',
            `the connection dropped after ${delivered} bytes and ${displayUrl(res.url)} cannot resume (no usable range support)`,
          );
        }
      }
      let failure: unknown;
      // Errors reach the loop below through iteration; this keeps a late one from going unhandled.
      res.body.on('error', () => {});
      try {
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          delivered += chunk.length;
          failures = 0;
          yield chunk;
        }
      } catch (err) {
        failure = err;
      }
      const complete =
        expectedSize === undefined ? failure === undefined : delivered >= expectedSize;
      if (complete) return;
      if (failure !== undefined && !isRetryableNetworkError(failure)) {
        throw networkError(failure, res.url.host);
      }
      failures++;
      const reason =
        failure === undefined
          ? `the body ended after ${delivered} of ${expectedSize} bytes`
          : networkError(failure, res.url.host).message;
      if (failures > retry.retries) {
        throw new LighterError(
          'ERR_NETWORK',
          `${reason} (gave up after ${failures} attempts without progress)`,
          { cause: failure },
        );
      }
      const delay = retryDelay(retry, failures);
      logger.warn(
        `${displayUrl(res.url)}: ${reason}; ${delivered > 0 ? `resuming at byte ${delivered}` : 'starting over'} in ${delay} ms`,
      );
      await retry.sleep(delay);
    }
  }

  const stream = Readable.from(withContext(), { objectMode: false, highWaterMark: 64 * 1024 });
  // A consumer that gives up before reading releases the connection.
  stream.once('close', () => discard(first.body));
  return stream;
}
