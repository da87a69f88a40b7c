export const id = 9677;
export const ids = [9677];
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


/***/ })

};
