export const id = 262;
export const ids = [262];
export const modules = {

/***/ 3262:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pull: () => (/* binding */ pull),
/* harmony export */   push: () => (/* binding */ push)
/* harmony export */ });
/* harmony import */ var _copy_copy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3447);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8978);
/* harmony import */ var _transport_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3270);
/* harmony import */ var _transport_storage_destination_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6807);
/* harmony import */ var _transport_storage_source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5574);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4645);
// `pull` and `push` for the CLI and actions: the copy engine between a registry (or any transport) and the store.
//
// These sit one level above the store (they drive the copy engine and the transports), so the
// store's own modules never import this file; callers import it directly.







/**
 * `docker://REF` → `storage:REF` through the copy engine: `busybox` is pulled from Docker Hub
 * as `docker.io/library/busybox:latest`. Layers are unpacked as they arrive, so the image is
 * ready for overlay when this returns.
 */
async function pull(store, reference, options = {}) {
    const text = reference.startsWith('docker://') ? reference.slice('docker://'.length) : reference;
    const ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(text);
    const name = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref);
    const sourceRef = { transport: 'docker', ...ref };
    const source = await (0,_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .openSource */ .oD)(sourceRef, {
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.registry ? { registry: options.registry } : {}),
    });
    let copy;
    try {
        const dest = await _transport_storage_destination_js__WEBPACK_IMPORTED_MODULE_4__/* .StorageDestination */ .M.open(store, name, { source: `docker://${name}` });
        try {
            copy = await (0,_copy_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .copyImage */ .L)(source, dest, {
                multiArch: options.allPlatforms ? 'all' : 'system',
                ...(options.platform ? { platform: options.platform } : {}),
                ...(options.logger ? { logger: options.logger } : {}),
                ...(options.onProgress ? { onProgress: options.onProgress } : {}),
                ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
            });
        }
        finally {
            await dest.close();
        }
    }
    finally {
        await source.close();
    }
    return { name, image: await store.resolve(name), copy };
}
/**
 * Copies a stored image (name or ID) to `destination`: a transport-qualified name
 * (`docker://…`, `oci:dir:tag`, …), a plain registry reference (`ghcr.io/o/app:1`, taken as
 * docker://), or nothing for the registry the image is named after.
 */
async function push(store, image, destination, options = {}) {
    const source = await _transport_storage_source_js__WEBPACK_IMPORTED_MODULE_5__/* .StorageSource */ .T.open(store, image);
    try {
        const target = typeof destination === 'object'
            ? destination
            : destinationOf(source.image, image, destination);
        const dest = await (0,_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .openDestination */ .xB)(target, {
            storeDir: store.dir,
            ...(options.logger ? { logger: options.logger } : {}),
            ...(options.registry ? { registry: options.registry } : {}),
        });
        try {
            const { registry: _registry, ...copyOptions } = options;
            return await (0,_copy_copy_js__WEBPACK_IMPORTED_MODULE_0__/* .copyImage */ .L)(source, dest, { multiArch: 'all', ...copyOptions });
        }
        finally {
            await dest.close();
        }
    }
    finally {
        await source.close();
    }
}
function destinationOf(image, input, destination) {
    if (destination !== undefined) {
        const colon = destination.indexOf(':');
        const transport = colon > 0 ? destination.slice(0, colon) : '';
        if ((0,_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .transportNames */ .aF)().includes(transport))
            return (0,_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageName */ ["if"])(destination);
        return (0,_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageName */ ["if"])(`docker://${destination}`);
    }
    // The name the user meant, when the image has several.
    let meant;
    try {
        meant = (0,_names_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeName */ .Pc)(input);
    }
    catch {
        meant = undefined;
    }
    const name = meant !== undefined && image.names.includes(meant) ? meant : image.names[0];
    if (name === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `pushing ${input}: the image has no name, so give a destination`);
    }
    return (0,_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageName */ ["if"])(`docker://${name}`);
}


/***/ })

};
