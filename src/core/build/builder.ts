// The build engine: plans a Dockerfile (or a step list), runs each needed stage's instructions into layers, commits the image and writes its outputs.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Digest } from '../digest.js';
import { errorMessage, isLighterError, LighterError } from '../errors.js';
import { addEntry, type LayoutIndex, refName } from '../layout/layout.js';
import { type Logger, silentLogger } from '../log.js';
import type { Descriptor, HistoryEntry, ImageConfig, Platform } from '../manifest.js';
import { formatPlatform, hostPlatform, normalizePlatform, parsePlatform } from '../platform.js';
import { parseReference } from '../reference.js';
import type { Runtime } from '../runtime/index.js';
import { layersAsRoot, rootReader } from '../storage/as-root.js';
import { chainIds, layerDirName } from '../storage/chain-id.js';
import { layerClaim } from '../storage/lease.js';
import { updateMeta } from '../storage/meta.js';
import { localImageName } from '../storage/names.js';
import { removeTree } from '../storage/remove-tree.js';
import { Store } from '../storage/store.js';
import { placeLayerDir } from '../storage/unpack.js';
import type { RegistryAccess } from '../transport/types.js';
import { CacheMounts } from './cache-mounts.js';
import { TrackedClaims } from './claims.js';
import { writeImage, writeIndex } from './commit.js';
import { hashSources } from './context/hash.js';
import { type ContextIgnore, readContextIgnore } from './context/ignore.js';
import { prepareCopy } from './copy-step.js';
import { createdBy, describeInstruction } from './describe.js';
import { discardUnreferenced } from './discard.js';
import {
  type BuildPlan,
  type PlannedInstruction,
  type PlannedMount,
  planBuild,
  type SourceRef,
  type Stage,
} from './dockerfile/plan.js';
import { BaseImages, fsIdentity, layerDirs, type StageImage, scratchImage } from './image-state.js';
import { cacheKey, LayerCache, type StepInputs } from './layer-cache.js';
import { LayerView, localFs, type ViewFs } from './layer-view.js';
import { type LayerRecord, type TarItem, writeTarLayer } from './layer-writer.js';
import { userOwner } from './owner.js';
import type { StepList } from './steps.js';
import type { BuildOptions, BuildResult, BuiltPlatform, StepReport } from './types.js';

/** A stage to name in the store besides the target: the step list's `commit`s. */
interface ExtraTarget {
  stage: string;
  names: string[];
}

/** What every stage of one build shares. */
interface Session {
  options: BuildOptions;
  logger: Logger;
  store: Store;
  lease: TrackedClaims;
  file: string;
  /**
   * Which build this is, across runs: the context and the build file. Cache entries are kept
   * per step of it, so many projects' Dockerfiles in one store do not crowd each other out.
   */
  buildId: string;
  contextDir: string;
  ignore: ContextIgnore;
  cache: LayerCache;
  cacheMounts: CacheMounts;
  bases: BaseImages;
  secrets: Map<string, Buffer>;
  /** Seconds: the time written into what this build makes. */
  now: number;
  epoch: number | undefined;
  tempDir: string;
  steps: StepReport[];
  counter: { step: number; total: number };
  runtime: Promise<Runtime> | undefined;
}

/**
 * Builds an image into the store (`storeDir`), named by `tags`, then pushes and writes the extra
 * outputs. Dockerfile errors are ERR_DOCKERFILE and failed steps ERR_BUILD, both naming the file
 * and line; a failed build adds nothing to the store's index.
 */
export async function buildImage(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  for (const secret of options.secrets ?? []) logger.secret(secret.value.toString('utf8'));

  let list: StepList | undefined;
  let dockerfile: string;
  const file = options.file;
  // Modules only some builds need load when they do: a cached COPY build starts faster.
  const steps = options.steps !== undefined ? await import('./steps.js') : undefined;
  if (options.steps !== undefined && steps) {
    list = steps.parseStepList(options.steps, file);
    dockerfile = list.dockerfile;
  } else if (options.dockerfile !== undefined) {
    dockerfile = options.dockerfile;
  } else {
    throw new LighterError('ERR_INVALID_ARGUMENT', 'buildImage: give a dockerfile or steps');
  }
  try {
    return await build(options, dockerfile, list, logger, started);
  } catch (err) {
    throw list && steps ? steps.stepError(err, list, file) : err;
  }
}

function platformsOf(options: BuildOptions): Platform[] {
  const host = hostPlatform();
  const linuxHost = normalizePlatform({
    os: 'linux',
    architecture: host.architecture,
    ...(host.variant ? { variant: host.variant } : {}),
  });
  const given = options.platforms?.filter((p) => p.trim() !== '') ?? [];
  if (given.length === 0) return [linuxHost];
  const platforms = given.map((p) => {
    try {
      return parsePlatform(p.trim());
    } catch (err) {
      throw new LighterError('ERR_INVALID_ARGUMENT', `platform ${p}: ${errorMessage(err)}`);
    }
  });
  const seen = new Set<string>();
  return platforms.filter((p) => {
    const key = formatPlatform(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function build(
  options: BuildOptions,
  dockerfile: string,
  list: StepList | undefined,
  logger: Logger,
  started: number,
): Promise<BuildResult> {
  const contextDir = resolve(options.contextDir);
  const contextStats = await stat(contextDir).catch((err: NodeJS.ErrnoException) => {
    throw new LighterError('ERR_INPUT', `reading the build context ${contextDir}: ${err.message}`);
  });
  if (!contextStats.isDirectory()) {
    throw new LighterError('ERR_INPUT', `the build context ${contextDir} is not a directory`);
  }
  const elapsed = () => `${(performance.now() - started).toFixed(0)} ms`;
  const store = await Store.open(options.storeDir, { logger });
  logger.debug(`build: store ${options.storeDir} open at ${elapsed()}`);
  const ownLease = await store.lease();
  const lease = new TrackedClaims(ownLease);
  const tempDir = await mkdtemp(join(tmpdir(), 'lighter-build-'));
  const layersOn = options.layers ?? true;
  const epoch = options.sourceDateEpoch;
  const cache = await LayerCache.open(store, {
    use: layersOn && !options.noCache,
    record: layersOn,
    logger,
  });
  const session: Session = {
    options,
    logger,
    store,
    lease,
    file: options.file,
    buildId: buildIdOf(contextDir, options.file),
    contextDir,
    ignore: await readContextIgnore(contextDir, options.dockerfilePath),
    cache,
    cacheMounts: new CacheMounts(store, logger, cache.mountImages),
    bases: new BaseImages(store, lease, {
      logger,
      registry: (name) => registryFor(options, name),
    }),
    secrets: new Map((options.secrets ?? []).map((s) => [s.id, s.value])),
    now: epoch ?? Math.floor(Date.now() / 1000),
    epoch,
    tempDir,
    steps: [],
    counter: { step: 0, total: 0 },
    runtime: undefined,
  };
  let committed = false;
  try {
    const platforms = platformsOf(options);
    const extra: ExtraTarget[] = list?.commits.filter((c) => c.stage !== list.last) ?? [];
    const target = options.target ?? (list ? list.last : undefined);
    const built: { platform: Platform; image: Descriptor; configDigest: Digest }[] = [];
    const extraImages: { names: string[]; images: Descriptor[] }[] = extra.map((e) => ({
      names: e.names,
      images: [],
    }));
    const warnings: string[] = [];
    const tagNames = [
      ...(options.tags ?? []),
      ...(list?.commits.filter((c) => c.stage === list.last).flatMap((c) => c.names) ?? []),
    ];
    for (const platform of platforms) {
      if (platforms.length > 1) logger.info(`Building for ${formatPlatform(platform)}`);
      const results = new Map<number, StageImage>();
      const plan = await planFor(session, dockerfile, platform, target);
      logger.debug(`build: planned at ${elapsed()}`);
      if (platforms.length === 1 || platform === platforms[0]) {
        for (const w of plan.warnings) {
          const text = `${w.line !== undefined ? `${session.file}:${w.line}: ` : ''}${w.message} (${w.rule})`;
          warnings.push(text);
          logger.warn(text);
        }
      }
      const plans = [plan];
      for (const e of extra) plans.push(await planFor(session, dockerfile, platform, e.stage));
      session.counter = {
        step: 0,
        total: countSteps(plans),
      };
      for (const p of plans) {
        for (const index of p.neededStages) {
          if (results.has(index)) continue;
          results.set(index, await buildStage(session, p, p.stages[index]!, results));
        }
      }
      const final = results.get(plan.targetStage)!;
      const image = await commitStage(session, plan.stages[plan.targetStage]!, final, true);
      built.push({ platform, image: image.descriptor, configDigest: image.configDigest });
      // The step list's commits: the stages they name, as images of their own.
      for (let i = 0; i < extra.length; i++) {
        const p = plans[i + 1]!;
        const stageImage = results.get(p.targetStage)!;
        const written = await commitStage(session, p.stages[p.targetStage]!, stageImage, false);
        extraImages[i]!.images.push(written.descriptor);
      }
    }

    const format = options.format ?? 'oci';
    const annotations = levelAnnotations(options.annotations);
    let top: Descriptor;
    let imageId: Digest;
    if (built.length === 1) {
      const { platform: _p, ...plain } = built[0]!.image;
      top = plain;
      imageId = built[0]!.configDigest;
    } else {
      top = await writeIndex(
        store,
        lease,
        built.map((b) => b.image),
        format,
        annotations.index,
      );
      imageId = top.digest;
    }

    // Everything is written: now the store's index learns about it, in one update.
    const names = tagNames.map((t) => localImageName(t));
    const mounts =
      (session.options.exportCacheMounts ?? process.env.GITHUB_ACTIONS === 'true')
        ? await session.cacheMounts.export(lease, platforms[0]!)
        : [];
    // Cache entries, kept cache mounts and the image's names: one update of index.json.
    const naming: { descriptor: Descriptor; names: string[] }[] = [{ descriptor: top, names }];
    for (const e of extraImages) {
      let descriptor = e.images[0]!;
      if (e.images.length > 1) descriptor = await writeIndex(store, lease, e.images, format);
      const { platform: _p, ...plain } = descriptor;
      naming.push({ descriptor: plain, names: e.names.map((n) => localImageName(n)) });
    }
    logger.debug(`build: image written at ${elapsed()}`);
    for (const m of mounts) session.cache.recordMount(m.id, m.descriptor);
    const indexChanged = await session.cache.commit(lease, (manifests) => {
      let index: LayoutIndex = { schemaVersion: 2, manifests };
      for (const { descriptor, names: given } of naming) {
        if (given.length === 0) index = addEntry(index, descriptor);
        for (const name of given) {
          // As Store.tag: the name moves here, and an unnamed entry of this image goes.
          index = {
            ...index,
            manifests: index.manifests.filter(
              (d) => !(refName(d) === undefined && d.digest === descriptor.digest),
            ),
          };
          index = addEntry(index, descriptor, name);
        }
      }
      return index.manifests;
    });
    if (indexChanged) {
      const now = new Date().toISOString();
      for (const { descriptor } of naming) {
        await updateMeta(store.dir, descriptor.digest, { added: now, lastUsed: now }).catch(
          () => {},
        );
      }
    }
    committed = true;
    logger.debug(`build: index updated at ${elapsed()}`);
    logger.info(`COMMIT ${names.join(', ') || '(unnamed)'}`);
    logger.info(`--> ${imageId.slice('sha256:'.length, 'sha256:'.length + 12)} (${top.digest})`);

    const pushed: string[] = [];
    const outputs: string[] = [];
    const { push } =
      options.push || (options.outputs?.length ?? 0) > 0
        ? await import('../storage/pull.js')
        : { push: undefined };
    const source = top.digest;
    if (options.push) {
      for (const name of names) {
        await logger.group(`Pushing ${name}`, async () => {
          await push!(store, source, `docker://${name}`, {
            logger,
            ...(registryFor(options, name) ? { registry: registryFor(options, name) } : {}),
          });
        });
        pushed.push(name);
      }
    }
    for (const output of options.outputs ?? []) {
      await logger.group(`Writing ${output}`, async () => {
        await push!(store, source, output, { logger });
      });
      outputs.push(output);
    }
    return {
      imageId,
      digest: top.digest,
      mediaType: top.mediaType,
      names,
      platforms: built.map((b) => ({
        platform: formatPlatform(b.platform),
        digest: b.image.digest,
        configDigest: b.configDigest,
      })) satisfies BuiltPlatform[],
      pushed,
      outputs,
      steps: session.steps,
      warnings,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (err) {
    if (!committed) {
      // Give back what this build made: nothing of a failed build stays in the store.
      await ownLease.release();
      await discardUnreferenced(store, lease.claimed).catch((e: unknown) =>
        logger.debug(`cleaning up after the failed build: ${errorMessage(e)}`),
      );
    }
    throw err;
  } finally {
    await ownLease.release();
    await removeTree(tempDir).catch(() => {});
  }
}

/**
 * A build's identity across runs: the context (relative to the working directory, the
 * workspace in CI, so another runner's checkout path does not matter) and the build file.
 */
function buildIdOf(contextDir: string, file: string): string {
  const rel = relative(process.cwd(), contextDir);
  const where = rel.startsWith('..') || isAbsolute(rel) ? contextDir : rel || '.';
  return `${createHash('sha256').update(`${where}\0${file}`).digest('hex').slice(0, 16)}:${file}`;
}

/** Registry access for an image name: the credentials only for the registries they are for. */
function registryFor(options: BuildOptions, name: string): RegistryAccess | undefined {
  const access = options.registry;
  if (!access?.creds || options.credentialsFor === undefined) return access;
  let host: string;
  try {
    host = parseReference(name).registry;
  } catch {
    return access;
  }
  if (options.credentialsFor.includes(host)) return access;
  const { creds: _creds, ...rest } = access;
  return rest;
}

/** `[LEVEL:]KEY=VALUE` annotations sorted into the manifest's and the index's. */
function levelAnnotations(given: ReadonlyMap<string, string> | undefined): {
  manifest: Record<string, string>;
  index: Record<string, string>;
} {
  const manifest: Record<string, string> = {};
  const index: Record<string, string> = {};
  for (const [rawKey, value] of given ?? []) {
    const m = /^(manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]*\])?:(.+)$/.exec(
      rawKey,
    );
    const level = m?.[1] ?? 'manifest';
    const key = m?.[2] ?? rawKey;
    if (level === 'index' || level === 'index-descriptor') index[key] = value;
    else manifest[key] = value;
  }
  return { manifest, index };
}

async function planFor(
  session: Session,
  dockerfile: string,
  platform: Platform,
  target: string | undefined,
): Promise<BuildPlan> {
  return planBuild({
    dockerfile,
    file: session.file,
    ...(session.options.buildArgs ? { buildArgs: session.options.buildArgs } : {}),
    ...(target !== undefined && target !== '' ? { target } : {}),
    platform,
    resolveImage: (name, p) => session.bases.config(name, p),
  });
}

function countSteps(plans: readonly BuildPlan[]): number {
  const seen = new Set<number>();
  let total = 0;
  for (const plan of plans) {
    for (const index of plan.neededStages) {
      if (seen.has(index)) continue;
      seen.add(index);
      total += 1 + plan.stages[index]!.instructions.length;
    }
  }
  return total;
}

function stageLabel(stage: Stage): string {
  return stage.name ?? String(stage.index);
}

/** A stage from its base through its last instruction. */
async function buildStage(
  session: Session,
  plan: BuildPlan,
  stage: Stage,
  results: Map<number, StageImage>,
): Promise<StageImage> {
  const { logger } = session;
  const started = performance.now();
  logger.info(
    `STEP ${++session.counter.step}/${session.counter.total}: FROM ${stage.baseName}${stage.name ? ` AS ${stage.name}` : ''}`,
  );
  let base: StageImage;
  if (stage.base.kind === 'scratch') base = scratchImage(stage.platform);
  else if (stage.base.kind === 'stage') base = results.get(stage.base.index)!;
  else {
    try {
      base = await session.bases.get(stage.base.name, stage.platform);
    } catch (err) {
      throw positioned(session, stage.location.startLine, `FROM ${stage.baseName}`, err);
    }
  }
  session.steps.push({
    instruction: `FROM ${stage.baseName}`,
    stage: stageLabel(stage),
    cached: false,
    size: 0,
    seconds: (performance.now() - started) / 1000,
  });
  const state: StageImage = {
    name: stage.name ? `stage ${stage.name}` : `stage ${stage.index}`,
    layers: [...base.layers],
    config: structuredClone(base.config),
    history: [...base.history],
    platform: stage.platform,
  };
  for (const [ordinal, ins] of stage.instructions.entries()) {
    await runInstruction(session, plan, stage, ordinal, ins, state, results);
  }
  // A stage built on this one starts from its final config.
  state.config.config = structuredClone(stage.config);
  if (stage.author !== undefined) state.config.author = stage.author;
  return state;
}

function positioned(session: Session, line: number, what: string, err: unknown): LighterError {
  if (err instanceof LighterError && typeof err.details?.line === 'number') return err;
  return new LighterError(
    isLighterError(err) && err.code !== 'ERR_INVALID_ARGUMENT' ? err.code : 'ERR_BUILD',
    `${session.file}:${line}: ${what}: ${errorMessage(err)}`,
    {
      cause: err,
      details: { ...(isLighterError(err) ? err.details : {}), file: session.file, line },
    },
  );
}

async function runtimeFor(session: Session, where: string): Promise<Runtime> {
  if (process.platform !== 'linux') {
    throw new LighterError(
      'ERR_UNSUPPORTED',
      `${where}: RUN needs a Linux host (with runc or crun); Dockerfiles without RUN build anywhere`,
    );
  }
  session.runtime ??= import('../runtime/index.js')
    .then(({ detectRuntime }) => detectRuntime({ logger: session.logger }))
    .then((runtime) => {
      session.logger.info(`RUN steps use ${runtime.reason}`);
      return runtime;
    });
  return session.runtime;
}

async function runInstruction(
  session: Session,
  plan: BuildPlan,
  stage: Stage,
  ordinal: number,
  ins: PlannedInstruction,
  state: StageImage,
  results: Map<number, StageImage>,
): Promise<void> {
  const { logger } = session;
  const line = ins.location.startLine;
  const where = `${session.file}:${line}`;
  const text = describeInstruction(ins);
  logger.info(`STEP ${++session.counter.step}/${session.counter.total}: ${text}`);
  const started = performance.now();
  const report: StepReport = {
    instruction: text,
    stage: stageLabel(stage),
    cached: false,
    size: 0,
    seconds: 0,
  };
  const history = (entry: Partial<HistoryEntry>, empty: boolean) => {
    state.history.push({
      created: new Date(session.now * 1000).toISOString(),
      created_by: entry.created_by ?? createdBy(ins),
      ...(empty ? { empty_layer: true } : {}),
    });
  };

  try {
    switch (ins.kind) {
      case 'ARG':
        break;
      case 'RUN':
      case 'COPY':
      case 'ADD':
      case 'WORKDIR': {
        const step = await layerStep(session, plan, stage, ordinal, ins, state, results, where);
        report.cached = step.cached;
        if (step.reason) report.reason = step.reason;
        report.size = step.layer?.size ?? 0;
        if (step.layer) state.layers.push(step.layer);
        // WORKDIR with nothing to create leaves no trace but its config change.
        history({ created_by: createdBy(ins, step.summary) }, step.layer === undefined);
        if (step.cached) logger.info('--> Using cache');
        else if (step.layer) logger.info(`--> ${formatSize(step.layer.size)} layer`);
        break;
      }
      default:
        history({}, true);
        break;
    }
  } catch (err) {
    throw positioned(session, line, ins.kind, err);
  }
  report.seconds = (performance.now() - started) / 1000;
  if (ins.kind !== 'ARG') session.steps.push(report);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

interface LayerStepResult {
  layer: LayerRecord | undefined;
  cached: boolean;
  reason?: string;
  /** COPY/ADD's history summary. */
  summary?: string;
}

async function sourceImage(
  session: Session,
  ref: SourceRef,
  results: Map<number, StageImage>,
  platform: Platform,
): Promise<StageImage | undefined> {
  if (ref.kind === 'stage') return results.get(ref.index);
  if (ref.kind === 'image') return session.bases.get(ref.name, platform);
  return undefined;
}

/** COPY, ADD, RUN and WORKDIR: from the cache when the inputs match, else made and recorded. */
async function layerStep(
  session: Session,
  plan: BuildPlan,
  stage: Stage,
  ordinal: number,
  ins: Extract<PlannedInstruction, { kind: 'RUN' | 'COPY' | 'ADD' | 'WORKDIR' }>,
  state: StageImage,
  results: Map<number, StageImage>,
  where: string,
): Promise<LayerStepResult> {
  const { store, lease, cache } = session;
  const stepStarted = performance.now();
  const parent = fsIdentity(state.layers);
  const platform = formatPlatform(stage.platform);
  const stepId = `${session.buildId}#${stage.index}:${ordinal}`;
  const position = { file: session.file, line: ins.location.startLine };
  const view = async () =>
    new LayerView(await layerDirs(store, lease, state.layers), await viewFs());

  let inputs: StepInputs;
  let make: () => Promise<{ layer: LayerRecord | undefined; upperDir?: string }>;
  let summary: string | undefined;

  if (ins.kind === 'COPY' || ins.kind === 'ADD') {
    let from: { name: string; view: () => Promise<LayerView>; identity: string } | undefined;
    if (ins.from.kind !== 'context') {
      const ref = ins.from;
      const image = await sourceImage(session, ref, results, stage.platform);
      from = {
        name:
          ref.kind === 'stage' ? `stage ${plan.stages[ref.index]!.name ?? ref.index}` : ref.name,
        view: async () =>
          new LayerView(await layerDirs(store, lease, image?.layers ?? []), await viewFs()),
        identity: fsIdentity(image?.layers ?? []),
      };
    }
    const prepared = await prepareCopy({
      instruction: ins,
      where,
      position,
      contextDir: session.contextDir,
      ignore: session.ignore.matcher,
      ignoreFile: session.ignore.file,
      from,
      parent: view,
      now: session.now,
      sourceDateEpoch: session.epoch,
      tempDir: session.tempDir,
    });
    summary = prepared.summary;
    inputs = {
      parent,
      fields: {
        instruction: JSON.stringify([
          ins.kind,
          ins.destPath,
          ins.chown ?? '',
          ins.chmod ?? '',
          ins.link,
          ins.exclude,
          ins.kind === 'COPY' ? ins.parents : [ins.unpack ?? null, ins.checksum ?? ''],
          ins.sources,
        ]),
        sources: prepared.sourcesHash,
        platform,
        epoch: String(session.epoch ?? ''),
      },
      args: {},
    };
    make = async () => {
      const layer = await writeTarLayer(store, lease, () => prepared.items());
      return { layer: layer.entries === 0 ? undefined : layer };
    };
  } else if (ins.kind === 'WORKDIR') {
    const baseUser = state.config.config?.User ?? '';
    const user = userAt(stage, ordinal, baseUser);
    inputs = {
      parent,
      fields: {
        instruction: `WORKDIR ${ins.resolved}`,
        user,
        platform,
        epoch: String(session.epoch ?? ''),
      },
      args: {},
    };
    make = async () => {
      const v = await view();
      // Nothing to make when the directory is there already (the cache remembers that too).
      const existing = await v.resolve(ins.resolved, true);
      if (existing.entry?.stats.isDirectory()) return { layer: undefined };
      const owner = await userOwner(user, v);
      const items = workdirItems(v, ins.resolved, owner, session);
      const layer = await writeTarLayer(store, lease, () => items());
      return { layer: layer.entries === 0 ? undefined : layer };
    };
  } else {
    const run = ins;
    const argKeys = new Set(run.buildArgs.map((a) => a.key));
    const mounts = await Promise.all(
      run.mounts.map((m) => mountIdentity(session, m, results, stage.platform)),
    );
    inputs = {
      parent,
      fields: {
        instruction: JSON.stringify([run.argv, run.script?.content ?? null]),
        env: JSON.stringify(run.env.filter((e) => !argKeys.has(e.slice(0, e.indexOf('='))))),
        user: run.user,
        workdir: run.workdir,
        network: run.network === 'default' ? (session.options.network ?? 'host') : run.network,
        mounts: JSON.stringify(mounts),
        platform,
        epoch: String(session.epoch ?? ''),
      },
      args: Object.fromEntries(run.buildArgs.map((a) => [a.key, a.value])),
    };
    make = async () => {
      const runtime = await runtimeFor(session, where);
      checkPlatform(stage.platform, where);
      const lowerDirs = await layerDirs(store, lease, state.layers);
      const { executeRun } = await import('./run-step.js');
      const result = await executeRun({
        store,
        lease,
        run,
        where,
        position,
        lowerDirs,
        runtime,
        stateDir: session.options.stateDir,
        defaultNetwork: session.options.network ?? 'host',
        secrets: session.secrets,
        contextDir: session.contextDir,
        ignore: session.ignore.matcher,
        sourceDirs: async (mount) => {
          const ref = mount.fromSource ?? { kind: 'context' };
          if (ref.kind === 'context') return 'context';
          const image = await sourceImage(session, ref, results, stage.platform);
          return layerDirs(store, lease, image?.layers ?? []);
        },
        cacheMounts: session.cacheMounts,
        proxy: plan.proxy,
        sourceDateEpoch: session.epoch,
        logger: session.logger,
      });
      return { layer: result.layer, upperDir: result.upperDir };
    };
  }

  const key = cacheKey(inputs);
  const keyed = performance.now();
  const hit = await cache.lookup(key, lease);
  if (hit) return { layer: hit.layer, cached: true, ...(summary ? { summary } : {}) };
  const reason = cache.explain(stepId, inputs);
  // A WORKDIR that exists already makes nothing: no miss worth reporting.
  const quiet = ins.kind === 'WORKDIR';
  if (!quiet) session.logger.info(`--> Cache miss: ${reason}`);
  const made = await make();
  session.logger.debug(
    `${where}: inputs hashed in ${(keyed - stepStarted).toFixed(0)} ms, layer made in ${(performance.now() - keyed).toFixed(0)} ms`,
  );
  if (quiet && made.layer) session.logger.info(`--> Cache miss: ${reason}`);
  if (made.layer) {
    const stack = [...state.layers, made.layer];
    const chain = chainIds(stack.map((l) => l.diffId)).at(-1)!;
    await lease.claim([layerClaim(layerDirName(chain))]);
    if (made.upperDir) {
      await placeLayerDir(made.upperDir, store.layersDir, chain);
    }
  } else if (made.upperDir) {
    await removeTree(made.upperDir);
  }
  await cache.record(
    key,
    stepId,
    inputs,
    made.layer ? [...state.layers, made.layer] : state.layers,
    made.layer === undefined,
    stage.platform,
  );
  return {
    layer: made.layer,
    cached: false,
    ...(quiet && !made.layer ? {} : { reason }),
    ...(summary ? { summary } : {}),
  };
}

/** The USER in effect at an instruction of a stage: its own last USER before it, else its base's. */
function userAt(stage: Stage, ordinal: number, baseUser: string): string {
  let user = baseUser;
  for (const ins of stage.instructions.slice(0, ordinal)) if (ins.kind === 'USER') user = ins.user;
  return user;
}

/** WORKDIR's layer: the missing directories of the path, owned by the stage's USER. */
function workdirItems(
  view: LayerView,
  path: string,
  owner: { uid: number; gid: number },
  session: Session,
): () => AsyncIterable<TarItem> {
  return async function* () {
    const { path: resolved } = await view.resolve(path, true);
    const parts = resolved === '' ? [] : resolved.split('/');
    for (let i = 0; i < parts.length; i++) {
      const sub = parts.slice(0, i + 1).join('/');
      const existing = await view.lstat(sub);
      if (existing?.stats.isDirectory()) {
        // A parent that exists goes in unchanged, so the new directory has a place to be.
        if (i === parts.length - 1) continue;
        yield {
          header: {
            name: sub,
            type: 'directory',
            mode: existing.stats.mode & 0o7777,
            uid: existing.stats.uid,
            gid: existing.stats.gid,
            size: 0,
            mtime: Math.min(
              Math.floor(existing.stats.mtimeMs / 1000),
              session.epoch ?? Number.MAX_SAFE_INTEGER,
            ),
          },
        };
        continue;
      }
      if (existing) {
        throw new LighterError(
          'ERR_BUILD',
          `WORKDIR ${path}: /${sub} exists and is not a directory`,
        );
      }
      yield {
        header: {
          name: sub,
          type: 'directory',
          mode: 0o755,
          uid: owner.uid,
          gid: owner.gid,
          size: 0,
          mtime: session.now,
        },
      };
    }
  };
}

/** What a RUN mount contributes to the cache key: never a secret's value, only its id. */
async function mountIdentity(
  session: Session,
  mount: PlannedMount,
  results: Map<number, StageImage>,
  platform: Platform,
): Promise<unknown> {
  const base = { type: mount.type, target: mount.targetPath ?? '', ro: mount.readOnly };
  switch (mount.type) {
    case 'cache':
      return {
        ...base,
        id: mount.id,
        sharing: mount.sharing,
        mode: mount.mode,
        uid: mount.uid,
        gid: mount.gid,
      };
    case 'secret':
      return {
        ...base,
        id: mount.id,
        env: mount.env ?? '',
        given: session.secrets.has(mount.id ?? ''),
      };
    case 'tmpfs':
      return { ...base, size: mount.size ?? 0 };
    case 'bind': {
      const ref = mount.fromSource ?? { kind: 'context' };
      if (ref.kind === 'context') {
        const source = mount.source ?? '.';
        const content = await hashSources(session.contextDir, [source], {
          ignore: session.ignore.matcher,
          instruction: 'RUN --mount=type=bind',
        });
        return { ...base, source, content };
      }
      const image = await sourceImage(session, ref, results, platform);
      return { ...base, source: mount.source ?? '', from: fsIdentity(image?.layers ?? []) };
    }
    default:
      return base;
  }
}

/** A RUN for another architecture needs an emulator registered with binfmt_misc. */
function checkPlatform(platform: Platform, where: string): void {
  const host = hostPlatform();
  if (platform.os !== 'linux') {
    throw new LighterError(
      'ERR_UNSUPPORTED',
      `${where}: RUN for ${formatPlatform(platform)} cannot run on Linux`,
    );
  }
  if (platform.architecture === host.architecture) return;
  const qemu = {
    arm64: 'aarch64',
    amd64: 'x86_64',
    arm: 'arm',
    ppc64le: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    '386': 'i386',
  }[platform.architecture];
  const registered = qemu !== undefined && existsSync(`/proc/sys/fs/binfmt_misc/qemu-${qemu}`);
  if (!registered) {
    throw new LighterError(
      'ERR_UNSUPPORTED',
      `${where}: RUN for ${formatPlatform(platform)} on a ${host.architecture} host needs QEMU registered with binfmt_misc (qemu-user-static)`,
    );
  }
}

/** The final config of a stage: its base's, changed by the plan, with the build's labels. */
async function commitStage(
  session: Session,
  stage: Stage,
  image: StageImage,
  isTarget: boolean,
): Promise<{ descriptor: Descriptor; configDigest: Digest; cached: boolean }> {
  const format = session.options.format ?? 'oci';
  const containerConfig = structuredClone(stage.config);
  if (isTarget && session.options.labels && session.options.labels.size > 0) {
    containerConfig.Labels = { ...containerConfig.Labels };
    for (const [k, v] of session.options.labels) containerConfig.Labels[k] = v;
  }
  if (containerConfig.OnBuild && containerConfig.OnBuild.length === 0)
    delete containerConfig.OnBuild;
  const created = new Date(session.now * 1000).toISOString();
  const base = image.config;
  const config: ImageConfig = {
    created,
    ...((stage.author ?? base.author) ? { author: stage.author ?? base.author } : {}),
    architecture: stage.platform.architecture,
    os: stage.platform.os,
    ...(stage.platform.variant ? { variant: stage.platform.variant } : {}),
    config: containerConfig,
    rootfs: { type: 'layers', diff_ids: image.layers.map((l) => l.diffId) },
    history: image.history,
  };
  const annotations = isTarget ? levelAnnotations(session.options.annotations).manifest : undefined;
  // Everything but the clock: the same key means the same image, made at an earlier time.
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        { ...config, created: undefined, history: undefined },
        config.history?.map((h) => ({ ...h, created: undefined })),
        image.layers.map((l) => [l.digest, l.mediaType]),
        format,
        annotations ?? {},
        session.epoch ?? null,
      ]),
    )
    .digest('hex');
  const hit = await session.cache.lookupImage(key, session.lease);
  if (hit) return { ...hit, cached: true };
  const written = await writeImage(
    session.store,
    session.lease,
    config,
    image.layers,
    format,
    annotations,
  );
  await session.cache.recordImage(
    key,
    `${session.buildId}#image:${stage.index}`,
    written.descriptor,
  );
  return { descriptor: written.descriptor, configDigest: written.configDigest, cached: false };
}

/** How views read layers: as root through a helper when the layers are handled so (sudo). */
async function viewFs(): Promise<ViewFs> {
  return (await layersAsRoot()) ? rootReader() : localFs;
}
