export const id = 8094;
export const ids = [8094,5014];
export const modules = {

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

/***/ 7436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ packTar)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6118);
/* harmony import */ var _atomic_write_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4680);
// Writes a tar archive from a list of members, atomically and reproducibly (fixed owners and times).






// Reproducible archives: the same image always packs to the same bytes.
const EPOCH = new Date(0);
const OWNER = { uid: 0, gid: 0, uname: '', gname: '' };
/** Packs `members` in order into `file` through a temp file beside it, renamed into place when complete. */
async function packTar(file, members) {
    const temp = (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_5__/* .tempPathFor */ .FD)(file);
    const pack = (0,tar_stream__WEBPACK_IMPORTED_MODULE_4__.pack)();
    // tar-stream's streams are streamx ones; Readable.from adapts them to node's pipeline.
    const writing = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(pack), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(temp, { flags: 'wx', flush: true }));
    try {
        await Promise.all([writing, addMembers(pack, members)]);
        await (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_5__/* .renameDurable */ .yz)(temp, file);
    }
    catch (err) {
        pack.destroy();
        await writing.catch(() => { });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
}
async function addMembers(pack, members) {
    for (const m of members) {
        const base = { name: m.name, mtime: EPOCH, ...OWNER };
        if (m.type === 'directory') {
            await entry(pack, {
                ...base,
                name: m.name.endsWith('/') ? m.name : `${m.name}/`,
                type: 'directory',
                mode: 0o755,
            });
        }
        else if (m.type === 'symlink') {
            await entry(pack, { ...base, type: 'symlink', linkname: m.target, mode: 0o777 });
        }
        else if ('data' in m) {
            const data = typeof m.data === 'string' ? Buffer.from(m.data) : Buffer.from(m.data);
            await entry(pack, { ...base, type: 'file', mode: 0o644, size: data.length }, data);
        }
        else {
            const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(m.path);
            await entryFromFile(pack, { ...base, type: 'file', mode: 0o644, size }, m.path);
        }
    }
    pack.finalize();
}
function entry(pack, header, data) {
    return new Promise((resolve, reject) => {
        const cb = (err) => (err ? reject(err) : resolve());
        if (data)
            pack.entry(header, data, cb);
        else
            pack.entry(header, cb);
    });
}
async function entryFromFile(pack, header, path) {
    await new Promise((resolve, reject) => {
        const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
        const source = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path);
        source.once('error', (err) => {
            sink.destroy(err);
            reject(err);
        });
        source.pipe(sink);
    });
}


/***/ }),

/***/ 4384:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OciArchiveDestination: () => (/* binding */ OciArchiveDestination),
/* harmony export */   openOciArchiveDestination: () => (/* binding */ openOciArchiveDestination)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6512);
/* harmony import */ var _fs_tar_pack_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7436);
/* harmony import */ var _layout_layout_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8686);
/* harmony import */ var _layout_writer_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4911);
/* harmony import */ var _oci_layout_destination_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5500);
/* harmony import */ var _oci_layout_transport_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6909);
// Writes an image to an oci-archive: an OCI layout staged beside the file, packed into it on commit.








/**
 * Everything goes through an oci: destination on a private staging layout; `commit` commits
 * that, then packs it into a temp file renamed over FILE. An existing FILE is replaced whole.
 */
class OciArchiveDestination {
    name;
    #file;
    #layout;
    constructor(name, file, layout) {
        this.name = name;
        this.#file = file;
        this.#layout = layout;
    }
    get capabilities() {
        return this.#layout.capabilities;
    }
    tryReuseBlob(descriptor) {
        return this.#layout.tryReuseBlob(descriptor);
    }
    putBlob(stream, blob) {
        return this.#layout.putBlob(stream, blob);
    }
    putManifest(manifest, instance) {
        return this.#layout.putManifest(manifest, instance);
    }
    async commit() {
        await this.#layout.commit();
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .contextual */ .iF)(`writing ${this.name}`, async () => (0,_fs_tar_pack_js__WEBPACK_IMPORTED_MODULE_3__/* .packTar */ .n)(this.#file, await layoutMembers(this.#layout.layoutDir)), 'ERR_STORE');
    }
    async close() {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(this.#layout.layoutDir, { recursive: true, force: true });
    }
}
/** The layout's files in a stable order: marker, index, then blobs sorted by algorithm and hex. */
async function layoutMembers(dir) {
    const members = [
        { name: _layout_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .LAYOUT_FILE */ .gI, type: 'file', path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, _layout_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .LAYOUT_FILE */ .gI) },
        { name: _layout_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .INDEX_FILE */ .K$, type: 'file', path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, _layout_layout_js__WEBPACK_IMPORTED_MODULE_4__/* .INDEX_FILE */ .K$) },
        { name: 'blobs', type: 'directory' },
    ];
    for (const algorithm of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs'))).sort()) {
        members.push({ name: `blobs/${algorithm}`, type: 'directory' });
        for (const hex of (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs', algorithm))).sort()) {
            members.push({
                name: `blobs/${algorithm}/${hex}`,
                type: 'file',
                path: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'blobs', algorithm, hex),
            });
        }
    }
    return members;
}
async function openOciArchiveDestination(ref, options = {}) {
    const name = `oci-archive:${(0,_oci_layout_transport_js__WEBPACK_IMPORTED_MODULE_7__/* .formatPathAndName */ .HJ)(ref)}`;
    // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
    const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(ref.path);
    await (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .contextual */ .iF)(`opening ${name}`, () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(parent, { recursive: true }), 'ERR_STORE');
    const staging = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(parent, `.${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(ref.path)}.layout-`));
    try {
        const writer = await _layout_writer_js__WEBPACK_IMPORTED_MODULE_5__/* .LayoutWriter */ .s.open(staging, options.logger ? { logger: options.logger } : {});
        return new OciArchiveDestination(name, ref.path, new _oci_layout_destination_js__WEBPACK_IMPORTED_MODULE_6__.OciLayoutDestination(name, writer, ref.name));
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(staging, { recursive: true, force: true });
        throw err;
    }
}


/***/ }),

/***/ 5500:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OciLayoutDestination: () => (/* binding */ OciLayoutDestination),
/* harmony export */   openOciLayoutDestination: () => (/* binding */ openOciLayoutDestination)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _layout_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8686);
/* harmony import */ var _layout_writer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4911);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9155);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6909);
// Writes one image (or index) into an OCI image layout directory, shared safely with other writers.





const CAPABILITIES = {
    // OCI types only, as skopeo writes layouts: skopeo 1.9 finds no name on a Docker-typed entry,
    // and umoci cannot unpack one. The copy engine converts Docker images on the way in.
    manifestTypes: [_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.ociManifest, _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.ociIndex],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Blobs and manifests go straight into blobs/ (whole, under their digest); the image becomes
 * visible only at `commit`, which adds its index.json entry under the layout's lock.
 */
class OciLayoutDestination {
    name;
    capabilities = CAPABILITIES;
    #writer;
    #refName;
    #top;
    #committed = false;
    constructor(name, writer, refName) {
        this.name = name;
        this.#writer = writer;
        this.#refName = refName;
    }
    get layoutDir() {
        return this.#writer.dir;
    }
    tryReuseBlob(descriptor) {
        return this.#writer.hasBlob(descriptor);
    }
    putBlob(stream, blob) {
        return this.#writer.putBlob(stream, {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined ? { size: blob.size } : {}),
            what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
        });
    }
    async putManifest(manifest, instance) {
        if (instance !== undefined && instance !== manifest.digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`);
        }
        await this.#writer.putBytes(manifest.bytes, {
            digest: manifest.digest,
            size: manifest.bytes.length,
            what: `manifest ${manifest.digest} for ${this.name}`,
        });
        if (instance === undefined) {
            this.#top = {
                mediaType: manifest.mediaType,
                digest: manifest.digest,
                size: manifest.bytes.length,
            };
        }
    }
    async commit() {
        const top = this.#top;
        if (!top) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before the top-level manifest was put`);
        }
        if (this.#committed)
            return;
        await this.#writer.updateIndex((index) => (0,_layout_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .addEntry */ .An)(index, top, this.#refName));
        this.#committed = true;
    }
    async close() {
        // Blobs already written stay: they are whole, content-addressed and harmless until a GC.
    }
}
async function openOciLayoutDestination(ref, options = {}) {
    const name = `oci:${(0,_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .formatPathAndName */ .HJ)(ref)}`;
    const writer = await _layout_writer_js__WEBPACK_IMPORTED_MODULE_2__/* .LayoutWriter */ .s.open(ref.path, options.logger ? { logger: options.logger } : {});
    return new OciLayoutDestination(name, writer, ref.name);
}


/***/ })

};
