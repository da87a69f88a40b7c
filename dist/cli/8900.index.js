export const id = 8900;
export const ids = [8900];
export const modules = {

/***/ 8900:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ps: () => (/* binding */ ps),
/* harmony export */   statusText: () => (/* binding */ statusText)
/* harmony export */ });
/* harmony import */ var _core_pod_pod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8431);
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(786);
/* harmony import */ var _listing_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1494);
// `lighter ps`: containers lighter runs (or ran, with --all).



async function ps(args, ctx) {
    const request = {
        all: args.boolean('all'),
        quiet: args.boolean('quiet'),
        pod: args.string('pod'),
        format: args.choice('format', _listing_js__WEBPACK_IMPORTED_MODULE_2__/* .LIST_FORMATS */ .AO) ?? 'table',
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const engine = (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .engineFor */ .Ec)(args, ctx);
    const pods = new _core_pod_pod_js__WEBPACK_IMPORTED_MODULE_0__/* .Pods */ .F(engine);
    await pods.reap();
    let containers = await engine.list();
    if (request.pod !== undefined) {
        const pod = await pods.find(request.pod);
        containers = containers.filter((c) => c.pod?.id === pod.id);
    }
    if (!request.all)
        containers = containers.filter((c) => c.state.status === 'running' || c.state.status === 'paused');
    const podPorts = new Map((await pods.list({ all: true, containers })).map((p) => [p.record.id, p.record.ports]));
    const ports = (c) => (c.pod ? (podPorts.get(c.pod.id) ?? []) : [])
        .map((p) => `${p.hostIp ?? '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol}`)
        .join(', ');
    if (request.quiet) {
        for (const c of containers)
            ctx.out(c.id.slice(0, 12));
        return 0;
    }
    if (request.format === 'json') {
        const rows = containers.map((c) => ({
            Id: c.id,
            Names: [c.name],
            Image: c.image,
            ImageID: c.imageId,
            Command: c.command,
            Created: c.createdAt,
            State: c.state.status,
            Status: statusText(c),
            ExitCode: c.state.exitCode ?? 0,
            Pid: c.state.pid ?? 0,
            Pod: c.pod?.id ?? '',
            PodName: c.pod?.name ?? '',
            Ports: ports(c),
            AutoRemove: c.autoremove,
        }));
        ctx.out(JSON.stringify(rows, null, 2));
        return 0;
    }
    const rows = containers.map((c) => [
        c.id.slice(0, 12),
        c.image,
        (0,_listing_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(c.command, 30),
        (0,_listing_js__WEBPACK_IMPORTED_MODULE_2__/* .ago */ .KN)(c.createdAt),
        statusText(c),
        ports(c),
        c.name,
        c.pod?.name ?? '',
    ]);
    for (const line of (0,_listing_js__WEBPACK_IMPORTED_MODULE_2__/* .table */ .tp)(['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', 'POD'], rows)) {
        ctx.out(line);
    }
    return 0;
}
/** `Up 5 seconds`, `Exited (3) 2 minutes ago`, `Created`, as podman words it. */
function statusText(c) {
    const s = c.state;
    switch (s.status) {
        case 'running':
            return `Up ${(0,_listing_js__WEBPACK_IMPORTED_MODULE_2__/* .since */ .XP)(s.startedAt ?? c.createdAt)}`;
        case 'paused':
            return 'Paused';
        case 'created':
            return 'Created';
        case 'exited':
            return `Exited (${s.exitCode ?? '?'}) ${(0,_listing_js__WEBPACK_IMPORTED_MODULE_2__/* .ago */ .KN)(s.finishedAt ?? c.createdAt)}`;
        case 'stopped':
            return 'Stopped (exit code lost)';
    }
}


/***/ }),

/***/ 1494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ LIST_FORMATS),
/* harmony export */   KN: () => (/* binding */ ago),
/* harmony export */   XP: () => (/* binding */ since),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
// What the list commands (images, ps, pod ps) share: their output formats and a plain table.
const LIST_FORMATS = ['table', 'json'];
function ago(iso) {
    return `${since(iso)} ago`;
}
function since(iso) {
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (seconds < 60)
        return `${seconds} second${seconds === 1 ? '' : 's'}`;
    const minutes = Math.round(seconds / 60);
    if (minutes < 60)
        return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.round(minutes / 60);
    if (hours < 48)
        return `${hours} hour${hours === 1 ? '' : 's'}`;
    return `${Math.round(hours / 24)} days`;
}
function truncate(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** Columns padded to their widest cell, two spaces apart; trailing spaces trimmed. */
function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)];
}


/***/ })

};
