export const id = 7379;
export const ids = [7379];
export const modules = {

/***/ 7379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   images: () => (/* binding */ images)
/* harmony export */ });
/* harmony import */ var _core_copy_progress_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8102);
/* harmony import */ var _listing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1494);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2739);
// `lighter images [NAME]`: the images in the store.



async function images(args, ctx) {
    const request = {
        filter: args.positionals[0],
        quiet: args.boolean('quiet'),
        format: args.choice('format', _listing_js__WEBPACK_IMPORTED_MODULE_1__/* .LIST_FORMATS */ .AO) ?? 'table',
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const store = await (0,_store_js__WEBPACK_IMPORTED_MODULE_0__/* .openStore */ .C)(args, ctx);
    const all = await store.images();
    const shown = request.filter
        ? all.filter((i) => i.names.some((n) => n.startsWith(request.filter) || n.includes(`/${request.filter}`)))
        : all;
    if (request.format === 'json') {
        ctx.out(JSON.stringify(shown, null, 2));
        return 0;
    }
    if (request.quiet) {
        for (const image of shown)
            ctx.out(image.id.slice(0, 12));
        return 0;
    }
    const rows = shown.flatMap((image) => (image.names.length > 0 ? image.names : ['<none>:<none>']).map((name) => {
        const colon = name.lastIndexOf(':');
        return [
            name.slice(0, colon),
            name.slice(colon + 1),
            image.id.slice(0, 12),
            image.created ?? '',
            (0,_core_copy_progress_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(image.size),
        ];
    }));
    ctx.out((0,_listing_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], rows).join('\n'));
    return 0;
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


/***/ }),

/***/ 8102:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export ProgressTotalizer */
// Totals over a copy's blob progress events, for whatever renders them (a TTY, an Actions log).
class ProgressTotalizer {
    #blobs = new Map();
    update(event) {
        this.#blobs.set(event.digest, event);
    }
    totals() {
        const t = { blobs: 0, finished: 0, skipped: 0, bytesDone: 0, bytesTotal: 0 };
        for (const b of this.#blobs.values()) {
            t.blobs++;
            if (b.state === 'skipped')
                t.skipped++;
            if (b.state === 'done')
                t.finished++;
            t.bytesDone += b.bytes;
            t.bytesTotal += Math.max(b.size, b.bytes);
        }
        return t;
    }
    active() {
        return [...this.#blobs.values()].filter((b) => b.state === 'start' || b.state === 'progress');
    }
}
function formatBytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}


/***/ })

};
