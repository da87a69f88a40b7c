// The copy action's work, apart from reading inputs and writing outputs: one read of the source,
// written to every destination at once.

import { type CopyOptions, copyImage } from '../../src/core/copy/copy.js';
import { fanOut } from '../../src/core/copy/fan-out.js';
import type { ImageDestination } from '../../src/core/image.js';
import type { Logger } from '../../src/core/log.js';
import { formatPlatform, parsePlatform } from '../../src/core/platform.js';
import {
  imageName,
  openDestination,
  openSource,
  parseImageNameOrReference,
} from '../../src/core/transport/index.js';
import type { OpenOptions, RegistryAccess } from '../../src/core/transport/types.js';
import { periodicProgress } from '../../src/gha/progress.js';
import type { Inputs } from './inputs.js';

/** What one destination received. */
export interface CopiedDestination {
  reference: string;
  digest: string;
}

export interface CopyResult {
  /** Digest of the manifest or index written (the same at every destination). */
  digest: string;
  destinations: CopiedDestination[];
  platforms: string[];
  bytesCopied: number;
  bytesSkipped: number;
  seconds: number;
}

function access(inputs: Inputs, side: 'source' | 'destination'): RegistryAccess {
  const out: RegistryAccess = { retries: inputs.retries, tlsVerify: inputs['tls-verify'] };
  const creds = inputs[`${side}-credentials`];
  if (creds) out.creds = `${creds.username}:${creds.password}`;
  else if (inputs.username) out.creds = `${inputs.username}:${inputs.password}`;
  if (inputs.authfile) out.authFile = inputs.authfile;
  return out;
}

/** Copies `inputs.source` to every destination, reading each source blob once. */
export async function copy(inputs: Inputs, logger: Logger): Promise<CopyResult> {
  const started = Date.now();
  const open = (side: 'source' | 'destination'): OpenOptions => {
    const o: OpenOptions = { logger, registry: access(inputs, side) };
    if (inputs.store) o.storeDir = inputs.store;
    return o;
  };
  const sourceRef = parseImageNameOrReference(inputs.source);
  const destRefs = inputs.destinations.map(parseImageNameOrReference);
  const options: CopyOptions = {
    preserveDigests: inputs['preserve-digests'],
    logger,
    onProgress: periodicProgress(logger),
  };
  if (inputs.format) options.format = inputs.format;
  if (inputs['all-platforms']) options.multiArch = 'all';
  else if (inputs.platforms.length === 1)
    options.platform = parsePlatform(inputs.platforms[0] as string);
  else if (inputs.platforms.length > 1) {
    options.multiArch = 'all';
    options.platforms = inputs.platforms.map(parsePlatform);
  }

  const source = await openSource(sourceRef, open('source'));
  const opened: ImageDestination[] = [];
  try {
    for (const ref of destRefs) opened.push(await openDestination(ref, open('destination')));
    const result = await copyImage(source, fanOut(opened), options);
    const platforms = result.images.flatMap((i) =>
      i.platform ? [formatPlatform(i.platform)] : [],
    );
    return {
      digest: result.digest,
      destinations: destRefs.map((r) => ({ reference: imageName(r), digest: result.digest })),
      platforms,
      bytesCopied: result.bytesCopied,
      bytesSkipped: result.bytesSkipped,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await Promise.allSettled(opened.map((d) => d.close()));
    await source.close();
  }
}
