// The build action's work, apart from reading inputs and writing outputs.
import { LighterError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import type { Inputs } from './inputs.js';

/** One Dockerfile instruction or step as the job summary shows it. */
export interface BuildStep {
  /** The instruction after expansion, e.g. `RUN npm ci`. */
  instruction: string;
  cached: boolean;
  /** Why a step was not cached (which input changed), when known. */
  reason?: string;
  /** Size of the layer it produced; 0 for metadata-only steps. */
  size: number;
  seconds: number;
}

export interface BuildResult {
  /** Digest of the image configuration. */
  imageId: string;
  /** Digest of the manifest, or of the index when several platforms were built. */
  digest: string;
  tags: string[];
  platforms: string[];
  /** Tags pushed to a registry (empty unless push). */
  pushed: string[];
  /** Extra outputs written (oci:DIR, …). */
  outputs: string[];
  steps: BuildStep[];
  seconds: number;
}

/**
 * Builds the image `inputs` describe. The builder (issue #5) is wired in here, and only here:
 * main.ts already turns a BuildResult into outputs and the job summary.
 */
export async function build(_inputs: Inputs, _logger: Logger): Promise<BuildResult> {
  throw new LighterError('ERR_UNSUPPORTED', 'the builder is not in this build yet (issue #5)');
}
