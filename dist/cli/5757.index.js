export const id = 5757;
export const ids = [5757];
export const modules = {

/***/ 786:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ec: () => (/* binding */ engineFor),
/* harmony export */   pz: () => (/* binding */ parsePort),
/* harmony export */   vc: () => (/* binding */ parseEnv),
/* harmony export */   wM: () => (/* binding */ parseVolume)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _core_run_engine_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4538);
/* harmony import */ var _core_run_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4131);
/* harmony import */ var _core_runtime_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8036);
/* harmony import */ var _core_storage_location_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3014);
// Container flag values (ports, volumes, env, durations): core's parsers, their errors as usage errors naming the flag.





function asUsage(args, flag, parse) {
    try {
        return parse();
    }
    catch (error) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLighterError */ .E0)(error, 'ERR_INVALID_ARGUMENT'))
            throw args.usage(`flag --${flag}: ${error.message}`);
        throw error;
    }
}
function parsePort(args, flag, value) {
    return asUsage(args, flag, () => _core_run_options_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePort */ .pz(value));
}
function parseVolume(args, flag, value) {
    return asUsage(args, flag, () => _core_run_options_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVolume */ .wM(value));
}
/** `-e KEY=VALUE`, or `-e KEY` to pass the variable through from this environment. */
function parseEnv(args, flag, values, env) {
    return asUsage(args, flag, () => _core_run_options_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEnvEntries */ .zZ(values, env));
}
/** A duration flag in seconds, or undefined when not given. */
function parseDuration(args, flag) {
    const value = args.string(flag);
    if (value === undefined)
        return undefined;
    return asUsage(args, flag, () => _core_run_options_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9(value));
}
/**
 * The engine container commands work through: state dir from `$LIGHTER_STATE_DIR` (else the
 * runtime's default), store from `--store`, `$LIGHTER_STORE`, else the default store.
 */
function engineFor(args, ctx, registry) {
    const stateDir = ctx.env.LIGHTER_STATE_DIR || (0,_core_runtime_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultStateDir */ .yD)();
    const storeDir = args.string('store') || (0,_core_storage_location_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultStoreDir */ .i)(ctx.env);
    return new _core_run_engine_js__WEBPACK_IMPORTED_MODULE_1__/* .Engine */ .N$({
        stateDir,
        storeDir,
        logger: ctx.logger,
        ...(registry ? { registry } : {}),
    });
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

/***/ 4538:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N$: () => (/* binding */ Engine),
  d_: () => (/* binding */ LABEL),
  Mu: () => (/* binding */ selfId),
  DA: () => (/* binding */ storedRequest)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/fs/exists.js
var exists = __webpack_require__(4127);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: ./.build/src/core/runtime/command.js
var command = __webpack_require__(61);
// EXTERNAL MODULE: ./.build/src/core/runtime/index.js + 12 modules
var core_runtime = __webpack_require__(5951);
// EXTERNAL MODULE: ./.build/src/core/runtime/process-id.js
var process_id = __webpack_require__(9159);
// EXTERNAL MODULE: ./.build/src/core/storage/location.js
var storage_location = __webpack_require__(3014);
// EXTERNAL MODULE: ./.build/src/core/run/image.js
var run_image = __webpack_require__(3068);
// EXTERNAL MODULE: ./.build/src/core/run/names.js
var names = __webpack_require__(9505);
// EXTERNAL MODULE: ./.build/src/core/run/probe.js
var probe = __webpack_require__(5299);
// EXTERNAL MODULE: ./.build/src/core/runtime/rootfs.js
var rootfs = __webpack_require__(2225);
;// CONCATENATED MODULE: ./.build/src/core/run/rootfs.js
// A run container's root filesystem: the runtime's overlay, mounted `volatile` when the kernel allows.
//
// Unmounting an overlay syncs its upper file system, which waits for every dirty page of that
// whole file system, not just the container's: on a busy CI disk one `umount` took 170 ms
// here where it usually takes 3. A run container's upper dir is thrown away with it, so it
// needs no sync at all: `volatile` (Linux 5.10+) skips it, as podman does for its containers.
// A builder's upper dir becomes a layer and must stay synced, so this lives here and not in
// the runtime's mountRootfs, which everything else still goes through (and which this falls
// back to when the kernel refuses the option, or the options are too long for one mount call).




// mount(2) takes one page of options; the runtime's mount handles longer lists with symlinks.
const MAX_OPTIONS = 3000;
const UNSAFE_IN_OPTIONS = /[,:\\=]/;
let volatileRefused = false;
async function mountContainerRootfs(options) {
    const { lowerDirs, upperDir, workDir, target, sudo, logger } = options;
    const data = `lowerdir=${lowerDirs.join(':')},upperdir=${upperDir},workdir=${workDir},index=off,redirect_dir=off,metacopy=off,volatile`;
    const simple = lowerDirs.length > 0 &&
        data.length <= MAX_OPTIONS &&
        ![...lowerDirs, upperDir, workDir].some((d) => UNSAFE_IN_OPTIONS.test(d));
    if (simple && !volatileRefused) {
        await Promise.all([upperDir, workDir, target].map((d) => (0,promises_.mkdir)(d, { recursive: true })));
        const result = await (0,command/* runCommand */.d1)((0,rootfs/* overlayMountArgv */.kU)(data, target, upperDir, sudo));
        if (result.code === 0) {
            return { kind: 'overlay', path: target, lowerDirs: [...lowerDirs], upperDir, workDir };
        }
        volatileRefused = true;
        logger.debug(`overlay with volatile refused (${result.stderr.trim()}); mounting without it`);
    }
    return (0,core_runtime.mountRootfs)({ lowerDirs, upperDir, workDir, target, sudo, logger });
}

// EXTERNAL MODULE: ./.build/src/core/run/volumes.js
var volumes = __webpack_require__(7206);
;// CONCATENATED MODULE: ./.build/src/core/run/engine.js
// The container engine: image from the store → overlay rootfs → OCI runtime, with records any later lighter process can act on.
//
// Everything lives in the state dir (`/run/lighter` for root): the runtime wrapper's container
// dirs (record, bundle, upper dir, logs), plus `names/` (one file per container name). What
// `ps`, `kube generate` and cleanup need about a container beyond the runtime's record rides
// in its labels, so listing containers reads one file each.














const LABEL = {
    image: 'lighter.image',
    imageId: 'lighter.image-id',
    pod: 'lighter.pod',
    podName: 'lighter.pod-name',
    podOrder: 'lighter.pod-order',
    network: 'lighter.network',
    autoremove: 'lighter.autoremove',
    owner: 'lighter.owner',
    command: 'lighter.command',
    request: 'lighter.request',
};
const KILL_WAIT_MS = 10_000;
/** One state dir, one store, one runtime: what every container command works through. */
class Engine {
    stateDir;
    storeDir;
    logger;
    registry;
    #store;
    #runtime;
    #lease;
    constructor(options = {}) {
        this.stateDir = options.stateDir ?? (0,core_runtime.defaultStateDir)();
        this.storeDir = options.storeDir ?? (0,storage_location/* defaultStoreDir */.i)();
        this.logger = options.logger ?? log/* silentLogger */.qq;
        this.registry = options.registry;
        if (options.runtime)
            this.#runtime = Promise.resolve(options.runtime);
    }
    get namesDir() {
        return (0,external_node_path_.join)(this.stateDir, 'names');
    }
    store() {
        // Loaded on first use: ps, stop, rm, logs and pod commands never open the store, and it is
        // a good part of lighter's code to load at each start.
        this.#store ??= Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(4645)]).then(__webpack_require__.bind(__webpack_require__, 3652)).then(({ Store }) => Store.open(this.storeDir, { logger: this.logger }));
        return this.#store;
    }
    runtime() {
        this.#runtime ??= (0,core_runtime.detectRuntime)({ logger: this.logger });
        return this.#runtime;
    }
    /** The image if the store has it (never pulls); undefined when it does not. */
    async localImage(input) {
        try {
            return await (0,run_image/* resolveImage */.A)(await this.store(), input, { logger: this.logger, pull: 'never' });
        }
        catch (error) {
            if ((0,errors/* isLighterError */.E0)(error, 'ERR_NOT_FOUND'))
                return undefined;
            throw error;
        }
    }
    /** Finds the image in the store, pulling it when missing: the check before anything is created. */
    async image(input) {
        return (0,run_image/* resolveImage */.A)(await this.store(), input, {
            logger: this.logger,
            ...(this.registry ? { registry: this.registry } : {}),
        });
    }
    /**
     * Creates (does not start) a container: the name reserved, the image's layers overlaid, the
     * spec written, the runtime's record made. On failure nothing is left behind.
     */
    async create(request, resolved) {
        const runtime = await this.runtime();
        const store = await this.store();
        const image = resolved ?? (await this.image(request.image));
        await (0,volumes/* checkVolumeSources */.b)(request.volumes ?? []);
        const id = request.id ?? (0,names/* newId */.Si)();
        const name = request.name ?? (0,names/* defaultName */.Z2)(image.name, id);
        await (0,names/* reserveName */.K6)(this.namesDir, name, id, 'container', (owner) => this.#exists(owner));
        const paths = (0,core_runtime.containerPaths)(this.stateDir, id);
        let rootfs;
        let container;
        try {
            await (0,promises_.mkdir)(paths.dir, { recursive: true, mode: 0o700 });
            await (0,promises_.mkdir)(paths.bundle, { recursive: true });
            this.#lease ??= store.lease();
            const lowerDirs = await (0,run_image/* imageLayers */.M)(store, image.image, await this.#lease);
            rootfs = await mountContainerRootfs({
                lowerDirs,
                upperDir: paths.upper,
                workDir: paths.work,
                target: paths.rootfs,
                sudo: runtime.sudo,
                logger: this.logger,
            });
            const network = request.network ?? 'host';
            const pod = typeof network === 'object' ? network : undefined;
            const ns = (type) => ({ path: `/proc/${pod?.infraPid}/ns/${type}` });
            const spec = await (0,core_runtime.buildSpec)({
                rootfs: rootfs.path,
                bundleDir: paths.bundle,
                image: image.config,
                ...(request.entrypoint ? { entrypoint: request.entrypoint } : {}),
                ...(request.command && request.command.length > 0 ? { command: request.command } : {}),
                env: { ...request.env },
                ...(request.user ? { user: request.user } : {}),
                ...(request.workdir ? { cwd: request.workdir } : {}),
                volumes: (request.volumes ?? []).map((v) => ({ ...v })),
                hostname: request.hostname ?? pod?.podName ?? name,
                network: pod ? ns('net') : network,
                ...(pod ? { ipc: ns('ipc'), uts: ns('uts') } : {}),
                extraHosts: [...(request.extraHosts ?? [])],
                runtime,
            });
            const readiness = request.readiness === 'none'
                ? undefined
                : (request.readiness ?? (0,probe/* imageProbe */.sp)(image.config.Healthcheck));
            const stored = {
                image: image.name,
                ...(request.entrypoint ? { entrypoint: [...request.entrypoint] } : {}),
                ...(request.command && request.command.length > 0 ? { command: [...request.command] } : {}),
                env: { ...request.env },
                volumes: (request.volumes ?? []).map((v) => ({ ...v })),
                ...(request.workdir ? { workdir: request.workdir } : {}),
                ...(request.user ? { user: request.user } : {}),
                ...(readiness ? { readiness } : {}),
                ...(request.liveness ? { liveness: request.liveness } : {}),
                ports: [...(request.ports ?? [])],
            };
            const labels = {
                [LABEL.image]: image.name,
                [LABEL.imageId]: image.image.id,
                [LABEL.network]: pod ? 'pod' : network,
                [LABEL.command]: spec.process.args.join(' '),
                [LABEL.request]: JSON.stringify(stored),
                ...(pod ? { [LABEL.pod]: pod.podId, [LABEL.podName]: pod.podName } : {}),
                ...(request.podOrder !== undefined ? { [LABEL.podOrder]: String(request.podOrder) } : {}),
                ...(request.autoremove ? { [LABEL.autoremove]: 'true' } : {}),
                ...(request.owner ? { [LABEL.owner]: request.owner } : {}),
            };
            container = await (0,core_runtime.createContainer)({
                id,
                name,
                spec,
                runtime,
                stateDir: this.stateDir,
                rootfs,
                stopSignal: stopSignalOf(image.config),
                stdio: request.stdio ?? 'pipe',
                ...(request.onOutput ? { onOutput: request.onOutput } : {}),
                labels,
                logger: this.logger,
            });
            return container;
        }
        catch (error) {
            if (!container) {
                if (rootfs)
                    await (0,core_runtime.unmountRootfs)(rootfs, { sudo: runtime.sudo }).catch(() => { });
                await this.#removeDir(id, runtime).catch(() => { });
                await (0,names/* releaseName */["do"])(this.namesDir, name, id);
            }
            throw error;
        }
    }
    /** A container by name, full ID or unique ID prefix. */
    async find(nameOrId, onOutput) {
        const byName = await (0,names/* nameOwner */.Pd)(this.namesDir, nameOrId);
        if (byName && (await this.#exists(byName))) {
            return (0,core_runtime.openContainer)(this.stateDir, byName, this.logger, onOutput);
        }
        if (/^[a-f0-9]{3,64}$/.test(nameOrId)) {
            const matches = (await (0,core_runtime.listRecords)(this.stateDir)).filter((r) => r.id.startsWith(nameOrId));
            if (matches.length === 1) {
                return (0,core_runtime.openContainer)(this.stateDir, matches[0].id, this.logger, onOutput);
            }
            if (matches.length > 1) {
                throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `"${nameOrId}" matches ${matches.length} containers; give more of the ID`);
            }
        }
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `no container "${nameOrId}"`);
    }
    /**
     * Every container's record, oldest first, without asking the runtime anything: for when
     * names and labels are enough (a pod's members), which is much cheaper than `list()`.
     */
    records(filter) {
        return (0,core_runtime.listRecords)(this.stateDir).then((records) => filter?.pod === undefined
            ? records
            : records.filter((r) => r.labels[LABEL.pod] === filter.pod));
    }
    /** Every container with its state, oldest first. */
    async list() {
        const infos = [];
        for (const record of await (0,core_runtime.listRecords)(this.stateDir)) {
            try {
                const container = await (0,core_runtime.openContainer)(this.stateDir, record.id, this.logger);
                infos.push(await this.info(container));
            }
            catch (error) {
                // Removed by another process between listing and reading: not there any more.
                if (!(0,errors/* isLighterError */.E0)(error, 'ERR_NOT_FOUND'))
                    throw error;
            }
        }
        return infos;
    }
    async info(container) {
        const labels = container.record.labels;
        const podId = labels[LABEL.pod];
        return {
            id: container.id,
            name: container.name,
            image: labels[LABEL.image] ?? '',
            imageId: labels[LABEL.imageId] ?? '',
            command: labels[LABEL.command] ?? '',
            createdAt: container.record.createdAt,
            state: await container.state(),
            ...(podId
                ? {
                    pod: {
                        id: podId,
                        name: labels[LABEL.podName] ?? podId,
                        ...(labels[LABEL.podOrder] ? { order: Number(labels[LABEL.podOrder]) } : {}),
                    },
                }
                : {}),
            network: labels[LABEL.network] ?? 'host',
            autoremove: labels[LABEL.autoremove] === 'true',
            request: storedRequest(container),
        };
    }
    /** Removes a container (a running one only with `force`, which kills it) and frees its name. */
    async remove(container, options = {}) {
        // Its exit file says "exited" without asking the runtime; anything else may be running.
        if (options.force && !(await this.#exited(container, 0))) {
            const killed = await container.kill('SIGKILL').then(() => true, () => false);
            if (killed)
                await this.#exited(container, KILL_WAIT_MS);
        }
        await container.delete({ force: !!options.force });
        await (0,names/* releaseName */["do"])(this.namesDir, container.name, container.id);
    }
    /**
     * `stop`: the stop signal (the image's StopSignal unless given), SIGKILL after `timeoutMs`,
     * and the exit code. Like the runtime's own stop, but it watches the exit file every 10 ms
     * rather than every 100, which is what a container started by another process gets there.
     */
    async stop(container, options = {}) {
        const { status } = await container.state();
        if (status === 'running' || status === 'paused') {
            await container
                .kill(options.signal ?? container.record.stopSignal)
                .catch((error) => this.logger.debug((0,errors/* errorMessage */.gJ)(error)));
            if (!(await this.#exited(container, options.timeoutMs ?? 10_000))) {
                this.logger.info(`container ${container.name} did not exit within ${options.timeoutMs ?? 10_000} ms of ${options.signal ?? container.record.stopSignal}; sending SIGKILL`);
                await container.kill('SIGKILL').catch((error) => this.logger.debug((0,errors/* errorMessage */.gJ)(error)));
                await this.#exited(container, KILL_WAIT_MS);
            }
        }
        return container.wait({ timeoutMs: KILL_WAIT_MS });
    }
    /**
     * Waits up to `timeoutMs` for the container to end: its monitor's exit file, or, when no
     * monitor is left to write one (killed, or its pod's infra process gone), the runtime no
     * longer running it. Whether it ended.
     */
    async #exited(container, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            if (await (0,exists/* pathExists */.s)(container.paths.exitFile))
                return true;
            const orphaned = !(await container.monitorAlive());
            if (orphaned) {
                const { status } = await container.state();
                if (status !== 'running' && status !== 'paused')
                    return true;
            }
            if (Date.now() >= deadline)
                return false;
            // Asking the runtime is a process each time: less often.
            await new Promise((r) => setTimeout(r, orphaned ? 50 : 10));
        }
    }
    /**
     * Removes whatever is left of container `id`, recorded or not (a process killed mid-create
     * leaves a mount and a dir without a record). No error when nothing is there.
     */
    async removeById(id) {
        try {
            const container = await (0,core_runtime.openContainer)(this.stateDir, id, this.logger);
            await this.remove(container, { force: true });
            return;
        }
        catch (error) {
            if (!(0,errors/* isLighterError */.E0)(error, 'ERR_NOT_FOUND'))
                throw error;
        }
        const runtime = await this.runtime();
        await (0,command/* runCommand */.d1)((0,command/* runtimeArgv */.rj)(runtime, (0,core_runtime.runtimeRoot)(this.stateDir, runtime.name), ['delete', '--force', id]));
        await this.#removeDir(id, runtime);
    }
    /** Removes exited auto-remove containers whose waiting process is gone (`run -d --rm`, a killed `run --rm`). */
    async reap() {
        const reaped = [];
        for (const record of await (0,core_runtime.listRecords)(this.stateDir)) {
            if (record.labels[LABEL.autoremove] !== 'true')
                continue;
            if (await (0,process_id/* isAlive */._n)(record.labels[LABEL.owner]))
                continue;
            try {
                const container = await (0,core_runtime.openContainer)(this.stateDir, record.id, this.logger);
                const status = (await container.state()).status;
                if (status !== 'exited' && status !== 'stopped')
                    continue;
                await this.remove(container);
                reaped.push(record.id);
            }
            catch (error) {
                this.logger.debug(`reaping ${record.name}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        return reaped;
    }
    /** Everything in the state dir: recorded containers, runtime strays, mounts, names. */
    async cleanup() {
        const result = await (0,core_runtime.cleanupAll)(this.stateDir, { logger: this.logger });
        await (0,promises_.rm)(this.namesDir, { recursive: true, force: true });
        return [...result.containers, ...result.strays];
    }
    async #exists(id) {
        try {
            await (0,core_runtime.openContainer)(this.stateDir, id);
            return true;
        }
        catch {
            return false;
        }
    }
    async #removeDir(id, runtime) {
        const dir = (0,core_runtime.containerPaths)(this.stateDir, id).dir;
        for (const mount of await (0,core_runtime.mountsUnder)(dir)) {
            await (0,core_runtime.unmount)(mount.mountPoint, { sudo: runtime.sudo, logger: this.logger });
        }
        if ((await (0,core_runtime.mountsUnder)(dir)).length > 0)
            return;
        await (0,command/* runCommand */.d1)((0,command/* privileged */.wt)(['rm', '-rf', '--one-file-system', '--', dir], runtime.sudo));
    }
}
/** A process ID for "this lighter process", to mark containers it waits on. */
function selfId() {
    return (0,process_id/* processId */.PA)(process.pid);
}
function storedRequest(container) {
    const text = container.record.labels[LABEL.request];
    if (text) {
        try {
            return JSON.parse(text);
        }
        catch { }
    }
    return { image: container.record.labels[LABEL.image] ?? '', env: {}, volumes: [], ports: [] };
}
function stopSignalOf(config) {
    return config.StopSignal?.trim() || 'SIGTERM';
}


/***/ }),

/***/ 3068:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ resolveImage),
/* harmony export */   M: () => (/* binding */ imageLayers)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
// The image a container starts from: found in the store, or pulled into it from its registry first.

const HEX_ID = /^(?:sha256:)?[a-f0-9]{12,64}$/;
/**
 * Finds `input` in the store (name or ID, as `Store.resolve` does); a name the store lacks is
 * pulled from its registry. Any failure is an ERR_NOT_FOUND-style error naming the image,
 * raised before anything is created.
 */
async function resolveImage(store, input, options) {
    let image;
    try {
        image = await store.resolve(input);
    }
    catch (error) {
        const missing = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLighterError */ .E0)(error, 'ERR_NOT_FOUND');
        if (!missing || options.pull === 'never' || HEX_ID.test(input))
            throw error;
        options.logger.info(`Pulling ${input} (not in the store ${store.dir})`);
        try {
            // Loaded only when pulling: the registry client and undici are most of lighter's code,
            // and a container whose image is local (the usual case) starts sooner without them.
            const { pull } = await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(7473), __webpack_require__.e(3262)]).then(__webpack_require__.bind(__webpack_require__, 3262));
            image = (await pull(store, input, {
                ...(options.registry ? { registry: options.registry } : {}),
                logger: options.logger,
            })).image;
        }
        catch (pullError) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isLighterError */ .E0)(pullError) ? pullError.code : 'ERR_NOT_FOUND', `image "${input}" is not in the store, and pulling it failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(pullError)}`, { cause: pullError });
        }
    }
    const inspected = await store.inspect(image);
    return { image, name: displayName(image, input), config: inspected.config.config ?? {} };
}
/** The overlay lower dirs (top first), unpacking what is not unpacked yet, held by `lease`. */
function imageLayers(store, image, lease) {
    return store.layerDirs(image, lease ? { lease } : {});
}
function displayName(image, input) {
    if (HEX_ID.test(input))
        return image.names[0] ?? image.id.slice(0, 12);
    return image.names.find((n) => n === input || n.endsWith(`/${input}`)) ?? image.names[0] ?? input;
}


/***/ }),

/***/ 9505:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ checkName),
/* harmony export */   K6: () => (/* binding */ reserveName),
/* harmony export */   Pd: () => (/* binding */ nameOwner),
/* harmony export */   Si: () => (/* binding */ newId),
/* harmony export */   Z2: () => (/* binding */ defaultName),
/* harmony export */   "do": () => (/* binding */ releaseName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
// Names of containers and pods: one file per name, created exclusively, so two processes never take the same name.




const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
function checkName(name, what) {
    if (!NAME.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InvalidArgumentError */ .Di(`${what} name "${name}" must be 1-128 letters, digits, '_', '.' or '-', not starting with a symbol`);
    }
}
/** A fresh ID: 64 hex digits, as podman's, shown cut to 12. */
function newId() {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(32).toString('hex');
}
/** `busybox-3fa9c1`: the image's last path part and a few hex digits, readable in log prefixes. */
function defaultName(image, id) {
    const last = image.split('@')[0]?.split('/').pop()?.split(':')[0] ?? '';
    const base = last.replace(/[^a-zA-Z0-9_.-]/g, '').replace(/^[^a-zA-Z0-9]+/, '');
    return `${base === '' || /^[a-f0-9]{12,}$/.test(base) ? 'c' : base}-${id.slice(0, 6)}`;
}
/**
 * Takes `name` for `id` in `dir` (one file a name holding the owner's ID). A name whose owner
 * is gone (`isLive` says so: a crash between reserving and recording) is taken over.
 */
async function reserveName(dir, name, id, what, isLive) {
    checkName(name, what);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(dir, { recursive: true });
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(path, id, { flag: 'wx' });
        return;
    }
    catch (error) {
        if (error.code !== 'EEXIST')
            throw error;
    }
    const owner = await nameOwner(dir, name);
    if (owner !== undefined && owner !== id && (await isLive(owner))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InvalidArgumentError */ .Di(`the ${what} name "${name}" is already in use by ${owner.slice(0, 12)}; remove that ${what} or choose another name`);
    }
    // A stale name: replace it atomically, so a racing reservation sees one owner or the other.
    const temp = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(temp, id);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
}
/** Frees `name` if `id` still holds it. */
async function releaseName(dir, name, id) {
    if ((await nameOwner(dir, name)) !== id)
        return;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.unlink)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name)).catch(() => { });
}
async function nameOwner(dir, name) {
    if (!NAME.test(name))
        return undefined;
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name), 'utf8')).trim();
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4131:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   P: () => (/* binding */ readEnvFiles),
/* harmony export */   TF: () => (/* binding */ formatPort),
/* harmony export */   Uo: () => (/* binding */ inPortRange),
/* harmony export */   pz: () => (/* binding */ parsePort),
/* harmony export */   wM: () => (/* binding */ parseVolume),
/* harmony export */   zZ: () => (/* binding */ parseEnvEntries)
/* harmony export */ });
/* unused harmony export parseEnvFileText */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// Values container commands and the run action both take (ports, volumes, env, durations), parsed one way.
//
// Each parser throws InvalidArgumentError with a message that starts at "expected …", so an
// adapter can prefix where the value came from (`flag --publish: `, `input "ports": `).


const PORT = /^(?:(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/;
/** `[IP:]HOST:CONTAINER[/tcp|/udp]`, or `PORT` for the same port on both sides. */
function parsePort(value) {
    const m = PORT.exec(value.trim());
    if (!m)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`expected [IP:]HOST:CONTAINER[/tcp|/udp], got "${value}"`);
    const hostPort = Number(m[2] ?? m[3]);
    const containerPort = Number(m[3]);
    if (!inPortRange(hostPort) || !inPortRange(containerPort)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`expected ports 1-65535, got "${value}"`);
    }
    const hostIp = m[1]?.replace(/^\[|\]$/g, '');
    return { hostIp, hostPort, containerPort, protocol: m[4] ?? 'tcp' };
}
function inPortRange(n) {
    return Number.isInteger(n) && n >= 1 && n <= 65535;
}
/** `[IP:]HOST:CONTAINER/proto`, the form `parsePort` reads and `ps` shows. */
function formatPort(port) {
    const ip = port.hostIp === undefined
        ? ''
        : port.hostIp.includes(':')
            ? `[${port.hostIp}]:`
            : `${port.hostIp}:`;
    return `${ip}${port.hostPort}:${port.containerPort}/${port.protocol}`;
}
/** `SRC:DST[:ro|rw]` with DST absolute; SRC is checked later, against the file system. */
function parseVolume(value) {
    const parts = value.split(':');
    const [source, destination, mode] = parts;
    const ok = parts.length >= 2 &&
        parts.length <= 3 &&
        source !== '' &&
        destination?.startsWith('/') &&
        (mode === undefined || mode === 'ro' || mode === 'rw');
    if (!ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`expected SRC:DST[:ro|rw] with DST absolute, got "${value}"`);
    }
    return { source: source, destination: destination, readOnly: mode === 'ro' };
}
/**
 * `KEY=VALUE` entries, or `KEY` alone to pass that variable through from `from` (left out when
 * unset there, as Docker does). Later entries win.
 */
function parseEnvEntries(values, from = {}) {
    const result = new Map();
    for (const item of values) {
        const eq = item.indexOf('=');
        const key = eq < 0 ? item : item.slice(0, eq);
        if (key === '' || /\s/.test(key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`expected KEY=VALUE or KEY, got "${item}"`);
        }
        if (eq >= 0)
            result.set(key, item.slice(eq + 1));
        else {
            const inherited = from[key];
            if (inherited !== undefined)
                result.set(key, inherited);
        }
    }
    return result;
}
/** An env file as Docker reads it: `KEY=VALUE` or `KEY` lines; blank lines and `#` comments skipped. */
function parseEnvFileText(text, from = {}) {
    const lines = text
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s+/, ''))
        .filter((line) => line !== '' && !line.startsWith('#'));
    return parseEnvEntries(lines, from);
}
/** Reads `--env-file` files in order; a missing file is an error before anything starts. */
async function readEnvFiles(paths, from = {}) {
    const env = new Map();
    for (const path of paths) {
        let text;
        try {
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`reading env file ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
        try {
            for (const [k, v] of parseEnvFileText(text, from))
                env.set(k, v);
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`reading env file ${path}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
    }
    return env;
}
const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;
/** `30` (seconds), `1.5`, `30s`, `500ms`, `5m`, `1h30m`, in seconds; zero or less is refused. */
function parseDuration(value) {
    const text = value.trim();
    let seconds = Number.NaN;
    if (/^\d+(?:\.\d+)?$/.test(text))
        seconds = Number(text);
    else {
        const m = DURATION.exec(text);
        if (m && text !== '' && (m[1] ?? m[2] ?? m[3] ?? m[4]) !== undefined) {
            seconds =
                Number(m[1] ?? 0) * 3600 +
                    Number(m[2] ?? 0) * 60 +
                    Number(m[3] ?? 0) +
                    Number(m[4] ?? 0) / 1000;
        }
    }
    if (Number.isNaN(seconds)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`expected a duration such as 30s, 5m or 1h30m, got "${value}"`);
    }
    if (!(seconds > 0))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`expected a duration above zero, got "${value}"`);
    return seconds;
}


/***/ }),

/***/ 5299:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T2: () => (/* binding */ parseHealthCommand),
/* harmony export */   cn: () => (/* binding */ describeCheck),
/* harmony export */   dy: () => (/* binding */ probe),
/* harmony export */   k_: () => (/* binding */ runCheck),
/* harmony export */   sp: () => (/* binding */ imageProbe)
/* harmony export */ });
/* unused harmony exports PROBE_DEFAULTS, httpCheck */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4131);
// Readiness and liveness checks of a container: a command run inside it, a TCP connect, an HTTP GET.
//
// Where a TCP or HTTP check connects depends on the container's network: a pod's namespace is
// reached through its agent, the host's directly. So checks take a `connect` function and know
// nothing about namespaces.


/** Docker's defaults for a HEALTHCHECK without options. */
const PROBE_DEFAULTS = {
    intervalMs: 30_000,
    timeoutMs: 30_000,
    retries: 3,
    startPeriodMs: 0,
    delayMs: 0,
};
function probe(check, timing = {}) {
    const defined = Object.fromEntries(Object.entries(timing).filter(([, v]) => v !== undefined));
    return { ...PROBE_DEFAULTS, ...defined, check };
}
/**
 * A `--health-cmd` value: `none`; `tcp://[HOST]:PORT` or `tcp:PORT`; an `http://` or `https://`
 * URL; a JSON array (`["CMD", "pg_isready"]` or plain argv); else a shell command.
 */
function parseHealthCommand(text) {
    const value = text.trim();
    if (value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidArgumentError */ .Di('expected a health command, got ""');
    if (value.toLowerCase() === 'none')
        return 'none';
    const tcp = /^tcp:(?:\/\/)?(?:(\[[0-9a-fA-F:]+\]|[^:/\s]+)?:)?(\d+)\/?$/.exec(value);
    if (tcp)
        return { kind: 'tcp', port: port(tcp[2], value), ...host(tcp[1]) };
    if (/^https?:\/\//.test(value))
        return httpCheck(value);
    if (value.startsWith('[')) {
        let argv;
        try {
            argv = JSON.parse(value);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidArgumentError */ .Di(`expected a JSON array of strings, got ${value}`);
        }
        if (!Array.isArray(argv) || argv.length === 0 || !argv.every((a) => typeof a === 'string')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidArgumentError */ .Di(`expected a JSON array of strings, got ${value}`);
        }
        return fromTest(argv) ?? { kind: 'exec', command: argv };
    }
    return { kind: 'exec', command: ['/bin/sh', '-c', value] };
}
/** `http://localhost:8080/health` as a check. */
function httpCheck(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidArgumentError */ .Di(`expected an http:// or https:// URL, got "${url}"`);
    }
    const scheme = parsed.protocol === 'https:' ? 'https' : parsed.protocol === 'http:' ? 'http' : undefined;
    if (!scheme)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidArgumentError */ .Di(`expected an http:// or https:// URL, got "${url}"`);
    const portText = parsed.port || (scheme === 'https' ? '443' : '80');
    return {
        kind: 'http',
        scheme,
        port: port(portText, url),
        path: `${parsed.pathname}${parsed.search}`,
        ...host(parsed.hostname),
    };
}
/** The image's HEALTHCHECK (durations in nanoseconds), or undefined for none. */
function imageProbe(health) {
    const check = fromTest(health?.Test ?? []);
    if (!check || !health)
        return undefined;
    const ms = (ns) => (ns && ns > 0 ? Math.round(ns / 1e6) : undefined);
    return probe(check, {
        intervalMs: ms(health.Interval) ?? PROBE_DEFAULTS.intervalMs,
        timeoutMs: ms(health.Timeout) ?? PROBE_DEFAULTS.timeoutMs,
        retries: health.Retries && health.Retries > 0 ? health.Retries : PROBE_DEFAULTS.retries,
        startPeriodMs: ms(health.StartPeriod) ?? 0,
    });
}
/** Docker's Test forms: `["CMD", argv…]`, `["CMD-SHELL", "cmd"]`; `["NONE"]` and `[]` are none. */
function fromTest(test) {
    const [kind, ...rest] = test;
    if (kind === 'CMD' && rest.length > 0)
        return { kind: 'exec', command: rest };
    if (kind === 'CMD-SHELL' && rest.length > 0) {
        return { kind: 'exec', command: ['/bin/sh', '-c', rest.join(' ')] };
    }
    return undefined;
}
function port(text, whole) {
    const n = Number(text);
    if (!(0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .inPortRange */ .Uo)(n))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidArgumentError */ .Di(`expected a port 1-65535 in "${whole}"`);
    return n;
}
function host(name) {
    if (name === undefined || name === '')
        return {};
    return { host: name.replace(/^\[|\]$/g, '') };
}
/** A short description for logs and `ps`: `tcp :5432`, `http :8080/health`, `exec pg_isready`. */
function describeCheck(check) {
    switch (check.kind) {
        case 'exec':
            return check.command[0] === '/bin/sh' && check.command[1] === '-c'
                ? `exec ${check.command.slice(2).join(' ')}`
                : `exec ${check.command.join(' ')}`;
        case 'tcp':
            return `tcp ${check.host ?? ''}:${check.port}`;
        case 'http':
            return `${check.scheme} ${check.host ?? ''}:${check.port}${check.path}`;
    }
}
/** Runs one check once, within the probe's timeout; never rejects. */
async function runCheck(check, timeoutMs, io) {
    try {
        switch (check.kind) {
            case 'exec': {
                const r = await io.exec(check.command, timeoutMs);
                const output = `${r.stdout}${r.stderr}`.trim().split('\n').pop() ?? '';
                return {
                    ok: r.exitCode === 0,
                    detail: `exit code ${r.exitCode}${output ? `: ${output}` : ''}`,
                };
            }
            case 'tcp': {
                const host = check.host === 'localhost' ? undefined : check.host;
                const socket = await withTimeout(io.connect(check.port, host), timeoutMs, 'connect');
                socket.destroy();
                return { ok: true, detail: 'connected' };
            }
            case 'http': {
                const status = await withTimeout(httpStatus(check, io.connect), timeoutMs, 'request');
                return { ok: status >= 200 && status < 400, detail: `HTTP ${status}` };
            }
        }
    }
    catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
}
async function httpStatus(check, connect) {
    // Loaded when first needed: most containers never get an HTTP check.
    const { request: httpRequest } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 19));
    const { connect: tlsConnect } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1692, 19));
    // `localhost` may resolve to ::1 first, where an IPv4-only server does not listen.
    const raw = await connect(check.port, check.host === 'localhost' ? undefined : check.host);
    const socket = check.scheme === 'https'
        ? // Kubernetes does not verify a probe's certificate either: it checks liveness, not identity.
            tlsConnect({ socket: raw, rejectUnauthorized: false, servername: 'localhost' })
        : raw;
    const hostHeader = `${check.host ?? 'localhost'}:${check.port}`;
    return new Promise((resolve, reject) => {
        const req = httpRequest({
            method: 'GET',
            path: check.path || '/',
            headers: { Host: hostHeader, 'User-Agent': 'lighter-probe', Connection: 'close' },
            createConnection: () => socket,
        }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
            socket.destroy();
        });
        // Connections from a pod's agent come paused, so no byte is lost before a reader is there.
        req.on('socket', (s) => s.resume());
        req.on('error', (error) => {
            socket.destroy();
            reject(error);
        });
        req.end();
    });
}
function withTimeout(promise, ms, what) {
    let timer;
    let late = false;
    // A connection that arrives after we gave up must not stay open.
    promise.then((value) => {
        if (late)
            value.destroy?.();
    }, () => { });
    return Promise.race([
        promise,
        new Promise((_, reject) => {
            timer = setTimeout(() => {
                late = true;
                reject(new Error(`${what} timed out after ${ms} ms`));
            }, ms);
        }),
    ]).finally(() => clearTimeout(timer));
}


/***/ }),

/***/ 7206:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ checkVolumeSources)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6512);
// Bind-mount sources checked before anything is created: a missing host path is the caller's mistake, reported as such.



/** Fails with ERR_INVALID_ARGUMENT naming the first volume whose host path does not exist. */
async function checkVolumeSources(volumes) {
    for (const volume of volumes) {
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(volume.source));
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidArgumentError */ .Di(`volume ${volume.source}:${volume.destination}: the host path ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(volume.source)} does not exist`);
        }
    }
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


/***/ })

};
