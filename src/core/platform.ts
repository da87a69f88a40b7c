// OCI platforms (`linux/arm64`, `linux/arm/v7`): parsing, containerd-style normalization, matching and choosing an index entry.

import { endianness } from 'node:os';
import { LighterError } from './errors.js';
import type { Descriptor, ImageIndex, Platform } from './manifest.js';

// Go's GOOS and GOARCH values, as containerd knows them: a single-word specifier is looked up here.
const KNOWN_OS = new Set([
  'aix',
  'android',
  'darwin',
  'dragonfly',
  'freebsd',
  'hurd',
  'illumos',
  'ios',
  'js',
  'linux',
  'nacl',
  'netbsd',
  'openbsd',
  'plan9',
  'solaris',
  'wasip1',
  'windows',
  'zos',
]);
const KNOWN_ARCH = new Set([
  '386',
  'amd64',
  'amd64p32',
  'arm',
  'armbe',
  'arm64',
  'arm64be',
  'loong64',
  'mips',
  'mipsle',
  'mips64',
  'mips64le',
  'mips64p32',
  'mips64p32le',
  'ppc',
  'ppc64',
  'ppc64le',
  'riscv',
  'riscv64',
  's390',
  's390x',
  'sparc',
  'sparc64',
  'wasm',
]);

const WORD = /^[A-Za-z0-9_-]+$/;
const VARIANT = /^[A-Za-z0-9_.-]+$/;
const OS_VERSION = /^[A-Za-z0-9_.-]+$/;

/**
 * Parses `os[(os.version)]/arch[/variant]` (`linux/arm64/v8`, `linux/amd64`,
 * `windows(10.0.17763)/amd64`) into a normalized Platform. A single word is an OS (with the
 * host's architecture) or an architecture (on linux). Throws ERR_BAD_PLATFORM naming the part.
 */
export function parsePlatform(input: string): Platform {
  const text = input.trim();
  const fail = (problem: string) =>
    new LighterError('ERR_BAD_PLATFORM', `invalid platform ${JSON.stringify(input)}: ${problem}`);
  if (text === '') throw fail('it is empty');
  const parts = text.split('/');
  if (parts.length > 3) throw fail('expected os/arch[/variant]');

  const osMatch = /^([^()]*)(?:\(([^()]*)\))?$/.exec(parts[0] ?? '');
  if (!osMatch) throw fail(`os "${parts[0]}" is not os or os(version)`);
  const os = osMatch[1] ?? '';
  const osVersion = osMatch[2];
  if (os === '') throw fail('the os is empty');
  if (!WORD.test(os)) throw fail(`os "${os}" may only contain letters, digits, "_" and "-"`);
  if (osVersion !== undefined && !OS_VERSION.test(osVersion)) {
    throw fail(`os.version "${osVersion}" may only contain letters, digits, ".", "_" and "-"`);
  }
  const version = osVersion === undefined ? {} : { 'os.version': osVersion };

  if (parts.length === 1) {
    if (KNOWN_OS.has(normalizeOs(os))) {
      const host = hostPlatform();
      return normalizePlatform({ ...host, os, ...version });
    }
    const { architecture, variant } = normalizeArch(os, '');
    // Containers are linux in CI whatever the runner is, so a bare architecture means linux.
    if (KNOWN_ARCH.has(architecture) && osVersion === undefined) {
      return normalizePlatform({ os: 'linux', architecture, ...(variant ? { variant } : {}) });
    }
    throw fail(`"${os}" is neither a known operating system nor a known architecture`);
  }

  const architecture = parts[1] ?? '';
  if (architecture === '') throw fail('the architecture is empty');
  if (!WORD.test(architecture)) {
    throw fail(`architecture "${architecture}" may only contain letters, digits, "_" and "-"`);
  }
  const variant = parts[2];
  if (variant !== undefined) {
    if (variant === '') throw fail('the variant is empty');
    if (!VARIANT.test(variant)) {
      throw fail(`variant "${variant}" may only contain letters, digits, ".", "_" and "-"`);
    }
  }
  return normalizePlatform({ os, architecture, ...(variant ? { variant } : {}), ...version });
}

/**
 * The canonical form, by containerd's rules: lowercase; aarch64 → arm64 (v8 dropped, it is the
 * default), x86_64/x86-64 → amd64 (v1 dropped), i386/i686 → 386, armhf → arm/v7, armel →
 * arm/v6, arm without variant → arm/v7, macos → darwin. Other values pass through lowercased.
 */
export function normalizePlatform(p: Platform): Platform {
  const { architecture, variant } = normalizeArch(p.architecture, p.variant ?? '');
  const out: Platform = { os: normalizeOs(p.os), architecture };
  if (variant !== '') out.variant = variant;
  if (p['os.version'] !== undefined) out['os.version'] = p['os.version'];
  if (p['os.features'] !== undefined) out['os.features'] = [...p['os.features']];
  return out;
}

/** `linux/arm64`, `linux/arm/v7`, `windows(10.0.17763.5458)/amd64`; parsePlatform reads it back. */
export function formatPlatform(p: Platform): string {
  const version = p['os.version'] ? `(${p['os.version']})` : '';
  return `${p.os}${version}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

/**
 * True when `have` is the platform `want` asks for, after normalization: same os and
 * architecture, and the same variant unless `want` names none (then any variant will do, as in
 * `linux/amd64` for an `amd64/v2` entry). On windows, when both name an os.version, they must
 * share major.minor.build. This is containerd's Match, not its Only: older variants and other
 * architectures the host could also run (arm/v6 for arm/v7, 386 for amd64) do not match, so a
 * filter like "copy linux/amd64 and linux/arm/v7" copies exactly those.
 */
export function platformMatches(want: Platform, have: Platform): boolean {
  const rank = matchRank(normalizePlatform(want), normalizePlatform(have));
  return rank !== undefined && rank < FALLBACK_RANK;
}

/**
 * The index entry to use for `want`: an exact match first, then (when `want` names no variant)
 * another variant of the architecture, then an older variant `want` can run (arm/v6 for
 * arm/v7, amd64/v2 for amd64/v3, arm64 for arm64/v9); the index's order breaks ties.
 * Other architectures are never chosen: asking for amd64 should not quietly yield a 386
 * image. Entries without a platform and attestations (`unknown/unknown`) are skipped.
 * Throws ERR_NO_MATCHING_PLATFORM listing the platforms the index has.
 */
export function selectManifest(index: ImageIndex, want: Platform): Descriptor {
  const wanted = normalizePlatform(want);
  let best: { descriptor: Descriptor; rank: number } | undefined;
  for (const descriptor of index.manifests) {
    if (!descriptor.platform || isAttestation(descriptor)) continue;
    const rank = matchRank(wanted, normalizePlatform(descriptor.platform));
    if (rank !== undefined && (best === undefined || rank < best.rank)) {
      best = { descriptor, rank };
    }
  }
  if (best) return best.descriptor;

  const available = [
    ...new Set(
      index.manifests
        .filter((d) => d.platform && !isAttestation(d))
        .map((d) => formatPlatform(d.platform as Platform)),
    ),
  ];
  throw new LighterError(
    'ERR_NO_MATCHING_PLATFORM',
    `no image for ${formatPlatform(wanted)} in the index; ${
      available.length === 0 ? 'it names no platforms' : `it has ${available.join(', ')}`
    }`,
    { details: { want: formatPlatform(wanted), available } },
  );
}

/** The platform this process runs on, normalized (`linux/amd64`, `darwin/arm64`). */
export function hostPlatform(): Platform {
  const variables = (process.config as { variables?: Record<string, unknown> }).variables;
  const armVersion = variables?.arm_version;
  return platformFromNode(process.platform, process.arch, {
    armVersion:
      typeof armVersion === 'string' || typeof armVersion === 'number' ? armVersion : undefined,
    endianness: endianness(),
  });
}

export interface NodeHostFacts {
  /** `process.config.variables.arm_version` on 32-bit ARM builds of Node ('6', '7'). */
  armVersion?: string | number | undefined;
  /** `os.endianness()`; decides ppc64 vs ppc64le. */
  endianness?: 'BE' | 'LE';
}

/** Maps Node's `process.platform` and `process.arch` to an OCI platform (Go's GOOS/GOARCH). */
export function platformFromNode(
  nodePlatform: string,
  nodeArch: string,
  facts: NodeHostFacts = {},
): Platform {
  const os = NODE_OS[nodePlatform] ?? nodePlatform;
  const little = (facts.endianness ?? 'LE') === 'LE';
  let architecture = NODE_ARCH[nodeArch] ?? nodeArch;
  if (nodeArch === 'ppc64' && little) architecture = 'ppc64le';
  const variant =
    architecture === 'arm' && facts.armVersion !== undefined ? `v${facts.armVersion}` : undefined;
  return normalizePlatform({ os, architecture, ...(variant ? { variant } : {}) });
}

const NODE_OS: Record<string, string> = { win32: 'windows', sunos: 'solaris' };
const NODE_ARCH: Record<string, string> = {
  x64: 'amd64',
  ia32: '386',
  mipsel: 'mipsle',
  mips64el: 'mips64le',
};

// Ranks 0 and 1 are matches proper; from here on, compatible fallbacks only selectManifest takes.
const FALLBACK_RANK = 4;

/**
 * How well `have` serves `want` (both normalized), lower is better; undefined if it cannot.
 * Even ranks are exact windows os.version matches, odd ranks build-compatible ones.
 */
function matchRank(want: Platform, have: Platform): number | undefined {
  if (want.os !== have.os || want.architecture !== have.architecture) return undefined;
  let versionPenalty = 0;
  const wantVersion = want['os.version'];
  const haveVersion = have['os.version'];
  if (want.os === 'windows' && wantVersion && haveVersion && wantVersion !== haveVersion) {
    // Windows containers need the host's build; the revision (4th part) may differ.
    if (windowsBuild(wantVersion) !== windowsBuild(haveVersion)) return undefined;
    versionPenalty = 1;
  }
  const wantVariant = want.variant ?? '';
  const haveVariant = have.variant ?? '';
  let rank: number;
  if (wantVariant === haveVariant) rank = 0;
  else if (wantVariant === '') rank = 2;
  else {
    const older = olderVariants(want.architecture, wantVariant).indexOf(haveVariant);
    if (older === -1) return undefined;
    rank = FALLBACK_RANK + 2 * older;
  }
  return rank + versionPenalty;
}

/** Variants a CPU of `variant` also runs, best first (containerd's platform vector, same arch). */
function olderVariants(architecture: string, variant: string): string[] {
  const level = Number.parseInt(variant.replace(/^v/, ''), 10);
  if (architecture === 'arm' && level > 5) {
    return Array.from({ length: level - 5 }, (_, i) => `v${level - 1 - i}`);
  }
  if (architecture === 'amd64' && level > 1) {
    // amd64/v1 normalizes to plain amd64, the last in line.
    return [...Array.from({ length: level - 2 }, (_, i) => `v${level - 1 - i}`), ''];
  }
  if (architecture === 'arm64') return [''];
  return [];
}

function windowsBuild(version: string): string {
  return version.split('.').slice(0, 3).join('.');
}

function isAttestation(d: Descriptor): boolean {
  return (
    (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown') ||
    d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
  );
}

function normalizeOs(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function normalizeArch(arch: string, variant: string): { architecture: string; variant: string } {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  switch (a) {
    case 'i386':
    case 'i686':
      return { architecture: '386', variant: '' };
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      return { architecture: 'amd64', variant: v === 'v1' ? '' : v };
    case 'aarch64':
    case 'arm64':
      if (v === '8' || v === 'v8' || v === 'v8.0') return { architecture: 'arm64', variant: '' };
      if (v === '9' || v === '9.0' || v === 'v9.0') return { architecture: 'arm64', variant: 'v9' };
      return { architecture: 'arm64', variant: v };
    case 'armhf':
      return { architecture: 'arm', variant: 'v7' };
    case 'armel':
      return { architecture: 'arm', variant: 'v6' };
    case 'arm':
      if (v === '' || v === '7') return { architecture: 'arm', variant: 'v7' };
      if (v === '5' || v === '6' || v === '8') return { architecture: 'arm', variant: `v${v}` };
      return { architecture: 'arm', variant: v };
    default:
      return { architecture: a, variant: v };
  }
}
