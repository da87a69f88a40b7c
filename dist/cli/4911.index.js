export const id = 4911;
export const ids = [4911];
export const modules = {

/***/ 4680:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ tempPathFor),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   t_: () => (/* binding */ fsyncDir),
/* harmony export */   yz: () => (/* binding */ renameDurable)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
// Durable file replacement: readers see the old bytes or the new bytes, never a torn mix.



/** A unique hidden name beside `path` (same directory, so a rename onto `path` is atomic). */
function tempPathFor(path, tag = 'tmp') {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${tag}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
}
/**
 * Flushes a directory entry to disk so a rename inside it survives a crash.
 * Some platforms (Windows) cannot open directories; there the rename is as durable as it gets.
 */
async function fsyncDir(dir) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(dir, 'r');
        await handle.sync();
    }
    catch (err) {
        const code = err.code;
        if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES')
            throw err;
    }
    finally {
        await handle?.close();
    }
}
/** Renames a finished (already fsynced) temp file onto its final name and syncs the directory. */
async function renameDurable(from, to) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(from, to);
    await fsyncDir((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(to));
}
/** Writes `data` to `path` through a temp file: write, fsync, rename, fsync the directory. */
async function writeFileAtomic(path, data, options = {}) {
    const temp = tempPathFor(path);
    const durable = options.durable ?? true;
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'wx', options.mode ?? 0o644);
        try {
            await handle.writeFile(data);
            if (durable)
                await handle.sync();
        }
        finally {
            await handle.close();
        }
        if (durable)
            await renameDurable(temp, path);
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
}


/***/ }),

/***/ 8617:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ writeContentFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6512);
/* harmony import */ var _atomic_write_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4680);
/* harmony import */ var _exists_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4127);
// Writes streamed content to a temp file while hashing it, so only complete, verified bytes get a final name.









/**
 * Streams into `tempDir`, fsyncs, then renames onto `finalPath(...)`. On any failure (a read
 * error, a digest or size mismatch) the temp file is removed and nothing appears under a final name.
 */
async function writeContentFile(stream, options) {
    const expected = options.expected ?? {};
    const algorithm = options.algorithm ?? (expected.digest ? (0,_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .digestAlgorithm */ .g4)(expected.digest) : 'sha256');
    const inputHash = new _digest_js__WEBPACK_IMPORTED_MODULE_5__/* .DigestingStream */ .Xi(algorithm);
    const stages = [inputHash];
    if (expected.digest) {
        stages.push(new _digest_js__WEBPACK_IMPORTED_MODULE_5__/* .VerifyingStream */ .SC({
            digest: expected.digest,
            size: expected.size,
            ...(expected.what ? { what: expected.what } : {}),
        }));
    }
    let outputHash;
    if (options.decode) {
        outputHash = new _digest_js__WEBPACK_IMPORTED_MODULE_5__/* .DigestingStream */ .Xi(algorithm);
        stages.push(options.decode, outputHash);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(options.tempDir, { recursive: true });
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(options.tempDir, `.tmp-blob-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)([stream, ...stages, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temp, { flags: 'wx', flush: true })]);
        const input = { digest: inputHash.digest, size: inputHash.size };
        if (!expected.digest && expected.size !== undefined && expected.size >= 0) {
            if (input.size !== expected.size) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .LighterError */ .Kt('ERR_SIZE_MISMATCH', `${expected.what ?? `content ${input.digest}`}: size mismatch: expected ${expected.size} bytes, got ${input.size}`);
            }
        }
        const written = outputHash ? { digest: outputHash.digest, size: outputHash.size } : input;
        const path = options.finalPath(written, input);
        if (await (0,_exists_js__WEBPACK_IMPORTED_MODULE_8__/* .pathExists */ .s)(path)) {
            // Content-addressed: an existing file holds these very bytes; keep it, readers may have it open.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        }
        else {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, path);
            await (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_7__/* .fsyncDir */ .t_)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path));
        }
        return { input, written, path };
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        throw err;
    }
}


/***/ }),

/***/ 8865:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ acquireFileLock),
/* harmony export */   U: () => (/* binding */ withFileLock)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6512);
// An exclusive lock between processes: a lock file created with O_EXCL that names its holder.





// A lock file that exists but is still empty is being written by its creator; after this long
// with no owner recorded, its creator died between create and write.
const UNWRITTEN_GRACE_MS = 10_000;
// The breaker lock is held for two file operations; older than this, its holder died.
const BREAKER_STALE_MS = 10_000;
/**
 * Takes the lock at `path`, waiting while a live process holds it. A lock left by a dead process
 * on this host is broken; the check and the removal happen under a second lock (`path.break`),
 * so two waiters can never both break it and one of them remove the other's fresh lock.
 */
async function acquireFileLock(path, options = {}) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const started = Date.now();
    const deadline = started + timeoutMs;
    const owner = {
        pid: process.pid,
        host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'),
        since: new Date().toISOString(),
    };
    let delay = 2;
    let warned = false;
    for (;;) {
        if (await tryCreate(path, owner))
            return heldLock(path, owner, options.logger);
        const holder = await readOwner(path);
        if (holder !== 'gone') {
            if (await isStale(path, holder)) {
                await breakStale(path, holder);
                continue;
            }
            if (Date.now() >= deadline) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_LOCKED', `locking ${options.what ?? path}: held by ${describe(holder)}; gave up after ${timeoutMs} ms`, { details: { path, holder: holder === 'unwritten' ? undefined : holder } });
            }
            // Say why we are idle once a wait gets long enough for someone to wonder.
            if (!warned && Date.now() - started > 2_000) {
                options.logger?.info(`waiting for the lock on ${options.what ?? path} (${describe(holder)})`);
                warned = true;
            }
        }
        options.signal?.throwIfAborted();
        // Jitter keeps several waiters from retrying in lockstep.
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(delay + Math.random() * delay, undefined, { signal: options.signal });
        delay = Math.min(delay * 2, 100);
    }
}
/** Runs `fn` holding the lock at `path`, releasing it whatever happens. */
async function withFileLock(path, fn, options) {
    const lock = await acquireFileLock(path, options);
    try {
        return await fn();
    }
    finally {
        await lock.release();
    }
}
async function tryCreate(path, owner) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(path, 'wx', 0o644);
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_STORE', `creating lock file ${path}: ${err.message}`, {
            cause: err,
        });
    }
    try {
        await handle.writeFile(JSON.stringify(owner));
    }
    finally {
        await handle.close();
    }
    return true;
}
async function readOwner(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return 'gone';
        throw err;
    }
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') {
            return {
                pid: parsed.pid,
                host: String(parsed.host ?? ''),
                token: parsed.token,
                since: String(parsed.since ?? ''),
            };
        }
    }
    catch {
        // Partly written: judged by age below.
    }
    return 'unwritten';
}
async function isStale(path, holder) {
    if (holder === 'unwritten')
        return (await ageMs(path)) > UNWRITTEN_GRACE_MS;
    // A pid means nothing on another host (a shared filesystem): wait for that holder instead.
    if (holder.host !== (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)())
        return false;
    return !isAlive(holder.pid);
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        // EPERM: the process exists but belongs to someone else.
        return err.code === 'EPERM';
    }
}
async function breakStale(path, judged) {
    const breaker = `${path}.break`;
    const self = {
        pid: process.pid,
        host: (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)(),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex'),
        since: new Date().toISOString(),
    };
    if (!(await tryCreate(breaker, self))) {
        if ((await ageMs(breaker)) > BREAKER_STALE_MS)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(breaker).catch(() => { });
        return;
    }
    try {
        // Still the same stale holder? Someone may have broken it and taken the lock meanwhile.
        const now = await readOwner(path);
        const same = now !== 'gone' &&
            (judged === 'unwritten'
                ? now === 'unwritten'
                : now !== 'unwritten' && now.token === judged.token);
        if (same)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(path).catch(() => { });
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(breaker).catch(() => { });
    }
}
async function ageMs(path) {
    try {
        return Date.now() - (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).mtimeMs;
    }
    catch {
        return 0;
    }
}
function describe(holder) {
    if (holder === 'unwritten')
        return 'a process that is still creating it';
    return `pid ${holder.pid} on ${holder.host} since ${holder.since}`;
}
function heldLock(path, owner, logger) {
    let released = false;
    return {
        path,
        async release() {
            if (released)
                return;
            released = true;
            const now = await readOwner(path);
            if (now === 'gone' || now === 'unwritten' || now.token !== owner.token) {
                // Someone judged us dead and took over: removing their lock would let a third writer in.
                logger?.warn(`lock ${path} was taken over while held; leaving it to its new holder`);
                return;
            }
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)(path).catch(() => { });
        },
    };
}


/***/ }),

/***/ 8686:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   An: () => (/* binding */ addEntry),
/* harmony export */   Dy: () => (/* binding */ checkLayoutMarker),
/* harmony export */   J9: () => (/* binding */ selectEntry),
/* harmony export */   K$: () => (/* binding */ INDEX_FILE),
/* harmony export */   P7: () => (/* binding */ refName),
/* harmony export */   SP: () => (/* binding */ parseLayoutIndex),
/* harmony export */   gI: () => (/* binding */ LAYOUT_FILE),
/* harmony export */   gW: () => (/* binding */ emptyIndex),
/* harmony export */   nD: () => (/* binding */ blobPath),
/* harmony export */   w5: () => (/* binding */ REF_NAME),
/* harmony export */   w9: () => (/* binding */ LAYOUT_VERSION)
/* harmony export */ });
/* unused harmony export describeEntries */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9155);
// The OCI image layout's files (oci-layout, index.json, blobs/<alg>/<hex>) and the rules for names in its index.



const LAYOUT_FILE = 'oci-layout';
const INDEX_FILE = 'index.json';
const LAYOUT_VERSION = '1.0.0';
/** The annotation that names an image in index.json (skopeo, umoci and buildah put the tag here). */
const REF_NAME = 'org.opencontainers.image.ref.name';
/** `blobs/sha256/<hex>`: where a blob lives, relative to the layout root. */
function blobPath(digest) {
    const { algorithm, hex } = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest);
    return `blobs/${algorithm}/${hex}`;
}
function emptyIndex() {
    return { schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex, manifests: [] };
}
/** Parses index.json, failing with ERR_BAD_MANIFEST that says what is wrong and where. */
function parseLayoutIndex(bytes, where) {
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `reading ${where}/${INDEX_FILE}: ${why}`);
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (err) {
        throw bad(`not valid JSON (${err.message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw bad('not a JSON object');
    }
    const index = value;
    if (index.schemaVersion !== 2)
        throw bad(`schemaVersion is ${JSON.stringify(index.schemaVersion)}, want 2`);
    if (!Array.isArray(index.manifests))
        throw bad('"manifests" is not an array');
    index.manifests.forEach((d, i) => {
        checkDescriptor(d, (why) => bad(`manifests[${i}]: ${why}`));
    });
    return index;
}
function checkDescriptor(value, bad) {
    if (typeof value !== 'object' || value === null)
        throw bad('not an object');
    const d = value;
    if (typeof d.mediaType !== 'string' || d.mediaType === '')
        throw bad('no mediaType');
    if (typeof d.digest !== 'string')
        throw bad('no digest');
    try {
        (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(d.digest);
    }
    catch (err) {
        throw bad(err.message);
    }
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
        throw bad('size is not a non-negative integer');
    }
    if (d.annotations !== undefined) {
        const a = d.annotations;
        if (typeof a !== 'object' ||
            a === null ||
            Object.values(a).some((v) => typeof v !== 'string')) {
            throw bad('annotations must map strings to strings');
        }
    }
}
/** Checks the oci-layout marker file. */
function checkLayoutMarker(bytes, where) {
    let version;
    try {
        version = JSON.parse(Buffer.from(bytes).toString('utf8'))
            .imageLayoutVersion;
    }
    catch {
        version = undefined;
    }
    if (typeof version !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `reading ${where}/${LAYOUT_FILE}: no imageLayoutVersion`);
    }
    if (!version.startsWith('1.')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `reading ${where}/${LAYOUT_FILE}: image layout version ${version} is not supported (1.x)`);
    }
}
function refName(descriptor) {
    return descriptor.annotations?.[REF_NAME];
}
/** Names for messages: each entry's ref name, or `<unnamed sha256:…>`. */
function describeEntries(index) {
    if (index.manifests.length === 0)
        return 'no images';
    return index.manifests.map((d) => refName(d) ?? `<unnamed ${d.digest.slice(0, 19)}…>`).join(', ');
}
/**
 * Picks the top-level descriptor as skopeo does: by ref name when given, else the only entry.
 * Fails with ERR_NOT_FOUND listing what the layout holds.
 */
function selectEntry(index, name, where) {
    if (name !== undefined) {
        const found = index.manifests.find((d) => refName(d) === name);
        if (found)
            return found;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${where}: no image named "${name}" (the layout has ${describeEntries(index)})`, { details: { names: names(index) } });
    }
    const only = index.manifests[0];
    if (index.manifests.length === 1 && only)
        return only;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_NOT_FOUND', index.manifests.length === 0
        ? `${where}: the layout holds no images`
        : `${where}: the layout holds ${index.manifests.length} images (${describeEntries(index)}); name one as ${where}:NAME`, { details: { names: names(index) } });
}
function names(index) {
    return index.manifests.flatMap((d) => {
        const n = refName(d);
        return n === undefined ? [] : [n];
    });
}
/**
 * Adds a top-level entry. A named entry replaces the entry of that name; an unnamed one replaces
 * an unnamed entry of the same digest (so copying twice does not pile up duplicates); else it is appended.
 */
function addEntry(index, descriptor, name) {
    const entry = { ...descriptor };
    if (name !== undefined)
        entry.annotations = { ...descriptor.annotations, [REF_NAME]: name };
    const replaced = (d) => (name !== undefined && refName(d) === name) ||
        (refName(d) === undefined && d.digest === entry.digest);
    // Replace in place, so rewriting a tag keeps index.json's order (and diffs) stable.
    const at = index.manifests.findIndex(replaced);
    const manifests = index.manifests.filter((d) => !replaced(d));
    manifests.splice(at === -1 ? manifests.length : at, 0, entry);
    return { ...index, manifests };
}


/***/ }),

/***/ 4911:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ LayoutWriter)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
/* harmony import */ var _fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4680);
/* harmony import */ var _fs_content_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8617);
/* harmony import */ var _fs_file_lock_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8865);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8686);
// Writes an OCI image layout in a directory: blobs appear whole or not at all, index.json changes under a lock.








class LayoutWriter {
    dir;
    /** The lock that serializes index.json updates between processes; the store takes it for GC too. */
    lockPath;
    #options;
    constructor(dir, options) {
        this.dir = dir;
        this.lockPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `${_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .INDEX_FILE */ .K$}.lock`);
        this.#options = options;
    }
    /** Opens a layout for writing, creating the directory and its oci-layout file when missing. */
    static async open(dir, options = {}) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs', 'sha256'), { recursive: true });
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_STORE', `creating OCI layout ${dir}: ${err.message}`, {
                cause: err,
            });
        }
        const marker = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .LAYOUT_FILE */ .gI);
        let existing;
        try {
            existing = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(marker);
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
        }
        if (existing)
            (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .checkLayoutMarker */ .Dy)(existing, dir);
        else
            await (0,_fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(marker, JSON.stringify({ imageLayoutVersion: _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .LAYOUT_VERSION */ .w9 }));
        return new LayoutWriter(dir, options);
    }
    blobFile(digest) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, ...(0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .blobPath */ .nD)(digest).split('/'));
    }
    /** True when the blob is present with the descriptor's size (blobs only ever appear whole). */
    async hasBlob(descriptor) {
        try {
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(this.blobFile(descriptor.digest));
            return info.isFile() && (descriptor.size < 0 || info.size === descriptor.size);
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return false;
            throw err;
        }
    }
    /**
     * Streams a blob in through a temp file in the layout, hashing it; a given digest and size are
     * checked before the blob gets its name. An existing blob of that digest is kept as it is.
     */
    async putBlob(stream, expected = {}) {
        const { written } = await (0,_fs_content_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeContentFile */ .F)(stream, {
            tempDir: this.dir,
            expected: {
                ...expected,
                what: expected.what ?? `blob ${expected.digest ?? ''} for ${this.dir}`,
            },
            finalPath: (w) => this.blobFile(w.digest),
        });
        return written;
    }
    async putBytes(bytes, expected = {}) {
        return this.putBlob(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from([Buffer.from(bytes)]), expected);
    }
    /** index.json as it is now (an empty index when there is none yet). */
    async readIndex() {
        let bytes;
        try {
            bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .INDEX_FILE */ .K$));
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .emptyIndex */ .gW)();
            throw err;
        }
        return (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .parseLayoutIndex */ .SP)(bytes, this.dir);
    }
    /**
     * Read-modify-write of index.json under the layout's lock, so concurrent writers (other
     * processes too) never lose each other's entries. The new index replaces the old atomically.
     */
    async updateIndex(mutate) {
        return this.withLock(async () => {
            const next = mutate(await this.readIndex());
            await (0,_fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.dir, _layout_js__WEBPACK_IMPORTED_MODULE_7__/* .INDEX_FILE */ .K$), JSON.stringify(next));
            return next;
        });
    }
    async withLock(fn) {
        return (0,_fs_file_lock_js__WEBPACK_IMPORTED_MODULE_6__/* .withFileLock */ .U)(this.lockPath, fn, {
            what: `${_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .INDEX_FILE */ .K$} of ${this.dir}`,
            ...(this.#options.lockTimeoutMs !== undefined
                ? { timeoutMs: this.#options.lockTimeoutMs }
                : {}),
            ...(this.#options.logger ? { logger: this.#options.logger } : {}),
        });
    }
}


/***/ })

};
