// Reads a layer tar as a sequence of entries with PAX records kept as bytes, over tar-stream.
//
// tar-stream decodes PAX values as UTF-8 text (losing binary xattr values such as
// security.capability) and applies only path, linkpath and size. A small subclass of its
// extractor keeps each entry's raw records; uid, gid, mtime and xattrs are read from them here.
// The binary-xattr test in apply.test.ts fails loudly if tar-stream's internals move.

import type { Readable } from 'node:stream';
import { type Extract, type Header, extract as tarExtract } from 'tar-stream';
import { LighterError } from '../../errors.js';
import { parsePaxRecords } from './tar-header.js';
import type { Xattrs } from './xattr.js';

export type LayerEntryType = Header['type'] | 'unsupported';

export interface LayerEntry {
  /** The name as archived (after PAX and GNU long names); not yet checked or cleaned. */
  name: string;
  type: LayerEntryType;
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch, with the fraction a PAX mtime may carry. */
  mtime: number;
  size: number;
  linkname: string;
  devmajor: number;
  devminor: number;
  xattrs: Xattrs;
  /** The entry's data; whatever the consumer leaves unread is skipped before the next entry. */
  data: AsyncIterable<Buffer>;
}

type RawHeader = Header & { rawPax?: Map<string, Buffer> };

interface ExtractInternals {
  _header: (Omit<RawHeader, 'type'> & { type: string | null }) | null;
  _decodeLongHeader(buf: Buffer): void;
  _applyLongHeaders(): void;
}

type ExtractClass = new (opts?: object) => Extract & ExtractInternals;

let rawPaxExtract: ExtractClass | undefined;

function rawPaxExtractClass(): ExtractClass {
  if (rawPaxExtract) return rawPaxExtract;
  const probe = tarExtract();
  const Base = probe.constructor as ExtractClass;
  probe.destroy();
  const proto = Base.prototype as Partial<ExtractInternals>;
  if (
    typeof proto._decodeLongHeader !== 'function' ||
    typeof proto._applyLongHeaders !== 'function'
  ) {
    throw new LighterError(
      'ERR_UNSUPPORTED',
      'reading layer tars: this tar-stream version has no _decodeLongHeader/_applyLongHeaders to hook',
    );
  }
  rawPaxExtract = class RawPaxExtract extends Base {
    #pax: Map<string, Buffer> | undefined;
    #globalPax: Map<string, Buffer> | undefined;

    override _decodeLongHeader(buf: Buffer): void {
      const type = this._header?.type;
      if (type === 'pax-header') this.#pax = parsePaxRecords(buf);
      else if (type === 'pax-global-header') this.#globalPax = parsePaxRecords(buf);
      super._decodeLongHeader(buf);
    }

    override _applyLongHeaders(): void {
      super._applyLongHeaders();
      const merged = new Map(this.#globalPax ?? []);
      for (const [key, value] of this.#pax ?? []) merged.set(key, value);
      this.#pax = undefined;
      if (this._header) this._header.rawPax = merged;
    }
  };
  return rawPaxExtract;
}

/**
 * Yields the entries of an uncompressed tar stream in order. The source is read to its very
 * end (past the end-of-archive blocks), so a digest taken upstream covers every byte.
 * Returning early (or throwing from the loop body) destroys the source.
 */
export async function* readTarEntries(source: Readable): AsyncGenerator<LayerEntry> {
  const extract = new (rawPaxExtractClass())();
  const feeding = feed(source, extract);
  feeding.catch((err: unknown) => extract.destroy(err as Error));
  let complete = false;
  try {
    for await (const stream of extract as AsyncIterable<Readable & { header: RawHeader }>) {
      let consumed = false;
      const data = (async function* () {
        for await (const chunk of stream) yield chunk as Buffer;
        consumed = true;
      })();
      yield toEntry(stream.header, data);
      if (!consumed) for await (const _ of data);
    }
    await feeding;
    complete = true;
  } finally {
    if (!complete) {
      source.destroy();
      extract.destroy();
      await feeding.catch(() => {});
    }
  }
}

async function feed(source: Readable, extract: Extract): Promise<void> {
  for await (const chunk of source) {
    if (!extract.write(chunk as Buffer)) await drained(extract);
  }
  extract.end(undefined);
}

function drained(extract: Extract): Promise<void> {
  const x = extract as Extract & { destroying?: boolean; destroyed?: boolean };
  if (x.destroying || x.destroyed) return Promise.reject(new Error('tar reader stopped'));
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      extract.off('drain', onDrain);
      extract.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('tar reader stopped'));
    extract.on('drain', onDrain);
    extract.on('close', onClose);
  });
}

function toEntry(header: RawHeader, data: AsyncIterable<Buffer>): LayerEntry {
  const pax = header.rawPax ?? new Map<string, Buffer>();
  const xattrs: Array<[string, Buffer]> = [];
  for (const [key, value] of pax) {
    if (key.startsWith('SCHILY.xattr.')) {
      xattrs.push([key.slice('SCHILY.xattr.'.length), value]);
    } else if (key.startsWith('LIBARCHIVE.xattr.')) {
      // bsdtar: URL-encoded name, base64 value.
      const name = decodeURIComponent(key.slice('LIBARCHIVE.xattr.'.length));
      if (!xattrs.some(([n]) => n === name)) {
        xattrs.push([name, Buffer.from(value.toString('latin1'), 'base64')]);
      }
    }
  }
  return {
    name: header.name,
    type: (header.type as LayerEntryType | null) ?? 'unsupported',
    mode: header.mode & 0o7777,
    uid: paxNumber(pax, 'uid') ?? header.uid,
    gid: paxNumber(pax, 'gid') ?? header.gid,
    mtime: paxNumber(pax, 'mtime') ?? header.mtime.getTime() / 1000,
    size: header.size,
    linkname: header.linkname ?? '',
    devmajor: header.devmajor ?? 0,
    devminor: header.devminor ?? 0,
    xattrs,
    data,
  };
}

function paxNumber(pax: Map<string, Buffer>, key: string): number | undefined {
  const value = pax.get(key);
  if (value === undefined) return undefined;
  const n = Number(value.toString('ascii'));
  return Number.isFinite(n) ? n : undefined;
}
