export const id = 1381;
export const ids = [1381,881];
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

/***/ 1381:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   push: () => (/* binding */ push)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _core_storage_pull_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3262);
/* harmony import */ var _access_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2362);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5852);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(283);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2739);
// `lighter push IMAGE [DESTINATION]`: sends an image from the store to a registry or transport.






async function push(args, ctx) {
    const request = {
        image: args.positionals[0],
        destination: args.positionals[1],
        registry: (0,_options_js__WEBPACK_IMPORTED_MODULE_3__/* .registryOptions */ ._A)(args, ctx),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_3__/* .retryTimes */ .Fc)(args),
        quiet: args.boolean('quiet'),
        ...(0,_options_js__WEBPACK_IMPORTED_MODULE_3__/* .writeOptions */ .GX)(args),
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const store = await (0,_store_js__WEBPACK_IMPORTED_MODULE_2__/* .openStore */ .C)(args, ctx);
    const progress = (0,_progress_js__WEBPACK_IMPORTED_MODULE_4__/* .cliProgress */ .o)(ctx.logger, { quiet: request.quiet, tty: process.stderr });
    const options = {
        registry: (0,_access_js__WEBPACK_IMPORTED_MODULE_5__/* .registryAccess */ .Y)(request.registry, request.retryTimes),
        preserveDigests: request.preserveDigests,
        logger: ctx.logger,
        onProgress: progress,
    };
    if (request.format)
        options.format = request.format;
    if (request.compressFormat)
        options.compression = request.compressFormat;
    try {
        const result = await (0,_core_storage_pull_js__WEBPACK_IMPORTED_MODULE_1__.push)(store, request.image, request.destination, options);
        progress.finish();
        if (!request.quiet)
            ctx.logger.info(`Pushed ${request.image}: ${result.digest}`);
        if (request.digestfile)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(request.digestfile, result.digest);
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


/***/ }),

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
/* harmony import */ var _transport_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1507);
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
        const dest = await _transport_storage_destination_js__WEBPACK_IMPORTED_MODULE_4__.StorageDestination.open(store, name, { source: `docker://${name}` });
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
    const source = await _transport_storage_source_js__WEBPACK_IMPORTED_MODULE_5__.StorageSource.open(store, image);
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


/***/ }),

/***/ 6807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StorageDestination: () => (/* binding */ StorageDestination),
/* harmony export */   openStorageDestination: () => (/* binding */ openStorageDestination)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9626);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9155);
/* harmony import */ var _storage_chain_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8348);
/* harmony import */ var _storage_lease_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3451);
/* harmony import */ var _storage_location_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3014);
/* harmony import */ var _storage_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4645);
/* harmony import */ var _storage_remove_tree_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4798);
/* harmony import */ var _storage_store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3652);
/* harmony import */ var _storage_unpack_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3683);
// Writes an image into the store for the copy engine (`pull`, `copy … storage:NAME`), unpacking layers while they stream in.










const CAPABILITIES = {
    // Docker types too: the store keeps an image's bytes, and so its digest, as pulled. (skopeo
    // 1.9 and umoci find only OCI-typed entries by name; OCI images are the common case.)
    manifestTypes: [
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest,
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerManifest,
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex,
        _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Blobs go straight into the store's blobs/, whole or not at all; the image's name is added at
 * `commit`, under the store lock, after everything it needs is present. Each layer is unpacked
 * on the fly from the same bytes (a worker thread follows the blob file as it is written; or,
 * without workers, a tee) into a temp dir; commit renames it to `layers/<chain ID>` once the
 * config confirms its diff ID. Everything touched is claimed in a lease first, so a concurrent
 * prune keeps it.
 *
 * A blob given with its digest is not hashed again here: the copy engine, this destination's
 * caller, passes every byte through a VerifyingStream that fails the stream (so the blob never
 * gets its name) on a mismatch. A third hash over every layer would cost a pull ~10%.
 */
class StorageDestination {
    name;
    capabilities = CAPABILITIES;
    store;
    #imageName;
    #lease;
    #options;
    #log;
    /** Layers being unpacked, by blob digest; undefined when unpacking failed. */
    #unpacked = new Map();
    #images = [];
    #top;
    #committed = false;
    #closed = false;
    constructor(store, imageName, lease, options) {
        this.store = store;
        this.#imageName = imageName;
        this.name = `storage:${imageName ?? '(unnamed)'}`;
        this.#lease = lease;
        this.#options = options;
        this.#log = store.logger;
    }
    /** `imageName` is stored as given (normalize it first); undefined stores an unnamed image. */
    static async open(store, imageName, options = {}) {
        // Started now, the workers are ready by the time the first layer's bytes arrive.
        if (options.unpack !== false)
            void store.prepareWorkers();
        return new StorageDestination(store, imageName, await store.lease(), options);
    }
    async tryReuseBlob(descriptor) {
        await this.#lease.claim([descriptor.digest]);
        return this.store.writer.hasBlob(descriptor);
    }
    async putBlob(stream, blob) {
        if (blob.digest)
            await this.#lease.claim([blob.digest]);
        const expected = {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined ? { size: blob.size } : {}),
            what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
        };
        const compression = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .layerCompression */ .AH)(blob.mediaType);
        const digest = blob.digest;
        if (compression === undefined ||
            digest === undefined ||
            this.#options.unpack === false ||
            this.#unpacked.has(digest)) {
            const { digest: written, size } = await this.store.putBlob(stream, expected, {
                verifiedUpstream: digest !== undefined,
            });
            return { digest: written, size };
        }
        // The layer is unpacked from the same bytes as they are written (see Store.putBlob). That
        // work is on bytes not verified yet: it counts only if the blob, verified to its last byte,
        // is written; commit gives it its chain ID once the config confirms its diff ID.
        const temp = await (0,_storage_unpack_js__WEBPACK_IMPORTED_MODULE_9__/* .makeTempLayerDir */ .Fk)(this.store.layersDir);
        let written;
        try {
            written = await this.store.putBlob(stream, expected, {
                unpackInto: { dir: temp, compression },
                verifiedUpstream: true,
            });
        }
        catch (err) {
            await (0,_storage_remove_tree_js__WEBPACK_IMPORTED_MODULE_7__/* .removeTree */ .d)(temp).catch(() => { });
            throw err;
        }
        this.#unpacked.set(digest, written.unpacked.then(async (diffId) => {
            await this.store.fault('layer-unpacked');
            return { dir: temp, diffId, placed: false };
        }, async (err) => {
            // The blob is fine, the tar is not usable here: the image is stored, and running it
            // reports the problem again when layerDirs unpacks it.
            this.#log.warn(`unpacking ${digest} for ${this.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
            await (0,_storage_remove_tree_js__WEBPACK_IMPORTED_MODULE_7__/* .removeTree */ .d)(temp).catch(() => { });
            return undefined;
        }));
        return { digest: written.digest, size: written.size };
    }
    async putManifest(manifest, instance) {
        if (instance !== undefined && instance !== manifest.digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`);
        }
        await this.#lease.claim([manifest.digest]);
        await this.store.writer.putBytes(manifest.bytes, {
            digest: manifest.digest,
            size: manifest.bytes.length,
            what: `manifest ${manifest.digest} for ${this.name}`,
        });
        const parsed = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseManifest */ .Ng)(manifest.bytes, manifest.mediaType);
        if (parsed.kind === 'image')
            this.#images.push(parsed.manifest);
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
        for (const manifest of this.#images)
            await this.#placeLayers(manifest);
        await this.store.fault('layers-placed');
        await this.store.addImage(top, {
            ...(this.#imageName !== undefined ? { name: this.#imageName } : {}),
            ...(this.#options.source ? { source: this.#options.source } : {}),
        });
        this.#committed = true;
    }
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        // Unpacked layers that found no place (a failed copy, a repeated layer) are dropped now;
        // blobs stay: whole and content-addressed, they are reused or collected by the next prune.
        for (const pending of this.#unpacked.values()) {
            const unpacked = await pending;
            if (unpacked && !unpacked.placed)
                await (0,_storage_remove_tree_js__WEBPACK_IMPORTED_MODULE_7__/* .removeTree */ .d)(unpacked.dir).catch(() => { });
        }
        await this.#lease.release();
    }
    /** Gives the layers unpacked during the copy their chain-ID names, checking each diff ID. */
    async #placeLayers(manifest) {
        const config = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageConfig */ .FB)(await this.store.readBlob(manifest.config));
        const diffIds = config.rootfs.diff_ids;
        if (diffIds.length !== manifest.layers.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `${this.name}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`);
        }
        const chains = (0,_storage_chain_id_js__WEBPACK_IMPORTED_MODULE_3__/* .chainIds */ .s)(diffIds);
        for (const [i, layer] of manifest.layers.entries()) {
            const unpacked = await this.#unpacked.get(layer.digest);
            if (!unpacked || unpacked.placed)
                continue;
            if (unpacked.diffId !== diffIds[i]) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_DIGEST_MISMATCH', `${this.name}: layer ${i + 1} (${layer.digest}) uncompresses to ${unpacked.diffId}, but the config says ${diffIds[i]}`, { details: { expected: diffIds[i], actual: unpacked.diffId } });
            }
            const chain = chains[i];
            await this.#lease.claim([(0,_storage_lease_js__WEBPACK_IMPORTED_MODULE_4__/* .layerClaim */ .Ys)((0,_storage_chain_id_js__WEBPACK_IMPORTED_MODULE_3__/* .layerDirName */ .O)(chain))]);
            await (0,_storage_unpack_js__WEBPACK_IMPORTED_MODULE_9__/* .placeLayerDir */ .We)(unpacked.dir, this.store.layersDir, chain);
            unpacked.placed = true;
        }
    }
}
async function openStorageDestination(ref, options = {}) {
    const store = await _storage_store_js__WEBPACK_IMPORTED_MODULE_8__.Store.open(options.storeDir ?? (0,_storage_location_js__WEBPACK_IMPORTED_MODULE_5__/* .defaultStoreDir */ .i)(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageDestination.open(store, (0,_storage_names_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeName */ .Pc)(ref.image));
}


/***/ }),

/***/ 5574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   StorageSource: () => (/* binding */ StorageSource),
/* harmony export */   openStorageSource: () => (/* binding */ openStorageSource)
/* harmony export */ });
/* harmony import */ var _layout_reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1055);
/* harmony import */ var _storage_location_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3014);
/* harmony import */ var _storage_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3652);
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
    const store = await _storage_store_js__WEBPACK_IMPORTED_MODULE_2__.Store.open(options.storeDir ?? (0,_storage_location_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultStoreDir */ .i)(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageSource.open(store, ref.image);
}


/***/ })

};
