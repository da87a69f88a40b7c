// The build plan: stages, their bases and dependencies, and every instruction expanded where Docker expands it.

import { posix } from 'node:path';
import { isLighterError, LighterError } from '../../errors.js';
import type { ContainerConfig, HealthConfig, Platform } from '../../manifest.js';
import { formatPlatform, hostPlatform, normalizePlatform, parsePlatform } from '../../platform.js';
import { formatReference, parseReference, type Reference } from '../../reference.js';
import {
  atPosition,
  type DockerfilePosition,
  DockerfileSyntaxError,
  dockerfileError,
} from './error.js';
import { type Env, type Expansion, expandWord } from './expand.js';
import { parseExposedPort } from './expose.js';
import { chompHeredoc, parseHeredocWord } from './heredoc.js';
import { type Mount, parseMount } from './mount.js';
import { parseDockerfile } from './parse.js';
import { isValidSignal } from './signal.js';
import { closest, didYouMean } from './suggest.js';
import type {
  CheckDirective,
  Heredoc,
  Instruction,
  KeyValue,
  ParsedDockerfile,
  SourceRange,
  Warning,
} from './types.js';

/** The PATH an image gets when its base sets none (BuildKit and Buildah both add it). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** Build args Docker predefines: usable without an ARG, and never reported as unused. */
export const PROXY_ARGS: readonly string[] = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
];

/** Platform args: in the global scope automatically, inside a stage once declared with ARG. */
export const PLATFORM_ARGS: readonly string[] = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
];

export interface PlanOptions {
  /** The Dockerfile's text. */
  dockerfile: string;
  /** Its name in messages and annotations (default `Dockerfile`). */
  file?: string;
  /** `--build-arg` values. */
  buildArgs?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** The stage to build (default: the last one). */
  target?: string;
  /** The platform to build for (default: linux on the host's architecture). */
  platform?: Platform | string;
  /** The platform the build runs on (default: linux on the host's architecture). */
  buildPlatform?: Platform | string;
  /**
   * The config of a base image, so ENV, WORKDIR, SHELL and ONBUILD of the base take part in
   * expansion as in Docker. Without it (or when it answers undefined) the base's config counts as
   * empty and the stage says `baseConfigKnown: false`. It is also asked about images named by
   * COPY --from and RUN --mount from=; throwing ERR_NOT_FOUND there gives Docker's "no stage or
   * image named …" at that line.
   */
  resolveImage?: (
    name: string,
    platform: Platform,
  ) => Promise<ContainerConfig | undefined> | ContainerConfig | undefined;
}

export type StageBase =
  | { kind: 'scratch' }
  | { kind: 'image'; name: string; reference: Reference }
  | { kind: 'stage'; index: number };

/** Where COPY --from and RUN --mount from= read: the context, a stage, or an image. */
export type SourceRef =
  | { kind: 'context' }
  | { kind: 'stage'; index: number }
  | { kind: 'image'; name: string; reference: Reference };

interface Planned<K extends string> {
  kind: K;
  location: SourceRange;
  /** The instruction as written. */
  original: string;
  /** True when it is a trigger from the base's ONBUILD (its location is then the FROM line). */
  trigger: boolean;
}

export interface PlannedArg extends Planned<'ARG'> {
  /** Values in effect: build arg, default, or the global ARG's value (undefined when none). */
  args: { key: string; value: string | undefined }[];
}

export interface PlannedEnv extends Planned<'ENV'> {
  pairs: KeyValue[];
}

export interface PlannedLabel extends Planned<'LABEL'> {
  pairs: KeyValue[];
}

export interface PlannedMount extends Mount {
  /** The resolved `from` (bind mounts default to the context). */
  fromSource: SourceRef | undefined;
  /** The mount point, absolute (relative targets are taken from WORKDIR). */
  targetPath: string | undefined;
}

export interface PlannedRun extends Planned<'RUN'> {
  /** As written (not expanded: the shell does that). */
  command: string[];
  prependShell: boolean;
  heredocs: Heredoc[];
  /** What to execute, the shell put in front for shell form. */
  argv: string[];
  /** A `#!` heredoc run as a script: this file is mounted read-only and `argv` runs it. */
  script: { path: string; content: string; mode: number } | undefined;
  mounts: PlannedMount[];
  network: 'default' | 'none' | 'host';
  security: 'sandbox' | 'insecure';
  /** The process environment: the stage's ENV plus its ARGs, `KEY=value`. */
  env: string[];
  /** ARGs in scope with their values, which Docker makes part of the RUN's cache key. */
  buildArgs: KeyValue[];
  workdir: string;
  user: string;
}

export interface PlannedCommand<K extends 'CMD' | 'ENTRYPOINT'> extends Planned<K> {
  command: string[];
  prependShell: boolean;
  /** The config value: shell form wrapped with the current SHELL; null for `ENTRYPOINT []`. */
  argv: string[] | null;
}

export interface PlannedShell extends Planned<'SHELL'> {
  shell: string[];
}

export interface PlannedInlineSource {
  name: string;
  /** The body after `<<-` tab stripping and (unless the delimiter was quoted) expansion. */
  content: string;
}

interface PlannedCopyLike<K extends 'COPY' | 'ADD'> extends Planned<K> {
  /** Sources after expansion (paths in the context or stage, or URLs for ADD). */
  sources: string[];
  inlineSources: PlannedInlineSource[];
  /** The destination after expansion, as written. */
  dest: string;
  /** Absolute destination (relative ones are taken from WORKDIR); ends in `/` when it names a directory. */
  destPath: string;
  from: SourceRef;
  chown: string | undefined;
  chmod: string | undefined;
  link: boolean;
  exclude: string[];
}

export interface PlannedCopy extends PlannedCopyLike<'COPY'> {
  parents: boolean;
}

export interface PlannedAdd extends PlannedCopyLike<'ADD'> {
  checksum: string | undefined;
  keepGitDir: boolean;
  unpack: boolean | undefined;
}

export interface PlannedWorkdir extends Planned<'WORKDIR'> {
  /** As written, after expansion. */
  path: string;
  /** Absolute, relative to the previous WORKDIR. */
  resolved: string;
}

export interface PlannedUser extends Planned<'USER'> {
  user: string;
}

export interface PlannedVolume extends Planned<'VOLUME'> {
  volumes: string[];
}

export interface PlannedExpose extends Planned<'EXPOSE'> {
  /** `80/tcp`, ranges expanded. */
  ports: string[];
}

export interface PlannedStopSignal extends Planned<'STOPSIGNAL'> {
  signal: string;
}

export interface PlannedMaintainer extends Planned<'MAINTAINER'> {
  maintainer: string;
}

export interface PlannedHealthcheck extends Planned<'HEALTHCHECK'> {
  healthcheck: HealthConfig;
}

export interface PlannedOnbuild extends Planned<'ONBUILD'> {
  expression: string;
}

export type PlannedInstruction =
  | PlannedArg
  | PlannedEnv
  | PlannedLabel
  | PlannedRun
  | PlannedCommand<'CMD'>
  | PlannedCommand<'ENTRYPOINT'>
  | PlannedShell
  | PlannedCopy
  | PlannedAdd
  | PlannedWorkdir
  | PlannedUser
  | PlannedVolume
  | PlannedExpose
  | PlannedStopSignal
  | PlannedMaintainer
  | PlannedHealthcheck
  | PlannedOnbuild;

export interface Stage {
  index: number;
  /** The `AS` name, lower-cased. */
  name: string | undefined;
  /** The FROM image after expansion (`alpine:3.20`, `scratch`, a stage name). */
  baseName: string;
  base: StageBase;
  platform: Platform;
  location: SourceRange;
  /** Part of the build: the target or something it depends on. */
  needed: boolean;
  /** Stages this one reads (its base, COPY --from, RUN --mount from=), ascending. */
  dependsOn: number[];
  /** Expanded instructions, base ONBUILD triggers first; empty for stages not needed. */
  instructions: PlannedInstruction[];
  /** The image config after the stage (starting from the base's), as far as known at plan time. */
  config: ContainerConfig;
  /** MAINTAINER, which goes in the image's author field. */
  author: string | undefined;
  /** False when the base is an image whose config `resolveImage` did not provide. */
  baseConfigKnown: boolean;
}

export interface BuildPlan {
  file: string;
  syntax: string | undefined;
  check: CheckDirective;
  escapeToken: '\\' | '`';
  stages: Stage[];
  targetStage: number;
  /** Stages to build, ascending; the target is last. */
  neededStages: number[];
  /** ARGs before the first FROM with their values (undefined when none). */
  globalArgs: { key: string; value: string | undefined }[];
  buildPlatform: Platform;
  targetPlatform: Platform;
  /** Proxy build args, passed to every RUN without being declared (never in the image). */
  proxy: Record<string, string>;
  warnings: Warning[];
  /** `--build-arg`s no ARG in the built stages consumed. */
  unusedBuildArgs: string[];
}

interface StageState {
  vars: Map<string, string>;
  config: ContainerConfig;
  author: string | undefined;
  /** ARGs declared in this stage (value undefined when it has none). */
  args: { key: string; value: string | undefined }[];
  cmdSet: boolean;
  triggers: string[];
}

interface StageDraft {
  index: number;
  name: string | undefined;
  from: Extract<Instruction, { kind: 'FROM' }>;
  body: Instruction[];
  baseName: string;
  base: StageBase;
  platform: Platform;
  dependsOn: Map<number, SourceRange>;
  /** Resolved `--from` and mount sources, by instruction. */
  sources: Map<Instruction, SourceRef>;
  mountSources: Map<Instruction, (SourceRef | undefined)[]>;
}

/**
 * Plans a Dockerfile build: parses, evaluates global ARGs and FROM lines, links stages, picks the
 * stages the target needs and expands their instructions. Throws ERR_DOCKERFILE pointing at the
 * line for anything Docker would refuse before running a step.
 */
export async function planBuild(options: PlanOptions): Promise<BuildPlan> {
  const file = options.file ?? 'Dockerfile';
  const parsed = parseDockerfile(options.dockerfile, { file });
  const planner = new Planner(parsed, options);
  return planner.plan();
}

class Planner {
  readonly parsed: ParsedDockerfile;
  readonly options: PlanOptions;
  readonly file: string;
  readonly escapeToken: '\\' | '`';
  readonly warnings: Warning[];
  readonly buildArgs: Map<string, string>;
  readonly targetPlatform: Platform;
  readonly buildPlatform: Platform;
  /** Names any ARG (global or in a built stage) declared: those build args were consumed. */
  readonly consumed = new Set<string>();
  globalVars = new Map<string, string>();
  globalArgs: { key: string; value: string | undefined }[] = [];
  drafts: StageDraft[] = [];
  needed = new Set<number>();
  /** The `--from` text of image sources, for messages. */
  readonly written = new WeakMap<SourceRef, string>();

  constructor(parsed: ParsedDockerfile, options: PlanOptions) {
    this.parsed = parsed;
    this.options = options;
    this.file = parsed.file;
    this.escapeToken = parsed.escapeToken;
    this.warnings = [...parsed.warnings];
    this.buildArgs = new Map(
      options.buildArgs instanceof Map
        ? options.buildArgs
        : Object.entries(options.buildArgs ?? {}),
    );
    const host = hostPlatform();
    const linuxHost: Platform = normalizePlatform({
      os: 'linux',
      architecture: host.architecture,
      ...(host.variant ? { variant: host.variant } : {}),
    });
    this.targetPlatform = this.platformOption(options.platform, linuxHost, 'platform');
    this.buildPlatform = this.platformOption(options.buildPlatform, linuxHost, 'buildPlatform');
  }

  platformOption(value: Platform | string | undefined, fallback: Platform, name: string): Platform {
    if (value === undefined) return fallback;
    try {
      return typeof value === 'string' ? parsePlatform(value) : normalizePlatform(value);
    } catch (err) {
      throw new LighterError(
        'ERR_INVALID_ARGUMENT',
        `planBuild: option ${name}: ${(err as Error).message}`,
        { cause: err },
      );
    }
  }

  position(location: SourceRange): DockerfilePosition {
    return { file: this.file, line: location.startLine, endLine: location.endLine };
  }

  warn(rule: string, message: string, line?: number): void {
    this.warnings.push(line === undefined ? { rule, message } : { rule, message, line });
  }

  async plan(): Promise<BuildPlan> {
    this.collectStages();
    const target = this.targetIndex();
    for (const draft of this.drafts) this.resolveSources(draft);
    this.checkCycles();
    const needed = this.neededFrom(target);
    this.needed = needed;

    const configs = await this.resolveBaseConfigs(needed);
    const states = new Map<number, StageState>();
    const stages: Stage[] = [];
    for (const draft of this.drafts) {
      const stage: Stage = {
        index: draft.index,
        name: draft.name,
        baseName: draft.baseName,
        base: draft.base,
        platform: draft.platform,
        location: draft.from.location,
        needed: needed.has(draft.index),
        dependsOn: [...draft.dependsOn.keys()].sort((a, b) => a - b),
        instructions: [],
        config: {},
        author: undefined,
        baseConfigKnown: draft.base.kind !== 'image' || configs.has(draft.index),
      };
      if (stage.needed) {
        const state = this.initialState(draft, states, configs.get(draft.index));
        stage.instructions = this.expandStage(draft, state);
        stage.config = state.config;
        stage.author = state.author;
        states.set(draft.index, state);
      }
      stages.push(stage);
    }

    const unusedBuildArgs = [...this.buildArgs.keys()].filter(
      (key) => !this.consumed.has(key) && !PROXY_ARGS.includes(key) && !PLATFORM_ARGS.includes(key),
    );
    if (unusedBuildArgs.length > 0) {
      this.warn(
        'UnusedBuildArg',
        `One or more build-args [${unusedBuildArgs.join(' ')}] were not consumed`,
      );
    }
    const proxy: Record<string, string> = {};
    for (const key of PROXY_ARGS) {
      const value = this.buildArgs.get(key);
      if (value !== undefined) proxy[key] = value;
    }

    return {
      file: this.file,
      syntax: this.parsed.syntax,
      check: this.parsed.check,
      escapeToken: this.escapeToken,
      stages,
      targetStage: target,
      neededStages: [...needed].sort((a, b) => a - b),
      globalArgs: this.globalArgs,
      buildPlatform: this.buildPlatform,
      targetPlatform: this.targetPlatform,
      proxy,
      warnings: this.checkedWarnings(),
      unusedBuildArgs,
    };
  }

  /** Applies `# check=skip=…;error=true` to the build checks (unused build args are not a check). */
  checkedWarnings(): Warning[] {
    const { skip, error } = this.parsed.check;
    const kept = this.warnings.filter(
      (w) => w.rule === 'UnusedBuildArg' || (skip !== 'all' && !skip.includes(w.rule)),
    );
    const failing = kept.find((w) => w.rule !== 'UnusedBuildArg');
    if (error && failing) {
      throw dockerfileError(
        { file: this.file, line: failing.line ?? 1 },
        `${failing.message} (${failing.rule}; the check directive makes build checks errors)`,
        { details: { rule: failing.rule } },
      );
    }
    return kept;
  }

  // ---- stages -------------------------------------------------------------------------------

  /** Global ARGs, then one draft per FROM with its base resolved (FROM sees global ARGs only). */
  collectStages(): void {
    for (const [key, value] of this.platformArgs()) this.globalVars.set(key, value);
    let current: StageDraft | undefined;
    for (const instruction of this.parsed.instructions) {
      if (instruction.kind === 'FROM') {
        current = this.newStage(instruction);
        this.drafts.push(current);
        continue;
      }
      if (!current) {
        if (instruction.kind !== 'ARG') {
          throw dockerfileError(
            this.position(instruction.location),
            `${instruction.kind} before FROM: a Dockerfile must start with FROM (only ARG may come before it)`,
          );
        }
        this.globalArg(instruction);
        continue;
      }
      current.body.push(instruction);
    }
    if (this.drafts.length === 0) {
      const last = this.parsed.instructions[this.parsed.instructions.length - 1]!;
      throw dockerfileError(
        { file: this.file, line: last.location.endLine },
        'no FROM instruction: a Dockerfile needs at least one stage',
      );
    }
  }

  globalArg(instruction: Extract<Instruction, { kind: 'ARG' }>): void {
    const position = this.position(instruction.location);
    for (const arg of instruction.args) {
      this.consumed.add(arg.key);
      let value = this.buildArgs.get(arg.key);
      if (value === undefined && arg.value !== undefined) {
        value = atPosition(position, () => this.expand(arg.value!, this.globalVars).value);
      }
      this.globalArgs.push({ key: arg.key, value });
      // FROM lines see a global ARG without a value as set and empty, as in BuildKit.
      this.globalVars.set(arg.key, value ?? '');
    }
  }

  /** The value a stage's `ARG key` (without default) inherits: the last global ARG, else a platform arg. */
  globalValue(key: string): string | undefined {
    for (let i = this.globalArgs.length - 1; i >= 0; i--) {
      if (this.globalArgs[i]!.key === key) return this.globalArgs[i]!.value;
    }
    return this.platformArgs().get(key);
  }

  /** BUILDPLATFORM, TARGETARCH… with build-arg overrides, as BuildKit's default args. */
  platformArgs(): Map<string, string> {
    const b = this.buildPlatform;
    const t = this.targetPlatform;
    const args = new Map<string, string>([
      ['BUILDPLATFORM', formatPlatform(b)],
      ['BUILDOS', b.os],
      ['BUILDARCH', b.architecture],
      ['BUILDVARIANT', b.variant ?? ''],
      ['TARGETPLATFORM', formatPlatform(t)],
      ['TARGETOS', t.os],
      ['TARGETARCH', t.architecture],
      ['TARGETVARIANT', t.variant ?? ''],
      ['TARGETSTAGE', this.options.target ?? ''],
    ]);
    for (const key of args.keys()) {
      const override = this.buildArgs.get(key);
      if (override !== undefined) args.set(key, override);
    }
    return args;
  }

  newStage(from: Extract<Instruction, { kind: 'FROM' }>): StageDraft {
    const position = this.position(from.location);
    const index = this.drafts.length;
    const expansion = atPosition(position, () => this.expand(from.image, this.globalVars));
    this.reportUndeclaredInFrom(expansion, from.location.startLine);
    const baseName = expansion.value;
    if (baseName === '') {
      throw dockerfileError(position, `base name (${from.image}) should not be blank`);
    }
    if (from.stageName !== undefined) {
      const previous = this.drafts.find((d) => d.name === from.stageName);
      if (previous) {
        throw dockerfileError(
          position,
          `duplicate stage name "${from.stageName}" (first used on line ${previous.from.location.startLine})`,
        );
      }
      if (from.stageName === 'scratch' || from.stageName === 'context') {
        this.warn(
          'ReservedStageName',
          `Stage name should not use the same name as reserved stage "${from.stageName}"`,
          from.location.startLine,
        );
      }
    }

    let base: StageBase;
    let platform: Platform;
    const parent = this.drafts.find((d) => d.name === baseName.toLowerCase());
    if (baseName === 'scratch') {
      base = { kind: 'scratch' };
    } else if (parent) {
      base = { kind: 'stage', index: parent.index };
    } else {
      const reference = this.reference(baseName, position, 'FROM');
      base = { kind: 'image', name: formatReference(reference), reference };
    }
    if (from.platform !== undefined) {
      const text = atPosition(position, () => this.expand(from.platform!, this.globalVars)).value;
      try {
        platform = parsePlatform(text);
      } catch (err) {
        throw dockerfileError(position, `FROM --platform: ${(err as Error).message}`, {
          cause: err,
        });
      }
    } else {
      platform = parent ? parent.platform : this.targetPlatform;
    }

    const draft: StageDraft = {
      index,
      name: from.stageName,
      from,
      body: [],
      baseName,
      base,
      platform,
      dependsOn: new Map(),
      sources: new Map(),
      mountSources: new Map(),
    };
    if (parent) draft.dependsOn.set(parent.index, from.location);
    return draft;
  }

  reportUndeclaredInFrom(expansion: Expansion, line: number): void {
    for (const name of expansion.unset) {
      const hint = didYouMean(
        name,
        this.globalArgs.map((a) => a.key),
      );
      this.warn('UndeclaredArgInFrom', `FROM argument '${name}' is not declared${hint}`, line);
    }
  }

  reference(name: string, position: DockerfilePosition, what: string): Reference {
    try {
      return parseReference(name);
    } catch (err) {
      throw dockerfileError(position, `${what}: ${(err as Error).message}`, { cause: err });
    }
  }

  targetIndex(): number {
    const target = this.options.target;
    if (target === undefined || target === '') return this.drafts.length - 1;
    const found = this.drafts.find((d) => d.name === target.toLowerCase());
    if (found) return found.index;
    const names = this.drafts.map((d) => d.name).filter((n): n is string => n !== undefined);
    throw new LighterError(
      'ERR_DOCKERFILE',
      `${this.file}: target stage "${target}" could not be found${didYouMean(target, names)}${
        names.length === 0 ? ' (no stage has a name)' : ` (stages: ${names.join(', ')})`
      }`,
      { details: { file: this.file, target } },
    );
  }

  /** Resolves COPY --from and RUN --mount from= of a stage (and of the triggers it inherits). */
  resolveSources(draft: StageDraft): void {
    for (const instruction of draft.body)
      this.resolveSourcesOf(instruction, draft, instruction.location);
    // A parent stage's ONBUILD triggers run in this stage: what they read, this stage needs.
    if (draft.base.kind === 'stage') {
      for (const instruction of this.drafts[draft.base.index]!.body) {
        if (instruction.kind === 'ONBUILD') {
          this.resolveSourcesOf(instruction.trigger, draft, draft.from.location);
        }
      }
    }
  }

  resolveSourcesOf(instruction: Instruction, draft: StageDraft, location: SourceRange): void {
    const position = this.position(location);
    if (instruction.kind === 'COPY' && instruction.from !== undefined) {
      draft.sources.set(instruction, this.sourceRef(instruction.from, draft, position, location));
    }
    if (instruction.kind === 'RUN') {
      const refs = instruction.mounts.map((raw) => {
        const mount = atPosition(position, () => parseMount(raw));
        if (mount.from === undefined) return undefined;
        return this.sourceRef(mount.from, draft, position, location);
      });
      draft.mountSources.set(instruction, refs);
    }
  }

  sourceRef(
    from: string,
    draft: StageDraft,
    position: DockerfilePosition,
    location: SourceRange,
  ): SourceRef {
    let index: number | undefined;
    if (/^\d+$/.test(from)) {
      index = Number(from);
      if (index >= this.drafts.length) {
        throw dockerfileError(
          position,
          `invalid stage index ${from}: the Dockerfile has ${this.drafts.length} stage${this.drafts.length === 1 ? '' : 's'} (0-${this.drafts.length - 1})`,
        );
      }
    } else {
      index = this.drafts.find((d) => d.name === from.toLowerCase())?.index;
    }
    if (index !== undefined) {
      if (!draft.dependsOn.has(index)) draft.dependsOn.set(index, location);
      return { kind: 'stage', index };
    }
    let reference: Reference;
    try {
      reference = parseReference(from);
    } catch (err) {
      const names = this.drafts.map((d) => d.name).filter((n): n is string => n !== undefined);
      throw dockerfileError(
        position,
        `no stage or image named ${JSON.stringify(from)}${didYouMean(from, names, 'stage ')} (${(err as Error).message})`,
        { cause: err },
      );
    }
    const names = this.drafts.map((d) => d.name).filter((n): n is string => n !== undefined);
    const near = closest(from, names);
    if (near !== undefined) {
      this.warn(
        'FromIsImage',
        `--from=${from} names no stage, so the image ${formatReference(reference)} will be pulled (did you mean stage ${near}?)`,
        location.startLine,
      );
    }
    const ref: SourceRef = { kind: 'image', name: formatReference(reference), reference };
    this.written.set(ref, from);
    return ref;
  }

  checkCycles(): void {
    const visiting = new Set<number>();
    const done = new Set<number>();
    const visit = (index: number): void => {
      if (done.has(index)) return;
      visiting.add(index);
      const draft = this.drafts[index]!;
      for (const [dep, location] of draft.dependsOn) {
        if (visiting.has(dep)) {
          throw dockerfileError(
            this.position(location),
            `circular dependency detected on stage: ${draft.name ?? draft.index}`,
          );
        }
        visit(dep);
      }
      visiting.delete(index);
      done.add(index);
    };
    for (const draft of this.drafts) visit(draft.index);
  }

  neededFrom(target: number): Set<number> {
    const needed = new Set<number>();
    const walk = (index: number) => {
      if (needed.has(index)) return;
      needed.add(index);
      for (const dep of this.drafts[index]!.dependsOn.keys()) walk(dep);
    };
    walk(target);
    return needed;
  }

  /**
   * Asks `resolveImage` for the config of every needed base image, and checks that images named
   * by COPY --from and RUN --mount from= exist: one it reports missing (ERR_NOT_FOUND) is "no
   * stage or image named …" at that line.
   */
  async resolveBaseConfigs(needed: Set<number>): Promise<Map<number, ContainerConfig>> {
    const configs = new Map<number, ContainerConfig>();
    const resolve = this.options.resolveImage;
    if (!resolve) return configs;
    const lookups: Promise<void>[] = [];
    for (const draft of this.drafts) {
      if (!needed.has(draft.index)) continue;
      if (draft.base.kind === 'image') {
        const name = draft.base.name;
        const position = this.position(draft.from.location);
        lookups.push(
          (async () => {
            try {
              const config = await resolve(name, draft.platform);
              if (config) configs.set(draft.index, structuredClone(config));
            } catch (err) {
              throw dockerfileError(position, `FROM ${draft.baseName}: ${(err as Error).message}`, {
                cause: err,
              });
            }
          })(),
        );
      }
      const sources: [SourceRef | undefined, SourceRange][] = [];
      for (const instruction of draft.body) {
        sources.push([draft.sources.get(instruction), instruction.location]);
        for (const ref of draft.mountSources.get(instruction) ?? []) {
          sources.push([ref, instruction.location]);
        }
      }
      for (const [ref, location] of sources) {
        if (ref?.kind !== 'image') continue;
        const position = this.position(location);
        lookups.push(
          (async () => {
            try {
              await resolve(ref.name, draft.platform);
            } catch (err) {
              if (isLighterError(err, 'ERR_NOT_FOUND')) {
                const names = this.drafts
                  .map((d) => d.name)
                  .filter((n): n is string => n !== undefined);
                const raw = this.written.get(ref) ?? ref.name;
                throw dockerfileError(
                  position,
                  `no stage or image named ${JSON.stringify(raw)}${didYouMean(raw, names, 'stage ')}`,
                  { cause: err },
                );
              }
              throw dockerfileError(position, `${ref.name}: ${(err as Error).message}`, {
                cause: err,
              });
            }
          })(),
        );
      }
    }
    await Promise.all(lookups);
    return configs;
  }

  // ---- expansion ----------------------------------------------------------------------------

  expand(word: string, env: Env): Expansion {
    return expandWord(word, env, { escapeToken: this.escapeToken });
  }

  initialState(
    draft: StageDraft,
    states: Map<number, StageState>,
    imageConfig: ContainerConfig | undefined,
  ): StageState {
    let vars: Map<string, string>;
    let config: ContainerConfig;
    let author: string | undefined;
    if (draft.base.kind === 'stage') {
      const parent = states.get(draft.base.index)!;
      // BuildKit starts from the parent's whole state, its ARG values included.
      vars = new Map(parent.vars);
      config = structuredClone(parent.config);
      author = parent.author;
    } else {
      vars = new Map();
      config = draft.base.kind === 'image' ? (imageConfig ?? {}) : {};
    }
    const env = config.Env ?? [];
    if (!env.some((e) => e.split('=', 1)[0] === 'PATH')) env.push(`PATH=${DEFAULT_PATH}`);
    config.Env = env;
    for (const entry of env) {
      const eq = entry.indexOf('=');
      vars.set(eq === -1 ? entry : entry.slice(0, eq), eq === -1 ? '' : entry.slice(eq + 1));
    }
    // Triggers run once, in the stage built on the image that carries them.
    const triggers = config.OnBuild ?? [];
    delete config.OnBuild;
    return { vars, config, author, args: [], cmdSet: false, triggers };
  }

  expandStage(draft: StageDraft, state: StageState): PlannedInstruction[] {
    const planned: PlannedInstruction[] = [];
    for (const instruction of this.triggerInstructions(draft, state)) {
      planned.push(this.dispatch(instruction, draft, state, true));
    }
    for (const instruction of draft.body) {
      planned.push(this.dispatch(instruction, draft, state, false));
    }
    return planned;
  }

  /** The base's ONBUILD triggers, parsed as instructions located at the FROM line. */
  triggerInstructions(draft: StageDraft, state: StageState): Instruction[] {
    if (state.triggers.length === 0) return [];
    const position = this.position(draft.from.location);
    let parsed: ParsedDockerfile;
    try {
      parsed = parseDockerfile(state.triggers.join('\n'), { file: 'ONBUILD' });
    } catch (err) {
      throw dockerfileError(
        position,
        `ONBUILD trigger of ${draft.baseName}: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    const instructions = parsed.instructions.map((instruction) => {
      if (['FROM', 'ONBUILD', 'MAINTAINER'].includes(instruction.kind)) {
        throw dockerfileError(
          position,
          `${instruction.kind} isn't allowed as an ONBUILD trigger (in ${draft.baseName})`,
        );
      }
      const relocated = { ...instruction, location: draft.from.location } as Instruction;
      this.resolveSourcesOf(relocated, draft, draft.from.location);
      for (const ref of [
        draft.sources.get(relocated),
        ...(draft.mountSources.get(relocated) ?? []),
      ]) {
        if (ref?.kind === 'stage' && !this.needed.has(ref.index)) {
          throw dockerfileError(
            position,
            `an ONBUILD trigger of ${draft.baseName} reads stage ${this.drafts[ref.index]!.name ?? ref.index}, which this build does not otherwise need; build it first (or name it in --target)`,
          );
        }
      }
      return relocated;
    });
    this.checkCycles();
    return instructions;
  }

  dispatch(
    instruction: Instruction,
    draft: StageDraft,
    state: StageState,
    trigger: boolean,
  ): PlannedInstruction {
    const position = this.position(instruction.location);
    return atPosition(position, () =>
      this.dispatchAt(instruction, draft, state, trigger, position),
    );
  }

  /** Expands a word with the stage's variables, warning about undefined plain references. */
  word(value: string, state: StageState, line: number): string {
    const expansion = this.expand(value, state.vars);
    for (const name of expansion.undefinedReferences) {
      if (state.args.some((a) => a.key === name) || PROXY_ARGS.includes(name)) continue;
      const hint = didYouMean(name, state.vars.keys(), '$');
      this.warn('UndefinedVar', `Usage of undefined variable '$${name}'${hint}`, line);
    }
    return expansion.value;
  }

  dispatchAt(
    instruction: Instruction,
    draft: StageDraft,
    state: StageState,
    trigger: boolean,
    position: DockerfilePosition,
  ): PlannedInstruction {
    const common = { location: instruction.location, original: instruction.original, trigger };
    const line = instruction.location.startLine;
    const config = state.config;
    // Every word of an instruction sees the variables as they were before it.
    const before = new Map(state.vars);
    const w = (value: string) => this.word(value, { ...state, vars: before }, line);

    switch (instruction.kind) {
      case 'FROM':
        throw new DockerfileSyntaxError('FROM cannot appear inside a stage');
      case 'ENV': {
        if (instruction.legacy) {
          this.warn(
            'LegacyKeyValueFormat',
            '"ENV key=value" should be used instead of legacy "ENV key value" format',
            line,
          );
        }
        const pairs = instruction.pairs.map((p) => ({ key: w(p.key), value: w(p.value) }));
        for (const { key, value } of pairs) {
          state.vars.set(key, value);
          setEnv(config, key, value);
        }
        return { kind: 'ENV', ...common, pairs };
      }
      case 'LABEL': {
        if (instruction.legacy) {
          this.warn(
            'LegacyKeyValueFormat',
            '"LABEL key=value" should be used instead of legacy "LABEL key value" format',
            line,
          );
        }
        const pairs = instruction.pairs.map((p) => ({ key: w(p.key), value: w(p.value) }));
        config.Labels ??= {};
        for (const { key, value } of pairs) config.Labels[key] = value;
        return { kind: 'LABEL', ...common, pairs };
      }
      case 'ARG': {
        const args = instruction.args.map((arg) => {
          this.consumed.add(arg.key);
          let value = this.buildArgs.get(arg.key);
          if (value === undefined) {
            value =
              arg.value !== undefined
                ? this.expand(arg.value, state.vars).value
                : this.globalValue(arg.key);
          }
          if (value !== undefined) state.vars.set(arg.key, value);
          state.args = state.args.filter((a) => a.key !== arg.key);
          state.args.push({ key: arg.key, value });
          return { key: arg.key, value };
        });
        return { kind: 'ARG', ...common, args };
      }
      case 'RUN': {
        const refs = draft.mountSources.get(instruction) ?? [];
        const workdir = config.WorkingDir || '/';
        const mounts = instruction.mounts.map((raw, i): PlannedMount => {
          const mount = parseMount(raw, w);
          let fromSource = refs[i];
          if (mount.type === 'bind' && fromSource === undefined) fromSource = { kind: 'context' };
          let targetPath: string | undefined;
          if (mount.target !== undefined) {
            targetPath = posix.resolve(workdir, mount.target);
            if (targetPath === '/') {
              throw new DockerfileSyntaxError(
                `invalid mount target ${JSON.stringify(mount.target)}`,
              );
            }
          }
          if (mount.type === 'cache') mount.id ??= targetPath;
          return { ...mount, fromSource, targetPath };
        });
        const shell = config.Shell?.length ? config.Shell : [...DEFAULT_SHELL];
        const { argv, script } = runArgv(instruction, shell);
        const buildArgs = state.args
          .filter((a) => a.value !== undefined)
          .map((a) => ({ key: a.key, value: state.vars.get(a.key) ?? (a.value as string) }));
        return {
          kind: 'RUN',
          ...common,
          command: instruction.command,
          prependShell: instruction.prependShell,
          heredocs: instruction.heredocs,
          argv,
          script,
          mounts,
          network: (instruction.network ?? 'default') as PlannedRun['network'],
          security: (instruction.security ?? 'sandbox') as PlannedRun['security'],
          env: [...state.vars].map(([k, v]) => `${k}=${v}`),
          buildArgs,
          workdir,
          user: config.User ?? '',
        };
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        if (instruction.prependShell) {
          this.warn(
            'JSONArgsRecommended',
            `JSON arguments recommended for ${instruction.kind} to prevent unintended behavior related to OS signals`,
            line,
          );
        }
        const shell = config.Shell?.length ? config.Shell : [...DEFAULT_SHELL];
        let argv: string[] | null = instruction.prependShell
          ? [...shell, instruction.command.join(' ')]
          : [...instruction.command];
        if (instruction.kind === 'CMD') {
          config.Cmd = argv;
          state.cmdSet = true;
          return { kind: 'CMD', ...common, ...commandOf(instruction), argv };
        }
        if (!instruction.prependShell && argv.length === 0) argv = null;
        config.Entrypoint = argv;
        // A new ENTRYPOINT drops the CMD inherited from the base, not one set in this stage.
        if (!state.cmdSet) config.Cmd = null;
        return { kind: 'ENTRYPOINT', ...common, ...commandOf(instruction), argv };
      }
      case 'SHELL':
        config.Shell = [...instruction.shell];
        return { kind: 'SHELL', ...common, shell: [...instruction.shell] };
      case 'COPY':
      case 'ADD': {
        const sources = instruction.sources.map(w);
        const dest = w(instruction.dest);
        const chown = instruction.chown === undefined ? undefined : w(instruction.chown);
        const chmod = instruction.chmod === undefined ? undefined : w(instruction.chmod);
        if (chmod !== undefined && !isValidChmod(chmod)) {
          throw new DockerfileSyntaxError(`invalid chmod parameter: ${JSON.stringify(chmod)}`);
        }
        const inlineSources = instruction.inlineSources.map((s) => ({
          name: s.name,
          content: s.expand ? expandWord(s.content, before, { skipQuotes: true }).value : s.content,
        }));
        if (sources.length + inlineSources.length > 1 && !namesDirectory(dest)) {
          throw new DockerfileSyntaxError(
            `When using ${instruction.kind} with more than one source file, the destination must be a directory and end with a /`,
          );
        }
        const workdir = config.WorkingDir || '/';
        let destPath = posix.resolve(workdir, dest);
        if (namesDirectory(dest) && !destPath.endsWith('/')) destPath += '/';
        const common2 = {
          ...common,
          sources,
          inlineSources,
          dest,
          destPath,
          chown,
          chmod,
          link: instruction.link,
          exclude: [...instruction.exclude],
        };
        if (instruction.kind === 'COPY') {
          for (const src of sources) {
            if (isUrl(src)) throw new DockerfileSyntaxError("source can't be a URL for COPY");
          }
          const from = draft.sources.get(instruction) ?? { kind: 'context' };
          return { kind: 'COPY', ...common2, from, parents: instruction.parents };
        }
        const checksum = instruction.checksum === undefined ? undefined : w(instruction.checksum);
        if (checksum !== undefined) {
          const remote = sources.filter((s) => isUrl(s) || isGitSource(s));
          if (remote.length !== sources.length || sources.length === 0) {
            throw new DockerfileSyntaxError(
              'checksum can only be used with HTTP(S) and Git sources',
            );
          }
          if (sources.some(isUrl) && !/^sha256:[a-f0-9]{64}$/.test(checksum)) {
            throw new DockerfileSyntaxError(
              `invalid checksum ${JSON.stringify(checksum)}: expected sha256:<64 hex digits>`,
            );
          }
        }
        return {
          kind: 'ADD',
          ...common2,
          from: { kind: 'context' },
          checksum,
          keepGitDir: instruction.keepGitDir,
          unpack: instruction.unpack,
        };
      }
      case 'WORKDIR': {
        const path = w(instruction.path);
        const resolved = posix.resolve(config.WorkingDir || '/', path);
        config.WorkingDir = resolved;
        return { kind: 'WORKDIR', ...common, path, resolved };
      }
      case 'USER': {
        const user = w(instruction.user);
        config.User = user;
        return { kind: 'USER', ...common, user };
      }
      case 'VOLUME': {
        const volumes = instruction.volumes.map(w);
        if (volumes.includes('')) {
          throw new DockerfileSyntaxError('VOLUME specified can not be an empty string');
        }
        config.Volumes ??= {};
        for (const v of volumes) config.Volumes[v] = {};
        return { kind: 'VOLUME', ...common, volumes };
      }
      case 'EXPOSE': {
        const ports: string[] = [];
        for (const spec of instruction.ports) {
          const words = this.expand(spec, before).words;
          for (const word of words) {
            const parsed = parseExposedPort(word);
            for (const note of parsed.notes) this.warn(note.rule, note.message, line);
            ports.push(...parsed.ports);
          }
        }
        config.ExposedPorts ??= {};
        for (const p of ports) config.ExposedPorts[p] = {};
        return { kind: 'EXPOSE', ...common, ports };
      }
      case 'STOPSIGNAL': {
        const signal = w(instruction.signal);
        if (!isValidSignal(signal)) throw new DockerfileSyntaxError(`Invalid signal: ${signal}`);
        config.StopSignal = signal;
        return { kind: 'STOPSIGNAL', ...common, signal };
      }
      case 'MAINTAINER':
        this.warn(
          'MaintainerDeprecated',
          'Maintainer instruction is deprecated in favor of using label',
          line,
        );
        state.author = instruction.maintainer;
        return { kind: 'MAINTAINER', ...common, maintainer: instruction.maintainer };
      case 'HEALTHCHECK':
        config.Healthcheck = structuredClone(instruction.healthcheck);
        return {
          kind: 'HEALTHCHECK',
          ...common,
          healthcheck: structuredClone(instruction.healthcheck),
        };
      case 'ONBUILD':
        config.OnBuild = [...(config.OnBuild ?? []), instruction.expression];
        return { kind: 'ONBUILD', ...common, expression: instruction.expression };
    }
    throw new DockerfileSyntaxError(`unexpected instruction at line ${position.line}`);
  }
}

function commandOf(instruction: { command: string[]; prependShell: boolean }) {
  return { command: [...instruction.command], prependShell: instruction.prependShell };
}

function setEnv(config: ContainerConfig, key: string, value: string): void {
  const env = config.Env ?? [];
  const i = env.findIndex((e) => e === key || e.startsWith(`${key}=`));
  if (i === -1) env.push(`${key}=${value}`);
  else env[i] = `${key}=${value}`;
  config.Env = env;
}

/** A destination ending in `/` (or `.`) is a directory: sources go inside it. */
function namesDirectory(dest: string): boolean {
  return dest === '' || dest === '.' || dest.endsWith('/') || dest.endsWith('/.');
}

function isUrl(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

function isGitSource(src: string): boolean {
  return /^git@|^git:\/\/|^ssh:\/\/|\.git(#.*)?$/.test(src);
}

/** Octal (`755`, `0644`) or chmod(1) symbolic (`u=rwX,go=rX`, `+x`). */
function isValidChmod(mode: string): boolean {
  if (/^[0-7]{1,4}$/.test(mode)) return true;
  return /^([ugoa]*([-+=]([rwxXst]*|[ugo]))+)(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*$/.test(mode);
}

/**
 * What RUN executes, as BuildKit decides it: exec form as is; shell form after the shell; a
 * command that is only a heredoc runs its body (directly when it starts with `#!`); other
 * heredocs are appended to the command line for the shell to read.
 */
export function runArgv(
  run: { command: string[]; prependShell: boolean; heredocs: Heredoc[] },
  shell: readonly string[] = DEFAULT_SHELL,
): { argv: string[]; script: PlannedRun['script'] } {
  if (!run.prependShell) return { argv: [...run.command], script: undefined };
  const line = run.command.join(' ');
  if (run.heredocs.length > 0) {
    const first = run.heredocs[0]!;
    const only = parseHeredocWord(line);
    if (only) {
      const content = first.chomp ? chompHeredoc(first.content) : first.content;
      if (content.startsWith('#!')) {
        const path = `/dev/pipes/${first.name}`;
        return { argv: [path], script: { path, content, mode: 0o755 } };
      }
      return { argv: [...shell, content], script: undefined };
    }
    let full = line;
    for (const heredoc of run.heredocs) full += `\n${heredoc.content}${heredoc.name}`;
    return { argv: [...shell, full], script: undefined };
  }
  return { argv: [...shell, line], script: undefined };
}
