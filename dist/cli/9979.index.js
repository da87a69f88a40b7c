export const id = 9979;
export const ids = [9979];
export const modules = {

/***/ 9979:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   logout: () => (/* binding */ logout)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _core_registry_auth_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7064);
// `lighter logout REGISTRY`: removes stored credentials for a registry (or all of them).


async function logout(args, ctx) {
    const registry = args.positionals[0];
    const all = args.boolean('all');
    if (all && registry !== undefined)
        throw args.usage('give a REGISTRY or --all, not both');
    if (!all && registry === undefined)
        throw args.usage('give a REGISTRY, or --all for every one');
    return execute({ registry, authfile: args.string('authfile') }, ctx);
}
async function execute(request, ctx) {
    const registry = request.registry?.replace(/^(docker:\/\/|https?:\/\/)/, '').replace(/\/+$/, '');
    const file = (0,_core_registry_auth_file_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultAuthFile */ .Y2)(ctx.env, request.authfile);
    const removed = await (0,_core_registry_auth_file_js__WEBPACK_IMPORTED_MODULE_1__/* .removeLogin */ ._$)(file, registry);
    if (!removed) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_NOT_FOUND', registry === undefined
            ? `logging out: no credentials stored in ${file}`
            : `logging out of ${registry}: not logged in (no entry in ${file})`);
    }
    ctx.logger.info(registry === undefined
        ? `Removed all credentials from ${file}`
        : `Removed login credentials for ${registry}`);
    return 0;
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
    const durable = options.durable ?? true;
    try {
        const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'wx', options.mode ?? 0o644);
        try {
            await handle.writeFile(data);
            if (durable)
                await handle.sync();
        }
        finally {
            await handle.close();
        }
        if (durable)
            await renameDurable(temp, path);
        else
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
    }
    catch (err) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw err;
    }
}


/***/ }),

/***/ 7064:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N8: () => (/* binding */ saveLogin),
/* harmony export */   Y2: () => (/* binding */ defaultAuthFile),
/* harmony export */   _$: () => (/* binding */ removeLogin)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
/* harmony import */ var _fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4680);
/* harmony import */ var _credentials_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9725);
// Writes and removes credentials in a containers auth.json (what `login`/`logout` change),
// in the same file the credential resolver reads first.






/**
 * The file `login` writes: `explicit`, else $REGISTRY_AUTH_FILE, else
 * $XDG_RUNTIME_DIR/containers/auth.json (podman's choice), else ~/.config/containers/auth.json.
 */
function defaultAuthFile(env, explicit) {
    if (explicit)
        return explicit;
    if (env.REGISTRY_AUTH_FILE)
        return env.REGISTRY_AUTH_FILE;
    if (env.XDG_RUNTIME_DIR)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.XDG_CONFIG_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.config'), 'containers', 'auth.json');
}
async function readAuthJson(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return {};
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_INPUT', `reading ${file}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`, { cause: err });
    }
    try {
        const parsed = JSON.parse(text || '{}');
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new Error('not an object');
        return parsed;
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_INPUT', `reading ${file}: invalid JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}); fix or remove it`);
    }
}
async function writeAuthJson(file, value) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), { recursive: true, mode: 0o700 });
    // Credentials: readable by the owner only, and never a half-written file.
    await (0,_fs_atomic_write_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(file, `${JSON.stringify(value, null, '\t')}\n`, { mode: 0o600 });
}
/** Stores `username:password` for `registry` (other entries and keys are kept). */
async function saveLogin(file, registry, username, password) {
    const json = await readAuthJson(file);
    const auths = { ...(json.auths ?? {}) };
    const key = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeAuthKey */ .Xt)(registry);
    for (const k of Object.keys(auths))
        if ((0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeAuthKey */ .Xt)(k) === key)
            delete auths[k];
    auths[key] = { auth: Buffer.from(`${username}:${password}`).toString('base64') };
    await writeAuthJson(file, { ...json, auths });
}
/** Removes `registry` (or every registry when undefined); false when nothing was stored. */
async function removeLogin(file, registry) {
    const json = await readAuthJson(file);
    const auths = { ...(json.auths ?? {}) };
    const before = Object.keys(auths).length;
    if (registry === undefined) {
        for (const k of Object.keys(auths))
            delete auths[k];
    }
    else {
        const key = (0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeAuthKey */ .Xt)(registry);
        for (const k of Object.keys(auths))
            if ((0,_credentials_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeAuthKey */ .Xt)(k) === key)
                delete auths[k];
    }
    if (Object.keys(auths).length === before)
        return false;
    await writeAuthJson(file, { ...json, auths });
    return true;
}


/***/ }),

/***/ 9725:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xt: () => (/* binding */ normalizeAuthKey),
/* harmony export */   z8: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* unused harmony exports parseCreds, authFilePaths, runCredentialHelper */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6512);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2345);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6406);
// Finds the credentials for a registry the way podman, skopeo and docker do: flags, auth files, helpers.







/** Splits `user:password` at the first colon (passwords may contain colons, users may not). */
function parseCreds(creds) {
    const colon = creds.indexOf(':');
    if (colon <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InvalidArgumentError */ .Di('credentials must be given as user:password');
    }
    return { kind: 'basic', username: creds.slice(0, colon), password: creds.slice(colon + 1) };
}
/** The auth files to read, in order; missing ones are skipped. */
function authFilePaths(env, explicit) {
    const home = env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)();
    const paths = [];
    if (explicit)
        paths.push(explicit);
    if (env.REGISTRY_AUTH_FILE)
        paths.push(env.REGISTRY_AUTH_FILE);
    if (env.XDG_RUNTIME_DIR)
        paths.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
    paths.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.XDG_CONFIG_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(home, '.config'), 'containers', 'auth.json'));
    paths.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(home, '.docker'), 'config.json'));
    return [...new Set(paths)];
}
/**
 * Normalizes an auth file key: drops the scheme and trailing slash, and maps Docker Hub's
 * legacy `https://index.docker.io/v1/` (and its other aliases) to `docker.io`.
 */
function normalizeAuthKey(key) {
    let k = key.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    const slash = k.indexOf('/');
    const host = slash === -1 ? k : k.slice(0, slash);
    let path = slash === -1 ? '' : k.slice(slash);
    // Legacy docker keys carry an API version path, not a namespace.
    if (/^\/v[12]$/.test(path))
        path = '';
    k = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(host) + path;
    return k;
}
/** Keys to try for a registry and repository, most specific first (`r/a/b`, `r/a`, `r`). */
function candidateKeys(registry, repository) {
    const host = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(registry);
    const keys = [];
    if (repository) {
        const parts = repository.split('/');
        for (let n = parts.length; n > 0; n--)
            keys.push(`${host}/${parts.slice(0, n).join('/')}`);
    }
    keys.push(host);
    return keys;
}
function decodeEntry(entry, source) {
    if (entry.identitytoken)
        return { kind: 'identity-token', token: entry.identitytoken };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `reading ${source}: an "auth" entry is not user:password`);
        }
        return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password !== undefined) {
        return { kind: 'basic', username: entry.username, password: entry.password };
    }
    return undefined;
}
async function readAuthFile(path, explicit) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (!explicit && (code === 'ENOENT' || code === 'ENOTDIR'))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `reading auth file ${path}: ${err.message}`, {
            cause: err,
        });
    }
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null)
            throw new Error('not a JSON object');
        return parsed;
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `reading auth file ${path}: ${err.message}`);
    }
}
/** The server URL a credential helper is asked about (docker's convention for Hub). */
function helperServerUrl(registry) {
    return (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(registry) === _endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_HUB */ .Xb ? _endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_HUB_LEGACY_KEY */ .l2 : registry;
}
/**
 * Runs `docker-credential-NAME get` with the server URL on stdin. Returns undefined when the
 * helper has nothing for that server; throws ERR_INPUT when it cannot run or fails otherwise.
 */
async function runCredentialHelper(name, registry, env) {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `invalid credential helper name "${name}"`);
    }
    const program = `docker-credential-${name}`;
    const serverUrl = helperServerUrl(registry);
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(program, ['get'], {
            env,
            stdio: ['pipe', 'pipe', 'pipe'],
            timeout: 60_000,
        });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d) => {
            out += d;
        });
        child.stderr.setEncoding('utf8').on('data', (d) => {
            err += d;
        });
        child.on('error', reject);
        child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
        child.stdin.on('error', () => {
            // A helper that exits without reading stdin is judged by its exit status instead.
        });
        child.stdin.end(serverUrl);
    }).catch((err) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `running ${program} for ${registry}: ${err.message}`, { cause: err });
    });
    if (code !== 0) {
        // The helper protocol reports a miss as a failure with this text on stdout.
        if (/credentials not found/i.test(stdout + stderr))
            return undefined;
        const said = (stderr || stdout).trim().split('\n')[0] ?? '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `running ${program} for ${registry}: exit status ${code}${said ? `: ${said}` : ''}`);
    }
    let reply;
    try {
        reply = JSON.parse(stdout);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `running ${program} for ${registry}: output is not JSON`);
    }
    if (typeof reply.Secret !== 'string' || reply.Secret === '')
        return undefined;
    if (reply.Username === '<token>')
        return { kind: 'identity-token', token: reply.Secret };
    if (typeof reply.Username !== 'string' || reply.Username === '')
        return undefined;
    return { kind: 'basic', username: reply.Username, password: reply.Secret };
}
function registerSecrets(logger, credentials) {
    if (credentials.kind === 'basic') {
        logger.secret(credentials.password);
        logger.secret(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
    }
    else {
        logger.secret(credentials.token);
    }
}
/**
 * Resolves credentials for `registry`: explicit `creds`, then each auth file in turn
 * (`authFile`, $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json,
 * ~/.config/containers/auth.json, ~/.docker/config.json). Within a file a `credHelpers` entry
 * for the host wins, then an `auths` entry (most specific namespace first), then `credsStore`.
 * Undefined means anonymous access.
 */
async function resolveCredentials(registry, options = {}) {
    const logger = options.logger ?? _log_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLogger */ .qq;
    const env = options.env ?? process.env;
    const found = await find();
    if (found)
        registerSecrets(logger, found.credentials);
    return found;
    async function find() {
        if (options.creds !== undefined) {
            return { credentials: parseCreds(options.creds), source: 'explicit credentials' };
        }
        const keys = candidateKeys(registry, options.repository);
        const host = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(registry);
        for (const path of authFilePaths(env, options.authFile)) {
            const file = await readAuthFile(path, path === options.authFile);
            if (!file)
                continue;
            const helpers = Object.entries(file.credHelpers ?? {});
            const helper = helpers.find(([key]) => normalizeAuthKey(key) === host)?.[1];
            if (helper) {
                const credentials = await runCredentialHelper(helper, registry, env);
                if (credentials)
                    return { credentials, source: `docker-credential-${helper}` };
            }
            const auths = new Map();
            for (const [key, entry] of Object.entries(file.auths ?? {})) {
                // The first spelling of a key wins, as when several legacy aliases name Docker Hub.
                const normalized = normalizeAuthKey(key);
                if (!auths.has(normalized) && entry && typeof entry === 'object') {
                    auths.set(normalized, entry);
                }
            }
            for (const key of keys) {
                const entry = auths.get(key);
                const credentials = entry && decodeEntry(entry, path);
                if (credentials)
                    return { credentials, source: path };
            }
            if (file.credsStore) {
                const credentials = await runCredentialHelper(file.credsStore, registry, env);
                if (credentials)
                    return { credentials, source: `docker-credential-${file.credsStore}` };
            }
        }
        return undefined;
    }
}


/***/ }),

/***/ 6406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nd: () => (/* binding */ checkRegistryName),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   i7: () => (/* binding */ canonicalRegistry),
/* harmony export */   l2: () => (/* binding */ DOCKER_HUB_LEGACY_KEY),
/* harmony export */   nz: () => (/* binding */ apiHost)
/* harmony export */ });
/* unused harmony export hostname */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// Where a registry name points: API host, loopback detection and the names credentials use.


/** The registry Docker Hub images live on when named `docker.io/...`. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** The key `docker login` writes for Docker Hub in config.json and passes to helpers. */
const DOCKER_HUB_LEGACY_KEY = 'https://index.docker.io/v1/';
/** Validates a registry name (`host`, `host:port`, `[v6]:port`) eagerly. */
function checkRegistryName(registry) {
    if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(registry)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`invalid registry name "${registry}": expected host[:port]`);
    }
}
/** The `host:port` to send API requests to: Docker Hub's API lives on registry-1.docker.io. */
function apiHost(registry) {
    return DOCKER_HUB_ALIASES.has(registry) ? DOCKER_HUB_API : registry;
}
/** The canonical name for credential lookups: Docker Hub's aliases all become docker.io. */
function canonicalRegistry(registry) {
    return DOCKER_HUB_ALIASES.has(registry) ? DOCKER_HUB : registry;
}
/** The host part of `host:port` / `[v6]:port`, without brackets. */
function hostname(registry) {
    if (registry.startsWith('['))
        return registry.slice(1, registry.indexOf(']'));
    const colon = registry.lastIndexOf(':');
    return colon === -1 ? registry : registry.slice(0, colon);
}
/** True for 127.0.0.0/8, ::1 and localhost: hosts where plain HTTP is tried without asking. */
function isLoopback(registry) {
    const host = hostname(registry).toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 6)
        return host === '::1' || host === '0:0:0:0:0:0:0:1';
    return false;
}


/***/ })

};
