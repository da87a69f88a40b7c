// Option groups several commands share (credentials, TLS, platform, output format), parsed once.
import type { Args } from './args.js';
import type { CommandContext } from './context.js';

export interface Credentials {
  username: string;
  password: string;
}

/** `--creds USER:PASS`; both parts registered as secrets, and no error repeats either. */
export function credentials(
  args: Args,
  flag: string,
  ctx: CommandContext,
): Credentials | undefined {
  const value = args.string(flag);
  if (value === undefined) return undefined;
  ctx.logger.secret(value);
  const colon = value.indexOf(':');
  const username = colon < 0 ? '' : value.slice(0, colon);
  const password = colon < 0 ? '' : value.slice(colon + 1);
  ctx.logger.secret(password);
  if (username === '' || password === '') {
    throw args.usage(`flag --${flag}: expected USER:PASS with both parts non-empty`);
  }
  return { username, password };
}

/** How to reach one registry. */
export interface RegistryOptions {
  credentials: Credentials | undefined;
  authfile: string | undefined;
  tlsVerify: boolean;
}

export const DEFAULT_RETRY_TIMES = 3;

export function retryTimes(args: Args): number {
  return args.integer('retry-times', DEFAULT_RETRY_TIMES, { min: 0, max: 100 });
}

/** `--creds`, `--authfile`, `--tls-verify` (with a prefix: `src-`, `dest-`). */
export function registryOptions(args: Args, ctx: CommandContext, prefix = ''): RegistryOptions {
  return {
    credentials: credentials(args, `${prefix}creds`, ctx),
    authfile: args.string(`${prefix}authfile`) ?? args.string('authfile'),
    tlsVerify: args.boolean(`${prefix}tls-verify`, true),
  };
}

/** A platform choice; fields left out are the host's, filled in by the engine. */
export interface PlatformChoice {
  os?: string;
  architecture?: string;
  variant?: string;
}

const PART = /^[a-z0-9_.-]+$/i;

/** `--platform OS/ARCH[/VARIANT]`, or the `--override-*` flags skopeo has; not both. */
export function platformOption(args: Args): PlatformChoice | undefined {
  const platform = args.string('platform');
  const overrides = ['override-os', 'override-arch', 'override-variant'].filter((f) => args.has(f));
  if (platform !== undefined && overrides.length > 0) {
    throw args.usage(`flag --platform cannot be combined with --${overrides[0]}`);
  }
  if (platform !== undefined) {
    const parts = platform.split('/');
    const [os, architecture, variant] = parts;
    if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PART.test(p))) {
      throw args.usage(`flag --platform: expected OS/ARCH[/VARIANT], got "${platform}"`);
    }
    return variant === undefined ? { os, architecture } : { os, architecture, variant };
  }
  if (overrides.length === 0) return undefined;
  const choice: PlatformChoice = {};
  const os = args.string('override-os');
  const architecture = args.string('override-arch');
  const variant = args.string('override-variant');
  if (os !== undefined) choice.os = os;
  if (architecture !== undefined) choice.architecture = architecture;
  if (variant !== undefined) choice.variant = variant;
  return choice;
}

export const MANIFEST_FORMATS = ['oci', 'v2s2'] as const;
export const COMPRESS_FORMATS = ['gzip', 'zstd'] as const;

export interface WriteOptions {
  format: (typeof MANIFEST_FORMATS)[number] | undefined;
  compressFormat: (typeof COMPRESS_FORMATS)[number] | undefined;
  preserveDigests: boolean;
  digestfile: string | undefined;
}

export function writeOptions(args: Args): WriteOptions {
  const options: WriteOptions = {
    format: args.choice('format', MANIFEST_FORMATS),
    compressFormat: args.choice('dest-compress-format', COMPRESS_FORMATS),
    preserveDigests: args.boolean('preserve-digests'),
    digestfile: args.string('digestfile'),
  };
  if (options.preserveDigests && (options.format || options.compressFormat)) {
    const flag = options.format ? '--format' : '--dest-compress-format';
    throw args.usage(
      `flag --preserve-digests cannot be combined with ${flag}, which changes digests`,
    );
  }
  return options;
}
