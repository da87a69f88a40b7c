// COPY and ADD as layer tars written straight from their sources: no runtime, no root, no overlay.
//
// The destination is resolved against the image being built (an existing directory takes
// files, symlinks on the way are followed inside the image), its parent directories go in the
// layer with the attributes they have, and new ones are made 0755 for the --chown owner, as
// BuildKit does.

import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readlink, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { LighterError } from '../errors.js';
import type { TarHeader } from '../storage/layer/tar-header.js';
import type { ArchiveKind } from './archive.js';
import { applyChmod } from './chmod.js';
import { hashSources } from './context/hash.js';
import type { IgnoreMatcher } from './context/ignore.js';
import { resolveSources } from './context/sources.js';
import type { PlannedInstruction } from './dockerfile/plan.js';
import { type DownloadedFile, downloadUrl, urlFileName } from './fetch-url.js';
import type { LayerView, ViewFs } from './layer-view.js';
import type { TarItem } from './layer-writer.js';
import { type Owner, resolveOwner } from './owner.js';
import { type CopySourceEntry, resolveViewSources } from './view-sources.js';

type PlannedCopyLike = Extract<PlannedInstruction, { kind: 'COPY' | 'ADD' }>;

export interface CopyContext {
  instruction: PlannedCopyLike;
  /** `Dockerfile:7`, for messages. */
  where: string;
  position: { file: string; line: number };
  contextDir: string;
  ignore: IgnoreMatcher;
  ignoreFile: string | undefined;
  /**
   * For --from: the stage or image read, the identity of its content, and its view (made only
   * when the layer is written: a cache hit unpacks nothing).
   */
  from: { name: string; view: () => Promise<LayerView>; identity: string } | undefined;
  /** The image being written into, likewise made on demand. */
  parent: () => Promise<LayerView>;
  /** Seconds: the mtime of directories the copy creates. */
  now: number;
  sourceDateEpoch: number | undefined;
  /** Where downloads go (removed by the caller). */
  tempDir: string;
}

export interface PreparedCopy {
  /** The content identity of the sources, for the cache key. */
  sourcesHash: string;
  /** Buildah's history form: `dir:<hash> in /dest`. */
  summary: string;
  /** The layer's members, in order; may be called again (a retried write). */
  items(): AsyncIterable<TarItem>;
}

function isUrl(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

function failure(ctx: CopyContext, message: string): LighterError {
  return new LighterError('ERR_BUILD', `${ctx.where}: ${ctx.instruction.kind} failed: ${message}`, {
    details: { file: ctx.position.file, line: ctx.position.line },
  });
}

/**
 * Checks the sources, downloads URLs and hashes everything that goes in the layer, so the
 * cache can be asked before anything is written.
 */
export async function prepareCopy(ctx: CopyContext): Promise<PreparedCopy> {
  const instruction = ctx.instruction;
  const urls = instruction.sources.filter(isUrl);
  const local = instruction.sources.filter((s) => !isUrl(s));
  if (instruction.kind === 'ADD' && urls.length > 0 && instruction.from.kind !== 'context') {
    throw failure(ctx, 'URLs cannot be combined with --from');
  }
  for (const source of instruction.sources) {
    if (
      /^git@|^git:\/\/|^ssh:\/\//.test(source) ||
      (isUrl(source) && /\.git(#.*)?$/.test(source))
    ) {
      throw failure(ctx, `git sources (${source}) are not supported; clone in a RUN step instead`);
    }
  }
  const checksum = instruction.kind === 'ADD' ? instruction.checksum : undefined;
  const downloads = new Map<string, Promise<DownloadedFile>>();
  const download = (url: string, i: number) => {
    let pending = downloads.get(url);
    if (!pending) {
      pending = downloadUrl(url, ctx.tempDir, i, checksum);
      downloads.set(url, pending);
    }
    return pending;
  };

  const hash = createHash('sha256');
  const part = (label: string, value: string) => hash.update(`${label}=${value.length}:${value};`);
  if (ctx.from) {
    part('from', ctx.from.identity);
    part('sources', JSON.stringify(local));
  } else if (local.length > 0) {
    part(
      'context',
      await hashSources(ctx.contextDir, local, {
        ignore: ctx.ignore,
        ...(ctx.ignoreFile ? { ignoreFile: ctx.ignoreFile } : {}),
        exclude: instruction.exclude,
        parents: instruction.kind === 'COPY' && instruction.parents,
        instruction: instruction.kind,
        position: ctx.position,
      }),
    );
  }
  for (const [i, url] of urls.entries()) {
    // With a checksum the content is known without fetching it: a cache hit downloads nothing.
    part('url', `${url} ${checksum ?? (await download(url, i)).digest}`);
  }
  for (const inline of instruction.inlineSources)
    part('inline', `${inline.name}\n${inline.content}`);
  const sourcesHash = `sha256:${hash.digest('hex')}`;

  // buildah's history says `file:` for one file and `dir:` for anything else.
  let what = 'dir';
  if (instruction.sources.length + instruction.inlineSources.length === 1) {
    if (urls.length === 1 || instruction.inlineSources.length === 1) what = 'file';
    else if (!ctx.from && local.length === 1) {
      const st = await stat(join(ctx.contextDir, local[0]!)).catch(() => undefined);
      if (st?.isFile()) what = 'file';
    }
  }
  return {
    sourcesHash,
    summary: `${what}:${sourcesHash.slice('sha256:'.length)} in ${instruction.destPath}`,
    items: () => copyItems(ctx, urls, download),
  };
}

function viewOptions(ctx: CopyContext) {
  const instruction = ctx.instruction;
  return {
    exclude: instruction.exclude,
    parents: instruction.kind === 'COPY' && instruction.parents,
    instruction: instruction.kind,
    where: ctx.where,
    fromName: ctx.from?.name ?? '',
  };
}

/** Source entries of every kind, in the order the instruction names them. */
interface Entry extends CopySourceEntry {
  /** From the build context: owned by root unless --chown. */
  fromContext: boolean;
  /** A file that was itself a source (not found inside a directory source). */
  topLevel: boolean;
  data?: Buffer;
  /** Reads the entry's link or bytes, when this process may not (a view read as root). */
  fs?: ViewFs;
}

async function* sourceEntries(
  ctx: CopyContext,
  urls: string[],
  download: (url: string, i: number) => Promise<DownloadedFile>,
): AsyncGenerator<Entry> {
  const instruction = ctx.instruction;
  const local = instruction.sources.filter((s) => !isUrl(s));
  if (ctx.from) {
    let root: string | undefined;
    const view = await ctx.from.view();
    // A view that reads as root (layers handled so through sudo) reads the files' bytes too.
    const fs = view.fs.stream ? { fs: view.fs } : {};
    for await (const e of resolveViewSources(view, local, viewOptions(ctx))) {
      if (e.target === '') root = e.hostPath;
      const inside = root !== undefined && e.target !== '' && e.hostPath.startsWith(`${root}/`);
      yield { ...e, ...fs, fromContext: false, topLevel: e.target !== '' && !inside };
    }
  } else if (local.length > 0) {
    let root: string | undefined;
    for await (const e of resolveSources(ctx.contextDir, local, {
      ignore: ctx.ignore,
      ...(ctx.ignoreFile ? { ignoreFile: ctx.ignoreFile } : {}),
      exclude: instruction.exclude,
      parents: instruction.kind === 'COPY' && instruction.parents,
      instruction: instruction.kind,
      position: ctx.position,
    })) {
      if (e.target === '') root = e.path;
      const inside =
        root !== undefined && e.target !== '' && (root === '' || e.path.startsWith(`${root}/`));
      const parents = instruction.kind === 'COPY' && instruction.parents;
      yield {
        target: e.target,
        hostPath: e.absolutePath,
        stats: e.stat,
        source: e.source,
        fromContext: true,
        topLevel: !parents && e.target !== '' && !inside,
      };
    }
  }
  for (const [i, url] of urls.entries()) {
    const file = await download(url, i);
    const stats = fakeStats(0o100600, file.size, file.mtime ?? ctx.now);
    yield {
      target: file.name,
      hostPath: file.path,
      stats,
      source: local.length + i,
      fromContext: true,
      // Remote archives are never unpacked.
      topLevel: false,
    };
  }
  for (const [i, inline] of instruction.inlineSources.entries()) {
    const data = Buffer.from(inline.content, 'utf8');
    yield {
      target: inline.name,
      hostPath: '',
      stats: fakeStats(0o100644, data.length, ctx.now),
      source: instruction.sources.length + i,
      fromContext: true,
      topLevel: false,
      data,
    };
  }
}

/** Just enough of a Stats for a file that exists only in memory or was downloaded. */
function fakeStats(mode: number, size: number, mtime: number): Stats {
  return {
    mode,
    size,
    uid: 0,
    gid: 0,
    mtimeMs: mtime * 1000,
    isFile: () => true,
    isDirectory: () => false,
    isSymbolicLink: () => false,
    isFIFO: () => false,
    isCharacterDevice: () => false,
    isBlockDevice: () => false,
    isSocket: () => false,
  } as unknown as Stats;
}

function clamp(seconds: number, epoch: number | undefined): number {
  const whole = Math.floor(seconds);
  return epoch !== undefined && whole > epoch ? epoch : whole;
}

async function* copyItems(
  ctx: CopyContext,
  urls: string[],
  download: (url: string, i: number) => Promise<DownloadedFile>,
): AsyncGenerator<TarItem> {
  const instruction = ctx.instruction;
  const link = instruction.link;
  const parent = await ctx.parent();
  const owner: Owner | undefined =
    instruction.chown === undefined || instruction.chown === ''
      ? undefined
      : await resolveOwner(instruction.chown, parent).catch((err: Error) => {
          throw failure(ctx, err.message);
        });
  const chmod = instruction.chmod;
  const epoch = ctx.sourceDateEpoch;
  const now = clamp(ctx.now, epoch);

  const entries = sourceEntries(ctx, urls, download);
  const first = await entries.next();
  const sourceCount = instruction.sources.length + instruction.inlineSources.length;
  const unpack = instruction.kind === 'ADD' && instruction.unpack !== false;
  // Only ADD reads archives: COPY never loads the tar reader.
  const archives = unpack ? await import('./archive.js') : undefined;
  const firstArchive =
    !first.done && archives && first.value.topLevel && first.value.stats.isFile()
      ? await archives.archiveKind(first.value.hostPath).catch(() => undefined)
      : undefined;

  // Where things land: a directory, or (one file source, no trailing slash) a file path.
  let destPath = instruction.destPath;
  let destIsDir =
    destPath.endsWith('/') ||
    sourceCount > 1 ||
    (!first.done && first.value.target === '') ||
    firstArchive !== undefined;
  if (!destIsDir && !link) {
    const existing = await parent.resolve(destPath, true);
    if (existing.entry?.stats.isDirectory()) destIsDir = true;
  }
  destPath = destPath.replace(/\/+$/, '') || '/';
  const destDirRaw = destIsDir ? destPath : posix.dirname(destPath);
  const fileName = destIsDir ? undefined : posix.basename(destPath);

  // The destination directory, with symlinks on the way followed inside the image.
  let destDir = destDirRaw.replace(/^\/+/, '');
  if (!link && destDir !== '') {
    const resolved = await parent.resolve(destDir, true);
    destDir = resolved.path;
    if (resolved.entry && !resolved.entry.stats.isDirectory()) {
      throw failure(ctx, `cannot copy to non-directory: /${destDir}`);
    }
  }

  // Parent directories, then the destination directory itself.
  const parts = destDir === '' ? [] : destDir.split('/');
  for (let i = 0; i < parts.length; i++) {
    const path = parts.slice(0, i + 1).join('/');
    const existing = link ? undefined : await parent.lstat(path);
    const isDest = i === parts.length - 1;
    if (existing?.stats.isDirectory()) {
      yield {
        header: {
          name: path,
          type: 'directory',
          mode: existing.stats.mode & 0o7777,
          uid: existing.stats.uid,
          gid: existing.stats.gid,
          size: 0,
          mtime: clamp(existing.stats.mtimeMs / 1000, epoch),
        },
      };
      continue;
    }
    if (existing) throw failure(ctx, `cannot copy to non-directory: /${path}`);
    // A directory source copied to a destination named without a trailing slash makes it with
    // its own mode and time (BuildKit copies the directory); with the slash, the destination is
    // made first, 0755, like its parents.
    const fromDir =
      isDest && !first.done && first.value.target === '' && !instruction.destPath.endsWith('/')
        ? first.value
        : undefined;
    yield {
      header: {
        name: path,
        type: 'directory',
        mode: fromDir
          ? chmod
            ? applyChmod(chmod, fromDir.stats.mode, true)
            : fromDir.stats.mode & 0o7777
          : 0o755,
        uid: owner?.uid ?? (fromDir && !fromDir.fromContext ? fromDir.stats.uid : 0),
        gid: owner?.gid ?? (fromDir && !fromDir.fromContext ? fromDir.stats.gid : 0),
        size: 0,
        mtime: fromDir ? clamp(fromDir.stats.mtimeMs / 1000, epoch) : now,
      },
    };
  }

  const under = (target: string) => (destDir === '' ? target : `${destDir}/${target}`);

  const emit = async function* (entry: Entry): AsyncGenerator<TarItem> {
    if (entry.target === '') return; // the destination directory, handled above
    const st = entry.stats;
    const archive =
      archives && entry.topLevel && st.isFile()
        ? entry === first.value
          ? firstArchive
          : await archives.archiveKind(entry.hostPath).catch(() => undefined)
        : undefined;
    if (archive) {
      yield* archiveItems(ctx, entry.hostPath, archive, destDir, epoch);
      return;
    }
    const name = under(fileName ?? entry.target);
    const header = headerFor(name, st, entry, owner, chmod, epoch);
    if (!header) return;
    const fs = entry.fs;
    if (header.type === 'symlink') {
      header.linkname = await (fs ? fs.readlink(entry.hostPath) : readlink(entry.hostPath));
    }
    yield {
      header,
      ...(header.type === 'file' ? { source: fileSource(entry) } : {}),
    };
  };
  if (!first.done) yield* emit(first.value);
  for await (const entry of entries) yield* emit(entry);
}

function headerFor(
  name: string,
  st: Stats,
  entry: Entry,
  owner: Owner | undefined,
  chmod: string | undefined,
  epoch: number | undefined,
): TarHeader | undefined {
  let type: TarHeader['type'];
  if (st.isFile()) type = 'file';
  else if (st.isDirectory()) type = 'directory';
  else if (st.isSymbolicLink()) type = 'symlink';
  else if (st.isFIFO()) type = 'fifo';
  else if (st.isCharacterDevice() && !entry.fromContext) type = 'character-device';
  else if (st.isBlockDevice() && !entry.fromContext) type = 'block-device';
  else return undefined;
  const mode =
    chmod && type !== 'symlink'
      ? applyChmod(chmod, st.mode, type === 'directory')
      : st.mode & 0o7777;
  const header: TarHeader = {
    name,
    type,
    mode,
    uid: owner?.uid ?? (entry.fromContext ? 0 : st.uid),
    gid: owner?.gid ?? (entry.fromContext ? 0 : st.gid),
    size: type === 'file' ? st.size : 0,
    mtime: clamp(st.mtimeMs / 1000, epoch),
  };
  if (type === 'character-device' || type === 'block-device') {
    header.devmajor = Number((BigInt(st.rdev) >> 8n) & 0xfffn);
    header.devminor = Number((BigInt(st.rdev) & 0xffn) | ((BigInt(st.rdev) >> 12n) & 0xffffff00n));
  }
  return header;
}

/** An archive's entries moved below the destination directory; names that climb out are refused. */
async function* archiveItems(
  ctx: CopyContext,
  path: string,
  kind: ArchiveKind,
  destDir: string,
  epoch: number | undefined,
): AsyncGenerator<TarItem> {
  const under = (name: string): string | undefined => {
    const cleaned = posix.normalize(`/${name}`).replace(/^\/+/, '').replace(/\/+$/, '');
    if (cleaned === '' || cleaned === '.') return undefined;
    return destDir === '' ? cleaned : `${destDir}/${cleaned}`;
  };
  const { archiveEntries } = await import('./archive.js');
  for await (const e of archiveEntries(path, kind)) {
    const climbs = posix.normalize(e.name).split('/').includes('..');
    if (climbs)
      throw failure(ctx, `${posix.basename(path)}: entry ${e.name} leaves the destination`);
    const name = under(e.name);
    if (name === undefined) {
      // The archive's own root (`./`) sets the destination directory's attributes, as tar -x does.
      if (e.type === 'directory' && destDir !== '') {
        yield {
          header: {
            name: destDir,
            type: 'directory',
            mode: e.mode,
            uid: e.uid,
            gid: e.gid,
            size: 0,
            mtime: clamp(e.mtime, epoch),
          },
        };
      }
      continue;
    }
    const base = {
      name,
      mode: e.mode,
      uid: e.uid,
      gid: e.gid,
      size: 0,
      mtime: clamp(e.mtime, epoch),
    };
    switch (e.type) {
      case 'file':
      case 'contiguous-file': {
        const data = e.data;
        yield {
          header: { ...base, type: 'file', size: e.size, xattrs: e.xattrs },
          source: { stream: () => data },
        };
        break;
      }
      case 'directory':
        yield { header: { ...base, type: 'directory', xattrs: e.xattrs } };
        break;
      case 'symlink':
        yield { header: { ...base, type: 'symlink', linkname: e.linkname } };
        break;
      case 'link': {
        const target = under(e.linkname);
        if (target !== undefined) yield { header: { ...base, type: 'link', linkname: target } };
        break;
      }
      case 'fifo':
        yield { header: { ...base, type: 'fifo' } };
        break;
      case 'character-device':
      case 'block-device':
        yield {
          header: { ...base, type: e.type, devmajor: e.devmajor, devminor: e.devminor },
        };
        break;
      default:
        break;
    }
  }
}

export { urlFileName };

/** Where a COPY entry's bytes come from: held in memory, read through its view, or by path. */
function fileSource(entry: Entry) {
  if (entry.data !== undefined) return { data: entry.data };
  const stream = entry.fs?.stream?.bind(entry.fs);
  if (stream) return { stream: () => stream(entry.hostPath) };
  return { path: entry.hostPath };
}
