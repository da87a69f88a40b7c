// Names of containers and pods: one file per name, created exclusively, so two processes never take the same name.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError } from '../errors.js';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

export function checkName(name: string, what: 'container' | 'pod'): void {
  if (!NAME.test(name)) {
    throw new InvalidArgumentError(
      `${what} name "${name}" must be 1-128 letters, digits, '_', '.' or '-', not starting with a symbol`,
    );
  }
}

/** A fresh ID: 64 hex digits, as podman's, shown cut to 12. */
export function newId(): string {
  return randomBytes(32).toString('hex');
}

/** `busybox-3fa9c1`: the image's last path part and a few hex digits, readable in log prefixes. */
export function defaultName(image: string, id: string): string {
  const last = image.split('@')[0]?.split('/').pop()?.split(':')[0] ?? '';
  const base = last.replace(/[^a-zA-Z0-9_.-]/g, '').replace(/^[^a-zA-Z0-9]+/, '');
  return `${base === '' || /^[a-f0-9]{12,}$/.test(base) ? 'c' : base}-${id.slice(0, 6)}`;
}

/**
 * Takes `name` for `id` in `dir` (one file a name holding the owner's ID). A name whose owner
 * is gone (`isLive` says so: a crash between reserving and recording) is taken over.
 */
export async function reserveName(
  dir: string,
  name: string,
  id: string,
  what: 'container' | 'pod',
  isLive: (ownerId: string) => Promise<boolean>,
): Promise<void> {
  checkName(name, what);
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  try {
    await writeFile(path, id, { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const owner = await nameOwner(dir, name);
  if (owner !== undefined && owner !== id && (await isLive(owner))) {
    throw new InvalidArgumentError(
      `the ${what} name "${name}" is already in use by ${owner.slice(0, 12)}; remove that ${what} or choose another name`,
    );
  }
  // A stale name: replace it atomically, so a racing reservation sees one owner or the other.
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, id);
  await rename(temp, path);
}

/** Frees `name` if `id` still holds it. */
export async function releaseName(dir: string, name: string, id: string): Promise<void> {
  if ((await nameOwner(dir, name)) !== id) return;
  await unlink(join(dir, name)).catch(() => {});
}

export async function nameOwner(dir: string, name: string): Promise<string | undefined> {
  if (!NAME.test(name)) return undefined;
  try {
    return (await readFile(join(dir, name), 'utf8')).trim();
  } catch {
    return undefined;
  }
}
