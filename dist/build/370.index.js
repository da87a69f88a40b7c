export const id = 370;
export const ids = [370];
export const modules = {

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   archiveEntries: () => (/* binding */ archiveEntries),
/* harmony export */   archiveKind: () => (/* binding */ archiveKind)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7075);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8522);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6512);
/* harmony import */ var _storage_layer_tar_entry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8261);
/* harmony import */ var _storage_layer_xattr_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1596);
// ADD's local archives: recognising a tar (plain, gzip, bzip2, xz or zstd) by its bytes, and reading its entries.








/** A tar header block is valid when its checksum field matches its bytes. */
function isTarHeader(block) {
    if (block.length < 512)
        return false;
    if (block.subarray(257, 262).toString('latin1') === 'ustar')
        return true;
    const stored = Number.parseInt(block.subarray(148, 156).toString('latin1').replace(/\0.*$/, '').trim(), 8);
    if (!Number.isInteger(stored))
        return false;
    let sum = 0;
    for (let i = 0; i < 512; i++)
        sum += i >= 148 && i < 156 ? 0x20 : block[i];
    return sum === stored && block[0] !== 0;
}
/**
 * What kind of archive a file is, by its first bytes, or undefined when it is not one (ADD then
 * copies it as a file). A compressed file counts only if it decompresses to a tar, as in Docker.
 */
async function archiveKind(path) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'r');
    let head;
    try {
        const buffer = Buffer.alloc(512);
        const { bytesRead } = await handle.read(buffer, 0, 512, 0);
        head = buffer.subarray(0, bytesRead);
    }
    finally {
        await handle.close();
    }
    let kind;
    if (head[0] === 0x1f && head[1] === 0x8b)
        kind = 'gzip';
    else if (head.subarray(0, 3).toString('latin1') === 'BZh')
        kind = 'bzip2';
    else if (head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])))
        kind = 'xz';
    else if (head.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd])))
        kind = 'zstd';
    else
        return isTarHeader(head) ? 'tar' : undefined;
    // A compressed file is an archive only when what it holds is a tar.
    try {
        const first = await firstBlock(decompressed(path, kind));
        return isTarHeader(first) ? kind : undefined;
    }
    catch {
        return undefined;
    }
}
async function firstBlock(stream) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of stream) {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= 512)
                break;
        }
    }
    finally {
        stream.destroy();
    }
    return Buffer.concat(chunks).subarray(0, 512);
}
/** The archive's tar bytes; bzip2 and xz go through the system tools, which Node lacks. */
function decompressed(path, kind) {
    const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path);
    switch (kind) {
        case 'tar':
            return file;
        case 'gzip':
            return (0,node_stream__WEBPACK_IMPORTED_MODULE_3__.pipeline)(file, node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGunzip(), () => { });
        case 'zstd':
            return (0,node_stream__WEBPACK_IMPORTED_MODULE_3__.pipeline)(file, node_zlib__WEBPACK_IMPORTED_MODULE_4__.createZstdDecompress(), () => { });
        case 'bzip2':
        case 'xz': {
            file.destroy();
            const tool = kind === 'bzip2' ? 'bzip2' : 'xz';
            if (!(0,_storage_layer_xattr_js__WEBPACK_IMPORTED_MODULE_7__/* .hasCommand */ .mU)(tool)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `extracting ${path}: ${kind} archives need the ${tool} command`);
            }
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(tool, ['-dc', path], { stdio: ['ignore', 'pipe', 'pipe'] });
            const out = new node_stream__WEBPACK_IMPORTED_MODULE_3__.PassThrough();
            const stderr = [];
            child.stderr.on('data', (c) => stderr.push(c));
            child.stdout.pipe(out, { end: false });
            child.on('error', (err) => out.destroy(err));
            child.on('close', (code) => {
                if (code === 0 || out.destroyed)
                    out.end();
                else {
                    out.destroy(new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LighterError */ .Kt('ERR_BUILD', `${tool} -dc ${path} exited ${code}: ${Buffer.concat(stderr).toString().trim()}`));
                }
            });
            out.on('close', () => child.kill());
            return out;
        }
    }
}
/** The archive's entries in order (each entry's data must be read before the next). */
function archiveEntries(path, kind) {
    return (0,_storage_layer_tar_entry_js__WEBPACK_IMPORTED_MODULE_6__/* .readTarEntries */ .E)(decompressed(path, kind));
}


/***/ })

};
