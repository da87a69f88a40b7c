export const id = 329;
export const ids = [329];
export const modules = {

/***/ 329:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   version: () => (/* binding */ version)
/* harmony export */ });
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1718);

async function version(_args, ctx) {
    ctx.out(`lighter ${await (0,_version_js__WEBPACK_IMPORTED_MODULE_0__/* .lighterVersion */ .W)()}`);
    return 0;
}


/***/ })

};
