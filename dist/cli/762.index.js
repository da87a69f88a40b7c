export const id = 762;
export const ids = [762];
export const modules = {

/***/ 9381:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IMAGE_FORMATS: () => (/* binding */ IMAGE_FORMATS),
/* harmony export */   NETWORKS: () => (/* binding */ NETWORKS),
/* harmony export */   build: () => (/* binding */ build),
/* harmony export */   buildRequest: () => (/* binding */ buildRequest)
/* harmony export */ });
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5852);
/* harmony import */ var _unsupported_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9309);


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
        registry: (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .registryOptions */ ._A)(args, ctx),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .retryTimes */ .Fc)(args),
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
async function build(args, ctx) {
    return execute(buildRequest(args, ctx), ctx);
}
// The builder (issue #5) plugs in here.
async function execute(_request, _ctx) {
    throw (0,_unsupported_js__WEBPACK_IMPORTED_MODULE_0__/* .notInThisBuild */ .V)('the builder', 5);
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

/***/ 9309:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ notInThisBuild)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
// The error for a command whose engine has not landed yet, naming the issue that brings it.

function notInThisBuild(what, issue) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `${what} is not in this build yet (issue #${issue})`);
}


/***/ })

};
