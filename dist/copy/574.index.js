export const id = 574;
export const ids = [574];
export const modules = {

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

/***/ 336:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StorageSource: () => (/* binding */ StorageSource),
/* harmony export */   openStorageSource: () => (/* binding */ openStorageSource)
/* harmony export */ });
/* harmony import */ var _layout_reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1055);
/* harmony import */ var _storage_location_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3014);
/* harmony import */ var _storage_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5550);
// Reads an image out of the store for the copy engine (`push`, `copy storage:NAME …`).



/**
 * The image is resolved when the source opens, so a wrong name fails at once with similar names.
 * Everything read is claimed in a lease first, so a concurrent `rmi` + `prune` cannot delete
 * blobs out from under a push in progress.
 */
class StorageSource {
    name;
    image;
    #reader;
    #lease;
    #top;
    constructor(name, image, reader, lease) {
        this.name = name;
        this.image = image;
        this.#reader = reader;
        this.#lease = lease;
    }
    static async open(store, input) {
        const image = await store.resolve(input);
        const reader = await _layout_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .LayoutReader */ .I.open(store.tree);
        const lease = await store.lease();
        return new StorageSource(`storage:${image.names[0] ?? image.id}`, image, reader, lease);
    }
    manifest(instance) {
        this.#top ??= this.#lease
            .claim([this.image.digest])
            .then(() => this.#reader.manifest(this.image.descriptor));
        if (instance === undefined || instance === this.image.digest)
            return this.#top;
        return this.#top.then(async (top) => {
            await this.#lease.claim([instance]);
            return this.#reader.child(top, instance);
        });
    }
    async blob(descriptor) {
        await this.#lease.claim([descriptor.digest]);
        return this.#reader.blob(descriptor);
    }
    close() {
        return this.#lease.release();
    }
}
async function openStorageSource(ref, options = {}) {
    const store = await _storage_store_js__WEBPACK_IMPORTED_MODULE_2__/* .Store */ .i.open(options.storeDir ?? (0,_storage_location_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultStoreDir */ .i)(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageSource.open(store, ref.image);
}


/***/ })

};
