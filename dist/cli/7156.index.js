export const id = 7156;
export const ids = [7156];
export const modules = {

/***/ 7156:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exec: () => (/* binding */ exec)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(786);
// `lighter exec CONTAINER COMMAND...`: runs a process inside a running container.


async function exec(args, ctx) {
    const [container, ...command] = args.positionals;
    const request = {
        container: container,
        command,
        env: (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEnv */ .vc)(args, 'env', args.list('env'), ctx.env),
        workdir: args.string('workdir'),
        user: args.string('user'),
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const engine = (0,_container_options_js__WEBPACK_IMPORTED_MODULE_1__/* .engineFor */ .Ec)(args, ctx);
    const container = await engine.find(request.container);
    const { status } = await container.state();
    if (status !== 'running') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_RUNTIME', `exec in container ${container.name}: it is not running (${status})`);
    }
    const result = await container.exec(request.command, {
        env: Object.fromEntries(request.env),
        ...(request.user ? { user: request.user } : {}),
        ...(request.workdir ? { cwd: request.workdir } : {}),
    });
    for (const line of lines(result.stdout))
        ctx.out(line);
    for (const line of lines(result.stderr))
        ctx.logger.info(line);
    // The process's exit code is ours, as with `podman exec`.
    return result.exitCode;
}
function lines(text) {
    if (text === '')
        return [];
    return text.replace(/\n$/, '').split('\n');
}


/***/ })

};
