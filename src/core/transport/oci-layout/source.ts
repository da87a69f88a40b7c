// Reads one image (or index) out of an OCI image layout directory.

import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Digest } from '../../digest.js';
import { LighterError } from '../../errors.js';
import { directoryTree, type FileTree } from '../../fs/tree.js';
import type { ImageSource, RawManifest } from '../../image.js';
import { selectEntry } from '../../layout/layout.js';
import { LayoutReader } from '../../layout/reader.js';
import type { Descriptor } from '../../manifest.js';
import type { OpenOptions } from '../types.js';
import { formatPathAndName, type OciLayoutReference } from './transport.js';

/**
 * An image in a layout read through any FileTree; oci-archive reuses it over a tar. Selects the
 * image when opened, so a wrong name fails at once, listing the names the layout has.
 */
export class OciLayoutSource implements ImageSource {
  readonly name: string;
  readonly #reader: LayoutReader;
  readonly #entry: Descriptor;
  #top: Promise<RawManifest> | undefined;

  private constructor(name: string, reader: LayoutReader, entry: Descriptor) {
    this.name = name;
    this.#reader = reader;
    this.#entry = entry;
  }

  /**
   * `layoutName` names the layout in messages (`oci:/x`); `imageName` is `name` (`oci:/x:tag`).
   * Takes ownership of `tree`: closing the source closes it, and so does a failure to open.
   */
  static async open(
    tree: FileTree,
    refName: string | undefined,
    layoutName: string,
  ): Promise<OciLayoutSource> {
    try {
      const reader = await LayoutReader.open(tree);
      const entry = selectEntry(reader.index, refName, layoutName);
      const name = refName === undefined ? layoutName : `${layoutName}:${refName}`;
      return new OciLayoutSource(name, reader, entry);
    } catch (err) {
      await tree.close();
      throw err;
    }
  }

  /** The index.json entry this source reads. */
  get descriptor(): Descriptor {
    return this.#entry;
  }

  manifest(instance?: Digest): Promise<RawManifest> {
    this.#top ??= this.#reader.manifest(this.#entry);
    if (instance === undefined || instance === this.#entry.digest) return this.#top;
    return this.#top.then((top) => this.#reader.child(top, instance));
  }

  blob(descriptor: Descriptor): Promise<Readable> {
    return this.#reader.blob(descriptor);
  }

  close(): Promise<void> {
    return this.#reader.tree.close();
  }
}

export async function openOciLayoutSource(
  ref: OciLayoutReference,
  _options: OpenOptions = {},
): Promise<OciLayoutSource> {
  const layoutName = `oci:${formatPathAndName({ path: ref.path })}`;
  try {
    const info = await stat(ref.path);
    if (!info.isDirectory()) throw new Error('not a directory');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new LighterError(
      missing ? 'ERR_NOT_FOUND' : 'ERR_INVALID_ARGUMENT',
      `opening ${layoutName}: ${missing ? 'no such directory' : (err as Error).message}`,
      { cause: err },
    );
  }
  return OciLayoutSource.open(directoryTree(ref.path), ref.name, layoutName);
}
