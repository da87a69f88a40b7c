export const id = 672;
export const ids = [672];
export const modules = {

/***/ 1672:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NETWORK_MODES: () => (/* binding */ NETWORK_MODES),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   runRequest: () => (/* binding */ runRequest)
/* harmony export */ });
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(786);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5852);
/* harmony import */ var _unsupported_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9309);



const NETWORK_MODES = ['pod', 'host', 'none'];
function runRequest(args, ctx) {
    const [image, ...command] = args.positionals;
    const healthCommand = args.string('health-cmd');
    const healthFlags = ['health-interval', 'health-retries'].filter((f) => args.has(f));
    if (healthCommand === undefined && healthFlags.length > 0) {
        throw args.usage(`flag --${healthFlags[0]} needs --health-cmd`);
    }
    const workdir = args.string('workdir');
    if (workdir !== undefined && !workdir.startsWith('/')) {
        throw args.usage(`flag --workdir: expected an absolute path, got "${workdir}"`);
    }
    const request = {
        image: image,
        command,
        entrypoint: args.string('entrypoint'),
        name: args.string('name'),
        pod: args.string('pod'),
        remove: args.boolean('rm'),
        detach: args.boolean('detach'),
        env: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEnv */ .vc)(args, 'env', args.list('env'), ctx.env),
        envFiles: args.list('env-file'),
        volumes: args.list('volume').map((v) => (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVolume */ .wM)(args, 'volume', v)),
        workdir,
        user: args.string('user'),
        network: args.choice('network', NETWORK_MODES),
        publish: args.list('publish').map((p) => (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePort */ .pz)(args, 'publish', p)),
        health: healthCommand === undefined
            ? undefined
            : {
                command: healthCommand,
                intervalSeconds: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(args, 'health-interval'),
                retries: args.has('health-retries')
                    ? args.integer('health-retries', 0, { min: 0 })
                    : undefined,
            },
        timeoutSeconds: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(args, 'timeout'),
        registry: (0,_options_js__WEBPACK_IMPORTED_MODULE_2__/* .registryOptions */ ._A)(args, ctx),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_2__/* .retryTimes */ .Fc)(args),
    };
    if (request.network === 'pod' && request.pod === undefined) {
        throw args.usage('flag --network=pod needs --pod');
    }
    return request;
}
async function run(args, ctx) {
    return execute(runRequest(args, ctx), ctx);
}
// The container runtime (issue #6) plugs in here.
async function execute(_request, _ctx) {
    throw (0,_unsupported_js__WEBPACK_IMPORTED_MODULE_0__/* .notInThisBuild */ .V)('the container runtime', 6);
}


/***/ }),

/***/ 786:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   pz: () => (/* binding */ parsePort),
/* harmony export */   vc: () => (/* binding */ parseEnv),
/* harmony export */   wM: () => (/* binding */ parseVolume)
/* harmony export */ });
const PORT = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/;
function parsePort(args, flag, value) {
    const m = PORT.exec(value);
    const hostPort = Number(m?.[2] ?? m?.[3]);
    const containerPort = Number(m?.[3]);
    const inRange = (n) => Number.isInteger(n) && n >= 1 && n <= 65535;
    if (!m || !inRange(hostPort) || !inRange(containerPort)) {
        throw args.usage(`flag --${flag}: expected [IP:]HOST:CONTAINER[/tcp|/udp], got "${value}"`);
    }
    const hostIp = m[1]?.replace(/^\[|\]$/g, '');
    return { hostIp, hostPort, containerPort, protocol: m[4] ?? 'tcp' };
}
function parseVolume(args, flag, value) {
    const parts = value.split(':');
    const [source, destination, mode] = parts;
    const ok = parts.length >= 2 &&
        parts.length <= 3 &&
        source !== '' &&
        destination?.startsWith('/') &&
        (mode === undefined || mode === 'ro' || mode === 'rw');
    if (!ok)
        throw args.usage(`flag --${flag}: expected SRC:DST[:ro|rw] with DST absolute, got "${value}"`);
    return { source: source, destination: destination, readOnly: mode === 'ro' };
}
/** `-e KEY=VALUE`, or `-e KEY` to pass the variable through from this environment. */
function parseEnv(args, flag, values, env) {
    const result = new Map();
    for (const item of values) {
        const eq = item.indexOf('=');
        const key = eq < 0 ? item : item.slice(0, eq);
        if (key === '' || /\s/.test(key)) {
            throw args.usage(`flag --${flag}: expected KEY=VALUE or KEY, got "${item}"`);
        }
        if (eq >= 0)
            result.set(key, item.slice(eq + 1));
        else if (env[key] !== undefined)
            result.set(key, env[key]);
    }
    return result;
}
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/;
/** `30`, `30s`, `1.5s`, `5m`, `1h30m` in seconds. */
function parseDuration(args, flag) {
    const value = args.string(flag);
    if (value === undefined)
        return undefined;
    const m = /^\d+(?:\.\d+)?$/.test(value)
        ? ['', undefined, undefined, value]
        : DURATION.exec(value);
    const seconds = m
        ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
        : Number.NaN;
    if (value === '' || !(seconds > 0)) {
        throw args.usage(`flag --${flag}: expected a duration such as 30s, 5m or 1h30m, got "${value}"`);
    }
    return seconds;
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
