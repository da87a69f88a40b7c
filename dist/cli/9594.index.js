export const id = 9594;
export const ids = [9594];
export const modules = {

/***/ 9594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   logs: () => (/* binding */ logs),
/* harmony export */   printer: () => (/* binding */ printer),
/* harmony export */   tailEntries: () => (/* binding */ tailEntries)
/* harmony export */ });
/* harmony import */ var _core_pod_ready_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2324);
/* harmony import */ var _core_run_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7377);
/* harmony import */ var _core_runtime_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5951);
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(786);
// `lighter logs CONTAINER`: a container's captured stdout and stderr.




async function logs(args, ctx) {
    const request = {
        container: args.positionals[0],
        follow: args.boolean('follow'),
        timestamps: args.boolean('timestamps'),
        tail: args.has('tail') ? args.integer('tail', 0, { min: 0 }) : undefined,
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const engine = (0,_container_options_js__WEBPACK_IMPORTED_MODULE_3__/* .engineFor */ .Ec)(args, ctx);
    const container = await engine.find(request.container);
    const path = container.record.logPath;
    const print = printer(ctx, request.timestamps ? (entry) => `${entry.time} ` : () => '');
    const joiner = new _core_run_index_js__WEBPACK_IMPORTED_MODULE_1__/* .LineJoiner */ .Qh(print);
    let entries = await (0,_core_runtime_index_js__WEBPACK_IMPORTED_MODULE_2__.readLogs)(path);
    const shown = entries.length;
    if (request.tail !== undefined)
        entries = tailEntries(entries, request.tail);
    for (const entry of entries)
        joiner.push(entry);
    if (request.follow) {
        const exited = (0,_core_pod_ready_js__WEBPACK_IMPORTED_MODULE_0__/* .exitedFor */ .Jz)(container);
        let skipped = 0;
        for await (const entry of (0,_core_runtime_index_js__WEBPACK_IMPORTED_MODULE_2__.followLogs)(path, {
            done: async () => (await exited()) !== undefined,
            pollMs: 100,
        })) {
            // followLogs reads the file from its start: what was shown above is not shown twice.
            if (skipped < shown) {
                skipped++;
                continue;
            }
            joiner.push(entry);
        }
    }
    joiner.flush();
    return 0;
}
/** Writes stdout lines to stdout and stderr lines to stderr, each with `prefix(entry)` in front. */
function printer(ctx, prefix) {
    return (stream, line, entry) => {
        const text = `${prefix(entry)}${line}`;
        if (stream === 'stdout')
            ctx.out(text);
        else
            ctx.logger.info(text);
    };
}
/** The entries that make up the last `count` whole lines. */
function tailEntries(entries, count) {
    if (count === 0)
        return [];
    let lines = 0;
    let i = entries.length;
    while (i > 0) {
        const entry = entries[i - 1];
        // A full entry ends a line; the partial pieces before it belong to that same line.
        if (!entry.partial) {
            if (lines === count)
                break;
            lines++;
        }
        i--;
    }
    return entries.slice(i);
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
