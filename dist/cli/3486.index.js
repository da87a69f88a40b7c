export const id = 3486;
export const ids = [3486];
export const modules = {

/***/ 4127:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ pathExists)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
// Whether a path exists: for the state checks of stores, containers and pods.

/** True when `path` exists (following symlinks), false when it does not; other errors throw. */
async function pathExists(path) {
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path);
        return true;
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
}


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ setXattrs),
/* harmony export */   I5: () => (/* binding */ readXattrTree),
/* harmony export */   g8: () => (/* binding */ ATTR_TOOLS_HINT),
/* harmony export */   mU: () => (/* binding */ hasCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
// Extended attributes through setfattr/getfattr (Debian package `attr`), in one process per batch.
//
// Node has no xattr API and lighter takes no native addon. One `setfattr --restore` reads many
// files' attributes from stdin and one `getfattr -R` dumps a whole tree, so the cost is a
// process per layer, not per file. The caller checks paths before handing them over: both
// tools resolve parent directories through symlinks.



const availability = new Map();
/** Whether an executable is on PATH (cached; the PATH of a CI job does not change under us). */
function hasCommand(command) {
    let found = availability.get(command);
    if (found === undefined) {
        found = (process.env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).some((dir) => {
            if (!dir)
                return false;
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, command), node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
                return true;
            }
            catch {
                return false;
            }
        });
        availability.set(command, found);
    }
    return found;
}
const ATTR_TOOLS_HINT = 'setfattr and getfattr (Debian/Ubuntu package "attr")';
/**
 * Sets attributes without following a symlink in the last component (`-h`).
 * Resolves with setfattr's complaints, one per failed file or attribute; [] when all were set.
 */
async function setXattrs(cwd, jobs) {
    if (jobs.length === 0)
        return [];
    const lines = [];
    for (const job of jobs) {
        lines.push(`# file: ${quote(Buffer.from(job.path, 'utf8'), '')}`);
        for (const [name, value] of job.attrs) {
            // setfattr reads "0x" as a malformed value, so an empty one is written as text.
            const encoded = value.length === 0 ? '""' : `0x${value.toString('hex')}`;
            lines.push(`${quote(Buffer.from(name, 'utf8'), '=')}=${encoded}`);
        }
        lines.push('');
    }
    const { code, stderr } = await run('setfattr', ['-h', '--restore=-'], cwd, `${lines.join('\n')}\n`);
    if (code === 0)
        return [];
    const complaints = stderr.split('\n').filter((l) => l.trim() !== '');
    return complaints.length > 0 ? complaints : [`setfattr exited ${code}`];
}
/** Reads every attribute of every file under `root` in one walk that follows no symlink. */
async function readXattrTree(root) {
    const byPath = new Map();
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('getfattr', ['-R', '-P', '-h', '-d', '-m', '-', '-e', 'hex', '.'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr = [];
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
    });
    // latin1 keeps every byte of a file name as one character until unquote turns it to UTF-8.
    child.stdout.setEncoding('latin1');
    let current;
    // readline only when a layer has xattrs to read (the store's module is on every run's path).
    const { createInterface } = process.getBuiltinModule('node:readline');
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
        if (line.startsWith('# file: ')) {
            let path = unquote(line.slice('# file: '.length));
            if (path === '.')
                path = '';
            else if (path.startsWith('./'))
                path = path.slice(2);
            current = [];
            byPath.set(path, current);
            continue;
        }
        const equals = line.indexOf('=');
        if (!current || equals <= 0)
            continue;
        current.push([unquote(line.slice(0, equals)), decodeValue(line.slice(equals + 1))]);
    }
    const code = await exited;
    for (const attrs of byPath.values())
        attrs.sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    const errors = code === 0
        ? []
        : Buffer.concat(stderr)
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim() !== '');
    return { byPath, errors };
}
/** The attr tools' escaping: listed characters, backslash and anything unprintable as \ooo. */
function quote(bytes, extra) {
    let out = '';
    for (const byte of bytes) {
        const char = String.fromCharCode(byte);
        if (byte <= 0x20 || byte >= 0x7f || char === '\\' || extra.includes(char)) {
            out += `\\${byte.toString(8).padStart(3, '0')}`;
        }
        else {
            out += char;
        }
    }
    return out;
}
function unquote(latin1) {
    const raw = latin1.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(Number.parseInt(octal, 8)));
    return Buffer.from(raw, 'latin1').toString('utf8');
}
function decodeValue(text) {
    if (text.startsWith('0x'))
        return Buffer.from(text.slice(2), 'hex');
    if (text.startsWith('0s'))
        return Buffer.from(text.slice(2), 'base64');
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) {
        return Buffer.from(unquote(text.slice(1, -1)), 'utf8');
    }
    return Buffer.from(text, 'latin1');
}
function run(command, args, cwd, input) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { }); // an early exit closes stdin; 'close' reports the failure
        child.stdin.end(input, 'latin1');
    });
}


/***/ }),

/***/ 3014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ defaultStoreDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
// Where the store lives when nobody says: LIGHTER_STORE, else a system or per-user data directory.


/**
 * The default store directory: `$LIGHTER_STORE` when set; as root `/var/lib/lighter`; otherwise
 * `$XDG_DATA_HOME/lighter`, falling back to `~/.local/share/lighter` (the XDG default), so a
 * rootless store never lands in a system path the user cannot write.
 */
function defaultStoreDir(env = process.env) {
    const explicit = env.LIGHTER_STORE;
    if (explicit)
        return explicit;
    if (process.getuid?.() === 0)
        return '/var/lib/lighter';
    const dataHome = env.XDG_DATA_HOME;
    // XDG says a relative value is invalid and must be ignored.
    if (dataHome?.startsWith('/'))
        return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dataHome, 'lighter');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.local', 'share', 'lighter');
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


/***/ })

};
