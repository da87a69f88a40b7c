// What a build is asked to do and what it reports: shared by the Dockerfile and step-list frontends, the CLI and the action.

import type { Digest } from '../digest.js';
import type { Logger } from '../log.js';
import type { RegistryAccess } from '../transport/types.js';

/** A `--secret`: its value, read by the caller (a file's bytes or an environment variable's). */
export interface SecretValue {
  id: string;
  value: Buffer;
}

export type ImageFormat = 'oci' | 'docker';

export interface BuildOptions {
  /** The build context directory. */
  contextDir: string;
  /** The Dockerfile's text; or `steps` for a step-list build. */
  dockerfile?: string;
  /** A step list (YAML text) instead of a Dockerfile. */
  steps?: string;
  /** The file the text came from, for messages and annotations (`Dockerfile`, `ci/build.yaml`). */
  file: string;
  /** The Dockerfile's path on disk, to find `<Dockerfile>.dockerignore` beside it. */
  dockerfilePath?: string;
  /** The store to build into. */
  storeDir: string;
  /** Names for the image (`-t`); stored under each. */
  tags?: readonly string[];
  buildArgs?: ReadonlyMap<string, string>;
  target?: string;
  /** `linux/amd64`…; several build one image per platform under an index. Default: the host's. */
  platforms?: readonly string[];
  /** Labels set over the Dockerfile's. */
  labels?: ReadonlyMap<string, string>;
  /** Manifest annotations, `[LEVEL:]KEY` → value (levels: manifest, index). */
  annotations?: ReadonlyMap<string, string>;
  secrets?: readonly SecretValue[];
  /** Ignore cached layers (results are still cached). */
  noCache?: boolean;
  /** Use and record the layer cache at all (default true); false is buildah's --layers=false. */
  layers?: boolean;
  format?: ImageFormat;
  /** Clamp timestamps (config, history, layer mtimes) to this time, for reproducible digests. */
  sourceDateEpoch?: number;
  /** RUN's network when an instruction does not say (default host). */
  network?: 'host' | 'none';
  /** Push to every tag after building. */
  push?: boolean;
  /** More destinations: `oci:DIR[:TAG]`, `oci-archive:FILE`, `docker-archive:FILE`, `dir:PATH`. */
  outputs?: readonly string[];
  /** Registry access for pulling bases and pushing. */
  registry?: RegistryAccess;
  /**
   * Registries (`ghcr.io`, `127.0.0.1:5000`) the credentials in `registry.creds` are for; other
   * registries are reached without them (a push token for ghcr.io means nothing to Docker Hub,
   * where bases often come from). Default: every registry.
   */
  credentialsFor?: readonly string[];
  /**
   * Keep `RUN --mount=type=cache` directories as images in the store, so the CI cache (which
   * saves images) carries them to the next run. Default: on under GitHub Actions.
   */
  exportCacheMounts?: boolean;
  /** Where RUN containers keep their state (default the runtime's). */
  stateDir?: string;
  logger?: Logger;
}

/** What happened to one instruction or step. */
export interface StepReport {
  /** `STEP 3/9`'s instruction after expansion, e.g. `RUN npm ci`. */
  instruction: string;
  /** Stage name or index, for multi-stage builds. */
  stage: string;
  /** A layer step (COPY, ADD, RUN, WORKDIR) found in the layer cache. */
  cached: boolean;
  /** Why a layer step was not taken from the cache (which input changed). */
  reason?: string;
  /** Compressed size of the layer it made (0 for metadata and empty layers). */
  size: number;
  seconds: number;
}

export interface BuiltPlatform {
  platform: string;
  /** The image manifest's digest. */
  digest: Digest;
  configDigest: Digest;
}

export interface BuildResult {
  /** The image ID: the config digest (an index's own digest when several platforms were built). */
  imageId: Digest;
  /** Digest of the manifest (or index) as stored. */
  digest: Digest;
  mediaType: string;
  /** Stored names (normalized: `localhost/app:latest`). */
  names: string[];
  platforms: BuiltPlatform[];
  /** Tags pushed (empty unless push). */
  pushed: string[];
  /** Extra outputs written. */
  outputs: string[];
  steps: StepReport[];
  /** Build warnings (BuildKit's build checks, unused build args). */
  warnings: string[];
  seconds: number;
}
