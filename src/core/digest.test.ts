// Tests for digest parsing, hashing and the digesting/verifying streams.

import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  DigestingStream,
  digestAlgorithm,
  digestHex,
  digestOf,
  isDigest,
  parseDigest,
  VerifyingStream,
  validateDigest,
  verifyBytes,
} from './digest.js';
import { LighterError } from './errors.js';

const EMPTY_SHA256 = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const EMPTY_SHA512 =
  'sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';
const HELLO = 'hello\n';
const HELLO_SHA256 = 'sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof LighterError ? err.code : `not a LighterError: ${String(err)}`;
  }
  return undefined;
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return '';
}

/** Streams `chunks` through `transform` into a sink and resolves with what came out. */
async function run(chunks: (string | Buffer)[], transform: NodeJS.ReadWriteStream) {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      out.push(chunk);
      done();
    },
  });
  await pipeline(Readable.from(chunks.map((c) => Buffer.from(c))), transform, sink);
  return Buffer.concat(out);
}

async function rejection(promise: Promise<unknown>): Promise<LighterError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(LighterError);
    return err as LighterError;
  }
  throw new Error('expected a rejection');
}

describe('parseDigest', () => {
  it.each([
    [EMPTY_SHA256, 'sha256', 64],
    [EMPTY_SHA512, 'sha512', 128],
  ])('accepts %s', (input, algorithm, length) => {
    const parsed = parseDigest(input);
    expect(parsed.algorithm).toBe(algorithm);
    expect(parsed.hex).toHaveLength(length);
    expect(`${parsed.algorithm}:${parsed.hex}`).toBe(input);
  });

  it.each([
    ['', 'expected algorithm:hex'],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'expected algorithm:hex'],
    [`:${'a'.repeat(64)}`, 'expected algorithm:hex'],
    [`md5:${'a'.repeat(32)}`, 'unsupported algorithm "md5"'],
    [`sha384:${'a'.repeat(96)}`, 'unsupported algorithm "sha384"'],
    [`SHA256:${'a'.repeat(64)}`, 'unsupported algorithm "SHA256"'],
    [`sha256:${'a'.repeat(63)}`, 'sha256 needs 64 lowercase hex'],
    [`sha256:${'a'.repeat(65)}`, 'sha256 needs 64 lowercase hex'],
    ['sha256:', 'sha256 needs 64 lowercase hex'],
    [`sha512:${'a'.repeat(64)}`, 'sha512 needs 128 lowercase hex'],
    [`sha256:${'A'.repeat(64)}`, 'sha256 needs 64 lowercase hex'],
    [EMPTY_SHA256.toUpperCase().replace('SHA256', 'sha256'), 'sha256 needs 64 lowercase hex'],
    [`sha256:${'g'.repeat(64)}`, 'sha256 needs 64 lowercase hex'],
    [`sha256:${'a'.repeat(63)}:`, 'sha256 needs 64 lowercase hex'],
    [` ${EMPTY_SHA256}`, 'unsupported algorithm'],
    [`${EMPTY_SHA256}\n`, 'sha256 needs 64 lowercase hex'],
  ])('rejects %j with ERR_BAD_DIGEST', (input, fragment) => {
    expect(codeOf(() => parseDigest(input))).toBe('ERR_BAD_DIGEST');
    const message = messageOf(() => parseDigest(input));
    expect(message).toContain(`invalid digest "${input}"`);
    expect(message).toContain(fragment);
  });
});

describe('validateDigest, isDigest, digestHex, digestAlgorithm', () => {
  it('returns a valid digest unchanged', () => {
    expect(validateDigest(EMPTY_SHA256)).toBe(EMPTY_SHA256);
  });

  it('throws ERR_BAD_DIGEST for an invalid one', () => {
    expect(codeOf(() => validateDigest('sha256:nope'))).toBe('ERR_BAD_DIGEST');
  });

  it.each([
    [EMPTY_SHA256, true],
    [EMPTY_SHA512, true],
    ['sha256:nope', false],
    ['', false],
    [`sha1:${'a'.repeat(40)}`, false],
  ])('isDigest(%j) is %s', (input, want) => {
    expect(isDigest(input)).toBe(want);
  });

  it('splits a digest into algorithm and hex', () => {
    expect(digestAlgorithm(EMPTY_SHA512)).toBe('sha512');
    expect(digestHex(EMPTY_SHA256)).toBe(EMPTY_SHA256.slice('sha256:'.length));
  });
});

describe('digestOf', () => {
  it.each([
    ['empty bytes', new Uint8Array(), 'sha256', EMPTY_SHA256],
    ['empty string', '', 'sha256', EMPTY_SHA256],
    ['empty, sha512', '', 'sha512', EMPTY_SHA512],
    ['a string (UTF-8)', HELLO, 'sha256', HELLO_SHA256],
    ['the same bytes', new TextEncoder().encode(HELLO), 'sha256', HELLO_SHA256],
  ] as const)('hashes %s', (_name, data, algorithm, want) => {
    expect(digestOf(data, algorithm)).toBe(want);
  });

  it('defaults to sha256', () => {
    expect(digestOf(HELLO)).toBe(HELLO_SHA256);
  });
});

describe('DigestingStream', () => {
  it('passes bytes through and reports their digest and size', async () => {
    const stream = new DigestingStream();
    const out = await run(['hel', 'lo', '\n'], stream);
    expect(out.toString()).toBe(HELLO);
    expect(stream.digest).toBe(HELLO_SHA256);
    expect(stream.size).toBe(HELLO.length);
  });

  it('digests an empty stream', async () => {
    const stream = new DigestingStream('sha512');
    await run([], stream);
    expect(stream.digest).toBe(EMPTY_SHA512);
    expect(stream.size).toBe(0);
  });

  it('refuses to report a digest before the stream ends', () => {
    const stream = new DigestingStream();
    stream.write(Buffer.from('partial'));
    expect(() => stream.digest).toThrow(/before the stream ended/);
    stream.destroy();
  });
});

describe('VerifyingStream', () => {
  it('passes matching content through', async () => {
    const stream = new VerifyingStream({ digest: HELLO_SHA256, size: HELLO.length });
    const out = await run(['he', 'llo\n'], stream);
    expect(out.toString()).toBe(HELLO);
    expect(stream.size).toBe(HELLO.length);
  });

  it.each([
    ['unknown (omitted)', undefined],
    ['unknown (-1)', -1],
  ])('verifies the digest alone when the size is %s', async (_name, size) => {
    const stream = new VerifyingStream({ digest: HELLO_SHA256, size });
    await expect(run([HELLO], stream)).resolves.toEqual(Buffer.from(HELLO));
  });

  it('verifies sha512 digests', async () => {
    const stream = new VerifyingStream({ digest: EMPTY_SHA512, size: 0 });
    await expect(run([], stream)).resolves.toHaveLength(0);
  });

  it('fails with ERR_DIGEST_MISMATCH naming both digests', async () => {
    const stream = new VerifyingStream({
      digest: EMPTY_SHA256,
      size: HELLO.length,
      what: 'blob x from docker://r/p',
    });
    const err = await rejection(run([HELLO], stream));
    expect(err.code).toBe('ERR_DIGEST_MISMATCH');
    expect(err.message).toBe(
      `blob x from docker://r/p: digest mismatch: expected ${EMPTY_SHA256}, got ${HELLO_SHA256}`,
    );
    expect(err.details).toEqual({ expected: EMPTY_SHA256, actual: HELLO_SHA256 });
  });

  it('fails with ERR_SIZE_MISMATCH as soon as too many bytes arrive', async () => {
    const stream = new VerifyingStream({ digest: HELLO_SHA256, size: 3 });
    const passed: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        passed.push(chunk.toString());
        done();
      },
    });
    const source = Readable.from([Buffer.from('he'), Buffer.from('llo'), Buffer.from('\n')]);
    const err = await rejection(pipeline(source, stream, sink));
    expect(err.code).toBe('ERR_SIZE_MISMATCH');
    expect(err.message).toBe(
      `content ${HELLO_SHA256}: size mismatch: expected 3 bytes, got 5 or more`,
    );
    // The chunk that overflowed never reached the consumer.
    expect(passed.join('')).toBe('he');
  });

  it('fails with ERR_SIZE_MISMATCH when the content is too short', async () => {
    const stream = new VerifyingStream({ digest: HELLO_SHA256, size: 10, what: 'config' });
    const err = await rejection(run([HELLO], stream));
    expect(err.code).toBe('ERR_SIZE_MISMATCH');
    expect(err.message).toBe('config: size mismatch: expected 10 bytes, got 6');
  });

  it('checks the size before the digest, so a truncated blob says "size"', async () => {
    const stream = new VerifyingStream({ digest: HELLO_SHA256, size: HELLO.length });
    const err = await rejection(run(['hel'], stream));
    expect(err.code).toBe('ERR_SIZE_MISMATCH');
  });

  it('rejects an invalid expected digest eagerly', () => {
    expect(codeOf(() => new VerifyingStream({ digest: 'sha256:short' }))).toBe('ERR_BAD_DIGEST');
  });

  it('composes with DigestingStream in one pipeline', async () => {
    const digesting = new DigestingStream();
    const verifying = new VerifyingStream({ digest: HELLO_SHA256, size: HELLO.length });
    const out: Buffer[] = [];
    await pipeline(
      Readable.from([Buffer.from(HELLO)]),
      digesting,
      verifying,
      new Writable({
        write(chunk: Buffer, _enc, done) {
          out.push(chunk);
          done();
        },
      }),
    );
    expect(digesting.digest).toBe(HELLO_SHA256);
    expect(Buffer.concat(out).toString()).toBe(HELLO);
  });
});

describe('verifyBytes', () => {
  const hello = new TextEncoder().encode(HELLO);

  it('accepts matching bytes', () => {
    expect(() => verifyBytes(hello, { digest: HELLO_SHA256, size: hello.length })).not.toThrow();
    expect(() => verifyBytes(hello, { digest: HELLO_SHA256 })).not.toThrow();
    expect(() => verifyBytes(new Uint8Array(), { digest: EMPTY_SHA512, size: 0 })).not.toThrow();
  });

  it('fails with ERR_DIGEST_MISMATCH', () => {
    const check = () => verifyBytes(hello, { digest: EMPTY_SHA256, what: 'manifest m' });
    expect(codeOf(check)).toBe('ERR_DIGEST_MISMATCH');
    expect(messageOf(check)).toBe(
      `manifest m: digest mismatch: expected ${EMPTY_SHA256}, got ${HELLO_SHA256}`,
    );
  });

  // Regression: verifyBytes said just "content" and carried no details, unlike VerifyingStream.
  it('names the content by digest and carries details, like VerifyingStream', () => {
    try {
      verifyBytes(hello, { digest: EMPTY_SHA256 });
      expect.unreachable();
    } catch (err) {
      expect((err as LighterError).message).toMatch(
        new RegExp(`^content ${EMPTY_SHA256}: digest mismatch`),
      );
      expect((err as LighterError).details).toEqual({
        expected: EMPTY_SHA256,
        actual: HELLO_SHA256,
      });
    }
  });

  it.each([
    ['too long', 2],
    ['too short', 100],
  ])('fails with ERR_SIZE_MISMATCH when %s', (_name, size) => {
    const check = () => verifyBytes(hello, { digest: HELLO_SHA256, size });
    expect(codeOf(check)).toBe('ERR_SIZE_MISMATCH');
    expect(messageOf(check)).toBe(
      `content ${HELLO_SHA256}: size mismatch: expected ${size} bytes, got ${hello.length}`,
    );
  });

  it('rejects an invalid expected digest with ERR_BAD_DIGEST', () => {
    expect(codeOf(() => verifyBytes(hello, { digest: 'sha256:xyz' }))).toBe('ERR_BAD_DIGEST');
  });
});
