export const id = 5014;
export const ids = [5014];
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
