export const id = 12;
export const ids = [12];
export const modules = {

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
