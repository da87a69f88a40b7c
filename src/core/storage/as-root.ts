// Layer directories written, read and removed as root through `sudo -n`, when this process is
// not root but has password-less sudo (GitHub's runners, see DESIGN.md). Containers and RUN
// steps then run as root through sudo too, and a layer unpacked without root would lose its
// owners, device nodes and overlay whiteouts, while a RUN step's upper dir holds files only root
// may read or remove. Each such step runs in a helper process started through sudo: the blob
// worker module, run as a program (layer-helper.ts).

import { type ChildProcess, spawn } from 'node:child_process';
import { Stats } from 'node:fs';
import { chown } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type ErrorCode, LighterError } from '../errors.js';
import { type Logger, silentLogger } from '../log.js';
import type { LayerCompression } from '../media-types.js';
import { workerModule } from './blob-pool.js';
import type { AppliedLayer, DiffLayerOptions, DiffLayerResult, LayerDiff } from './layer/index.js';

/**
 * The helper's stderr, a JSON value a line: warnings as they come, then what it made or why it
 * failed. JSON keeps a layer's own text (an entry name with a newline) from forging a line.
 */
export const RESULT_PREFIX = 'lighter-result ';
export const ERROR_PREFIX = 'lighter-error ';
export const WARNING_PREFIX = 'lighter-warning ';

// `sudo -n true` answers at once; one that hangs (a broken PAM stack) is taken as no sudo.
const PROBE_TIMEOUT_MS = 10_000;

let probed: Promise<boolean> | undefined;

/** Whether `layersAsRoot` can be true at all: Linux, and not root already (known at once). */
export function mayHandleLayersAsRoot(): boolean {
  return process.platform === 'linux' && process.getuid !== undefined && process.getuid() !== 0;
}

/**
 * Whether layer dirs are handled as root through sudo: on Linux (where containers run; a macOS
 * runner's store only feeds copies), not root, and `sudo -n` works.
 */
export function layersAsRoot(): Promise<boolean> {
  probed ??= new Promise((resolve) => {
    if (!mayHandleLayersAsRoot()) {
      resolve(false);
      return;
    }
    const child = spawn('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: PROBE_TIMEOUT_MS });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  return probed;
}

/** Applies a layer tar (as `extractInto` does) into `dir` as root. */
export async function applyAsRoot(
  input: Readable,
  dir: string,
  compression: LayerCompression | 'auto',
  logger: Logger = silentLogger,
): Promise<AppliedLayer> {
  let child: ChildProcess;
  try {
    child = helper(['apply', dir, compression], 'pipe');
  } catch (error) {
    // Whoever writes the input must not wait for a reader that never comes.
    input.destroy(error as Error);
    throw error;
  }
  let inputError: Error | undefined;
  pipeline(input, child.stdin as NodeJS.WritableStream, (error) => {
    if (error && (error as NodeJS.ErrnoException).code !== 'EPIPE') inputError = error;
  });
  child.stdout?.resume();
  const what = `unpacking a layer into ${dir} as root`;
  try {
    const applied = await outcome(child, what, logger);
    if (inputError) throw inputError;
    return applied as AppliedLayer;
  } catch (error) {
    input.destroy();
    // What broke the input (a download cut short) is the cause, not the truncated tar it made.
    throw inputError ?? error;
  }
}

/** `diffLayer` of `dir` as root: the tar streams from the helper's stdout. */
export function diffAsRoot(dir: string, options: DiffLayerOptions): LayerDiff {
  const { logger, ...rest } = options;
  const child = helper(['diff', dir, JSON.stringify(rest)], 'ignore');
  const done = outcome(child, `reading ${dir} as root`, logger ?? silentLogger);
  // The tar ends only once the helper said it is whole; a failure errors the stream too, so
  // nothing stores a layer cut short.
  const stream = new PassThrough();
  child.stdout?.pipe(stream, { end: false });
  done.then(
    () => stream.end(),
    (error: Error) => stream.destroy(error),
  );
  return { stream, done: done as Promise<DiffLayerResult> };
}

/** Removes empty mountpoint stubs the runtime made in an upper dir (`removeEmptyStubs`), as root. */
export async function removeStubsAsRoot(upper: string, stubs: readonly string[]): Promise<void> {
  if (stubs.length === 0) return;
  const child = helper(['unstub', upper, JSON.stringify(stubs)], 'ignore');
  child.stdout?.resume();
  await outcome(child, `removing mountpoint stubs from ${upper} as root`, silentLogger);
}

/**
 * chown: through sudo when this process may not (not root) and handles its layers as root, as
 * a RUN step's secret or cache mount for another user needs.
 */
export async function chownTo(path: string, uid: number, gid: number): Promise<void> {
  try {
    await chown(path, uid, gid);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM' || !(await layersAsRoot())) throw err;
    await sudo(['chown', `${uid}:${gid}`, '--', path], `giving ${path} to ${uid}:${gid}`);
  }
}

/** `rm -rf` of a tree root made, through sudo. */
export function removeAsRoot(path: string): Promise<void> {
  return sudo(['rm', '-rf', '--one-file-system', '--', path], `removing ${path} as root`);
}

async function sudo(argv: string[], what: string): Promise<void> {
  const child = spawn('sudo', ['-n', '--', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new LighterError('ERR_STORE', `${what}: ${stderr.trim() || `exit ${code}`}`);
  }
}

function helper(args: string[], stdin: 'pipe' | 'ignore'): ChildProcess {
  const module = workerModule();
  if (module === undefined) {
    throw new LighterError(
      'ERR_RUNTIME',
      'layers are handled as root here, but blob-worker.js, which does it, is not beside this bundle',
    );
  }
  const path = fileURLToPath(module);
  // From sources, Node strips the types itself; the hook maps `./x.js` imports onto `./x.ts`.
  const loader = path.endsWith('.ts')
    ? ['--import', fileURLToPath(new URL('../../../scripts/ts-import.mjs', module))]
    : [];
  return spawn('sudo', ['-n', '--', process.execPath, ...loader, path, ...args], {
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

/** The helper's result, its warnings passed to `logger`; rejects with its error and code. */
function outcome(child: ChildProcess, what: string, logger: Logger): Promise<unknown> {
  let pending = '';
  let result: unknown;
  let failure: { code?: string; message: string } | undefined;
  const other: string[] = [];
  const line = (text: string) => {
    if (text === '') return;
    try {
      if (text.startsWith(RESULT_PREFIX)) {
        result = JSON.parse(text.slice(RESULT_PREFIX.length));
      } else if (text.startsWith(ERROR_PREFIX)) {
        failure = JSON.parse(text.slice(ERROR_PREFIX.length));
      } else if (text.startsWith(WARNING_PREFIX)) {
        logger.warn(String(JSON.parse(text.slice(WARNING_PREFIX.length))));
      } else {
        // sudo's own complaints, or a helper that crashed.
        other.push(text);
        logger.warn(text);
      }
    } catch {
      other.push(text);
    }
  };
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      line(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(new LighterError('ERR_RUNTIME', `${what}: ${error.message}`, { cause: error })),
    );
    child.on('close', (code) => {
      line(pending);
      if (code === 0 && result !== undefined) {
        resolve(result);
        return;
      }
      const message = failure?.message ?? (other.join('; ') || `the helper exited ${code}`);
      reject(
        new LighterError((failure?.code as ErrorCode) ?? 'ERR_RUNTIME', `${what}: ${message}`),
      );
    });
  });
}

/** The fs.Stats numbers a RootReader's `lstat` carries. */
export const STAT_FIELDS = [
  'dev',
  'mode',
  'nlink',
  'uid',
  'gid',
  'rdev',
  'blksize',
  'ino',
  'size',
  'blocks',
  'atimeMs',
  'mtimeMs',
  'ctimeMs',
  'birthtimeMs',
] as const;

export interface RootReadRequest {
  id: number;
  op: 'lstat' | 'readdir' | 'readlink' | 'read' | 'opaque';
  path: string;
  offset?: number;
  length?: number;
}

const READ_CHUNK = 1024 * 1024;

/**
 * Reads of layer dirs as root, for a process that handles its layers as root (a build's view
 * of an image: COPY into /root, COPY --from of files only root may read, opaque directories
 * marked with `trusted.` xattrs). One helper process (`serve`) answers every request in order;
 * it holds this process open only while a request is pending. Errors keep their errno code.
 */
export class RootReader {
  #child: ChildProcess | undefined;
  #next = 0;
  readonly #pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  #buffered = '';

  async lstat(path: string): Promise<Stats> {
    const fields = (await this.#request({ op: 'lstat', path })) as Record<string, number>;
    return Object.assign(Object.create(Stats.prototype) as Stats, fields);
  }

  async readdir(path: string): Promise<string[]> {
    return (await this.#request({ op: 'readdir', path })) as string[];
  }

  async readlink(path: string): Promise<string> {
    return (await this.#request({ op: 'readlink', path })) as string;
  }

  async readFile(path: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(path)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** A file's bytes, a megabyte a request. */
  async *stream(path: string): AsyncGenerator<Buffer> {
    for (let offset = 0; ; ) {
      const data = (await this.#request({
        op: 'read',
        path,
        offset,
        length: READ_CHUNK,
      })) as string;
      const chunk = Buffer.from(data, 'base64');
      if (chunk.length === 0) return;
      offset += chunk.length;
      yield chunk;
    }
  }

  /** The paths a layer dir marks opaque ('' for its root). */
  async opaque(layerDir: string): Promise<Set<string>> {
    return new Set((await this.#request({ op: 'opaque', path: layerDir })) as string[]);
  }

  #request(request: Omit<RootReadRequest, 'id'>): Promise<unknown> {
    const child = this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#hold(true);
      child.stdin?.write(`${JSON.stringify({ ...request, id })}\n`);
    });
  }

  #start(): ChildProcess {
    if (this.#child) return this.#child;
    const child = helper(['serve'], 'pipe');
    this.#child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // A helper that died fails its requests (below), not this process with a write error.
    child.stdin?.on('error', () => {});
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      this.#buffered += text;
      let newline = this.#buffered.indexOf('\n');
      while (newline >= 0) {
        this.#answer(this.#buffered.slice(0, newline));
        this.#buffered = this.#buffered.slice(newline + 1);
        newline = this.#buffered.indexOf('\n');
      }
    });
    const gone = (why: string) => {
      this.#child = undefined;
      const error = new LighterError('ERR_RUNTIME', `reading layers as root: ${why}`);
      for (const { reject } of this.#pending.values()) reject(error);
      this.#pending.clear();
    };
    child.on('error', (error) => gone(error.message));
    child.on('close', (code) => gone(stderr.trim() || `the helper exited ${code}`));
    return child;
  }

  #answer(line: string): void {
    const answer = JSON.parse(line) as {
      id: number;
      value?: unknown;
      error?: { code?: string; message: string };
    };
    const pending = this.#pending.get(answer.id);
    if (!pending) return;
    this.#pending.delete(answer.id);
    if (this.#pending.size === 0) this.#hold(false);
    if (answer.error) {
      pending.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
    } else {
      pending.resolve(answer.value);
    }
  }

  /** Whether the helper (its process and pipes) keeps this process alive. */
  #hold(hold: boolean): void {
    const child = this.#child;
    if (!child) return;
    for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
      const h = handle as { ref?: () => void; unref?: () => void } | null;
      if (hold) h?.ref?.();
      else h?.unref?.();
    }
  }
}

let reader: RootReader | undefined;

/** This process's RootReader (its helper starts on the first request). */
export function rootReader(): RootReader {
  reader ??= new RootReader();
  return reader;
}
