// Reads an image from an oci-archive: the layout reader over the tar's members, read in place.

import { tarTree } from '../../fs/tar-tree.js';
import { OciLayoutSource } from '../oci-layout/source.js';
import type { OpenOptions } from '../types.js';
import type { OciArchiveReference } from './transport.js';

export async function openOciArchiveSource(
  ref: OciArchiveReference,
  _options: OpenOptions = {},
): Promise<OciLayoutSource> {
  // tarTree's errors name the file and say what is wrong with it.
  const tree = await tarTree(ref.path);
  return OciLayoutSource.open(tree, ref.name, `oci-archive:${ref.path}`);
}
