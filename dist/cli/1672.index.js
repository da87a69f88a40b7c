export const id = 1672;
export const ids = [1672];
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

/***/ 1672:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NETWORK_MODES: () => (/* binding */ NETWORK_MODES),
/* harmony export */   healthProbe: () => (/* binding */ healthProbe),
/* harmony export */   run: () => (/* binding */ run),
/* harmony export */   runRequest: () => (/* binding */ runRequest)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _core_pod_pod_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8431);
/* harmony import */ var _core_pod_ready_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2324);
/* harmony import */ var _core_run_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7377);
/* harmony import */ var _core_run_volumes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7206);
/* harmony import */ var _access_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2362);
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(786);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5852);
// `lighter run IMAGE [COMMAND...]`: a container from an image, alone or in a pod.








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
        env: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_5__/* .parseEnv */ .vc)(args, 'env', args.list('env'), ctx.env),
        envFiles: args.list('env-file'),
        volumes: args.list('volume').map((v) => (0,_container_options_js__WEBPACK_IMPORTED_MODULE_5__/* .parseVolume */ .wM)(args, 'volume', v)),
        workdir,
        user: args.string('user'),
        network: args.choice('network', NETWORK_MODES),
        publish: args.list('publish').map((p) => (0,_container_options_js__WEBPACK_IMPORTED_MODULE_5__/* .parsePort */ .pz)(args, 'publish', p)),
        health: healthCommand === undefined
            ? undefined
            : {
                command: healthCommand,
                intervalSeconds: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_5__/* .parseDuration */ .E9)(args, 'health-interval'),
                retries: args.has('health-retries')
                    ? args.integer('health-retries', 0, { min: 0 })
                    : undefined,
            },
        timeoutSeconds: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_5__/* .parseDuration */ .E9)(args, 'timeout'),
        registry: (0,_options_js__WEBPACK_IMPORTED_MODULE_6__/* .registryOptions */ ._A)(args, ctx),
        retryTimes: (0,_options_js__WEBPACK_IMPORTED_MODULE_6__/* .retryTimes */ .Fc)(args),
    };
    if (request.network === 'pod' && request.pod === undefined) {
        throw args.usage('flag --network=pod needs --pod');
    }
    if (request.pod !== undefined && request.network !== undefined && request.network !== 'pod') {
        throw args.usage(`flag --network=${request.network} cannot be combined with --pod (a pod's containers share its network)`);
    }
    if (request.publish.length > 0 && request.pod !== undefined) {
        throw args.usage('flag --publish cannot be combined with --pod: publish ports with `pod create -p`');
    }
    if (request.publish.length > 0 && request.network !== undefined) {
        throw args.usage(`flag --publish needs the container's own network, not --network=${request.network}`);
    }
    if (request.health) {
        try {
            (0,_core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseHealthCommand */ .T2)(request.health.command);
        }
        catch (error) {
            if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLighterError */ .E0)(error, 'ERR_INVALID_ARGUMENT'))
                throw args.usage(`flag --health-cmd: ${error.message}`);
            throw error;
        }
    }
    return request;
}
async function run(args, ctx) {
    return execute(runRequest(args, ctx), args, ctx);
}
/** The readiness check the flags ask for: undefined for the image's HEALTHCHECK, `none` for none. */
function healthProbe(health) {
    if (!health)
        return undefined;
    const check = (0,_core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseHealthCommand */ .T2)(health.command);
    if (check === 'none')
        return 'none';
    return (0,_core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .probe */ .dy)(check, {
        ...(health.intervalSeconds !== undefined ? { intervalMs: health.intervalSeconds * 1000 } : {}),
        ...(health.retries !== undefined ? { retries: health.retries } : {}),
    });
}
function needsNetworkAccess(check) {
    return check?.kind === 'tcp' || check?.kind === 'http';
}
async function execute(request, args, ctx) {
    const engine = (0,_container_options_js__WEBPACK_IMPORTED_MODULE_5__/* .engineFor */ .Ec)(args, ctx, (0,_access_js__WEBPACK_IMPORTED_MODULE_7__/* .registryAccess */ .Y)(request.registry, request.retryTimes));
    const pods = new _core_pod_pod_js__WEBPACK_IMPORTED_MODULE_1__/* .Pods */ .F(engine);
    const lap = stopwatch(ctx);
    lap('lighter started');
    const readiness = healthProbe(request.health);
    const probeCheck = typeof readiness === 'object' ? readiness.check : undefined;
    if (request.network === 'none' && needsNetworkAccess(probeCheck)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidArgumentError */ .Di('a TCP or HTTP health check cannot reach a container with --network none');
    }
    // Everything that can be wrong is checked before anything is created, at once: the image
    // in the store, env files, volume sources, the pod; leftovers are reaped meanwhile. Only
    // then is a missing image pulled, so a typo elsewhere does not wait for a download.
    const [local, fileEnv, pod] = await Promise.all([
        engine.localImage(request.image),
        (0,_core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .readEnvFiles */ .P)(request.envFiles, ctx.env),
        request.pod === undefined ? undefined : pods.find(request.pod),
        (0,_core_run_volumes_js__WEBPACK_IMPORTED_MODULE_4__/* .checkVolumeSources */ .b)(request.volumes),
        pods.reap(),
        engine.runtime(),
    ]);
    const image = local ?? (await engine.image(request.image));
    lap('image, pod and inputs checked');
    const env = { ...Object.fromEntries(fileEnv), ...Object.fromEntries(request.env) };
    // Without a pod, a container uses the host's network (lighter sets up no bridges): ports
    // to publish, or a TCP/HTTP check to run inside, give it a pod of its own instead.
    const ownPod = pod === undefined &&
        request.network === undefined &&
        (request.publish.length > 0 || (request.detach && needsNetworkAccess(probeCheck)));
    const id = (0,_core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .newId */ .Si)();
    const foreground = !request.detach;
    const output = new _core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .LiveOutput */ .sg((stream, line) => stream === 'stdout' ? ctx.out(line) : ctx.logger.info(line));
    let network = request.network === 'none' ? 'none' : 'host';
    let inPod = pod;
    if (ownPod) {
        inPod = await pods.create({
            name: request.name ?? `pod-${id.slice(0, 6)}`,
            ports: request.publish,
            owner: id,
        });
    }
    let container;
    const extraHosts = [];
    try {
        if (inPod) {
            network = await inPod.namespaces();
            // The pod's containers reach each other by name too, as in a podman pod.
            const members = (await engine.records({ pod: inPod.id })).map((r) => r.name);
            for (const name of [...members, ...(request.name ? [request.name] : [])]) {
                extraHosts.push({ name, address: '127.0.0.1' });
            }
        }
        const owner = foreground && request.remove ? await (0,_core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .selfId */ .Mu)() : undefined;
        container = await engine.create({
            id,
            ...(request.name ? { name: request.name } : {}),
            image: request.image,
            ...(request.entrypoint !== undefined
                ? { entrypoint: entrypointOf(request.entrypoint) }
                : {}),
            command: request.command,
            env,
            volumes: request.volumes,
            ...(request.workdir ? { workdir: request.workdir } : {}),
            ...(request.user ? { user: request.user } : {}),
            network,
            extraHosts,
            autoremove: request.remove,
            ...(owner ? { owner } : {}),
            ...(readiness ? { readiness } : {}),
            onOutput: foreground ? output.onOutput : () => { },
        }, image);
    }
    catch (error) {
        if (ownPod && inPod)
            await pods.remove(inPod, { force: true }).catch(() => { });
        throw error;
    }
    try {
        lap('container created');
        // In the foreground lighter waits for the container and ends with it: it holds the
        // runtime itself rather than start a monitor process. -d needs one (lighter exits): the
        // pod's infra process, in a pod, or a monitor process of its own.
        await inPod?.ready();
        await container.start({
            supervise: foreground ? 'self' : inPod ? inPod.monitors() : 'monitor',
        });
        lap('container started');
    }
    catch (error) {
        await pods.removeContainer(container, { force: true }).catch(() => { });
        throw error;
    }
    if (request.detach)
        return detached(container, pods, inPod, request, ctx, lap);
    return attached(container, pods, request, output, ctx, lap);
}
/** `-d`: waits for readiness when there is a check, prints the ID and leaves it running. */
async function detached(container, pods, pod, request, ctx, lap) {
    container.detach();
    const deadline = request.timeoutSeconds === undefined ? undefined : Date.now() + request.timeoutSeconds * 1000;
    const result = await (0,_core_pod_ready_js__WEBPACK_IMPORTED_MODULE_2__/* .waitContainerReady */ .Q8)(container, {
        ...(pod ? { pod } : {}),
        network: pod ? 'pod' : request.network === 'none' ? 'none' : 'host',
        ...(deadline !== undefined ? { deadline } : {}),
    });
    if (result && !result.ready) {
        ctx.logger.error(`container ${container.name} never became ready: ${result.reason}`);
        const lines = (0,_core_run_index_js__WEBPACK_IMPORTED_MODULE_3__/* .lastLines */ .w$)(await container.logs(), 50);
        if (lines.length > 0) {
            ctx.logger.error(`last ${lines.length} line(s) of its output:`);
            for (const line of lines)
                ctx.logger.info(`  ${line}`);
        }
        await container.stop({ timeoutMs: 5000 }).catch(() => { });
        if (request.remove)
            await pods.removeContainer(container, { force: true });
        return 1;
    }
    if (result)
        lap(`ready (${result.reason}, ${result.attempts} check(s))`);
    ctx.out(container.id);
    return 0;
}
/** In the foreground: output as it comes, signals passed on, the container's exit code as ours. */
async function attached(container, pods, request, output, ctx, lap) {
    const forward = (signal) => {
        container.kill(signal).catch((error) => ctx.logger.debug(String(error)));
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals)
        process.on(s, forward);
    let timer;
    if (request.timeoutSeconds !== undefined) {
        timer = setTimeout(() => {
            ctx.logger.warn(`container ${container.name} ran longer than ${request.timeoutSeconds} s; stopping it`);
            container.stop({ timeoutMs: 10_000 }).catch((error) => ctx.logger.debug(String(error)));
        }, request.timeoutSeconds * 1000);
    }
    let code;
    try {
        code = await container.wait();
    }
    finally {
        clearTimeout(timer);
        for (const s of signals)
            process.off(s, forward);
    }
    lap(`exited (${code})`);
    await output.finish(container.record.logPath);
    if (request.remove) {
        await pods.removeContainer(container);
        lap('removed');
    }
    return code;
}
/** `--debug` shows where the time goes: each step with the milliseconds since the last. */
function stopwatch(ctx) {
    // process.uptime() counts from the process start, so the first step includes Node's start-up
    // (and, unlike performance.now(), it loads no perf_hooks on every run, debug or not).
    let last = 0;
    return (what) => {
        const now = process.uptime() * 1000;
        ctx.logger.debug(`run: ${what} (+${(now - last).toFixed(1)} ms)`);
        last = now;
    };
}
/** `--entrypoint` takes a JSON array or one command, as Docker's does. */
function entrypointOf(text) {
    if (text.trim().startsWith('[')) {
        try {
            const argv = JSON.parse(text);
            if (Array.isArray(argv) && argv.every((a) => typeof a === 'string'))
                return argv;
        }
        catch { }
    }
    return text === '' ? [] : [text];
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

/***/ 2324:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ exitedFor),
/* harmony export */   Q8: () => (/* binding */ waitContainerReady)
/* harmony export */ });
/* unused harmony exports connectFor, execFor */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6512);
/* harmony import */ var _run_engine_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4538);
/* harmony import */ var _run_readiness_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8633);
// Readiness of a started container: its probe, run where the container's network is (a pod's, or the host's).





/** How a TCP or HTTP check reaches the container: through its pod's agent, or on the host. */
function connectFor(network, pod) {
    if (pod)
        return (port, host) => pod.connect(port, host);
    if (network === 'host') {
        return (port, host) => new Promise((resolve, reject) => {
            const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)({ port, host: host ?? '127.0.0.1' });
            socket.once('connect', () => {
                socket.off('error', reject);
                resolve(socket);
            });
            socket.once('error', reject);
        });
    }
    return async () => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', 'a TCP or HTTP check cannot reach a container with --network none');
    };
}
function execFor(container) {
    return (argv, timeoutMs) => container.exec(argv, { timeoutMs });
}
/** The exit code once the container has exited, read from the monitor's exit file (no runtime call). */
function exitedFor(container) {
    return async () => {
        try {
            const exit = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(container.paths.exitFile, 'utf8'));
            return exit.exitCode ?? -1;
        }
        catch {
            return undefined;
        }
    };
}
/** Waits for the container's readiness probe; undefined when it has none. */
async function waitContainerReady(container, options) {
    const probe = options.probe ?? (0,_run_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .storedRequest */ .DA)(container).readiness;
    if (!probe)
        return undefined;
    return (0,_run_readiness_js__WEBPACK_IMPORTED_MODULE_4__/* .waitReady */ .N)({
        probe,
        connect: connectFor(options.network, options.pod),
        exec: execFor(container),
        exited: exitedFor(container),
        ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
    });
}


/***/ }),

/***/ 7377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qh: () => (/* reexport */ LineJoiner),
  sg: () => (/* reexport */ LiveOutput),
  TF: () => (/* reexport */ options/* formatPort */.TF),
  w$: () => (/* reexport */ lastLines),
  Si: () => (/* reexport */ names/* newId */.Si),
  T2: () => (/* reexport */ probe/* parseHealthCommand */.T2),
  dy: () => (/* reexport */ probe/* probe */.dy),
  P: () => (/* reexport */ options/* readEnvFiles */.P),
  Mu: () => (/* reexport */ engine/* selfId */.Mu)
});

// UNUSED EXPORTS: Engine, LABEL, PROBE_DEFAULTS, checkName, checkVolumeSources, defaultName, describeCheck, endProcess, httpCheck, imageLayers, imageProbe, isAlive, parseDuration, parseEnvEntries, parseEnvFileText, parsePort, parseVolume, processId, resolveImage, runCheck, storedRequest, waitReady

// EXTERNAL MODULE: ./.build/src/core/runtime/process-id.js
var process_id = __webpack_require__(9159);
// EXTERNAL MODULE: ./.build/src/core/run/engine.js + 1 modules
var engine = __webpack_require__(4538);
// EXTERNAL MODULE: ./.build/src/core/run/image.js
var run_image = __webpack_require__(3068);
// EXTERNAL MODULE: ./.build/src/core/run/names.js
var names = __webpack_require__(9505);
// EXTERNAL MODULE: ./.build/src/core/run/options.js
var options = __webpack_require__(4131);
// EXTERNAL MODULE: ./.build/src/core/runtime/index.js + 12 modules
var runtime = __webpack_require__(5951);
;// CONCATENATED MODULE: ./.build/src/core/run/output.js
// A container's output as lines for people: pieces of long lines joined, the tail after exit not lost, the last N lines.

/** Joins `P` pieces into whole lines per stream; `flush` ends a line the container left open. */
class LineJoiner {
    #write;
    #pending = {
        stdout: undefined,
        stderr: undefined,
    };
    constructor(write) {
        this.#write = write;
    }
    push(entry) {
        const pending = this.#pending[entry.stream];
        const text = (pending?.text ?? '') + entry.text;
        if (entry.partial) {
            this.#pending[entry.stream] = { text, entry: pending?.entry ?? entry };
            return;
        }
        this.#pending[entry.stream] = undefined;
        this.#write(entry.stream, text, pending?.entry ?? entry);
    }
    flush() {
        for (const stream of ['stdout', 'stderr']) {
            const pending = this.#pending[stream];
            this.#pending[stream] = undefined;
            if (pending && pending.text !== '')
                this.#write(stream, pending.text, pending.entry);
        }
    }
}
/**
 * Prints a running container's output as the monitor streams it, then, once it has exited,
 * whatever the stream had not delivered yet, from the log file (same order: the monitor writes
 * the file before it sends), so nothing is lost or printed twice.
 */
class LiveOutput {
    #joiner;
    #seen = 0;
    #closed = false;
    constructor(write) {
        this.#joiner = new LineJoiner(write);
    }
    /** For the container's `onOutput`. */
    onOutput = (entry) => {
        if (this.#closed)
            return;
        this.#seen++;
        this.#joiner.push(entry);
    };
    async finish(logPath) {
        const entries = await (0,runtime.readLogs)(logPath);
        const rest = entries.slice(this.#seen);
        this.#closed = true;
        for (const entry of rest)
            this.#joiner.push(entry);
        this.#joiner.flush();
    }
}
/** The last `count` lines of a log (both streams, in order), as text. */
function lastLines(entries, count) {
    const lines = [];
    const joiner = new LineJoiner((_stream, line) => lines.push(line));
    for (const entry of entries)
        joiner.push(entry);
    joiner.flush();
    return lines.slice(Math.max(0, lines.length - count));
}

// EXTERNAL MODULE: ./.build/src/core/run/probe.js
var probe = __webpack_require__(5299);
// EXTERNAL MODULE: ./.build/src/core/run/readiness.js
var readiness = __webpack_require__(8633);
// EXTERNAL MODULE: ./.build/src/core/run/volumes.js
var volumes = __webpack_require__(7206);
;// CONCATENATED MODULE: ./.build/src/core/run/index.js
// The container engine: images from the store run as containers, with records, readiness checks and output helpers.











/***/ }),

/***/ 8633:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ waitReady)
/* harmony export */ });
/* harmony import */ var _probe_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5299);
// Waits for a container to become ready: its probe polled until it passes, the container exits, or time runs out.
//
// The budget is what Docker or Kubernetes would take to call the container unhealthy:
// delay + start period + retries × interval. Checks run more often than the interval (10 ms
// apart at first, then doubling up to the interval or 500 ms), so a service that is up early is
// found early; tests start sooner that way.

const MAX_POLL_MS = 500;
async function waitReady(options) {
    const { probe } = options;
    const started = Date.now();
    const budget = started + probe.delayMs + probe.startPeriodMs + probe.retries * probe.intervalMs;
    const deadline = Math.min(budget, options.deadline ?? Number.POSITIVE_INFINITY);
    const pollMs = Math.max(10, Math.min(probe.intervalMs, MAX_POLL_MS));
    const what = (0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCheck */ .cn)(probe.check);
    let attempts = 0;
    let last;
    const result = (ready, reason) => ({
        ready,
        ms: Date.now() - started,
        attempts,
        reason,
    });
    if (probe.delayMs > 0)
        await sleep(Math.min(probe.delayMs, deadline - Date.now()), options.signal);
    for (;;) {
        if (options.signal?.aborted)
            return result(false, `${what}: cancelled`);
        const code = await options.exited();
        if (code !== undefined) {
            return result(false, `exited with code ${code} before ${what} passed`);
        }
        // A check that starts in time gets its whole timeout; only the caller's deadline cuts it short.
        const remaining = (options.deadline ?? Number.POSITIVE_INFINITY) - Date.now();
        attempts++;
        last = await (0,_probe_js__WEBPACK_IMPORTED_MODULE_0__/* .runCheck */ .k_)(probe.check, Math.max(1, Math.min(probe.timeoutMs, remaining)), options);
        if (last.ok)
            return result(true, `${what}: ${last.detail}`);
        options.onFailure?.(last, attempts);
        // Quick retries first (10, 20, 40 ms…): most services are a few milliseconds from ready.
        const wait = Math.min(pollMs, 10 * 2 ** (attempts - 1), deadline - Date.now());
        if (wait <= 0) {
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            const limit = deadline < budget ? 'the time limit' : 'its budget';
            return result(false, `${what}: ${last.detail} (not ready after ${attempts} check(s) in ${seconds} s, ${limit})`);
        }
        await sleep(wait, options.signal);
    }
}
function sleep(ms, signal) {
    if (ms <= 0)
        return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}


/***/ })

};
