export const id = 404;
export const ids = [404];
export const modules = {

/***/ 9404:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   wait: () => (/* binding */ wait)
/* harmony export */ });
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(786);
/* harmony import */ var _unsupported_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9309);


async function wait(args, ctx) {
    return execute({ containers: args.positionals, timeoutSeconds: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(args, 'timeout') }, ctx);
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
