// Writes an image to an oci-archive: an OCI layout staged beside the file, packed into it on commit.

import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import { contextual } from '../../errors.js';
import { packTar, type TarMember } from '../../fs/tar-pack.js';
import type { BlobToPut, ImageDestination, RawManifest } from '../../image.js';
import { INDEX_FILE, LAYOUT_FILE } from '../../layout/layout.js';
import { LayoutWriter } from '../../layout/writer.js';
import type { Descriptor } from '../../manifest.js';
import { OciLayoutDestination } from '../oci-layout/destination.js';
import { formatPathAndName } from '../oci-layout/transport.js';
import type { OpenOptions } from '../types.js';
import type { OciArchiveReference } from './transport.js';

/**
 * Everything goes through an oci: destination on a private staging layout; `commit` commits
 * that, then packs it into a temp file renamed over FILE. An existing FILE is replaced whole.
 */
export class OciArchiveDestination implements ImageDestination {
  readonly name: string;
  readonly #file: string;
  readonly #layout: OciLayoutDestination;

  constructor(name: string, file: string, layout: OciLayoutDestination) {
    this.name = name;
    this.#file = file;
    this.#layout = layout;
  }

  get capabilities() {
    return this.#layout.capabilities;
  }

  tryReuseBlob(descriptor: Descriptor): Promise<boolean> {
    return this.#layout.tryReuseBlob(descriptor);
  }

  putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }> {
    return this.#layout.putBlob(stream, blob);
  }

  putManifest(manifest: RawManifest, instance?: Digest): Promise<void> {
    return this.#layout.putManifest(manifest, instance);
  }

  async commit(): Promise<void> {
    await this.#layout.commit();
    await contextual(
      `writing ${this.name}`,
      async () => packTar(this.#file, await layoutMembers(this.#layout.layoutDir)),
      'ERR_STORE',
    );
  }

  async close(): Promise<void> {
    await rm(this.#layout.layoutDir, { recursive: true, force: true });
  }
}

/** The layout's files in a stable order: marker, index, then blobs sorted by algorithm and hex. */
async function layoutMembers(dir: string): Promise<TarMember[]> {
  const members: TarMember[] = [
    { name: LAYOUT_FILE, type: 'file', path: join(dir, LAYOUT_FILE) },
    { name: INDEX_FILE, type: 'file', path: join(dir, INDEX_FILE) },
    { name: 'blobs', type: 'directory' },
  ];
  for (const algorithm of (await readdir(join(dir, 'blobs'))).sort()) {
    members.push({ name: `blobs/${algorithm}`, type: 'directory' });
    for (const hex of (await readdir(join(dir, 'blobs', algorithm))).sort()) {
      members.push({
        name: `blobs/${algorithm}/${hex}`,
        type: 'file',
        path: join(dir, 'blobs', algorithm, hex),
      });
    }
  }
  return members;
}

export async function openOciArchiveDestination(
  ref: OciArchiveReference,
  options: OpenOptions = {},
): Promise<OciArchiveDestination> {
  const name = `oci-archive:${formatPathAndName(ref)}`;
  // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
  const parent = dirname(ref.path);
  await contextual(`opening ${name}`, () => mkdir(parent, { recursive: true }), 'ERR_STORE');
  const staging = await mkdtemp(join(parent, `.${basename(ref.path)}.layout-`));
  try {
    const writer = await LayoutWriter.open(
      staging,
      options.logger ? { logger: options.logger } : {},
    );
    return new OciArchiveDestination(
      name,
      ref.path,
      new OciLayoutDestination(name, writer, ref.name),
    );
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}
