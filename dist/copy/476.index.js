export const id = 476;
export const ids = [476];
export const modules = {

/***/ 2325:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ tarTree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6466);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8522);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6512);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5487);
// Reads a tar archive in place: one pass over the headers, then each member streams from its offset.









const BLOCK = 512;
const MAX_LINK_HOPS = 16;
/**
 * Opens a tar file (plain, or gzip/zstd compressed: those are first decompressed to a temp
 * file, since members are read at random). Close it to drop that temp file.
 */
async function tarTree(file, options = {}) {
    const magic = await readMagic(file);
    let tarFile = file;
    let tempDir;
    const compression = magic === undefined ? undefined : detectCompression(magic);
    if (compression) {
        tempDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(options.tempDir ?? (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'lighter-tar-'));
        tarFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(tempDir, 'archive.tar');
        try {
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_5__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file), compression === 'gzip' ? (0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createGunzip)() : (0,node_zlib__WEBPACK_IMPORTED_MODULE_6__.createZstdDecompress)(), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(tarFile));
        }
        catch (err) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tempDir, { recursive: true, force: true });
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `decompressing ${file}: ${err.message}`, {
                cause: err,
            });
        }
    }
    let entries;
    try {
        entries = await indexTar(tarFile, file);
    }
    catch (err) {
        if (tempDir)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tempDir, { recursive: true, force: true });
        throw err;
    }
    const resolve = (path) => {
        let name = (0,_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .cleanTreePath */ .Dj)(path, file);
        for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            const entry = entries.get(name);
            if (!entry)
                return undefined;
            if (entry.type === 'symlink') {
                if (entry.linkname.startsWith('/')) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `${file}: ${name} links outside the archive (${entry.linkname})`);
                }
                name = (0,_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .cleanTreePath */ .Dj)(node_path__WEBPACK_IMPORTED_MODULE_3__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_3__.posix.dirname(name), entry.linkname), file);
            }
            else if (entry.type === 'link') {
                name = (0,_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .cleanTreePath */ .Dj)(entry.linkname, file);
            }
            else {
                return entry.type === 'file' ? entry : undefined;
            }
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `${file}: too many links resolving ${path}`);
    };
    const member = (path) => {
        const entry = resolve(path);
        if (!entry)
            throw (0,_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .notFound */ .mX)(file, path);
        return entry;
    };
    const read = async (entry, length) => {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(tarFile, 'r');
        try {
            const buffer = Buffer.alloc(length);
            await readFully(handle, buffer, entry.offset, file);
            return buffer;
        }
        finally {
            await handle.close();
        }
    };
    return {
        location: file,
        names: [...entries.keys()],
        async readFile(path) {
            const entry = member(path);
            return read(entry, entry.size);
        },
        async head(path, length) {
            const entry = member(path);
            return read(entry, Math.min(length, entry.size));
        },
        async open(path) {
            const entry = member(path);
            if (entry.size === 0)
                return node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from([]);
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(tarFile, { start: entry.offset, end: entry.offset + entry.size - 1 });
        },
        async size(path) {
            return resolve(path)?.size;
        },
        async close() {
            if (tempDir)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tempDir, { recursive: true, force: true });
        },
    };
}
async function readMagic(file) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${file}: no such file`, { cause: err });
        }
        throw err;
    }
    try {
        const buffer = Buffer.alloc(4);
        const { bytesRead } = await handle.read(buffer, 0, 4, 0);
        return bytesRead === 4 ? buffer : undefined;
    }
    finally {
        await handle.close();
    }
}
function detectCompression(magic) {
    if (magic[0] === 0x1f && magic[1] === 0x8b)
        return 'gzip';
    if (magic.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    return undefined;
}
async function readFully(handle, buffer, position, file) {
    let done = 0;
    while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
        if (bytesRead === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `${file}: truncated tar archive`);
        }
        done += bytesRead;
    }
}
/** One pass over the headers: pax and GNU long names applied, later members replacing earlier ones. */
async function indexTar(tarFile, location) {
    const entries = new Map();
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(tarFile, 'r');
    try {
        const total = (await handle.stat()).size;
        const header = Buffer.alloc(BLOCK);
        let pos = 0;
        let pax = {};
        let longName;
        let longLink;
        for (;;) {
            if (pos + BLOCK > total) {
                // A missing end-of-archive marker is tolerated (GNU tar does); a torn header is not.
                if (pos === total)
                    break;
                throw malformed(location, pos, 'truncated header');
            }
            await readFully(handle, header, pos, location);
            if (header.every((b) => b === 0))
                break;
            checkChecksum(header, location, pos);
            const typeflag = String.fromCharCode(header[156] ?? 0);
            const size = pax.size !== undefined ? Number(pax.size) : parseNumber(header, 124, 12, location, pos);
            const dataStart = pos + BLOCK;
            if (!Number.isSafeInteger(size) || size < 0 || dataStart + size > total) {
                throw malformed(location, pos, `member data runs past the end of the file (${size} bytes)`);
            }
            pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
            if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
                const data = Buffer.alloc(size);
                await readFully(handle, data, dataStart, location);
                if (typeflag === 'x')
                    pax = { ...pax, ...parsePax(data, location, dataStart) };
                else if (typeflag === 'L')
                    longName = cString(data, 0, data.length);
                else if (typeflag === 'K')
                    longLink = cString(data, 0, data.length);
                // 'g' (global pax) only carries defaults we do not use (mtime, uid...).
                continue;
            }
            // Only POSIX ustar ("ustar\0") has a name prefix; GNU tar keeps other fields there.
            const posix = header.toString('latin1', 257, 262) === 'ustar' && header[262] === 0;
            const prefix = posix ? cString(header, 345, 155) : '';
            const rawName = pax.path ??
                longName ??
                (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
            const linkname = pax.linkpath ?? longLink ?? cString(header, 157, 100);
            pax = {};
            longName = undefined;
            longLink = undefined;
            const type = entryType(typeflag);
            let name;
            try {
                name = (0,_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .cleanTreePath */ .Dj)(rawName, location);
            }
            catch (err) {
                // The archive root itself ("./") names nothing we could read.
                if (rawName.replaceAll('/', '').replaceAll('.', '') === '')
                    continue;
                throw err;
            }
            entries.delete(name); // so `names` keeps archive order of the last occurrence
            entries.set(name, { type, offset: dataStart, size: type === 'file' ? size : 0, linkname });
        }
    }
    finally {
        await handle.close();
    }
    return entries;
}
function entryType(flag) {
    switch (flag) {
        case '0':
        case '\0':
        case '7':
            return 'file';
        case '1':
            return 'link';
        case '2':
            return 'symlink';
        case '5':
            return 'directory';
        default:
            return 'other';
    }
}
function cString(buffer, start, length) {
    const end = buffer.indexOf(0, start);
    const stop = end === -1 || end > start + length ? start + length : end;
    return buffer.toString('utf8', start, stop);
}
function parseNumber(header, start, length, file, pos) {
    const first = header[start] ?? 0;
    if (first & 0x80) {
        // GNU base-256: big-endian two's complement in the remaining bits.
        let value = first & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + (header[i] ?? 0);
        return value;
    }
    const text = cString(header, start, length).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw malformed(file, pos, `bad numeric field "${text}"`);
    return Number.parseInt(text, 8);
}
function checkChecksum(header, file, pos) {
    const field = cString(header, 148, 8).trim();
    const want = /^[0-7]+$/.test(field) ? Number.parseInt(field, 8) : Number.NaN;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    if (sum !== want)
        throw malformed(file, pos, 'header checksum mismatch');
}
function parsePax(data, file, pos) {
    const out = {};
    let i = 0;
    while (i < data.length) {
        const space = data.indexOf(0x20, i);
        if (space === -1)
            break;
        const length = Number.parseInt(data.toString('latin1', i, space), 10);
        if (!Number.isSafeInteger(length) || length <= 0 || i + length > data.length) {
            throw malformed(file, pos, 'bad pax record');
        }
        const record = data.toString('utf8', space + 1, i + length - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        i += length;
    }
    return out;
}
function malformed(file, pos, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `reading ${file}: not a valid tar archive: ${why} at offset ${pos}`);
}


/***/ }),

/***/ 5487:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dj: () => (/* binding */ cleanTreePath),
/* harmony export */   mX: () => (/* binding */ notFound),
/* harmony export */   uY: () => (/* binding */ directoryTree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
// Read-only access to a tree of files, so one reader serves a directory and a tar archive alike.




/** Normalizes a tree path (`./a//b` → `a/b`) and refuses `..`, absolute paths and NUL. */
function cleanTreePath(path, location) {
    const parts = [];
    for (const part of path.replaceAll('\\', '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' || part.includes('\0')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
        }
        parts.push(part);
    }
    if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || parts.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
    }
    return parts.join('/');
}
function notFound(location, path) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${location}: ${path} not found`, {
        details: { location, path },
    });
}
/** A FileTree over a directory on disk. */
function directoryTree(dir) {
    const full = (path) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, ...cleanTreePath(path, dir).split('/'));
    const missing = (err, path) => {
        const code = err.code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? notFound(dir, path) : err;
    };
    return {
        location: dir,
        async readFile(path) {
            try {
                return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(full(path));
            }
            catch (err) {
                throw missing(err, path);
            }
        },
        async open(path) {
            const file = full(path);
            // Opening eagerly turns a missing file into a rejected promise, not a later stream error.
            const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(file);
            await new Promise((resolve, reject) => {
                stream.once('open', () => resolve());
                stream.once('error', (err) => reject(missing(err, path)));
            });
            return stream;
        },
        async head(path, length) {
            let handle;
            try {
                handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(full(path), 'r');
            }
            catch (err) {
                throw missing(err, path);
            }
            try {
                const buffer = Buffer.alloc(length);
                const { bytesRead } = await handle.read(buffer, 0, length, 0);
                return buffer.subarray(0, bytesRead);
            }
            finally {
                await handle.close();
            }
        },
        async size(path) {
            try {
                const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(full(path));
                return info.isFile() ? info.size : undefined;
            }
            catch (err) {
                const e = missing(err, path);
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt)
                    return undefined;
                throw e;
            }
        },
        async close() { },
    };
}


/***/ }),

/***/ 7685:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ DOCKER_LAYER_TAR),
/* harmony export */   Ts: () => (/* binding */ parseArchiveManifest),
/* harmony export */   X$: () => (/* binding */ REPOSITORIES),
/* harmony export */   pz: () => (/* binding */ ARCHIVE_MANIFEST)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
// manifest.json of a docker archive: one entry per image, naming its config, tags and layer files.

const ARCHIVE_MANIFEST = 'manifest.json';
const REPOSITORIES = 'repositories';
/** Docker has no media type for an uncompressed v2s2 layer; this is the one skopeo and docker use. */
const DOCKER_LAYER_TAR = 'application/vnd.docker.image.rootfs.diff.tar';
function parseArchiveManifest(bytes, where) {
    const bad = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `reading ${where}/${ARCHIVE_MANIFEST}: ${why}`);
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (err) {
        throw bad(`not valid JSON (${err.message})`);
    }
    if (!Array.isArray(value))
        throw bad('not a JSON array');
    value.forEach((entry, i) => {
        if (typeof entry !== 'object' || entry === null)
            throw bad(`[${i}] is not an object`);
        const e = entry;
        if (typeof e.Config !== 'string' || e.Config === '')
            throw bad(`[${i}].Config is not a file name`);
        if (!Array.isArray(e.Layers) || e.Layers.some((l) => typeof l !== 'string')) {
            throw bad(`[${i}].Layers is not a list of file names`);
        }
        const tags = e.RepoTags;
        if (tags !== undefined &&
            tags !== null &&
            (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))) {
            throw bad(`[${i}].RepoTags is not a list of names`);
        }
    });
    return value;
}


/***/ }),

/***/ 2476:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerArchiveSource: () => (/* binding */ DockerArchiveSource),
/* harmony export */   openDockerArchiveSource: () => (/* binding */ openDockerArchiveSource)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
/* harmony import */ var _fs_tar_tree_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2325);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9626);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9155);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8978);
/* harmony import */ var _archive_manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7685);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5748);
// Reads an image from a docker archive, presenting it as a Docker v2s2 manifest over the archive's own files.










/**
 * The manifest is synthesized when the source opens: config as stored, and each layer file as
 * stored — a plain tar (digest = its diff_id, which the consumer verifies) or, when the archive
 * holds it gzipped, the compressed bytes under their own digest, hashed here once.
 */
class DockerArchiveSource {
    name;
    #tree;
    #manifest;
    /** Blob digest → member path. */
    #files;
    constructor(name, tree, manifest, files) {
        this.name = name;
        this.#tree = tree;
        this.#manifest = manifest;
        this.#files = files;
    }
    static async open(ref) {
        const name = `docker-archive:${_transport_js__WEBPACK_IMPORTED_MODULE_9__/* .dockerArchiveTransport */ .g.format(ref)}`;
        const tree = await (0,_fs_tar_tree_js__WEBPACK_IMPORTED_MODULE_4__/* .tarTree */ .c)(ref.path);
        try {
            const images = (0,_archive_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .parseArchiveManifest */ .Ts)(await tree.readFile(_archive_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .ARCHIVE_MANIFEST */ .pz), tree.location);
            const image = selectImage(images, ref, `docker-archive:${ref.path}`);
            const { manifest, files } = await synthesize(tree, image, name);
            return new DockerArchiveSource(name, tree, manifest, files);
        }
        catch (err) {
            await tree.close();
            throw err;
        }
    }
    async manifest(instance) {
        if (instance !== undefined && instance !== this.#manifest.digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${this.name}: holds one image, not an index with ${instance}`);
        }
        return this.#manifest;
    }
    async blob(descriptor) {
        const path = this.#files.get(descriptor.digest);
        if (path === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${this.name}: no blob ${descriptor.digest}`, {
                details: { digest: descriptor.digest },
            });
        }
        return this.#tree.open(path);
    }
    close() {
        return this.#tree.close();
    }
}
function openDockerArchiveSource(ref, _options = {}) {
    return DockerArchiveSource.open(ref);
}
function selectImage(images, ref, where) {
    const tags = () => {
        const all = images.flatMap((img, i) => (img.RepoTags?.length ? img.RepoTags : [`@${i}`]));
        return all.length > 0 ? all.join(', ') : 'nothing';
    };
    if (ref.index !== undefined) {
        const image = images[ref.index];
        if (image)
            return image;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${where}: no image @${ref.index} (the archive holds ${images.length})`);
    }
    if (ref.reference) {
        const want = (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)(ref.reference);
        const image = images.find((img) => (img.RepoTags ?? []).some((tag) => sameReference(tag, want)));
        if (image)
            return image;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${where}: no image tagged ${want} (the archive has ${tags()})`);
    }
    const only = images[0];
    if (images.length === 1 && only)
        return only;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', images.length === 0
        ? `${where}: the archive holds no images`
        : `${where}: the archive holds ${images.length} images (${tags()}); pick one as ${where}:NAME:TAG or ${where}:@N`);
}
function sameReference(tag, want) {
    try {
        return (0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .formatReference */ .FH)((0,_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(tag)) === want;
    }
    catch {
        return false;
    }
}
async function synthesize(tree, image, name) {
    const files = new Map();
    const configBytes = await tree.readFile(image.Config);
    const config = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_5__/* .parseImageConfig */ .FB)(configBytes);
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== image.Layers.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `${name}: ${image.Layers.length} layer files but ${diffIds.length} diff_ids in the config`);
    }
    const configDescriptor = {
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.dockerConfig,
        size: configBytes.length,
        digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestOf */ .ol)(configBytes),
    };
    files.set(configDescriptor.digest, image.Config);
    const layers = [];
    for (const [i, path] of image.Layers.entries()) {
        const size = await tree.size(path);
        if (size === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_NOT_FOUND', `${name}: layer file ${path} is missing from the archive`);
        }
        const head = await tree.head(path, 4);
        let layer;
        if (head[0] === 0x1f && head[1] === 0x8b) {
            const hashing = new _digest_js__WEBPACK_IMPORTED_MODULE_2__/* .DigestingStream */ .Xi();
            await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(await tree.open(path), hashing, new node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable({ write: (_c, _e, cb) => cb() }));
            layer = { mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.dockerLayerGzip, size, digest: hashing.digest };
        }
        else if (head.length === 4 && head.readUInt32LE(0) === 0xfd2fb528) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `${name}: layer ${path} is zstd-compressed, which a Docker v2s2 manifest cannot describe`);
        }
        else {
            // A plain tar: its digest is its diff_id (checked by whoever reads it).
            layer = { mediaType: _archive_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .DOCKER_LAYER_TAR */ .$Q, size, digest: diffIds[i] };
        }
        layers.push(layer);
        files.set(layer.digest, path);
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.dockerManifest,
        config: configDescriptor,
        layers,
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        manifest: { bytes, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.dockerManifest, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestOf */ .ol)(bytes) },
        files,
    };
}


/***/ })

};
