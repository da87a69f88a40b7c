export const id = 618;
export const ids = [618];
export const modules = {

/***/ 618:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerImageDestination: () => (/* binding */ DockerImageDestination),
/* harmony export */   openDockerDestination: () => (/* binding */ openDockerDestination)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2345);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9155);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8978);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7853);
/* harmony import */ var _registry_endpoint_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6406);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6727);
// Writes an image or index to a registry: the ImageDestination side of the docker transport.







const CAPABILITIES = {
    manifestTypes: [
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest,
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerManifest,
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex,
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: true,
    prefersCompressedLayers: true,
};
/**
 * A registry repository being pushed to. A registry has no transaction: the tag is the commit
 * point, so `putManifest` without `instance` (the top-level manifest, pushed by tag) must come
 * last, after every blob and child manifest; `commit` then has nothing left to do. Children of
 * an index are pushed by digest, which makes them reachable but names nothing.
 */
class DockerImageDestination {
    name;
    capabilities = CAPABILITIES;
    #client;
    #ref;
    #logger;
    constructor(ref, client, logger = _log_js__WEBPACK_IMPORTED_MODULE_1__/* .silentLogger */ .qq) {
        this.#ref = ref;
        this.#client = client;
        this.#logger = logger;
        this.name = `docker:${(0,_transport_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDockerReference */ .tz)(ref)}`;
    }
    /** One HEAD: the digest under this tag (or the digest itself, when the name pins one). */
    async existingManifest() {
        const { repository, tag, digest } = this.#ref;
        const info = await this.#client.manifestInfo(repository, digest ?? tag ?? 'latest');
        return info?.digest;
    }
    /** HEAD first; else a cross-repository mount when `mountFrom` is on this registry. */
    async tryReuseBlob(descriptor, options = {}) {
        const repo = this.#ref.repository;
        if (await this.#client.blobExists(repo, descriptor.digest))
            return true;
        if (!options.mountFrom)
            return false;
        let from;
        try {
            from = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRepository */ .SU)(options.mountFrom);
        }
        catch {
            return false;
        }
        if ((0,_registry_endpoint_js__WEBPACK_IMPORTED_MODULE_5__/* .canonicalRegistry */ .i7)(from.registry) !== (0,_registry_endpoint_js__WEBPACK_IMPORTED_MODULE_5__/* .canonicalRegistry */ .i7)(this.#ref.registry))
            return false;
        if (from.repository === repo)
            return false;
        const mounted = await this.#client.mountBlob(repo, descriptor.digest, from.repository);
        if (mounted)
            this.#logger.debug(`${descriptor.digest}: mounted from ${options.mountFrom}`);
        return mounted;
    }
    putBlob(stream, blob) {
        return this.#client.putBlob(this.#ref.repository, stream, {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined && blob.size >= 0 ? { size: blob.size } : {}),
        });
    }
    async putManifest(manifest, instance) {
        const repo = this.#ref.repository;
        if (instance !== undefined) {
            if (instance !== manifest.digest) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_DIGEST_MISMATCH', `pushing manifest to ${this.name}: instance ${instance} does not match its bytes (${manifest.digest})`);
            }
            await this.#client.putManifest(repo, instance, manifest);
            return;
        }
        const { tag, digest } = this.#ref;
        if (digest !== undefined && digest !== manifest.digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_DIGEST_MISMATCH', `pushing manifest to ${this.name}: the image's digest is ${manifest.digest}, not the ${digest} the name requires`);
        }
        await this.#client.putManifest(repo, tag ?? manifest.digest, manifest);
    }
    /** Nothing to do: pushing the top-level manifest by tag was the commit. */
    async commit() { }
    close() {
        return this.#client.close();
    }
}
async function openDockerDestination(ref, options = {}) {
    const client = new _registry_client_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryClient */ .b(ref.registry, {
        ...(options.registry ? { access: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return new DockerImageDestination(ref, client, options.logger);
}


/***/ })

};
