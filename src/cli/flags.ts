// Flag definitions: the shared sets (registry, TLS, platform) that commands assemble theirs from.

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once; values collect into a list. */
  multiple?: boolean;
  /** Placeholder for the value in help (`USER:PASS`). */
  value?: string;
  description: string;
}

export type Flags = Readonly<Record<string, FlagSpec>>;

/** Accepted by every command, and before the command name. */
export const GLOBAL_FLAGS = {
  debug: { type: 'boolean', description: 'Print debug messages' },
  store: {
    type: 'string',
    value: 'DIR',
    description: 'Image store directory (default $LIGHTER_STORE, else a per-user data directory)',
  },
  help: { type: 'boolean', short: 'h', description: 'Show help for the command' },
} as const satisfies Flags;

const retry = {
  'retry-times': {
    type: 'string',
    value: 'N',
    description: 'Retry failed registry requests N times (default 3)',
  },
} as const satisfies Flags;

/** For commands that talk to one registry. */
export const REGISTRY_FLAGS = {
  creds: { type: 'string', value: 'USER:PASS', description: 'Registry credentials' },
  authfile: {
    type: 'string',
    value: 'FILE',
    description: 'Credentials file (default $REGISTRY_AUTH_FILE, then auth.json and Docker config)',
  },
  'tls-verify': {
    type: 'boolean',
    description:
      'Require HTTPS and verify certificates (default true; --tls-verify=false to disable)',
  },
  ...retry,
} as const satisfies Flags;

/** For commands that read from one registry and write to another. */
export const SOURCE_DEST_FLAGS = {
  'src-creds': { type: 'string', value: 'USER:PASS', description: 'Source registry credentials' },
  'dest-creds': {
    type: 'string',
    value: 'USER:PASS',
    description: 'Destination registry credentials',
  },
  authfile: { type: 'string', value: 'FILE', description: 'Credentials file for both sides' },
  'src-authfile': { type: 'string', value: 'FILE', description: 'Credentials file for the source' },
  'dest-authfile': {
    type: 'string',
    value: 'FILE',
    description: 'Credentials file for the destination',
  },
  'src-tls-verify': {
    type: 'boolean',
    description: 'Verify the source registry over HTTPS (default true)',
  },
  'dest-tls-verify': {
    type: 'boolean',
    description: 'Verify the destination registry over HTTPS (default true)',
  },
  ...retry,
} as const satisfies Flags;

/** Choosing one image of a multi-platform index. */
export const PLATFORM_FLAGS = {
  platform: { type: 'string', value: 'OS/ARCH[/VARIANT]', description: 'Platform to choose' },
  'override-os': { type: 'string', value: 'OS', description: 'Operating system to choose' },
  'override-arch': { type: 'string', value: 'ARCH', description: 'Architecture to choose' },
  'override-variant': { type: 'string', value: 'VARIANT', description: 'Variant to choose' },
} as const satisfies Flags;

/** Writing manifests: format and compression. */
export const WRITE_FLAGS = {
  format: {
    type: 'string',
    short: 'f',
    value: 'oci|v2s2',
    description: 'Manifest format to write (default: keep the source format)',
  },
  'dest-compress-format': {
    type: 'string',
    value: 'gzip|zstd',
    description: 'Recompress layers with this algorithm',
  },
  'preserve-digests': {
    type: 'boolean',
    description: 'Fail rather than write an image whose digest would change',
  },
  digestfile: {
    type: 'string',
    value: 'FILE',
    description: 'Write the digest of the written manifest to FILE',
  },
} as const satisfies Flags;
