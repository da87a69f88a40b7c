// Applies a layer tar to a directory: streaming, refusing entries that would write outside it,
// and turning OCI whiteouts into overlayfs whiteouts or into deletions.
//
// Filesystem calls are synchronous on purpose: a layer is thousands of tiny metadata calls,
// and a thread-pool round trip for each costs more than the call. File data still streams
// chunk by chunk, so memory stays flat whatever the layer's size.
//
// On failure the target holds a partial extraction: callers extract into a fresh directory
// and rename it into place only after success.

import {
  chmodSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  futimesSync,
  lchownSync,
  linkSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  type Stats,
  symlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { decompressor } from '../../decompress.js';
import { type Digest, DigestingStream } from '../../digest.js';
import { InvalidArgumentError, LighterError, withContext } from '../../errors.js';
import { type Logger, silentLogger } from '../../log.js';
import type { LayerCompression } from '../../media-types.js';
import { makeNodes, type NodeSpec } from './device-node.js';
import { hostId, type IdMap } from './id-map.js';
import { entryComponents, lstatOrUndefined, SafeRoot, unsafe } from './safe-root.js';
import { type LayerEntry, readTarEntries } from './tar-entry.js';
import {
  isOverlayWhiteout,
  isOverlayXattr,
  type OverlayXattrNamespace,
  opaqueXattr,
  parseWhiteoutName,
  WHITEOUT_META_PREFIX,
  type WhiteoutName,
} from './whiteout.js';
import { ATTR_TOOLS_HINT, hasCommand, setXattrs, type Xattrs } from './xattr.js';

export interface ApplyLayerOptions {
  /** How the input is compressed; 'auto' (the default) looks at its first bytes. */
  compression?: LayerCompression | 'auto';
  /**
   * 'overlay': the target is one layer of an overlay stack (the store's unpacked layers):
   * `.wh.NAME` becomes a 0/0 character device and `.wh..wh..opq` an opaque xattr.
   * 'apply': the target is a full root filesystem (the copying fallback driver): whiteouts
   * delete what earlier layers put there.
   */
  whiteouts: 'overlay' | 'apply';
  /** Whether to set owners and make device nodes; default: the process runs as uid 0. */
  isRoot?: boolean;
  /** Maps the layer's uids/gids to host ids (user-namespaced stores). */
  idMap?: IdMap;
  /** Namespace of the opaque xattr; default 'trusted' as root, 'user' (userxattr overlay) otherwise. */
  overlayXattrs?: OverlayXattrNamespace;
  /**
   * For 'overlay': the layer directories below this one, top first (overlayfs lowerdir order).
   * A parent directory the archive does not list is then made with the attributes it has
   * below (as an overlay copy-up would), instead of 0755 root and the current time, which
   * would show in the merged view; and a parent that is a symlink below is refused, as
   * 'apply' mode refuses it. Without them the layer is unpacked on its own, as Docker's
   * overlay2 driver does.
   */
  lowerDirs?: readonly string[];
  logger?: Logger;
}

export interface AppliedLayer {
  /** sha256 of the uncompressed tar: the layer's diff ID. */
  diffId: Digest;
  /** Bytes of the uncompressed tar. */
  size: number;
  /** Bytes read from the input (equal to size when uncompressed). */
  compressedSize: number;
  /** Tar entries processed, whiteouts included. */
  entries: number;
  /** What was left out, each also reported through the logger as a warning. */
  skipped: {
    /** Character and block devices, which need root. */
    devices: number;
    /** Attributes that could not be set (or overlayfs' own, which an archive may not carry). */
    xattrs: number;
    /** AUFS bookkeeping entries (`.wh..wh.plnk` and the like). */
    other: number;
  };
}

/**
 * Extracts a layer tar into `targetDir` (which must exist) and returns its diff ID.
 *
 * Safety: a leading `/` is stripped and `..` is resolved lexically, refusing paths that climb
 * above the root; no parent component may be a symlink (refused, never followed); hardlink
 * targets must already be inside the layer, reached through real directories. Refusals are
 * ERR_UNSAFE_ARCHIVE naming the entry. Symlinks themselves may point anywhere: they are
 * only ever created, never followed while writing.
 *
 * Tar semantics: an entry replaces whatever is at its path, except that a directory over a
 * directory keeps the contents and takes the new attributes. Owners (when root), modes with
 * setuid/setgid/sticky, mtimes and xattrs (PAX `SCHILY.xattr.*`) are kept; directory
 * attributes are set at the end, deepest first, so writing children does not undo them.
 * FIFOs are made also without root, as Docker does; char/block devices only as root.
 */
export async function applyLayer(
  input: Readable,
  targetDir: string,
  options: ApplyLayerOptions,
): Promise<AppliedLayer> {
  if (options.whiteouts !== 'overlay' && options.whiteouts !== 'apply') {
    throw new InvalidArgumentError(
      `whiteouts must be 'overlay' or 'apply', not ${String(options.whiteouts)}`,
    );
  }
  const compression = options.compression ?? 'auto';
  if (!['gzip', 'zstd', 'none', 'auto'].includes(compression)) {
    throw new InvalidArgumentError(
      `compression must be gzip, zstd, none or auto, not ${String(compression)}`,
    );
  }
  const root = resolve(targetDir);
  if (!lstatOrUndefined(root)?.isDirectory()) {
    throw new InvalidArgumentError(`applying layer: target ${root} is not a directory`);
  }

  const applier = new LayerApplier(root, options);
  const counter = new ByteCounter();
  const digester = new DigestingStream();
  try {
    let source = input;
    let chosen = compression;
    if (compression === 'auto') ({ compression: chosen, source } = await sniffCompression(input));
    // Errors anywhere in the chain destroy the digester, and so surface in the entry loop.
    const tar = pipeline(
      source,
      counter,
      decompressor(chosen as LayerCompression),
      digester,
      () => {},
    );
    for await (const entry of readTarEntries(tar)) await applier.entry(entry);
    await applier.finish();
  } catch (err) {
    input.destroy();
    throw withContext(err, `applying layer to ${root}`, fallbackCode(err));
  }
  return {
    diffId: digester.digest,
    size: digester.size,
    compressedSize: counter.size,
    entries: applier.entries,
    skipped: applier.skipped,
  };
}

interface DirAttributes {
  parts: string[];
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
}

interface PendingNode {
  rel: string;
  parts: string[];
  spec: NodeSpec;
  uid: number;
  gid: number;
  mtime: number;
  xattrs: Xattrs;
}

interface XattrJob {
  rel: string;
  parts: string[];
  ino: number;
  attrs: Xattrs;
  /** Overlay opaque markers must be set; an archive's own attributes may fail with a warning. */
  strict: boolean;
}

const NODE_BATCH = 256;
const XATTR_BATCH = 1024;
const WRITE_FLAGS =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

class LayerApplier {
  entries = 0;
  readonly skipped = { devices: 0, xattrs: 0, other: 0 };
  readonly #root: SafeRoot;
  readonly #mode: 'overlay' | 'apply';
  readonly #isRoot: boolean;
  readonly #idMap: IdMap | undefined;
  readonly #opaqueXattr: string;
  readonly #logger: Logger;
  /** Paths this layer wrote (with their parents), for 'apply': whiteouts spare them. */
  readonly #layerPaths: Set<string> | undefined;
  readonly #dirAttributes = new Map<string, DirAttributes>();
  #pendingNodes: PendingNode[] = [];
  readonly #pendingPaths = new Set<string>();
  #xattrJobs: XattrJob[] = [];
  readonly #lowerDirs: readonly string[];

  constructor(root: string, options: ApplyLayerOptions) {
    this.#mode = options.whiteouts;
    // 'apply': a directory the archive does not list keeps its attributes, though entries
    // written or deleted inside it change its mtime; 'overlay' does the same with lowerDirs.
    this.#root = new SafeRoot(root, (rel, stats) => {
      if (this.#mode === 'apply' && !this.#dirAttributes.has(rel)) {
        this.#dirAttributes.set(rel, {
          parts: rel.split('/'),
          ino: stats.ino,
          mode: stats.mode & 0o7777,
          uid: stats.uid,
          gid: stats.gid,
          mtime: stats.mtimeMs / 1000,
        });
      }
    });
    this.#isRoot = options.isRoot ?? process.getuid?.() === 0;
    this.#idMap = options.idMap;
    this.#opaqueXattr = opaqueXattr(options.overlayXattrs ?? (this.#isRoot ? 'trusted' : 'user'));
    this.#logger = options.logger ?? silentLogger;
    this.#layerPaths = this.#mode === 'apply' ? new Set() : undefined;
    this.#lowerDirs = (options.lowerDirs ?? []).map((d) => resolve(d));
  }

  async entry(e: LayerEntry): Promise<void> {
    this.entries++;
    const parts = entryComponents(e.name, e.name);
    const base = parts.at(-1);
    const whiteout = base === undefined ? undefined : parseWhiteoutName(base, e.name);
    if (parts.slice(0, -1).some((p) => p.startsWith(WHITEOUT_META_PREFIX))) {
      // Inside AUFS bookkeeping directories (.wh..wh.plnk/...): never image content.
      this.skipped.other++;
      return;
    }

    // A queued node is made later, so anything else that might look at or under its path
    // has to wait for the batch; runs of whiteouts in one directory go in one batch.
    const nodePath = this.#nodePath(parts, e, whiteout);
    if (
      this.#pendingNodes.length > 0 &&
      (nodePath === undefined || this.#conflictsWithPending(nodePath))
    ) {
      await this.#flushNodes();
    }

    if (e.type === 'directory' && e.size > 0) {
      // tar-stream reads a directory's data as the next headers, GNU tar skips it: an archive
      // that shows different files to different readers is refused.
      throw unsafe(e.name, `directory entry carries ${e.size} bytes of data`);
    }
    if (whiteout) {
      this.#whiteout(parts, whiteout, e);
    } else if (parts.length === 0) {
      if (e.type !== 'directory') throw unsafe(e.name, `a ${e.type} cannot replace the layer root`);
      this.#directory(parts, '', e);
    } else {
      const rel = parts.join('/');
      switch (e.type) {
        case 'directory':
          this.#directory(parts, rel, e);
          break;
        case 'file':
        case 'contiguous-file':
          await this.#file(parts, rel, e);
          break;
        case 'symlink':
          this.#symlink(parts, rel, e);
          break;
        case 'link':
          this.#hardlink(parts, rel, e);
          break;
        case 'character-device':
        case 'block-device':
        case 'fifo':
          this.#node(parts, rel, e);
          break;
        default:
          throw new LighterError(
            'ERR_UNSUPPORTED',
            `entry "${e.name}": unsupported tar entry type (sparse and multi-volume members are not layer content)`,
            { details: { entry: e.name } },
          );
      }
    }

    if (this.#pendingNodes.length >= NODE_BATCH) await this.#flushNodes();
    if (this.#xattrJobs.length >= XATTR_BATCH) await this.#flushXattrs();
  }

  async finish(): Promise<void> {
    await this.#flushNodes();
    await this.#flushXattrs();
    this.#applyDirAttributes();
    if (this.skipped.devices > 0) {
      this.#logger.warn(
        `skipped ${this.skipped.devices} device node(s): creating devices needs root`,
      );
    }
  }

  // ---- entry kinds

  #directory(parts: string[], rel: string, e: LayerEntry): void {
    let stats = parts.length === 0 ? lstatSync(this.#root.root) : undefined;
    if (parts.length > 0) {
      this.#ensureParents(parts, e.name);
      const replacesWhiteout = this.#mode === 'overlay' && this.#isWhiteoutAt(rel);
      stats = this.#clear(rel, true);
      if (!stats) {
        // Owner-only until the attributes are set at the end.
        mkdirSync(this.#root.abs(rel), { mode: 0o700 });
        stats = lstatSync(this.#root.abs(rel));
      }
      this.#root.rememberDir(rel);
      // `.wh.d` then `d/` in one layer: the lower d is gone, so the new one must not merge with it.
      if (replacesWhiteout) this.#queueOpaque(rel, parts, stats.ino);
    }
    const owner = this.#owner(e);
    this.#dirAttributes.set(rel, {
      parts,
      ino: (stats as NonNullable<typeof stats>).ino,
      mode: e.mode,
      uid: owner.uid,
      gid: owner.gid,
      mtime: e.mtime,
    });
    this.#queueXattrs(rel, parts, (stats as NonNullable<typeof stats>).ino, e.name, e.xattrs);
    this.#touch(parts);
  }

  async #file(parts: string[], rel: string, e: LayerEntry): Promise<void> {
    this.#ensureParents(parts, e.name);
    this.#clear(rel, false);
    const owner = this.#owner(e);
    const fd = openSync(this.#root.abs(rel), WRITE_FLAGS, 0o600);
    let ino: number;
    try {
      for await (const chunk of e.data) writeAll(fd, chunk);
      if (this.#isRoot) fchownSync(fd, owner.uid, owner.gid);
      // After chown, which clears setuid and setgid.
      fchmodSync(fd, e.mode);
      futimesSync(fd, e.mtime, e.mtime);
      ino = fstatSync(fd).ino;
    } finally {
      closeSync(fd);
    }
    this.#queueXattrs(rel, parts, ino, e.name, e.xattrs);
    this.#touch(parts);
  }

  #symlink(parts: string[], rel: string, e: LayerEntry): void {
    if (e.linkname === '') throw unsafe(e.name, 'symlink has no target');
    this.#ensureParents(parts, e.name);
    this.#clear(rel, false);
    const path = this.#root.abs(rel);
    symlinkSync(e.linkname, path);
    if (this.#isRoot) {
      const owner = this.#owner(e);
      lchownSync(path, owner.uid, owner.gid);
    }
    lutimesSync(path, e.mtime, e.mtime);
    this.#queueXattrs(rel, parts, lstatSync(path).ino, e.name, e.xattrs);
    this.#touch(parts);
  }

  #hardlink(parts: string[], rel: string, e: LayerEntry): void {
    const targetParts = entryComponents(e.linkname, e.name, 'hardlink target');
    if (targetParts.length === 0) throw unsafe(e.name, 'hardlink target is the layer root');
    const targetRel = targetParts.join('/');
    if (targetRel === rel) return;
    const checkTarget = () => {
      // parentsExist refuses symlinked parents, so the link never reaches through one.
      const present = this.#root.parentsExist(targetParts, e.name);
      const stats = present ? lstatOrUndefined(this.#root.abs(targetRel)) : undefined;
      if (!stats) {
        throw unsafe(e.name, `hardlink target "${e.linkname}" is not in this layer`);
      }
      if (stats.isDirectory())
        throw unsafe(e.name, `hardlink target "${e.linkname}" is a directory`);
    };
    checkTarget();
    this.#ensureParents(parts, e.name);
    this.#clear(rel, false);
    // Clearing the entry's path may have removed a directory holding the target.
    checkTarget();
    linkSync(this.#root.abs(targetRel), this.#root.abs(rel));
    this.#touch(parts);
  }

  #node(parts: string[], rel: string, e: LayerEntry): void {
    if (e.type !== 'fifo' && !this.#isRoot) {
      this.skipped.devices++;
      this.#logger.debug(`skipping device node ${rel}: not root`);
      return;
    }
    this.#ensureParents(parts, e.name);
    this.#clear(rel, false);
    const owner = this.#owner(e);
    this.#queueNode({
      rel,
      parts,
      spec: {
        path: this.#root.abs(rel),
        kind: e.type as NodeSpec['kind'],
        major: e.devmajor,
        minor: e.devminor,
        mode: e.mode,
      },
      uid: owner.uid,
      gid: owner.gid,
      mtime: e.mtime,
      xattrs: e.xattrs,
    });
    this.#touch(parts);
  }

  #whiteout(parts: string[], whiteout: WhiteoutName, e: LayerEntry): void {
    const dirParts = parts.slice(0, -1);
    const dirRel = dirParts.join('/');
    if (whiteout.kind === 'meta') {
      this.skipped.other++;
      this.#logger.debug(`skipping AUFS metadata entry ${e.name}`);
      return;
    }
    if (this.#mode === 'overlay') {
      // The directory holding the marker has to exist in this layer for overlayfs to see it.
      this.#ensureParents(parts, e.name);
      if (whiteout.kind === 'opaque') {
        this.#queueOpaque(dirRel, dirParts, lstatSync(this.#root.abs(dirRel)).ino);
        return;
      }
      const targetParts = [...dirParts, whiteout.target];
      const targetRel = targetParts.join('/');
      // Whiteouts hide lower layers only: what this layer wrote stays, but a directory it
      // wrote no longer merges with the lower one the whiteout deletes.
      const existing = lstatOrUndefined(this.#root.abs(targetRel));
      if (existing) {
        if (existing.isDirectory()) this.#queueOpaque(targetRel, targetParts, existing.ino);
        return;
      }
      const owner = this.#rootOwner(e.name);
      this.#queueNode({
        rel: targetRel,
        parts: targetParts,
        spec: {
          path: this.#root.abs(targetRel),
          kind: 'character-device',
          major: 0,
          minor: 0,
          mode: 0,
        },
        uid: owner.uid,
        gid: owner.gid,
        mtime: e.mtime,
        xattrs: [],
      });
      return;
    }

    // 'apply': delete from the earlier layers' content, never through a symlinked parent.
    if (!this.#root.parentsExist(parts, e.name)) return;
    if (whiteout.kind === 'opaque') {
      this.#prune(dirRel);
      return;
    }
    const targetRel = dirRel === '' ? whiteout.target : `${dirRel}/${whiteout.target}`;
    const stats = lstatOrUndefined(this.#root.abs(targetRel));
    if (!stats) return;
    if (this.#layerPaths?.has(targetRel)) {
      // Written by this layer: it stays, without what the lower layers had inside it.
      if (stats.isDirectory()) this.#prune(targetRel);
      return;
    }
    this.#root.remove(targetRel, stats);
  }

  /** Removes everything under a directory that this layer did not write ('apply' opaque). */
  #prune(dirRel: string): void {
    const dir = this.#root.abs(dirRel);
    for (const raw of readdirSync(dir, { encoding: 'buffer' })) {
      const name = raw.toString('utf8');
      if (!Buffer.from(name, 'utf8').equals(raw)) {
        // Not UTF-8, so no archive entry can name it: it belongs to a lower layer.
        rmSync(Buffer.concat([Buffer.from(`${dir}/`), raw]), { recursive: true, force: true });
        continue;
      }
      const rel = dirRel === '' ? name : `${dirRel}/${name}`;
      const stats = lstatSync(join(dir, name));
      if (!this.#layerPaths?.has(rel)) this.#root.remove(rel, stats);
      else if (stats.isDirectory()) this.#prune(rel);
    }
  }

  // ---- helpers

  #ensureParents(parts: string[], entry: string): void {
    this.#root.ensureParents(parts, entry, (rel) => {
      const below = this.#mode === 'overlay' ? this.#lowerDirectory(rel, entry) : undefined;
      if (below) {
        // Host ids already: the lower layer was mapped when it was applied.
        const relParts = rel.split('/');
        const ino = lstatSync(this.#root.abs(rel)).ino;
        this.#dirAttributes.set(rel, {
          parts: relParts,
          ino,
          mode: below.mode & 0o7777,
          uid: below.uid,
          gid: below.gid,
          mtime: below.mtimeMs / 1000,
        });
      } else if (this.#isRoot && this.#idMap) {
        const owner = this.#rootOwner(entry);
        lchownSync(this.#root.abs(rel), owner.uid, owner.gid);
      }
    });
  }

  /**
   * What the lower layers show at `rel`: the top-most one that has the path decides. A
   * whiteout, or a parent that is not a directory there, hides the deeper layers. Opaque
   * directories are not consulted (that would take an xattr read per lookup).
   */
  #lowerDirectory(rel: string, entry: string): Stats | undefined {
    const parts = rel.split('/');
    for (const lower of this.#lowerDirs) {
      let path = lower;
      let found: Stats | undefined;
      for (let i = 0; i < parts.length; i++) {
        path = join(path, parts[i] as string);
        const stats = lstatOrUndefined(path);
        if (!stats) break;
        if (i === parts.length - 1) found = stats;
        else if (!stats.isDirectory()) return undefined;
      }
      if (!found) continue;
      if (isOverlayWhiteout(found)) return undefined;
      if (found.isSymbolicLink()) {
        throw unsafe(
          entry,
          `parent "${rel}" is a symlink in a lower layer; writing through it could leave the layer`,
        );
      }
      if (!found.isDirectory())
        throw unsafe(entry, `parent "${rel}" is not a directory in a lower layer`);
      return found;
    }
    return undefined;
  }

  /**
   * Removes what is at `rel` so an entry can take its place; a directory stays when the
   * entry is one too (its stats are returned). Never follows a symlink at `rel`.
   */
  #clear(rel: string, keepDirectory: boolean): ReturnType<typeof lstatOrUndefined> {
    const stats = lstatOrUndefined(this.#root.abs(rel));
    if (!stats) return undefined;
    if (keepDirectory && stats.isDirectory()) return stats;
    this.#root.remove(rel, stats);
    return undefined;
  }

  #touch(parts: string[]): void {
    if (!this.#layerPaths) return;
    let rel = '';
    for (const part of parts) {
      rel = rel === '' ? part : `${rel}/${part}`;
      this.#layerPaths.add(rel);
    }
  }

  #owner(e: LayerEntry): { uid: number; gid: number } {
    if (!this.#isRoot) return { uid: -1, gid: -1 };
    return {
      uid: hostId(this.#idMap, 'uid', e.uid, e.name),
      gid: hostId(this.#idMap, 'gid', e.gid, e.name),
    };
  }

  #rootOwner(entry: string): { uid: number; gid: number } {
    return { uid: hostId(this.#idMap, 'uid', 0, entry), gid: hostId(this.#idMap, 'gid', 0, entry) };
  }

  #queueXattrs(rel: string, parts: string[], ino: number, entry: string, xattrs: Xattrs): void {
    if (xattrs.length === 0) return;
    const attrs = xattrs.filter(([name]) => !isOverlayXattr(name));
    if (attrs.length < xattrs.length) {
      // An archive carrying overlayfs' own attributes could redirect lookups into other layers.
      this.skipped.xattrs += xattrs.length - attrs.length;
      this.#logger.warn(`entry "${entry}": ignored overlayfs xattrs an archive may not set`);
    }
    if (attrs.length > 0) this.#xattrJobs.push({ rel, parts, ino, attrs, strict: false });
  }

  #queueOpaque(rel: string, parts: string[], ino: number): void {
    this.#xattrJobs.push({
      rel,
      parts,
      ino,
      attrs: [[this.#opaqueXattr, Buffer.from('y')]],
      strict: true,
    });
  }

  #isWhiteoutAt(rel: string): boolean {
    const stats = lstatOrUndefined(this.#root.abs(rel));
    return stats !== undefined && isOverlayWhiteout(stats);
  }

  #nodePath(
    parts: string[],
    e: LayerEntry,
    whiteout: WhiteoutName | undefined,
  ): string[] | undefined {
    if (whiteout) {
      if (whiteout.kind !== 'whiteout' || this.#mode !== 'overlay') return undefined;
      return [...parts.slice(0, -1), whiteout.target];
    }
    const isNode = e.type === 'fifo' || e.type === 'character-device' || e.type === 'block-device';
    return isNode && parts.length > 0 ? parts : undefined;
  }

  #conflictsWithPending(parts: string[]): boolean {
    let rel = '';
    for (const part of parts) {
      rel = rel === '' ? part : `${rel}/${part}`;
      if (this.#pendingPaths.has(rel)) return true;
    }
    return false;
  }

  #queueNode(node: PendingNode): void {
    this.#pendingNodes.push(node);
    this.#pendingPaths.add(node.rel);
  }

  async #flushNodes(): Promise<void> {
    const nodes = this.#pendingNodes;
    if (nodes.length === 0) return;
    this.#pendingNodes = [];
    this.#pendingPaths.clear();
    await makeNodes(nodes.map((n) => n.spec));
    for (const n of nodes) {
      const path = n.spec.path;
      if (this.#isRoot) lchownSync(path, n.uid, n.gid);
      chmodSync(path, n.spec.mode);
      lutimesSync(path, n.mtime, n.mtime);
      if (n.xattrs.length > 0) {
        this.#queueXattrs(n.rel, n.parts, lstatSync(path).ino, n.rel, n.xattrs);
      }
    }
  }

  /** Whether a path recorded earlier still names the same inode through real directories. */
  #unchanged(rel: string, parts: string[], ino: number): boolean {
    if (rel !== '' && !this.#root.parentsIntact(parts)) return false;
    return lstatOrUndefined(this.#root.abs(rel))?.ino === ino;
  }

  async #flushXattrs(): Promise<void> {
    const jobs = this.#xattrJobs.filter((j) => this.#unchanged(j.rel, j.parts, j.ino));
    this.#xattrJobs = [];
    if (jobs.length === 0) return;
    const strict = jobs.filter((j) => j.strict);
    const lenient = jobs.filter((j) => !j.strict);
    if (!hasCommand('setfattr')) {
      if (strict.length > 0) {
        throw new LighterError(
          'ERR_UNSUPPORTED',
          `marking ${strict.length} opaque director${strict.length === 1 ? 'y' : 'ies'} needs ${ATTR_TOOLS_HINT}`,
        );
      }
      const count = lenient.reduce((n, j) => n + j.attrs.length, 0);
      this.skipped.xattrs += count;
      this.#logger.warn(`skipped ${count} xattr(s): setting them needs ${ATTR_TOOLS_HINT}`);
      return;
    }
    const asBatch = (list: XattrJob[]) =>
      list.map((j) => ({ path: j.rel === '' ? '.' : j.rel, attrs: j.attrs }));
    const complaints = await setXattrs(this.#root.root, asBatch(lenient));
    if (complaints.length > 0) {
      this.skipped.xattrs += complaints.length;
      for (const line of complaints) this.#logger.warn(`could not set xattr: ${line}`);
    }
    const failed = await setXattrs(this.#root.root, asBatch(strict));
    if (failed.length > 0) {
      throw new LighterError('ERR_STORE', `setting ${this.#opaqueXattr}: ${failed.join('; ')}`);
    }
  }

  #applyDirAttributes(): void {
    // Deepest first: as non-root, a read-only parent would otherwise block its children.
    const dirs = [...this.#dirAttributes.entries()].sort(
      ([, a], [, b]) => b.parts.length - a.parts.length,
    );
    for (const [rel, d] of dirs) {
      if (!this.#unchanged(rel, d.parts, d.ino)) continue;
      const path = this.#root.abs(rel);
      if (this.#isRoot) lchownSync(path, d.uid, d.gid);
      chmodSync(path, d.mode);
      utimesSync(path, d.mtime, d.mtime);
    }
  }
}

function writeAll(fd: number, chunk: Buffer): void {
  let offset = 0;
  while (offset < chunk.length) offset += writeSync(fd, chunk, offset, chunk.length - offset);
}

/** Errno failures are the store's; anything else (tar or compression format) the archive's. */
function fallbackCode(err: unknown): 'ERR_STORE' | 'ERR_UNSAFE_ARCHIVE' {
  return typeof (err as NodeJS.ErrnoException)?.syscall === 'string'
    ? 'ERR_STORE'
    : 'ERR_UNSAFE_ARCHIVE';
}

/** Picks the compression from magic bytes and hands back a stream that still starts with them. */
async function sniffCompression(
  input: Readable,
): Promise<{ compression: LayerCompression; source: Readable }> {
  const it = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < 4) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  const first = Buffer.concat(head);
  let compression: LayerCompression = 'none';
  if (first[0] === 0x1f && first[1] === 0x8b) compression = 'gzip';
  else if (first.length >= 4 && first.readUInt32LE(0) === 0xfd2fb528) compression = 'zstd';
  const rest = { [Symbol.asyncIterator]: () => it };
  const source = Readable.from(
    (async function* () {
      if (first.length > 0) yield first;
      if (!ended) yield* rest;
    })(),
    { objectMode: false },
  );
  return { compression, source };
}

class ByteCounter extends Transform {
  size = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    done(null, chunk);
  }
}
