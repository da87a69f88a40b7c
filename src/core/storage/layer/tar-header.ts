// Tar headers for the layers we write (ustar plus PAX records) and binary-safe PAX parsing.
//
// tar-stream's packer writes PAX values as UTF-8 text and knows only path and linkpath, so
// binary xattr values (security.capability) and uids beyond 2^21 could not be written with it;
// the format is small, so the writer side is done here, byte for byte deterministic.

export const BLOCK_SIZE = 512;

export type TarEntryType =
  | 'file'
  | 'link'
  | 'symlink'
  | 'character-device'
  | 'block-device'
  | 'directory'
  | 'fifo';

const TYPEFLAG: Record<TarEntryType, number> = {
  file: 0x30,
  link: 0x31,
  symlink: 0x32,
  'character-device': 0x33,
  'block-device': 0x34,
  directory: 0x35,
  fifo: 0x36,
};
const PAX_TYPEFLAG = 0x78; // 'x'

export interface TarHeader {
  /** Relative path with `/` separators; directories get their trailing slash here. */
  name: string;
  type: TarEntryType;
  mode: number;
  uid: number;
  gid: number;
  /** Bytes of data that follow (regular files only). */
  size: number;
  /** Whole seconds since the epoch. */
  mtime: number;
  linkname?: string;
  devmajor?: number;
  devminor?: number;
  /** Extended attributes, written as `SCHILY.xattr.NAME` PAX records in this order. */
  xattrs?: ReadonlyArray<readonly [string, Buffer]>;
}

const MAX_OCTAL_8 = 0o7777777; // what fits an 8-byte field: 7 digits and a NUL
const MAX_OCTAL_12 = 0o77777777777;

/** The header blocks of one entry: an optional PAX header with its records, then ustar. */
export function encodeHeader(header: TarHeader): Buffer {
  const name = header.type === 'directory' ? `${header.name}/` : header.name;
  const linkname = header.linkname ?? '';
  const records: Buffer[] = [];
  const split = splitUstarName(name);
  if (!split) records.push(paxRecord('path', Buffer.from(name, 'utf8')));
  if (!fitsUstar(linkname, 100)) records.push(paxRecord('linkpath', Buffer.from(linkname, 'utf8')));
  if (header.size > MAX_OCTAL_12) records.push(paxRecord('size', decimal(header.size)));
  if (header.uid > MAX_OCTAL_8) records.push(paxRecord('uid', decimal(header.uid)));
  if (header.gid > MAX_OCTAL_8) records.push(paxRecord('gid', decimal(header.gid)));
  const mtimeFits = header.mtime >= 0 && header.mtime <= MAX_OCTAL_12;
  if (!mtimeFits) records.push(paxRecord('mtime', decimal(header.mtime)));
  for (const [key, value] of header.xattrs ?? []) {
    records.push(paxRecord(`SCHILY.xattr.${key}`, value));
  }

  const ustar = ustarBlock({
    name: split?.name ?? asciiPlaceholder(name, 100),
    prefix: split?.prefix ?? '',
    mode: header.mode & 0o7777,
    uid: header.uid > MAX_OCTAL_8 ? 0 : header.uid,
    gid: header.gid > MAX_OCTAL_8 ? 0 : header.gid,
    size: header.size > MAX_OCTAL_12 ? 0 : header.size,
    mtime: mtimeFits ? header.mtime : 0,
    typeflag: TYPEFLAG[header.type],
    linkname: fitsUstar(linkname, 100) ? linkname : asciiPlaceholder(linkname, 100),
    devmajor: header.devmajor ?? 0,
    devminor: header.devminor ?? 0,
  });
  if (records.length === 0) return ustar;

  const body = Buffer.concat(records);
  const paxHeader = ustarBlock({
    // The directory/PaxHeaders.0/base convention of Go and GNU tar: readers that do not know
    // PAX extract a harmless file there instead of misreading the records.
    name: asciiPlaceholder(`PaxHeaders.0/${baseName(name)}`, 100),
    prefix: '',
    mode: 0o644,
    uid: 0,
    gid: 0,
    size: body.length,
    mtime: mtimeFits ? header.mtime : 0,
    typeflag: PAX_TYPEFLAG,
    linkname: '',
    devmajor: 0,
    devminor: 0,
  });
  return Buffer.concat([paxHeader, body, padding(body.length), ustar]);
}

/** Zero bytes that complete a member of `size` bytes to a whole block. */
export function padding(size: number): Buffer {
  const rest = size % BLOCK_SIZE;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK_SIZE - rest);
}

/** Two zero blocks end an archive. */
export function endOfArchive(): Buffer {
  return Buffer.alloc(2 * BLOCK_SIZE);
}

/**
 * Parses PAX extended header records, keeping values as bytes (keys are UTF-8 by the
 * standard; SCHILY.xattr values are raw). Parsing stops at the first malformed record.
 */
export function parsePaxRecords(data: Uint8Array): Map<string, Buffer> {
  const records = new Map<string, Buffer>();
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  while (offset < buf.length) {
    const space = buf.indexOf(0x20, offset);
    if (space < 0) break;
    const length = Number.parseInt(buf.toString('ascii', offset, space), 10);
    if (!Number.isInteger(length) || length <= space - offset + 1 || offset + length > buf.length) {
      break;
    }
    const end = offset + length;
    if (buf[end - 1] !== 0x0a) break;
    const equals = buf.indexOf(0x3d, space + 1);
    if (equals < 0 || equals >= end) break;
    const key = buf.toString('utf8', space + 1, equals);
    records.set(key, Buffer.from(buf.subarray(equals + 1, end - 1)));
    offset = end;
  }
  return records;
}

interface UstarFields {
  name: string;
  prefix: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: number;
  linkname: string;
  devmajor: number;
  devminor: number;
}

function ustarBlock(f: UstarFields): Buffer {
  const block = Buffer.alloc(BLOCK_SIZE);
  block.write(f.name, 0, 100, 'utf8');
  writeOctal(block, 100, 8, f.mode);
  writeOctal(block, 108, 8, f.uid);
  writeOctal(block, 116, 8, f.gid);
  writeOctal(block, 124, 12, f.size);
  writeOctal(block, 136, 12, f.mtime);
  block.fill(0x20, 148, 156); // checksum counts as spaces while it is computed
  block[156] = f.typeflag;
  block.write(f.linkname, 157, 100, 'utf8');
  block.write('ustar\u000000', 257, 8, 'latin1');
  writeNumeric(block, 329, 8, f.devmajor);
  writeNumeric(block, 337, 8, f.devminor);
  block.write(f.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  // Six digits, NUL, space: the historical layout every reader accepts.
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
  return block;
}

function writeOctal(block: Buffer, offset: number, width: number, value: number): void {
  block.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}

/** Octal when it fits, else GNU base-256 (device numbers have no PAX keyword). */
function writeNumeric(block: Buffer, offset: number, width: number, value: number): void {
  if (value <= MAX_OCTAL_8) {
    writeOctal(block, offset, width, value);
    return;
  }
  let rest = value;
  for (let i = width - 1; i > 0; i--) {
    block[offset + i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  block[offset] = 0x80;
}

function paxRecord(key: string, value: Buffer): Buffer {
  const tail = Buffer.concat([Buffer.from(` ${key}=`, 'utf8'), value, Buffer.from('\n')]);
  // The length prefix counts its own digits.
  let length = tail.length + 1;
  while (String(length).length + tail.length !== length)
    length = String(length).length + tail.length;
  return Buffer.concat([Buffer.from(String(length), 'ascii'), tail]);
}

function decimal(value: number): Buffer {
  return Buffer.from(String(Math.trunc(value)), 'ascii');
}

function isAscii(text: string): boolean {
  return /^[\u0001-\u007f]*$/.test(text);
}

function fitsUstar(text: string, width: number): boolean {
  return isAscii(text) && text.length <= width;
}

/** Splits a long ASCII name into ustar prefix (≤155) and name (≤100) at a slash, if possible. */
function splitUstarName(name: string): { prefix: string; name: string } | undefined {
  if (!isAscii(name)) return undefined;
  if (name.length <= 100) return { prefix: '', name };
  if (name.length > 256) return undefined;
  // The earliest slash that leaves at most 100 bytes for the name part.
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    if (i > 155) return undefined;
    const rest = name.slice(i + 1);
    if (rest.length <= 100 && rest.length > 0 && i > 0) {
      return { prefix: name.slice(0, i), name: rest };
    }
  }
  return undefined;
}

function baseName(name: string): string {
  const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** What goes in a ustar field that a PAX record overrides: printable ASCII, truncated. */
function asciiPlaceholder(text: string, width: number): string {
  return text.replace(/[^\u0020-\u007e]/g, '_').slice(0, width);
}
