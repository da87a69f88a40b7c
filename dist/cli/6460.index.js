export const id = 6460;
export const ids = [6460];
export const modules = {

/***/ 4680:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FD: () => (/* binding */ tempPathFor),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   t_: () => (/* binding */ fsyncDir),
/* harmony export */   yz: () => (/* binding */ renameDurable)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
// Durable file replacement: readers see the old bytes or the new bytes, never a torn mix.



/** A unique hidden name beside `path` (same directory, so a rename onto `path` is atomic). */
function tempPathFor(path, tag = 'tmp') {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${tag}-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
}
/**
 * Flushes a directory entry to disk so a rename inside it survives a crash.
 * Some platforms (Windows) cannot open directories; there the rename is as durable as it gets.
 */
async function fsyncDir(dir) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(dir, 'r');
        await handle.sync();
    }
    catch (err) {
        const code = err.code;
        if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES')
            throw err;
    }
    finally {
        await handle?.close();
    }
}
/** Renames a finished (already fsynced) temp file onto its final name and syncs the directory. */
async function renameDurable(from, to) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(from, to);
    await fsyncDir((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(to));
}
/** Writes `data` to `path` through a temp file: write, fsync, rename, fsync the directory. */
async function writeFileAtomic(path, data, options = {}) {
    const temp = tempPathFor(path);
    const durable = options.durable ?? true;
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'wx', options.mode ?? 0o644);
        try {
            await handle.writeFile(data);
            if (durable)
                await handle.sync();
        }
        finally {
            await handle.close();
        }
        if (durable)
            await renameDurable(temp, path);
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
}


/***/ }),

/***/ 8617:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ writeContentFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6466);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6512);
/* harmony import */ var _atomic_write_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4680);
/* harmony import */ var _exists_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4127);
// Writes streamed content to a temp file while hashing it, so only complete, verified bytes get a final name.









/**
 * Streams into `tempDir`, fsyncs, then renames onto `finalPath(...)`. On any failure (a read
 * error, a digest or size mismatch) the temp file is removed and nothing appears under a final name.
 */
async function writeContentFile(stream, options) {
    const expected = options.expected ?? {};
    const algorithm = options.algorithm ?? (expected.digest ? (0,_digest_js__WEBPACK_IMPORTED_MODULE_5__/* .digestAlgorithm */ .g4)(expected.digest) : 'sha256');
    const inputHash = new _digest_js__WEBPACK_IMPORTED_MODULE_5__/* .DigestingStream */ .Xi(algorithm);
    const stages = [inputHash];
    if (expected.digest) {
        stages.push(new _digest_js__WEBPACK_IMPORTED_MODULE_5__/* .VerifyingStream */ .SC({
            digest: expected.digest,
            size: expected.size,
            ...(expected.what ? { what: expected.what } : {}),
        }));
    }
    let outputHash;
    if (options.decode) {
        outputHash = new _digest_js__WEBPACK_IMPORTED_MODULE_5__/* .DigestingStream */ .Xi(algorithm);
        stages.push(options.decode, outputHash);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(options.tempDir, { recursive: true });
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(options.tempDir, `.tmp-blob-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    try {
        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_4__.pipeline)([stream, ...stages, (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(temp, { flags: 'wx', flush: true })]);
        const input = { digest: inputHash.digest, size: inputHash.size };
        if (!expected.digest && expected.size !== undefined && expected.size >= 0) {
            if (input.size !== expected.size) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .LighterError */ .Kt('ERR_SIZE_MISMATCH', `${expected.what ?? `content ${input.digest}`}: size mismatch: expected ${expected.size} bytes, got ${input.size}`);
            }
        }
        const written = outputHash ? { digest: outputHash.digest, size: outputHash.size } : input;
        const path = options.finalPath(written, input);
        if (await (0,_exists_js__WEBPACK_IMPORTED_MODULE_8__/* .pathExists */ .s)(path)) {
            // Content-addressed: an existing file holds these very bytes; keep it, readers may have it open.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        }
        else {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), { recursive: true });
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(temp, path);
            await (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_7__/* .fsyncDir */ .t_)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path));
        }
        return { input, written, path };
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(temp, { force: true });
        throw err;
    }
}


/***/ }),

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

/***/ 7436:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ packTar)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6118);
/* harmony import */ var _atomic_write_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4680);
// Writes a tar archive from a list of members, atomically and reproducibly (fixed owners and times).






// Reproducible archives: the same image always packs to the same bytes.
const EPOCH = new Date(0);
const OWNER = { uid: 0, gid: 0, uname: '', gname: '' };
/** Packs `members` in order into `file` through a temp file beside it, renamed into place when complete. */
async function packTar(file, members) {
    const temp = (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_5__/* .tempPathFor */ .FD)(file);
    const pack = (0,tar_stream__WEBPACK_IMPORTED_MODULE_4__.pack)();
    // tar-stream's streams are streamx ones; Readable.from adapts them to node's pipeline.
    const writing = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(pack), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(temp, { flags: 'wx', flush: true }));
    try {
        await Promise.all([writing, addMembers(pack, members)]);
        await (0,_atomic_write_js__WEBPACK_IMPORTED_MODULE_5__/* .renameDurable */ .yz)(temp, file);
    }
    catch (err) {
        pack.destroy();
        await writing.catch(() => { });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
}
async function addMembers(pack, members) {
    for (const m of members) {
        const base = { name: m.name, mtime: EPOCH, ...OWNER };
        if (m.type === 'directory') {
            await entry(pack, {
                ...base,
                name: m.name.endsWith('/') ? m.name : `${m.name}/`,
                type: 'directory',
                mode: 0o755,
            });
        }
        else if (m.type === 'symlink') {
            await entry(pack, { ...base, type: 'symlink', linkname: m.target, mode: 0o777 });
        }
        else if ('data' in m) {
            const data = typeof m.data === 'string' ? Buffer.from(m.data) : Buffer.from(m.data);
            await entry(pack, { ...base, type: 'file', mode: 0o644, size: data.length }, data);
        }
        else {
            const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(m.path);
            await entryFromFile(pack, { ...base, type: 'file', mode: 0o644, size }, m.path);
        }
    }
    pack.finalize();
}
function entry(pack, header, data) {
    return new Promise((resolve, reject) => {
        const cb = (err) => (err ? reject(err) : resolve());
        if (data)
            pack.entry(header, data, cb);
        else
            pack.entry(header, cb);
    });
}
async function entryFromFile(pack, header, path) {
    await new Promise((resolve, reject) => {
        const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
        const source = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path);
        source.once('error', (err) => {
            sink.destroy(err);
            reject(err);
        });
        source.pipe(sink);
    });
}


/***/ }),

/***/ 66:
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

/***/ 6460:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DockerArchiveDestination: () => (/* binding */ DockerArchiveDestination),
  openDockerArchiveDestination: () => (/* binding */ openDockerArchiveDestination)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var digest = __webpack_require__(7691);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/fs/content-file.js
var content_file = __webpack_require__(8617);
// EXTERNAL MODULE: ./.build/src/core/fs/tar-pack.js
var tar_pack = __webpack_require__(7436);
// EXTERNAL MODULE: ./.build/src/core/manifest.js
var core_manifest = __webpack_require__(9626);
// EXTERNAL MODULE: ./.build/src/core/media-types.js
var media_types = __webpack_require__(9155);
// EXTERNAL MODULE: ./.build/src/core/reference.js
var core_reference = __webpack_require__(8978);
// EXTERNAL MODULE: ./.build/src/core/transport/docker-archive/archive-manifest.js
var archive_manifest = __webpack_require__(66);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/decompress.js
// A transform that decompresses gzip or zstd input and passes anything else through, judged by its magic bytes.


const MAGIC_LENGTH = 4;
/**
 * Docker archives hold layers as plain tars whatever the manifest called them, so the bytes,
 * not the media type, decide: a layer labelled gzip that is not is still stored correctly.
 */
class AutoDecompress extends external_node_stream_.Transform {
    #head = [];
    #headLength = 0;
    #inner;
    #decided = false;
    _transform(chunk, _enc, done) {
        if (this.#decided) {
            this.#forward(chunk, done);
            return;
        }
        this.#head.push(chunk);
        this.#headLength += chunk.length;
        if (this.#headLength < MAGIC_LENGTH) {
            done();
            return;
        }
        this.#decide();
        this.#forward(Buffer.concat(this.#head), done);
        this.#head = [];
    }
    _flush(done) {
        if (!this.#decided) {
            this.#decide();
            const rest = Buffer.concat(this.#head);
            if (rest.length > 0)
                this.#forward(rest, () => { });
        }
        const inner = this.#inner;
        if (!inner) {
            done();
            return;
        }
        inner.once('end', () => done());
        inner.end();
    }
    #decide() {
        this.#decided = true;
        const head = Buffer.concat(this.#head);
        if (head[0] === 0x1f && head[1] === 0x8b)
            this.#inner = (0,external_node_zlib_.createGunzip)();
        else if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) {
            this.#inner = (0,external_node_zlib_.createZstdDecompress)();
        }
        const inner = this.#inner;
        if (inner) {
            inner.on('data', (data) => this.push(data));
            inner.once('error', (err) => this.destroy(err));
        }
    }
    #forward(chunk, done) {
        if (!this.#inner) {
            done(null, chunk);
            return;
        }
        // The write callback fires once the decompressor has taken the chunk: that is our backpressure.
        this.#inner.write(chunk, (err) => done(err ?? null));
    }
}

// EXTERNAL MODULE: ./.build/src/core/transport/docker-archive/transport.js
var transport = __webpack_require__(5748);
;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/destination.js
// Writes one image as a docker archive (`docker load` format): plain layer tars, config, manifest.json, repositories.












const CAPABILITIES = {
    // The archive keeps no manifest (it is rebuilt on load), so either format describes the image.
    manifestTypes: [media_types/* MediaType */.zu.dockerManifest, media_types/* MediaType */.zu.ociManifest],
    acceptsIndex: false,
    canMount: false,
    prefersCompressedLayers: false,
};
/**
 * Blobs are staged in a directory beside FILE (layers decompressed on the way in); putManifest
 * checks every layer's uncompressed digest against the config's diff_ids; commit packs the
 * archive into a temp file renamed over FILE. Nothing appears at FILE before commit.
 */
class DockerArchiveDestination {
    name;
    capabilities = CAPABILITIES;
    #file;
    #staging;
    #reference;
    /** By the digest the caller gave (or computed from its bytes) and by the digest written. */
    #blobs = new Map();
    #image;
    constructor(name, file, staging, reference) {
        this.name = name;
        this.#file = file;
        this.#staging = staging;
        this.#reference = reference;
    }
    async tryReuseBlob(descriptor) {
        return this.#blobs.has(descriptor.digest);
    }
    async putBlob(stream, blob) {
        const layer = (0,media_types/* layerCompression */.AH)(blob.mediaType) !== undefined;
        const writing = (0,content_file/* writeContentFile */.F)(stream, {
            tempDir: this.#staging,
            expected: {
                ...(blob.digest ? { digest: blob.digest } : {}),
                ...(blob.size !== undefined ? { size: blob.size } : {}),
                what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
            },
            ...(layer ? { decode: new AutoDecompress() } : {}),
            finalPath: (w) => (0,external_node_path_.join)(this.#staging, `${(0,digest/* digestHex */.sU)(w.digest)}.${layer ? 'tar' : 'json'}`),
        });
        const result = await writing.catch((err) => {
            // zlib's errors (Z_DATA_ERROR...) mean the layer is not the gzip/zstd stream it looks like.
            if (typeof err?.code === 'string' && err.code.startsWith('Z_')) {
                throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${this.name}: decompressing layer ${blob.digest ?? ''}: ${err.message}`, { cause: err });
            }
            throw err;
        });
        const staged = { file: result.path, written: result.written.digest, layer };
        this.#blobs.set(result.input.digest, staged);
        this.#blobs.set(result.written.digest, staged);
        return result.written;
    }
    async putManifest(manifest, instance) {
        const parsed = (0,core_manifest/* parseManifest */.Ng)(manifest.bytes, manifest.mediaType);
        if (instance !== undefined || parsed.kind !== 'image') {
            throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${this.name}: a docker archive holds one image, not an index; choose a platform`);
        }
        const { config, layers } = parsed.manifest;
        const stagedConfig = this.#staged(config, 'config');
        const configBytes = await (0,promises_.readFile)(stagedConfig.file);
        const diffIds = (0,core_manifest/* parseImageConfig */.FB)(configBytes).rootfs.diff_ids;
        if (diffIds.length !== layers.length) {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${this.name}: the manifest has ${layers.length} layers but the config ${diffIds.length} diff_ids`);
        }
        const stagedLayers = layers.map((layer, i) => {
            const staged = this.#staged(layer, `layer ${i}`);
            if (staged.written !== diffIds[i]) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${this.name}: layer ${i} (${layer.digest}) uncompresses to ${staged.written}, but the config's diff_id is ${diffIds[i]}`, { details: { expected: diffIds[i], actual: staged.written } });
            }
            return staged;
        });
        this.#image = { config: stagedConfig, configBytes, layers: stagedLayers };
    }
    async commit() {
        const image = this.#image;
        if (!image) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before putManifest`);
        }
        await (0,errors/* contextual */.iF)(`writing ${this.name}`, () => (0,tar_pack/* packTar */.n)(this.#file, archiveMembers(image, this.#reference)), 'ERR_STORE');
    }
    async close() {
        await (0,promises_.rm)(this.#staging, { recursive: true, force: true });
    }
    #staged(descriptor, what) {
        const staged = this.#blobs.get(descriptor.digest);
        if (!staged) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: ${what} ${descriptor.digest} was not put before putManifest`);
        }
        return staged;
    }
}
/**
 * manifest.json and repositories first (a streaming reader finds them early), then the config
 * and the layers, then the legacy per-layer directories that docker before 1.10 loads by.
 */
function archiveMembers(image, reference) {
    const configName = (0,external_node_path_.basename)(image.config.file);
    const layerNames = image.layers.map((l) => (0,external_node_path_.basename)(l.file));
    // Full names, as skopeo writes them: docker load shortens them itself, while podman load
    // would file a short `busybox:1` under localhost/.
    const repoTags = reference ? [(0,core_reference/* formatReference */.FH)(reference)] : [];
    const entry = { Config: configName, RepoTags: repoTags, Layers: layerNames };
    const legacy = legacyLayers(image);
    const members = [
        { name: archive_manifest/* ARCHIVE_MANIFEST */.pz, type: 'file', data: JSON.stringify([entry]) },
    ];
    const top = legacy.at(-1);
    if (reference?.tag && top) {
        const repository = (0,core_reference/* repositoryName */.aR)(reference);
        members.push({
            name: archive_manifest/* REPOSITORIES */.X$,
            type: 'file',
            data: JSON.stringify({ [repository]: { [reference.tag]: top.id } }),
        });
    }
    members.push({ name: configName, type: 'file', path: image.config.file });
    const seen = new Set();
    for (const layer of image.layers) {
        const name = (0,external_node_path_.basename)(layer.file);
        if (seen.has(name))
            continue;
        seen.add(name);
        members.push({ name, type: 'file', path: layer.file });
    }
    for (const { id, json, layerFile } of legacy) {
        members.push({ name: id, type: 'directory' }, { name: `${id}/VERSION`, type: 'file', data: '1.0' }, { name: `${id}/json`, type: 'file', data: json }, { name: `${id}/layer.tar`, type: 'symlink', target: `../${layerFile}` });
    }
    return members;
}
/**
 * Legacy layer IDs are chain IDs (unique even when one layer repeats); docker allocates its own
 * on load, so they only need to be unique and free of loops. The top one carries the config's
 * runtime fields, as the legacy format expects.
 */
function legacyLayers(image) {
    const config = JSON.parse(Buffer.from(image.configBytes).toString('utf8'));
    const out = [];
    let chain;
    let parent;
    image.layers.forEach((layer, i) => {
        chain = chain === undefined ? layer.written : (0,digest/* digestOf */.ol)(`${chain} ${layer.written}`);
        const id = (0,digest/* digestHex */.sU)(chain);
        const json = { id };
        if (parent)
            json.parent = parent;
        if (i === image.layers.length - 1) {
            for (const key of [
                'architecture',
                'config',
                'container',
                'container_config',
                'created',
                'docker_version',
                'os',
            ]) {
                if (config[key] !== undefined)
                    json[key] = config[key];
            }
        }
        out.push({ id, json: JSON.stringify(json), layerFile: (0,external_node_path_.basename)(layer.file) });
        parent = id;
    });
    return out;
}
async function openDockerArchiveDestination(ref, _options = {}) {
    const name = `docker-archive:${transport/* dockerArchiveTransport */.g.format(ref)}`;
    if (ref.index !== undefined) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `${name}: @N picks an image to read; to write, give a tag or nothing`);
    }
    const parent = (0,external_node_path_.dirname)(ref.path);
    await (0,errors/* contextual */.iF)(`opening ${name}`, () => (0,promises_.mkdir)(parent, { recursive: true }), 'ERR_STORE');
    // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `.${(0,external_node_path_.basename)(ref.path)}.staging-`));
    return new DockerArchiveDestination(name, ref.path, staging, ref.reference);
}


/***/ })

};
