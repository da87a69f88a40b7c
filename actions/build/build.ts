// The build action's work, apart from reading inputs and writing outputs: inputs in, the builder, a result out.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildImage } from '../../src/core/build/builder.js';
import type { BuildOptions } from '../../src/core/build/types.js';
import { LighterError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import { parseReference } from '../../src/core/reference.js';
import { defaultStoreDir } from '../../src/core/storage/location.js';
import type { RegistryAccess } from '../../src/core/transport/types.js';
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

/** The build file as the runner's workspace names it, and its text. */
export interface BuildFile {
  /** Workspace-relative, as annotations want it. */
  file: string;
  text: string;
  kind: 'dockerfile' | 'steps';
}

/** Reads the Dockerfile (`file`, else Dockerfile or Containerfile in the context) or the step list. */
export async function readBuildFile(inputs: Inputs): Promise<BuildFile> {
  if (inputs.steps?.kind === 'inline') {
    return { file: 'steps', text: inputs.steps.yaml, kind: 'steps' };
  }
  const candidates =
    inputs.steps?.kind === 'file'
      ? [inputs.steps.path]
      : inputs.file !== ''
        ? [inputs.file]
        : [join(inputs.context, 'Dockerfile'), join(inputs.context, 'Containerfile')];
  for (const [i, path] of candidates.entries()) {
    try {
      return {
        file: path,
        text: await readFile(path, 'utf8'),
        kind: inputs.steps ? 'steps' : 'dockerfile',
      };
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      if (missing && i < candidates.length - 1) continue;
      const input = inputs.steps ? 'steps' : inputs.file !== '' ? 'file' : 'context';
      const why = !missing
        ? `reading ${path}: ${(err as Error).message}`
        : input === 'context'
          ? `no Dockerfile or Containerfile in ${inputs.context}`
          : `${path} does not exist`;
      throw new LighterError('ERR_INPUT', `input "${input}": ${why}`);
    }
  }
  throw new LighterError('ERR_INPUT', 'input "file": no build file');
}

function registryAccess(inputs: Inputs): RegistryAccess {
  const access: RegistryAccess = { tlsVerify: inputs['tls-verify'] };
  if (inputs.username !== '') access.creds = `${inputs.username}:${inputs.password}`;
  if (inputs.authfile !== '') access.authFile = inputs.authfile;
  return access;
}

function tagRegistries(tags: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const tag of tags) {
    try {
      hosts.add(parseReference(tag).registry);
    } catch {
      // Checked when the inputs were read.
    }
  }
  return [...hosts];
}

/** The options the builder gets from the action's inputs. */
export function buildOptions(inputs: Inputs, source: BuildFile, logger: Logger): BuildOptions {
  const epoch =
    inputs['source-date-epoch'] ??
    (process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH)
      ? Number(process.env.SOURCE_DATE_EPOCH)
      : undefined);
  return {
    contextDir: inputs.context,
    ...(source.kind === 'steps' ? { steps: source.text } : { dockerfile: source.text }),
    file: source.file,
    ...(source.kind === 'dockerfile' ? { dockerfilePath: source.file } : {}),
    storeDir: inputs.store || defaultStoreDir(),
    tags: inputs.tags,
    buildArgs: inputs['build-args'],
    ...(inputs.target !== '' ? { target: inputs.target } : {}),
    platforms: inputs.platforms,
    labels: inputs.labels,
    annotations: inputs.annotations,
    secrets: [...inputs.secrets].map(([id, value]) => ({ id, value: Buffer.from(value, 'utf8') })),
    noCache: inputs['no-cache'],
    format: inputs.format,
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
    push: inputs.push,
    outputs: inputs.outputs,
    registry: registryAccess(inputs),
    // username/password are for the tags' registries (where the image goes).
    credentialsFor: tagRegistries(inputs.tags),
    // The CI cache saves images: cache mounts travel as images when it is on.
    exportCacheMounts: inputs.cache,
    logger,
  };
}

/** Builds the image `inputs` describe. */
export async function build(inputs: Inputs, logger: Logger): Promise<BuildResult> {
  const source = await readBuildFile(inputs);
  const result = await buildImage(buildOptions(inputs, source, logger));
  return {
    imageId: result.imageId,
    digest: result.digest,
    tags: result.names,
    platforms: result.platforms.map((p) => p.platform),
    pushed: result.pushed,
    outputs: result.outputs,
    steps: result.steps.map((s) => ({
      instruction: s.instruction,
      cached: s.cached,
      ...(s.reason ? { reason: s.reason } : {}),
      size: s.size,
      seconds: s.seconds,
    })),
    seconds: result.seconds,
  };
}
