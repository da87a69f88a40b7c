export const id = 646;
export const ids = [646];
export const modules = {

/***/ 2646:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  executeRun: () => (/* binding */ executeRun)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/runtime/index.js + 17 modules
var runtime = __webpack_require__(4114);
// EXTERNAL MODULE: ./.build/src/core/runtime/root-path.js
var root_path = __webpack_require__(8468);
// EXTERNAL MODULE: ./.build/src/core/storage/as-root.js
var as_root = __webpack_require__(758);
;// CONCATENATED MODULE: ./.build/src/core/storage/layer/stubs.js
// Mountpoint stubs: the empty files and directories a runtime makes in a container's upper dir
// for the bind mounts of a RUN step (/etc/hosts and the like), which are no part of its layer.


/** Removes the stubs (container paths, deepest first) still empty in `upper`, keeping their parents' times. */
async function removeEmptyStubs(upper, stubs) {
    for (const path of stubs) {
        // The step could have put a symlink where a parent was: never follow one out of `upper`
        // (this may run as root).
        if (await throughSymlink(upper, path))
            continue;
        const host = (0,external_node_path_.join)(upper, path);
        const st = await (0,promises_.lstat)(host).catch(() => undefined);
        if (!st)
            continue;
        if (st.isDirectory()) {
            if ((await (0,promises_.readdir)(host)).length > 0)
                continue;
        }
        else if (!st.isFile() || st.size !== 0) {
            continue;
        }
        const parent = external_node_path_.posix.dirname(host);
        const parentStats = await (0,promises_.stat)(parent).catch(() => undefined);
        if (st.isDirectory())
            await (0,promises_.rmdir)(host);
        else
            await (0,promises_.unlink)(host);
        if (parentStats)
            await (0,promises_.utimes)(parent, parentStats.atime, parentStats.mtime).catch(() => { });
    }
}
async function throughSymlink(upper, path) {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..'))
        return true;
    for (let i = 1; i <= parts.length; i++) {
        const st = await (0,promises_.lstat)((0,external_node_path_.join)(upper, ...parts.slice(0, i))).catch(() => undefined);
        if (!st)
            return false;
        if (st.isSymbolicLink())
            return true;
    }
    return false;
}

// EXTERNAL MODULE: ./.build/src/core/storage/remove-tree.js
var remove_tree = __webpack_require__(4798);
// EXTERNAL MODULE: ./.build/src/core/storage/unpack.js + 1 modules
var unpack = __webpack_require__(3683);
// EXTERNAL MODULE: ./.build/src/core/build/context/walk.js
var walk = __webpack_require__(7079);
// EXTERNAL MODULE: ./.build/src/core/build/layer-writer.js
var layer_writer = __webpack_require__(3557);
;// CONCATENATED MODULE: ./.build/src/core/build/run-step.js
// RUN: the command in an OCI runtime on an overlay of the parent layers; the overlay's upper dir becomes the new layer.
//
// The upper dir is made inside the store's layers/ directory, so once it has been written out as
// a tar it is renamed into place as the new layer's unpacked dir: nothing is extracted again.
// Mount points the runtime had to create (/etc/hosts for a scratch image, a cache mount's
// target) are removed afterwards when still empty, as BuildKit does, so they never reach the
// image.












function buildError(ctx, message, cause) {
    return new errors/* LighterError */.Kt('ERR_BUILD', `${ctx.where}: ${message}`, {
        ...(cause === undefined ? {} : { cause }),
        details: { file: ctx.position.file, line: ctx.position.line },
    });
}
async function exists(path) {
    return (0,promises_.lstat)(path).then(() => true, () => false);
}
/** Runs one RUN instruction; the caller places or removes `upperDir`. */
async function executeRun(ctx) {
    const { store, run } = ctx;
    if (run.security === 'insecure') {
        throw buildError(ctx, 'RUN --security=insecure is not supported (lighter runs no privileged steps)');
    }
    const id = `build-${process.pid}-${(0,external_node_crypto_.randomBytes)(5).toString('hex')}`;
    const stateDir = ctx.stateDir;
    const paths = (0,runtime.containerPaths)(stateDir ?? (0,runtime.defaultStateDir)(), id);
    const upperDir = await (0,unpack/* makeTempLayerDir */.Fk)(store.layersDir);
    const workDir = await (0,unpack/* makeTempLayerDir */.Fk)(store.layersDir);
    const scratch = (0,external_node_path_.join)(paths.dir, 'scratch');
    let rootfs;
    const prepared = { volumes: [], tmpfs: [], env: [], targets: [], cleanups: [] };
    let containerMade = false;
    try {
        await (0,promises_.mkdir)(paths.bundle, { recursive: true });
        await (0,promises_.mkdir)(scratch, { recursive: true, mode: 0o700 });
        rootfs = await (0,runtime.mountRootfs)({
            lowerDirs: ctx.lowerDirs,
            upperDir,
            workDir,
            target: paths.rootfs,
            sudo: ctx.runtime.sudo,
            logger: ctx.logger,
        });
        await prepareMounts(ctx, scratch, prepared);
        if (run.script) {
            const file = (0,external_node_path_.join)(scratch, 'heredoc-script');
            await (0,promises_.writeFile)(file, run.script.content, { mode: run.script.mode });
            prepared.volumes.push({ source: file, destination: run.script.path, readOnly: true });
        }
        const stubs = await stubPaths(rootfs.path, [
            '/etc/resolv.conf',
            '/etc/hosts',
            '/etc/hostname',
            ...prepared.targets,
        ]);
        const network = run.network === 'default' ? ctx.defaultNetwork : run.network;
        const env = [...run.env];
        for (const [k, v] of Object.entries(ctx.proxy)) {
            if (!env.some((e) => e.startsWith(`${k}=`)))
                env.push(`${k}=${v}`);
        }
        env.push(...prepared.env);
        let spec;
        try {
            spec = await (0,runtime.buildSpec)({
                rootfs: rootfs.path,
                bundleDir: paths.bundle,
                entrypoint: run.argv,
                env,
                ...(run.user ? { user: run.user } : {}),
                cwd: run.workdir,
                network: network === 'host' ? 'host' : 'none',
                hostname: 'buildkitsandbox',
                volumes: prepared.volumes,
                tmpfs: prepared.tmpfs,
                runtime: ctx.runtime,
            });
        }
        catch (err) {
            throw buildError(ctx, `RUN: ${(0,errors/* errorMessage */.gJ)(err)}`, err);
        }
        const output = ctx.onOutput ?? ((line) => ctx.logger.info(line));
        const container = await (0,runtime.createContainer)({
            id,
            name: id,
            spec,
            runtime: ctx.runtime,
            ...(stateDir ? { stateDir } : {}),
            rootfs,
            stdio: 'pipe',
            onOutput: (entry) => output(entry.text),
            logger: ctx.logger,
        });
        containerMade = true;
        let exitCode;
        // Ctrl-C or a cancelled job: stop the command and clean up, rather than leave the container
        // and its mounts behind.
        let interrupted;
        const onSignal = (signal) => {
            interrupted = signal;
            void container.kill('SIGKILL').catch(() => { });
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
            await container.start();
            exitCode = await container.wait();
        }
        finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            // Deleting unmounts the rootfs; the upper dir is ours and stays.
            await container.delete({ force: true }).catch((err) => {
                ctx.logger.warn(`removing build container ${id}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            });
            rootfs = undefined;
        }
        if (interrupted) {
            throw new errors/* LighterError */.Kt('ERR_CANCELLED', `${ctx.where}: RUN stopped by ${interrupted}`, {
                details: { file: ctx.position.file, line: ctx.position.line },
            });
        }
        if (exitCode !== 0) {
            const shown = run.argv.join(' ');
            throw buildError(ctx, `RUN ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown} exited with code ${exitCode}`);
        }
        // Through sudo the runtime made the stubs, and the step's `/`, as root: both are handled as
        // root too (a `chmod 700 /` leaves this user out of the upper dir).
        const asRoot = await (0,as_root/* layersAsRoot */.r2)();
        if (asRoot)
            await (0,as_root/* removeStubsAsRoot */.i1)(upperDir, stubs);
        else
            await removeEmptyStubs(upperDir, stubs);
        const names = asRoot ? await (0,as_root/* rootReader */.aB)().readdir(upperDir) : await (0,promises_.readdir)(upperDir);
        const empty = names.length === 0;
        if (empty)
            return { layer: undefined, upperDir, exitCode };
        const layer = await (0,layer_writer/* writeDirLayer */.ob)(store, ctx.lease, upperDir, {
            mode: 'overlay-upper',
            ...(ctx.sourceDateEpoch !== undefined ? { sourceDateEpoch: ctx.sourceDateEpoch } : {}),
        });
        return { layer: layer.entries === 0 ? undefined : layer, upperDir, exitCode };
    }
    catch (err) {
        await (0,remove_tree/* removeTree */.d)(upperDir).catch(() => { });
        throw err;
    }
    finally {
        if (rootfs)
            await (0,runtime.unmountRootfs)(rootfs, { sudo: ctx.runtime.sudo }).catch(() => { });
        for (const cleanup of prepared.cleanups.reverse())
            await cleanup().catch(() => { });
        await (0,remove_tree/* removeTree */.d)(workDir).catch(() => { });
        if (!containerMade)
            await (0,remove_tree/* removeTree */.d)(paths.dir).catch(() => { });
        else
            await (0,remove_tree/* removeTree */.d)(scratch).catch(() => { });
    }
}
/** Turns the instruction's --mount options into binds, tmpfs mounts and environment. */
async function prepareMounts(ctx, scratch, out) {
    let n = 0;
    for (const mount of ctx.run.mounts) {
        const target = mount.targetPath;
        switch (mount.type) {
            case 'cache': {
                if (mount.from !== undefined) {
                    throw buildError(ctx, 'RUN --mount=type=cache,from=… is not supported; seed the cache in a RUN instead');
                }
                const acquired = await ctx.cacheMounts.acquire({
                    id: mount.id ?? target,
                    sharing: mount.sharing ?? 'shared',
                    mode: mount.mode,
                    uid: mount.uid,
                    gid: mount.gid,
                });
                out.cleanups.push(acquired.release);
                out.volumes.push({ source: acquired.dir, destination: target, readOnly: mount.readOnly });
                out.targets.push(target);
                break;
            }
            case 'tmpfs': {
                const options = ['mode=1777', 'exec'];
                if (mount.size !== undefined)
                    options.push(`size=${mount.size}`);
                out.tmpfs.push({ destination: target, options });
                out.targets.push(target);
                break;
            }
            case 'secret': {
                const id = mount.id ?? '';
                const value = ctx.secrets.get(id);
                if (value === undefined) {
                    if (mount.required) {
                        throw buildError(ctx, `secret ${id} is required but was not given (--secret id=${id},…)`);
                    }
                    ctx.logger.debug(`secret ${id} not given; skipping its mount`);
                    break;
                }
                if (mount.env !== undefined)
                    out.env.push(`${mount.env}=${value.toString('utf8')}`);
                if (mount.target !== undefined || mount.env === undefined) {
                    const file = (0,external_node_path_.join)(scratch, `secret-${n++}`);
                    await (0,promises_.writeFile)(file, value, { mode: mount.mode ?? 0o400 });
                    if ((mount.uid ?? 0) !== 0 || (mount.gid ?? 0) !== 0) {
                        await (0,as_root/* chownTo */.$Q)(file, mount.uid ?? 0, mount.gid ?? 0);
                    }
                    const dest = mount.targetPath ?? `/run/secrets/${id}`;
                    out.volumes.push({ source: file, destination: dest, readOnly: true });
                    out.targets.push(dest);
                }
                break;
            }
            case 'bind': {
                const source = await bindSource(ctx, mount, scratch, n++, out);
                out.volumes.push({ source, destination: target, readOnly: mount.readOnly });
                out.targets.push(target);
                break;
            }
            case 'ssh':
                throw buildError(ctx, 'RUN --mount=type=ssh is not supported');
        }
    }
}
/**
 * What a bind mount shows: a directory or file of the context (without what .dockerignore
 * leaves out), or of a stage or image through a read-only overlay of its layers. Writes to a
 * read-write bind land in a scratch upper dir and are thrown away, as in BuildKit.
 */
async function bindSource(ctx, mount, scratch, n, out) {
    const from = await ctx.sourceDirs(mount);
    const sourcePath = external_node_path_.posix.normalize(`/${mount.source ?? ''}`);
    let root;
    if (from === 'context') {
        if (!ctx.ignore.empty) {
            root = (0,external_node_path_.join)(scratch, `bind-${n}-context`);
            await mirrorContext(ctx.contextDir, root, ctx.ignore);
        }
        else {
            root = ctx.contextDir;
        }
    }
    else if (from.length === 0) {
        root = (0,external_node_path_.join)(scratch, `bind-${n}-empty`);
        await (0,promises_.mkdir)(root, { recursive: true });
    }
    else {
        root = (0,external_node_path_.join)(scratch, `bind-${n}-stage`);
        const upper = (0,external_node_path_.join)(scratch, `bind-${n}-upper`);
        const work = (0,external_node_path_.join)(scratch, `bind-${n}-work`);
        const mounted = await (0,runtime.mountOverlay)(from, upper, work, root, { sudo: ctx.runtime.sudo });
        out.cleanups.push(() => (0,runtime.unmount)(mounted.path, { sudo: ctx.runtime.sudo }));
    }
    const host = await (0,root_path/* resolveInRoot */.QD)(root, sourcePath);
    if (!(await exists(host))) {
        throw buildError(ctx, `RUN --mount=type=bind: source ${mount.source ?? '/'} not found`);
    }
    if (from === 'context' && !mount.readOnly && (await (0,promises_.stat)(host)).isDirectory()) {
        // A writable view of the context: an overlay, so the context itself never changes.
        const view = (0,external_node_path_.join)(scratch, `bind-${n}-rw`);
        const upper = (0,external_node_path_.join)(scratch, `bind-${n}-rw-upper`);
        const work = (0,external_node_path_.join)(scratch, `bind-${n}-rw-work`);
        const mounted = await (0,runtime.mountOverlay)([host], upper, work, view, { sudo: ctx.runtime.sudo });
        out.cleanups.push(() => (0,runtime.unmount)(mounted.path, { sudo: ctx.runtime.sudo }));
        return view;
    }
    return host;
}
/** The context as COPY sees it (.dockerignore applied), as hard links: no data is copied. */
async function mirrorContext(contextDir, target, ignore) {
    await (0,promises_.mkdir)(target, { recursive: true });
    for await (const entry of (0,walk/* walkContext */.p)(contextDir, ignore)) {
        const to = (0,external_node_path_.join)(target, entry.path);
        if (entry.stat.isDirectory()) {
            await (0,promises_.mkdir)(to, { recursive: true });
            await (0,promises_.chmod)(to, entry.stat.mode & 0o7777);
        }
        else if (entry.stat.isSymbolicLink()) {
            await (0,promises_.symlink)(await (0,promises_.readlink)(entry.absolutePath), to);
        }
        else if (entry.stat.isFile()) {
            await (0,promises_.link)(entry.absolutePath, to);
        }
    }
}
/**
 * The paths the runtime will have to create for `targets` (each target and its missing
 * parents, deepest first), as BuildKit's stub cleaner records them before the run.
 */
async function stubPaths(root, targets) {
    const stubs = [];
    for (const target of targets) {
        let path = external_node_path_.posix.normalize(`/${target}`);
        while (path !== '/') {
            const host = await (0,root_path/* resolveInRoot */.QD)(root, path);
            if (await exists(host))
                break;
            if (!stubs.includes(path))
                stubs.push(path);
            path = external_node_path_.posix.dirname(path);
        }
    }
    return stubs;
}


/***/ })

};
