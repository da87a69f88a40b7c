export const id = 1216;
export const ids = [1216];
export const modules = {

/***/ 1216:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kubeGenerate: () => (/* binding */ kubeGenerate),
  kubePlay: () => (/* binding */ kubePlay),
  reportNotReady: () => (/* binding */ reportNotReady)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/pod/agent.js
var agent = __webpack_require__(1642);
// EXTERNAL MODULE: ./.build/src/core/pod/forwarder.js
var forwarder = __webpack_require__(6977);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/src/core/run/options.js
var options = __webpack_require__(4131);
// EXTERNAL MODULE: ./.build/src/core/run/probe.js
var probe = __webpack_require__(5299);
;// CONCATENATED MODULE: ./.build/src/core/pod/kube.js
// Kubernetes Pod YAML in and out: a Pod manifest as a PodPlan (`kube play`), and a running pod as a Pod manifest (`kube generate`).
//
// The subset a CI pod needs: containers (image, command, args, env, workingDir, ports,
// securityContext.runAsUser/runAsGroup, volumeMounts, readinessProbe, livenessProbe) and
// volumes of type emptyDir and hostPath. Anything else in the file is ignored, as `podman
// kube play` ignores what it does not support; what is wrong in the part we read is an error
// naming its path (`spec.containers[1].image: required`).






/** Reads a Pod manifest file; the first document of kind Pod is the one played. */
async function readPodFile(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* InvalidArgumentError */.Di(`reading ${path}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    return parsePodYaml(text, path);
}
function parsePodYaml(text, source = 'the Pod YAML') {
    const docs = (0,dist/* parseAllDocuments */.hR)(text);
    const list = Array.isArray(docs) ? docs : [docs];
    const objects = [];
    for (const doc of list) {
        const error = doc.errors[0];
        if (error) {
            const line = error.linePos?.[0];
            throw new errors/* InvalidArgumentError */.Di(`parsing ${source}: invalid YAML${line ? ` at line ${line.line}, column ${line.col}` : ''}: ${error.message.split('\n')[0]}`);
        }
        objects.push(doc.toJS());
    }
    const pods = objects.filter((o) => isObject(o) && o.kind === 'Pod');
    if (pods.length === 0) {
        const kinds = objects.map((o) => (isObject(o) && typeof o.kind === 'string' ? o.kind : '?'));
        throw new errors/* InvalidArgumentError */.Di(`parsing ${source}: no document of kind Pod (found ${kinds.join(', ') || 'nothing'}); only Pods are supported`);
    }
    try {
        return podPlan(pods[0]);
    }
    catch (error) {
        throw new errors/* InvalidArgumentError */.Di(`parsing ${source}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
function podPlan(pod) {
    const metadata = object(pod.metadata ?? {}, 'metadata');
    const name = string(metadata.name, 'metadata.name');
    const spec = object(pod.spec, 'spec');
    const volumes = new Map();
    for (const [i, v] of array(spec.volumes ?? [], 'spec.volumes').entries()) {
        const volume = object(v, `spec.volumes[${i}]`);
        const volumeName = string(volume.name, `spec.volumes[${i}].name`);
        if (volume.emptyDir === undefined && volume.hostPath === undefined) {
            throw new Error(`spec.volumes[${i}] (${volumeName}): only emptyDir and hostPath volumes are supported`);
        }
        volumes.set(volumeName, volume);
    }
    const ports = [];
    const containers = array(spec.containers, 'spec.containers').map((c, i) => containerPlan(object(c, `spec.containers[${i}]`), `spec.containers[${i}]`, volumes, ports));
    if (containers.length === 0)
        throw new Error('spec.containers: at least one container is required');
    const labels = metadata.labels === undefined ? {} : stringMap(metadata.labels, 'metadata.labels');
    return { name, ports, containers, labels };
}
function containerPlan(c, at, volumes, ports) {
    const plan = {
        name: string(c.name, `${at}.name`),
        image: string(c.image, `${at}.image`),
    };
    if (c.command !== undefined)
        plan.entrypoint = stringArray(c.command, `${at}.command`);
    if (c.args !== undefined)
        plan.command = stringArray(c.args, `${at}.args`);
    if (c.workingDir !== undefined)
        plan.workdir = string(c.workingDir, `${at}.workingDir`);
    const env = {};
    for (const [i, e] of array(c.env ?? [], `${at}.env`).entries()) {
        const entry = object(e, `${at}.env[${i}]`);
        const key = string(entry.name, `${at}.env[${i}].name`);
        if (entry.valueFrom !== undefined)
            throw new Error(`${at}.env[${i}].valueFrom is not supported`);
        env[key] =
            entry.value === undefined || entry.value === null
                ? ''
                : scalar(entry.value, `${at}.env[${i}].value`);
    }
    plan.env = env;
    const named = new Map();
    const declared = [];
    for (const [i, p] of array(c.ports ?? [], `${at}.ports`).entries()) {
        const port = object(p, `${at}.ports[${i}]`);
        const containerPort = portNumber(port.containerPort, `${at}.ports[${i}].containerPort`);
        declared.push(containerPort);
        if (typeof port.name === 'string')
            named.set(port.name, containerPort);
        const protocol = port.protocol === undefined
            ? 'tcp'
            : string(port.protocol, `${at}.ports[${i}].protocol`).toLowerCase();
        if (protocol !== 'tcp' && protocol !== 'udp')
            throw new Error(`${at}.ports[${i}].protocol must be TCP or UDP`);
        if (port.hostPort !== undefined) {
            ports.push({
                hostIp: port.hostIP === undefined ? undefined : string(port.hostIP, `${at}.ports[${i}].hostIP`),
                hostPort: portNumber(port.hostPort, `${at}.ports[${i}].hostPort`),
                containerPort,
                protocol,
            });
        }
    }
    plan.ports = declared;
    const security = c.securityContext === undefined ? {} : object(c.securityContext, `${at}.securityContext`);
    if (security.runAsUser !== undefined) {
        const uid = integer(security.runAsUser, `${at}.securityContext.runAsUser`);
        plan.user =
            security.runAsGroup === undefined
                ? String(uid)
                : `${uid}:${integer(security.runAsGroup, `${at}.securityContext.runAsGroup`)}`;
    }
    const mounts = [];
    for (const [i, m] of array(c.volumeMounts ?? [], `${at}.volumeMounts`).entries()) {
        const mount = object(m, `${at}.volumeMounts[${i}]`);
        const volumeName = string(mount.name, `${at}.volumeMounts[${i}].name`);
        const volume = volumes.get(volumeName);
        if (!volume)
            throw new Error(`${at}.volumeMounts[${i}]: no volume named "${volumeName}" in spec.volumes`);
        const destination = string(mount.mountPath, `${at}.volumeMounts[${i}].mountPath`);
        const readOnly = mount.readOnly === true;
        if (volume.emptyDir !== undefined)
            mounts.push({ destination, readOnly, emptyDir: volumeName });
        else {
            const hostPath = object(volume.hostPath, `volume ${volumeName}.hostPath`);
            const path = string(hostPath.path, `volume ${volumeName}.hostPath.path`);
            const type = hostPath.type === undefined
                ? ''
                : string(hostPath.type, `volume ${volumeName}.hostPath.type`);
            const create = type === 'DirectoryOrCreate' ? 'directory' : type === 'FileOrCreate' ? 'file' : undefined;
            mounts.push({ destination, readOnly, hostPath: path, ...(create ? { create } : {}) });
        }
    }
    plan.mounts = mounts;
    // Without a readinessProbe the image's HEALTHCHECK gates readiness, as on the command line.
    if (c.readinessProbe !== undefined)
        plan.readiness = kubeProbe(object(c.readinessProbe, `${at}.readinessProbe`), `${at}.readinessProbe`, named);
    if (c.livenessProbe !== undefined)
        plan.liveness = kubeProbe(object(c.livenessProbe, `${at}.livenessProbe`), `${at}.livenessProbe`, named);
    return plan;
}
function kubeProbe(p, at, named) {
    let check;
    const port = (value, where) => {
        if (typeof value === 'string' && named.has(value))
            return named.get(value);
        return portNumber(value, where);
    };
    if (p.exec !== undefined) {
        check = {
            kind: 'exec',
            command: stringArray(object(p.exec, `${at}.exec`).command, `${at}.exec.command`),
        };
    }
    else if (p.tcpSocket !== undefined) {
        const tcp = object(p.tcpSocket, `${at}.tcpSocket`);
        check = {
            kind: 'tcp',
            port: port(tcp.port, `${at}.tcpSocket.port`),
            ...(typeof tcp.host === 'string' ? { host: tcp.host } : {}),
        };
    }
    else if (p.httpGet !== undefined) {
        const http = object(p.httpGet, `${at}.httpGet`);
        const scheme = http.scheme === undefined
            ? 'http'
            : string(http.scheme, `${at}.httpGet.scheme`).toLowerCase();
        if (scheme !== 'http' && scheme !== 'https')
            throw new Error(`${at}.httpGet.scheme must be HTTP or HTTPS`);
        check = {
            kind: 'http',
            scheme,
            port: port(http.port, `${at}.httpGet.port`),
            path: http.path === undefined ? '/' : string(http.path, `${at}.httpGet.path`),
            ...(typeof http.host === 'string' ? { host: http.host } : {}),
        };
    }
    else {
        throw new Error(`${at}: expected exec, tcpSocket or httpGet`);
    }
    const seconds = (key, fallback) => p[key] === undefined ? fallback : integer(p[key], `${at}.${key}`) * 1000;
    // Kubernetes' defaults: every 10 s, 1 s per check, 3 failures.
    return (0,probe/* probe */.dy)(check, {
        intervalMs: seconds('periodSeconds', 10_000),
        timeoutMs: seconds('timeoutSeconds', 1000),
        retries: p.failureThreshold === undefined ? 3 : integer(p.failureThreshold, `${at}.failureThreshold`),
        delayMs: seconds('initialDelaySeconds', 0),
    });
}
/** A Pod manifest that `kube play` (or a cluster) runs as the same pod. */
function generatePodYaml(input) {
    const volumes = [];
    const volumeNames = new Map();
    const volumeFor = (source) => {
        const known = volumeNames.get(source);
        if (known)
            return known;
        const prefix = `${input.dir}/volumes/`;
        let name;
        if (source.startsWith(prefix)) {
            name = source.slice(prefix.length);
            volumes.push({ name, emptyDir: {} });
        }
        else {
            const base = source
                .split('/')
                .filter(Boolean)
                .pop()
                ?.toLowerCase()
                .replace(/[^a-z0-9-]/g, '-') || 'root';
            name = `${base}-${volumes.length}`.replace(/^-+/, 'v-');
            let type;
            try {
                type = (0,external_node_fs_.statSync)(source).isDirectory() ? 'Directory' : 'File';
            }
            catch { }
            volumes.push({ name, hostPath: { path: source, ...(type ? { type } : {}) } });
        }
        volumeNames.set(source, name);
        return name;
    };
    const unclaimed = [...input.ports];
    // As planned when played (they start at once); those added later by `run --pod` after them.
    const ordered = [...input.containers].sort((a, b) => (a.pod?.order ?? Number.MAX_SAFE_INTEGER) - (b.pod?.order ?? Number.MAX_SAFE_INTEGER) ||
        (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    const containers = ordered.map((info, index) => {
        const r = info.request;
        const c = { name: info.name, image: r.image };
        if (r.entrypoint)
            c.command = r.entrypoint;
        if (r.command)
            c.args = r.command;
        if (r.workdir)
            c.workingDir = r.workdir;
        const env = Object.entries(r.env);
        if (env.length > 0)
            c.env = env.map(([name, value]) => ({ name, value }));
        const ports = r.ports.map((containerPort) => ({ containerPort }));
        for (const published of [...unclaimed]) {
            const mine = r.ports.includes(published.containerPort) ||
                (index === 0 && !ordered.some((o) => o.request.ports.includes(published.containerPort)));
            if (!mine)
                continue;
            unclaimed.splice(unclaimed.indexOf(published), 1);
            let entry = ports.find((p) => p.containerPort === published.containerPort && p.hostPort === undefined);
            if (!entry) {
                entry = { containerPort: published.containerPort };
                ports.push(entry);
            }
            entry.hostPort = published.hostPort;
            if (published.hostIp)
                entry.hostIP = published.hostIp;
            if (published.protocol !== 'tcp')
                entry.protocol = published.protocol.toUpperCase();
        }
        if (ports.length > 0)
            c.ports = ports;
        if (r.user) {
            const [user, group] = r.user.split(':');
            if (/^\d+$/.test(user ?? '')) {
                c.securityContext = {
                    runAsUser: Number(user),
                    ...(group && /^\d+$/.test(group) ? { runAsGroup: Number(group) } : {}),
                };
            }
        }
        if (r.volumes.length > 0) {
            c.volumeMounts = r.volumes.map((v) => ({
                name: volumeFor(v.source),
                mountPath: v.destination,
                ...(v.readOnly ? { readOnly: true } : {}),
            }));
        }
        if (r.readiness)
            c.readinessProbe = kubeProbeOf(r.readiness);
        if (r.liveness)
            c.livenessProbe = kubeProbeOf(r.liveness);
        return c;
    });
    const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: input.name, labels: { app: input.name } },
        spec: {
            containers,
            ...(volumes.length > 0 ? { volumes } : {}),
            restartPolicy: 'Never',
        },
    };
    return `# Generated by lighter kube generate\n${(0,dist/* stringify */.As)(pod)}`;
}
function kubeProbeOf(p) {
    const out = {};
    const check = p.check;
    if (check.kind === 'exec')
        out.exec = { command: check.command };
    else if (check.kind === 'tcp')
        out.tcpSocket = { port: check.port, ...(check.host ? { host: check.host } : {}) };
    else {
        out.httpGet = {
            path: check.path,
            port: check.port,
            ...(check.host ? { host: check.host } : {}),
            ...(check.scheme === 'https' ? { scheme: 'HTTPS' } : {}),
        };
    }
    const seconds = (ms) => Math.max(1, Math.ceil(ms / 1000));
    if (p.delayMs > 0)
        out.initialDelaySeconds = seconds(p.delayMs);
    out.periodSeconds = seconds(p.intervalMs);
    out.timeoutSeconds = seconds(p.timeoutMs);
    out.failureThreshold = p.retries;
    return out;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function object(value, at) {
    if (!isObject(value))
        throw new Error(`${at}: ${value === undefined ? 'required' : 'expected a mapping'}`);
    return value;
}
function array(value, at) {
    if (!Array.isArray(value))
        throw new Error(`${at}: ${value === undefined ? 'required' : 'expected a list'}`);
    return value;
}
function string(value, at) {
    if (value === undefined || value === null || value === '')
        throw new Error(`${at}: required`);
    if (typeof value !== 'string')
        throw new Error(`${at}: expected a string`);
    return value;
}
function scalar(value, at) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    throw new Error(`${at}: expected a string`);
}
function stringArray(value, at) {
    return array(value, at).map((v, i) => scalar(v, `${at}[${i}]`));
}
function stringMap(value, at) {
    const map = object(value, at);
    return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, scalar(v, `${at}.${k}`)]));
}
function integer(value, at) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
        throw new Error(`${at}: expected a whole number, got ${JSON.stringify(value)}`);
    }
    return value;
}
function portNumber(value, at) {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !(0,options/* inPortRange */.Uo)(n)) {
        throw new Error(`${at}: expected a port 1-65535, got ${JSON.stringify(value)}`);
    }
    return n;
}

// EXTERNAL MODULE: ./.build/src/core/pod/ready.js
var pod_ready = __webpack_require__(2324);
;// CONCATENATED MODULE: ./.build/src/core/pod/liveness.js
// Liveness checks while tests run: a service that stops answering is reported, once, instead of failing silently.
//
// Kubernetes would restart the container; lighter does not restart anything (a CI run should
// see the failure, not hide it), so the watcher only reports.


/** Checks each container every probe interval; `onFailure` is called after `retries` failures in a row. */
function watchLiveness(watched, onFailure) {
    const timers = new Map();
    let stopped = false;
    for (const w of watched) {
        let failures = 0;
        const io = { connect: connectFor('pod', w.pod), exec: execFor(w.container) };
        const exited = exitedFor(w.container);
        const tick = async () => {
            if (stopped)
                return;
            const code = await exited();
            if (code !== undefined) {
                onFailure(w.name, `exited with code ${code}`);
                return;
            }
            const result = await runCheck(w.probe.check, w.probe.timeoutMs, io);
            failures = result.ok ? 0 : failures + 1;
            if (failures >= Math.max(1, w.probe.retries)) {
                onFailure(w.name, `${describeCheck(w.probe.check)} failed ${failures} time(s): ${result.detail}`);
                return;
            }
            if (!stopped)
                schedule();
        };
        const schedule = () => {
            const timer = setTimeout(tick, w.probe.intervalMs);
            // Watching must never keep the process alive on its own.
            timer.unref();
            timers.set(w.name, timer);
        };
        schedule();
    }
    return {
        stop() {
            stopped = true;
            for (const t of timers.values())
                clearTimeout(t);
        },
    };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/core/run/names.js
var run_names = __webpack_require__(9505);
;// CONCATENATED MODULE: ./.build/src/core/pod/play.js
// Runs a pod from a plan (Kubernetes YAML, or the run action's services): checks everything, then pod, containers, readiness.
//
// Every check that can fail on bad input (names, images, volume paths, ports) runs before
// anything is created. Creation is announced through `onCreate` before each pod or container
// exists, so a caller that may be killed (the run action) can always find what to remove.





/** Everything a plan needs that could be wrong, checked: resolved images by container name. */
async function preparePlan(engine, plan) {
    // A plan without containers is fine: the run action's test container may be the pod's only one.
    (0,run_names/* checkName */.I3)(plan.name, 'pod');
    const seen = new Set();
    for (const c of plan.containers) {
        (0,run_names/* checkName */.I3)(c.name, 'container');
        if (seen.has(c.name))
            throw new errors/* InvalidArgumentError */.Di(`two containers are named "${c.name}"`);
        seen.add(c.name);
        for (const mount of c.mounts ?? [])
            await checkMount(c.name, mount);
    }
    const hostPorts = new Set();
    for (const port of plan.ports) {
        const key = `${port.hostIp ?? '*'}:${port.hostPort}`;
        if (hostPorts.has(key))
            throw new errors/* InvalidArgumentError */.Di(`host port ${port.hostPort} is published twice`);
        hostPorts.add(key);
    }
    const images = new Map();
    const distinct = [...new Set(plan.containers.map((c) => c.image))];
    const resolved = await Promise.all(distinct.map((image) => engine.image(image)));
    for (const c of plan.containers)
        images.set(c.name, resolved[distinct.indexOf(c.image)]);
    return images;
}
async function checkMount(container, mount) {
    if (!mount.destination.startsWith('/')) {
        throw new errors/* InvalidArgumentError */.Di(`container ${container}: mount path "${mount.destination}" must be absolute`);
    }
    if (mount.hostPath === undefined || mount.create)
        return;
    try {
        await (0,promises_.stat)((0,external_node_path_.resolve)(mount.hostPath));
    }
    catch {
        throw new errors/* InvalidArgumentError */.Di(`container ${container}: volume path "${mount.hostPath}" does not exist on the host`);
    }
}
/**
 * Creates the pod and its containers, starts them all at once, then waits for every readiness
 * check at once. Throws when creation or a start fails (what was created is left for the
 * caller to remove, by the IDs `onCreate` gave); readiness failures come back in `failures`.
 */
async function playPod(pods, plan, options = {}, prepared) {
    const engine = pods.engine;
    const images = prepared ?? (await preparePlan(engine, plan));
    const podId = (0,run_names/* newId */.Si)();
    options.onCreate?.('pod', podId);
    const pod = await pods.create({
        id: podId,
        name: plan.name,
        ports: plan.ports,
        ...(plan.labels ? { labels: plan.labels } : {}),
    });
    const namespaces = await pod.namespaces();
    // The infra process may still be starting: the containers are created meanwhile.
    const podReady = pod.ready();
    podReady.catch(() => { });
    const names = [...plan.containers.map((c) => c.name), ...(options.extraNames ?? [])];
    const extraHosts = names.map((name) => ({ name, address: '127.0.0.1' }));
    // Every container is created and started at once, as a kubelet does (the pod's containers
    // have no order): each is a runtime the infra process starts, mostly waiting. Their IDs
    // are announced first, so a caller killed meanwhile knows them all.
    const ids = plan.containers.map(() => (0,run_names/* newId */.Si)());
    for (const id of ids)
        options.onCreate?.('container', id);
    const settled = await Promise.allSettled(plan.containers.map(async (c, i) => {
        const volumes = [];
        for (const mount of c.mounts ?? [])
            volumes.push(await mountSource(pod, mount));
        const container = await engine.create({
            id: ids[i],
            name: c.name,
            image: c.image,
            ...(c.entrypoint ? { entrypoint: c.entrypoint } : {}),
            ...(c.command ? { command: c.command } : {}),
            env: c.env ?? {},
            volumes,
            ...(c.workdir ? { workdir: c.workdir } : {}),
            ...(c.user ? { user: c.user } : {}),
            network: namespaces,
            extraHosts,
            ...(c.readiness ? { readiness: c.readiness } : {}),
            ...(c.liveness ? { liveness: c.liveness } : {}),
            ports: c.ports ?? [],
            podOrder: i,
            onOutput: options.onOutput ?? (() => { }),
        }, images.get(c.name));
        await podReady;
        await container.start({ supervise: pod.monitors() });
        if (!options.onOutput)
            container.detach();
        return { plan: c, container, at: Date.now() };
    }));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    const started = settled.map((r) => r
        .value);
    const containers = await Promise.all(started.map(async ({ plan: c, container, at }) => {
        const ready = {
            pod,
            network: 'pod',
            ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
        };
        let readiness = await (0,pod_ready/* waitContainerReady */.Q8)(container, ready);
        // A liveness probe failing from the start would have Kubernetes restart the container
        // over and over; here it keeps the pod from counting as ready.
        if (c.liveness && (!readiness || readiness.ready)) {
            readiness = await (0,pod_ready/* waitContainerReady */.Q8)(container, { ...ready, probe: c.liveness });
        }
        return { plan: c, container, ...(readiness ? { readiness } : {}), ms: Date.now() - at };
    }));
    return {
        pod,
        containers,
        failures: containers.filter((c) => c.readiness && !c.readiness.ready),
    };
}
async function mountSource(pod, mount) {
    if (mount.emptyDir !== undefined) {
        const dir = (0,external_node_path_.join)(pod.dir, 'volumes', mount.emptyDir);
        await (0,promises_.mkdir)(dir, { recursive: true });
        // As Kubernetes makes them: any user the container runs as can write there.
        await (0,promises_.chmod)(dir, 0o777);
        return { source: dir, destination: mount.destination, readOnly: mount.readOnly };
    }
    const source = (0,external_node_path_.isAbsolute)(mount.hostPath ?? '')
        ? mount.hostPath
        : (0,external_node_path_.resolve)(mount.hostPath ?? '.');
    if (mount.create === 'directory')
        await (0,promises_.mkdir)(source, { recursive: true });
    if (mount.create === 'file')
        await (0,promises_.writeFile)(source, '', { flag: 'a' });
    return { source, destination: mount.destination, readOnly: mount.readOnly };
}

// EXTERNAL MODULE: ./.build/src/core/pod/pod.js + 2 modules
var pod = __webpack_require__(8431);
;// CONCATENATED MODULE: ./.build/src/core/pod/index.js
// Pods (shared namespaces held by an infra process, published ports), readiness, and Kubernetes Pod YAML.








// EXTERNAL MODULE: ./.build/src/core/run/index.js + 1 modules
var run = __webpack_require__(7377);
// EXTERNAL MODULE: ./.build/src/cli/container-options.js
var container_options = __webpack_require__(786);
;// CONCATENATED MODULE: ./.build/src/cli/commands/kube.js
// `lighter kube play FILE` and `lighter kube generate POD`: Kubernetes Pod YAML in and out.





async function kubePlay(args, ctx) {
    return execute({ action: 'play', file: args.positionals[0], down: args.boolean('down') }, args, ctx);
}
async function kubeGenerate(args, ctx) {
    const request = {
        action: 'generate',
        pod: args.positionals[0],
        output: args.string('filename'),
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const pods = new pod/* Pods */.F((0,container_options/* engineFor */.Ec)(args, ctx));
    if (request.action === 'generate') {
        const pod = await pods.find(request.pod);
        const containers = (await pods.engine.list()).filter((c) => c.pod?.id === pod.id);
        const yaml = generatePodYaml({
            name: pod.name,
            ports: pod.record.ports,
            dir: pod.dir,
            containers,
        });
        if (request.output)
            await (0,promises_.writeFile)(request.output, yaml);
        else
            ctx.out(yaml.trimEnd());
        return 0;
    }
    const plan = await readPodFile(request.file);
    if (request.down) {
        const pod = await pods.find(plan.name);
        await pods.remove(pod, { force: true });
        ctx.out(pod.id);
        return 0;
    }
    await pods.reap();
    let podId;
    try {
        const result = await playPod(pods, plan, {
            onCreate: (kind, id) => {
                if (kind === 'pod')
                    podId = id;
            },
        });
        if (result.failures.length > 0) {
            for (const failed of result.failures)
                await reportNotReady(failed, ctx);
            // A pod that is not ready is no use to anyone: nothing of it stays running.
            await pods.remove(result.pod, { force: true });
            return 1;
        }
        for (const c of result.containers) {
            const ready = c.readiness
                ? `ready in ${(c.ms / 1000).toFixed(1)} s (${c.readiness.reason})`
                : 'started';
            ctx.logger.info(`${c.plan.name}: ${ready}`);
        }
        ctx.out(result.pod.id);
        return 0;
    }
    catch (error) {
        if (podId) {
            await pods
                .removeById(podId)
                .catch((e) => ctx.logger.debug(`removing pod ${podId}: ${(0,errors/* errorMessage */.gJ)(e)}`));
        }
        throw error;
    }
}
/** The reason and the last lines of a container that never became ready. */
async function reportNotReady(failed, ctx) {
    ctx.logger.error(`container ${failed.plan.name} never became ready: ${failed.readiness?.reason ?? 'unknown'}`);
    const lines = (0,run/* lastLines */.w$)(await failed.container.logs(), 50);
    if (lines.length === 0)
        return;
    ctx.logger.error(`last ${lines.length} line(s) of its output:`);
    for (const line of lines)
        ctx.logger.info(`  ${line}`);
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
