export const id = 1110;
export const ids = [1110,4645];
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

/***/ 1110:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteImage: () => (/* binding */ deleteImage)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _core_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
/* harmony import */ var _core_registry_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4431);
/* harmony import */ var _core_transport_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1507);
/* harmony import */ var _access_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2362);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5852);
// `lighter delete IMAGE`: deletes a manifest from a registry (skopeo delete).






async function deleteImage(args, ctx) {
    const request = {
        image: args.positionals[0],
        registry: (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOptions */ ._A)(args, ctx),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .retryTimes */ .Fc)(args),
    };
    return execute(request, ctx);
}
async function execute(request, ctx) {
    const ref = (0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageName */ ["if"])(request.image);
    if (ref.transport !== 'docker') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `delete works on registry images (docker://...), not ${ref.transport}: images; for the store use rmi`);
    }
    const docker = ref;
    const client = new _core_registry_client_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryClient */ .b(docker.registry, {
        access: (0,_access_js__WEBPACK_IMPORTED_MODULE_5__/* .registryAccess */ .Y)(request.registry, request.retryTimes),
        logger: ctx.logger,
    });
    try {
        // Registries delete by digest: resolve the tag first, as skopeo does.
        let digest = docker.digest;
        if (!digest) {
            const info = await client.manifestInfo(docker.repository, docker.tag ?? 'latest');
            if (!info) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_NOT_FOUND', `deleting ${(0,_core_transport_index_js__WEBPACK_IMPORTED_MODULE_3__/* .imageName */ .tO)(ref)}: no such manifest`);
            }
            digest = info.digest;
        }
        await client.deleteManifest(docker.repository, digest);
        ctx.logger.info(`Deleted ${(0,_core_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryName */ .aR)(docker)}@${digest}`);
        return 0;
    }
    finally {
        await client.close();
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


/***/ }),

/***/ 6804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ dirTransport),
/* harmony export */   V6: () => (/* binding */ manifestFileName),
/* harmony export */   Vz: () => (/* binding */ blobFileName),
/* harmony export */   mf: () => (/* binding */ VERSION_FILE),
/* harmony export */   v8: () => (/* binding */ VERSION_TEXT)
/* harmony export */ });
/* unused harmony export MANIFEST_FILE */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// The `dir:PATH` transport: skopeo's directory format (manifest.json, version, blobs named by hex).


const VERSION_FILE = 'version';
/** Version 1.1 names blobs without the algorithm (`<hex>`); skopeo refuses to overwrite anything else. */
const VERSION_TEXT = 'Directory Transport Version: 1.1\n';
const MANIFEST_FILE = 'manifest.json';
/** `<hex>` for sha256 (what skopeo writes), `<algorithm>-<hex>` for others. */
function blobFileName(digest) {
    const { algorithm, hex } = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', 'invalid image name "dir:": no path');
        }
        return { transport: 'dir', path: rest };
    },
    format: (ref) => ref.path,
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 8012).then(__webpack_require__.bind(__webpack_require__, 8012))).openDirSource(ref, options),
    openDestination: async (ref, options) => (await __webpack_require__.e(/* import() */ 6521).then(__webpack_require__.bind(__webpack_require__, 6521))).openDirDestination(ref, options),
};


/***/ }),

/***/ 5748:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ dockerArchiveTransport)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
// The `docker-archive:FILE[:REF|:@N]` transport: the tar that `docker save` writes and `docker load` reads.


function invalid(rest, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker-archive:${rest}": ${why}`);
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
            reference = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(after);
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
            return `${ref.path}:${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .familiarReference */ .ZD)(ref.reference)}`;
        if (ref.index !== undefined)
            return `${ref.path}:@${ref.index}`;
        return ref.path;
    },
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 2476).then(__webpack_require__.bind(__webpack_require__, 2476))).openDockerArchiveSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(6460)]).then(__webpack_require__.bind(__webpack_require__, 6460))).openDockerArchiveDestination(ref, options),
};


/***/ }),

/***/ 6727:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ dockerTransport),
/* harmony export */   tz: () => (/* binding */ formatDockerReference)
/* harmony export */ });
/* unused harmony export parseDockerReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
// The `docker://REGISTRY/REPO[:TAG][@DIGEST]` transport: images in a registry, through RegistryClient.


/** Parses `//registry/repo:tag` as skopeo does: no tag and no digest means `latest`. */
function parseDockerReference(rest) {
    if (!rest.startsWith('//')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": expected docker://registry/repository[:tag][@digest]`);
    }
    try {
        return { transport: 'docker', ...(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(rest.slice(2)) };
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${err.message}`, {
                cause: err,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
    }
}
function formatDockerReference(ref) {
    return `//${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref)}`;
}
const dockerTransport = {
    name: 'docker',
    parse: parseDockerReference,
    format: formatDockerReference,
    openSource: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(4431), __webpack_require__.e(9777)]).then(__webpack_require__.bind(__webpack_require__, 9777))).openDockerSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(4431), __webpack_require__.e(618)]).then(__webpack_require__.bind(__webpack_require__, 618))).openDockerDestination(ref, options),
};


/***/ }),

/***/ 1507:
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
// EXTERNAL MODULE: ./.build/src/core/transport/dir/transport.js
var transport = __webpack_require__(6804);
// EXTERNAL MODULE: ./.build/src/core/transport/docker/transport.js
var docker_transport = __webpack_require__(6727);
// EXTERNAL MODULE: ./.build/src/core/transport/docker-archive/transport.js
var docker_archive_transport = __webpack_require__(5748);
// EXTERNAL MODULE: ./.build/src/core/transport/oci-layout/transport.js
var oci_layout_transport = __webpack_require__(6909);
;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/transport.js
// The `oci-archive:FILE[:NAME]` transport: an OCI image layout packed in a tar file.

const ociArchiveTransport = {
    name: 'oci-archive',
    parse(rest) {
        return { transport: 'oci-archive', ...(0,oci_layout_transport/* splitPathAndName */.sy)(rest, 'oci-archive') };
    },
    format: oci_layout_transport/* formatPathAndName */.HJ,
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 731).then(__webpack_require__.bind(__webpack_require__, 731))).openOciArchiveSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(4911), __webpack_require__.e(8094)]).then(__webpack_require__.bind(__webpack_require__, 4384))).openOciArchiveDestination(ref, options),
};

// EXTERNAL MODULE: ./.build/src/core/storage/names.js
var names = __webpack_require__(4645);
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
    openSource: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(8989)]).then(__webpack_require__.bind(__webpack_require__, 5574))).openStorageSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(3486)]).then(__webpack_require__.bind(__webpack_require__, 6807))).openStorageDestination(ref, options),
};

;// CONCATENATED MODULE: ./.build/src/core/transport/index.js
// The static table of transports, and parsing of transport-qualified image names
// (`docker://ghcr.io/o/r:tag`, `oci:dir:tag`, ...). `imageName` round-trips `parseImageName`.
// Parsing is all a transport loads up front; its source and destination modules load on first
// open, so a copy between registries starts without the archive, layout and store code.







const transports = [
    docker_transport/* dockerTransport */.Ic,
    oci_layout_transport/* ociLayoutTransport */.xY,
    ociArchiveTransport,
    docker_archive_transport/* dockerArchiveTransport */.g,
    transport/* dirTransport */.Jq,
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

/***/ 6909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ formatPathAndName),
/* harmony export */   sy: () => (/* binding */ splitPathAndName),
/* harmony export */   xY: () => (/* binding */ ociLayoutTransport)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": no path`);
    }
    if (name === undefined || name === '')
        return { path };
    if (!REF_NAME.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": "${name}" is not a valid image name in a layout (letters, digits and -._:@+/ between them)`);
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
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 5231).then(__webpack_require__.bind(__webpack_require__, 5231))).openOciLayoutSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(4911), __webpack_require__.e(5014)]).then(__webpack_require__.bind(__webpack_require__, 5500))).openOciLayoutDestination(ref, options),
};


/***/ })

};
