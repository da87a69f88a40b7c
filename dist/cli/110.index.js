export const id = 110;
export const ids = [110];
export const modules = {

/***/ 2362:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ registryAccess),
/* harmony export */   d: () => (/* binding */ openOptions)
/* harmony export */ });
function registryAccess(options, retries) {
    const access = { tlsVerify: options.tlsVerify, retries };
    if (options.credentials) {
        access.creds = `${options.credentials.username}:${options.credentials.password}`;
    }
    if (options.authfile)
        access.authFile = options.authfile;
    return access;
}
/** Open options for one side of a command: registry access, the logger and the store. */
function openOptions(ctx, options, retries, storeDir) {
    const open = { logger: ctx.logger, registry: registryAccess(options, retries) };
    const store = storeDir ?? ctx.env.LIGHTER_STORE;
    if (store)
        open.storeDir = store;
    return open;
}


/***/ }),

/***/ 1110:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteImage: () => (/* binding */ deleteImage)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
/* harmony import */ var _core_registry_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6915);
/* harmony import */ var _core_transport_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3270);
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


/***/ }),

/***/ 5852:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ retryTimes),
/* harmony export */   GX: () => (/* binding */ writeOptions),
/* harmony export */   _A: () => (/* binding */ registryOptions),
/* harmony export */   tt: () => (/* binding */ platformOption)
/* harmony export */ });
/* unused harmony exports credentials, DEFAULT_RETRY_TIMES, MANIFEST_FORMATS, COMPRESS_FORMATS */
/** `--creds USER:PASS`; both parts registered as secrets, and no error repeats either. */
function credentials(args, flag, ctx) {
    const value = args.string(flag);
    if (value === undefined)
        return undefined;
    ctx.logger.secret(value);
    const colon = value.indexOf(':');
    const username = colon < 0 ? '' : value.slice(0, colon);
    const password = colon < 0 ? '' : value.slice(colon + 1);
    ctx.logger.secret(password);
    if (username === '' || password === '') {
        throw args.usage(`flag --${flag}: expected USER:PASS with both parts non-empty`);
    }
    return { username, password };
}
const DEFAULT_RETRY_TIMES = 3;
function retryTimes(args) {
    return args.integer('retry-times', DEFAULT_RETRY_TIMES, { min: 0, max: 100 });
}
/** `--creds`, `--authfile`, `--tls-verify` (with a prefix: `src-`, `dest-`). */
function registryOptions(args, ctx, prefix = '') {
    return {
        credentials: credentials(args, `${prefix}creds`, ctx),
        authfile: args.string(`${prefix}authfile`) ?? args.string('authfile'),
        tlsVerify: args.boolean(`${prefix}tls-verify`, true),
    };
}
const PART = /^[a-z0-9_.-]+$/i;
/** `--platform OS/ARCH[/VARIANT]`, or the `--override-*` flags skopeo has; not both. */
function platformOption(args) {
    const platform = args.string('platform');
    const overrides = ['override-os', 'override-arch', 'override-variant'].filter((f) => args.has(f));
    if (platform !== undefined && overrides.length > 0) {
        throw args.usage(`flag --platform cannot be combined with --${overrides[0]}`);
    }
    if (platform !== undefined) {
        const parts = platform.split('/');
        const [os, architecture, variant] = parts;
        if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PART.test(p))) {
            throw args.usage(`flag --platform: expected OS/ARCH[/VARIANT], got "${platform}"`);
        }
        return variant === undefined ? { os, architecture } : { os, architecture, variant };
    }
    if (overrides.length === 0)
        return undefined;
    const choice = {};
    const os = args.string('override-os');
    const architecture = args.string('override-arch');
    const variant = args.string('override-variant');
    if (os !== undefined)
        choice.os = os;
    if (architecture !== undefined)
        choice.architecture = architecture;
    if (variant !== undefined)
        choice.variant = variant;
    return choice;
}
const MANIFEST_FORMATS = ['oci', 'v2s2'];
const COMPRESS_FORMATS = ['gzip', 'zstd'];
function writeOptions(args) {
    const options = {
        format: args.choice('format', MANIFEST_FORMATS),
        compressFormat: args.choice('dest-compress-format', COMPRESS_FORMATS),
        preserveDigests: args.boolean('preserve-digests'),
        digestfile: args.string('digestfile'),
    };
    if (options.preserveDigests && (options.format || options.compressFormat)) {
        const flag = options.format ? '--format' : '--dest-compress-format';
        throw args.usage(`flag --preserve-digests cannot be combined with ${flag}, which changes digests`);
    }
    return options;
}


/***/ })

};
