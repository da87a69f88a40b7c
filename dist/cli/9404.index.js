export const id = 9404;
export const ids = [9404];
export const modules = {

/***/ 9404:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   wait: () => (/* binding */ wait)
/* harmony export */ });
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(786);

async function wait(args, ctx) {
    return execute({ containers: args.positionals, timeoutSeconds: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(args, 'timeout') }, args, ctx);
}
async function execute(request, args, ctx) {
    const engine = (0,_container_options_js__WEBPACK_IMPORTED_MODULE_0__/* .engineFor */ .Ec)(args, ctx);
    const containers = await Promise.all(request.containers.map((name) => engine.find(name)));
    const timeout = request.timeoutSeconds === undefined ? {} : { timeoutMs: request.timeoutSeconds * 1000 };
    // In the order given, as podman prints them; each wait runs meanwhile.
    const codes = containers.map((c) => c.wait(timeout));
    for (const code of codes)
        ctx.out(String(await code));
    return 0;
}


/***/ })

};
