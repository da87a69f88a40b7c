export const id = 970;
export const ids = [970];
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

/***/ 5970:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SYNC_DESTINATIONS: () => (/* binding */ SYNC_DESTINATIONS),
  SYNC_SOURCES: () => (/* binding */ SYNC_SOURCES),
  sync: () => (/* binding */ sync_sync),
  syncRequest: () => (/* binding */ syncRequest)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./.build/src/core/copy/progress.js
var progress = __webpack_require__(8102);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/log.js
var core_log = __webpack_require__(2345);
// EXTERNAL MODULE: ./.build/src/core/reference.js
var reference = __webpack_require__(8978);
// EXTERNAL MODULE: ./.build/src/core/registry/client.js + 7 modules
var registry_client = __webpack_require__(6915);
// EXTERNAL MODULE: ./.build/src/core/transport/index.js + 20 modules
var transport = __webpack_require__(3270);
// EXTERNAL MODULE: ./.build/src/core/copy/copy.js + 2 modules
var copy = __webpack_require__(3447);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./.build/src/core/copy/fan-out.js
// One ImageDestination that writes to several: each blob is read from the source once and
// teed to every destination that lacks it (how `sync` pulls each blob once for many targets).

function fanOut(destinations) {
    if (destinations.length === 1)
        return destinations[0];
    return new FanOutDestination(destinations);
}
class FanOutDestination {
    name;
    capabilities;
    #all;
    /** For each blob asked about, the destinations that still need it. */
    #missing = new Map();
    constructor(destinations) {
        this.#all = destinations;
        this.name = destinations.map((d) => d.name).join(', ');
        const caps = destinations.map((d) => d.capabilities);
        this.capabilities = {
            manifestTypes: (caps[0]?.manifestTypes ?? []).filter((t) => caps.every((c) => c.manifestTypes.includes(t))),
            acceptsIndex: caps.every((c) => c.acceptsIndex),
            canMount: caps.some((c) => c.canMount),
            prefersCompressedLayers: caps.some((c) => c.prefersCompressedLayers),
        };
    }
    async tryReuseBlob(descriptor, options) {
        const have = await Promise.all(this.#all.map((d) => d.tryReuseBlob(descriptor, options)));
        const missing = this.#all.filter((_, i) => !have[i]);
        this.#missing.set(descriptor.digest, missing);
        return missing.length === 0;
    }
    async putBlob(stream, blob) {
        const targets = (blob.digest && this.#missing.get(blob.digest)) || this.#all;
        if (targets.length === 1)
            return targets[0].putBlob(stream, blob);
        // pipe() pauses the source while any branch is full, so memory stays bounded by the
        // slowest destination's buffer rather than growing with the blob.
        const branches = targets.map(() => new external_node_stream_.PassThrough());
        for (const branch of branches)
            stream.pipe(branch);
        stream.on('error', (err) => {
            for (const branch of branches)
                branch.destroy(err);
        });
        const results = await Promise.allSettled(targets.map((d, i) => d.putBlob(branches[i], blob)));
        const failed = results.find((r) => r.status === 'rejected');
        if (failed) {
            stream.destroy();
            throw failed.reason;
        }
        return results[0].value;
    }
    async putManifest(manifest, instance) {
        await Promise.all(this.#all.map((d) => d.putManifest(manifest, instance)));
    }
    async commit() {
        await Promise.all(this.#all.map((d) => d.commit()));
    }
    async close() {
        await Promise.allSettled(this.#all.map((d) => d.close()));
    }
}

// EXTERNAL MODULE: ./.build/src/core/copy/limit.js
var limit = __webpack_require__(8234);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.build/src/core/copy/sync-spec.js
// What `sync` copies: a source repository or image, or skopeo's YAML list of registries and
// images, expanded into one plan of (source image -> destination names).



/** Parses `docker://registry/repo[:tag]`: no tag means every tag of the repository. */
function repositoryFromImageName(name) {
    if (!name.startsWith('docker://')) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `sync source "${name}": expected docker://registry/repository[:tag] (or --src yaml FILE)`);
    }
    const ref = (0,reference/* parseReference */.F2)(name.slice('docker://'.length), { defaultTag: false });
    const repository = (0,reference/* parseRepository */.SU)(`${ref.registry}/${ref.repository}`);
    if (ref.digest)
        return { repository, tags: [ref.digest] };
    if (ref.tag)
        return { repository, tags: [ref.tag] };
    return { repository };
}
/**
 * Parses skopeo's sync YAML:
 * `REGISTRY: { images: { REPO: [TAGS] | [] }, images-by-tag-regex: { REPO: RE },
 *   credentials: { username, password }, tls-verify: BOOL }`.
 * An empty tag list means every tag.
 */
function parseSyncYaml(text, file = 'sync file') {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `reading ${file}: invalid YAML: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `reading ${file}: expected a map of registries`);
    }
    const out = [];
    for (const [registry, value] of Object.entries(doc)) {
        const where = `${file}: registry "${registry}"`;
        if (value === null || typeof value !== 'object') {
            throw new errors/* LighterError */.Kt('ERR_INPUT', `${where}: expected a map with images`);
        }
        const known = ['images', 'images-by-tag-regex', 'credentials', 'tls-verify', 'cert-dir'];
        for (const key of Object.keys(value)) {
            if (!known.includes(key)) {
                throw new errors/* LighterError */.Kt('ERR_INPUT', `${where}: unknown key "${key}" (known: ${known.join(', ')})`);
            }
        }
        const access = {};
        if (value.credentials) {
            const { username, password } = value.credentials;
            if (!username || password === undefined) {
                throw new errors/* LighterError */.Kt('ERR_INPUT', `${where}: credentials need username and password`);
            }
            access.creds = `${username}:${password}`;
        }
        if (value['tls-verify'] !== undefined)
            access.tlsVerify = value['tls-verify'];
        const hasAccess = Object.keys(access).length > 0;
        const repo = (path) => {
            try {
                return (0,reference/* parseRepository */.SU)(`${registry}/${path}`);
            }
            catch (err) {
                throw new errors/* LighterError */.Kt('ERR_INPUT', `${where}: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
            }
        };
        for (const [path, tags] of Object.entries(value.images ?? {})) {
            if (tags !== null && !Array.isArray(tags)) {
                throw new errors/* LighterError */.Kt('ERR_INPUT', `${where}: image "${path}": expected a list of tags`);
            }
            const entry = { repository: repo(path) };
            if (tags && tags.length > 0)
                entry.tags = tags.map(String);
            if (hasAccess)
                entry.access = access;
            out.push(entry);
        }
        for (const [path, pattern] of Object.entries(value['images-by-tag-regex'] ?? {})) {
            let tagPattern;
            try {
                tagPattern = new RegExp(pattern);
            }
            catch (err) {
                throw new errors/* LighterError */.Kt('ERR_INPUT', `${where}: image "${path}": bad regex: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
            const entry = { repository: repo(path), tagPattern };
            if (hasAccess)
                entry.access = access;
            out.push(entry);
        }
    }
    return out;
}
/**
 * Where a source image lands under a destination prefix, as skopeo sync names it: the last
 * path component of the repository, or the whole `registry/path` with `scoped`.
 */
function destinationName(prefix, source, scoped) {
    const base = prefix.replace(/\/+$/, '');
    // A registry port cannot appear in a repository path, so `host:5000` becomes `host-5000`.
    const path = scoped
        ? `${source.registry.replace(/:/g, '-')}/${source.repository}`
        : source.repository.split('/').pop();
    const ref = source.digest && !source.tag ? `@${source.digest}` : `:${source.tag ?? 'latest'}`;
    if (base.startsWith('dir:'))
        return `${base}/${path}${ref.replace(/[:@]/, '_')}`;
    return `${base}/${path}${ref}`;
}
/** A source image of the plan, by tag or digest. */
function imageOf(repository, tagOrDigest) {
    if (tagOrDigest.includes(':'))
        return `docker://${(0,reference/* formatReference */.FH)({ ...repository, digest: tagOrDigest })}`;
    return `docker://${(0,reference/* formatReference */.FH)((0,reference/* withTag */.Rd)(repository, tagOrDigest))}`;
}

;// CONCATENATED MODULE: ./.build/src/core/copy/sync.js
// `sync`: many images (every tag of repositories, or a YAML list) to one or more destinations,
// under one concurrency budget, each blob pulled once however many destinations want it.









/** Images in flight at once; blobs are limited separately by the shared Limiter. */
const IMAGE_CONCURRENCY = 4;
async function sync(repos, options) {
    const log = options.logger ?? core_log/* silentLogger */.qq;
    if (options.destinations.length === 0) {
        throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', 'sync needs at least one destination');
    }
    for (const d of options.destinations) {
        if (!d.startsWith('docker://') && !d.startsWith('dir:')) {
            throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `sync destination "${d}": expected docker://registry/prefix or dir:PATH`);
        }
    }
    const report = { images: [], failures: [] };
    const sources = [];
    for (const repo of repos) {
        const tags = repo.tags ?? (await listTags(repo, options, log));
        for (const tag of tags)
            sources.push({ name: imageOf(repo.repository, tag), repo, tag });
    }
    log.info(`syncing ${sources.length} image(s) to ${options.destinations.join(', ')}`);
    const limiter = new limit/* Limiter */.j(options.concurrency ?? copy/* DEFAULT_CONCURRENCY */.W);
    let next = 0;
    let stop = false;
    const worker = async () => {
        while (!stop && next < sources.length) {
            const item = sources[next++];
            try {
                report.images.push(await syncOne(item, options, limiter, log));
            }
            catch (err) {
                const error = (0,errors/* withContext */.eQ)(err, `syncing ${item.name}`, 'ERR_REGISTRY');
                report.failures.push({ source: item.name, error });
                log.error(error.message);
                if (!options.keepGoing)
                    stop = true;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(IMAGE_CONCURRENCY, sources.length) }, worker));
    return report;
}
async function listTags(repo, options, log) {
    const access = { ...options.open?.registry, ...repo.access };
    const client = new registry_client/* RegistryClient */.b(repo.repository.registry, { access, logger: log });
    try {
        const tags = await client.tags(repo.repository.repository);
        const chosen = repo.tagPattern ? tags.filter((t) => repo.tagPattern?.test(t)) : tags;
        log.info(`${(0,reference/* repositoryName */.aR)(repo.repository)}: ${chosen.length} of ${tags.length} tag(s)`);
        return chosen;
    }
    catch (err) {
        throw (0,errors/* withContext */.eQ)(err, `listing tags of ${(0,reference/* repositoryName */.aR)(repo.repository)}`, 'ERR_REGISTRY');
    }
    finally {
        await client.close();
    }
}
async function syncOne(item, options, limiter, log) {
    const sourceRef = (0,transport/* parseImageName */["if"])(item.name);
    const sourceOpen = {
        ...options.open,
        registry: { ...options.open?.registry, ...item.repo.access },
        logger: log,
    };
    const names = options.destinations.map((prefix) => {
        const src = item.tag.includes(':')
            ? { ...item.repo.repository, digest: item.tag }
            : { ...item.repo.repository, tag: item.tag };
        return destinationName(prefix, src, options.scoped ?? false);
    });
    const source = await (0,transport/* openSource */.oD)(sourceRef, sourceOpen);
    const opened = [];
    try {
        for (const name of names) {
            opened.push(await (0,transport/* openDestination */.xB)((0,transport/* parseImageName */["if"])(name), { ...options.open, logger: log }));
        }
        const { destinations: _d, scoped: _s, keepGoing: _k, open: _o, logger: _l, ...copyOptions } = options;
        const result = await (0,copy/* copyImage */.L)(source, fanOut(opened), {
            ...copyOptions,
            limiter,
            logger: log,
        });
        log.info(`${item.name} -> ${names.join(', ')}: ${result.digest}`);
        return {
            source: item.name,
            destinations: names,
            digest: result.digest,
            blobsCopied: result.blobsCopied,
            blobsSkipped: result.blobsSkipped,
            bytesCopied: result.bytesCopied,
            bytesSkipped: result.bytesSkipped,
        };
    }
    finally {
        await Promise.allSettled(opened.map((d) => d.close()));
        await source.close().catch((err) => log.debug(`closing ${item.name}: ${(0,errors/* errorMessage */.gJ)(err)}`));
    }
}

// EXTERNAL MODULE: ./.build/src/cli/access.js
var access = __webpack_require__(2362);
// EXTERNAL MODULE: ./.build/src/cli/options.js
var options = __webpack_require__(5852);
;// CONCATENATED MODULE: ./.build/src/cli/commands/sync.js
// `lighter sync SOURCE DESTINATION`: many tags or repositories at once (skopeo sync).







const SYNC_SOURCES = ['docker', 'yaml'];
const SYNC_DESTINATIONS = ['docker', 'dir'];
function syncRequest(args, ctx) {
    const sourceKind = args.choice('src', SYNC_SOURCES);
    const destinationKind = args.choice('dest', SYNC_DESTINATIONS);
    if (sourceKind === undefined)
        throw args.usage('flag --src is required (docker or yaml)');
    if (destinationKind === undefined)
        throw args.usage('flag --dest is required (docker or dir)');
    const [source, ...destinations] = args.positionals;
    return {
        source,
        destinations,
        sourceKind,
        destinationKind,
        sourceRegistry: (0,options/* registryOptions */._A)(args, ctx, 'src-'),
        destinationRegistry: (0,options/* registryOptions */._A)(args, ctx, 'dest-'),
        retryTimes: (0,options/* retryTimes */.Fc)(args),
        all: args.boolean('all'),
        keepGoing: args.boolean('keep-going'),
        scoped: args.boolean('scoped'),
        ...(0,options/* writeOptions */.GX)(args),
    };
}
async function sync_sync(args, ctx) {
    return execute(syncRequest(args, ctx), ctx);
}
async function execute(request, ctx) {
    const repos = request.sourceKind === 'yaml'
        ? parseSyncYaml(await readSyncFile(request.source), request.source)
        : [repositoryFromImageName(withScheme(request.source))];
    const destinations = request.destinations.map((d) => request.destinationKind === 'dir' ? `dir:${d.replace(/^dir:/, '')}` : withScheme(d));
    const options = {
        destinations,
        scoped: request.scoped,
        keepGoing: request.keepGoing,
        multiArch: request.all ? 'all' : 'system',
        preserveDigests: request.preserveDigests,
        open: {
            logger: ctx.logger,
            registry: (0,access/* registryAccess */.Y)(request.destinationRegistry, request.retryTimes),
        },
        logger: ctx.logger,
    };
    if (request.format)
        options.format = request.format;
    if (request.compressFormat)
        options.compression = request.compressFormat;
    // The source side's flags apply to the repositories named on the command line.
    const sourceAccess = (0,access/* registryAccess */.Y)(request.sourceRegistry, request.retryTimes);
    for (const repo of repos)
        repo.access = { ...sourceAccess, ...repo.access };
    const report = await sync(repos, options);
    const bytes = report.images.reduce((n, i) => n + i.bytesCopied, 0);
    ctx.logger.info(`Synced ${report.images.length} image(s), ${(0,progress/* formatBytes */.z)(bytes)} copied; ${report.failures.length} failure(s)`);
    if (report.failures.length > 0) {
        throw new errors/* LighterError */.Kt(report.failures[0]?.error.code ?? 'ERR_REGISTRY', `sync failed for ${report.failures.length} image(s):\n${report.failures.map((f) => `  ${f.error.message}`).join('\n')}`);
    }
    return 0;
}
function withScheme(name) {
    return name.startsWith('docker://') ? name : `docker://${name}`;
}
async function readSyncFile(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `reading sync file ${file}: ${(0,errors/* errorMessage */.gJ)(err)}`);
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
