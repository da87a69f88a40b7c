export const id = 7685;
export const ids = [7685,2404];
export const modules = {

/***/ 23:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rm: () => (/* binding */ rm),
/* harmony export */   settleAll: () => (/* binding */ settleAll)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _core_pod_pod_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8431);
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(786);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2175);
// `lighter rm CONTAINER...`: removes stopped containers (running ones too, with --force).




async function rm(args, ctx) {
    return execute({ ...(0,_targets_js__WEBPACK_IMPORTED_MODULE_3__/* .containerTargets */ .c)(args), force: args.boolean('force') }, args, ctx);
}
async function execute(request, args, ctx) {
    const engine = (0,_container_options_js__WEBPACK_IMPORTED_MODULE_2__/* .engineFor */ .Ec)(args, ctx);
    const pods = new _core_pod_pod_js__WEBPACK_IMPORTED_MODULE_1__/* .Pods */ .F(engine);
    const targets = request.all
        ? (await engine.list()).map((c) => ({ label: c.name, find: () => engine.find(c.id) }))
        : request.containers.map((name) => ({ label: name, find: () => engine.find(name) }));
    const code = await settleAll(ctx, 'removing', targets, (container) => pods.removeContainer(container, { force: request.force }));
    if (request.all && request.force) {
        // What a killed lighter may have left without a record: runtime state, mounts, names.
        const strays = await engine.cleanup();
        for (const id of strays)
            ctx.logger.debug(`removed leftover container ${id}`);
    }
    return code;
}
/**
 * Runs `act` on every target at once, printing each label when done and each failure as an
 * error; exit 1 when any failed, as podman does.
 */
async function settleAll(ctx, what, targets, act) {
    const results = await Promise.allSettled(targets.map(async (t) => {
        await act(await t.find());
        return t.label;
    }));
    let code = 0;
    results.forEach((result, i) => {
        if (result.status === 'fulfilled')
            ctx.out(result.value);
        else {
            code = 1;
            ctx.logger.error(`${what} ${targets[i]?.label}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(result.reason)}`);
        }
    });
    return code;
}


/***/ }),

/***/ 7685:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stop: () => (/* binding */ stop)
/* harmony export */ });
/* harmony import */ var _container_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(786);
/* harmony import */ var _rm_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2175);



async function stop(args, ctx) {
    const request = {
        ...(0,_targets_js__WEBPACK_IMPORTED_MODULE_2__/* .containerTargets */ .c)(args),
        timeSeconds: args.integer('time', 10, { min: 0 }),
    };
    return execute(request, args, ctx);
}
async function execute(request, args, ctx) {
    const engine = (0,_container_options_js__WEBPACK_IMPORTED_MODULE_0__/* .engineFor */ .Ec)(args, ctx);
    const targets = request.all
        ? (await engine.list())
            .filter((c) => c.state.status === 'running' || c.state.status === 'paused')
            .map((c) => ({ label: c.name, find: () => engine.find(c.id) }))
        : request.containers.map((name) => ({ label: name, find: () => engine.find(name) }));
    // All at once: each may wait out its grace period.
    return (0,_rm_js__WEBPACK_IMPORTED_MODULE_1__.settleAll)(ctx, 'stopping', targets, async (container) => {
        await engine.stop(container, { timeoutMs: request.timeSeconds * 1000 });
    });
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


/***/ })

};
