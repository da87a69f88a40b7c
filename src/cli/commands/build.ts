// `lighter build [flags] [CONTEXT]`: a Dockerfile or step-list build into the store, and beyond.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { buildImage } from '../../core/build/builder.js';
import type { BuildOptions, SecretValue } from '../../core/build/types.js';
import { LighterError } from '../../core/errors.js';
import { quietLogger } from '../../core/log.js';
import { defaultStoreDir } from '../../core/storage/location.js';
import { registryAccess } from '../access.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { type RegistryOptions, registryOptions, retryTimes } from '../options.js';

export const IMAGE_FORMATS = ['oci', 'docker'] as const;
export const NETWORKS = ['host', 'none'] as const;
const OUTPUT_TRANSPORTS = ['oci', 'oci-archive', 'docker-archive', 'dir'];

export interface BuildSecret {
  id: string;
  /** Read from this file ... */
  src?: string;
  /** ... or from this environment variable. */
  env?: string;
}

export interface BuildRequest {
  context: string;
  file: string | undefined;
  steps: string | undefined;
  tags: string[];
  buildArgs: Map<string, string>;
  target: string | undefined;
  platforms: string[];
  labels: Map<string, string>;
  annotations: Map<string, string>;
  secrets: BuildSecret[];
  noCache: boolean;
  layers: boolean;
  push: boolean;
  outputs: string[];
  format: (typeof IMAGE_FORMATS)[number];
  sourceDateEpoch: number | undefined;
  network: (typeof NETWORKS)[number];
  registry: RegistryOptions;
  retryTimes: number;
  quiet: boolean;
}

export function buildRequest(args: Args, ctx: CommandContext): BuildRequest {
  if (args.has('file') && args.has('steps')) {
    throw args.usage(
      'flag --steps cannot be combined with --file: a build is a Dockerfile or a step list',
    );
  }
  const request: BuildRequest = {
    context: args.positionals[0] ?? '.',
    file: args.string('file'),
    steps: args.string('steps'),
    tags: args.list('tag'),
    buildArgs: keyValues(args, 'build-arg', ctx.env),
    target: args.string('target'),
    platforms: args.list('platform', { splitCommas: true }),
    labels: keyValues(args, 'label'),
    annotations: keyValues(args, 'annotation'),
    secrets: args.list('secret').map((s) => parseSecret(args, s)),
    noCache: args.boolean('no-cache'),
    layers: args.boolean('layers', true),
    push: args.boolean('push'),
    outputs: args.list('output'),
    format: args.choice('format', IMAGE_FORMATS) ?? 'oci',
    sourceDateEpoch: args.has('source-date-epoch')
      ? args.integer('source-date-epoch', 0, { min: 0 })
      : undefined,
    network: args.choice('network', NETWORKS) ?? 'host',
    registry: registryOptions(args, ctx),
    retryTimes: retryTimes(args),
    quiet: args.boolean('quiet'),
  };
  if (request.push && request.tags.length === 0) {
    throw args.usage('flag --push needs at least one --tag to push to');
  }
  for (const output of request.outputs) {
    const transport = output.slice(0, Math.max(0, output.indexOf(':')));
    if (!OUTPUT_TRANSPORTS.includes(transport) || output.length <= transport.length + 1) {
      throw args.usage(
        `flag --output: expected ${OUTPUT_TRANSPORTS.map((t) => `${t}:…`).join(', ')}, got "${output}"`,
      );
    }
  }
  return request;
}

/** `K=V` flags; with `env`, a bare `K` takes the value from the environment, as docker does. */
function keyValues(
  args: Args,
  flag: string,
  env?: Readonly<Record<string, string | undefined>>,
): Map<string, string> {
  const result = new Map<string, string>();
  for (const item of args.list(flag)) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    if (key === '' || (eq < 0 && env === undefined)) {
      throw args.usage(`flag --${flag}: expected KEY=VALUE, got "${item}"`);
    }
    if (eq >= 0) result.set(key, item.slice(eq + 1));
    else if (env?.[key] !== undefined) result.set(key, env[key]);
  }
  return result;
}

/** `id=ID,src=PATH` or `id=ID,env=VAR` (docker's --secret); `id=ID` alone reads env var ID. */
function parseSecret(args: Args, value: string): BuildSecret {
  const secret: Partial<BuildSecret> = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, Math.max(0, eq));
    const v = part.slice(eq + 1);
    if (eq < 0 || v === '' || !['id', 'src', 'source', 'env', 'type'].includes(key)) {
      throw args.usage(`flag --secret: expected id=ID[,src=PATH|env=VAR], got "${value}"`);
    }
    if (key === 'id') secret.id = v;
    else if (key === 'src' || key === 'source') secret.src = v;
    else if (key === 'env') secret.env = v;
  }
  if (secret.id === undefined || (secret.src !== undefined && secret.env !== undefined)) {
    throw args.usage(`flag --secret: expected id=ID[,src=PATH|env=VAR], got "${value}"`);
  }
  if (secret.src === undefined && secret.env === undefined) secret.env = secret.id;
  return secret as BuildSecret;
}

export async function build(args: Args, ctx: CommandContext): Promise<number> {
  return execute(buildRequest(args, ctx), ctx, args.string('store'));
}

/** The build file: `-f` as given (`-` is stdin), else Dockerfile or Containerfile in the context. */
async function buildFile(
  request: BuildRequest,
  ctx: CommandContext,
): Promise<{ text: string; file: string; path: string | undefined }> {
  const given = request.steps ?? request.file;
  if (given === '-') return { text: await ctx.stdin(), file: 'Dockerfile', path: undefined };
  const candidates =
    given !== undefined
      ? [given]
      : [join(request.context, 'Dockerfile'), join(request.context, 'Containerfile')];
  for (const path of candidates) {
    try {
      return { text: await readFile(path, 'utf8'), file: displayPath(path), path: resolve(path) };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && given === undefined) continue;
      throw new LighterError('ERR_INPUT', `reading ${path}: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  throw new LighterError(
    'ERR_INPUT',
    `no Dockerfile or Containerfile in ${request.context}; name one with -f`,
  );
}

/** A path as messages show it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** `--secret` values: read now, registered as secrets so no log line shows them. */
async function secretValues(request: BuildRequest, ctx: CommandContext): Promise<SecretValue[]> {
  const values: SecretValue[] = [];
  for (const secret of request.secrets) {
    let value: Buffer;
    if (secret.src !== undefined) {
      try {
        value = await readFile(secret.src);
      } catch (err) {
        throw new LighterError(
          'ERR_INPUT',
          `secret ${secret.id}: reading ${secret.src}: ${(err as Error).message}`,
        );
      }
    } else {
      const text = ctx.env[secret.env ?? secret.id];
      if (text === undefined) {
        throw new LighterError(
          'ERR_INPUT',
          `secret ${secret.id}: environment variable ${secret.env ?? secret.id} is not set`,
        );
      }
      value = Buffer.from(text, 'utf8');
    }
    ctx.logger.secret(value.toString('utf8'));
    values.push({ id: secret.id, value });
  }
  return values;
}

async function execute(
  request: BuildRequest,
  ctx: CommandContext,
  store: string | undefined,
): Promise<number> {
  const source = await buildFile(request, ctx);
  const storeDir = store ?? ctx.env.LIGHTER_STORE ?? defaultStoreDir(ctx.env as NodeJS.ProcessEnv);
  const options: BuildOptions = {
    contextDir: request.context,
    ...(request.steps !== undefined ? { steps: source.text } : { dockerfile: source.text }),
    file: source.file,
    ...(source.path && request.steps === undefined ? { dockerfilePath: source.path } : {}),
    storeDir,
    tags: request.tags,
    buildArgs: request.buildArgs,
    ...(request.target !== undefined ? { target: request.target } : {}),
    platforms: request.platforms,
    labels: request.labels,
    annotations: request.annotations,
    secrets: await secretValues(request, ctx),
    noCache: request.noCache,
    layers: request.layers,
    format: request.format,
    ...(request.sourceDateEpoch !== undefined
      ? { sourceDateEpoch: request.sourceDateEpoch }
      : ctx.env.SOURCE_DATE_EPOCH !== undefined && /^\d+$/.test(ctx.env.SOURCE_DATE_EPOCH)
        ? { sourceDateEpoch: Number(ctx.env.SOURCE_DATE_EPOCH) }
        : {}),
    network: request.network,
    push: request.push,
    outputs: request.outputs,
    registry: registryAccess(request.registry, request.retryTimes),
    exportCacheMounts: ctx.env.GITHUB_ACTIONS === 'true',
    // -q, as docker and podman have it: the image ID on stdout and nothing but problems on stderr.
    logger: request.quiet ? quietLogger(ctx.logger) : ctx.logger,
  };
  const result = await buildImage(options);
  ctx.out(result.imageId.slice('sha256:'.length));
  return 0;
}
