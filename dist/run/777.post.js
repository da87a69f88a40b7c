export const id = 777;
export const ids = [777];
export const modules = {

/***/ 9777:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerImageSource: () => (/* binding */ DockerImageSource),
/* harmony export */   openDockerSource: () => (/* binding */ openDockerSource)
/* harmony export */ });
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8978);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7853);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6727);
// Reads an image or index from a registry: the ImageSource side of the docker transport.



/**
 * A registry image. The top-level manifest is fetched by digest when the reference has one
 * (so it is verified), else by tag, and cached; children of an index are fetched by digest.
 */
class DockerImageSource {
    name;
    /** `registry/repository`, so a destination on the same registry can mount blobs from it. */
    repository;
    #client;
    #ref;
    #top;
    constructor(ref, client) {
        this.#ref = ref;
        this.#client = client;
        this.name = `docker:${(0,_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDockerReference */ .tz)(ref)}`;
        this.repository = (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(ref);
    }
    manifest(instance) {
        const repo = this.#ref.repository;
        if (instance !== undefined)
            return this.#client.manifest(repo, instance);
        if (!this.#top) {
            const top = this.#client.manifest(repo, this.#ref.digest ?? this.#ref.tag ?? 'latest');
            this.#top = top;
            // A failure is not remembered: asking again asks the registry again.
            top.catch(() => {
                if (this.#top === top)
                    this.#top = undefined;
            });
        }
        return this.#top;
    }
    blob(descriptor) {
        return this.#client.blob(this.#ref.repository, descriptor);
    }
    close() {
        return this.#client.close();
    }
}
async function openDockerSource(ref, options = {}) {
    const client = new _registry_client_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryClient */ .b(ref.registry, {
        ...(options.registry ? { access: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return new DockerImageSource(ref, client);
}


/***/ })

};
