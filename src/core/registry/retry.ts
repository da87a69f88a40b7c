// When and how long to wait before trying a registry request again.

import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  retries: number;
  /** First backoff step in ms (default 250); doubles each attempt. */
  baseDelayMs: number;
  /** Cap for a computed backoff and for a server's Retry-After (default 30 s). */
  maxDelayMs: number;
  /** Injected for tests. */
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 3,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  sleep: (ms) => sleep(ms),
  random: Math.random,
};

export function retryOptions(overrides: Partial<RetryOptions> = {}): RetryOptions {
  const merged = { ...DEFAULT_RETRY, ...overrides };
  if (!Number.isInteger(merged.retries) || merged.retries < 0) {
    throw new RangeError(`retries must be a non-negative integer, got ${merged.retries}`);
  }
  return merged;
}

/** Statuses that say "not now" rather than "never": timeouts, rate limits, gateway trouble. */
export function isRetryableStatus(status: number): boolean {
  return (
    status === 408 ||
    status === 429 ||
    status === 500 ||
    status === 502 ||
    status === 503 ||
    status === 504
  );
}

/** Parses Retry-After (delta seconds or an HTTP date) into ms; undefined when absent or invalid. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now = Date.now(),
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (1-based): "full jitter" exponential backoff, so many
 * clients hitting one struggling registry spread out. A server's Retry-After wins, capped.
 */
export function retryDelay(options: RetryOptions, attempt: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs);
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  // Half fixed, half random: never zero, so a retry storm cannot fire instantly.
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}
