export const id = 8989;
export const ids = [8989];
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
