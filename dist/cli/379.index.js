export const id = 379;
export const ids = [379];
export const modules = {

/***/ 7379:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LIST_FORMATS: () => (/* binding */ LIST_FORMATS),
/* harmony export */   images: () => (/* binding */ images)
/* harmony export */ });
/* harmony import */ var _core_copy_progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8102);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2739);
// `lighter images [NAME]`: the images in the store.


const LIST_FORMATS = ['table', 'json'];
async function images(args, ctx) {
    const request = {
        filter: args.positionals[0],
        quiet: args.boolean('quiet'),
        format: args.choice('format', LIST_FORMATS) ?? 'table',
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
            (0,_core_copy_progress_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z)(image.size),
        ];
    }));
    ctx.out(table(['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], rows));
    return 0;
}
function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    return [header, ...rows]
        .map((r) => r
        .map((c, i) => (c ?? '').padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd())
        .join('\n');
}


/***/ }),

/***/ 2739:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ openStore)
/* harmony export */ });
/* unused harmony export storeDir */
/* harmony import */ var _core_storage_location_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3014);
/* harmony import */ var _core_storage_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3652);
// Opens the store a CLI command works on: --store, else $LIGHTER_STORE, else the default.


function storeDir(args, ctx) {
    return (args.string('store') || ctx.env.LIGHTER_STORE || (0,_core_storage_location_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultStoreDir */ .i)(ctx.env));
}
function openStore(args, ctx) {
    return _core_storage_store_js__WEBPACK_IMPORTED_MODULE_1__.Store.open(storeDir(args, ctx), { logger: ctx.logger });
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
