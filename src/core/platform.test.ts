// Tests for platform parsing, normalization, matching and index entry selection.

import { describe, expect, it } from 'vitest';
import { digestOf } from './digest.js';
import { LighterError } from './errors.js';
import type { Descriptor, ImageIndex, Platform } from './manifest.js';
import { MediaType } from './media-types.js';
import {
  formatPlatform,
  hostPlatform,
  normalizePlatform,
  parsePlatform,
  platformFromNode,
  platformMatches,
  selectManifest,
} from './platform.js';

const p = (os: string, architecture: string, variant?: string): Platform => ({
  os,
  architecture,
  ...(variant === undefined ? {} : { variant }),
});

function thrown(fn: () => unknown): LighterError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LighterError);
    return err as LighterError;
  }
  throw new Error('expected an error');
}

describe('normalizePlatform', () => {
  it.each<[Platform, Platform]>([
    [p('linux', 'amd64'), p('linux', 'amd64')],
    [p('linux', 'x86_64'), p('linux', 'amd64')],
    [p('linux', 'x86-64'), p('linux', 'amd64')],
    [p('linux', 'amd64', 'v1'), p('linux', 'amd64')],
    [p('linux', 'amd64', 'v3'), p('linux', 'amd64', 'v3')],
    [p('linux', 'aarch64'), p('linux', 'arm64')],
    [p('linux', 'arm64', 'v8'), p('linux', 'arm64')],
    [p('linux', 'arm64', '8'), p('linux', 'arm64')],
    [p('linux', 'arm64', 'v8.0'), p('linux', 'arm64')],
    [p('linux', 'aarch64', 'v8'), p('linux', 'arm64')],
    [p('linux', 'arm64', '9'), p('linux', 'arm64', 'v9')],
    [p('linux', 'arm64', 'v9'), p('linux', 'arm64', 'v9')],
    [p('linux', 'i386'), p('linux', '386')],
    [p('linux', 'i686'), p('linux', '386')],
    [p('linux', 'armhf'), p('linux', 'arm', 'v7')],
    [p('linux', 'armel'), p('linux', 'arm', 'v6')],
    [p('linux', 'arm'), p('linux', 'arm', 'v7')],
    [p('linux', 'arm', '7'), p('linux', 'arm', 'v7')],
    [p('linux', 'arm', '6'), p('linux', 'arm', 'v6')],
    [p('linux', 'arm', 'v5'), p('linux', 'arm', 'v5')],
    [p('linux', 'arm', '8'), p('linux', 'arm', 'v8')],
    [p('Linux', 'AMD64'), p('linux', 'amd64')],
    [p('linux', 'ARM', 'V7'), p('linux', 'arm', 'v7')],
    [p('macos', 'arm64'), p('darwin', 'arm64')],
    [p('Windows', 'amd64'), p('windows', 'amd64')],
    [p('linux', 'ppc64le'), p('linux', 'ppc64le')],
    [p('linux', 's390x'), p('linux', 's390x')],
    [p('linux', 'riscv64'), p('linux', 'riscv64')],
    [p('freebsd', 'amd64'), p('freebsd', 'amd64')],
    [p('unknown', 'unknown'), p('unknown', 'unknown')],
  ])('%j → %j', (input, want) => {
    expect(normalizePlatform(input)).toStrictEqual(want);
  });

  it('keeps os.version and os.features, and does not alias the input', () => {
    const input: Platform = {
      os: 'windows',
      architecture: 'AMD64',
      'os.version': '10.0.17763.5458',
      'os.features': ['win32k'],
    };
    const out = normalizePlatform(input);
    expect(out).toStrictEqual({ ...input, architecture: 'amd64' });
    expect(out['os.features']).not.toBe(input['os.features']);
    expect(input.architecture).toBe('AMD64');
  });
});

describe('parsePlatform', () => {
  it.each<[string, Platform]>([
    ['linux/amd64', p('linux', 'amd64')],
    ['linux/arm64', p('linux', 'arm64')],
    ['linux/arm64/v8', p('linux', 'arm64')],
    ['linux/aarch64', p('linux', 'arm64')],
    ['linux/arm/v7', p('linux', 'arm', 'v7')],
    ['linux/arm', p('linux', 'arm', 'v7')],
    ['linux/arm/v6', p('linux', 'arm', 'v6')],
    ['linux/armhf', p('linux', 'arm', 'v7')],
    ['linux/x86_64', p('linux', 'amd64')],
    ['linux/amd64/v2', p('linux', 'amd64', 'v2')],
    ['linux/386', p('linux', '386')],
    ['windows/amd64', p('windows', 'amd64')],
    ['darwin/arm64', p('darwin', 'arm64')],
    ['LINUX/AMD64', p('linux', 'amd64')],
    ['linux/riscv64', p('linux', 'riscv64')],
    ['linux/arm64/v8.2', p('linux', 'arm64', 'v8.2')],
    [' linux/amd64 ', p('linux', 'amd64')],
    // A bare architecture means linux; a bare OS takes the host's architecture.
    ['arm64', p('linux', 'arm64')],
    ['aarch64', p('linux', 'arm64')],
    ['amd64', p('linux', 'amd64')],
    ['armhf', p('linux', 'arm', 'v7')],
    ['s390x', p('linux', 's390x')],
  ])('%s', (input, want) => {
    expect(parsePlatform(input)).toStrictEqual(want);
  });

  it('reads an os.version in parentheses', () => {
    expect(parsePlatform('windows(10.0.17763.5458)/amd64')).toStrictEqual({
      os: 'windows',
      architecture: 'amd64',
      'os.version': '10.0.17763.5458',
    });
  });

  it('gives a bare OS the host architecture', () => {
    const host = hostPlatform();
    expect(parsePlatform('linux')).toStrictEqual({ ...host, os: 'linux' });
    expect(parsePlatform('windows').architecture).toBe(host.architecture);
  });

  it.each<[string, string]>([
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['linux/', 'the architecture is empty'],
    ['/amd64', 'the os is empty'],
    ['linux//v7', 'the architecture is empty'],
    ['linux/arm/', 'the variant is empty'],
    ['linux/arm/v7/extra', 'expected os/arch[/variant]'],
    ['linux/amd 64', 'architecture "amd 64" may only contain'],
    ['linux/amd64/v1.0!', 'variant "v1.0!" may only contain'],
    ['li.nux/amd64', 'os "li.nux" may only contain'],
    ['windows(10 0)/amd64', 'os.version "10 0" may only contain'],
    ['windows(1/amd64', 'os "windows(1" is not os or os(version)'],
    ['plan10', '"plan10" is neither a known operating system nor a known architecture'],
    ['amd64(1)', 'neither a known operating system nor a known architecture'],
  ])('rejects %j', (input, fragment) => {
    const err = thrown(() => parsePlatform(input));
    expect(err.code).toBe('ERR_BAD_PLATFORM');
    expect(err.message).toContain(`invalid platform ${JSON.stringify(input)}: `);
    expect(err.message).toContain(fragment);
  });
});

describe('formatPlatform', () => {
  it.each<[Platform, string]>([
    [p('linux', 'arm64'), 'linux/arm64'],
    [p('linux', 'arm', 'v7'), 'linux/arm/v7'],
    [p('linux', 'amd64'), 'linux/amd64'],
    [
      { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348.1' },
      'windows(10.0.20348.1)/amd64',
    ],
    // Formats what it is given, so messages show an index's own spelling.
    [p('linux', 'arm64', 'v8'), 'linux/arm64/v8'],
  ])('%j → %s', (input, want) => {
    expect(formatPlatform(input)).toBe(want);
  });

  it.each(['linux/arm64', 'linux/arm/v6', 'linux/amd64/v3', 'windows(10.0.17763.1)/amd64'])(
    'round-trips %s',
    (text) => {
      expect(formatPlatform(parsePlatform(text))).toBe(text);
    },
  );
});

describe('platformMatches', () => {
  it.each<[string, Platform, Platform, boolean]>([
    ['same', p('linux', 'amd64'), p('linux', 'amd64'), true],
    ['aliases', p('linux', 'x86_64'), p('linux', 'amd64'), true],
    ['arm64 vs arm64/v8', p('linux', 'arm64'), p('linux', 'arm64', 'v8'), true],
    ['arm64/v8 vs arm64', p('linux', 'arm64', 'v8'), p('linux', 'aarch64'), true],
    ['arm vs arm/v7', p('linux', 'arm'), p('linux', 'arm', 'v7'), true],
    ['armhf vs arm/7', p('linux', 'armhf'), p('linux', 'arm', '7'), true],
    ['os case', p('Linux', 'amd64'), p('linux', 'amd64'), true],
    [
      'no variant wants any: amd64 vs amd64/v3',
      p('linux', 'amd64'),
      p('linux', 'amd64', 'v3'),
      true,
    ],
    [
      'no variant wants any: arm64 vs arm64/v9',
      p('linux', 'arm64'),
      p('linux', 'arm64', 'v9'),
      true,
    ],
    [
      'a variant must match: amd64/v3 vs amd64',
      p('linux', 'amd64', 'v3'),
      p('linux', 'amd64'),
      false,
    ],
    [
      'arm/v7 vs arm/v6 (compatible, but not a match)',
      p('linux', 'arm', 'v7'),
      p('linux', 'arm', 'v6'),
      false,
    ],
    ['arm/v6 vs arm/v7', p('linux', 'arm', 'v6'), p('linux', 'arm', 'v7'), false],
    ['arm (v7) vs arm/v6', p('linux', 'arm'), p('linux', 'arm', 'v6'), false],
    ['amd64 vs 386', p('linux', 'amd64'), p('linux', '386'), false],
    ['arm64 vs arm/v7', p('linux', 'arm64'), p('linux', 'arm', 'v7'), false],
    ['other os', p('linux', 'amd64'), p('windows', 'amd64'), false],
    ['other arch', p('linux', 'amd64'), p('linux', 'arm64'), false],
    ['attestation', p('linux', 'amd64'), p('unknown', 'unknown'), false],
  ])('%s: %s', (_name, want, have, result) => {
    expect(platformMatches(want, have)).toBe(result);
  });

  const win = (version?: string): Platform => ({
    os: 'windows',
    architecture: 'amd64',
    ...(version ? { 'os.version': version } : {}),
  });
  it.each<[string, Platform, Platform, boolean]>([
    ['same build, other revision', win('10.0.17763.5458'), win('10.0.17763.1'), true],
    ['other build', win('10.0.17763.5458'), win('10.0.20348.1'), false],
    ['want names no version', win(), win('10.0.20348.1'), true],
    ['entry names no version', win('10.0.20348.1'), win(), true],
    [
      'os.version ignored off windows',
      { ...p('linux', 'amd64'), 'os.version': '1' },
      { ...p('linux', 'amd64'), 'os.version': '2' },
      true,
    ],
  ])('windows: %s', (_name, want, have, result) => {
    expect(platformMatches(want, have)).toBe(result);
  });
});

describe('selectManifest', () => {
  let n = 0;
  const entry = (platform?: Platform, annotations?: Record<string, string>): Descriptor => ({
    mediaType: MediaType.ociManifest,
    digest: digestOf(`entry ${n++}`),
    size: 100,
    ...(platform ? { platform } : {}),
    ...(annotations ? { annotations } : {}),
  });
  const indexOf = (...manifests: Descriptor[]): ImageIndex => ({
    schemaVersion: 2,
    mediaType: MediaType.ociIndex,
    manifests,
  });

  const noPlatform = entry();
  const amd64 = entry(p('linux', 'amd64'));
  const amd64v2 = entry(p('linux', 'amd64', 'v2'));
  const amd64v3 = entry(p('linux', 'amd64', 'v3'));
  const i386 = entry(p('linux', '386'));
  const arm64v8 = entry(p('linux', 'arm64', 'v8'));
  const arm64v9 = entry(p('linux', 'arm64', 'v9'));
  const armv5 = entry(p('linux', 'arm', 'v5'));
  const armv6 = entry(p('linux', 'arm', 'v6'));
  const armv7 = entry(p('linux', 'arm', 'v7'));
  const windows = entry(p('windows', 'amd64'));
  const attestation = entry(p('unknown', 'unknown'), {
    'vnd.docker.reference.type': 'attestation-manifest',
    'vnd.docker.reference.digest': amd64.digest,
  });
  const annotatedAttestation = entry(p('linux', 'amd64'), {
    'vnd.docker.reference.type': 'attestation-manifest',
  });
  const typical = indexOf(noPlatform, attestation, amd64, arm64v8, armv7, armv6, windows);

  it.each<[string, ImageIndex, string, Descriptor]>([
    ['amd64', typical, 'linux/amd64', amd64],
    ['arm64 (index says arm64/v8)', typical, 'linux/arm64', arm64v8],
    ['arm64/v8', typical, 'linux/arm64/v8', arm64v8],
    ['arm/v7', typical, 'linux/arm/v7', armv7],
    ['arm (means v7)', typical, 'linux/arm', armv7],
    ['arm/v6', typical, 'linux/arm/v6', armv6],
    ['windows', typical, 'windows/amd64', windows],
    ['exact before any variant', indexOf(amd64v3, amd64), 'linux/amd64', amd64],
    ['any variant when none is wanted', indexOf(amd64v3, arm64v8), 'linux/amd64', amd64v3],
    ['the first of equals', indexOf(amd64v2, amd64v3), 'linux/amd64', amd64v2],
    ['exact amd64/v3', indexOf(amd64, amd64v2, amd64v3), 'linux/amd64/v3', amd64v3],
    ['amd64/v3 falls back to v2', indexOf(amd64, amd64v2), 'linux/amd64/v3', amd64v2],
    ['amd64/v3 falls back to v1', indexOf(i386, amd64), 'linux/amd64/v3', amd64],
    ['arm/v7 falls back to v6 before v5', indexOf(armv5, armv6, arm64v8), 'linux/arm/v7', armv6],
    ['arm/v7 falls back to v5', indexOf(armv5, arm64v8), 'linux/arm/v7', armv5],
    ['arm64/v9 exact', indexOf(arm64v8, arm64v9), 'linux/arm64/v9', arm64v9],
    ['arm64/v9 falls back to v8', indexOf(armv7, arm64v8), 'linux/arm64/v9', arm64v8],
    ['skips annotated attestations', indexOf(annotatedAttestation, amd64), 'linux/amd64', amd64],
  ])('%s', (_name, index, want, chosen) => {
    expect(selectManifest(index, parsePlatform(want))).toBe(chosen);
  });

  it('normalizes the wanted platform and the entries', () => {
    const aarch64 = entry(p('Linux', 'aarch64'));
    expect(selectManifest(indexOf(amd64, aarch64), p('linux', 'arm64', 'v8'))).toBe(aarch64);
  });

  it('prefers the exact windows os.version, then the same build', () => {
    const win = (v: string) => entry({ os: 'windows', architecture: 'amd64', 'os.version': v });
    const ltsc2019 = win('10.0.17763.100');
    const ltsc2019b = win('10.0.17763.5458');
    const ltsc2022 = win('10.0.20348.1');
    const index = indexOf(ltsc2019, ltsc2022, ltsc2019b);
    expect(selectManifest(index, parsePlatform('windows(10.0.17763.5458)/amd64'))).toBe(ltsc2019b);
    expect(selectManifest(index, parsePlatform('windows(10.0.17763.9)/amd64'))).toBe(ltsc2019);
    expect(selectManifest(index, parsePlatform('windows(10.0.20348.7)/amd64'))).toBe(ltsc2022);
    expect(() => selectManifest(index, parsePlatform('windows(10.0.26100.1)/amd64'))).toThrow(
      /no image for windows\(10\.0\.26100\.1\)\/amd64/,
    );
  });

  it.each<[string, ImageIndex, string, string]>([
    [
      'an architecture the index lacks',
      typical,
      'linux/s390x',
      'no image for linux/s390x in the index; it has linux/amd64, linux/arm64/v8, linux/arm/v7, linux/arm/v6, windows/amd64',
    ],
    // Regression guard: amd64 must not quietly fall back to a 32-bit image.
    ['386 for amd64', indexOf(i386), 'linux/amd64', 'it has linux/386'],
    ['arm for arm64', indexOf(armv7, armv6), 'linux/arm64', 'it has linux/arm/v7, linux/arm/v6'],
    ['a newer variant', indexOf(armv7), 'linux/arm/v6', 'no image for linux/arm/v6'],
    ['amd64/v3 for amd64/v2', indexOf(amd64v3), 'linux/amd64/v2', 'it has linux/amd64/v3'],
    [
      'only attestations and unnamed entries',
      indexOf(noPlatform, attestation),
      'linux/amd64',
      'it names no platforms',
    ],
    [
      'an empty index',
      indexOf(),
      'linux/amd64',
      'no image for linux/amd64 in the index; it names no platforms',
    ],
    [
      'duplicates listed once',
      indexOf(amd64, amd64v2, entry(p('linux', 'amd64'))),
      'linux/arm64',
      'it has linux/amd64, linux/amd64/v2',
    ],
  ])('fails with ERR_NO_MATCHING_PLATFORM for %s', (_name, index, want, fragment) => {
    const err = thrown(() => selectManifest(index, parsePlatform(want)));
    expect(err.code).toBe('ERR_NO_MATCHING_PLATFORM');
    expect(err.message).toContain(fragment);
    if (fragment.startsWith('no image') && fragment.includes('it has'))
      expect(err.message).toBe(fragment);
  });

  it('puts the platforms in details', () => {
    const err = thrown(() => selectManifest(indexOf(amd64, armv7), p('linux', 'ppc64le')));
    expect(err.details).toEqual({
      want: 'linux/ppc64le',
      available: ['linux/amd64', 'linux/arm/v7'],
    });
  });
});

describe('platformFromNode, hostPlatform', () => {
  it.each<[string, string, { armVersion?: string; endianness?: 'BE' | 'LE' }, Platform]>([
    ['linux', 'x64', {}, p('linux', 'amd64')],
    ['linux', 'arm64', {}, p('linux', 'arm64')],
    ['linux', 'arm', { armVersion: '7' }, p('linux', 'arm', 'v7')],
    ['linux', 'arm', { armVersion: '6' }, p('linux', 'arm', 'v6')],
    ['linux', 'arm', {}, p('linux', 'arm', 'v7')],
    ['linux', 'ia32', {}, p('linux', '386')],
    ['linux', 'ppc64', { endianness: 'LE' }, p('linux', 'ppc64le')],
    ['aix', 'ppc64', { endianness: 'BE' }, p('aix', 'ppc64')],
    ['linux', 's390x', {}, p('linux', 's390x')],
    ['linux', 'riscv64', {}, p('linux', 'riscv64')],
    ['linux', 'loong64', {}, p('linux', 'loong64')],
    ['linux', 'mipsel', {}, p('linux', 'mipsle')],
    ['darwin', 'arm64', {}, p('darwin', 'arm64')],
    ['win32', 'x64', {}, p('windows', 'amd64')],
    ['win32', 'arm64', {}, p('windows', 'arm64')],
    ['freebsd', 'x64', {}, p('freebsd', 'amd64')],
    ['sunos', 'x64', {}, p('solaris', 'amd64')],
  ])('%s/%s %j → %j', (platform, arch, facts, want) => {
    expect(platformFromNode(platform, arch, facts)).toStrictEqual(want);
  });

  it('describes this process, normalized', () => {
    const host = hostPlatform();
    expect(host).toStrictEqual(normalizePlatform(host));
    expect(host.os).toBe(platformFromNode(process.platform, 'x64').os);
    expect(host.architecture).not.toBe('');
  });
});
