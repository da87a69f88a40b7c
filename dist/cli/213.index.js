export const id = 213;
export const ids = [213];
export const modules = {

/***/ 9594:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   logs: () => (/* binding */ logs)
/* harmony export */ });
/* harmony import */ var _unsupported_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9309);

async function logs(args, ctx) {
    const request = {
        container: args.positionals[0],
        follow: args.boolean('follow'),
        timestamps: args.boolean('timestamps'),
        tail: args.has('tail') ? args.integer('tail', 0, { min: 0 }) : undefined,
    };
    return execute(request, ctx);
}
// The container runtime (issue #6) plugs in here.
async function execute(_request, _ctx) {
    throw (0,_unsupported_js__WEBPACK_IMPORTED_MODULE_0__/* .notInThisBuild */ .V)('the container runtime', 6);
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
