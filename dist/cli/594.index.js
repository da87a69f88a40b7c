export const id = 594;
export const ids = [594,262];
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

/***/ 594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pull: () => (/* binding */ pull)
/* harmony export */ });
/* harmony import */ var _core_storage_pull_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3262);
/* harmony import */ var _access_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2362);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5852);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8955);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(283);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2739);
// `lighter pull IMAGE`: fetches an image into the store.






async function pull(args, ctx) {
    const platform = (0,_options_js__WEBPACK_IMPORTED_MODULE_3__/* .platformOption */ .tt)(args);
    if (platform !== undefined && args.boolean('all')) {
        throw args.usage('flag --platform cannot be combined with --all');
    }
    const request = {
        image: args.positionals[0],
        registry: (0,_options_js__WEBPACK_IMPORTED_MODULE_3__/* .registryOptions */ ._A)(args, ctx),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_3__/* .retryTimes */ .Fc)(args),
        platform,
        allPlatforms: args.boolean('all'),
        quiet: args.boolean('quiet'),
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const store = await (0,_store_js__WEBPACK_IMPORTED_MODULE_2__/* .openStore */ .C)(args, ctx);
    const progress = (0,_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .cliProgress */ .o)(ctx.logger, { quiet: request.quiet, tty: process.stderr });
    const options = {
        registry: (0,_access_js__WEBPACK_IMPORTED_MODULE_5__/* .registryAccess */ .Y)(request.registry, request.retryTimes),
        allPlatforms: request.allPlatforms,
        logger: ctx.logger,
        onProgress: progress,
    };
    if (request.platform)
        options.platform = (0,_platform_js__WEBPACK_IMPORTED_MODULE_1__/* .completePlatform */ .d)(request.platform);
    try {
        const result = await (0,_core_storage_pull_js__WEBPACK_IMPORTED_MODULE_0__.pull)(store, request.image, options);
        progress.finish();
        if (!request.quiet)
            ctx.logger.info(`Pulled ${result.name} (${result.copy.digest})`);
        ctx.out(result.image.id);
        return 0;
    }
    finally {
        progress.finish();
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


/***/ }),

/***/ 8955:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ completePlatform)
/* harmony export */ });
/* harmony import */ var _core_platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(292);

function completePlatform(choice) {
    const host = (0,_core_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .hostPlatform */ .ol)();
    const platform = {
        os: choice.os ?? host.os,
        architecture: choice.architecture ?? host.architecture,
    };
    const variant = choice.variant ?? (choice.architecture === undefined ? host.variant : undefined);
    if (variant)
        platform.variant = variant;
    return (0,_core_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(platform);
}


/***/ }),

/***/ 283:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ cliProgress)
/* harmony export */ });
/* harmony import */ var _core_copy_progress_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8102);

const short = (digest) => digest.slice(0, 19);
/** Lines for each blob's start and end; on a TTY, a redrawn bar per active blob. */
function cliProgress(logger, options = {}) {
    const tty = options.tty?.isTTY ? options.tty : undefined;
    const active = new Map();
    let drawn = 0;
    let last = 0;
    const clear = () => {
        if (tty && drawn > 0)
            tty.write(`\x1b[${drawn}A\x1b[J`);
        drawn = 0;
    };
    const draw = () => {
        if (!tty)
            return;
        clear();
        const width = 30;
        for (const b of active.values()) {
            const total = b.size > 0 ? b.size : Math.max(b.bytes, 1);
            const filled = Math.min(width, Math.round((b.bytes / total) * width));
            tty.write(`Copying blob ${short(b.digest)} [${'='.repeat(filled)}${' '.repeat(width - filled)}] ${(0,_core_copy_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(b.bytes)} / ${(0,_core_copy_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(total)}\n`);
            drawn++;
        }
    };
    const sink = ((event) => {
        if (options.quiet)
            return;
        if (event.state === 'start' || event.state === 'progress') {
            active.set(event.digest, event);
            const now = Date.now();
            if (event.state === 'start' || now - last > 100) {
                last = now;
                draw();
            }
            return;
        }
        active.delete(event.digest);
        clear();
        logger.info(event.state === 'skipped'
            ? `Copying blob ${short(event.digest)} skipped: already exists`
            : `Copying blob ${short(event.digest)} done (${(0,_core_copy_progress_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z)(event.size)})`);
        draw();
    });
    sink.finish = clear;
    return sink;
}


/***/ }),

/***/ 2739:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ openStore)
/* harmony export */ });
/* unused harmony export storeDir */
/* harmony import */ var _core_storage_location_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3014);
/* harmony import */ var _core_storage_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3652);
// Opens the store a CLI command works on: --store, else $LIGHTER_STORE, else the default.


function storeDir(args, ctx) {
    return (args.string('store') || ctx.env.LIGHTER_STORE || (0,_core_storage_location_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultStoreDir */ .i)(ctx.env));
}
function openStore(args, ctx) {
    return _core_storage_store_js__WEBPACK_IMPORTED_MODULE_1__.Store.open(storeDir(args, ctx), { logger: ctx.logger });
}


/***/ }),

/***/ 8102:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export ProgressTotalizer */
// Totals over a copy's blob progress events, for whatever renders them (a TTY, an Actions log).
class ProgressTotalizer {
    #blobs = new Map();
    update(event) {
        this.#blobs.set(event.digest, event);
    }
    totals() {
        const t = { blobs: 0, finished: 0, skipped: 0, bytesDone: 0, bytesTotal: 0 };
        for (const b of this.#blobs.values()) {
            t.blobs++;
            if (b.state === 'skipped')
                t.skipped++;
            if (b.state === 'done')
                t.finished++;
            t.bytesDone += b.bytes;
            t.bytesTotal += Math.max(b.size, b.bytes);
        }
        return t;
    }
    active() {
        return [...this.#blobs.values()].filter((b) => b.state === 'start' || b.state === 'progress');
    }
}
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}


/***/ }),

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
