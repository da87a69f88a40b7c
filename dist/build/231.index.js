export const id = 231;
export const ids = [231];
export const modules = {

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
