// The one door to @actions/cache: runs its save and restore in a staging root and turns its console output into log lines and reasons.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as actionsCache from '@actions/cache';
import { errorMessage } from '../errors.js';
import type { Logger } from '../log.js';
import { ENTRY_DIR } from './entry.js';

export type SaveOutcome =
  | { ok: true; archiveBytes: number | undefined }
  | {
      ok: false;
      /** `exists`: the key is taken (entries are immutable); `denied`: a read-only token. */
      reason: 'rate-limited' | 'exists' | 'denied' | 'skipped' | 'failed';
      message: string;
    };

export interface RestoreOutcome {
  matchedKey: string | undefined;
  archiveBytes?: number;
  /** Set when the lookup or download failed, as opposed to a clean miss. */
  error?: string;
}

/** The cache service as the CI cache uses it; @actions/cache in Actions, anything alike elsewhere. */
export interface CacheBackend {
  /** Whether this process can reach a cache service at all. */
  available(): boolean;
  /** Archives `<root>/lighter-cache` as the entry `key`. */
  save(root: string, key: string, logger: Logger): Promise<SaveOutcome>;
  /**
   * Finds the entry `key` (exactly, else as a prefix), else one under each restore key in turn,
   * and extracts it into `<root>/lighter-cache`; with `lookupOnly` it only says which entry it found.
   */
  restore(
    root: string,
    key: string,
    restoreKeys: readonly string[],
    logger: Logger,
    options?: { lookupOnly?: boolean },
  ): Promise<RestoreOutcome>;
}

// One version for every lighter entry: @actions/cache hashes the path list (and the compression)
// into the entry's version, and a lookup only sees entries of its own version. The path is
// relative, so where the staging root lies does not matter; cross-OS because blobs are plain files.
const PATHS = [ENTRY_DIR];
const CROSS_OS = true;

export const actionsCacheBackend: CacheBackend = {
  available: () => actionsCache.isFeatureAvailable(),

  save: (root, key, logger) =>
    inStagingRoot(root, logger, async (output) => {
      let id: number;
      try {
        id = await actionsCache.saveCache(PATHS, key, undefined, CROSS_OS);
      } catch (err) {
        return { ok: false, reason: 'failed', message: errorMessage(err) };
      }
      if (id > 0) return { ok: true, archiveBytes: output.number(/File Size: (\d+)/) };
      return saveFailure(output);
    }),

  restore: (root, key, restoreKeys, logger, options = {}) =>
    inStagingRoot(root, logger, async (output) => {
      let matchedKey: string | undefined;
      try {
        matchedKey = await actionsCache.restoreCache(
          PATHS,
          key,
          [...restoreKeys],
          { lookupOnly: options.lookupOnly ?? false },
          CROSS_OS,
        );
      } catch (err) {
        return { matchedKey: undefined, error: errorMessage(err) };
      }
      if (matchedKey !== undefined) {
        const archiveBytes = output.number(/Cache Size: ~\d+ MB \((\d+) B\)/);
        return archiveBytes === undefined ? { matchedKey } : { matchedKey, archiveBytes };
      }
      const failure = output.find(/Failed to restore: (.*)/);
      return failure === undefined ? { matchedKey } : { matchedKey, error: failure };
    }),
};

function saveFailure(output: CapturedOutput): SaveOutcome {
  const skipped = output.find(/(Cache save skipped: .*)/);
  if (skipped !== undefined) return { ok: false, reason: 'skipped', message: skipped };
  // The client hides the service's answer behind "another job may be creating this cache" and
  // logs the real one at debug level; that one says which limit was hit.
  const cause =
    output.find(/Failed to reserve cache: (?:\w*Error: )?(.*)/) ??
    output.find(/Failed to save: (.*)/) ??
    output.warnings.at(-1) ??
    'the cache service returned no entry';
  const text = [cause, ...output.warnings].join('\n');
  if (/\(429\)|rate limit/i.test(text))
    return { ok: false, reason: 'rate-limited', message: cause };
  if (/\(409\)|already exists/i.test(text)) return { ok: false, reason: 'exists', message: cause };
  if (/cache write denied/i.test(text)) return { ok: false, reason: 'denied', message: cause };
  return { ok: false, reason: 'failed', message: cause };
}

interface CapturedOutput {
  lines: string[];
  warnings: string[];
  /** The first capture group of the first line matching `pattern`. */
  find(pattern: RegExp): string | undefined;
  number(pattern: RegExp): number | undefined;
}

// Each call changes process-wide state (cwd, env, stdout), so calls take turns.
let turn: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` with cwd and GITHUB_WORKSPACE set to `root`, as @actions/cache requires (it archives
 * and extracts paths relative to GITHUB_WORKSPACE and globs them from the cwd), with RUNNER_TEMP
 * inside `root` so its archive and manifest files go when `root` does, and with its output
 * captured. Everything is put back afterwards.
 */
function inStagingRoot<T>(
  root: string,
  logger: Logger,
  fn: (output: CapturedOutput) => Promise<T>,
): Promise<T> {
  const run = async () => {
    const temp = join(root, 'tmp');
    await mkdir(temp, { recursive: true });
    const saved = {
      cwd: process.cwd(),
      workspace: process.env.GITHUB_WORKSPACE,
      runnerTemp: process.env.RUNNER_TEMP,
    };
    process.env.GITHUB_WORKSPACE = root;
    process.env.RUNNER_TEMP = temp;
    try {
      process.chdir(root);
      return await captureActionsOutput(logger, fn);
    } finally {
      process.chdir(saved.cwd);
      restoreEnv('GITHUB_WORKSPACE', saved.workspace);
      restoreEnv('RUNNER_TEMP', saved.runnerTemp);
    }
  };
  const result = turn.then(run, run);
  turn = result.catch(() => undefined);
  return result;
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * @actions/core writes workflow commands (`::debug::`, `::warning::`, `::add-mask::`) and plain
 * lines straight to stdout. In the CLI they would corrupt lighter's own output, and the client
 * reports why a save failed only there, so while `fn` runs stdout is read line by line: masks go
 * to the logger's secrets (and on to the runner), progress to info, the rest to debug.
 */
async function captureActionsOutput<T>(
  logger: Logger,
  fn: (output: CapturedOutput) => Promise<T>,
): Promise<T> {
  const lines: string[] = [];
  const warnings: string[] = [];
  const originalWrite = process.stdout.write;
  const passThrough = process.env.GITHUB_ACTIONS === 'true';
  let pending = '';
  let inLogger = false;

  const handle = (line: string) => {
    const command = line.match(/^::([\w-]+)(?: [^:]*)?::(.*)$/);
    if (command) {
      const [, name, data = ''] = command;
      const text = data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
      if (name === 'add-mask') {
        logger.secret(text);
        if (passThrough) originalWrite.call(process.stdout, `${line}\n`);
        return;
      }
      lines.push(text);
      if (name === 'warning' || name === 'error') warnings.push(text);
      logger.debug(text);
      return;
    }
    lines.push(line);
    if (/^(Sent|Received) \d+ of \d+/.test(line)) logger.info(line);
    else logger.debug(line);
  };

  const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    // The logger may itself write to stdout (the Actions logger does): let that through.
    if (inLogger)
      return originalWrite.call(
        process.stdout,
        chunk as string,
        encoding as BufferEncoding,
        callback as () => void,
      );
    const done = typeof encoding === 'function' ? encoding : callback;
    pending +=
      typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    const parts = pending.split(/\r?\n/);
    pending = parts.pop() ?? '';
    inLogger = true;
    try {
      for (const part of parts) if (part !== '') handle(part);
    } finally {
      inLogger = false;
    }
    if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
    return true;
  };

  process.stdout.write = write as typeof process.stdout.write;
  try {
    return await fn({
      lines,
      warnings,
      find(pattern) {
        for (const line of lines) {
          const match = line.match(pattern);
          if (match) return match[1] ?? match[0];
        }
        return undefined;
      },
      number(pattern) {
        const found = this.find(pattern);
        return found === undefined ? undefined : Number(found);
      },
    });
  } finally {
    process.stdout.write = originalWrite;
    if (pending !== '') {
      inLogger = true;
      handle(pending);
      inLogger = false;
    }
  }
}
