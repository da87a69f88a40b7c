export const id = 550;
export const ids = [550];
export const modules = {

/***/ 5487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dj: () => (/* binding */ cleanTreePath),
/* harmony export */   mX: () => (/* binding */ notFound),
/* harmony export */   uY: () => (/* binding */ directoryTree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
// Read-only access to a tree of files, so one reader serves a directory and a tar archive alike.




/** Normalizes a tree path (`./a//b` → `a/b`) and refuses `..`, absolute paths and NUL. */
function cleanTreePath(path, location) {
    const parts = [];
    for (const part of path.replaceAll('\\', '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' || part.includes('\0')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
        }
        parts.push(part);
    }
    if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || parts.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
    }
    return parts.join('/');
}
function notFound(location, path) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${location}: ${path} not found`, {
        details: { location, path },
    });
}
/** A FileTree over a directory on disk. */
function directoryTree(dir) {
    const full = (path) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, ...cleanTreePath(path, dir).split('/'));
    const missing = (err, path) => {
        const code = err.code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? notFound(dir, path) : err;
    };
    return {
        location: dir,
        async readFile(path) {
            try {
                return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(full(path));
            }
            catch (err) {
                throw missing(err, path);
            }
        },
        async open(path) {
            const file = full(path);
            // Opening eagerly turns a missing file into a rejected promise, not a later stream error.
            const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file);
            await new Promise((resolve, reject) => {
                stream.once('open', () => resolve());
                stream.once('error', (err) => reject(missing(err, path)));
            });
            return stream;
        },
        async head(path, length) {
            let handle;
            try {
                handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(full(path), 'r');
            }
            catch (err) {
                throw missing(err, path);
            }
            try {
                const buffer = Buffer.alloc(length);
                const { bytesRead } = await handle.read(buffer, 0, length, 0);
                return buffer.subarray(0, bytesRead);
            }
            finally {
                await handle.close();
            }
        },
        async size(path) {
            try {
                const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(full(path));
                return info.isFile() ? info.size : undefined;
            }
            catch (err) {
                const e = missing(err, path);
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt)
                    return undefined;
                throw e;
            }
        },
        async close() { },
    };
}


/***/ }),

/***/ 758:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bz: () => (/* binding */ applyAsRoot),
/* harmony export */   oW: () => (/* binding */ mayHandleLayersAsRoot),
/* harmony export */   r2: () => (/* binding */ layersAsRoot),
/* harmony export */   x0: () => (/* binding */ removeAsRoot)
/* harmony export */ });
/* unused harmony exports RESULT_PREFIX, ERROR_PREFIX, WARNING_PREFIX, diffAsRoot, removeStubsAsRoot, chownTo, STAT_FIELDS, RootReader, rootReader */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6512);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2345);
/* harmony import */ var _blob_pool_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5425);
// Layer directories written, read and removed as root through `sudo -n`, when this process is
// not root but has password-less sudo (GitHub's runners, see DESIGN.md). Containers and RUN
// steps then run as root through sudo too, and a layer unpacked without root would lose its
// owners, device nodes and overlay whiteouts, while a RUN step's upper dir holds files only root
// may read or remove. Each such step runs in a helper process started through sudo: the blob
// worker module, run as a program (layer-helper.ts).








/**
 * The helper's stderr, a JSON value a line: warnings as they come, then what it made or why it
 * failed. JSON keeps a layer's own text (an entry name with a newline) from forging a line.
 */
const RESULT_PREFIX = 'lighter-result ';
const ERROR_PREFIX = 'lighter-error ';
const WARNING_PREFIX = 'lighter-warning ';
// `sudo -n true` answers at once; one that hangs (a broken PAM stack) is taken as no sudo.
const PROBE_TIMEOUT_MS = 10_000;
let probed;
/** Whether `layersAsRoot` can be true at all: Linux, and not root already (known at once). */
function mayHandleLayersAsRoot() {
    return process.platform === 'linux' && process.getuid !== undefined && process.getuid() !== 0;
}
/**
 * Whether layer dirs are handled as root through sudo: on Linux (where containers run; a macOS
 * runner's store only feeds copies), not root, and `sudo -n` works.
 */
function layersAsRoot() {
    probed ??= new Promise((resolve) => {
        if (!mayHandleLayersAsRoot()) {
            resolve(false);
            return;
        }
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: PROBE_TIMEOUT_MS });
        child.on('error', () => resolve(false));
        child.on('close', (code) => resolve(code === 0));
    });
    return probed;
}
/** Applies a layer tar (as `extractInto` does) into `dir` as root. */
async function applyAsRoot(input, dir, compression, logger = _log_js__WEBPACK_IMPORTED_MODULE_6__/* .silentLogger */ .qq) {
    let child;
    try {
        child = helper(['apply', dir, compression], 'pipe');
    }
    catch (error) {
        // Whoever writes the input must not wait for a reader that never comes.
        input.destroy(error);
        throw error;
    }
    let inputError;
    (0,node_stream__WEBPACK_IMPORTED_MODULE_3__.pipeline)(input, child.stdin, (error) => {
        if (error && error.code !== 'EPIPE')
            inputError = error;
    });
    child.stdout?.resume();
    const what = `unpacking a layer into ${dir} as root`;
    try {
        const applied = await outcome(child, what, logger);
        if (inputError)
            throw inputError;
        return applied;
    }
    catch (error) {
        input.destroy();
        // What broke the input (a download cut short) is the cause, not the truncated tar it made.
        throw inputError ?? error;
    }
}
/** `diffLayer` of `dir` as root: the tar streams from the helper's stdout. */
function diffAsRoot(dir, options) {
    const { logger, ...rest } = options;
    const child = helper(['diff', dir, JSON.stringify(rest)], 'ignore');
    const done = outcome(child, `reading ${dir} as root`, logger ?? silentLogger);
    // The tar ends only once the helper said it is whole; a failure errors the stream too, so
    // nothing stores a layer cut short.
    const stream = new PassThrough();
    child.stdout?.pipe(stream, { end: false });
    done.then(() => stream.end(), (error) => stream.destroy(error));
    return { stream, done: done };
}
/** Removes empty mountpoint stubs the runtime made in an upper dir (`removeEmptyStubs`), as root. */
async function removeStubsAsRoot(upper, stubs) {
    if (stubs.length === 0)
        return;
    const child = helper(['unstub', upper, JSON.stringify(stubs)], 'ignore');
    child.stdout?.resume();
    await outcome(child, `removing mountpoint stubs from ${upper} as root`, silentLogger);
}
/**
 * chown: through sudo when this process may not (not root) and handles its layers as root, as
 * a RUN step's secret or cache mount for another user needs.
 */
async function chownTo(path, uid, gid) {
    try {
        await chown(path, uid, gid);
    }
    catch (err) {
        if (err.code !== 'EPERM' || !(await layersAsRoot()))
            throw err;
        await sudo(['chown', `${uid}:${gid}`, '--', path], `giving ${path} to ${uid}:${gid}`);
    }
}
/** `rm -rf` of a tree root made, through sudo. */
function removeAsRoot(path) {
    return sudo(['rm', '-rf', '--one-file-system', '--', path], `removing ${path} as root`);
}
async function sudo(argv, what) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sudo', ['-n', '--', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
        stderr += chunk.toString('utf8');
    });
    const code = await new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', resolve);
    });
    if (code !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LighterError */ .Kt('ERR_STORE', `${what}: ${stderr.trim() || `exit ${code}`}`);
    }
}
function helper(args, stdin) {
    const module = (0,_blob_pool_js__WEBPACK_IMPORTED_MODULE_7__/* .workerModule */ .Fh)();
    if (module === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LighterError */ .Kt('ERR_RUNTIME', 'layers are handled as root here, but blob-worker.js, which does it, is not beside this bundle');
    }
    const path = (0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(module);
    // From sources, Node strips the types itself; the hook maps `./x.js` imports onto `./x.ts`.
    const loader = path.endsWith('.ts')
        ? ['--import', (0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(new URL('../../../scripts/ts-import.mjs', module))]
        : [];
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('sudo', ['-n', '--', process.execPath, ...loader, path, ...args], {
        stdio: [stdin, 'pipe', 'pipe'],
    });
}
/** The helper's result, its warnings passed to `logger`; rejects with its error and code. */
function outcome(child, what, logger) {
    let pending = '';
    let result;
    let failure;
    const other = [];
    const line = (text) => {
        if (text === '')
            return;
        try {
            if (text.startsWith(RESULT_PREFIX)) {
                result = JSON.parse(text.slice(RESULT_PREFIX.length));
            }
            else if (text.startsWith(ERROR_PREFIX)) {
                failure = JSON.parse(text.slice(ERROR_PREFIX.length));
            }
            else if (text.startsWith(WARNING_PREFIX)) {
                logger.warn(String(JSON.parse(text.slice(WARNING_PREFIX.length))));
            }
            else {
                // sudo's own complaints, or a helper that crashed.
                other.push(text);
                logger.warn(text);
            }
        }
        catch {
            other.push(text);
        }
    };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk) => {
        pending += chunk;
        let newline = pending.indexOf('\n');
        while (newline >= 0) {
            line(pending.slice(0, newline));
            pending = pending.slice(newline + 1);
            newline = pending.indexOf('\n');
        }
    });
    return new Promise((resolve, reject) => {
        child.on('error', (error) => reject(new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LighterError */ .Kt('ERR_RUNTIME', `${what}: ${error.message}`, { cause: error })));
        child.on('close', (code) => {
            line(pending);
            if (code === 0 && result !== undefined) {
                resolve(result);
                return;
            }
            const message = failure?.message ?? (other.join('; ') || `the helper exited ${code}`);
            reject(new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LighterError */ .Kt(failure?.code ?? 'ERR_RUNTIME', `${what}: ${message}`));
        });
    });
}
/** The fs.Stats numbers a RootReader's `lstat` carries. */
const STAT_FIELDS = (/* unused pure expression or super */ null && ([
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
]));
const READ_CHUNK = (/* unused pure expression or super */ null && (1024 * 1024));
/**
 * Reads of layer dirs as root, for a process that handles its layers as root (a build's view
 * of an image: COPY into /root, COPY --from of files only root may read, opaque directories
 * marked with `trusted.` xattrs). One helper process (`serve`) answers every request in order;
 * it holds this process open only while a request is pending. Errors keep their errno code.
 */
class RootReader {
    #child;
    #next = 0;
    #pending = new Map();
    #buffered = '';
    async lstat(path) {
        const fields = (await this.#request({ op: 'lstat', path }));
        return Object.assign(Object.create(Stats.prototype), fields);
    }
    async readdir(path) {
        return (await this.#request({ op: 'readdir', path }));
    }
    async readlink(path) {
        return (await this.#request({ op: 'readlink', path }));
    }
    async readFile(path) {
        const chunks = [];
        for await (const chunk of this.stream(path))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    /** A file's bytes, a megabyte a request. */
    async *stream(path) {
        for (let offset = 0;;) {
            const data = (await this.#request({
                op: 'read',
                path,
                offset,
                length: READ_CHUNK,
            }));
            const chunk = Buffer.from(data, 'base64');
            if (chunk.length === 0)
                return;
            offset += chunk.length;
            yield chunk;
        }
    }
    /** The paths a layer dir marks opaque ('' for its root). */
    async opaque(layerDir) {
        return new Set((await this.#request({ op: 'opaque', path: layerDir })));
    }
    #request(request) {
        const child = this.#start();
        const id = this.#next++;
        return new Promise((resolve, reject) => {
            this.#pending.set(id, { resolve, reject });
            this.#hold(true);
            child.stdin?.write(`${JSON.stringify({ ...request, id })}\n`);
        });
    }
    #start() {
        if (this.#child)
            return this.#child;
        const child = helper(['serve'], 'pipe');
        this.#child = child;
        let stderr = '';
        child.stderr?.on('data', (chunk) => {
            stderr += chunk.toString('utf8');
        });
        // A helper that died fails its requests (below), not this process with a write error.
        child.stdin?.on('error', () => { });
        child.stdout?.setEncoding('utf8');
        child.stdout?.on('data', (text) => {
            this.#buffered += text;
            let newline = this.#buffered.indexOf('\n');
            while (newline >= 0) {
                this.#answer(this.#buffered.slice(0, newline));
                this.#buffered = this.#buffered.slice(newline + 1);
                newline = this.#buffered.indexOf('\n');
            }
        });
        const gone = (why) => {
            this.#child = undefined;
            const error = new LighterError('ERR_RUNTIME', `reading layers as root: ${why}`);
            for (const { reject } of this.#pending.values())
                reject(error);
            this.#pending.clear();
        };
        child.on('error', (error) => gone(error.message));
        child.on('close', (code) => gone(stderr.trim() || `the helper exited ${code}`));
        return child;
    }
    #answer(line) {
        const answer = JSON.parse(line);
        const pending = this.#pending.get(answer.id);
        if (!pending)
            return;
        this.#pending.delete(answer.id);
        if (this.#pending.size === 0)
            this.#hold(false);
        if (answer.error) {
            pending.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
        }
        else {
            pending.resolve(answer.value);
        }
    }
    /** Whether the helper (its process and pipes) keeps this process alive. */
    #hold(hold) {
        const child = this.#child;
        if (!child)
            return;
        for (const handle of [child, child.stdin, child.stdout, child.stderr]) {
            const h = handle;
            if (hold)
                h?.ref?.();
            else
                h?.unref?.();
        }
    }
}
let reader;
/** This process's RootReader (its helper starts on the first request). */
function rootReader() {
    reader ??= new RootReader();
    return reader;
}


/***/ }),

/***/ 5425:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CG: () => (/* binding */ blobWorkersReady),
/* harmony export */   Fh: () => (/* binding */ workerModule),
/* harmony export */   T6: () => (/* binding */ followBlob)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
// Worker threads that follow a blob's temp file as it is written, hashing and unpacking it beside the download instead of on its thread.




// Loads the worker module. From sources it first maps our `./x.js` specifiers onto `./x.ts`
// files, as scripts/ts-import.mjs does for the main thread: a worker starts without hooks.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
// As the CLI does for its main thread: later runs skip compiling the worker's modules.
require('node:module').enableCompileCache?.();
if (workerData.mapTs) {
  const { registerHooks } = require('node:module');
  const { existsSync } = require('node:fs');
  const { fileURLToPath } = require('node:url');
  registerHooks({
    resolve(specifier, context, next) {
      if ((specifier.startsWith('.') || specifier.startsWith('/')) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
        const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
        if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
      }
      return next(specifier, context);
    },
  });
}
import(workerData.module);
`;
class BlobWorker {
    #worker;
    sessions = new Map();
    broken = false;
    /** Its module loaded (a worker that cannot load it exits instead, and is broken). */
    ready = false;
    #settled;
    #settle;
    constructor(module) {
        // Loaded with the first worker: a command that pulls nothing need not load worker_threads.
        const { Worker } = process.getBuiltinModule('node:worker_threads');
        this.#worker = new Worker(BOOTSTRAP, {
            eval: true,
            workerData: { module, mapTs: module.endsWith('.ts') },
        });
        this.#settled = new Promise((resolve) => {
            this.#settle = resolve;
        });
        this.#worker.on('message', (m) => {
            if (m.op === 'ready') {
                this.ready = true;
                this.#settle();
                return;
            }
            const session = this.sessions.get(m.id);
            if (!session)
                return;
            if (m.op === 'read')
                session.read(m.hex, m.size);
            else if (m.op === 'unpacked')
                session.unpacked(m.diffId, m.error);
            else if (m.op === 'failed')
                session.failed(m.error);
            else {
                this.#close(m.id);
                session.closed();
            }
        });
        const fail = (err) => {
            this.broken = true;
            this.#settle();
            for (const [id, session] of this.sessions) {
                this.#close(id);
                session.failed({ message: `the blob worker failed: ${err.message}` });
                session.closed();
            }
        };
        this.#worker.on('error', fail);
        this.#worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
        // Idle, it must not keep the process alive (after the listeners: adding one refs it again).
        this.#worker.unref();
    }
    /** Resolves once the worker is ready or broken. */
    settled() {
        return this.#settled;
    }
    open(id, session, start) {
        this.sessions.set(id, session);
        this.#worker.ref();
        this.post(start);
    }
    post(message) {
        this.#worker.postMessage(message);
    }
    #close(id) {
        this.sessions.delete(id);
        if (this.sessions.size === 0)
            this.#worker.unref();
    }
}
let pool;
let nextId = 0;
/**
 * The worker module: beside this one when running from sources (or compiled JavaScript); from
 * a bundle (where it is not a file of its own), the sources of the checkout the bundle sits in,
 * when they are there. Undefined when there is none: then everything runs on the main thread.
 */
function workerModule() {
    const here = import.meta.url;
    const candidates = here.endsWith('.ts')
        ? [new URL('./blob-worker.ts', here)]
        : [new URL('./blob-worker.js', here), new URL('../../src/core/storage/blob-worker.ts', here)];
    const found = candidates.find((url) => url.protocol === 'file:' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(url)));
    return found?.href;
}
function workers() {
    if (pool)
        return pool;
    pool = [];
    if (process.env.LIGHTER_BLOB_WORKERS === '0')
        return pool;
    const module = workerModule();
    if (module === undefined)
        return pool;
    // One CPU stays with the main thread (the download, its verification, the file writes).
    const count = Number(process.env.LIGHTER_BLOB_WORKERS ?? 0) ||
        Math.max(1, Math.min(4, (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)() - 1));
    try {
        for (let i = 0; i < count; i++)
            pool.push(new BlobWorker(module));
    }
    catch {
        pool = [];
    }
    return pool;
}
/**
 * Starts the workers (when not started yet) and waits, at most `waitMs`, until one can take
 * blobs. True when one can. Starting them when a pull begins lets their start-up overlap the
 * first downloads; a worker that is not ready in time simply leaves the work to this thread.
 */
async function blobWorkersReady(waitMs = 0) {
    const all = workers();
    if (all.some((w) => w.ready && !w.broken))
        return true;
    if (waitMs > 0 && all.some((w) => !w.broken)) {
        let timer;
        await Promise.race([
            Promise.race(all.map((w) => w.settled())),
            new Promise((resolve) => {
                timer = setTimeout(resolve, waitMs);
            }),
        ]);
        clearTimeout(timer);
    }
    return all.some((w) => w.ready && !w.broken);
}
/**
 * Has a worker follow a file as it is written (`grow`, then `end`): hashing it and/or
 * unpacking it as a layer. `file` is an open descriptor (which the caller keeps open until
 * `read` settles) or a path. Undefined when no worker can be had: the caller then does the
 * work on its own thread.
 */
function followBlob(file, options) {
    const live = workers().filter((w) => w.ready && !w.broken);
    if (live.length === 0)
        return undefined;
    const worker = live.reduce((a, b) => (b.sessions.size < a.sessions.size ? b : a));
    const id = ++nextId;
    const unpack = options.unpack;
    const read = deferred();
    const unpacked = unpack ? deferred() : undefined;
    const closed = deferred();
    let readDone = false;
    const toError = (e) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt(e.code ?? 'ERR_STORE', e.message);
    worker.open(id, {
        read(hex, size) {
            readDone = true;
            read.resolve({ ...(hex !== undefined ? { digest: `sha256:${hex}` } : {}), size });
        },
        unpacked(diffId, error) {
            if (error)
                unpacked?.reject(toError(error));
            else
                unpacked?.resolve(diffId);
        },
        failed(error) {
            const err = toError(error);
            if (!readDone)
                read.reject(err);
            unpacked?.reject(err);
        },
        closed() {
            const err = new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_STORE', 'the blob worker stopped early');
            if (!readDone)
                read.reject(err);
            unpacked?.reject(err);
            closed.resolve();
        },
    }, {
        op: 'start',
        id,
        ...(typeof file === 'number' ? { fd: file } : { file }),
        hash: options.hash,
        ...(unpack ? { unpackDir: unpack.dir, compression: unpack.compression } : {}),
    });
    return {
        grow: (size) => worker.post({ op: 'grow', id, size }),
        end: (size) => worker.post({ op: 'end', id, size }),
        abort: () => {
            worker.post({ op: 'abort', id });
            return closed.promise;
        },
        read: read.promise,
        unpacked: unpacked?.promise,
    };
}
function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    // Whoever needs the value awaits it; this only keeps an unawaited failure from crashing.
    promise.catch(() => { });
    return { promise, resolve, reject };
}


/***/ }),

/***/ 8348:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ layerDirName),
/* harmony export */   s: () => (/* binding */ chainIds)
/* harmony export */ });
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7691);
// Chain IDs (OCI image spec, config.md): the key of an unpacked layer stack, one per layer position.

/**
 * The chain ID of every prefix of `diffIds`: the first is the first diff ID, then
 * `sha256(previous + " " + diffId)`. A layer directory named by its chain ID is shared by
 * every image whose stack up to that layer is the same.
 */
function chainIds(diffIds) {
    const out = [];
    let previous;
    for (const diffId of diffIds) {
        previous = previous === undefined ? diffId : (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestOf */ .ol)(`${previous} ${diffId}`);
        out.push(previous);
    }
    return out;
}
/** The directory name of a chain ID under `layers/` (the hex part; all chain IDs are sha256). */
function layerDirName(chainId) {
    return (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestHex */ .sU)(chainId);
}


/***/ }),

/***/ 3451:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AK: () => (/* binding */ liveClaims),
/* harmony export */   YE: () => (/* binding */ LEASES_DIR),
/* harmony export */   Ys: () => (/* binding */ layerClaim),
/* harmony export */   nD: () => (/* binding */ Lease)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _leftovers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7393);
// Leases: what a live process is using or writing, so a concurrent GC keeps it though no image names it yet.




const LEASES_DIR = 'leases';
function layerClaim(chainHex) {
    return `layer:${chainHex}`;
}
/**
 * One process's lease: a file `leases/<pid>-<hex>` listing claims, one a line. GC reads every
 * live lease under the store lock and keeps what they list; a lease whose process died is void.
 *
 * The protocol that makes this safe: a claim is appended under the same lock GC holds, and only
 * then does the holder look at (or create) the thing claimed. So either GC ran before the claim
 * (and the holder sees the result, e.g. a blob gone and to be fetched again), or GC runs after
 * it and keeps the thing. Claims made together share one lock round trip.
 */
class Lease {
    path;
    #withLock;
    #claims = new Map();
    #queue = [];
    #batch;
    #flushing = false;
    #released = false;
    constructor(path, withLock) {
        this.path = path;
        this.#withLock = withLock;
    }
    static async create(storeDir, withLock) {
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(storeDir, LEASES_DIR);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, '', { flag: 'wx' });
        return new Lease(path, withLock);
    }
    /** Resolves once every claim is recorded where GC will see it. */
    claim(claims) {
        if (this.#released)
            return Promise.reject(new Error('lease used after release'));
        const waits = [];
        for (const claim of claims) {
            let pending = this.#claims.get(claim);
            if (!pending) {
                pending = this.#enqueue(claim);
                this.#claims.set(claim, pending);
                // A failed claim may be retried by a later call.
                pending.catch(() => this.#claims.delete(claim));
            }
            waits.push(pending);
        }
        return Promise.all(waits).then(() => { });
    }
    /** Ends the lease: what it claimed is garbage again unless an image refers to it. */
    async release() {
        if (this.#released)
            return;
        this.#released = true;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(this.path).catch(() => { });
    }
    #enqueue(claim) {
        this.#queue.push(claim);
        if (!this.#batch) {
            let resolve;
            let reject;
            const promise = new Promise((res, rej) => {
                resolve = res;
                reject = rej;
            });
            // Awaited by the claimers; this only keeps an unawaited rejection from crashing the process.
            promise.catch(() => { });
            this.#batch = { promise, resolve, reject };
        }
        const batch = this.#batch.promise;
        void this.#flush();
        return batch;
    }
    async #flush() {
        if (this.#flushing)
            return;
        this.#flushing = true;
        try {
            while (this.#queue.length > 0) {
                const claims = this.#queue;
                const batch = this.#batch;
                this.#queue = [];
                this.#batch = undefined;
                try {
                    await this.#withLock(() => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile)(this.path, `${claims.join('\n')}\n`));
                    batch?.resolve();
                }
                catch (err) {
                    batch?.reject(err);
                }
            }
        }
        finally {
            this.#flushing = false;
        }
    }
}
/**
 * Reads every lease: claims of live processes are returned; files of dead processes are
 * removed (call under the store lock, so no claim is being appended to a lease being judged).
 */
async function liveClaims(storeDir) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(storeDir, LEASES_DIR);
    const claims = new Set();
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return claims;
        throw err;
    }
    for (const name of names) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
        const pid = Number(name.split('-', 1)[0]);
        if (!Number.isInteger(pid) || pid <= 0)
            continue;
        if (!(0,_leftovers_js__WEBPACK_IMPORTED_MODULE_3__/* .isProcessAlive */ .jW)(pid)) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(path).catch(() => { });
            continue;
        }
        let text;
        try {
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
        }
        catch {
            continue;
        }
        for (const line of text.split('\n'))
            if (line !== '')
                claims.add(line);
    }
    return claims;
}


/***/ }),

/***/ 7393:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F0: () => (/* binding */ moveToTrash),
/* harmony export */   Q_: () => (/* binding */ findLeftovers),
/* harmony export */   eS: () => (/* binding */ treeBytes),
/* harmony export */   ij: () => (/* binding */ isLeftover),
/* harmony export */   jW: () => (/* binding */ isProcessAlive),
/* harmony export */   u8: () => (/* binding */ tempName),
/* harmony export */   vf: () => (/* binding */ discard),
/* harmony export */   xs: () => (/* binding */ ownerPid)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _remove_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4798);
// Names of work-in-progress files carry the writer's pid, so anyone can tell a live writer's temp files from a dead one's leftovers.




/**
 * A hidden name for something this process is still writing: `.tmp-<kind>-<pid>-<hex>`.
 * `ownerPid` reads the pid back; the name never looks like a digest, so GC never takes it for content.
 */
function tempName(kind) {
    return `.tmp-${kind}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
}
// Ours (`.tmp-layer-1-ab`, `.trash-1-ab`), writeContentFile's (`.tmp-blob-1-ab`) and
// writeFileAtomic's (`.index.json.tmp-1-ab`): a pid, then random hex, at the end.
const TEMP = /^\..*?(?:tmp|trash)(?:-[a-z]+)?-(\d+)-[0-9a-f]+$/;
/** The pid in a temp name, or undefined when the name is not one of ours. */
function ownerPid(name) {
    const match = TEMP.exec(name);
    return match ? Number(match[1]) : undefined;
}
/** True while `pid` runs (EPERM: it runs, as another user). */
function isProcessAlive(pid) {
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/** A temp name whose writer is gone: nobody will finish it, so it can be removed. */
function isLeftover(name) {
    const pid = ownerPid(name);
    return pid !== undefined && !isProcessAlive(pid);
}
/** The leftovers directly inside `dir` (missing dir: none). */
async function findLeftovers(dir) {
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return [];
        throw err;
    }
    return names.filter(isLeftover).map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name));
}
/**
 * Removes `paths`, first renaming each into a private trash directory under `root`, so that
 * two processes cleaning at once never trip over a half-removed tree: whoever renames it owns it.
 * Returns the bytes freed (file sizes) and how many paths this call removed.
 */
async function discard(root, paths) {
    if (paths.length === 0)
        return { count: 0, bytes: 0 };
    const trash = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, `.trash-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    let count = 0;
    let trashed = [trash];
    try {
        trashed = await moveToTrash(trash, paths, (moved) => {
            count += moved;
        });
        let bytes = 0;
        for (const path of trashed) {
            bytes += await treeBytes(path);
            await (0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .removeTree */ .d)(path);
        }
        return { count, bytes };
    }
    catch (err) {
        for (const path of trashed)
            await (0,_remove_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .removeTree */ .d)(path).catch(() => { });
        throw err;
    }
}
/**
 * Renames `paths` into `trash` (created on demand); a path that vanished meanwhile is skipped.
 * A directory this process may not move to another parent (root's, for a process that handles
 * its layers as root) is renamed to a trash name beside it instead. Returns what the caller
 * removes: `trash` and those (a crash leaves them as leftovers that a later GC removes).
 */
async function moveToTrash(trash, paths, onMoved) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(trash, { recursive: true });
    const trashed = [trash];
    let i = 0;
    for (const path of paths) {
        try {
            try {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(path, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(trash, String(i++)));
            }
            catch (err) {
                const code = err.code;
                if (code !== 'EACCES' && code !== 'EPERM')
                    throw err;
                const beside = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.trash-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(path, beside);
                trashed.push(beside);
            }
            onMoved?.(1);
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
        }
    }
    return trashed;
}
/** Sum of the sizes of regular files under `path` (the path itself may be a file). */
async function treeBytes(path) {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(path);
    }
    catch {
        return 0;
    }
    if (info.isFile())
        return info.size;
    if (!info.isDirectory())
        return 0;
    let names;
    try {
        names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(path);
    }
    catch {
        return 0;
    }
    const sizes = await Promise.all(names.map((name) => treeBytes((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(path, name))));
    return sizes.reduce((a, b) => a + b, 0);
}


/***/ }),

/***/ 4798:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ removeTree)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _as_root_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(758);
// Removes a directory tree even when the tree itself forbids it (read-only directories unpacked from an image).



/**
 * `rm -rf`, except that directories without write permission (common in images: a 0555
 * `/usr`) are made writable first when a plain removal fails, as a non-root owner must; and a
 * tree made by root for a process that handles its layers as root is removed through sudo.
 */
async function removeTree(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { recursive: true, force: true, maxRetries: 2 });
        return;
    }
    catch (err) {
        const code = err.code;
        if (code !== 'EACCES' && code !== 'EPERM')
            throw err;
    }
    // Made by root for this process (layers handled as root through sudo): removed the same way,
    // without first walking a tree whose modes this user may not change anyway.
    if (await (0,_as_root_js__WEBPACK_IMPORTED_MODULE_2__/* .layersAsRoot */ .r2)()) {
        await (0,_as_root_js__WEBPACK_IMPORTED_MODULE_2__/* .removeAsRoot */ .x0)(path);
        return;
    }
    await makeWritable(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { recursive: true, force: true, maxRetries: 2 });
}
async function makeWritable(path) {
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path);
    }
    catch {
        return;
    }
    if (!info.isDirectory())
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(path, 0o700).catch(() => { });
    const names = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path).catch(() => []);
    await Promise.all(names.map((name) => makeWritable((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, name))));
}


/***/ }),

/***/ 5550:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ Store)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var core_digest = __webpack_require__(7691);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/fs/atomic-write.js
var atomic_write = __webpack_require__(4680);
// EXTERNAL MODULE: ./.build/src/core/fs/exists.js
var exists = __webpack_require__(4127);
// EXTERNAL MODULE: ./.build/src/core/fs/tree.js
var tree = __webpack_require__(5487);
// EXTERNAL MODULE: ./.build/src/core/layout/layout.js
var layout = __webpack_require__(8686);
// EXTERNAL MODULE: ./.build/src/core/layout/writer.js + 1 modules
var layout_writer = __webpack_require__(9311);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: ./.build/src/core/manifest.js
var core_manifest = __webpack_require__(9626);
// EXTERNAL MODULE: ./.build/src/core/media-types.js
var media_types = __webpack_require__(9155);
// EXTERNAL MODULE: ./.build/src/core/platform.js
var platform = __webpack_require__(292);
// EXTERNAL MODULE: ./.build/src/core/reference.js
var reference = __webpack_require__(8978);
// EXTERNAL MODULE: ./.build/src/core/storage/blob-pool.js
var blob_pool = __webpack_require__(5425);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./.build/src/core/storage/blob-writer.js
// Writes a blob into the store whole or not at all, while a worker follows the file to hash (and unpack) it.









/**
 * The layout writer's protocol (a `.tmp-blob-<pid>-<hex>` file in the store root, fsynced,
 * renamed to its digest's path, the directory fsynced; an existing blob is kept), written with
 * gathered writes, hashed here unless verified upstream. With `unpackInto`, a worker thread
 * reads the file right behind the writer (from the page cache: the file is the tee) to unpack
 * it as a layer: this thread writes, the worker inflates, hashes the tar for the diff ID and
 * untars, so a pull uses two CPUs; undefined then when no worker is ready. A size or digest
 * other than `expected` fails before anything gets a final name.
 */
async function writeFollowedBlob(storeDir, stream, expected, blobFile, options = {}) {
    const unpackInto = options.unpackInto;
    // Trusted only with a digest to trust; the size is counted either way.
    const trusted = options.verifiedUpstream === true && expected.digest !== undefined;
    const what = expected.what ?? `blob ${expected.digest ?? ''}`;
    const temp = (0,external_node_path_.join)(storeDir, `.tmp-blob-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    // Read and write: the worker reads through this descriptor, and it is closed once the
    // worker is done with it.
    const handle = await (0,promises_.open)(temp, 'wx+', 0o644);
    let followed;
    const closeWhenRead = () => {
        const reading = followed ? followed.read.catch(() => { }) : Promise.resolve();
        void reading.then(() => handle.close()).catch(() => { });
    };
    try {
        followed = (0,blob_pool/* followBlob */.T6)(handle.fd, {
            hash: false,
            ...(unpackInto ? { unpack: unpackInto } : {}),
        });
        if (!followed) {
            await handle.close();
            await (0,promises_.rm)(temp, { force: true });
            return undefined;
        }
        const sink = new FileSink(handle, followed, expected.size, what, !trusted);
        await (0,external_node_stream_promises_.pipeline)(stream, sink);
        const size = sink.position;
        if (expected.size !== undefined && expected.size >= 0 && size !== expected.size) {
            throw sizeMismatch(what, expected.size, size);
        }
        followed?.end(size);
        const digest = sink.hash
            ? `sha256:${sink.hash.digest('hex')}`
            : expected.digest;
        if (expected.digest !== undefined && digest !== expected.digest) {
            throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${what}: digest mismatch: expected ${expected.digest}, got ${digest}`, { details: { expected: expected.digest, actual: digest } });
        }
        const final = blobFile(digest);
        if (await (0,exists/* pathExists */.s)(final)) {
            // Content-addressed: the file there holds these very bytes, and readers may have it open.
            await (0,promises_.rm)(temp, { force: true });
        }
        else {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(final), { recursive: true });
            await (0,promises_.rename)(temp, final);
            await (0,atomic_write/* fsyncDir */.t_)((0,external_node_path_.dirname)(final));
        }
        closeWhenRead();
        return { digest, size, ...(followed?.unpacked ? { unpacked: followed.unpacked } : {}) };
    }
    catch (err) {
        await followed?.abort();
        await handle.close().catch(() => { });
        await (0,promises_.rm)(temp, { force: true });
        throw err;
    }
}
/** Hashes and writes chunks (gathered: one writev per batch), telling the worker how far the file is written. */
class FileSink extends external_node_stream_.Writable {
    position = 0;
    hash;
    #handle;
    #followed;
    #limit;
    #what;
    #announced = 0;
    constructor(handle, followed, limit, what, hash) {
        super({ highWaterMark: 4 * 1024 * 1024 });
        this.hash = hash ? (0,external_node_crypto_.createHash)('sha256') : undefined;
        this.#handle = handle;
        this.#followed = followed;
        this.#limit = limit !== undefined && limit >= 0 ? limit : undefined;
        this.#what = what;
    }
    _writev(chunks, done) {
        this.#write(chunks.map((c) => c.chunk)).then(() => done(), done);
    }
    _write(chunk, _enc, done) {
        this.#write([chunk]).then(() => done(), done);
    }
    _final(done) {
        // Durable before it can get a name (and an index.json entry can point at it).
        this.#handle.sync().then(() => done(), done);
    }
    async #write(buffers) {
        const total = buffers.reduce((n, b) => n + b.length, 0);
        if (this.#limit !== undefined && this.position + total > this.#limit) {
            throw sizeMismatch(this.#what, this.#limit, this.position + total);
        }
        if (this.hash)
            for (const b of buffers)
                this.hash.update(b);
        let pending = buffers;
        while (pending.length > 0) {
            const { bytesWritten } = await this.#handle.writev(pending, this.position);
            this.position += bytesWritten;
            pending = skip(pending, bytesWritten);
        }
        // Told a megabyte at a time (and the rest by `end`): each message wakes the worker for a
        // read and a decompressor round trip, and a write is often just one network read's worth.
        if (this.position - this.#announced >= ANNOUNCE_STEP) {
            this.#announced = this.position;
            this.#followed?.grow(this.position);
        }
    }
}
const ANNOUNCE_STEP = 1024 * 1024;
/** The buffers left after `n` bytes of them were written (writev may write less than all). */
function skip(buffers, n) {
    let left = n;
    const rest = [];
    for (const b of buffers) {
        if (left >= b.length) {
            left -= b.length;
            continue;
        }
        rest.push(left > 0 ? b.subarray(left) : b);
        left = 0;
    }
    return rest;
}
function sizeMismatch(what, want, got) {
    return new errors/* LighterError */.Kt('ERR_SIZE_MISMATCH', `${what}: size mismatch: expected ${want} bytes, got ${got}${got > want ? ' or more' : ''}`, { details: { expected: want, actual: got } });
}

// EXTERNAL MODULE: ./.build/src/core/storage/chain-id.js
var chain_id = __webpack_require__(8348);
// EXTERNAL MODULE: ./.build/src/core/storage/lease.js
var storage_lease = __webpack_require__(3451);
// EXTERNAL MODULE: ./.build/src/core/storage/leftovers.js
var storage_leftovers = __webpack_require__(7393);
// EXTERNAL MODULE: ./.build/src/core/storage/location.js
var storage_location = __webpack_require__(3014);
;// CONCATENATED MODULE: ./.build/src/core/storage/meta.js
// Small per-image facts the OCI layout has no place for (when it was added, last used, where from), one JSON file per image.




const META_DIR = 'meta';
function metaPath(storeDir, digest) {
    return (0,external_node_path_.join)(storeDir, META_DIR, `${(0,core_digest/* digestHex */.sU)(digest)}.json`);
}
async function readMeta(storeDir, digest) {
    try {
        const value = JSON.parse(await (0,promises_.readFile)(metaPath(storeDir, digest), 'utf8'));
        return typeof value === 'object' && value !== null ? value : {};
    }
    catch {
        return {};
    }
}
/**
 * Merges `patch` into the image's facts. Not locked: two writers racing lose one `lastUsed`
 * stamp at worst, and the file is replaced atomically so it is never torn.
 */
async function updateMeta(storeDir, digest, patch, options = {}) {
    const current = await readMeta(storeDir, digest);
    const next = { ...current, ...patch };
    if (current.added)
        next.added = current.added;
    await (0,promises_.mkdir)((0,external_node_path_.join)(storeDir, META_DIR), { recursive: true });
    await (0,atomic_write/* writeFileAtomic */.Zf)(metaPath(storeDir, digest), `${JSON.stringify(next)}\n`, options);
}
/** Removes the facts of images no longer in the store; returns how many files went. */
async function pruneMeta(storeDir, keep) {
    let names;
    try {
        names = await (0,promises_.readdir)((0,external_node_path_.join)(storeDir, META_DIR));
    }
    catch {
        return 0;
    }
    let removed = 0;
    for (const name of names) {
        const match = /^([a-f0-9]{64})\.json$/.exec(name);
        if (!match || keep.has(match[1]))
            continue;
        await (0,promises_.unlink)((0,external_node_path_.join)(storeDir, META_DIR, name)).catch(() => { });
        removed++;
    }
    return removed;
}

// EXTERNAL MODULE: ./.build/src/core/storage/names.js
var names = __webpack_require__(4645);
// EXTERNAL MODULE: ./.build/src/core/storage/remove-tree.js
var remove_tree = __webpack_require__(4798);
;// CONCATENATED MODULE: ./.build/src/core/storage/tee.js
// Copies one stream into two consumers at the pace of the slower, for unpacking a layer from the same bytes that go into its blob file.

/** Chunks buffered per branch; enough to keep the disk and the unpacker busy. */
const TEE_HIGH_WATER = 1024 * 1024;
const TEE_CHUNK = 512 * 1024;
/**
 * Copies `input` into both outputs, going at the pace of the slower one. When the second
 * gives up (its consumer failed, reported through its own promise), the first goes on alone;
 * when the first stops, the copy fails.
 */
async function tee(input, first, second) {
    let secondOpen = true;
    const closeSecond = (err) => {
        if (!secondOpen)
            return;
        secondOpen = false;
        if (err)
            second.destroy(err);
        else if (!second.destroyed)
            second.end();
    };
    try {
        const send = async (chunk) => {
            if (first.destroyed)
                throw new errors/* LighterError */.Kt('ERR_STORE', 'the blob writer stopped');
            const waits = [];
            if (!first.write(chunk))
                waits.push(drained(first));
            if (secondOpen && second.destroyed)
                closeSecond();
            if (secondOpen && !second.write(chunk))
                waits.push(drained(second));
            if (waits.length > 0)
                await Promise.all(waits);
        };
        // Network reads arrive in small pieces; passing them on in larger ones makes every stage
        // downstream (hashing, file writes, inflating, the tar reader) pay its per-chunk cost less often.
        let pending = [];
        let pendingBytes = 0;
        for await (const chunk of input) {
            pending.push(chunk);
            pendingBytes += chunk.length;
            if (pendingBytes >= TEE_CHUNK) {
                const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
                pending = [];
                pendingBytes = 0;
                await send(joined);
            }
        }
        if (pendingBytes > 0)
            await send(Buffer.concat(pending, pendingBytes));
    }
    catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        first.destroy(error);
        closeSecond(error);
        throw err;
    }
    first.end();
    closeSecond();
}
/** Resolves when `stream` wants more, or can take no more (closed or failed). */
function drained(stream) {
    if (stream.destroyed)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            stream.off('error', done);
            resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
    });
}

// EXTERNAL MODULE: ./.build/src/core/storage/unpack.js + 10 modules
var unpack = __webpack_require__(4823);
;// CONCATENATED MODULE: ./.build/src/core/storage/store.js
// The local image store: an OCI image layout plus unpacked layer directories, shared safely by concurrent processes.
//
// On disk (STORE is `defaultStoreDir()` unless given):
//   oci-layout, index.json      the OCI image layout; names are `org.opencontainers.image.ref.name`
//   blobs/sha256/<hex>          content, written whole under its digest (temp file, fsync, rename)
//   index.json.lock             the one lock: index.json updates, lease claims and GC
//   layers/<chain ID hex>/      unpacked layers with overlay whiteouts, one overlay lower dir each
//   meta/<manifest hex>.json    advisory facts per image (added, last used, source)
//   leases/<pid>-<hex>          what live processes use or are writing, kept by GC
// Work in progress has a hidden name carrying its writer's pid (`.tmp-…-<pid>-<hex>`); once that
// process is gone it is a leftover, removed on the next open or prune.



























const UNPACK_CONCURRENCY = 4;
// Below this, a worker round trip costs more than hashing on this thread.
const WORKER_MIN = 1024 * 1024;
// How long unpacking waits for a worker thread to start before doing the work itself.
const WORKER_WAIT_MS = 2000;
class Store {
    /** Absolute path of the store. */
    dir;
    layersDir;
    /** The OCI layout writer (blobs and index.json) the store is built on. */
    writer;
    logger;
    /** The store as a read-only file tree, for LayoutReader and blob streams. */
    tree;
    #options;
    /** Parsed facts per top-level digest; content never changes under a digest. */
    #facts = new Map();
    constructor(dir, writer, options) {
        this.dir = dir;
        this.layersDir = (0,external_node_path_.join)(dir, unpack/* LAYERS_DIR */.Fj);
        this.writer = writer;
        this.logger = options.logger ?? log/* silentLogger */.qq;
        this.tree = (0,tree/* directoryTree */.uY)(dir);
        this.#options = options;
    }
    /**
     * Opens (creating when needed) the store at `dir`, by default `defaultStoreDir()`
     * (LIGHTER_STORE, else /var/lib/lighter as root, else the user's data dir). Removes leftovers
     * of writers that died. Throws ERR_STORE when the directory is not usable, ERR_BAD_MANIFEST
     * when it holds something other than an OCI layout.
     */
    static async open(dir, options = {}) {
        const root = (0,external_node_path_.resolve)(dir ?? (0,storage_location/* defaultStoreDir */.i)());
        const writer = await (0,errors/* contextual */.iF)(`opening the store ${root}`, async () => {
            const w = await layout_writer/* LayoutWriter */.s.open(root, {
                ...(options.logger ? { logger: options.logger } : {}),
                ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
            });
            for (const sub of [unpack/* LAYERS_DIR */.Fj, META_DIR, storage_lease/* LEASES_DIR */.YE]) {
                await (0,promises_.mkdir)((0,external_node_path_.join)(root, sub), { recursive: true });
            }
            return w;
        }, 'ERR_STORE');
        const store = new Store(root, writer, options);
        // skopeo and umoci refuse a layout without index.json; a new store gets an empty one.
        if (!(await (0,exists/* pathExists */.s)((0,external_node_path_.join)(root, layout/* INDEX_FILE */.K$))))
            await writer.updateIndex((index) => index);
        await store.#removeLeftovers();
        return store;
    }
    /** Every image, grouped by top-level manifest, in index.json order. */
    async images() {
        return this.#group(await this.writer.readIndex());
    }
    /**
     * Finds an image by name or ID, as podman does: the exact normalized name (`busybox` is
     * `docker.io/library/busybox:latest`), then `localhost/NAME`, then a unique stored name ending
     * in `/NAME:TAG`; `NAME@sha256:…` also matches by digest; hex (optionally `sha256:`) is a
     * prefix of an image ID or manifest digest. ERR_NOT_FOUND lists similar names;
     * ERR_BAD_REFERENCE for a malformed name; ERR_INVALID_ARGUMENT when a prefix is ambiguous.
     */
    async resolve(input) {
        return this.#find(await this.writer.readIndex(), input);
    }
    /**
     * Gives an image another name. A short name goes under `localhost/` (see localImageName);
     * a name that pointed at another image moves, and that image goes if it has no name left.
     * Returns the stored name.
     */
    async tag(image, newName) {
        const name = (0,names/* localImageName */.ci)(newName);
        const target = typeof image === 'string' ? await this.resolve(image) : image;
        await this.#updateIndex(async (index) => {
            if (!index.manifests.some((d) => d.digest === target.digest)) {
                throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `tagging ${target.digest} as ${name}: the image was removed meanwhile`);
            }
            return setName(index, target.descriptor, name);
        });
        await this.#touch(target.digest);
        return name;
    }
    /** Removes one name, keeping the image (unnamed if that was its last name). Returns the name removed. */
    async untag(name) {
        let removed = '';
        await this.#updateIndex(async (index) => {
            const stored = this.#findName(index, name);
            const entry = index.manifests.find((d) => (0,layout/* refName */.P7)(d) === stored);
            removed = stored;
            let next = {
                ...index,
                manifests: index.manifests.filter((d) => (0,layout/* refName */.P7)(d) !== stored),
            };
            if (!next.manifests.some((d) => d.digest === entry.digest)) {
                next = (0,layout/* addEntry */.An)(next, withoutName(entry), undefined);
            }
            return next;
        });
        return removed;
    }
    /**
     * `rmi`: by name, removes that name (the image goes with its last name); by ID, removes the
     * image and every name of it (several names need `force`). Space is freed by `prune`.
     */
    async remove(input, options = {}) {
        let result;
        await this.#updateIndex(async (index) => {
            let stored;
            try {
                stored = this.#findName(index, input);
            }
            catch (err) {
                if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND') && !(0,errors/* isLighterError */.E0)(err, 'ERR_BAD_REFERENCE')) {
                    throw err;
                }
            }
            if (stored !== undefined) {
                const digest = index.manifests.find((d) => (0,layout/* refName */.P7)(d) === stored).digest;
                const manifests = index.manifests.filter((d) => (0,layout/* refName */.P7)(d) !== stored);
                result = {
                    untagged: [stored],
                    deleted: !manifests.some((d) => d.digest === digest),
                    digest,
                };
                return { ...index, manifests };
            }
            const found = await this.#find(index, input);
            const names = namesOf(index, found.digest);
            if (names.length > 1 && !options.force) {
                throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `removing ${input}: image ${found.id.slice(0, 12)} has several names (${names.join(', ')}); remove them by name, or force`, { details: { names } });
            }
            result = { untagged: names, deleted: true, digest: found.digest };
            return { ...index, manifests: index.manifests.filter((d) => d.digest !== found.digest) };
        });
        return result;
    }
    /**
     * Adds an image whose blobs are all in the store (the storage destination's commit, a
     * build's last step) under `name` (stored as given: normalize first), or unnamed.
     */
    async addImage(descriptor, options = {}) {
        const plain = withoutName(descriptor);
        await this.#updateIndex(async (index) => options.name === undefined
            ? (0,layout/* addEntry */.An)(index, plain, undefined)
            : setName(index, plain, options.name));
        await this.fault('index-updated');
        const now = new Date().toISOString();
        await updateMeta(this.dir, plain.digest, {
            added: now,
            lastUsed: now,
            ...(options.source ? { source: options.source } : {}),
        }).catch((err) => this.logger.debug(`recording facts of ${plain.digest}: ${(0,errors/* errorMessage */.gJ)(err)}`));
    }
    /** The image manifest and config of a stored image (for an index: of one platform). */
    async inspect(image, options = {}) {
        const target = typeof image === 'string' ? await this.resolve(image) : image;
        const label = target.names[0] ?? target.id.slice(0, 12);
        return (0,errors/* contextual */.iF)(`reading image ${label} from the store ${this.dir}`, async () => {
            const top = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(target.descriptor), target.mediaType);
            let digest = target.digest;
            let manifest;
            if (top.kind === 'index') {
                const chosen = (0,platform/* selectManifest */.yY)(top.index, options.platform ?? (0,platform/* hostPlatform */.ol)());
                digest = chosen.digest;
                const child = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(chosen), chosen.mediaType);
                if (child.kind !== 'image') {
                    throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `nested index ${chosen.digest} is not supported`);
                }
                manifest = child.manifest;
            }
            else {
                manifest = top.manifest;
            }
            const config = (0,core_manifest/* parseImageConfig */.FB)(await this.readBlob(manifest.config));
            return { image: target, digest, manifest, configDigest: manifest.config.digest, config };
        });
    }
    /**
     * The overlay lower dirs of an image, top layer first (the order of overlayfs' `lowerdir=`),
     * unpacking any layer not unpacked yet. An image without layers gives [].
     */
    async layerDirs(image, options = {}) {
        const inspected = await this.inspect(image, options);
        const { manifest, config } = inspected;
        const label = inspected.image.names[0] ?? inspected.image.id.slice(0, 12);
        const diffIds = config.rootfs.diff_ids;
        if (diffIds.length !== manifest.layers.length) {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `image ${label}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`);
        }
        const chains = (0,chain_id/* chainIds */.s)(diffIds);
        const lease = options.lease ?? (await this.lease());
        try {
            await lease.claim([
                ...manifest.layers.map((l) => l.digest),
                ...chains.map((c) => (0,storage_lease/* layerClaim */.Ys)((0,chain_id/* layerDirName */.O)(c))),
            ]);
            const missing = await Promise.all(chains.map(async (c) => !(await (0,unpack/* isDirectory */.wd)((0,unpack/* layerPath */.nV)(this.layersDir, c)))));
            if (missing.some(Boolean))
                await this.prepareWorkers(WORKER_WAIT_MS);
            await mapLimit(chains, UNPACK_CONCURRENCY, async (chain, i) => {
                if (await (0,unpack/* isDirectory */.wd)((0,unpack/* layerPath */.nV)(this.layersDir, chain)))
                    return;
                const layer = manifest.layers[i];
                const what = `unpacking layer ${i + 1}/${chains.length} (${layer.digest}) of ${label}`;
                await (0,errors/* contextual */.iF)(what, async () => {
                    this.logger.debug(what);
                    const file = this.writer.blobFile(layer.digest);
                    if (!(await this.writer.hasBlob(layer))) {
                        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `blob ${layer.digest} is not in the store ${this.dir}`, {
                            details: { digest: layer.digest },
                        });
                    }
                    await (0,unpack/* unpackLayer */.yY)({ file, digest: layer.digest, size: layer.size }, this.layersDir, chain, {
                        compression: (0,media_types/* layerCompression */.AH)(layer.mediaType) ?? 'auto',
                        diffId: diffIds[i],
                        logger: this.logger,
                        what,
                    });
                });
            });
        }
        finally {
            if (!options.lease)
                await lease.release();
        }
        await this.#touch(inspected.image.digest);
        return chains.map((c) => (0,unpack/* layerPath */.nV)(this.layersDir, c)).reverse();
    }
    /**
     * Garbage collection: removes blobs and layer dirs no image refers to and no live lease
     * claims, leftovers of dead writers, and (with `all`) unnamed images. The decision and the
     * renames into a private trash happen under the lock; deleting happens after, unlocked.
     */
    async prune(options = {}) {
        const result = { images: 0, blobs: 0, layers: 0, leftovers: 0, bytes: 0 };
        const trash = (0,external_node_path_.join)(this.dir, `.trash-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        let trashed = [trash];
        try {
            await this.writer.withLock(async () => {
                let index = await this.writer.readIndex();
                if (options.all) {
                    const named = index.manifests.filter((d) => (0,layout/* refName */.P7)(d) !== undefined);
                    const namedDigests = new Set(named.map((d) => d.digest));
                    const dropped = new Set(index.manifests.filter((d) => !namedDigests.has(d.digest)).map((d) => d.digest));
                    if (index.manifests.length !== named.length) {
                        index = { ...index, manifests: named };
                        await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.dir, layout/* INDEX_FILE */.K$), JSON.stringify(index));
                    }
                    result.images = dropped.size;
                }
                const keep = await this.referenced(index);
                const claims = await (0,storage_lease/* liveClaims */.AK)(this.dir);
                const doomed = [];
                const blobsRoot = (0,external_node_path_.join)(this.dir, 'blobs');
                for (const algorithm of await listDir(blobsRoot)) {
                    for (const name of await listDir((0,external_node_path_.join)(blobsRoot, algorithm))) {
                        const digest = `${algorithm}:${name}`;
                        if (keep.blobs.has(digest) || claims.has(digest) || (0,storage_leftovers/* ownerPid */.xs)(name) !== undefined) {
                            continue;
                        }
                        doomed.push((0,external_node_path_.join)(blobsRoot, algorithm, name));
                        result.blobs++;
                    }
                }
                for (const name of await listDir(this.layersDir)) {
                    if ((0,storage_leftovers/* ownerPid */.xs)(name) !== undefined) {
                        if ((0,storage_leftovers/* isLeftover */.ij)(name)) {
                            doomed.push((0,external_node_path_.join)(this.layersDir, name));
                            result.leftovers++;
                        }
                        continue;
                    }
                    if (!/^[a-f0-9]{64}$/.test(name))
                        continue;
                    if (keep.layers.has(name) || claims.has((0,storage_lease/* layerClaim */.Ys)(name)))
                        continue;
                    doomed.push((0,external_node_path_.join)(this.layersDir, name));
                    result.layers++;
                }
                const leftovers = [
                    ...(await (0,storage_leftovers/* findLeftovers */.Q_)(this.dir)),
                    ...(await (0,storage_leftovers/* findLeftovers */.Q_)((0,external_node_path_.join)(this.dir, META_DIR))),
                ];
                result.leftovers += leftovers.length;
                doomed.push(...leftovers);
                trashed = await (0,storage_leftovers/* moveToTrash */.F0)(trash, doomed);
                await this.fault('gc-moved');
                await pruneMeta(this.dir, new Set(index.manifests.map((d) => (0,core_digest/* digestHex */.sU)(d.digest))));
            });
            for (const path of trashed)
                result.bytes += await (0,storage_leftovers/* treeBytes */.eS)(path);
        }
        finally {
            for (const path of trashed)
                await (0,remove_tree/* removeTree */.d)(path);
        }
        return result;
    }
    /** A new lease for this process (release it when done). */
    lease() {
        return storage_lease/* Lease */.nD.create(this.dir, (fn) => this.writer.withLock(fn));
    }
    /**
     * Writes a blob (whole or not at all), checked against `expected` before it gets its name.
     * With `unpackInto` the layer is unpacked into that directory from the same bytes as they
     * are written, by a worker thread following the file (writeFollowedBlob) or, without one,
     * through a tee on this thread; `unpacked` then gives its diff ID (or the unpacking error).
     */
    async putBlob(stream, expected = {}, options = {}) {
        const small = expected.size !== undefined && expected.size >= 0 && expected.size < WORKER_MIN;
        const sha256 = expected.digest === undefined || (0,core_digest/* digestAlgorithm */.g4)(expected.digest) === 'sha256';
        let written;
        if (!small && sha256) {
            // A pull's first layers arrive while the workers are still starting: worth the wait.
            const inWorker = options.unpackInto !== undefined && (await (0,blob_pool/* blobWorkersReady */.CG)(WORKER_WAIT_MS));
            if (options.unpackInto) {
                this.logger.debug(`${expected.what ?? 'blob'}: unpacking ${inWorker ? 'in a worker thread' : 'on the main thread'}`);
            }
            written = await writeFollowedBlob(this.dir, stream, expected, (d) => this.writer.blobFile(d), options);
        }
        if (!written && options.unpackInto) {
            written = await this.#putAndUnpack(stream, expected, options.unpackInto);
        }
        written ??= await this.writer.putBlob(stream, expected);
        await this.fault('blob-written');
        return written;
    }
    /** putBlob with unpacking on this thread: one read, teed into the blob file and the unpacker. */
    async #putAndUnpack(stream, expected, into) {
        const toBlob = new external_node_stream_.PassThrough({ highWaterMark: TEE_HIGH_WATER });
        const toUnpack = new external_node_stream_.PassThrough({ highWaterMark: TEE_HIGH_WATER });
        const writing = this.writer.putBlob(toBlob, expected);
        const unpacking = (0,unpack/* extractInto */.Qz)(toUnpack, into.dir, into.compression, this.logger).then((applied) => applied.diffId);
        unpacking.catch(() => { });
        const [pumped, written] = await Promise.allSettled([tee(stream, toBlob, toUnpack), writing]);
        if (written.status === 'rejected' || pumped.status === 'rejected') {
            // Let the unpacker stop before the caller removes its directory.
            await unpacking.catch(() => { });
            // The writer's own error says more than the tee's "stopped" (the same object when the
            // input failed: the tee passes it on).
            throw written.status === 'rejected'
                ? written.reason
                : pumped.reason;
        }
        return { ...written.value, unpacked: unpacking };
    }
    /**
     * Starts the worker threads that unpack layers beside a download (see blob-pool), waiting at
     * most `waitMs` for one to be ready. Without them everything still works, on this thread.
     */
    prepareWorkers(waitMs = 0) {
        return (0,blob_pool/* blobWorkersReady */.CG)(waitMs);
    }
    /** Reads a small blob (manifest, config) whole, checking it against its descriptor. */
    async readBlob(descriptor) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(this.writer.blobFile(descriptor.digest));
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `blob ${descriptor.digest} is not in the store ${this.dir}`, { cause: err, details: { digest: descriptor.digest } });
        }
        (0,core_digest/* verifyBytes */.RV)(bytes, {
            ...descriptor,
            what: `blob ${descriptor.digest} in the store ${this.dir}`,
        });
        return bytes;
    }
    /** Runs the test hook for `point`, if any. */
    async fault(point) {
        await this.#options.faultPoint?.(point);
    }
    // ---- internals
    /**
     * Read-modify-write of index.json under the store lock; the new index replaces the old
     * atomically (temp, fsync, rename), so readers never wait and never see a torn file.
     */
    async #updateIndex(mutate) {
        await this.writer.withLock(async () => {
            const next = await mutate(await this.writer.readIndex());
            await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.dir, layout/* INDEX_FILE */.K$), JSON.stringify(next));
        });
    }
    async #removeLeftovers() {
        try {
            const paths = [
                ...(await (0,storage_leftovers/* findLeftovers */.Q_)(this.dir)),
                ...(await (0,storage_leftovers/* findLeftovers */.Q_)(this.layersDir)),
                ...(await (0,storage_leftovers/* findLeftovers */.Q_)((0,external_node_path_.join)(this.dir, META_DIR))),
            ];
            // Void leases go too; GC would drop them anyway, this just keeps the directory small.
            await liveClaimsCleanup(this.dir);
            const { count } = await (0,storage_leftovers/* discard */.vf)(this.dir, paths);
            if (count > 0)
                this.logger.debug(`removed ${count} leftover(s) of interrupted writes in ${this.dir}`);
        }
        catch (err) {
            // Cleaning is a courtesy: a read-only store still serves reads.
            this.logger.debug(`cleaning leftovers in ${this.dir}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    async #touch(digest) {
        // A hint for pruning by age: not worth two fsyncs on every run.
        const stamp = { lastUsed: new Date().toISOString() };
        await updateMeta(this.dir, digest, stamp, { durable: false }).catch((err) => this.logger.debug(`recording use of ${digest}: ${(0,errors/* errorMessage */.gJ)(err)}`));
    }
    /** Resolves input to a stored image's digest (see `resolve`). */
    async #find(index, input) {
        const text = input.trim();
        if (text === '')
            throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', 'invalid image name "": it is empty');
        let ref;
        let refError;
        try {
            ref = (0,reference/* parseReference */.F2)(text);
        }
        catch (err) {
            refError = err;
        }
        const hex = (0,names/* idPrefix */.m0)(text);
        const stored = storedNames(index);
        const named = this.#matchName(index, text, ref);
        if (named !== undefined) {
            const entry = index.manifests.find((d) => (0,layout/* refName */.P7)(d) === named);
            return this.#imageOf(index, entry.digest);
        }
        if (ref?.digest !== undefined) {
            const entry = index.manifests.find((d) => d.digest === ref.digest);
            if (entry)
                return this.#imageOf(index, entry.digest);
        }
        if (hex !== undefined) {
            const images = await this.#group(index);
            const hits = images.filter((i) => i.id.startsWith(hex) || (0,core_digest/* digestHex */.sU)(i.digest).startsWith(hex));
            if (hits.length === 1)
                return hits[0];
            if (hits.length > 1) {
                throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `"${text}" matches ${hits.length} images (${hits.map((i) => i.id.slice(0, 12)).join(', ')}); give more of the ID`);
            }
        }
        if (ref === undefined && hex === undefined)
            throw refError;
        throw (0,names/* notFound */.mX)(text, stored, this.dir);
    }
    /** The stored name `input` means, or undefined (ambiguous short names throw). */
    #matchName(index, text, ref) {
        const stored = storedNames(index);
        if (stored.includes(text))
            return text;
        if (!ref)
            return undefined;
        const candidates = (0,names/* nameCandidates */.sB)(text, ref);
        const exact = candidates.exact.find((n) => stored.includes(n));
        if (exact !== undefined)
            return exact;
        const bySuffix = candidates.bySuffix(stored);
        if (bySuffix.length === 1)
            return bySuffix[0];
        if (bySuffix.length > 1) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `"${text}" could mean ${bySuffix.join(', ')}; give the full name`, { details: { candidates: bySuffix } });
        }
        return undefined;
    }
    /** The stored name for a name argument (not an ID); ERR_NOT_FOUND or ERR_BAD_REFERENCE otherwise. */
    #findName(index, input) {
        const text = input.trim();
        const stored = storedNames(index);
        if (stored.includes(text))
            return text;
        const ref = (0,reference/* parseReference */.F2)(text);
        const name = this.#matchName(index, text, ref);
        if (name === undefined)
            throw (0,names/* notFound */.mX)(text, stored, this.dir);
        return name;
    }
    async #imageOf(index, digest) {
        const entry = index.manifests.find((d) => d.digest === digest);
        return this.#describe(withoutName(entry), namesOf(index, digest));
    }
    async #group(index) {
        const seen = new Map();
        for (const d of index.manifests)
            if (!seen.has(d.digest))
                seen.set(d.digest, withoutName(d));
        return Promise.all([...seen.values()].map((d) => this.#describe(d, namesOf(index, d.digest))));
    }
    async #describe(descriptor, names) {
        let facts = this.#facts.get(descriptor.digest);
        if (!facts) {
            facts = this.#readFacts(descriptor);
            this.#facts.set(descriptor.digest, facts);
        }
        const [f, meta] = await Promise.all([facts, readMeta(this.dir, descriptor.digest)]);
        return {
            id: f.id,
            digest: descriptor.digest,
            mediaType: descriptor.mediaType,
            descriptor,
            names,
            size: f.size,
            ...(f.created ? { created: f.created } : {}),
            platforms: f.platforms,
            ...metaFields(meta),
        };
    }
    /** Reads what `images` shows; tolerant, so one damaged image does not hide the others. */
    async #readFacts(descriptor) {
        const facts = { id: (0,core_digest/* digestHex */.sU)(descriptor.digest), size: 0, platforms: [] };
        const counted = new Set();
        const count = (d) => {
            if (counted.has(d.digest))
                return;
            counted.add(d.digest);
            facts.size += d.size;
        };
        const image = async (d, manifest, top) => {
            count(d);
            count(manifest.config);
            for (const layer of manifest.layers)
                count(layer);
            try {
                const config = (0,core_manifest/* parseImageConfig */.FB)(await this.readBlob(manifest.config));
                if (top)
                    facts.id = (0,core_digest/* digestHex */.sU)(manifest.config.digest);
                if (config.created && (!facts.created || config.created > facts.created)) {
                    facts.created = config.created;
                }
                facts.platforms.push((0,platform/* formatPlatform */.Bq)({
                    os: config.os,
                    architecture: config.architecture,
                    ...(config.variant ? { variant: config.variant } : {}),
                }));
            }
            catch (err) {
                this.logger.debug(`reading config of ${d.digest}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        };
        try {
            const top = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(descriptor), descriptor.mediaType);
            if (top.kind === 'image') {
                await image(descriptor, top.manifest, true);
            }
            else {
                count(descriptor);
                for (const child of top.index.manifests) {
                    let parsed;
                    try {
                        parsed = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(child), child.mediaType);
                    }
                    catch {
                        continue; // A platform not copied here (or an artifact): not part of what is stored.
                    }
                    if (parsed.kind === 'image')
                        await image(child, parsed.manifest, false);
                }
            }
        }
        catch (err) {
            this.logger.debug(`reading image ${descriptor.digest}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            facts.size = descriptor.size;
        }
        return facts;
    }
    /**
     * Blobs and layer dirs (chain ID hex) reachable from `index` (default: index.json as it is).
     * Callers that delete what is not listed hold the store lock around both.
     */
    async referenced(index) {
        const blobs = new Set();
        const layers = new Set();
        const visit = async (d) => {
            if (blobs.has(d.digest))
                return;
            blobs.add(d.digest);
            let parsed;
            try {
                parsed = (0,core_manifest/* parseManifest */.Ng)(await (0,promises_.readFile)(this.writer.blobFile(d.digest)), d.mediaType);
            }
            catch {
                return; // Missing or not a manifest: nothing below it to keep.
            }
            if (parsed.kind === 'index') {
                for (const child of parsed.index.manifests)
                    await visit(child);
                return;
            }
            const { config, layers: layerBlobs } = parsed.manifest;
            blobs.add(config.digest);
            for (const layer of layerBlobs)
                blobs.add(layer.digest);
            try {
                const parsedConfig = (0,core_manifest/* parseImageConfig */.FB)(await (0,promises_.readFile)(this.writer.blobFile(config.digest)));
                for (const chain of (0,chain_id/* chainIds */.s)(parsedConfig.rootfs.diff_ids))
                    layers.add((0,chain_id/* layerDirName */.O)(chain));
            }
            catch {
                // No config (or not an image config): no layer dirs belong to it.
            }
        };
        for (const d of (index ?? (await this.writer.readIndex())).manifests)
            await visit(d);
        return { blobs, layers };
    }
}
function metaFields(meta) {
    return {
        ...(meta.added ? { added: meta.added } : {}),
        ...(meta.lastUsed ? { lastUsed: meta.lastUsed } : {}),
        ...(meta.source ? { source: meta.source } : {}),
    };
}
/** Names `name` → `descriptor`: the entry of that name moves, an unnamed entry of the image goes. */
function setName(index, descriptor, name) {
    const manifests = index.manifests.filter((d) => !((0,layout/* refName */.P7)(d) === undefined && d.digest === descriptor.digest));
    return (0,layout/* addEntry */.An)({ ...index, manifests }, withoutName(descriptor), name);
}
function withoutName(d) {
    if (!d.annotations || !(layout/* REF_NAME */.w5 in d.annotations))
        return d;
    const { [layout/* REF_NAME */.w5]: _name, ...rest } = d.annotations;
    const { annotations: _annotations, ...plain } = d;
    return Object.keys(rest).length > 0 ? { ...plain, annotations: rest } : plain;
}
function namesOf(index, digest) {
    const names = [];
    for (const d of index.manifests) {
        const name = (0,layout/* refName */.P7)(d);
        if (d.digest === digest && name !== undefined && !names.includes(name))
            names.push(name);
    }
    return names;
}
function storedNames(index) {
    return [...new Set(index.manifests.flatMap((d) => (0,layout/* refName */.P7)(d) ?? []))];
}
async function listDir(dir) {
    try {
        return await (0,promises_.readdir)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return [];
        throw err;
    }
}
/** Drops lease files of dead processes (what `liveClaims` does, without needing the claims). */
async function liveClaimsCleanup(storeDir) {
    await (0,storage_lease/* liveClaims */.AK)(storeDir);
}
/** Runs `fn` over `items`, at most `limit` at once; the first failure rejects after all settle. */
async function mapLimit(items, limit, fn) {
    let next = 0;
    const errors = [];
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                await fn(items[i], i);
            }
            catch (err) {
                errors.push(err);
                next = items.length;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (errors.length > 0)
        throw errors[0];
}


/***/ }),

/***/ 4823:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fj: () => (/* binding */ LAYERS_DIR),
  Qz: () => (/* binding */ extractInto),
  wd: () => (/* binding */ isDirectory),
  nV: () => (/* binding */ layerPath),
  Fk: () => (/* binding */ makeTempLayerDir),
  We: () => (/* binding */ placeLayerDir),
  yY: () => (/* binding */ unpackLayer)
});

// UNUSED EXPORTS: checkDiffId, layerDecoder

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./.build/src/core/decompress.js
var decompress = __webpack_require__(1187);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/fs/atomic-write.js
var atomic_write = __webpack_require__(4680);
// EXTERNAL MODULE: ./.build/src/core/storage/as-root.js
var as_root = __webpack_require__(758);
// EXTERNAL MODULE: ./.build/src/core/storage/blob-pool.js
var blob_pool = __webpack_require__(5425);
// EXTERNAL MODULE: ./.build/src/core/storage/chain-id.js
var chain_id = __webpack_require__(8348);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var digest = __webpack_require__(7691);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./.build/src/core/storage/layer/device-node.js
// Creates device nodes and FIFOs with mknod(1), many per process, since Node has no mknod(2).
//
// Whiteouts are 0/0 character devices, and a layer that deletes a directory's contents holds
// hundreds of them side by side, so nodes are queued and made by one shell per batch.


// Five arguments a node: path, mode, type letter, major, minor.
const SCRIPT = `while [ "$#" -gt 0 ]; do
  if [ "$3" = p ]; then mknod -m "$2" -- "$1" p || exit 1
  else mknod -m "$2" -- "$1" "$3" "$4" "$5" || exit 1; fi
  shift 5
done`;
const TYPE_LETTER = {
    'character-device': 'c',
    'block-device': 'b',
    fifo: 'p',
};
/** Makes every node in order; the first failure stops the batch and is thrown as ERR_STORE. */
async function makeNodes(nodes) {
    if (nodes.length === 0)
        return;
    const args = [];
    for (const n of nodes) {
        args.push(n.path, (n.mode & 0o7777).toString(8), TYPE_LETTER[n.kind], String(n.major), String(n.minor));
    }
    const { code, stderr } = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', SCRIPT, 'lighter-mknod', ...args], {
            stdio: ['ignore', 'ignore', 'pipe'],
        });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (exit) => resolve({ code: exit ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
    });
    if (code !== 0) {
        throw new errors/* LighterError */.Kt('ERR_STORE', `creating device nodes: ${stderr.trim() || `mknod exited ${code}`}`);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/id-map.js
// Maps uids and gids between a layer (container ids) and the disk (host ids), as user namespaces do.

/** Container id → host id; identity without a map. Throws when the id has no mapping. */
function hostId(map, kind, id, entry) {
    if (!map)
        return id;
    const ranges = kind === 'uid' ? map.uids : map.gids;
    for (const r of ranges) {
        if (id >= r.containerId && id < r.containerId + r.size)
            return r.hostId + (id - r.containerId);
    }
    throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `entry "${entry}": ${kind} ${id} has no mapping to a host ${kind}`, { details: { entry, [kind]: id } });
}
/** Host id → container id; identity without a map. Throws when the id has no mapping. */
function id_map_containerId(map, kind, id, path) {
    if (!map)
        return id;
    const ranges = kind === 'uid' ? map.uids : map.gids;
    for (const r of ranges) {
        if (id >= r.hostId && id < r.hostId + r.size)
            return r.containerId + (id - r.hostId);
    }
    throw new LighterError('ERR_UNSUPPORTED', `"${path}": host ${kind} ${id} is outside the id map, so the layer cannot name its owner`, { details: { path, [kind]: id } });
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/safe-root.js
// Resolves archive paths inside a layer directory without ever following a symlink.
//
// Every parent component is checked with lstat and must be a real directory: an archive that
// plants `a -> /etc` and then writes `a/passwd` is refused, not followed. Directories already
// checked are remembered until something under them is removed, so deep trees cost one lstat
// per new directory rather than one per component per entry.



/**
 * Splits an archive path into clean components: a leading `/` and `.` components are dropped
 * (Docker and containerd do the same), `a/../b` becomes `b`, and a path that climbs above the
 * root is refused, as Docker refuses it (containerd would clamp it at the root instead).
 */
function entryComponents(name, entry, what = 'path') {
    if (name.includes('\u0000'))
        throw unsafe(entry, `${what} contains a NUL byte`);
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                throw unsafe(entry, `${what} "${name}" climbs out of the layer root`);
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return parts;
}
function unsafe(entry, reason) {
    return new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `entry "${entry}": ${reason}`, {
        details: { entry },
    });
}
function lstatOrUndefined(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
class SafeRoot {
    root;
    /** Relative paths known to be real directories, reached through real directories. */
    #dirs = new Set();
    #onExisting;
    /** `onExisting` sees each directory that was already there, the first time it is passed. */
    constructor(root, onExisting) {
        this.root = root;
        this.#onExisting = onExisting;
    }
    abs(rel) {
        return rel === '' ? this.root : (0,external_node_path_.join)(this.root, rel);
    }
    /**
     * Makes sure every parent of `parts` is a real directory, creating missing ones
     * (`onCreate` gets each new one). Refuses a parent that is a symlink or not a directory.
     */
    ensureParents(parts, entry, onCreate) {
        let rel = '';
        for (let i = 0; i < parts.length - 1; i++) {
            rel = rel === '' ? parts[i] : `${rel}/${parts[i]}`;
            if (this.#dirs.has(rel))
                continue;
            const stats = lstatOrUndefined(this.abs(rel));
            if (stats === undefined) {
                (0,external_node_fs_.mkdirSync)(this.abs(rel), { mode: 0o755 });
                onCreate(rel);
            }
            else {
                this.#checkParent(stats, rel, entry);
                this.#onExisting?.(rel, stats);
            }
            this.#dirs.add(rel);
        }
    }
    /**
     * Checks that every parent of `parts` exists as a real directory without creating any.
     * Returns false when one is missing; throws when one is a symlink or not a directory.
     */
    parentsExist(parts, entry) {
        let rel = '';
        for (let i = 0; i < parts.length - 1; i++) {
            rel = rel === '' ? parts[i] : `${rel}/${parts[i]}`;
            if (this.#dirs.has(rel))
                continue;
            const stats = lstatOrUndefined(this.abs(rel));
            if (stats === undefined)
                return false;
            this.#checkParent(stats, rel, entry);
            this.#onExisting?.(rel, stats);
            this.#dirs.add(rel);
        }
        return true;
    }
    /** Like parentsExist, but answers false instead of throwing (for deferred work re-checking). */
    parentsIntact(parts) {
        try {
            return this.parentsExist(parts, '');
        }
        catch {
            return false;
        }
    }
    /** Records a directory this extraction made or checked itself. */
    rememberDir(rel) {
        this.#dirs.add(rel);
    }
    /** Removes whatever is at `rel` (recursively for a directory, never following symlinks). */
    remove(rel, stats) {
        const path = this.abs(rel);
        if (stats.isDirectory()) {
            (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
            this.#forget(rel);
        }
        else {
            (0,external_node_fs_.unlinkSync)(path);
        }
    }
    #forget(rel) {
        const prefix = `${rel}/`;
        for (const dir of this.#dirs) {
            if (dir === rel || dir.startsWith(prefix))
                this.#dirs.delete(dir);
        }
    }
    #checkParent(stats, rel, entry) {
        if (stats.isSymbolicLink()) {
            throw unsafe(entry, `parent "${rel}" is a symlink; writing through it could leave the layer`);
        }
        if (!stats.isDirectory())
            throw unsafe(entry, `parent "${rel}" is not a directory`);
    }
}

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./.build/src/core/storage/layer/tar-header.js
// Tar headers for the layers we write (ustar plus PAX records) and binary-safe PAX parsing.
//
// tar-stream's packer writes PAX values as UTF-8 text and knows only path and linkpath, so
// binary xattr values (security.capability) and uids beyond 2^21 could not be written with it;
// the format is small, so the writer side is done here, byte for byte deterministic.
const BLOCK_SIZE = 512;
const TYPEFLAG = {
    file: 0x30,
    link: 0x31,
    symlink: 0x32,
    'character-device': 0x33,
    'block-device': 0x34,
    directory: 0x35,
    fifo: 0x36,
};
const PAX_TYPEFLAG = 0x78; // 'x'
const MAX_OCTAL_8 = 0o7777777; // what fits an 8-byte field: 7 digits and a NUL
const MAX_OCTAL_12 = 0o77777777777;
/** The header blocks of one entry: an optional PAX header with its records, then ustar. */
function tar_header_encodeHeader(header) {
    const name = header.type === 'directory' ? `${header.name}/` : header.name;
    const linkname = header.linkname ?? '';
    const records = [];
    const split = splitUstarName(name);
    if (!split)
        records.push(paxRecord('path', Buffer.from(name, 'utf8')));
    if (!fitsUstar(linkname, 100))
        records.push(paxRecord('linkpath', Buffer.from(linkname, 'utf8')));
    if (header.size > MAX_OCTAL_12)
        records.push(paxRecord('size', decimal(header.size)));
    if (header.uid > MAX_OCTAL_8)
        records.push(paxRecord('uid', decimal(header.uid)));
    if (header.gid > MAX_OCTAL_8)
        records.push(paxRecord('gid', decimal(header.gid)));
    const mtimeFits = header.mtime >= 0 && header.mtime <= MAX_OCTAL_12;
    if (!mtimeFits)
        records.push(paxRecord('mtime', decimal(header.mtime)));
    for (const [key, value] of header.xattrs ?? []) {
        records.push(paxRecord(`SCHILY.xattr.${key}`, value));
    }
    const ustar = ustarBlock({
        name: split?.name ?? asciiPlaceholder(name, 100),
        prefix: split?.prefix ?? '',
        mode: header.mode & 0o7777,
        uid: header.uid > MAX_OCTAL_8 ? 0 : header.uid,
        gid: header.gid > MAX_OCTAL_8 ? 0 : header.gid,
        size: header.size > MAX_OCTAL_12 ? 0 : header.size,
        mtime: mtimeFits ? header.mtime : 0,
        typeflag: TYPEFLAG[header.type],
        linkname: fitsUstar(linkname, 100) ? linkname : asciiPlaceholder(linkname, 100),
        devmajor: header.devmajor ?? 0,
        devminor: header.devminor ?? 0,
    });
    if (records.length === 0)
        return ustar;
    const body = Buffer.concat(records);
    const paxHeader = ustarBlock({
        // The directory/PaxHeaders.0/base convention of Go and GNU tar: readers that do not know
        // PAX extract a harmless file there instead of misreading the records.
        name: asciiPlaceholder(`PaxHeaders.0/${baseName(name)}`, 100),
        prefix: '',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: body.length,
        mtime: mtimeFits ? header.mtime : 0,
        typeflag: PAX_TYPEFLAG,
        linkname: '',
        devmajor: 0,
        devminor: 0,
    });
    return Buffer.concat([paxHeader, body, tar_header_padding(body.length), ustar]);
}
/** Zero bytes that complete a member of `size` bytes to a whole block. */
function tar_header_padding(size) {
    const rest = size % BLOCK_SIZE;
    return Buffer.alloc(rest === 0 ? 0 : BLOCK_SIZE - rest);
}
/** Two zero blocks end an archive. */
function tar_header_endOfArchive() {
    return Buffer.alloc(2 * BLOCK_SIZE);
}
/**
 * Parses PAX extended header records, keeping values as bytes (keys are UTF-8 by the
 * standard; SCHILY.xattr values are raw). Parsing stops at the first malformed record.
 */
function parsePaxRecords(data) {
    const records = new Map();
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let offset = 0;
    while (offset < buf.length) {
        const space = buf.indexOf(0x20, offset);
        if (space < 0)
            break;
        const length = Number.parseInt(buf.toString('ascii', offset, space), 10);
        if (!Number.isInteger(length) || length <= space - offset + 1 || offset + length > buf.length) {
            break;
        }
        const end = offset + length;
        if (buf[end - 1] !== 0x0a)
            break;
        const equals = buf.indexOf(0x3d, space + 1);
        if (equals < 0 || equals >= end)
            break;
        const key = buf.toString('utf8', space + 1, equals);
        records.set(key, Buffer.from(buf.subarray(equals + 1, end - 1)));
        offset = end;
    }
    return records;
}
function ustarBlock(f) {
    const block = Buffer.alloc(BLOCK_SIZE);
    block.write(f.name, 0, 100, 'utf8');
    writeOctal(block, 100, 8, f.mode);
    writeOctal(block, 108, 8, f.uid);
    writeOctal(block, 116, 8, f.gid);
    writeOctal(block, 124, 12, f.size);
    writeOctal(block, 136, 12, f.mtime);
    block.fill(0x20, 148, 156); // checksum counts as spaces while it is computed
    block[156] = f.typeflag;
    block.write(f.linkname, 157, 100, 'utf8');
    block.write('ustar\u000000', 257, 8, 'latin1');
    writeNumeric(block, 329, 8, f.devmajor);
    writeNumeric(block, 337, 8, f.devminor);
    block.write(f.prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of block)
        sum += byte;
    // Six digits, NUL, space: the historical layout every reader accepts.
    block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
    return block;
}
function writeOctal(block, offset, width, value) {
    block.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}
/** Octal when it fits, else GNU base-256 (device numbers have no PAX keyword). */
function writeNumeric(block, offset, width, value) {
    if (value <= MAX_OCTAL_8) {
        writeOctal(block, offset, width, value);
        return;
    }
    let rest = value;
    for (let i = width - 1; i > 0; i--) {
        block[offset + i] = rest % 256;
        rest = Math.floor(rest / 256);
    }
    block[offset] = 0x80;
}
function paxRecord(key, value) {
    const tail = Buffer.concat([Buffer.from(` ${key}=`, 'utf8'), value, Buffer.from('\n')]);
    // The length prefix counts its own digits.
    let length = tail.length + 1;
    while (String(length).length + tail.length !== length)
        length = String(length).length + tail.length;
    return Buffer.concat([Buffer.from(String(length), 'ascii'), tail]);
}
function decimal(value) {
    return Buffer.from(String(Math.trunc(value)), 'ascii');
}
function isAscii(text) {
    return /^[\u0001-\u007f]*$/.test(text);
}
function fitsUstar(text, width) {
    return isAscii(text) && text.length <= width;
}
/** Splits a long ASCII name into ustar prefix (≤155) and name (≤100) at a slash, if possible. */
function splitUstarName(name) {
    if (!isAscii(name))
        return undefined;
    if (name.length <= 100)
        return { prefix: '', name };
    if (name.length > 256)
        return undefined;
    // The earliest slash that leaves at most 100 bytes for the name part.
    for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
        if (i > 155)
            return undefined;
        const rest = name.slice(i + 1);
        if (rest.length <= 100 && rest.length > 0 && i > 0) {
            return { prefix: name.slice(0, i), name: rest };
        }
    }
    return undefined;
}
function baseName(name) {
    const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/** What goes in a ustar field that a PAX record overrides: printable ASCII, truncated. */
function asciiPlaceholder(text, width) {
    return text.replace(/[^\u0020-\u007e]/g, '_').slice(0, width);
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/tar-entry.js
// Reads a layer tar as a sequence of entries with PAX records kept as bytes, over tar-stream.
//
// tar-stream decodes PAX values as UTF-8 text (losing binary xattr values such as
// security.capability) and applies only path, linkpath and size. A small subclass of its
// extractor keeps each entry's raw records; uid, gid, mtime and xattrs are read from them here.
// The binary-xattr test in apply.test.ts fails loudly if tar-stream's internals move.



let rawPaxExtract;
function rawPaxExtractClass() {
    if (rawPaxExtract)
        return rawPaxExtract;
    const probe = (0,tar_stream.extract)();
    const Base = probe.constructor;
    probe.destroy();
    const proto = Base.prototype;
    if (typeof proto._decodeLongHeader !== 'function' ||
        typeof proto._applyLongHeaders !== 'function') {
        throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', 'reading layer tars: this tar-stream version has no _decodeLongHeader/_applyLongHeaders to hook');
    }
    rawPaxExtract = class RawPaxExtract extends Base {
        #pax;
        #globalPax;
        _decodeLongHeader(buf) {
            const type = this._header?.type;
            if (type === 'pax-header')
                this.#pax = parsePaxRecords(buf);
            else if (type === 'pax-global-header')
                this.#globalPax = parsePaxRecords(buf);
            super._decodeLongHeader(buf);
        }
        _applyLongHeaders() {
            super._applyLongHeaders();
            const merged = new Map(this.#globalPax ?? []);
            for (const [key, value] of this.#pax ?? [])
                merged.set(key, value);
            this.#pax = undefined;
            if (this._header)
                this._header.rawPax = merged;
        }
    };
    return rawPaxExtract;
}
/**
 * Yields the entries of an uncompressed tar stream in order. The source is read to its very
 * end (past the end-of-archive blocks), so a digest taken upstream covers every byte.
 * Returning early (or throwing from the loop body) destroys the source.
 */
async function* readTarEntries(source) {
    const extract = new (rawPaxExtractClass())();
    const feeding = feed(source, extract);
    feeding.catch((err) => extract.destroy(err));
    let complete = false;
    try {
        for await (const stream of extract) {
            let consumed = false;
            const data = (async function* () {
                for await (const chunk of stream)
                    yield chunk;
                consumed = true;
            })();
            yield toEntry(stream.header, data);
            if (!consumed)
                for await (const _ of data)
                    ;
        }
        await feeding;
        complete = true;
    }
    finally {
        if (!complete) {
            source.destroy();
            extract.destroy();
            await feeding.catch(() => { });
        }
    }
}
async function feed(source, extract) {
    for await (const chunk of source) {
        if (!extract.write(chunk))
            await drained(extract);
    }
    extract.end(undefined);
}
function drained(extract) {
    const x = extract;
    if (x.destroying || x.destroyed)
        return Promise.reject(new Error('tar reader stopped'));
    return new Promise((resolve, reject) => {
        const done = (err) => {
            extract.off('drain', onDrain);
            extract.off('close', onClose);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onDrain = () => done();
        const onClose = () => done(new Error('tar reader stopped'));
        extract.on('drain', onDrain);
        extract.on('close', onClose);
    });
}
function toEntry(header, data) {
    const pax = header.rawPax ?? new Map();
    const xattrs = [];
    for (const [key, value] of pax) {
        if (key.startsWith('SCHILY.xattr.')) {
            xattrs.push([key.slice('SCHILY.xattr.'.length), value]);
        }
        else if (key.startsWith('LIBARCHIVE.xattr.')) {
            // bsdtar: URL-encoded name, base64 value.
            const name = decodeURIComponent(key.slice('LIBARCHIVE.xattr.'.length));
            if (!xattrs.some(([n]) => n === name)) {
                xattrs.push([name, Buffer.from(value.toString('latin1'), 'base64')]);
            }
        }
    }
    return {
        name: header.name,
        type: header.type ?? 'unsupported',
        mode: header.mode & 0o7777,
        uid: paxNumber(pax, 'uid') ?? header.uid,
        gid: paxNumber(pax, 'gid') ?? header.gid,
        mtime: paxNumber(pax, 'mtime') ?? header.mtime.getTime() / 1000,
        size: header.size,
        linkname: header.linkname ?? '',
        devmajor: header.devmajor ?? 0,
        devminor: header.devminor ?? 0,
        xattrs,
        data,
    };
}
function paxNumber(pax, key) {
    const value = pax.get(key);
    if (value === undefined)
        return undefined;
    const n = Number(value.toString('ascii'));
    return Number.isFinite(n) ? n : undefined;
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/whiteout.js
// OCI whiteout names (`.wh.NAME`, `.wh..wh..opq`) and their overlayfs equivalents.

const whiteout_WHITEOUT_PREFIX = '.wh.';
const whiteout_OPAQUE_WHITEOUT = '.wh..wh..opq';
/** AUFS kept its own bookkeeping under `.wh..wh.` names (plnk, aufs); such entries mean nothing here. */
const WHITEOUT_META_PREFIX = '.wh..wh.';
function opaqueXattr(namespace) {
    return `${namespace}.overlay.opaque`;
}
/** Both namespaces' opaque xattrs (`value "y"`), as a reader of any layer dir checks them. */
const OPAQUE_XATTRS = new Set([
    opaqueXattr('trusted'),
    opaqueXattr('user'),
]);
/** Xattrs overlayfs keeps for itself; they never travel in a layer tar in either direction. */
function isOverlayXattr(name) {
    return name.startsWith('trusted.overlay.') || name.startsWith('user.overlay.');
}
/**
 * Classifies the last component of an entry path; undefined for ordinary names.
 * A whiteout whose target is empty, `.` or `..` would delete the directory itself or its
 * parent, so it is refused.
 */
function parseWhiteoutName(base, entryName) {
    if (!base.startsWith(whiteout_WHITEOUT_PREFIX))
        return undefined;
    if (base === whiteout_OPAQUE_WHITEOUT)
        return { kind: 'opaque' };
    if (base.startsWith(WHITEOUT_META_PREFIX))
        return { kind: 'meta' };
    const target = base.slice(whiteout_WHITEOUT_PREFIX.length);
    if (target === '' || target === '.' || target === '..') {
        throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `entry "${entryName}": whiteout names no file ("${base}")`, { details: { entry: entryName } });
    }
    return { kind: 'whiteout', target };
}
/** overlayfs records a deleted path as a character device with device number 0/0. */
function whiteout_isOverlayWhiteout(stats) {
    return stats.isCharacterDevice() && stats.rdev === 0;
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/xattr.js
// Extended attributes through setfattr/getfattr (Debian package `attr`), in one process per batch.
//
// Node has no xattr API and lighter takes no native addon. One `setfattr --restore` reads many
// files' attributes from stdin and one `getfattr -R` dumps a whole tree, so the cost is a
// process per layer, not per file. The caller checks paths before handing them over: both
// tools resolve parent directories through symlinks.



const availability = new Map();
/** Whether an executable is on PATH (cached; the PATH of a CI job does not change under us). */
function xattr_hasCommand(command) {
    let found = availability.get(command);
    if (found === undefined) {
        found = (process.env.PATH ?? '').split(external_node_path_.delimiter).some((dir) => {
            if (!dir)
                return false;
            try {
                (0,external_node_fs_.accessSync)((0,external_node_path_.join)(dir, command), external_node_fs_.constants.X_OK);
                return true;
            }
            catch {
                return false;
            }
        });
        availability.set(command, found);
    }
    return found;
}
const xattr_ATTR_TOOLS_HINT = 'setfattr and getfattr (Debian/Ubuntu package "attr")';
/**
 * Sets attributes without following a symlink in the last component (`-h`).
 * Resolves with setfattr's complaints, one per failed file or attribute; [] when all were set.
 */
async function setXattrs(cwd, jobs) {
    if (jobs.length === 0)
        return [];
    const lines = [];
    for (const job of jobs) {
        lines.push(`# file: ${quote(Buffer.from(job.path, 'utf8'), '')}`);
        for (const [name, value] of job.attrs) {
            // setfattr reads "0x" as a malformed value, so an empty one is written as text.
            const encoded = value.length === 0 ? '""' : `0x${value.toString('hex')}`;
            lines.push(`${quote(Buffer.from(name, 'utf8'), '=')}=${encoded}`);
        }
        lines.push('');
    }
    const { code, stderr } = await run('setfattr', ['-h', '--restore=-'], cwd, `${lines.join('\n')}\n`);
    if (code === 0)
        return [];
    const complaints = stderr.split('\n').filter((l) => l.trim() !== '');
    return complaints.length > 0 ? complaints : [`setfattr exited ${code}`];
}
/** Reads every attribute of every file under `root` in one walk that follows no symlink. */
async function xattr_readXattrTree(root) {
    const byPath = new Map();
    const child = spawn('getfattr', ['-R', '-P', '-h', '-d', '-m', '-', '-e', 'hex', '.'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
    });
    // latin1 keeps every byte of a file name as one character until unquote turns it to UTF-8.
    child.stdout.setEncoding('latin1');
    let current;
    // readline only when a layer has xattrs to read (the store's module is on every run's path).
    const { createInterface } = process.getBuiltinModule('node:readline');
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
        if (line.startsWith('# file: ')) {
            let path = unquote(line.slice('# file: '.length));
            if (path === '.')
                path = '';
            else if (path.startsWith('./'))
                path = path.slice(2);
            current = [];
            byPath.set(path, current);
            continue;
        }
        const equals = line.indexOf('=');
        if (!current || equals <= 0)
            continue;
        current.push([unquote(line.slice(0, equals)), decodeValue(line.slice(equals + 1))]);
    }
    const code = await exited;
    for (const attrs of byPath.values())
        attrs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const errors = code === 0
        ? []
        : Buffer.concat(stderr)
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim() !== '');
    return { byPath, errors };
}
/** The attr tools' escaping: listed characters, backslash and anything unprintable as \ooo. */
function quote(bytes, extra) {
    let out = '';
    for (const byte of bytes) {
        const char = String.fromCharCode(byte);
        if (byte <= 0x20 || byte >= 0x7f || char === '\\' || extra.includes(char)) {
            out += `\\${byte.toString(8).padStart(3, '0')}`;
        }
        else {
            out += char;
        }
    }
    return out;
}
function unquote(latin1) {
    const raw = latin1.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(Number.parseInt(octal, 8)));
    return Buffer.from(raw, 'latin1').toString('utf8');
}
function decodeValue(text) {
    if (text.startsWith('0x'))
        return Buffer.from(text.slice(2), 'hex');
    if (text.startsWith('0s'))
        return Buffer.from(text.slice(2), 'base64');
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
        return Buffer.from(unquote(text.slice(1, -1)), 'utf8');
    }
    return Buffer.from(text, 'latin1');
}
function run(command, args, cwd, input) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { }); // an early exit closes stdin; 'close' reports the failure
        child.stdin.end(input, 'latin1');
    });
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/apply.js
// Applies a layer tar to a directory: streaming, refusing entries that would write outside it,
// and turning OCI whiteouts into overlayfs whiteouts or into deletions.
//
// Filesystem calls are synchronous on purpose: a layer is thousands of tiny metadata calls,
// and a thread-pool round trip for each costs more than the call. File data still streams
// chunk by chunk, so memory stays flat whatever the layer's size.
//
// On failure the target holds a partial extraction: callers extract into a fresh directory
// and rename it into place only after success.













/**
 * Extracts a layer tar into `targetDir` (which must exist) and returns its diff ID.
 *
 * Safety: a leading `/` is stripped and `..` is resolved lexically, refusing paths that climb
 * above the root; no parent component may be a symlink (refused, never followed); hardlink
 * targets must already be inside the layer, reached through real directories. Refusals are
 * ERR_UNSAFE_ARCHIVE naming the entry. Symlinks themselves may point anywhere: they are
 * only ever created, never followed while writing.
 *
 * Tar semantics: an entry replaces whatever is at its path, except that a directory over a
 * directory keeps the contents and takes the new attributes. Owners (when root), modes with
 * setuid/setgid/sticky, mtimes and xattrs (PAX `SCHILY.xattr.*`) are kept; directory
 * attributes are set at the end, deepest first, so writing children does not undo them.
 * FIFOs are made also without root, as Docker does; char/block devices only as root.
 */
async function applyLayer(input, targetDir, options) {
    if (options.whiteouts !== 'overlay' && options.whiteouts !== 'apply') {
        throw new errors/* InvalidArgumentError */.Di(`whiteouts must be 'overlay' or 'apply', not ${String(options.whiteouts)}`);
    }
    const compression = options.compression ?? 'auto';
    if (!['gzip', 'zstd', 'none', 'auto'].includes(compression)) {
        throw new errors/* InvalidArgumentError */.Di(`compression must be gzip, zstd, none or auto, not ${String(compression)}`);
    }
    const root = (0,external_node_path_.resolve)(targetDir);
    if (!lstatOrUndefined(root)?.isDirectory()) {
        throw new errors/* InvalidArgumentError */.Di(`applying layer: target ${root} is not a directory`);
    }
    const applier = new LayerApplier(root, options);
    const counter = new ByteCounter();
    const digester = new digest/* DigestingStream */.Xi();
    try {
        let source = input;
        let chosen = compression;
        if (compression === 'auto')
            ({ compression: chosen, source } = await sniffCompression(input));
        // Errors anywhere in the chain destroy the digester, and so surface in the entry loop.
        const tar = (0,external_node_stream_.pipeline)(source, counter, (0,decompress/* decompressor */.n)(chosen), digester, () => { });
        for await (const entry of readTarEntries(tar))
            await applier.entry(entry);
        await applier.finish();
    }
    catch (err) {
        input.destroy();
        throw (0,errors/* withContext */.eQ)(err, `applying layer to ${root}`, fallbackCode(err));
    }
    return {
        diffId: digester.digest,
        size: digester.size,
        compressedSize: counter.size,
        entries: applier.entries,
        skipped: applier.skipped,
    };
}
const NODE_BATCH = 256;
const XATTR_BATCH = 1024;
const WRITE_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
class LayerApplier {
    entries = 0;
    skipped = { devices: 0, xattrs: 0, other: 0 };
    #root;
    #mode;
    #isRoot;
    #idMap;
    #opaqueXattr;
    #logger;
    /** Paths this layer wrote (with their parents), for 'apply': whiteouts spare them. */
    #layerPaths;
    #dirAttributes = new Map();
    #pendingNodes = [];
    #pendingPaths = new Set();
    #xattrJobs = [];
    #lowerDirs;
    constructor(root, options) {
        this.#mode = options.whiteouts;
        // 'apply': a directory the archive does not list keeps its attributes, though entries
        // written or deleted inside it change its mtime; 'overlay' does the same with lowerDirs.
        this.#root = new SafeRoot(root, (rel, stats) => {
            if (this.#mode === 'apply' && !this.#dirAttributes.has(rel)) {
                this.#dirAttributes.set(rel, {
                    parts: rel.split('/'),
                    ino: stats.ino,
                    mode: stats.mode & 0o7777,
                    uid: stats.uid,
                    gid: stats.gid,
                    mtime: stats.mtimeMs / 1000,
                });
            }
        });
        this.#isRoot = options.isRoot ?? process.getuid?.() === 0;
        this.#idMap = options.idMap;
        this.#opaqueXattr = opaqueXattr(options.overlayXattrs ?? (this.#isRoot ? 'trusted' : 'user'));
        this.#logger = options.logger ?? log/* silentLogger */.qq;
        this.#layerPaths = this.#mode === 'apply' ? new Set() : undefined;
        this.#lowerDirs = (options.lowerDirs ?? []).map((d) => (0,external_node_path_.resolve)(d));
    }
    async entry(e) {
        this.entries++;
        const parts = entryComponents(e.name, e.name);
        const base = parts.at(-1);
        const whiteout = base === undefined ? undefined : parseWhiteoutName(base, e.name);
        if (parts.slice(0, -1).some((p) => p.startsWith(WHITEOUT_META_PREFIX))) {
            // Inside AUFS bookkeeping directories (.wh..wh.plnk/...): never image content.
            this.skipped.other++;
            return;
        }
        // A queued node is made later, so anything else that might look at or under its path
        // has to wait for the batch; runs of whiteouts in one directory go in one batch.
        const nodePath = this.#nodePath(parts, e, whiteout);
        if (this.#pendingNodes.length > 0 &&
            (nodePath === undefined || this.#conflictsWithPending(nodePath))) {
            await this.#flushNodes();
        }
        if (e.type === 'directory' && e.size > 0) {
            // tar-stream reads a directory's data as the next headers, GNU tar skips it: an archive
            // that shows different files to different readers is refused.
            throw unsafe(e.name, `directory entry carries ${e.size} bytes of data`);
        }
        if (whiteout) {
            this.#whiteout(parts, whiteout, e);
        }
        else if (parts.length === 0) {
            if (e.type !== 'directory')
                throw unsafe(e.name, `a ${e.type} cannot replace the layer root`);
            this.#directory(parts, '', e);
        }
        else {
            const rel = parts.join('/');
            switch (e.type) {
                case 'directory':
                    this.#directory(parts, rel, e);
                    break;
                case 'file':
                case 'contiguous-file':
                    await this.#file(parts, rel, e);
                    break;
                case 'symlink':
                    this.#symlink(parts, rel, e);
                    break;
                case 'link':
                    this.#hardlink(parts, rel, e);
                    break;
                case 'character-device':
                case 'block-device':
                case 'fifo':
                    this.#node(parts, rel, e);
                    break;
                default:
                    throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `entry "${e.name}": unsupported tar entry type (sparse and multi-volume members are not layer content)`, { details: { entry: e.name } });
            }
        }
        if (this.#pendingNodes.length >= NODE_BATCH)
            await this.#flushNodes();
        if (this.#xattrJobs.length >= XATTR_BATCH)
            await this.#flushXattrs();
    }
    async finish() {
        await this.#flushNodes();
        await this.#flushXattrs();
        this.#applyDirAttributes();
        if (this.skipped.devices > 0) {
            this.#logger.warn(`skipped ${this.skipped.devices} device node(s): creating devices needs root`);
        }
    }
    // ---- entry kinds
    #directory(parts, rel, e) {
        let stats = parts.length === 0 ? (0,external_node_fs_.lstatSync)(this.#root.root) : undefined;
        if (parts.length > 0) {
            this.#ensureParents(parts, e.name);
            const replacesWhiteout = this.#mode === 'overlay' && this.#isWhiteoutAt(rel);
            stats = this.#clear(rel, true);
            if (!stats) {
                // Owner-only until the attributes are set at the end.
                (0,external_node_fs_.mkdirSync)(this.#root.abs(rel), { mode: 0o700 });
                stats = (0,external_node_fs_.lstatSync)(this.#root.abs(rel));
            }
            this.#root.rememberDir(rel);
            // `.wh.d` then `d/` in one layer: the lower d is gone, so the new one must not merge with it.
            if (replacesWhiteout)
                this.#queueOpaque(rel, parts, stats.ino);
        }
        const owner = this.#owner(e);
        this.#dirAttributes.set(rel, {
            parts,
            ino: stats.ino,
            mode: e.mode,
            uid: owner.uid,
            gid: owner.gid,
            mtime: e.mtime,
        });
        this.#queueXattrs(rel, parts, stats.ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    async #file(parts, rel, e) {
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const owner = this.#owner(e);
        const fd = (0,external_node_fs_.openSync)(this.#root.abs(rel), WRITE_FLAGS, 0o600);
        let ino;
        try {
            for await (const chunk of e.data)
                writeAll(fd, chunk);
            if (this.#isRoot)
                (0,external_node_fs_.fchownSync)(fd, owner.uid, owner.gid);
            // After chown, which clears setuid and setgid.
            (0,external_node_fs_.fchmodSync)(fd, e.mode);
            (0,external_node_fs_.futimesSync)(fd, e.mtime, e.mtime);
            ino = (0,external_node_fs_.fstatSync)(fd).ino;
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        this.#queueXattrs(rel, parts, ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    #symlink(parts, rel, e) {
        if (e.linkname === '')
            throw unsafe(e.name, 'symlink has no target');
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const path = this.#root.abs(rel);
        (0,external_node_fs_.symlinkSync)(e.linkname, path);
        if (this.#isRoot) {
            const owner = this.#owner(e);
            (0,external_node_fs_.lchownSync)(path, owner.uid, owner.gid);
        }
        (0,external_node_fs_.lutimesSync)(path, e.mtime, e.mtime);
        this.#queueXattrs(rel, parts, (0,external_node_fs_.lstatSync)(path).ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    #hardlink(parts, rel, e) {
        const targetParts = entryComponents(e.linkname, e.name, 'hardlink target');
        if (targetParts.length === 0)
            throw unsafe(e.name, 'hardlink target is the layer root');
        const targetRel = targetParts.join('/');
        if (targetRel === rel)
            return;
        const checkTarget = () => {
            // parentsExist refuses symlinked parents, so the link never reaches through one.
            const present = this.#root.parentsExist(targetParts, e.name);
            const stats = present ? lstatOrUndefined(this.#root.abs(targetRel)) : undefined;
            if (!stats) {
                throw unsafe(e.name, `hardlink target "${e.linkname}" is not in this layer`);
            }
            if (stats.isDirectory())
                throw unsafe(e.name, `hardlink target "${e.linkname}" is a directory`);
        };
        checkTarget();
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        // Clearing the entry's path may have removed a directory holding the target.
        checkTarget();
        (0,external_node_fs_.linkSync)(this.#root.abs(targetRel), this.#root.abs(rel));
        this.#touch(parts);
    }
    #node(parts, rel, e) {
        if (e.type !== 'fifo' && !this.#isRoot) {
            this.skipped.devices++;
            this.#logger.debug(`skipping device node ${rel}: not root`);
            return;
        }
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const owner = this.#owner(e);
        this.#queueNode({
            rel,
            parts,
            spec: {
                path: this.#root.abs(rel),
                kind: e.type,
                major: e.devmajor,
                minor: e.devminor,
                mode: e.mode,
            },
            uid: owner.uid,
            gid: owner.gid,
            mtime: e.mtime,
            xattrs: e.xattrs,
        });
        this.#touch(parts);
    }
    #whiteout(parts, whiteout, e) {
        const dirParts = parts.slice(0, -1);
        const dirRel = dirParts.join('/');
        if (whiteout.kind === 'meta') {
            this.skipped.other++;
            this.#logger.debug(`skipping AUFS metadata entry ${e.name}`);
            return;
        }
        if (this.#mode === 'overlay') {
            // The directory holding the marker has to exist in this layer for overlayfs to see it.
            this.#ensureParents(parts, e.name);
            if (whiteout.kind === 'opaque') {
                this.#queueOpaque(dirRel, dirParts, (0,external_node_fs_.lstatSync)(this.#root.abs(dirRel)).ino);
                return;
            }
            const targetParts = [...dirParts, whiteout.target];
            const targetRel = targetParts.join('/');
            // Whiteouts hide lower layers only: what this layer wrote stays, but a directory it
            // wrote no longer merges with the lower one the whiteout deletes.
            const existing = lstatOrUndefined(this.#root.abs(targetRel));
            if (existing) {
                if (existing.isDirectory())
                    this.#queueOpaque(targetRel, targetParts, existing.ino);
                return;
            }
            const owner = this.#rootOwner(e.name);
            this.#queueNode({
                rel: targetRel,
                parts: targetParts,
                spec: {
                    path: this.#root.abs(targetRel),
                    kind: 'character-device',
                    major: 0,
                    minor: 0,
                    mode: 0,
                },
                uid: owner.uid,
                gid: owner.gid,
                mtime: e.mtime,
                xattrs: [],
            });
            return;
        }
        // 'apply': delete from the earlier layers' content, never through a symlinked parent.
        if (!this.#root.parentsExist(parts, e.name))
            return;
        if (whiteout.kind === 'opaque') {
            this.#prune(dirRel);
            return;
        }
        const targetRel = dirRel === '' ? whiteout.target : `${dirRel}/${whiteout.target}`;
        const stats = lstatOrUndefined(this.#root.abs(targetRel));
        if (!stats)
            return;
        if (this.#layerPaths?.has(targetRel)) {
            // Written by this layer: it stays, without what the lower layers had inside it.
            if (stats.isDirectory())
                this.#prune(targetRel);
            return;
        }
        this.#root.remove(targetRel, stats);
    }
    /** Removes everything under a directory that this layer did not write ('apply' opaque). */
    #prune(dirRel) {
        const dir = this.#root.abs(dirRel);
        for (const raw of (0,external_node_fs_.readdirSync)(dir, { encoding: 'buffer' })) {
            const name = raw.toString('utf8');
            if (!Buffer.from(name, 'utf8').equals(raw)) {
                // Not UTF-8, so no archive entry can name it: it belongs to a lower layer.
                (0,external_node_fs_.rmSync)(Buffer.concat([Buffer.from(`${dir}/`), raw]), { recursive: true, force: true });
                continue;
            }
            const rel = dirRel === '' ? name : `${dirRel}/${name}`;
            const stats = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(dir, name));
            if (!this.#layerPaths?.has(rel))
                this.#root.remove(rel, stats);
            else if (stats.isDirectory())
                this.#prune(rel);
        }
    }
    // ---- helpers
    #ensureParents(parts, entry) {
        this.#root.ensureParents(parts, entry, (rel) => {
            const below = this.#mode === 'overlay' ? this.#lowerDirectory(rel, entry) : undefined;
            if (below) {
                // Host ids already: the lower layer was mapped when it was applied.
                const relParts = rel.split('/');
                const ino = (0,external_node_fs_.lstatSync)(this.#root.abs(rel)).ino;
                this.#dirAttributes.set(rel, {
                    parts: relParts,
                    ino,
                    mode: below.mode & 0o7777,
                    uid: below.uid,
                    gid: below.gid,
                    mtime: below.mtimeMs / 1000,
                });
            }
            else if (this.#isRoot && this.#idMap) {
                const owner = this.#rootOwner(entry);
                (0,external_node_fs_.lchownSync)(this.#root.abs(rel), owner.uid, owner.gid);
            }
        });
    }
    /**
     * What the lower layers show at `rel`: the top-most one that has the path decides. A
     * whiteout, or a parent that is not a directory there, hides the deeper layers. Opaque
     * directories are not consulted (that would take an xattr read per lookup).
     */
    #lowerDirectory(rel, entry) {
        const parts = rel.split('/');
        for (const lower of this.#lowerDirs) {
            let path = lower;
            let found;
            for (let i = 0; i < parts.length; i++) {
                path = (0,external_node_path_.join)(path, parts[i]);
                const stats = lstatOrUndefined(path);
                if (!stats)
                    break;
                if (i === parts.length - 1)
                    found = stats;
                else if (!stats.isDirectory())
                    return undefined;
            }
            if (!found)
                continue;
            if (whiteout_isOverlayWhiteout(found))
                return undefined;
            if (found.isSymbolicLink()) {
                throw unsafe(entry, `parent "${rel}" is a symlink in a lower layer; writing through it could leave the layer`);
            }
            if (!found.isDirectory())
                throw unsafe(entry, `parent "${rel}" is not a directory in a lower layer`);
            return found;
        }
        return undefined;
    }
    /**
     * Removes what is at `rel` so an entry can take its place; a directory stays when the
     * entry is one too (its stats are returned). Never follows a symlink at `rel`.
     */
    #clear(rel, keepDirectory) {
        const stats = lstatOrUndefined(this.#root.abs(rel));
        if (!stats)
            return undefined;
        if (keepDirectory && stats.isDirectory())
            return stats;
        this.#root.remove(rel, stats);
        return undefined;
    }
    #touch(parts) {
        if (!this.#layerPaths)
            return;
        let rel = '';
        for (const part of parts) {
            rel = rel === '' ? part : `${rel}/${part}`;
            this.#layerPaths.add(rel);
        }
    }
    #owner(e) {
        if (!this.#isRoot)
            return { uid: -1, gid: -1 };
        return {
            uid: hostId(this.#idMap, 'uid', e.uid, e.name),
            gid: hostId(this.#idMap, 'gid', e.gid, e.name),
        };
    }
    #rootOwner(entry) {
        return { uid: hostId(this.#idMap, 'uid', 0, entry), gid: hostId(this.#idMap, 'gid', 0, entry) };
    }
    #queueXattrs(rel, parts, ino, entry, xattrs) {
        if (xattrs.length === 0)
            return;
        const attrs = xattrs.filter(([name]) => !isOverlayXattr(name));
        if (attrs.length < xattrs.length) {
            // An archive carrying overlayfs' own attributes could redirect lookups into other layers.
            this.skipped.xattrs += xattrs.length - attrs.length;
            this.#logger.warn(`entry "${entry}": ignored overlayfs xattrs an archive may not set`);
        }
        if (attrs.length > 0)
            this.#xattrJobs.push({ rel, parts, ino, attrs, strict: false });
    }
    #queueOpaque(rel, parts, ino) {
        this.#xattrJobs.push({
            rel,
            parts,
            ino,
            attrs: [[this.#opaqueXattr, Buffer.from('y')]],
            strict: true,
        });
    }
    #isWhiteoutAt(rel) {
        const stats = lstatOrUndefined(this.#root.abs(rel));
        return stats !== undefined && whiteout_isOverlayWhiteout(stats);
    }
    #nodePath(parts, e, whiteout) {
        if (whiteout) {
            if (whiteout.kind !== 'whiteout' || this.#mode !== 'overlay')
                return undefined;
            return [...parts.slice(0, -1), whiteout.target];
        }
        const isNode = e.type === 'fifo' || e.type === 'character-device' || e.type === 'block-device';
        return isNode && parts.length > 0 ? parts : undefined;
    }
    #conflictsWithPending(parts) {
        let rel = '';
        for (const part of parts) {
            rel = rel === '' ? part : `${rel}/${part}`;
            if (this.#pendingPaths.has(rel))
                return true;
        }
        return false;
    }
    #queueNode(node) {
        this.#pendingNodes.push(node);
        this.#pendingPaths.add(node.rel);
    }
    async #flushNodes() {
        const nodes = this.#pendingNodes;
        if (nodes.length === 0)
            return;
        this.#pendingNodes = [];
        this.#pendingPaths.clear();
        await makeNodes(nodes.map((n) => n.spec));
        for (const n of nodes) {
            const path = n.spec.path;
            if (this.#isRoot)
                (0,external_node_fs_.lchownSync)(path, n.uid, n.gid);
            (0,external_node_fs_.chmodSync)(path, n.spec.mode);
            (0,external_node_fs_.lutimesSync)(path, n.mtime, n.mtime);
            if (n.xattrs.length > 0) {
                this.#queueXattrs(n.rel, n.parts, (0,external_node_fs_.lstatSync)(path).ino, n.rel, n.xattrs);
            }
        }
    }
    /** Whether a path recorded earlier still names the same inode through real directories. */
    #unchanged(rel, parts, ino) {
        if (rel !== '' && !this.#root.parentsIntact(parts))
            return false;
        return lstatOrUndefined(this.#root.abs(rel))?.ino === ino;
    }
    async #flushXattrs() {
        const jobs = this.#xattrJobs.filter((j) => this.#unchanged(j.rel, j.parts, j.ino));
        this.#xattrJobs = [];
        if (jobs.length === 0)
            return;
        const strict = jobs.filter((j) => j.strict);
        const lenient = jobs.filter((j) => !j.strict);
        if (!xattr_hasCommand('setfattr')) {
            if (strict.length > 0) {
                throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `marking ${strict.length} opaque director${strict.length === 1 ? 'y' : 'ies'} needs ${xattr_ATTR_TOOLS_HINT}`);
            }
            const count = lenient.reduce((n, j) => n + j.attrs.length, 0);
            this.skipped.xattrs += count;
            this.#logger.warn(`skipped ${count} xattr(s): setting them needs ${xattr_ATTR_TOOLS_HINT}`);
            return;
        }
        const asBatch = (list) => list.map((j) => ({ path: j.rel === '' ? '.' : j.rel, attrs: j.attrs }));
        const complaints = await setXattrs(this.#root.root, asBatch(lenient));
        if (complaints.length > 0) {
            this.skipped.xattrs += complaints.length;
            for (const line of complaints)
                this.#logger.warn(`could not set xattr: ${line}`);
        }
        const failed = await setXattrs(this.#root.root, asBatch(strict));
        if (failed.length > 0) {
            throw new errors/* LighterError */.Kt('ERR_STORE', `setting ${this.#opaqueXattr}: ${failed.join('; ')}`);
        }
    }
    #applyDirAttributes() {
        // Deepest first: as non-root, a read-only parent would otherwise block its children.
        const dirs = [...this.#dirAttributes.entries()].sort(([, a], [, b]) => b.parts.length - a.parts.length);
        for (const [rel, d] of dirs) {
            if (!this.#unchanged(rel, d.parts, d.ino))
                continue;
            const path = this.#root.abs(rel);
            if (this.#isRoot)
                (0,external_node_fs_.lchownSync)(path, d.uid, d.gid);
            (0,external_node_fs_.chmodSync)(path, d.mode);
            (0,external_node_fs_.utimesSync)(path, d.mtime, d.mtime);
        }
    }
}
function writeAll(fd, chunk) {
    let offset = 0;
    while (offset < chunk.length)
        offset += (0,external_node_fs_.writeSync)(fd, chunk, offset, chunk.length - offset);
}
/** Errno failures are the store's; anything else (tar or compression format) the archive's. */
function fallbackCode(err) {
    return typeof err?.syscall === 'string'
        ? 'ERR_STORE'
        : 'ERR_UNSAFE_ARCHIVE';
}
/** Picks the compression from magic bytes and hands back a stream that still starts with them. */
async function sniffCompression(input) {
    const it = input[Symbol.asyncIterator]();
    const head = [];
    let length = 0;
    let ended = false;
    while (length < 4) {
        const next = await it.next();
        if (next.done) {
            ended = true;
            break;
        }
        head.push(next.value);
        length += next.value.length;
    }
    const first = Buffer.concat(head);
    let compression = 'none';
    if (first[0] === 0x1f && first[1] === 0x8b)
        compression = 'gzip';
    else if (first.length >= 4 && first.readUInt32LE(0) === 0xfd2fb528)
        compression = 'zstd';
    const rest = { [Symbol.asyncIterator]: () => it };
    const source = external_node_stream_.Readable.from((async function* () {
        if (first.length > 0)
            yield first;
        if (!ended)
            yield* rest;
    })(), { objectMode: false });
    return { compression, source };
}
class ByteCounter extends external_node_stream_.Transform {
    size = 0;
    _transform(chunk, _encoding, done) {
        this.size += chunk.length;
        done(null, chunk);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/diff.js
// Writes a directory as a layer tar, deterministically, turning overlayfs whiteouts back into OCI ones.
//
// The same tree always gives the same bytes: children in bytewise name order (whiteouts of a
// directory first, as the OCI spec recommends), no user or group names, whole-second mtimes
// (clamped to SOURCE_DATE_EPOCH when given), PAX records only where ustar cannot say it, and
// a gzip header without name or time and with OS "unknown" (as Go writes it).










/** Attributes that describe the host rather than the image, so they would break reproducibility. */
const HOST_XATTRS = new Set(['security.selinux']);
const READ_CHUNK = (/* unused pure expression or super */ null && (1024 * 1024));
/**
 * Walks `upperDir` and streams it as a layer. Hardlinks (same device and inode) become tar
 * hardlink entries pointing at the first path in walk order. Sockets are skipped.
 */
function diffLayer(upperDir, options) {
    if (options.mode !== 'overlay-upper' && options.mode !== 'full') {
        throw new InvalidArgumentError(`mode must be 'overlay-upper' or 'full', not ${String(options.mode)}`);
    }
    if (!['gzip', 'zstd', 'none'].includes(options.compression)) {
        throw new InvalidArgumentError(`compression must be gzip, zstd or none, not ${String(options.compression)}`);
    }
    const epoch = options.sourceDateEpoch;
    if (epoch !== undefined && !(Number.isInteger(epoch) && epoch >= 0)) {
        throw new InvalidArgumentError(`sourceDateEpoch must be a whole number of seconds, not ${epoch}`);
    }
    const root = resolve(upperDir);
    let rootStats;
    try {
        rootStats = lstatSync(root);
    }
    catch (err) {
        throw new InvalidArgumentError(`writing layer: cannot read ${root}`, { cause: err });
    }
    if (!rootStats.isDirectory())
        throw new InvalidArgumentError(`writing layer: ${root} is not a directory`);
    const walker = new TreeWalker(root, options);
    const tar = Readable.from(walker.tar(), { objectMode: false, highWaterMark: READ_CHUNK });
    const diffDigester = new DigestingStream();
    const blobDigester = new DigestingStream();
    let settle;
    const done = new Promise((resolve, reject) => {
        settle = { resolve, reject };
    });
    // The stream reports the same failure; a caller that only reads it must not see an unhandled rejection.
    done.catch(() => { });
    pipeline(tar, diffDigester, ...compressor(options.compression), blobDigester, (err) => {
        if (err) {
            settle?.reject(withContext(err, `writing layer from ${root}`, 'ERR_STORE'));
            return;
        }
        settle?.resolve({
            digest: blobDigester.digest,
            diffId: diffDigester.digest,
            size: blobDigester.size,
            uncompressedSize: diffDigester.size,
            entries: walker.entries,
        });
    });
    return { stream: blobDigester, done };
}
class TreeWalker {
    entries = 0;
    #root;
    #overlay;
    #epoch;
    #idMap;
    #logger;
    #xattrs = new Map();
    /** First path seen for each device:inode with more than one link. */
    #links = new Map();
    constructor(root, options) {
        this.#root = root;
        this.#overlay = options.mode === 'overlay-upper';
        this.#epoch = options.sourceDateEpoch;
        this.#idMap = options.idMap;
        this.#logger = options.logger ?? silentLogger;
    }
    async *tar() {
        await this.#loadXattrs();
        if (this.#overlay && this.#isOpaque('')) {
            yield this.#marker(OPAQUE_WHITEOUT, lstatSync(this.#root));
        }
        yield* this.#walk('');
        yield endOfArchive();
    }
    async #loadXattrs() {
        if (!hasCommand('getfattr')) {
            if (this.#overlay) {
                throw new LighterError('ERR_UNSUPPORTED', `reading opaque directories of an overlay upper dir needs ${ATTR_TOOLS_HINT}`);
            }
            this.#logger.warn(`xattrs are left out of the layer: reading them needs ${ATTR_TOOLS_HINT}`);
            return;
        }
        const tree = await readXattrTree(this.#root);
        for (const line of tree.errors)
            this.#logger.warn(`reading xattrs: ${line}`);
        this.#xattrs = tree.byPath;
    }
    async *#walk(dirRel) {
        const dir = dirRel === '' ? this.#root : join(this.#root, dirRel);
        const children = [];
        const raws = readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
        for (const raw of raws) {
            const name = raw.toString('utf8');
            const rel = dirRel === '' ? name : `${dirRel}/${name}`;
            if (!Buffer.from(name, 'utf8').equals(raw)) {
                throw new LighterError('ERR_UNSUPPORTED', `"${rel}": file names must be UTF-8 to go in a layer`, {
                    details: { path: rel },
                });
            }
            children.push({ name, rel, stats: lstatSync(join(dir, name)) });
        }
        if (this.#overlay) {
            for (const c of children) {
                if (isOverlayWhiteout(c.stats)) {
                    yield this.#marker(dirRel === '' ? `${WHITEOUT_PREFIX}${c.name}` : `${dirRel}/${WHITEOUT_PREFIX}${c.name}`, c.stats);
                }
            }
        }
        for (const c of children) {
            if (this.#overlay && isOverlayWhiteout(c.stats))
                continue;
            if (c.name.startsWith(WHITEOUT_PREFIX)) {
                throw new LighterError('ERR_UNSUPPORTED', `"${c.rel}": names starting with ${WHITEOUT_PREFIX} mean deletions in a layer and cannot be stored`, { details: { path: c.rel } });
            }
            yield* this.#entry(c.rel, c.stats);
        }
    }
    async *#entry(rel, stats) {
        const base = {
            name: rel,
            mode: stats.mode & 0o7777,
            uid: containerId(this.#idMap, 'uid', stats.uid, rel),
            gid: containerId(this.#idMap, 'gid', stats.gid, rel),
            size: 0,
            mtime: this.#mtime(stats),
            xattrs: this.#entryXattrs(rel),
        };
        const path = join(this.#root, rel);
        if (stats.isDirectory()) {
            this.entries++;
            yield encodeHeader({ ...base, type: 'directory' });
            if (this.#overlay && this.#isOpaque(rel))
                yield this.#marker(`${rel}/${OPAQUE_WHITEOUT}`, stats);
            yield* this.#walk(rel);
            return;
        }
        if (stats.isSocket()) {
            this.#logger.debug(`skipping socket ${rel}: tar cannot hold one`);
            return;
        }
        if (stats.nlink > 1) {
            const big = lstatSync(path, { bigint: true });
            const key = `${big.dev}:${big.ino}`;
            const first = this.#links.get(key);
            if (first !== undefined) {
                this.entries++;
                yield encodeHeader({ ...base, type: 'link', linkname: first, xattrs: [] });
                return;
            }
            this.#links.set(key, rel);
        }
        this.entries++;
        if (stats.isFile()) {
            yield encodeHeader({ ...base, type: 'file', size: stats.size });
            yield* this.#fileData(path, rel, stats);
        }
        else if (stats.isSymbolicLink()) {
            yield encodeHeader({ ...base, type: 'symlink', linkname: readlinkSync(path, 'utf8') });
        }
        else if (stats.isCharacterDevice() || stats.isBlockDevice()) {
            yield encodeHeader({
                ...base,
                type: stats.isCharacterDevice() ? 'character-device' : 'block-device',
                devmajor: major(stats.rdev),
                devminor: minor(stats.rdev),
            });
        }
        else if (stats.isFIFO()) {
            yield encodeHeader({ ...base, type: 'fifo' });
        }
    }
    async *#fileData(path, rel, stats) {
        const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
            const now = fstatSync(fd);
            if (now.ino !== stats.ino)
                throw changed(rel);
            let left = stats.size;
            while (left > 0) {
                const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, left));
                const n = readSync(fd, buf, 0, buf.length, null);
                // A shorter file would corrupt the tar; a longer one is cut at the size in the header.
                if (n === 0)
                    throw changed(rel);
                left -= n;
                yield n === buf.length ? buf : buf.subarray(0, n);
            }
        }
        finally {
            closeSync(fd);
        }
        const pad = padding(stats.size);
        if (pad.length > 0)
            yield pad;
    }
    /** An empty regular file standing for a whiteout or an opaque directory. */
    #marker(name, stats) {
        this.entries++;
        const header = {
            name,
            type: 'file',
            mode: 0,
            uid: 0,
            gid: 0,
            size: 0,
            mtime: this.#mtime(stats),
        };
        return encodeHeader(header);
    }
    #mtime(stats) {
        const seconds = Math.floor(stats.mtimeMs / 1000);
        return this.#epoch !== undefined && seconds > this.#epoch ? this.#epoch : seconds;
    }
    #isOpaque(rel) {
        return (this.#xattrs.get(rel) ?? []).some(([name, value]) => (name === 'trusted.overlay.opaque' || name === 'user.overlay.opaque') &&
            value.toString('latin1') === 'y');
    }
    #entryXattrs(rel) {
        const out = [];
        for (const [name, value] of this.#xattrs.get(rel) ?? []) {
            const overlayName = /^(?:trusted|user)\.overlay\.(.*)$/.exec(name)?.[1];
            if (overlayName !== undefined) {
                if (this.#overlay && (overlayName === 'redirect' || overlayName === 'metacopy')) {
                    throw new LighterError('ERR_UNSUPPORTED', `"${rel}" has ${name}: its content lives in a lower layer; mount the overlay with redirect_dir=off,metacopy=off`, { details: { path: rel } });
                }
                continue;
            }
            if (!HOST_XATTRS.has(name))
                out.push([name, value]);
        }
        return out;
    }
}
function changed(rel) {
    return new LighterError('ERR_STORE', `"${rel}" changed while it was being read`, {
        details: { path: rel },
    });
}
/** glibc's gnu_dev_major/minor on a Linux dev_t. */
function major(rdev) {
    return Number(((BigInt(rdev) >> 8n) & 0xfffn) | ((BigInt(rdev) >> 32n) & ~0xfffn));
}
function minor(rdev) {
    return Number((BigInt(rdev) & 0xffn) | ((BigInt(rdev) >> 12n) & 0xffffff00n));
}
function compressor(compression) {
    // Loaded on first use, like the decompressor: the store's module is on every run's path.
    const zlib = process.getBuiltinModule('node:zlib');
    switch (compression) {
        case 'gzip':
            return [zlib.createGzip({ level: 6 }), new GzipOsByte()];
        case 'zstd':
            return [zlib.createZstdCompress({ params: { [zlib.constants.ZSTD_c_compressionLevel]: 3 } })];
        case 'none':
            return [new PassThrough()];
    }
}
/** Sets the gzip header's OS byte to 255 ("unknown"): zlib writes the build platform's there. */
class GzipOsByte extends (/* unused pure expression or super */ null && (Transform)) {
    #seen = 0;
    _transform(chunk, _encoding, done) {
        const OS_OFFSET = 9;
        if (this.#seen <= OS_OFFSET && this.#seen + chunk.length > OS_OFFSET) {
            chunk[OS_OFFSET - this.#seen] = 0xff;
        }
        this.#seen += chunk.length;
        done(null, chunk);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/index.js
// Layer tars in and out of directories: applyLayer extracts one safely, diffLayer writes one.



// EXTERNAL MODULE: ./.build/src/core/storage/leftovers.js
var leftovers = __webpack_require__(7393);
// EXTERNAL MODULE: ./.build/src/core/storage/remove-tree.js
var remove_tree = __webpack_require__(4798);
;// CONCATENATED MODULE: ./.build/src/core/storage/unpack.js
// Unpacked layer directories: extracted into a temp dir, then renamed into place, so a present `layers/<chain ID>` is always complete.













const LAYERS_DIR = 'layers';
function layerPath(layersDir, chainId) {
    return (0,external_node_path_.join)(layersDir, (0,chain_id/* layerDirName */.O)(chainId));
}
async function isDirectory(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
}
/** A fresh, private directory under `layers/` to extract into. */
async function makeTempLayerDir(layersDir) {
    await (0,promises_.mkdir)(layersDir, { recursive: true });
    const dir = (0,external_node_path_.join)(layersDir, (0,leftovers/* tempName */.u8)('layer'));
    await (0,promises_.mkdir)(dir, { mode: 0o755 });
    return dir;
}
/**
 * Renames a complete extraction to `layers/<chain ID>`. When another process got there first
 * the directory is the same layer, so ours is dropped. True when ours was placed.
 */
async function placeLayerDir(temp, layersDir, chainId) {
    const final = layerPath(layersDir, chainId);
    if (await isDirectory(final)) {
        await (0,remove_tree/* removeTree */.d)(temp);
        return false;
    }
    try {
        await (0,promises_.rename)(temp, final);
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST')
            throw err;
        await (0,remove_tree/* removeTree */.d)(temp);
        return false;
    }
    // File data is not synced (a layer dir can be unpacked again from its blob); the name is.
    await (0,atomic_write/* fsyncDir */.t_)(layersDir);
    return true;
}
/**
 * Extracts one layer from its stored blob file into place as `layers/<chain ID>`: in a worker
 * thread when there is one (which also re-checks the blob's digest on the way), else here.
 */
async function unpackLayer(blob, layersDir, chainId, options) {
    const temp = await makeTempLayerDir(layersDir);
    try {
        let diffId;
        const followed = (0,blob_pool/* followBlob */.T6)(blob.file, {
            hash: true,
            unpack: { dir: temp, compression: options.compression },
        });
        if (followed) {
            followed.end(blob.size);
            const [read, unpacked] = await Promise.allSettled([followed.read, followed.unpacked]);
            if (read.status === 'rejected')
                throw read.reason;
            if (unpacked.status === 'rejected')
                throw unpacked.reason;
            if (read.value.digest !== blob.digest) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${options.what}: the stored blob is ${read.value.digest}, not ${blob.digest} (damaged on disk?)`, { details: { expected: blob.digest, actual: read.value.digest } });
            }
            diffId = unpacked.value;
        }
        else {
            diffId = (await extractInto((0,external_node_fs_.createReadStream)(blob.file), temp, options.compression, options.logger)).diffId;
        }
        checkDiffId(diffId, options.diffId, options.what);
        await placeLayerDir(temp, layersDir, chainId);
    }
    catch (err) {
        await (0,remove_tree/* removeTree */.d)(temp).catch(() => { });
        throw err;
    }
    return layerPath(layersDir, chainId);
}
/**
 * Applies a layer tar with overlay-form whiteouts: each layer dir is one overlay lower dir. As
 * root through sudo when the layers are handled so (as-root.ts).
 */
async function extractInto(input, dir, compression, logger) {
    // The synchronous check first: as root, the pipeline below must start in this very tick (a
    // blob worker writes into it at once; waiting a tick slowed a 9-layer pull by a quarter).
    if ((0,as_root/* mayHandleLayersAsRoot */.oW)() && (await (0,as_root/* layersAsRoot */.r2)())) {
        return (0,as_root/* applyAsRoot */.Bz)(input, dir, compression, logger);
    }
    const decode = layerDecoder(compression);
    const source = decode ? (0,external_node_stream_.pipeline)(input, decode, () => { }) : input;
    return applyLayer(source, dir, {
        whiteouts: 'overlay',
        compression: decode ? 'none' : compression,
        ...(logger ? { logger } : {}),
    });
}
/**
 * The decompressor for a layer blob (undefined when it is not compressed, or not known to be):
 * write the blob into it and hand it to `extractInto` as 'none'. It copies what it keeps of its
 * input, so a chunk written is free for reuse once its write callback has run.
 */
function layerDecoder(compression) {
    return compression === 'gzip' || compression === 'zstd' ? (0,decompress/* decompressor */.n)(compression) : undefined;
}
function checkDiffId(diffId, want, what) {
    if (diffId !== want) {
        throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${what}: the uncompressed layer is ${diffId}, but the image config says ${want}`, { details: { expected: want, actual: diffId } });
    }
}


/***/ })

};
