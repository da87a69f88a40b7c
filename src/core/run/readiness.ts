// Waits for a container to become ready: its probe polled until it passes, the container exits, or time runs out.
//
// The budget is what Docker or Kubernetes would take to call the container unhealthy:
// delay + start period + retries × interval. Checks run more often than the interval (10 ms
// apart at first, then doubling up to the interval or 500 ms), so a service that is up early is
// found early; tests start sooner that way.

import {
  type CheckResult,
  type Connect,
  describeCheck,
  type ExecIn,
  type Probe,
  runCheck,
} from './probe.js';

export interface ReadinessOptions {
  probe: Probe;
  connect: Connect;
  exec: ExecIn;
  /** The exit code once the container has exited, else undefined; asked before each check. */
  exited: () => Promise<number | undefined>;
  /** An overall deadline (epoch ms) over the probe's own budget. */
  deadline?: number;
  signal?: AbortSignal;
  /** Each failed check, for debug logs. */
  onFailure?: (result: CheckResult, attempt: number) => void;
}

export interface ReadinessResult {
  ready: boolean;
  /** From the start of waiting to success or giving up. */
  ms: number;
  attempts: number;
  /** Why it is not ready, one line ("exited with code 1", "tcp :5432: connect ECONNREFUSED … after 12 checks in 3.2 s"). */
  reason: string;
}

const MAX_POLL_MS = 500;

export async function waitReady(options: ReadinessOptions): Promise<ReadinessResult> {
  const { probe } = options;
  const started = Date.now();
  const budget = started + probe.delayMs + probe.startPeriodMs + probe.retries * probe.intervalMs;
  const deadline = Math.min(budget, options.deadline ?? Number.POSITIVE_INFINITY);
  const pollMs = Math.max(10, Math.min(probe.intervalMs, MAX_POLL_MS));
  const what = describeCheck(probe.check);
  let attempts = 0;
  let last: CheckResult | undefined;
  const result = (ready: boolean, reason: string): ReadinessResult => ({
    ready,
    ms: Date.now() - started,
    attempts,
    reason,
  });

  if (probe.delayMs > 0)
    await sleep(Math.min(probe.delayMs, deadline - Date.now()), options.signal);
  for (;;) {
    if (options.signal?.aborted) return result(false, `${what}: cancelled`);
    const code = await options.exited();
    if (code !== undefined) {
      return result(false, `exited with code ${code} before ${what} passed`);
    }
    // A check that starts in time gets its whole timeout; only the caller's deadline cuts it short.
    const remaining = (options.deadline ?? Number.POSITIVE_INFINITY) - Date.now();
    attempts++;
    last = await runCheck(probe.check, Math.max(1, Math.min(probe.timeoutMs, remaining)), options);
    if (last.ok) return result(true, `${what}: ${last.detail}`);
    options.onFailure?.(last, attempts);
    // Quick retries first (10, 20, 40 ms…): most services are a few milliseconds from ready.
    const wait = Math.min(pollMs, 10 * 2 ** (attempts - 1), deadline - Date.now());
    if (wait <= 0) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const limit = deadline < budget ? 'the time limit' : 'its budget';
      return result(
        false,
        `${what}: ${last.detail} (not ready after ${attempts} check(s) in ${seconds} s, ${limit})`,
      );
    }
    await sleep(wait, options.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
