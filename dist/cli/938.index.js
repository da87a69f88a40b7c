export const id = 938;
export const ids = [938];
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
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'wx', options.mode ?? 0o644);
        try {
            await handle.writeFile(data);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        await renameDurable(temp, path);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
}


/***/ }),

/***/ 292:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   FL: () => (/* binding */ normalizePlatform),
/* harmony export */   J5: () => (/* binding */ platformMatches),
/* harmony export */   ol: () => (/* binding */ hostPlatform),
/* harmony export */   yY: () => (/* binding */ selectManifest)
/* harmony export */ });
/* unused harmony exports parsePlatform, platformFromNode */
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
    const fail = (problem) => new LighterError('ERR_BAD_PLATFORM', `invalid platform ${JSON.stringify(input)}: ${problem}`);
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

/***/ 8208:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tO: () => (/* binding */ imageName),
  xB: () => (/* binding */ openDestination),
  oD: () => (/* binding */ openSource),
  "if": () => (/* binding */ parseImageName)
});

// UNUSED EXPORTS: findTransport, parseImageNameOrReference, transportNames

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
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./.build/src/core/fs/content-file.js
// Writes streamed content to a temp file while hashing it, so only complete, verified bytes get a final name.








/**
 * Streams into `tempDir`, fsyncs, then renames onto `finalPath(...)`. On any failure (a read
 * error, a digest or size mismatch) the temp file is removed and nothing appears under a final name.
 */
async function writeContentFile(stream, options) {
    const expected = options.expected ?? {};
    const algorithm = options.algorithm ?? (expected.digest ? (0,core_digest/* digestAlgorithm */.g4)(expected.digest) : 'sha256');
    const inputHash = new core_digest/* DigestingStream */.Xi(algorithm);
    const stages = [inputHash];
    if (expected.digest) {
        stages.push(new core_digest/* VerifyingStream */.SC({
            digest: expected.digest,
            size: expected.size,
            ...(expected.what ? { what: expected.what } : {}),
        }));
    }
    let outputHash;
    if (options.decode) {
        outputHash = new core_digest/* DigestingStream */.Xi(algorithm);
        stages.push(options.decode, outputHash);
    }
    await (0,promises_.mkdir)(options.tempDir, { recursive: true });
    const temp = (0,external_node_path_.join)(options.tempDir, `.tmp-blob-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    try {
        await (0,external_node_stream_promises_.pipeline)([stream, ...stages, (0,external_node_fs_.createWriteStream)(temp, { flags: 'wx', flush: true })]);
        const input = { digest: inputHash.digest, size: inputHash.size };
        if (!expected.digest && expected.size !== undefined && expected.size >= 0) {
            if (input.size !== expected.size) {
                throw new errors/* LighterError */.Kt('ERR_SIZE_MISMATCH', `${expected.what ?? `content ${input.digest}`}: size mismatch: expected ${expected.size} bytes, got ${input.size}`);
            }
        }
        const written = outputHash ? { digest: outputHash.digest, size: outputHash.size } : input;
        const path = options.finalPath(written, input);
        if (await exists(path)) {
            // Content-addressed: an existing file holds these very bytes; keep it, readers may have it open.
            await (0,promises_.rm)(temp, { force: true });
        }
        else {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
            await (0,promises_.rename)(temp, path);
            await (0,atomic_write/* fsyncDir */.t_)((0,external_node_path_.dirname)(path));
        }
        return { input, written, path };
    }
    catch (err) {
        await (0,promises_.rm)(temp, { force: true });
        throw err;
    }
}
async function exists(path) {
    try {
        await (0,promises_.stat)(path);
        return true;
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
}

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
        const { written } = await writeContentFile(stream, {
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
        await writeContentFile(external_node_stream_.Readable.from([Buffer.from(manifest.bytes)]), {
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

;// CONCATENATED MODULE: ./.build/src/core/fs/tree.js
// Read-only access to a tree of files, so one reader serves a directory and a tar archive alike.




/** Normalizes a tree path (`./a//b` → `a/b`) and refuses `..`, absolute paths and NUL. */
function cleanTreePath(path, location) {
    const parts = [];
    for (const part of path.replaceAll('\\', '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' || part.includes('\0')) {
            throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
        }
        parts.push(part);
    }
    if (path.startsWith('/') || /^[a-zA-Z]:/.test(path) || parts.length === 0) {
        throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${location}: refusing path "${path}"`);
    }
    return parts.join('/');
}
function notFound(location, path) {
    return new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${location}: ${path} not found`, {
        details: { location, path },
    });
}
/** A FileTree over a directory on disk. */
function directoryTree(dir) {
    const full = (path) => (0,external_node_path_.join)(dir, ...cleanTreePath(path, dir).split('/'));
    const missing = (err, path) => {
        const code = err.code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? notFound(dir, path) : err;
    };
    return {
        location: dir,
        async readFile(path) {
            try {
                return await (0,promises_.readFile)(full(path));
            }
            catch (err) {
                throw missing(err, path);
            }
        },
        async open(path) {
            const file = full(path);
            // Opening eagerly turns a missing file into a rejected promise, not a later stream error.
            const stream = (0,external_node_fs_.createReadStream)(file);
            await new Promise((resolve, reject) => {
                stream.once('open', () => resolve());
                stream.once('error', (err) => reject(missing(err, path)));
            });
            return stream;
        },
        async head(path, length) {
            let handle;
            try {
                handle = await (0,promises_.open)(full(path), 'r');
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
                const info = await (0,promises_.stat)(full(path));
                return info.isFile() ? info.size : undefined;
            }
            catch (err) {
                const e = missing(err, path);
                if (e instanceof errors/* LighterError */.Kt)
                    return undefined;
                throw e;
            }
        },
        async close() { },
    };
}

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
    return new DirSource(name, directoryTree(ref.path));
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
        const writing = writeContentFile(stream, {
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
        let name = cleanTreePath(path, file);
        for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            const entry = entries.get(name);
            if (!entry)
                return undefined;
            if (entry.type === 'symlink') {
                if (entry.linkname.startsWith('/')) {
                    throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${file}: ${name} links outside the archive (${entry.linkname})`);
                }
                name = cleanTreePath(external_node_path_.posix.join(external_node_path_.posix.dirname(name), entry.linkname), file);
            }
            else if (entry.type === 'link') {
                name = cleanTreePath(entry.linkname, file);
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
            throw notFound(file, path);
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
                name = cleanTreePath(rawName, location);
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

;// CONCATENATED MODULE: ./.build/src/core/transport/layout/layout.js
// The OCI image layout's files (oci-layout, index.json, blobs/<alg>/<hex>) and the rules for names in its index.



const LAYOUT_FILE = 'oci-layout';
const INDEX_FILE = 'index.json';
const LAYOUT_VERSION = '1.0.0';
/** The annotation that names an image in index.json (skopeo, umoci and buildah put the tag here). */
const REF_NAME = 'org.opencontainers.image.ref.name';
/** `blobs/sha256/<hex>`: where a blob lives, relative to the layout root. */
function blobPath(digest) {
    const { algorithm, hex } = (0,core_digest/* parseDigest */.m)(digest);
    return `blobs/${algorithm}/${hex}`;
}
function emptyIndex() {
    return { schemaVersion: 2, mediaType: media_types/* MediaType */.zu.ociIndex, manifests: [] };
}
/** Parses index.json, failing with ERR_BAD_MANIFEST that says what is wrong and where. */
function parseLayoutIndex(bytes, where) {
    const bad = (why) => new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `reading ${where}/${INDEX_FILE}: ${why}`);
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (err) {
        throw bad(`not valid JSON (${err.message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw bad('not a JSON object');
    }
    const index = value;
    if (index.schemaVersion !== 2)
        throw bad(`schemaVersion is ${JSON.stringify(index.schemaVersion)}, want 2`);
    if (!Array.isArray(index.manifests))
        throw bad('"manifests" is not an array');
    index.manifests.forEach((d, i) => {
        checkDescriptor(d, (why) => bad(`manifests[${i}]: ${why}`));
    });
    return index;
}
function checkDescriptor(value, bad) {
    if (typeof value !== 'object' || value === null)
        throw bad('not an object');
    const d = value;
    if (typeof d.mediaType !== 'string' || d.mediaType === '')
        throw bad('no mediaType');
    if (typeof d.digest !== 'string')
        throw bad('no digest');
    try {
        (0,core_digest/* parseDigest */.m)(d.digest);
    }
    catch (err) {
        throw bad(err.message);
    }
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
        throw bad('size is not a non-negative integer');
    }
    if (d.annotations !== undefined) {
        const a = d.annotations;
        if (typeof a !== 'object' ||
            a === null ||
            Object.values(a).some((v) => typeof v !== 'string')) {
            throw bad('annotations must map strings to strings');
        }
    }
}
/** Checks the oci-layout marker file. */
function checkLayoutMarker(bytes, where) {
    let version;
    try {
        version = JSON.parse(Buffer.from(bytes).toString('utf8'))
            .imageLayoutVersion;
    }
    catch {
        version = undefined;
    }
    if (typeof version !== 'string') {
        throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `reading ${where}/${LAYOUT_FILE}: no imageLayoutVersion`);
    }
    if (!version.startsWith('1.')) {
        throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `reading ${where}/${LAYOUT_FILE}: image layout version ${version} is not supported (1.x)`);
    }
}
function refName(descriptor) {
    return descriptor.annotations?.[REF_NAME];
}
/** Names for messages: each entry's ref name, or `<unnamed sha256:…>`. */
function describeEntries(index) {
    if (index.manifests.length === 0)
        return 'no images';
    return index.manifests.map((d) => refName(d) ?? `<unnamed ${d.digest.slice(0, 19)}…>`).join(', ');
}
/**
 * Picks the top-level descriptor as skopeo does: by ref name when given, else the only entry.
 * Fails with ERR_NOT_FOUND listing what the layout holds.
 */
function selectEntry(index, name, where) {
    if (name !== undefined) {
        const found = index.manifests.find((d) => refName(d) === name);
        if (found)
            return found;
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${where}: no image named "${name}" (the layout has ${describeEntries(index)})`, { details: { names: names(index) } });
    }
    const only = index.manifests[0];
    if (index.manifests.length === 1 && only)
        return only;
    throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', index.manifests.length === 0
        ? `${where}: the layout holds no images`
        : `${where}: the layout holds ${index.manifests.length} images (${describeEntries(index)}); name one as ${where}:NAME`, { details: { names: names(index) } });
}
function names(index) {
    return index.manifests.flatMap((d) => {
        const n = refName(d);
        return n === undefined ? [] : [n];
    });
}
/**
 * Adds a top-level entry. A named entry replaces the entry of that name; an unnamed one replaces
 * an unnamed entry of the same digest (so copying twice does not pile up duplicates); else it is appended.
 */
function addEntry(index, descriptor, name) {
    const entry = { ...descriptor };
    if (name !== undefined)
        entry.annotations = { ...descriptor.annotations, [REF_NAME]: name };
    const replaced = (d) => (name !== undefined && refName(d) === name) ||
        (refName(d) === undefined && d.digest === entry.digest);
    // Replace in place, so rewriting a tag keeps index.json's order (and diffs) stable.
    const at = index.manifests.findIndex(replaced);
    const manifests = index.manifests.filter((d) => !replaced(d));
    manifests.splice(at === -1 ? manifests.length : at, 0, entry);
    return { ...index, manifests };
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./.build/src/core/fs/file-lock.js
// An exclusive lock between processes: a lock file created with O_EXCL that names its holder.





// A lock file that exists but is still empty is being written by its creator; after this long
// with no owner recorded, its creator died between create and write.
const UNWRITTEN_GRACE_MS = 10_000;
// The breaker lock is held for two file operations; older than this, its holder died.
const BREAKER_STALE_MS = 10_000;
/**
 * Takes the lock at `path`, waiting while a live process holds it. A lock left by a dead process
 * on this host is broken; the check and the removal happen under a second lock (`path.break`),
 * so two waiters can never both break it and one of them remove the other's fresh lock.
 */
async function acquireFileLock(path, options = {}) {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const started = Date.now();
    const deadline = started + timeoutMs;
    const owner = {
        pid: process.pid,
        host: (0,external_node_os_.hostname)(),
        token: (0,external_node_crypto_.randomBytes)(8).toString('hex'),
        since: new Date().toISOString(),
    };
    let delay = 2;
    let warned = false;
    for (;;) {
        if (await tryCreate(path, owner))
            return heldLock(path, owner, options.logger);
        const holder = await readOwner(path);
        if (holder !== 'gone') {
            if (await isStale(path, holder)) {
                await breakStale(path, holder);
                continue;
            }
            if (Date.now() >= deadline) {
                throw new errors/* LighterError */.Kt('ERR_LOCKED', `locking ${options.what ?? path}: held by ${describe(holder)}; gave up after ${timeoutMs} ms`, { details: { path, holder: holder === 'unwritten' ? undefined : holder } });
            }
            // Say why we are idle once a wait gets long enough for someone to wonder.
            if (!warned && Date.now() - started > 2_000) {
                options.logger?.info(`waiting for the lock on ${options.what ?? path} (${describe(holder)})`);
                warned = true;
            }
        }
        options.signal?.throwIfAborted();
        // Jitter keeps several waiters from retrying in lockstep.
        await (0,external_node_timers_promises_.setTimeout)(delay + Math.random() * delay, undefined, { signal: options.signal });
        delay = Math.min(delay * 2, 100);
    }
}
/** Runs `fn` holding the lock at `path`, releasing it whatever happens. */
async function withFileLock(path, fn, options) {
    const lock = await acquireFileLock(path, options);
    try {
        return await fn();
    }
    finally {
        await lock.release();
    }
}
async function tryCreate(path, owner) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'wx', 0o644);
    }
    catch (err) {
        if (err.code === 'EEXIST')
            return false;
        throw new errors/* LighterError */.Kt('ERR_STORE', `creating lock file ${path}: ${err.message}`, {
            cause: err,
        });
    }
    try {
        await handle.writeFile(JSON.stringify(owner));
    }
    finally {
        await handle.close();
    }
    return true;
}
async function readOwner(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return 'gone';
        throw err;
    }
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') {
            return {
                pid: parsed.pid,
                host: String(parsed.host ?? ''),
                token: parsed.token,
                since: String(parsed.since ?? ''),
            };
        }
    }
    catch {
        // Partly written: judged by age below.
    }
    return 'unwritten';
}
async function isStale(path, holder) {
    if (holder === 'unwritten')
        return (await ageMs(path)) > UNWRITTEN_GRACE_MS;
    // A pid means nothing on another host (a shared filesystem): wait for that holder instead.
    if (holder.host !== (0,external_node_os_.hostname)())
        return false;
    return !isAlive(holder.pid);
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        // EPERM: the process exists but belongs to someone else.
        return err.code === 'EPERM';
    }
}
async function breakStale(path, judged) {
    const breaker = `${path}.break`;
    const self = {
        pid: process.pid,
        host: (0,external_node_os_.hostname)(),
        token: (0,external_node_crypto_.randomBytes)(8).toString('hex'),
        since: new Date().toISOString(),
    };
    if (!(await tryCreate(breaker, self))) {
        if ((await ageMs(breaker)) > BREAKER_STALE_MS)
            await (0,promises_.unlink)(breaker).catch(() => { });
        return;
    }
    try {
        // Still the same stale holder? Someone may have broken it and taken the lock meanwhile.
        const now = await readOwner(path);
        const same = now !== 'gone' &&
            (judged === 'unwritten'
                ? now === 'unwritten'
                : now !== 'unwritten' && now.token === judged.token);
        if (same)
            await (0,promises_.unlink)(path).catch(() => { });
    }
    finally {
        await (0,promises_.unlink)(breaker).catch(() => { });
    }
}
async function ageMs(path) {
    try {
        return Date.now() - (await (0,promises_.stat)(path)).mtimeMs;
    }
    catch {
        return 0;
    }
}
function describe(holder) {
    if (holder === 'unwritten')
        return 'a process that is still creating it';
    return `pid ${holder.pid} on ${holder.host} since ${holder.since}`;
}
function heldLock(path, owner, logger) {
    let released = false;
    return {
        path,
        async release() {
            if (released)
                return;
            released = true;
            const now = await readOwner(path);
            if (now === 'gone' || now === 'unwritten' || now.token !== owner.token) {
                // Someone judged us dead and took over: removing their lock would let a third writer in.
                logger?.warn(`lock ${path} was taken over while held; leaving it to its new holder`);
                return;
            }
            await (0,promises_.unlink)(path).catch(() => { });
        },
    };
}

;// CONCATENATED MODULE: ./.build/src/core/transport/layout/writer.js
// Writes an OCI image layout in a directory: blobs appear whole or not at all, index.json changes under a lock.








class LayoutWriter {
    dir;
    /** The lock that serializes index.json updates between processes; the store takes it for GC too. */
    lockPath;
    #options;
    constructor(dir, options) {
        this.dir = dir;
        this.lockPath = (0,external_node_path_.join)(dir, `${INDEX_FILE}.lock`);
        this.#options = options;
    }
    /** Opens a layout for writing, creating the directory and its oci-layout file when missing. */
    static async open(dir, options = {}) {
        try {
            await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'blobs', 'sha256'), { recursive: true });
        }
        catch (err) {
            throw new errors/* LighterError */.Kt('ERR_STORE', `creating OCI layout ${dir}: ${err.message}`, {
                cause: err,
            });
        }
        const marker = (0,external_node_path_.join)(dir, LAYOUT_FILE);
        let existing;
        try {
            existing = await (0,promises_.readFile)(marker);
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
        }
        if (existing)
            checkLayoutMarker(existing, dir);
        else
            await (0,atomic_write/* writeFileAtomic */.Zf)(marker, JSON.stringify({ imageLayoutVersion: LAYOUT_VERSION }));
        return new LayoutWriter(dir, options);
    }
    blobFile(digest) {
        return (0,external_node_path_.join)(this.dir, ...blobPath(digest).split('/'));
    }
    /** True when the blob is present with the descriptor's size (blobs only ever appear whole). */
    async hasBlob(descriptor) {
        try {
            const info = await (0,promises_.stat)(this.blobFile(descriptor.digest));
            return info.isFile() && (descriptor.size < 0 || info.size === descriptor.size);
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return false;
            throw err;
        }
    }
    /**
     * Streams a blob in through a temp file in the layout, hashing it; a given digest and size are
     * checked before the blob gets its name. An existing blob of that digest is kept as it is.
     */
    async putBlob(stream, expected = {}) {
        const { written } = await writeContentFile(stream, {
            tempDir: this.dir,
            expected: {
                ...expected,
                what: expected.what ?? `blob ${expected.digest ?? ''} for ${this.dir}`,
            },
            finalPath: (w) => this.blobFile(w.digest),
        });
        return written;
    }
    async putBytes(bytes, expected = {}) {
        return this.putBlob(external_node_stream_.Readable.from([Buffer.from(bytes)]), expected);
    }
    /** index.json as it is now (an empty index when there is none yet). */
    async readIndex() {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)((0,external_node_path_.join)(this.dir, INDEX_FILE));
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return emptyIndex();
            throw err;
        }
        return parseLayoutIndex(bytes, this.dir);
    }
    /**
     * Read-modify-write of index.json under the layout's lock, so concurrent writers (other
     * processes too) never lose each other's entries. The new index replaces the old atomically.
     */
    async updateIndex(mutate) {
        return this.withLock(async () => {
            const next = mutate(await this.readIndex());
            await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.dir, INDEX_FILE), JSON.stringify(next));
            return next;
        });
    }
    async withLock(fn) {
        return withFileLock(this.lockPath, fn, {
            what: `${INDEX_FILE} of ${this.dir}`,
            ...(this.#options.lockTimeoutMs !== undefined
                ? { timeoutMs: this.#options.lockTimeoutMs }
                : {}),
            ...(this.#options.logger ? { logger: this.#options.logger } : {}),
        });
    }
}

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
        await this.#writer.updateIndex((index) => addEntry(index, top, this.#refName));
        this.#committed = true;
    }
    async close() {
        // Blobs already written stay: they are whole, content-addressed and harmless until a GC.
    }
}
async function openOciLayoutDestination(ref, options = {}) {
    const name = `oci:${formatPathAndName(ref)}`;
    const writer = await LayoutWriter.open(ref.path, options.logger ? { logger: options.logger } : {});
    return new OciLayoutDestination(name, writer, ref.name);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/layout/reader.js
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
            marker = await tree.readFile(LAYOUT_FILE);
        }
        catch (err) {
            if ((0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND')) {
                throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${where}: not an OCI image layout (no ${LAYOUT_FILE} file)`, {
                    cause: err,
                });
            }
            throw err;
        }
        checkLayoutMarker(marker, where);
        let index;
        try {
            index = parseLayoutIndex(await tree.readFile(INDEX_FILE), where);
        }
        catch (err) {
            // A layout whose first image is still being written has no index.json yet: it holds nothing.
            if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND'))
                throw err;
            index = emptyIndex();
        }
        return new LayoutReader(tree, index);
    }
    /**
     * The manifest a descriptor points at, as stored. The digest is the descriptor's (not recomputed),
     * so a consumer that verifies catches a blob that does not match its index entry.
     */
    async manifest(descriptor) {
        if (descriptor.size > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
            throw new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `${this.tree.location}: manifest ${descriptor.digest} is ${descriptor.size} bytes (limit ${core_manifest/* MAX_MANIFEST_SIZE */.L7})`);
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
        const listed = (0,media_types/* isIndexMediaType */.$$)(parent.mediaType) ? childDescriptors(parent.bytes) : [];
        const descriptor = listed.find((d) => d.digest === instance);
        if (!descriptor) {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.tree.location}: ${instance} is not listed by manifest ${parent.digest}`);
        }
        return this.manifest(descriptor);
    }
    /** Streams a blob as stored (unverified: the consumer verifies). */
    async blob(descriptor) {
        try {
            return await this.tree.open(blobPath(descriptor.digest));
        }
        catch (err) {
            throw this.#missing(err, descriptor.digest, 'blob');
        }
    }
    async hasBlob(descriptor) {
        return (await this.tree.size(blobPath(descriptor.digest))) === descriptor.size;
    }
    async #read(digest, what) {
        try {
            return await this.tree.readFile(blobPath(digest));
        }
        catch (err) {
            throw this.#missing(err, digest, what);
        }
    }
    #missing(err, digest, what) {
        if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND'))
            return err;
        return new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.tree.location}: ${what} ${digest} is missing`, {
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
            const reader = await LayoutReader.open(tree);
            const entry = selectEntry(reader.index, refName, layoutName);
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
    return OciLayoutSource.open(directoryTree(ref.path), ref.name, layoutName);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-layout/transport.js
// The `oci:PATH[:NAME]` transport: an image in an OCI image layout directory, named by its ref.name annotation.



// The image-spec grammar for ref.name values: components of alphanumerics and separators.
const transport_REF_NAME = /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/;
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
    if (!transport_REF_NAME.test(name)) {
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
        { name: LAYOUT_FILE, type: 'file', path: (0,external_node_path_.join)(dir, LAYOUT_FILE) },
        { name: INDEX_FILE, type: 'file', path: (0,external_node_path_.join)(dir, INDEX_FILE) },
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
        const writer = await LayoutWriter.open(staging, options.logger ? { logger: options.logger } : {});
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

;// CONCATENATED MODULE: ./.build/src/core/storage/names.js
// Image names in the store: the full normalized form kept in index.json, and the short forms people type.


/** Registry of images that came from no registry (built or tagged here), as podman and buildah name them. */
const LOCAL_REGISTRY = 'localhost';
/**
 * The stored form of a name as `docker pull` reads it: `busybox` → `docker.io/library/busybox:latest`.
 * Throws ERR_BAD_REFERENCE naming the bad part.
 */
function normalizeName(input) {
    return (0,core_reference/* formatReference */.FH)((0,core_reference/* parseReference */.F2)(input.trim()));
}
/**
 * The stored form of a name given to a local image (`tag`, a build's `-t`): without a
 * registry it goes under `localhost/`, as podman and buildah do, so a short local name is never
 * mistaken for a Docker Hub image (and never pushed there by accident).
 */
function localImageName(input) {
    const text = input.trim();
    const ref = (0,core_reference/* parseReference */.F2)(text);
    if (hasExplicitRegistry(text, ref))
        return (0,core_reference/* formatReference */.FH)(ref);
    return (0,core_reference/* formatReference */.FH)({ ...ref, registry: LOCAL_REGISTRY, repository: typedPath(text, ref) });
}
/** True when the text names its registry (`ghcr.io/x`, `localhost/x`, `docker.io/x`). */
function hasExplicitRegistry(text, ref) {
    if (ref.registry !== core_reference/* DEFAULT_REGISTRY */.sx)
        return true;
    const first = text.split('/', 1)[0] ?? '';
    return (text.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost'));
}
/** The repository path as typed: `busybox` stays `busybox` (not `library/busybox`). */
function typedPath(text, ref) {
    const typedLibrary = text.startsWith('library/') || text.startsWith('docker.io/library/');
    if (ref.registry === core_reference/* DEFAULT_REGISTRY */.sx && !typedLibrary && ref.repository.startsWith('library/')) {
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
    const full = (0,core_reference/* formatReference */.FH)(ref);
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
function names_notFound(input, stored, where) {
    const similar = similarNames(input, stored);
    const hint = stored.length === 0
        ? 'the store holds no images'
        : similar.length > 0
            ? `similar names: ${similar.join(', ')}`
            : `it holds ${stored.length} named image${stored.length === 1 ? '' : 's'}, none like it`;
    return new errors/* LighterError */.Kt('ERR_NOT_FOUND', `no image "${input}" in the store ${where}; ${hint}`, {
        details: { name: input, similar },
    });
}

;// CONCATENATED MODULE: ./.build/src/core/storage/chain-id.js
// Chain IDs (OCI image spec, config.md): the key of an unpacked layer stack, one per layer position.

/**
 * The chain ID of every prefix of `diffIds`: the first is the first diff ID, then
 * `sha256(previous + " " + diffId)`. A layer directory named by its chain ID is shared by
 * every image whose stack up to that layer is the same.
 */
function chainIds(diffIds) {
    const out = [];
    let previous;
    for (const diffId of diffIds) {
        previous = previous === undefined ? diffId : (0,core_digest/* digestOf */.ol)(`${previous} ${diffId}`);
        out.push(previous);
    }
    return out;
}
/** The directory name of a chain ID under `layers/` (the hex part; all chain IDs are sha256). */
function layerDirName(chainId) {
    return (0,core_digest/* digestHex */.sU)(chainId);
}

;// CONCATENATED MODULE: ./.build/src/core/storage/remove-tree.js
// Removes a directory tree even when the tree itself forbids it (read-only directories unpacked from an image).


/**
 * `rm -rf`, except that directories without write permission (common in images: a 0555
 * `/usr`) are made writable first when a plain removal fails, as a non-root owner must.
 */
async function removeTree(path) {
    try {
        await (0,promises_.rm)(path, { recursive: true, force: true, maxRetries: 2 });
        return;
    }
    catch (err) {
        const code = err.code;
        if (code !== 'EACCES' && code !== 'EPERM')
            throw err;
    }
    await makeWritable(path);
    await (0,promises_.rm)(path, { recursive: true, force: true, maxRetries: 2 });
}
async function makeWritable(path) {
    let info;
    try {
        info = await (0,promises_.lstat)(path);
    }
    catch {
        return;
    }
    if (!info.isDirectory())
        return;
    await (0,promises_.chmod)(path, 0o700).catch(() => { });
    const names = await (0,promises_.readdir)(path).catch(() => []);
    await Promise.all(names.map((name) => makeWritable((0,external_node_path_.join)(path, name))));
}

;// CONCATENATED MODULE: ./.build/src/core/storage/leftovers.js
// Names of work-in-progress files carry the writer's pid, so anyone can tell a live writer's temp files from a dead one's leftovers.




/**
 * A hidden name for something this process is still writing: `.tmp-<kind>-<pid>-<hex>`.
 * `ownerPid` reads the pid back; the name never looks like a digest, so GC never takes it for content.
 */
function tempName(kind) {
    return `.tmp-${kind}-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
}
// Ours (`.tmp-layer-1-ab`, `.trash-1-ab`), writeContentFile's (`.tmp-blob-1-ab`) and
// writeFileAtomic's (`.index.json.tmp-1-ab`): a pid, then random hex, at the end.
const TEMP = /^\..*?(?:tmp|trash)(?:-[a-z]+)?-(\d+)-[0-9a-f]+$/;
/** The pid in a temp name, or undefined when the name is not one of ours. */
function ownerPid(name) {
    const match = TEMP.exec(name);
    return match ? Number(match[1]) : undefined;
}
/** True while `pid` runs (EPERM: it runs, as another user). */
function isProcessAlive(pid) {
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/** A temp name whose writer is gone: nobody will finish it, so it can be removed. */
function isLeftover(name) {
    const pid = ownerPid(name);
    return pid !== undefined && !isProcessAlive(pid);
}
/** The leftovers directly inside `dir` (missing dir: none). */
async function findLeftovers(dir) {
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return [];
        throw err;
    }
    return names.filter(isLeftover).map((name) => (0,external_node_path_.join)(dir, name));
}
/**
 * Removes `paths`, first renaming each into a private trash directory under `root`, so that
 * two processes cleaning at once never trip over a half-removed tree: whoever renames it owns it.
 * Returns the bytes freed (file sizes) and how many paths this call removed.
 */
async function discard(root, paths) {
    if (paths.length === 0)
        return { count: 0, bytes: 0 };
    const trash = (0,external_node_path_.join)(root, `.trash-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    let count = 0;
    try {
        await moveToTrash(trash, paths, (moved) => {
            count += moved;
        });
        const bytes = await treeBytes(trash);
        await removeTree(trash);
        return { count, bytes };
    }
    catch (err) {
        await removeTree(trash).catch(() => { });
        throw err;
    }
}
/** Renames `paths` into `trash` (created on demand); a path that vanished meanwhile is skipped. */
async function moveToTrash(trash, paths, onMoved) {
    await (0,promises_.mkdir)(trash, { recursive: true });
    let i = 0;
    for (const path of paths) {
        try {
            await (0,promises_.rename)(path, (0,external_node_path_.join)(trash, String(i++)));
            onMoved?.(1);
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
        }
    }
}
/** Sum of the sizes of regular files under `path` (the path itself may be a file). */
async function treeBytes(path) {
    let info;
    try {
        info = await (0,promises_.lstat)(path);
    }
    catch {
        return 0;
    }
    if (info.isFile())
        return info.size;
    if (!info.isDirectory())
        return 0;
    let names;
    try {
        names = await (0,promises_.readdir)(path);
    }
    catch {
        return 0;
    }
    const sizes = await Promise.all(names.map((name) => treeBytes((0,external_node_path_.join)(path, name))));
    return sizes.reduce((a, b) => a + b, 0);
}

;// CONCATENATED MODULE: ./.build/src/core/storage/lease.js
// Leases: what a live process is using or writing, so a concurrent GC keeps it though no image names it yet.




const LEASES_DIR = 'leases';
function layerClaim(chainHex) {
    return `layer:${chainHex}`;
}
/**
 * One process's lease: a file `leases/<pid>-<hex>` listing claims, one a line. GC reads every
 * live lease under the store lock and keeps what they list; a lease whose process died is void.
 *
 * The protocol that makes this safe: a claim is appended under the same lock GC holds, and only
 * then does the holder look at (or create) the thing claimed. So either GC ran before the claim
 * (and the holder sees the result, e.g. a blob gone and to be fetched again), or GC runs after
 * it and keeps the thing. Claims made together share one lock round trip.
 */
class Lease {
    path;
    #withLock;
    #claims = new Map();
    #queue = [];
    #batch;
    #flushing = false;
    #released = false;
    constructor(path, withLock) {
        this.path = path;
        this.#withLock = withLock;
    }
    static async create(storeDir, withLock) {
        const dir = (0,external_node_path_.join)(storeDir, LEASES_DIR);
        await (0,promises_.mkdir)(dir, { recursive: true });
        const path = (0,external_node_path_.join)(dir, `${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        await (0,promises_.writeFile)(path, '', { flag: 'wx' });
        return new Lease(path, withLock);
    }
    /** Resolves once every claim is recorded where GC will see it. */
    claim(claims) {
        if (this.#released)
            return Promise.reject(new Error('lease used after release'));
        const waits = [];
        for (const claim of claims) {
            let pending = this.#claims.get(claim);
            if (!pending) {
                pending = this.#enqueue(claim);
                this.#claims.set(claim, pending);
                // A failed claim may be retried by a later call.
                pending.catch(() => this.#claims.delete(claim));
            }
            waits.push(pending);
        }
        return Promise.all(waits).then(() => { });
    }
    /** Ends the lease: what it claimed is garbage again unless an image refers to it. */
    async release() {
        if (this.#released)
            return;
        this.#released = true;
        await (0,promises_.unlink)(this.path).catch(() => { });
    }
    #enqueue(claim) {
        this.#queue.push(claim);
        if (!this.#batch) {
            let resolve;
            let reject;
            const promise = new Promise((res, rej) => {
                resolve = res;
                reject = rej;
            });
            // Awaited by the claimers; this only keeps an unawaited rejection from crashing the process.
            promise.catch(() => { });
            this.#batch = { promise, resolve, reject };
        }
        const batch = this.#batch.promise;
        void this.#flush();
        return batch;
    }
    async #flush() {
        if (this.#flushing)
            return;
        this.#flushing = true;
        try {
            while (this.#queue.length > 0) {
                const claims = this.#queue;
                const batch = this.#batch;
                this.#queue = [];
                this.#batch = undefined;
                try {
                    await this.#withLock(() => (0,promises_.appendFile)(this.path, `${claims.join('\n')}\n`));
                    batch?.resolve();
                }
                catch (err) {
                    batch?.reject(err);
                }
            }
        }
        finally {
            this.#flushing = false;
        }
    }
}
/**
 * Reads every lease: claims of live processes are returned; files of dead processes are
 * removed (call under the store lock, so no claim is being appended to a lease being judged).
 */
async function liveClaims(storeDir) {
    const dir = (0,external_node_path_.join)(storeDir, LEASES_DIR);
    const claims = new Set();
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return claims;
        throw err;
    }
    for (const name of names) {
        const path = (0,external_node_path_.join)(dir, name);
        const pid = Number(name.split('-', 1)[0]);
        if (!Number.isInteger(pid) || pid <= 0)
            continue;
        if (!isProcessAlive(pid)) {
            await (0,promises_.unlink)(path).catch(() => { });
            continue;
        }
        let text;
        try {
            text = await (0,promises_.readFile)(path, 'utf8');
        }
        catch {
            continue;
        }
        for (const line of text.split('\n'))
            if (line !== '')
                claims.add(line);
    }
    return claims;
}

;// CONCATENATED MODULE: ./.build/src/core/storage/location.js
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
        return (0,external_node_path_.join)(dataHome, 'lighter');
    return (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.local', 'share', 'lighter');
}

// EXTERNAL MODULE: ./.build/src/core/platform.js
var platform = __webpack_require__(292);
;// CONCATENATED MODULE: ./.build/src/core/storage/meta.js
// Small per-image facts the OCI layout has no place for (when it was added, last used, where from), one JSON file per image.




const META_DIR = 'meta';
function metaPath(storeDir, digest) {
    return (0,external_node_path_.join)(storeDir, META_DIR, `${(0,core_digest/* digestHex */.sU)(digest)}.json`);
}
async function readMeta(storeDir, digest) {
    try {
        const value = JSON.parse(await (0,promises_.readFile)(metaPath(storeDir, digest), 'utf8'));
        return typeof value === 'object' && value !== null ? value : {};
    }
    catch {
        return {};
    }
}
/**
 * Merges `patch` into the image's facts. Not locked: two writers racing lose one `lastUsed`
 * stamp at worst, and the file is replaced atomically so it is never torn.
 */
async function updateMeta(storeDir, digest, patch) {
    const current = await readMeta(storeDir, digest);
    const next = { ...current, ...patch };
    if (current.added)
        next.added = current.added;
    await (0,promises_.mkdir)((0,external_node_path_.join)(storeDir, META_DIR), { recursive: true });
    await (0,atomic_write/* writeFileAtomic */.Zf)(metaPath(storeDir, digest), `${JSON.stringify(next)}\n`);
}
/** Removes the facts of images no longer in the store; returns how many files went. */
async function pruneMeta(storeDir, keep) {
    let names;
    try {
        names = await (0,promises_.readdir)((0,external_node_path_.join)(storeDir, META_DIR));
    }
    catch {
        return 0;
    }
    let removed = 0;
    for (const name of names) {
        const match = /^([a-f0-9]{64})\.json$/.exec(name);
        if (!match || keep.has(match[1]))
            continue;
        await (0,promises_.unlink)((0,external_node_path_.join)(storeDir, META_DIR, name)).catch(() => { });
        removed++;
    }
    return removed;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./.build/src/core/storage/layer/device-node.js
// Creates device nodes and FIFOs with mknod(1), many per process, since Node has no mknod(2).
//
// Whiteouts are 0/0 character devices, and a layer that deletes a directory's contents holds
// hundreds of them side by side, so nodes are queued and made by one shell per batch.


// Five arguments a node: path, mode, type letter, major, minor.
const SCRIPT = `while [ "$#" -gt 0 ]; do
  if [ "$3" = p ]; then mknod -m "$2" -- "$1" p || exit 1
  else mknod -m "$2" -- "$1" "$3" "$4" "$5" || exit 1; fi
  shift 5
done`;
const TYPE_LETTER = {
    'character-device': 'c',
    'block-device': 'b',
    fifo: 'p',
};
/** Makes every node in order; the first failure stops the batch and is thrown as ERR_STORE. */
async function makeNodes(nodes) {
    if (nodes.length === 0)
        return;
    const args = [];
    for (const n of nodes) {
        args.push(n.path, (n.mode & 0o7777).toString(8), TYPE_LETTER[n.kind], String(n.major), String(n.minor));
    }
    const { code, stderr } = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', SCRIPT, 'lighter-mknod', ...args], {
            stdio: ['ignore', 'ignore', 'pipe'],
        });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (exit) => resolve({ code: exit ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
    });
    if (code !== 0) {
        throw new errors/* LighterError */.Kt('ERR_STORE', `creating device nodes: ${stderr.trim() || `mknod exited ${code}`}`);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/id-map.js
// Maps uids and gids between a layer (container ids) and the disk (host ids), as user namespaces do.

/** Container id → host id; identity without a map. Throws when the id has no mapping. */
function hostId(map, kind, id, entry) {
    if (!map)
        return id;
    const ranges = kind === 'uid' ? map.uids : map.gids;
    for (const r of ranges) {
        if (id >= r.containerId && id < r.containerId + r.size)
            return r.hostId + (id - r.containerId);
    }
    throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `entry "${entry}": ${kind} ${id} has no mapping to a host ${kind}`, { details: { entry, [kind]: id } });
}
/** Host id → container id; identity without a map. Throws when the id has no mapping. */
function id_map_containerId(map, kind, id, path) {
    if (!map)
        return id;
    const ranges = kind === 'uid' ? map.uids : map.gids;
    for (const r of ranges) {
        if (id >= r.hostId && id < r.hostId + r.size)
            return r.containerId + (id - r.hostId);
    }
    throw new LighterError('ERR_UNSUPPORTED', `"${path}": host ${kind} ${id} is outside the id map, so the layer cannot name its owner`, { details: { path, [kind]: id } });
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/safe-root.js
// Resolves archive paths inside a layer directory without ever following a symlink.
//
// Every parent component is checked with lstat and must be a real directory: an archive that
// plants `a -> /etc` and then writes `a/passwd` is refused, not followed. Directories already
// checked are remembered until something under them is removed, so deep trees cost one lstat
// per new directory rather than one per component per entry.



/**
 * Splits an archive path into clean components: a leading `/` and `.` components are dropped
 * (Docker and containerd do the same), `a/../b` becomes `b`, and a path that climbs above the
 * root is refused, as Docker refuses it (containerd would clamp it at the root instead).
 */
function entryComponents(name, entry, what = 'path') {
    if (name.includes('\u0000'))
        throw unsafe(entry, `${what} contains a NUL byte`);
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                throw unsafe(entry, `${what} "${name}" climbs out of the layer root`);
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return parts;
}
function unsafe(entry, reason) {
    return new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `entry "${entry}": ${reason}`, {
        details: { entry },
    });
}
function lstatOrUndefined(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
class SafeRoot {
    root;
    /** Relative paths known to be real directories, reached through real directories. */
    #dirs = new Set();
    #onExisting;
    /** `onExisting` sees each directory that was already there, the first time it is passed. */
    constructor(root, onExisting) {
        this.root = root;
        this.#onExisting = onExisting;
    }
    abs(rel) {
        return rel === '' ? this.root : (0,external_node_path_.join)(this.root, rel);
    }
    /**
     * Makes sure every parent of `parts` is a real directory, creating missing ones
     * (`onCreate` gets each new one). Refuses a parent that is a symlink or not a directory.
     */
    ensureParents(parts, entry, onCreate) {
        let rel = '';
        for (let i = 0; i < parts.length - 1; i++) {
            rel = rel === '' ? parts[i] : `${rel}/${parts[i]}`;
            if (this.#dirs.has(rel))
                continue;
            const stats = lstatOrUndefined(this.abs(rel));
            if (stats === undefined) {
                (0,external_node_fs_.mkdirSync)(this.abs(rel), { mode: 0o755 });
                onCreate(rel);
            }
            else {
                this.#checkParent(stats, rel, entry);
                this.#onExisting?.(rel, stats);
            }
            this.#dirs.add(rel);
        }
    }
    /**
     * Checks that every parent of `parts` exists as a real directory without creating any.
     * Returns false when one is missing; throws when one is a symlink or not a directory.
     */
    parentsExist(parts, entry) {
        let rel = '';
        for (let i = 0; i < parts.length - 1; i++) {
            rel = rel === '' ? parts[i] : `${rel}/${parts[i]}`;
            if (this.#dirs.has(rel))
                continue;
            const stats = lstatOrUndefined(this.abs(rel));
            if (stats === undefined)
                return false;
            this.#checkParent(stats, rel, entry);
            this.#onExisting?.(rel, stats);
            this.#dirs.add(rel);
        }
        return true;
    }
    /** Like parentsExist, but answers false instead of throwing (for deferred work re-checking). */
    parentsIntact(parts) {
        try {
            return this.parentsExist(parts, '');
        }
        catch {
            return false;
        }
    }
    /** Records a directory this extraction made or checked itself. */
    rememberDir(rel) {
        this.#dirs.add(rel);
    }
    /** Removes whatever is at `rel` (recursively for a directory, never following symlinks). */
    remove(rel, stats) {
        const path = this.abs(rel);
        if (stats.isDirectory()) {
            (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
            this.#forget(rel);
        }
        else {
            (0,external_node_fs_.unlinkSync)(path);
        }
    }
    #forget(rel) {
        const prefix = `${rel}/`;
        for (const dir of this.#dirs) {
            if (dir === rel || dir.startsWith(prefix))
                this.#dirs.delete(dir);
        }
    }
    #checkParent(stats, rel, entry) {
        if (stats.isSymbolicLink()) {
            throw unsafe(entry, `parent "${rel}" is a symlink; writing through it could leave the layer`);
        }
        if (!stats.isDirectory())
            throw unsafe(entry, `parent "${rel}" is not a directory`);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/tar-header.js
// Tar headers for the layers we write (ustar plus PAX records) and binary-safe PAX parsing.
//
// tar-stream's packer writes PAX values as UTF-8 text and knows only path and linkpath, so
// binary xattr values (security.capability) and uids beyond 2^21 could not be written with it;
// the format is small, so the writer side is done here, byte for byte deterministic.
const BLOCK_SIZE = 512;
const TYPEFLAG = {
    file: 0x30,
    link: 0x31,
    symlink: 0x32,
    'character-device': 0x33,
    'block-device': 0x34,
    directory: 0x35,
    fifo: 0x36,
};
const PAX_TYPEFLAG = 0x78; // 'x'
const MAX_OCTAL_8 = 0o7777777; // what fits an 8-byte field: 7 digits and a NUL
const MAX_OCTAL_12 = 0o77777777777;
/** The header blocks of one entry: an optional PAX header with its records, then ustar. */
function tar_header_encodeHeader(header) {
    const name = header.type === 'directory' ? `${header.name}/` : header.name;
    const linkname = header.linkname ?? '';
    const records = [];
    const split = splitUstarName(name);
    if (!split)
        records.push(paxRecord('path', Buffer.from(name, 'utf8')));
    if (!fitsUstar(linkname, 100))
        records.push(paxRecord('linkpath', Buffer.from(linkname, 'utf8')));
    if (header.size > MAX_OCTAL_12)
        records.push(paxRecord('size', decimal(header.size)));
    if (header.uid > MAX_OCTAL_8)
        records.push(paxRecord('uid', decimal(header.uid)));
    if (header.gid > MAX_OCTAL_8)
        records.push(paxRecord('gid', decimal(header.gid)));
    const mtimeFits = header.mtime >= 0 && header.mtime <= MAX_OCTAL_12;
    if (!mtimeFits)
        records.push(paxRecord('mtime', decimal(header.mtime)));
    for (const [key, value] of header.xattrs ?? []) {
        records.push(paxRecord(`SCHILY.xattr.${key}`, value));
    }
    const ustar = ustarBlock({
        name: split?.name ?? asciiPlaceholder(name, 100),
        prefix: split?.prefix ?? '',
        mode: header.mode & 0o7777,
        uid: header.uid > MAX_OCTAL_8 ? 0 : header.uid,
        gid: header.gid > MAX_OCTAL_8 ? 0 : header.gid,
        size: header.size > MAX_OCTAL_12 ? 0 : header.size,
        mtime: mtimeFits ? header.mtime : 0,
        typeflag: TYPEFLAG[header.type],
        linkname: fitsUstar(linkname, 100) ? linkname : asciiPlaceholder(linkname, 100),
        devmajor: header.devmajor ?? 0,
        devminor: header.devminor ?? 0,
    });
    if (records.length === 0)
        return ustar;
    const body = Buffer.concat(records);
    const paxHeader = ustarBlock({
        // The directory/PaxHeaders.0/base convention of Go and GNU tar: readers that do not know
        // PAX extract a harmless file there instead of misreading the records.
        name: asciiPlaceholder(`PaxHeaders.0/${baseName(name)}`, 100),
        prefix: '',
        mode: 0o644,
        uid: 0,
        gid: 0,
        size: body.length,
        mtime: mtimeFits ? header.mtime : 0,
        typeflag: PAX_TYPEFLAG,
        linkname: '',
        devmajor: 0,
        devminor: 0,
    });
    return Buffer.concat([paxHeader, body, tar_header_padding(body.length), ustar]);
}
/** Zero bytes that complete a member of `size` bytes to a whole block. */
function tar_header_padding(size) {
    const rest = size % BLOCK_SIZE;
    return Buffer.alloc(rest === 0 ? 0 : BLOCK_SIZE - rest);
}
/** Two zero blocks end an archive. */
function tar_header_endOfArchive() {
    return Buffer.alloc(2 * BLOCK_SIZE);
}
/**
 * Parses PAX extended header records, keeping values as bytes (keys are UTF-8 by the
 * standard; SCHILY.xattr values are raw). Parsing stops at the first malformed record.
 */
function parsePaxRecords(data) {
    const records = new Map();
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let offset = 0;
    while (offset < buf.length) {
        const space = buf.indexOf(0x20, offset);
        if (space < 0)
            break;
        const length = Number.parseInt(buf.toString('ascii', offset, space), 10);
        if (!Number.isInteger(length) || length <= space - offset + 1 || offset + length > buf.length) {
            break;
        }
        const end = offset + length;
        if (buf[end - 1] !== 0x0a)
            break;
        const equals = buf.indexOf(0x3d, space + 1);
        if (equals < 0 || equals >= end)
            break;
        const key = buf.toString('utf8', space + 1, equals);
        records.set(key, Buffer.from(buf.subarray(equals + 1, end - 1)));
        offset = end;
    }
    return records;
}
function ustarBlock(f) {
    const block = Buffer.alloc(BLOCK_SIZE);
    block.write(f.name, 0, 100, 'utf8');
    writeOctal(block, 100, 8, f.mode);
    writeOctal(block, 108, 8, f.uid);
    writeOctal(block, 116, 8, f.gid);
    writeOctal(block, 124, 12, f.size);
    writeOctal(block, 136, 12, f.mtime);
    block.fill(0x20, 148, 156); // checksum counts as spaces while it is computed
    block[156] = f.typeflag;
    block.write(f.linkname, 157, 100, 'utf8');
    block.write('ustar\u000000', 257, 8, 'latin1');
    writeNumeric(block, 329, 8, f.devmajor);
    writeNumeric(block, 337, 8, f.devminor);
    block.write(f.prefix, 345, 155, 'utf8');
    let sum = 0;
    for (const byte of block)
        sum += byte;
    // Six digits, NUL, space: the historical layout every reader accepts.
    block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'latin1');
    return block;
}
function writeOctal(block, offset, width, value) {
    block.write(value.toString(8).padStart(width - 1, '0'), offset, width - 1, 'ascii');
}
/** Octal when it fits, else GNU base-256 (device numbers have no PAX keyword). */
function writeNumeric(block, offset, width, value) {
    if (value <= MAX_OCTAL_8) {
        writeOctal(block, offset, width, value);
        return;
    }
    let rest = value;
    for (let i = width - 1; i > 0; i--) {
        block[offset + i] = rest % 256;
        rest = Math.floor(rest / 256);
    }
    block[offset] = 0x80;
}
function paxRecord(key, value) {
    const tail = Buffer.concat([Buffer.from(` ${key}=`, 'utf8'), value, Buffer.from('\n')]);
    // The length prefix counts its own digits.
    let length = tail.length + 1;
    while (String(length).length + tail.length !== length)
        length = String(length).length + tail.length;
    return Buffer.concat([Buffer.from(String(length), 'ascii'), tail]);
}
function decimal(value) {
    return Buffer.from(String(Math.trunc(value)), 'ascii');
}
function isAscii(text) {
    return /^[\u0001-\u007f]*$/.test(text);
}
function fitsUstar(text, width) {
    return isAscii(text) && text.length <= width;
}
/** Splits a long ASCII name into ustar prefix (≤155) and name (≤100) at a slash, if possible. */
function splitUstarName(name) {
    if (!isAscii(name))
        return undefined;
    if (name.length <= 100)
        return { prefix: '', name };
    if (name.length > 256)
        return undefined;
    // The earliest slash that leaves at most 100 bytes for the name part.
    for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
        if (i > 155)
            return undefined;
        const rest = name.slice(i + 1);
        if (rest.length <= 100 && rest.length > 0 && i > 0) {
            return { prefix: name.slice(0, i), name: rest };
        }
    }
    return undefined;
}
function baseName(name) {
    const trimmed = name.endsWith('/') ? name.slice(0, -1) : name;
    return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
/** What goes in a ustar field that a PAX record overrides: printable ASCII, truncated. */
function asciiPlaceholder(text, width) {
    return text.replace(/[^\u0020-\u007e]/g, '_').slice(0, width);
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/tar-entry.js
// Reads a layer tar as a sequence of entries with PAX records kept as bytes, over tar-stream.
//
// tar-stream decodes PAX values as UTF-8 text (losing binary xattr values such as
// security.capability) and applies only path, linkpath and size. A small subclass of its
// extractor keeps each entry's raw records; uid, gid, mtime and xattrs are read from them here.
// The binary-xattr test in apply.test.ts fails loudly if tar-stream's internals move.



let rawPaxExtract;
function rawPaxExtractClass() {
    if (rawPaxExtract)
        return rawPaxExtract;
    const probe = (0,tar_stream.extract)();
    const Base = probe.constructor;
    probe.destroy();
    const proto = Base.prototype;
    if (typeof proto._decodeLongHeader !== 'function' ||
        typeof proto._applyLongHeaders !== 'function') {
        throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', 'reading layer tars: this tar-stream version has no _decodeLongHeader/_applyLongHeaders to hook');
    }
    rawPaxExtract = class RawPaxExtract extends Base {
        #pax;
        #globalPax;
        _decodeLongHeader(buf) {
            const type = this._header?.type;
            if (type === 'pax-header')
                this.#pax = parsePaxRecords(buf);
            else if (type === 'pax-global-header')
                this.#globalPax = parsePaxRecords(buf);
            super._decodeLongHeader(buf);
        }
        _applyLongHeaders() {
            super._applyLongHeaders();
            const merged = new Map(this.#globalPax ?? []);
            for (const [key, value] of this.#pax ?? [])
                merged.set(key, value);
            this.#pax = undefined;
            if (this._header)
                this._header.rawPax = merged;
        }
    };
    return rawPaxExtract;
}
/**
 * Yields the entries of an uncompressed tar stream in order. The source is read to its very
 * end (past the end-of-archive blocks), so a digest taken upstream covers every byte.
 * Returning early (or throwing from the loop body) destroys the source.
 */
async function* readTarEntries(source) {
    const extract = new (rawPaxExtractClass())();
    const feeding = feed(source, extract);
    feeding.catch((err) => extract.destroy(err));
    let complete = false;
    try {
        for await (const stream of extract) {
            let consumed = false;
            const data = (async function* () {
                for await (const chunk of stream)
                    yield chunk;
                consumed = true;
            })();
            yield toEntry(stream.header, data);
            if (!consumed)
                for await (const _ of data)
                    ;
        }
        await feeding;
        complete = true;
    }
    finally {
        if (!complete) {
            source.destroy();
            extract.destroy();
            await feeding.catch(() => { });
        }
    }
}
async function feed(source, extract) {
    for await (const chunk of source) {
        if (!extract.write(chunk))
            await drained(extract);
    }
    extract.end(undefined);
}
function drained(extract) {
    const x = extract;
    if (x.destroying || x.destroyed)
        return Promise.reject(new Error('tar reader stopped'));
    return new Promise((resolve, reject) => {
        const done = (err) => {
            extract.off('drain', onDrain);
            extract.off('close', onClose);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onDrain = () => done();
        const onClose = () => done(new Error('tar reader stopped'));
        extract.on('drain', onDrain);
        extract.on('close', onClose);
    });
}
function toEntry(header, data) {
    const pax = header.rawPax ?? new Map();
    const xattrs = [];
    for (const [key, value] of pax) {
        if (key.startsWith('SCHILY.xattr.')) {
            xattrs.push([key.slice('SCHILY.xattr.'.length), value]);
        }
        else if (key.startsWith('LIBARCHIVE.xattr.')) {
            // bsdtar: URL-encoded name, base64 value.
            const name = decodeURIComponent(key.slice('LIBARCHIVE.xattr.'.length));
            if (!xattrs.some(([n]) => n === name)) {
                xattrs.push([name, Buffer.from(value.toString('latin1'), 'base64')]);
            }
        }
    }
    return {
        name: header.name,
        type: header.type ?? 'unsupported',
        mode: header.mode & 0o7777,
        uid: paxNumber(pax, 'uid') ?? header.uid,
        gid: paxNumber(pax, 'gid') ?? header.gid,
        mtime: paxNumber(pax, 'mtime') ?? header.mtime.getTime() / 1000,
        size: header.size,
        linkname: header.linkname ?? '',
        devmajor: header.devmajor ?? 0,
        devminor: header.devminor ?? 0,
        xattrs,
        data,
    };
}
function paxNumber(pax, key) {
    const value = pax.get(key);
    if (value === undefined)
        return undefined;
    const n = Number(value.toString('ascii'));
    return Number.isFinite(n) ? n : undefined;
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/whiteout.js
// OCI whiteout names (`.wh.NAME`, `.wh..wh..opq`) and their overlayfs equivalents.

const whiteout_WHITEOUT_PREFIX = '.wh.';
const whiteout_OPAQUE_WHITEOUT = '.wh..wh..opq';
/** AUFS kept its own bookkeeping under `.wh..wh.` names (plnk, aufs); such entries mean nothing here. */
const WHITEOUT_META_PREFIX = '.wh..wh.';
function opaqueXattr(namespace) {
    return `${namespace}.overlay.opaque`;
}
/** Xattrs overlayfs keeps for itself; they never travel in a layer tar in either direction. */
function isOverlayXattr(name) {
    return name.startsWith('trusted.overlay.') || name.startsWith('user.overlay.');
}
/**
 * Classifies the last component of an entry path; undefined for ordinary names.
 * A whiteout whose target is empty, `.` or `..` would delete the directory itself or its
 * parent, so it is refused.
 */
function parseWhiteoutName(base, entryName) {
    if (!base.startsWith(whiteout_WHITEOUT_PREFIX))
        return undefined;
    if (base === whiteout_OPAQUE_WHITEOUT)
        return { kind: 'opaque' };
    if (base.startsWith(WHITEOUT_META_PREFIX))
        return { kind: 'meta' };
    const target = base.slice(whiteout_WHITEOUT_PREFIX.length);
    if (target === '' || target === '.' || target === '..') {
        throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `entry "${entryName}": whiteout names no file ("${base}")`, { details: { entry: entryName } });
    }
    return { kind: 'whiteout', target };
}
/** overlayfs records a deleted path as a character device with device number 0/0. */
function whiteout_isOverlayWhiteout(stats) {
    return stats.isCharacterDevice() && stats.rdev === 0;
}

// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./.build/src/core/storage/layer/xattr.js
// Extended attributes through setfattr/getfattr (Debian package `attr`), in one process per batch.
//
// Node has no xattr API and lighter takes no native addon. One `setfattr --restore` reads many
// files' attributes from stdin and one `getfattr -R` dumps a whole tree, so the cost is a
// process per layer, not per file. The caller checks paths before handing them over: both
// tools resolve parent directories through symlinks.




const availability = new Map();
/** Whether an executable is on PATH (cached; the PATH of a CI job does not change under us). */
function xattr_hasCommand(command) {
    let found = availability.get(command);
    if (found === undefined) {
        found = (process.env.PATH ?? '').split(external_node_path_.delimiter).some((dir) => {
            if (!dir)
                return false;
            try {
                (0,external_node_fs_.accessSync)((0,external_node_path_.join)(dir, command), external_node_fs_.constants.X_OK);
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
const xattr_ATTR_TOOLS_HINT = 'setfattr and getfattr (Debian/Ubuntu package "attr")';
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
async function xattr_readXattrTree(root) {
    const byPath = new Map();
    const child = spawn('getfattr', ['-R', '-P', '-h', '-d', '-m', '-', '-e', 'hex', '.'], {
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
        const child = (0,external_node_child_process_.spawn)(command, args, { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { }); // an early exit closes stdin; 'close' reports the failure
        child.stdin.end(input, 'latin1');
    });
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/apply.js
// Applies a layer tar to a directory: streaming, refusing entries that would write outside it,
// and turning OCI whiteouts into overlayfs whiteouts or into deletions.
//
// Filesystem calls are synchronous on purpose: a layer is thousands of tiny metadata calls,
// and a thread-pool round trip for each costs more than the call. File data still streams
// chunk by chunk, so memory stays flat whatever the layer's size.
//
// On failure the target holds a partial extraction: callers extract into a fresh directory
// and rename it into place only after success.













/**
 * Extracts a layer tar into `targetDir` (which must exist) and returns its diff ID.
 *
 * Safety: a leading `/` is stripped and `..` is resolved lexically, refusing paths that climb
 * above the root; no parent component may be a symlink (refused, never followed); hardlink
 * targets must already be inside the layer, reached through real directories. Refusals are
 * ERR_UNSAFE_ARCHIVE naming the entry. Symlinks themselves may point anywhere: they are
 * only ever created, never followed while writing.
 *
 * Tar semantics: an entry replaces whatever is at its path, except that a directory over a
 * directory keeps the contents and takes the new attributes. Owners (when root), modes with
 * setuid/setgid/sticky, mtimes and xattrs (PAX `SCHILY.xattr.*`) are kept; directory
 * attributes are set at the end, deepest first, so writing children does not undo them.
 * FIFOs are made also without root, as Docker does; char/block devices only as root.
 */
async function applyLayer(input, targetDir, options) {
    if (options.whiteouts !== 'overlay' && options.whiteouts !== 'apply') {
        throw new errors/* InvalidArgumentError */.Di(`whiteouts must be 'overlay' or 'apply', not ${String(options.whiteouts)}`);
    }
    const compression = options.compression ?? 'auto';
    if (!['gzip', 'zstd', 'none', 'auto'].includes(compression)) {
        throw new errors/* InvalidArgumentError */.Di(`compression must be gzip, zstd, none or auto, not ${String(compression)}`);
    }
    const root = (0,external_node_path_.resolve)(targetDir);
    if (!lstatOrUndefined(root)?.isDirectory()) {
        throw new errors/* InvalidArgumentError */.Di(`applying layer: target ${root} is not a directory`);
    }
    const applier = new LayerApplier(root, options);
    const counter = new ByteCounter();
    const digester = new core_digest/* DigestingStream */.Xi();
    try {
        let source = input;
        let chosen = compression;
        if (compression === 'auto')
            ({ compression: chosen, source } = await sniffCompression(input));
        // Errors anywhere in the chain destroy the digester, and so surface in the entry loop.
        const tar = (0,external_node_stream_.pipeline)(source, counter, decompressor(chosen), digester, () => { });
        for await (const entry of readTarEntries(tar))
            await applier.entry(entry);
        await applier.finish();
    }
    catch (err) {
        input.destroy();
        throw (0,errors/* withContext */.eQ)(err, `applying layer to ${root}`, fallbackCode(err));
    }
    return {
        diffId: digester.digest,
        size: digester.size,
        compressedSize: counter.size,
        entries: applier.entries,
        skipped: applier.skipped,
    };
}
const NODE_BATCH = 256;
const XATTR_BATCH = 1024;
const WRITE_FLAGS = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
class LayerApplier {
    entries = 0;
    skipped = { devices: 0, xattrs: 0, other: 0 };
    #root;
    #mode;
    #isRoot;
    #idMap;
    #opaqueXattr;
    #logger;
    /** Paths this layer wrote (with their parents), for 'apply': whiteouts spare them. */
    #layerPaths;
    #dirAttributes = new Map();
    #pendingNodes = [];
    #pendingPaths = new Set();
    #xattrJobs = [];
    #lowerDirs;
    constructor(root, options) {
        this.#mode = options.whiteouts;
        // 'apply': a directory the archive does not list keeps its attributes, though entries
        // written or deleted inside it change its mtime; 'overlay' does the same with lowerDirs.
        this.#root = new SafeRoot(root, (rel, stats) => {
            if (this.#mode === 'apply' && !this.#dirAttributes.has(rel)) {
                this.#dirAttributes.set(rel, {
                    parts: rel.split('/'),
                    ino: stats.ino,
                    mode: stats.mode & 0o7777,
                    uid: stats.uid,
                    gid: stats.gid,
                    mtime: stats.mtimeMs / 1000,
                });
            }
        });
        this.#isRoot = options.isRoot ?? process.getuid?.() === 0;
        this.#idMap = options.idMap;
        this.#opaqueXattr = opaqueXattr(options.overlayXattrs ?? (this.#isRoot ? 'trusted' : 'user'));
        this.#logger = options.logger ?? log/* silentLogger */.qq;
        this.#layerPaths = this.#mode === 'apply' ? new Set() : undefined;
        this.#lowerDirs = (options.lowerDirs ?? []).map((d) => (0,external_node_path_.resolve)(d));
    }
    async entry(e) {
        this.entries++;
        const parts = entryComponents(e.name, e.name);
        const base = parts.at(-1);
        const whiteout = base === undefined ? undefined : parseWhiteoutName(base, e.name);
        if (parts.slice(0, -1).some((p) => p.startsWith(WHITEOUT_META_PREFIX))) {
            // Inside AUFS bookkeeping directories (.wh..wh.plnk/...): never image content.
            this.skipped.other++;
            return;
        }
        // A queued node is made later, so anything else that might look at or under its path
        // has to wait for the batch; runs of whiteouts in one directory go in one batch.
        const nodePath = this.#nodePath(parts, e, whiteout);
        if (this.#pendingNodes.length > 0 &&
            (nodePath === undefined || this.#conflictsWithPending(nodePath))) {
            await this.#flushNodes();
        }
        if (e.type === 'directory' && e.size > 0) {
            // tar-stream reads a directory's data as the next headers, GNU tar skips it: an archive
            // that shows different files to different readers is refused.
            throw unsafe(e.name, `directory entry carries ${e.size} bytes of data`);
        }
        if (whiteout) {
            this.#whiteout(parts, whiteout, e);
        }
        else if (parts.length === 0) {
            if (e.type !== 'directory')
                throw unsafe(e.name, `a ${e.type} cannot replace the layer root`);
            this.#directory(parts, '', e);
        }
        else {
            const rel = parts.join('/');
            switch (e.type) {
                case 'directory':
                    this.#directory(parts, rel, e);
                    break;
                case 'file':
                case 'contiguous-file':
                    await this.#file(parts, rel, e);
                    break;
                case 'symlink':
                    this.#symlink(parts, rel, e);
                    break;
                case 'link':
                    this.#hardlink(parts, rel, e);
                    break;
                case 'character-device':
                case 'block-device':
                case 'fifo':
                    this.#node(parts, rel, e);
                    break;
                default:
                    throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `entry "${e.name}": unsupported tar entry type (sparse and multi-volume members are not layer content)`, { details: { entry: e.name } });
            }
        }
        if (this.#pendingNodes.length >= NODE_BATCH)
            await this.#flushNodes();
        if (this.#xattrJobs.length >= XATTR_BATCH)
            await this.#flushXattrs();
    }
    async finish() {
        await this.#flushNodes();
        await this.#flushXattrs();
        this.#applyDirAttributes();
        if (this.skipped.devices > 0) {
            this.#logger.warn(`skipped ${this.skipped.devices} device node(s): creating devices needs root`);
        }
    }
    // ---- entry kinds
    #directory(parts, rel, e) {
        let stats = parts.length === 0 ? (0,external_node_fs_.lstatSync)(this.#root.root) : undefined;
        if (parts.length > 0) {
            this.#ensureParents(parts, e.name);
            const replacesWhiteout = this.#mode === 'overlay' && this.#isWhiteoutAt(rel);
            stats = this.#clear(rel, true);
            if (!stats) {
                // Owner-only until the attributes are set at the end.
                (0,external_node_fs_.mkdirSync)(this.#root.abs(rel), { mode: 0o700 });
                stats = (0,external_node_fs_.lstatSync)(this.#root.abs(rel));
            }
            this.#root.rememberDir(rel);
            // `.wh.d` then `d/` in one layer: the lower d is gone, so the new one must not merge with it.
            if (replacesWhiteout)
                this.#queueOpaque(rel, parts, stats.ino);
        }
        const owner = this.#owner(e);
        this.#dirAttributes.set(rel, {
            parts,
            ino: stats.ino,
            mode: e.mode,
            uid: owner.uid,
            gid: owner.gid,
            mtime: e.mtime,
        });
        this.#queueXattrs(rel, parts, stats.ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    async #file(parts, rel, e) {
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const owner = this.#owner(e);
        const fd = (0,external_node_fs_.openSync)(this.#root.abs(rel), WRITE_FLAGS, 0o600);
        let ino;
        try {
            for await (const chunk of e.data)
                writeAll(fd, chunk);
            if (this.#isRoot)
                (0,external_node_fs_.fchownSync)(fd, owner.uid, owner.gid);
            // After chown, which clears setuid and setgid.
            (0,external_node_fs_.fchmodSync)(fd, e.mode);
            (0,external_node_fs_.futimesSync)(fd, e.mtime, e.mtime);
            ino = (0,external_node_fs_.fstatSync)(fd).ino;
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        this.#queueXattrs(rel, parts, ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    #symlink(parts, rel, e) {
        if (e.linkname === '')
            throw unsafe(e.name, 'symlink has no target');
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const path = this.#root.abs(rel);
        (0,external_node_fs_.symlinkSync)(e.linkname, path);
        if (this.#isRoot) {
            const owner = this.#owner(e);
            (0,external_node_fs_.lchownSync)(path, owner.uid, owner.gid);
        }
        (0,external_node_fs_.lutimesSync)(path, e.mtime, e.mtime);
        this.#queueXattrs(rel, parts, (0,external_node_fs_.lstatSync)(path).ino, e.name, e.xattrs);
        this.#touch(parts);
    }
    #hardlink(parts, rel, e) {
        const targetParts = entryComponents(e.linkname, e.name, 'hardlink target');
        if (targetParts.length === 0)
            throw unsafe(e.name, 'hardlink target is the layer root');
        const targetRel = targetParts.join('/');
        if (targetRel === rel)
            return;
        const checkTarget = () => {
            // parentsExist refuses symlinked parents, so the link never reaches through one.
            const present = this.#root.parentsExist(targetParts, e.name);
            const stats = present ? lstatOrUndefined(this.#root.abs(targetRel)) : undefined;
            if (!stats) {
                throw unsafe(e.name, `hardlink target "${e.linkname}" is not in this layer`);
            }
            if (stats.isDirectory())
                throw unsafe(e.name, `hardlink target "${e.linkname}" is a directory`);
        };
        checkTarget();
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        // Clearing the entry's path may have removed a directory holding the target.
        checkTarget();
        (0,external_node_fs_.linkSync)(this.#root.abs(targetRel), this.#root.abs(rel));
        this.#touch(parts);
    }
    #node(parts, rel, e) {
        if (e.type !== 'fifo' && !this.#isRoot) {
            this.skipped.devices++;
            this.#logger.debug(`skipping device node ${rel}: not root`);
            return;
        }
        this.#ensureParents(parts, e.name);
        this.#clear(rel, false);
        const owner = this.#owner(e);
        this.#queueNode({
            rel,
            parts,
            spec: {
                path: this.#root.abs(rel),
                kind: e.type,
                major: e.devmajor,
                minor: e.devminor,
                mode: e.mode,
            },
            uid: owner.uid,
            gid: owner.gid,
            mtime: e.mtime,
            xattrs: e.xattrs,
        });
        this.#touch(parts);
    }
    #whiteout(parts, whiteout, e) {
        const dirParts = parts.slice(0, -1);
        const dirRel = dirParts.join('/');
        if (whiteout.kind === 'meta') {
            this.skipped.other++;
            this.#logger.debug(`skipping AUFS metadata entry ${e.name}`);
            return;
        }
        if (this.#mode === 'overlay') {
            // The directory holding the marker has to exist in this layer for overlayfs to see it.
            this.#ensureParents(parts, e.name);
            if (whiteout.kind === 'opaque') {
                this.#queueOpaque(dirRel, dirParts, (0,external_node_fs_.lstatSync)(this.#root.abs(dirRel)).ino);
                return;
            }
            const targetParts = [...dirParts, whiteout.target];
            const targetRel = targetParts.join('/');
            // Whiteouts hide lower layers only: what this layer wrote stays, but a directory it
            // wrote no longer merges with the lower one the whiteout deletes.
            const existing = lstatOrUndefined(this.#root.abs(targetRel));
            if (existing) {
                if (existing.isDirectory())
                    this.#queueOpaque(targetRel, targetParts, existing.ino);
                return;
            }
            const owner = this.#rootOwner(e.name);
            this.#queueNode({
                rel: targetRel,
                parts: targetParts,
                spec: {
                    path: this.#root.abs(targetRel),
                    kind: 'character-device',
                    major: 0,
                    minor: 0,
                    mode: 0,
                },
                uid: owner.uid,
                gid: owner.gid,
                mtime: e.mtime,
                xattrs: [],
            });
            return;
        }
        // 'apply': delete from the earlier layers' content, never through a symlinked parent.
        if (!this.#root.parentsExist(parts, e.name))
            return;
        if (whiteout.kind === 'opaque') {
            this.#prune(dirRel);
            return;
        }
        const targetRel = dirRel === '' ? whiteout.target : `${dirRel}/${whiteout.target}`;
        const stats = lstatOrUndefined(this.#root.abs(targetRel));
        if (!stats)
            return;
        if (this.#layerPaths?.has(targetRel)) {
            // Written by this layer: it stays, without what the lower layers had inside it.
            if (stats.isDirectory())
                this.#prune(targetRel);
            return;
        }
        this.#root.remove(targetRel, stats);
    }
    /** Removes everything under a directory that this layer did not write ('apply' opaque). */
    #prune(dirRel) {
        const dir = this.#root.abs(dirRel);
        for (const raw of (0,external_node_fs_.readdirSync)(dir, { encoding: 'buffer' })) {
            const name = raw.toString('utf8');
            if (!Buffer.from(name, 'utf8').equals(raw)) {
                // Not UTF-8, so no archive entry can name it: it belongs to a lower layer.
                (0,external_node_fs_.rmSync)(Buffer.concat([Buffer.from(`${dir}/`), raw]), { recursive: true, force: true });
                continue;
            }
            const rel = dirRel === '' ? name : `${dirRel}/${name}`;
            const stats = (0,external_node_fs_.lstatSync)((0,external_node_path_.join)(dir, name));
            if (!this.#layerPaths?.has(rel))
                this.#root.remove(rel, stats);
            else if (stats.isDirectory())
                this.#prune(rel);
        }
    }
    // ---- helpers
    #ensureParents(parts, entry) {
        this.#root.ensureParents(parts, entry, (rel) => {
            const below = this.#mode === 'overlay' ? this.#lowerDirectory(rel, entry) : undefined;
            if (below) {
                // Host ids already: the lower layer was mapped when it was applied.
                const relParts = rel.split('/');
                const ino = (0,external_node_fs_.lstatSync)(this.#root.abs(rel)).ino;
                this.#dirAttributes.set(rel, {
                    parts: relParts,
                    ino,
                    mode: below.mode & 0o7777,
                    uid: below.uid,
                    gid: below.gid,
                    mtime: below.mtimeMs / 1000,
                });
            }
            else if (this.#isRoot && this.#idMap) {
                const owner = this.#rootOwner(entry);
                (0,external_node_fs_.lchownSync)(this.#root.abs(rel), owner.uid, owner.gid);
            }
        });
    }
    /**
     * What the lower layers show at `rel`: the top-most one that has the path decides. A
     * whiteout, or a parent that is not a directory there, hides the deeper layers. Opaque
     * directories are not consulted (that would take an xattr read per lookup).
     */
    #lowerDirectory(rel, entry) {
        const parts = rel.split('/');
        for (const lower of this.#lowerDirs) {
            let path = lower;
            let found;
            for (let i = 0; i < parts.length; i++) {
                path = (0,external_node_path_.join)(path, parts[i]);
                const stats = lstatOrUndefined(path);
                if (!stats)
                    break;
                if (i === parts.length - 1)
                    found = stats;
                else if (!stats.isDirectory())
                    return undefined;
            }
            if (!found)
                continue;
            if (whiteout_isOverlayWhiteout(found))
                return undefined;
            if (found.isSymbolicLink()) {
                throw unsafe(entry, `parent "${rel}" is a symlink in a lower layer; writing through it could leave the layer`);
            }
            if (!found.isDirectory())
                throw unsafe(entry, `parent "${rel}" is not a directory in a lower layer`);
            return found;
        }
        return undefined;
    }
    /**
     * Removes what is at `rel` so an entry can take its place; a directory stays when the
     * entry is one too (its stats are returned). Never follows a symlink at `rel`.
     */
    #clear(rel, keepDirectory) {
        const stats = lstatOrUndefined(this.#root.abs(rel));
        if (!stats)
            return undefined;
        if (keepDirectory && stats.isDirectory())
            return stats;
        this.#root.remove(rel, stats);
        return undefined;
    }
    #touch(parts) {
        if (!this.#layerPaths)
            return;
        let rel = '';
        for (const part of parts) {
            rel = rel === '' ? part : `${rel}/${part}`;
            this.#layerPaths.add(rel);
        }
    }
    #owner(e) {
        if (!this.#isRoot)
            return { uid: -1, gid: -1 };
        return {
            uid: hostId(this.#idMap, 'uid', e.uid, e.name),
            gid: hostId(this.#idMap, 'gid', e.gid, e.name),
        };
    }
    #rootOwner(entry) {
        return { uid: hostId(this.#idMap, 'uid', 0, entry), gid: hostId(this.#idMap, 'gid', 0, entry) };
    }
    #queueXattrs(rel, parts, ino, entry, xattrs) {
        if (xattrs.length === 0)
            return;
        const attrs = xattrs.filter(([name]) => !isOverlayXattr(name));
        if (attrs.length < xattrs.length) {
            // An archive carrying overlayfs' own attributes could redirect lookups into other layers.
            this.skipped.xattrs += xattrs.length - attrs.length;
            this.#logger.warn(`entry "${entry}": ignored overlayfs xattrs an archive may not set`);
        }
        if (attrs.length > 0)
            this.#xattrJobs.push({ rel, parts, ino, attrs, strict: false });
    }
    #queueOpaque(rel, parts, ino) {
        this.#xattrJobs.push({
            rel,
            parts,
            ino,
            attrs: [[this.#opaqueXattr, Buffer.from('y')]],
            strict: true,
        });
    }
    #isWhiteoutAt(rel) {
        const stats = lstatOrUndefined(this.#root.abs(rel));
        return stats !== undefined && whiteout_isOverlayWhiteout(stats);
    }
    #nodePath(parts, e, whiteout) {
        if (whiteout) {
            if (whiteout.kind !== 'whiteout' || this.#mode !== 'overlay')
                return undefined;
            return [...parts.slice(0, -1), whiteout.target];
        }
        const isNode = e.type === 'fifo' || e.type === 'character-device' || e.type === 'block-device';
        return isNode && parts.length > 0 ? parts : undefined;
    }
    #conflictsWithPending(parts) {
        let rel = '';
        for (const part of parts) {
            rel = rel === '' ? part : `${rel}/${part}`;
            if (this.#pendingPaths.has(rel))
                return true;
        }
        return false;
    }
    #queueNode(node) {
        this.#pendingNodes.push(node);
        this.#pendingPaths.add(node.rel);
    }
    async #flushNodes() {
        const nodes = this.#pendingNodes;
        if (nodes.length === 0)
            return;
        this.#pendingNodes = [];
        this.#pendingPaths.clear();
        await makeNodes(nodes.map((n) => n.spec));
        for (const n of nodes) {
            const path = n.spec.path;
            if (this.#isRoot)
                (0,external_node_fs_.lchownSync)(path, n.uid, n.gid);
            (0,external_node_fs_.chmodSync)(path, n.spec.mode);
            (0,external_node_fs_.lutimesSync)(path, n.mtime, n.mtime);
            if (n.xattrs.length > 0) {
                this.#queueXattrs(n.rel, n.parts, (0,external_node_fs_.lstatSync)(path).ino, n.rel, n.xattrs);
            }
        }
    }
    /** Whether a path recorded earlier still names the same inode through real directories. */
    #unchanged(rel, parts, ino) {
        if (rel !== '' && !this.#root.parentsIntact(parts))
            return false;
        return lstatOrUndefined(this.#root.abs(rel))?.ino === ino;
    }
    async #flushXattrs() {
        const jobs = this.#xattrJobs.filter((j) => this.#unchanged(j.rel, j.parts, j.ino));
        this.#xattrJobs = [];
        if (jobs.length === 0)
            return;
        const strict = jobs.filter((j) => j.strict);
        const lenient = jobs.filter((j) => !j.strict);
        if (!xattr_hasCommand('setfattr')) {
            if (strict.length > 0) {
                throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `marking ${strict.length} opaque director${strict.length === 1 ? 'y' : 'ies'} needs ${xattr_ATTR_TOOLS_HINT}`);
            }
            const count = lenient.reduce((n, j) => n + j.attrs.length, 0);
            this.skipped.xattrs += count;
            this.#logger.warn(`skipped ${count} xattr(s): setting them needs ${xattr_ATTR_TOOLS_HINT}`);
            return;
        }
        const asBatch = (list) => list.map((j) => ({ path: j.rel === '' ? '.' : j.rel, attrs: j.attrs }));
        const complaints = await setXattrs(this.#root.root, asBatch(lenient));
        if (complaints.length > 0) {
            this.skipped.xattrs += complaints.length;
            for (const line of complaints)
                this.#logger.warn(`could not set xattr: ${line}`);
        }
        const failed = await setXattrs(this.#root.root, asBatch(strict));
        if (failed.length > 0) {
            throw new errors/* LighterError */.Kt('ERR_STORE', `setting ${this.#opaqueXattr}: ${failed.join('; ')}`);
        }
    }
    #applyDirAttributes() {
        // Deepest first: as non-root, a read-only parent would otherwise block its children.
        const dirs = [...this.#dirAttributes.entries()].sort(([, a], [, b]) => b.parts.length - a.parts.length);
        for (const [rel, d] of dirs) {
            if (!this.#unchanged(rel, d.parts, d.ino))
                continue;
            const path = this.#root.abs(rel);
            if (this.#isRoot)
                (0,external_node_fs_.lchownSync)(path, d.uid, d.gid);
            (0,external_node_fs_.chmodSync)(path, d.mode);
            (0,external_node_fs_.utimesSync)(path, d.mtime, d.mtime);
        }
    }
}
function writeAll(fd, chunk) {
    let offset = 0;
    while (offset < chunk.length)
        offset += (0,external_node_fs_.writeSync)(fd, chunk, offset, chunk.length - offset);
}
/** Errno failures are the store's; anything else (tar or compression format) the archive's. */
function fallbackCode(err) {
    return typeof err?.syscall === 'string'
        ? 'ERR_STORE'
        : 'ERR_UNSAFE_ARCHIVE';
}
function decompressor(compression) {
    switch (compression) {
        case 'gzip':
            return external_node_zlib_.createGunzip();
        case 'zstd':
            return external_node_zlib_.createZstdDecompress();
        case 'none':
            return new external_node_stream_.PassThrough();
    }
}
/** Picks the compression from magic bytes and hands back a stream that still starts with them. */
async function sniffCompression(input) {
    const it = input[Symbol.asyncIterator]();
    const head = [];
    let length = 0;
    let ended = false;
    while (length < 4) {
        const next = await it.next();
        if (next.done) {
            ended = true;
            break;
        }
        head.push(next.value);
        length += next.value.length;
    }
    const first = Buffer.concat(head);
    let compression = 'none';
    if (first[0] === 0x1f && first[1] === 0x8b)
        compression = 'gzip';
    else if (first.length >= 4 && first.readUInt32LE(0) === 0xfd2fb528)
        compression = 'zstd';
    const rest = { [Symbol.asyncIterator]: () => it };
    const source = external_node_stream_.Readable.from((async function* () {
        if (first.length > 0)
            yield first;
        if (!ended)
            yield* rest;
    })(), { objectMode: false });
    return { compression, source };
}
class ByteCounter extends external_node_stream_.Transform {
    size = 0;
    _transform(chunk, _encoding, done) {
        this.size += chunk.length;
        done(null, chunk);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/diff.js
// Writes a directory as a layer tar, deterministically, turning overlayfs whiteouts back into OCI ones.
//
// The same tree always gives the same bytes: children in bytewise name order (whiteouts of a
// directory first, as the OCI spec recommends), no user or group names, whole-second mtimes
// (clamped to SOURCE_DATE_EPOCH when given), PAX records only where ustar cannot say it, and
// a gzip header without name or time and with OS "unknown" (as Go writes it).











/** Attributes that describe the host rather than the image, so they would break reproducibility. */
const HOST_XATTRS = new Set(['security.selinux']);
const READ_CHUNK = (/* unused pure expression or super */ null && (1024 * 1024));
/**
 * Walks `upperDir` and streams it as a layer. Hardlinks (same device and inode) become tar
 * hardlink entries pointing at the first path in walk order. Sockets are skipped.
 */
function diffLayer(upperDir, options) {
    if (options.mode !== 'overlay-upper' && options.mode !== 'full') {
        throw new InvalidArgumentError(`mode must be 'overlay-upper' or 'full', not ${String(options.mode)}`);
    }
    if (!['gzip', 'zstd', 'none'].includes(options.compression)) {
        throw new InvalidArgumentError(`compression must be gzip, zstd or none, not ${String(options.compression)}`);
    }
    const epoch = options.sourceDateEpoch;
    if (epoch !== undefined && !(Number.isInteger(epoch) && epoch >= 0)) {
        throw new InvalidArgumentError(`sourceDateEpoch must be a whole number of seconds, not ${epoch}`);
    }
    const root = resolve(upperDir);
    let rootStats;
    try {
        rootStats = lstatSync(root);
    }
    catch (err) {
        throw new InvalidArgumentError(`writing layer: cannot read ${root}`, { cause: err });
    }
    if (!rootStats.isDirectory())
        throw new InvalidArgumentError(`writing layer: ${root} is not a directory`);
    const walker = new TreeWalker(root, options);
    const tar = Readable.from(walker.tar(), { objectMode: false, highWaterMark: READ_CHUNK });
    const diffDigester = new DigestingStream();
    const blobDigester = new DigestingStream();
    let settle;
    const done = new Promise((resolve, reject) => {
        settle = { resolve, reject };
    });
    // The stream reports the same failure; a caller that only reads it must not see an unhandled rejection.
    done.catch(() => { });
    pipeline(tar, diffDigester, ...compressor(options.compression), blobDigester, (err) => {
        if (err) {
            settle?.reject(withContext(err, `writing layer from ${root}`, 'ERR_STORE'));
            return;
        }
        settle?.resolve({
            digest: blobDigester.digest,
            diffId: diffDigester.digest,
            size: blobDigester.size,
            uncompressedSize: diffDigester.size,
            entries: walker.entries,
        });
    });
    return { stream: blobDigester, done };
}
class TreeWalker {
    entries = 0;
    #root;
    #overlay;
    #epoch;
    #idMap;
    #logger;
    #xattrs = new Map();
    /** First path seen for each device:inode with more than one link. */
    #links = new Map();
    constructor(root, options) {
        this.#root = root;
        this.#overlay = options.mode === 'overlay-upper';
        this.#epoch = options.sourceDateEpoch;
        this.#idMap = options.idMap;
        this.#logger = options.logger ?? silentLogger;
    }
    async *tar() {
        await this.#loadXattrs();
        if (this.#overlay && this.#isOpaque('')) {
            yield this.#marker(OPAQUE_WHITEOUT, lstatSync(this.#root));
        }
        yield* this.#walk('');
        yield endOfArchive();
    }
    async #loadXattrs() {
        if (!hasCommand('getfattr')) {
            if (this.#overlay) {
                throw new LighterError('ERR_UNSUPPORTED', `reading opaque directories of an overlay upper dir needs ${ATTR_TOOLS_HINT}`);
            }
            this.#logger.warn(`xattrs are left out of the layer: reading them needs ${ATTR_TOOLS_HINT}`);
            return;
        }
        const tree = await readXattrTree(this.#root);
        for (const line of tree.errors)
            this.#logger.warn(`reading xattrs: ${line}`);
        this.#xattrs = tree.byPath;
    }
    async *#walk(dirRel) {
        const dir = dirRel === '' ? this.#root : join(this.#root, dirRel);
        const children = [];
        const raws = readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare);
        for (const raw of raws) {
            const name = raw.toString('utf8');
            const rel = dirRel === '' ? name : `${dirRel}/${name}`;
            if (!Buffer.from(name, 'utf8').equals(raw)) {
                throw new LighterError('ERR_UNSUPPORTED', `"${rel}": file names must be UTF-8 to go in a layer`, {
                    details: { path: rel },
                });
            }
            children.push({ name, rel, stats: lstatSync(join(dir, name)) });
        }
        if (this.#overlay) {
            for (const c of children) {
                if (isOverlayWhiteout(c.stats)) {
                    yield this.#marker(dirRel === '' ? `${WHITEOUT_PREFIX}${c.name}` : `${dirRel}/${WHITEOUT_PREFIX}${c.name}`, c.stats);
                }
            }
        }
        for (const c of children) {
            if (this.#overlay && isOverlayWhiteout(c.stats))
                continue;
            if (c.name.startsWith(WHITEOUT_PREFIX)) {
                throw new LighterError('ERR_UNSUPPORTED', `"${c.rel}": names starting with ${WHITEOUT_PREFIX} mean deletions in a layer and cannot be stored`, { details: { path: c.rel } });
            }
            yield* this.#entry(c.rel, c.stats);
        }
    }
    async *#entry(rel, stats) {
        const base = {
            name: rel,
            mode: stats.mode & 0o7777,
            uid: containerId(this.#idMap, 'uid', stats.uid, rel),
            gid: containerId(this.#idMap, 'gid', stats.gid, rel),
            size: 0,
            mtime: this.#mtime(stats),
            xattrs: this.#entryXattrs(rel),
        };
        const path = join(this.#root, rel);
        if (stats.isDirectory()) {
            this.entries++;
            yield encodeHeader({ ...base, type: 'directory' });
            if (this.#overlay && this.#isOpaque(rel))
                yield this.#marker(`${rel}/${OPAQUE_WHITEOUT}`, stats);
            yield* this.#walk(rel);
            return;
        }
        if (stats.isSocket()) {
            this.#logger.debug(`skipping socket ${rel}: tar cannot hold one`);
            return;
        }
        if (stats.nlink > 1) {
            const big = lstatSync(path, { bigint: true });
            const key = `${big.dev}:${big.ino}`;
            const first = this.#links.get(key);
            if (first !== undefined) {
                this.entries++;
                yield encodeHeader({ ...base, type: 'link', linkname: first, xattrs: [] });
                return;
            }
            this.#links.set(key, rel);
        }
        this.entries++;
        if (stats.isFile()) {
            yield encodeHeader({ ...base, type: 'file', size: stats.size });
            yield* this.#fileData(path, rel, stats);
        }
        else if (stats.isSymbolicLink()) {
            yield encodeHeader({ ...base, type: 'symlink', linkname: readlinkSync(path, 'utf8') });
        }
        else if (stats.isCharacterDevice() || stats.isBlockDevice()) {
            yield encodeHeader({
                ...base,
                type: stats.isCharacterDevice() ? 'character-device' : 'block-device',
                devmajor: major(stats.rdev),
                devminor: minor(stats.rdev),
            });
        }
        else if (stats.isFIFO()) {
            yield encodeHeader({ ...base, type: 'fifo' });
        }
    }
    async *#fileData(path, rel, stats) {
        const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
        try {
            const now = fstatSync(fd);
            if (now.ino !== stats.ino)
                throw changed(rel);
            let left = stats.size;
            while (left > 0) {
                const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, left));
                const n = readSync(fd, buf, 0, buf.length, null);
                // A shorter file would corrupt the tar; a longer one is cut at the size in the header.
                if (n === 0)
                    throw changed(rel);
                left -= n;
                yield n === buf.length ? buf : buf.subarray(0, n);
            }
        }
        finally {
            closeSync(fd);
        }
        const pad = padding(stats.size);
        if (pad.length > 0)
            yield pad;
    }
    /** An empty regular file standing for a whiteout or an opaque directory. */
    #marker(name, stats) {
        this.entries++;
        const header = {
            name,
            type: 'file',
            mode: 0,
            uid: 0,
            gid: 0,
            size: 0,
            mtime: this.#mtime(stats),
        };
        return encodeHeader(header);
    }
    #mtime(stats) {
        const seconds = Math.floor(stats.mtimeMs / 1000);
        return this.#epoch !== undefined && seconds > this.#epoch ? this.#epoch : seconds;
    }
    #isOpaque(rel) {
        return (this.#xattrs.get(rel) ?? []).some(([name, value]) => (name === 'trusted.overlay.opaque' || name === 'user.overlay.opaque') &&
            value.toString('latin1') === 'y');
    }
    #entryXattrs(rel) {
        const out = [];
        for (const [name, value] of this.#xattrs.get(rel) ?? []) {
            const overlayName = /^(?:trusted|user)\.overlay\.(.*)$/.exec(name)?.[1];
            if (overlayName !== undefined) {
                if (this.#overlay && (overlayName === 'redirect' || overlayName === 'metacopy')) {
                    throw new LighterError('ERR_UNSUPPORTED', `"${rel}" has ${name}: its content lives in a lower layer; mount the overlay with redirect_dir=off,metacopy=off`, { details: { path: rel } });
                }
                continue;
            }
            if (!HOST_XATTRS.has(name))
                out.push([name, value]);
        }
        return out;
    }
}
function changed(rel) {
    return new LighterError('ERR_STORE', `"${rel}" changed while it was being read`, {
        details: { path: rel },
    });
}
/** glibc's gnu_dev_major/minor on a Linux dev_t. */
function major(rdev) {
    return Number(((BigInt(rdev) >> 8n) & 0xfffn) | ((BigInt(rdev) >> 32n) & ~0xfffn));
}
function minor(rdev) {
    return Number((BigInt(rdev) & 0xffn) | ((BigInt(rdev) >> 12n) & 0xffffff00n));
}
function compressor(compression) {
    switch (compression) {
        case 'gzip':
            return [zlib.createGzip({ level: 6 }), new GzipOsByte()];
        case 'zstd':
            return [zlib.createZstdCompress({ params: { [zlib.constants.ZSTD_c_compressionLevel]: 3 } })];
        case 'none':
            return [new PassThrough()];
    }
}
/** Sets the gzip header's OS byte to 255 ("unknown"): zlib writes the build platform's there. */
class GzipOsByte extends (/* unused pure expression or super */ null && (Transform)) {
    #seen = 0;
    _transform(chunk, _encoding, done) {
        const OS_OFFSET = 9;
        if (this.#seen <= OS_OFFSET && this.#seen + chunk.length > OS_OFFSET) {
            chunk[OS_OFFSET - this.#seen] = 0xff;
        }
        this.#seen += chunk.length;
        done(null, chunk);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/layer/index.js
// Layer tars in and out of directories: applyLayer extracts one safely, diffLayer writes one.



;// CONCATENATED MODULE: ./.build/src/core/storage/unpack.js
// Unpacked layer directories: extracted into a temp dir, then renamed into place, so a present `layers/<chain ID>` is always complete.










const LAYERS_DIR = 'layers';
function layerPath(layersDir, chainId) {
    return (0,external_node_path_.join)(layersDir, layerDirName(chainId));
}
async function isDirectory(path) {
    try {
        return (await (0,promises_.stat)(path)).isDirectory();
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
}
/** A fresh, private directory under `layers/` to extract into. */
async function makeTempLayerDir(layersDir) {
    await (0,promises_.mkdir)(layersDir, { recursive: true });
    const dir = (0,external_node_path_.join)(layersDir, tempName('layer'));
    await (0,promises_.mkdir)(dir, { mode: 0o755 });
    return dir;
}
/**
 * Renames a complete extraction to `layers/<chain ID>`. When another process got there first
 * the directory is the same layer, so ours is dropped. True when ours was placed.
 */
async function placeLayerDir(temp, layersDir, chainId) {
    const final = layerPath(layersDir, chainId);
    if (await isDirectory(final)) {
        await removeTree(temp);
        return false;
    }
    try {
        await (0,promises_.rename)(temp, final);
    }
    catch (err) {
        const code = err.code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST')
            throw err;
        await removeTree(temp);
        return false;
    }
    // File data is not synced (a layer dir can be unpacked again from its blob); the name is.
    await (0,atomic_write/* fsyncDir */.t_)(layersDir);
    return true;
}
/** Extracts one layer (from its stored blob) into place as `layers/<chain ID>`. */
async function unpackLayer(blob, layersDir, chainId, options) {
    const temp = await makeTempLayerDir(layersDir);
    try {
        const applied = await extractInto(blob, temp, options.compression, options.logger);
        checkDiffId(applied, options.diffId, options.what);
        await placeLayerDir(temp, layersDir, chainId);
    }
    catch (err) {
        blob.destroy();
        await removeTree(temp).catch(() => { });
        throw err;
    }
    return layerPath(layersDir, chainId);
}
/** Applies a layer tar with overlay-form whiteouts: each layer dir is one overlay lower dir. */
function extractInto(input, dir, compression, logger) {
    let source = input;
    let given = compression;
    if (compression === 'gzip' || compression === 'zstd') {
        // zlib's default 16 KiB output chunks cost a callback and a buffer each: for a big layer,
        // more time than the inflating itself. Larger chunks cut that by an order of magnitude.
        const decode = compression === 'gzip'
            ? external_node_zlib_.createGunzip({ chunkSize: DECODE_CHUNK })
            : external_node_zlib_.createZstdDecompress({ chunkSize: DECODE_CHUNK });
        source = (0,external_node_stream_.pipeline)(input, decode, () => { });
        given = 'none';
    }
    return applyLayer(source, dir, {
        whiteouts: 'overlay',
        compression: given,
        ...(logger ? { logger } : {}),
    });
}
const DECODE_CHUNK = 1024 * 1024;
function checkDiffId(applied, want, what) {
    if (applied.diffId !== want) {
        throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${what}: the uncompressed layer is ${applied.diffId}, but the image config says ${want}`, { details: { expected: want, actual: applied.diffId } });
    }
}

;// CONCATENATED MODULE: ./.build/src/core/storage/store.js
// The local image store: an OCI image layout plus unpacked layer directories, shared safely by concurrent processes.
//
// On disk (STORE is `defaultStoreDir()` unless given):
//   oci-layout, index.json      the OCI image layout; names are `org.opencontainers.image.ref.name`
//   blobs/sha256/<hex>          content, written whole under its digest (temp file, fsync, rename)
//   index.json.lock             the one lock: index.json updates, lease claims and GC
//   layers/<chain ID hex>/      unpacked layers with overlay whiteouts, one overlay lower dir each
//   meta/<manifest hex>.json    advisory facts per image (added, last used, source)
//   leases/<pid>-<hex>          what live processes use or are writing, kept by GC
// Work in progress has a hidden name carrying its writer's pid (`.tmp-…-<pid>-<hex>`); once that
// process is gone it is a leftover, removed on the next open or prune.





















const UNPACK_CONCURRENCY = 4;
class Store {
    /** Absolute path of the store. */
    dir;
    layersDir;
    /** The OCI layout writer (blobs and index.json) the store is built on. */
    writer;
    logger;
    /** The store as a read-only file tree, for LayoutReader and blob streams. */
    tree;
    #options;
    /** Parsed facts per top-level digest; content never changes under a digest. */
    #facts = new Map();
    constructor(dir, writer, options) {
        this.dir = dir;
        this.layersDir = (0,external_node_path_.join)(dir, LAYERS_DIR);
        this.writer = writer;
        this.logger = options.logger ?? log/* silentLogger */.qq;
        this.tree = directoryTree(dir);
        this.#options = options;
    }
    /**
     * Opens (creating when needed) the store at `dir`, default `defaultStoreDir()` as the caller
     * resolves it. Removes leftovers of writers that died. Throws ERR_STORE when the directory
     * is not usable, ERR_BAD_MANIFEST when it holds something other than an OCI layout.
     */
    static async open(dir, options = {}) {
        const root = (0,external_node_path_.resolve)(dir);
        const writer = await (0,errors/* contextual */.iF)(`opening the store ${root}`, async () => {
            const w = await LayoutWriter.open(root, {
                ...(options.logger ? { logger: options.logger } : {}),
                ...(options.lockTimeoutMs !== undefined ? { lockTimeoutMs: options.lockTimeoutMs } : {}),
            });
            for (const sub of [LAYERS_DIR, META_DIR, LEASES_DIR]) {
                await (0,promises_.mkdir)((0,external_node_path_.join)(root, sub), { recursive: true });
            }
            return w;
        }, 'ERR_STORE');
        const store = new Store(root, writer, options);
        // skopeo and umoci refuse a layout without index.json; a new store gets an empty one.
        if (!(await store_exists((0,external_node_path_.join)(root, INDEX_FILE))))
            await writer.updateIndex((index) => index);
        await store.#removeLeftovers();
        return store;
    }
    /** Every image, grouped by top-level manifest, in index.json order. */
    async images() {
        return this.#group(await this.writer.readIndex());
    }
    /**
     * Finds an image by name or ID, as podman does: the exact normalized name (`busybox` is
     * `docker.io/library/busybox:latest`), then `localhost/NAME`, then a unique stored name ending
     * in `/NAME:TAG`; `NAME@sha256:…` also matches by digest; hex (optionally `sha256:`) is a
     * prefix of an image ID or manifest digest. ERR_NOT_FOUND lists similar names;
     * ERR_BAD_REFERENCE for a malformed name; ERR_INVALID_ARGUMENT when a prefix is ambiguous.
     */
    async resolve(input) {
        return this.#find(await this.writer.readIndex(), input);
    }
    /**
     * Gives an image another name. A short name goes under `localhost/` (see localImageName);
     * a name that pointed at another image moves, and that image goes if it has no name left.
     * Returns the stored name.
     */
    async tag(image, newName) {
        const name = localImageName(newName);
        const target = typeof image === 'string' ? await this.resolve(image) : image;
        await this.#updateIndex(async (index) => {
            if (!index.manifests.some((d) => d.digest === target.digest)) {
                throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `tagging ${target.digest} as ${name}: the image was removed meanwhile`);
            }
            return setName(index, target.descriptor, name);
        });
        await this.#touch(target.digest);
        return name;
    }
    /** Removes one name, keeping the image (unnamed if that was its last name). Returns the name removed. */
    async untag(name) {
        let removed = '';
        await this.#updateIndex(async (index) => {
            const stored = this.#findName(index, name);
            const entry = index.manifests.find((d) => refName(d) === stored);
            removed = stored;
            let next = {
                ...index,
                manifests: index.manifests.filter((d) => refName(d) !== stored),
            };
            if (!next.manifests.some((d) => d.digest === entry.digest)) {
                next = addEntry(next, withoutName(entry), undefined);
            }
            return next;
        });
        return removed;
    }
    /**
     * `rmi`: by name, removes that name (the image goes with its last name); by ID, removes the
     * image and every name of it (several names need `force`). Space is freed by `prune`.
     */
    async remove(input, options = {}) {
        let result;
        await this.#updateIndex(async (index) => {
            let stored;
            try {
                stored = this.#findName(index, input);
            }
            catch (err) {
                if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND') && !(0,errors/* isLighterError */.E0)(err, 'ERR_BAD_REFERENCE')) {
                    throw err;
                }
            }
            if (stored !== undefined) {
                const digest = index.manifests.find((d) => refName(d) === stored).digest;
                const manifests = index.manifests.filter((d) => refName(d) !== stored);
                result = {
                    untagged: [stored],
                    deleted: !manifests.some((d) => d.digest === digest),
                    digest,
                };
                return { ...index, manifests };
            }
            const found = await this.#find(index, input);
            const names = namesOf(index, found.digest);
            if (names.length > 1 && !options.force) {
                throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `removing ${input}: image ${found.id.slice(0, 12)} has several names (${names.join(', ')}); remove them by name, or force`, { details: { names } });
            }
            result = { untagged: names, deleted: true, digest: found.digest };
            return { ...index, manifests: index.manifests.filter((d) => d.digest !== found.digest) };
        });
        return result;
    }
    /**
     * Adds an image whose blobs are all in the store (the storage destination's commit, a
     * build's last step) under `name` (stored as given: normalize first), or unnamed.
     */
    async addImage(descriptor, options = {}) {
        const plain = withoutName(descriptor);
        await this.#updateIndex(async (index) => options.name === undefined
            ? addEntry(index, plain, undefined)
            : setName(index, plain, options.name));
        await this.fault('index-updated');
        const now = new Date().toISOString();
        await updateMeta(this.dir, plain.digest, {
            added: now,
            lastUsed: now,
            ...(options.source ? { source: options.source } : {}),
        }).catch((err) => this.logger.debug(`recording facts of ${plain.digest}: ${(0,errors/* errorMessage */.gJ)(err)}`));
    }
    /** The image manifest and config of a stored image (for an index: of one platform). */
    async inspect(image, options = {}) {
        const target = typeof image === 'string' ? await this.resolve(image) : image;
        const label = target.names[0] ?? target.id.slice(0, 12);
        return (0,errors/* contextual */.iF)(`reading image ${label} from the store ${this.dir}`, async () => {
            const top = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(target.descriptor), target.mediaType);
            let digest = target.digest;
            let manifest;
            if (top.kind === 'index') {
                const chosen = (0,platform/* selectManifest */.yY)(top.index, options.platform ?? (0,platform/* hostPlatform */.ol)());
                digest = chosen.digest;
                const child = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(chosen), chosen.mediaType);
                if (child.kind !== 'image') {
                    throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `nested index ${chosen.digest} is not supported`);
                }
                manifest = child.manifest;
            }
            else {
                manifest = top.manifest;
            }
            const config = (0,core_manifest/* parseImageConfig */.FB)(await this.readBlob(manifest.config));
            return { image: target, digest, manifest, configDigest: manifest.config.digest, config };
        });
    }
    /**
     * The overlay lower dirs of an image, top layer first (the order of overlayfs' `lowerdir=`),
     * unpacking any layer not unpacked yet. An image without layers gives [].
     */
    async layerDirs(image, options = {}) {
        const inspected = await this.inspect(image, options);
        const { manifest, config } = inspected;
        const label = inspected.image.names[0] ?? inspected.image.id.slice(0, 12);
        const diffIds = config.rootfs.diff_ids;
        if (diffIds.length !== manifest.layers.length) {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `image ${label}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`);
        }
        const chains = chainIds(diffIds);
        const lease = options.lease ?? (await this.lease());
        try {
            await lease.claim([
                ...manifest.layers.map((l) => l.digest),
                ...chains.map((c) => layerClaim(layerDirName(c))),
            ]);
            await mapLimit(chains, UNPACK_CONCURRENCY, async (chain, i) => {
                if (await isDirectory(layerPath(this.layersDir, chain)))
                    return;
                const layer = manifest.layers[i];
                const what = `unpacking layer ${i + 1}/${chains.length} (${layer.digest}) of ${label}`;
                await (0,errors/* contextual */.iF)(what, async () => {
                    this.logger.debug(what);
                    const blob = await this.tree.open(blobPath(layer.digest));
                    await unpackLayer(blob, this.layersDir, chain, {
                        compression: (0,media_types/* layerCompression */.AH)(layer.mediaType) ?? 'auto',
                        diffId: diffIds[i],
                        logger: this.logger,
                        what,
                    });
                });
            });
        }
        finally {
            if (!options.lease)
                await lease.release();
        }
        await this.#touch(inspected.image.digest);
        return chains.map((c) => layerPath(this.layersDir, c)).reverse();
    }
    /**
     * Garbage collection: removes blobs and layer dirs no image refers to and no live lease
     * claims, leftovers of dead writers, and (with `all`) unnamed images. The decision and the
     * renames into a private trash happen under the lock; deleting happens after, unlocked.
     */
    async prune(options = {}) {
        const result = { images: 0, blobs: 0, layers: 0, leftovers: 0, bytes: 0 };
        const trash = (0,external_node_path_.join)(this.dir, `.trash-${process.pid}-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
        try {
            await this.writer.withLock(async () => {
                let index = await this.writer.readIndex();
                if (options.all) {
                    const named = index.manifests.filter((d) => refName(d) !== undefined);
                    const namedDigests = new Set(named.map((d) => d.digest));
                    const dropped = new Set(index.manifests.filter((d) => !namedDigests.has(d.digest)).map((d) => d.digest));
                    if (index.manifests.length !== named.length) {
                        index = { ...index, manifests: named };
                        await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.dir, INDEX_FILE), JSON.stringify(index));
                    }
                    result.images = dropped.size;
                }
                const keep = await this.#referenced(index);
                const claims = await liveClaims(this.dir);
                const doomed = [];
                const blobsRoot = (0,external_node_path_.join)(this.dir, 'blobs');
                for (const algorithm of await listDir(blobsRoot)) {
                    for (const name of await listDir((0,external_node_path_.join)(blobsRoot, algorithm))) {
                        const digest = `${algorithm}:${name}`;
                        if (keep.blobs.has(digest) || claims.has(digest) || ownerPid(name) !== undefined) {
                            continue;
                        }
                        doomed.push((0,external_node_path_.join)(blobsRoot, algorithm, name));
                        result.blobs++;
                    }
                }
                for (const name of await listDir(this.layersDir)) {
                    if (ownerPid(name) !== undefined) {
                        if (isLeftover(name)) {
                            doomed.push((0,external_node_path_.join)(this.layersDir, name));
                            result.leftovers++;
                        }
                        continue;
                    }
                    if (!/^[a-f0-9]{64}$/.test(name))
                        continue;
                    if (keep.layers.has(name) || claims.has(layerClaim(name)))
                        continue;
                    doomed.push((0,external_node_path_.join)(this.layersDir, name));
                    result.layers++;
                }
                const leftovers = [
                    ...(await findLeftovers(this.dir)),
                    ...(await findLeftovers((0,external_node_path_.join)(this.dir, META_DIR))),
                ];
                result.leftovers += leftovers.length;
                doomed.push(...leftovers);
                await moveToTrash(trash, doomed);
                await this.fault('gc-moved');
                await pruneMeta(this.dir, new Set(index.manifests.map((d) => (0,core_digest/* digestHex */.sU)(d.digest))));
            });
            result.bytes = await treeBytes(trash);
        }
        finally {
            await removeTree(trash);
        }
        return result;
    }
    /** A new lease for this process (release it when done). */
    lease() {
        return Lease.create(this.dir, (fn) => this.writer.withLock(fn));
    }
    /**
     * Writes a blob (whole or not at all) and checks it against `expected`. The bytes are hashed
     * once: the file is named by the digest computed while writing, and only then compared, so
     * a mismatch leaves at worst a correctly named, unreferenced file for the next prune.
     */
    async putBlob(stream, expected = {}) {
        const { digest, ...rest } = expected;
        if (digest !== undefined && (0,core_digest/* digestAlgorithm */.g4)(digest) !== 'sha256') {
            return this.writer.putBlob(stream, expected);
        }
        const written = await this.writer.putBlob(stream, rest);
        if (digest !== undefined && written.digest !== digest) {
            const what = expected.what ?? `blob ${digest}`;
            throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${what}: digest mismatch: expected ${digest}, got ${written.digest}`, { details: { expected: digest, actual: written.digest } });
        }
        await this.fault('blob-written');
        return written;
    }
    /** Reads a small blob (manifest, config) whole, checking it against its descriptor. */
    async readBlob(descriptor) {
        let bytes;
        try {
            bytes = await (0,promises_.readFile)(this.writer.blobFile(descriptor.digest));
        }
        catch (err) {
            if (err.code !== 'ENOENT')
                throw err;
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `blob ${descriptor.digest} is not in the store ${this.dir}`, { cause: err, details: { digest: descriptor.digest } });
        }
        (0,core_digest/* verifyBytes */.RV)(bytes, {
            ...descriptor,
            what: `blob ${descriptor.digest} in the store ${this.dir}`,
        });
        return bytes;
    }
    /** Runs the test hook for `point`, if any. */
    async fault(point) {
        await this.#options.faultPoint?.(point);
    }
    // ---- internals
    /**
     * Read-modify-write of index.json under the store lock; the new index replaces the old
     * atomically (temp, fsync, rename), so readers never wait and never see a torn file.
     */
    async #updateIndex(mutate) {
        await this.writer.withLock(async () => {
            const next = await mutate(await this.writer.readIndex());
            await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.dir, INDEX_FILE), JSON.stringify(next));
        });
    }
    async #removeLeftovers() {
        try {
            const paths = [
                ...(await findLeftovers(this.dir)),
                ...(await findLeftovers(this.layersDir)),
                ...(await findLeftovers((0,external_node_path_.join)(this.dir, META_DIR))),
            ];
            // Void leases go too; GC would drop them anyway, this just keeps the directory small.
            await liveClaimsCleanup(this.dir);
            const { count } = await discard(this.dir, paths);
            if (count > 0)
                this.logger.debug(`removed ${count} leftover(s) of interrupted writes in ${this.dir}`);
        }
        catch (err) {
            // Cleaning is a courtesy: a read-only store still serves reads.
            this.logger.debug(`cleaning leftovers in ${this.dir}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    async #touch(digest) {
        await updateMeta(this.dir, digest, { lastUsed: new Date().toISOString() }).catch((err) => this.logger.debug(`recording use of ${digest}: ${(0,errors/* errorMessage */.gJ)(err)}`));
    }
    /** Resolves input to a stored image's digest (see `resolve`). */
    async #find(index, input) {
        const text = input.trim();
        if (text === '')
            throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', 'invalid image name "": it is empty');
        let ref;
        let refError;
        try {
            ref = (0,core_reference/* parseReference */.F2)(text);
        }
        catch (err) {
            refError = err;
        }
        const hex = idPrefix(text);
        const stored = storedNames(index);
        const named = this.#matchName(index, text, ref);
        if (named !== undefined) {
            const entry = index.manifests.find((d) => refName(d) === named);
            return this.#imageOf(index, entry.digest);
        }
        if (ref?.digest !== undefined) {
            const entry = index.manifests.find((d) => d.digest === ref.digest);
            if (entry)
                return this.#imageOf(index, entry.digest);
        }
        if (hex !== undefined) {
            const images = await this.#group(index);
            const hits = images.filter((i) => i.id.startsWith(hex) || (0,core_digest/* digestHex */.sU)(i.digest).startsWith(hex));
            if (hits.length === 1)
                return hits[0];
            if (hits.length > 1) {
                throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `"${text}" matches ${hits.length} images (${hits.map((i) => i.id.slice(0, 12)).join(', ')}); give more of the ID`);
            }
        }
        if (ref === undefined && hex === undefined)
            throw refError;
        throw names_notFound(text, stored, this.dir);
    }
    /** The stored name `input` means, or undefined (ambiguous short names throw). */
    #matchName(index, text, ref) {
        const stored = storedNames(index);
        if (stored.includes(text))
            return text;
        if (!ref)
            return undefined;
        const candidates = nameCandidates(text, ref);
        const exact = candidates.exact.find((n) => stored.includes(n));
        if (exact !== undefined)
            return exact;
        const bySuffix = candidates.bySuffix(stored);
        if (bySuffix.length === 1)
            return bySuffix[0];
        if (bySuffix.length > 1) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `"${text}" could mean ${bySuffix.join(', ')}; give the full name`, { details: { candidates: bySuffix } });
        }
        return undefined;
    }
    /** The stored name for a name argument (not an ID); ERR_NOT_FOUND or ERR_BAD_REFERENCE otherwise. */
    #findName(index, input) {
        const text = input.trim();
        const stored = storedNames(index);
        if (stored.includes(text))
            return text;
        const ref = (0,core_reference/* parseReference */.F2)(text);
        const name = this.#matchName(index, text, ref);
        if (name === undefined)
            throw names_notFound(text, stored, this.dir);
        return name;
    }
    async #imageOf(index, digest) {
        const entry = index.manifests.find((d) => d.digest === digest);
        return this.#describe(withoutName(entry), namesOf(index, digest));
    }
    async #group(index) {
        const seen = new Map();
        for (const d of index.manifests)
            if (!seen.has(d.digest))
                seen.set(d.digest, withoutName(d));
        return Promise.all([...seen.values()].map((d) => this.#describe(d, namesOf(index, d.digest))));
    }
    async #describe(descriptor, names) {
        let facts = this.#facts.get(descriptor.digest);
        if (!facts) {
            facts = this.#readFacts(descriptor);
            this.#facts.set(descriptor.digest, facts);
        }
        const [f, meta] = await Promise.all([facts, readMeta(this.dir, descriptor.digest)]);
        return {
            id: f.id,
            digest: descriptor.digest,
            mediaType: descriptor.mediaType,
            descriptor,
            names,
            size: f.size,
            ...(f.created ? { created: f.created } : {}),
            platforms: f.platforms,
            ...metaFields(meta),
        };
    }
    /** Reads what `images` shows; tolerant, so one damaged image does not hide the others. */
    async #readFacts(descriptor) {
        const facts = { id: (0,core_digest/* digestHex */.sU)(descriptor.digest), size: 0, platforms: [] };
        const counted = new Set();
        const count = (d) => {
            if (counted.has(d.digest))
                return;
            counted.add(d.digest);
            facts.size += d.size;
        };
        const image = async (d, manifest, top) => {
            count(d);
            count(manifest.config);
            for (const layer of manifest.layers)
                count(layer);
            try {
                const config = (0,core_manifest/* parseImageConfig */.FB)(await this.readBlob(manifest.config));
                if (top)
                    facts.id = (0,core_digest/* digestHex */.sU)(manifest.config.digest);
                if (config.created && (!facts.created || config.created > facts.created)) {
                    facts.created = config.created;
                }
                facts.platforms.push((0,platform/* formatPlatform */.Bq)({
                    os: config.os,
                    architecture: config.architecture,
                    ...(config.variant ? { variant: config.variant } : {}),
                }));
            }
            catch (err) {
                this.logger.debug(`reading config of ${d.digest}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
        };
        try {
            const top = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(descriptor), descriptor.mediaType);
            if (top.kind === 'image') {
                await image(descriptor, top.manifest, true);
            }
            else {
                count(descriptor);
                for (const child of top.index.manifests) {
                    let parsed;
                    try {
                        parsed = (0,core_manifest/* parseManifest */.Ng)(await this.readBlob(child), child.mediaType);
                    }
                    catch {
                        continue; // A platform not copied here (or an artifact): not part of what is stored.
                    }
                    if (parsed.kind === 'image')
                        await image(child, parsed.manifest, false);
                }
            }
        }
        catch (err) {
            this.logger.debug(`reading image ${descriptor.digest}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            facts.size = descriptor.size;
        }
        return facts;
    }
    /** Blobs and layer dirs (chain ID hex) reachable from index.json. */
    async #referenced(index) {
        const blobs = new Set();
        const layers = new Set();
        const visit = async (d) => {
            if (blobs.has(d.digest))
                return;
            blobs.add(d.digest);
            let parsed;
            try {
                parsed = (0,core_manifest/* parseManifest */.Ng)(await (0,promises_.readFile)(this.writer.blobFile(d.digest)), d.mediaType);
            }
            catch {
                return; // Missing or not a manifest: nothing below it to keep.
            }
            if (parsed.kind === 'index') {
                for (const child of parsed.index.manifests)
                    await visit(child);
                return;
            }
            const { config, layers: layerBlobs } = parsed.manifest;
            blobs.add(config.digest);
            for (const layer of layerBlobs)
                blobs.add(layer.digest);
            try {
                const parsedConfig = (0,core_manifest/* parseImageConfig */.FB)(await (0,promises_.readFile)(this.writer.blobFile(config.digest)));
                for (const chain of chainIds(parsedConfig.rootfs.diff_ids))
                    layers.add(layerDirName(chain));
            }
            catch {
                // No config (or not an image config): no layer dirs belong to it.
            }
        };
        for (const d of index.manifests)
            await visit(d);
        return { blobs, layers };
    }
}
function metaFields(meta) {
    return {
        ...(meta.added ? { added: meta.added } : {}),
        ...(meta.lastUsed ? { lastUsed: meta.lastUsed } : {}),
        ...(meta.source ? { source: meta.source } : {}),
    };
}
/** Names `name` → `descriptor`: the entry of that name moves, an unnamed entry of the image goes. */
function setName(index, descriptor, name) {
    const manifests = index.manifests.filter((d) => !(refName(d) === undefined && d.digest === descriptor.digest));
    return addEntry({ ...index, manifests }, withoutName(descriptor), name);
}
function withoutName(d) {
    if (!d.annotations || !(REF_NAME in d.annotations))
        return d;
    const { [REF_NAME]: _name, ...rest } = d.annotations;
    const { annotations: _annotations, ...plain } = d;
    return Object.keys(rest).length > 0 ? { ...plain, annotations: rest } : plain;
}
function namesOf(index, digest) {
    const names = [];
    for (const d of index.manifests) {
        const name = refName(d);
        if (d.digest === digest && name !== undefined && !names.includes(name))
            names.push(name);
    }
    return names;
}
function storedNames(index) {
    return [...new Set(index.manifests.flatMap((d) => refName(d) ?? []))];
}
async function listDir(dir) {
    try {
        return await (0,promises_.readdir)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return [];
        throw err;
    }
}
async function store_exists(path) {
    try {
        await (0,promises_.stat)(path);
        return true;
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return false;
        throw err;
    }
}
/** Drops lease files of dead processes (what `liveClaims` does, without needing the claims). */
async function liveClaimsCleanup(storeDir) {
    await liveClaims(storeDir);
}
/** Runs `fn` over `items`, at most `limit` at once; the first failure rejects after all settle. */
async function mapLimit(items, limit, fn) {
    let next = 0;
    const errors = [];
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                await fn(items[i], i);
            }
            catch (err) {
                errors.push(err);
                next = items.length;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    if (errors.length > 0)
        throw errors[0];
}

;// CONCATENATED MODULE: ./.build/src/core/transport/storage/destination.js
// Writes an image into the store for the copy engine (`pull`, `copy … storage:NAME`), unpacking layers while they stream in.











const storage_destination_CAPABILITIES = {
    // Docker types too: the store keeps an image's bytes, and so its digest, as pulled. (skopeo
    // 1.9 and umoci find only OCI-typed entries by name; OCI images are the common case.)
    manifestTypes: [
        media_types/* MediaType */.zu.ociManifest,
        media_types/* MediaType */.zu.dockerManifest,
        media_types/* MediaType */.zu.ociIndex,
        media_types/* MediaType */.zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
// Chunks buffered per branch of the tee; enough to keep the disk and the unpacker busy.
const TEE_HIGH_WATER = 1024 * 1024;
const TEE_CHUNK = 512 * 1024;
/**
 * Blobs go straight into the store's blobs/ (verified against their digest, whole or not at all);
 * the image's name is added at `commit`, under the store lock, after everything it needs is
 * present. Each layer is unpacked on the fly from the same bytes (a tee: one read, two writers)
 * into a temp dir; commit renames it to `layers/<chain ID>` once the config confirms its diff ID.
 * Everything touched is claimed in a lease first, so a concurrent prune keeps it.
 */
class StorageDestination {
    name;
    capabilities = storage_destination_CAPABILITIES;
    store;
    #imageName;
    #lease;
    #options;
    #log;
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
        const compression = (0,media_types/* layerCompression */.AH)(blob.mediaType);
        if (compression === undefined || !blob.digest || this.#options.unpack === false) {
            return this.store.putBlob(stream, expected);
        }
        // One read feeds the blob file and the unpacker. The unpacker works on bytes not yet
        // verified: its result counts only if the blob (verified to the last byte) is written.
        const digest = blob.digest;
        const temp = await makeTempLayerDir(this.store.layersDir);
        const toBlob = new external_node_stream_.PassThrough({ highWaterMark: TEE_HIGH_WATER });
        const toUnpack = new external_node_stream_.PassThrough({ highWaterMark: TEE_HIGH_WATER });
        const writing = this.store.putBlob(toBlob, expected);
        const unpacking = extractInto(toUnpack, temp, compression, this.#log);
        const pumping = tee(stream, toBlob, toUnpack);
        const [pumped, written, unpacked] = await Promise.allSettled([pumping, writing, unpacking]);
        if (written.status === 'rejected' || pumped.status === 'rejected') {
            await removeTree(temp).catch(() => { });
            // The writer's own error says more than the tee's "stopped" (they are the same object
            // when the input failed: the tee passes it on).
            throw written.status === 'rejected'
                ? written.reason
                : pumped.reason;
        }
        if (unpacked.status === 'rejected') {
            // The blob is fine, the tar is not usable here: the image is stored, and running it will
            // report the problem again when layerDirs unpacks it.
            this.#log.warn(`unpacking ${digest} for ${this.name}: ${(0,errors/* errorMessage */.gJ)(unpacked.reason)}`);
            await removeTree(temp).catch(() => { });
        }
        else if (this.#unpacked.has(digest)) {
            await removeTree(temp).catch(() => { });
        }
        else {
            this.#unpacked.set(digest, { dir: temp, diffId: unpacked.value.diffId, placed: false });
            await this.store.fault('layer-unpacked');
        }
        return written.value;
    }
    async putManifest(manifest, instance) {
        if (instance !== undefined && instance !== manifest.digest) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`);
        }
        await this.#lease.claim([manifest.digest]);
        await this.store.writer.putBytes(manifest.bytes, {
            digest: manifest.digest,
            size: manifest.bytes.length,
            what: `manifest ${manifest.digest} for ${this.name}`,
        });
        const parsed = (0,core_manifest/* parseManifest */.Ng)(manifest.bytes, manifest.mediaType);
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
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before the top-level manifest was put`);
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
        for (const unpacked of this.#unpacked.values()) {
            if (!unpacked.placed)
                await removeTree(unpacked.dir).catch(() => { });
        }
        await this.#lease.release();
    }
    /** Gives the layers unpacked during the copy their chain-ID names, checking each diff ID. */
    async #placeLayers(manifest) {
        const config = (0,core_manifest/* parseImageConfig */.FB)(await this.store.readBlob(manifest.config));
        const diffIds = config.rootfs.diff_ids;
        if (diffIds.length !== manifest.layers.length) {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${this.name}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`);
        }
        const chains = chainIds(diffIds);
        for (const [i, layer] of manifest.layers.entries()) {
            const unpacked = this.#unpacked.get(layer.digest);
            if (!unpacked || unpacked.placed)
                continue;
            if (unpacked.diffId !== diffIds[i]) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${this.name}: layer ${i + 1} (${layer.digest}) uncompresses to ${unpacked.diffId}, but the config says ${diffIds[i]}`, { details: { expected: diffIds[i], actual: unpacked.diffId } });
            }
            const chain = chains[i];
            await this.#lease.claim([layerClaim(layerDirName(chain))]);
            await placeLayerDir(unpacked.dir, this.store.layersDir, chain);
            unpacked.placed = true;
        }
    }
}
/**
 * Copies `input` into both outputs, going at the pace of the slower one. When the second
 * gives up (its consumer failed, reported through its own promise), the first goes on alone;
 * when the first stops, the copy fails.
 */
async function tee(input, first, second) {
    let secondOpen = true;
    const closeSecond = (err) => {
        if (!secondOpen)
            return;
        secondOpen = false;
        if (err)
            second.destroy(err);
        else if (!second.destroyed)
            second.end();
    };
    try {
        const send = async (chunk) => {
            if (first.destroyed)
                throw new errors/* LighterError */.Kt('ERR_STORE', 'the blob writer stopped');
            const waits = [];
            if (!first.write(chunk))
                waits.push(destination_drained(first));
            if (secondOpen && second.destroyed)
                closeSecond();
            if (secondOpen && !second.write(chunk))
                waits.push(destination_drained(second));
            if (waits.length > 0)
                await Promise.all(waits);
        };
        // Network reads arrive in small pieces; passing them on in larger ones makes every stage
        // downstream (hashing, file writes, inflating, the tar reader) pay its per-chunk cost less often.
        let pending = [];
        let pendingBytes = 0;
        for await (const chunk of input) {
            pending.push(chunk);
            pendingBytes += chunk.length;
            if (pendingBytes >= TEE_CHUNK) {
                const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
                pending = [];
                pendingBytes = 0;
                await send(joined);
            }
        }
        if (pendingBytes > 0)
            await send(Buffer.concat(pending, pendingBytes));
    }
    catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        first.destroy(error);
        closeSecond(error);
        throw err;
    }
    first.end();
    closeSecond();
}
/** Resolves when `stream` wants more, or can take no more (closed or failed). */
function destination_drained(stream) {
    if (stream.destroyed)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            stream.off('error', done);
            resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
    });
}
async function openStorageDestination(ref, options = {}) {
    const store = await Store.open(options.storeDir ?? defaultStoreDir(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageDestination.open(store, normalizeName(ref.image));
}

;// CONCATENATED MODULE: ./.build/src/core/transport/storage/source.js
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
        const reader = await LayoutReader.open(store.tree);
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
    const store = await Store.open(options.storeDir ?? defaultStoreDir(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageSource.open(store, ref.image);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/storage/transport.js
// The `storage:NAME` transport: an image in lighter's local store (name, or image ID when reading).




function parseStorageReference(rest) {
    if (rest === '') {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', 'invalid image name "storage:": no image name');
    }
    if (idPrefix(rest) !== undefined && /^(?:sha256:)?[a-f0-9]+$/.test(rest)) {
        return { transport: 'storage', image: rest };
    }
    try {
        return { transport: 'storage', image: normalizeName(rest) };
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "storage:${rest}": ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
const storageTransport = {
    name: 'storage',
    parse: parseStorageReference,
    format: (ref) => ref.image,
    openSource: openStorageSource,
    openDestination: openStorageDestination,
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


/***/ })

};
