export const id = 1510;
export const ids = [1510];
export const modules = {

/***/ 765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ SOURCE_DEST_FLAGS),
/* harmony export */   an: () => (/* binding */ GLOBAL_FLAGS),
/* harmony export */   il: () => (/* binding */ PLATFORM_FLAGS),
/* harmony export */   sY: () => (/* binding */ REGISTRY_FLAGS),
/* harmony export */   wV: () => (/* binding */ WRITE_FLAGS)
/* harmony export */ });
// Flag definitions: the shared sets (registry, TLS, platform) that commands assemble theirs from.
/** Accepted by every command, and before the command name. */
const GLOBAL_FLAGS = {
    debug: { type: 'boolean', description: 'Print debug messages' },
    store: {
        type: 'string',
        value: 'DIR',
        description: 'Image store directory (default $LIGHTER_STORE, else a per-user data directory)',
    },
    help: { type: 'boolean', short: 'h', description: 'Show help for the command' },
};
const retry = {
    'retry-times': {
        type: 'string',
        value: 'N',
        description: 'Retry failed registry requests N times (default 3)',
    },
};
/** For commands that talk to one registry. */
const REGISTRY_FLAGS = {
    creds: { type: 'string', value: 'USER:PASS', description: 'Registry credentials' },
    authfile: {
        type: 'string',
        value: 'FILE',
        description: 'Credentials file (default $REGISTRY_AUTH_FILE, then auth.json and Docker config)',
    },
    'tls-verify': {
        type: 'boolean',
        description: 'Require HTTPS and verify certificates (default true; --tls-verify=false to disable)',
    },
    ...retry,
};
/** For commands that read from one registry and write to another. */
const SOURCE_DEST_FLAGS = {
    'src-creds': { type: 'string', value: 'USER:PASS', description: 'Source registry credentials' },
    'dest-creds': {
        type: 'string',
        value: 'USER:PASS',
        description: 'Destination registry credentials',
    },
    authfile: { type: 'string', value: 'FILE', description: 'Credentials file for both sides' },
    'src-authfile': { type: 'string', value: 'FILE', description: 'Credentials file for the source' },
    'dest-authfile': {
        type: 'string',
        value: 'FILE',
        description: 'Credentials file for the destination',
    },
    'src-tls-verify': {
        type: 'boolean',
        description: 'Verify the source registry over HTTPS (default true)',
    },
    'dest-tls-verify': {
        type: 'boolean',
        description: 'Verify the destination registry over HTTPS (default true)',
    },
    ...retry,
};
/** Choosing one image of a multi-platform index. */
const PLATFORM_FLAGS = {
    platform: { type: 'string', value: 'OS/ARCH[/VARIANT]', description: 'Platform to choose' },
    'override-os': { type: 'string', value: 'OS', description: 'Operating system to choose' },
    'override-arch': { type: 'string', value: 'ARCH', description: 'Architecture to choose' },
    'override-variant': { type: 'string', value: 'VARIANT', description: 'Variant to choose' },
};
/** Writing manifests: format and compression. */
const WRITE_FLAGS = {
    format: {
        type: 'string',
        short: 'f',
        value: 'oci|v2s2',
        description: 'Manifest format to write (default: keep the source format)',
    },
    'dest-compress-format': {
        type: 'string',
        value: 'gzip|zstd',
        description: 'Recompress layers with this algorithm',
    },
    'preserve-digests': {
        type: 'boolean',
        description: 'Fail rather than write an image whose digest would change',
    },
    digestfile: {
        type: 'string',
        value: 'FILE',
        description: 'Write the digest of the written manifest to FILE',
    },
};


/***/ }),

/***/ 4559:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ mainHelp),
/* harmony export */   b: () => (/* binding */ commandHelp)
/* harmony export */ });
/* harmony import */ var _flags_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(765);

const GROUPS = ['Images', 'Store', 'Containers', 'Other'];
function mainHelp(commands) {
    const width = Math.max(...commands.map((c) => c.name.length)) + 2;
    const lines = [
        'lighter: daemonless container builds, copies and test pods',
        '',
        'Usage: lighter [--debug] [--store DIR] COMMAND [ARGS...]',
    ];
    for (const group of GROUPS) {
        const members = commands.filter((c) => c.group === group);
        if (members.length === 0)
            continue;
        lines.push('', `${group}:`);
        for (const c of members)
            lines.push(`  ${c.name.padEnd(width)}${c.summary}`);
    }
    lines.push('', 'Global flags:', ...flagLines(_flags_js__WEBPACK_IMPORTED_MODULE_0__/* .GLOBAL_FLAGS */ .an));
    lines.push('', 'Run "lighter help COMMAND" or "lighter COMMAND --help" for its flags.');
    return lines.join('\n');
}
/** Help for one command; `path` is how it was reached (`pod create`). */
function commandHelp(command, path = command.name) {
    const lines = [`Usage: lighter ${command.usage}`, '', `${command.summary}.`];
    if (command.subcommands) {
        const width = Math.max(...command.subcommands.map((c) => c.name.length)) + 2;
        lines.push('', 'Commands:');
        for (const sub of command.subcommands)
            lines.push(`  ${sub.name.padEnd(width)}${sub.summary}`);
    }
    if (Object.keys(command.flags).length > 0)
        lines.push('', 'Flags:', ...flagLines(command.flags));
    lines.push('', 'Global flags:', ...flagLines(_flags_js__WEBPACK_IMPORTED_MODULE_0__/* .GLOBAL_FLAGS */ .an));
    if (command.subcommands) {
        lines.push('', `Run "lighter ${path} COMMAND --help" for a command's flags.`);
    }
    return lines.join('\n');
}
function flagLines(flags) {
    const entries = Object.entries(flags).map(([name, spec]) => {
        const short = spec.short ? `-${spec.short}, ` : '    ';
        const value = spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : '';
        const repeat = spec.multiple ? ' (repeatable)' : '';
        return [`${short}--${name}${value}`, `${spec.description}${repeat}`];
    });
    const width = Math.max(...entries.map(([left]) => left.length)) + 2;
    return entries.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}


/***/ }),

/***/ 7582:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ findCommand)
/* harmony export */ });
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(732);
/* harmony import */ var _usage_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6202);


/** The command called `name`; `parent` names the command whose subcommands these are. */
function findCommand(commands, name, parent) {
    const found = commands.find((c) => c.name === name);
    if (found)
        return found;
    const names = commands.map((c) => c.name);
    const what = parent === undefined ? 'command' : `${parent} command`;
    throw new _usage_error_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .e(`unknown ${what} "${name}"${(0,_suggest_js__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(name, names)}`, parent);
}


/***/ }),

/***/ 1510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: EXIT_FAILURE, EXIT_OK, EXIT_USAGE

// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/cli/suggest.js
var suggest = __webpack_require__(732);
// EXTERNAL MODULE: ./.build/src/cli/usage-error.js
var usage_error = __webpack_require__(6202);
;// CONCATENATED MODULE: ./.build/src/cli/args.js
// Command-line parsing: node:util parseArgs in strict mode, behind a scan that gives friendly errors.



// Go's strconv.ParseBool spellings, since skopeo users write `--tls-verify=false` (pflag).
const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);
/**
 * Parses `argv` against `flags`. Unknown flags, bad boolean values and missing values are caught
 * by a first scan that knows how to suggest a near name; the scan also settles booleans
 * (skopeo's `--flag=false`, `--no-flag`) and spells short flags long, then strict parseArgs
 * parses what remains.
 */
function parseFlags(argv, flags, options = {}) {
    const { command } = options;
    const byShort = new Map();
    for (const [name, spec] of Object.entries(flags))
        if (spec.short)
            byShort.set(spec.short, name);
    const longNames = Object.keys(flags);
    const fail = (message) => new usage_error/* UsageError */.e(message, command);
    const unknown = (flag) => fail(`unknown flag "${flag}"${flag.startsWith('--') ? (0,suggest/* didYouMean */.au)(flag.slice(2), longNames, '--') : ''}`);
    const args = [];
    const rest = [];
    // Booleans are settled here, the last one given winning, because parseArgs cannot take
    // `--flag=false` and its own `--no-` handling would read a flag named `no-cache` as `cache`.
    const booleans = new Map();
    let positionals = 0;
    let i = 0;
    for (; i < argv.length; i++) {
        const token = argv[i];
        if (token === '--') {
            args.push(...argv.slice(i));
            i = argv.length;
            break;
        }
        if (token.startsWith('--')) {
            const eq = token.indexOf('=');
            const name = eq < 0 ? token.slice(2) : token.slice(2, eq);
            const inline = eq < 0 ? undefined : token.slice(eq + 1);
            const spec = flags[name];
            if (spec === undefined) {
                // `--no-X` negates boolean X, unless a flag is called `no-X` (`--no-cache`).
                const negated = name.startsWith('no-') ? flags[name.slice(3)] : undefined;
                if (negated?.type === 'boolean') {
                    if (inline !== undefined)
                        throw fail(`flag --${name} takes no value`);
                    booleans.set(name.slice(3), false);
                    continue;
                }
                throw unknown(`--${name}`);
            }
            if (spec.type === 'boolean') {
                if (inline === undefined || TRUE.has(inline))
                    booleans.set(name, true);
                else if (FALSE.has(inline))
                    booleans.set(name, false);
                else
                    throw fail(`flag --${name} takes true or false, got "${inline}"`);
                continue;
            }
            if (inline !== undefined) {
                args.push(`--${name}`, inline);
                continue;
            }
            if (i + 1 >= argv.length)
                throw fail(`flag --${name} needs a value`);
            args.push(`--${name}`, argv[++i]);
            continue;
        }
        if (token.startsWith('-') && token.length > 1) {
            // A cluster of short flags (`-aq`); a string flag takes the rest of the token or the next one.
            for (let j = 1; j < token.length; j++) {
                const name = byShort.get(token[j]);
                if (name === undefined)
                    throw unknown(`-${token[j]}`);
                if (flags[name].type === 'boolean') {
                    booleans.set(name, true);
                    continue;
                }
                const attached = token.slice(j + 1).replace(/^=/, '');
                if (attached !== '')
                    args.push(`--${name}`, attached);
                else if (i + 1 < argv.length)
                    args.push(`--${name}`, argv[++i]);
                else
                    throw fail(`flag -${token[j]} (--${name}) needs a value`);
                break;
            }
            continue;
        }
        args.push(token);
        positionals++;
        if (options.stopAfter !== undefined && positionals >= options.stopAfter) {
            rest.push(...argv.slice(i + 1));
            break;
        }
    }
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args,
            options: toParseArgsOptions(flags),
            strict: true,
            allowPositionals: true,
        });
    }
    catch (err) {
        // The scan above catches what it can name better; anything left is still a usage error.
        throw fail(err instanceof Error ? err.message : String(err));
    }
    const values = parsed.values;
    for (const [name, value] of booleans)
        values[name] = value;
    return {
        values,
        positionals: parsed.positionals,
        rest,
    };
}
function toParseArgsOptions(flags) {
    const options = {};
    for (const [name, spec] of Object.entries(flags)) {
        options[name] = {
            type: spec.type,
            ...(spec.short ? { short: spec.short } : {}),
            ...(spec.multiple ? { multiple: true } : {}),
        };
    }
    return options;
}
/** Parsed arguments of one command, with typed accessors whose errors name the flag. */
class Args {
    command;
    positionals;
    #values;
    constructor(command, values, positionals) {
        this.command = command;
        this.#values = values;
        this.positionals = positionals;
    }
    /** Whether the flag appeared at all (`--tls-verify=false` counts). */
    has(name) {
        return this.#values[name] !== undefined;
    }
    boolean(name, defaultValue = false) {
        const v = this.#values[name];
        return typeof v === 'boolean' ? v : defaultValue;
    }
    /** The last value of a string flag. */
    string(name) {
        const v = this.#values[name];
        if (Array.isArray(v))
            return v.at(-1);
        return typeof v === 'string' ? v : undefined;
    }
    /** Every value of a repeatable flag, comma-separated values split (`--platform a,b`). */
    list(name, options = {}) {
        const v = this.#values[name];
        const values = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
        if (!options.splitCommas)
            return values;
        return values
            .flatMap((x) => x.split(','))
            .map((x) => x.trim())
            .filter((x) => x !== '');
    }
    integer(name, defaultValue, range = {}) {
        const v = this.string(name);
        if (v === undefined)
            return defaultValue;
        const n = /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
        const { min, max } = range;
        if (Number.isSafeInteger(n) &&
            (min === undefined || n >= min) &&
            (max === undefined || n <= max)) {
            return n;
        }
        const bound = min !== undefined && max !== undefined
            ? ` from ${min} to ${max}`
            : min !== undefined
                ? ` of at least ${min}`
                : max !== undefined
                    ? ` of at most ${max}`
                    : '';
        throw this.usage(`flag --${name}: expected an integer${bound}, got "${v}"`);
    }
    choice(name, choices) {
        const v = this.string(name);
        if (v === undefined)
            return undefined;
        const found = choices.find((c) => c === v);
        if (found !== undefined)
            return found;
        throw this.usage(`flag --${name}: expected one of ${choices.join(', ')}, got "${v}"`);
    }
    /** A UsageError scoped to this command. */
    usage(message) {
        return new usage_error/* UsageError */.e(message, this.command);
    }
}

// EXTERNAL MODULE: ./.build/src/cli/flags.js
var flags = __webpack_require__(765);
;// CONCATENATED MODULE: ./.build/src/cli/commands.js

/** Loads a command's module only when it runs: starting the CLI compiles one command, not all. */
function lazy(load) {
    return async (args, ctx) => (await load())(args, ctx);
}
const build = lazy(() => Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(1317)]).then(__webpack_require__.bind(__webpack_require__, 9603)).then((m) => m.build));
const copy = lazy(() => Promise.all(/* import() */[__webpack_require__.e(9626), __webpack_require__.e(7473), __webpack_require__.e(4709)]).then(__webpack_require__.bind(__webpack_require__, 7724)).then((m) => m.copy));
const deleteImage = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(9626), __webpack_require__.e(4431), __webpack_require__.e(1110)]).then(__webpack_require__.bind(__webpack_require__, 1110)).then((m) => m.deleteImage));
const exec = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(7156)]).then(__webpack_require__.bind(__webpack_require__, 7156)).then((m) => m.exec));
const help = lazy(() => __webpack_require__.e(/* import() */ 9470).then(__webpack_require__.bind(__webpack_require__, 9470)).then((m) => m.help));
const commands_images = lazy(() => Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(5042), __webpack_require__.e(7379)]).then(__webpack_require__.bind(__webpack_require__, 7379)).then((m) => m.images));
const inspect = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(9626), __webpack_require__.e(4431), __webpack_require__.e(4495)]).then(__webpack_require__.bind(__webpack_require__, 524)).then((m) => m.inspect));
const kubeGenerate = lazy(() => Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(1216)]).then(__webpack_require__.bind(__webpack_require__, 1216)).then((m) => m.kubeGenerate));
const kubePlay = lazy(() => Promise.all(/* import() */[__webpack_require__.e(8815), __webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(1216)]).then(__webpack_require__.bind(__webpack_require__, 1216)).then((m) => m.kubePlay));
const login = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(9626), __webpack_require__.e(4431), __webpack_require__.e(788)]).then(__webpack_require__.bind(__webpack_require__, 788)).then((m) => m.login));
const logout = lazy(() => __webpack_require__.e(/* import() */ 9979).then(__webpack_require__.bind(__webpack_require__, 9979)).then((m) => m.logout));
const logs = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(9594)]).then(__webpack_require__.bind(__webpack_require__, 9594)).then((m) => m.logs));
const podCreate = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(8686)]).then(__webpack_require__.bind(__webpack_require__, 6305)).then((m) => m.podCreate));
const podLogs = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(8686)]).then(__webpack_require__.bind(__webpack_require__, 6305)).then((m) => m.podLogs));
const podPs = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(8686)]).then(__webpack_require__.bind(__webpack_require__, 6305)).then((m) => m.podPs));
const podRm = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(8686)]).then(__webpack_require__.bind(__webpack_require__, 6305)).then((m) => m.podRm));
const prune = lazy(() => Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(5042), __webpack_require__.e(4305)]).then(__webpack_require__.bind(__webpack_require__, 4305)).then((m) => m.prune));
const ps = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(8900)]).then(__webpack_require__.bind(__webpack_require__, 8900)).then((m) => m.ps));
const pull = lazy(() => Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(7473), __webpack_require__.e(5042), __webpack_require__.e(594)]).then(__webpack_require__.bind(__webpack_require__, 594)).then((m) => m.pull));
const push = lazy(() => Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(7473), __webpack_require__.e(5042), __webpack_require__.e(1381)]).then(__webpack_require__.bind(__webpack_require__, 1381)).then((m) => m.push));
const rm = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(2404)]).then(__webpack_require__.bind(__webpack_require__, 23)).then((m) => m.rm));
const rmi = lazy(() => Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(5042), __webpack_require__.e(1109)]).then(__webpack_require__.bind(__webpack_require__, 1109)).then((m) => m.rmi));
const run = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(1672)]).then(__webpack_require__.bind(__webpack_require__, 1672)).then((m) => m.run));
const stop = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(8431), __webpack_require__.e(7685)]).then(__webpack_require__.bind(__webpack_require__, 7685)).then((m) => m.stop));
const sync = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(8815), __webpack_require__.e(9626), __webpack_require__.e(4431), __webpack_require__.e(7473), __webpack_require__.e(1792)]).then(__webpack_require__.bind(__webpack_require__, 5970)).then((m) => m.sync));
const tag = lazy(() => Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(9626), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(5042), __webpack_require__.e(9677)]).then(__webpack_require__.bind(__webpack_require__, 9677)).then((m) => m.tag));
const tags = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(9626), __webpack_require__.e(4431), __webpack_require__.e(6232)]).then(__webpack_require__.bind(__webpack_require__, 6232)).then((m) => m.tags));
const version = lazy(() => __webpack_require__.e(/* import() */ 329).then(__webpack_require__.bind(__webpack_require__, 329)).then((m) => m.version));
const wait = lazy(() => Promise.all(/* import() */[__webpack_require__.e(5951), __webpack_require__.e(5757), __webpack_require__.e(9404)]).then(__webpack_require__.bind(__webpack_require__, 9404)).then((m) => m.wait));
const commands_all = (what) => ({ all: { type: 'boolean', short: 'a', description: `Act on every ${what}` } });
const quiet = {
    quiet: { type: 'boolean', short: 'q', description: 'Print only IDs or names' },
};
const listFormat = {
    format: { type: 'string', value: 'table|json', description: 'Output format (default table)' },
};
const force = (what) => ({ force: { type: 'boolean', short: 'f', description: what } });
const processFlags = {
    env: {
        type: 'string',
        short: 'e',
        multiple: true,
        value: 'KEY[=VALUE]',
        description: 'Set an environment variable (KEY alone passes this one through)',
    },
    workdir: { type: 'string', short: 'w', value: 'DIR', description: 'Working directory' },
    user: { type: 'string', short: 'u', value: 'USER[:GROUP]', description: 'User to run as' },
};
const publish = {
    publish: {
        type: 'string',
        short: 'p',
        multiple: true,
        value: '[IP:]HOST:CONTAINER',
        description: 'Publish a port to the host',
    },
};
const podCommands = [
    {
        name: 'create',
        group: 'Containers',
        summary: 'Create a pod whose containers share network, IPC and UTS namespaces',
        usage: 'pod create [flags] [NAME]',
        flags: { name: { type: 'string', value: 'NAME', description: 'Name of the pod' }, ...publish },
        args: { min: 0, max: 1 },
        run: podCreate,
    },
    {
        name: 'ps',
        group: 'Containers',
        summary: 'List pods',
        usage: 'pod ps [flags]',
        flags: { ...quiet, ...listFormat },
        args: { min: 0, max: 0 },
        run: podPs,
    },
    {
        name: 'rm',
        group: 'Containers',
        summary: 'Remove pods and their containers',
        usage: 'pod rm [flags] POD...',
        flags: { ...commands_all('pod'), ...force('Stop running containers first') },
        args: { min: 0 },
        run: podRm,
    },
    {
        name: 'logs',
        group: 'Containers',
        summary: "Show the logs of a pod's containers",
        usage: 'pod logs [flags] POD',
        flags: { follow: { type: 'boolean', short: 'f', description: 'Keep following new output' } },
        args: { min: 1, max: 1 },
        run: podLogs,
    },
];
const kubeCommands = [
    {
        name: 'play',
        group: 'Containers',
        summary: 'Run the pod a Kubernetes Pod YAML file describes',
        usage: 'kube play [flags] FILE',
        flags: { down: { type: 'boolean', description: 'Stop and remove the pod the file describes' } },
        args: { min: 1, max: 1 },
        run: kubePlay,
    },
    {
        name: 'generate',
        group: 'Containers',
        summary: 'Write Kubernetes Pod YAML for a running pod',
        usage: 'kube generate [flags] POD',
        flags: {
            filename: {
                type: 'string',
                short: 'f',
                value: 'FILE',
                description: 'Write to FILE instead of stdout',
            },
        },
        args: { min: 1, max: 1 },
        run: kubeGenerate,
    },
];
const COMMANDS = [
    {
        name: 'build',
        group: 'Images',
        summary: 'Build an image from a Dockerfile or a step list',
        usage: 'build [flags] [CONTEXT]',
        flags: {
            file: { type: 'string', short: 'f', value: 'FILE', description: 'Dockerfile to build' },
            steps: { type: 'string', value: 'FILE', description: 'Step-list YAML to build instead' },
            tag: {
                type: 'string',
                short: 't',
                multiple: true,
                value: 'NAME',
                description: 'Name the image',
            },
            'build-arg': {
                type: 'string',
                multiple: true,
                value: 'KEY[=VALUE]',
                description: 'Set a build argument',
            },
            target: {
                type: 'string',
                value: 'STAGE',
                description: 'Build this stage of a multi-stage Dockerfile',
            },
            platform: {
                type: 'string',
                multiple: true,
                value: 'OS/ARCH[,...]',
                description: 'Build for these platforms',
            },
            label: {
                type: 'string',
                multiple: true,
                value: 'KEY=VALUE',
                description: 'Set an image label',
            },
            annotation: {
                type: 'string',
                multiple: true,
                value: '[LEVEL:]KEY=VALUE',
                description: 'Set a manifest annotation',
            },
            secret: {
                type: 'string',
                multiple: true,
                value: 'id=ID[,src=PATH|env=VAR]',
                description: 'Expose a secret to RUN --mount=type=secret',
            },
            'no-cache': { type: 'boolean', description: 'Build every step again' },
            layers: { type: 'boolean', description: 'Cache intermediate layers (default true)' },
            push: { type: 'boolean', description: 'Push to every tag after building' },
            output: {
                type: 'string',
                short: 'o',
                multiple: true,
                value: 'TRANSPORT:REF',
                description: 'Also write to oci:, oci-archive:, docker-archive: or dir:',
            },
            format: { type: 'string', value: 'oci|docker', description: 'Image format (default oci)' },
            'source-date-epoch': {
                type: 'string',
                value: 'SECONDS',
                description: 'Clamp timestamps for reproducible digests',
            },
            network: {
                type: 'string',
                value: 'host|none',
                description: 'Network for RUN steps (default host)',
            },
            quiet: {
                type: 'boolean',
                short: 'q',
                description: 'Print only the image ID: no step output',
            },
            ...flags/* REGISTRY_FLAGS */.sY,
        },
        args: { min: 0, max: 1 },
        run: build,
    },
    {
        name: 'copy',
        group: 'Images',
        summary: 'Copy an image between registries, layouts, archives and the store',
        usage: 'copy [flags] SOURCE DESTINATION',
        flags: {
            quiet: { type: 'boolean', short: 'q', description: 'Print no progress, only errors' },
            ...commands_all('image of an index (same as --multi-arch=all)'),
            'multi-arch': {
                type: 'string',
                value: 'system|all|index-only',
                description: 'Which images of an index to copy (default system)',
            },
            ...flags/* PLATFORM_FLAGS */.il,
            ...flags/* WRITE_FLAGS */.wV,
            'image-parallel-copies': {
                type: 'string',
                value: 'N',
                description: 'Copy N blobs at once (default 6)',
            },
            ...flags/* SOURCE_DEST_FLAGS */.Fc,
        },
        args: { min: 2, max: 2 },
        run: copy,
    },
    {
        name: 'inspect',
        group: 'Images',
        summary: "Show an image's manifest, config and digest",
        usage: 'inspect [flags] IMAGE',
        flags: {
            raw: {
                type: 'boolean',
                description: 'Print the manifest (or with --config, the config) as stored',
            },
            config: { type: 'boolean', description: 'Print the image config' },
            ...flags/* PLATFORM_FLAGS */.il,
            ...flags/* REGISTRY_FLAGS */.sY,
        },
        args: { min: 1, max: 1 },
        run: inspect,
    },
    {
        name: 'tags',
        group: 'Images',
        summary: 'List the tags of a repository',
        usage: 'tags [flags] REPOSITORY',
        flags: { ...flags/* REGISTRY_FLAGS */.sY },
        args: { min: 1, max: 1 },
        run: tags,
    },
    {
        name: 'delete',
        group: 'Images',
        summary: 'Delete an image from a registry',
        usage: 'delete [flags] IMAGE',
        flags: { ...flags/* REGISTRY_FLAGS */.sY },
        args: { min: 1, max: 1 },
        run: deleteImage,
    },
    {
        name: 'sync',
        group: 'Images',
        summary: 'Copy many tags or repositories at once',
        usage: 'sync [flags] --src docker|yaml --dest docker|dir SOURCE DESTINATION...',
        flags: {
            src: { type: 'string', short: 's', value: 'docker|yaml', description: 'What SOURCE is' },
            dest: {
                type: 'string',
                short: 'd',
                value: 'docker|dir',
                description: 'What each DESTINATION is',
            },
            ...commands_all('image of each index'),
            'keep-going': {
                type: 'boolean',
                description: 'Copy what can be copied and report every failure at the end',
            },
            scoped: {
                type: 'boolean',
                description: 'Keep the source registry and path under DESTINATION',
            },
            ...flags/* WRITE_FLAGS */.wV,
            ...flags/* SOURCE_DEST_FLAGS */.Fc,
        },
        args: { min: 2 },
        run: sync,
    },
    {
        name: 'login',
        group: 'Images',
        summary: 'Store credentials for a registry',
        usage: 'login [flags] REGISTRY',
        flags: {
            username: { type: 'string', short: 'u', value: 'USER', description: 'User name' },
            password: {
                type: 'string',
                short: 'p',
                value: 'PASSWORD',
                description: 'Password (prefer --password-stdin)',
            },
            'password-stdin': { type: 'boolean', description: 'Read the password from stdin' },
            authfile: flags/* REGISTRY_FLAGS */.sY.authfile,
            'tls-verify': flags/* REGISTRY_FLAGS */.sY['tls-verify'],
        },
        args: { min: 1, max: 1 },
        run: login,
    },
    {
        name: 'logout',
        group: 'Images',
        summary: 'Remove stored credentials for a registry',
        usage: 'logout [flags] REGISTRY | --all',
        flags: { ...commands_all('registry'), authfile: flags/* REGISTRY_FLAGS */.sY.authfile },
        args: { min: 0, max: 1 },
        run: logout,
    },
    {
        name: 'images',
        group: 'Store',
        summary: 'List the images in the store',
        usage: 'images [flags] [NAME]',
        flags: { ...quiet, ...listFormat },
        args: { min: 0, max: 1 },
        run: commands_images,
    },
    {
        name: 'pull',
        group: 'Store',
        summary: 'Pull an image into the store',
        usage: 'pull [flags] IMAGE',
        flags: {
            ...commands_all('image of an index'),
            ...flags/* PLATFORM_FLAGS */.il,
            ...quiet,
            ...flags/* REGISTRY_FLAGS */.sY,
        },
        args: { min: 1, max: 1 },
        run: pull,
    },
    {
        name: 'push',
        group: 'Store',
        summary: 'Push an image from the store',
        usage: 'push [flags] IMAGE [DESTINATION]',
        flags: { ...flags/* WRITE_FLAGS */.wV, ...quiet, ...flags/* REGISTRY_FLAGS */.sY },
        args: { min: 1, max: 2 },
        run: push,
    },
    {
        name: 'rmi',
        group: 'Store',
        summary: 'Remove images from the store',
        usage: 'rmi [flags] IMAGE... | --all',
        flags: { ...commands_all('image'), ...force('Remove images that containers still use') },
        args: { min: 0 },
        run: rmi,
    },
    {
        name: 'tag',
        group: 'Store',
        summary: 'Give a stored image more names',
        usage: 'tag IMAGE NAME...',
        flags: {},
        args: { min: 2 },
        run: tag,
    },
    {
        name: 'prune',
        group: 'Store',
        summary: 'Remove blobs and layers no image refers to',
        usage: 'prune [flags]',
        flags: { ...commands_all('unnamed image and the build cache, too') },
        args: { min: 0, max: 0 },
        run: prune,
    },
    {
        name: 'run',
        group: 'Containers',
        summary: 'Run a command in a new container',
        usage: 'run [flags] IMAGE [COMMAND [ARG...]]',
        flags: {
            rm: { type: 'boolean', description: 'Remove the container when it exits' },
            detach: {
                type: 'boolean',
                short: 'd',
                description: 'Run in the background and print the container ID',
            },
            name: { type: 'string', value: 'NAME', description: 'Name of the container' },
            pod: { type: 'string', value: 'POD', description: 'Join this pod' },
            ...processFlags,
            'env-file': {
                type: 'string',
                multiple: true,
                value: 'FILE',
                description: 'Read KEY=VALUE lines from FILE',
            },
            volume: {
                type: 'string',
                short: 'v',
                multiple: true,
                value: 'SRC:DST[:ro]',
                description: 'Bind-mount a host path',
            },
            entrypoint: {
                type: 'string',
                value: 'COMMAND',
                description: "Replace the image's entrypoint",
            },
            network: { type: 'string', value: 'pod|host|none', description: 'Network namespace to use' },
            ...publish,
            'health-cmd': {
                type: 'string',
                value: 'COMMAND',
                description: 'Command that exits 0 when the container is ready',
            },
            'health-interval': {
                type: 'string',
                value: 'DURATION',
                description: 'Time between health checks',
            },
            'health-retries': {
                type: 'string',
                value: 'N',
                description: 'Failed checks before the container counts as unhealthy',
            },
            timeout: {
                type: 'string',
                value: 'DURATION',
                description: 'Stop the container after this long',
            },
            ...flags/* REGISTRY_FLAGS */.sY,
        },
        args: { min: 1 },
        stopAfter: 1,
        run,
    },
    {
        name: 'ps',
        group: 'Containers',
        summary: 'List containers',
        usage: 'ps [flags]',
        flags: {
            ...commands_all('container, stopped ones too'),
            pod: { type: 'string', value: 'POD', description: "Only this pod's containers" },
            ...quiet,
            ...listFormat,
        },
        args: { min: 0, max: 0 },
        run: ps,
    },
    {
        name: 'logs',
        group: 'Containers',
        summary: "Show a container's output",
        usage: 'logs [flags] CONTAINER',
        flags: {
            follow: { type: 'boolean', short: 'f', description: 'Keep following new output' },
            timestamps: { type: 'boolean', short: 't', description: 'Prefix each line with its time' },
            tail: { type: 'string', value: 'N', description: 'Show only the last N lines' },
        },
        args: { min: 1, max: 1 },
        run: logs,
    },
    {
        name: 'stop',
        group: 'Containers',
        summary: 'Stop running containers',
        usage: 'stop [flags] CONTAINER... | --all',
        flags: {
            ...commands_all('running container'),
            time: {
                type: 'string',
                short: 't',
                value: 'SECONDS',
                description: 'Wait this long before SIGKILL (default 10)',
            },
        },
        args: { min: 0 },
        run: stop,
    },
    {
        name: 'rm',
        group: 'Containers',
        summary: 'Remove containers',
        usage: 'rm [flags] CONTAINER... | --all',
        flags: { ...commands_all('container'), ...force('Stop running containers first') },
        args: { min: 0 },
        run: rm,
    },
    {
        name: 'wait',
        group: 'Containers',
        summary: 'Wait for containers to exit and print their exit codes',
        usage: 'wait [flags] CONTAINER...',
        flags: {
            timeout: { type: 'string', value: 'DURATION', description: 'Give up after this long' },
        },
        args: { min: 1 },
        run: wait,
    },
    {
        name: 'exec',
        group: 'Containers',
        summary: 'Run a command in a running container',
        usage: 'exec [flags] CONTAINER COMMAND [ARG...]',
        flags: { ...processFlags },
        args: { min: 2 },
        stopAfter: 1,
        run: exec,
    },
    {
        name: 'pod',
        group: 'Containers',
        summary: 'Create, list and remove pods',
        usage: 'pod COMMAND [flags] [ARGS...]',
        flags: {},
        args: { min: 1 },
        stopAfter: 1,
        subcommands: podCommands,
    },
    {
        name: 'kube',
        group: 'Containers',
        summary: 'Run pods from Kubernetes YAML, or write YAML for a pod',
        usage: 'kube COMMAND [flags] [ARGS...]',
        flags: {},
        args: { min: 1 },
        stopAfter: 1,
        subcommands: kubeCommands,
    },
    {
        name: 'version',
        group: 'Other',
        summary: "Print lighter's version",
        usage: 'version',
        flags: {},
        args: { min: 0, max: 0 },
        run: version,
    },
    {
        name: 'help',
        group: 'Other',
        summary: 'Show help for lighter or a command',
        usage: 'help [COMMAND [SUBCOMMAND]]',
        flags: {},
        args: { min: 0, max: 2 },
        run: help,
    },
];

// EXTERNAL MODULE: ./.build/src/cli/help.js
var cli_help = __webpack_require__(4559);
// EXTERNAL MODULE: ./.build/src/cli/lookup.js
var lookup = __webpack_require__(7582);
// EXTERNAL MODULE: ./.build/src/cli/version.js
var cli_version = __webpack_require__(1718);
;// CONCATENATED MODULE: ./.build/src/cli/main.js
// The CLI's entry: finds the command, parses its flags, runs it, and maps the outcome to an exit code.









/** Exit codes: 0 done, 1 the work failed, 2 the command line was wrong. */
const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const processIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    async stdin() {
        const chunks = [];
        for await (const chunk of process.stdin)
            chunks.push(chunk);
        return Buffer.concat(chunks).toString('utf8');
    },
};
const TOP_FLAGS = {
    ...flags/* GLOBAL_FLAGS */.an,
    version: { type: 'boolean', description: "Print lighter's version" },
};
/** Runs the CLI with `argv` (without node and the script) and returns the exit code. */
async function main(argv, io = {}, commands = COMMANDS) {
    const { stdout, stderr, env, stdin } = { ...processIo, ...io };
    const masker = new log/* SecretMasker */.M2();
    const line = (write) => (text) => write(`${masker.mask(text)}\n`);
    const out = line(stdout);
    const err = line(stderr);
    let debug = false;
    let path = '';
    try {
        const top = parseFlags(argv, TOP_FLAGS, { stopAfter: 1 });
        debug = top.values.debug === true;
        if (top.values.version === true) {
            out(`lighter ${await (0,cli_version/* lighterVersion */.W)()}`);
            return EXIT_OK;
        }
        const name = top.positionals[0];
        if (name === undefined) {
            if (top.values.help === true) {
                out((0,cli_help/* mainHelp */.H)(commands));
                return EXIT_OK;
            }
            err((0,cli_help/* mainHelp */.H)(commands));
            return EXIT_USAGE;
        }
        let command = (0,lookup/* findCommand */.Z)(commands, name);
        path = name;
        let values = { ...top.values };
        let rest = top.rest;
        for (;;) {
            const parsed = parseFlags(rest, { ...flags/* GLOBAL_FLAGS */.an, ...command.flags }, {
                command: path,
                stopAfter: command.stopAfter,
            });
            values = { ...values, ...definedOnly(parsed.values) };
            debug = values.debug === true;
            if (values.help === true) {
                out((0,cli_help/* commandHelp */.b)(command, path));
                return EXIT_OK;
            }
            const positionals = [...parsed.positionals, ...parsed.rest];
            if (command.subcommands) {
                const sub = positionals[0];
                if (sub === undefined) {
                    const names = command.subcommands.map((c) => c.name).join(', ');
                    throw new usage_error/* UsageError */.e(`missing command (one of ${names})`, path);
                }
                command = (0,lookup/* findCommand */.Z)(command.subcommands, sub, path);
                path = `${path} ${sub}`;
                rest = positionals.slice(1);
                continue;
            }
            checkCount(command, path, positionals);
            const logger = maskingLogger((0,log/* consoleLogger */.kS)({ verbose: debug, write: err }), masker);
            const ctx = { logger, out, env, stdin, commands };
            if (!command.run)
                throw new usage_error/* UsageError */.e('this command cannot run by itself', path);
            return await command.run(new Args(path, values, positionals), ctx);
        }
    }
    catch (error) {
        if (error instanceof usage_error/* UsageError */.e) {
            const where = error.command ?? '';
            err(`lighter${where ? ` ${where}` : ''}: ${error.message}`);
            err(where
                ? `Run "lighter ${where} --help" for usage.`
                : 'Run "lighter help" for a list of commands.');
            return EXIT_USAGE;
        }
        err(`lighter${path ? ` ${path}` : ''}: ${(0,errors/* errorMessage */.gJ)(error)}`);
        if (debug)
            for (const detail of causeChain(error))
                err(detail);
        return EXIT_FAILURE;
    }
}
function definedOnly(values) {
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
function checkCount(command, path, positionals) {
    const { min, max } = command.args;
    const n = positionals.length;
    if (n >= min && (max === undefined || n <= max))
        return;
    const plural = (k) => `${k} argument${k === 1 ? '' : 's'}`;
    let expected;
    if (max === 0)
        expected = 'no arguments';
    else if (max === min)
        expected = plural(min);
    else if (max === undefined)
        expected = `at least ${plural(min)}`;
    else if (max === min + 1)
        expected = `${min} or ${plural(max)}`;
    else
        expected = `${min} to ${plural(max)}`;
    throw new usage_error/* UsageError */.e(`expected ${expected}, got ${n} (usage: lighter ${command.usage})`, path);
}
/** The logger's own masker hides secrets in log lines; ours hides them in results and errors. */
function maskingLogger(logger, masker) {
    return {
        ...logger,
        secret(value) {
            masker.add(value);
            logger.secret(value);
        },
    };
}
/** The stack, then each cause's message, for --debug. */
function causeChain(error) {
    const lines = [];
    if (error instanceof Error && error.stack)
        lines.push(error.stack);
    let cause = error instanceof Error ? error.cause : undefined;
    while (cause !== undefined) {
        lines.push(`caused by: ${(0,errors/* errorMessage */.gJ)(cause)}`);
        cause = cause instanceof Error ? cause.cause : undefined;
    }
    return lines;
}


/***/ }),

/***/ 732:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports editDistance, closest */
// "Did you mean" suggestions for mistyped commands and flags.
/** Edit distance counting a swap of two neighbours as one edit (`cpoy` is one away from `copy`). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    return d[a.length][b.length];
}
/**
 * The candidate `word` was most likely meant to be, or undefined when none is close: within a
 * third of the word's length in edits (at least one), else one that starts with the word or
 * ends with `-word`.
 */
function closest(word, candidates) {
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const distance = editDistance(word, candidate);
        if (distance <= limit && distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    if (best !== undefined || word.length < 2)
        return best;
    // A prefix (`ins` for `inspect`), or the one-sided form of a flag (`creds` for `src-creds`).
    return (candidates.find((c) => c.startsWith(word)) ?? candidates.find((c) => c.endsWith(`-${word}`)));
}
/** ` (did you mean "copy"?)`, or '' when nothing is close. */
function didYouMean(word, candidates, prefix = '') {
    const match = closest(word, candidates);
    return match === undefined ? '' : ` (did you mean "${prefix}${match}"?)`;
}


/***/ }),

/***/ 6202:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
// A mistake in how the CLI was called (exit code 2), as opposed to a failure doing the work (1).

class UsageError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt {
    name = 'UsageError';
    /** The command path the mistake belongs to (`copy`, `pod create`), for the message and hint. */
    command;
    constructor(message, command) {
        super('ERR_INVALID_ARGUMENT', message);
        this.command = command;
    }
}


/***/ }),

/***/ 1718:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ lighterVersion)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
// lighter's version, read from package.json so a release needs one edit only.



/**
 * Walks up from this module to lighter's package.json: from src/cli in a checkout, from
 * dist/cli in the bundle, from node_modules/lighter/dist/cli when installed.
 */
async function lighterVersion(from = import.meta.url) {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(from));
    for (;;) {
        try {
            const pkg = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json'), 'utf8'));
            if (pkg.name === 'lighter' && typeof pkg.version === 'string')
                return pkg.version;
        }
        catch {
            // No package.json here (or not ours): keep walking.
        }
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        if (parent === dir)
            return 'unknown';
        dir = parent;
    }
}


/***/ }),

/***/ 6512:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Di: () => (/* binding */ InvalidArgumentError),
/* harmony export */   E0: () => (/* binding */ isLighterError),
/* harmony export */   Kt: () => (/* binding */ LighterError),
/* harmony export */   eQ: () => (/* binding */ withContext),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   iF: () => (/* binding */ contextual)
/* harmony export */ });
// The one error type of lighter: a stable code for programs, a message with context for people.
class LighterError extends Error {
    name = 'LighterError';
    code;
    details;
    constructor(code, message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.code = code;
        this.details = options.details;
    }
}
/** An argument at an API boundary was wrong; thrown eagerly, before any work starts. */
class InvalidArgumentError extends LighterError {
    name = 'InvalidArgumentError';
    constructor(message, options) {
        super('ERR_INVALID_ARGUMENT', message, options);
    }
}
function isLighterError(err, code) {
    return err instanceof LighterError && (code === undefined || err.code === code);
}
/**
 * Adds context as a gerund prefix, keeping the code of a LighterError:
 * `withContext(err, 'pushing manifest to ghcr.io/o/r:1.2')` gives
 * "pushing manifest to ghcr.io/o/r:1.2: 401 UNAUTHORIZED ...".
 * Errors of other kinds become `fallback` (ERR_RUNTIME unless told).
 */
function withContext(err, context, fallback = 'ERR_RUNTIME') {
    const message = `${context}: ${errorMessage(err)}`;
    if (err instanceof LighterError) {
        const wrapped = new LighterError(err.code, message, { cause: err, details: err.details });
        return wrapped;
    }
    return new LighterError(fallback, message, { cause: err });
}
/** Runs `fn`, adding `context` to whatever it throws. */
async function contextual(context, fn, fallback) {
    try {
        return await fn();
    }
    catch (err) {
        throw withContext(err, context, fallback);
    }
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}


/***/ }),

/***/ 2345:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M2: () => (/* binding */ SecretMasker),
/* harmony export */   Vj: () => (/* binding */ quietLogger),
/* harmony export */   kS: () => (/* binding */ consoleLogger),
/* harmony export */   qq: () => (/* binding */ silentLogger)
/* harmony export */ });
// The logging interface core code writes to; the CLI and the actions each supply one.
/** A logger that drops everything; the default for library callers that pass none. */
const silentLogger = {
    debug() { },
    info() { },
    warn() { },
    error() { },
    group: (_title, fn) => fn(),
    secret() { },
};
/** `logger` without its progress: info and group titles dropped; warnings and errors kept. */
function quietLogger(logger) {
    return { ...logger, info() { }, group: (_title, fn) => fn() };
}
/** Masks every registered secret in a message; shared by loggers that print text. */
class SecretMasker {
    #secrets = new Set();
    add(value) {
        // Very short values would mask ordinary words and give nothing away anyway.
        if (value.length >= 3)
            this.#secrets.add(value);
    }
    mask(message) {
        let out = message;
        for (const s of this.#secrets)
            out = out.split(s).join('***');
        return out;
    }
}
/** A plain-text logger for the CLI: info and above to stderr, debug when verbose. */
function consoleLogger(options = {}) {
    const masker = new SecretMasker();
    const write = options.write ?? ((line) => process.stderr.write(`${line}\n`));
    let indent = '';
    const emit = (prefix, message) => {
        for (const line of masker.mask(message).split('\n'))
            write(`${indent}${prefix}${line}`);
    };
    return {
        debug: (m) => {
            if (options.verbose)
                emit('debug: ', m);
        },
        info: (m) => emit('', m),
        warn: (m) => emit('warning: ', m),
        error: (m) => emit('error: ', m),
        async group(title, fn) {
            emit('', title);
            const outer = indent;
            indent = `${outer}  `;
            try {
                return await fn();
            }
            finally {
                indent = outer;
            }
        },
        secret: (v) => masker.add(v),
    };
}


/***/ })

};
