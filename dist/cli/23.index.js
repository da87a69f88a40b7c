export const id = 23;
export const ids = [23];
export const modules = {

/***/ 2404:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rm: () => (/* binding */ rm)
/* harmony export */ });
/* harmony import */ var _unsupported_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9309);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2175);


async function rm(args, ctx) {
    return execute({ ...(0,_targets_js__WEBPACK_IMPORTED_MODULE_1__/* .containerTargets */ .c)(args), force: args.boolean('force') }, ctx);
}
// The container runtime (issue #6) plugs in here.
async function execute(_request, _ctx) {
    throw (0,_unsupported_js__WEBPACK_IMPORTED_MODULE_0__/* .notInThisBuild */ .V)('the container runtime', 6);
}


/***/ }),

/***/ 2175:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ containerTargets)
/* harmony export */ });
function containerTargets(args) {
    const all = args.boolean('all');
    if (all && args.positionals.length > 0)
        throw args.usage('give names or --all, not both');
    if (!all && args.positionals.length === 0)
        throw args.usage('give at least one name, or --all');
    return { containers: args.positionals, all };
}


/***/ }),

/***/ 9309:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ notInThisBuild)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
// The error for a command whose engine has not landed yet, naming the issue that brings it.

function notInThisBuild(what, issue) {
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_UNSUPPORTED', `${what} is not in this build yet (issue #${issue})`);
}


/***/ })

};
