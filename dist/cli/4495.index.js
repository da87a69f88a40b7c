export const id = 4495;
export const ids = [4495,4645];
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

/***/ 524:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inspect: () => (/* binding */ inspect),
  inspectRequest: () => (/* binding */ inspectRequest)
});

// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var digest = __webpack_require__(7691);
// EXTERNAL MODULE: ./.build/src/core/manifest.js
var core_manifest = __webpack_require__(9626);
// EXTERNAL MODULE: ./.build/src/core/platform.js
var platform = __webpack_require__(292);
;// CONCATENATED MODULE: ./.build/src/core/inspect.js
// Reads what `inspect` shows: the manifest as stored, the chosen image's config, and a summary
// in the shape `skopeo inspect` prints.






/** Configs are small; anything bigger than this is not a config. */
const CONFIG_LIMIT = 16 * 1024 * 1024;
/** Fetches and verifies the manifest(s) and config of an image, picking a platform from an index. */
async function inspectImage(source, options = {}) {
    const top = await source.manifest();
    let image = top;
    let parsed = (0,core_manifest/* parseManifest */.Ng)(top.bytes, top.mediaType);
    if (parsed.kind === 'index') {
        const chosen = (0,platform/* selectManifest */.yY)(parsed.index, options.platform ?? (0,platform/* hostPlatform */.ol)());
        image = await source.manifest(chosen.digest);
        parsed = (0,core_manifest/* parseManifest */.Ng)(image.bytes, image.mediaType);
        if (parsed.kind !== 'image') {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${source.name}: nested index ${chosen.digest} is not supported`);
        }
    }
    const manifest = parsed.manifest;
    const configBytes = await readBlob(source, manifest.config, CONFIG_LIMIT);
    return { top, image, manifest, configBytes, config: (0,core_manifest/* parseImageConfig */.FB)(configBytes) };
}
/** Reads a small blob whole, verified against its descriptor. */
async function readBlob(source, desc, limit) {
    if (desc.size > limit) {
        throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${source.name}: blob ${desc.digest} is ${desc.size} bytes, over the ${limit}-byte limit`);
    }
    const chunks = [];
    await (0,promises_.pipeline)(await source.blob(desc), new digest/* VerifyingStream */.SC({
        digest: desc.digest,
        size: desc.size,
        what: `blob ${desc.digest} of ${source.name}`,
    }), new external_node_stream_.Writable({
        write(chunk, _enc, done) {
            chunks.push(chunk);
            done();
        },
    }));
    return Buffer.concat(chunks);
}
function inspectSummary(inspected, extra = {}) {
    const { config, manifest } = inspected;
    const summary = {
        ...(extra.name ? { Name: extra.name } : {}),
        Digest: inspected.top.digest,
        RepoTags: extra.repoTags ?? [],
        ...(config.created ? { Created: config.created } : {}),
        DockerVersion: config.docker_version ?? '',
        Labels: config.config?.Labels ?? null,
        Architecture: config.architecture,
        Os: config.os,
        ...(config.variant ? { Variant: config.variant } : {}),
        Layers: manifest.layers.map((l) => l.digest),
        LayersData: manifest.layers.map((l) => ({
            MIMEType: l.mediaType,
            Digest: l.digest,
            Size: l.size,
            Annotations: l.annotations ?? null,
        })),
        Env: config.config?.Env ?? null,
    };
    return summary;
}

// EXTERNAL MODULE: ./.build/src/core/reference.js
var reference = __webpack_require__(8978);
// EXTERNAL MODULE: ./.build/src/core/registry/client.js + 8 modules
var registry_client = __webpack_require__(4431);
// EXTERNAL MODULE: ./.build/src/core/transport/index.js + 2 modules
var transport = __webpack_require__(1507);
// EXTERNAL MODULE: ./.build/src/cli/access.js
var access = __webpack_require__(2362);
// EXTERNAL MODULE: ./.build/src/cli/options.js
var options = __webpack_require__(5852);
// EXTERNAL MODULE: ./.build/src/cli/platform.js
var cli_platform = __webpack_require__(8955);
;// CONCATENATED MODULE: ./.build/src/cli/commands/inspect.js
// `lighter inspect IMAGE`: an image's manifest, config or a summary of both, like skopeo inspect.








function inspectRequest(args, ctx) {
    return {
        image: args.positionals[0],
        registry: (0,options/* registryOptions */._A)(args, ctx),
        retryTimes: (0,options/* retryTimes */.Fc)(args),
        raw: args.boolean('raw'),
        config: args.boolean('config'),
        platform: (0,options/* platformOption */.tt)(args),
    };
}
async function inspect(args, ctx) {
    return execute(inspectRequest(args, ctx), args.string('store'), ctx);
}
async function execute(request, store, ctx) {
    const ref = (0,transport/* parseImageName */["if"])(request.image);
    const source = await (0,transport/* openSource */.oD)(ref, (0,access/* openOptions */.d)(ctx, request.registry, request.retryTimes, store));
    try {
        if (request.raw && !request.config) {
            ctx.out(Buffer.from((await source.manifest()).bytes).toString('utf8'));
            return 0;
        }
        const options = request.platform ? { platform: (0,cli_platform/* completePlatform */.d)(request.platform) } : {};
        const inspected = await inspectImage(source, options);
        if (request.config) {
            ctx.out(request.raw
                ? Buffer.from(inspected.configBytes).toString('utf8')
                : JSON.stringify(inspected.config, null, 4));
            return 0;
        }
        const extra = {};
        if (ref.transport === 'docker') {
            const docker = ref;
            extra.name = (0,reference/* repositoryName */.aR)(docker);
            extra.repoTags = await listTags(docker, request, ctx);
        }
        ctx.out(JSON.stringify(inspectSummary(inspected, extra), null, 4));
        return 0;
    }
    finally {
        await source.close();
    }
}
/** skopeo lists the repository's tags too; a registry that refuses the listing gets none. */
async function listTags(ref, request, ctx) {
    const client = new registry_client/* RegistryClient */.b(ref.registry, {
        access: (0,access/* registryAccess */.Y)(request.registry, request.retryTimes),
        logger: ctx.logger,
    });
    try {
        return await client.tags(ref.repository);
    }
    catch (err) {
        ctx.logger.debug(`listing tags of ${(0,reference/* repositoryName */.aR)(ref)}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        return [];
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

/***/ 8955:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ completePlatform)
/* harmony export */ });
/* harmony import */ var _core_platform_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(292);

function completePlatform(choice) {
    const host = (0,_core_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .hostPlatform */ .ol)();
    const platform = {
        os: choice.os ?? host.os,
        architecture: choice.architecture ?? host.architecture,
    };
    const variant = choice.variant ?? (choice.architecture === undefined ? host.variant : undefined);
    if (variant)
        platform.variant = variant;
    return (0,_core_platform_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizePlatform */ .FL)(platform);
}


/***/ }),

/***/ 292:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   J5: () => (/* binding */ platformMatches),
/* harmony export */   Y8: () => (/* binding */ parsePlatform),
/* harmony export */   ol: () => (/* binding */ hostPlatform),
/* harmony export */   yY: () => (/* binding */ selectManifest)
/* harmony export */ });
/* unused harmony export platformFromNode */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// OCI platforms (`linux/arm64`, `linux/arm/v7`): parsing, containerd-style normalization, matching and choosing an index entry.


// Go's GOOS and GOARCH values, as containerd knows them: a single-word specifier is looked up here.
const KNOWN_OS = new Set([
    'aix',
    'android',
    'darwin',
    'dragonfly',
    'freebsd',
    'hurd',
    'illumos',
    'ios',
    'js',
    'linux',
    'nacl',
    'netbsd',
    'openbsd',
    'plan9',
    'solaris',
    'wasip1',
    'windows',
    'zos',
]);
const KNOWN_ARCH = new Set([
    '386',
    'amd64',
    'amd64p32',
    'arm',
    'armbe',
    'arm64',
    'arm64be',
    'loong64',
    'mips',
    'mipsle',
    'mips64',
    'mips64le',
    'mips64p32',
    'mips64p32le',
    'ppc',
    'ppc64',
    'ppc64le',
    'riscv',
    'riscv64',
    's390',
    's390x',
    'sparc',
    'sparc64',
    'wasm',
]);
const WORD = /^[A-Za-z0-9_-]+$/;
const VARIANT = /^[A-Za-z0-9_.-]+$/;
const OS_VERSION = /^[A-Za-z0-9_.-]+$/;
/**
 * Parses `os[(os.version)]/arch[/variant]` (`linux/arm64/v8`, `linux/amd64`,
 * `windows(10.0.17763)/amd64`) into a normalized Platform. A single word is an OS (with the
 * host's architecture) or an architecture (on linux). Throws ERR_BAD_PLATFORM naming the part.
 */
function parsePlatform(input) {
    const text = input.trim();
    const fail = (problem) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_PLATFORM', `invalid platform ${JSON.stringify(input)}: ${problem}`);
    if (text === '')
        throw fail('it is empty');
    const parts = text.split('/');
    if (parts.length > 3)
        throw fail('expected os/arch[/variant]');
    const osMatch = /^([^()]*)(?:\(([^()]*)\))?$/.exec(parts[0] ?? '');
    if (!osMatch)
        throw fail(`os "${parts[0]}" is not os or os(version)`);
    const os = osMatch[1] ?? '';
    const osVersion = osMatch[2];
    if (os === '')
        throw fail('the os is empty');
    if (!WORD.test(os))
        throw fail(`os "${os}" may only contain letters, digits, "_" and "-"`);
    if (osVersion !== undefined && !OS_VERSION.test(osVersion)) {
        throw fail(`os.version "${osVersion}" may only contain letters, digits, ".", "_" and "-"`);
    }
    const version = osVersion === undefined ? {} : { 'os.version': osVersion };
    if (parts.length === 1) {
        if (KNOWN_OS.has(normalizeOs(os))) {
            const host = hostPlatform();
            return normalizePlatform({ ...host, os, ...version });
        }
        const { architecture, variant } = normalizeArch(os, '');
        // Containers are linux in CI whatever the runner is, so a bare architecture means linux.
        if (KNOWN_ARCH.has(architecture) && osVersion === undefined) {
            return normalizePlatform({ os: 'linux', architecture, ...(variant ? { variant } : {}) });
        }
        throw fail(`"${os}" is neither a known operating system nor a known architecture`);
    }
    const architecture = parts[1] ?? '';
    if (architecture === '')
        throw fail('the architecture is empty');
    if (!WORD.test(architecture)) {
        throw fail(`architecture "${architecture}" may only contain letters, digits, "_" and "-"`);
    }
    const variant = parts[2];
    if (variant !== undefined) {
        if (variant === '')
            throw fail('the variant is empty');
        if (!VARIANT.test(variant)) {
            throw fail(`variant "${variant}" may only contain letters, digits, ".", "_" and "-"`);
        }
    }
    return normalizePlatform({ os, architecture, ...(variant ? { variant } : {}), ...version });
}
/**
 * The canonical form, by containerd's rules: lowercase; aarch64 → arm64 (v8 dropped, it is the
 * default), x86_64/x86-64 → amd64 (v1 dropped), i386/i686 → 386, armhf → arm/v7, armel →
 * arm/v6, arm without variant → arm/v7, macos → darwin. Other values pass through lowercased.
 */
function normalizePlatform(p) {
    const { architecture, variant } = normalizeArch(p.architecture, p.variant ?? '');
    const out = { os: normalizeOs(p.os), architecture };
    if (variant !== '')
        out.variant = variant;
    if (p['os.version'] !== undefined)
        out['os.version'] = p['os.version'];
    if (p['os.features'] !== undefined)
        out['os.features'] = [...p['os.features']];
    return out;
}
/** `linux/arm64`, `linux/arm/v7`, `windows(10.0.17763.5458)/amd64`; parsePlatform reads it back. */
function formatPlatform(p) {
    const version = p['os.version'] ? `(${p['os.version']})` : '';
    return `${p.os}${version}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
/**
 * True when `have` is the platform `want` asks for, after normalization: same os and
 * architecture, and the same variant unless `want` names none (then any variant will do, as in
 * `linux/amd64` for an `amd64/v2` entry). On windows, when both name an os.version, they must
 * share major.minor.build. This is containerd's Match, not its Only: older variants and other
 * architectures the host could also run (arm/v6 for arm/v7, 386 for amd64) do not match, so a
 * filter like "copy linux/amd64 and linux/arm/v7" copies exactly those.
 */
function platformMatches(want, have) {
    const rank = matchRank(normalizePlatform(want), normalizePlatform(have));
    return rank !== undefined && rank < FALLBACK_RANK;
}
/**
 * The index entry to use for `want`: an exact match first, then (when `want` names no variant)
 * another variant of the architecture, then an older variant `want` can run (arm/v6 for
 * arm/v7, amd64/v2 for amd64/v3, arm64 for arm64/v9); the index's order breaks ties.
 * Other architectures are never chosen: asking for amd64 should not quietly yield a 386
 * image. Entries without a platform and attestations (`unknown/unknown`) are skipped.
 * Throws ERR_NO_MATCHING_PLATFORM listing the platforms the index has.
 */
function selectManifest(index, want) {
    const wanted = normalizePlatform(want);
    let best;
    for (const descriptor of index.manifests) {
        if (!descriptor.platform || isAttestation(descriptor))
            continue;
        const rank = matchRank(wanted, normalizePlatform(descriptor.platform));
        if (rank !== undefined && (best === undefined || rank < best.rank)) {
            best = { descriptor, rank };
        }
    }
    if (best)
        return best.descriptor;
    const available = [
        ...new Set(index.manifests
            .filter((d) => d.platform && !isAttestation(d))
            .map((d) => formatPlatform(d.platform))),
    ];
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_NO_MATCHING_PLATFORM', `no image for ${formatPlatform(wanted)} in the index; ${available.length === 0 ? 'it names no platforms' : `it has ${available.join(', ')}`}`, { details: { want: formatPlatform(wanted), available } });
}
/** The platform this process runs on, normalized (`linux/amd64`, `darwin/arm64`). */
function hostPlatform() {
    const variables = process.config.variables;
    const armVersion = variables?.arm_version;
    return platformFromNode(process.platform, process.arch, {
        armVersion: typeof armVersion === 'string' || typeof armVersion === 'number' ? armVersion : undefined,
        endianness: (0,node_os__WEBPACK_IMPORTED_MODULE_0__.endianness)(),
    });
}
/** Maps Node's `process.platform` and `process.arch` to an OCI platform (Go's GOOS/GOARCH). */
function platformFromNode(nodePlatform, nodeArch, facts = {}) {
    const os = NODE_OS[nodePlatform] ?? nodePlatform;
    const little = (facts.endianness ?? 'LE') === 'LE';
    let architecture = NODE_ARCH[nodeArch] ?? nodeArch;
    if (nodeArch === 'ppc64' && little)
        architecture = 'ppc64le';
    const variant = architecture === 'arm' && facts.armVersion !== undefined ? `v${facts.armVersion}` : undefined;
    return normalizePlatform({ os, architecture, ...(variant ? { variant } : {}) });
}
const NODE_OS = { win32: 'windows', sunos: 'solaris' };
const NODE_ARCH = {
    x64: 'amd64',
    ia32: '386',
    mipsel: 'mipsle',
    mips64el: 'mips64le',
};
// Ranks 0 and 1 are matches proper; from here on, compatible fallbacks only selectManifest takes.
const FALLBACK_RANK = 4;
/**
 * How well `have` serves `want` (both normalized), lower is better; undefined if it cannot.
 * Even ranks are exact windows os.version matches, odd ranks build-compatible ones.
 */
function matchRank(want, have) {
    if (want.os !== have.os || want.architecture !== have.architecture)
        return undefined;
    let versionPenalty = 0;
    const wantVersion = want['os.version'];
    const haveVersion = have['os.version'];
    if (want.os === 'windows' && wantVersion && haveVersion && wantVersion !== haveVersion) {
        // Windows containers need the host's build; the revision (4th part) may differ.
        if (windowsBuild(wantVersion) !== windowsBuild(haveVersion))
            return undefined;
        versionPenalty = 1;
    }
    const wantVariant = want.variant ?? '';
    const haveVariant = have.variant ?? '';
    let rank;
    if (wantVariant === haveVariant)
        rank = 0;
    else if (wantVariant === '')
        rank = 2;
    else {
        const older = olderVariants(want.architecture, wantVariant).indexOf(haveVariant);
        if (older === -1)
            return undefined;
        rank = FALLBACK_RANK + 2 * older;
    }
    return rank + versionPenalty;
}
/** Variants a CPU of `variant` also runs, best first (containerd's platform vector, same arch). */
function olderVariants(architecture, variant) {
    const level = Number.parseInt(variant.replace(/^v/, ''), 10);
    if (architecture === 'arm' && level > 5) {
        return Array.from({ length: level - 5 }, (_, i) => `v${level - 1 - i}`);
    }
    if (architecture === 'amd64' && level > 1) {
        // amd64/v1 normalizes to plain amd64, the last in line.
        return [...Array.from({ length: level - 2 }, (_, i) => `v${level - 1 - i}`), ''];
    }
    if (architecture === 'arm64')
        return [''];
    return [];
}
function windowsBuild(version) {
    return version.split('.').slice(0, 3).join('.');
}
function isAttestation(d) {
    return ((d.platform?.os === 'unknown' && d.platform.architecture === 'unknown') ||
        d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
}
function normalizeOs(os) {
    const lower = os.toLowerCase();
    return lower === 'macos' ? 'darwin' : lower;
}
function normalizeArch(arch, variant) {
    const a = arch.toLowerCase();
    const v = variant.toLowerCase();
    switch (a) {
        case 'i386':
        case 'i686':
            return { architecture: '386', variant: '' };
        case 'x86_64':
        case 'x86-64':
        case 'amd64':
            return { architecture: 'amd64', variant: v === 'v1' ? '' : v };
        case 'aarch64':
        case 'arm64':
            if (v === '8' || v === 'v8' || v === 'v8.0')
                return { architecture: 'arm64', variant: '' };
            if (v === '9' || v === '9.0' || v === 'v9.0')
                return { architecture: 'arm64', variant: 'v9' };
            return { architecture: 'arm64', variant: v };
        case 'armhf':
            return { architecture: 'arm', variant: 'v7' };
        case 'armel':
            return { architecture: 'arm', variant: 'v6' };
        case 'arm':
            if (v === '' || v === '7')
                return { architecture: 'arm', variant: 'v7' };
            if (v === '5' || v === '6' || v === '8')
                return { architecture: 'arm', variant: `v${v}` };
            return { architecture: 'arm', variant: v };
        default:
            return { architecture: a, variant: v };
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
