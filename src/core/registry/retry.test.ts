// Tests for the retry policy: which statuses retry, Retry-After parsing, backoff bounds.

import { describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, retryDelay, retryOptions } from './retry.js';

describe('retry policy', () => {
  it('retries timeouts, rate limits and gateway errors only', () => {
    for (const s of [408, 429, 500, 502, 503, 504]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [200, 400, 401, 403, 404, 405, 416, 501])
      expect(isRetryableStatus(s)).toBe(false);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(['0'], now)).toBe(0);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped, and lets Retry-After win', () => {
    const low = retryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 });
    const high = retryOptions({ baseDelayMs: 100, maxDelayMs: 1000, random: () => 1 });
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(low, a))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((a) => retryDelay(high, a))).toEqual([100, 200, 400, 800, 1000]);
    expect(retryDelay(low, 1, 700)).toBe(700);
    expect(retryDelay(low, 1, 60_000)).toBe(1000);
  });

  it('defaults to 3 retries and refuses nonsense', () => {
    expect(retryOptions().retries).toBe(3);
    expect(retryOptions({ retries: 0 }).retries).toBe(0);
    expect(() => retryOptions({ retries: -1 })).toThrow(RangeError);
  });
});
