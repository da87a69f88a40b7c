export const id = 4431;
export const ids = [4431];
export const modules = {

/***/ 4431:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ RegistryClient)
});

// UNUSED EXPORTS: nextLink

// EXTERNAL MODULE: ./.build/src/core/digest.js
var core_digest = __webpack_require__(7691);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: ./.build/src/core/manifest.js
var manifest = __webpack_require__(9626);
// EXTERNAL MODULE: ./.build/src/core/media-types.js
var media_types = __webpack_require__(9155);
// EXTERNAL MODULE: ./.build/src/core/registry/credentials.js
var registry_credentials = __webpack_require__(9725);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/undici/lib/api/index.js
var api = __webpack_require__(6615);
// EXTERNAL MODULE: ./node_modules/undici/lib/core/connect.js
var connect = __webpack_require__(9136);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/agent.js
var agent = __webpack_require__(7405);
// EXTERNAL MODULE: ./node_modules/undici/lib/dispatcher/dispatcher.js
var dispatcher = __webpack_require__(883);
;// CONCATENATED MODULE: ./.build/src/core/registry/undici.js
// The parts of undici the registry client uses, loaded from their own modules. undici's index
// loads all of it (fetch, WebSocket, cache stores, mocks, proxies: 1.6 MB bundled), which every
// CLI start paid for in tens of milliseconds; a client that only needs an Agent, a connector and
// the request API should not. The request API is attached to Dispatcher as undici's index does.




if (!("request" in dispatcher.prototype))
    Object.assign(dispatcher.prototype, api);
const Agent = agent;
const buildConnector = connect;

;// CONCATENATED MODULE: ./.build/src/core/registry/dispatcher.js
// Builds the undici Dispatcher registry requests go through: trusted CAs, verification, timeouts.




/** Node's bundled roots plus the operating system's store, which corporate CAs are added to. */
function systemRoots() {
    const roots = new Set((0,external_node_tls_.getCACertificates)('default'));
    try {
        for (const cert of (0,external_node_tls_.getCACertificates)('system'))
            roots.add(cert);
    }
    catch {
        // Some platforms cannot enumerate the system store; the bundled roots still apply.
    }
    return [...roots];
}
function readCaFile(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `reading CA file ${file}: ${err.message}`, {
            cause: err,
        });
    }
}
function createDispatcher(options = {}) {
    const verify = options.tlsVerify !== false;
    const extra = (options.caFiles ?? []).map(readCaFile);
    const timeout = options.connectTimeoutMs ?? 30_000;
    // Loading the system's CA store costs tens of milliseconds: only an https connection pays it,
    // so a plain-http registry on loopback (the CI case) never does.
    const plain = buildConnector({ timeout });
    let secure;
    const connect = (opts, callback) => {
        if (opts.protocol !== 'https:')
            return plain(opts, callback);
        secure ??= buildConnector({
            timeout,
            rejectUnauthorized: verify,
            ...(verify ? { ca: [...systemRoots(), ...extra] } : {}),
        });
        return secure(opts, callback);
    };
    return new Agent({
        connections: options.connections ?? 8,
        headersTimeout: options.headersTimeoutMs ?? 300_000,
        bodyTimeout: options.bodyTimeoutMs ?? 300_000,
        connect,
    });
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./.build/src/core/registry/errors.js
// Turns registry responses and connection failures into LighterErrors with stable codes.


/** Parses the spec's error JSON; anything else gives an empty list. */
function parseErrorBody(text) {
    if (!text)
        return [];
    try {
        const json = JSON.parse(text);
        if (!Array.isArray(json.errors))
            return [];
        return json.errors
            .filter((e) => typeof e === 'object' && e !== null)
            .filter((e) => typeof e.code === 'string')
            .map((e) => ({
            code: e.code,
            ...(typeof e.message === 'string' ? { message: e.message } : {}),
            ...(e.detail === undefined ? {} : { detail: e.detail }),
        }));
    }
    catch {
        return [];
    }
}
const CODE_BY_REGISTRY_CODE = {
    UNAUTHORIZED: 'ERR_UNAUTHORIZED',
    DENIED: 'ERR_DENIED',
    BLOB_UNKNOWN: 'ERR_NOT_FOUND',
    BLOB_UPLOAD_UNKNOWN: 'ERR_NOT_FOUND',
    MANIFEST_UNKNOWN: 'ERR_NOT_FOUND',
    NAME_UNKNOWN: 'ERR_NOT_FOUND',
    DIGEST_INVALID: 'ERR_DIGEST_MISMATCH',
    UNSUPPORTED: 'ERR_UNSUPPORTED',
};
function codeForStatus(status) {
    if (status === 401)
        return 'ERR_UNAUTHORIZED';
    if (status === 403)
        return 'ERR_DENIED';
    if (status === 404)
        return 'ERR_NOT_FOUND';
    if (status === 405)
        return 'ERR_UNSUPPORTED';
    return 'ERR_REGISTRY';
}
/**
 * The error for an unexpected response: "401 UNAUTHORIZED: authentication required".
 * The registry's own code wins over the status when it is more precise (a 404 with
 * BLOB_UPLOAD_INVALID is not "not found" but a broken upload).
 */
function responseError(response) {
    const entries = parseErrorBody(response.body);
    const first = entries[0];
    let code = response.code ?? codeForStatus(response.status);
    if (!response.code && first) {
        const byRegistry = CODE_BY_REGISTRY_CODE[first.code];
        if (byRegistry)
            code = byRegistry;
        else if (response.status < 500 && response.status !== 401 && response.status !== 403) {
            code = 'ERR_REGISTRY';
        }
    }
    const described = entries.length
        ? entries.map((e) => (e.message ? `${e.code}: ${e.message}` : e.code)).join('; ')
        : (external_node_http_.STATUS_CODES[response.status] ?? 'unexpected status');
    const hint = response.hint ? ` (${response.hint})` : '';
    return new errors/* LighterError */.Kt(code, `${response.status} ${described}${hint}`, {
        details: {
            status: response.status,
            registryCodes: entries.map((e) => e.code),
            ...(response.retryAfterMs === undefined ? {} : { retryAfterMs: response.retryAfterMs }),
        },
    });
}
const TLS_CODES = new Set([
    'EPROTO',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENETDOWN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
    'ERR_STREAM_PREMATURE_CLOSE',
]);
/** The most telling `code` along an error's cause chain (undici wraps socket errors). */
function systemCode(err) {
    const codes = [];
    let current = err;
    for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            codes.push(code);
        current = current.cause;
    }
    // The deepest known code is the most precise (ECONNRESET under undici's UND_ERR_SOCKET).
    return codes.findLast((c) => isTlsCode(c) || RETRYABLE_NETWORK_CODES.has(c)) ?? codes[0];
}
function isTlsCode(code) {
    return TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_');
}
/** True when a TLS handshake failed because the other side does not speak TLS at all. */
function isProtocolMismatch(err) {
    const code = systemCode(err);
    return (code === 'EPROTO' ||
        code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
        code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' ||
        code === 'ERR_SSL_HTTP_REQUEST');
}
/** True for failures where trying the same request again may work (drops, resets, timeouts). */
function isRetryableNetworkError(err) {
    if (err instanceof errors/* LighterError */.Kt)
        return err.code === 'ERR_NETWORK' && err.details?.retryable === true;
    const code = systemCode(err);
    return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}
/** Wraps a connection-level failure as ERR_TLS or ERR_NETWORK, keeping the low-level code. */
function networkError(err, host) {
    if (err instanceof errors/* LighterError */.Kt)
        return err;
    const code = systemCode(err);
    const message = err instanceof Error ? err.message : String(err);
    const suffix = code && !message.includes(code) ? ` (${code})` : '';
    const tls = code !== undefined && isTlsCode(code);
    return new errors/* LighterError */.Kt(tls ? 'ERR_TLS' : 'ERR_NETWORK', `connection to ${host}: ${message}${suffix}`, {
        cause: err,
        details: { systemCode: code, retryable: !tls && isRetryableNetworkError(err) },
    });
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./.build/src/core/registry/retry.js
// When and how long to wait before trying a registry request again.

const DEFAULT_RETRY = {
    retries: 3,
    baseDelayMs: 250,
    maxDelayMs: 30_000,
    sleep: (ms) => (0,promises_.setTimeout)(ms),
    random: Math.random,
};
function retryOptions(overrides = {}) {
    const merged = { ...DEFAULT_RETRY, ...overrides };
    if (!Number.isInteger(merged.retries) || merged.retries < 0) {
        throw new RangeError(`retries must be a non-negative integer, got ${merged.retries}`);
    }
    return merged;
}
/** Statuses that say "not now" rather than "never": timeouts, rate limits, gateway trouble. */
function isRetryableStatus(status) {
    return (status === 408 ||
        status === 429 ||
        status === 500 ||
        status === 502 ||
        status === 503 ||
        status === 504);
}
/** Parses Retry-After (delta seconds or an HTTP date) into ms; undefined when absent or invalid. */
function parseRetryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    const trimmed = text.trim();
    if (/^\d+$/.test(trimmed))
        return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}
/**
 * Delay before retry number `attempt` (1-based): "full jitter" exponential backoff, so many
 * clients hitting one struggling registry spread out. A server's Retry-After wins, capped.
 */
function retryDelay(options, attempt, retryAfterMs) {
    if (retryAfterMs !== undefined)
        return Math.min(retryAfterMs, options.maxDelayMs);
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
    // Half fixed, half random: never zero, so a retry storm cannot fire instantly.
    return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

;// CONCATENATED MODULE: ./.build/src/core/registry/auth.js
// Registry authentication: WWW-Authenticate challenges, Basic, and bearer tokens cached per scope.


const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
/**
 * Parses a WWW-Authenticate header (RFC 9110 §11.6.1), which may hold several challenges:
 * `Bearer realm="https://auth/token",service="reg",scope="repository:a:pull", Basic realm="r"`.
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    let i = 0;
    const skip = (chars) => {
        while (i < header.length && chars.test(header[i] ?? ''))
            i++;
    };
    const token = () => {
        TOKEN.lastIndex = i;
        const m = TOKEN.exec(header);
        if (!m)
            return undefined;
        i += m[0].length;
        return m[0];
    };
    const quoted = () => {
        let out = '';
        i++; // opening quote
        while (i < header.length && header[i] !== '"') {
            if (header[i] === '\\' && i + 1 < header.length)
                i++;
            out += header[i];
            i++;
        }
        i++; // closing quote
        return out;
    };
    while (i < header.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (!scheme)
            break;
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        challenges.push(challenge);
        for (;;) {
            skip(/[ \t]/);
            const start = i;
            const name = token();
            if (!name)
                break;
            skip(/[ \t]/);
            if (header[i] !== '=') {
                // A bare token after a comma starts the next challenge.
                i = start;
                break;
            }
            i++;
            skip(/[ \t]/);
            let value;
            if (header[i] === '"')
                value = quoted();
            else {
                const start2 = i;
                while (i < header.length && header[i] !== ',')
                    i++;
                value = header.slice(start2, i).trim();
            }
            challenge.params[name.toLowerCase()] = value;
            skip(/[ \t]/);
            if (header[i] === ',') {
                i++;
                // Peek: `name=` continues this challenge, a lone token starts another.
                skip(/[ \t]/);
                const save = i;
                const next = token();
                skip(/[ \t]/);
                const continues = next !== undefined && header[i] === '=';
                i = save;
                if (!continues)
                    break;
            }
            else
                break;
        }
    }
    return challenges;
}
function formatScope(scope) {
    return `repository:${scope.repository}:${scope.actions.join(',')}`;
}
/** Parses a challenge's `scope` parameter (space-separated, each `repository:name:actions`). */
function parseScopes(value) {
    if (!value)
        return [];
    const scopes = [];
    for (const part of value.split(' ')) {
        const m = /^repository(?:\([^)]*\))?:(.+):([a-z*,]+)$/.exec(part);
        if (m?.[1] && m[2])
            scopes.push({ repository: m[1], actions: m[2].split(',') });
    }
    return scopes;
}
/** Merges scopes so each repository appears once with the union of its actions. */
function mergeScopes(...lists) {
    const byRepo = new Map();
    for (const list of lists) {
        for (const s of list) {
            const set = byRepo.get(s.repository) ?? new Set();
            for (const a of s.actions)
                set.add(a);
            byRepo.set(s.repository, set);
        }
    }
    return [...byRepo].map(([repository, actions]) => ({ repository, actions: [...actions].sort() }));
}
/**
 * Produces Authorization headers for registry requests. The registry says what it wants in
 * its challenge (learnt from the `/v2/` ping or a 401); bearer tokens are fetched per set of
 * scopes, cached until shortly before they expire, and dropped when the registry refuses them.
 */
class Authenticator {
    #options;
    #challenge;
    #tokens = new Map();
    #pending = new Map();
    #now;
    constructor(options) {
        this.#options = options;
        this.#now = options.now ?? Date.now;
        if (options.registryToken)
            options.logger.secret(options.registryToken);
    }
    /** The challenge in force: bearer preferred when a registry offers several. */
    get challenge() {
        return this.#challenge;
    }
    /** Records the challenges of a 401 (or the ping). */
    observe(header) {
        const text = Array.isArray(header) ? header.join(', ') : header;
        if (!text)
            return;
        const challenges = parseWwwAuthenticate(text);
        const chosen = challenges.find((c) => c.scheme === 'bearer' && c.params.realm) ??
            challenges.find((c) => c.scheme === 'basic');
        if (chosen)
            this.#challenge = chosen;
    }
    /** The Authorization header for a request needing `scopes`, or undefined for none. */
    async authorization(scopes) {
        if (this.#options.registryToken)
            return `Bearer ${this.#options.registryToken}`;
        const challenge = this.#challenge;
        if (!challenge)
            return undefined;
        const repository = scopes[0]?.repository ?? '';
        if (challenge.scheme === 'basic') {
            const creds = await this.#options.credentials(repository);
            if (creds?.kind !== 'basic')
                return undefined;
            return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        }
        if (challenge.scheme === 'bearer')
            return `Bearer ${await this.#token(challenge, scopes)}`;
        return undefined;
    }
    /**
     * Called after a 401: learns the new challenge and forgets the token that was refused.
     * Returns the scopes to retry with (the challenge may ask for more), or undefined when
     * asking again cannot help.
     */
    async renew(scopes, header) {
        if (this.#options.registryToken)
            return undefined;
        const before = this.#challenge;
        this.observe(header);
        const challenge = this.#challenge;
        if (!challenge)
            return undefined;
        if (challenge.scheme === 'bearer') {
            this.#tokens.delete(this.#key(challenge, scopes));
            return mergeScopes(scopes, parseScopes(challenge.params.scope));
        }
        if (challenge.scheme === 'basic') {
            // Basic credentials do not expire: retry only if they were not sent the first time.
            const creds = await this.#options.credentials(scopes[0]?.repository ?? '');
            return before?.scheme !== 'basic' && creds ? scopes : undefined;
        }
        return undefined;
    }
    /** Explains a 401/403 that survived renewal. */
    async failure(status, header, scopes) {
        const registry = this.#options.registry;
        if (this.#options.registryToken) {
            return { code: 'ERR_UNAUTHORIZED', hint: `the registry token for ${registry} was refused` };
        }
        const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
        const insufficient = parseWwwAuthenticate(text).some((c) => c.params.error === 'insufficient_scope');
        const creds = await this.#options.credentials(scopes[0]?.repository ?? '');
        const wanted = scopes.map(formatScope).join(' ');
        // A token that lacks the scope was issued on purpose: that is a denial, not a login failure.
        const denied = status === 403 || insufficient;
        if (!creds) {
            return {
                code: denied ? 'ERR_DENIED' : 'ERR_UNAUTHORIZED',
                hint: `no credentials for ${registry}; anonymous access to ${wanted} was refused`,
            };
        }
        if (denied) {
            return { code: 'ERR_DENIED', hint: `the credentials for ${registry} do not grant ${wanted}` };
        }
        return { code: 'ERR_UNAUTHORIZED', hint: `the credentials for ${registry} were rejected` };
    }
    #key(challenge, scopes) {
        const list = scopes.map(formatScope).sort().join(' ');
        return `${challenge.params.realm} ${challenge.params.service ?? ''} ${list}`;
    }
    async #token(challenge, scopes) {
        const key = this.#key(challenge, scopes);
        const cached = this.#tokens.get(key);
        if (cached && cached.expiresAt > this.#now())
            return cached.token;
        // Concurrent layer downloads share one token request.
        let pending = this.#pending.get(key);
        if (!pending) {
            pending = this.#fetchToken(challenge, scopes)
                .then((fresh) => {
                this.#tokens.set(key, fresh);
                return fresh.token;
            })
                .finally(() => this.#pending.delete(key));
            this.#pending.set(key, pending);
        }
        return pending;
    }
    async #fetchToken(challenge, scopes) {
        const { registry, logger } = this.#options;
        const realm = challenge.params.realm;
        if (!realm) {
            throw new errors/* LighterError */.Kt('ERR_REGISTRY', `${registry} sent a bearer challenge without a realm`);
        }
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new errors/* LighterError */.Kt('ERR_REGISTRY', `${registry} sent an invalid token realm "${realm}"`);
        }
        const context = `fetching a token for ${registry} from ${url.origin}${url.pathname}`;
        const creds = await this.#options.credentials(scopes[0]?.repository ?? '');
        const service = challenge.params.service;
        const scopeStrings = scopes.map(formatScope);
        let response;
        if (creds?.kind === 'identity-token') {
            // OAuth2 refresh-token grant, as docker does for identity tokens.
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: creds.token,
                client_id: 'lighter',
                ...(service ? { service } : {}),
                ...(scopeStrings.length ? { scope: scopeStrings.join(' ') } : {}),
            });
            response = await this.#options.fetchToken(url, {
                method: 'POST',
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: form.toString(),
            });
        }
        else {
            if (service)
                url.searchParams.set('service', service);
            for (const s of scopeStrings)
                url.searchParams.append('scope', s);
            const headers = {};
            if (creds?.kind === 'basic') {
                // docker sends the account too; some token services key their answer on it.
                url.searchParams.set('account', creds.username);
                headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
            }
            response = await this.#options.fetchToken(url, { method: 'GET', headers });
        }
        if (response.status !== 200) {
            const base = responseError({ status: response.status, body: response.body });
            let code = base.code;
            let hint = '';
            if (response.status === 401) {
                code = 'ERR_UNAUTHORIZED';
                hint = creds
                    ? ` (the credentials for ${registry} were rejected)`
                    : ` (no credentials for ${registry})`;
            }
            else if (response.status === 403) {
                code = 'ERR_DENIED';
                hint = ` (access to ${scopeStrings.join(' ')} was denied)`;
            }
            throw new errors/* LighterError */.Kt(code, `${context}: ${base.message}${hint}`, {
                details: base.details,
            });
        }
        let json;
        try {
            json = JSON.parse(response.body);
        }
        catch {
            throw new errors/* LighterError */.Kt('ERR_REGISTRY', `${context}: the token server did not answer JSON`);
        }
        const token = typeof json.token === 'string' && json.token
            ? json.token
            : typeof json.access_token === 'string'
                ? json.access_token
                : '';
        if (!token)
            throw new errors/* LighterError */.Kt('ERR_REGISTRY', `${context}: the answer holds no token`);
        logger.secret(token);
        // The token spec's default lifetime is 60 s; renew a little early to avoid racing expiry.
        const lifetime = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60;
        const issued = typeof json.issued_at === 'string' && !Number.isNaN(Date.parse(json.issued_at))
            ? Math.min(Date.parse(json.issued_at), this.#now())
            : this.#now();
        const margin = Math.min(10_000, (lifetime * 1000) / 4);
        logger.debug(`got a token for ${scopeStrings.join(' ') || registry} (valid ${lifetime}s)`);
        return { token, expiresAt: issued + lifetime * 1000 - margin };
    }
}

// EXTERNAL MODULE: ./.build/src/core/registry/endpoint.js
var endpoint = __webpack_require__(6406);
;// CONCATENATED MODULE: ./.build/src/core/registry/session.js
// One registry's HTTP conversation: scheme detection, auth, retries and redirects around undici.





const USER_AGENT = 'lighter/0.1';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
const ERROR_BODY_LIMIT = 64 * 1024;
/**
 * Drops a response body we will not read. undici reports destroying an unfinished body as an
 * error event; nobody is listening for it any more, so it is swallowed here.
 */
function discard(body) {
    body.on('error', () => { });
    body.destroy();
}
/** Reads at most `limit` bytes of a body as text and discards the rest. */
async function readText(body, limit = ERROR_BODY_LIMIT) {
    const chunks = [];
    let size = 0;
    try {
        for await (const chunk of body) {
            chunks.push(chunk);
            size += chunk.length;
            if (size >= limit)
                break;
        }
    }
    catch {
        // An error body cut short still says something; the status tells the rest.
    }
    finally {
        discard(body);
    }
    return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}
/** A URL for messages and logs: no query string, which may hold signatures or upload state. */
function displayUrl(url) {
    return `${url.host}${url.pathname}`;
}
/** The first value of a response header. */
function headerValue(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/**
 * The HTTP layer under RegistryClient. It pings `/v2/` once to pick the scheme and learn the
 * auth challenge, so even the first upload request carries a token and never has to be resent.
 *
 * Scheme choice, as containers/image does for insecure registries: https first; plain http
 * only when https cannot be spoken (TLS handshake or connection fails) and the registry is
 * either a loopback host or `tlsVerify` is false. A loopback registry with a TLS certificate
 * we cannot verify still fails with ERR_TLS: an http fallback only happens when http answers
 * like a registry (200 or 401 on `/v2/`).
 */
class RegistrySession {
    registry;
    auth;
    #options;
    #origin;
    constructor(options) {
        this.#options = options;
        this.registry = options.registry;
        this.auth = new Authenticator({
            registry: options.registry,
            credentials: options.credentials,
            ...(options.registryToken ? { registryToken: options.registryToken } : {}),
            logger: options.logger,
            fetchToken: (url, init) => this.#fetchToken(url, init),
        });
    }
    get retry() {
        return this.#options.retry;
    }
    get logger() {
        return this.#options.logger;
    }
    /** `https://host` or `http://host`, detected once. */
    origin() {
        if (!this.#origin) {
            this.#origin = this.#detectOrigin();
            // A failed detection is not cached: the next call tries again.
            this.#origin.catch(() => {
                this.#origin = undefined;
            });
        }
        return this.#origin;
    }
    async #probe(origin) {
        const res = await this.#options.dispatcher.request({
            origin,
            path: '/v2/',
            method: 'GET',
            headers: { 'user-agent': USER_AGENT },
        });
        const challenge = res.headers['www-authenticate'];
        await readText(res.body, 4096);
        if (res.statusCode === 401)
            this.auth.observe(challenge);
        return res.statusCode;
    }
    async #detectOrigin() {
        const { registry, tlsVerify, retry, logger } = this.#options;
        const host = (0,endpoint/* apiHost */.nz)(registry);
        const allowHttp = !tlsVerify || (0,endpoint/* isLoopback */.U9)(registry);
        // On loopback, plain http is asked first: no TLS setup at all for the usual CI registry on
        // localhost, and loopback traffic never crosses a network. A TLS server answers a plain
        // request with 400 (or drops it), and then https is used as below.
        if ((0,endpoint/* isLoopback */.U9)(registry)) {
            const status = await this.#probe(`http://${host}`).catch(() => undefined);
            if (status === 200 || status === 401)
                return `http://${host}`;
        }
        for (let attempt = 0;; attempt++) {
            // Both probes start at once where http is allowed, so a plain-http registry on loopback
            // costs no extra round trip; https still wins whenever it works.
            const https = this.#probe(`https://${host}`).then(() => ({ ok: true }), (err) => ({ ok: false, err }));
            const http = allowHttp
                ? this.#probe(`http://${host}`).then((status) => ({ ok: status === 200 || status === 401, err: undefined }), (err) => ({ ok: false, err }))
                : undefined;
            const httpsResult = await https;
            if (httpsResult.ok) {
                http?.catch(() => { });
                return `https://${host}`;
            }
            const httpsError = httpsResult.err;
            let httpError;
            if (http) {
                const httpResult = await http;
                if (httpResult.ok) {
                    logger.debug(`${registry}: https failed, using plain http`);
                    return `http://${host}`;
                }
                httpError = httpResult.err;
            }
            // A certificate error means the server speaks TLS: that is the failure to report. When
            // the TLS handshake itself failed, the server may speak plain http, so its error counts.
            const notTls = isProtocolMismatch(httpsError);
            const failure = notTls && httpError !== undefined ? httpError : httpsError;
            const mapped = networkError(failure, host);
            const retryable = isRetryableNetworkError(httpsError) || (notTls && isRetryableNetworkError(httpError));
            if (!retryable || attempt >= retry.retries) {
                const hint = notTls && !allowHttp
                    ? ' (the server does not seem to speak TLS; plain http is used only for loopback hosts or with tlsVerify false)'
                    : '';
                throw new errors/* LighterError */.Kt(mapped.code, `${mapped.message}${hint}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}`, { cause: failure, details: mapped.details });
            }
            const delay = retryDelay(retry, attempt + 1);
            logger.warn(`${host}: ${mapped.message}; retrying in ${delay} ms`);
            await retry.sleep(delay);
        }
    }
    async send(options) {
        const origin = await this.origin();
        const { retry, logger, dispatcher } = this.#options;
        // Every body form can be sent again, so a 401 can always be retried with fresh auth.
        const mayRetry = options.retry !== false;
        const followRedirects = options.method === 'GET' || options.method === 'HEAD';
        let url = new URL(options.url, origin);
        let scopes = options.scopes;
        let attempt = 0;
        let renewed = false;
        let redirects = 0;
        for (;;) {
            const sameOrigin = url.origin === origin;
            const headers = { 'user-agent': USER_AGENT, ...options.headers };
            if (sameOrigin) {
                // Credentials stay with the registry: a redirect to an object store gets none.
                const authorization = await this.auth.authorization(scopes);
                if (authorization)
                    headers.authorization = authorization;
            }
            const body = typeof options.body === 'function' ? options.body() : options.body;
            let res;
            try {
                res = await dispatcher.request({
                    origin: url.origin,
                    path: url.pathname + url.search,
                    method: options.method,
                    headers,
                    body: body ?? null,
                });
            }
            catch (err) {
                if (body && typeof body === 'object' && 'destroy' in body)
                    body.destroy();
                const mapped = networkError(err, url.host);
                if (mayRetry && isRetryableNetworkError(err) && attempt < retry.retries) {
                    attempt++;
                    const delay = retryDelay(retry, attempt);
                    logger.warn(`${options.method} ${displayUrl(url)}: ${mapped.message}; retrying in ${delay} ms (${attempt}/${retry.retries})`);
                    await retry.sleep(delay);
                    continue;
                }
                throw attempt > 0 ? annotateAttempts(mapped, attempt + 1) : mapped;
            }
            const status = res.statusCode;
            if (followRedirects && REDIRECTS.has(status) && res.headers.location) {
                await readText(res.body, 4096);
                if (++redirects > MAX_REDIRECTS) {
                    throw new errors/* LighterError */.Kt('ERR_REGISTRY', `too many redirects from ${displayUrl(url)}`);
                }
                url = new URL(String(res.headers.location), url);
                continue;
            }
            if (options.expect.includes(status)) {
                return { status, headers: res.headers, body: res.body, url };
            }
            const text = await readText(res.body);
            const challenge = res.headers['www-authenticate'];
            if (status === 401 && sameOrigin && !renewed) {
                renewed = true;
                const next = await this.auth.renew(scopes, challenge);
                if (next) {
                    scopes = next;
                    continue;
                }
            }
            if ((status === 401 || status === 403) && sameOrigin) {
                const failure = await this.auth.failure(status, challenge, scopes);
                throw responseError({ status, body: text, code: failure.code, hint: failure.hint });
            }
            const retryable = isRetryableStatus(status) ||
                (options.retryCodes !== undefined &&
                    parseErrorBody(text).some((e) => options.retryCodes?.includes(e.code)));
            if (mayRetry && retryable && attempt < retry.retries) {
                attempt++;
                const delay = retryDelay(retry, attempt, parseRetryAfter(res.headers['retry-after']));
                logger.warn(`${options.method} ${displayUrl(url)}: ${status}; retrying in ${delay} ms (${attempt}/${retry.retries})`);
                await retry.sleep(delay);
                continue;
            }
            const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
            throw responseError({
                status,
                body: text,
                ...(attempt > 0 ? { hint: `after ${attempt + 1} attempts` } : {}),
                ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
            });
        }
    }
    /** Token server requests: same dispatcher (same trusted CAs), same retry policy, no auth. */
    async #fetchToken(url, init) {
        const { retry, logger, dispatcher } = this.#options;
        for (let attempt = 0;; attempt++) {
            try {
                const res = await dispatcher.request({
                    origin: url.origin,
                    path: url.pathname + url.search,
                    method: init.method,
                    headers: { 'user-agent': USER_AGENT, ...init.headers },
                    body: init.body ?? null,
                });
                const body = await readText(res.body, 1024 * 1024);
                if (isRetryableStatus(res.statusCode) && attempt < retry.retries) {
                    const delay = retryDelay(retry, attempt + 1, parseRetryAfter(res.headers['retry-after']));
                    logger.warn(`token server ${displayUrl(url)}: ${res.statusCode}; retrying in ${delay} ms`);
                    await retry.sleep(delay);
                    continue;
                }
                return { status: res.statusCode, headers: res.headers, body };
            }
            catch (err) {
                const mapped = networkError(err, url.host);
                if (!isRetryableNetworkError(err) || attempt >= retry.retries) {
                    throw new errors/* LighterError */.Kt(mapped.code, `fetching a token for ${this.registry}: ${mapped.message}`, { cause: err, details: mapped.details });
                }
                const delay = retryDelay(retry, attempt + 1);
                logger.warn(`token server ${displayUrl(url)}: ${mapped.message}; retrying in ${delay} ms`);
                await retry.sleep(delay);
            }
        }
    }
}
function annotateAttempts(err, attempts) {
    return new errors/* LighterError */.Kt(err.code, `${err.message} (after ${attempts} attempts)`, {
        cause: err.cause,
        details: err.details,
    });
}

;// CONCATENATED MODULE: ./.build/src/core/registry/download.js
// Streams a blob, resuming with a Range request when the connection drops mid-body.





/** Parses `bytes START-END/TOTAL` (or `*` total); undefined when malformed. */
function parseContentRange(value) {
    const m = value && /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim());
    if (!m)
        return undefined;
    return {
        start: Number(m[1]),
        end: Number(m[2]),
        ...(m[3] === '*' ? {} : { total: Number(m[3]) }),
    };
}
/**
 * A readable over the blob's bytes. Each failure mid-body is recovered by asking for the rest
 * (`Range: bytes=N-`) when the server answers 206, or by starting over when nothing was
 * delivered yet; bytes already handed to the consumer are never sent twice. Failures without
 * progress count against the retry budget; any progress resets it. The caller verifies the
 * digest, as every source's caller does.
 */
async function downloadBlob(session, repository, descriptor) {
    const path = `/v2/${repository}/blobs/${descriptor.digest}`;
    const scopes = [{ repository, actions: ['pull'] }];
    const expectedSize = descriptor.size >= 0 ? descriptor.size : undefined;
    const { retry, logger } = session;
    const request = (from) => session.send({
        method: 'GET',
        url: path,
        scopes,
        headers: from > 0 ? { range: `bytes=${from}-` } : {},
        expect: [200, 206],
    });
    // The first request is made before returning, so a missing blob or refused credentials
    // reject here rather than surfacing later as a stream error.
    const first = await request(0);
    const context = `pulling blob ${descriptor.digest} from ${session.registry}/${repository}`;
    async function* withContext() {
        try {
            yield* bytes();
        }
        catch (err) {
            throw (0,errors/* withContext */.eQ)(err, context, 'ERR_NETWORK');
        }
    }
    async function* bytes() {
        let delivered = 0;
        let failures = 0;
        let pending = first;
        for (;;) {
            const resuming = delivered > 0;
            const res = pending ?? (await request(delivered));
            pending = undefined;
            if (resuming) {
                const range = parseContentRange(headerValue(res.headers, 'content-range'));
                if (res.status !== 206 || range?.start !== delivered) {
                    discard(res.body);
                    throw new errors/* LighterError */.Kt('ERR_NETWORK', `the connection dropped after ${delivered} bytes and ${displayUrl(res.url)} cannot resume (no usable range support)`);
                }
            }
            let failure;
            // Errors reach the loop below through iteration; this keeps a late one from going unhandled.
            res.body.on('error', () => { });
            try {
                for await (const chunk of res.body) {
                    delivered += chunk.length;
                    failures = 0;
                    yield chunk;
                }
            }
            catch (err) {
                failure = err;
            }
            const complete = expectedSize === undefined ? failure === undefined : delivered >= expectedSize;
            if (complete)
                return;
            if (failure !== undefined && !isRetryableNetworkError(failure)) {
                throw networkError(failure, res.url.host);
            }
            failures++;
            const reason = failure === undefined
                ? `the body ended after ${delivered} of ${expectedSize} bytes`
                : networkError(failure, res.url.host).message;
            if (failures > retry.retries) {
                throw new errors/* LighterError */.Kt('ERR_NETWORK', `${reason} (gave up after ${failures} attempts without progress)`, { cause: failure });
            }
            const delay = retryDelay(retry, failures);
            logger.warn(`${displayUrl(res.url)}: ${reason}; ${delivered > 0 ? `resuming at byte ${delivered}` : 'starting over'} in ${delay} ms`);
            await retry.sleep(delay);
        }
    }
    const stream = external_node_stream_.Readable.from(withContext(), { objectMode: false, highWaterMark: 64 * 1024 });
    // A consumer that gives up before reading releases the connection.
    stream.once('close', () => discard(first.body));
    return stream;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/src/core/registry/upload.js
// Pushes a blob: one PUT for small blobs, PATCH chunks otherwise, resuming from the registry's offset.







const DEFAULT_UPLOAD = {
    monolithicMaxSize: 1024 * 1024,
    replayWindow: 4 * 1024 * 1024,
};
/** The most recent bytes read, by blob offset: what a resumed PATCH can send again. */
class ReplayWindow {
    #limit;
    #pieces = [];
    #start = 0;
    #length = 0;
    constructor(limit) {
        this.#limit = limit;
    }
    /** Offset of the oldest byte still held. */
    get start() {
        return this.#start;
    }
    push(chunk) {
        for (const piece of chunk.pieces) {
            this.#pieces.push(piece);
            this.#length += piece.length;
        }
        // Drop whole pieces from the front while the rest still covers the limit.
        while (this.#pieces.length > 1 &&
            this.#length - (this.#pieces[0]?.length ?? 0) >= this.#limit) {
            const dropped = this.#pieces.shift();
            this.#length -= dropped.length;
            this.#start += dropped.length;
        }
    }
    /** The held bytes from blob offset `from` on; undefined when they were already dropped. */
    from(from) {
        if (from < this.#start)
            return undefined;
        return tail({ start: this.#start, pieces: this.#pieces, length: this.#length }, from).pieces;
    }
}
/** Reads a stream in chunks of a bounded size without holding more than one. */
class ChunkReader {
    #iterator;
    #leftover;
    #ended = false;
    constructor(stream) {
        this.#iterator = stream[Symbol.asyncIterator]();
    }
    /** True once the stream is known to have ended and nothing is left over. */
    get ended() {
        return this.#ended && !this.#leftover;
    }
    async read(start, max) {
        const pieces = [];
        let length = 0;
        while (length < max) {
            let buf = this.#leftover;
            this.#leftover = undefined;
            if (!buf) {
                if (this.#ended)
                    break;
                const next = await this.#iterator.next();
                if (next.done) {
                    this.#ended = true;
                    break;
                }
                buf = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
            }
            if (length + buf.length > max) {
                const take = max - length;
                pieces.push(buf.subarray(0, take));
                this.#leftover = buf.subarray(take);
                length = max;
                break;
            }
            pieces.push(buf);
            length += buf.length;
        }
        return { start, pieces, length };
    }
    async close() {
        await this.#iterator.return?.();
    }
}
/** The chunk's bytes from blob offset `from` on, as a fresh stream each call. */
function tail(chunk, from) {
    let skip = from - chunk.start;
    const pieces = [];
    for (const piece of chunk.pieces) {
        if (skip >= piece.length) {
            skip -= piece.length;
            continue;
        }
        pieces.push(skip > 0 ? piece.subarray(skip) : piece);
        skip = 0;
    }
    const length = pieces.reduce((n, p) => n + p.length, 0);
    return { length, pieces, body: () => external_node_stream_.Readable.from(pieces, { objectMode: false }) };
}
/** Appends `digest=` without re-encoding the rest: upload URLs may carry signed state. */
function withDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
/** The upload Range header `0-N` as the offset of the next byte. */
function offsetFromRange(value) {
    const m = value && /^(?:bytes=)?0-(\d+)$/.exec(value.trim());
    if (!m)
        return undefined;
    // `0-0` is what registries say for an empty upload too; the ambiguous one-byte case
    // resolves itself, because the digest check at the final PUT refuses a wrong guess.
    const end = Number(m[1]);
    return end === 0 ? 0 : end + 1;
}
/** Failures worth asking the registry about and trying again. */
function recoverable(err, extraStatuses = []) {
    if (isRetryableNetworkError(err))
        return true;
    if (!(err instanceof errors/* LighterError */.Kt))
        return false;
    const status = err.details?.status;
    return (typeof status === 'number' && (isRetryableStatus(status) || extraStatuses.includes(status)));
}
function retryAfterOf(err) {
    const value = err instanceof errors/* LighterError */.Kt ? err.details?.retryAfterMs : undefined;
    return typeof value === 'number' ? value : undefined;
}
function hashChunk(hash, chunk) {
    for (const piece of chunk.pieces)
        hash.update(piece);
}
/**
 * Uploads one blob, hashing it on the way. Small blobs: one PUT. Larger ones: by default one
 * streaming PATCH (memory flat in blob size, download and upload overlapping), or PATCH chunks
 * when `chunkSize` is set (at most two chunks held: the next is read while one is sent).
 *
 * Recovery: a failed PATCH is never simply resent (a registry may have stored part of it,
 * and distribution 2.x appends without checking Content-Range). Instead the upload URL is
 * asked for its offset (GET → `Range: 0-N`) and the upload continues from there, if the bytes
 * after that offset are still held. A registry that cannot report (distribution answers 404
 * BLOB_UPLOAD_INVALID once its signed state is stale) can only be recovered while everything
 * sent is still held: a new upload is started. Otherwise the error says so, marked transient,
 * and the copy engine starts the blob again from its source.
 */
async function uploadBlob(session, repository, stream, expected, options) {
    const { retry, logger } = session;
    const scopes = [{ repository, actions: ['pull', 'push'] }];
    const uploads = `/v2/${repository}/blobs/uploads/`;
    const algorithm = expected.digest ? (0,core_digest/* digestAlgorithm */.g4)(expected.digest) : 'sha256';
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    // Large blobs with a known digest are not hashed here: the registry verifies the digest at
    // the closing PUT (DIGEST_INVALID, mapped to ERR_DIGEST_MISMATCH) and the copy engine has
    // already verified the source, so a second local hash would only cost CPU.
    let hashing = true;
    const reader = new ChunkReader(stream);
    let location;
    // Starting an upload is a POST, yet repeating it is harmless: at worst the registry keeps
    // an abandoned session until its own cleanup. So it goes through the normal retries.
    async function start() {
        const res = await session.send({ method: 'POST', url: uploads, scopes, expect: [202] });
        await readText(res.body, 4096);
        const value = headerValue(res.headers, 'location');
        if (!value) {
            throw new errors/* LighterError */.Kt('ERR_REGISTRY', 'the registry started an upload without a Location');
        }
        return new URL(value, res.url).toString();
    }
    async function status(url) {
        const res = await session.send({ method: 'GET', url, scopes, expect: [200, 204, 404] });
        await readText(res.body, 4096);
        if (res.status === 404)
            return undefined;
        const next = headerValue(res.headers, 'location');
        return {
            offset: offsetFromRange(headerValue(res.headers, 'range')) ?? 0,
            location: next ? new URL(next, res.url).toString() : url,
        };
    }
    async function exists(digest) {
        const res = await session.send({
            method: 'HEAD',
            url: `/v2/${repository}/blobs/${digest}`,
            scopes,
            expect: [200, 404],
        });
        await readText(res.body, 0);
        return res.status === 200;
    }
    async function cancel() {
        if (!location)
            return;
        try {
            const res = await session.send({
                method: 'DELETE',
                url: location,
                scopes,
                expect: [202, 204, 404],
                retry: false,
            });
            await readText(res.body, 0);
        }
        catch {
            // Best effort: the registry expires abandoned uploads anyway.
        }
    }
    function finalDigest(size) {
        const digest = hashing ? `${algorithm}:${hash.digest('hex')}` : expected.digest;
        if (!digest)
            throw new Error('upload: no digest'); // unreachable: hashing without a digest
        if (expected.size !== undefined && expected.size >= 0 && expected.size !== size) {
            throw new errors/* LighterError */.Kt('ERR_SIZE_MISMATCH', `blob size mismatch: expected ${expected.size} bytes, read ${size}`);
        }
        if (expected.digest && expected.digest !== digest) {
            throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `blob digest mismatch: expected ${expected.digest}, read ${digest}`, { details: { expected: expected.digest, actual: digest } });
        }
        return digest;
    }
    async function pause(failures, err) {
        await retry.sleep(retryDelay(retry, failures, retryAfterOf(err)));
    }
    /** Single PUT with the whole blob; on failure check whether it landed, else start over. */
    async function monolithic(chunk, digest) {
        const { length, body } = tail(chunk, 0);
        for (let failures = 0;;) {
            location = await start();
            try {
                const res = await session.send({
                    method: 'PUT',
                    url: withDigest(location, digest),
                    scopes,
                    headers: { 'content-type': 'application/octet-stream', 'content-length': String(length) },
                    body,
                    expect: [201, 204],
                    retry: false,
                });
                await readText(res.body, 0);
                return;
            }
            catch (err) {
                if (!recoverable(err, [404]) || ++failures > retry.retries)
                    throw err;
                if (await exists(digest))
                    return; // the PUT landed; only its answer was lost
                logger.warn(`uploading ${digest}: ${err.message}; starting over`);
                await pause(failures, err);
            }
        }
    }
    /** PATCHes one chunk, resuming from the registry's offset after failures. */
    async function patch(chunk) {
        const end = chunk.start + chunk.length; // exclusive
        let offset = chunk.start;
        let failures = 0;
        while (offset < end) {
            const part = tail(chunk, offset);
            try {
                const res = await session.send({
                    method: 'PATCH',
                    url: location,
                    scopes,
                    headers: {
                        'content-type': 'application/octet-stream',
                        'content-length': String(part.length),
                        'content-range': `${offset}-${end - 1}`,
                    },
                    body: part.body,
                    expect: [202, 204],
                    retry: false,
                });
                await readText(res.body, 0);
                const next = headerValue(res.headers, 'location');
                if (next)
                    location = new URL(next, res.url).toString();
                const reported = offsetFromRange(headerValue(res.headers, 'range'));
                const now = reported ?? end;
                if (now < offset || now > end) {
                    throw new errors/* LighterError */.Kt('ERR_REGISTRY', `the registry reports ${now} bytes uploaded after a chunk ending at ${end}`);
                }
                if (now > offset)
                    failures = 0;
                offset = now;
            }
            catch (err) {
                if (!recoverable(err, [416]) || ++failures > retry.retries)
                    throw err;
                await pause(failures, err);
                const where = await status(location);
                if (!where) {
                    if (chunk.start !== 0) {
                        throw new errors/* LighterError */.Kt('ERR_REGISTRY', `the upload cannot be resumed at byte ${offset}: the registry no longer reports its progress (${err.message})`, { cause: err });
                    }
                    // Everything sent so far is still in memory: start a fresh upload.
                    logger.warn(`uploading: ${err.message}; starting the upload over`);
                    location = await start();
                    offset = 0;
                    continue;
                }
                if (where.offset < chunk.start || where.offset > end) {
                    throw new errors/* LighterError */.Kt('ERR_REGISTRY', `the upload cannot be resumed: the registry holds ${where.offset} bytes, outside the chunk in memory (${chunk.start}-${end})`, { cause: err });
                }
                logger.warn(`uploading: ${err.message}; resuming at byte ${where.offset}`);
                location = where.location;
                offset = where.offset;
            }
        }
    }
    /** The closing PUT; a lost answer is detected by looking for the blob. */
    async function finish(digest, size) {
        for (let failures = 0;;) {
            try {
                const res = await session.send({
                    method: 'PUT',
                    url: withDigest(location, digest),
                    scopes,
                    headers: { 'content-type': 'application/octet-stream', 'content-length': '0' },
                    body: new Uint8Array(0),
                    expect: [201, 204],
                    retry: false,
                });
                await readText(res.body, 0);
                return;
            }
            catch (err) {
                if (!recoverable(err, [404]) || ++failures > retry.retries)
                    throw err;
                if (await exists(digest))
                    return;
                await pause(failures, err);
                const where = await status(location);
                if (where?.offset !== size)
                    throw err;
                location = where.location;
            }
        }
    }
    /**
     * Streams everything from the registry's offset on in one PATCH: the held bytes first, then
     * the rest of the source as it arrives (hashed and remembered on the way). After a failure it
     * asks for the offset and goes on from there when the window still holds those bytes.
     */
    async function streamed(first) {
        const window = new ReplayWindow(options.replayWindow);
        window.push(first);
        let read = first.length;
        let offset = 0;
        const size = expected.size !== undefined && expected.size >= 0 ? expected.size : undefined;
        async function* body(from) {
            yield* window.from(from) ?? [];
            for (;;) {
                const chunk = await reader.read(read, 1024 * 1024);
                if (chunk.length === 0)
                    return;
                if (hashing)
                    hashChunk(hash, chunk);
                window.push(chunk);
                read += chunk.length;
                yield* chunk.pieces;
            }
        }
        for (let failures = 0;;) {
            const headers = { 'content-type': 'application/octet-stream' };
            if (size !== undefined) {
                if (size === offset)
                    return size;
                headers['content-length'] = String(size - offset);
                headers['content-range'] = `${offset}-${size - 1}`;
            }
            const from = offset;
            try {
                const res = await session.send({
                    method: 'PATCH',
                    url: location,
                    scopes,
                    headers,
                    body: () => external_node_stream_.Readable.from(body(from), { objectMode: false }),
                    expect: [202, 204],
                    retry: false,
                });
                await readText(res.body, 0);
                const next = headerValue(res.headers, 'location');
                if (next)
                    location = new URL(next, res.url).toString();
                const reported = offsetFromRange(headerValue(res.headers, 'range'));
                if (reported !== undefined && reported !== read) {
                    throw new errors/* LighterError */.Kt('ERR_REGISTRY', `the registry reports ${reported} bytes uploaded after ${read} were sent`);
                }
                return read;
            }
            catch (err) {
                if (!recoverable(err, [416]) || ++failures > retry.retries)
                    throw err;
                await pause(failures, err);
                const where = await status(location);
                if (!where) {
                    if (window.start !== 0) {
                        throw new errors/* LighterError */.Kt('ERR_REGISTRY', `the upload cannot be resumed at byte ${read}: the registry no longer reports its progress (${err.message})`, { cause: err, details: { transient: true } });
                    }
                    // Every byte sent so far is still held: start a fresh upload.
                    logger.warn(`uploading: ${err.message}; starting the upload over`);
                    location = await start();
                    offset = 0;
                    continue;
                }
                if (where.offset < window.start || where.offset > read) {
                    throw new errors/* LighterError */.Kt('ERR_REGISTRY', `the upload cannot be resumed: the registry holds ${where.offset} bytes, and only bytes ${window.start}-${read} are still held`, { cause: err, details: { transient: true } });
                }
                logger.warn(`uploading: ${err.message}; resuming at byte ${where.offset}`);
                location = where.location;
                offset = where.offset;
            }
        }
    }
    try {
        const firstMax = options.chunkSize ?? options.monolithicMaxSize + 1;
        const first = await reader.read(0, firstMax);
        hashChunk(hash, first);
        if (reader.ended && first.length <= options.monolithicMaxSize) {
            const digest = finalDigest(first.length);
            await monolithic(first, digest);
            return { digest, size: first.length };
        }
        location = await start();
        if (expected.digest)
            hashing = false;
        if (options.chunkSize === undefined) {
            const size = await streamed(first);
            const digest = finalDigest(size);
            await finish(digest, size);
            return { digest, size };
        }
        const chunkSize = options.chunkSize;
        let chunk = first;
        for (;;) {
            // The next chunk is read while this one is sent, so the source (often a download) and
            // the upload overlap; memory holds at most two chunks.
            const reading = reader.read(chunk.start + chunk.length, chunkSize);
            reading.catch(() => { });
            await patch(chunk);
            const next = await reading;
            if (next.length === 0)
                break;
            if (hashing)
                hashChunk(hash, next);
            chunk = next;
        }
        const size = chunk.start + chunk.length;
        const digest = finalDigest(size);
        await finish(digest, size);
        return { digest, size };
    }
    catch (err) {
        await cancel();
        await reader.close().catch(() => { });
        throw err;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/registry/client.js
// A client for one registry speaking the OCI distribution spec 1.1 / Docker registry v2 API.












const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
function checkRepository(repository) {
    if (!REPOSITORY.test(repository)) {
        throw new errors/* InvalidArgumentError */.Di(`invalid repository name "${repository}"`);
    }
}
function checkTagOrDigest(ref) {
    if (!TAG.test(ref) && !(0,core_digest/* isDigest */.Bc)(ref)) {
        throw new errors/* InvalidArgumentError */.Di(`invalid tag or digest "${ref}"`);
    }
}
const pull = (repository) => [{ repository, actions: ['pull'] }];
const push = (repository) => [{ repository, actions: ['pull', 'push'] }];
/** Parses `<url>; rel="next"` out of a Link header. */
function nextLink(link) {
    if (!link)
        return undefined;
    for (const part of link.split(',')) {
        const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
        if (m?.[1] && /\brel="?next"?/i.test(m[2] ?? ''))
            return m[1];
    }
    return undefined;
}
/**
 * Talks to one registry (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). Every method takes the
 * repository path within it (`library/busybox`). Failures are LighterErrors whose message
 * starts with what was being done: `pushing manifest to 127.0.0.1:5000/app:1: 401 ...`.
 */
class RegistryClient {
    registry;
    #session;
    #dispatcher;
    #ownsDispatcher;
    #upload;
    #logger;
    constructor(registry, options = {}) {
        (0,endpoint/* checkRegistryName */.Nd)(registry);
        const access = options.access ?? {};
        this.registry = registry;
        this.#logger = options.logger ?? log/* silentLogger */.qq;
        this.#upload = { ...DEFAULT_UPLOAD, ...options.upload };
        if (this.#upload.chunkSize !== undefined && this.#upload.chunkSize < 1) {
            throw new errors/* InvalidArgumentError */.Di('upload chunk size must be > 0');
        }
        this.#ownsDispatcher = !options.dispatcher;
        this.#dispatcher =
            options.dispatcher ??
                createDispatcher({
                    ...options.http,
                    ...(access.tlsVerify === undefined ? {} : { tlsVerify: access.tlsVerify }),
                    ...(access.caFiles ? { caFiles: access.caFiles } : {}),
                });
        const logger = this.#logger;
        const credentials = new Map();
        this.#session = new RegistrySession({
            registry,
            dispatcher: this.#dispatcher,
            tlsVerify: access.tlsVerify !== false,
            retry: retryOptions({
                ...options.retry,
                ...(access.retries === undefined ? {} : { retries: access.retries }),
            }),
            logger,
            ...(access.registryToken ? { registryToken: access.registryToken } : {}),
            credentials: (repository) => {
                let found = credentials.get(repository);
                if (!found) {
                    found = (0,registry_credentials/* resolveCredentials */.z8)(registry, {
                        repository,
                        logger,
                        ...(access.creds === undefined ? {} : { creds: access.creds }),
                        ...(access.authFile ? { authFile: access.authFile } : {}),
                        ...(options.env ? { env: options.env } : {}),
                    }).then((r) => {
                        if (r)
                            logger.debug(`${registry}: using credentials from ${r.source}`);
                        return r?.credentials;
                    });
                    credentials.set(repository, found);
                }
                return found;
            },
        });
    }
    /**
     * Checks that the credentials are accepted, as `docker login` does: an authenticated
     * `GET /v2/` (a token with no repository scope where the registry uses tokens).
     */
    checkLogin() {
        return (0,errors/* contextual */.iF)(`logging in to ${this.registry}`, async () => {
            const res = await this.#session.send({
                method: 'GET',
                url: '/v2/',
                scopes: [],
                expect: [200],
            });
            await readText(res.body, 4096);
        }, 'ERR_REGISTRY');
    }
    #name(repository, ref) {
        const suffix = ref === undefined ? '' : (0,core_digest/* isDigest */.Bc)(ref) ? `@${ref}` : `:${ref}`;
        return `${this.registry}/${repository}${suffix}`;
    }
    /** Fetches a manifest or index by tag or digest; by digest, the bytes are verified. */
    manifest(repository, tagOrDigest) {
        checkRepository(repository);
        checkTagOrDigest(tagOrDigest);
        return (0,errors/* contextual */.iF)(`pulling manifest from ${this.#name(repository, tagOrDigest)}`, async () => {
            const res = await this.#session.send({
                method: 'GET',
                url: `/v2/${repository}/manifests/${tagOrDigest}`,
                scopes: pull(repository),
                headers: { accept: media_types/* MANIFEST_ACCEPT */.dY.join(', ') },
                expect: [200],
            });
            const bytes = await readLimited(res.body, headerValue(res.headers, 'content-length'));
            const mediaType = (0,manifest/* mediaTypeFromContentType */.u_)(headerValue(res.headers, 'content-type')) ??
                (0,manifest/* detectManifestMediaType */.Th)(bytes);
            const digest = manifestDigest(bytes, tagOrDigest, headerValue(res.headers, 'docker-content-digest'));
            return { bytes, mediaType, digest };
        }, 'ERR_REGISTRY');
    }
    /** Digest, media type and size of a manifest without its body (HEAD); undefined if absent. */
    manifestInfo(repository, tagOrDigest) {
        checkRepository(repository);
        checkTagOrDigest(tagOrDigest);
        return (0,errors/* contextual */.iF)(`checking manifest ${this.#name(repository, tagOrDigest)}`, async () => {
            const res = await this.#session.send({
                method: 'HEAD',
                url: `/v2/${repository}/manifests/${tagOrDigest}`,
                scopes: pull(repository),
                headers: { accept: media_types/* MANIFEST_ACCEPT */.dY.join(', ') },
                expect: [200, 404],
            });
            await readText(res.body, 0);
            if (res.status === 404)
                return undefined;
            const digest = headerValue(res.headers, 'docker-content-digest');
            const mediaType = (0,manifest/* mediaTypeFromContentType */.u_)(headerValue(res.headers, 'content-type'));
            const size = Number(headerValue(res.headers, 'content-length'));
            if (digest && (0,core_digest/* isDigest */.Bc)(digest) && mediaType && Number.isInteger(size)) {
                return { digest, mediaType, size };
            }
            // Not every registry answers HEAD fully; the body tells all.
            const raw = await this.manifest(repository, tagOrDigest);
            return { digest: raw.digest, mediaType: raw.mediaType, size: raw.bytes.length };
        }, 'ERR_REGISTRY');
    }
    /**
     * The bytes of a blob, resumed across connection drops. Not verified here: the caller
     * passes them through a VerifyingStream.
     */
    blob(repository, descriptor) {
        checkRepository(repository);
        return (0,errors/* contextual */.iF)(`pulling blob ${descriptor.digest} from ${this.#name(repository)}`, () => downloadBlob(this.#session, repository, descriptor), 'ERR_REGISTRY');
    }
    blobExists(repository, digest) {
        checkRepository(repository);
        return (0,errors/* contextual */.iF)(`checking blob ${digest} in ${this.#name(repository)}`, async () => {
            const res = await this.#session.send({
                method: 'HEAD',
                url: `/v2/${repository}/blobs/${digest}`,
                scopes: pull(repository),
                expect: [200, 404],
            });
            await readText(res.body, 0);
            return res.status === 200;
        }, 'ERR_REGISTRY');
    }
    /** Cross-repository mount; false when the registry could not (it then started an upload, cancelled here). */
    mountBlob(repository, digest, fromRepository) {
        checkRepository(repository);
        checkRepository(fromRepository);
        return (0,errors/* contextual */.iF)(`mounting blob ${digest} from ${this.#name(fromRepository)} into ${this.#name(repository)}`, async () => {
            const query = new URLSearchParams({ mount: digest, from: fromRepository });
            const res = await this.#session.send({
                method: 'POST',
                url: `/v2/${repository}/blobs/uploads/?${query}`,
                scopes: [...push(repository), ...pull(fromRepository)],
                headers: { 'content-length': '0' },
                expect: [201, 202],
            });
            await readText(res.body, 0);
            if (res.status === 201)
                return true;
            const location = headerValue(res.headers, 'location');
            if (location) {
                const cancel = await this.#session
                    .send({
                    method: 'DELETE',
                    url: new URL(location, res.url).toString(),
                    scopes: push(repository),
                    expect: [202, 204, 404],
                    retry: false,
                })
                    .catch(() => undefined);
                if (cancel)
                    await readText(cancel.body, 0);
            }
            return false;
        }, 'ERR_REGISTRY');
    }
    /**
     * Uploads a blob from a stream, holding at most one chunk in memory. With `digest`, the
     * bytes must match it (checked before the upload is committed); without, it is computed.
     */
    putBlob(repository, stream, expected = {}) {
        checkRepository(repository);
        if (expected.digest)
            (0,core_digest/* digestAlgorithm */.g4)(expected.digest);
        const what = expected.digest ? `blob ${expected.digest}` : 'blob';
        return (0,errors/* contextual */.iF)(`pushing ${what} to ${this.#name(repository)}`, () => uploadBlob(this.#session, repository, stream, expected, this.#upload), 'ERR_REGISTRY');
    }
    /** Stores a manifest under a tag or its digest; returns its digest. */
    putManifest(repository, tagOrDigest, raw) {
        checkRepository(repository);
        checkTagOrDigest(tagOrDigest);
        return (0,errors/* contextual */.iF)(`pushing manifest to ${this.#name(repository, tagOrDigest)}`, async () => {
            if (raw.bytes.length > manifest/* MAX_MANIFEST_SIZE */.L7) {
                throw new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `manifest is ${raw.bytes.length} bytes; the limit is ${manifest/* MAX_MANIFEST_SIZE */.L7}`);
            }
            const digest = (0,core_digest/* digestOf */.ol)(raw.bytes, (0,core_digest/* digestAlgorithm */.g4)(raw.digest));
            if (digest !== raw.digest || ((0,core_digest/* isDigest */.Bc)(tagOrDigest) && tagOrDigest !== digest)) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `manifest digest mismatch: labelled ${raw.digest}${(0,core_digest/* isDigest */.Bc)(tagOrDigest) ? `, pushed as ${tagOrDigest}` : ''}, bytes are ${digest}`);
            }
            const res = await this.#session.send({
                method: 'PUT',
                url: `/v2/${repository}/manifests/${tagOrDigest}`,
                scopes: push(repository),
                headers: { 'content-type': raw.mediaType },
                body: raw.bytes,
                expect: [200, 201, 202, 204],
                // A registry on eventually consistent storage may not know a blob just uploaded,
                // nor distribution's file store while one blob is linked for two tags at once.
                retryCodes: ['MANIFEST_BLOB_UNKNOWN'],
            });
            await readText(res.body, 0);
            const reported = headerValue(res.headers, 'docker-content-digest');
            if (reported && (0,core_digest/* isDigest */.Bc)(reported) && reported !== digest) {
                this.#logger.warn(`${this.#name(repository, tagOrDigest)}: the registry reports digest ${reported}, expected ${digest}`);
            }
            return digest;
        }, 'ERR_REGISTRY');
    }
    /** Deletes a manifest by digest (tags pointing at it go too). */
    deleteManifest(repository, digest) {
        checkRepository(repository);
        if (!(0,core_digest/* isDigest */.Bc)(digest))
            throw new errors/* InvalidArgumentError */.Di(`invalid digest "${digest}"`);
        return (0,errors/* contextual */.iF)(`deleting manifest ${this.#name(repository, digest)}`, async () => {
            const res = await this.#session.send({
                method: 'DELETE',
                url: `/v2/${repository}/manifests/${digest}`,
                scopes: [{ repository, actions: ['delete'] }],
                expect: [200, 202, 204],
            });
            await readText(res.body, 0);
        }, 'ERR_REGISTRY');
    }
    /** All tags of a repository, following `Link` pagination (`pageSize` sets `n=`). */
    tags(repository, options = {}) {
        checkRepository(repository);
        return (0,errors/* contextual */.iF)(`listing tags of ${this.#name(repository)}`, async () => {
            const tags = [];
            const query = options.pageSize ? `?n=${options.pageSize}` : '';
            let url = `/v2/${repository}/tags/list${query}`;
            const seen = new Set();
            while (url) {
                if (seen.has(url))
                    throw new errors/* LighterError */.Kt('ERR_REGISTRY', 'tag pagination loops');
                seen.add(url);
                const res = await this.#session.send({
                    method: 'GET',
                    url,
                    scopes: pull(repository),
                    expect: [200],
                });
                const text = await readText(res.body, 16 * 1024 * 1024);
                let page;
                try {
                    page = JSON.parse(text);
                }
                catch {
                    throw new errors/* LighterError */.Kt('ERR_REGISTRY', 'the tag list is not JSON');
                }
                if (Array.isArray(page.tags)) {
                    tags.push(...page.tags.filter((t) => typeof t === 'string'));
                }
                const next = nextLink(headerValue(res.headers, 'link'));
                url = next ? new URL(next, res.url).toString() : undefined;
            }
            return tags;
        }, 'ERR_REGISTRY');
    }
    /**
     * Manifests whose `subject` is `digest` (OCI 1.1 referrers API). Registries without the
     * API (404) are read through the tag schema: an index tagged `sha256-<hex>`.
     */
    referrers(repository, digest, options = {}) {
        checkRepository(repository);
        if (!(0,core_digest/* isDigest */.Bc)(digest))
            throw new errors/* InvalidArgumentError */.Di(`invalid digest "${digest}"`);
        return (0,errors/* contextual */.iF)(`listing referrers of ${this.#name(repository, digest)}`, async () => {
            const query = options.artifactType
                ? `?${new URLSearchParams({ artifactType: options.artifactType })}`
                : '';
            const res = await this.#session.send({
                method: 'GET',
                url: `/v2/${repository}/referrers/${digest}${query}`,
                scopes: pull(repository),
                headers: { accept: media_types/* MediaType */.zu.ociIndex },
                expect: [200, 404],
            });
            let index;
            let filtered = false;
            if (res.status === 200) {
                const bytes = await readLimited(res.body, headerValue(res.headers, 'content-length'));
                index = parseIndex(bytes);
                filtered =
                    headerValue(res.headers, 'oci-filters-applied')?.includes('artifactType') ?? false;
            }
            else {
                await readText(res.body, 0);
                const fallbackTag = digest.replace(':', '-');
                const info = await this.manifestInfo(repository, fallbackTag);
                if (!info)
                    return [];
                const raw = await this.manifest(repository, fallbackTag);
                index = parseIndex(raw.bytes);
            }
            const list = index.manifests ?? [];
            if (!options.artifactType || filtered)
                return list;
            return list.filter((d) => d.artifactType === options.artifactType);
        }, 'ERR_REGISTRY');
    }
    /** Closes the connections this client opened (not an injected dispatcher). */
    async close() {
        if (this.#ownsDispatcher)
            await this.#dispatcher.close();
    }
}
function parseIndex(bytes) {
    try {
        const json = JSON.parse(Buffer.from(bytes).toString('utf8'));
        if (!Array.isArray(json.manifests))
            throw new Error('no manifests list');
        return json;
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_REGISTRY', `the referrers answer is not an index: ${err.message}`);
    }
}
/** Reads a manifest-sized body, refusing more than MAX_MANIFEST_SIZE before buffering it. */
async function readLimited(body, contentLength) {
    const tooBig = (size) => new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `manifest is ${size} bytes; the limit is ${manifest/* MAX_MANIFEST_SIZE */.L7}`, { details: { limit: manifest/* MAX_MANIFEST_SIZE */.L7 } });
    if (contentLength && Number(contentLength) > manifest/* MAX_MANIFEST_SIZE */.L7) {
        discard(body);
        throw tooBig(contentLength);
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > manifest/* MAX_MANIFEST_SIZE */.L7) {
            discard(body);
            throw tooBig(`more than ${manifest/* MAX_MANIFEST_SIZE */.L7}`);
        }
        chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks, size));
}
/**
 * The digest of fetched manifest bytes. Fetched by digest, the bytes must match it; fetched by
 * tag, a Docker-Content-Digest of the same algorithm must agree (it names what the registry
 * stored, so a difference means the bytes were altered on the way).
 */
function manifestDigest(bytes, ref, reported) {
    if ((0,core_digest/* isDigest */.Bc)(ref)) {
        const got = (0,core_digest/* digestOf */.ol)(bytes, (0,core_digest/* digestAlgorithm */.g4)(ref));
        if (got !== ref) {
            throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `manifest digest mismatch: expected ${ref}, got ${got}`, { details: { expected: ref, actual: got } });
        }
        return ref;
    }
    const got = (0,core_digest/* digestOf */.ol)(bytes);
    if (reported &&
        (0,core_digest/* isDigest */.Bc)(reported) &&
        (0,core_digest/* digestAlgorithm */.g4)(reported) === 'sha256' &&
        reported !== got) {
        throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `manifest digest mismatch: the registry says ${reported}, the bytes are ${got}`, { details: { expected: reported, actual: got } });
    }
    return got;
}


/***/ }),

/***/ 9725:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xt: () => (/* binding */ normalizeAuthKey),
/* harmony export */   z8: () => (/* binding */ resolveCredentials)
/* harmony export */ });
/* unused harmony exports parseCreds, authFilePaths, runCredentialHelper */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6512);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2345);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6406);
// Finds the credentials for a registry the way podman, skopeo and docker do: flags, auth files, helpers.







/** Splits `user:password` at the first colon (passwords may contain colons, users may not). */
function parseCreds(creds) {
    const colon = creds.indexOf(':');
    if (colon <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InvalidArgumentError */ .Di('credentials must be given as user:password');
    }
    return { kind: 'basic', username: creds.slice(0, colon), password: creds.slice(colon + 1) };
}
/** The auth files to read, in order; missing ones are skipped. */
function authFilePaths(env, explicit) {
    const home = env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)();
    const paths = [];
    if (explicit)
        paths.push(explicit);
    if (env.REGISTRY_AUTH_FILE)
        paths.push(env.REGISTRY_AUTH_FILE);
    if (env.XDG_RUNTIME_DIR)
        paths.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
    paths.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.XDG_CONFIG_HOME || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(home, '.config'), 'containers', 'auth.json'));
    paths.push((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(home, '.docker'), 'config.json'));
    return [...new Set(paths)];
}
/**
 * Normalizes an auth file key: drops the scheme and trailing slash, and maps Docker Hub's
 * legacy `https://index.docker.io/v1/` (and its other aliases) to `docker.io`.
 */
function normalizeAuthKey(key) {
    let k = key.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    const slash = k.indexOf('/');
    const host = slash === -1 ? k : k.slice(0, slash);
    let path = slash === -1 ? '' : k.slice(slash);
    // Legacy docker keys carry an API version path, not a namespace.
    if (/^\/v[12]$/.test(path))
        path = '';
    k = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(host) + path;
    return k;
}
/** Keys to try for a registry and repository, most specific first (`r/a/b`, `r/a`, `r`). */
function candidateKeys(registry, repository) {
    const host = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(registry);
    const keys = [];
    if (repository) {
        const parts = repository.split('/');
        for (let n = parts.length; n > 0; n--)
            keys.push(`${host}/${parts.slice(0, n).join('/')}`);
    }
    keys.push(host);
    return keys;
}
function decodeEntry(entry, source) {
    if (entry.identitytoken)
        return { kind: 'identity-token', token: entry.identitytoken };
    if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `reading ${source}: an "auth" entry is not user:password`);
        }
        return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (entry.username && entry.password !== undefined) {
        return { kind: 'basic', username: entry.username, password: entry.password };
    }
    return undefined;
}
async function readAuthFile(path, explicit) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (!explicit && (code === 'ENOENT' || code === 'ENOTDIR'))
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `reading auth file ${path}: ${err.message}`, {
            cause: err,
        });
    }
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null)
            throw new Error('not a JSON object');
        return parsed;
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `reading auth file ${path}: ${err.message}`);
    }
}
/** The server URL a credential helper is asked about (docker's convention for Hub). */
function helperServerUrl(registry) {
    return (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(registry) === _endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_HUB */ .Xb ? _endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_HUB_LEGACY_KEY */ .l2 : registry;
}
/**
 * Runs `docker-credential-NAME get` with the server URL on stdin. Returns undefined when the
 * helper has nothing for that server; throws ERR_INPUT when it cannot run or fails otherwise.
 */
async function runCredentialHelper(name, registry, env) {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `invalid credential helper name "${name}"`);
    }
    const program = `docker-credential-${name}`;
    const serverUrl = helperServerUrl(registry);
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(program, ['get'], {
            env,
            stdio: ['pipe', 'pipe', 'pipe'],
            timeout: 60_000,
        });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d) => {
            out += d;
        });
        child.stderr.setEncoding('utf8').on('data', (d) => {
            err += d;
        });
        child.on('error', reject);
        child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
        child.stdin.on('error', () => {
            // A helper that exits without reading stdin is judged by its exit status instead.
        });
        child.stdin.end(serverUrl);
    }).catch((err) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `running ${program} for ${registry}: ${err.message}`, { cause: err });
    });
    if (code !== 0) {
        // The helper protocol reports a miss as a failure with this text on stdout.
        if (/credentials not found/i.test(stdout + stderr))
            return undefined;
        const said = (stderr || stdout).trim().split('\n')[0] ?? '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `running ${program} for ${registry}: exit status ${code}${said ? `: ${said}` : ''}`);
    }
    let reply;
    try {
        reply = JSON.parse(stdout);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LighterError */ .Kt('ERR_INPUT', `running ${program} for ${registry}: output is not JSON`);
    }
    if (typeof reply.Secret !== 'string' || reply.Secret === '')
        return undefined;
    if (reply.Username === '<token>')
        return { kind: 'identity-token', token: reply.Secret };
    if (typeof reply.Username !== 'string' || reply.Username === '')
        return undefined;
    return { kind: 'basic', username: reply.Username, password: reply.Secret };
}
function registerSecrets(logger, credentials) {
    if (credentials.kind === 'basic') {
        logger.secret(credentials.password);
        logger.secret(Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64'));
    }
    else {
        logger.secret(credentials.token);
    }
}
/**
 * Resolves credentials for `registry`: explicit `creds`, then each auth file in turn
 * (`authFile`, $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json,
 * ~/.config/containers/auth.json, ~/.docker/config.json). Within a file a `credHelpers` entry
 * for the host wins, then an `auths` entry (most specific namespace first), then `credsStore`.
 * Undefined means anonymous access.
 */
async function resolveCredentials(registry, options = {}) {
    const logger = options.logger ?? _log_js__WEBPACK_IMPORTED_MODULE_5__/* .silentLogger */ .qq;
    const env = options.env ?? process.env;
    const found = await find();
    if (found)
        registerSecrets(logger, found.credentials);
    return found;
    async function find() {
        if (options.creds !== undefined) {
            return { credentials: parseCreds(options.creds), source: 'explicit credentials' };
        }
        const keys = candidateKeys(registry, options.repository);
        const host = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_6__/* .canonicalRegistry */ .i7)(registry);
        for (const path of authFilePaths(env, options.authFile)) {
            const file = await readAuthFile(path, path === options.authFile);
            if (!file)
                continue;
            const helpers = Object.entries(file.credHelpers ?? {});
            const helper = helpers.find(([key]) => normalizeAuthKey(key) === host)?.[1];
            if (helper) {
                const credentials = await runCredentialHelper(helper, registry, env);
                if (credentials)
                    return { credentials, source: `docker-credential-${helper}` };
            }
            const auths = new Map();
            for (const [key, entry] of Object.entries(file.auths ?? {})) {
                // The first spelling of a key wins, as when several legacy aliases name Docker Hub.
                const normalized = normalizeAuthKey(key);
                if (!auths.has(normalized) && entry && typeof entry === 'object') {
                    auths.set(normalized, entry);
                }
            }
            for (const key of keys) {
                const entry = auths.get(key);
                const credentials = entry && decodeEntry(entry, path);
                if (credentials)
                    return { credentials, source: path };
            }
            if (file.credsStore) {
                const credentials = await runCredentialHelper(file.credsStore, registry, env);
                if (credentials)
                    return { credentials, source: `docker-credential-${file.credsStore}` };
            }
        }
        return undefined;
    }
}


/***/ }),

/***/ 6406:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nd: () => (/* binding */ checkRegistryName),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   i7: () => (/* binding */ canonicalRegistry),
/* harmony export */   l2: () => (/* binding */ DOCKER_HUB_LEGACY_KEY),
/* harmony export */   nz: () => (/* binding */ apiHost)
/* harmony export */ });
/* unused harmony export hostname */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// Where a registry name points: API host, loopback detection and the names credentials use.


/** The registry Docker Hub images live on when named `docker.io/...`. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** The key `docker login` writes for Docker Hub in config.json and passes to helpers. */
const DOCKER_HUB_LEGACY_KEY = 'https://index.docker.io/v1/';
/** Validates a registry name (`host`, `host:port`, `[v6]:port`) eagerly. */
function checkRegistryName(registry) {
    if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(registry)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidArgumentError */ .Di(`invalid registry name "${registry}": expected host[:port]`);
    }
}
/** The `host:port` to send API requests to: Docker Hub's API lives on registry-1.docker.io. */
function apiHost(registry) {
    return DOCKER_HUB_ALIASES.has(registry) ? DOCKER_HUB_API : registry;
}
/** The canonical name for credential lookups: Docker Hub's aliases all become docker.io. */
function canonicalRegistry(registry) {
    return DOCKER_HUB_ALIASES.has(registry) ? DOCKER_HUB : registry;
}
/** The host part of `host:port` / `[v6]:port`, without brackets. */
function hostname(registry) {
    if (registry.startsWith('['))
        return registry.slice(1, registry.indexOf(']'));
    const colon = registry.lastIndexOf(':');
    return colon === -1 ? registry : registry.slice(0, colon);
}
/** True for 127.0.0.0/8, ::1 and localhost: hosts where plain HTTP is tried without asking. */
function isLoopback(registry) {
    const host = hostname(registry).toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 6)
        return host === '::1' || host === '0:0:0:0:0:0:0:1';
    return false;
}


/***/ })

};
