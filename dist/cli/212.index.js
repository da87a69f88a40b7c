export const id = 212;
export const ids = [212];
export const modules = {

/***/ 5212:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kubeGenerate: () => (/* binding */ kubeGenerate),
/* harmony export */   kubePlay: () => (/* binding */ kubePlay)
/* harmony export */ });
/* harmony import */ var _unsupported_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9309);

async function kubePlay(args, ctx) {
    return execute({ action: 'play', file: args.positionals[0], down: args.boolean('down') }, ctx);
}
async function kubeGenerate(args, ctx) {
    const request = {
        action: 'generate',
        pod: args.positionals[0],
        output: args.string('filename'),
    };
    return execute(request, ctx);
}
// Pods and the Kubernetes YAML mapping (issue #6) plug in here.
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
