export const id = 316;
export const ids = [316];
export const modules = {

/***/ 4316:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  removeBuildLeftovers: () => (/* binding */ removeBuildLeftovers)
});

// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./.build/src/core/runtime/command.js
// Child processes the runtime wrapper drives (runc/crun, mount, umount), with sudo when chosen.



/** Prefixes `sudo -n` when the runtime was chosen to run through password-less sudo. */
function command_privileged(argv, sudo) {
    return sudo ? ['sudo', '-n', '--', ...argv] : [...argv];
}
/**
 * The command line of a runtime subcommand: global flags first (`--root` keeps our containers
 * apart from everyone else's, so `list` shows ours only), then `args`. The `--flag=value` form
 * is the one both runc and crun accept.
 */
function command_runtimeArgv(runtime, stateRoot, args, logFile) {
    const global = [`--root=${stateRoot}`];
    if (logFile)
        global.push(`--log=${logFile}`, '--log-format=json');
    if (runtime.name === 'crun' && runtime.cgroupManager === 'disabled') {
        global.push('--cgroup-manager=disabled');
    }
    if (runtime.rootless)
        global.push('--rootless=true');
    return command_privileged([runtime.path, ...global, ...args], runtime.sudo);
}
/** Runs a command to completion; never rejects for a non-zero exit, only when it cannot start. */
function command_runCommand(argv, options = {}) {
    const [command, ...args] = argv;
    if (!command) {
        return Promise.reject(new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', 'running a command: empty argv'));
    }
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const out = [];
        const err = [];
        child.stdout.on('data', (chunk) => out.push(chunk));
        child.stderr.on('data', (chunk) => err.push(chunk));
        let timedOut = false;
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, options.timeoutMs);
        child.on('error', (error) => {
            clearTimeout(timer);
            const hint = error.code === 'ENOENT' ? ' (not installed or not on PATH)' : '';
            reject(new errors/* LighterError */.Kt('ERR_RUNTIME', `starting ${command}: ${error.message}${hint}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new errors/* LighterError */.Kt('ERR_TIMEOUT', `${argv.join(' ')} did not finish within ${options.timeoutMs} ms`));
                return;
            }
            resolve({
                code: code ?? 128 + signalNumberOf(signal),
                signal,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
            });
        });
    });
}
/** Runs a command and fails with ERR_RUNTIME, its stderr in the message, unless it exits 0. */
async function command_checkedCommand(argv, what, options = {}) {
    const result = await command_runCommand(argv, options);
    if (result.code !== 0) {
        const output = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n');
        throw new errors/* LighterError */.Kt('ERR_RUNTIME', `${what}: ${argv[0] === 'sudo' ? argv[3] : argv[0]} exited ${result.code}${output ? `: ${output}` : ''}`, { details: { argv: [...argv], code: result.code } });
    }
    return result;
}
function signalNumberOf(signal) {
    return signal ? (external_node_os_.constants.signals[signal] ?? 0) : 0;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./.build/src/core/fs/exists.js
var exists = __webpack_require__(4127);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./.build/src/core/runtime/logs.js
// Container log files: one timestamped line per chunk of output, in the CRI format kubelet uses.
//
// `2024-05-01T12:00:00.123Z stdout F hello` is a full line; `P` marks a piece of a longer
// line (or output that ended without a newline), so the exact bytes can be put back together.


const LINE = /^(\S+) (stdout|stderr) ([FP]) (.*)$/s;
function formatLogLine(entry) {
    return `${entry.time} ${entry.stream} ${entry.partial ? 'P' : 'F'} ${entry.text}\n`;
}
function parseLogLine(line) {
    const m = LINE.exec(line);
    if (!m)
        return undefined;
    return {
        time: m[1],
        stream: m[2],
        partial: m[3] === 'P',
        text: m[4],
    };
}
function parseLogs(text) {
    const entries = [];
    for (const line of text.split('\n')) {
        const entry = parseLogLine(line);
        if (entry)
            entries.push(entry);
    }
    return entries;
}
/** Every entry of a log file; [] when there is none yet. */
async function readLogs(path) {
    try {
        return parseLogs(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}
/** The output as the container wrote it: one stream, or both interleaved. */
function logText(entries, stream) {
    let out = '';
    for (const entry of entries) {
        if (stream && entry.stream !== stream)
            continue;
        out += entry.partial ? entry.text : `${entry.text}\n`;
    }
    return out;
}
/** Entries as they are written (`logs -f`): reads what is there, then polls for more. */
async function* followLogs(path, options) {
    const pollMs = options.pollMs ?? 200;
    let offset = 0;
    let rest = '';
    // A read may end inside a UTF-8 sequence; the decoder holds its first bytes back.
    const decoder = new StringDecoder('utf8');
    for (;;) {
        const finished = await options.done();
        const chunk = await readFrom(path, offset);
        offset += chunk.length;
        const lines = (rest + decoder.write(chunk)).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
            const entry = parseLogLine(line);
            if (entry)
                yield entry;
        }
        if (options.signal?.aborted)
            return;
        if (finished && chunk.length === 0)
            return;
        if (chunk.length === 0)
            await new Promise((r) => setTimeout(r, pollMs));
    }
}
async function readFrom(path, offset) {
    let handle;
    try {
        handle = await open(path, 'r');
        const { size } = await handle.stat();
        if (size <= offset)
            return Buffer.alloc(0);
        const buffer = Buffer.alloc(size - offset);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        return buffer.subarray(0, bytesRead);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return Buffer.alloc(0);
        throw error;
    }
    finally {
        await handle?.close();
    }
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/monitor.js
// The monitor: a small Node process per container that runs `runtime run` in the foreground and outlives lighter.
//
// Why a monitor, and why `run` in the foreground: `runtime create` + `start` detach the
// container's init, which the kernel then reparents to PID 1, and its exit status is lost to
// us (Node cannot make itself a child subreaper). With `runc run`/`crun run` in the
// foreground, the runtime stays the parent of init, reaps it and exits with its status
// (128 + n for a signal), so whoever waits for the runtime gets the exit code. That waiter
// must not be lighter itself: `lighter run -d` exits while the container runs, and a CLI or
// action killed with SIGKILL would take the pipes with it. So, like podman's conmon, a
// detached monitor holds the runtime: it timestamps the output into the log file, streams it
// to lighter over IPC while lighter listens, and writes exit.json when the runtime ends.
//
// The monitor is `monitorMain` below, run with `node -e`: its source goes with the function,
// so a bundled action or CLI needs no separate file. It must therefore import nothing and
// reach Node's modules through `process.getBuiltinModule`.
//
// A foreground run that ends with lighter anyway (`lighter run` without -d) gains nothing from
// a separate process, and a Node start is a good part of a short container's life: there,
// lighter runs `monitorMain` itself, with a host that takes the messages IPC would carry. A
// pod's infra process does the same for the pod's detached containers (a MonitorService).
/** The node -e script: the monitor's source and a call of it with the config path. */
function monitorScript() {
    return `(${monitorMain.toString()})(process.argv[process.argv.length - 1]);\n`;
}
/** The monitor's body. Self-contained: it runs in a separate Node process from its source text. */
function monitorMain(configPath, host) {
    const fs = process.getBuiltinModule('node:fs');
    const childProcess = process.getBuiltinModule('node:child_process');
    const { StringDecoder } = process.getBuiltinModule('node:string_decoder');
    const os = process.getBuiltinModule('node:os');
    const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    let forward = config.forward;
    // In lighter's own process the process-wide handlers stay lighter's: it forwards signals
    // to the container itself, and its errors are its own.
    if (!host) {
        // The monitor sits in its own session; a terminal's signals are not for it. SIGTERM goes
        // to the runtime, which hands it on to the container, so it ends and is recorded.
        process.on('SIGINT', () => { });
        process.on('SIGHUP', () => { });
        // A monitor that dies loses the exit code for good, so nothing may kill it: not an IPC
        // write failing after lighter went away (an 'error' event on process), nor a bug.
        process.on('error', () => { });
        process.on('uncaughtException', (error) => {
            try {
                fs.appendFileSync(`${config.exitFile}.monitor-errors`, `${new Date().toISOString()} ${String(error?.stack ?? error)}\n`);
            }
            catch { }
        });
        process.stdout.on('error', () => {
            forward = false;
        });
        process.stderr.on('error', () => {
            forward = false;
        });
    }
    const send = (message) => {
        if (host) {
            host.send(message);
            return;
        }
        if (!process.connected || !process.send)
            return;
        try {
            process.send(message);
        }
        catch { }
    };
    const log = fs.openSync(config.logPath, 'a');
    const now = () => new Date().toISOString();
    // Longer lines are cut into partial entries, so one endless line cannot fill memory.
    const MAX_LINE = 64 * 1024;
    const record = (stream, text, partial) => {
        const entry = { time: now(), stream, text, partial };
        fs.writeSync(log, `${entry.time} ${stream} ${partial ? 'P' : 'F'} ${text}\n`);
        if (config.stream)
            send({ type: 'line', entry });
    };
    let child;
    try {
        child = childProcess.spawn(config.argv[0], config.argv.slice(1), {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
    }
    catch (error) {
        finish({ started: false, exitCode: null, finishedAt: now(), error: String(error) });
        return;
    }
    if (!host) {
        process.on('SIGTERM', () => {
            child.kill('SIGTERM');
        });
    }
    const pending = { stdout: '', stderr: '' };
    for (const stream of ['stdout', 'stderr']) {
        const decoder = new StringDecoder('utf8');
        const source = child[stream];
        source?.on('data', (chunk) => {
            if (forward)
                (stream === 'stdout' ? process.stdout : process.stderr).write(chunk);
            let text = pending[stream] + decoder.write(chunk);
            let newline = text.indexOf('\n');
            while (newline >= 0) {
                record(stream, text.slice(0, newline), false);
                text = text.slice(newline + 1);
                newline = text.indexOf('\n');
            }
            while (text.length > MAX_LINE) {
                record(stream, text.slice(0, MAX_LINE), true);
                text = text.slice(MAX_LINE);
            }
            pending[stream] = text;
        });
        source?.on('end', () => {
            const rest = pending[stream] + decoder.end();
            pending[stream] = '';
            if (rest !== '')
                record(stream, rest, true);
        });
    }
    let pid;
    let startedAt;
    const readPid = () => {
        try {
            const value = Number(fs.readFileSync(config.pidFile, 'utf8').trim());
            return value > 0 ? value : undefined;
        }
        catch {
            return undefined;
        }
    };
    // The runtime writes its pid file once the container exists, just before starting it: read
    // often, as that moment is what a start waits for.
    const poll = setInterval(() => {
        pid = readPid();
        if (pid === undefined)
            return;
        clearInterval(poll);
        startedAt = now();
        send({ type: 'started', pid });
    }, 2);
    let spawnError;
    child.on('error', (error) => {
        spawnError = error.message;
    });
    child.on('close', (code, signal) => {
        clearInterval(poll);
        // A container that ran for less than one poll still left its pid file behind.
        if (pid === undefined) {
            pid = readPid();
            if (pid !== undefined)
                startedAt = now();
        }
        const signalNumber = signal ? (os.constants.signals[signal] ?? 0) : 0;
        finish({
            started: pid !== undefined,
            exitCode: code ?? 128 + signalNumber,
            ...(pid !== undefined ? { pid } : {}),
            ...(startedAt ? { startedAt } : {}),
            finishedAt: now(),
            ...(spawnError ? { error: spawnError } : {}),
        });
    });
    function finish(exit) {
        const temp = `${config.exitFile}.tmp`;
        try {
            fs.writeFileSync(temp, `${JSON.stringify(exit)}\n`);
            fs.renameSync(temp, config.exitFile);
        }
        catch (error) {
            // Only in lighter's process may the container's dir be gone already (`rm -f` from
            // elsewhere): the exit still reaches lighter. A monitor's error goes to its handler.
            if (!host)
                throw error;
        }
        fs.closeSync(log);
        if (host) {
            host.send({ type: 'exit', exit });
        }
        else if (process.connected && process.send) {
            // Disconnecting lets the monitor end once the message is out.
            process.send({ type: 'exit', exit }, () => process.disconnect());
        }
    }
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/mountinfo.js
// Reads /proc/self/mountinfo: which mounts exist under our dirs, so cleanup misses none.

/** Parses mountinfo text (see proc(5)); mount points come back with `\040`-style escapes decoded. */
function parseMountInfo(text) {
    const entries = [];
    for (const line of text.split('\n')) {
        if (line === '')
            continue;
        const fields = line.split(' ');
        const dash = fields.indexOf('-', 6);
        if (dash < 0)
            continue;
        entries.push({
            id: Number(fields[0]),
            parent: Number(fields[1]),
            mountPoint: decodeOctal(fields[4] ?? ''),
            options: fields[5] ?? '',
            fsType: fields[dash + 1] ?? '',
            source: decodeOctal(fields[dash + 2] ?? ''),
        });
    }
    return entries;
}
async function readMountInfo() {
    return parseMountInfo(await (0,promises_.readFile)('/proc/self/mountinfo', 'utf8'));
}
/** Mounts at or below `dir`, deepest first: the order to unmount them in. */
async function mountinfo_mountsUnder(dir) {
    const base = dir.endsWith('/') && dir !== '/' ? dir.slice(0, -1) : dir;
    const entries = (await readMountInfo()).filter((m) => m.mountPoint === base || m.mountPoint.startsWith(`${base}/`));
    // Later mounts on the same point hide earlier ones; the deepest and newest goes first.
    return entries
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => b.entry.mountPoint.split('/').length - a.entry.mountPoint.split('/').length ||
        b.index - a.index)
        .map(({ entry }) => entry);
}
async function isMountPoint(path) {
    return (await readMountInfo()).some((m) => m.mountPoint === path);
}
function decodeOctal(text) {
    return text.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(Number.parseInt(octal, 8)));
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/paths.js
// Where lighter keeps the state of its containers: one dir a container, one runtime root a runtime.



/**
 * `/run/lighter` for root (tmpfs: gone after a reboot, like the containers), else
 * `$XDG_RUNTIME_DIR/lighter` or `$TMPDIR/lighter-UID`. `LIGHTER_STATE_DIR` overrides it.
 */
function paths_defaultStateDir() {
    if (process.env.LIGHTER_STATE_DIR)
        return process.env.LIGHTER_STATE_DIR;
    const uid = process.getuid?.() ?? 0;
    if (uid === 0)
        return '/run/lighter';
    if (process.env.XDG_RUNTIME_DIR)
        return (0,external_node_path_.join)(process.env.XDG_RUNTIME_DIR, 'lighter');
    return (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `lighter-${uid}`);
}
/** The runtime's own `--root`: ours alone, so its `list` shows lighter's containers only. */
function paths_runtimeRoot(stateDir, runtime) {
    return (0,external_node_path_.join)(stateDir, 'runtime', runtime);
}
function containersDir(stateDir) {
    return (0,external_node_path_.join)(stateDir, 'containers');
}
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
function checkContainerId(id) {
    if (!ID.test(id)) {
        throw new errors/* InvalidArgumentError */.Di(`container ID "${id}" must be 1-128 letters, digits, '_', '.' or '-', not starting with a symbol`);
    }
}
function paths_containerPaths(stateDir, id) {
    checkContainerId(id);
    const dir = (0,external_node_path_.join)(containersDir(stateDir), id);
    const bundle = (0,external_node_path_.join)(dir, 'bundle');
    return {
        dir,
        record: (0,external_node_path_.join)(dir, 'container.json'),
        bundle,
        upper: (0,external_node_path_.join)(dir, 'upper'),
        work: (0,external_node_path_.join)(dir, 'work'),
        rootfs: (0,external_node_path_.join)(bundle, 'rootfs'),
        monitorConfig: (0,external_node_path_.join)(dir, 'monitor.json'),
        monitorPid: (0,external_node_path_.join)(dir, 'monitor.pid'),
        monitorHost: (0,external_node_path_.join)(dir, 'monitor.host'),
        pidFile: (0,external_node_path_.join)(dir, 'pid'),
        exitFile: (0,external_node_path_.join)(dir, 'exit.json'),
        runtimeLog: (0,external_node_path_.join)(dir, 'runtime.log'),
        log: (0,external_node_path_.join)(dir, 'ctr.log'),
    };
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/process-id.js
// A process named by PID and start time, so a reused PID is never mistaken for the one we mean.


async function processId(pid) {
    const start = await startTime(pid);
    return start === undefined ? undefined : `${pid}@${start}`;
}
function pidOf(id) {
    return Number(id.split('@')[0]);
}
/** The process is the very one `id` names, and not a zombie. */
async function isAlive(id) {
    if (!id)
        return false;
    const [pid, start] = id.split('@');
    let stat;
    try {
        stat = await (0,promises_.readFile)(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return false;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); the start time is field 22.
    return fields[0] !== 'Z' && fields[19] === start;
}
async function startTime(pid) {
    try {
        const stat = await (0,promises_.readFile)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    catch {
        return undefined;
    }
}
/**
 * Sends `signal` to the process `id` names if it still lives, through `sudo -n kill` when it
 * belongs to root and we are not root. Returns whether it was alive.
 */
async function signalProcess(id, signal, sudo) {
    if (!id || !(await isAlive(id)))
        return false;
    const pid = pidOf(id);
    try {
        process.kill(pid, signal);
        return true;
    }
    catch (error) {
        if (error.code !== 'EPERM' || !sudo)
            return false;
    }
    await runCommand(privileged(['kill', `-${signal.replace(/^SIG/, '')}`, String(pid)], true));
    return true;
}
/** SIGTERM, then SIGKILL if it still lives after `graceMs`; resolves once it is gone. */
async function endProcess(id, sudo, graceMs = 2000) {
    if (!(await signalProcess(id, 'SIGTERM', sudo)))
        return;
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline) {
        if (!(await isAlive(id)))
            return;
        await new Promise((r) => setTimeout(r, 10));
    }
    await signalProcess(id, 'SIGKILL', sudo);
    for (let i = 0; i < 200 && (await isAlive(id)); i++)
        await new Promise((r) => setTimeout(r, 10));
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./.build/src/core/storage/layer/xattr.js
// Extended attributes through setfattr/getfattr (Debian package `attr`), in one process per batch.
//
// Node has no xattr API and lighter takes no native addon. One `setfattr --restore` reads many
// files' attributes from stdin and one `getfattr -R` dumps a whole tree, so the cost is a
// process per layer, not per file. The caller checks paths before handing them over: both
// tools resolve parent directories through symlinks.



const availability = new Map();
/** Whether an executable is on PATH (cached; the PATH of a CI job does not change under us). */
function xattr_hasCommand(command) {
    let found = availability.get(command);
    if (found === undefined) {
        found = (process.env.PATH ?? '').split(delimiter).some((dir) => {
            if (!dir)
                return false;
            try {
                accessSync(join(dir, command), constants.X_OK);
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
async function xattr_readXattrTree(root) {
    const byPath = new Map();
    const child = spawn('getfattr', ['-R', '-P', '-h', '-d', '-m', '-', '-e', 'hex', '.'], {
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
        const child = spawn(command, args, { cwd, stdio: ['pipe', 'ignore', 'pipe'] });
        const err = [];
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
        child.stdin.on('error', () => { }); // an early exit closes stdin; 'close' reports the failure
        child.stdin.end(input, 'latin1');
    });
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/rootfs.js
// A container's root filesystem: an overlay of unpacked image layers plus a per-container upper dir.
//
// Layer dirs come from the store (`Store.layerDirs(image)`, top first, overlay-style whiteouts:
// 0/0 character devices and `*.overlay.opaque` xattrs). On a host without overlayfs, the
// copy fallback flattens the layers into the target instead: slower, and then writes land in
// the target itself, not in an upper dir, so a builder has to diff the whole tree.








// One page is all mount(2) takes for options; stay well clear of it.
const MAX_OPTIONS = 3000;
const UNSAFE_IN_OPTIONS = /[,:\\=]/;
/**
 * The root filesystem of a container: an overlay when there are layers, `upperDir` itself as a
 * plain directory when there are none (a FROM scratch build step).
 */
async function mountRootfs(options) {
    const { lowerDirs, upperDir, workDir, target } = options;
    if (lowerDirs.length === 0) {
        await mkdir(upperDir, { recursive: true });
        return { kind: 'directory', path: upperDir, lowerDirs: [], upperDir };
    }
    try {
        return await mountOverlay(lowerDirs, upperDir, workDir, target, options);
    }
    catch (error) {
        if (options.fallback !== 'copy' || error instanceof InvalidArgumentError)
            throw error;
        (options.logger ?? silentLogger).warn(`overlayfs is not usable here (${errorMessage(error)}); copying ${lowerDirs.length} layer(s) into ${target} instead`);
        await copyLayers(lowerDirs, target, options.logger);
        return { kind: 'copy', path: target, lowerDirs: [...lowerDirs] };
    }
}
/**
 * The command that mounts an overlay with mount options `data`. Through sudo it first gives the
 * upper dir to root: a container's `/` has the upper dir's owner, which would otherwise be the
 * user lighter runs as (and a RUN step's upper dir becomes its layer's).
 */
function overlayMountArgv(data, target, upperDir, sudo) {
    const mount = ['mount', '-t', 'overlay', 'overlay', '-o', data, target];
    if (!sudo)
        return mount;
    return privileged(['sh', '-c', 'chown 0:0 -- "$0" && exec "$@"', upperDir, ...mount], true);
}
/** Mounts an overlay of `lowerDirs` (top first) with `upperDir` for writes at `target`. */
async function mountOverlay(lowerDirs, upperDir, workDir, target, options = {}) {
    if (lowerDirs.length === 0) {
        throw new InvalidArgumentError('mounting an overlay: at least one lower dir is needed');
    }
    for (const [what, dir] of [
        ['upper', upperDir],
        ['work', workDir],
    ]) {
        if (UNSAFE_IN_OPTIONS.test(dir)) {
            throw new InvalidArgumentError(`overlay ${what} dir "${dir}" holds one of , : \\ =`);
        }
    }
    await Promise.all([upperDir, workDir, target].map((d) => mkdir(d, { recursive: true })));
    // index/redirect_dir/metacopy off: the upper dir must hold whole files and plain whiteouts,
    // since a build turns it into a layer tarball.
    const fixed = `upperdir=${upperDir},workdir=${workDir},index=off,redirect_dir=off,metacopy=off`;
    const direct = `lowerdir=${lowerDirs.join(':')},${fixed}`;
    const what = `mounting overlay of ${lowerDirs.length} layer(s) at ${target}`;
    if (direct.length <= MAX_OPTIONS && !lowerDirs.some((d) => UNSAFE_IN_OPTIONS.test(d))) {
        await checkedCommand(overlayMountArgv(direct, target, upperDir, !!options.sudo), what);
    }
    else {
        // Many layers or odd names: short relative symlinks, resolved by the kernel against the
        // cwd of mount(2), which is all the link dir has to live for (podman's l/ dir does the same).
        const links = await mkdtemp(join(tmpdir(), 'lighter-lower-'));
        try {
            await Promise.all(lowerDirs.map((dir, i) => symlink(dir, join(links, String(i)))));
            const relative = `lowerdir=${lowerDirs.map((_, i) => String(i)).join(':')},${fixed}`;
            await checkedCommand(overlayMountArgv(relative, target, upperDir, !!options.sudo), what, {
                cwd: links,
            });
        }
        finally {
            await rm(links, { recursive: true, force: true });
        }
    }
    return { kind: 'overlay', path: target, lowerDirs: [...lowerDirs], upperDir, workDir };
}
/**
 * Undoes `mountRootfs`: unmounts an overlay (lazily if it is still busy) and removes a copy;
 * a directory rootfs is the caller's and stays. Unmounting what is not mounted is a no-op.
 */
async function unmountRootfs(rootfs, options = {}) {
    if (rootfs.kind === 'overlay')
        await rootfs_unmount(rootfs.path, options);
    else if (rootfs.kind === 'copy') {
        await command_runCommand(command_privileged(['rm', '-rf', '--one-file-system', rootfs.path], !!options.sudo));
    }
}
/** Unmounts `target` if it is a mount point; a busy mount is detached lazily. */
async function rootfs_unmount(target, options = {}) {
    if (!(await isMountPoint(target)))
        return;
    const sudo = !!options.sudo;
    const plain = await command_runCommand(command_privileged(['umount', target], sudo));
    if (plain.code === 0 || !(await isMountPoint(target)))
        return;
    (options.logger ?? log/* silentLogger */.qq).debug(`umount ${target}: ${plain.stderr.trim()}; detaching it lazily`);
    await command_checkedCommand(command_privileged(['umount', '-l', target], sudo), `unmounting ${target}`);
}
/**
 * Flattens overlay-style layer dirs (top first) into `target`, applying whiteouts and opaque
 * directories. Minimal on purpose: hard links become copies and xattrs, devices and fifos are
 * not copied (a warning names them).
 */
async function copyLayers(lowerDirs, target, logger = silentLogger) {
    await mkdir(target, { recursive: true });
    const skipped = [];
    for (const layer of [...lowerDirs].reverse()) {
        const opaque = new Set();
        if (hasCommand('getfattr')) {
            const tree = await readXattrTree(layer);
            for (const [path, attrs] of tree.byPath) {
                if (attrs.some(([name, value]) => name.endsWith('.overlay.opaque') && value.toString() === 'y')) {
                    opaque.add(path);
                }
            }
        }
        else {
            logger.warn(`getfattr is missing: opaque directories in ${layer} are not honoured`);
        }
        await copyTree(layer, target, '', opaque, skipped);
    }
    if (skipped.length > 0) {
        logger.warn(`copying layers: skipped ${skipped.length} special file(s), e.g. ${skipped[0]}`);
    }
}
async function copyTree(layer, target, rel, opaque, skipped) {
    for (const name of await readdir(join(layer, rel))) {
        const path = rel === '' ? name : `${rel}/${name}`;
        const from = join(layer, path);
        // Parents were made real directories first, so this lexical path stays inside `target`.
        const to = join(target, path);
        const stats = await lstat(from);
        const existing = await lstat(to).catch(() => undefined);
        if (stats.isCharacterDevice() && stats.rdev === 0) {
            if (existing)
                await rm(to, { recursive: true, force: true });
            continue;
        }
        if (stats.isDirectory()) {
            if (existing && (!existing.isDirectory() || opaque.has(path))) {
                await rm(to, { recursive: true, force: true });
            }
            await mkdir(to, { recursive: true });
            await copyTree(layer, target, path, opaque, skipped);
            // chown clears set-id bits, so the mode comes after it.
            await lchown(to, stats.uid, stats.gid);
            await chmod(to, stats.mode & 0o7777);
            await lutimes(to, stats.atime, stats.mtime);
            continue;
        }
        if (existing)
            await rm(to, { recursive: true, force: true });
        if (stats.isSymbolicLink()) {
            await symlink(await readlink(from), to);
            await lchown(to, stats.uid, stats.gid);
        }
        else if (stats.isFile()) {
            await copyFile(from, to, fsConstants.COPYFILE_FICLONE);
            await lchown(to, stats.uid, stats.gid);
            await chmod(to, stats.mode & 0o7777);
        }
        else {
            skipped.push(path);
            continue;
        }
        await lutimes(to, stats.atime, stats.mtime);
    }
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/signals.js
// Signal names as images and users write them (`SIGTERM`, `TERM`, `15`, `SIGRTMIN+3`), as numbers.


// Linux's glibc reserves 32 and 33 for threads, so user-visible real-time signals start at 34.
const SIGRTMIN = 34;
const SIGRTMAX = 64;
/** Parses a signal (the image's StopSignal, a `--signal` flag) into its Linux number. */
function signals_signalNumber(signal) {
    if (typeof signal === 'number')
        return checkRange(signal, String(signal));
    const text = signal.trim().toUpperCase();
    if (/^\d+$/.test(text))
        return checkRange(Number(text), signal);
    const name = text.startsWith('SIG') ? text : `SIG${text}`;
    const rt = /^SIGRT(MIN|MAX)(?:([+-])(\d+))?$/.exec(name);
    if (rt) {
        const base = rt[1] === 'MIN' ? SIGRTMIN : SIGRTMAX;
        const offset = rt[3] === undefined ? 0 : Number(rt[3]) * (rt[2] === '-' ? -1 : 1);
        return checkRange(base + offset, signal);
    }
    const number = external_node_os_.constants.signals[name];
    if (number === undefined)
        throw new errors/* InvalidArgumentError */.Di(`unknown signal "${signal}"`);
    return number;
}
/** The name Node gives a signal number (`SIGTERM`), or `SIG<n>` for real-time signals. */
function signalName(number) {
    for (const [name, value] of Object.entries(external_node_os_.constants.signals))
        if (value === number)
            return name;
    return `SIG${number}`;
}
/** The shell convention for a process killed by a signal: 128 + the signal's number. */
function signalExitCode(signal) {
    return 128 + signals_signalNumber(signal);
}
function checkRange(number, text) {
    if (!Number.isInteger(number) || number < 1 || number > SIGRTMAX) {
        throw new errors/* InvalidArgumentError */.Di(`signal "${text}" is out of range 1..${SIGRTMAX}`);
    }
    return number;
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/state.js
// The records lighter keeps per container, so any later process (`lighter ps`, a post step) can find and undo it.



/** Writes JSON by temp file and rename, so readers never see half a record. */
async function state_writeJson(path, value) {
    const temp = `${path}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temp, `${JSON.stringify(value, null, 2)}\n`);
    await (0,promises_.rename)(temp, path);
}
async function readJson(path) {
    try {
        return JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
function state_readRecord(stateDir, id) {
    return readJson(paths_containerPaths(stateDir, id).record);
}
function readExit(stateDir, id) {
    return readJson(containerPaths(stateDir, id).exitFile);
}
/** IDs of every container dir, with or without a record (a crash can leave either). */
async function state_containerIds(stateDir) {
    try {
        const entries = await (0,promises_.readdir)(containersDir(stateDir), { withFileTypes: true });
        return entries
            .filter((e) => e.isDirectory())
            .map((e) => e.name)
            .sort();
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
}
/** Every container record in the state dir, oldest first. */
async function listRecords(stateDir) {
    const records = [];
    for (const id of await state_containerIds(stateDir)) {
        const record = await readJson((0,external_node_path_.join)(containersDir(stateDir), id, 'container.json')).catch(() => undefined);
        if (record)
            records.push(record);
    }
    // ISO times sort as plain strings (localeCompare's first call loads a collator: ~4 ms).
    return records.sort((a, b) => a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/root-path.js
// Paths inside a container's root filesystem, resolved as the container would see them.
//
// An image may hold `/etc/passwd -> /host/secret` or `../../..` links; reading such a path
// from the host naively would follow the link out of the rootfs. Walking it component by
// component, with the rootfs as `/`, keeps every read and mkdir inside.



const MAX_LINKS = 40;
/** The host path of `path` inside `root`, following symlinks as if `root` were `/`. */
async function root_path_resolveInRoot(root, path) {
    const pending = split(path);
    let resolved = [];
    let links = 0;
    while (pending.length > 0) {
        const part = pending.shift();
        if (part === '..') {
            resolved.pop();
            continue;
        }
        const candidate = (0,external_node_path_.join)(root, ...resolved, part);
        const stats = await (0,promises_.lstat)(candidate).catch(() => undefined);
        if (!stats?.isSymbolicLink()) {
            resolved.push(part);
            continue;
        }
        if (++links > MAX_LINKS) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `resolving ${path} in ${root}: too many symlinks`);
        }
        const target = await (0,promises_.readlink)(candidate);
        if (target.startsWith('/'))
            resolved = [];
        pending.unshift(...split(target));
    }
    return (0,external_node_path_.join)(root, ...resolved);
}
/** Reads a file inside the rootfs; undefined when it does not exist. */
async function readInRoot(root, path) {
    const host = await root_path_resolveInRoot(root, path);
    try {
        return await (0,promises_.readFile)(host, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw error;
    }
}
/** `mkdir -p` inside the rootfs, one component at a time so no link leads outside. */
async function root_path_mkdirInRoot(root, path, mode = 0o755) {
    let current = '/';
    for (const part of split(path)) {
        current = current === '/' ? `/${part}` : `${current}/${part}`;
        const host = await root_path_resolveInRoot(root, current);
        await mkdir(host, { mode }).catch((error) => {
            if (error.code !== 'EEXIST')
                throw error;
        });
    }
}
function split(path) {
    return path.split('/').filter((p) => p !== '' && p !== '.');
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/users.js
// Resolves `user`, `uid`, `uid:gid`, `user:group` against the image's /etc/passwd and /etc/group.


const MAX_ID = 2 ** 32 - 2;
/**
 * Resolves a user spec (empty means root) inside the root filesystem `rootfs`. A name that
 * the image does not know is ERR_INVALID_ARGUMENT; a bare number needs no entry.
 */
async function users_resolveUser(rootfs, spec, extraGroups = []) {
    const text = (spec ?? '').trim();
    const [userPart = '', groupPart, ...rest] = text.split(':');
    if (rest.length > 0)
        throw new errors/* InvalidArgumentError */.Di(`user "${spec}" is not USER[:GROUP]`);
    const passwd = parsePasswd((await readInRoot(rootfs, '/etc/passwd')) ?? '');
    const groups = parseGroup((await readInRoot(rootfs, '/etc/group')) ?? '');
    let entry;
    let uid;
    if (userPart === '') {
        uid = 0;
        entry = passwd.find((p) => p.uid === 0);
    }
    else if (isNumber(userPart)) {
        uid = parseId(userPart, 'uid', spec);
        entry = passwd.find((p) => p.uid === uid);
    }
    else {
        entry = passwd.find((p) => p.name === userPart);
        if (!entry) {
            throw new errors/* InvalidArgumentError */.Di(`user "${userPart}" is not in the image's /etc/passwd`);
        }
        uid = entry.uid;
    }
    let gid;
    if (groupPart === undefined || groupPart === '')
        gid = entry?.gid ?? 0;
    else
        gid = lookupGroup(groups, groupPart, spec);
    const additional = new Set();
    if (entry) {
        for (const group of groups)
            if (group.members.includes(entry.name))
                additional.add(group.gid);
    }
    for (const extra of extraGroups) {
        additional.add(typeof extra === 'number' ? extra : lookupGroup(groups, extra, extra));
    }
    additional.delete(gid);
    return {
        uid,
        gid,
        additionalGids: [...additional].sort((a, b) => a - b),
        home: entry?.home || (uid === 0 ? '/root' : '/'),
        ...(entry ? { name: entry.name } : {}),
    };
}
function lookupGroup(groups, text, spec) {
    if (isNumber(text))
        return parseId(text, 'gid', spec);
    const group = groups.find((g) => g.name === text);
    if (!group)
        throw new errors/* InvalidArgumentError */.Di(`group "${text}" is not in the image's /etc/group`);
    return group.gid;
}
function parsePasswd(text) {
    const entries = [];
    for (const fields of records(text)) {
        const [name, , uid, gid, , home] = fields;
        if (!name || !isNumber(uid) || !isNumber(gid))
            continue;
        entries.push({ name, uid: Number(uid), gid: Number(gid), home: home ?? '' });
    }
    return entries;
}
function parseGroup(text) {
    const entries = [];
    for (const fields of records(text)) {
        const [name, , gid, members] = fields;
        if (!name || !isNumber(gid))
            continue;
        const list = (members ?? '').split(',').map((m) => m.trim());
        entries.push({ name, gid: Number(gid), members: list.filter((m) => m !== '') });
    }
    return entries;
}
function* records(text) {
    for (const line of text.split('\n')) {
        const trimmed = line.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        yield trimmed.split(':');
    }
}
function isNumber(text) {
    return text !== undefined && /^\d+$/.test(text);
}
function parseId(text, kind, spec) {
    const id = Number(text);
    if (id > MAX_ID)
        throw new errors/* InvalidArgumentError */.Di(`${kind} ${text} in "${spec}" is out of range`);
    return id;
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/container.js
// Containers: create, start, wait, kill, stop, exec, delete, through crun/runc and a monitor.

















const DEFAULT_STOP_TIMEOUT_MS = 10_000;
const START_TIMEOUT_MS = 60_000;
/**
 * Writes the bundle's config.json and the container's record; nothing runs until `start()`.
 * The record is what lets `cleanupAll` undo the container even if this process dies.
 */
async function createContainer(options) {
    const stateDir = options.stateDir ?? defaultStateDir();
    const paths = containerPaths(stateDir, options.id);
    if (await pathExists(paths.record)) {
        throw new InvalidArgumentError(`a container with ID "${options.id}" already exists`);
    }
    const bundleDir = options.bundleDir ?? paths.bundle;
    await mkdir(paths.dir, { recursive: true, mode: 0o700 });
    await mkdir(bundleDir, { recursive: true });
    const spec = structuredClone(options.spec);
    const { runtime } = options;
    if (!spec.linux.cgroupsPath && !runtime.rootless && runtime.cgroupManager === 'cgroupfs') {
        // One parent cgroup for lighter's containers keeps them together in the host's tree.
        spec.linux.cgroupsPath = `/lighter/${options.id}`;
    }
    await writeFile(join(bundleDir, 'config.json'), `${JSON.stringify(spec, null, 2)}\n`);
    const record = {
        version: 1,
        id: options.id,
        name: options.name ?? options.id,
        stateDir,
        bundleDir,
        removeBundle: options.removeBundle ?? options.bundleDir === undefined,
        runtime,
        logPath: options.logPath ?? paths.log,
        stopSignal: options.stopSignal || 'SIGTERM',
        ...(options.rootfs ? { rootfs: options.rootfs } : {}),
        stdio: options.stdio ?? 'pipe',
        createdAt: new Date().toISOString(),
        labels: { ...options.labels },
    };
    signalNumber(record.stopSignal);
    await writeJson(paths.record, record);
    return new Container(record, options.logger ?? silentLogger, options.onOutput);
}
/** A container created earlier, by this process or another one. */
async function container_openContainer(stateDir, id, logger = log/* silentLogger */.qq, onOutput) {
    const record = await state_readRecord(stateDir, id);
    if (!record)
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `no container "${id}" in ${stateDir}`);
    return new Container(record, logger, onOutput);
}
class Container {
    record;
    paths;
    #logger;
    #onOutput;
    #monitor;
    /** The line to a monitor that a MonitorService runs. */
    #link;
    #monitorExited;
    #monitorDone = false;
    /** This process is the monitor (`supervise: 'self'`); #monitorDone says when it ended. */
    #selfMonitor = false;
    #refs = 0;
    constructor(record, logger, onOutput) {
        this.record = record;
        this.paths = paths_containerPaths(record.stateDir, record.id);
        this.#logger = logger;
        this.#onOutput = onOutput ?? ((entry, name) => logger.info(`${name} | ${entry.text}`));
    }
    get id() {
        return this.record.id;
    }
    get name() {
        return this.record.name;
    }
    get runtime() {
        return this.record.runtime;
    }
    /**
     * Starts the container through its monitor and resolves with the init's PID (on the host)
     * once the runtime has created it; a runtime failure (bad mount, missing binary) rejects
     * with the runtime's own message.
     */
    async start(options = {}) {
        if ((await (0,exists/* pathExists */.s)(this.paths.monitorPid)) || (await (0,exists/* pathExists */.s)(this.paths.exitFile))) {
            throw new errors/* InvalidArgumentError */.Di(`container ${this.name} was already started`);
        }
        const { record, paths } = this;
        const hosted = typeof options.supervise === 'object';
        // sudo inside a pod's infra process, root already, would add its own start to every
        // container's and, in the pod's UTS namespace (a hostname no resolver knows), write
        // "unable to resolve host" into the container's log.
        const runtime = typeof options.supervise === 'object' && options.supervise.elevated
            ? { ...record.runtime, sudo: false }
            : record.runtime;
        const argv = command_runtimeArgv(runtime, paths_runtimeRoot(record.stateDir, record.runtime.name), ['run', `--bundle=${record.bundleDir}`, `--pid-file=${paths.pidFile}`, record.id], paths.runtimeLog);
        const config = {
            argv,
            pidFile: paths.pidFile,
            exitFile: paths.exitFile,
            logPath: record.logPath,
            // A service's monitor has no terminal of ours to copy output to: it streams instead.
            forward: record.stdio === 'inherit' && !hosted,
            stream: record.stdio === 'pipe' || (record.stdio === 'inherit' && hosted),
        };
        await state_writeJson(paths.monitorConfig, config);
        let spawnError;
        let onMessage = () => { };
        if (typeof options.supervise === 'object') {
            // The service's process is the monitor: monitor.host names it for others.
            const service = options.supervise;
            await (0,promises_.writeFile)(paths.monitorHost, `${service.process}\n`);
            await (0,promises_.writeFile)(paths.monitorPid, `${pidOf(service.process)}\n`);
            try {
                this.#link = await service.open(paths.monitorConfig, (message) => onMessage(message));
            }
            catch (error) {
                await (0,promises_.rm)(paths.monitorHost, { force: true });
                await (0,promises_.rm)(paths.monitorPid, { force: true });
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `starting container ${this.name}: its monitor could not be started: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
            this.#monitorExited = this.#link.closed.then(() => {
                this.#monitorDone = true;
            });
        }
        else if (options.supervise === 'self') {
            // This process is the monitor: monitor.host names it (PID and start time) for others.
            const id = await processId(process.pid);
            if (id)
                await (0,promises_.writeFile)(paths.monitorHost, `${id}\n`);
            await (0,promises_.writeFile)(paths.monitorPid, `${process.pid}\n`);
            this.#selfMonitor = true;
            this.#monitorExited = new Promise((resolve) => {
                monitorMain(paths.monitorConfig, {
                    send: (message) => {
                        onMessage(message);
                        if (message.type !== 'exit')
                            return;
                        this.#monitorDone = true;
                        resolve();
                    },
                });
            });
        }
        else {
            const env = { ...process.env };
            // The monitor is plain JavaScript: test runners' and loaders' options are not for it.
            delete env.NODE_OPTIONS;
            const fd = record.stdio === 'inherit' ? 'inherit' : 'ignore';
            const child = (0,external_node_child_process_.spawn)(process.execPath, ['-e', monitorScript(), paths.monitorConfig], {
                detached: true,
                stdio: ['ignore', fd, fd, 'ipc'],
                env,
            });
            this.#monitor = child;
            this.#monitorExited = new Promise((resolve) => {
                const done = () => {
                    this.#monitorDone = true;
                    resolve();
                };
                child.once('exit', done);
                // A monitor that could not be spawned at all emits 'error' and never 'exit'.
                child.once('error', (error) => {
                    spawnError = error;
                    done();
                });
            });
            child.on('message', (message) => onMessage(message));
            if (child.pid)
                await (0,promises_.writeFile)(paths.monitorPid, `${child.pid}\n`);
        }
        // Messages may have come before this (a runtime that fails at once): exit.json has them.
        const started = new Promise((resolve) => {
            onMessage = (message) => {
                if (message.type === 'started')
                    resolve(message.pid);
                else if (message.type === 'exit') {
                    resolve(message.exit.started ? message.exit.pid : undefined);
                }
                else if (message.type === 'line')
                    this.#onOutput(message.entry, this.name);
            };
            this.#monitorExited?.then(() => resolve(undefined));
        });
        const timeoutMs = options.timeoutMs ?? START_TIMEOUT_MS;
        let timer;
        const timedOut = new Promise((resolve) => {
            timer = setTimeout(() => resolve('timeout'), timeoutMs);
        });
        const pid = await Promise.race([started, timedOut]).finally(() => clearTimeout(timer));
        this.#unref();
        if (pid === 'timeout') {
            await this.#forceKill();
            throw new errors/* LighterError */.Kt('ERR_TIMEOUT', `starting container ${this.name}: the runtime did not create it within ${timeoutMs} ms`);
        }
        if (pid === undefined) {
            if (spawnError) {
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `starting container ${this.name}: cannot spawn its monitor (${process.execPath}): ${spawnError.message}`);
            }
            // The monitor may still be writing exit.json when its IPC message arrives.
            await this.#untilMonitorExits();
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', `starting container ${this.name}: ${await this.#startError()}`, { details: { runtime: record.runtime.name } });
        }
        this.#logger.debug(`container ${this.name} started (pid ${pid}, ${record.runtime.name})`);
        return { pid };
    }
    /** Stops listening to the monitor, so this process can exit while the container runs on. */
    detach() {
        this.#link?.close();
        const child = this.#monitor;
        if (!child)
            return;
        if (child.connected)
            child.disconnect();
        child.unref();
    }
    /** Waits for the container to exit and returns its exit code (128 + n after signal n). */
    async wait(options = {}) {
        const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
        for (;;) {
            const exit = await this.#exit();
            if (exit)
                return this.#exitCode(exit);
            const remaining = deadline - Date.now();
            if (remaining <= 0) {
                throw new errors/* LighterError */.Kt('ERR_TIMEOUT', `waiting for container ${this.name}: still running after ${options.timeoutMs} ms`);
            }
            if (this.#monitorExited && !this.#monitorDone) {
                this.#ref();
                // A cleared timer: a pending one would hold this process up to a second after the exit.
                let timer;
                try {
                    await Promise.race([
                        this.#monitorExited,
                        new Promise((resolve) => {
                            timer = setTimeout(resolve, Math.min(remaining, 1000));
                        }),
                    ]);
                }
                finally {
                    clearTimeout(timer);
                    this.#unref();
                }
                continue;
            }
            if (!(await (0,exists/* pathExists */.s)(this.paths.monitorPid))) {
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `waiting for container ${this.name}: it was never started`);
            }
            if (!(await this.monitorAlive())) {
                const late = await this.#exit();
                if (late)
                    return this.#exitCode(late);
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `waiting for container ${this.name}: its monitor was killed, so its exit code is lost`);
            }
            await sleep(Math.min(remaining, 100));
        }
    }
    /** Sends a signal to the container's init (`SIGTERM`, `TERM`, `15`, `SIGRTMIN+3`). */
    async kill(signal = 'SIGKILL') {
        const number = signals_signalNumber(signal);
        const result = await command_runCommand(this.#runtimeArgv(['kill', this.id, String(number)]));
        if (result.code === 0)
            return;
        const status = (await this.state()).status;
        if (status === 'exited' || status === 'stopped' || status === 'created') {
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', `sending ${signalName(number)} to container ${this.name}: it is not running (${status})`);
        }
        throw new errors/* LighterError */.Kt('ERR_RUNTIME', `sending ${signalName(number)} to container ${this.name}: ${result.stderr.trim()}`);
    }
    /**
     * Sends the stop signal, waits `timeoutMs`, then SIGKILL; returns the exit code. A container
     * that already exited just gives its exit code. (A PID 1 without a handler for the signal
     * ignores it, as in Docker: then only SIGKILL ends it.)
     */
    async stop(options = {}) {
        const signal = options.signal ?? this.record.stopSignal;
        const timeoutMs = options.timeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
        const state = await this.state();
        if (state.status === 'created') {
            throw new errors/* LighterError */.Kt('ERR_RUNTIME', `stopping container ${this.name}: it was never started`);
        }
        if (state.status === 'exited' || state.status === 'stopped')
            return this.wait();
        await this.kill(signal).catch((error) => this.#logger.debug(String(error)));
        try {
            return await this.wait({ timeoutMs });
        }
        catch (error) {
            if (!(0,errors/* isLighterError */.E0)(error, 'ERR_TIMEOUT'))
                throw error;
        }
        this.#logger.info(`container ${this.name} did not exit within ${timeoutMs} ms of ${signalName(signals_signalNumber(signal))}; sending SIGKILL`);
        await this.kill('SIGKILL').catch((error) => this.#logger.debug(String(error)));
        return this.wait({ timeoutMs: DEFAULT_STOP_TIMEOUT_MS });
    }
    /** Runs a process in the running container (`runtime exec --process`) and collects its output. */
    async exec(argv, options = {}) {
        if (argv.length === 0)
            throw new errors/* InvalidArgumentError */.Di('exec: no command given');
        const spec = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(this.record.bundleDir, 'config.json'), 'utf8'));
        const process_ = structuredClone(spec.process);
        process_.args = [...argv];
        process_.terminal = false;
        if (options.cwd)
            process_.cwd = options.cwd;
        const env = new Map(process_.env.map((e) => [e.slice(0, e.indexOf('=')), e]));
        const extra = options.env ?? [];
        const pairs = Array.isArray(extra)
            ? extra
            : Object.entries(extra).map(([k, v]) => `${k}=${v}`);
        for (const pair of pairs) {
            const eq = pair.indexOf('=');
            if (eq <= 0)
                throw new errors/* InvalidArgumentError */.Di(`environment entry "${pair}" is not KEY=VALUE`);
            env.set(pair.slice(0, eq), pair);
        }
        if (options.user !== undefined) {
            const rootfs = (0,external_node_path_.resolve)(this.record.bundleDir, spec.root.path);
            const user = await users_resolveUser(rootfs, options.user);
            process_.user = {
                uid: user.uid,
                gid: user.gid,
                ...(user.additionalGids.length > 0 ? { additionalGids: user.additionalGids } : {}),
            };
            const caps = user.uid === 0 ? [...process_.capabilities.bounding] : [];
            process_.capabilities = { ...process_.capabilities, effective: caps, permitted: caps };
            if (!pairs.some((p) => p.startsWith('HOME=')))
                env.set('HOME', `HOME=${user.home}`);
        }
        process_.env = [...env.values()];
        const tag = (0,external_node_crypto_.randomBytes)(4).toString('hex');
        const processFile = (0,external_node_path_.join)(this.paths.dir, `exec-${tag}.json`);
        const logFile = (0,external_node_path_.join)(this.paths.dir, `exec-${tag}.log`);
        await (0,promises_.writeFile)(processFile, JSON.stringify(process_));
        try {
            const result = await command_runCommand(this.#runtimeArgv(['exec', `--process=${processFile}`, this.id], logFile), options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
            // A fresh log per exec: an error in it is the runtime's, not the process's exit status.
            const failure = await runtimeError(logFile);
            if (failure) {
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `exec in container ${this.name}: ${failure}`);
            }
            return { exitCode: result.code, stdout: result.stdout, stderr: result.stderr };
        }
        finally {
            await (0,promises_.rm)(processFile, { force: true });
            await (0,promises_.rm)(logFile, { force: true });
        }
    }
    async state() {
        const { record } = this;
        const base = {
            id: record.id,
            name: record.name,
            createdAt: record.createdAt,
            labels: record.labels,
        };
        const exit = await this.#exit();
        if (exit) {
            return {
                ...base,
                status: 'exited',
                ...(exit.exitCode !== null && exit.started ? { exitCode: exit.exitCode } : {}),
                ...(exit.pid ? { pid: exit.pid } : {}),
                ...(exit.startedAt ? { startedAt: exit.startedAt } : {}),
                finishedAt: exit.finishedAt,
            };
        }
        if (!(await (0,exists/* pathExists */.s)(this.paths.monitorPid)))
            return { ...base, status: 'created' };
        const result = await command_runCommand(this.#runtimeArgv(['state', this.id]));
        if (result.code === 0) {
            const state = JSON.parse(result.stdout);
            const status = state.status === 'paused' ? 'paused' : state.status === 'stopped' ? 'stopped' : 'running';
            return { ...base, status, ...(state.pid ? { pid: state.pid } : {}) };
        }
        // Not (or no longer) known to the runtime: starting, just finishing, or abandoned.
        if (await this.monitorAlive()) {
            const again = await this.#exit();
            if (again)
                return this.state();
            return { ...base, status: 'running' };
        }
        return { ...base, status: (await this.#exit()) ? 'exited' : 'stopped' };
    }
    /** The container's output so far (see `logText` to join it back into text). */
    logs() {
        return readLogs(this.record.logPath);
    }
    /** stdout and stderr as text. */
    async output() {
        const entries = await this.logs();
        return { stdout: logText(entries, 'stdout'), stderr: logText(entries, 'stderr') };
    }
    /**
     * Removes the container: the runtime's state, the rootfs mount, the bundle (when lighter made
     * it) and the container's dir. A running container needs `force` (it is killed).
     */
    async delete(options = {}) {
        const state = await this.state();
        if (state.status === 'running' || state.status === 'paused') {
            if (!options.force) {
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `deleting container ${this.name}: it is ${state.status}; stop it first or delete with force`);
            }
            await this.#forceKill();
        }
        // `runtime run` deletes its container as it exits; a runtime that died before that left its
        // state dir behind (as does one we cannot look into, through sudo): only then is a delete due.
        const { runtime, stateDir } = this.record;
        const known = (0,external_node_path_.join)(paths_runtimeRoot(stateDir, runtime.name), this.id);
        if (runtime.sudo || (await (0,exists/* pathExists */.s)(known))) {
            await command_runCommand(this.#runtimeArgv(['delete', '--force', this.id]));
        }
        await this.#killMonitor();
        await this.#removeFiles();
        this.#logger.debug(`container ${this.name} deleted`);
    }
    async #forceKill() {
        await command_runCommand(this.#runtimeArgv(['kill', this.id, 'KILL']));
        try {
            await this.wait({ timeoutMs: DEFAULT_STOP_TIMEOUT_MS });
        }
        catch (error) {
            this.#logger.debug(`killing container ${this.name}: ${String(error)}`);
        }
    }
    async #killMonitor() {
        // A lighter that is its container's monitor is not killed: it ends with its container. Nor
        // is a pod's infra process, which hosts the monitors of the pod's other containers too.
        if (this.#selfMonitor || (await (0,exists/* pathExists */.s)(this.paths.monitorHost)))
            return;
        if (!(await this.monitorAlive()))
            return;
        const pid = Number((await (0,promises_.readFile)(this.paths.monitorPid, 'utf8')).trim());
        try {
            process.kill(pid, 'SIGKILL');
        }
        catch { }
        await this.#untilMonitorExits();
    }
    /**
     * Waits for the monitor this process started to exit. It is unref'd once started, so it is
     * held again meanwhile: else, with nothing else to do, this process could end right here.
     */
    async #untilMonitorExits() {
        if (!this.#monitorExited)
            return;
        this.#ref();
        try {
            await this.#monitorExited;
        }
        finally {
            this.#unref();
        }
    }
    async #removeFiles() {
        const { record, paths } = this;
        const sudo = record.runtime.sudo;
        if (record.rootfs)
            await unmountRootfs(record.rootfs, { sudo, logger: this.#logger });
        const dirs = record.removeBundle ? [record.bundleDir, paths.dir] : [paths.dir];
        for (const dir of dirs) {
            for (const mount of await mountinfo_mountsUnder(dir)) {
                await rootfs_unmount(mount.mountPoint, { sudo, logger: this.#logger });
            }
            const left = await mountinfo_mountsUnder(dir);
            if (left.length > 0) {
                throw new errors/* LighterError */.Kt('ERR_RUNTIME', `removing ${dir}: ${left[0]?.mountPoint} is still mounted; not removing anything under it`);
            }
        }
        if (record.removeBundle && (0,external_node_path_.relative)(paths.dir, record.bundleDir).startsWith('..')) {
            await removeTree(record.bundleDir, sudo);
        }
        await removeTree(paths.dir, sudo);
    }
    async #exit() {
        return readJson(this.paths.exitFile);
    }
    async #exitCode(exit) {
        if (exit.started && exit.exitCode !== null)
            return exit.exitCode;
        throw new errors/* LighterError */.Kt('ERR_RUNTIME', `running container ${this.name}: ${await this.#startError()}`);
    }
    async #startError() {
        const exit = await this.#exit();
        if (exit?.error)
            return exit.error;
        const fromRuntime = await runtimeError(this.paths.runtimeLog);
        if (fromRuntime)
            return fromRuntime;
        const stderr = logText(await this.logs(), 'stderr')
            .trim()
            .split('\n')
            .slice(-3)
            .join('\n');
        return (stderr || `${this.record.runtime.name} exited ${exit?.exitCode ?? 'without an exit code'}`);
    }
    /**
     * Whether the process that records the container's end still lives (a monitor process, a
     * lighter running in the foreground, or a pod's infra process). Without it, no exit file
     * will come: only the runtime can tell whether the container still runs.
     */
    async monitorAlive() {
        let pid;
        try {
            pid = Number((await (0,promises_.readFile)(this.paths.monitorPid, 'utf8')).trim());
        }
        catch {
            return false;
        }
        if (this.#selfMonitor && pid === process.pid)
            return !this.#monitorDone;
        if (this.#monitor?.pid === pid)
            return this.#monitor.exitCode === null && this.#monitor.signalCode === null;
        // A monitor inside another process (a lighter elsewhere, a pod's infra process): the very
        // process monitor.host names. From here, a hosted monitor lives until its link closes.
        if (this.#link && !this.#monitorDone)
            return true;
        const host = await (0,promises_.readFile)(this.paths.monitorHost, 'utf8').catch(() => undefined);
        if (host !== undefined)
            return isAlive(host.trim());
        // PIDs are reused: the process must be a monitor of this very container.
        try {
            const cmdline = await (0,promises_.readFile)(`/proc/${pid}/cmdline`, 'utf8');
            return cmdline.includes(this.paths.monitorConfig);
        }
        catch {
            return false;
        }
    }
    #runtimeArgv(args, logFile) {
        const { runtime, stateDir } = this.record;
        return command_runtimeArgv(runtime, paths_runtimeRoot(stateDir, runtime.name), args, logFile);
    }
    #ref() {
        this.#refs++;
        this.#link?.ref();
        this.#monitor?.ref();
        this.#monitor?.channel?.ref?.();
    }
    // The monitor must not keep lighter alive (`run -d` exits at once); only a wait() holds it.
    #unref() {
        if (this.#refs > 0)
            this.#refs--;
        if (this.#refs > 0)
            return;
        this.#link?.unref();
        this.#monitor?.unref();
        this.#monitor?.channel?.unref?.();
    }
}
/** The last error a runtime wrote to its JSON log, if any. */
async function runtimeError(logFile) {
    let text;
    try {
        text = await (0,promises_.readFile)(logFile, 'utf8');
    }
    catch {
        return undefined;
    }
    let message;
    for (const line of text.split('\n')) {
        if (!line.startsWith('{'))
            continue;
        try {
            const entry = JSON.parse(line);
            if ((entry.level === 'error' || entry.level === 'fatal') && entry.msg)
                message = entry.msg;
        }
        catch { }
    }
    return message;
}
async function removeTree(dir, sudo) {
    // --one-file-system: a mount we failed to see is skipped (and reported), never emptied.
    await command_checkedCommand(command_privileged(['rm', '-rf', '--one-file-system', '--', dir], sudo), `removing ${dir}`);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/detect.js
// Chooses the OCI runtime (crun or runc) and privilege mode that work on this host, and says why.




const CGROUP2_SUPER_MAGIC = 0x63677270;
// Non-root PATHs often lack the sbin dirs, where Debian installs runc.
const EXTRA_DIRS = (/* unused pure expression or super */ null && (['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']));
async function detectRuntime(options) {
    const facts = options.facts ?? (await detect_hostFacts());
    const runtime = detect_chooseRuntime(facts, options.prefer);
    options.logger.debug(`runtime: ${runtime.reason}`);
    return runtime;
}
let cachedFacts;
/** Probes this host once per process (a sudo check spawns a process). */
function detect_hostFacts() {
    cachedFacts ??= probeHost();
    return cachedFacts;
}
async function probeHost() {
    const uid = process.getuid?.() ?? -1;
    const binaries = {};
    for (const name of ['crun', 'runc']) {
        const path = findExecutable(name);
        if (path)
            binaries[name] = path;
    }
    let sudo = false;
    if (uid !== 0 && findExecutable('sudo')) {
        sudo = await runCommand(['sudo', '-n', 'true'], { timeoutMs: 10_000 }).then((r) => r.code === 0, () => false);
    }
    const usernsBlocked = uid === 0 || sudo ? undefined : usernsProblem();
    return {
        uid,
        cgroups: cgroupMode(),
        binaries,
        sudo,
        ...(usernsBlocked ? { usernsBlocked } : {}),
    };
}
/** The cgroup layout: v2 when /sys/fs/cgroup is cgroup2, hybrid when v2 sits beside v1 controllers. */
function cgroupMode(root = '/sys/fs/cgroup') {
    const isCgroup2 = (path) => {
        try {
            return statfsSync(path).type === CGROUP2_SUPER_MAGIC;
        }
        catch {
            return false;
        }
    };
    if (isCgroup2(root))
        return 'v2';
    if (isCgroup2(join(root, 'unified')))
        return 'hybrid';
    return 'v1';
}
/** The decision itself, free of I/O so every branch can be tested. */
function detect_chooseRuntime(facts, prefer) {
    const { binaries } = facts;
    if (!binaries.crun && !binaries.runc) {
        throw new LighterError('ERR_NOT_FOUND', 'finding an OCI runtime: neither crun nor runc is installed (apt-get install runc, or crun)');
    }
    const root = facts.uid === 0;
    const sudo = !root && facts.sudo;
    const rootless = !root && !sudo;
    const mode = root
        ? 'as root'
        : sudo
            ? 'as root through sudo -n (password-less sudo works)'
            : `rootless in a user namespace (not root and no password-less sudo${facts.usernsBlocked ? `; warning: ${facts.usernsBlocked}` : ''})`;
    let name;
    let why;
    let cgroupManager = 'cgroupfs';
    if (prefer && binaries[prefer]) {
        name = prefer;
        why = `${prefer} was asked for`;
    }
    else if (facts.cgroups === 'v2') {
        name = binaries.crun ? 'crun' : 'runc';
        why =
            name === 'crun'
                ? 'cgroup v2 host, where crun is fastest'
                : 'cgroup v2 host; crun is not installed';
        if (prefer)
            why += ` (${prefer} was asked for but is not installed)`;
    }
    else {
        name = binaries.runc ? 'runc' : 'crun';
        why =
            name === 'runc'
                ? `cgroups are ${facts.cgroups === 'hybrid' ? 'hybrid v1/v2' : 'v1'} here, where crun refuses to start containers; runc works`
                : `cgroups are ${facts.cgroups} and runc is not installed, so crun runs with its cgroup manager disabled (no resource limits)`;
        if (prefer && prefer !== name)
            why += ` (${prefer} was asked for but is not installed)`;
    }
    if (name === 'crun' && (facts.cgroups !== 'v2' || rootless)) {
        cgroupManager = 'disabled';
        if (prefer === 'crun' && facts.cgroups !== 'v2') {
            why += `; cgroups are ${facts.cgroups}, so its cgroup manager is disabled (it may still refuse; runc is the safer choice here)`;
        }
    }
    // Every branch above picks a name whose binary exists.
    const path = binaries[name];
    return {
        name,
        path,
        cgroups: facts.cgroups,
        cgroupManager,
        sudo,
        rootless,
        reason: `${name} (${path}) ${mode}: ${why}`,
    };
}
/** Looks a command up on PATH and in the sbin dirs; undefined when absent. */
function findExecutable(command) {
    const dirs = [...(process.env.PATH ?? '').split(delimiter), ...EXTRA_DIRS];
    for (const dir of new Set(dirs)) {
        if (!dir)
            continue;
        const path = join(dir, command);
        try {
            accessSync(path, constants.X_OK);
            return path;
        }
        catch { }
    }
    return undefined;
}
function usernsProblem() {
    const read = (path) => {
        try {
            return readFileSync(path, 'utf8').trim();
        }
        catch {
            return undefined;
        }
    };
    if (read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') {
        return 'AppArmor restricts unprivileged user namespaces on this host (as on Ubuntu 24.04 runners), so rootless containers will fail; give this user password-less sudo';
    }
    if (read('/proc/sys/kernel/unprivileged_userns_clone') === '0') {
        return 'unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone=0)';
    }
    if (read('/proc/sys/user/max_user_namespaces') === '0') {
        return 'user namespaces are disabled (user.max_user_namespaces=0)';
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/cleanup.js
// Removes everything lighter's containers left in a state dir: after a run action, or after lighter was killed.











/**
 * Kills and deletes every container recorded in `stateDir`, then whatever the runtimes still
 * list under our `--root`s, unmounts anything left mounted under `stateDir` and removes the
 * container dirs. Safe to run twice, and while nothing is there.
 */
async function cleanupAll(stateDir, options = {}) {
    const logger = options.logger ?? silentLogger;
    const result = { containers: [], strays: [], mounts: [], failures: [] };
    const runtimes = new Map();
    for (const id of await containerIds(stateDir)) {
        const record = await readRecord(stateDir, id).catch(() => undefined);
        if (!record)
            continue;
        runtimes.set(record.runtime.name, record.runtime);
        try {
            const container = await openContainer(stateDir, id, logger);
            await container.delete({ force: true });
            result.containers.push(id);
            logger.debug(`cleanup: removed container ${record.name}`);
        }
        catch (error) {
            result.failures.push(`removing container ${record.name}: ${errorMessage(error)}`);
        }
    }
    for (const name of await listDir(join(stateDir, 'runtime'))) {
        if (name !== 'runc' && name !== 'crun')
            continue;
        const runtime = runtimes.get(name) ?? (await runtimeFor(name));
        if (!runtime) {
            result.failures.push(`${name} is not installed: cannot list what it still runs`);
            continue;
        }
        const root = runtimeRoot(stateDir, name);
        const listed = await runCommand(runtimeArgv(runtime, root, ['list', '-q']));
        for (const id of listed.stdout
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)) {
            const deleted = await runCommand(runtimeArgv(runtime, root, ['delete', '--force', id]));
            if (deleted.code === 0)
                result.strays.push(id);
            else
                result.failures.push(`${name} delete ${id}: ${deleted.stderr.trim()}`);
        }
    }
    const sudo = [...runtimes.values()].some((r) => r.sudo) || (await needsSudo());
    for (const mount of await mountsUnder(stateDir)) {
        try {
            await unmount(mount.mountPoint, { sudo, logger });
            result.mounts.push(mount.mountPoint);
        }
        catch (error) {
            result.failures.push(errorMessage(error));
        }
    }
    // Dirs without a record: a crash between making the dir and writing the record.
    for (const id of await containerIds(stateDir)) {
        const dir = containerPaths(stateDir, id).dir;
        if ((await mountsUnder(dir)).length > 0)
            continue;
        const removed = await runCommand(privileged(['rm', '-rf', '--one-file-system', '--', dir], sudo));
        if (removed.code !== 0)
            result.failures.push(`removing ${dir}: ${removed.stderr.trim()}`);
    }
    for (const failure of result.failures)
        logger.warn(`cleanup: ${failure}`);
    return result;
}
async function runtimeFor(name) {
    try {
        const runtime = chooseRuntime(await hostFacts(), name);
        return runtime.name === name ? runtime : undefined;
    }
    catch {
        return undefined;
    }
}
async function needsSudo() {
    if (process.getuid?.() === 0)
        return false;
    return (await hostFacts()).sudo;
}
async function listDir(dir) {
    try {
        return await readdir(dir);
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/limits.js
// Resource limits for containers, clamped to what this host lets its processes have.
//
// Raising a hard limit needs CAP_SYS_RESOURCE, which root in a CI sandbox may lack: a spec
// asking for podman's RLIMIT_NOFILE of 1048576 then fails at start with "setrlimit
// RLIMIT_NOFILE: operation not permitted". Clamping to our own hard limits avoids that; the
// runtime (or sudo in front of it) normally inherits them.

/** The names /proc/PID/limits prints, by rlimit. */
const PROC_NAMES = {
    'Max cpu time': 'RLIMIT_CPU',
    'Max file size': 'RLIMIT_FSIZE',
    'Max data size': 'RLIMIT_DATA',
    'Max stack size': 'RLIMIT_STACK',
    'Max core file size': 'RLIMIT_CORE',
    'Max resident set': 'RLIMIT_RSS',
    'Max processes': 'RLIMIT_NPROC',
    'Max open files': 'RLIMIT_NOFILE',
    'Max locked memory': 'RLIMIT_MEMLOCK',
    'Max address space': 'RLIMIT_AS',
    'Max file locks': 'RLIMIT_LOCKS',
    'Max pending signals': 'RLIMIT_SIGPENDING',
    'Max msgqueue size': 'RLIMIT_MSGQUEUE',
    'Max nice priority': 'RLIMIT_NICE',
    'Max realtime priority': 'RLIMIT_RTPRIO',
    'Max realtime timeout': 'RLIMIT_RTTIME',
};
/** What podman asks for by default; clamped before use. */
const DEFAULT_RLIMITS = [
    { type: 'RLIMIT_NOFILE', soft: 1048576, hard: 1048576 },
    { type: 'RLIMIT_NPROC', soft: 4194304, hard: 4194304 },
];
/** Parses /proc/self/limits text into soft and hard values by RLIMIT_ name. */
function parseProcLimits(text) {
    const limits = new Map();
    for (const line of text.split('\n').slice(1)) {
        const name = Object.keys(PROC_NAMES).find((n) => line.startsWith(n));
        if (!name)
            continue;
        const [soft, hard] = line.slice(name.length).trim().split(/\s+/);
        const value = (v) => v === undefined || v === 'unlimited' ? Infinity : Number(v);
        limits.set(PROC_NAMES[name], { soft: value(soft), hard: value(hard) });
    }
    return limits;
}
let cached;
/** This process's limits (read once). */
function hostLimits() {
    if (!cached) {
        try {
            cached = parseProcLimits(readFileSync('/proc/self/limits', 'utf8'));
        }
        catch {
            cached = new Map();
        }
    }
    return cached;
}
/**
 * Merges `requested` over the defaults (later entries of a type win) and clamps each hard
 * limit to the host's, and each soft limit to its hard limit.
 */
function limits_clampRlimits(requested = [], host = hostLimits()) {
    const merged = new Map();
    for (const limit of [...DEFAULT_RLIMITS, ...requested])
        merged.set(limit.type, { ...limit });
    return [...merged.values()].map((limit) => {
        const ceiling = host.get(limit.type)?.hard ?? Infinity;
        const hard = Math.min(limit.hard, ceiling);
        return { type: limit.type, soft: Math.min(limit.soft, hard), hard };
    });
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/etc-files.js
// /etc/hosts, /etc/hostname and /etc/resolv.conf written per container and bind-mounted over the image's.
//
// Writing them beside the bundle, not into the rootfs, leaves the image (or an overlay upper
// dir that becomes a build layer) untouched, as podman and Docker do.


const STUB_RESOLVER = /^\s*nameserver\s+127\.0\.0\.53\s*$/m;
/** Writes the three files and returns the bind mounts that put them in place. */
async function etc_files_writeEtcFiles(options) {
    const hosts = await hostsFile(options);
    const resolv = await resolvConf(options);
    const files = [
        ['hosts', hosts],
        ['hostname', `${options.hostname}\n`],
        ['resolv.conf', resolv],
    ];
    const mounts = [];
    for (const [name, content] of files) {
        const source = join(options.dir, name);
        await writeFile(source, content, { mode: 0o644 });
        mounts.push({
            destination: `/etc/${name}`,
            type: 'bind',
            source,
            options: ['bind', 'rprivate'],
        });
    }
    return mounts;
}
async function hostsFile(options) {
    const lines = [];
    if (options.hostNetwork) {
        const host = options.hostFiles?.hosts ?? (await readOptional('/etc/hosts'));
        if (host)
            lines.push(host.trimEnd());
    }
    else {
        lines.push('127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback');
    }
    // Only loopback exists in a private network namespace, so the container's own name is there.
    lines.push(`127.0.0.1\t${options.hostname}`);
    for (const entry of options.extraHosts ?? [])
        lines.push(`${entry.address}\t${entry.name}`);
    return `${lines.join('\n')}\n`;
}
async function resolvConf(options) {
    let text = options.hostFiles?.resolvConf ?? (await readOptional('/etc/resolv.conf')) ?? '';
    // systemd-resolved's stub listens on the host's loopback, which a container's own network
    // namespace cannot reach; its list of upstream servers works from anywhere.
    if (!options.hostNetwork && !options.hostFiles?.resolvConf && STUB_RESOLVER.test(text)) {
        text = (await readOptional('/run/systemd/resolve/resolv.conf')) ?? text;
    }
    return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}
async function readOptional(path) {
    try {
        return await readFile(path, 'utf8');
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/spec.js
// Builds the OCI runtime spec (config.json) of a container: podman's defaults, the image's config, the caller's options.








/** podman's default capability set (containers.conf `default_capabilities`). */
const DEFAULT_CAPABILITIES = (/* unused pure expression or super */ null && ([
    'CAP_CHOWN',
    'CAP_DAC_OVERRIDE',
    'CAP_FOWNER',
    'CAP_FSETID',
    'CAP_KILL',
    'CAP_NET_BIND_SERVICE',
    'CAP_SETFCAP',
    'CAP_SETGID',
    'CAP_SETPCAP',
    'CAP_SETUID',
    'CAP_SYS_CHROOT',
]));
/** podman's masked paths: kernel data a container has no business reading. */
const MASKED_PATHS = (/* unused pure expression or super */ null && ([
    '/proc/acpi',
    '/proc/kcore',
    '/proc/keys',
    '/proc/latency_stats',
    '/proc/timer_list',
    '/proc/timer_stats',
    '/proc/sched_debug',
    '/proc/scsi',
    '/proc/interrupts',
    '/sys/firmware',
    '/sys/fs/selinux',
    '/sys/dev/block',
    '/sys/devices/virtual/powercap',
]));
const READONLY_PATHS = (/* unused pure expression or super */ null && ([
    '/proc/asound',
    '/proc/bus',
    '/proc/fs',
    '/proc/irq',
    '/proc/sys',
    '/proc/sysrq-trigger',
]));
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/**
 * The spec for one container. Reads the image's /etc/passwd and /etc/group from `rootfs`,
 * creates the working dir there if missing, and writes /etc/hosts, /etc/hostname and
 * /etc/resolv.conf into `bundleDir`. Bad input is ERR_INVALID_ARGUMENT, before anything runs.
 */
async function buildSpec(options) {
    const image = options.image ?? {};
    const args = commandLine(options, image);
    const network = options.network === 'none' ? 'private' : (options.network ?? 'private');
    const uts = options.uts ?? 'private';
    const ipc = options.ipc ?? 'private';
    const pid = options.pid ?? 'private';
    const hostname = options.hostname ?? 'lighter';
    const rootless = options.runtime?.rootless ?? false;
    const cwd = options.cwd || image.WorkingDir || '/';
    if (!posix.isAbsolute(cwd)) {
        throw new InvalidArgumentError(`working dir "${cwd}" must be an absolute path`);
    }
    const user = await resolveUser(options.rootfs, options.user ?? image.User, options.groups);
    await ensureCwd(options.rootfs, cwd);
    const env = new Map();
    for (const item of image.Env ?? [])
        setEnv(env, item);
    const given = options.env ?? [];
    if (Array.isArray(given))
        for (const item of given)
            setEnv(env, item);
    else
        for (const [k, v] of Object.entries(given))
            env.set(k, v);
    if (!env.has('PATH'))
        env.set('PATH', DEFAULT_PATH);
    if (!env.has('HOME'))
        env.set('HOME', user.home);
    if (uts === 'private' && !env.has('HOSTNAME'))
        env.set('HOSTNAME', hostname);
    const capabilities = capabilitySet(options.capAdd ?? [], options.capDrop ?? []);
    // As podman does: a non-root user keeps the bounding set but holds no capability itself.
    const held = user.uid === 0 ? capabilities : [];
    const userMounts = [
        ...(options.tmpfs ?? []).map(parseTmpfs),
        ...(await Promise.all((options.volumes ?? []).map(parseBind))),
    ];
    if (options.readonlyRootfs && (options.readonlyTmpfs ?? true)) {
        for (const destination of ['/tmp', '/var/tmp', '/run']) {
            if (userMounts.some((m) => m.destination === destination))
                continue;
            userMounts.push({
                destination,
                type: 'tmpfs',
                source: 'tmpfs',
                options: ['rw', 'nosuid', 'nodev', 'mode=1777'],
            });
        }
    }
    const etcMounts = await writeEtcFiles({
        dir: options.bundleDir,
        hostname,
        hostNetwork: network === 'host',
        extraHosts: options.extraHosts ?? [],
    });
    const overridden = new Set(userMounts.map((m) => m.destination));
    const mounts = [
        ...systemMounts({ network, ipc, rootless, cgroups: options.runtime?.cgroups }),
        ...etcMounts,
    ].filter((m) => !overridden.has(m.destination));
    // Parents before children: `-v /data:/d -v /x:/d/sub` must mount /d first.
    userMounts.sort((a, b) => depth(a.destination) - depth(b.destination));
    mounts.push(...userMounts);
    const namespaces = [{ type: 'mount' }];
    addNamespace(namespaces, 'pid', pid);
    addNamespace(namespaces, 'network', network);
    addNamespace(namespaces, 'ipc', ipc);
    addNamespace(namespaces, 'uts', uts);
    if (options.runtime?.cgroups === 'v2')
        namespaces.push({ type: 'cgroup' });
    if (rootless)
        namespaces.push({ type: 'user' });
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    const spec = {
        ociVersion: OCI_VERSION,
        process: {
            terminal: false,
            user: {
                uid: user.uid,
                gid: user.gid,
                ...(user.additionalGids.length > 0 ? { additionalGids: user.additionalGids } : {}),
            },
            args,
            env: [...env].map(([k, v]) => `${k}=${v}`),
            cwd,
            capabilities: {
                bounding: [...capabilities],
                effective: [...held],
                permitted: [...held],
            },
            rlimits: clampRlimits(options.rlimits),
            noNewPrivileges: options.noNewPrivileges ?? false,
        },
        root: { path: options.rootfs, readonly: options.readonlyRootfs ?? false },
        ...(uts === 'private' ? { hostname } : {}),
        mounts,
        linux: {
            namespaces,
            ...(rootless
                ? {
                    uidMappings: [{ containerID: 0, hostID: uid, size: 1 }],
                    gidMappings: [{ containerID: 0, hostID: gid, size: 1 }],
                }
                : { resources: { devices: [{ allow: false, access: 'rwm' }] } }),
            ...(options.cgroupsPath ? { cgroupsPath: options.cgroupsPath } : {}),
            maskedPaths: [...MASKED_PATHS],
            readonlyPaths: [...READONLY_PATHS],
        },
        ...(options.annotations ? { annotations: { ...options.annotations } } : {}),
    };
    return spec;
}
function commandLine(options, image) {
    const entrypoint = options.entrypoint ?? image.Entrypoint ?? [];
    const command = options.command ?? (options.entrypoint ? [] : (image.Cmd ?? []));
    const args = [...entrypoint, ...command];
    if (args.length === 0) {
        throw new InvalidArgumentError('no command to run: the image has no Entrypoint or Cmd and none was given');
    }
    return args;
}
function setEnv(env, item) {
    const eq = item.indexOf('=');
    if (eq <= 0)
        throw new InvalidArgumentError(`environment entry "${item}" is not KEY=VALUE`);
    env.set(item.slice(0, eq), item.slice(eq + 1));
}
function capabilitySet(add, drop) {
    const normalize = (name) => {
        const upper = name.trim().toUpperCase();
        return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
    };
    const dropped = new Set(drop.map(normalize));
    const set = new Set(dropped.has('ALL') ? [] : DEFAULT_CAPABILITIES);
    for (const cap of dropped)
        set.delete(cap);
    for (const cap of add.map(normalize)) {
        if (cap === 'ALL')
            throw new InvalidArgumentError('adding ALL capabilities is not supported');
        set.add(cap);
    }
    return [...set];
}
function systemMounts(o) {
    const mounts = [
        { destination: '/proc', type: 'proc', source: 'proc', options: ['nosuid', 'noexec', 'nodev'] },
        {
            destination: '/dev',
            type: 'tmpfs',
            source: 'tmpfs',
            options: ['nosuid', 'strictatime', 'mode=755', 'size=65536k'],
        },
        {
            destination: '/dev/pts',
            type: 'devpts',
            source: 'devpts',
            // A rootless container has no group 5 of the host mapped in.
            options: [
                'nosuid',
                'noexec',
                'newinstance',
                'ptmxmode=0666',
                'mode=0620',
                ...(o.rootless ? [] : ['gid=5']),
            ],
        },
        {
            destination: '/dev/shm',
            type: 'tmpfs',
            source: 'shm',
            options: ['nosuid', 'noexec', 'nodev', 'mode=1777', 'size=65536k'],
        },
    ];
    if (o.ipc === 'host') {
        mounts.push({
            destination: '/dev/mqueue',
            type: 'bind',
            source: '/dev/mqueue',
            options: ['rbind', 'nosuid', 'noexec', 'nodev'],
        });
    }
    else {
        mounts.push({
            destination: '/dev/mqueue',
            type: 'mqueue',
            source: 'mqueue',
            options: ['nosuid', 'noexec', 'nodev'],
        });
    }
    // sysfs can only be mounted by whoever owns the network namespace; with the host's (or a
    // rootless container's) the host's /sys is bound read-only instead, as podman does.
    if (o.network === 'private' && !o.rootless) {
        mounts.push({
            destination: '/sys',
            type: 'sysfs',
            source: 'sysfs',
            options: ['nosuid', 'noexec', 'nodev', 'ro'],
        });
    }
    else {
        mounts.push({
            destination: '/sys',
            type: 'bind',
            source: '/sys',
            options: ['rbind', 'nosuid', 'noexec', 'nodev', 'ro'],
        });
    }
    if (!o.rootless || o.cgroups === 'v2') {
        mounts.push({
            destination: '/sys/fs/cgroup',
            type: 'cgroup',
            source: 'cgroup',
            options: ['nosuid', 'noexec', 'nodev', 'relatime', 'ro'],
        });
    }
    return mounts;
}
function addNamespace(list, type, mode) {
    if (mode === 'host')
        return;
    if (mode === 'private')
        list.push({ type });
    else {
        if (!isAbsolute(mode.path)) {
            throw new InvalidArgumentError(`${type} namespace path "${mode.path}" must be absolute`);
        }
        list.push({ type, path: mode.path });
    }
}
/** Parses `/path[:opt,opt]`. */
function parseTmpfs(value) {
    const mount = typeof value === 'string'
        ? (() => {
            const colon = value.indexOf(':');
            const destination = colon < 0 ? value : value.slice(0, colon);
            const options = colon < 0
                ? []
                : value
                    .slice(colon + 1)
                    .split(',')
                    .filter(Boolean);
            return { destination, options };
        })()
        : value;
    if (!posix.isAbsolute(mount.destination)) {
        throw new InvalidArgumentError(`tmpfs "${mount.destination}" must be an absolute path`);
    }
    const options = new Set(['rw', 'noexec', 'nosuid', 'nodev']);
    for (const option of mount.options ?? []) {
        if (option === 'exec')
            options.delete('noexec');
        else if (option === 'ro')
            options.delete('rw');
        else if (option === 'suid')
            options.delete('nosuid');
        else if (option === 'dev')
            options.delete('nodev');
        options.add(option);
    }
    return {
        destination: posix.normalize(mount.destination),
        type: 'tmpfs',
        source: 'tmpfs',
        options: [...options],
    };
}
/** Parses `src:dst[:ro|rw]` and checks that the source exists (relative sources are from our cwd). */
async function parseBind(value) {
    let mount;
    if (typeof value === 'string') {
        const parts = value.split(':');
        const [source, destination, mode] = parts;
        if (parts.length < 2 ||
            parts.length > 3 ||
            !source ||
            !destination ||
            (mode !== undefined && mode !== 'ro' && mode !== 'rw')) {
            throw new InvalidArgumentError(`bind mount "${value}" is not SRC:DST[:ro|rw]`);
        }
        mount = { source, destination, readOnly: mode === 'ro' };
    }
    else {
        mount = value;
    }
    if (!posix.isAbsolute(mount.destination)) {
        throw new InvalidArgumentError(`bind mount destination "${mount.destination}" must be an absolute path`);
    }
    const source = resolve(mount.source);
    try {
        await stat(source);
    }
    catch {
        throw new InvalidArgumentError(`bind mount source "${mount.source}" does not exist`);
    }
    return {
        destination: posix.normalize(mount.destination),
        type: 'bind',
        source,
        options: ['rbind', mount.readOnly ? 'ro' : 'rw', 'rprivate'],
    };
}
function depth(path) {
    return path.split('/').filter(Boolean).length;
}
async function ensureCwd(rootfs, cwd) {
    if (cwd === '/')
        return;
    const host = await resolveInRoot(rootfs, cwd);
    const exists = await stat(host).then((s) => s.isDirectory(), () => false);
    // Docker creates a missing WORKDIR at start; so does podman.
    if (!exists)
        await mkdirInRoot(rootfs, cwd);
}

;// CONCATENATED MODULE: ./.build/src/core/runtime/index.js
// The runtime wrapper: OCI specs, root filesystems and containers run by crun or runc.














;// CONCATENATED MODULE: ./.build/src/core/build/leftovers.js
// RUN containers a killed build left behind (a cancelled CI job, Ctrl-C): found by their ID and removed, mounts and all.


/** Build containers are named `build-<pid of the builder>-<random>`. */
const BUILD_ID = /^build-(\d+)-[a-f0-9]+$/;
function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (err) {
        return err.code === 'EPERM';
    }
}
/**
 * Removes the RUN containers of builds whose process is gone; the containers of live builds
 * and every other lighter container (the run action's services) are left alone.
 */
async function removeBuildLeftovers(logger, stateDir = paths_defaultStateDir()) {
    let removed = 0;
    for (const record of await listRecords(stateDir).catch(() => [])) {
        const match = BUILD_ID.exec(record.id);
        if (!match || alive(Number(match[1])))
            continue;
        try {
            const container = await container_openContainer(stateDir, record.id, logger);
            await container.delete({ force: true });
            removed++;
        }
        catch (err) {
            logger.warn(`removing build container ${record.id}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
    if (removed > 0)
        logger.info(`removed ${removed} RUN container(s) left by a build that was killed`);
    return removed;
}


/***/ })

};
