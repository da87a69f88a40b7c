import { describe, expect, test } from 'vitest';
import { digestOf } from '../digest.js';
import { isLighterError } from '../errors.js';
import {
  checkCacheKey,
  defaultCacheKeys,
  entryKey,
  entryKind,
  imageEntryKey,
  keyPart,
  lookupPrefix,
} from './keys.js';

const env = { GITHUB_WORKFLOW: 'CI / build, test', GITHUB_JOB: 'image' };

describe('defaultCacheKeys', () => {
  test('workflow, job, scope and a content hash, with the scope as the restore key', () => {
    const keys = defaultCacheKeys({ scope: 'app', content: ['FROM busybox\n'], env });
    expect(keys.key).toMatch(/^lighter\/CI_build_test\/image\/app\/[0-9a-f]{16}$/);
    expect(keys.restoreKeys).toEqual(['lighter/CI_build_test/image/app/']);
  });

  test('the hash follows the content, and parts cannot be shifted between each other', () => {
    const a = defaultCacheKeys({ content: ['ab', 'c'], env }).key;
    expect(defaultCacheKeys({ content: ['ab', 'c'], env }).key).toBe(a);
    expect(defaultCacheKeys({ content: ['a', 'bc'], env }).key).not.toBe(a);
    expect(defaultCacheKeys({ content: [Buffer.from('ab'), 'c'], env }).key).toBe(a);
  });

  test('outside Actions and without content: a plain prefix and no fallback', () => {
    expect(defaultCacheKeys({ env: {} })).toEqual({
      key: 'lighter/local/local/default',
      restoreKeys: [],
    });
  });

  test('a scope that extends another never falls into its prefix', () => {
    const app = defaultCacheKeys({ scope: 'app', content: ['x'], env });
    const appX = defaultCacheKeys({ scope: 'app-x', content: ['x'], env });
    expect(appX.key.startsWith(app.restoreKeys[0]!)).toBe(false);
    expect(entryKey(appX.key, {}).startsWith(lookupPrefix(app.key))).toBe(false);
  });
});

test('keyPart turns separators, commas and whitespace into _ and cuts long parts', () => {
  expect(keyPart(' a/b,c\td ')).toBe('a_b_c_d');
  expect(keyPart('')).toBe('_');
  expect(keyPart('x'.repeat(100))).toHaveLength(64);
});

test('entryKey: the prefix, the run, the attempt and a random part', () => {
  const key = entryKey('lighter/CI/build/app', { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' });
  expect(key).toMatch(/^lighter\/CI\/build\/app\/42-2-[0-9a-f]{6}$/);
  expect(entryKey('p/', {})).toMatch(/^p\/local-1-[0-9a-f]{6}$/);
});

test('image entries are keyed by digest and told apart from scope entries', () => {
  const digest = digestOf('manifest');
  expect(imageEntryKey(digest)).toBe(`lighter/image/sha256/${digest.slice(7)}`);
  expect(entryKind(imageEntryKey(digest))).toBe('image');
  expect(entryKind('lighter/CI/build/app/1-1-abcdef')).toBe('scope');
});

describe('checkCacheKey', () => {
  test.each([
    ['', /is empty/],
    ['a,b', /contains a comma/],
    ['k'.repeat(500), /500 characters/],
  ])('refuses %j', (key, message) => {
    let caught: unknown;
    try {
      checkCacheKey(key);
    } catch (err) {
      caught = err;
    }
    expect(isLighterError(caught, 'ERR_INVALID_ARGUMENT')).toBe(true);
    expect((caught as Error).message).toMatch(message);
  });

  test('accepts what GitHub accepts, with room for the entry suffix', () => {
    expect(() => checkCacheKey('lighter/CI/build/app')).not.toThrow();
    expect(() => checkCacheKey('k'.repeat(464))).not.toThrow();
  });
});
