export const id = 1109;
export const ids = [1109];
export const modules = {

/***/ 1109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rmi: () => (/* binding */ rmi)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2739);
// `lighter rmi IMAGE...`: removes images from the store.


async function rmi(args, ctx) {
    const all = args.boolean('all');
    if (all && args.positionals.length > 0)
        throw args.usage('give IMAGE names or --all, not both');
    if (!all && args.positionals.length === 0)
        throw args.usage('give at least one IMAGE, or --all');
    return execute({ images: args.positionals, all, force: args.boolean('force') }, args, ctx);
}
async function execute(request, args, ctx) {
    const store = await (0,_store_js__WEBPACK_IMPORTED_MODULE_1__/* .openStore */ .C)(args, ctx);
    const targets = request.all ? (await store.images()).map((i) => i.id) : [...request.images];
    let failed = 0;
    for (const target of targets) {
        try {
            const removed = await store.remove(target, { force: request.force || request.all });
            for (const name of removed.untagged)
                ctx.out(`Untagged: ${name}`);
            if (removed.deleted)
                ctx.out(`Deleted: ${removed.digest}`);
        }
        catch (err) {
            failed++;
            ctx.logger.error((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err));
        }
    }
    return failed === 0 ? 0 : 1;
}


/***/ })

};
