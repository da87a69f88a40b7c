export const id = 270;
export const ids = [270];
export const modules = {

/***/ 3270:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tO: () => (/* binding */ imageName),
  xB: () => (/* binding */ openDestination),
  oD: () => (/* binding */ openSource),
  "if": () => (/* binding */ parseImageName),
  aF: () => (/* binding */ transportNames)
});

// UNUSED EXPORTS: findTransport, parseImageNameOrReference

// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var core_digest = __webpack_require__(7691);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./.build/src/core/fs/atomic-write.js
var atomic_write = __webpack_require__(4680);
// EXTERNAL MODULE: ./.build/src/core/fs/content-file.js
var content_file = __webpack_require__(8617);
// EXTERNAL MODULE: ./.build/src/core/media-types.js
var media_types = __webpack_require__(9155);
;// CONCATENATED MODULE: ./.build/src/core/transport/dir/destination.js
// Writes an image as a skopeo `dir:` directory, staged beside it and swapped in on commit.








const CAPABILITIES = {
    // dir: stores any manifest as it comes, so copies keep their digests.
    manifestTypes: [
        media_types/* MediaType */.zu.ociManifest,
        media_types/* MediaType */.zu.ociIndex,
        media_types/* MediaType */.zu.dockerManifest,
        media_types/* MediaType */.zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Like skopeo, one image per directory: a previous dir: image there is replaced, anything else
 * refused. Unlike skopeo, the old contents stay until `commit` swaps the staged directory in.
 */
class DirDestination {
    name;
    capabilities = CAPABILITIES;
    #path;
    #staging;
    #manifest = false;
    constructor(name, path, staging) {
        this.name = name;
        this.#path = path;
        this.#staging = staging;
    }
    async tryReuseBlob(descriptor) {
        try {
            const info = await (0,promises_.stat)((0,external_node_path_.join)(this.#staging, blobFileName(descriptor.digest)));
            return info.size === descriptor.size;
        }
        catch {
            return false;
        }
    }
    async putBlob(stream, blob) {
        const { written } = await (0,content_file/* writeContentFile */.F)(stream, {
            tempDir: this.#staging,
            expected: {
                ...(blob.digest ? { digest: blob.digest } : {}),
                ...(blob.size !== undefined ? { size: blob.size } : {}),
                what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
            },
            finalPath: (w) => (0,external_node_path_.join)(this.#staging, blobFileName(w.digest)),
        });
        return written;
    }
    async putManifest(manifest, instance) {
        await (0,content_file/* writeContentFile */.F)(external_node_stream_.Readable.from([Buffer.from(manifest.bytes)]), {
            tempDir: this.#staging,
            expected: {
                digest: manifest.digest,
                size: manifest.bytes.length,
                what: `manifest ${manifest.digest} for ${this.name}`,
            },
            finalPath: () => (0,external_node_path_.join)(this.#staging, manifestFileName(instance)),
        });
        if (instance === undefined)
            this.#manifest = true;
    }
    async commit() {
        if (!this.#manifest) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before putManifest`);
        }
        await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.#staging, VERSION_FILE), VERSION_TEXT);
        await checkReplaceable(this.#path, this.name);
        const old = `${this.#staging}.old`;
        let moved = false;
        try {
            await (0,promises_.rename)(this.#path, old);
            moved = true;
        }
        catch (err) {
            const code = err.code;
            if (code === 'EBUSY' || code === 'EXDEV' || code === 'EPERM') {
                // A mount point (or a locked dir on Windows) cannot move: refill it in place instead.
                await refillInPlace(this.#path, this.#staging);
                return;
            }
            if (code !== 'ENOENT')
                throw err;
        }
        await (0,promises_.rename)(this.#staging, this.#path);
        await (0,atomic_write/* fsyncDir */.t_)((0,external_node_path_.dirname)(this.#path));
        if (moved)
            await (0,promises_.rm)(old, { recursive: true, force: true });
    }
    async close() {
        await (0,promises_.rm)(this.#staging, { recursive: true, force: true });
    }
}
/** Missing, empty, or a dir: image (its version file says so); anything else is someone's data. */
async function checkReplaceable(path, name) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(path);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            return;
        if (code === 'ENOTDIR') {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${name}: ${path} is a file, not a directory`);
        }
        throw err;
    }
    if (entries.length === 0)
        return;
    const version = await (0,promises_.readFile)((0,external_node_path_.join)(path, VERSION_FILE), 'utf8').catch(() => undefined);
    if (version !== VERSION_TEXT) {
        throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${name}: ${path} is not empty and not a dir: image (no "${VERSION_TEXT.trim()}" version file); refusing to overwrite it`);
    }
}
async function refillInPlace(path, staging) {
    for (const entry of await (0,promises_.readdir)(path))
        await (0,promises_.rm)((0,external_node_path_.join)(path, entry), { recursive: true, force: true });
    for (const entry of await (0,promises_.readdir)(staging))
        await (0,promises_.rename)((0,external_node_path_.join)(staging, entry), (0,external_node_path_.join)(path, entry));
    await (0,atomic_write/* fsyncDir */.t_)(path);
    await (0,promises_.rm)(staging, { recursive: true, force: true });
}
async function openDirDestination(ref, _options = {}) {
    const name = `dir:${ref.path}`;
    // Checked now as well as at commit: refusing early beats copying gigabytes first.
    await checkReplaceable(ref.path, name);
    const parent = (0,external_node_path_.dirname)(ref.path);
    await (0,promises_.mkdir)(parent, { recursive: true });
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `.${(0,external_node_path_.basename)(ref.path)}.staging-`));
    return new DirDestination(name, ref.path, staging);
}

// EXTERNAL MODULE: ./.build/src/core/fs/tree.js
var tree = __webpack_require__(5487);
// EXTERNAL MODULE: ./.build/src/core/manifest.js
var core_manifest = __webpack_require__(9626);
;// CONCATENATED MODULE: ./.build/src/core/transport/dir/source.js
// Reads an image from a skopeo `dir:` directory.






class DirSource {
    name;
    #tree;
    #top;
    constructor(name, tree) {
        this.name = name;
        this.#tree = tree;
    }
    /**
     * The top-level manifest's digest is computed from its bytes (dir: records none); a child's
     * is the one asked for, so a consumer that verifies catches a file that does not match.
     */
    manifest(instance) {
        if (instance === undefined) {
            this.#top ??= this.#read(undefined);
            return this.#top;
        }
        return this.#read(instance);
    }
    async blob(descriptor) {
        try {
            return await this.#tree.open(blobFileName(descriptor.digest));
        }
        catch (err) {
            throw this.#missing(err, `blob ${descriptor.digest}`);
        }
    }
    async close() { }
    async #read(instance) {
        const file = manifestFileName(instance);
        const size = await this.#tree.size(file);
        if (size !== undefined && size > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
            throw new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `${this.name}: ${file} is ${size} bytes`);
        }
        let bytes;
        try {
            bytes = await this.#tree.readFile(file);
        }
        catch (err) {
            throw this.#missing(err, instance === undefined ? 'manifest.json' : `manifest ${instance}`);
        }
        const data = new Uint8Array(bytes);
        return {
            bytes: data,
            mediaType: (0,core_manifest/* detectManifestMediaType */.Th)(data),
            digest: instance ?? (0,core_digest/* digestOf */.ol)(data),
        };
    }
    #missing(err, what) {
        if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND'))
            return err;
        return new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.name}: ${what} is missing`, { cause: err });
    }
}
async function openDirSource(ref, _options = {}) {
    const name = `dir:${ref.path}`;
    try {
        if (!(await (0,promises_.stat)(ref.path)).isDirectory()) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `opening ${name}: not a directory`);
        }
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `opening ${name}: no such directory`, { cause: err });
        }
        throw err;
    }
    return new DirSource(name, (0,tree/* directoryTree */.uY)(ref.path));
}

;// CONCATENATED MODULE: ./.build/src/core/transport/dir/transport.js
// The `dir:PATH` transport: skopeo's directory format (manifest.json, version, blobs named by hex).




const VERSION_FILE = 'version';
/** Version 1.1 names blobs without the algorithm (`<hex>`); skopeo refuses to overwrite anything else. */
const VERSION_TEXT = 'Directory Transport Version: 1.1\n';
const MANIFEST_FILE = 'manifest.json';
/** `<hex>` for sha256 (what skopeo writes), `<algorithm>-<hex>` for others. */
function blobFileName(digest) {
    const { algorithm, hex } = (0,core_digest/* parseDigest */.m)(digest);
    return algorithm === 'sha256' ? hex : `${algorithm}-${hex}`;
}
/** Child manifests of an index: `<hex>.manifest.json`. */
function manifestFileName(instance) {
    return instance === undefined ? MANIFEST_FILE : `${blobFileName(instance)}.${MANIFEST_FILE}`;
}
const dirTransport = {
    name: 'dir',
    parse(rest) {
        // The whole rest is the path: dir: has no names, so a colon is part of it.
        if (rest === '') {
            throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', 'invalid image name "dir:": no path');
        }
        return { transport: 'dir', path: rest };
    },
    format: (ref) => ref.path,
    openSource: openDirSource,
    openDestination: openDirDestination,
};

// EXTERNAL MODULE: ./.build/src/core/reference.js
var core_reference = __webpack_require__(8978);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: ./.build/src/core/registry/client.js + 7 modules
var registry_client = __webpack_require__(6915);
// EXTERNAL MODULE: ./.build/src/core/registry/endpoint.js
var endpoint = __webpack_require__(6406);
;// CONCATENATED MODULE: ./.build/src/core/transport/docker/destination.js
// Writes an image or index to a registry: the ImageDestination side of the docker transport.







const destination_CAPABILITIES = {
    manifestTypes: [
        media_types/* MediaType */.zu.ociManifest,
        media_types/* MediaType */.zu.dockerManifest,
        media_types/* MediaType */.zu.ociIndex,
        media_types/* MediaType */.zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: true,
    prefersCompressedLayers: true,
};
/**
 * A registry repository being pushed to. A registry has no transaction: the tag is the commit
 * point, so `putManifest` without `instance` (the top-level manifest, pushed by tag) must come
 * last, after every blob and child manifest; `commit` then has nothing left to do. Children of
 * an index are pushed by digest, which makes them reachable but names nothing.
 */
class DockerImageDestination {
    name;
    capabilities = destination_CAPABILITIES;
    #client;
    #ref;
    #logger;
    constructor(ref, client, logger = log/* silentLogger */.qq) {
        this.#ref = ref;
        this.#client = client;
        this.#logger = logger;
        this.name = `docker:${formatDockerReference(ref)}`;
    }
    /** One HEAD: the digest under this tag (or the digest itself, when the name pins one). */
    async existingManifest() {
        const { repository, tag, digest } = this.#ref;
        const info = await this.#client.manifestInfo(repository, digest ?? tag ?? 'latest');
        return info?.digest;
    }
    /** HEAD first; else a cross-repository mount when `mountFrom` is on this registry. */
    async tryReuseBlob(descriptor, options = {}) {
        const repo = this.#ref.repository;
        if (await this.#client.blobExists(repo, descriptor.digest))
            return true;
        if (!options.mountFrom)
            return false;
        let from;
        try {
            from = (0,core_reference/* parseRepository */.SU)(options.mountFrom);
        }
        catch {
            return false;
        }
        if ((0,endpoint/* canonicalRegistry */.i7)(from.registry) !== (0,endpoint/* canonicalRegistry */.i7)(this.#ref.registry))
            return false;
        if (from.repository === repo)
            return false;
        const mounted = await this.#client.mountBlob(repo, descriptor.digest, from.repository);
        if (mounted)
            this.#logger.debug(`${descriptor.digest}: mounted from ${options.mountFrom}`);
        return mounted;
    }
    putBlob(stream, blob) {
        return this.#client.putBlob(this.#ref.repository, stream, {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined && blob.size >= 0 ? { size: blob.size } : {}),
        });
    }
    async putManifest(manifest, instance) {
        const repo = this.#ref.repository;
        if (instance !== undefined) {
            if (instance !== manifest.digest) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `pushing manifest to ${this.name}: instance ${instance} does not match its bytes (${manifest.digest})`);
            }
            await this.#client.putManifest(repo, instance, manifest);
            return;
        }
        const { tag, digest } = this.#ref;
        if (digest !== undefined && digest !== manifest.digest) {
            throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `pushing manifest to ${this.name}: the image's digest is ${manifest.digest}, not the ${digest} the name requires`);
        }
        await this.#client.putManifest(repo, tag ?? manifest.digest, manifest);
    }
    /** Nothing to do: pushing the top-level manifest by tag was the commit. */
    async commit() { }
    close() {
        return this.#client.close();
    }
}
async function openDockerDestination(ref, options = {}) {
    const client = new registry_client/* RegistryClient */.b(ref.registry, {
        ...(options.registry ? { access: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return new DockerImageDestination(ref, client, options.logger);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker/source.js
// Reads an image or index from a registry: the ImageSource side of the docker transport.



/**
 * A registry image. The top-level manifest is fetched by digest when the reference has one
 * (so it is verified), else by tag, and cached; children of an index are fetched by digest.
 */
class DockerImageSource {
    name;
    /** `registry/repository`, so a destination on the same registry can mount blobs from it. */
    repository;
    #client;
    #ref;
    #top;
    constructor(ref, client) {
        this.#ref = ref;
        this.#client = client;
        this.name = `docker:${formatDockerReference(ref)}`;
        this.repository = (0,core_reference/* repositoryName */.aR)(ref);
    }
    manifest(instance) {
        const repo = this.#ref.repository;
        if (instance !== undefined)
            return this.#client.manifest(repo, instance);
        if (!this.#top) {
            const top = this.#client.manifest(repo, this.#ref.digest ?? this.#ref.tag ?? 'latest');
            this.#top = top;
            // A failure is not remembered: asking again asks the registry again.
            top.catch(() => {
                if (this.#top === top)
                    this.#top = undefined;
            });
        }
        return this.#top;
    }
    blob(descriptor) {
        return this.#client.blob(this.#ref.repository, descriptor);
    }
    close() {
        return this.#client.close();
    }
}
async function openDockerSource(ref, options = {}) {
    const client = new registry_client/* RegistryClient */.b(ref.registry, {
        ...(options.registry ? { access: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return new DockerImageSource(ref, client);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker/transport.js
// The `docker://REGISTRY/REPO[:TAG][@DIGEST]` transport: images in a registry, through RegistryClient.




/** Parses `//registry/repo:tag` as skopeo does: no tag and no digest means `latest`. */
function parseDockerReference(rest) {
    if (!rest.startsWith('//')) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": expected docker://registry/repository[:tag][@digest]`);
    }
    try {
        return { transport: 'docker', ...(0,core_reference/* parseReference */.F2)(rest.slice(2)) };
    }
    catch (err) {
        if (err instanceof errors/* LighterError */.Kt) {
            throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${err.message}`, {
                cause: err,
            });
        }
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
function formatDockerReference(ref) {
    return `//${(0,core_reference/* formatReference */.FH)(ref)}`;
}
const dockerTransport = {
    name: 'docker',
    parse: parseDockerReference,
    format: formatDockerReference,
    openSource: openDockerSource,
    openDestination: openDockerDestination,
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./.build/src/core/fs/tar-pack.js
// Writes a tar archive from a list of members, atomically and reproducibly (fixed owners and times).






// Reproducible archives: the same image always packs to the same bytes.
const EPOCH = new Date(0);
const OWNER = { uid: 0, gid: 0, uname: '', gname: '' };
/** Packs `members` in order into `file` through a temp file beside it, renamed into place when complete. */
async function packTar(file, members) {
    const temp = (0,atomic_write/* tempPathFor */.FD)(file);
    const pack = (0,tar_stream.pack)();
    // tar-stream's streams are streamx ones; Readable.from adapts them to node's pipeline.
    const writing = (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(pack), (0,external_node_fs_.createWriteStream)(temp, { flags: 'wx', flush: true }));
    try {
        await Promise.all([writing, addMembers(pack, members)]);
        await (0,atomic_write/* renameDurable */.yz)(temp, file);
    }
    catch (err) {
        pack.destroy();
        await writing.catch(() => { });
        await (0,promises_.rm)(temp, { force: true });
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
            const { size } = await (0,promises_.stat)(m.path);
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
        const source = (0,external_node_fs_.createReadStream)(path);
        source.once('error', (err) => {
            sink.destroy(err);
            reject(err);
        });
        source.pipe(sink);
    });
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/archive-manifest.js
// manifest.json of a docker archive: one entry per image, naming its config, tags and layer files.

const ARCHIVE_MANIFEST = 'manifest.json';
const REPOSITORIES = 'repositories';
/** Docker has no media type for an uncompressed v2s2 layer; this is the one skopeo and docker use. */
const DOCKER_LAYER_TAR = 'application/vnd.docker.image.rootfs.diff.tar';
function parseArchiveManifest(bytes, where) {
    const bad = (why) => new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `reading ${where}/${ARCHIVE_MANIFEST}: ${why}`);
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

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/destination.js
// Writes one image as a docker archive (`docker load` format): plain layer tars, config, manifest.json, repositories.












const docker_archive_destination_CAPABILITIES = {
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
    capabilities = docker_archive_destination_CAPABILITIES;
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
            finalPath: (w) => (0,external_node_path_.join)(this.#staging, `${(0,core_digest/* digestHex */.sU)(w.digest)}.${layer ? 'tar' : 'json'}`),
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
        await (0,errors/* contextual */.iF)(`writing ${this.name}`, () => packTar(this.#file, archiveMembers(image, this.#reference)), 'ERR_STORE');
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
        { name: ARCHIVE_MANIFEST, type: 'file', data: JSON.stringify([entry]) },
    ];
    const top = legacy.at(-1);
    if (reference?.tag && top) {
        const repository = (0,core_reference/* repositoryName */.aR)(reference);
        members.push({
            name: REPOSITORIES,
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
        chain = chain === undefined ? layer.written : (0,core_digest/* digestOf */.ol)(`${chain} ${layer.written}`);
        const id = (0,core_digest/* digestHex */.sU)(chain);
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
    const name = `docker-archive:${dockerArchiveTransport.format(ref)}`;
    if (ref.index !== undefined) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `${name}: @N picks an image to read; to write, give a tag or nothing`);
    }
    const parent = (0,external_node_path_.dirname)(ref.path);
    await (0,errors/* contextual */.iF)(`opening ${name}`, () => (0,promises_.mkdir)(parent, { recursive: true }), 'ERR_STORE');
    // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `.${(0,external_node_path_.basename)(ref.path)}.staging-`));
    return new DockerArchiveDestination(name, ref.path, staging, ref.reference);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./.build/src/core/fs/tar-tree.js
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
        tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir ?? (0,external_node_os_.tmpdir)(), 'lighter-tar-'));
        tarFile = (0,external_node_path_.join)(tempDir, 'archive.tar');
        try {
            await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), compression === 'gzip' ? (0,external_node_zlib_.createGunzip)() : (0,external_node_zlib_.createZstdDecompress)(), (0,external_node_fs_.createWriteStream)(tarFile));
        }
        catch (err) {
            await (0,promises_.rm)(tempDir, { recursive: true, force: true });
            throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `decompressing ${file}: ${err.message}`, {
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
            await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        throw err;
    }
    const resolve = (path) => {
        let name = (0,tree/* cleanTreePath */.Dj)(path, file);
        for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            const entry = entries.get(name);
            if (!entry)
                return undefined;
            if (entry.type === 'symlink') {
                if (entry.linkname.startsWith('/')) {
                    throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${file}: ${name} links outside the archive (${entry.linkname})`);
                }
                name = (0,tree/* cleanTreePath */.Dj)(external_node_path_.posix.join(external_node_path_.posix.dirname(name), entry.linkname), file);
            }
            else if (entry.type === 'link') {
                name = (0,tree/* cleanTreePath */.Dj)(entry.linkname, file);
            }
            else {
                return entry.type === 'file' ? entry : undefined;
            }
        }
        throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${file}: too many links resolving ${path}`);
    };
    const member = (path) => {
        const entry = resolve(path);
        if (!entry)
            throw (0,tree/* notFound */.mX)(file, path);
        return entry;
    };
    const read = async (entry, length) => {
        const handle = await (0,promises_.open)(tarFile, 'r');
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
                return external_node_stream_.Readable.from([]);
            return (0,external_node_fs_.createReadStream)(tarFile, { start: entry.offset, end: entry.offset + entry.size - 1 });
        },
        async size(path) {
            return resolve(path)?.size;
        },
        async close() {
            if (tempDir)
                await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        },
    };
}
async function readMagic(file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${file}: no such file`, { cause: err });
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
            throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${file}: truncated tar archive`);
        }
        done += bytesRead;
    }
}
/** One pass over the headers: pax and GNU long names applied, later members replacing earlier ones. */
async function indexTar(tarFile, location) {
    const entries = new Map();
    const handle = await (0,promises_.open)(tarFile, 'r');
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
                name = (0,tree/* cleanTreePath */.Dj)(rawName, location);
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
    return new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `reading ${file}: not a valid tar archive: ${why} at offset ${pos}`);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/source.js
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
        const name = `docker-archive:${dockerArchiveTransport.format(ref)}`;
        const tree = await tarTree(ref.path);
        try {
            const images = parseArchiveManifest(await tree.readFile(ARCHIVE_MANIFEST), tree.location);
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
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.name}: holds one image, not an index with ${instance}`);
        }
        return this.#manifest;
    }
    async blob(descriptor) {
        const path = this.#files.get(descriptor.digest);
        if (path === undefined) {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.name}: no blob ${descriptor.digest}`, {
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
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${where}: no image @${ref.index} (the archive holds ${images.length})`);
    }
    if (ref.reference) {
        const want = (0,core_reference/* formatReference */.FH)(ref.reference);
        const image = images.find((img) => (img.RepoTags ?? []).some((tag) => sameReference(tag, want)));
        if (image)
            return image;
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${where}: no image tagged ${want} (the archive has ${tags()})`);
    }
    const only = images[0];
    if (images.length === 1 && only)
        return only;
    throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', images.length === 0
        ? `${where}: the archive holds no images`
        : `${where}: the archive holds ${images.length} images (${tags()}); pick one as ${where}:NAME:TAG or ${where}:@N`);
}
function sameReference(tag, want) {
    try {
        return (0,core_reference/* formatReference */.FH)((0,core_reference/* parseReference */.F2)(tag)) === want;
    }
    catch {
        return false;
    }
}
async function synthesize(tree, image, name) {
    const files = new Map();
    const configBytes = await tree.readFile(image.Config);
    const config = (0,core_manifest/* parseImageConfig */.FB)(configBytes);
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== image.Layers.length) {
        throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${name}: ${image.Layers.length} layer files but ${diffIds.length} diff_ids in the config`);
    }
    const configDescriptor = {
        mediaType: media_types/* MediaType */.zu.dockerConfig,
        size: configBytes.length,
        digest: (0,core_digest/* digestOf */.ol)(configBytes),
    };
    files.set(configDescriptor.digest, image.Config);
    const layers = [];
    for (const [i, path] of image.Layers.entries()) {
        const size = await tree.size(path);
        if (size === undefined) {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${name}: layer file ${path} is missing from the archive`);
        }
        const head = await tree.head(path, 4);
        let layer;
        if (head[0] === 0x1f && head[1] === 0x8b) {
            const hashing = new core_digest/* DigestingStream */.Xi();
            await (0,external_node_stream_promises_.pipeline)(await tree.open(path), hashing, new external_node_stream_.Writable({ write: (_c, _e, cb) => cb() }));
            layer = { mediaType: media_types/* MediaType */.zu.dockerLayerGzip, size, digest: hashing.digest };
        }
        else if (head.length === 4 && head.readUInt32LE(0) === 0xfd2fb528) {
            throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${name}: layer ${path} is zstd-compressed, which a Docker v2s2 manifest cannot describe`);
        }
        else {
            // A plain tar: its digest is its diff_id (checked by whoever reads it).
            layer = { mediaType: DOCKER_LAYER_TAR, size, digest: diffIds[i] };
        }
        layers.push(layer);
        files.set(layer.digest, path);
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.dockerManifest,
        config: configDescriptor,
        layers,
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        manifest: { bytes, mediaType: media_types/* MediaType */.zu.dockerManifest, digest: (0,core_digest/* digestOf */.ol)(bytes) },
        files,
    };
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/transport.js
// The `docker-archive:FILE[:REF|:@N]` transport: the tar that `docker save` writes and `docker load` reads.




function invalid(rest, why) {
    return new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker-archive:${rest}": ${why}`);
}
const dockerArchiveTransport = {
    name: 'docker-archive',
    parse(rest) {
        const from = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
        const colon = rest.indexOf(':', from);
        const path = colon === -1 ? rest : rest.slice(0, colon);
        const after = colon === -1 ? '' : rest.slice(colon + 1);
        if (path === '')
            throw invalid(rest, 'no path');
        if (after === '')
            return { transport: 'docker-archive', path };
        if (after.startsWith('@')) {
            if (!/^@\d{1,9}$/.test(after))
                throw invalid(rest, `"${after}" is not @ and an image number`);
            return { transport: 'docker-archive', path, index: Number(after.slice(1)) };
        }
        let reference;
        try {
            reference = (0,core_reference/* parseReference */.F2)(after);
        }
        catch (err) {
            throw invalid(rest, err.message);
        }
        if (reference.digest !== undefined) {
            throw invalid(rest, 'an archive names images by tag, not by digest');
        }
        return { transport: 'docker-archive', path, reference };
    },
    format(ref) {
        if (ref.reference)
            return `${ref.path}:${(0,core_reference/* familiarReference */.ZD)(ref.reference)}`;
        if (ref.index !== undefined)
            return `${ref.path}:@${ref.index}`;
        return ref.path;
    },
    openSource: openDockerArchiveSource,
    openDestination: openDockerArchiveDestination,
};

// EXTERNAL MODULE: ./.build/src/core/transport/layout/layout.js
var layout = __webpack_require__(304);
// EXTERNAL MODULE: ./.build/src/core/transport/layout/writer.js
var layout_writer = __webpack_require__(4065);
;// CONCATENATED MODULE: ./.build/src/core/transport/oci-layout/destination.js
// Writes one image (or index) into an OCI image layout directory, shared safely with other writers.





const oci_layout_destination_CAPABILITIES = {
    // OCI types only, as skopeo writes layouts: skopeo 1.9 finds no name on a Docker-typed entry,
    // and umoci cannot unpack one. The copy engine converts Docker images on the way in.
    manifestTypes: [media_types/* MediaType */.zu.ociManifest, media_types/* MediaType */.zu.ociIndex],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Blobs and manifests go straight into blobs/ (whole, under their digest); the image becomes
 * visible only at `commit`, which adds its index.json entry under the layout's lock.
 */
class OciLayoutDestination {
    name;
    capabilities = oci_layout_destination_CAPABILITIES;
    #writer;
    #refName;
    #top;
    #committed = false;
    constructor(name, writer, refName) {
        this.name = name;
        this.#writer = writer;
        this.#refName = refName;
    }
    get layoutDir() {
        return this.#writer.dir;
    }
    tryReuseBlob(descriptor) {
        return this.#writer.hasBlob(descriptor);
    }
    putBlob(stream, blob) {
        return this.#writer.putBlob(stream, {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined ? { size: blob.size } : {}),
            what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
        });
    }
    async putManifest(manifest, instance) {
        if (instance !== undefined && instance !== manifest.digest) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`);
        }
        await this.#writer.putBytes(manifest.bytes, {
            digest: manifest.digest,
            size: manifest.bytes.length,
            what: `manifest ${manifest.digest} for ${this.name}`,
        });
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
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before the top-level manifest was put`);
        }
        if (this.#committed)
            return;
        await this.#writer.updateIndex((index) => (0,layout/* addEntry */.An)(index, top, this.#refName));
        this.#committed = true;
    }
    async close() {
        // Blobs already written stay: they are whole, content-addressed and harmless until a GC.
    }
}
async function openOciLayoutDestination(ref, options = {}) {
    const name = `oci:${formatPathAndName(ref)}`;
    const writer = await layout_writer/* LayoutWriter */.s.open(ref.path, options.logger ? { logger: options.logger } : {});
    return new OciLayoutDestination(name, writer, ref.name);
}

// EXTERNAL MODULE: ./.build/src/core/transport/layout/reader.js
var layout_reader = __webpack_require__(2757);
;// CONCATENATED MODULE: ./.build/src/core/transport/oci-layout/source.js
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
            const reader = await layout_reader/* LayoutReader */.I.open(tree);
            const entry = (0,layout/* selectEntry */.J9)(reader.index, refName, layoutName);
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
    const layoutName = `oci:${formatPathAndName({ path: ref.path })}`;
    try {
        const info = await (0,promises_.stat)(ref.path);
        if (!info.isDirectory())
            throw new Error('not a directory');
    }
    catch (err) {
        const missing = err.code === 'ENOENT';
        throw new errors/* LighterError */.Kt(missing ? 'ERR_NOT_FOUND' : 'ERR_INVALID_ARGUMENT', `opening ${layoutName}: ${missing ? 'no such directory' : err.message}`, { cause: err });
    }
    return OciLayoutSource.open((0,tree/* directoryTree */.uY)(ref.path), ref.name, layoutName);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-layout/transport.js
// The `oci:PATH[:NAME]` transport: an image in an OCI image layout directory, named by its ref.name annotation.



// The image-spec grammar for ref.name values: components of alphanumerics and separators.
const REF_NAME = /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/;
/**
 * Splits `PATH[:NAME]` at the first colon, as skopeo does (so PATH holds no colon), except a
 * Windows drive letter (`C:\x:tag`). Shared with oci-archive, whose PATH is the archive file.
 */
function splitPathAndName(rest, transport) {
    const from = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
    const colon = rest.indexOf(':', from);
    const path = colon === -1 ? rest : rest.slice(0, colon);
    const name = colon === -1 ? undefined : rest.slice(colon + 1);
    if (path === '') {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": no path`);
    }
    if (name === undefined || name === '')
        return { path };
    if (!REF_NAME.test(name)) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": "${name}" is not a valid image name in a layout (letters, digits and -._:@+/ between them)`);
    }
    return { path, name };
}
function formatPathAndName(ref) {
    return ref.name === undefined ? ref.path : `${ref.path}:${ref.name}`;
}
const ociLayoutTransport = {
    name: 'oci',
    parse(rest) {
        return { transport: 'oci', ...splitPathAndName(rest, 'oci') };
    },
    format: formatPathAndName,
    openSource: openOciLayoutSource,
    openDestination: openOciLayoutDestination,
};

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/destination.js
// Writes an image to an oci-archive: an OCI layout staged beside the file, packed into it on commit.








/**
 * Everything goes through an oci: destination on a private staging layout; `commit` commits
 * that, then packs it into a temp file renamed over FILE. An existing FILE is replaced whole.
 */
class OciArchiveDestination {
    name;
    #file;
    #layout;
    constructor(name, file, layout) {
        this.name = name;
        this.#file = file;
        this.#layout = layout;
    }
    get capabilities() {
        return this.#layout.capabilities;
    }
    tryReuseBlob(descriptor) {
        return this.#layout.tryReuseBlob(descriptor);
    }
    putBlob(stream, blob) {
        return this.#layout.putBlob(stream, blob);
    }
    putManifest(manifest, instance) {
        return this.#layout.putManifest(manifest, instance);
    }
    async commit() {
        await this.#layout.commit();
        await (0,errors/* contextual */.iF)(`writing ${this.name}`, async () => packTar(this.#file, await layoutMembers(this.#layout.layoutDir)), 'ERR_STORE');
    }
    async close() {
        await (0,promises_.rm)(this.#layout.layoutDir, { recursive: true, force: true });
    }
}
/** The layout's files in a stable order: marker, index, then blobs sorted by algorithm and hex. */
async function layoutMembers(dir) {
    const members = [
        { name: layout/* LAYOUT_FILE */.gI, type: 'file', path: (0,external_node_path_.join)(dir, layout/* LAYOUT_FILE */.gI) },
        { name: layout/* INDEX_FILE */.K$, type: 'file', path: (0,external_node_path_.join)(dir, layout/* INDEX_FILE */.K$) },
        { name: 'blobs', type: 'directory' },
    ];
    for (const algorithm of (await (0,promises_.readdir)((0,external_node_path_.join)(dir, 'blobs'))).sort()) {
        members.push({ name: `blobs/${algorithm}`, type: 'directory' });
        for (const hex of (await (0,promises_.readdir)((0,external_node_path_.join)(dir, 'blobs', algorithm))).sort()) {
            members.push({
                name: `blobs/${algorithm}/${hex}`,
                type: 'file',
                path: (0,external_node_path_.join)(dir, 'blobs', algorithm, hex),
            });
        }
    }
    return members;
}
async function openOciArchiveDestination(ref, options = {}) {
    const name = `oci-archive:${formatPathAndName(ref)}`;
    // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
    const parent = (0,external_node_path_.dirname)(ref.path);
    await (0,errors/* contextual */.iF)(`opening ${name}`, () => (0,promises_.mkdir)(parent, { recursive: true }), 'ERR_STORE');
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `.${(0,external_node_path_.basename)(ref.path)}.layout-`));
    try {
        const writer = await layout_writer/* LayoutWriter */.s.open(staging, options.logger ? { logger: options.logger } : {});
        return new OciArchiveDestination(name, ref.path, new OciLayoutDestination(name, writer, ref.name));
    }
    catch (err) {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
        throw err;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/source.js
// Reads an image from an oci-archive: the layout reader over the tar's members, read in place.


async function openOciArchiveSource(ref, _options = {}) {
    // tarTree's errors name the file and say what is wrong with it.
    const tree = await tarTree(ref.path);
    return OciLayoutSource.open(tree, ref.name, `oci-archive:${ref.path}`);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/transport.js
// The `oci-archive:FILE[:NAME]` transport: an OCI image layout packed in a tar file.



const ociArchiveTransport = {
    name: 'oci-archive',
    parse(rest) {
        return { transport: 'oci-archive', ...splitPathAndName(rest, 'oci-archive') };
    },
    format: formatPathAndName,
    openSource: openOciArchiveSource,
    openDestination: openOciArchiveDestination,
};

// EXTERNAL MODULE: ./.build/src/core/storage/names.js
var names = __webpack_require__(4645);
// EXTERNAL MODULE: ./.build/src/core/transport/storage/destination.js
var destination = __webpack_require__(6807);
// EXTERNAL MODULE: ./.build/src/core/transport/storage/source.js
var source = __webpack_require__(5574);
;// CONCATENATED MODULE: ./.build/src/core/transport/storage/transport.js
// The `storage:NAME` transport: an image in lighter's local store (name, or image ID when reading).




function parseStorageReference(rest) {
    if (rest === '') {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', 'invalid image name "storage:": no image name');
    }
    if ((0,names/* idPrefix */.m0)(rest) !== undefined && /^(?:sha256:)?[a-f0-9]+$/.test(rest)) {
        return { transport: 'storage', image: rest };
    }
    try {
        return { transport: 'storage', image: (0,names/* normalizeName */.Pc)(rest) };
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "storage:${rest}": ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
const storageTransport = {
    name: 'storage',
    parse: parseStorageReference,
    format: (ref) => ref.image,
    openSource: source/* openStorageSource */.Z,
    openDestination: destination/* openStorageDestination */.C,
};

;// CONCATENATED MODULE: ./.build/src/core/transport/index.js
// The static table of transports, and parsing of transport-qualified image names
// (`docker://ghcr.io/o/r:tag`, `oci:dir:tag`, ...). `imageName` round-trips `parseImageName`.







const transports = [
    dockerTransport,
    ociLayoutTransport,
    ociArchiveTransport,
    dockerArchiveTransport,
    dirTransport,
    storageTransport,
];
function transportNames() {
    return transports.map((t) => t.name);
}
function findTransport(name) {
    const transport = transports.find((t) => t.name === name);
    if (!transport) {
        throw new errors/* LighterError */.Kt('ERR_UNKNOWN_TRANSPORT', `unknown transport "${name}" (known: ${transportNames().join(', ')})`);
    }
    return transport;
}
/** Parses `transport:rest`; throws ERR_UNKNOWN_TRANSPORT or ERR_BAD_REFERENCE naming the part. */
function parseImageName(input) {
    const colon = input.indexOf(':');
    if (colon <= 0) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${input}": expected transport:name, e.g. docker://registry/repo:tag or oci:dir:tag (transports: ${transportNames().join(', ')})`);
    }
    const transport = findTransport(input.slice(0, colon));
    try {
        return transport.parse(input.slice(colon + 1));
    }
    catch (err) {
        if (err instanceof errors/* LighterError */.Kt)
            throw err;
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${input}": ${String(err)}`);
    }
}
/**
 * Like parseImageName, but a name with no known transport is a registry reference:
 * `ghcr.io/o/r:1` means `docker://ghcr.io/o/r:1` (what action inputs and metadata-action give).
 */
function parseImageNameOrReference(input) {
    const colon = input.indexOf(':');
    const prefix = colon > 0 ? input.slice(0, colon) : '';
    if (transports.some((t) => t.name === prefix))
        return parseImageName(input);
    return parseImageName(`docker://${input}`);
}
/** Formats a reference back to `transport:rest`. */
function imageName(ref) {
    const transport = findTransport(ref.transport);
    return `${transport.name}:${transport.format(ref)}`;
}
function openSource(ref, options) {
    return findTransport(ref.transport).openSource(ref, options);
}
function openDestination(ref, options) {
    return findTransport(ref.transport).openDestination(ref, options);
}


/***/ }),

/***/ 2757:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ LayoutReader)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9626);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9155);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(304);
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

/***/ 6807:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ openStorageDestination),
/* harmony export */   M: () => (/* binding */ StorageDestination)
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ StorageSource),
/* harmony export */   Z: () => (/* binding */ openStorageSource)
/* harmony export */ });
/* harmony import */ var _storage_location_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3014);
/* harmony import */ var _storage_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3652);
/* harmony import */ var _layout_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2757);
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
        const reader = await _layout_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .LayoutReader */ .I.open(store.tree);
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
    const store = await _storage_store_js__WEBPACK_IMPORTED_MODULE_1__.Store.open(options.storeDir ?? (0,_storage_location_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultStoreDir */ .i)(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageSource.open(store, ref.image);
}


/***/ })

};
