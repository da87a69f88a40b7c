export const id = 1317;
export const ids = [1317,4645];
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

/***/ 9603:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IMAGE_FORMATS: () => (/* binding */ IMAGE_FORMATS),
  NETWORKS: () => (/* binding */ NETWORKS),
  build: () => (/* binding */ build_build),
  buildRequest: () => (/* binding */ buildRequest)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/layout/layout.js
var layout = __webpack_require__(8686);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: ./.build/src/core/platform.js
var core_platform = __webpack_require__(292);
// EXTERNAL MODULE: ./.build/src/core/reference.js
var core_reference = __webpack_require__(8978);
// EXTERNAL MODULE: ./.build/src/core/storage/as-root.js
var as_root = __webpack_require__(758);
// EXTERNAL MODULE: ./.build/src/core/storage/chain-id.js
var chain_id = __webpack_require__(8348);
// EXTERNAL MODULE: ./.build/src/core/storage/lease.js
var storage_lease = __webpack_require__(3451);
// EXTERNAL MODULE: ./.build/src/core/storage/meta.js
var meta = __webpack_require__(9496);
// EXTERNAL MODULE: ./.build/src/core/storage/names.js
var storage_names = __webpack_require__(4645);
// EXTERNAL MODULE: ./.build/src/core/storage/remove-tree.js
var remove_tree = __webpack_require__(4798);
// EXTERNAL MODULE: ./.build/src/core/storage/store.js + 2 modules
var storage_store = __webpack_require__(3652);
// EXTERNAL MODULE: ./.build/src/core/storage/unpack.js + 1 modules
var unpack = __webpack_require__(3683);
// EXTERNAL MODULE: ./.build/src/core/fs/file-lock.js
var file_lock = __webpack_require__(8865);
// EXTERNAL MODULE: ./.build/src/core/manifest.js
var core_manifest = __webpack_require__(9626);
// EXTERNAL MODULE: ./.build/src/core/media-types.js
var media_types = __webpack_require__(9155);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var digest = __webpack_require__(7691);
;// CONCATENATED MODULE: ./.build/src/core/build/commit.js
// Writing built images into the store: config and manifest blobs in OCI or Docker form, then index.json entries.


/** Canonical JSON bytes: what gets hashed is exactly what is stored. */
function jsonBytes(value) {
    return Buffer.from(JSON.stringify(value), 'utf8');
}
function jsonBlob(value, mediaType) {
    const bytes = jsonBytes(value);
    return { descriptor: { mediaType, digest: (0,digest/* digestOf */.ol)(bytes), size: bytes.length }, bytes };
}
/**
 * Writes small blobs into the store, claimed first in one round trip and then written at once:
 * each write ends with fsyncs, and overlapping them costs little more than one.
 */
async function putJsonBlobs(store, lease, blobs) {
    if (blobs.length === 0)
        return;
    await lease.claim(blobs.map((b) => b.descriptor.digest));
    await Promise.all(blobs.map(async (b) => {
        if (await store.writer.hasBlob(b.descriptor))
            return;
        await store.writer.putBytes(b.bytes, {
            digest: b.descriptor.digest,
            size: b.bytes.length,
            what: `${b.descriptor.mediaType} ${b.descriptor.digest}`,
        });
    }));
}
/** Puts small bytes (a config, a manifest) into the store under their digest, claimed first. */
async function putJson(store, lease, value, mediaType) {
    const blob = jsonBlob(value, mediaType);
    await putJsonBlobs(store, lease, [blob]);
    return blob.descriptor;
}
/** A layer's media type in the image's format (the bytes are the same gzip either way). */
function layerMediaType(layer, format) {
    if (layer.mediaType.includes('nondistributable') || layer.mediaType.includes('foreign')) {
        return layer.mediaType;
    }
    const compression = (0,media_types/* layerCompression */.AH)(layer.mediaType) ?? 'gzip';
    if (format === 'docker') {
        return compression === 'none'
            ? 'application/vnd.docker.image.rootfs.diff.tar'
            : media_types/* MediaType */.zu.dockerLayerGzip;
    }
    if (compression === 'zstd')
        return media_types/* MediaType */.zu.ociLayerZstd;
    return compression === 'none' ? media_types/* MediaType */.zu.ociLayer : media_types/* MediaType */.zu.ociLayerGzip;
}
/**
 * Writes an image's config and manifest. `annotations` go in the manifest (OCI only: Docker
 * manifests have no such field). The descriptor carries the platform, for an index.
 */
async function writeImage(store, lease, config, layers, format, annotations) {
    if (format === 'docker' && layers.some((l) => (0,media_types/* layerCompression */.AH)(l.mediaType) === 'zstd')) {
        throw new Error('a Docker-format image cannot hold zstd layers; build with --format oci');
    }
    const configBlob = jsonBlob(config, format === 'docker' ? media_types/* MediaType */.zu.dockerConfig : media_types/* MediaType */.zu.ociConfig);
    const configDescriptor = configBlob.descriptor;
    const manifest = {
        schemaVersion: 2,
        mediaType: format === 'docker' ? media_types/* MediaType */.zu.dockerManifest : media_types/* MediaType */.zu.ociManifest,
        config: configDescriptor,
        layers: layers.map((l) => ({
            mediaType: layerMediaType(l, format),
            digest: l.digest,
            size: l.size,
        })),
        ...(format === 'oci' && annotations && Object.keys(annotations).length > 0
            ? { annotations }
            : {}),
    };
    const manifestBlob = jsonBlob(manifest, manifest.mediaType);
    await putJsonBlobs(store, lease, [configBlob, manifestBlob]);
    const descriptor = manifestBlob.descriptor;
    const platform = {
        os: config.os,
        architecture: config.architecture,
        ...(config.variant ? { variant: config.variant } : {}),
    };
    return {
        descriptor: { ...descriptor, platform },
        manifest,
        configDigest: configDescriptor.digest,
    };
}
/** An index over per-platform images (one build for several platforms). */
async function writeIndex(store, lease, images, format, annotations) {
    const index = {
        schemaVersion: 2,
        mediaType: format === 'docker' ? media_types/* MediaType */.zu.dockerManifestList : media_types/* MediaType */.zu.ociIndex,
        manifests: images.map((d) => ({ ...d })),
        ...(format === 'oci' && annotations && Object.keys(annotations).length > 0
            ? { annotations }
            : {}),
    };
    return putJson(store, lease, index, index.mediaType);
}
/** The smallest valid config for a stack of layers: what cache entries and cache mounts carry. */
function bareConfig(platform, layers) {
    return {
        architecture: platform.architecture,
        os: platform.os,
        ...(platform.variant ? { variant: platform.variant } : {}),
        config: {},
        rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    };
}

// EXTERNAL MODULE: ./.build/src/core/build/context/walk.js
var walk = __webpack_require__(7079);
// EXTERNAL MODULE: ./.build/src/core/build/layer-writer.js
var layer_writer = __webpack_require__(3557);
;// CONCATENATED MODULE: ./.build/src/core/build/cache-mounts.js
// `RUN --mount=type=cache`: directories kept in the store between builds, and carried through the CI cache as small images.
//
// The directories live under `<store>/build-cache/mounts/`, which garbage collection leaves
// alone. The CI cache saves images, not directories, so at the end of a build whose cache
// directories changed, each one is also written as a one-layer image (annotated with its id);
// on a fresh runner, a build that finds no directory unpacks that image instead.














const MOUNTS_DIR = (0,external_node_path_.join)('build-cache', 'mounts');
/** The directory name of a cache id: ids are free text (`/root/.npm`, `go-build`). */
function dirName(id) {
    return (0,external_node_crypto_.createHash)('sha256').update(id).digest('hex').slice(0, 32);
}
/** A cheap fingerprint of a tree (names, types, sizes, times), to tell whether it changed. */
async function signature(dir) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const entry of (0,walk/* walkContext */.p)(dir)) {
        const st = entry.stat;
        hash.update(`${entry.path}\0${st.mode}\0${st.size}\0${Math.floor(st.mtimeMs)}\0${st.uid}\0${st.gid}\n`);
    }
    return hash.digest('hex');
}
class CacheMounts {
    #store;
    #logger;
    #root;
    /** Cache-mount images index.json held when the build started, by id. */
    #images = new Map();
    #used = new Set();
    /** `images`: the kept contents of each mount, by id (the layer cache holds them). */
    constructor(store, logger, images) {
        this.#store = store;
        this.#logger = logger;
        this.#root = (0,external_node_path_.join)(store.dir, MOUNTS_DIR);
        for (const [id, d] of images)
            this.#images.set(id, d);
    }
    /** The directory for a mount, made (or restored from its image) on first use, locked when asked. */
    async acquire(request) {
        const dir = (0,external_node_path_.join)(this.#root, dirName(request.id));
        await (0,promises_.mkdir)(this.#root, { recursive: true });
        let lock;
        // Builds in one process run steps one at a time, so only other processes contend; a
        // private cache is then as good as a locked one.
        if (request.sharing !== 'shared') {
            lock = await (0,file_lock/* acquireFileLock */.A)(`${dir}.lock`, {
                what: `cache mount ${request.id}`,
                timeoutMs: 30 * 60_000,
                logger: this.#logger,
            });
        }
        try {
            const exists = await (0,promises_.lstat)(dir).then((s) => s.isDirectory(), () => false);
            if (!exists)
                await this.#create(dir, request);
        }
        catch (err) {
            await lock?.release();
            throw err;
        }
        this.#used.add(request.id);
        return { dir, release: async () => lock?.release() };
    }
    async #create(dir, request) {
        const temp = `${dir}.tmp-${process.pid}`;
        await (0,remove_tree/* removeTree */.d)(temp);
        await (0,promises_.mkdir)(temp, { recursive: true });
        const image = this.#images.get(request.id);
        let restored = false;
        if (image) {
            try {
                const parsed = (0,core_manifest/* parseManifest */.Ng)(await this.#store.readBlob(image), image.mediaType);
                const layer = parsed.kind === 'image' ? parsed.manifest.layers[0] : undefined;
                if (layer) {
                    const { applyLayer } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3477));
                    await applyLayer((0,external_node_fs_.createReadStream)((0,external_node_path_.join)(this.#store.dir, (0,layout/* blobPath */.nD)(layer.digest))), temp, {
                        whiteouts: 'apply',
                        logger: this.#logger,
                    });
                    restored = true;
                    this.#logger.info(`cache mount ${request.id}: restored from the store's copy`);
                }
            }
            catch (err) {
                this.#logger.warn(`cache mount ${request.id}: not restored (${(0,errors/* errorMessage */.gJ)(err)})`);
                await (0,remove_tree/* removeTree */.d)(temp);
                await (0,promises_.mkdir)(temp, { recursive: true });
            }
        }
        if (!restored) {
            await chmodOwn(temp, request);
        }
        await (0,promises_.rename)(temp, dir);
        // What was restored is what the image holds: no need to write it again unless it changes.
        if (restored)
            await (0,promises_.writeFile)(`${dir}.sig`, await signature(dir));
    }
    /**
     * Writes each cache directory this build used and changed as a one-layer image, for the
     * layer cache to keep (replacing the mount's last one).
     */
    async export(lease, platform) {
        const out = [];
        for (const id of this.#used) {
            const dir = (0,external_node_path_.join)(this.#root, dirName(id));
            try {
                const now = await signature(dir);
                const before = await (0,promises_.readFile)(`${dir}.sig`, 'utf8').catch(() => '');
                if (now === before && this.#images.has(id))
                    continue;
                const layer = await (0,layer_writer/* writeDirLayer */.ob)(this.#store, lease, dir, { mode: 'full' });
                const config = await putJson(this.#store, lease, bareConfig(platform, [layer]), media_types/* MediaType */.zu.ociConfig);
                const manifest = {
                    schemaVersion: 2,
                    mediaType: media_types/* MediaType */.zu.ociManifest,
                    config,
                    layers: [{ mediaType: layer.mediaType, digest: layer.digest, size: layer.size }],
                };
                const written = await putJson(this.#store, lease, manifest, media_types/* MediaType */.zu.ociManifest);
                out.push({ id, descriptor: written });
                await (0,promises_.writeFile)(`${dir}.sig`, now);
                this.#logger.debug(`cache mount ${id}: kept as ${written.digest}`);
            }
            catch (err) {
                this.#logger.warn(`cache mount ${id}: not kept for the CI cache (${(0,errors/* errorMessage */.gJ)(err)})`);
            }
        }
        return out;
    }
}
async function chmodOwn(dir, request) {
    await (0,promises_.chmod)(dir, request.mode ?? 0o755);
    if ((request.uid ?? 0) !== 0 || (request.gid ?? 0) !== 0) {
        await (0,as_root/* chownTo */.$Q)(dir, request.uid ?? 0, request.gid ?? 0);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/build/claims.js
// What a build claims in the store (a lease, seen through the one method it uses), remembered so a failed build can give back what it made.
/** A lease that also remembers every claim made through it. */
class TrackedClaims {
    lease;
    claimed = new Set();
    constructor(lease) {
        this.lease = lease;
    }
    claim(claims) {
        const list = [...claims];
        for (const c of list)
            this.claimed.add(c);
        return this.lease.claim(list);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/build/context/pattern.js
// Glob patterns as Docker reads them: Go's filepath.Match for one path component, and moby/patternmatcher (with `**`) for paths.
/** A malformed pattern (an unclosed `[`, a range with no start, a trailing `\`), as Go's ErrBadPattern. */
class BadPatternError extends Error {
    name = 'BadPatternError';
}
function escapeRegExpChar(ch) {
    return `\\u{${ch.codePointAt(0).toString(16)}}`;
}
/** Reads a `[...]` class starting after the `[`; returns the regex class and where it ends. */
function scanClass(chars, start, pattern) {
    let i = start;
    let negated = false;
    if (chars[i] === '^') {
        negated = true;
        i++;
    }
    const parts = [];
    const bad = () => new BadPatternError(`syntax error in pattern ${JSON.stringify(pattern)}`);
    const readChar = () => {
        const ch = chars[i];
        if (ch === undefined || ch === '-' || ch === ']')
            throw bad();
        if (ch === '\\') {
            i++;
            const escaped = chars[i];
            if (escaped === undefined)
                throw bad();
            i++;
            return escaped;
        }
        i++;
        return ch;
    };
    for (;;) {
        if (chars[i] === ']' && parts.length > 0) {
            i++;
            break;
        }
        const lo = readChar();
        let part = escapeRegExpChar(lo);
        if (chars[i] === '-') {
            i++;
            const hi = readChar();
            if (hi.codePointAt(0) < lo.codePointAt(0))
                throw bad();
            part += `-${escapeRegExpChar(hi)}`;
        }
        parts.push(part);
    }
    return { source: `[${negated ? '^' : ''}${parts.join('')}]`, end: i };
}
/** Translates a glob; `docker` turns on patternmatcher's `**` (any number of path components). */
function scan(pattern, docker) {
    const chars = Array.from(pattern);
    let source = '';
    let wild = false;
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (ch === '*') {
            wild = true;
            if (docker && chars[i + 1] === '*') {
                i++;
                // `**/` is `**`; at the end it takes anything, elsewhere any run of whole components.
                if (chars[i + 1] === '/')
                    i++;
                source += i === chars.length - 1 ? '.*' : '(?:.*/)?';
            }
            else {
                source += '[^/]*';
            }
        }
        else if (ch === '?') {
            wild = true;
            source += '[^/]';
        }
        else if (ch === '[') {
            wild = true;
            const cls = scanClass(chars, i + 1, pattern);
            source += cls.source;
            i = cls.end - 1;
        }
        else if (ch === '\\') {
            const next = chars[i + 1];
            if (next === undefined)
                throw new BadPatternError(`syntax error in pattern ${JSON.stringify(pattern)}`);
            source += escapeRegExpChar(next);
            i++;
        }
        else {
            source += escapeRegExpChar(ch);
        }
    }
    return { source, wild };
}
/** Go's filepath.Match for a single name: `*` and `?` never cross `/`, `[a-z]` classes, `\` escapes. */
function compileMatch(pattern) {
    const { source } = scan(pattern, false);
    const re = new RegExp(`^${source}$`, 'u');
    return (name) => re.test(name);
}
/** True when `pattern` has wildcards (`*`, `?`, `[`); escaped ones do not count. */
function hasWildcards(pattern) {
    return scan(pattern, false).wild;
}
/** Throws BadPatternError for malformed patterns, as Docker does when it loads them. */
function checkPattern(pattern) {
    scan(pattern, true);
}
/**
 * A moby/patternmatcher pattern for a whole slash-separated path: filepath.Match rules plus
 * `**` for any number of components (`**\/x`, `a/**`, `a/**\/b`). A pattern that starts with `**`
 * and has no other wildcard matches by suffix, as patternmatcher does (`**.log` matches `a.log`
 * and `dir/x.log`).
 */
function compilePathPattern(pattern) {
    const { source } = scan(pattern, true);
    const rest = pattern.slice(2);
    if (pattern.startsWith('**') && !scan(rest, true).wild && !rest.includes('\\')) {
        return (path) => path.endsWith(rest) || (rest.startsWith('/') && path === rest.slice(1));
    }
    const re = new RegExp(`^${source}$`, 'u');
    return (path) => re.test(path);
}

;// CONCATENATED MODULE: ./.build/src/core/build/context/ignore.js
// `.dockerignore` (and `<Dockerfile>.dockerignore`): reading the file and matching context paths as Docker does.




/** Go's filepath.Clean on a slash path. */
function clean(path) {
    if (path === '')
        return '.';
    const normalized = external_node_path_.posix.normalize(path);
    return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}
/**
 * The patterns of a .dockerignore, as Docker's ignorefile.ReadAll gives them: `#` comment lines
 * (only at the start of the line), surrounding space trimmed, blank lines skipped, `!` kept in
 * front, each pattern cleaned (`./a/` → `a`) and made relative (`/a` → `a`).
 */
function parseIgnoreFile(text) {
    const patterns = [];
    const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
    for (const line of lines) {
        if (line.startsWith('#'))
            continue;
        let pattern = line.trim();
        if (pattern === '')
            continue;
        const exception = pattern.startsWith('!');
        if (exception)
            pattern = pattern.slice(1).trim();
        if (pattern !== '') {
            pattern = clean(pattern);
            if (pattern.length > 1 && pattern.startsWith('/'))
                pattern = pattern.slice(1);
        }
        patterns.push(exception ? `!${pattern}` : pattern);
    }
    return patterns;
}
/**
 * Docker's pattern matcher: patterns apply in order, a path is excluded when the last pattern that
 * matches it (or one of its parent directories) is not a `!` exception.
 */
class IgnoreMatcher {
    patterns;
    hasExceptions;
    constructor(lines) {
        this.patterns = [];
        for (const line of lines) {
            let text = line.trim();
            if (text === '')
                continue;
            const exception = text.startsWith('!');
            if (exception) {
                text = text.slice(1);
                if (text === '') {
                    throw new errors/* LighterError */.Kt('ERR_INPUT', 'illegal exclusion pattern: "!"');
                }
            }
            const pattern = clean(text);
            try {
                checkPattern(pattern);
            }
            catch (err) {
                if (err instanceof BadPatternError) {
                    throw new errors/* LighterError */.Kt('ERR_INPUT', `.dockerignore: ${err.message}`, { cause: err });
                }
                throw err;
            }
            const parts = pattern.split('/');
            this.patterns.push({
                pattern,
                exception,
                match: compilePathPattern(pattern),
                components: parts.map((part) => (part.includes('**') ? undefined : compileMatch(part))),
            });
        }
        this.hasExceptions = this.patterns.some((p) => p.exception);
    }
    /** No patterns: nothing is ignored. */
    get empty() {
        return this.patterns.length === 0;
    }
    /** True when `path` (slash-separated, relative to the context root) is excluded from the context. */
    ignores(path) {
        let matched = false;
        const parts = path.split('/');
        for (const pattern of this.patterns) {
            // Only a pattern that could change the answer is worth evaluating.
            if (pattern.exception !== matched)
                continue;
            let match = pattern.match(path);
            for (let i = 1; !match && i < parts.length; i++) {
                match = pattern.match(parts.slice(0, i).join('/'));
            }
            if (match)
                matched = !pattern.exception;
        }
        return matched;
    }
    /**
     * True when some `!` pattern could re-include a path below the ignored directory `dir`, so a
     * walk must look inside it. Errs on the side of looking.
     */
    mayIncludeBelow(dir) {
        if (!this.hasExceptions)
            return false;
        const parts = dir.split('/');
        return this.patterns.some((p) => {
            if (!p.exception)
                return false;
            for (let i = 0; i < parts.length; i++) {
                // The exception matches `dir` or an ancestor: everything below is re-included.
                if (i >= p.components.length)
                    return true;
                const component = p.components[i];
                if (component === undefined)
                    return true;
                if (!component(parts[i]))
                    return false;
            }
            return true;
        });
    }
}
/**
 * The ignore rules of a build: `<Dockerfile>.dockerignore` next to the Dockerfile when it exists
 * (`app.Dockerfile.dockerignore`), else `.dockerignore` at the context root, else none.
 */
async function readContextIgnore(contextDir, dockerfilePath) {
    const candidates = [
        ...(dockerfilePath === undefined ? [] : [`${dockerfilePath}.dockerignore`]),
        (0,external_node_path_.join)(contextDir, '.dockerignore'),
    ];
    for (const file of candidates) {
        let text;
        try {
            text = await (0,promises_.readFile)(file, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                continue;
            throw new errors/* LighterError */.Kt('ERR_INPUT', `reading ${file}: ${err.message}`, {
                cause: err,
            });
        }
        try {
            return { matcher: new IgnoreMatcher(parseIgnoreFile(text)), file };
        }
        catch (err) {
            if (err instanceof errors/* LighterError */.Kt) {
                throw new errors/* LighterError */.Kt(err.code, `${file}: ${err.message}`, {
                    cause: err,
                    details: { file },
                });
            }
            throw err;
        }
    }
    return { matcher: new IgnoreMatcher([]), file: undefined };
}

;// CONCATENATED MODULE: ./.build/src/core/build/context/sources.js
// COPY/ADD sources in the build context: wildcards, --parents, --exclude, symlinks kept inside the context.






// As Linux: more symlinks than this on one path is a loop.
const MAX_LINKS = 40;
/**
 * The files COPY/ADD reads from the context, in order: for each source, a file (or a symlink,
 * copied as such) or a directory and everything below it, honouring .dockerignore and
 * `--exclude`. Absolute sources are context-relative; a source that leaves the context (`../x`,
 * or through a symlink) is an error, and a source symlink pointing out of the context is copied
 * as a symlink, never followed. A missing literal source is an error; a wildcard matching
 * nothing is not (as in BuildKit). Streams: memory does not grow with the number of files.
 */
async function* resolveSources(contextDir, patterns, options = {}) {
    const ignore = options.ignore ?? new IgnoreMatcher([]);
    const exclude = options.exclude?.length ? new IgnoreMatcher(options.exclude) : undefined;
    for (let index = 0; index < patterns.length; index++) {
        const raw = patterns[index];
        if (options.parents) {
            yield* parentsSource(contextDir, raw, index, ignore, options);
        }
        else {
            yield* plainSource(contextDir, raw, index, ignore, exclude, options);
        }
    }
}
function fail(options, message) {
    const instruction = options.instruction ?? 'COPY';
    const text = `${instruction} failed: ${message}`;
    const position = options.position;
    if (!position)
        return new errors/* LighterError */.Kt('ERR_DOCKERFILE', text);
    return new errors/* LighterError */.Kt('ERR_DOCKERFILE', `${position.file}:${position.line}: ${text}`, {
        details: { file: position.file, line: position.line },
    });
}
/** `/a/./b/` → `a/b`; throws when the path climbs out of the context. */
function contextPath(raw, options) {
    const normalized = external_node_path_.posix.normalize(`/${raw}`);
    const relative = external_node_path_.posix.normalize(raw.replace(/^\/+/, '') || '.');
    if (relative === '..' || relative.startsWith('../')) {
        throw fail(options, `${raw} is outside the build context`);
    }
    const path = normalized.replace(/^\/+/, '').replace(/\/+$/, '');
    return path === '.' ? '' : path;
}
async function lstatOrUndefined(path) {
    try {
        return await (0,promises_.lstat)(path);
    }
    catch (err) {
        if (['ENOENT', 'ENOTDIR'].includes(err.code ?? ''))
            return undefined;
        throw err;
    }
}
/**
 * Resolves a context path component by component, following symlinks inside the context (the
 * last one only when `followLast`); an absolute link or one that climbs out is 'outside'.
 */
async function resolveInContext(contextDir, path, followLast) {
    const remaining = path === '' ? [] : path.split('/');
    let current = '';
    let links = 0;
    let st = await (0,promises_.stat)(contextDir);
    while (remaining.length > 0) {
        const part = remaining.shift();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (current === '')
                return { kind: 'outside' };
            current = external_node_path_.posix.dirname(current) === '.' ? '' : external_node_path_.posix.dirname(current);
            st = await (0,promises_.lstat)((0,external_node_path_.join)(contextDir, current || '.'));
            continue;
        }
        const next = current === '' ? part : `${current}/${part}`;
        const found = await lstatOrUndefined((0,external_node_path_.join)(contextDir, next));
        if (!found)
            return { kind: 'missing' };
        if (found.isSymbolicLink() && (remaining.length > 0 || followLast)) {
            if (++links > MAX_LINKS)
                return { kind: 'missing' };
            const target = await (0,promises_.readlink)((0,external_node_path_.join)(contextDir, next));
            if (target.startsWith('/'))
                return { kind: 'outside' };
            remaining.unshift(...target.split('/'));
            continue;
        }
        if (remaining.length > 0 && !found.isDirectory())
            return { kind: 'missing' };
        current = next;
        st = found;
    }
    return { kind: 'found', path: current, stat: st };
}
/** Resolves a source's final path: through symlinks that stay inside, else the symlink itself. */
async function resolveSourcePath(contextDir, path, raw, options) {
    const followed = await resolveInContext(contextDir, path, true);
    if (followed.kind === 'found')
        return followed;
    const unfollowed = await resolveInContext(contextDir, path, false);
    if (unfollowed.kind === 'outside')
        throw fail(options, `${raw} is outside the build context`);
    // A dangling or outward symlink is copied as the symlink it is.
    if (unfollowed.kind === 'found' && unfollowed.stat.isSymbolicLink())
        return unfollowed;
    return followed.kind === 'outside' ? unfollowed : followed;
}
/** Everything one matched path brings: the file, or the directory and what is below it. */
async function* expandMatch(contextDir, logicalPath, resolved, target, index, ignore, exclude) {
    const root = {
        path: resolved.path,
        absolutePath: (0,external_node_path_.join)(contextDir, resolved.path || '.'),
        target: resolved.stat.isDirectory() ? '' : target,
        stat: resolved.stat,
        source: index,
    };
    if (!resolved.stat.isDirectory()) {
        if (exclude?.ignores(external_node_path_.posix.basename(logicalPath)))
            return;
        yield root;
        return;
    }
    yield root;
    const start = resolved.path;
    for await (const entry of (0,walk/* walkContext */.p)(contextDir, ignore, { under: start, exclude })) {
        yield {
            path: entry.path,
            absolutePath: entry.absolutePath,
            target: start === '' ? entry.path : entry.path.slice(start.length + 1),
            stat: entry.stat,
            source: index,
        };
    }
}
/** True when `path` is in the context: not ignored, or a directory something re-included sits in. */
function inContext(ignore, path, st) {
    if (path === '' || !ignore.ignores(path))
        return true;
    return st.isDirectory() && ignore.mayIncludeBelow(path);
}
async function* plainSource(contextDir, raw, index, ignore, exclude, options) {
    const path = contextPath(raw, options);
    if (!hasWildcards(path)) {
        const resolved = await resolveSourcePath(contextDir, path, raw, options);
        if (resolved.kind !== 'found') {
            throw fail(options, `${JSON.stringify(raw)} not found in the build context`);
        }
        if (!inContext(ignore, path, resolved.stat) ||
            !inContext(ignore, resolved.path, resolved.stat)) {
            throw fail(options, `${JSON.stringify(raw)} is excluded from the build context by ${options.ignoreFile ?? '.dockerignore'}`);
        }
        yield* expandMatch(contextDir, path, resolved, external_node_path_.posix.basename(path), index, ignore, exclude);
        return;
    }
    // Literal leading components are looked up; the rest are matched name by name.
    const parts = path.split('/');
    const firstWild = parts.findIndex((p) => hasWildcards(p));
    const prefix = parts.slice(0, firstWild).join('/');
    const base = await resolveInContext(contextDir, prefix, true);
    if (base.kind === 'outside')
        throw fail(options, `${raw} is outside the build context`);
    if (base.kind !== 'found' || !base.stat.isDirectory())
        return;
    yield* matchComponents(contextDir, base.path, prefix, parts.slice(firstWild), raw, index, ignore, exclude, options);
}
async function* matchComponents(contextDir, dir, logicalDir, rest, raw, index, ignore, exclude, options) {
    const [component, ...deeper] = rest;
    if (component === undefined)
        return;
    const matches = hasWildcards(component)
        ? compileMatch(component)
        : (n) => n === unescapeGlob(component);
    let names;
    try {
        names = (await (0,promises_.readdir)((0,external_node_path_.join)(contextDir, dir || '.'))).sort(walk/* compareNames */.M);
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!matches(name))
            continue;
        const logical = logicalDir === '' ? name : `${logicalDir}/${name}`;
        const actual = dir === '' ? name : `${dir}/${name}`;
        const found = await lstatOrUndefined((0,external_node_path_.join)(contextDir, actual));
        if (!found || !inContext(ignore, actual, found))
            continue;
        const resolved = await resolveSourcePath(contextDir, actual, raw, options);
        if (resolved.kind !== 'found')
            continue;
        if (!inContext(ignore, resolved.path, resolved.stat))
            continue;
        if (deeper.length > 0) {
            if (resolved.stat.isDirectory()) {
                yield* matchComponents(contextDir, resolved.path, logical, deeper, raw, index, ignore, exclude, options);
            }
            continue;
        }
        yield* expandMatch(contextDir, logical, resolved, name, index, ignore, exclude);
    }
}
function unescapeGlob(component) {
    return component.replace(/\\(.)/gu, '$1');
}
/**
 * `COPY --parents a/**\/*.txt /dst/`: every match keeps its path from the context root, or from
 * the pivot `/./` marks (`x/./y/*.txt` keeps `y/…`). The pattern follows .dockerignore rules, so
 * `**` spans directories; directories on the way to a match are included. As in BuildKit, a
 * pattern matching nothing (even without wildcards) copies nothing.
 */
async function* parentsSource(contextDir, raw, index, ignore, options) {
    const cut = raw.indexOf('/./');
    const pivot = cut === -1 ? '' : contextPath(raw.slice(0, cut), options);
    const pattern = contextPath(cut === -1 ? raw : raw.slice(cut + 3), options);
    const resolvedPivot = await resolveInContext(contextDir, pivot, true);
    if (resolvedPivot.kind === 'outside')
        throw fail(options, `${raw} is outside the build context`);
    if (resolvedPivot.kind !== 'found' || !resolvedPivot.stat.isDirectory())
        return;
    const root = resolvedPivot.path;
    if (pattern === '') {
        yield* expandMatch(contextDir, root, resolvedPivot, '', index, ignore, undefined);
        return;
    }
    // Leave out everything, then take back what the pattern names, then apply --exclude.
    const filter = new IgnoreMatcher(['**', `!${pattern}`, ...(options.exclude ?? [])]);
    const entry = (path, st) => ({
        path,
        absolutePath: (0,external_node_path_.join)(contextDir, path),
        target: root === '' ? path : path.slice(root.length + 1),
        stat: st,
        source: index,
    });
    // Only the part below the pattern's literal directories needs walking; those directories are
    // the first parents of any match.
    const parts = pattern.split('/');
    const literal = parts.slice(0, -1);
    const firstWild = literal.findIndex((p) => hasWildcards(p));
    const fixed = (firstWild === -1 ? literal : literal.slice(0, firstWild)).map(unescape);
    const parents = [];
    let under = root;
    for (const name of fixed) {
        const path = under === '' ? name : `${under}/${name}`;
        const st = await lstatOrUndefined((0,external_node_path_.join)(contextDir, path));
        if (!st?.isDirectory() || !inContext(ignore, path, st))
            return;
        parents.push(entry(path, st));
        under = path;
    }
    for await (const found of (0,walk/* walkContext */.p)(contextDir, ignore, {
        under,
        exclude: filter,
        relativeTo: root,
    })) {
        yield* parents.splice(0);
        yield entry(found.path, found.stat);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/build/context/hash.js
// A content hash of COPY/ADD sources for the layer cache key: what lands in the layer, not when it was touched.





function typeOf(entry) {
    const st = entry.stat;
    if (st.isFile())
        return 'file';
    if (st.isDirectory())
        return 'dir';
    if (st.isSymbolicLink())
        return 'symlink';
    if (st.isFIFO())
        return 'fifo';
    if (st.isCharacterDevice())
        return 'char';
    if (st.isBlockDevice())
        return 'block';
    return 'socket';
}
// Files up to this size are read synchronously, into one scratch buffer: a stream per file
// costs more than the read, and a buffer per file is garbage that makes memory grow with the
// context. Bigger ones stream.
const SMALL_FILE = 4 * 1024 * 1024;
const scratch = Buffer.allocUnsafe(1024 * 1024);
function hashSmallFile(path, size) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        let left = size;
        while (left > 0) {
            const n = (0,external_node_fs_.readSync)(fd, scratch, 0, Math.min(scratch.length, left), null);
            if (n === 0)
                break;
            // The hash copies what it is given: the scratch buffer can be reused at once.
            hash.update(scratch.subarray(0, n));
            left -= n;
        }
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return hash.digest('hex');
}
async function fileDigest(path, size) {
    try {
        if (size <= SMALL_FILE)
            return hashSmallFile(path, size);
        const hash = (0,external_node_crypto_.createHash)('sha256');
        for await (const chunk of (0,external_node_fs_.createReadStream)(path, { highWaterMark: 1 << 20 })) {
            hash.update(chunk);
        }
        return hash.digest('hex');
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `hashing ${path}: ${err.message}`, {
            cause: err,
        });
    }
}
/** One record: everything about the entry that shows in the layer (mtime and inode left out). */
async function record(entry) {
    const st = entry.stat;
    const type = typeOf(entry);
    const fields = [
        type,
        entry.target,
        (st.mode & 0o7777).toString(8),
        String(st.uid),
        String(st.gid),
    ];
    if (type === 'file')
        fields.push(String(st.size), await fileDigest(entry.absolutePath, st.size));
    if (type === 'symlink')
        fields.push(await (0,promises_.readlink)(entry.absolutePath));
    if (type === 'char' || type === 'block')
        fields.push(String(st.rdev));
    // Lengths first, so no choice of names can make two different lists hash alike.
    return `${fields.map((f) => `${Buffer.byteLength(f)}:${f}`).join(',')};`;
}
/**
 * `sha256:…` over the entries in order: type, target path, permission bits, uid/gid, and the
 * bytes of files or the target of symlinks. Modification times are left out, so a fresh checkout
 * hashes as the last one did. Streams with a small window of files in flight.
 */
async function hashEntries(entries, options = {}) {
    const window = Math.max(1, options.concurrency ?? 16);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const inFlight = [];
    try {
        for await (const entry of entries) {
            inFlight.push(record(entry));
            if (inFlight.length >= window)
                hash.update(await inFlight.shift());
        }
        while (inFlight.length > 0)
            hash.update(await inFlight.shift());
    }
    finally {
        // Settle what is left so no rejection goes unhandled after an early error.
        await Promise.allSettled(inFlight);
    }
    return `sha256:${hash.digest('hex')}`;
}
/** The hash of what `resolveSources(contextDir, patterns, options)` yields. */
async function hashSources(contextDir, patterns, options = {}) {
    return hashEntries(resolveSources(contextDir, patterns, options), options);
}

;// CONCATENATED MODULE: ./.build/src/core/build/chmod.js
// `COPY --chmod`: octal (`755`) or chmod(1) symbolic modes (`u=rwX,go=rX`, `+x`) applied to a copied file's mode.

/** The mode `spec` gives a file or directory whose mode was `mode` (permission bits only). */
function applyChmod(spec, mode, isDirectory) {
    if (/^[0-7]{1,4}$/.test(spec))
        return Number.parseInt(spec, 8);
    let result = mode & 0o7777;
    for (const clause of spec.split(',')) {
        const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
        if (!m)
            throw new errors/* LighterError */.Kt('ERR_BUILD', `invalid chmod parameter: ${JSON.stringify(spec)}`);
        const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
        const defaultWho = m[1] === '';
        for (const op of m[2].matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) {
            const [, operator, perms] = op;
            let bits = 0;
            if (/^[ugo]$/.test(perms)) {
                // Copy another class's bits (`g=u`).
                const shift = { u: 6, g: 3, o: 0 }[perms];
                const value = (result >> shift) & 7;
                for (const c of who)
                    bits |= value << { u: 6, g: 3, o: 0 }[c];
            }
            else {
                for (const c of who) {
                    const shift = { u: 6, g: 3, o: 0 }[c];
                    if (perms.includes('r'))
                        bits |= 4 << shift;
                    if (perms.includes('w'))
                        bits |= 2 << shift;
                    const x = perms.includes('x') || (perms.includes('X') && (isDirectory || (mode & 0o111) !== 0));
                    if (x)
                        bits |= 1 << shift;
                    if (perms.includes('s') && c === 'u')
                        bits |= 0o4000;
                    if (perms.includes('s') && c === 'g')
                        bits |= 0o2000;
                }
                if (perms.includes('t'))
                    bits |= 0o1000;
            }
            // Without a class, chmod(1) leaves out what the umask masks; here the umask is 022, as in builds.
            if (defaultWho && operator !== '-')
                bits &= ~0o022;
            if (operator === '+')
                result |= bits;
            else if (operator === '-')
                result &= ~bits;
            else {
                let clear = 0;
                for (const c of who)
                    clear |= 7 << { u: 6, g: 3, o: 0 }[c];
                result = (result & ~clear) | bits;
            }
        }
    }
    return result;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./.build/src/core/build/fetch-url.js
// ADD of an http(s) URL: the file downloaded once into a temp dir, hashed on the way, checked against --checksum.






/** The name BuildKit gives a downloaded file: the last component of the URL's path. */
function urlFileName(url) {
    let path = '';
    try {
        path = new URL(url).pathname;
    }
    catch {
        path = '';
    }
    const base = external_node_path_.posix.basename(decodeURIComponent(path));
    return base === '' || base === '/' ? '__unnamed__' : base;
}
/**
 * Downloads `url` into `dir`. With `checksum` (`sha256:…`), a different download fails with
 * ERR_BUILD before anything is used.
 */
async function downloadUrl(url, dir, index, checksum) {
    let response;
    try {
        response = await fetch(url, { redirect: 'follow' });
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_NETWORK', `downloading ${url}: ${(0,errors/* errorMessage */.gJ)(err)}`, {
            cause: err,
        });
    }
    if (!response.ok || !response.body) {
        throw new errors/* LighterError */.Kt('ERR_BUILD', `downloading ${url}: the server answered ${response.status} ${response.statusText}`);
    }
    const path = (0,external_node_path_.join)(dir, `download-${index}`);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    const tap = new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            size += chunk.length;
            done(null, chunk);
        },
    });
    try {
        await (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.fromWeb(response.body), tap, (0,external_node_fs_.createWriteStream)(path, { mode: 0o600 }));
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_NETWORK', `downloading ${url}: ${(0,errors/* errorMessage */.gJ)(err)}`, {
            cause: err,
        });
    }
    const digest = `sha256:${hash.digest('hex')}`;
    if (checksum !== undefined && checksum !== digest) {
        throw new errors/* LighterError */.Kt('ERR_BUILD', `${url}: checksum mismatch: expected ${checksum}, downloaded ${digest}`, { details: { expected: checksum, actual: digest } });
    }
    const lastModified = response.headers.get('last-modified');
    const parsed = lastModified ? Date.parse(lastModified) : Number.NaN;
    return {
        url,
        path,
        size,
        digest,
        name: urlFileName(url),
        mtime: Number.isNaN(parsed) ? undefined : Math.floor(parsed / 1000),
    };
}

;// CONCATENATED MODULE: ./.build/src/core/build/owner.js
// `--chown` and the WORKDIR owner: user and group names resolved in the image being built, as BuildKit does.

async function readTable(view, path, gidField) {
    const bytes = await view.readFile(path);
    if (!bytes)
        return [];
    const entries = [];
    for (const line of bytes.toString('utf8').split('\n')) {
        if (line.trim() === '' || line.startsWith('#'))
            continue;
        const fields = line.split(':');
        const id = Number(fields[2]);
        if (!fields[0] || !Number.isInteger(id))
            continue;
        entries.push({ name: fields[0], id, gid: gidField ? Number(fields[3]) : id });
    }
    return entries;
}
const NUMERIC = /^\d+$/;
/**
 * `user[:group]` as COPY --chown takes it: a name is looked up in the image's /etc/passwd
 * (its primary group comes along), a number is used as is and, without a group, is also the
 * group (Docker's documented rule). Throws ERR_BUILD naming what could not be found.
 */
async function resolveOwner(spec, view) {
    const colon = spec.indexOf(':');
    const user = colon === -1 ? spec : spec.slice(0, colon);
    const group = colon === -1 ? undefined : spec.slice(colon + 1);
    if (user === '')
        throw new errors/* LighterError */.Kt('ERR_BUILD', `invalid owner "${spec}": no user`);
    let uid;
    let gid;
    if (NUMERIC.test(user)) {
        uid = Number(user);
        gid = uid;
    }
    else {
        const found = (await readTable(view, '/etc/passwd', true)).find((e) => e.name === user);
        if (!found) {
            throw new errors/* LighterError */.Kt('ERR_BUILD', `unable to find user ${user}: no matching entries in the image's /etc/passwd`);
        }
        uid = found.id;
        gid = found.gid;
    }
    if (group !== undefined && group !== '') {
        if (NUMERIC.test(group))
            gid = Number(group);
        else {
            const found = (await readTable(view, '/etc/group', false)).find((e) => e.name === group);
            if (!found) {
                throw new errors/* LighterError */.Kt('ERR_BUILD', `unable to find group ${group}: no matching entries in the image's /etc/group`);
            }
            gid = found.id;
        }
    }
    return { uid, gid };
}
/**
 * The owner of a directory WORKDIR creates: the stage's USER, resolved in the image; a USER
 * the image does not know (common before `useradd` runs) leaves it to root, as buildah does.
 */
async function userOwner(user, view) {
    if (user === '')
        return { uid: 0, gid: 0 };
    try {
        return await resolveOwner(user, view);
    }
    catch {
        return { uid: 0, gid: 0 };
    }
}

;// CONCATENATED MODULE: ./.build/src/core/build/view-sources.js
// COPY --from sources: the files a pattern names in another stage or image, read from its merged layer view.




function view_sources_fail(options, message) {
    return new errors/* LighterError */.Kt('ERR_BUILD', `${options.where}: ${options.instruction} failed: ${message} (in ${options.fromName})`);
}
function view_sources_clean(raw) {
    const normalized = external_node_path_.posix.normalize(`/${raw}`).replace(/^\/+/, '').replace(/\/+$/, '');
    return normalized === '.' ? '' : normalized;
}
/**
 * The entries COPY --from reads, in order: for each pattern, a file (symlinks in the path
 * followed inside the view) or a directory and everything below it. A missing literal source
 * fails; a wildcard matching nothing copies nothing, as in BuildKit.
 */
async function* resolveViewSources(view, patterns, options) {
    const exclude = options.exclude?.length ? new IgnoreMatcher(options.exclude) : undefined;
    for (let index = 0; index < patterns.length; index++) {
        const raw = patterns[index];
        if (options.parents) {
            yield* view_sources_parentsSource(view, raw, index, options);
            continue;
        }
        const path = view_sources_clean(raw);
        if (!hasWildcards(path)) {
            const { path: resolved, entry } = await view.resolve(path, true);
            if (!entry)
                throw view_sources_fail(options, `${JSON.stringify(raw)} not found`);
            yield* expand(view, resolved, entry.hostPath, entry.stats, external_node_path_.posix.basename(path), index, exclude);
            continue;
        }
        yield* view_sources_matchComponents(view, '', path.split('/'), index, exclude);
    }
}
async function* expand(view, path, hostPath, stats, name, index, exclude) {
    if (!stats.isDirectory()) {
        if (exclude?.ignores(name))
            return;
        yield { target: name, hostPath, stats, source: index };
        return;
    }
    yield { target: '', hostPath, stats, source: index };
    const prefix = path === '' ? 0 : path.length + 1;
    // Excluded directories are skipped whole unless a `!` rule may take something back below them.
    const skipped = [];
    for await (const entry of view.walk(path)) {
        const relative = entry.path.slice(prefix);
        if (skipped.some((s) => relative.startsWith(`${s}/`)))
            continue;
        if (exclude?.ignores(relative)) {
            if (entry.stats.isDirectory() && !exclude.mayIncludeBelow(relative))
                skipped.push(relative);
            continue;
        }
        yield { target: relative, hostPath: entry.hostPath, stats: entry.stats, source: index };
    }
}
async function* view_sources_matchComponents(view, dir, rest, index, exclude) {
    const [component, ...deeper] = rest;
    if (component === undefined)
        return;
    const { path: resolvedDir, entry: dirEntry } = await view.resolve(dir, true);
    if (dir !== '' && !dirEntry?.stats.isDirectory())
        return;
    const matches = hasWildcards(component)
        ? compileMatch(component)
        : (n) => n === component.replace(/\\(.)/gu, '$1');
    for (const entry of await view.readdir(resolvedDir)) {
        const name = external_node_path_.posix.basename(entry.path);
        if (!matches(name))
            continue;
        if (deeper.length > 0) {
            yield* view_sources_matchComponents(view, entry.path, deeper, index, exclude);
            continue;
        }
        const { path, entry: target } = await view.resolve(entry.path, true);
        if (!target)
            continue;
        yield* expand(view, path, target.hostPath, target.stats, name, index, exclude);
    }
}
/** `--parents`: every match keeps its path from the root, or from the `/./` pivot. */
async function* view_sources_parentsSource(view, raw, index, options) {
    const cut = raw.indexOf('/./');
    const pivot = cut === -1 ? '' : view_sources_clean(raw.slice(0, cut));
    const pattern = view_sources_clean(cut === -1 ? raw : raw.slice(cut + 3));
    const { path: root, entry } = await view.resolve(pivot, true);
    if (pivot !== '' && !entry?.stats.isDirectory())
        return;
    const filter = new IgnoreMatcher(['**', `!${pattern}`, ...(options.exclude ?? [])]);
    const prefix = root === '' ? 0 : root.length + 1;
    const pending = [];
    for await (const found of view.walk(root)) {
        const relative = found.path.slice(prefix);
        const item = { target: relative, hostPath: found.hostPath, stats: found.stats, source: index };
        if (filter.ignores(relative)) {
            // A directory on the way to a match comes along when something below it matches.
            if (found.stats.isDirectory()) {
                while (pending.length > 0 &&
                    !relative.startsWith(`${pending[pending.length - 1].target}/`)) {
                    pending.pop();
                }
                pending.push(item);
            }
            continue;
        }
        const parents = pending.filter((p) => relative.startsWith(`${p.target}/`));
        pending.length = 0;
        yield* parents;
        yield item;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/build/copy-step.js
// COPY and ADD as layer tars written straight from their sources: no runtime, no root, no overlay.
//
// The destination is resolved against the image being built (an existing directory takes
// files, symlinks on the way are followed inside the image), its parent directories go in the
// layer with the attributes they have, and new ones are made 0755 for the --chown owner, as
// BuildKit does.










function isUrl(src) {
    return /^https?:\/\//i.test(src);
}
function failure(ctx, message) {
    return new errors/* LighterError */.Kt('ERR_BUILD', `${ctx.where}: ${ctx.instruction.kind} failed: ${message}`, {
        details: { file: ctx.position.file, line: ctx.position.line },
    });
}
/**
 * Checks the sources, downloads URLs and hashes everything that goes in the layer, so the
 * cache can be asked before anything is written.
 */
async function prepareCopy(ctx) {
    const instruction = ctx.instruction;
    const urls = instruction.sources.filter(isUrl);
    const local = instruction.sources.filter((s) => !isUrl(s));
    if (instruction.kind === 'ADD' && urls.length > 0 && instruction.from.kind !== 'context') {
        throw failure(ctx, 'URLs cannot be combined with --from');
    }
    for (const source of instruction.sources) {
        if (/^git@|^git:\/\/|^ssh:\/\//.test(source) ||
            (isUrl(source) && /\.git(#.*)?$/.test(source))) {
            throw failure(ctx, `git sources (${source}) are not supported; clone in a RUN step instead`);
        }
    }
    const checksum = instruction.kind === 'ADD' ? instruction.checksum : undefined;
    const downloads = new Map();
    const download = (url, i) => {
        let pending = downloads.get(url);
        if (!pending) {
            pending = downloadUrl(url, ctx.tempDir, i, checksum);
            downloads.set(url, pending);
        }
        return pending;
    };
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const part = (label, value) => hash.update(`${label}=${value.length}:${value};`);
    if (ctx.from) {
        part('from', ctx.from.identity);
        part('sources', JSON.stringify(local));
    }
    else if (local.length > 0) {
        part('context', await hashSources(ctx.contextDir, local, {
            ignore: ctx.ignore,
            ...(ctx.ignoreFile ? { ignoreFile: ctx.ignoreFile } : {}),
            exclude: instruction.exclude,
            parents: instruction.kind === 'COPY' && instruction.parents,
            instruction: instruction.kind,
            position: ctx.position,
        }));
    }
    for (const [i, url] of urls.entries()) {
        // With a checksum the content is known without fetching it: a cache hit downloads nothing.
        part('url', `${url} ${checksum ?? (await download(url, i)).digest}`);
    }
    for (const inline of instruction.inlineSources)
        part('inline', `${inline.name}\n${inline.content}`);
    const sourcesHash = `sha256:${hash.digest('hex')}`;
    // buildah's history says `file:` for one file and `dir:` for anything else.
    let what = 'dir';
    if (instruction.sources.length + instruction.inlineSources.length === 1) {
        if (urls.length === 1 || instruction.inlineSources.length === 1)
            what = 'file';
        else if (!ctx.from && local.length === 1) {
            const st = await (0,promises_.stat)((0,external_node_path_.join)(ctx.contextDir, local[0])).catch(() => undefined);
            if (st?.isFile())
                what = 'file';
        }
    }
    return {
        sourcesHash,
        summary: `${what}:${sourcesHash.slice('sha256:'.length)} in ${instruction.destPath}`,
        items: () => copyItems(ctx, urls, download),
    };
}
function viewOptions(ctx) {
    const instruction = ctx.instruction;
    return {
        exclude: instruction.exclude,
        parents: instruction.kind === 'COPY' && instruction.parents,
        instruction: instruction.kind,
        where: ctx.where,
        fromName: ctx.from?.name ?? '',
    };
}
async function* sourceEntries(ctx, urls, download) {
    const instruction = ctx.instruction;
    const local = instruction.sources.filter((s) => !isUrl(s));
    if (ctx.from) {
        let root;
        const view = await ctx.from.view();
        // A view that reads as root (layers handled so through sudo) reads the files' bytes too.
        const fs = view.fs.stream ? { fs: view.fs } : {};
        for await (const e of resolveViewSources(view, local, viewOptions(ctx))) {
            if (e.target === '')
                root = e.hostPath;
            const inside = root !== undefined && e.target !== '' && e.hostPath.startsWith(`${root}/`);
            yield { ...e, ...fs, fromContext: false, topLevel: e.target !== '' && !inside };
        }
    }
    else if (local.length > 0) {
        let root;
        for await (const e of resolveSources(ctx.contextDir, local, {
            ignore: ctx.ignore,
            ...(ctx.ignoreFile ? { ignoreFile: ctx.ignoreFile } : {}),
            exclude: instruction.exclude,
            parents: instruction.kind === 'COPY' && instruction.parents,
            instruction: instruction.kind,
            position: ctx.position,
        })) {
            if (e.target === '')
                root = e.path;
            const inside = root !== undefined && e.target !== '' && (root === '' || e.path.startsWith(`${root}/`));
            const parents = instruction.kind === 'COPY' && instruction.parents;
            yield {
                target: e.target,
                hostPath: e.absolutePath,
                stats: e.stat,
                source: e.source,
                fromContext: true,
                topLevel: !parents && e.target !== '' && !inside,
            };
        }
    }
    for (const [i, url] of urls.entries()) {
        const file = await download(url, i);
        const stats = fakeStats(0o100600, file.size, file.mtime ?? ctx.now);
        yield {
            target: file.name,
            hostPath: file.path,
            stats,
            source: local.length + i,
            fromContext: true,
            // Remote archives are never unpacked.
            topLevel: false,
        };
    }
    for (const [i, inline] of instruction.inlineSources.entries()) {
        const data = Buffer.from(inline.content, 'utf8');
        yield {
            target: inline.name,
            hostPath: '',
            stats: fakeStats(0o100644, data.length, ctx.now),
            source: instruction.sources.length + i,
            fromContext: true,
            topLevel: false,
            data,
        };
    }
}
/** Just enough of a Stats for a file that exists only in memory or was downloaded. */
function fakeStats(mode, size, mtime) {
    return {
        mode,
        size,
        uid: 0,
        gid: 0,
        mtimeMs: mtime * 1000,
        isFile: () => true,
        isDirectory: () => false,
        isSymbolicLink: () => false,
        isFIFO: () => false,
        isCharacterDevice: () => false,
        isBlockDevice: () => false,
        isSocket: () => false,
    };
}
function clamp(seconds, epoch) {
    const whole = Math.floor(seconds);
    return epoch !== undefined && whole > epoch ? epoch : whole;
}
async function* copyItems(ctx, urls, download) {
    const instruction = ctx.instruction;
    const link = instruction.link;
    const parent = await ctx.parent();
    const owner = instruction.chown === undefined || instruction.chown === ''
        ? undefined
        : await resolveOwner(instruction.chown, parent).catch((err) => {
            throw failure(ctx, err.message);
        });
    const chmod = instruction.chmod;
    const epoch = ctx.sourceDateEpoch;
    const now = clamp(ctx.now, epoch);
    const entries = sourceEntries(ctx, urls, download);
    const first = await entries.next();
    const sourceCount = instruction.sources.length + instruction.inlineSources.length;
    const unpack = instruction.kind === 'ADD' && instruction.unpack !== false;
    // Only ADD reads archives: COPY never loads the tar reader.
    const archives = unpack ? await __webpack_require__.e(/* import() */ 370).then(__webpack_require__.bind(__webpack_require__, 370)) : undefined;
    const firstArchive = !first.done && archives && first.value.topLevel && first.value.stats.isFile()
        ? await archives.archiveKind(first.value.hostPath).catch(() => undefined)
        : undefined;
    // Where things land: a directory, or (one file source, no trailing slash) a file path.
    let destPath = instruction.destPath;
    let destIsDir = destPath.endsWith('/') ||
        sourceCount > 1 ||
        (!first.done && first.value.target === '') ||
        firstArchive !== undefined;
    if (!destIsDir && !link) {
        const existing = await parent.resolve(destPath, true);
        if (existing.entry?.stats.isDirectory())
            destIsDir = true;
    }
    destPath = destPath.replace(/\/+$/, '') || '/';
    const destDirRaw = destIsDir ? destPath : external_node_path_.posix.dirname(destPath);
    const fileName = destIsDir ? undefined : external_node_path_.posix.basename(destPath);
    // The destination directory, with symlinks on the way followed inside the image.
    let destDir = destDirRaw.replace(/^\/+/, '');
    if (!link && destDir !== '') {
        const resolved = await parent.resolve(destDir, true);
        destDir = resolved.path;
        if (resolved.entry && !resolved.entry.stats.isDirectory()) {
            throw failure(ctx, `cannot copy to non-directory: /${destDir}`);
        }
    }
    // Parent directories, then the destination directory itself.
    const parts = destDir === '' ? [] : destDir.split('/');
    for (let i = 0; i < parts.length; i++) {
        const path = parts.slice(0, i + 1).join('/');
        const existing = link ? undefined : await parent.lstat(path);
        const isDest = i === parts.length - 1;
        if (existing?.stats.isDirectory()) {
            yield {
                header: {
                    name: path,
                    type: 'directory',
                    mode: existing.stats.mode & 0o7777,
                    uid: existing.stats.uid,
                    gid: existing.stats.gid,
                    size: 0,
                    mtime: clamp(existing.stats.mtimeMs / 1000, epoch),
                },
            };
            continue;
        }
        if (existing)
            throw failure(ctx, `cannot copy to non-directory: /${path}`);
        // A directory source copied to a destination named without a trailing slash makes it with
        // its own mode and time (BuildKit copies the directory); with the slash, the destination is
        // made first, 0755, like its parents.
        const fromDir = isDest && !first.done && first.value.target === '' && !instruction.destPath.endsWith('/')
            ? first.value
            : undefined;
        yield {
            header: {
                name: path,
                type: 'directory',
                mode: fromDir
                    ? chmod
                        ? applyChmod(chmod, fromDir.stats.mode, true)
                        : fromDir.stats.mode & 0o7777
                    : 0o755,
                uid: owner?.uid ?? (fromDir && !fromDir.fromContext ? fromDir.stats.uid : 0),
                gid: owner?.gid ?? (fromDir && !fromDir.fromContext ? fromDir.stats.gid : 0),
                size: 0,
                mtime: fromDir ? clamp(fromDir.stats.mtimeMs / 1000, epoch) : now,
            },
        };
    }
    const under = (target) => (destDir === '' ? target : `${destDir}/${target}`);
    const emit = async function* (entry) {
        if (entry.target === '')
            return; // the destination directory, handled above
        const st = entry.stats;
        const archive = archives && entry.topLevel && st.isFile()
            ? entry === first.value
                ? firstArchive
                : await archives.archiveKind(entry.hostPath).catch(() => undefined)
            : undefined;
        if (archive) {
            yield* archiveItems(ctx, entry.hostPath, archive, destDir, epoch);
            return;
        }
        const name = under(fileName ?? entry.target);
        const header = headerFor(name, st, entry, owner, chmod, epoch);
        if (!header)
            return;
        const fs = entry.fs;
        if (header.type === 'symlink') {
            header.linkname = await (fs ? fs.readlink(entry.hostPath) : (0,promises_.readlink)(entry.hostPath));
        }
        yield {
            header,
            ...(header.type === 'file' ? { source: fileSource(entry) } : {}),
        };
    };
    if (!first.done)
        yield* emit(first.value);
    for await (const entry of entries)
        yield* emit(entry);
}
function headerFor(name, st, entry, owner, chmod, epoch) {
    let type;
    if (st.isFile())
        type = 'file';
    else if (st.isDirectory())
        type = 'directory';
    else if (st.isSymbolicLink())
        type = 'symlink';
    else if (st.isFIFO())
        type = 'fifo';
    else if (st.isCharacterDevice() && !entry.fromContext)
        type = 'character-device';
    else if (st.isBlockDevice() && !entry.fromContext)
        type = 'block-device';
    else
        return undefined;
    const mode = chmod && type !== 'symlink'
        ? applyChmod(chmod, st.mode, type === 'directory')
        : st.mode & 0o7777;
    const header = {
        name,
        type,
        mode,
        uid: owner?.uid ?? (entry.fromContext ? 0 : st.uid),
        gid: owner?.gid ?? (entry.fromContext ? 0 : st.gid),
        size: type === 'file' ? st.size : 0,
        mtime: clamp(st.mtimeMs / 1000, epoch),
    };
    if (type === 'character-device' || type === 'block-device') {
        header.devmajor = Number((BigInt(st.rdev) >> 8n) & 0xfffn);
        header.devminor = Number((BigInt(st.rdev) & 0xffn) | ((BigInt(st.rdev) >> 12n) & 0xffffff00n));
    }
    return header;
}
/** An archive's entries moved below the destination directory; names that climb out are refused. */
async function* archiveItems(ctx, path, kind, destDir, epoch) {
    const under = (name) => {
        const cleaned = external_node_path_.posix.normalize(`/${name}`).replace(/^\/+/, '').replace(/\/+$/, '');
        if (cleaned === '' || cleaned === '.')
            return undefined;
        return destDir === '' ? cleaned : `${destDir}/${cleaned}`;
    };
    const { archiveEntries } = await __webpack_require__.e(/* import() */ 370).then(__webpack_require__.bind(__webpack_require__, 370));
    for await (const e of archiveEntries(path, kind)) {
        const climbs = external_node_path_.posix.normalize(e.name).split('/').includes('..');
        if (climbs)
            throw failure(ctx, `${external_node_path_.posix.basename(path)}: entry ${e.name} leaves the destination`);
        const name = under(e.name);
        if (name === undefined) {
            // The archive's own root (`./`) sets the destination directory's attributes, as tar -x does.
            if (e.type === 'directory' && destDir !== '') {
                yield {
                    header: {
                        name: destDir,
                        type: 'directory',
                        mode: e.mode,
                        uid: e.uid,
                        gid: e.gid,
                        size: 0,
                        mtime: clamp(e.mtime, epoch),
                    },
                };
            }
            continue;
        }
        const base = {
            name,
            mode: e.mode,
            uid: e.uid,
            gid: e.gid,
            size: 0,
            mtime: clamp(e.mtime, epoch),
        };
        switch (e.type) {
            case 'file':
            case 'contiguous-file': {
                const data = e.data;
                yield {
                    header: { ...base, type: 'file', size: e.size, xattrs: e.xattrs },
                    source: { stream: () => data },
                };
                break;
            }
            case 'directory':
                yield { header: { ...base, type: 'directory', xattrs: e.xattrs } };
                break;
            case 'symlink':
                yield { header: { ...base, type: 'symlink', linkname: e.linkname } };
                break;
            case 'link': {
                const target = under(e.linkname);
                if (target !== undefined)
                    yield { header: { ...base, type: 'link', linkname: target } };
                break;
            }
            case 'fifo':
                yield { header: { ...base, type: 'fifo' } };
                break;
            case 'character-device':
            case 'block-device':
                yield {
                    header: { ...base, type: e.type, devmajor: e.devmajor, devminor: e.devminor },
                };
                break;
            default:
                break;
        }
    }
}

/** Where a COPY entry's bytes come from: held in memory, read through its view, or by path. */
function fileSource(entry) {
    if (entry.data !== undefined)
        return { data: entry.data };
    const stream = entry.fs?.stream?.bind(entry.fs);
    if (stream)
        return { stream: () => stream(entry.hostPath) };
    return { path: entry.hostPath };
}

;// CONCATENATED MODULE: ./.build/src/core/build/describe.js
// How a planned instruction is shown: the step line of the log (after expansion) and the image history's created_by, as buildah writes it.
function flags(values) {
    const out = [];
    for (const [key, value] of Object.entries(values)) {
        if (value === undefined || value === false)
            continue;
        out.push(value === true ? `--${key}` : `--${key}=${value}`);
    }
    return out.length > 0 ? `${out.join(' ')} ` : '';
}
function pairs(list) {
    return list
        .map((p) => `${p.key}=${/[\s"]/.test(p.value) || p.value === '' ? JSON.stringify(p.value) : p.value}`)
        .join(' ');
}
/** The instruction with variables expanded (RUN as written: its shell expands it). */
function describeInstruction(ins) {
    switch (ins.kind) {
        case 'ENV':
        case 'LABEL':
            return `${ins.kind} ${pairs(ins.pairs)}`;
        case 'ARG':
            return `ARG ${ins.args.map((a) => (a.value === undefined ? a.key : `${a.key}=${a.value}`)).join(' ')}`;
        case 'RUN': {
            const mounts = ins.mounts.map((m) => `--mount=type=${m.type}${m.targetPath ? `,target=${m.targetPath}` : ''}`);
            const head = [...mounts, ...(ins.network !== 'default' ? [`--network=${ins.network}`] : [])];
            const body = ins.prependShell ? ins.command.join(' ') : JSON.stringify(ins.command);
            return `RUN ${head.length > 0 ? `${head.join(' ')} ` : ''}${body}`;
        }
        case 'COPY':
        case 'ADD': {
            const from = ins.from.kind === 'stage'
                ? String(ins.from.index)
                : ins.from.kind === 'image'
                    ? ins.from.name
                    : undefined;
            const f = flags({
                from,
                chown: ins.chown,
                chmod: ins.chmod,
                link: ins.link,
                ...(ins.kind === 'COPY' ? { parents: ins.parents } : { checksum: ins.checksum }),
            });
            const excludes = ins.exclude.map((e) => `--exclude=${e} `).join('');
            const sources = [...ins.sources, ...ins.inlineSources.map((s) => `<<${s.name}`)];
            return `${ins.kind} ${f}${excludes}${sources.join(' ')} ${ins.dest}`;
        }
        case 'WORKDIR':
            return `WORKDIR ${ins.resolved}`;
        case 'USER':
            return `USER ${ins.user}`;
        case 'VOLUME':
            return `VOLUME ${JSON.stringify(ins.volumes)}`;
        case 'EXPOSE':
            return `EXPOSE ${ins.ports.join(' ')}`;
        case 'STOPSIGNAL':
            return `STOPSIGNAL ${ins.signal}`;
        case 'CMD':
        case 'ENTRYPOINT':
            return `${ins.kind} ${JSON.stringify(ins.argv ?? [])}`;
        case 'SHELL':
            return `SHELL ${JSON.stringify(ins.shell)}`;
        default:
            return ins.original.replace(/\s*\\\n\s*/g, ' ');
    }
}
/**
 * The history entry's created_by, in buildah's form: a RUN is its command line (with the build
 * args it used in front, `|2 A=1 B=2 /bin/sh -c make`), everything else `/bin/sh -c #(nop) …`.
 */
function createdBy(ins, copySummary) {
    if (ins.kind === 'RUN') {
        const args = ins.buildArgs;
        const prefix = args.length > 0 ? `|${args.length} ${args.map((a) => `${a.key}=${a.value}`).join(' ')} ` : '';
        return `${prefix}${ins.argv.join(' ')}`;
    }
    if ((ins.kind === 'COPY' || ins.kind === 'ADD') && copySummary) {
        return `/bin/sh -c #(nop) ${ins.kind} ${copySummary}`;
    }
    return `/bin/sh -c #(nop) ${describeInstruction(ins)}`;
}

;// CONCATENATED MODULE: ./.build/src/core/build/discard.js
// After a failed build: the blobs and layer dirs it made go again, unless an image refers to them or another live process claims them.




/**
 * Removes what `claimed` names that nothing else needs. Call after releasing the build's own
 * lease; the decision and the removals happen under the store lock, as garbage collection's do.
 */
async function discardUnreferenced(store, claimed) {
    const wanted = [...claimed];
    let removed = 0;
    await store.writer.withLock(async () => {
        const keep = await store.referenced();
        const live = await (0,storage_lease/* liveClaims */.AK)(store.dir);
        for (const claim of wanted) {
            if (live.has(claim))
                continue;
            if (claim.startsWith('layer:')) {
                const hex = claim.slice('layer:'.length);
                if (keep.layers.has(hex) || !/^[a-f0-9]{64}$/.test(hex))
                    continue;
                await (0,remove_tree/* removeTree */.d)((0,external_node_path_.join)(store.layersDir, hex));
                removed++;
            }
            else {
                if (keep.blobs.has(claim))
                    continue;
                await (0,promises_.rm)(store.writer.blobFile(claim), { force: true });
                removed++;
            }
        }
    });
    return removed;
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/error.js
// Dockerfile errors that name the file and line, so the build action can annotate that line.

/**
 * ERR_DOCKERFILE with the message `Dockerfile:12: …` and `details: { file, line, column? }`,
 * the shape the action turns into an annotation on that line.
 */
function dockerfileError(position, message, options = {}) {
    const details = {
        ...options.details,
        file: position.file,
        line: position.line,
    };
    if (position.endLine !== undefined && position.endLine !== position.line) {
        details.endLine = position.endLine;
    }
    if (position.column !== undefined)
        details.column = position.column;
    return new errors/* LighterError */.Kt('ERR_DOCKERFILE', `${position.file}:${position.line}: ${message}`, {
        cause: options.cause,
        details,
    });
}
/**
 * Problems found by code that does not know the position (the word lexer, flag parsers):
 * the caller adds the position with `atPosition`.
 */
class DockerfileSyntaxError extends errors/* LighterError */.Kt {
    name = 'DockerfileSyntaxError';
    constructor(message, details) {
        super('ERR_DOCKERFILE', message, details === undefined ? {} : { details });
    }
}
/** Runs `fn`, turning a DockerfileSyntaxError into a positioned ERR_DOCKERFILE. */
function atPosition(position, fn) {
    try {
        return fn();
    }
    catch (err) {
        if (err instanceof DockerfileSyntaxError) {
            throw dockerfileError(position, err.message, { cause: err, details: err.details });
        }
        throw err;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/expand.js
// Word expansion as BuildKit's Dockerfile lexer does it: variables and their modifiers, quotes, escapes, word splitting.

const EOF = '';
/**
 * Expands `word` with `env`. Throws DockerfileSyntaxError for malformed words (unclosed quotes,
 * bad substitutions) and for `${X?message}` / `${X:?message}` on an unset (or empty) X.
 */
function expandWord(word, env, options = {}) {
    return new Lexer(word, env, options).run();
}
/** Docker's ProcessWords: the expansion split into words, quoted parts kept together. */
function expandWords(word, env, options = {}) {
    return expandWord(word, env, options).words;
}
/** Go's unicode.IsSpace (JavaScript's \s also matches U+FEFF, which Go does not count). */
function isGoSpace(ch) {
    return ch !== '\uFEFF' && /^\s$/u.test(ch);
}
/** Accumulates the words of a ProcessWords result: quoted text is kept, expansions split. */
class Words {
    word = '';
    inWord = false;
    words = [];
    addChar(ch) {
        if (isGoSpace(ch)) {
            // An empty quoted string ("") starts a word but never yields one on its own.
            if (this.inWord && this.word.length !== 0) {
                this.words.push(this.word);
                this.word = '';
                this.inWord = false;
            }
        }
        else {
            this.addRawChar(ch);
        }
    }
    addRawChar(ch) {
        this.word += ch;
        this.inWord = true;
    }
    addString(text) {
        for (const ch of text)
            this.addChar(ch);
    }
    addRawString(text) {
        this.word += text;
        this.inWord = true;
    }
    finish() {
        if (this.word.length > 0) {
            this.words.push(this.word);
            this.word = '';
            this.inWord = false;
        }
        return this.words;
    }
}
class Lexer {
    chars;
    pos = 0;
    source;
    env;
    escape;
    rawQuotes;
    rawEscapes;
    skipUnset;
    skipQuotes;
    used = new Set();
    unset = new Set();
    undefinedReferences = new Set();
    constructor(word, env, options) {
        this.source = word;
        this.chars = Array.from(word);
        this.env = env;
        this.escape = options.escapeToken ?? '\\';
        this.rawQuotes = options.rawQuotes ?? false;
        this.rawEscapes = options.rawEscapes ?? false;
        this.skipUnset = options.skipUnset ?? false;
        this.skipQuotes = options.skipQuotes ?? false;
    }
    run() {
        try {
            const { value, words } = this.processUntil(EOF, this.rawEscapes);
            return {
                value,
                words,
                used: this.used,
                unset: this.unset,
                undefinedReferences: this.undefinedReferences,
            };
        }
        catch (err) {
            if (err instanceof DockerfileSyntaxError && !err.details?.variable) {
                throw new DockerfileSyntaxError(`failed to process ${JSON.stringify(this.source)}: ${err.message}`, err.details);
            }
            throw err;
        }
    }
    peek() {
        return this.chars[this.pos] ?? EOF;
    }
    next() {
        const ch = this.chars[this.pos] ?? EOF;
        if (ch !== EOF)
            this.pos++;
        return ch;
    }
    /** Processes up to `stop` (consumed) or the end; with a stop character, the end is an error. */
    processUntil(stop, rawEscapes) {
        const saved = this.rawEscapes;
        this.rawEscapes = rawEscapes;
        try {
            let result = '';
            const words = new Words();
            while (this.peek() !== EOF) {
                const ch = this.peek();
                if (stop !== EOF && ch === stop) {
                    this.next();
                    return { value: result, words: words.finish() };
                }
                if (ch === '$') {
                    const value = this.processDollar();
                    result += value;
                    words.addString(value);
                }
                else if (!this.skipQuotes && (ch === "'" || ch === '"')) {
                    const value = ch === "'" ? this.processSingleQuote() : this.processDoubleQuote();
                    result += value;
                    words.addRawString(value);
                }
                else {
                    let c = this.next();
                    if (c === this.escape) {
                        if (this.rawEscapes) {
                            words.addRawChar(c);
                            result += c;
                        }
                        // The escape escapes anything, quotes and spaces included; at the very end it is dropped.
                        c = this.next();
                        if (c === EOF)
                            break;
                        words.addRawChar(c);
                    }
                    else {
                        words.addChar(c);
                    }
                    result += c;
                }
            }
            if (stop !== EOF) {
                throw new DockerfileSyntaxError(`unexpected end of statement while looking for matching ${stop}`);
            }
            return { value: result, words: words.finish() };
        }
        finally {
            this.rawEscapes = saved;
        }
    }
    // Everything between single quotes is literal; a single quote cannot be escaped inside them.
    processSingleQuote() {
        let result = '';
        const open = this.next();
        if (this.rawQuotes)
            result += open;
        for (;;) {
            const ch = this.next();
            if (ch === EOF) {
                throw new DockerfileSyntaxError('unexpected end of statement while looking for matching single-quote');
            }
            if (ch === "'") {
                if (this.rawQuotes)
                    result += ch;
                return result;
            }
            result += ch;
        }
    }
    // Like sh: variables expand inside double quotes, and the escape only escapes `"`, `$` and itself.
    processDoubleQuote() {
        let result = '';
        const open = this.next();
        if (this.rawQuotes)
            result += open;
        for (;;) {
            const peeked = this.peek();
            if (peeked === EOF) {
                throw new DockerfileSyntaxError('unexpected end of statement while looking for matching double-quote');
            }
            if (peeked === '"') {
                const close = this.next();
                if (this.rawQuotes)
                    result += close;
                return result;
            }
            if (peeked === '$') {
                result += this.processDollar();
                continue;
            }
            let ch = this.next();
            if (ch === this.escape) {
                if (this.rawEscapes)
                    result += ch;
                const after = this.peek();
                if (after === EOF)
                    continue;
                if (after === '"' || after === '$' || after === this.escape)
                    ch = this.next();
            }
            result += ch;
        }
    }
    processDollar() {
        this.next();
        if (this.peek() !== '{') {
            const name = this.processName();
            if (name === '')
                return '$';
            const { value, set } = this.lookup(name);
            if (!set) {
                this.undefinedReferences.add(name);
                if (this.skipUnset)
                    return `$${name}`;
            }
            return value;
        }
        this.next();
        const first = this.peek();
        if (first === EOF)
            throw new DockerfileSyntaxError("syntax error: missing '}'");
        if (first === '{' || first === '}' || first === ':') {
            throw new DockerfileSyntaxError('syntax error: bad substitution');
        }
        const name = this.processName();
        let ch = this.next();
        if (ch === EOF)
            throw new DockerfileSyntaxError("syntax error: missing '}'");
        let modifier = ch;
        if (ch === '}') {
            const { value, set } = this.lookup(name);
            if (!set) {
                this.undefinedReferences.add(name);
                if (this.skipUnset)
                    return `\${${name}}`;
            }
            return value;
        }
        if (ch === '/')
            return this.processReplace(name);
        let nullIsUnset = false;
        if (ch === ':') {
            nullIsUnset = true;
            ch = this.next();
            modifier += ch;
        }
        if (!['+', '-', '?', '#', '%'].includes(ch) && !nullIsUnset) {
            throw new DockerfileSyntaxError(`unsupported modifier (${modifier}) in substitution`);
        }
        // Patterns keep their escapes, so `\*` stays a literal star for the matcher.
        const word = this.wordUntil('}', ch === '#' || ch === '%');
        const { value, set } = this.lookup(name);
        if (this.skipUnset && !set)
            return `\${${name}${modifier}${word}}`;
        const empty = !set || (nullIsUnset && value === '');
        switch (ch) {
            case '-':
                return empty ? word : value;
            case '+':
                return empty ? '' : word;
            case '?':
                if (!set)
                    throw unsetError(name, word || 'is not allowed to be unset');
                if (nullIsUnset && value === '')
                    throw unsetError(name, word || 'is not allowed to be empty');
                return value;
            case '#':
            case '%': {
                let pattern = word;
                const greedy = pattern.startsWith(ch);
                if (greedy)
                    pattern = pattern.slice(1);
                return ch === '%' ? trimSuffix(pattern, value, greedy) : trimPrefix(pattern, value, greedy);
            }
            default:
                throw new DockerfileSyntaxError(`unsupported modifier (${modifier}) in substitution`);
        }
    }
    // ${name/pattern/replacement} and ${name//pattern/replacement}.
    processReplace(name) {
        const all = this.peek() === '/';
        if (all)
            this.next();
        let pattern;
        try {
            pattern = this.processUntil('/', true).value;
        }
        catch (err) {
            if (this.peek() === EOF)
                throw new DockerfileSyntaxError("syntax error: missing '/' in $" + '{}');
            throw err;
        }
        const replacement = this.wordUntil('}', true);
        const { value, set } = this.lookup(name);
        if (this.skipUnset && !set) {
            return `\${${name}${all ? '//' : '/'}${pattern}/${replacement}}`;
        }
        const re = patternToRegExp(pattern, true, false, all);
        return value.replace(re, () => replacement);
    }
    wordUntil(stop, rawEscapes) {
        try {
            return this.processUntil(stop, rawEscapes).value;
        }
        catch (err) {
            if (this.peek() === EOF && !(err instanceof DockerfileSyntaxError && err.details?.variable)) {
                throw new DockerfileSyntaxError(`syntax error: missing '${stop}'`);
            }
            throw err;
        }
    }
    // A name is letters, digits and `_`; a leading digit run or one special parameter is a name too.
    processName() {
        let name = '';
        while (this.peek() !== EOF) {
            const ch = this.peek();
            if (name === '' && /^\p{Nd}$/u.test(ch)) {
                while (this.peek() !== EOF && /^\p{Nd}$/u.test(this.peek()))
                    name += this.next();
                return name;
            }
            if (name === '' && SPECIAL_PARAMETERS.has(ch))
                return this.next();
            if (!/^[\p{L}\p{Nd}_]$/u.test(ch))
                break;
            name += this.next();
        }
        return name;
    }
    lookup(name) {
        const value = this.env.get(name);
        if (value === undefined) {
            this.unset.add(name);
            return { value: '', set: false };
        }
        this.used.add(name);
        return { value, set: true };
    }
}
// POSIX special parameters: `$@`, `$?`, `$$`… are names of their own (always unset here).
const SPECIAL_PARAMETERS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
function unsetError(name, message) {
    return new DockerfileSyntaxError(`${name}: ${message}`, { variable: name });
}
/**
 * A `${x#pattern}` glob as a regular expression: `?` is one character, `*` any run (shortest
 * unless greedy), `\*` `\?` `\\` are literals; bracket expressions are not supported (as in
 * BuildKit). `\}` and `\/` drop the backslash, because they only escape the `${}` syntax.
 */
function patternToRegExp(pattern, greedy, anchored, global = false) {
    const chars = Array.from(pattern);
    let source = anchored ? '^' : '';
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        if (ch === '*') {
            source += greedy ? '.*' : '.*?';
        }
        else if (ch === '?') {
            source += '.';
        }
        else if (ch === '\\') {
            const after = chars[i + 1];
            if (after === '}' || after === '/')
                continue;
            if (after !== '*' && after !== '?' && after !== '\\') {
                throw new DockerfileSyntaxError(`invalid pattern (${pattern}) in substitution: invalid escape '\\${after ?? ''}'`);
            }
            source += `\\${after}`;
            i++;
        }
        else if ('[]{}.+()|^$/'.includes(ch)) {
            source += `\\${ch}`;
        }
        else {
            source += ch;
        }
    }
    return new RegExp(source, global ? 'gu' : 'u');
}
function trimPrefix(pattern, value, greedy) {
    const match = patternToRegExp(pattern, greedy, true).exec(value);
    return match ? value.slice(match[0].length) : value;
}
// Regular expressions find the leftmost match, so the shortest suffix is found by reversing both.
function trimSuffix(pattern, value, greedy) {
    const reversed = trimPrefix(reversePattern(pattern), reverse(value), greedy);
    return reverse(reversed);
}
function reverse(text) {
    return Array.from(text).reverse().join('');
}
/** Reverses a pattern but keeps each escape in front of the character it escapes (`a\*c` → `c\*a`). */
function reversePattern(pattern) {
    const chars = Array.from(pattern);
    const tokens = [];
    for (let i = 0; i < chars.length; i++) {
        if (chars[i] === '\\' && i !== chars.length - 1) {
            tokens.push(`\\${chars[i + 1]}`);
            i++;
        }
        else {
            tokens.push(chars[i]);
        }
    }
    return tokens.reverse().join('');
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/expose.js
// EXPOSE port specs (`80`, `53/udp`, `8000-8010/tcp`) to the config's ExposedPorts keys, as Docker's nat package reads them.

const PROTOCOLS = ['tcp', 'udp', 'sctp'];
/** Parses one EXPOSE word; throws DockerfileSyntaxError for a bad port, range or protocol. */
function parseExposedPort(spec) {
    const notes = [];
    let rest = spec;
    // `ip:hostPort:containerPort` publishes in `docker run -p`; EXPOSE keeps only the container port.
    if (rest.includes(':')) {
        notes.push({
            rule: 'ExposeInvalidFormat',
            message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${spec}'`,
        });
        rest = rest.slice(rest.lastIndexOf(':') + 1);
    }
    const slash = rest.indexOf('/');
    const portPart = slash === -1 ? rest : rest.slice(0, slash);
    let protocol = slash === -1 || slash === rest.length - 1 ? 'tcp' : rest.slice(slash + 1);
    if (!PROTOCOLS.includes(protocol.toLowerCase())) {
        throw new DockerfileSyntaxError(`invalid proto: ${protocol} in EXPOSE ${spec}`);
    }
    if (protocol !== protocol.toLowerCase()) {
        notes.push({
            rule: 'ExposeProtoCasing',
            message: `Defined protocol '${spec}' in EXPOSE instruction should be lowercase`,
        });
        protocol = protocol.toLowerCase();
    }
    const range = /^(\d+)(?:-(\d+))?$/.exec(portPart);
    if (!range)
        throw new DockerfileSyntaxError(`invalid containerPort: ${portPart} in EXPOSE ${spec}`);
    const start = Number(range[1]);
    const end = range[2] === undefined ? start : Number(range[2]);
    if (start > 65535 || end > 65535) {
        throw new DockerfileSyntaxError(`invalid containerPort: ${portPart} (ports go up to 65535)`);
    }
    if (end < start) {
        throw new DockerfileSyntaxError(`invalid range specified for containerPort: ${portPart}`);
    }
    const ports = [];
    for (let p = start; p <= end; p++)
        ports.push(`${p}/${protocol}`);
    return { ports, notes };
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/heredoc.js
// Here-documents (`RUN <<EOF`, `COPY <<-"EOF" /file`): finding the openers on a line and reading their options.


const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;
/**
 * The heredocs a line opens, in order (`RUN <<A cat - <<-"B"`). The line is lexed with quotes and
 * escapes kept, as BuildKit does, so `'<<EOF'` is not a heredoc; a delimiter with any quoted part
 * turns expansion of the body off.
 */
function heredocsInLine(line, position) {
    let words;
    try {
        words = expandWords(line, new Map(), { rawQuotes: true, rawEscapes: true, skipUnset: true });
    }
    catch {
        return [];
    }
    const heredocs = [];
    for (const word of words) {
        const heredoc = atPosition(position, () => parseHeredocWord(word));
        if (heredoc)
            heredocs.push(heredoc);
    }
    return heredocs;
}
/**
 * A heredoc opener word (`<<EOF`, `<<-'EOF'`, `3<<EOF`), or undefined when the word is not one.
 * A delimiter that does not lex (`<<"EOF`) is a DockerfileSyntaxError.
 */
function parseHeredocWord(word) {
    const match = HEREDOC_WORD.exec(word);
    if (!match || match[3] === '')
        return undefined;
    const rest = match[3];
    let cooked;
    let raw;
    try {
        cooked = expandWords(rest, new Map(), { skipUnset: true });
        if (cooked.length !== 1)
            return undefined;
        raw = expandWords(rest, new Map(), { skipUnset: true, rawQuotes: true });
    }
    catch (err) {
        throw new DockerfileSyntaxError(`invalid heredoc delimiter ${JSON.stringify(rest)}: ${err.message}`);
    }
    const name = cooked[0];
    const quotes = (s) => (s.match(/['"]/g) ?? []).length;
    return {
        name,
        content: '',
        expand: raw.length === 1 && quotes(name) === quotes(raw[0]),
        chomp: match[2] === '-',
        fd: match[1] === '' ? 0 : Number(match[1]),
    };
}
/** Strips leading tabs from every line, for `<<-` heredocs. */
function chompHeredoc(content) {
    return content.replace(/^\t+/gm, '');
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/suggest.js
// "Did you mean" for mistyped instructions, flags and stage names in a Dockerfile.
/** Levenshtein distance where swapping two neighbours counts as one edit (`COPPY`, `CPOY`). */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = new Array(rows * cols).fill(0);
    for (let i = 0; i < rows; i++)
        d[i * cols] = i;
    for (let j = 0; j < cols; j++)
        d[j] = j;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
            }
            d[i * cols + j] = best;
        }
    }
    return d[rows * cols - 1];
}
/**
 * The candidate closest to `word` (compared case-insensitively), or undefined when none is within
 * a third of the word's length (at least one edit).
 */
function closest(word, candidates) {
    const lower = word.toLowerCase();
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(lower, candidate.toLowerCase());
        if (distance <= limit && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/** ` (did you mean COPY?)`, or '' when nothing is close. */
function didYouMean(word, candidates, prefix = '') {
    const match = closest(word, candidates);
    return match === undefined ? '' : ` (did you mean ${prefix}${match}?)`;
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/mount.js
// `RUN --mount=type=cache|secret|bind|tmpfs|ssh,...`: the CSV option list parsed and checked as BuildKit does.


const TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING = ['shared', 'private', 'locked'];
const KEYS = [
    'type',
    'from',
    'source',
    'src',
    'target',
    'dst',
    'destination',
    'readonly',
    'ro',
    'readwrite',
    'rw',
    'required',
    'size',
    'id',
    'sharing',
    'mode',
    'uid',
    'gid',
    'env',
];
/** Splits one CSV record as Go's encoding/csv does (quotes group, `""` is a quote). */
function splitCsv(text) {
    const fields = [];
    let i = 0;
    for (;;) {
        let field = '';
        if (text[i] === '"') {
            i++;
            for (;;) {
                if (i >= text.length) {
                    throw new DockerfileSyntaxError(`failed to parse csv mounts: extraneous or missing " in quoted-field in "${text}"`);
                }
                if (text[i] === '"') {
                    if (text[i + 1] === '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                field += text[i++];
            }
            if (i < text.length && text[i] !== ',') {
                throw new DockerfileSyntaxError(`failed to parse csv mounts: extraneous or missing " in quoted-field in "${text}"`);
            }
        }
        else {
            const end = text.indexOf(',', i);
            field = end === -1 ? text.slice(i) : text.slice(i, end);
            if (field.includes('"')) {
                throw new DockerfileSyntaxError(`failed to parse csv mounts: bare " in non-quoted-field in "${text}"`);
            }
            i = end === -1 ? text.length : end;
        }
        fields.push(field);
        if (i >= text.length)
            return fields;
        i++; // the comma
    }
}
/**
 * The `from=` of a mount, checked before expansion: BuildKit refuses variables there because the
 * stage graph is fixed before any stage runs.
 */
function mountFromBeforeExpansion(value) {
    let from;
    for (const field of splitCsv(value)) {
        const eq = field.indexOf('=');
        if (eq === -1 || field.slice(0, eq).toLowerCase() !== 'from')
            continue;
        from = field.slice(eq + 1);
        if (/\$./.test(from)) {
            throw new DockerfileSyntaxError("'from' doesn't support variable expansion, define alias stage instead");
        }
    }
    return from;
}
/** Parses and validates one `--mount` value; `expand` is applied to every value (not to keys). */
function parseMount(value, expand = (w) => w) {
    const m = {
        type: 'bind',
        from: undefined,
        source: undefined,
        target: undefined,
        readOnly: false,
        required: false,
        id: undefined,
        sharing: undefined,
        mode: undefined,
        uid: undefined,
        gid: undefined,
        size: undefined,
        env: undefined,
    };
    let readOnlyAuto = true;
    const fail = (message) => new DockerfileSyntaxError(message);
    for (const field of splitCsv(value)) {
        const eq = field.indexOf('=');
        const key = (eq === -1 ? field : field.slice(0, eq)).toLowerCase();
        if (eq === -1) {
            if (key === 'readonly' || key === 'ro') {
                m.readOnly = true;
                readOnlyAuto = false;
            }
            else if (key === 'readwrite' || key === 'rw') {
                m.readOnly = false;
                readOnlyAuto = false;
            }
            else if (key === 'required') {
                if (m.type !== 'secret' && m.type !== 'ssh') {
                    throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
                }
                m.required = true;
            }
            else {
                throw fail(`invalid field '${field}' must be a key=value pair`);
            }
            continue;
        }
        const v = expand(field.slice(eq + 1));
        switch (key) {
            case 'type': {
                const type = v.toLowerCase();
                if (!TYPES.includes(type)) {
                    throw fail(`unsupported mount type ${JSON.stringify(v)}${didYouMean(v, TYPES)}`);
                }
                m.type = type;
                break;
            }
            case 'from':
                m.from = v;
                break;
            case 'source':
            case 'src':
                m.source = v;
                break;
            case 'target':
            case 'dst':
            case 'destination':
                m.target = v;
                break;
            case 'readonly':
            case 'ro':
                m.readOnly = parseGoBool(key, v);
                readOnlyAuto = false;
                break;
            case 'readwrite':
            case 'rw':
                m.readOnly = !parseGoBool(key, v);
                readOnlyAuto = false;
                break;
            case 'required':
                if (m.type !== 'secret' && m.type !== 'ssh') {
                    throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
                }
                m.required = parseGoBool(key, v);
                break;
            case 'size':
                if (m.type !== 'tmpfs')
                    throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
                m.size = parseRamBytes(key, v);
                break;
            case 'id':
                m.id = v;
                break;
            case 'sharing': {
                const sharing = v.toLowerCase();
                if (!SHARING.includes(sharing)) {
                    throw fail(`unsupported sharing value ${JSON.stringify(v)}${didYouMean(v, SHARING)}`);
                }
                m.sharing = sharing;
                break;
            }
            case 'mode':
                if (!/^[0-7]+$/.test(v) || Number.parseInt(v, 8) > 0o7777) {
                    throw fail(`invalid value ${v} for mode`);
                }
                m.mode = Number.parseInt(v, 8);
                break;
            case 'uid':
            case 'gid': {
                if (!/^[0-9]+$/.test(v) || Number(v) > 0xffffffff)
                    throw fail(`invalid value ${v} for ${key}`);
                m[key] = Number(v);
                break;
            }
            case 'env':
                if (m.type !== 'secret')
                    throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
                m.env = v;
                break;
            default:
                throw fail(`unexpected key '${key}' in '${field}'${didYouMean(key, KEYS)}`);
        }
    }
    validateMount(m, readOnlyAuto);
    return m;
}
function validateMount(m, readOnlyAuto) {
    const fail = (message) => new DockerfileSyntaxError(message);
    if (m.type !== 'secret' && m.type !== 'ssh' && m.type !== 'cache') {
        for (const key of ['mode', 'uid', 'gid']) {
            if (m[key] !== undefined)
                throw fail(`${key} not allowed for "${m.type}" type mounts`);
        }
    }
    // Bind and secret mounts are read-only unless asked; caches and tmpfs are writable.
    if (readOnlyAuto)
        m.readOnly = m.type !== 'cache' && m.type !== 'tmpfs';
    if (m.type === 'secret') {
        if (m.from !== undefined)
            throw fail('secret mount should not have a from');
        if (m.sharing !== undefined)
            throw fail('secret mount should not define sharing');
        if (m.source === undefined &&
            m.target === undefined &&
            m.id === undefined &&
            m.env === undefined) {
            throw fail('invalid secret mount. one of source, target, id or env required');
        }
        if (m.source !== undefined && m.id !== undefined)
            throw fail("both source and id can't be set");
        // The source of a secret is its id; the id defaults to the target's basename.
        m.id ??= m.source ?? basename(m.target ?? '');
        m.source = undefined;
        if (m.target === undefined && m.env === undefined)
            m.target = `/run/secrets/${m.id}`;
    }
    if (m.type === 'ssh')
        m.id ??= 'default';
    if (m.sharing !== undefined && m.type !== 'cache') {
        throw fail(`invalid cache sharing set for ${m.type} mount`);
    }
    if (m.type === 'cache')
        m.sharing ??= 'shared';
    if ((m.type === 'bind' || m.type === 'cache' || m.type === 'tmpfs') && !m.target) {
        throw fail(`mount target must be specified for ${m.type} mounts`);
    }
}
function basename(path) {
    const trimmed = path.replace(/\/+$/, '');
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/** Go's strconv.ParseBool. */
function parseGoBool(key, value) {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value))
        return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value))
        return false;
    throw new DockerfileSyntaxError(`invalid value for ${key}: ${value}`);
}
/** docker/go-units RAMInBytes: `64m`, `1g`, `512KiB`, `100` (binary multiples). */
function parseRamBytes(key, value) {
    const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(value);
    if (!m)
        throw new DockerfileSyntaxError(`invalid value for ${key}: ${value}`);
    const power = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
    return Math.floor(Number.parseFloat(m[1]) * 1024 ** power);
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/duration.js
// Go's time.ParseDuration, which HEALTHCHECK flags use (`30s`, `1m30s`, `1.5h`, `500ms`).
const UNITS = {
    ns: 1,
    us: 1e3,
    µs: 1e3,
    μs: 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};
// Go's durations are int64 nanoseconds.
const MAX_NS = 2 ** 63 - 1;
/** Nanoseconds for a Go duration string; throws a plain Error naming the problem. */
function parseGoDuration(input) {
    let s = input;
    let sign = 1;
    if (s.startsWith('-') || s.startsWith('+')) {
        if (s[0] === '-')
            sign = -1;
        s = s.slice(1);
    }
    if (s === '0')
        return 0;
    if (s === '')
        throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
    let total = 0;
    const part = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;
    while (s !== '') {
        const m = part.exec(s);
        if (!m || (m[1] === '' && (m[2] === undefined || m[2] === ''))) {
            throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
        }
        const unit = UNITS[m[3]];
        if (unit === undefined) {
            const known = /^[a-zµμ]+/.exec(m[3])?.[0] ?? m[3];
            if (UNITS[known] === undefined) {
                throw new Error(`time: unknown unit ${JSON.stringify(known)} in duration ${JSON.stringify(input)}`);
            }
            throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
        }
        const whole = m[1] === '' ? 0 : Number(m[1]);
        const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
        total += whole * unit + Math.round(fraction * unit);
        if (total > MAX_NS)
            throw new Error(`time: invalid duration ${JSON.stringify(input)}`);
        s = s.slice(m[0].length);
    }
    return sign * total;
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/json-form.js
// The exec (JSON array) form of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME, and Docker's fallback to shell form.

/**
 * The strings of a JSON array argument, or undefined when `rest` is not a JSON array (Docker then
 * reads it as shell form, so `RUN [oops` runs `[oops` in a shell). An array holding anything but
 * strings is an error, as in Docker.
 */
function parseJsonForm(rest) {
    const text = rest.replace(/^\s+/u, '');
    if (!text.startsWith('['))
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(parsed))
        return undefined;
    if (!parsed.every((item) => typeof item === 'string')) {
        throw new DockerfileSyntaxError('when using JSON array syntax, arrays must be comprised of strings only');
    }
    return parsed;
}
/** True when `rest` is exec form (a JSON array of strings). */
function isJsonArray(rest) {
    try {
        return parseJsonForm(rest) !== undefined;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/split.js
// How Docker cuts an instruction line into its name, `--flags`, and words, before any expansion.

// Docker splits on these (not on newlines, which never survive line joining).
const WHITESPACE = /[\t\v\f\r ]+/;
/** Splits `COPY --from=build a b` into the keyword, its flags and the rest. */
function splitCommand(line) {
    const trimmed = line.trim();
    const match = WHITESPACE.exec(trimmed);
    if (!match)
        return { keyword: trimmed, flags: [], args: '' };
    const keyword = trimmed.slice(0, match.index);
    const { rest, flags } = extractFlags(trimmed.slice(match.index + match[0].length));
    return { keyword, flags, args: rest.trim() };
}
/**
 * Takes the leading `--flag[=value]` words off `line`. Quotes group and are removed, a backslash
 * escapes the next character (always `\`, whatever the escape directive says, as in Docker), and
 * a bare `--` ends the flags.
 */
function extractFlags(line) {
    const flags = [];
    let pos = 0;
    const n = line.length;
    for (;;) {
        while (pos < n && isGoSpace(line[pos]))
            pos++;
        if (pos >= n)
            return { rest: '', flags };
        if (!(line[pos] === '-' && line[pos + 1] === '-'))
            return { rest: line.slice(pos), flags };
        let word = '';
        let quoted = false;
        let quote = '';
        while (pos < n) {
            const ch = line[pos];
            if (quote !== '') {
                if (ch === quote) {
                    quote = '';
                    pos++;
                    continue;
                }
                if (ch === '\\') {
                    if (pos + 1 === n) {
                        quote = '';
                        pos++;
                        continue;
                    }
                    pos++;
                }
                word += line[pos];
                pos++;
                continue;
            }
            if (isGoSpace(ch))
                break;
            if (ch === "'" || ch === '"') {
                quote = ch;
                quoted = true;
                pos++;
                continue;
            }
            if (ch === '\\') {
                if (pos + 1 === n) {
                    pos++;
                    continue;
                }
                pos++;
            }
            word += line[pos];
            pos++;
        }
        if (word === '--') {
            return { rest: pos >= n ? '' : line.slice(pos), flags };
        }
        if (quoted || word.length > 0)
            flags.push(word);
        if (pos >= n)
            return { rest: '', flags };
    }
}
/**
 * Splits ENV, LABEL and ARG arguments into words at unquoted whitespace, keeping the quotes and
 * escapes (expansion removes them later). Single quotes cannot escape anything.
 */
function splitWords(rest, escapeToken) {
    const chars = Array.from(rest);
    const words = [];
    let word = '';
    let inWord = false;
    let quote = '';
    let blankOk = false;
    for (let i = 0; i < chars.length; i++) {
        let ch = chars[i];
        if (!inWord) {
            if (isGoSpace(ch))
                continue;
            inWord = true;
        }
        if (quote === '') {
            if (isGoSpace(ch)) {
                if (blankOk || word.length > 0)
                    words.push(word);
                word = '';
                blankOk = false;
                inWord = false;
                continue;
            }
            if (ch === "'" || ch === '"') {
                quote = ch;
                blankOk = true;
            }
            else if (ch === escapeToken) {
                // A trailing escape is dropped; otherwise it stays, with the character it escapes.
                if (i + 1 === chars.length)
                    continue;
                word += ch;
                ch = chars[++i];
            }
            word += ch;
            continue;
        }
        if (ch === quote) {
            quote = '';
        }
        else if (ch === escapeToken && quote !== "'") {
            if (i + 1 === chars.length) {
                quote = '';
                continue;
            }
            word += ch;
            ch = chars[++i];
        }
        word += ch;
    }
    if (inWord && (blankOk || word.length > 0))
        words.push(word);
    return words;
}
/** Docker's whitespace split for FROM, EXPOSE, COPY, ADD and VOLUME: no quote handling at all. */
function splitWhitespace(rest) {
    if (rest === '')
        return [];
    return rest.split(WHITESPACE);
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/instructions.js
// Typing one instruction line: its arguments, its flags, and the errors Docker gives for each.







const INSTRUCTIONS = [
    'ADD',
    'ARG',
    'CMD',
    'COPY',
    'ENTRYPOINT',
    'ENV',
    'EXPOSE',
    'FROM',
    'HEALTHCHECK',
    'LABEL',
    'MAINTAINER',
    'ONBUILD',
    'RUN',
    'SHELL',
    'STOPSIGNAL',
    'USER',
    'VOLUME',
    'WORKDIR',
];
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const instructions_WHITESPACE = /[\t\v\f\r ]+/;
// Docker's container.MinimumDuration for HEALTHCHECK intervals.
const MIN_HEALTHCHECK_NS = 1e6;
const FLAGS = {
    ADD: {
        chown: 'string',
        chmod: 'string',
        link: 'bool',
        'keep-git-dir': 'bool',
        checksum: 'string',
        exclude: 'strings',
        unpack: 'bool',
    },
    COPY: {
        from: 'string',
        chown: 'string',
        chmod: 'string',
        link: 'bool',
        parents: 'bool',
        exclude: 'strings',
    },
    FROM: { platform: 'string' },
    RUN: { mount: 'strings', network: 'string', security: 'string' },
    HEALTHCHECK: {
        interval: 'string',
        timeout: 'string',
        'start-period': 'string',
        'start-interval': 'string',
        retries: 'string',
    },
};
/** Parsed flag values: strings for string flags, booleans for bool flags, lists for repeatable ones. */
class Flags {
    values = new Map();
    string(name) {
        const v = this.values.get(name);
        return typeof v === 'string' ? v : undefined;
    }
    bool(name) {
        const v = this.values.get(name);
        return typeof v === 'boolean' ? v : undefined;
    }
    strings(name) {
        const v = this.values.get(name);
        return Array.isArray(v) ? v : [];
    }
}
/** BuildKit's BFlags: `--name=value`, bare booleans, `--` ends the list, repeats only for lists. */
function parseFlags(words, spec, instruction) {
    const flags = new Flags();
    const names = Object.keys(spec);
    for (const word of words) {
        if (word === '--')
            break;
        if (!word.startsWith('--'))
            throw new DockerfileSyntaxError(`flag should start with --: ${word}`);
        const body = word.slice(2);
        const eq = body.indexOf('=');
        const name = eq === -1 ? body : body.slice(0, eq);
        const value = eq === -1 ? undefined : body.slice(eq + 1);
        const type = spec[name];
        if (type === undefined) {
            const hint = names.length === 0 ? ` (${instruction} takes no flags)` : didYouMean(name, names, '--');
            throw new DockerfileSyntaxError(`unknown flag for ${instruction}: --${name}${hint}`);
        }
        if (flags.values.has(name) && type !== 'strings') {
            throw new DockerfileSyntaxError(`duplicate flag specified: --${name}`);
        }
        if (type === 'bool') {
            if (value === '')
                throw new DockerfileSyntaxError(`missing a value on flag: --${name}`);
            const lower = value?.toLowerCase();
            if (lower !== undefined && lower !== 'true' && lower !== 'false') {
                throw new DockerfileSyntaxError(`expecting boolean value for flag --${name}, not: ${value}`);
            }
            flags.values.set(name, lower !== 'false');
            continue;
        }
        if (value === undefined) {
            throw new DockerfileSyntaxError(`missing a value on flag: --${name} (use --${name}=VALUE)`);
        }
        if (type === 'strings') {
            const list = flags.strings(name);
            flags.values.set(name, [...list, value]);
        }
        else {
            flags.values.set(name, value);
        }
    }
    return flags;
}
/** Types one line; throws ERR_DOCKERFILE positioned at the instruction. */
function parseInstruction(node, file, escapeToken) {
    const position = { file, line: node.startLine, endLine: node.endLine };
    const kind = node.keyword.toUpperCase();
    if (!INSTRUCTIONS.includes(kind)) {
        throw dockerfileError(position, `unknown instruction ${node.keyword}${didYouMean(kind, INSTRUCTIONS)}`);
    }
    return atPosition(position, () => typeInstruction(kind, node, file, escapeToken));
}
function typeInstruction(kind, node, file, escapeToken) {
    const location = { startLine: node.startLine, endLine: node.endLine };
    const base = { location, original: node.original.trim() };
    const flags = parseFlags(node.flags, FLAGS[kind] ?? {}, kind);
    const rest = node.args;
    switch (kind) {
        case 'FROM': {
            const args = splitWhitespace(rest);
            let stageName;
            if (args.length === 3 && args[1].toLowerCase() === 'as') {
                stageName = args[2].toLowerCase();
                if (!STAGE_NAME.test(stageName)) {
                    throw new DockerfileSyntaxError(`invalid name for build stage: ${JSON.stringify(args[2])}, name can't start with a number or contain symbols`);
                }
            }
            else if (args.length !== 1) {
                throw new DockerfileSyntaxError(args.length === 0
                    ? 'FROM requires an image: FROM <image> [AS <name>]'
                    : 'FROM requires either one or three arguments: FROM <image> [AS <name>]');
            }
            return { kind, ...base, image: args[0], stageName, platform: flags.string('platform') };
        }
        case 'ARG': {
            const words = splitWords(rest, escapeToken);
            if (words.length === 0)
                throw atLeastOne(kind);
            const args = words.map((word) => {
                const eq = word.indexOf('=');
                if (eq === -1)
                    return { key: word, value: undefined };
                if (eq === 0)
                    throw new DockerfileSyntaxError('ARG names can not be blank');
                return { key: word.slice(0, eq), value: word.slice(eq + 1) };
            });
            return { kind, ...base, args };
        }
        case 'ENV':
        case 'LABEL': {
            const { pairs, legacy } = nameValues(rest, kind, escapeToken);
            return { kind, ...base, pairs, legacy };
        }
        case 'RUN': {
            const line = commandLine(rest);
            if (line.command.length === 0 && node.heredocs.length === 0) {
                // Docker accepts an empty RUN and runs an empty shell command; it is always a mistake.
                throw atLeastOne(kind);
            }
            const mounts = flags.strings('mount');
            for (const mount of mounts)
                mountFromBeforeExpansion(mount);
            const network = flags.string('network');
            if (network !== undefined && !['default', 'none', 'host'].includes(network)) {
                throw new DockerfileSyntaxError(`unsupported network mode ${JSON.stringify(network)}${didYouMean(network, ['default', 'none', 'host'])}`);
            }
            const security = flags.string('security');
            if (security !== undefined && !['sandbox', 'insecure'].includes(security)) {
                throw new DockerfileSyntaxError(`unsupported security mode ${JSON.stringify(security)}`);
            }
            return {
                kind,
                ...base,
                ...line,
                heredocs: node.heredocs.map((h) => ({ ...h })),
                mounts,
                network,
                security,
            };
        }
        case 'CMD':
        case 'ENTRYPOINT': {
            const line = commandLine(rest);
            return { kind, ...base, ...line };
        }
        case 'SHELL': {
            const json = parseJsonForm(rest);
            if (json === undefined) {
                if (rest === '')
                    throw atLeastOne(kind);
                throw new DockerfileSyntaxError(`SHELL requires the arguments to be in JSON form, e.g. SHELL ["/bin/bash", "-c"]`);
            }
            if (json.length === 0)
                throw atLeastOne(kind);
            return { kind, ...base, shell: json };
        }
        case 'COPY':
        case 'ADD': {
            const json = parseJsonForm(rest);
            const args = json ?? splitWhitespace(rest);
            if (args.length < 2) {
                throw new DockerfileSyntaxError(`${kind} requires at least two arguments, but only ${args.length === 0 ? 'none was' : 'one was'} provided. Destination could not be determined`);
            }
            const dest = args[args.length - 1];
            if (parseHeredocWord(dest)) {
                throw new DockerfileSyntaxError(`${kind} cannot accept a heredoc as a destination`);
            }
            const byName = new Map(node.heredocs.map((h) => [h.name, h]));
            const sources = [];
            const inlineSources = [];
            for (const src of args.slice(0, -1)) {
                const opener = parseHeredocWord(src);
                if (opener) {
                    const heredoc = byName.get(opener.name);
                    const content = heredoc?.content ?? '';
                    inlineSources.push({
                        name: opener.name,
                        content: opener.chomp ? chompHeredoc(content) : content,
                        expand: opener.expand,
                    });
                }
                else {
                    sources.push(src);
                }
            }
            const common = {
                ...base,
                sources,
                inlineSources,
                dest,
                json: json !== undefined,
                chown: flags.string('chown'),
                chmod: flags.string('chmod'),
                link: flags.bool('link') ?? false,
                exclude: flags.strings('exclude'),
            };
            if (kind === 'COPY') {
                const from = flags.string('from');
                if (from !== undefined && /\$./.test(from)) {
                    throw new DockerfileSyntaxError(`COPY --from doesn't support variable expansion (${from}); define an alias stage instead: FROM ${from} AS name`);
                }
                return { kind, ...common, from, parents: flags.bool('parents') ?? false };
            }
            return {
                kind,
                ...common,
                checksum: flags.string('checksum'),
                keepGitDir: flags.bool('keep-git-dir') ?? false,
                unpack: flags.bool('unpack'),
            };
        }
        case 'WORKDIR':
            if (rest === '')
                throw exactlyOne(kind);
            return { kind, ...base, path: rest };
        case 'USER':
            if (rest === '')
                throw exactlyOne(kind);
            return { kind, ...base, user: rest };
        case 'STOPSIGNAL':
            if (rest === '')
                throw exactlyOne(kind);
            return { kind, ...base, signal: rest };
        case 'MAINTAINER':
            if (rest === '')
                throw exactlyOne(kind);
            return { kind, ...base, maintainer: rest };
        case 'VOLUME': {
            const args = parseJsonForm(rest) ?? splitWhitespace(rest);
            if (args.length === 0)
                throw atLeastOne(kind);
            const volumes = args.map((v) => v.trim());
            if (volumes.includes('')) {
                throw new DockerfileSyntaxError('VOLUME specified can not be an empty string');
            }
            return { kind, ...base, volumes };
        }
        case 'EXPOSE': {
            const ports = splitWhitespace(rest);
            if (ports.length === 0)
                throw atLeastOne(kind);
            return { kind, ...base, ports };
        }
        case 'HEALTHCHECK':
            return { kind, ...base, healthcheck: healthcheck(rest, node.flags, flags) };
        case 'ONBUILD': {
            const child = node.child;
            if (!child)
                throw atLeastOne(kind);
            const trigger = child.keyword.toUpperCase();
            if (trigger === 'ONBUILD') {
                throw new DockerfileSyntaxError("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
            }
            if (trigger === 'MAINTAINER' || trigger === 'FROM') {
                throw new DockerfileSyntaxError(`${trigger} isn't allowed as an ONBUILD trigger`);
            }
            let expression = node.original.replace(/^\s*ONBUILD\s*/i, '');
            for (const heredoc of node.heredocs)
                expression += `\n${heredoc.content}${heredoc.name}`;
            const parsedTrigger = parseInstruction({ ...child, heredocs: node.heredocs, startLine: node.startLine, endLine: node.endLine }, file, escapeToken);
            return { kind, ...base, expression, trigger: parsedTrigger };
        }
    }
}
function atLeastOne(kind) {
    return new DockerfileSyntaxError(`${kind} requires at least one argument`);
}
function exactlyOne(kind) {
    return new DockerfileSyntaxError(`${kind} requires exactly one argument`);
}
/** RUN, CMD, ENTRYPOINT: exec form when the rest is a JSON array of strings, else a shell command line. */
function commandLine(rest) {
    const json = parseJsonForm(rest);
    if (json !== undefined)
        return { command: json, prependShell: false };
    return { command: rest === '' ? [] : [rest], prependShell: true };
}
/** ENV and LABEL: `k=v k2="v 2"` or the legacy `k value with spaces`. Quotes stay for expansion. */
function nameValues(rest, kind, escapeToken) {
    const words = splitWords(rest, escapeToken);
    if (words.length === 0)
        throw atLeastOne(kind);
    if (!words[0].includes('=')) {
        const match = instructions_WHITESPACE.exec(rest);
        if (!match)
            throw new DockerfileSyntaxError(`${kind} must have two arguments`);
        const key = rest.slice(0, match.index);
        return { pairs: [{ key, value: rest.slice(match.index + match[0].length) }], legacy: true };
    }
    const pairs = words.map((word) => {
        const eq = word.indexOf('=');
        if (eq === -1) {
            throw new DockerfileSyntaxError(`Syntax error - can't find = in ${JSON.stringify(word)}. Must be of the form: name=value`);
        }
        if (eq === 0)
            throw new DockerfileSyntaxError(`${kind} names can not be blank`);
        return { key: word.slice(0, eq), value: word.slice(eq + 1) };
    });
    return { pairs, legacy: false };
}
function healthcheck(rest, rawFlags, flags) {
    const match = /^(\S+)\s*/u.exec(rest);
    if (!match)
        throw atLeastOne('HEALTHCHECK');
    const type = match[1].toUpperCase();
    const after = rest.slice(match[0].length);
    if (type === 'NONE') {
        if (after !== '')
            throw new DockerfileSyntaxError('HEALTHCHECK NONE takes no arguments');
        if (rawFlags.length > 0)
            throw new DockerfileSyntaxError('HEALTHCHECK NONE takes no flags');
        return { Test: ['NONE'] };
    }
    if (type !== 'CMD') {
        throw new DockerfileSyntaxError(`Unknown type ${JSON.stringify(type)} in HEALTHCHECK (try CMD)`);
    }
    const line = commandLine(after);
    if (line.command.length === 0)
        throw new DockerfileSyntaxError('Missing command after HEALTHCHECK CMD');
    const config = {
        Test: [line.prependShell ? 'CMD-SHELL' : 'CMD', ...line.command],
    };
    const durations = [
        ['interval', 'Interval'],
        ['timeout', 'Timeout'],
        ['start-period', 'StartPeriod'],
        ['start-interval', 'StartInterval'],
    ];
    for (const [flag, field] of durations) {
        const value = flags.string(flag);
        if (value === undefined || value === '')
            continue;
        let ns;
        try {
            ns = parseGoDuration(value);
        }
        catch (err) {
            throw new DockerfileSyntaxError(`invalid --${flag}: ${err.message}`);
        }
        if (ns === 0)
            continue;
        if (ns < MIN_HEALTHCHECK_NS) {
            throw new DockerfileSyntaxError(`Interval "${flag}" cannot be less than 1ms`);
        }
        config[field] = ns;
    }
    const retries = flags.string('retries');
    if (retries !== undefined && retries !== '') {
        if (!/^[+-]?\d+$/.test(retries) || Math.abs(Number(retries)) > 2 ** 31 - 1) {
            throw new DockerfileSyntaxError(`invalid --retries: ${JSON.stringify(retries)} is not a number`);
        }
        const n = Number(retries);
        if (n < 0)
            throw new DockerfileSyntaxError(`--retries cannot be negative (${n})`);
        if (n > 0)
            config.Retries = n;
    }
    return config;
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/parse.js
// The Dockerfile parser: directives, comments, line continuations, heredocs, then one typed instruction per line.





const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
// Instructions whose shell form may carry heredocs (and ONBUILD of them).
const HEREDOC_INSTRUCTIONS = new Set(['run', 'copy', 'add']);
/**
 * Parses a Dockerfile into typed instructions, as BuildKit does. Throws ERR_DOCKERFILE with
 * `file:line: message` for unknown instructions, bad flags, missing arguments, unterminated
 * heredocs and bad directives.
 */
function parseDockerfile(text, options = {}) {
    const file = options.file ?? 'Dockerfile';
    const reader = new LineReader(text, file);
    const nodes = reader.readNodes();
    const instructions = [];
    for (const node of nodes)
        instructions.push(parseInstruction(node, file, reader.escapeToken));
    if (instructions.length === 0) {
        throw dockerfileError({ file, line: Math.max(1, reader.lineCount) }, 'file with no instructions');
    }
    const syntax = reader.directives.find((d) => d.name === 'syntax')?.value;
    const checkValue = reader.directives.find((d) => d.name === 'check')?.value;
    return {
        file,
        escapeToken: reader.escapeToken,
        directives: reader.directives,
        syntax,
        check: parseCheckDirective(checkValue),
        instructions,
        warnings: reader.warnings,
    };
}
/** `skip=A,B;error=true` → { skip: ['A','B'], error: true }; unknown parts are ignored, as in BuildKit. */
function parseCheckDirective(value) {
    const check = { skip: [], error: false };
    if (value === undefined)
        return check;
    for (const part of value.split(';')) {
        const eq = part.indexOf('=');
        if (eq === -1)
            continue;
        const key = part.slice(0, eq).trim().toLowerCase();
        const setting = part.slice(eq + 1).trim();
        if (key === 'skip') {
            const names = setting
                .split(',')
                .map((s) => s.trim())
                .filter((s) => s !== '');
            check.skip = names.some((n) => n.toLowerCase() === 'all') ? 'all' : names;
        }
        else if (key === 'error') {
            check.error = ['true', '1', 't'].includes(setting.toLowerCase());
        }
    }
    return check;
}
/** Reads lines as BuildKit's scanner does: line endings kept, so heredoc bodies keep theirs. */
function splitLines(text) {
    const lines = [];
    let start = 0;
    while (start < text.length) {
        const end = text.indexOf('\n', start);
        if (end === -1) {
            lines.push(text.slice(start));
            break;
        }
        lines.push(text.slice(start, end + 1));
        start = end + 1;
    }
    return lines;
}
function trimNewline(line) {
    return line.replace(/[\r\n]+$/, '');
}
function trimLeadingSpace(line) {
    return line.replace(/^\s+/u, '');
}
function isComment(line) {
    return trimLeadingSpace(trimNewline(line)).startsWith('#');
}
class LineReader {
    lines;
    file;
    index = 0;
    lineCount = 0;
    escapeToken = '\\';
    continuation = /([^\\])\\[ \t]*$|^\\[ \t]*$/;
    directivesDone = false;
    directives = [];
    warnings = [];
    constructor(text, file) {
        this.lines = splitLines(text.startsWith('\uFEFF') ? text.slice(1) : text);
        this.file = file;
    }
    nextLine() {
        if (this.index >= this.lines.length)
            return undefined;
        this.lineCount++;
        return this.lines[this.index++];
    }
    readNodes() {
        const nodes = [];
        for (;;) {
            const raw = this.nextLine();
            if (raw === undefined)
                break;
            const startLine = this.lineCount;
            const processed = this.processLine(raw, true);
            let { line, complete } = this.trimContinuation(processed);
            if (complete && line === '')
                continue;
            let emptyContinuation = false;
            while (!complete) {
                const next = this.nextLine();
                if (next === undefined)
                    break;
                const cooked = this.processLine(next, false);
                // Comment lines inside a continuation are dropped; so are blank ones (with a warning).
                if (isComment(next))
                    continue;
                if (trimLeadingSpace(cooked) === '') {
                    emptyContinuation = true;
                    continue;
                }
                const part = this.trimContinuation(cooked);
                line += part.line;
                complete = part.complete;
            }
            if (emptyContinuation) {
                this.warnings.push({
                    rule: 'NoEmptyContinuation',
                    message: `Empty continuation line found in: ${line}`,
                    line: this.lineCount,
                });
            }
            const node = newNode(line, startLine, this.file);
            if (canContainHeredoc(node))
                this.readHeredocs(node, line, startLine);
            node.endLine = this.lineCount;
            if (node.child)
                node.child.endLine = this.lineCount;
            nodes.push(node);
        }
        return nodes;
    }
    /** Trims the line ending (and, for a first line, leading space), checks for a directive, drops a comment. */
    processLine(raw, stripLeft) {
        let token = trimNewline(raw);
        if (stripLeft)
            token = trimLeadingSpace(token);
        this.possibleDirective(token);
        return token.startsWith('#') ? '' : token;
    }
    possibleDirective(line) {
        if (this.directivesDone)
            return;
        const match = DIRECTIVE.exec(line);
        const name = match?.[1]?.toLowerCase();
        if (!match || name === undefined || !KNOWN_DIRECTIVES.has(name)) {
            this.directivesDone = true;
            return;
        }
        const position = { file: this.file, line: this.lineCount };
        if (this.directives.some((d) => d.name === name)) {
            throw dockerfileError(position, `only one ${name} parser directive can be used`);
        }
        const value = match[2];
        if (name === 'escape') {
            if (value !== '\\' && value !== '`') {
                throw dockerfileError(position, `invalid escape token '${value}' does not match \` or \\`);
            }
            this.escapeToken = value;
            // Continuation is the escape at the end of a line, unless the escape itself is escaped.
            this.continuation =
                value === '`' ? /([^`])`[ \t]*$|^`[ \t]*$/ : /([^\\])\\[ \t]*$|^\\[ \t]*$/;
        }
        this.directives.push({ name: name, value, line: this.lineCount });
    }
    trimContinuation(line) {
        if (this.continuation.test(line)) {
            return { line: line.replace(this.continuation, '$1'), complete: false };
        }
        return { line, complete: true };
    }
    readHeredocs(node, line, startLine) {
        for (const heredoc of heredocsInLine(line, { file: this.file, line: startLine })) {
            let terminated = false;
            for (;;) {
                const raw = this.nextLine();
                if (raw === undefined)
                    break;
                let candidate = trimNewline(raw);
                if (heredoc.chomp)
                    candidate = candidate.replace(/^\t+/, '');
                if (candidate === heredoc.name) {
                    terminated = true;
                    break;
                }
                heredoc.content += raw;
            }
            if (!terminated) {
                throw dockerfileError({ file: this.file, line: startLine, endLine: this.lineCount }, `unterminated heredoc: no line "${heredoc.name}" ends the here-document started here`);
            }
            node.heredocs.push(heredoc);
        }
    }
}
function newNode(line, startLine, file) {
    const { keyword, flags, args } = splitCommand(line);
    const node = {
        keyword,
        flags,
        args,
        original: line,
        heredocs: [],
        startLine,
        endLine: startLine,
        child: undefined,
    };
    if (keyword.toLowerCase() === 'onbuild' && args !== '') {
        node.child = newNode(args, startLine, file);
    }
    return node;
}
function canContainHeredoc(node) {
    const target = node.keyword.toLowerCase() === 'onbuild' && node.child ? node.child : node;
    if (!HEREDOC_INSTRUCTIONS.has(target.keyword.toLowerCase()))
        return false;
    return !isJsonArray(target.args);
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/signal.js
// STOPSIGNAL values Docker accepts: a non-zero number, or a Linux signal name with or without SIG.
const NAMES = new Set([
    'ABRT',
    'ALRM',
    'BUS',
    'CHLD',
    'CLD',
    'CONT',
    'FPE',
    'HUP',
    'ILL',
    'INT',
    'IO',
    'IOT',
    'KILL',
    'PIPE',
    'POLL',
    'PROF',
    'PWR',
    'QUIT',
    'SEGV',
    'STKFLT',
    'STOP',
    'SYS',
    'TERM',
    'TRAP',
    'TSTP',
    'TTIN',
    'TTOU',
    'URG',
    'USR1',
    'USR2',
    'VTALRM',
    'WINCH',
    'XCPU',
    'XFSZ',
    'RTMIN',
    'RTMAX',
]);
/** True for `SIGTERM`, `term`, `9`, `SIGRTMIN+3`, `RTMAX-2`; false for `0`, `SIGFOO`. */
function isValidSignal(raw) {
    if (/^\d+$/.test(raw))
        return Number(raw) !== 0;
    const name = raw.toUpperCase().replace(/^SIG/, '');
    if (NAMES.has(name))
        return true;
    const rt = /^RTMIN\+(\d+)$/.exec(name) ?? /^RTMAX-(\d+)$/.exec(name);
    return rt !== null && Number(rt[1]) >= 1 && Number(rt[1]) <= (name.startsWith('RTMIN') ? 15 : 14);
}

;// CONCATENATED MODULE: ./.build/src/core/build/dockerfile/plan.js
// The build plan: stages, their bases and dependencies, and every instruction expanded where Docker expands it.












/** The PATH an image gets when its base sets none (BuildKit and Buildah both add it). */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const DEFAULT_SHELL = ['/bin/sh', '-c'];
/** Build args Docker predefines: usable without an ARG, and never reported as unused. */
const PROXY_ARGS = [
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'FTP_PROXY',
    'ftp_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
];
/** Platform args: in the global scope automatically, inside a stage once declared with ARG. */
const PLATFORM_ARGS = [
    'BUILDPLATFORM',
    'BUILDOS',
    'BUILDARCH',
    'BUILDVARIANT',
    'TARGETPLATFORM',
    'TARGETOS',
    'TARGETARCH',
    'TARGETVARIANT',
    'TARGETSTAGE',
];
/**
 * Plans a Dockerfile build: parses, evaluates global ARGs and FROM lines, links stages, picks the
 * stages the target needs and expands their instructions. Throws ERR_DOCKERFILE pointing at the
 * line for anything Docker would refuse before running a step.
 */
async function planBuild(options) {
    const file = options.file ?? 'Dockerfile';
    const parsed = parseDockerfile(options.dockerfile, { file });
    const planner = new Planner(parsed, options);
    return planner.plan();
}
class Planner {
    parsed;
    options;
    file;
    escapeToken;
    warnings;
    buildArgs;
    targetPlatform;
    buildPlatform;
    /** Names any ARG (global or in a built stage) declared: those build args were consumed. */
    consumed = new Set();
    globalVars = new Map();
    globalArgs = [];
    drafts = [];
    needed = new Set();
    /** The `--from` text of image sources, for messages. */
    written = new WeakMap();
    constructor(parsed, options) {
        this.parsed = parsed;
        this.options = options;
        this.file = parsed.file;
        this.escapeToken = parsed.escapeToken;
        this.warnings = [...parsed.warnings];
        this.buildArgs = new Map(options.buildArgs instanceof Map
            ? options.buildArgs
            : Object.entries(options.buildArgs ?? {}));
        const host = (0,core_platform/* hostPlatform */.ol)();
        const linuxHost = (0,core_platform/* normalizePlatform */.FL)({
            os: 'linux',
            architecture: host.architecture,
            ...(host.variant ? { variant: host.variant } : {}),
        });
        this.targetPlatform = this.platformOption(options.platform, linuxHost, 'platform');
        this.buildPlatform = this.platformOption(options.buildPlatform, linuxHost, 'buildPlatform');
    }
    platformOption(value, fallback, name) {
        if (value === undefined)
            return fallback;
        try {
            return typeof value === 'string' ? (0,core_platform/* parsePlatform */.Y8)(value) : (0,core_platform/* normalizePlatform */.FL)(value);
        }
        catch (err) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `planBuild: option ${name}: ${err.message}`, { cause: err });
        }
    }
    position(location) {
        return { file: this.file, line: location.startLine, endLine: location.endLine };
    }
    warn(rule, message, line) {
        this.warnings.push(line === undefined ? { rule, message } : { rule, message, line });
    }
    async plan() {
        this.collectStages();
        const target = this.targetIndex();
        for (const draft of this.drafts)
            this.resolveSources(draft);
        this.checkCycles();
        const needed = this.neededFrom(target);
        this.needed = needed;
        const configs = await this.resolveBaseConfigs(needed);
        const states = new Map();
        const stages = [];
        for (const draft of this.drafts) {
            const stage = {
                index: draft.index,
                name: draft.name,
                baseName: draft.baseName,
                base: draft.base,
                platform: draft.platform,
                location: draft.from.location,
                needed: needed.has(draft.index),
                dependsOn: [...draft.dependsOn.keys()].sort((a, b) => a - b),
                instructions: [],
                config: {},
                author: undefined,
                baseConfigKnown: draft.base.kind !== 'image' || configs.has(draft.index),
            };
            if (stage.needed) {
                const state = this.initialState(draft, states, configs.get(draft.index));
                stage.instructions = this.expandStage(draft, state);
                stage.config = state.config;
                stage.author = state.author;
                states.set(draft.index, state);
            }
            stages.push(stage);
        }
        const unusedBuildArgs = [...this.buildArgs.keys()].filter((key) => !this.consumed.has(key) && !PROXY_ARGS.includes(key) && !PLATFORM_ARGS.includes(key));
        if (unusedBuildArgs.length > 0) {
            this.warn('UnusedBuildArg', `One or more build-args [${unusedBuildArgs.join(' ')}] were not consumed`);
        }
        const proxy = {};
        for (const key of PROXY_ARGS) {
            const value = this.buildArgs.get(key);
            if (value !== undefined)
                proxy[key] = value;
        }
        return {
            file: this.file,
            syntax: this.parsed.syntax,
            check: this.parsed.check,
            escapeToken: this.escapeToken,
            stages,
            targetStage: target,
            neededStages: [...needed].sort((a, b) => a - b),
            globalArgs: this.globalArgs,
            buildPlatform: this.buildPlatform,
            targetPlatform: this.targetPlatform,
            proxy,
            warnings: this.checkedWarnings(),
            unusedBuildArgs,
        };
    }
    /** Applies `# check=skip=…;error=true` to the build checks (unused build args are not a check). */
    checkedWarnings() {
        const { skip, error } = this.parsed.check;
        const kept = this.warnings.filter((w) => w.rule === 'UnusedBuildArg' || (skip !== 'all' && !skip.includes(w.rule)));
        const failing = kept.find((w) => w.rule !== 'UnusedBuildArg');
        if (error && failing) {
            throw dockerfileError({ file: this.file, line: failing.line ?? 1 }, `${failing.message} (${failing.rule}; the check directive makes build checks errors)`, { details: { rule: failing.rule } });
        }
        return kept;
    }
    // ---- stages -------------------------------------------------------------------------------
    /** Global ARGs, then one draft per FROM with its base resolved (FROM sees global ARGs only). */
    collectStages() {
        for (const [key, value] of this.platformArgs())
            this.globalVars.set(key, value);
        let current;
        for (const instruction of this.parsed.instructions) {
            if (instruction.kind === 'FROM') {
                current = this.newStage(instruction);
                this.drafts.push(current);
                continue;
            }
            if (!current) {
                if (instruction.kind !== 'ARG') {
                    throw dockerfileError(this.position(instruction.location), `${instruction.kind} before FROM: a Dockerfile must start with FROM (only ARG may come before it)`);
                }
                this.globalArg(instruction);
                continue;
            }
            current.body.push(instruction);
        }
        if (this.drafts.length === 0) {
            const last = this.parsed.instructions[this.parsed.instructions.length - 1];
            throw dockerfileError({ file: this.file, line: last.location.endLine }, 'no FROM instruction: a Dockerfile needs at least one stage');
        }
    }
    globalArg(instruction) {
        const position = this.position(instruction.location);
        for (const arg of instruction.args) {
            this.consumed.add(arg.key);
            let value = this.buildArgs.get(arg.key);
            if (value === undefined && arg.value !== undefined) {
                value = atPosition(position, () => this.expand(arg.value, this.globalVars).value);
            }
            this.globalArgs.push({ key: arg.key, value });
            // FROM lines see a global ARG without a value as set and empty, as in BuildKit.
            this.globalVars.set(arg.key, value ?? '');
        }
    }
    /** The value a stage's `ARG key` (without default) inherits: the last global ARG, else a platform arg. */
    globalValue(key) {
        for (let i = this.globalArgs.length - 1; i >= 0; i--) {
            if (this.globalArgs[i].key === key)
                return this.globalArgs[i].value;
        }
        return this.platformArgs().get(key);
    }
    /** BUILDPLATFORM, TARGETARCH… with build-arg overrides, as BuildKit's default args. */
    platformArgs() {
        const b = this.buildPlatform;
        const t = this.targetPlatform;
        const args = new Map([
            ['BUILDPLATFORM', (0,core_platform/* formatPlatform */.Bq)(b)],
            ['BUILDOS', b.os],
            ['BUILDARCH', b.architecture],
            ['BUILDVARIANT', b.variant ?? ''],
            ['TARGETPLATFORM', (0,core_platform/* formatPlatform */.Bq)(t)],
            ['TARGETOS', t.os],
            ['TARGETARCH', t.architecture],
            ['TARGETVARIANT', t.variant ?? ''],
            ['TARGETSTAGE', this.options.target ?? ''],
        ]);
        for (const key of args.keys()) {
            const override = this.buildArgs.get(key);
            if (override !== undefined)
                args.set(key, override);
        }
        return args;
    }
    newStage(from) {
        const position = this.position(from.location);
        const index = this.drafts.length;
        const expansion = atPosition(position, () => this.expand(from.image, this.globalVars));
        this.reportUndeclaredInFrom(expansion, from.location.startLine);
        const baseName = expansion.value;
        if (baseName === '') {
            throw dockerfileError(position, `base name (${from.image}) should not be blank`);
        }
        if (from.stageName !== undefined) {
            const previous = this.drafts.find((d) => d.name === from.stageName);
            if (previous) {
                throw dockerfileError(position, `duplicate stage name "${from.stageName}" (first used on line ${previous.from.location.startLine})`);
            }
            if (from.stageName === 'scratch' || from.stageName === 'context') {
                this.warn('ReservedStageName', `Stage name should not use the same name as reserved stage "${from.stageName}"`, from.location.startLine);
            }
        }
        let base;
        let platform;
        const parent = this.drafts.find((d) => d.name === baseName.toLowerCase());
        if (baseName === 'scratch') {
            base = { kind: 'scratch' };
        }
        else if (parent) {
            base = { kind: 'stage', index: parent.index };
        }
        else {
            const reference = this.reference(baseName, position, 'FROM');
            base = { kind: 'image', name: (0,core_reference/* formatReference */.FH)(reference), reference };
        }
        if (from.platform !== undefined) {
            const text = atPosition(position, () => this.expand(from.platform, this.globalVars)).value;
            try {
                platform = (0,core_platform/* parsePlatform */.Y8)(text);
            }
            catch (err) {
                throw dockerfileError(position, `FROM --platform: ${err.message}`, {
                    cause: err,
                });
            }
        }
        else {
            platform = parent ? parent.platform : this.targetPlatform;
        }
        const draft = {
            index,
            name: from.stageName,
            from,
            body: [],
            baseName,
            base,
            platform,
            dependsOn: new Map(),
            sources: new Map(),
            mountSources: new Map(),
        };
        if (parent)
            draft.dependsOn.set(parent.index, from.location);
        return draft;
    }
    reportUndeclaredInFrom(expansion, line) {
        for (const name of expansion.unset) {
            const hint = didYouMean(name, this.globalArgs.map((a) => a.key));
            this.warn('UndeclaredArgInFrom', `FROM argument '${name}' is not declared${hint}`, line);
        }
    }
    reference(name, position, what) {
        try {
            return (0,core_reference/* parseReference */.F2)(name);
        }
        catch (err) {
            throw dockerfileError(position, `${what}: ${err.message}`, { cause: err });
        }
    }
    targetIndex() {
        const target = this.options.target;
        if (target === undefined || target === '')
            return this.drafts.length - 1;
        const found = this.drafts.find((d) => d.name === target.toLowerCase());
        if (found)
            return found.index;
        const names = this.drafts.map((d) => d.name).filter((n) => n !== undefined);
        throw new errors/* LighterError */.Kt('ERR_DOCKERFILE', `${this.file}: target stage "${target}" could not be found${didYouMean(target, names)}${names.length === 0 ? ' (no stage has a name)' : ` (stages: ${names.join(', ')})`}`, { details: { file: this.file, target } });
    }
    /** Resolves COPY --from and RUN --mount from= of a stage (and of the triggers it inherits). */
    resolveSources(draft) {
        for (const instruction of draft.body)
            this.resolveSourcesOf(instruction, draft, instruction.location);
        // A parent stage's ONBUILD triggers run in this stage: what they read, this stage needs.
        if (draft.base.kind === 'stage') {
            for (const instruction of this.drafts[draft.base.index].body) {
                if (instruction.kind === 'ONBUILD') {
                    this.resolveSourcesOf(instruction.trigger, draft, draft.from.location);
                }
            }
        }
    }
    resolveSourcesOf(instruction, draft, location) {
        const position = this.position(location);
        if (instruction.kind === 'COPY' && instruction.from !== undefined) {
            draft.sources.set(instruction, this.sourceRef(instruction.from, draft, position, location));
        }
        if (instruction.kind === 'RUN') {
            const refs = instruction.mounts.map((raw) => {
                const mount = atPosition(position, () => parseMount(raw));
                if (mount.from === undefined)
                    return undefined;
                return this.sourceRef(mount.from, draft, position, location);
            });
            draft.mountSources.set(instruction, refs);
        }
    }
    sourceRef(from, draft, position, location) {
        let index;
        if (/^\d+$/.test(from)) {
            index = Number(from);
            if (index >= this.drafts.length) {
                throw dockerfileError(position, `invalid stage index ${from}: the Dockerfile has ${this.drafts.length} stage${this.drafts.length === 1 ? '' : 's'} (0-${this.drafts.length - 1})`);
            }
        }
        else {
            index = this.drafts.find((d) => d.name === from.toLowerCase())?.index;
        }
        if (index !== undefined) {
            if (!draft.dependsOn.has(index))
                draft.dependsOn.set(index, location);
            return { kind: 'stage', index };
        }
        let reference;
        try {
            reference = (0,core_reference/* parseReference */.F2)(from);
        }
        catch (err) {
            const names = this.drafts.map((d) => d.name).filter((n) => n !== undefined);
            throw dockerfileError(position, `no stage or image named ${JSON.stringify(from)}${didYouMean(from, names, 'stage ')} (${err.message})`, { cause: err });
        }
        const names = this.drafts.map((d) => d.name).filter((n) => n !== undefined);
        const near = closest(from, names);
        if (near !== undefined) {
            this.warn('FromIsImage', `--from=${from} names no stage, so the image ${(0,core_reference/* formatReference */.FH)(reference)} will be pulled (did you mean stage ${near}?)`, location.startLine);
        }
        const ref = { kind: 'image', name: (0,core_reference/* formatReference */.FH)(reference), reference };
        this.written.set(ref, from);
        return ref;
    }
    checkCycles() {
        const visiting = new Set();
        const done = new Set();
        const visit = (index) => {
            if (done.has(index))
                return;
            visiting.add(index);
            const draft = this.drafts[index];
            for (const [dep, location] of draft.dependsOn) {
                if (visiting.has(dep)) {
                    throw dockerfileError(this.position(location), `circular dependency detected on stage: ${draft.name ?? draft.index}`);
                }
                visit(dep);
            }
            visiting.delete(index);
            done.add(index);
        };
        for (const draft of this.drafts)
            visit(draft.index);
    }
    neededFrom(target) {
        const needed = new Set();
        const walk = (index) => {
            if (needed.has(index))
                return;
            needed.add(index);
            for (const dep of this.drafts[index].dependsOn.keys())
                walk(dep);
        };
        walk(target);
        return needed;
    }
    /**
     * Asks `resolveImage` for the config of every needed base image, and checks that images named
     * by COPY --from and RUN --mount from= exist: one it reports missing (ERR_NOT_FOUND) is "no
     * stage or image named …" at that line.
     */
    async resolveBaseConfigs(needed) {
        const configs = new Map();
        const resolve = this.options.resolveImage;
        if (!resolve)
            return configs;
        const lookups = [];
        for (const draft of this.drafts) {
            if (!needed.has(draft.index))
                continue;
            if (draft.base.kind === 'image') {
                const name = draft.base.name;
                const position = this.position(draft.from.location);
                lookups.push((async () => {
                    try {
                        const config = await resolve(name, draft.platform);
                        if (config)
                            configs.set(draft.index, structuredClone(config));
                    }
                    catch (err) {
                        throw dockerfileError(position, `FROM ${draft.baseName}: ${err.message}`, {
                            cause: err,
                        });
                    }
                })());
            }
            const sources = [];
            for (const instruction of draft.body) {
                sources.push([draft.sources.get(instruction), instruction.location]);
                for (const ref of draft.mountSources.get(instruction) ?? []) {
                    sources.push([ref, instruction.location]);
                }
            }
            for (const [ref, location] of sources) {
                if (ref?.kind !== 'image')
                    continue;
                const position = this.position(location);
                lookups.push((async () => {
                    try {
                        await resolve(ref.name, draft.platform);
                    }
                    catch (err) {
                        if ((0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND')) {
                            const names = this.drafts
                                .map((d) => d.name)
                                .filter((n) => n !== undefined);
                            const raw = this.written.get(ref) ?? ref.name;
                            throw dockerfileError(position, `no stage or image named ${JSON.stringify(raw)}${didYouMean(raw, names, 'stage ')}`, { cause: err });
                        }
                        throw dockerfileError(position, `${ref.name}: ${err.message}`, {
                            cause: err,
                        });
                    }
                })());
            }
        }
        await Promise.all(lookups);
        return configs;
    }
    // ---- expansion ----------------------------------------------------------------------------
    expand(word, env) {
        return expandWord(word, env, { escapeToken: this.escapeToken });
    }
    initialState(draft, states, imageConfig) {
        let vars;
        let config;
        let author;
        if (draft.base.kind === 'stage') {
            const parent = states.get(draft.base.index);
            // BuildKit starts from the parent's whole state, its ARG values included.
            vars = new Map(parent.vars);
            config = structuredClone(parent.config);
            author = parent.author;
        }
        else {
            vars = new Map();
            config = draft.base.kind === 'image' ? (imageConfig ?? {}) : {};
        }
        const env = config.Env ?? [];
        if (!env.some((e) => e.split('=', 1)[0] === 'PATH'))
            env.push(`PATH=${DEFAULT_PATH}`);
        config.Env = env;
        for (const entry of env) {
            const eq = entry.indexOf('=');
            vars.set(eq === -1 ? entry : entry.slice(0, eq), eq === -1 ? '' : entry.slice(eq + 1));
        }
        // Triggers run once, in the stage built on the image that carries them.
        const triggers = config.OnBuild ?? [];
        delete config.OnBuild;
        return { vars, config, author, args: [], cmdSet: false, triggers };
    }
    expandStage(draft, state) {
        const planned = [];
        for (const instruction of this.triggerInstructions(draft, state)) {
            planned.push(this.dispatch(instruction, draft, state, true));
        }
        for (const instruction of draft.body) {
            planned.push(this.dispatch(instruction, draft, state, false));
        }
        return planned;
    }
    /** The base's ONBUILD triggers, parsed as instructions located at the FROM line. */
    triggerInstructions(draft, state) {
        if (state.triggers.length === 0)
            return [];
        const position = this.position(draft.from.location);
        let parsed;
        try {
            parsed = parseDockerfile(state.triggers.join('\n'), { file: 'ONBUILD' });
        }
        catch (err) {
            throw dockerfileError(position, `ONBUILD trigger of ${draft.baseName}: ${err.message}`, {
                cause: err,
            });
        }
        const instructions = parsed.instructions.map((instruction) => {
            if (['FROM', 'ONBUILD', 'MAINTAINER'].includes(instruction.kind)) {
                throw dockerfileError(position, `${instruction.kind} isn't allowed as an ONBUILD trigger (in ${draft.baseName})`);
            }
            const relocated = { ...instruction, location: draft.from.location };
            this.resolveSourcesOf(relocated, draft, draft.from.location);
            for (const ref of [
                draft.sources.get(relocated),
                ...(draft.mountSources.get(relocated) ?? []),
            ]) {
                if (ref?.kind === 'stage' && !this.needed.has(ref.index)) {
                    throw dockerfileError(position, `an ONBUILD trigger of ${draft.baseName} reads stage ${this.drafts[ref.index].name ?? ref.index}, which this build does not otherwise need; build it first (or name it in --target)`);
                }
            }
            return relocated;
        });
        this.checkCycles();
        return instructions;
    }
    dispatch(instruction, draft, state, trigger) {
        const position = this.position(instruction.location);
        return atPosition(position, () => this.dispatchAt(instruction, draft, state, trigger, position));
    }
    /** Expands a word with the stage's variables, warning about undefined plain references. */
    word(value, state, line) {
        const expansion = this.expand(value, state.vars);
        for (const name of expansion.undefinedReferences) {
            if (state.args.some((a) => a.key === name) || PROXY_ARGS.includes(name))
                continue;
            const hint = didYouMean(name, state.vars.keys(), '$');
            this.warn('UndefinedVar', `Usage of undefined variable '$${name}'${hint}`, line);
        }
        return expansion.value;
    }
    dispatchAt(instruction, draft, state, trigger, position) {
        const common = { location: instruction.location, original: instruction.original, trigger };
        const line = instruction.location.startLine;
        const config = state.config;
        // Every word of an instruction sees the variables as they were before it.
        const before = new Map(state.vars);
        const w = (value) => this.word(value, { ...state, vars: before }, line);
        switch (instruction.kind) {
            case 'FROM':
                throw new DockerfileSyntaxError('FROM cannot appear inside a stage');
            case 'ENV': {
                if (instruction.legacy) {
                    this.warn('LegacyKeyValueFormat', '"ENV key=value" should be used instead of legacy "ENV key value" format', line);
                }
                const pairs = instruction.pairs.map((p) => ({ key: w(p.key), value: w(p.value) }));
                for (const { key, value } of pairs) {
                    state.vars.set(key, value);
                    setEnv(config, key, value);
                }
                return { kind: 'ENV', ...common, pairs };
            }
            case 'LABEL': {
                if (instruction.legacy) {
                    this.warn('LegacyKeyValueFormat', '"LABEL key=value" should be used instead of legacy "LABEL key value" format', line);
                }
                const pairs = instruction.pairs.map((p) => ({ key: w(p.key), value: w(p.value) }));
                config.Labels ??= {};
                for (const { key, value } of pairs)
                    config.Labels[key] = value;
                return { kind: 'LABEL', ...common, pairs };
            }
            case 'ARG': {
                const args = instruction.args.map((arg) => {
                    this.consumed.add(arg.key);
                    let value = this.buildArgs.get(arg.key);
                    if (value === undefined) {
                        value =
                            arg.value !== undefined
                                ? this.expand(arg.value, state.vars).value
                                : this.globalValue(arg.key);
                    }
                    if (value !== undefined)
                        state.vars.set(arg.key, value);
                    state.args = state.args.filter((a) => a.key !== arg.key);
                    state.args.push({ key: arg.key, value });
                    return { key: arg.key, value };
                });
                return { kind: 'ARG', ...common, args };
            }
            case 'RUN': {
                const refs = draft.mountSources.get(instruction) ?? [];
                const workdir = config.WorkingDir || '/';
                const mounts = instruction.mounts.map((raw, i) => {
                    const mount = parseMount(raw, w);
                    let fromSource = refs[i];
                    if (mount.type === 'bind' && fromSource === undefined)
                        fromSource = { kind: 'context' };
                    let targetPath;
                    if (mount.target !== undefined) {
                        targetPath = external_node_path_.posix.resolve(workdir, mount.target);
                        if (targetPath === '/') {
                            throw new DockerfileSyntaxError(`invalid mount target ${JSON.stringify(mount.target)}`);
                        }
                    }
                    if (mount.type === 'cache')
                        mount.id ??= targetPath;
                    return { ...mount, fromSource, targetPath };
                });
                const shell = config.Shell?.length ? config.Shell : [...DEFAULT_SHELL];
                const { argv, script } = runArgv(instruction, shell);
                const buildArgs = state.args
                    .filter((a) => a.value !== undefined)
                    .map((a) => ({ key: a.key, value: state.vars.get(a.key) ?? a.value }));
                return {
                    kind: 'RUN',
                    ...common,
                    command: instruction.command,
                    prependShell: instruction.prependShell,
                    heredocs: instruction.heredocs,
                    argv,
                    script,
                    mounts,
                    network: (instruction.network ?? 'default'),
                    security: (instruction.security ?? 'sandbox'),
                    env: [...state.vars].map(([k, v]) => `${k}=${v}`),
                    buildArgs,
                    workdir,
                    user: config.User ?? '',
                };
            }
            case 'CMD':
            case 'ENTRYPOINT': {
                if (instruction.prependShell) {
                    this.warn('JSONArgsRecommended', `JSON arguments recommended for ${instruction.kind} to prevent unintended behavior related to OS signals`, line);
                }
                const shell = config.Shell?.length ? config.Shell : [...DEFAULT_SHELL];
                let argv = instruction.prependShell
                    ? [...shell, instruction.command.join(' ')]
                    : [...instruction.command];
                if (instruction.kind === 'CMD') {
                    config.Cmd = argv;
                    state.cmdSet = true;
                    return { kind: 'CMD', ...common, ...commandOf(instruction), argv };
                }
                if (!instruction.prependShell && argv.length === 0)
                    argv = null;
                config.Entrypoint = argv;
                // A new ENTRYPOINT drops the CMD inherited from the base, not one set in this stage.
                if (!state.cmdSet)
                    config.Cmd = null;
                return { kind: 'ENTRYPOINT', ...common, ...commandOf(instruction), argv };
            }
            case 'SHELL':
                config.Shell = [...instruction.shell];
                return { kind: 'SHELL', ...common, shell: [...instruction.shell] };
            case 'COPY':
            case 'ADD': {
                const sources = instruction.sources.map(w);
                const dest = w(instruction.dest);
                const chown = instruction.chown === undefined ? undefined : w(instruction.chown);
                const chmod = instruction.chmod === undefined ? undefined : w(instruction.chmod);
                if (chmod !== undefined && !isValidChmod(chmod)) {
                    throw new DockerfileSyntaxError(`invalid chmod parameter: ${JSON.stringify(chmod)}`);
                }
                const inlineSources = instruction.inlineSources.map((s) => ({
                    name: s.name,
                    content: s.expand ? expandWord(s.content, before, { skipQuotes: true }).value : s.content,
                }));
                if (sources.length + inlineSources.length > 1 && !namesDirectory(dest)) {
                    throw new DockerfileSyntaxError(`When using ${instruction.kind} with more than one source file, the destination must be a directory and end with a /`);
                }
                const workdir = config.WorkingDir || '/';
                let destPath = external_node_path_.posix.resolve(workdir, dest);
                if (namesDirectory(dest) && !destPath.endsWith('/'))
                    destPath += '/';
                const common2 = {
                    ...common,
                    sources,
                    inlineSources,
                    dest,
                    destPath,
                    chown,
                    chmod,
                    link: instruction.link,
                    exclude: [...instruction.exclude],
                };
                if (instruction.kind === 'COPY') {
                    for (const src of sources) {
                        if (plan_isUrl(src))
                            throw new DockerfileSyntaxError("source can't be a URL for COPY");
                    }
                    const from = draft.sources.get(instruction) ?? { kind: 'context' };
                    return { kind: 'COPY', ...common2, from, parents: instruction.parents };
                }
                const checksum = instruction.checksum === undefined ? undefined : w(instruction.checksum);
                if (checksum !== undefined) {
                    const remote = sources.filter((s) => plan_isUrl(s) || isGitSource(s));
                    if (remote.length !== sources.length || sources.length === 0) {
                        throw new DockerfileSyntaxError('checksum can only be used with HTTP(S) and Git sources');
                    }
                    if (sources.some(plan_isUrl) && !/^sha256:[a-f0-9]{64}$/.test(checksum)) {
                        throw new DockerfileSyntaxError(`invalid checksum ${JSON.stringify(checksum)}: expected sha256:<64 hex digits>`);
                    }
                }
                return {
                    kind: 'ADD',
                    ...common2,
                    from: { kind: 'context' },
                    checksum,
                    keepGitDir: instruction.keepGitDir,
                    unpack: instruction.unpack,
                };
            }
            case 'WORKDIR': {
                const path = w(instruction.path);
                const resolved = external_node_path_.posix.resolve(config.WorkingDir || '/', path);
                config.WorkingDir = resolved;
                return { kind: 'WORKDIR', ...common, path, resolved };
            }
            case 'USER': {
                const user = w(instruction.user);
                config.User = user;
                return { kind: 'USER', ...common, user };
            }
            case 'VOLUME': {
                const volumes = instruction.volumes.map(w);
                if (volumes.includes('')) {
                    throw new DockerfileSyntaxError('VOLUME specified can not be an empty string');
                }
                config.Volumes ??= {};
                for (const v of volumes)
                    config.Volumes[v] = {};
                return { kind: 'VOLUME', ...common, volumes };
            }
            case 'EXPOSE': {
                const ports = [];
                for (const spec of instruction.ports) {
                    const words = this.expand(spec, before).words;
                    for (const word of words) {
                        const parsed = parseExposedPort(word);
                        for (const note of parsed.notes)
                            this.warn(note.rule, note.message, line);
                        ports.push(...parsed.ports);
                    }
                }
                config.ExposedPorts ??= {};
                for (const p of ports)
                    config.ExposedPorts[p] = {};
                return { kind: 'EXPOSE', ...common, ports };
            }
            case 'STOPSIGNAL': {
                const signal = w(instruction.signal);
                if (!isValidSignal(signal))
                    throw new DockerfileSyntaxError(`Invalid signal: ${signal}`);
                config.StopSignal = signal;
                return { kind: 'STOPSIGNAL', ...common, signal };
            }
            case 'MAINTAINER':
                this.warn('MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label', line);
                state.author = instruction.maintainer;
                return { kind: 'MAINTAINER', ...common, maintainer: instruction.maintainer };
            case 'HEALTHCHECK':
                config.Healthcheck = structuredClone(instruction.healthcheck);
                return {
                    kind: 'HEALTHCHECK',
                    ...common,
                    healthcheck: structuredClone(instruction.healthcheck),
                };
            case 'ONBUILD':
                config.OnBuild = [...(config.OnBuild ?? []), instruction.expression];
                return { kind: 'ONBUILD', ...common, expression: instruction.expression };
        }
        throw new DockerfileSyntaxError(`unexpected instruction at line ${position.line}`);
    }
}
function commandOf(instruction) {
    return { command: [...instruction.command], prependShell: instruction.prependShell };
}
function setEnv(config, key, value) {
    const env = config.Env ?? [];
    const i = env.findIndex((e) => e === key || e.startsWith(`${key}=`));
    if (i === -1)
        env.push(`${key}=${value}`);
    else
        env[i] = `${key}=${value}`;
    config.Env = env;
}
/** A destination ending in `/` (or `.`) is a directory: sources go inside it. */
function namesDirectory(dest) {
    return dest === '' || dest === '.' || dest.endsWith('/') || dest.endsWith('/.');
}
function plan_isUrl(src) {
    return /^https?:\/\//i.test(src);
}
function isGitSource(src) {
    return /^git@|^git:\/\/|^ssh:\/\/|\.git(#.*)?$/.test(src);
}
/** Octal (`755`, `0644`) or chmod(1) symbolic (`u=rwX,go=rX`, `+x`). */
function isValidChmod(mode) {
    if (/^[0-7]{1,4}$/.test(mode))
        return true;
    return /^([ugoa]*([-+=]([rwxXst]*|[ugo]))+)(,[ugoa]*([-+=]([rwxXst]*|[ugo]))+)*$/.test(mode);
}
/**
 * What RUN executes, as BuildKit decides it: exec form as is; shell form after the shell; a
 * command that is only a heredoc runs its body (directly when it starts with `#!`); other
 * heredocs are appended to the command line for the shell to read.
 */
function runArgv(run, shell = DEFAULT_SHELL) {
    if (!run.prependShell)
        return { argv: [...run.command], script: undefined };
    const line = run.command.join(' ');
    if (run.heredocs.length > 0) {
        const first = run.heredocs[0];
        const only = parseHeredocWord(line);
        if (only) {
            const content = first.chomp ? chompHeredoc(first.content) : first.content;
            if (content.startsWith('#!')) {
                const path = `/dev/pipes/${first.name}`;
                return { argv: [path], script: { path, content, mode: 0o755 } };
            }
            return { argv: [...shell, content], script: undefined };
        }
        let full = line;
        for (const heredoc of run.heredocs)
            full += `\n${heredoc.content}${heredoc.name}`;
        return { argv: [...shell, full], script: undefined };
    }
    return { argv: [...shell, line], script: undefined };
}

;// CONCATENATED MODULE: ./.build/src/core/build/image-state.js
// An image as a build holds it between steps: its layers (blobs and unpacked dirs in the store), config and history.








/** The identity of an image's filesystem: the chain ID of its top layer, or `scratch`. */
function fsIdentity(layers) {
    if (layers.length === 0)
        return 'scratch';
    return (0,chain_id/* chainIds */.s)(layers.map((l) => l.diffId)).at(-1);
}
function scratchImage(platform) {
    return {
        name: 'scratch',
        layers: [],
        config: {
            architecture: platform.architecture,
            os: platform.os,
            ...(platform.variant ? { variant: platform.variant } : {}),
            config: {},
            rootfs: { type: 'layers', diff_ids: [] },
        },
        history: [],
        platform,
    };
}
/**
 * The unpacked dirs of a layer stack, top first (overlayfs' lowerdir order), unpacking from the
 * store's blobs whatever is not unpacked yet. Claims every dir in `lease` first.
 */
async function layerDirs(store, lease, layers) {
    if (layers.length === 0)
        return [];
    const chains = (0,chain_id/* chainIds */.s)(layers.map((l) => l.diffId));
    await lease.claim([
        ...layers.map((l) => l.digest),
        ...chains.map((c) => (0,storage_lease/* layerClaim */.Ys)((0,chain_id/* layerDirName */.O)(c))),
    ]);
    await Promise.all(chains.map(async (chain, i) => {
        const path = (0,unpack/* layerPath */.nV)(store.layersDir, chain);
        if (await (0,unpack/* isDirectory */.wd)(path))
            return;
        const layer = layers[i];
        const what = `unpacking layer ${layer.digest}`;
        store.logger.debug(what);
        await image_state_unpack(store, layer, chain, what);
    }));
    return chains.map((c) => (0,unpack/* layerPath */.nV)(store.layersDir, c)).reverse();
}
/** Extracts one layer blob into a temp dir under layers/ and renames it into place once its diff ID checks out. */
async function image_state_unpack(store, layer, chain, what) {
    const temp = await (0,unpack/* makeTempLayerDir */.Fk)(store.layersDir);
    try {
        const applied = await (0,unpack/* extractInto */.Qz)((0,external_node_fs_.createReadStream)(store.writer.blobFile(layer.digest)), temp, (0,media_types/* layerCompression */.AH)(layer.mediaType) ?? 'auto', store.logger);
        if (applied.diffId !== layer.diffId) {
            throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${what}: the uncompressed layer is ${applied.diffId}, but the image config says ${layer.diffId}`);
        }
        await (0,unpack/* placeLayerDir */.We)(temp, store.layersDir, chain);
    }
    catch (err) {
        await (0,remove_tree/* removeTree */.d)(temp).catch(() => { });
        throw err;
    }
}
/**
 * FROM images (and COPY --from / RUN --mount from= images): found in the store, or pulled into
 * it when missing, one lookup per name and platform for the whole build.
 */
class BaseImages {
    #store;
    #lease;
    #options;
    #images = new Map();
    constructor(store, lease, options) {
        this.#store = store;
        this.#lease = lease;
        this.#options = options;
    }
    get(name, platform) {
        const key = `${name} ${(0,core_platform/* formatPlatform */.Bq)(platform)}`;
        let image = this.#images.get(key);
        if (!image) {
            image = this.#load(name, platform);
            this.#images.set(key, image);
            image.catch(() => this.#images.delete(key));
        }
        return image;
    }
    /** The runtime config the planner needs to expand a stage built on `name`. */
    async config(name, platform) {
        return (await this.get(name, platform)).config.config ?? {};
    }
    async #load(name, platform) {
        const store = this.#store;
        const logger = this.#options.logger;
        let stored;
        try {
            stored = await store.resolve(name);
        }
        catch (err) {
            if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND'))
                throw err;
        }
        if (stored) {
            const inspected = await store.inspect(stored, { platform }).catch(() => undefined);
            const config = inspected?.config;
            const matches = config &&
                (0,core_platform/* platformMatches */.J5)(platform, {
                    os: config.os,
                    architecture: config.architecture,
                    ...(config.variant ? { variant: config.variant } : {}),
                });
            if (!matches) {
                logger.info(`${name} in the store is not for ${(0,core_platform/* formatPlatform */.Bq)(platform)}; pulling it`);
                stored = undefined;
            }
        }
        if (!stored) {
            logger.info(`Pulling ${name} (${(0,core_platform/* formatPlatform */.Bq)(platform)}): not in the store yet`);
            try {
                const { pull } = await Promise.all(/* import() */[__webpack_require__.e(7473), __webpack_require__.e(881)]).then(__webpack_require__.bind(__webpack_require__, 3262));
                stored = (await pull(store, name, {
                    platform,
                    logger,
                    ...(this.#options.registry?.(name) ? { registry: this.#options.registry(name) } : {}),
                })).image;
            }
            catch (err) {
                const notFound = (0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND') || (0,errors/* isLighterError */.E0)(err, 'ERR_DENIED');
                throw new errors/* LighterError */.Kt(notFound ? 'ERR_NOT_FOUND' : (0,errors/* isLighterError */.E0)(err) ? err.code : 'ERR_REGISTRY', `pulling ${name}: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
            }
        }
        const inspected = await store.inspect(stored, { platform });
        const { manifest, config } = inspected;
        await this.#lease.claim([
            inspected.digest,
            manifest.config.digest,
            ...manifest.layers.map((l) => l.digest),
        ]);
        const diffIds = config.rootfs.diff_ids;
        if (diffIds.length !== manifest.layers.length) {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${name}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length}`);
        }
        return {
            name,
            layers: manifest.layers.map((l, i) => ({
                digest: l.digest,
                diffId: diffIds[i],
                size: l.size,
                mediaType: l.mediaType,
            })),
            config,
            history: [...(config.history ?? [])],
            platform: {
                os: config.os,
                architecture: config.architecture,
                ...(config.variant ? { variant: config.variant } : {}),
            },
        };
    }
}

// EXTERNAL MODULE: ./.build/src/core/fs/atomic-write.js
var atomic_write = __webpack_require__(4680);
;// CONCATENATED MODULE: ./.build/src/core/build/layer-cache.js
// The layer cache: each layer step's result kept in the store as a small image, found again by a key of everything that decides it.
//
// All entries sit in one OCI index blob, named by a single unnamed index.json entry (so prune
// keeps them, `prune --all` drops them, `images` shows one line, and the CI cache, which saves
// the store's images, carries them to the next run). An entry is a manifest of the whole layer
// stack after its step, annotated with its key, the step it was made for and a digest of each
// input, so a miss can say which input changed. The key hashes the filesystem the step starts
// from (the chain ID of its parent layers), the instruction after expansion, the build args it
// uses, and the content of what it reads (COPY sources, bind mounts). Whole images and the
// contents of cache mounts are kept there too.








const CACHE_KEY = 'io.lighter.build.cache.key';
const CACHE_STEP = 'io.lighter.build.cache.step';
const CACHE_INPUTS = 'io.lighter.build.cache.inputs';
const CACHE_EMPTY = 'io.lighter.build.cache.empty';
/** On a whole image's entry: its platform, as JSON (the descriptor in an index has none). */
const CACHE_PLATFORM = 'io.lighter.build.cache.platform';
const CACHE_USED = 'io.lighter.build.cache.used';
/** On the index.json entry of the cache index, and on that index. */
const BUILD_CACHE = 'io.lighter.build.cache';
/** On a cache-mount entry: the mount's id. */
const CACHE_MOUNT = 'io.lighter.build.cache-mount';
/** Entries kept per step (the newest by last use); older ones go when a build adds more. */
const KEEP_PER_STEP = 4;
function layer_cache_short(value) {
    return (0,external_node_crypto_.createHash)('sha256').update(value).digest('hex').slice(0, 16);
}
function sorted(record) {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
/** The key: sha256 over the inputs in a fixed order. */
function cacheKey(inputs) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([inputs.parent, sorted(inputs.fields), sorted(inputs.args)]))
        .digest('hex');
}
function summarize(inputs) {
    const f = {};
    for (const [k, v] of Object.entries(inputs.fields))
        f[k] = layer_cache_short(v);
    const a = {};
    for (const [k, v] of Object.entries(inputs.args))
        a[k] = layer_cache_short(v);
    return { p: inputs.parent, f: sorted(f), a: sorted(a) };
}
const FIELD_WORDS = {
    instruction: 'the instruction changed',
    sources: 'the files it copies changed',
    env: 'the environment (ENV) changed',
    user: 'the USER changed',
    workdir: 'the WORKDIR changed',
    mounts: 'its --mount sources changed',
    network: 'its --network changed',
    secrets: 'the secrets it mounts changed',
    platform: 'the platform changed',
    owner: 'the owner changed',
};
/** Why `now` misses when `before` was the last entry for the same step: the inputs that differ. */
function explainMiss(before, now) {
    const reasons = [];
    if (before.p !== now.p)
        reasons.push('an earlier step changed (different parent layers)');
    for (const field of new Set([...Object.keys(before.f), ...Object.keys(now.f)])) {
        if (before.f[field] !== now.f[field])
            reasons.push(FIELD_WORDS[field] ?? `${field} changed`);
    }
    const args = [...new Set([...Object.keys(before.a), ...Object.keys(now.a)])]
        .filter((k) => before.a[k] !== now.a[k])
        .sort();
    if (args.length > 0) {
        reasons.push(`build arg${args.length > 1 ? 's' : ''} ${args.join(', ')} changed`);
    }
    return reasons.length > 0 ? reasons.join('; ') : 'the cached layer is gone from the store';
}
class LayerCache {
    #store;
    #options;
    #byKey = new Map();
    #mounts = new Map();
    #added = [];
    #addedMounts = [];
    #used = new Set();
    /** Blobs of new entries, written together just before index.json names them. */
    #pending = [];
    #now;
    constructor(store, options) {
        this.#store = store;
        this.#options = options;
        this.#now = new Date().toISOString();
    }
    /** Reads the cache index (or indexes, after a CI-cache restore brought another one). */
    static async open(store, options) {
        const cache = new LayerCache(store, options);
        for (const child of await readEntries(store, await store.writer.readIndex(), options.logger)) {
            const key = child.annotations?.[CACHE_KEY];
            const mount = child.annotations?.[CACHE_MOUNT];
            if (key !== undefined)
                cache.#byKey.set(key, known(child));
            else if (mount !== undefined)
                cache.#mounts.set(mount, child);
        }
        return cache;
    }
    get enabled() {
        return this.#options.use;
    }
    /** The kept contents of each cache mount, by id (a one-layer image each). */
    get mountImages() {
        return this.#mounts;
    }
    /**
     * The cached result for `key`, its blobs claimed in `lease`; undefined on a miss (or when a
     * blob the entry needs is gone, which counts as a miss).
     */
    async lookup(key, lease) {
        if (!this.#options.use)
            return undefined;
        const entry = this.#byKey.get(key);
        if (!entry)
            return undefined;
        try {
            const manifest = await this.#claimed(entry.descriptor, lease);
            if (!manifest)
                return undefined;
            this.#used.add(key);
            if (entry.descriptor.annotations?.[CACHE_EMPTY] === 'true')
                return { layer: undefined };
            const config = (0,core_manifest/* parseImageConfig */.FB)(await this.#store.readBlob(manifest.config));
            const last = manifest.layers[manifest.layers.length - 1];
            const diffId = config.rootfs.diff_ids[config.rootfs.diff_ids.length - 1];
            if (!last || !diffId)
                return undefined;
            return {
                layer: { digest: last.digest, diffId, size: last.size, mediaType: last.mediaType },
            };
        }
        catch (err) {
            this.#options.logger.debug(`layer cache entry ${key.slice(0, 12)}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return undefined;
        }
    }
    /**
     * A whole image made before from the same layers and config (timestamps aside): a fully
     * cached build gives the very same image, as buildah's and BuildKit's do.
     */
    async lookupImage(key, lease) {
        if (!this.#options.use)
            return undefined;
        const entry = this.#byKey.get(key);
        if (!entry)
            return undefined;
        try {
            const manifest = await this.#claimed(entry.descriptor, lease);
            if (!manifest)
                return undefined;
            this.#used.add(key);
            const { annotations, ...descriptor } = entry.descriptor;
            const platform = annotations?.[CACHE_PLATFORM];
            return {
                descriptor: { ...descriptor, ...(platform ? { platform: JSON.parse(platform) } : {}) },
                configDigest: manifest.config.digest,
            };
        }
        catch (err) {
            this.#options.logger.debug(`image cache entry ${key.slice(0, 12)}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            return undefined;
        }
    }
    /**
     * Reads an entry's manifest, then claims it and every blob it names in one round trip of the
     * store lock, and checks they are all still there (a prune in between makes it a miss).
     */
    async #claimed(descriptor, lease) {
        const parsed = (0,core_manifest/* parseManifest */.Ng)(await this.#store.readBlob(descriptor), descriptor.mediaType);
        if (parsed.kind !== 'image')
            return undefined;
        const blobs = [descriptor, parsed.manifest.config, ...parsed.manifest.layers];
        await lease.claim(blobs.map((b) => b.digest));
        for (const blob of blobs)
            if (!(await this.#store.writer.hasBlob(blob)))
                return undefined;
        return parsed.manifest;
    }
    /** Why `inputs` found nothing: compared with the newest entry made for the same step. */
    explain(step, inputs) {
        if (!this.#options.use)
            return this.#options.record ? '--no-cache' : 'the layer cache is off';
        let latest;
        for (const entry of [...this.#byKey.values(), ...this.#added]) {
            if (entry.step !== step || !entry.summary)
                continue;
            if (!latest || entry.used > latest.used)
                latest = entry;
        }
        if (!latest?.summary)
            return 'not built before';
        return explainMiss(latest.summary, summarize(inputs));
    }
    /**
     * Records a step's result: a small image of the stack after it, kept by `commit` once the
     * whole build has succeeded (a failed build leaves nothing behind).
     */
    record(key, step, inputs, stack, empty, platform) {
        if (!this.#options.record)
            return;
        const config = jsonBlob(bareConfig(platform, stack), media_types/* MediaType */.zu.ociConfig);
        const manifest = {
            schemaVersion: 2,
            mediaType: media_types/* MediaType */.zu.ociManifest,
            config: config.descriptor,
            layers: stack.map((l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size })),
        };
        const manifestBlob = jsonBlob(manifest, media_types/* MediaType */.zu.ociManifest);
        this.#pending.push(config, manifestBlob);
        this.#add({
            ...manifestBlob.descriptor,
            annotations: {
                [CACHE_KEY]: key,
                [CACHE_STEP]: step,
                [CACHE_INPUTS]: JSON.stringify(summarize(inputs)),
                [CACHE_USED]: this.#now,
                ...(empty ? { [CACHE_EMPTY]: 'true' } : {}),
            },
        });
    }
    /** Records a whole image for `lookupImage` (its blobs are written by the caller). */
    recordImage(key, step, image) {
        if (!this.#options.record)
            return;
        const { platform, annotations: _a, ...plain } = image;
        this.#add({
            ...plain,
            annotations: {
                [CACHE_KEY]: key,
                [CACHE_STEP]: step,
                [CACHE_USED]: this.#now,
                ...(platform ? { [CACHE_PLATFORM]: JSON.stringify(platform) } : {}),
            },
        });
    }
    /** Keeps a cache mount's contents (an image written by the caller), replacing the last. */
    recordMount(id, image) {
        this.#addedMounts.push({ ...image, annotations: { ...image.annotations, [CACHE_MOUNT]: id } });
    }
    #add(descriptor) {
        const entry = known(descriptor);
        this.#added.push(entry);
        this.#byKey.set(descriptor.annotations[CACHE_KEY], entry);
    }
    /**
     * Writes the new entries' blobs, then under the store lock merges everything into one cache
     * index (entries other builds added meanwhile included; the newest few of each step kept)
     * and updates index.json, applying `extra` (the caller's names) in the same write. Writes
     * nothing when nothing changes: a fully cached build leaves index.json alone. Returns whether
     * index.json was written.
     */
    async commit(lease, extra = (m) => m) {
        await putJsonBlobs(this.#store, lease, this.#pending.splice(0));
        const writer = this.#store.writer;
        // The merged cache index is written before taking the lock (claiming a blob takes the lock
        // too); if another build changed the cache meanwhile, merge again.
        for (;;) {
            const seen = await writer.readIndex();
            const caches = seen.manifests.filter((d) => isCacheIndex(d));
            const current = await readEntries(this.#store, seen, this.#options.logger);
            const merged = this.#merged(current);
            const unchanged = caches.length <= 1 && JSON.stringify(merged) === JSON.stringify(current);
            let cacheEntry;
            if (!unchanged && merged.length > 0) {
                const blob = jsonBlob({
                    schemaVersion: 2,
                    mediaType: media_types/* MediaType */.zu.ociIndex,
                    manifests: merged,
                    annotations: { [BUILD_CACHE]: 'v1' },
                }, media_types/* MediaType */.zu.ociIndex);
                await putJsonBlobs(this.#store, lease, [blob]);
                cacheEntry = { ...blob.descriptor, annotations: { [BUILD_CACHE]: 'v1' } };
            }
            const done = await writer.withLock(async () => {
                const index = await writer.readIndex();
                const now = index.manifests.filter((d) => isCacheIndex(d)).map((d) => d.digest);
                if (JSON.stringify(now) !== JSON.stringify(caches.map((d) => d.digest)))
                    return undefined;
                let manifests = index.manifests;
                if (!unchanged) {
                    manifests = manifests.filter((d) => !isCacheIndex(d));
                    if (cacheEntry)
                        manifests = [...manifests, cacheEntry];
                }
                const next = extra(manifests);
                if (JSON.stringify(next) === JSON.stringify(index.manifests))
                    return false;
                await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(writer.dir, layout/* INDEX_FILE */.K$), JSON.stringify({ ...index, manifests: next }));
                return true;
            });
            if (done !== undefined)
                return done;
        }
    }
    #merged(current) {
        const addedKeys = new Set(this.#added.map((e) => e.descriptor.annotations?.[CACHE_KEY]));
        const addedMounts = new Set(this.#addedMounts.map((d) => d.annotations?.[CACHE_MOUNT]));
        // Last use is kept to the hour: refreshing it on every build would rewrite the cache for nothing.
        const stale = (used) => used === undefined || Date.parse(this.#now) - Date.parse(used) > 3_600_000;
        let entries = current
            .filter((d) => {
            const key = d.annotations?.[CACHE_KEY];
            const mount = d.annotations?.[CACHE_MOUNT];
            return (!(key !== undefined && addedKeys.has(key)) &&
                !(mount !== undefined && addedMounts.has(mount)));
        })
            .map((d) => {
            const key = d.annotations?.[CACHE_KEY];
            if (key === undefined || !this.#used.has(key) || !stale(d.annotations?.[CACHE_USED])) {
                return d;
            }
            return { ...d, annotations: { ...d.annotations, [CACHE_USED]: this.#now } };
        });
        entries.push(...this.#added.map((e) => e.descriptor), ...this.#addedMounts);
        // Keep the newest few entries of each step.
        const byStep = new Map();
        for (const d of entries) {
            const step = d.annotations?.[CACHE_STEP];
            if (step !== undefined)
                byStep.set(step, [...(byStep.get(step) ?? []), d]);
        }
        const dropped = new Set();
        for (const list of byStep.values()) {
            list.sort((a, b) => usedOf(b).localeCompare(usedOf(a)));
            for (const d of list.slice(KEEP_PER_STEP))
                dropped.add(d);
        }
        entries = entries.filter((d) => !dropped.has(d));
        return entries;
    }
    /** Digests of every entry recorded by this build (for cleanup after a failure). */
    get recorded() {
        return this.#added.map((e) => e.descriptor.digest);
    }
}
/** Every entry the store's build cache holds now (for tools and tests). */
async function cacheEntries(store, logger) {
    return readEntries(store, await store.writer.readIndex(), logger);
}
/** The index.json entry of a cache index (unnamed, annotated). */
function isCacheIndex(d) {
    return d.annotations?.[BUILD_CACHE] !== undefined && d.annotations?.[layout/* REF_NAME */.w5] === undefined;
}
/** Every entry of every cache index index.json names, merged by key (and mount id). */
async function readEntries(store, index, logger) {
    const byId = new Map();
    for (const d of index.manifests.filter(isCacheIndex)) {
        try {
            const parsed = (0,core_manifest/* parseManifest */.Ng)(await store.readBlob(d), d.mediaType);
            if (parsed.kind !== 'index')
                continue;
            for (const child of parsed.index.manifests) {
                const id = child.annotations?.[CACHE_KEY] ??
                    `mount:${child.annotations?.[CACHE_MOUNT] ?? child.digest}`;
                const seen = byId.get(id);
                if (!seen || usedOf(child) > usedOf(seen))
                    byId.set(id, child);
            }
        }
        catch (err) {
            logger.debug(`reading the build cache ${d.digest}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    return [...byId.values()];
}
function usedOf(d) {
    return d.annotations?.[CACHE_USED] ?? '';
}
function known(descriptor) {
    let summary;
    try {
        const raw = descriptor.annotations?.[CACHE_INPUTS];
        if (raw)
            summary = JSON.parse(raw);
    }
    catch {
        summary = undefined;
    }
    return {
        descriptor,
        step: descriptor.annotations?.[CACHE_STEP],
        summary,
        used: usedOf(descriptor),
    };
}

// EXTERNAL MODULE: ./.build/src/core/storage/layer/whiteout.js
var whiteout = __webpack_require__(7296);
// EXTERNAL MODULE: ./.build/src/core/storage/layer/xattr.js
var xattr = __webpack_require__(1596);
;// CONCATENATED MODULE: ./.build/src/core/build/layer-view.js
// A read-only merged view of overlay-style layer dirs (the store's unpacked layers), as overlayfs would show them, without mounting anything.
//
// COPY needs to look at the image it writes into (does the destination exist, is a parent a
// symlink, who owns /etc/passwd's users) and COPY --from reads whole trees of another stage;
// doing that in TypeScript keeps those steps free of root, mounts and runtimes.






/** This process's own reads. */
const localFs = {
    lstat: promises_.lstat,
    readdir: (path) => (0,promises_.readdir)(path),
    readlink: (path) => (0,promises_.readlink)(path),
    readFile: (path) => (0,promises_.readFile)(path),
    async opaque(layerDir) {
        const set = new Set();
        if (!(0,xattr/* hasCommand */.mU)('getfattr'))
            return set;
        const tree = await (0,xattr/* readXattrTree */.I5)(layerDir);
        for (const [path, attrs] of tree.byPath) {
            if (attrs.some(([name, value]) => whiteout/* OPAQUE_XATTRS */.tJ.has(name) && value.toString('latin1') === 'y')) {
                set.add(path);
            }
        }
        return set;
    },
};
// Layer dirs are immutable once placed, so what a layer marks opaque is read once per process.
const opaqueCache = new Map();
function opaqueDirs(fs, layerDir) {
    let cached = opaqueCache.get(layerDir);
    if (!cached) {
        cached = fs.opaque(layerDir);
        opaqueCache.set(layerDir, cached);
        // A failed read is not remembered: the next look tries again.
        cached.catch(() => opaqueCache.delete(layerDir));
    }
    return cached;
}
async function layer_view_lstatOrUndefined(fs, path) {
    try {
        return await fs.lstat(path);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw err;
    }
}
const layer_view_MAX_LINKS = 40;
/** Splits a container path into clean components (`/a/./b/` → ['a', 'b']); `..` stays for the resolver. */
function components(path) {
    return path.split('/').filter((p) => p !== '' && p !== '.');
}
class LayerView {
    /** Top layer first, as overlayfs' lowerdir lists them. */
    layers;
    fs;
    constructor(layers, fs = localFs) {
        this.layers = layers;
        this.fs = fs;
    }
    /** An empty filesystem (FROM scratch). */
    static empty() {
        return new LayerView([]);
    }
    /**
     * The entry at `path` (no symlink followed, `..` not allowed), or undefined. A whiteout or a
     * non-directory on the way in an upper layer hides what lower layers have; an opaque
     * directory hides what lower layers have below it.
     */
    async lstat(path) {
        const parts = components(path);
        if (parts.includes('..')) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `layer view: unresolved path ${path}`);
        }
        const rel = parts.join('/');
        for (let i = 0; i < this.layers.length; i++) {
            const layer = this.layers[i];
            let stopBelow = false;
            let found;
            let k = 0;
            for (; k < parts.length; k++) {
                const prefix = parts.slice(0, k + 1).join('/');
                const st = await layer_view_lstatOrUndefined(this.fs, (0,external_node_path_.join)(layer, prefix));
                if (!st)
                    break;
                if ((0,whiteout/* isOverlayWhiteout */.kz)(st))
                    return undefined;
                if (k < parts.length - 1) {
                    if (!st.isDirectory())
                        return undefined;
                    if (i < this.layers.length - 1 && (await opaqueDirs(this.fs, layer)).has(prefix))
                        stopBelow = true;
                }
                else {
                    found = st;
                }
            }
            if (parts.length === 0) {
                const st = await layer_view_lstatOrUndefined(this.fs, layer);
                if (st)
                    return { path: '', hostPath: layer, stats: st };
                continue;
            }
            if (found)
                return { path: rel, hostPath: (0,external_node_path_.join)(layer, rel), stats: found };
            if (stopBelow)
                return undefined;
        }
        return undefined;
    }
    /**
     * Follows symlinks inside the view, as a chroot would (an absolute target starts at the
     * view's root, `..` stops at it). `followLast` also follows a symlink in the last component.
     * Returns the resolved path (no leading slash) and its entry, or just the path when missing.
     */
    async resolve(path, followLast = true) {
        const remaining = components(path);
        const done = [];
        let links = 0;
        while (remaining.length > 0) {
            const part = remaining.shift();
            if (part === '..') {
                done.pop();
                continue;
            }
            const candidate = [...done, part].join('/');
            const entry = await this.lstat(candidate);
            if (entry?.stats.isSymbolicLink() && (remaining.length > 0 || followLast)) {
                if (++links > layer_view_MAX_LINKS) {
                    throw new errors/* LighterError */.Kt('ERR_BUILD', `too many levels of symbolic links in ${path}`);
                }
                const target = await this.fs.readlink(entry.hostPath);
                if (target.startsWith('/'))
                    done.length = 0;
                remaining.unshift(...components(target));
                continue;
            }
            done.push(part);
            if (!entry && remaining.length > 0) {
                // Nothing further down can exist; keep the rest as written.
                done.push(...remaining.filter((p) => p !== '..'));
                return { path: done.join('/'), entry: undefined };
            }
        }
        const resolved = done.join('/');
        return { path: resolved, entry: await this.lstat(resolved) };
    }
    /** The names in a directory of the merged view, sorted as Go sorts them. */
    async readdir(path) {
        const parts = components(path);
        const rel = parts.join('/');
        const seen = new Map();
        for (let i = 0; i < this.layers.length; i++) {
            const layer = this.layers[i];
            const lower = i < this.layers.length - 1;
            // The directory must be a real directory in this layer, reached through real directories;
            // an opaque one (or an opaque parent) hides what the layers below have.
            let present = true;
            let stop = lower && parts.length === 0 && (await opaqueDirs(this.fs, layer)).has('');
            for (let k = 0; k < parts.length; k++) {
                const prefix = parts.slice(0, k + 1).join('/');
                const st = await layer_view_lstatOrUndefined(this.fs, (0,external_node_path_.join)(layer, prefix));
                if (!st) {
                    present = false;
                    break;
                }
                if ((0,whiteout/* isOverlayWhiteout */.kz)(st) || !st.isDirectory())
                    return collect(seen);
                if (lower && (await opaqueDirs(this.fs, layer)).has(prefix))
                    stop = true;
            }
            if (present) {
                const dir = rel === '' ? layer : (0,external_node_path_.join)(layer, rel);
                for (const name of await this.fs.readdir(dir)) {
                    if (seen.has(name))
                        continue;
                    const hostPath = (0,external_node_path_.join)(dir, name);
                    const st = await this.fs.lstat(hostPath);
                    seen.set(name, (0,whiteout/* isOverlayWhiteout */.kz)(st)
                        ? null
                        : { path: rel === '' ? name : `${rel}/${name}`, hostPath, stats: st });
                }
            }
            if (stop)
                break;
        }
        return collect(seen);
    }
    /** A file's bytes (symlinks followed inside the view); undefined when missing or not a file. */
    async readFile(path) {
        const { entry } = await this.resolve(path);
        if (!entry?.stats.isFile())
            return undefined;
        return this.fs.readFile(entry.hostPath);
    }
    /**
     * Every entry below `path` (not `path` itself), depth first, directories before their
     * contents, names in order. Holds one listing per level.
     */
    async *walk(path) {
        const stack = [
            { entries: await this.readdir(path), next: 0 },
        ];
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            if (frame.next >= frame.entries.length) {
                stack.pop();
                continue;
            }
            const entry = frame.entries[frame.next++];
            yield entry;
            if (entry.stats.isDirectory()) {
                stack.push({ entries: await this.readdir(entry.path), next: 0 });
            }
        }
    }
}
function collect(seen) {
    const entries = [];
    for (const entry of seen.values())
        if (entry)
            entries.push(entry);
    return entries.sort((a, b) => (0,walk/* compareNames */.M)(external_node_path_.posix.basename(a.path), external_node_path_.posix.basename(b.path)));
}

;// CONCATENATED MODULE: ./.build/src/core/build/builder.js
// The build engine: plans a Dockerfile (or a step list), runs each needed stage's instructions into layers, commits the image and writes its outputs.
































/**
 * Builds an image into the store (`storeDir`), named by `tags`, then pushes and writes the extra
 * outputs. Dockerfile errors are ERR_DOCKERFILE and failed steps ERR_BUILD, both naming the file
 * and line; a failed build adds nothing to the store's index.
 */
async function buildImage(options) {
    const started = performance.now();
    const logger = options.logger ?? log/* silentLogger */.qq;
    for (const secret of options.secrets ?? [])
        logger.secret(secret.value.toString('utf8'));
    let list;
    let dockerfile;
    const file = options.file;
    // Modules only some builds need load when they do: a cached COPY build starts faster.
    const steps = options.steps !== undefined ? await Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(6567)]).then(__webpack_require__.bind(__webpack_require__, 6567)) : undefined;
    if (options.steps !== undefined && steps) {
        list = steps.parseStepList(options.steps, file);
        dockerfile = list.dockerfile;
    }
    else if (options.dockerfile !== undefined) {
        dockerfile = options.dockerfile;
    }
    else {
        throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', 'buildImage: give a dockerfile or steps');
    }
    try {
        return await build(options, dockerfile, list, logger, started);
    }
    catch (err) {
        throw list && steps ? steps.stepError(err, list, file) : err;
    }
}
function platformsOf(options) {
    const host = (0,core_platform/* hostPlatform */.ol)();
    const linuxHost = (0,core_platform/* normalizePlatform */.FL)({
        os: 'linux',
        architecture: host.architecture,
        ...(host.variant ? { variant: host.variant } : {}),
    });
    const given = options.platforms?.filter((p) => p.trim() !== '') ?? [];
    if (given.length === 0)
        return [linuxHost];
    const platforms = given.map((p) => {
        try {
            return (0,core_platform/* parsePlatform */.Y8)(p.trim());
        }
        catch (err) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `platform ${p}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    });
    const seen = new Set();
    return platforms.filter((p) => {
        const key = (0,core_platform/* formatPlatform */.Bq)(p);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
async function build(options, dockerfile, list, logger, started) {
    const contextDir = (0,external_node_path_.resolve)(options.contextDir);
    const contextStats = await (0,promises_.stat)(contextDir).catch((err) => {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `reading the build context ${contextDir}: ${err.message}`);
    });
    if (!contextStats.isDirectory()) {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `the build context ${contextDir} is not a directory`);
    }
    const elapsed = () => `${(performance.now() - started).toFixed(0)} ms`;
    const store = await storage_store.Store.open(options.storeDir, { logger });
    logger.debug(`build: store ${options.storeDir} open at ${elapsed()}`);
    const ownLease = await store.lease();
    const lease = new TrackedClaims(ownLease);
    const tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'lighter-build-'));
    const layersOn = options.layers ?? true;
    const epoch = options.sourceDateEpoch;
    const cache = await LayerCache.open(store, {
        use: layersOn && !options.noCache,
        record: layersOn,
        logger,
    });
    const session = {
        options,
        logger,
        store,
        lease,
        file: options.file,
        buildId: buildIdOf(contextDir, options.file),
        contextDir,
        ignore: await readContextIgnore(contextDir, options.dockerfilePath),
        cache,
        cacheMounts: new CacheMounts(store, logger, cache.mountImages),
        bases: new BaseImages(store, lease, {
            logger,
            registry: (name) => registryFor(options, name),
        }),
        secrets: new Map((options.secrets ?? []).map((s) => [s.id, s.value])),
        now: epoch ?? Math.floor(Date.now() / 1000),
        epoch,
        tempDir,
        steps: [],
        counter: { step: 0, total: 0 },
        runtime: undefined,
    };
    let committed = false;
    try {
        const platforms = platformsOf(options);
        const extra = list?.commits.filter((c) => c.stage !== list.last) ?? [];
        const target = options.target ?? (list ? list.last : undefined);
        const built = [];
        const extraImages = extra.map((e) => ({
            names: e.names,
            images: [],
        }));
        const warnings = [];
        const tagNames = [
            ...(options.tags ?? []),
            ...(list?.commits.filter((c) => c.stage === list.last).flatMap((c) => c.names) ?? []),
        ];
        for (const platform of platforms) {
            if (platforms.length > 1)
                logger.info(`Building for ${(0,core_platform/* formatPlatform */.Bq)(platform)}`);
            const results = new Map();
            const plan = await planFor(session, dockerfile, platform, target);
            logger.debug(`build: planned at ${elapsed()}`);
            if (platforms.length === 1 || platform === platforms[0]) {
                for (const w of plan.warnings) {
                    const text = `${w.line !== undefined ? `${session.file}:${w.line}: ` : ''}${w.message} (${w.rule})`;
                    warnings.push(text);
                    logger.warn(text);
                }
            }
            const plans = [plan];
            for (const e of extra)
                plans.push(await planFor(session, dockerfile, platform, e.stage));
            session.counter = {
                step: 0,
                total: countSteps(plans),
            };
            for (const p of plans) {
                for (const index of p.neededStages) {
                    if (results.has(index))
                        continue;
                    results.set(index, await buildStage(session, p, p.stages[index], results));
                }
            }
            const final = results.get(plan.targetStage);
            const image = await commitStage(session, plan.stages[plan.targetStage], final, true);
            built.push({ platform, image: image.descriptor, configDigest: image.configDigest });
            // The step list's commits: the stages they name, as images of their own.
            for (let i = 0; i < extra.length; i++) {
                const p = plans[i + 1];
                const stageImage = results.get(p.targetStage);
                const written = await commitStage(session, p.stages[p.targetStage], stageImage, false);
                extraImages[i].images.push(written.descriptor);
            }
        }
        const format = options.format ?? 'oci';
        const annotations = levelAnnotations(options.annotations);
        let top;
        let imageId;
        if (built.length === 1) {
            const { platform: _p, ...plain } = built[0].image;
            top = plain;
            imageId = built[0].configDigest;
        }
        else {
            top = await writeIndex(store, lease, built.map((b) => b.image), format, annotations.index);
            imageId = top.digest;
        }
        // Everything is written: now the store's index learns about it, in one update.
        const names = tagNames.map((t) => (0,storage_names/* localImageName */.ci)(t));
        const mounts = (session.options.exportCacheMounts ?? process.env.GITHUB_ACTIONS === 'true')
            ? await session.cacheMounts.export(lease, platforms[0])
            : [];
        // Cache entries, kept cache mounts and the image's names: one update of index.json.
        const naming = [{ descriptor: top, names }];
        for (const e of extraImages) {
            let descriptor = e.images[0];
            if (e.images.length > 1)
                descriptor = await writeIndex(store, lease, e.images, format);
            const { platform: _p, ...plain } = descriptor;
            naming.push({ descriptor: plain, names: e.names.map((n) => (0,storage_names/* localImageName */.ci)(n)) });
        }
        logger.debug(`build: image written at ${elapsed()}`);
        for (const m of mounts)
            session.cache.recordMount(m.id, m.descriptor);
        const indexChanged = await session.cache.commit(lease, (manifests) => {
            let index = { schemaVersion: 2, manifests };
            for (const { descriptor, names: given } of naming) {
                if (given.length === 0)
                    index = (0,layout/* addEntry */.An)(index, descriptor);
                for (const name of given) {
                    // As Store.tag: the name moves here, and an unnamed entry of this image goes.
                    index = {
                        ...index,
                        manifests: index.manifests.filter((d) => !((0,layout/* refName */.P7)(d) === undefined && d.digest === descriptor.digest)),
                    };
                    index = (0,layout/* addEntry */.An)(index, descriptor, name);
                }
            }
            return index.manifests;
        });
        if (indexChanged) {
            const now = new Date().toISOString();
            for (const { descriptor } of naming) {
                await (0,meta/* updateMeta */.hs)(store.dir, descriptor.digest, { added: now, lastUsed: now }).catch(() => { });
            }
        }
        committed = true;
        logger.debug(`build: index updated at ${elapsed()}`);
        logger.info(`COMMIT ${names.join(', ') || '(unnamed)'}`);
        logger.info(`--> ${imageId.slice('sha256:'.length, 'sha256:'.length + 12)} (${top.digest})`);
        const pushed = [];
        const outputs = [];
        const { push } = options.push || (options.outputs?.length ?? 0) > 0
            ? await Promise.all(/* import() */[__webpack_require__.e(7473), __webpack_require__.e(881)]).then(__webpack_require__.bind(__webpack_require__, 3262))
            : { push: undefined };
        const source = top.digest;
        if (options.push) {
            for (const name of names) {
                await logger.group(`Pushing ${name}`, async () => {
                    await push(store, source, `docker://${name}`, {
                        logger,
                        ...(registryFor(options, name) ? { registry: registryFor(options, name) } : {}),
                    });
                });
                pushed.push(name);
            }
        }
        for (const output of options.outputs ?? []) {
            await logger.group(`Writing ${output}`, async () => {
                await push(store, source, output, { logger });
            });
            outputs.push(output);
        }
        return {
            imageId,
            digest: top.digest,
            mediaType: top.mediaType,
            names,
            platforms: built.map((b) => ({
                platform: (0,core_platform/* formatPlatform */.Bq)(b.platform),
                digest: b.image.digest,
                configDigest: b.configDigest,
            })),
            pushed,
            outputs,
            steps: session.steps,
            warnings,
            seconds: (performance.now() - started) / 1000,
        };
    }
    catch (err) {
        if (!committed) {
            // Give back what this build made: nothing of a failed build stays in the store.
            await ownLease.release();
            await discardUnreferenced(store, lease.claimed).catch((e) => logger.debug(`cleaning up after the failed build: ${(0,errors/* errorMessage */.gJ)(e)}`));
        }
        throw err;
    }
    finally {
        await ownLease.release();
        await (0,remove_tree/* removeTree */.d)(tempDir).catch(() => { });
    }
}
/**
 * A build's identity across runs: the context (relative to the working directory, the
 * workspace in CI, so another runner's checkout path does not matter) and the build file.
 */
function buildIdOf(contextDir, file) {
    const rel = (0,external_node_path_.relative)(process.cwd(), contextDir);
    const where = rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? contextDir : rel || '.';
    return `${(0,external_node_crypto_.createHash)('sha256').update(`${where}\0${file}`).digest('hex').slice(0, 16)}:${file}`;
}
/** Registry access for an image name: the credentials only for the registries they are for. */
function registryFor(options, name) {
    const access = options.registry;
    if (!access?.creds || options.credentialsFor === undefined)
        return access;
    let host;
    try {
        host = (0,core_reference/* parseReference */.F2)(name).registry;
    }
    catch {
        return access;
    }
    if (options.credentialsFor.includes(host))
        return access;
    const { creds: _creds, ...rest } = access;
    return rest;
}
/** `[LEVEL:]KEY=VALUE` annotations sorted into the manifest's and the index's. */
function levelAnnotations(given) {
    const manifest = {};
    const index = {};
    for (const [rawKey, value] of given ?? []) {
        const m = /^(manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]*\])?:(.+)$/.exec(rawKey);
        const level = m?.[1] ?? 'manifest';
        const key = m?.[2] ?? rawKey;
        if (level === 'index' || level === 'index-descriptor')
            index[key] = value;
        else
            manifest[key] = value;
    }
    return { manifest, index };
}
async function planFor(session, dockerfile, platform, target) {
    return planBuild({
        dockerfile,
        file: session.file,
        ...(session.options.buildArgs ? { buildArgs: session.options.buildArgs } : {}),
        ...(target !== undefined && target !== '' ? { target } : {}),
        platform,
        resolveImage: (name, p) => session.bases.config(name, p),
    });
}
function countSteps(plans) {
    const seen = new Set();
    let total = 0;
    for (const plan of plans) {
        for (const index of plan.neededStages) {
            if (seen.has(index))
                continue;
            seen.add(index);
            total += 1 + plan.stages[index].instructions.length;
        }
    }
    return total;
}
function stageLabel(stage) {
    return stage.name ?? String(stage.index);
}
/** A stage from its base through its last instruction. */
async function buildStage(session, plan, stage, results) {
    const { logger } = session;
    const started = performance.now();
    logger.info(`STEP ${++session.counter.step}/${session.counter.total}: FROM ${stage.baseName}${stage.name ? ` AS ${stage.name}` : ''}`);
    let base;
    if (stage.base.kind === 'scratch')
        base = scratchImage(stage.platform);
    else if (stage.base.kind === 'stage')
        base = results.get(stage.base.index);
    else {
        try {
            base = await session.bases.get(stage.base.name, stage.platform);
        }
        catch (err) {
            throw positioned(session, stage.location.startLine, `FROM ${stage.baseName}`, err);
        }
    }
    session.steps.push({
        instruction: `FROM ${stage.baseName}`,
        stage: stageLabel(stage),
        cached: false,
        size: 0,
        seconds: (performance.now() - started) / 1000,
    });
    const state = {
        name: stage.name ? `stage ${stage.name}` : `stage ${stage.index}`,
        layers: [...base.layers],
        config: structuredClone(base.config),
        history: [...base.history],
        platform: stage.platform,
    };
    for (const [ordinal, ins] of stage.instructions.entries()) {
        await runInstruction(session, plan, stage, ordinal, ins, state, results);
    }
    // A stage built on this one starts from its final config.
    state.config.config = structuredClone(stage.config);
    if (stage.author !== undefined)
        state.config.author = stage.author;
    return state;
}
function positioned(session, line, what, err) {
    if (err instanceof errors/* LighterError */.Kt && typeof err.details?.line === 'number')
        return err;
    return new errors/* LighterError */.Kt((0,errors/* isLighterError */.E0)(err) && err.code !== 'ERR_INVALID_ARGUMENT' ? err.code : 'ERR_BUILD', `${session.file}:${line}: ${what}: ${(0,errors/* errorMessage */.gJ)(err)}`, {
        cause: err,
        details: { ...((0,errors/* isLighterError */.E0)(err) ? err.details : {}), file: session.file, line },
    });
}
async function runtimeFor(session, where) {
    if (process.platform !== 'linux') {
        throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${where}: RUN needs a Linux host (with runc or crun); Dockerfiles without RUN build anywhere`);
    }
    session.runtime ??= __webpack_require__.e(/* import() */ 5951).then(__webpack_require__.bind(__webpack_require__, 5951))
        .then(({ detectRuntime }) => detectRuntime({ logger: session.logger }))
        .then((runtime) => {
        session.logger.info(`RUN steps use ${runtime.reason}`);
        return runtime;
    });
    return session.runtime;
}
async function runInstruction(session, plan, stage, ordinal, ins, state, results) {
    const { logger } = session;
    const line = ins.location.startLine;
    const where = `${session.file}:${line}`;
    const text = describeInstruction(ins);
    logger.info(`STEP ${++session.counter.step}/${session.counter.total}: ${text}`);
    const started = performance.now();
    const report = {
        instruction: text,
        stage: stageLabel(stage),
        cached: false,
        size: 0,
        seconds: 0,
    };
    const history = (entry, empty) => {
        state.history.push({
            created: new Date(session.now * 1000).toISOString(),
            created_by: entry.created_by ?? createdBy(ins),
            ...(empty ? { empty_layer: true } : {}),
        });
    };
    try {
        switch (ins.kind) {
            case 'ARG':
                break;
            case 'RUN':
            case 'COPY':
            case 'ADD':
            case 'WORKDIR': {
                const step = await layerStep(session, plan, stage, ordinal, ins, state, results, where);
                report.cached = step.cached;
                if (step.reason)
                    report.reason = step.reason;
                report.size = step.layer?.size ?? 0;
                if (step.layer)
                    state.layers.push(step.layer);
                // WORKDIR with nothing to create leaves no trace but its config change.
                history({ created_by: createdBy(ins, step.summary) }, step.layer === undefined);
                if (step.cached)
                    logger.info('--> Using cache');
                else if (step.layer)
                    logger.info(`--> ${formatSize(step.layer.size)} layer`);
                break;
            }
            default:
                history({}, true);
                break;
        }
    }
    catch (err) {
        throw positioned(session, line, ins.kind, err);
    }
    report.seconds = (performance.now() - started) / 1000;
    if (ins.kind !== 'ARG')
        session.steps.push(report);
}
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
async function sourceImage(session, ref, results, platform) {
    if (ref.kind === 'stage')
        return results.get(ref.index);
    if (ref.kind === 'image')
        return session.bases.get(ref.name, platform);
    return undefined;
}
/** COPY, ADD, RUN and WORKDIR: from the cache when the inputs match, else made and recorded. */
async function layerStep(session, plan, stage, ordinal, ins, state, results, where) {
    const { store, lease, cache } = session;
    const stepStarted = performance.now();
    const parent = fsIdentity(state.layers);
    const platform = (0,core_platform/* formatPlatform */.Bq)(stage.platform);
    const stepId = `${session.buildId}#${stage.index}:${ordinal}`;
    const position = { file: session.file, line: ins.location.startLine };
    const view = async () => new LayerView(await layerDirs(store, lease, state.layers), await viewFs());
    let inputs;
    let make;
    let summary;
    if (ins.kind === 'COPY' || ins.kind === 'ADD') {
        let from;
        if (ins.from.kind !== 'context') {
            const ref = ins.from;
            const image = await sourceImage(session, ref, results, stage.platform);
            from = {
                name: ref.kind === 'stage' ? `stage ${plan.stages[ref.index].name ?? ref.index}` : ref.name,
                view: async () => new LayerView(await layerDirs(store, lease, image?.layers ?? []), await viewFs()),
                identity: fsIdentity(image?.layers ?? []),
            };
        }
        const prepared = await prepareCopy({
            instruction: ins,
            where,
            position,
            contextDir: session.contextDir,
            ignore: session.ignore.matcher,
            ignoreFile: session.ignore.file,
            from,
            parent: view,
            now: session.now,
            sourceDateEpoch: session.epoch,
            tempDir: session.tempDir,
        });
        summary = prepared.summary;
        inputs = {
            parent,
            fields: {
                instruction: JSON.stringify([
                    ins.kind,
                    ins.destPath,
                    ins.chown ?? '',
                    ins.chmod ?? '',
                    ins.link,
                    ins.exclude,
                    ins.kind === 'COPY' ? ins.parents : [ins.unpack ?? null, ins.checksum ?? ''],
                    ins.sources,
                ]),
                sources: prepared.sourcesHash,
                platform,
                epoch: String(session.epoch ?? ''),
            },
            args: {},
        };
        make = async () => {
            const layer = await (0,layer_writer/* writeTarLayer */.kB)(store, lease, () => prepared.items());
            return { layer: layer.entries === 0 ? undefined : layer };
        };
    }
    else if (ins.kind === 'WORKDIR') {
        const baseUser = state.config.config?.User ?? '';
        const user = userAt(stage, ordinal, baseUser);
        inputs = {
            parent,
            fields: {
                instruction: `WORKDIR ${ins.resolved}`,
                user,
                platform,
                epoch: String(session.epoch ?? ''),
            },
            args: {},
        };
        make = async () => {
            const v = await view();
            // Nothing to make when the directory is there already (the cache remembers that too).
            const existing = await v.resolve(ins.resolved, true);
            if (existing.entry?.stats.isDirectory())
                return { layer: undefined };
            const owner = await userOwner(user, v);
            const items = workdirItems(v, ins.resolved, owner, session);
            const layer = await (0,layer_writer/* writeTarLayer */.kB)(store, lease, () => items());
            return { layer: layer.entries === 0 ? undefined : layer };
        };
    }
    else {
        const run = ins;
        const argKeys = new Set(run.buildArgs.map((a) => a.key));
        const mounts = await Promise.all(run.mounts.map((m) => mountIdentity(session, m, results, stage.platform)));
        inputs = {
            parent,
            fields: {
                instruction: JSON.stringify([run.argv, run.script?.content ?? null]),
                env: JSON.stringify(run.env.filter((e) => !argKeys.has(e.slice(0, e.indexOf('='))))),
                user: run.user,
                workdir: run.workdir,
                network: run.network === 'default' ? (session.options.network ?? 'host') : run.network,
                mounts: JSON.stringify(mounts),
                platform,
                epoch: String(session.epoch ?? ''),
            },
            args: Object.fromEntries(run.buildArgs.map((a) => [a.key, a.value])),
        };
        make = async () => {
            const runtime = await runtimeFor(session, where);
            checkPlatform(stage.platform, where);
            const lowerDirs = await layerDirs(store, lease, state.layers);
            const { executeRun } = await Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(2646)]).then(__webpack_require__.bind(__webpack_require__, 2646));
            const result = await executeRun({
                store,
                lease,
                run,
                where,
                position,
                lowerDirs,
                runtime,
                stateDir: session.options.stateDir,
                defaultNetwork: session.options.network ?? 'host',
                secrets: session.secrets,
                contextDir: session.contextDir,
                ignore: session.ignore.matcher,
                sourceDirs: async (mount) => {
                    const ref = mount.fromSource ?? { kind: 'context' };
                    if (ref.kind === 'context')
                        return 'context';
                    const image = await sourceImage(session, ref, results, stage.platform);
                    return layerDirs(store, lease, image?.layers ?? []);
                },
                cacheMounts: session.cacheMounts,
                proxy: plan.proxy,
                sourceDateEpoch: session.epoch,
                logger: session.logger,
            });
            return { layer: result.layer, upperDir: result.upperDir };
        };
    }
    const key = cacheKey(inputs);
    const keyed = performance.now();
    const hit = await cache.lookup(key, lease);
    if (hit)
        return { layer: hit.layer, cached: true, ...(summary ? { summary } : {}) };
    const reason = cache.explain(stepId, inputs);
    // A WORKDIR that exists already makes nothing: no miss worth reporting.
    const quiet = ins.kind === 'WORKDIR';
    if (!quiet)
        session.logger.info(`--> Cache miss: ${reason}`);
    const made = await make();
    session.logger.debug(`${where}: inputs hashed in ${(keyed - stepStarted).toFixed(0)} ms, layer made in ${(performance.now() - keyed).toFixed(0)} ms`);
    if (quiet && made.layer)
        session.logger.info(`--> Cache miss: ${reason}`);
    if (made.layer) {
        const stack = [...state.layers, made.layer];
        const chain = (0,chain_id/* chainIds */.s)(stack.map((l) => l.diffId)).at(-1);
        await lease.claim([(0,storage_lease/* layerClaim */.Ys)((0,chain_id/* layerDirName */.O)(chain))]);
        if (made.upperDir) {
            await (0,unpack/* placeLayerDir */.We)(made.upperDir, store.layersDir, chain);
        }
    }
    else if (made.upperDir) {
        await (0,remove_tree/* removeTree */.d)(made.upperDir);
    }
    await cache.record(key, stepId, inputs, made.layer ? [...state.layers, made.layer] : state.layers, made.layer === undefined, stage.platform);
    return {
        layer: made.layer,
        cached: false,
        ...(quiet && !made.layer ? {} : { reason }),
        ...(summary ? { summary } : {}),
    };
}
/** The USER in effect at an instruction of a stage: its own last USER before it, else its base's. */
function userAt(stage, ordinal, baseUser) {
    let user = baseUser;
    for (const ins of stage.instructions.slice(0, ordinal))
        if (ins.kind === 'USER')
            user = ins.user;
    return user;
}
/** WORKDIR's layer: the missing directories of the path, owned by the stage's USER. */
function workdirItems(view, path, owner, session) {
    return async function* () {
        const { path: resolved } = await view.resolve(path, true);
        const parts = resolved === '' ? [] : resolved.split('/');
        for (let i = 0; i < parts.length; i++) {
            const sub = parts.slice(0, i + 1).join('/');
            const existing = await view.lstat(sub);
            if (existing?.stats.isDirectory()) {
                // A parent that exists goes in unchanged, so the new directory has a place to be.
                if (i === parts.length - 1)
                    continue;
                yield {
                    header: {
                        name: sub,
                        type: 'directory',
                        mode: existing.stats.mode & 0o7777,
                        uid: existing.stats.uid,
                        gid: existing.stats.gid,
                        size: 0,
                        mtime: Math.min(Math.floor(existing.stats.mtimeMs / 1000), session.epoch ?? Number.MAX_SAFE_INTEGER),
                    },
                };
                continue;
            }
            if (existing) {
                throw new errors/* LighterError */.Kt('ERR_BUILD', `WORKDIR ${path}: /${sub} exists and is not a directory`);
            }
            yield {
                header: {
                    name: sub,
                    type: 'directory',
                    mode: 0o755,
                    uid: owner.uid,
                    gid: owner.gid,
                    size: 0,
                    mtime: session.now,
                },
            };
        }
    };
}
/** What a RUN mount contributes to the cache key: never a secret's value, only its id. */
async function mountIdentity(session, mount, results, platform) {
    const base = { type: mount.type, target: mount.targetPath ?? '', ro: mount.readOnly };
    switch (mount.type) {
        case 'cache':
            return {
                ...base,
                id: mount.id,
                sharing: mount.sharing,
                mode: mount.mode,
                uid: mount.uid,
                gid: mount.gid,
            };
        case 'secret':
            return {
                ...base,
                id: mount.id,
                env: mount.env ?? '',
                given: session.secrets.has(mount.id ?? ''),
            };
        case 'tmpfs':
            return { ...base, size: mount.size ?? 0 };
        case 'bind': {
            const ref = mount.fromSource ?? { kind: 'context' };
            if (ref.kind === 'context') {
                const source = mount.source ?? '.';
                const content = await hashSources(session.contextDir, [source], {
                    ignore: session.ignore.matcher,
                    instruction: 'RUN --mount=type=bind',
                });
                return { ...base, source, content };
            }
            const image = await sourceImage(session, ref, results, platform);
            return { ...base, source: mount.source ?? '', from: fsIdentity(image?.layers ?? []) };
        }
        default:
            return base;
    }
}
/** A RUN for another architecture needs an emulator registered with binfmt_misc. */
function checkPlatform(platform, where) {
    const host = (0,core_platform/* hostPlatform */.ol)();
    if (platform.os !== 'linux') {
        throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${where}: RUN for ${(0,core_platform/* formatPlatform */.Bq)(platform)} cannot run on Linux`);
    }
    if (platform.architecture === host.architecture)
        return;
    const qemu = {
        arm64: 'aarch64',
        amd64: 'x86_64',
        arm: 'arm',
        ppc64le: 'ppc64le',
        s390x: 's390x',
        riscv64: 'riscv64',
        '386': 'i386',
    }[platform.architecture];
    const registered = qemu !== undefined && (0,external_node_fs_.existsSync)(`/proc/sys/fs/binfmt_misc/qemu-${qemu}`);
    if (!registered) {
        throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${where}: RUN for ${(0,core_platform/* formatPlatform */.Bq)(platform)} on a ${host.architecture} host needs QEMU registered with binfmt_misc (qemu-user-static)`);
    }
}
/** The final config of a stage: its base's, changed by the plan, with the build's labels. */
async function commitStage(session, stage, image, isTarget) {
    const format = session.options.format ?? 'oci';
    const containerConfig = structuredClone(stage.config);
    if (isTarget && session.options.labels && session.options.labels.size > 0) {
        containerConfig.Labels = { ...containerConfig.Labels };
        for (const [k, v] of session.options.labels)
            containerConfig.Labels[k] = v;
    }
    if (containerConfig.OnBuild && containerConfig.OnBuild.length === 0)
        delete containerConfig.OnBuild;
    const created = new Date(session.now * 1000).toISOString();
    const base = image.config;
    const config = {
        created,
        ...((stage.author ?? base.author) ? { author: stage.author ?? base.author } : {}),
        architecture: stage.platform.architecture,
        os: stage.platform.os,
        ...(stage.platform.variant ? { variant: stage.platform.variant } : {}),
        config: containerConfig,
        rootfs: { type: 'layers', diff_ids: image.layers.map((l) => l.diffId) },
        history: image.history,
    };
    const annotations = isTarget ? levelAnnotations(session.options.annotations).manifest : undefined;
    // Everything but the clock: the same key means the same image, made at an earlier time.
    const key = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([
        { ...config, created: undefined, history: undefined },
        config.history?.map((h) => ({ ...h, created: undefined })),
        image.layers.map((l) => [l.digest, l.mediaType]),
        format,
        annotations ?? {},
        session.epoch ?? null,
    ]))
        .digest('hex');
    const hit = await session.cache.lookupImage(key, session.lease);
    if (hit)
        return { ...hit, cached: true };
    const written = await writeImage(session.store, session.lease, config, image.layers, format, annotations);
    await session.cache.recordImage(key, `${session.buildId}#image:${stage.index}`, written.descriptor);
    return { descriptor: written.descriptor, configDigest: written.configDigest, cached: false };
}
/** How views read layers: as root through a helper when the layers are handled so (sudo). */
async function viewFs() {
    return (await (0,as_root/* layersAsRoot */.r2)()) ? (0,as_root/* rootReader */.aB)() : localFs;
}

// EXTERNAL MODULE: ./.build/src/core/storage/location.js
var storage_location = __webpack_require__(3014);
// EXTERNAL MODULE: ./.build/src/cli/access.js
var access = __webpack_require__(2362);
// EXTERNAL MODULE: ./.build/src/cli/options.js
var options = __webpack_require__(5852);
;// CONCATENATED MODULE: ./.build/src/cli/commands/build.js
// `lighter build [flags] [CONTEXT]`: a Dockerfile or step-list build into the store, and beyond.








const IMAGE_FORMATS = ['oci', 'docker'];
const NETWORKS = ['host', 'none'];
const OUTPUT_TRANSPORTS = ['oci', 'oci-archive', 'docker-archive', 'dir'];
function buildRequest(args, ctx) {
    if (args.has('file') && args.has('steps')) {
        throw args.usage('flag --steps cannot be combined with --file: a build is a Dockerfile or a step list');
    }
    const request = {
        context: args.positionals[0] ?? '.',
        file: args.string('file'),
        steps: args.string('steps'),
        tags: args.list('tag'),
        buildArgs: keyValues(args, 'build-arg', ctx.env),
        target: args.string('target'),
        platforms: args.list('platform', { splitCommas: true }),
        labels: keyValues(args, 'label'),
        annotations: keyValues(args, 'annotation'),
        secrets: args.list('secret').map((s) => parseSecret(args, s)),
        noCache: args.boolean('no-cache'),
        layers: args.boolean('layers', true),
        push: args.boolean('push'),
        outputs: args.list('output'),
        format: args.choice('format', IMAGE_FORMATS) ?? 'oci',
        sourceDateEpoch: args.has('source-date-epoch')
            ? args.integer('source-date-epoch', 0, { min: 0 })
            : undefined,
        network: args.choice('network', NETWORKS) ?? 'host',
        registry: (0,options/* registryOptions */._A)(args, ctx),
        retryTimes: (0,options/* retryTimes */.Fc)(args),
        quiet: args.boolean('quiet'),
    };
    if (request.push && request.tags.length === 0) {
        throw args.usage('flag --push needs at least one --tag to push to');
    }
    for (const output of request.outputs) {
        const transport = output.slice(0, Math.max(0, output.indexOf(':')));
        if (!OUTPUT_TRANSPORTS.includes(transport) || output.length <= transport.length + 1) {
            throw args.usage(`flag --output: expected ${OUTPUT_TRANSPORTS.map((t) => `${t}:…`).join(', ')}, got "${output}"`);
        }
    }
    return request;
}
/** `K=V` flags; with `env`, a bare `K` takes the value from the environment, as docker does. */
function keyValues(args, flag, env) {
    const result = new Map();
    for (const item of args.list(flag)) {
        const eq = item.indexOf('=');
        const key = eq < 0 ? item : item.slice(0, eq);
        if (key === '' || (eq < 0 && env === undefined)) {
            throw args.usage(`flag --${flag}: expected KEY=VALUE, got "${item}"`);
        }
        if (eq >= 0)
            result.set(key, item.slice(eq + 1));
        else if (env?.[key] !== undefined)
            result.set(key, env[key]);
    }
    return result;
}
/** `id=ID,src=PATH` or `id=ID,env=VAR` (docker's --secret); `id=ID` alone reads env var ID. */
function parseSecret(args, value) {
    const secret = {};
    for (const part of value.split(',')) {
        const eq = part.indexOf('=');
        const key = part.slice(0, Math.max(0, eq));
        const v = part.slice(eq + 1);
        if (eq < 0 || v === '' || !['id', 'src', 'source', 'env', 'type'].includes(key)) {
            throw args.usage(`flag --secret: expected id=ID[,src=PATH|env=VAR], got "${value}"`);
        }
        if (key === 'id')
            secret.id = v;
        else if (key === 'src' || key === 'source')
            secret.src = v;
        else if (key === 'env')
            secret.env = v;
    }
    if (secret.id === undefined || (secret.src !== undefined && secret.env !== undefined)) {
        throw args.usage(`flag --secret: expected id=ID[,src=PATH|env=VAR], got "${value}"`);
    }
    if (secret.src === undefined && secret.env === undefined)
        secret.env = secret.id;
    return secret;
}
async function build_build(args, ctx) {
    return execute(buildRequest(args, ctx), ctx, args.string('store'));
}
/** The build file: `-f` as given (`-` is stdin), else Dockerfile or Containerfile in the context. */
async function buildFile(request, ctx) {
    const given = request.steps ?? request.file;
    if (given === '-')
        return { text: await ctx.stdin(), file: 'Dockerfile', path: undefined };
    const candidates = given !== undefined
        ? [given]
        : [(0,external_node_path_.join)(request.context, 'Dockerfile'), (0,external_node_path_.join)(request.context, 'Containerfile')];
    for (const path of candidates) {
        try {
            return { text: await (0,promises_.readFile)(path, 'utf8'), file: displayPath(path), path: (0,external_node_path_.resolve)(path) };
        }
        catch (err) {
            const code = err.code;
            if (code === 'ENOENT' && given === undefined)
                continue;
            throw new errors/* LighterError */.Kt('ERR_INPUT', `reading ${path}: ${err.message}`, {
                cause: err,
            });
        }
    }
    throw new errors/* LighterError */.Kt('ERR_INPUT', `no Dockerfile or Containerfile in ${request.context}; name one with -f`);
}
/** A path as messages show it: relative to the working directory when inside it. */
function displayPath(path) {
    const rel = (0,external_node_path_.relative)(process.cwd(), (0,external_node_path_.resolve)(path));
    return rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : path;
}
/** `--secret` values: read now, registered as secrets so no log line shows them. */
async function secretValues(request, ctx) {
    const values = [];
    for (const secret of request.secrets) {
        let value;
        if (secret.src !== undefined) {
            try {
                value = await (0,promises_.readFile)(secret.src);
            }
            catch (err) {
                throw new errors/* LighterError */.Kt('ERR_INPUT', `secret ${secret.id}: reading ${secret.src}: ${err.message}`);
            }
        }
        else {
            const text = ctx.env[secret.env ?? secret.id];
            if (text === undefined) {
                throw new errors/* LighterError */.Kt('ERR_INPUT', `secret ${secret.id}: environment variable ${secret.env ?? secret.id} is not set`);
            }
            value = Buffer.from(text, 'utf8');
        }
        ctx.logger.secret(value.toString('utf8'));
        values.push({ id: secret.id, value });
    }
    return values;
}
async function execute(request, ctx, store) {
    const source = await buildFile(request, ctx);
    const storeDir = store ?? ctx.env.LIGHTER_STORE ?? (0,storage_location/* defaultStoreDir */.i)(ctx.env);
    const options = {
        contextDir: request.context,
        ...(request.steps !== undefined ? { steps: source.text } : { dockerfile: source.text }),
        file: source.file,
        ...(source.path && request.steps === undefined ? { dockerfilePath: source.path } : {}),
        storeDir,
        tags: request.tags,
        buildArgs: request.buildArgs,
        ...(request.target !== undefined ? { target: request.target } : {}),
        platforms: request.platforms,
        labels: request.labels,
        annotations: request.annotations,
        secrets: await secretValues(request, ctx),
        noCache: request.noCache,
        layers: request.layers,
        format: request.format,
        ...(request.sourceDateEpoch !== undefined
            ? { sourceDateEpoch: request.sourceDateEpoch }
            : ctx.env.SOURCE_DATE_EPOCH !== undefined && /^\d+$/.test(ctx.env.SOURCE_DATE_EPOCH)
                ? { sourceDateEpoch: Number(ctx.env.SOURCE_DATE_EPOCH) }
                : {}),
        network: request.network,
        push: request.push,
        outputs: request.outputs,
        registry: (0,access/* registryAccess */.Y)(request.registry, request.retryTimes),
        exportCacheMounts: ctx.env.GITHUB_ACTIONS === 'true',
        // -q, as docker and podman have it: the image ID on stdout and nothing but problems on stderr.
        logger: request.quiet ? (0,log/* quietLogger */.Vj)(ctx.logger) : ctx.logger,
    };
    const result = await buildImage(options);
    ctx.out(result.imageId.slice('sha256:'.length));
    return 0;
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

/***/ 7079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ compareNames),
/* harmony export */   p: () => (/* binding */ walkContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6512);
// Walks a build context in a stable order, skipping what .dockerignore excludes; memory stays flat in the context's size.



/** Orders names by Unicode code point, which is the byte order of their UTF-8 (Go sorts that way). */
function compareNames(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const ca = a.codePointAt(i);
        const cb = b.codePointAt(j);
        if (ca !== cb)
            return ca - cb;
        i += ca > 0xffff ? 2 : 1;
        j += cb > 0xffff ? 2 : 1;
    }
    return a.length - i - (b.length - j);
}
/**
 * lstat of a batch of names, synchronously: a context is thousands of tiny metadata calls, and
 * a thread-pool round trip for each costs several times the call (the layer code does the same).
 */
function lstatBatch(dir, names) {
    return names.map((name) => {
        try {
            return { status: 'fulfilled', value: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name)) };
        }
        catch (reason) {
            return { status: 'rejected', reason };
        }
    });
}
async function listDirectory(path) {
    try {
        const names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(path);
        return names.sort(compareNames);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_INPUT', `reading build context directory ${path}: ${err.message}`, {
            cause: err,
        });
    }
}
/**
 * Yields every file, directory and symlink of the context below `dir` (not `dir` itself), depth
 * first with each directory's entries in name order, so a directory comes before its contents.
 * Entries `ignore` excludes are skipped; an excluded directory is only entered when a `!` pattern
 * may re-include something inside it, and is then yielded just before the first such entry.
 * Holds one directory listing per level, never the whole tree.
 */
async function* walkContext(dir, ignore, options = {}) {
    const concurrency = Math.max(1, options.concurrency ?? 32);
    const under = options.under ?? '';
    const matcher = ignore !== undefined && !ignore.empty ? ignore : undefined;
    const exclude = options.exclude !== undefined && !options.exclude.empty ? options.exclude : undefined;
    const base = options.relativeTo ?? under;
    const prefix = base === '' ? 0 : base.length + 1;
    const rootAbsolute = under === '' ? dir : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, under);
    const stack = [
        {
            path: under,
            absolutePath: rootAbsolute,
            names: await listDirectory(rootAbsolute),
            next: 0,
            batch: [],
            batchStart: 0,
            deferred: undefined,
        },
    ];
    while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        if (frame.next >= frame.names.length) {
            stack.pop();
            continue;
        }
        const index = frame.next++;
        if (index >= frame.batchStart + frame.batch.length) {
            const names = frame.names.slice(index, index + concurrency);
            frame.batchStart = index;
            frame.batch = lstatBatch(frame.absolutePath, names);
        }
        const result = frame.batch[index - frame.batchStart];
        const name = frame.names[index];
        if (result.status === 'rejected') {
            // A file removed while we walk is simply not part of the context.
            if (result.reason.code === 'ENOENT')
                continue;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_INPUT', `reading build context: ${result.reason.message}`, {
                cause: result.reason,
            });
        }
        const entry = {
            path: frame.path === '' ? name : `${frame.path}/${name}`,
            absolutePath: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(frame.absolutePath, name),
            stat: result.value,
        };
        const isDir = entry.stat.isDirectory();
        const ignoredByContext = matcher?.ignores(entry.path) ?? false;
        const relative = entry.path.slice(prefix);
        const excluded = exclude?.ignores(relative) ?? false;
        const ignored = ignoredByContext || excluded;
        if (ignored) {
            const mayDescend = isDir &&
                (!ignoredByContext || matcher.mayIncludeBelow(entry.path)) &&
                (!excluded || exclude.mayIncludeBelow(relative));
            if (!mayDescend)
                continue;
        }
        if (!ignored) {
            for (const f of stack) {
                if (f.deferred) {
                    yield f.deferred;
                    f.deferred = undefined;
                }
            }
            yield entry;
        }
        if (isDir) {
            stack.push({
                path: entry.path,
                absolutePath: entry.absolutePath,
                names: await listDirectory(entry.absolutePath),
                next: 0,
                batch: [],
                batchStart: 0,
                deferred: ignored ? entry : undefined,
            });
        }
    }
}


/***/ }),

/***/ 3557:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kB: () => (/* binding */ writeTarLayer),
/* harmony export */   ob: () => (/* binding */ writeDirLayer)
/* harmony export */ });
/* unused harmony export claimLayerDirs */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7075);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8522);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6512);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9155);
/* harmony import */ var _storage_as_root_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(758);
/* harmony import */ var _storage_chain_id_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8348);
/* harmony import */ var _storage_layer_tar_header_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3696);
/* harmony import */ var _storage_lease_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3451);
// Writes build layers into the store: a tar streamed from entries (COPY, ADD, WORKDIR) or from an overlay upper dir (RUN), compressed, digested, claimed.











const CHUNK = 1024 * 1024;
/**
 * Fills chunks of CHUNK bytes with headers and file data read straight into them: every chunk
 * costs a trip through the digest and gzip streams, so a layer of 200 small files is a handful
 * of chunks, not a thousand; and no buffer is made per file, which keeps memory flat however
 * big the context.
 */
class ChunkWriter {
    #buf = Buffer.allocUnsafe(CHUNK);
    #pos = 0;
    #full = [];
    /** Copies `piece` in. */
    write(piece) {
        let offset = 0;
        while (offset < piece.length) {
            const n = piece.copy(this.#buf, this.#pos, offset);
            this.#pos += n;
            offset += n;
            if (this.#pos === CHUNK)
                this.#rotate();
        }
    }
    /** Reads `size` bytes of an open file in; false when the file ended early. */
    readFrom(fd, size) {
        let left = size;
        while (left > 0) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, this.#buf, this.#pos, Math.min(CHUNK - this.#pos, left), null);
            if (n === 0)
                return false;
            this.#pos += n;
            left -= n;
            if (this.#pos === CHUNK)
                this.#rotate();
        }
        return true;
    }
    /** Chunks filled since the last call (handed over: they are never written again). */
    take() {
        return this.#full.splice(0);
    }
    /** What is left, as a last chunk. */
    rest() {
        if (this.#pos === 0)
            return undefined;
        const out = this.#buf.subarray(0, this.#pos);
        this.#pos = 0;
        return out;
    }
    #rotate() {
        this.#full.push(this.#buf);
        this.#buf = Buffer.allocUnsafe(CHUNK);
        this.#pos = 0;
    }
}
function changed(name, left) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .LighterError */ .Kt('ERR_BUILD', `"${name}" changed while it was being read (${left} bytes short)`);
}
/**
 * The tar bytes of `items`, ending with the end-of-archive blocks, in chunks of CHUNK. Host
 * files are read synchronously: a layer is thousands of small reads in a row, and a thread-pool
 * round trip (and a stream) for each costs more than the read.
 */
async function* tarBytes(items, counter) {
    const out = new ChunkWriter();
    for await (const item of items) {
        counter.entries++;
        const header = item.header;
        out.write((0,_storage_layer_tar_header_js__WEBPACK_IMPORTED_MODULE_9__/* .encodeHeader */ .YS)(header));
        if (header.type === 'file' && header.size > 0) {
            const source = item.source;
            let left = header.size;
            if (source && 'path' in source) {
                const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(source.path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
                try {
                    if (!out.readFrom(fd, header.size))
                        throw changed(header.name, -1);
                }
                finally {
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
                }
                left = 0;
            }
            else if (source) {
                const chunks = 'data' in source ? [source.data] : source.stream();
                for await (const chunk of chunks) {
                    const piece = chunk.length > left ? chunk.subarray(0, left) : chunk;
                    left -= piece.length;
                    // Read to the end even past the size: an archive entry's data must be drained.
                    if (piece.length > 0)
                        out.write(piece);
                    yield* out.take();
                }
            }
            if (left !== 0)
                throw changed(header.name, left);
            out.write((0,_storage_layer_tar_header_js__WEBPACK_IMPORTED_MODULE_9__/* .padding */ .Ms)(header.size));
        }
        yield* out.take();
    }
    out.write((0,_storage_layer_tar_header_js__WEBPACK_IMPORTED_MODULE_9__/* .endOfArchive */ .PG)());
    yield* out.take();
    const rest = out.rest();
    if (rest)
        yield rest;
}
/**
 * gzip at level 4: on source trees and binaries it is two to three times as fast as the default
 * level 6 for a few percent more bytes, a good trade when a build waits for every layer.
 */
const GZIP_LEVEL = 4;
/** Input compressed as one gzip member; big layers are several members made in parallel. */
const GZIP_BLOCK = 4 * 1024 * 1024;
function gzip() {
    return new ParallelGzip();
}
/**
 * gzip that uses every core: the input is cut into blocks of GZIP_BLOCK bytes, each compressed
 * as a gzip member of its own on the thread pool, and the members are written in order. A
 * sequence of members is one valid gzip file (RFC 1952) that every image tool reads (Go's
 * reader, which containerd, Docker, skopeo and umoci use, reads them all by default); a layer
 * under GZIP_BLOCK is a single member, as a plain gzip writer makes it. The cut points depend
 * only on the bytes, so the result is as reproducible as before.
 */
class ParallelGzip extends node_stream__WEBPACK_IMPORTED_MODULE_2__.Transform {
    #inFlight = [];
    #limit = Math.max(1, Math.min(8, (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)()));
    #pending = [];
    #pendingSize = 0;
    #members = 0;
    _transform(chunk, _encoding, done) {
        this.#pending.push(chunk);
        this.#pendingSize += chunk.length;
        this.#cut()
            .then(() => done())
            .catch(done);
    }
    _flush(done) {
        const rest = Buffer.concat(this.#pending, this.#pendingSize);
        this.#pending = [];
        this.#pendingSize = 0;
        // An empty layer still needs one member; an exact multiple of the block needs no more.
        if (rest.length > 0 || this.#members + this.#inFlight.length === 0)
            this.#start(rest);
        (async () => {
            while (this.#inFlight.length > 0)
                this.#emit(await this.#inFlight.shift());
        })()
            .then(() => done())
            .catch(done);
    }
    async #cut() {
        while (this.#pendingSize >= GZIP_BLOCK) {
            const all = Buffer.concat(this.#pending, this.#pendingSize);
            this.#start(all.subarray(0, GZIP_BLOCK));
            const rest = all.subarray(GZIP_BLOCK);
            this.#pending = rest.length > 0 ? [rest] : [];
            this.#pendingSize = rest.length;
            // Back-pressure: no more blocks in flight than there are cores.
            while (this.#inFlight.length >= this.#limit)
                this.#emit(await this.#inFlight.shift());
        }
    }
    #start(block) {
        this.#inFlight.push(new Promise((resolve, reject) => {
            node_zlib__WEBPACK_IMPORTED_MODULE_3__.gzip(block, { level: GZIP_LEVEL }, (err, out) => (err ? reject(err) : resolve(out)));
        }));
    }
    #emit(member) {
        // The OS byte of the header: "unknown", so a layer's digest is the same on every OS.
        member[9] = 0xff;
        this.#members++;
        this.push(member);
    }
}
/**
 * Streams `items` as a gzipped layer into the store and claims the blob in `lease`. The blob is
 * named by its digest only when complete; a blob that a concurrent prune removed between the
 * write and the claim is written again.
 */
async function writeTarLayer(store, lease, items) {
    for (let attempt = 0;; attempt++) {
        const counter = { entries: 0 };
        const diff = new _digest_js__WEBPACK_IMPORTED_MODULE_4__/* .DigestingStream */ .Xi();
        const stream = (0,node_stream__WEBPACK_IMPORTED_MODULE_2__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_2__.Readable.from(tarBytes(items(), counter), { objectMode: false, highWaterMark: CHUNK }), diff, gzip(), () => { });
        // Hashed here, not in the store's worker thread: a build's layers are made one at a time,
        // and starting a worker costs more than hashing a small layer.
        const written = await store.writer.putBlob(stream);
        const layer = {
            digest: written.digest,
            diffId: diff.digest,
            size: written.size,
            mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.ociLayerGzip,
            entries: counter.entries,
            uncompressedSize: diff.size,
        };
        if ((await claimBlob(store, lease, layer)) || attempt > 0)
            return layer;
    }
}
/**
 * Streams an overlay upper dir (or a whole tree, `full`) as a gzipped layer into the store, with
 * whiteouts converted and mtimes clamped to `sourceDateEpoch`.
 */
async function writeDirLayer(store, lease, dir, options) {
    const { diffLayer } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9456));
    // A RUN step's upper dir holds files only root may read when its layers are handled as root.
    const asRoot = await (0,_storage_as_root_js__WEBPACK_IMPORTED_MODULE_7__/* .layersAsRoot */ .r2)();
    for (let attempt = 0;; attempt++) {
        // The tar comes uncompressed and is gzipped here, at the builder's level.
        const diff = (asRoot ? _storage_as_root_js__WEBPACK_IMPORTED_MODULE_7__/* .diffAsRoot */ .AA : diffLayer)(dir, {
            mode: options.mode,
            compression: 'none',
            ...(options.sourceDateEpoch !== undefined
                ? { sourceDateEpoch: options.sourceDateEpoch }
                : {}),
            logger: store.logger,
        });
        const compressed = (0,node_stream__WEBPACK_IMPORTED_MODULE_2__.pipeline)(diff.stream, gzip(), () => { });
        const [written, result] = await Promise.all([
            store.writer.putBlob(compressed),
            diff.done,
        ]);
        const layer = {
            digest: written.digest,
            diffId: result.diffId,
            size: written.size,
            mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_6__/* .MediaType */ .zu.ociLayerGzip,
            entries: result.entries,
            uncompressedSize: result.uncompressedSize,
        };
        if ((await claimBlob(store, lease, layer)) || attempt > 0)
            return layer;
    }
}
/** Claims a freshly written blob; false when it vanished before the claim (a prune raced us). */
async function claimBlob(store, lease, layer) {
    await lease.claim([layer.digest]);
    return store.writer.hasBlob(layer);
}
/** Claims the unpacked dirs of `layers` (the chain IDs of the whole stack) in `lease`. */
async function claimLayerDirs(lease, layers) {
    const chains = chainIds(layers.map((l) => l.diffId));
    await lease.claim(chains.map((c) => layerClaim(layerDirName(c))));
    return chains;
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

/***/ 8978:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Rd: () => (/* binding */ withTag),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   ZD: () => (/* binding */ familiarReference),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   sx: () => (/* binding */ DEFAULT_REGISTRY)
/* harmony export */ });
/* unused harmony exports DEFAULT_TAG, NAME_MAX_LENGTH, withDigest, isValidTag, isDockerHub */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// Docker/distribution image references (`busybox`, `ghcr.io/o/r:1@sha256:…`): parsing, normalizing and formatting.


const DEFAULT_REGISTRY = 'docker.io';
const DEFAULT_TAG = 'latest';
/** docker/distribution's limit on `registry/repository`, counted after normalization. */
const NAME_MAX_LENGTH = 255;
// Docker Hub's old name; docker normalizes it so both spellings share one cache and credential.
const LEGACY_REGISTRY = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST_AND_PORT = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
// docker refuses these as names because they look like image IDs, which would be ambiguous.
const IMAGE_ID = /^[a-f0-9]{64}$/;
/**
 * Parses a reference as `docker pull` does (ParseNormalizedNamed + TagNameOnly): `busybox` is
 * `docker.io/library/busybox:latest`. Throws ERR_BAD_REFERENCE naming the bad part.
 */
function parseReference(input, options = {}) {
    const ref = parse(input, 'reference');
    if (options.defaultTag !== false && ref.tag === undefined && ref.digest === undefined) {
        return { ...ref, tag: DEFAULT_TAG };
    }
    return ref;
}
/** Parses a repository name (`ghcr.io/o/r`, `busybox`); a tag or digest is an error. */
function parseRepository(input) {
    const ref = parse(input, 'repository');
    if (ref.tag !== undefined) {
        throw invalid('repository', input, `a repository name must not have a tag (":${ref.tag}")`);
    }
    if (ref.digest !== undefined) {
        throw invalid('repository', input, `a repository name must not have a digest ("@${ref.digest}")`);
    }
    return ref;
}
/** The full form, `docker.io/library/busybox:latest` or `r/p:t@sha256:…`; parses back to `ref`. */
function formatReference(ref) {
    return `${repositoryName(ref)}${suffix(ref)}`;
}
/** The short form people type, `busybox:latest` or `o/r:1`, as `docker images` shows it. */
function familiarReference(ref) {
    return `${familiarName(ref)}${suffix(ref)}`;
}
/** `registry/repository`, e.g. `docker.io/library/busybox`. */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** The same repository with `tag`; a digest is kept (docker's WithTag does the same). */
function withTag(ref, tag) {
    if (!isValidTag(tag))
        throw invalid('tag', tag, tagProblem(tag, ''));
    return { ...ref, tag };
}
/** The same repository with `digest`; a tag is kept. */
function withDigest(ref, digest) {
    try {
        parseDigest(digest);
    }
    catch (err) {
        throw invalid('reference', formatReference(ref), errorMessage(err), err);
    }
    return { ...ref, digest };
}
function isValidTag(tag) {
    return TAG.test(tag);
}
/** True for Docker Hub, whose API host and auth differ from its name. */
function isDockerHub(ref) {
    return ref.registry === DEFAULT_REGISTRY;
}
function parse(input, noun) {
    const fail = (problem, cause) => invalid(noun, input, problem, cause);
    if (input === '')
        throw fail('the name is empty');
    if (IMAGE_ID.test(input)) {
        throw fail('a 64-character hex string is an image ID, not a repository name');
    }
    // Neither names nor tags may contain "@", so the first one starts the digest.
    const at = input.indexOf('@');
    const name = at === -1 ? input : input.slice(0, at);
    let digest;
    if (at !== -1) {
        const digestText = input.slice(at + 1);
        if (digestText === '')
            throw fail('the digest after "@" is empty');
        try {
            (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digestText);
        }
        catch (err) {
            throw fail((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err), err);
        }
        digest = digestText;
    }
    if (name.includes('//'))
        throw fail('the name must not contain "//"');
    if (name.startsWith('/'))
        throw fail('the name must not start with "/"');
    // As in docker: the first component names a registry only if it looks like a host.
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    let registry = DEFAULT_REGISTRY;
    let remainder = name;
    if (slash !== -1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
        registry = first === LEGACY_REGISTRY ? DEFAULT_REGISTRY : first;
        remainder = name.slice(slash + 1);
        if (!HOST_AND_PORT.test(first)) {
            throw fail(`registry "${first}" is not a valid host[:port]`);
        }
    }
    // Repository paths cannot contain ":", so the first one starts the tag.
    const colon = remainder.indexOf(':');
    let repository = colon === -1 ? remainder : remainder.slice(0, colon);
    const tag = colon === -1 ? undefined : remainder.slice(colon + 1);
    if (repository === '')
        throw fail('the repository name is empty');
    if (repository.endsWith('/'))
        throw fail('the name must not end with "/"');
    if (repository !== repository.toLowerCase()) {
        throw fail('repository name must be lowercase');
    }
    for (const component of repository.split('/')) {
        if (!PATH_COMPONENT.test(component)) {
            throw fail(`repository path component "${component}" is invalid: use lowercase letters and digits, ` +
                'separated by ".", "_", "__" or "-"');
        }
    }
    if (tag !== undefined && !isValidTag(tag))
        throw fail(tagProblem(tag, `tag "${tag}"`));
    if (registry === DEFAULT_REGISTRY && !repository.includes('/')) {
        repository = OFFICIAL_PREFIX + repository;
    }
    const length = registry.length + 1 + repository.length;
    if (length > NAME_MAX_LENGTH) {
        throw fail(`the name "${registry}/${repository}" is ${length} characters long; the limit is ${NAME_MAX_LENGTH}`);
    }
    return {
        registry,
        repository,
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest }),
    };
}
/** What is wrong with `tag`; `label` names it in the sentence (`tag "x"`), or is '' when the caller already did. */
function tagProblem(tag, label) {
    if (tag === '')
        return 'the tag is empty';
    const subject = label === '' ? '' : `${label} `;
    if (tag.length > 128)
        return `${subject}is ${tag.length} characters long; the limit is 128`;
    return `${subject === '' ? '' : `${subject}is invalid: `}use letters, digits, "_", "." and "-", not starting with "." or "-"`;
}
function familiarName(ref) {
    if (ref.registry !== DEFAULT_REGISTRY)
        return repositoryName(ref);
    let path = ref.repository;
    if (path.startsWith(OFFICIAL_PREFIX) && !path.slice(OFFICIAL_PREFIX.length).includes('/')) {
        path = path.slice(OFFICIAL_PREFIX.length);
    }
    // docker drops docker.io even when the first component then reads as a registry
    // (`docker.io/foo.bar/x` → `foo.bar/x`); keeping it makes the short form parse back.
    const head = path.split('/', 1)[0] ?? '';
    if (path.includes('/') && (head.includes('.') || head === 'localhost')) {
        return repositoryName(ref);
    }
    return path;
}
function suffix(ref) {
    return `${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}
function invalid(noun, input, problem, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid ${noun} ${quote(input)}: ${problem}`, {
        cause,
    });
}
// Inputs come from workflow files; keep a pasted blob of text from flooding the log.
function quote(input) {
    const shown = input.length > 300 ? `${input.slice(0, 300)}…` : input;
    return JSON.stringify(shown);
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

/***/ 4645:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pc: () => (/* binding */ normalizeName),
/* harmony export */   ci: () => (/* binding */ localImageName),
/* harmony export */   m0: () => (/* binding */ idPrefix),
/* harmony export */   mX: () => (/* binding */ notFound),
/* harmony export */   sB: () => (/* binding */ nameCandidates)
/* harmony export */ });
/* unused harmony exports LOCAL_REGISTRY, hasExplicitRegistry, similarNames */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
// Image names in the store: the full normalized form kept in index.json, and the short forms people type.


/** Registry of images that came from no registry (built or tagged here), as podman and buildah name them. */
const LOCAL_REGISTRY = 'localhost';
/**
 * The stored form of a name as `docker pull` reads it: `busybox` → `docker.io/library/busybox:latest`.
 * Throws ERR_BAD_REFERENCE naming the bad part.
 */
function normalizeName(input) {
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)((0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(input.trim()));
}
/**
 * The stored form of a name given to a local image (`tag`, a build's `-t`): without a
 * registry it goes under `localhost/`, as podman and buildah do, so a short local name is never
 * mistaken for a Docker Hub image (and never pushed there by accident).
 */
function localImageName(input) {
    const text = input.trim();
    const ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(text);
    if (hasExplicitRegistry(text, ref))
        return (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref);
    return (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)({ ...ref, registry: LOCAL_REGISTRY, repository: typedPath(text, ref) });
}
/** True when the text names its registry (`ghcr.io/x`, `localhost/x`, `docker.io/x`). */
function hasExplicitRegistry(text, ref) {
    if (ref.registry !== _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_REGISTRY */ .sx)
        return true;
    const first = text.split('/', 1)[0] ?? '';
    return (text.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'));
}
/** The repository path as typed: `busybox` stays `busybox` (not `library/busybox`). */
function typedPath(text, ref) {
    const typedLibrary = text.startsWith('library/') || text.startsWith('docker.io/library/');
    if (ref.registry === _reference_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_REGISTRY */ .sx && !typedLibrary && ref.repository.startsWith('library/')) {
        return ref.repository.slice('library/'.length);
    }
    return ref.repository;
}
function refSuffix(ref) {
    return `${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}
/** How `input` (a parsed reference) may match stored names. */
function nameCandidates(input, ref) {
    const text = input.trim();
    const full = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref);
    if (hasExplicitRegistry(text, ref))
        return { exact: [full], bySuffix: () => [] };
    const path = typedPath(text, ref);
    const local = `${LOCAL_REGISTRY}/${path}${refSuffix(ref)}`;
    const tail = `/${path}${refSuffix(ref)}`;
    return {
        exact: [full, local],
        bySuffix: (stored) => stored.filter((name) => name.endsWith(tail)),
    };
}
/** Up to `limit` stored names that look like `input`, for "did you mean" in ERR_NOT_FOUND. */
function similarNames(input, stored, limit = 5) {
    const wanted = lastComponent(input.trim());
    if (wanted === '')
        return [];
    const scored = stored
        .map((name) => {
        const have = lastComponent(name);
        let score = distance(wanted, have);
        if (have.includes(wanted) || wanted.includes(have))
            score = Math.min(score, 1);
        return { name, score };
    })
        .filter((s) => s.score <= Math.max(2, Math.floor(wanted.length / 3)))
        .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
    return [...new Set(scored.map((s) => s.name))].slice(0, limit);
}
/** `ghcr.io/o/app:1@sha256:…` → `app`. */
function lastComponent(name) {
    const noDigest = name.split('@', 1)[0] ?? '';
    const base = noDigest.slice(noDigest.lastIndexOf('/') + 1);
    const colon = base.indexOf(':');
    return (colon === -1 ? base : base.slice(0, colon)).toLowerCase();
}
/** Levenshtein distance; names are short, so the quadratic table is fine. */
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
/** An image ID or digest as typed: hex, optionally `sha256:`-prefixed; undefined otherwise. */
function idPrefix(input) {
    const text = input.trim();
    const hex = text.startsWith('sha256:') ? text.slice('sha256:'.length) : text;
    if (!/^[a-f0-9]{1,64}$/.test(hex))
        return undefined;
    // As podman: a short prefix could be anything, so at least 3 characters (or a full digest form).
    if (hex.length < 3 && !text.startsWith('sha256:'))
        return undefined;
    return hex;
}
function notFound(input, stored, where) {
    const similar = similarNames(input, stored);
    const hint = stored.length === 0
        ? 'the store holds no images'
        : similar.length > 0
            ? `similar names: ${similar.join(', ')}`
            : `it holds ${stored.length} named image${stored.length === 1 ? '' : 's'}, none like it`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_NOT_FOUND', `no image "${input}" in the store ${where}; ${hint}`, {
        details: { name: input, similar },
    });
}


/***/ })

};
