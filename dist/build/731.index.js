export const id = 731;
export const ids = [731,231];
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

/***/ 731:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openOciArchiveSource: () => (/* binding */ openOciArchiveSource)
/* harmony export */ });
/* harmony import */ var _fs_tar_tree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2325);
/* harmony import */ var _oci_layout_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5231);
// Reads an image from an oci-archive: the layout reader over the tar's members, read in place.


async function openOciArchiveSource(ref, _options = {}) {
    // tarTree's errors name the file and say what is wrong with it.
    const tree = await (0,_fs_tar_tree_js__WEBPACK_IMPORTED_MODULE_0__/* .tarTree */ .c)(ref.path);
    return _oci_layout_source_js__WEBPACK_IMPORTED_MODULE_1__.OciLayoutSource.open(tree, ref.name, `oci-archive:${ref.path}`);
}


/***/ }),

/***/ 5231:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OciLayoutSource: () => (/* binding */ OciLayoutSource),
/* harmony export */   openOciLayoutSource: () => (/* binding */ openOciLayoutSource)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
/* harmony import */ var _fs_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5487);
/* harmony import */ var _layout_layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8686);
/* harmony import */ var _layout_reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1055);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6909);
// Reads one image (or index) out of an OCI image layout directory.






/**
 * An image in a layout read through any FileTree; oci-archive reuses it over a tar. Selects the
 * image when opened, so a wrong name fails at once, listing the names the layout has.
 */
class OciLayoutSource {
    name;
    #reader;
    #entry;
    #top;
    constructor(name, reader, entry) {
        this.name = name;
        this.#reader = reader;
        this.#entry = entry;
    }
    /**
     * `layoutName` names the layout in messages (`oci:/x`); `imageName` is `name` (`oci:/x:tag`).
     * Takes ownership of `tree`: closing the source closes it, and so does a failure to open.
     */
    static async open(tree, refName, layoutName) {
        try {
            const reader = await _layout_reader_js__WEBPACK_IMPORTED_MODULE_4__/* .LayoutReader */ .I.open(tree);
            const entry = (0,_layout_layout_js__WEBPACK_IMPORTED_MODULE_3__/* .selectEntry */ .J9)(reader.index, refName, layoutName);
            const name = refName === undefined ? layoutName : `${layoutName}:${refName}`;
            return new OciLayoutSource(name, reader, entry);
        }
        catch (err) {
            await tree.close();
            throw err;
        }
    }
    /** The index.json entry this source reads. */
    get descriptor() {
        return this.#entry;
    }
    manifest(instance) {
        this.#top ??= this.#reader.manifest(this.#entry);
        if (instance === undefined || instance === this.#entry.digest)
            return this.#top;
        return this.#top.then((top) => this.#reader.child(top, instance));
    }
    blob(descriptor) {
        return this.#reader.blob(descriptor);
    }
    close() {
        return this.#reader.tree.close();
    }
}
async function openOciLayoutSource(ref, _options = {}) {
    const layoutName = `oci:${(0,_transport_js__WEBPACK_IMPORTED_MODULE_5__/* .formatPathAndName */ .HJ)({ path: ref.path })}`;
    try {
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(ref.path);
        if (!info.isDirectory())
            throw new Error('not a directory');
    }
    catch (err) {
        const missing = err.code === 'ENOENT';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt(missing ? 'ERR_NOT_FOUND' : 'ERR_INVALID_ARGUMENT', `opening ${layoutName}: ${missing ? 'no such directory' : err.message}`, { cause: err });
    }
    return OciLayoutSource.open((0,_fs_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .directoryTree */ .uY)(ref.path), ref.name, layoutName);
}


/***/ })

};
