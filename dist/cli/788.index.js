export const id = 788;
export const ids = [788];
export const modules = {

/***/ 788:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   login: () => (/* binding */ login),
/* harmony export */   loginRequest: () => (/* binding */ loginRequest)
/* harmony export */ });
/* harmony import */ var _core_registry_auth_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7064);
/* harmony import */ var _core_registry_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4431);
// `lighter login REGISTRY`: checks credentials against a registry and stores them in auth.json.


async function loginRequest(args, ctx) {
    const username = args.string('username');
    let password = args.string('password');
    if (password !== undefined && args.boolean('password-stdin')) {
        throw args.usage('flag --password cannot be combined with --password-stdin');
    }
    if (args.boolean('password-stdin'))
        password = (await ctx.stdin()).replace(/\r?\n$/, '');
    if (password !== undefined)
        ctx.logger.secret(password);
    // Prompting would hang a CI job, so both parts must come from flags or stdin.
    if (username === undefined || username === '') {
        throw args.usage('flag --username is required');
    }
    if (password === undefined || password === '') {
        throw args.usage('a password is required: --password or --password-stdin');
    }
    return {
        registry: args.positionals[0],
        username,
        password,
        authfile: args.string('authfile'),
        tlsVerify: args.boolean('tls-verify', true),
    };
}
async function login(args, ctx) {
    return execute(await loginRequest(args, ctx), ctx);
}
async function execute(request, ctx) {
    const registry = request.registry.replace(/^(docker:\/\/|https?:\/\/)/, '').replace(/\/+$/, '');
    const client = new _core_registry_client_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryClient */ .b(registry, {
        access: {
            creds: `${request.username}:${request.password}`,
            tlsVerify: request.tlsVerify,
        },
        logger: ctx.logger,
    });
    try {
        await client.checkLogin();
    }
    finally {
        await client.close();
    }
    const file = (0,_core_registry_auth_file_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultAuthFile */ .Y2)(ctx.env, request.authfile);
    await (0,_core_registry_auth_file_js__WEBPACK_IMPORTED_MODULE_0__/* .saveLogin */ .N8)(file, registry, request.username, request.password);
    ctx.logger.info(`Login Succeeded! (credentials for ${registry} saved in ${file})`);
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


/***/ })

};
