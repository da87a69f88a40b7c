export const id = 5042;
export const ids = [5042,4645];
export const modules = {

/***/ 2739:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ openStore)
/* harmony export */ });
/* unused harmony export storeDir */
/* harmony import */ var _core_storage_location_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3014);
/* harmony import */ var _core_storage_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3652);
// Opens the store a CLI command works on: --store, else $LIGHTER_STORE, else the default.


function storeDir(args, ctx) {
    return (args.string('store') || ctx.env.LIGHTER_STORE || (0,_core_storage_location_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultStoreDir */ .i)(ctx.env));
}
function openStore(args, ctx) {
    return _core_storage_store_js__WEBPACK_IMPORTED_MODULE_1__.Store.open(storeDir(args, ctx), { logger: ctx.logger });
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
