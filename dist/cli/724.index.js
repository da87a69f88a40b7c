export const id = 724;
export const ids = [724];
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

/***/ 7724:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MULTI_ARCH: () => (/* binding */ MULTI_ARCH),
/* harmony export */   copy: () => (/* binding */ copy),
/* harmony export */   copyRequest: () => (/* binding */ copyRequest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _core_copy_copy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3447);
/* harmony import */ var _core_transport_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3270);
/* harmony import */ var _access_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2362);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5852);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8955);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(283);
// `lighter copy SOURCE DESTINATION`: one image or a whole index between any two transports.







const MULTI_ARCH = ['system', 'all', 'index-only'];
function copyRequest(args, ctx) {
    const [source, destination] = args.positionals;
    const multiArchFlag = args.choice('multi-arch', MULTI_ARCH);
    // skopeo's --all is --multi-arch=all; saying both differently is a mistake worth reporting.
    if (args.boolean('all') && multiArchFlag !== undefined && multiArchFlag !== 'all') {
        throw args.usage(`flag --all cannot be combined with --multi-arch=${multiArchFlag}`);
    }
    const platform = (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .platformOption */ .tt)(args);
    const multiArch = args.boolean('all') ? 'all' : (multiArchFlag ?? 'system');
    if (platform !== undefined && multiArch !== 'system') {
        throw args.usage('flag --platform chooses one image; it cannot be combined with --all or --multi-arch');
    }
    return {
        source,
        destination,
        sourceRegistry: (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOptions */ ._A)(args, ctx, 'src-'),
        destinationRegistry: (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOptions */ ._A)(args, ctx, 'dest-'),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .retryTimes */ .Fc)(args),
        multiArch,
        platform,
        parallelCopies: args.integer('image-parallel-copies', 6, { min: 1, max: 64 }),
        quiet: args.boolean('quiet'),
        ...(0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .writeOptions */ .GX)(args),
    };
}
async function copy(args, ctx) {
    return execute(copyRequest(args, ctx), args.string('store'), ctx);
}
async function execute(request, store, ctx) {
    const sourceRef = (0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageName */ ["if"])(request.source);
    const destRef = (0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseImageName */ ["if"])(request.destination);
    const progress = (0,_progress_js__WEBPACK_IMPORTED_MODULE_5__/* .cliProgress */ .o)(ctx.logger, { quiet: request.quiet, tty: process.stderr });
    const source = await (0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_2__/* .openSource */ .oD)(sourceRef, (0,_access_js__WEBPACK_IMPORTED_MODULE_6__/* .openOptions */ .d)(ctx, request.sourceRegistry, request.retryTimes, store));
    try {
        const dest = await (0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_2__/* .openDestination */ .xB)(destRef, (0,_access_js__WEBPACK_IMPORTED_MODULE_6__/* .openOptions */ .d)(ctx, request.destinationRegistry, request.retryTimes, store));
        try {
            const options = {
                multiArch: request.multiArch,
                preserveDigests: request.preserveDigests,
                concurrency: request.parallelCopies,
                logger: ctx.logger,
                onProgress: progress,
            };
            if (request.platform)
                options.platform = (0,_platform_js__WEBPACK_IMPORTED_MODULE_3__/* .completePlatform */ .d)(request.platform);
            if (request.format)
                options.format = request.format;
            if (request.compressFormat)
                options.compression = request.compressFormat;
            const result = await (0,_core_copy_copy_js__WEBPACK_IMPORTED_MODULE_1__/* .copyImage */ .L)(source, dest, options);
            progress.finish();
            if (!request.quiet) {
                ctx.logger.info(`Copied ${(0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_2__/* .imageName */ .tO)(sourceRef)} to ${(0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_2__/* .imageName */ .tO)(destRef)}: ${result.digest} (${result.blobsCopied} blob(s) copied, ${result.blobsSkipped} skipped)`);
            }
            if (request.digestfile)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(request.digestfile, result.digest);
            return 0;
        }
        finally {
            progress.finish();
            await dest.close();
        }
    }
    finally {
        await source.close();
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


/***/ })

};
