// A transform that decompresses gzip or zstd input and passes anything else through, judged by its magic bytes.

import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip, createZstdDecompress } from 'node:zlib';

const MAGIC_LENGTH = 4;

/**
 * Docker archives hold layers as plain tars whatever the manifest called them, so the bytes,
 * not the media type, decide: a layer labelled gzip that is not is still stored correctly.
 */
export class AutoDecompress extends Transform {
  #head: Buffer[] = [];
  #headLength = 0;
  #inner: Transform | undefined;
  #decided = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.#decided) {
      this.#forward(chunk, done);
      return;
    }
    this.#head.push(chunk);
    this.#headLength += chunk.length;
    if (this.#headLength < MAGIC_LENGTH) {
      done();
      return;
    }
    this.#decide();
    this.#forward(Buffer.concat(this.#head), done);
    this.#head = [];
  }

  override _flush(done: TransformCallback): void {
    if (!this.#decided) {
      this.#decide();
      const rest = Buffer.concat(this.#head);
      if (rest.length > 0) this.#forward(rest, () => {});
    }
    const inner = this.#inner;
    if (!inner) {
      done();
      return;
    }
    inner.once('end', () => done());
    inner.end();
  }

  #decide(): void {
    this.#decided = true;
    const head = Buffer.concat(this.#head);
    if (head[0] === 0x1f && head[1] === 0x8b) this.#inner = createGunzip();
    else if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) {
      this.#inner = createZstdDecompress();
    }
    const inner = this.#inner;
    if (inner) {
      inner.on('data', (data: Buffer) => this.push(data));
      inner.once('error', (err) => this.destroy(err));
    }
  }

  #forward(chunk: Buffer, done: TransformCallback): void {
    if (!this.#inner) {
      done(null, chunk);
      return;
    }
    // The write callback fires once the decompressor has taken the chunk: that is our backpressure.
    this.#inner.write(chunk, (err) => done(err ?? null));
  }
}
