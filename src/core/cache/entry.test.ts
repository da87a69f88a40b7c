import { describe, expect, test } from 'vitest';
import { digestOf } from '../digest.js';
import { isLighterError } from '../errors.js';
import { ENTRY_SCHEMA, parseEntryManifest } from './entry.js';

const blob = { digest: digestOf('layer'), size: 5 };
const valid = {
  schema: ENTRY_SCHEMA,
  key: 'lighter/CI/build/app/1-1-abcdef',
  created: '2026-01-01T00:00:00.000Z',
  blobs: [blob],
  parents: [{ key: 'lighter/image/sha256/x', blobs: [blob] }],
  images: [
    {
      descriptor: {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: digestOf('manifest'),
        size: 8,
        annotations: { 'org.opencontainers.image.ref.name': 'app' },
      },
      blobs: [blob.digest],
    },
  ],
};

const parse = (value: unknown) => parseEntryManifest(Buffer.from(JSON.stringify(value)), 'entry k');

describe('parseEntryManifest', () => {
  test('reads what a save writes', () => {
    expect(parse(valid)).toEqual(valid);
  });

  test.each([
    [
      'another schema',
      { ...valid, schema: 'lighter.ci-cache.v0' },
      /schema is "lighter.ci-cache.v0"/,
    ],
    [
      'a bad digest',
      { ...valid, blobs: [{ digest: 'sha256:xyz', size: 1 }] },
      /blobs\[0\] has no valid digest/,
    ],
    [
      'a negative size',
      { ...valid, blobs: [{ ...blob, size: -1 }] },
      /blobs\[0\] has no valid size/,
    ],
    ['a parent without key', { ...valid, parents: [{ blobs: [] }] }, /parents\[0\] has no key/],
    [
      'an image without descriptor',
      { ...valid, images: [{ blobs: [] }] },
      /images\[0\] has no valid descriptor/,
    ],
    ['not an object', [1, 2], /not a JSON object/],
  ])('refuses %s with ERR_CACHE', (_what, value, message) => {
    let caught: unknown;
    try {
      parse(value);
    } catch (err) {
      caught = err;
    }
    expect(isLighterError(caught, 'ERR_CACHE')).toBe(true);
    expect((caught as Error).message).toMatch(/^reading the cache entry manifest of entry k: /);
    expect((caught as Error).message).toMatch(message);
  });

  test('refuses bytes that are not JSON', () => {
    expect(() => parseEntryManifest(Buffer.from('{'), 'entry k')).toThrow(/not JSON/);
  });
});
