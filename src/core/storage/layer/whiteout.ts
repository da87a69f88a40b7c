// OCI whiteout names (`.wh.NAME`, `.wh..wh..opq`) and their overlayfs equivalents.

import type { Stats } from 'node:fs';
import { LighterError } from '../../errors.js';

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_WHITEOUT = '.wh..wh..opq';
/** AUFS kept its own bookkeeping under `.wh..wh.` names (plnk, aufs); such entries mean nothing here. */
export const WHITEOUT_META_PREFIX = '.wh..wh.';

/**
 * Which overlayfs xattr namespace marks opaque directories: `trusted.` needs CAP_SYS_ADMIN,
 * `user.` is what the kernel reads from layers mounted with `userxattr` (rootless overlay).
 */
export type OverlayXattrNamespace = 'trusted' | 'user';

export function opaqueXattr(namespace: OverlayXattrNamespace): string {
  return `${namespace}.overlay.opaque`;
}

/** Both namespaces' opaque xattrs (`value "y"`), as a reader of any layer dir checks them. */
export const OPAQUE_XATTRS: ReadonlySet<string> = new Set([
  opaqueXattr('trusted'),
  opaqueXattr('user'),
]);

/** Xattrs overlayfs keeps for itself; they never travel in a layer tar in either direction. */
export function isOverlayXattr(name: string): boolean {
  return name.startsWith('trusted.overlay.') || name.startsWith('user.overlay.');
}

export type WhiteoutName =
  | { kind: 'whiteout'; target: string }
  | { kind: 'opaque' }
  | { kind: 'meta' };

/**
 * Classifies the last component of an entry path; undefined for ordinary names.
 * A whiteout whose target is empty, `.` or `..` would delete the directory itself or its
 * parent, so it is refused.
 */
export function parseWhiteoutName(base: string, entryName: string): WhiteoutName | undefined {
  if (!base.startsWith(WHITEOUT_PREFIX)) return undefined;
  if (base === OPAQUE_WHITEOUT) return { kind: 'opaque' };
  if (base.startsWith(WHITEOUT_META_PREFIX)) return { kind: 'meta' };
  const target = base.slice(WHITEOUT_PREFIX.length);
  if (target === '' || target === '.' || target === '..') {
    throw new LighterError(
      'ERR_UNSAFE_ARCHIVE',
      `entry "${entryName}": whiteout names no file ("${base}")`,
      { details: { entry: entryName } },
    );
  }
  return { kind: 'whiteout', target };
}

/** overlayfs records a deleted path as a character device with device number 0/0. */
export function isOverlayWhiteout(stats: Stats): boolean {
  return stats.isCharacterDevice() && stats.rdev === 0;
}
