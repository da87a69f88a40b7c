export const id = 495;
export const ids = [495];
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
// EXTERNAL MODULE: ./.build/src/core/registry/client.js + 7 modules
var registry_client = __webpack_require__(6915);
// EXTERNAL MODULE: ./.build/src/core/transport/index.js + 20 modules
var transport = __webpack_require__(3270);
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


/***/ })

};
