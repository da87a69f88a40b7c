export const id = 6567;
export const ids = [6567];
export const modules = {

/***/ 6567:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseStepList: () => (/* binding */ parseStepList),
/* harmony export */   stepError: () => (/* binding */ stepError)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// Step-list builds (the Buildah-script style): a YAML list of from/run/copy/env/workdir/user/label/entrypoint/cmd/expose/commit, turned into a Dockerfile.
//
// Each step becomes one instruction (JSON forms, so no quoting surprises; a multi-line run
// becomes a heredoc), and every generated line remembers the YAML line it came from, so errors
// point into the step file. A `commit` names the image as it is at that point: the steps
// before it end a stage, and later steps (without a new `from`) continue from it.


const KINDS = [
    'from',
    'run',
    'copy',
    'env',
    'workdir',
    'user',
    'label',
    'entrypoint',
    'cmd',
    'expose',
    'commit',
];
function fail(file, line, message) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_DOCKERFILE', `${file}:${line}: ${message}`, {
        details: { file, line },
    });
}
/** A Dockerfile double-quoted word: only `"`, `\` and `$` need escaping... but `$` stays, for expansion. */
function quoted(value) {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
/** Parses a step list; throws ERR_DOCKERFILE at the YAML line of the first bad step. */
function parseStepList(text, file) {
    const counter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: counter, prettyErrors: false });
    if (doc.errors.length > 0) {
        const err = doc.errors[0];
        const line = counter.linePos(err.pos[0]).line;
        throw fail(file, line, `invalid YAML: ${err.message.split('\n')[0]}`);
    }
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(root) || root.items.length === 0) {
        throw fail(file, 1, 'a step list is a YAML list of steps (from, run, copy, …)');
    }
    const out = [];
    const lines = [];
    const commits = [];
    let stage = 0;
    let stageName = '';
    let open = false;
    let pendingContinue;
    const emit = (line, ...texts) => {
        for (const text of texts) {
            for (const piece of text.split('\n')) {
                out.push(piece);
                lines.push(line);
            }
        }
    };
    const newStage = (line, image, platform) => {
        stageName = `step-stage-${stage++}`;
        emit(line, `FROM ${platform ? `--platform=${platform} ` : ''}${image} AS ${stageName}`);
        open = true;
    };
    for (const item of root.items) {
        const line = item && typeof item === 'object' && 'range' in item && item.range
            ? counter.linePos(item.range[0]).line
            : 1;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item) || item.items.length === 0) {
            throw fail(file, line, `a step is a map with one of ${KINDS.join(', ')}`);
        }
        const map = item;
        const value = map.toJSON();
        const kind = KINDS.find((k) => k in value);
        if (kind === undefined) {
            throw fail(file, line, `unknown step ${JSON.stringify(Object.keys(value)[0])}: expected one of ${KINDS.join(', ')}`);
        }
        const allowed = new Set([kind, ...(kind === 'from' ? ['as', 'platform'] : [])]);
        const extra = Object.keys(value).filter((k) => !allowed.has(k));
        if (extra.length > 0)
            throw fail(file, line, `step ${kind}: unexpected key ${JSON.stringify(extra[0])}`);
        const v = value[kind];
        if (kind === 'from') {
            if (typeof v !== 'string' || v.trim() === '')
                throw fail(file, line, 'from: expected an image name');
            const platform = typeof value.platform === 'string' ? value.platform : undefined;
            newStage(line, v.trim(), platform);
            if (typeof value.as === 'string') {
                // A user's alias: one more stage of the same content under that name.
                const alias = value.as.trim();
                emit(line, `FROM ${stageName} AS ${alias}`);
                stageName = alias;
            }
            pendingContinue = undefined;
            continue;
        }
        if (!open) {
            if (pendingContinue === undefined)
                throw fail(file, line, `${kind} before any from: a step list starts with from`);
            newStage(line, pendingContinue);
            pendingContinue = undefined;
        }
        switch (kind) {
            case 'run':
                emit(line, runLine(file, line, v));
                break;
            case 'copy':
                emit(line, copyLine(file, line, v));
                break;
            case 'env':
            case 'label': {
                const pairs = keyValues(file, line, kind, v);
                emit(line, `${kind.toUpperCase()} ${pairs.map(([k, val]) => `${k}=${quoted(val)}`).join(' ')}`);
                break;
            }
            case 'workdir':
            case 'user':
                if (typeof v !== 'string' && typeof v !== 'number')
                    throw fail(file, line, `${kind}: expected a string`);
                emit(line, `${kind.toUpperCase()} ${String(v)}`);
                break;
            case 'entrypoint':
            case 'cmd':
                if (Array.isArray(v))
                    emit(line, `${kind.toUpperCase()} ${JSON.stringify(v.map(String))}`);
                else if (typeof v === 'string')
                    emit(line, `${kind.toUpperCase()} ${v}`);
                else
                    throw fail(file, line, `${kind}: expected a list (exec form) or a string (shell form)`);
                break;
            case 'expose': {
                const ports = Array.isArray(v) ? v : [v];
                if (ports.length === 0 ||
                    ports.some((p) => typeof p !== 'string' && typeof p !== 'number')) {
                    throw fail(file, line, 'expose: expected a port or a list of ports');
                }
                emit(line, `EXPOSE ${ports.map(String).join(' ')}`);
                break;
            }
            case 'commit': {
                const names = (Array.isArray(v) ? v : [v]).map((n) => typeof n === 'string' ? n.trim() : '');
                if (names.length === 0 || names.some((n) => n === '')) {
                    throw fail(file, line, 'commit: expected an image name or a list of names');
                }
                commits.push({ stage: stageName, names });
                open = false;
                pendingContinue = stageName;
                break;
            }
        }
    }
    return { dockerfile: `${out.join('\n')}\n`, lines, commits, last: stageName };
}
function runLine(file, line, v) {
    let command = v;
    const flags = [];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
        const o = v;
        for (const key of Object.keys(o)) {
            if (!['command', 'mounts', 'network'].includes(key)) {
                throw fail(file, line, `run: unexpected key ${JSON.stringify(key)} (command, mounts, network)`);
            }
        }
        command = o.command;
        const mounts = o.mounts === undefined ? [] : Array.isArray(o.mounts) ? o.mounts : [o.mounts];
        for (const m of mounts) {
            if (typeof m !== 'string')
                throw fail(file, line, 'run: mounts are strings like type=cache,target=/root/.cache');
            flags.push(`--mount=${m}`);
        }
        if (o.network !== undefined)
            flags.push(`--network=${String(o.network)}`);
    }
    const head = `RUN ${flags.map((f) => `${f} `).join('')}`;
    if (Array.isArray(command))
        return `${head}${JSON.stringify(command.map(String))}`;
    if (typeof command !== 'string' || command.trim() === '') {
        throw fail(file, line, 'run: expected a command (a string, or a list for exec form)');
    }
    const text = command.replace(/\n+$/, '');
    if (!text.includes('\n'))
        return `${head}${text}`;
    let delimiter = 'LIGHTER_EOF';
    while (text.split('\n').includes(delimiter))
        delimiter += '_';
    // A quoted delimiter: the script reaches the shell exactly as written.
    return `${head}<<'${delimiter}'\n${text}\n${delimiter}`;
}
function copyLine(file, line, v) {
    if (typeof v === 'string') {
        const words = v.trim().split(/\s+/);
        if (words.length < 2)
            throw fail(file, line, 'copy: expected "SRC... DEST"');
        return `COPY ${JSON.stringify(words)}`;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
        throw fail(file, line, 'copy: expected "SRC... DEST" or a map with src and dest');
    }
    const o = v;
    const known = ['src', 'dest', 'from', 'chown', 'chmod', 'link', 'exclude', 'parents'];
    for (const key of Object.keys(o)) {
        if (!known.includes(key))
            throw fail(file, line, `copy: unexpected key ${JSON.stringify(key)} (${known.join(', ')})`);
    }
    const src = Array.isArray(o.src) ? o.src.map(String) : typeof o.src === 'string' ? [o.src] : [];
    if (src.length === 0 || typeof o.dest !== 'string')
        throw fail(file, line, 'copy: src and dest are required');
    const flags = [];
    for (const key of ['from', 'chown', 'chmod']) {
        if (o[key] !== undefined)
            flags.push(`--${key}=${String(o[key])}`);
    }
    if (o.link === true)
        flags.push('--link');
    if (o.parents === true)
        flags.push('--parents');
    const excludes = o.exclude === undefined ? [] : Array.isArray(o.exclude) ? o.exclude : [o.exclude];
    for (const e of excludes)
        flags.push(`--exclude=${String(e)}`);
    return `COPY ${flags.map((f) => `${f} `).join('')}${JSON.stringify([...src, o.dest])}`;
}
function keyValues(file, line, kind, v) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
        throw fail(file, line, `${kind}: expected a map of names to values`);
    }
    const pairs = Object.entries(v).map(([k, val]) => [
        k,
        val === null ? '' : String(val),
    ]);
    if (pairs.length === 0)
        throw fail(file, line, `${kind}: expected at least one name`);
    for (const [k, val] of pairs) {
        if (!/^[^\s=]+$/.test(k))
            throw fail(file, line, `${kind}: invalid name ${JSON.stringify(k)}`);
        if (val.includes('\n'))
            throw fail(file, line, `${kind}: the value of ${k} spans lines`);
    }
    return pairs;
}
/** Rewrites a positioned error about the generated Dockerfile to point at the step file's line. */
function stepError(err, list, file) {
    if (!(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt) || err.details?.file !== file)
        return err;
    const line = err.details.line;
    if (typeof line !== 'number')
        return err;
    const yamlLine = list.lines[line - 1] ?? line;
    const prefix = `${file}:${line}: `;
    const message = err.message.startsWith(prefix)
        ? `${file}:${yamlLine}: ${err.message.slice(prefix.length)}`
        : err.message;
    const { endLine: _end, ...details } = err.details;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt(err.code, message, {
        cause: err,
        details: { ...details, line: yamlLine },
    });
}


/***/ })

};
