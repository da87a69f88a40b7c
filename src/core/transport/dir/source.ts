// Reads an image from a skopeo `dir:` directory.

import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { type Digest, digestOf } from '../../digest.js';
import { isLighterError, LighterError } from '../../errors.js';
import { directoryTree, type FileTree } from '../../fs/tree.js';
import type { ImageSource, RawManifest } from '../../image.js';
import { type Descriptor, detectManifestMediaType, MAX_MANIFEST_SIZE } from '../../manifest.js';
import type { OpenOptions } from '../types.js';
import { blobFileName, type DirReference, manifestFileName } from './transport.js';

export class DirSource implements ImageSource {
  readonly name: string;
  readonly #tree: FileTree;
  #top: Promise<RawManifest> | undefined;

  constructor(name: string, tree: FileTree) {
    this.name = name;
    this.#tree = tree;
  }

  /**
   * The top-level manifest's digest is computed from its bytes (dir: records none); a child's
   * is the one asked for, so a consumer that verifies catches a file that does not match.
   */
  manifest(instance?: Digest): Promise<RawManifest> {
    if (instance === undefined) {
      this.#top ??= this.#read(undefined);
      return this.#top;
    }
    return this.#read(instance);
  }

  async blob(descriptor: Descriptor): Promise<Readable> {
    try {
      return await this.#tree.open(blobFileName(descriptor.digest));
    } catch (err) {
      throw this.#missing(err, `blob ${descriptor.digest}`);
    }
  }

  async close(): Promise<void> {}

  async #read(instance: Digest | undefined): Promise<RawManifest> {
    const file = manifestFileName(instance);
    const size = await this.#tree.size(file);
    if (size !== undefined && size > MAX_MANIFEST_SIZE) {
      throw new LighterError('ERR_MANIFEST_TOO_BIG', `${this.name}: ${file} is ${size} bytes`);
    }
    let bytes: Buffer;
    try {
      bytes = await this.#tree.readFile(file);
    } catch (err) {
      throw this.#missing(err, instance === undefined ? 'manifest.json' : `manifest ${instance}`);
    }
    const data = new Uint8Array(bytes);
    return {
      bytes: data,
      mediaType: detectManifestMediaType(data),
      digest: instance ?? digestOf(data),
    };
  }

  #missing(err: unknown, what: string): unknown {
    if (!isLighterError(err, 'ERR_NOT_FOUND')) return err;
    return new LighterError('ERR_NOT_FOUND', `${this.name}: ${what} is missing`, { cause: err });
  }
}

export async function openDirSource(
  ref: DirReference,
  _options: OpenOptions = {},
): Promise<DirSource> {
  const name = `dir:${ref.path}`;
  try {
    if (!(await stat(ref.path)).isDirectory()) {
      throw new LighterError('ERR_INVALID_ARGUMENT', `opening ${name}: not a directory`);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LighterError('ERR_NOT_FOUND', `opening ${name}: no such directory`, { cause: err });
    }
    throw err;
  }
  return new DirSource(name, directoryTree(ref.path));
}
