// The copy action's work, apart from reading inputs and writing outputs.

import { LighterError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
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

/**
 * Copies `inputs.source` to every destination. The engine (issue #3) is wired in here, and only
 * here: main.ts already turns a CopyResult into outputs and the job summary.
 */
export async function copy(_inputs: Inputs, _logger: Logger): Promise<CopyResult> {
  throw new LighterError('ERR_UNSUPPORTED', 'the copy engine is not in this build yet (issue #3)');
}
