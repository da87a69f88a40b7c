export const id = 231;
export const ids = [231];
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

/***/ 1055:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ LayoutReader)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9626);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9155);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8686);
// Reads an OCI image layout from any FileTree (a directory, or a tar of one), for the oci and oci-archive sources and the store.




class LayoutReader {
    tree;
    index;
    constructor(tree, index) {
        this.tree = tree;
        this.index = index;
    }
    /** Reads oci-layout and index.json; a missing marker means "not a layout" (ERR_NOT_FOUND). */
    static async open(tree) {
        const where = tree.location;
        let marker;
        try {
            marker = await tree.readFile(_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .LAYOUT_FILE */ .gI);
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLighterError */ .E0)(err, 'ERR_NOT_FOUND')) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${where}: not an OCI image layout (no ${_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .LAYOUT_FILE */ .gI} file)`, {
                    cause: err,
                });
            }
            throw err;
        }
        (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .checkLayoutMarker */ .Dy)(marker, where);
        let index;
        try {
            index = (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLayoutIndex */ .SP)(await tree.readFile(_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .INDEX_FILE */ .K$), where);
        }
        catch (err) {
            // A layout whose first image is still being written has no index.json yet: it holds nothing.
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLighterError */ .E0)(err, 'ERR_NOT_FOUND'))
                throw err;
            index = (0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .emptyIndex */ .gW)();
        }
        return new LayoutReader(tree, index);
    }
    /**
     * The manifest a descriptor points at, as stored. The digest is the descriptor's (not recomputed),
     * so a consumer that verifies catches a blob that does not match its index entry.
     */
    async manifest(descriptor) {
        if (descriptor.size > _manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MANIFEST_SIZE */ .L7) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_MANIFEST_TOO_BIG', `${this.tree.location}: manifest ${descriptor.digest} is ${descriptor.size} bytes (limit ${_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_MANIFEST_SIZE */ .L7})`);
        }
        const bytes = await this.#read(descriptor.digest, 'manifest');
        return {
            bytes: new Uint8Array(bytes),
            mediaType: descriptor.mediaType,
            digest: descriptor.digest,
        };
    }
    /**
     * A child manifest of `parent` (an index) by digest; ERR_NOT_FOUND unless the index lists it.
     */
    async child(parent, instance) {
        const listed = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(parent.mediaType) ? childDescriptors(parent.bytes) : [];
        const descriptor = listed.find((d) => d.digest === instance);
        if (!descriptor) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${this.tree.location}: ${instance} is not listed by manifest ${parent.digest}`);
        }
        return this.manifest(descriptor);
    }
    /** Streams a blob as stored (unverified: the consumer verifies). */
    async blob(descriptor) {
        try {
            return await this.tree.open((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .blobPath */ .nD)(descriptor.digest));
        }
        catch (err) {
            throw this.#missing(err, descriptor.digest, 'blob');
        }
    }
    async hasBlob(descriptor) {
        return (await this.tree.size((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .blobPath */ .nD)(descriptor.digest))) === descriptor.size;
    }
    async #read(digest, what) {
        try {
            return await this.tree.readFile((0,_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .blobPath */ .nD)(digest));
        }
        catch (err) {
            throw this.#missing(err, digest, what);
        }
    }
    #missing(err, digest, what) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLighterError */ .E0)(err, 'ERR_NOT_FOUND'))
            return err;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${this.tree.location}: ${what} ${digest} is missing`, {
            cause: err,
            details: { digest },
        });
    }
}
/** The descriptors an index lists; tolerant, since the consumer validates the index itself. */
function childDescriptors(bytes) {
    try {
        const parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
        return Array.isArray(parsed.manifests) ? parsed.manifests : [];
    }
    catch {
        return [];
    }
}


/***/ }),

/***/ 5231:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OciLayoutSource: () => (/* binding */ OciLayoutSource),
/* harmony export */   openOciLayoutSource: () => (/* binding */ openOciLayoutSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
/* harmony import */ var _fs_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5487);
/* harmony import */ var _layout_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8686);
/* harmony import */ var _layout_reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1055);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6909);
// Reads one image (or index) out of an OCI image layout directory.






/**
 * An image in a layout read through any FileTree; oci-archive reuses it over a tar. Selects the
 * image when opened, so a wrong name fails at once, listing the names the layout has.
 */
class OciLayoutSource {
    name;
    #reader;
    #entry;
    #top;
    constructor(name, reader, entry) {
        this.name = name;
        this.#reader = reader;
        this.#entry = entry;
    }
    /**
     * `layoutName` names the layout in messages (`oci:/x`); `imageName` is `name` (`oci:/x:tag`).
     * Takes ownership of `tree`: closing the source closes it, and so does a failure to open.
     */
    static async open(tree, refName, layoutName) {
        try {
            const reader = await _layout_reader_js__WEBPACK_IMPORTED_MODULE_4__/* .LayoutReader */ .I.open(tree);
            const entry = (0,_layout_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .selectEntry */ .J9)(reader.index, refName, layoutName);
            const name = refName === undefined ? layoutName : `${layoutName}:${refName}`;
            return new OciLayoutSource(name, reader, entry);
        }
        catch (err) {
            await tree.close();
            throw err;
        }
    }
    /** The index.json entry this source reads. */
    get descriptor() {
        return this.#entry;
    }
    manifest(instance) {
        this.#top ??= this.#reader.manifest(this.#entry);
        if (instance === undefined || instance === this.#entry.digest)
            return this.#top;
        return this.#top.then((top) => this.#reader.child(top, instance));
    }
    blob(descriptor) {
        return this.#reader.blob(descriptor);
    }
    close() {
        return this.#reader.tree.close();
    }
}
async function openOciLayoutSource(ref, _options = {}) {
    const layoutName = `oci:${(0,_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPathAndName */ .HJ)({ path: ref.path })}`;
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(ref.path);
        if (!info.isDirectory())
            throw new Error('not a directory');
    }
    catch (err) {
        const missing = err.code === 'ENOENT';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt(missing ? 'ERR_NOT_FOUND' : 'ERR_INVALID_ARGUMENT', `opening ${layoutName}: ${missing ? 'no such directory' : err.message}`, { cause: err });
    }
    return OciLayoutSource.open((0,_fs_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .directoryTree */ .uY)(ref.path), ref.name, layoutName);
}


/***/ })

};
