export const id = 6521;
export const ids = [6521];
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

/***/ 4127:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ pathExists)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
// Whether a path exists: for the state checks of stores, containers and pods.

/** True when `path` exists (following symlinks), false when it does not; other errors throw. */
async function pathExists(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
        return true;
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
}


/***/ }),

/***/ 6521:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DirDestination: () => (/* binding */ DirDestination),
/* harmony export */   openDirDestination: () => (/* binding */ openDirDestination)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
/* harmony import */ var _fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4680);
/* harmony import */ var _fs_content_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8617);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9155);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6804);
// Writes an image as a skopeo `dir:` directory, staged beside it and swapped in on commit.








const CAPABILITIES = {
    // dir: stores any manifest as it comes, so copies keep their digests.
    manifestTypes: [
        _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.ociManifest,
        _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.ociIndex,
        _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.dockerManifest,
        _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Like skopeo, one image per directory: a previous dir: image there is replaced, anything else
 * refused. Unlike skopeo, the old contents stay until `commit` swaps the staged directory in.
 */
class DirDestination {
    name;
    capabilities = CAPABILITIES;
    #path;
    #staging;
    #manifest = false;
    constructor(name, path, staging) {
        this.name = name;
        this.#path = path;
        this.#staging = staging;
    }
    async tryReuseBlob(descriptor) {
        try {
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.#staging, (0,_transport_js__WEBPACK_IMPORTED_MODULE_7__/* .blobFileName */ .Vz)(descriptor.digest)));
            return info.size === descriptor.size;
        }
        catch {
            return false;
        }
    }
    async putBlob(stream, blob) {
        const { written } = await (0,_fs_content_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeContentFile */ .F)(stream, {
            tempDir: this.#staging,
            expected: {
                ...(blob.digest ? { digest: blob.digest } : {}),
                ...(blob.size !== undefined ? { size: blob.size } : {}),
                what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
            },
            finalPath: (w) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.#staging, (0,_transport_js__WEBPACK_IMPORTED_MODULE_7__/* .blobFileName */ .Vz)(w.digest)),
        });
        return written;
    }
    async putManifest(manifest, instance) {
        await (0,_fs_content_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeContentFile */ .F)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from([Buffer.from(manifest.bytes)]), {
            tempDir: this.#staging,
            expected: {
                digest: manifest.digest,
                size: manifest.bytes.length,
                what: `manifest ${manifest.digest} for ${this.name}`,
            },
            finalPath: () => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.#staging, (0,_transport_js__WEBPACK_IMPORTED_MODULE_7__/* .manifestFileName */ .V6)(instance)),
        });
        if (instance === undefined)
            this.#manifest = true;
    }
    async commit() {
        if (!this.#manifest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before putManifest`);
        }
        await (0,_fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(this.#staging, _transport_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION_FILE */ .mf), _transport_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION_TEXT */ .v8);
        await checkReplaceable(this.#path, this.name);
        const old = `${this.#staging}.old`;
        let moved = false;
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(this.#path, old);
            moved = true;
        }
        catch (err) {
            const code = err.code;
            if (code === 'EBUSY' || code === 'EXDEV' || code === 'EPERM') {
                // A mount point (or a locked dir on Windows) cannot move: refill it in place instead.
                await refillInPlace(this.#path, this.#staging);
                return;
            }
            if (code !== 'ENOENT')
                throw err;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(this.#staging, this.#path);
        await (0,_fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__/* .fsyncDir */ .t_)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(this.#path));
        if (moved)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(old, { recursive: true, force: true });
    }
    async close() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(this.#staging, { recursive: true, force: true });
    }
}
/** Missing, empty, or a dir: image (its version file says so); anything else is someone's data. */
async function checkReplaceable(path, name) {
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            return;
        if (code === 'ENOTDIR') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `${name}: ${path} is a file, not a directory`);
        }
        throw err;
    }
    if (entries.length === 0)
        return;
    const version = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, _transport_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION_FILE */ .mf), 'utf8').catch(() => undefined);
    if (version !== _transport_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION_TEXT */ .v8) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `${name}: ${path} is not empty and not a dir: image (no "${_transport_js__WEBPACK_IMPORTED_MODULE_7__/* .VERSION_TEXT */ .v8.trim()}" version file); refusing to overwrite it`);
    }
}
async function refillInPlace(path, staging) {
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(path))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, entry), { recursive: true, force: true });
    for (const entry of await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(staging))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(staging, entry), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(path, entry));
    await (0,_fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__/* .fsyncDir */ .t_)(path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(staging, { recursive: true, force: true });
}
async function openDirDestination(ref, _options = {}) {
    const name = `dir:${ref.path}`;
    // Checked now as well as at commit: refusing early beats copying gigabytes first.
    await checkReplaceable(ref.path, name);
    const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(ref.path);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(parent, { recursive: true });
    const staging = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(parent, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(ref.path)}.staging-`));
    return new DirDestination(name, ref.path, staging);
}


/***/ })

};
