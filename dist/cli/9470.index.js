export const id = 9470;
export const ids = [9470];
export const modules = {

/***/ 9470:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   help: () => (/* binding */ help)
/* harmony export */ });
/* harmony import */ var _help_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4559);
/* harmony import */ var _lookup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7582);


async function help(args, ctx) {
    const [name, subName] = args.positionals;
    if (name === undefined) {
        ctx.out((0,_help_js__WEBPACK_IMPORTED_MODULE_0__/* .mainHelp */ .H)(ctx.commands));
        return 0;
    }
    const command = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .findCommand */ .Z)(ctx.commands, name);
    if (subName === undefined || !command.subcommands) {
        if (subName !== undefined)
            throw args.usage(`"${name}" has no subcommands`);
        ctx.out((0,_help_js__WEBPACK_IMPORTED_MODULE_0__/* .commandHelp */ .b)(command));
        return 0;
    }
    const sub = (0,_lookup_js__WEBPACK_IMPORTED_MODULE_1__/* .findCommand */ .Z)(command.subcommands, subName, name);
    ctx.out((0,_help_js__WEBPACK_IMPORTED_MODULE_0__/* .commandHelp */ .b)(sub, `${name} ${subName}`));
    return 0;
}


/***/ })

};
