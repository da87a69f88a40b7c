// Writes an image as a skopeo `dir:` directory, staged beside it and swapped in on commit.

import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import { LighterError } from '../../errors.js';
import { fsyncDir, writeFileAtomic } from '../../fs/atomic-write.js';
import { writeContentFile } from '../../fs/content-file.js';
import type {
  BlobToPut,
  DestinationCapabilities,
  ImageDestination,
  RawManifest,
} from '../../image.js';
import type { Descriptor } from '../../manifest.js';
import { MediaType } from '../../media-types.js';
import type { OpenOptions } from '../types.js';
import {
  blobFileName,
  type DirReference,
  manifestFileName,
  VERSION_FILE,
  VERSION_TEXT,
} from './transport.js';

const CAPABILITIES: DestinationCapabilities = {
  // dir: stores any manifest as it comes, so copies keep their digests.
  manifestTypes: [
    MediaType.ociManifest,
    MediaType.ociIndex,
    MediaType.dockerManifest,
    MediaType.dockerManifestList,
  ],
  acceptsIndex: true,
  canMount: false,
  prefersCompressedLayers: true,
};

/**
 * Like skopeo, one image per directory: a previous dir: image there is replaced, anything else
 * refused. Unlike skopeo, the old contents stay until `commit` swaps the staged directory in.
 */
export class DirDestination implements ImageDestination {
  readonly name: string;
  readonly capabilities = CAPABILITIES;
  readonly #path: string;
  readonly #staging: string;
  #manifest = false;

  constructor(name: string, path: string, staging: string) {
    this.name = name;
    this.#path = path;
    this.#staging = staging;
  }

  async tryReuseBlob(descriptor: Descriptor): Promise<boolean> {
    try {
      const info = await stat(join(this.#staging, blobFileName(descriptor.digest)));
      return info.size === descriptor.size;
    } catch {
      return false;
    }
  }

  async putBlob(stream: Readable, blob: BlobToPut): Promise<{ digest: Digest; size: number }> {
    const { written } = await writeContentFile(stream, {
      tempDir: this.#staging,
      expected: {
        ...(blob.digest ? { digest: blob.digest } : {}),
        ...(blob.size !== undefined ? { size: blob.size } : {}),
        what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
      },
      finalPath: (w) => join(this.#staging, blobFileName(w.digest)),
    });
    return written;
  }

  async putManifest(manifest: RawManifest, instance?: Digest): Promise<void> {
    await writeContentFile(Readable.from([Buffer.from(manifest.bytes)]), {
      tempDir: this.#staging,
      expected: {
        digest: manifest.digest,
        size: manifest.bytes.length,
        what: `manifest ${manifest.digest} for ${this.name}`,
      },
      finalPath: () => join(this.#staging, manifestFileName(instance)),
    });
    if (instance === undefined) this.#manifest = true;
  }

  async commit(): Promise<void> {
    if (!this.#manifest) {
      throw new LighterError('ERR_INVALID_ARGUMENT', `${this.name}: commit before putManifest`);
    }
    await writeFileAtomic(join(this.#staging, VERSION_FILE), VERSION_TEXT);
    await checkReplaceable(this.#path, this.name);
    const old = `${this.#staging}.old`;
    let moved = false;
    try {
      await rename(this.#path, old);
      moved = true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EBUSY' || code === 'EXDEV' || code === 'EPERM') {
        // A mount point (or a locked dir on Windows) cannot move: refill it in place instead.
        await refillInPlace(this.#path, this.#staging);
        return;
      }
      if (code !== 'ENOENT') throw err;
    }
    await rename(this.#staging, this.#path);
    await fsyncDir(dirname(this.#path));
    if (moved) await rm(old, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await rm(this.#staging, { recursive: true, force: true });
  }
}

/** Missing, empty, or a dir: image (its version file says so); anything else is someone's data. */
async function checkReplaceable(path: string, name: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') {
      throw new LighterError('ERR_INVALID_ARGUMENT', `${name}: ${path} is a file, not a directory`);
    }
    throw err;
  }
  if (entries.length === 0) return;
  const version = await readFile(join(path, VERSION_FILE), 'utf8').catch(() => undefined);
  if (version !== VERSION_TEXT) {
    throw new LighterError(
      'ERR_INVALID_ARGUMENT',
      `${name}: ${path} is not empty and not a dir: image (no "${VERSION_TEXT.trim()}" version file); refusing to overwrite it`,
    );
  }
}

async function refillInPlace(path: string, staging: string): Promise<void> {
  for (const entry of await readdir(path))
    await rm(join(path, entry), { recursive: true, force: true });
  for (const entry of await readdir(staging)) await rename(join(staging, entry), join(path, entry));
  await fsyncDir(path);
  await rm(staging, { recursive: true, force: true });
}

export async function openDirDestination(
  ref: DirReference,
  _options: OpenOptions = {},
): Promise<DirDestination> {
  const name = `dir:${ref.path}`;
  // Checked now as well as at commit: refusing early beats copying gigabytes first.
  await checkReplaceable(ref.path, name);
  const parent = dirname(ref.path);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(ref.path)}.staging-`));
  return new DirDestination(name, ref.path, staging);
}
