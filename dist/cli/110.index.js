export const id = 110;
export const ids = [110];
export const modules = {

/***/ 1110:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteImage: () => (/* binding */ deleteImage)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
/* harmony import */ var _core_registry_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6915);
/* harmony import */ var _core_transport_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8208);
/* harmony import */ var _access_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2362);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5852);
// `lighter delete IMAGE`: deletes a manifest from a registry (skopeo delete).






async function deleteImage(args, ctx) {
    const request = {
        image: args.positionals[0],
        registry: (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOptions */ ._A)(args, ctx),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .retryTimes */ .Fc)(args),
    };
    return execute(request, ctx);
}
async function execute(request, ctx) {
    const ref = (0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageName */ ["if"])(request.image);
    if (ref.transport !== 'docker') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `delete works on registry images (docker://...), not ${ref.transport}: images; for the store use rmi`);
    }
    const docker = ref;
    const client = new _core_registry_client_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryClient */ .b(docker.registry, {
        access: (0,_access_js__WEBPACK_IMPORTED_MODULE_5__/* .registryAccess */ .Y)(request.registry, request.retryTimes),
        logger: ctx.logger,
    });
    try {
        // Registries delete by digest: resolve the tag first, as skopeo does.
        let digest = docker.digest;
        if (!digest) {
            const info = await client.manifestInfo(docker.repository, docker.tag ?? 'latest');
            if (!info) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_NOT_FOUND', `deleting ${(0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .imageName */ .tO)(ref)}: no such manifest`);
            }
            digest = info.digest;
        }
        await client.deleteManifest(docker.repository, digest);
        ctx.logger.info(`Deleted ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryName */ .aR)(docker)}@${digest}`);
        return 0;
    }
    finally {
        await client.close();
    }
}


/***/ })

};
