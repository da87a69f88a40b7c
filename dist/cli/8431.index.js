export const id = 8431;
export const ids = [8431];
export const modules = {

/***/ 1642:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ openMonitor),
/* harmony export */   z: () => (/* binding */ connectInPod)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
// The host's side of the infra process's unix socket (see infra.ts): connections to ports inside the pod, and hosted monitors.

/**
 * A socket connected to `host:port` (default 127.0.0.1) inside the pod whose agent listens on
 * `socketPath`. Rejects with the agent's reason (`ECONNREFUSED`) when nothing listens there.
 * The socket comes paused, so no byte is lost before the caller reads: resume it.
 */
function connectInPod(socketPath, port, host) {
    return new Promise((resolve, reject) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ path: socketPath, allowHalfOpen: true });
        let head = Buffer.alloc(0);
        const fail = (error) => {
            socket.destroy();
            reject(error);
        };
        socket.once('error', fail);
        socket.once('connect', () => socket.write(`${port}${host ? ` ${host}` : ''}\n`));
        const onData = (chunk) => {
            head = Buffer.concat([head, chunk]);
            const newline = head.indexOf(10);
            if (newline < 0)
                return;
            socket.off('data', onData);
            socket.off('end', onEnd);
            socket.pause();
            const line = head.subarray(0, newline).toString('utf8');
            if (!line.startsWith('+')) {
                fail(new Error(`connecting to ${host ?? '127.0.0.1'}:${port} in the pod: ${line.slice(1) || 'refused'}`));
                return;
            }
            socket.off('error', fail);
            const rest = head.subarray(newline + 1);
            if (rest.length > 0)
                socket.unshift(rest);
            resolve(socket);
        };
        const onEnd = () => fail(new Error(`connecting to ${host ?? '127.0.0.1'}:${port} in the pod: the pod's agent closed the connection`));
        socket.on('data', onData);
        socket.once('end', onEnd);
    });
}
/**
 * Has the infra process listening on `socketPath` run a container's monitor (config at
 * `configPath`); resolves once it runs, with the line its messages come through (which keeps
 * this process alive until unref'd).
 */
function openMonitor(socketPath, configPath, onMessage) {
    return new Promise((resolve, reject) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ path: socketPath });
        let accepted = false;
        let text = '';
        const closed = new Promise((done) => socket.once('close', () => done()));
        const link = {
            closed,
            close: () => socket.destroy(),
            ref: () => socket.ref(),
            unref: () => socket.unref(),
        };
        const accept = () => {
            if (accepted)
                return;
            accepted = true;
            resolve(link);
        };
        socket.once('error', (error) => {
            if (!accepted)
                reject(new Error(`the pod's infra process does not answer: ${error.message}`));
        });
        socket.once('connect', () => socket.write(`monitor ${configPath}\n`));
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => {
            text += chunk;
            for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n')) {
                const line = text.slice(0, newline);
                text = text.slice(newline + 1);
                const message = JSON.parse(line);
                if (message.type === 'error') {
                    socket.destroy();
                    reject(new Error(`the pod's infra process: ${message.message}`));
                    return;
                }
                accept();
                if (message.type !== 'monitoring')
                    onMessage(message);
            }
        });
        socket.once('close', () => {
            if (!accepted)
                reject(new Error("the pod's infra process closed the connection"));
        });
    });
}


/***/ }),

/***/ 6977:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DE: () => (/* binding */ startForwarder),
/* harmony export */   _5: () => (/* binding */ bindPorts),
/* harmony export */   hE: () => (/* binding */ closeServers)
/* harmony export */ });
/* unused harmony exports forwarderScript, forwarderMain */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6512);
// The host side of a pod's published ports: a detached Node process accepting on HOST ports and relaying into the pod.
//
// lighter binds every host port itself first, so a port already in use fails at once, before
// anything is started; it then hands the listening sockets to this process over IPC (Node
// passes a server's handle to a child) and lets go. For each connection the forwarder asks the
// pod's agent (infra.ts) for `CONTAINER_PORT` over its unix socket and relays bytes both ways,
// half-closes included. The forwarder lives until `pod rm` ends it; it needs no privileges.




function forwarderScript() {
    return `(${forwarderMain.toString()})(process.argv[process.argv.length - 1]);\n`;
}
/** Self-contained: runs in its own Node process from its source text. */
function forwarderMain(configPath) {
    const fs = process.getBuiltinModule('node:fs');
    const net = process.getBuiltinModule('node:net');
    const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    process.on('SIGINT', () => { });
    process.on('SIGHUP', () => { });
    process.on('SIGTERM', () => process.exit(0));
    process.on('uncaughtException', (error) => {
        try {
            fs.appendFileSync(config.errorLog, `${new Date().toISOString()} ${String(error?.stack ?? error)}\n`);
        }
        catch { }
    });
    fs.writeFileSync(config.pidFile, `${process.pid}\n`);
    const servers = [];
    const send = (message) => {
        if (process.connected && process.send)
            process.send(message);
    };
    process.on('message', (message, handle) => {
        if (message.type === 'listen' && handle) {
            const server = handle;
            // Read by Node at each accept: the relayed connections must keep half-closes and hold
            // their first bytes until the pod side is connected.
            server.allowHalfOpen = true;
            server.pauseOnConnect = true;
            server.on('connection', (client) => forward(client, message.containerPort));
            server.on('error', () => { });
            servers.push(server);
            send({ type: 'listening', hostPort: message.hostPort });
        }
        else if (message.type === 'done') {
            send({ type: 'ready', pid: process.pid });
        }
    });
    // lighter disconnects once it has handed over every port; the servers keep this process up.
    process.on('disconnect', () => { });
    function forward(client, port) {
        client.on('error', () => client.destroy());
        const agent = net.connect({ path: config.socket, allowHalfOpen: true });
        let head = Buffer.alloc(0);
        let connected = false;
        agent.on('error', () => {
            agent.destroy();
            client.destroy();
        });
        agent.once('connect', () => agent.write(`${port}\n`));
        const onData = (chunk) => {
            head = Buffer.concat([head, chunk]);
            const newline = head.indexOf(10);
            if (newline < 0)
                return;
            agent.off('data', onData);
            if (head[0] !== 43 /* + */) {
                // Nothing listens on that port in the pod: the client sees a closed connection.
                agent.destroy();
                client.destroy();
                return;
            }
            connected = true;
            const rest = head.subarray(newline + 1);
            if (rest.length > 0)
                client.write(rest);
            agent.pipe(client);
            client.pipe(agent);
            client.resume();
        };
        agent.on('data', onData);
        agent.on('close', () => {
            if (connected)
                client.end();
            else
                client.destroy();
        });
        client.on('close', () => agent.destroy());
    }
}
/**
 * Binds every published port on the host, now: a port in use fails here (ERR_INVALID_ARGUMENT
 * naming it) with nothing started. The caller hands the servers to `startForwarder` or closes them.
 */
async function bindPorts(ports) {
    const servers = [];
    try {
        for (const port of ports) {
            if (port.protocol !== 'tcp') {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `publishing ${port.hostPort}/${port.protocol}: only TCP ports can be published`);
            }
            const server = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.createServer)();
            // Connections accepted before the hand-over have nobody to serve them.
            server.on('connection', (socket) => socket.destroy());
            await new Promise((resolve, reject) => {
                server.once('error', (error) => {
                    const where = `${port.hostIp ?? '0.0.0.0'}:${port.hostPort}`;
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_INVALID_ARGUMENT', error.code === 'EADDRINUSE'
                        ? `publishing port ${where}: it is already in use on the host`
                        : `publishing port ${where}: ${error.message}`));
                });
                server.listen({ port: port.hostPort, ...(port.hostIp ? { host: port.hostIp } : {}) }, resolve);
            });
            servers.push(server);
        }
        return servers;
    }
    catch (error) {
        await closeServers(servers);
        throw error;
    }
}
async function closeServers(servers) {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve()))));
}
/** Starts the forwarder, hands it the bound ports and returns its PID once it serves them all. */
async function startForwarder(options) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(options.configPath, JSON.stringify(options.config));
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, ['-e', forwarderScript(), options.configPath], {
        detached: true,
        stdio: ['ignore', options.logFd, options.logFd, 'ipc'],
        env,
    });
    try {
        const pid = await new Promise((resolve, reject) => {
            let pending = options.ports.length;
            const timer = setTimeout(() => reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_TIMEOUT', 'starting the port forwarder: no answer in 30 s')), 30_000);
            child.once('error', (error) => {
                clearTimeout(timer);
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_RUNTIME', `starting the port forwarder: ${error.message}`));
            });
            child.once('exit', (code) => {
                clearTimeout(timer);
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LighterError */ .Kt('ERR_RUNTIME', `the port forwarder exited (${code}) while starting`));
            });
            child.on('message', (message) => {
                if (message.type === 'listening' && --pending === 0)
                    child.send({ type: 'done' });
                if (message.type === 'ready') {
                    clearTimeout(timer);
                    resolve(message.pid);
                }
            });
            options.ports.forEach((port, i) => {
                const message = {
                    type: 'listen',
                    containerPort: port.containerPort,
                    hostPort: port.hostPort,
                };
                child.send(message, options.servers[i]);
            });
            if (options.ports.length === 0)
                child.send({ type: 'done' });
        });
        return pid;
    }
    catch (error) {
        child.kill('SIGKILL');
        throw error;
    }
    finally {
        await closeServers(options.servers);
        child.removeAllListeners('exit');
        if (child.connected)
            child.disconnect();
        child.unref();
    }
}


/***/ }),

/***/ 8431:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ Pods)
});

// UNUSED EXPORTS: Pod

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/fs/exists.js
var exists = __webpack_require__(4127);
// EXTERNAL MODULE: ./.build/src/core/run/engine.js + 1 modules
var engine = __webpack_require__(4538);
// EXTERNAL MODULE: ./.build/src/core/run/names.js
var names = __webpack_require__(9505);
// EXTERNAL MODULE: ./.build/src/core/runtime/command.js
var command = __webpack_require__(61);
// EXTERNAL MODULE: ./.build/src/core/runtime/index.js + 12 modules
var runtime = __webpack_require__(5951);
// EXTERNAL MODULE: ./.build/src/core/runtime/process-id.js
var process_id = __webpack_require__(9159);
// EXTERNAL MODULE: ./.build/src/core/pod/agent.js
var agent = __webpack_require__(1642);
// EXTERNAL MODULE: ./.build/src/core/pod/forwarder.js
var pod_forwarder = __webpack_require__(6977);
;// CONCATENATED MODULE: ./.build/src/core/pod/infra.js
// A pod's infra process: holds its network, IPC and UTS namespaces, and is the agent that connects into them.
//
// Started as `[sudo -n] unshare --net --ipc --uts -- node -e <infraMain> CONFIG`: unshare makes
// the namespaces and execs Node in them, so the Node process is both the holder of the
// namespaces (containers join `/proc/PID/ns/{net,ipc,uts}`, as podman's pause process) and
// the agent: it listens on a unix socket in the pod's dir, and for each connection reads one
// line, `PORT [HOST]`, connects to HOST:PORT (default 127.0.0.1) inside the pod, answers `+`
// and then relays bytes both ways (or `-REASON` and closes). Unix sockets live in the file
// system, not in a network namespace, so anything on the host reaches the pod's ports through
// it: the host-side port forwarder, and lighter's TCP and HTTP readiness checks. One Node
// process instead of a sleeper plus an `nsenter`-ed agent, and nothing needs CNI or IP addresses.
//
// It also hosts the monitors of the pod's detached containers (the runtime's MonitorService):
// the line `monitor CONFIG` has it run the runtime's `monitorMain` on that config, in itself,
// and send the monitor's messages back as JSON lines until the monitor ends. A container then
// starts without a Node process of its own (about 35 ms each), and its monitor lives as long as
// the pod, which its containers cannot outlive anyway. Only the socket's owner can ask: the
// pod's dir is private to them.
//
// Like the runtime's monitor, the function is run from its source with `node -e`: it imports
// nothing, so bundles need no extra file; the monitor's source is passed in beside it.

function infraScript() {
    return `(${infraMain.toString()})(process.argv[process.argv.length - 1], ${runtime.monitorMain.toString()});\n`;
}
/** Self-contained: runs in its own Node process from its source text. */
function infraMain(configPath, monitor) {
    const fs = process.getBuiltinModule('node:fs');
    const net = process.getBuiltinModule('node:net');
    const childProcess = process.getBuiltinModule('node:child_process');
    const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    // Our own session: a terminal's signals are not for the pod. SIGTERM ends it (pod rm).
    process.on('SIGINT', () => { });
    process.on('SIGHUP', () => { });
    process.on('uncaughtException', (error) => {
        try {
            fs.appendFileSync(config.errorLog, `${new Date().toISOString()} ${String(error?.stack ?? error)}\n`);
        }
        catch { }
    });
    let reported = false;
    const report = (line) => {
        if (reported)
            return;
        reported = true;
        // lighter reads this one line and closes the pipe; nothing may be written after it.
        try {
            process.stdout.write(`${line}\n`);
        }
        catch { }
    };
    const fail = (message) => {
        report(`error ${message.replace(/\s+/g, ' ')}`);
        process.exit(1);
    };
    process.stdout.on('error', () => { });
    fs.writeFileSync(config.pidFile, `${process.pid}\n`);
    try {
        fs.writeFileSync('/proc/sys/kernel/hostname', config.hostname);
    }
    catch (error) {
        fail(`setting the hostname: ${String(error)}`);
    }
    const ip = childProcess.spawnSync(config.ip, ['link', 'set', 'lo', 'up'], { encoding: 'utf8' });
    if (ip.status !== 0)
        fail(`bringing up lo with ${config.ip}: ${ip.stderr || String(ip.error)}`);
    try {
        fs.unlinkSync(config.socket);
    }
    catch { }
    const server = net.createServer({ allowHalfOpen: true }, relay);
    server.on('error', (error) => fail(`listening on ${config.socket}: ${error.message}`));
    server.listen(config.socket, () => {
        // The socket's dir is private to its owner; the socket itself must take the user's
        // connections when this runs as root through sudo.
        fs.chmodSync(config.socket, 0o666);
        fs.writeFileSync(config.readyFile, `${process.pid}\n`);
        report(`ready ${process.pid}`);
    });
    process.on('SIGTERM', () => {
        server.close();
        process.exit(0);
    });
    function relay(client) {
        let head = Buffer.alloc(0);
        client.on('error', () => client.destroy());
        const onData = (chunk) => {
            head = Buffer.concat([head, chunk]);
            const newline = head.indexOf(10);
            if (newline < 0) {
                if (head.length > 256)
                    client.destroy();
                return;
            }
            client.off('data', onData);
            client.pause();
            const line = head.subarray(0, newline).toString('utf8').trim();
            if (line.startsWith('monitor ')) {
                hostMonitor(client, line.slice('monitor '.length));
                return;
            }
            const [portText, host] = line.split(/\s+/);
            const rest = head.subarray(newline + 1);
            const port = Number(portText);
            if (!Number.isInteger(port) || port < 1 || port > 65535) {
                client.end('-bad port\n');
                return;
            }
            let connected = false;
            const target = net.connect({ port, host: host || '127.0.0.1', allowHalfOpen: true });
            target.once('connect', () => {
                connected = true;
                client.write('+\n');
                if (rest.length > 0)
                    target.write(rest);
                target.pipe(client);
                client.pipe(target);
                client.resume();
            });
            target.on('error', (error) => {
                if (!connected)
                    client.end(`-${error.code ?? error.message}\n`);
                else
                    client.destroy();
                target.destroy();
            });
            // Fully closed on one side: nothing more can reach the other, which ends after its writes.
            target.on('close', () => {
                if (connected)
                    client.end();
            });
            client.on('close', () => target.destroy());
        };
        client.on('data', onData);
    }
    function hostMonitor(client, monitorConfig) {
        if (!monitorConfig.startsWith('/')) {
            client.end(`${JSON.stringify({ type: 'error', message: 'the config path must be absolute' })}\n`);
            return;
        }
        // The monitor runs on when lighter goes: its messages are then dropped.
        let open = true;
        client.on('close', () => {
            open = false;
        });
        client.resume();
        try {
            // monitorMain returns once the runtime is spawned; its messages may come before this.
            monitor(monitorConfig, {
                send: (message) => {
                    if (!open)
                        return;
                    client.write(`${JSON.stringify(message)}\n`);
                    if (message.type === 'exit')
                        client.end();
                },
            });
            // Unless the runtime could not even be spawned: then its exit has ended the connection.
            if (open && !client.writableEnded)
                client.write('{"type":"monitoring"}\n');
        }
        catch (error) {
            // An unreadable config: nothing was started.
            client.end(`${JSON.stringify({ type: 'error', message: String(error) })}\n`);
        }
    }
}

;// CONCATENATED MODULE: ./.build/src/core/pod/outbound.js
// Outbound networking for a pod: slirp4netns, when installed, gives its namespace a route to the world.
//
// A pod's own network namespace has loopback only (no CNI, no bridge, no IP addressing of
// ours), which is all its services need to reach each other, but a test container that runs
// `npm ci` needs the internet. slirp4netns, as rootless podman uses it, adds a tap device
// with 10.0.2.100 and a default route, and relays connections from a user-space TCP/IP stack
// in the host's namespace: no privileges on the host's network, nothing to clean up but the
// process. `--disable-host-loopback` keeps the host's 127.0.0.1 services out of reach.
// Without slirp4netns, pods stay loopback-only and say so once.






const READY_TIMEOUT_MS = 5000;
/**
 * Starts slirp4netns for the pod whose infra process is `infraPid`; resolves once the pod has
 * a default route, or undefined (with a warning) when it cannot: the pod then has loopback only.
 */
async function startOutbound(dir, infraPid, sudo, logFd, logger) {
    const slirp = (0,runtime.findExecutable)('slirp4netns');
    if (!slirp) {
        logger.debug('slirp4netns is not installed: the pod has loopback only, no outbound network');
        return undefined;
    }
    // The API socket is unused; its path puts the pod's dir in the command line, which is how
    // cleanup tells this process from a stranger that reused its PID.
    const argv = (0,command/* privileged */.wt)([
        slirp,
        '--configure',
        '--mtu=65520',
        '--disable-host-loopback',
        `--api-socket=${(0,external_node_path_.join)(dir, 'slirp.sock')}`,
        String(infraPid),
        'tap0',
    ], sudo);
    const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
        detached: true,
        stdio: ['ignore', logFd, logFd],
    });
    child.unref();
    // Written before anything can fail: a lighter killed from here on leaves a file that
    // cleanup finds the process by (it outlives the pod's infra process otherwise).
    if (child.pid !== undefined)
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'slirp.pid'), `${child.pid}\n`);
    const exited = new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.once('error', () => resolve());
    });
    const id = child.pid === undefined ? undefined : await (0,process_id/* processId */.PA)(child.pid);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let gone = false;
    void exited.then(() => {
        gone = true;
    });
    while (!gone && Date.now() < deadline) {
        if (await hasDefaultRoute(infraPid))
            return id;
        await new Promise((r) => setTimeout(r, 5));
    }
    await (0,process_id/* endProcess */.JZ)(id, sudo);
    logger.warn(`slirp4netns did not give the pod a route out (${gone ? 'it exited' : 'no route after 5 s'}; see ${(0,external_node_path_.join)(dir, 'infra.log')}): the pod has loopback only`);
    return undefined;
}
/** The namespace of `pid` has a default IPv4 route (what `--configure` adds last). */
async function hasDefaultRoute(pid) {
    try {
        const routes = await (0,promises_.readFile)(`/proc/${pid}/net/route`, 'utf8');
        return routes.split('\n').some((line) => line.split('\t')[1] === '00000000');
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/pod/pod.js
// Pods: containers sharing one network, IPC and UTS namespace held by an infra process, with ports published to the host.
//
// A pod's processes: the infra process (holds the namespaces, is the agent, and hosts the
// monitors of the pod's detached containers: infra.ts), the port forwarder when ports are
// published (forwarder.ts), and slirp4netns when installed, for a route out (outbound.ts). Each
// is recorded, and each finds its way into a PID file at once, so a lighter killed while
// creating a pod still leaves nothing cleanup cannot find.
//
// On disk, `<stateDir>/pods/<first 16 hex of the ID>/` holds pod.json (the record), the infra
// process's config, PID and ready files, log and agent socket (a short dir name keeps the
// socket path under the 108 bytes a unix socket allows), the forwarder's, and emptyDir volumes.
// `<stateDir>/pod-names/<name>` holds the ID a name points at.














const INFRA_TIMEOUT_MS = 30_000;
class Pod {
    record;
    dir;
    constructor(record, dir) {
        this.record = record;
        this.dir = dir;
    }
    get id() {
        return this.record.id;
    }
    get name() {
        return this.record.name;
    }
    get socket() {
        return (0,external_node_path_.join)(this.dir, 'agent.sock');
    }
    /**
     * Waits until the infra process has set up the pod's namespaces and its socket listens (pod
     * create returns before that, as root); fails with its reason when it ended instead.
     */
    async ready(timeoutMs = INFRA_TIMEOUT_MS) {
        const readyFile = (0,external_node_path_.join)(this.dir, 'infra.ready');
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const alive = await (0,process_id/* isAlive */._n)(this.record.infra);
            if (await (0,exists/* pathExists */.s)(readyFile)) {
                if (alive)
                    return;
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `pod ${this.name} is not running (its infra process is gone)`);
            }
            if (!alive) {
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `pod ${this.name}: its infra process failed: ${await infraFailure(this.dir)}`);
            }
            if (Date.now() > deadline) {
                throw new errors/* LighterError */.Kt('ERR_TIMEOUT', `pod ${this.name}: its infra process was not ready after ${timeoutMs} ms`);
            }
            await new Promise((resolve) => setTimeout(resolve, 2));
        }
    }
    /** What a container needs to join the pod; fails when the infra process is gone. */
    async namespaces() {
        const infra = this.record.infra;
        if (!infra || !(await (0,process_id/* isAlive */._n)(infra))) {
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', `pod ${this.name} is not running (its infra process is gone)`);
        }
        return { podId: this.id, podName: this.name, infraPid: Number(infra.split('@')[0]) };
    }
    /**
     * The infra process as the monitor of the pod's containers: they start without a monitor
     * process of their own (`container.start({ supervise: pod.monitors() })`).
     */
    monitors() {
        const infra = this.record.infra;
        if (!infra)
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', `pod ${this.name} has no infra process yet`);
        return {
            process: infra,
            elevated: this.record.sudo,
            open: (configPath, onMessage) => (0,agent/* openMonitor */.V)(this.socket, configPath, onMessage),
        };
    }
    /** A TCP connection to `host:port` (default 127.0.0.1) inside the pod, through its agent. */
    connect(port, host) {
        return (0,agent/* connectInPod */.z)(this.socket, port, host);
    }
    async status() {
        if (!this.record.infra)
            return 'creating';
        return (await (0,process_id/* isAlive */._n)(this.record.infra)) ? 'running' : 'exited';
    }
}
/** The pods of one state dir, over the engine that runs their containers. */
class Pods {
    engine;
    constructor(engine) {
        this.engine = engine;
    }
    get podsDir() {
        return (0,external_node_path_.join)(this.engine.stateDir, 'pods');
    }
    get namesDir() {
        return (0,external_node_path_.join)(this.engine.stateDir, 'pod-names');
    }
    dirOf(id) {
        return (0,external_node_path_.join)(this.podsDir, id.slice(0, 16));
    }
    /**
     * Creates a pod and starts its infra process (and the port forwarder when ports are
     * published). Ports are bound first, so one in use fails before anything runs; on any
     * failure nothing is left behind.
     */
    async create(options = {}) {
        const runtime = await this.engine.runtime();
        const id = options.id ?? (0,names/* newId */.Si)();
        const name = options.name ?? `pod-${id.slice(0, 6)}`;
        (0,names/* checkName */.I3)(name, 'pod');
        const tools = requireTools();
        const named = options.owner === undefined;
        if (named)
            await (0,names/* reserveName */.K6)(this.namesDir, name, id, 'pod', (owner) => this.#exists(owner));
        let servers = [];
        const dir = this.dirOf(id);
        const record = {
            version: 1,
            id,
            name,
            createdAt: new Date().toISOString(),
            ports: [...(options.ports ?? [])],
            sudo: runtime.sudo,
            ...(options.owner ? { owner: options.owner } : {}),
            labels: { ...options.labels },
        };
        try {
            servers = await (0,pod_forwarder/* bindPorts */._5)(record.ports);
            await (0,promises_.mkdir)(this.podsDir, { recursive: true });
            await (0,promises_.mkdir)(dir, { mode: 0o700 });
            await writeRecord(dir, record);
            const log = await (0,promises_.open)((0,external_node_path_.join)(dir, 'infra.log'), 'a');
            try {
                // The forwarder only needs the agent's socket path (it connects per connection), so
                // both start at once; each writes its PID file first, for cleanup if the other fails.
                const forwarding = record.ports.length === 0
                    ? undefined
                    : (0,pod_forwarder/* startForwarder */.DE)({
                        configPath: (0,external_node_path_.join)(dir, 'forwarder.json'),
                        config: {
                            socket: (0,external_node_path_.join)(dir, 'agent.sock'),
                            pidFile: (0,external_node_path_.join)(dir, 'forwarder.pid'),
                            errorLog: (0,external_node_path_.join)(dir, 'forwarder.errors'),
                        },
                        logFd: log.fd,
                        ports: record.ports,
                        servers,
                    });
                servers = [];
                const [infra, forwarderPid] = await Promise.allSettled([
                    startInfra(dir, name, tools, runtime, log.fd),
                    forwarding,
                ]);
                if (infra.status === 'rejected')
                    throw infra.reason;
                record.infra = infra.value;
                const outbound = await startOutbound(dir, (0,process_id/* pidOf */.b8)(infra.value), runtime.sudo, log.fd, this.engine.logger);
                if (outbound)
                    record.outbound = outbound;
                if (forwarderPid.status === 'rejected')
                    throw forwarderPid.reason;
                const forwarder = forwarderPid.value === undefined ? undefined : await (0,process_id/* processId */.PA)(forwarderPid.value);
                if (forwarder)
                    record.forwarder = forwarder;
                await writeRecord(dir, record);
            }
            finally {
                await log.close();
            }
            this.engine.logger.debug(`pod ${name} (${id.slice(0, 12)}) created`);
            return new Pod(record, dir);
        }
        catch (error) {
            await (0,pod_forwarder/* closeServers */.hE)(servers);
            await this.#removeFiles(dir, record).catch(() => { });
            if (named)
                await (0,names/* releaseName */["do"])(this.namesDir, name, id);
            throw error;
        }
    }
    /** A pod by name, full ID or unique ID prefix. */
    async find(nameOrId) {
        const byName = await (0,names/* nameOwner */.Pd)(this.namesDir, nameOrId);
        if (byName) {
            const pod = await this.open(byName);
            if (pod)
                return pod;
        }
        if (/^[a-f0-9]{3,64}$/.test(nameOrId)) {
            const matches = (await this.#records()).filter((r) => r.id.startsWith(nameOrId));
            if (matches.length === 1)
                return this.open(matches[0].id);
            if (matches.length > 1) {
                throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `"${nameOrId}" matches ${matches.length} pods; give more of the ID`);
            }
        }
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `no pod "${nameOrId}"`);
    }
    async open(id) {
        const dir = this.dirOf(id);
        const record = await readRecord(dir);
        return record && record.id === id ? new Pod(record, dir) : undefined;
    }
    /** Every pod (those made for one container too, with `all`), oldest first, with its containers. */
    async list(options = {}) {
        const containers = options.containers ?? (await this.engine.list());
        const pods = [];
        for (const record of await this.#records()) {
            if (record.owner && !options.all)
                continue;
            const pod = new Pod(record, this.dirOf(record.id));
            pods.push({
                record,
                status: await pod.status(),
                containers: containers.filter((c) => c.pod?.id === record.id),
            });
        }
        return pods;
    }
    /**
     * Removes a pod: its containers (running ones only with `force`), the forwarder, the infra
     * process, its dir and name.
     */
    async remove(pod, options = {}) {
        const members = await this.engine.records({ pod: pod.id });
        if (!options.force) {
            const running = [];
            for (const member of members) {
                const container = await this.engine.find(member.id);
                const { status } = await container.state();
                if (status === 'running' || status === 'paused')
                    running.push(member.name);
            }
            if (running.length > 0) {
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `removing pod ${pod.name}: ${running.join(', ')} still running; stop them first or remove with force`);
            }
        }
        // The containers all at once (each may have to be killed and waited for), then the pod's
        // own processes: the infra process hosts the monitors that record how the containers end.
        const removed = await Promise.allSettled(members.map((m) => this.engine.removeById(m.id)));
        const ended = await this.#endProcesses(pod.dir, pod.record).then(() => undefined, (error) => error ?? new Error('ending the pod processes failed'));
        const failed = removed.find((r) => r.status === 'rejected');
        if (failed)
            throw failed.reason;
        if (ended)
            throw ended;
        await this.#removeFiles(pod.dir, pod.record);
        await (0,names/* releaseName */["do"])(this.namesDir, pod.name, pod.id);
        this.engine.logger.debug(`pod ${pod.name} removed`);
    }
    /** Removes a container, and with it the pod made for it alone (`run -p` without `--pod`). */
    async removeContainer(container, options = {}) {
        await this.engine.remove(container, options);
        const podId = container.record.labels[engine/* LABEL */.d_.pod];
        const pod = podId ? await this.open(podId) : undefined;
        if (pod && pod.record.owner === container.id)
            await this.remove(pod, { force: true });
    }
    /**
     * Exited auto-remove containers whose waiting process is gone, and pods made for a
     * container that is gone: what `run -d --rm` or a killed `run --rm` leaves to the next command.
     */
    async reap() {
        const reaped = new Set(await this.engine.reap());
        const records = await this.#records();
        if (!records.some((r) => r.owner))
            return;
        const containers = new Set((await (0,runtime.listRecords)(this.engine.stateDir)).map((r) => r.id));
        for (const record of records) {
            if (!record.owner || containers.has(record.owner))
                continue;
            // A young pod may belong to a `run` still creating its container.
            const young = Date.now() - Date.parse(record.createdAt) < 60_000;
            if (young && !reaped.has(record.owner))
                continue;
            await this.remove(new Pod(record, this.dirOf(record.id)), { force: true }).catch((error) => this.engine.logger.debug(`reaping pod ${record.name}: ${(0,errors/* errorMessage */.gJ)(error)}`));
        }
    }
    /** Removes whatever is left of pod `id` (for cleanup of what a killed process made). */
    async removeById(id) {
        const pod = await this.open(id);
        if (pod) {
            await this.remove(pod, { force: true });
            return;
        }
        const dir = this.dirOf(id);
        const record = await readRecord(dir);
        await this.#removeFiles(dir, record ?? { id, sudo: (await this.engine.runtime()).sudo });
    }
    /** Removes every pod and its containers (running ones only with `force`); failures are logged and skipped. */
    async removeAll(options = {}) {
        const removed = [];
        for (const entry of await listDir(this.podsDir)) {
            const dir = (0,external_node_path_.join)(this.podsDir, entry);
            const record = await readRecord(dir);
            try {
                if (record) {
                    await this.remove(new Pod(record, dir), { force: !!options.force });
                    removed.push(record.id);
                }
                else {
                    await this.#removeFiles(dir, { sudo: (await this.engine.runtime()).sudo });
                }
            }
            catch (error) {
                this.engine.logger.error(`removing pod ${record?.name ?? entry}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        return removed;
    }
    async #records() {
        const records = [];
        for (const entry of await listDir(this.podsDir)) {
            const record = await readRecord((0,external_node_path_.join)(this.podsDir, entry));
            if (record)
                records.push(record);
        }
        // ISO times sort as plain strings (localeCompare's first call loads a collator: ~4 ms).
        return records.sort((a, b) => a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
    }
    async #exists(id) {
        return (await this.open(id)) !== undefined;
    }
    /** Ends the pod's processes (found by record, else by the PID files they wrote) and removes its dir. */
    async #removeFiles(dir, record) {
        await this.#endProcesses(dir, record);
        await (0,command/* runCommand */.d1)((0,command/* privileged */.wt)(['rm', '-rf', '--one-file-system', '--', dir], record.sudo));
    }
    async #endProcesses(dir, record) {
        const forwarder = record.forwarder ?? (await fromPidFile(dir, 'forwarder'));
        const outbound = record.outbound ?? (await fromPidFile(dir, 'slirp'));
        const infra = record.infra ?? (await fromPidFile(dir, 'infra'));
        await Promise.all([(0,process_id/* endProcess */.JZ)(forwarder, false), (0,process_id/* endProcess */.JZ)(outbound, record.sudo)]);
        await (0,process_id/* endProcess */.JZ)(infra, record.sudo);
    }
}
function requireTools() {
    const unshare = (0,runtime.findExecutable)('unshare');
    const ip = (0,runtime.findExecutable)('ip');
    if (!unshare || !ip) {
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `creating a pod needs ${!unshare ? 'unshare (util-linux)' : 'ip (iproute2)'}, which is not installed`);
    }
    return { unshare, ip };
}
/**
 * `[sudo -n] unshare --net --ipc --uts -- node -e <infra>`, detached; resolves with its
 * process ID once it reports ready (loopback up, agent listening).
 */
async function startInfra(dir, hostname, tools, runtime, logFd) {
    const config = {
        socket: (0,external_node_path_.join)(dir, 'agent.sock'),
        pidFile: (0,external_node_path_.join)(dir, 'infra.pid'),
        readyFile: (0,external_node_path_.join)(dir, 'infra.ready'),
        hostname,
        ip: tools.ip,
        errorLog: (0,external_node_path_.join)(dir, 'infra.errors'),
    };
    const configPath = (0,external_node_path_.join)(dir, 'infra.json');
    await (0,promises_.writeFile)(configPath, JSON.stringify(config));
    const argv = (0,command/* privileged */.wt)([
        tools.unshare,
        '--net',
        '--ipc',
        '--uts',
        '--',
        process.execPath,
        '-e',
        infraScript(),
        configPath,
    ], runtime.sudo);
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    // As root, the child is unshare and then, in the same PID, the infra process: once its
    // namespaces exist, the pod can be set up around it while its Node starts (Pod.ready()
    // waits for that). Through sudo the PID is sudo's, so the infra's own report is awaited.
    const early = !runtime.sudo;
    const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
        detached: true,
        stdio: ['ignore', early ? logFd : 'pipe', logFd],
        env,
    });
    try {
        if (early) {
            const id = await untilUnshared(child, INFRA_TIMEOUT_MS);
            if (id)
                return id;
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', `starting the pod's infra process: ${await infraFailure(dir)}`);
        }
        const line = await firstLine(child, INFRA_TIMEOUT_MS);
        const ready = /^ready (\d+)$/.exec(line);
        if (!ready) {
            const why = line.startsWith('error ') ? line.slice(6) : line || (await infraFailure(dir));
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', `starting the pod's infra process: ${why}`);
        }
        const id = await (0,process_id/* processId */.PA)(Number(ready[1]));
        if (!id)
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', "starting the pod's infra process: it exited at once");
        return id;
    }
    catch (error) {
        child.kill('SIGKILL');
        throw error;
    }
    finally {
        child.stdout?.destroy();
        child.unref();
    }
}
/**
 * Resolves with the child's process ID once it is in namespaces of its own (unshare has run),
 * or undefined when it exits first.
 */
async function untilUnshared(child, timeoutMs) {
    let exited = false;
    child.once('exit', () => {
        exited = true;
    });
    child.once('error', () => {
        exited = true;
    });
    const pid = child.pid;
    if (pid === undefined)
        return undefined;
    const ours = await (0,promises_.readlink)('/proc/self/ns/net');
    const deadline = Date.now() + timeoutMs;
    while (!exited && Date.now() < deadline) {
        const id = await (0,process_id/* processId */.PA)(pid);
        const net = await (0,promises_.readlink)(`/proc/${pid}/ns/net`).catch(() => ours);
        if (id && net !== ours)
            return id;
        await new Promise((resolve) => setTimeout(resolve, 1));
    }
    if (!exited) {
        throw new errors/* LighterError */.Kt('ERR_TIMEOUT', `starting the pod's infra process: no namespaces of its own after ${timeoutMs} ms`);
    }
    return undefined;
}
/** Why the infra process ended: its error line, or the last line of its log. */
async function infraFailure(dir) {
    const log = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'infra.log'), 'utf8').catch(() => '');
    const last = log.trim().split('\n').pop() ?? '';
    if (last.startsWith('error '))
        return last.slice(6);
    return last || 'it exited';
}
function firstLine(child, timeoutMs) {
    return new Promise((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => {
            reject(new errors/* LighterError */.Kt('ERR_TIMEOUT', `starting the pod's infra process: no answer in ${timeoutMs} ms`));
        }, timeoutMs);
        const done = (line) => {
            clearTimeout(timer);
            resolve(line);
        };
        child.stdout?.on('data', (chunk) => {
            text += chunk.toString('utf8');
            const newline = text.indexOf('\n');
            if (newline >= 0)
                done(text.slice(0, newline));
        });
        child.once('error', (error) => {
            clearTimeout(timer);
            reject(new errors/* LighterError */.Kt('ERR_RUNTIME', `starting the pod's infra process: ${error.message}`));
        });
        child.once('exit', () => done(text.trim()));
    });
}
/** A process whose PID is in `dir` and whose command line names a file in `dir` (not a reused PID). */
async function fromPidFile(dir, what) {
    let pid;
    try {
        pid = Number((await (0,promises_.readFile)((0,external_node_path_.join)(dir, `${what}.pid`), 'utf8')).trim());
    }
    catch {
        return undefined;
    }
    try {
        const cmdline = await (0,promises_.readFile)(`/proc/${pid}/cmdline`, 'utf8');
        if (!cmdline.includes(`${dir}/`))
            return undefined;
    }
    catch {
        return undefined;
    }
    return (0,process_id/* processId */.PA)(pid);
}
async function writeRecord(dir, record) {
    const path = (0,external_node_path_.join)(dir, 'pod.json');
    await (0,promises_.writeFile)(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
    await (0,promises_.rename)(`${path}.tmp`, path);
}
async function readRecord(dir) {
    try {
        return JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'pod.json'), 'utf8'));
    }
    catch (error) {
        if (error.code === 'ENOENT' || error instanceof SyntaxError)
            return undefined;
        throw error;
    }
}
async function listDir(dir) {
    try {
        return (await (0,promises_.readdir)(dir)).filter((n) => !n.startsWith('.'));
    }
    catch (error) {
        if ((0,errors/* isLighterError */.E0)(error) || error.code === 'ENOENT')
            return [];
        throw error;
    }
}


/***/ })

};
