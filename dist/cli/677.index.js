export const id = 677;
export const ids = [677];
export const modules = {

/***/ 9677:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   tag: () => (/* binding */ tag)
/* harmony export */ });
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2739);
// `lighter tag IMAGE NAME...`: gives a stored image more names.

async function tag(args, ctx) {
    const [image, ...names] = args.positionals;
    return execute({ image: image, names }, args, ctx);
}
async function execute(request, args, ctx) {
    const store = await (0,_store_js__WEBPACK_IMPORTED_MODULE_0__/* .openStore */ .C)(args, ctx);
    const image = await store.resolve(request.image);
    for (const name of request.names)
        ctx.logger.debug(`tagged ${await store.tag(image, name)}`);
    return 0;
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


/***/ })

};
