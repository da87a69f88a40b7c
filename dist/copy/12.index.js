export const id = 12;
export const ids = [12];
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

/***/ 8012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DirSource: () => (/* binding */ DirSource),
/* harmony export */   openDirSource: () => (/* binding */ openDirSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6512);
/* harmony import */ var _fs_tree_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5487);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9626);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6804);
// Reads an image from a skopeo `dir:` directory.






class DirSource {
    name;
    #tree;
    #top;
    constructor(name, tree) {
        this.name = name;
        this.#tree = tree;
    }
    /**
     * The top-level manifest's digest is computed from its bytes (dir: records none); a child's
     * is the one asked for, so a consumer that verifies catches a file that does not match.
     */
    manifest(instance) {
        if (instance === undefined) {
            this.#top ??= this.#read(undefined);
            return this.#top;
        }
        return this.#read(instance);
    }
    async blob(descriptor) {
        try {
            return await this.#tree.open((0,_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .blobFileName */ .Vz)(descriptor.digest));
        }
        catch (err) {
            throw this.#missing(err, `blob ${descriptor.digest}`);
        }
    }
    async close() { }
    async #read(instance) {
        const file = (0,_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .manifestFileName */ .V6)(instance);
        const size = await this.#tree.size(file);
        if (size !== undefined && size > _manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_MANIFEST_SIZE */ .L7) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_MANIFEST_TOO_BIG', `${this.name}: ${file} is ${size} bytes`);
        }
        let bytes;
        try {
            bytes = await this.#tree.readFile(file);
        }
        catch (err) {
            throw this.#missing(err, instance === undefined ? 'manifest.json' : `manifest ${instance}`);
        }
        const data = new Uint8Array(bytes);
        return {
            bytes: data,
            mediaType: (0,_manifest_js__WEBPACK_IMPORTED_MODULE_4__/* .detectManifestMediaType */ .Th)(data),
            digest: instance ?? (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .digestOf */ .ol)(data),
        };
    }
    #missing(err, what) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isLighterError */ .E0)(err, 'ERR_NOT_FOUND'))
            return err;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${this.name}: ${what} is missing`, { cause: err });
    }
}
async function openDirSource(ref, _options = {}) {
    const name = `dir:${ref.path}`;
    try {
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(ref.path)).isDirectory()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `opening ${name}: not a directory`);
        }
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_NOT_FOUND', `opening ${name}: no such directory`, { cause: err });
        }
        throw err;
    }
    return new DirSource(name, (0,_fs_tree_js__WEBPACK_IMPORTED_MODULE_3__/* .directoryTree */ .uY)(ref.path));
}


/***/ })

};
