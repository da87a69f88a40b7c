// Writes a tar archive from a list of members, atomically and reproducibly (fixed owners and times).

import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Header, type Pack, pack as tarPack } from 'tar-stream';
import { renameDurable, tempPathFor } from './atomic-write.js';

export type TarMember =
  | { name: string; type: 'directory' }
  | { name: string; type: 'file'; data: Uint8Array | string }
  /** A file on disk, streamed into the archive. */
  | { name: string; type: 'file'; path: string }
  | { name: string; type: 'symlink'; target: string };

// Reproducible archives: the same image always packs to the same bytes.
const EPOCH = new Date(0);
const OWNER = { uid: 0, gid: 0, uname: '', gname: '' };

/** Packs `members` in order into `file` through a temp file beside it, renamed into place when complete. */
export async function packTar(file: string, members: Iterable<TarMember>): Promise<void> {
  const temp = tempPathFor(file);
  const pack = tarPack();
  // tar-stream's streams are streamx ones; Readable.from adapts them to node's pipeline.
  const writing = pipeline(
    Readable.from(pack),
    createWriteStream(temp, { flags: 'wx', flush: true }),
  );
  try {
    await Promise.all([writing, addMembers(pack, members)]);
    await renameDurable(temp, file);
  } catch (err) {
    pack.destroy();
    await writing.catch(() => {});
    await rm(temp, { force: true });
    throw err;
  }
}

async function addMembers(pack: Pack, members: Iterable<TarMember>): Promise<void> {
  for (const m of members) {
    const base = { name: m.name, mtime: EPOCH, ...OWNER };
    if (m.type === 'directory') {
      await entry(pack, {
        ...base,
        name: m.name.endsWith('/') ? m.name : `${m.name}/`,
        type: 'directory',
        mode: 0o755,
      });
    } else if (m.type === 'symlink') {
      await entry(pack, { ...base, type: 'symlink', linkname: m.target, mode: 0o777 });
    } else if ('data' in m) {
      const data = typeof m.data === 'string' ? Buffer.from(m.data) : Buffer.from(m.data);
      await entry(pack, { ...base, type: 'file', mode: 0o644, size: data.length }, data);
    } else {
      const { size } = await stat(m.path);
      await entryFromFile(pack, { ...base, type: 'file', mode: 0o644, size }, m.path);
    }
  }
  pack.finalize();
}

type HeaderArgument = Partial<Header> & Pick<Header, 'name'>;

function entry(pack: Pack, header: HeaderArgument, data?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const cb = (err?: Error | null) => (err ? reject(err) : resolve());
    if (data) pack.entry(header, data, cb);
    else pack.entry(header, cb);
  });
}

async function entryFromFile(pack: Pack, header: HeaderArgument, path: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
    const source = createReadStream(path);
    source.once('error', (err) => {
      sink.destroy(err);
      reject(err);
    });
    source.pipe(sink as unknown as NodeJS.WritableStream);
  });
}
