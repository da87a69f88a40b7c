export const id = 9626;
export const ids = [9626];
export const modules = {

/***/ 7691:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ isDigest),
/* harmony export */   RV: () => (/* binding */ verifyBytes),
/* harmony export */   SC: () => (/* binding */ VerifyingStream),
/* harmony export */   Xi: () => (/* binding */ DigestingStream),
/* harmony export */   g4: () => (/* binding */ digestAlgorithm),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   n2: () => (/* binding */ validateDigest),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   sU: () => (/* binding */ digestHex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6512);
// Content digests (OCI image spec "digest"): parsing, hashing and stream verification.



const HEX_LENGTH = { sha256: 64, sha512: 128 };
/** Parses and validates a digest; throws ERR_BAD_DIGEST naming the bad part. */
function parseDigest(input) {
    const colon = input.indexOf(':');
    if (colon <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_BAD_DIGEST', `invalid digest "${input}": expected algorithm:hex`);
    }
    const algorithm = input.slice(0, colon);
    const hex = input.slice(colon + 1);
    if (algorithm !== 'sha256' && algorithm !== 'sha512') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_BAD_DIGEST', `invalid digest "${input}": unsupported algorithm "${algorithm}" (sha256 or sha512)`);
    }
    const want = HEX_LENGTH[algorithm];
    if (hex.length !== want || !/^[a-f0-9]+$/.test(hex)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_BAD_DIGEST', `invalid digest "${input}": ${algorithm} needs ${want} lowercase hex characters`);
    }
    return { algorithm, hex };
}
/** Returns the input typed as a Digest after validating it. */
function validateDigest(input) {
    parseDigest(input);
    return input;
}
function isDigest(input) {
    try {
        parseDigest(input);
        return true;
    }
    catch {
        return false;
    }
}
function digestOf(data, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(data).digest('hex')}`;
}
/** The hex part, used as a file name under blobs/<algorithm>/. */
function digestHex(digest) {
    return parseDigest(digest).hex;
}
function digestAlgorithm(digest) {
    return parseDigest(digest).algorithm;
}
/**
 * A pass-through stream that hashes and counts what flows through it.
 * After 'finish' (or the end of the pipeline) `digest` and `size` describe the bytes.
 */
class DigestingStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    algorithm;
    #hash;
    #size = 0;
    #digest;
    constructor(algorithm = 'sha256') {
        super();
        this.algorithm = algorithm;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm);
    }
    get size() {
        return this.#size;
    }
    /** The digest of everything written; only valid once the stream has ended. */
    get digest() {
        if (!this.#digest)
            throw new Error('DigestingStream: digest read before the stream ended');
        return this.#digest;
    }
    _transform(chunk, _enc, done) {
        this.#hash.update(chunk);
        this.#size += chunk.length;
        done(null, chunk);
    }
    _flush(done) {
        this.#digest = `${this.algorithm}:${this.#hash.digest('hex')}`;
        done();
    }
}
/**
 * A pass-through stream that fails unless the bytes have exactly the expected digest (and size).
 * It fails early when more bytes than expected arrive, and in flush otherwise, so a consumer
 * that awaits the pipeline never commits unverified content.
 */
class VerifyingStream extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    expected;
    #hash;
    #size = 0;
    constructor(expected) {
        super();
        this.expected = expected;
        this.#hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(parseDigest(expected.digest).algorithm);
    }
    get size() {
        return this.#size;
    }
    _transform(chunk, _enc, done) {
        this.#size += chunk.length;
        const want = this.expected.size;
        if (want !== undefined && want >= 0 && this.#size > want) {
            done(this.#sizeError());
            return;
        }
        this.#hash.update(chunk);
        done(null, chunk);
    }
    _flush(done) {
        const want = this.expected.size;
        if (want !== undefined && want >= 0 && this.#size !== want) {
            done(this.#sizeError());
            return;
        }
        const { algorithm } = parseDigest(this.expected.digest);
        const got = `${algorithm}:${this.#hash.digest('hex')}`;
        if (got !== this.expected.digest) {
            done(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_DIGEST_MISMATCH', `${this.#what()}: digest mismatch: expected ${this.expected.digest}, got ${got}`, { details: { expected: this.expected.digest, actual: got } }));
            return;
        }
        done();
    }
    #what() {
        return this.expected.what ?? `content ${this.expected.digest}`;
    }
    #sizeError() {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_SIZE_MISMATCH', `${this.#what()}: size mismatch: expected ${this.expected.size} bytes, got ${this.#size}${this.#size > (this.expected.size ?? 0) ? ' or more' : ''}`, { details: { expected: this.expected.size, actual: this.#size } });
    }
}
/** Checks bytes already in memory (manifests, configs) against an expected digest and size. */
function verifyBytes(data, expected) {
    // Same wording and details as VerifyingStream, so callers need not care which one failed.
    const what = expected.what ?? `content ${expected.digest}`;
    const algorithm = parseDigest(expected.digest).algorithm;
    if (expected.size !== undefined && expected.size >= 0 && data.length !== expected.size) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_SIZE_MISMATCH', `${what}: size mismatch: expected ${expected.size} bytes, got ${data.length}`, { details: { expected: expected.size, actual: data.length } });
    }
    const got = digestOf(data, algorithm);
    if (got !== expected.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LighterError */ .Kt('ERR_DIGEST_MISMATCH', `${what}: digest mismatch: expected ${expected.digest}, got ${got}`, { details: { expected: expected.digest, actual: got } });
    }
}


/***/ }),

/***/ 9626:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ parseImageConfig),
/* harmony export */   L7: () => (/* binding */ MAX_MANIFEST_SIZE),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Th: () => (/* binding */ detectManifestMediaType),
/* harmony export */   u_: () => (/* binding */ mediaTypeFromContentType)
/* harmony export */ });
/* unused harmony export manifestDescriptors */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9155);
// OCI and Docker v2 schema 2 manifests, indexes and image configs: types and validated parsing.



/** Manifests larger than this are refused (the distribution spec's recommended limit). */
const MAX_MANIFEST_SIZE = 4 * 1024 * 1024;
// Labels that say nothing about which manifest format the bytes are: some registries and file
// servers send them, so the JSON decides instead.
const GENERIC_CONTENT_TYPES = new Set([
    'application/json',
    'text/plain',
    'application/octet-stream',
    'binary/octet-stream',
]);
// RFC 6838 type/subtype, as the OCI image spec's descriptor schema requires.
const MEDIA_TYPE_SYNTAX = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;
/**
 * The manifest media type a Content-Type header (or other label) claims: parameters dropped,
 * lowercased; undefined when absent or generic (`application/json`, `text/plain`, ...).
 */
function mediaTypeFromContentType(contentType) {
    const bare = contentType?.split(';', 1)[0]?.trim().toLowerCase();
    if (!bare || GENERIC_CONTENT_TYPES.has(bare))
        return undefined;
    return bare;
}
/**
 * Parses and validates an image manifest or index. `mediaType` is what the bytes were labelled
 * with (a Content-Type, an index descriptor's mediaType); it must agree with the JSON's own.
 * Throws ERR_MANIFEST_TOO_BIG, ERR_BAD_MANIFEST (naming the field), ERR_UNSUPPORTED_SCHEMA
 * (Docker schema 1) or ERR_BAD_MEDIA_TYPE.
 */
function parseManifest(bytes, mediaType) {
    if (bytes.length > MAX_MANIFEST_SIZE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_MANIFEST_TOO_BIG', `manifest is ${bytes.length} bytes; the limit is ${MAX_MANIFEST_SIZE}`, { details: { size: bytes.length, limit: MAX_MANIFEST_SIZE } });
    }
    const claimed = mediaTypeFromContentType(mediaType);
    if (claimed !== undefined && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isSchema1MediaType */ .H)(claimed))
        throw schema1Error(claimed);
    const json = decodeObject(bytes, 'manifest');
    const own = json.mediaType;
    if (own !== undefined && typeof own !== 'string') {
        throw badManifest('manifest', 'mediaType', `must be a string, got ${describe(own)}`);
    }
    if (looksLikeSchema1(json))
        throw schema1Error(own ?? _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerSchema1);
    if (json.schemaVersion !== 2) {
        throw badManifest('manifest', 'schemaVersion', `must be 2, got ${describe(json.schemaVersion)}`);
    }
    if (claimed !== undefined && own !== undefined && own !== claimed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `invalid manifest: it says mediaType "${own}" but was labelled "${claimed}"`, { details: { mediaType: own, label: claimed } });
    }
    const effective = own ?? claimed ?? mediaTypeByShape(json);
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isImageManifestMediaType */ .d6)(effective)) {
        checkImageManifest(json);
        return { kind: 'image', mediaType: effective, manifest: json };
    }
    if ((0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(effective)) {
        checkIndex(json);
        return { kind: 'index', mediaType: effective, index: json };
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MEDIA_TYPE', `unsupported manifest media type "${effective}" (expected an OCI or Docker v2 image manifest or index)`, { details: { mediaType: effective } });
}
/**
 * The media type of manifest bytes: the JSON's `mediaType` when present, else guessed from its
 * shape (`manifests` → OCI index, `config`/`layers` → OCI manifest, `fsLayers` → Docker schema 1).
 * Throws ERR_BAD_MANIFEST when the bytes are not a JSON object or the shape is ambiguous.
 */
function detectManifestMediaType(bytes) {
    const json = decodeObject(bytes, 'manifest');
    if (typeof json.mediaType === 'string' && json.mediaType !== '')
        return json.mediaType;
    if (looksLikeSchema1(json)) {
        return 'signatures' in json ? _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerSchema1Signed : _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.dockerSchema1;
    }
    return mediaTypeByShape(json);
}
/** Parses and validates an image config blob. Throws ERR_BAD_MANIFEST naming the field. */
function parseImageConfig(bytes) {
    const what = 'image config';
    const json = decodeObject(bytes, what);
    const v = new Checker(what);
    v.string(json, 'architecture', { required: true, nonEmpty: true });
    v.string(json, 'os', { required: true, nonEmpty: true });
    v.string(json, 'variant');
    v.string(json, 'os.version');
    v.stringArray(json, 'os.features');
    v.string(json, 'created');
    v.string(json, 'author');
    const rootfs = v.object(json.rootfs, 'rootfs');
    if (rootfs.type !== 'layers') {
        throw badManifest(what, 'rootfs.type', `must be "layers", got ${describe(rootfs.type)}`);
    }
    v.array(rootfs.diff_ids, 'rootfs.diff_ids').forEach((id, i) => {
        v.digest(id, `rootfs.diff_ids[${i}]`);
    });
    if (json.config === null)
        delete json.config;
    if (json.config !== undefined)
        checkContainerConfig(v, v.object(json.config, 'config'));
    if (json.history !== undefined) {
        v.array(json.history, 'history').forEach((entry, i) => {
            const path = `history[${i}]`;
            const h = v.object(entry, path);
            for (const key of ['created', 'created_by', 'author', 'comment']) {
                v.string(h, key, { path: `${path}.${key}` });
            }
            if (h.empty_layer !== undefined && typeof h.empty_layer !== 'boolean') {
                throw badManifest(what, `${path}.empty_layer`, `must be a boolean, got ${describe(h.empty_layer)}`);
            }
        });
    }
    return json;
}
/**
 * The blobs and manifests a manifest points to: config then layers, or the index's entries.
 * `subject` is left out on purpose: it names another image this one refers to, not a part of it.
 */
function manifestDescriptors(m) {
    if (m.kind === 'image')
        return [m.manifest.config, ...m.manifest.layers];
    return [...m.index.manifests];
}
function checkImageManifest(json) {
    const what = 'image manifest';
    const v = new Checker(what);
    // A document that is valid as two types could be read differently by two tools (the
    // OCI spec's "ambiguous manifest" problem), so fields of the other kind are refused.
    if ('manifests' in json)
        throw badManifest(what, 'manifests', 'is not allowed in an image manifest');
    v.descriptor(json.config, 'config');
    v.array(json.layers, 'layers').forEach((layer, i) => {
        v.descriptor(layer, `layers[${i}]`);
    });
    checkCommon(v, json);
}
function checkIndex(json) {
    const what = 'image index';
    const v = new Checker(what);
    for (const key of ['config', 'layers']) {
        if (key in json)
            throw badManifest(what, key, 'is not allowed in an image index');
    }
    v.array(json.manifests, 'manifests').forEach((entry, i) => {
        v.descriptor(entry, `manifests[${i}]`);
    });
    checkCommon(v, json);
}
function checkCommon(v, json) {
    if (json.subject !== undefined)
        v.descriptor(json.subject, 'subject');
    v.string(json, 'artifactType');
    v.stringMap(json.annotations, 'annotations');
}
function checkContainerConfig(v, c) {
    // Docker writes null for empty maps and lists; drop those so the result matches the types.
    for (const key of ['Env', 'Labels', 'ExposedPorts', 'Volumes', 'Shell']) {
        if (c[key] === null)
            delete c[key];
    }
    for (const key of ['User', 'WorkingDir', 'StopSignal'])
        v.string(c, key, { path: `config.${key}` });
    for (const key of ['Env', 'Shell'])
        v.stringArray(c, key, `config.${key}`);
    for (const key of ['Entrypoint', 'Cmd', 'OnBuild']) {
        if (c[key] !== null)
            v.stringArray(c, key, `config.${key}`);
    }
    v.stringMap(c.Labels, 'config.Labels');
    for (const key of ['ExposedPorts', 'Volumes']) {
        if (c[key] !== undefined)
            v.object(c[key], `config.${key}`);
    }
    if (c.Healthcheck !== undefined && c.Healthcheck !== null) {
        const h = v.object(c.Healthcheck, 'config.Healthcheck');
        v.stringArray(h, 'Test', 'config.Healthcheck.Test');
    }
}
function looksLikeSchema1(json) {
    return (json.schemaVersion === 1 ||
        (typeof json.mediaType === 'string' && (0,_media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .isSchema1MediaType */ .H)(json.mediaType)) ||
        (json.mediaType === undefined && 'fsLayers' in json));
}
function mediaTypeByShape(json) {
    const isIndex = 'manifests' in json;
    const isImage = 'config' in json || 'layers' in json;
    // Docker schema 2 always names its mediaType, so an unnamed document is OCI.
    if (isIndex && !isImage)
        return _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociIndex;
    if (isImage && !isIndex)
        return _media_types_js__WEBPACK_IMPORTED_MODULE_2__/* .MediaType */ .zu.ociManifest;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', isIndex
        ? 'invalid manifest: no mediaType, and it has both "manifests" and "config"/"layers"'
        : 'invalid manifest: no mediaType, and neither "manifests" nor "config" and "layers"');
}
function schema1Error(mediaType) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_UNSUPPORTED_SCHEMA', 'Docker schema 1 manifests are not supported: re-push the image with a current client ' +
        '(docker, buildah, skopeo copy) to convert it to schema 2 or OCI', { details: { mediaType } });
}
function decodeObject(bytes, what) {
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `invalid ${what}: not valid UTF-8`, { cause: err });
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `invalid ${what}: not valid JSON (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)})`, {
            cause: err,
        });
    }
    if (!isObject(json)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `invalid ${what}: expected a JSON object, got ${describe(json)}`);
    }
    return json;
}
function badManifest(what, path, problem, cause) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_MANIFEST', `invalid ${what}: ${path} ${problem}`, {
        cause,
        details: { field: path },
    });
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A short description of a JSON value for "got ..." in messages. */
function describe(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
/** Shape checks that name the offending field (`layers[2].digest`) in ERR_BAD_MANIFEST. */
class Checker {
    what;
    // No parameter properties: Node's type stripping runs these sources as they are.
    constructor(what) {
        this.what = what;
    }
    fail(path, problem, cause) {
        return badManifest(this.what, path, problem, cause);
    }
    object(value, path) {
        if (!isObject(value))
            throw this.fail(path, `must be an object, got ${describe(value)}`);
        return value;
    }
    array(value, path) {
        if (!Array.isArray(value))
            throw this.fail(path, `must be an array, got ${describe(value)}`);
        return value;
    }
    /** Checks the optional (unless `required`) string field `key` of `obj`. */
    string(obj, key, options = {}) {
        const path = options.path ?? key;
        const value = obj[key];
        if (value === undefined && !options.required)
            return;
        if (typeof value !== 'string')
            throw this.fail(path, `must be a string, got ${describe(value)}`);
        if (options.nonEmpty && value === '')
            throw this.fail(path, 'must not be empty');
    }
    stringArray(obj, key, path = key) {
        const value = obj[key];
        if (value === undefined)
            return;
        this.array(value, path).forEach((item, i) => {
            if (typeof item !== 'string') {
                throw this.fail(`${path}[${i}]`, `must be a string, got ${describe(item)}`);
            }
        });
    }
    stringMap(value, path) {
        if (value === undefined)
            return;
        for (const [key, item] of Object.entries(this.object(value, path))) {
            if (typeof item !== 'string') {
                throw this.fail(`${path}[${JSON.stringify(key)}]`, `must be a string, got ${describe(item)}`);
            }
        }
    }
    digest(value, path) {
        if (typeof value !== 'string')
            throw this.fail(path, `must be a digest string, got ${describe(value)}`);
        try {
            return (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .validateDigest */ .n2)(value);
        }
        catch (err) {
            throw this.fail(path, `is not valid: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`, err);
        }
    }
    descriptor(value, path) {
        const d = this.object(value, path);
        if (typeof d.mediaType !== 'string') {
            throw this.fail(`${path}.mediaType`, `must be a string, got ${describe(d.mediaType)}`);
        }
        if (!MEDIA_TYPE_SYNTAX.test(d.mediaType)) {
            throw this.fail(`${path}.mediaType`, `is not a valid media type: ${describe(d.mediaType)}`);
        }
        const digest = this.digest(d.digest, `${path}.digest`);
        if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) {
            throw this.fail(`${path}.size`, `must be a non-negative integer, got ${describe(d.size)}`);
        }
        this.stringArray(d, 'urls', `${path}.urls`);
        this.stringMap(d.annotations, `${path}.annotations`);
        this.string(d, 'artifactType', { path: `${path}.artifactType` });
        if (d.platform !== undefined)
            this.platform(d.platform, `${path}.platform`);
        if (d.data !== undefined)
            this.embeddedData(d.data, digest, d.size, `${path}.data`);
    }
    platform(value, path) {
        const p = this.object(value, path);
        this.string(p, 'architecture', {
            required: true,
            nonEmpty: true,
            path: `${path}.architecture`,
        });
        this.string(p, 'os', { required: true, nonEmpty: true, path: `${path}.os` });
        this.string(p, 'variant', { path: `${path}.variant` });
        this.string(p, 'os.version', { path: `${path}["os.version"]` });
        this.stringArray(p, 'os.features', `${path}["os.features"]`);
    }
    // Embedded content is used instead of fetching the blob, so it must be the blob.
    embeddedData(value, digest, size, path) {
        if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
            throw this.fail(path, 'must be base64 text');
        }
        const data = Buffer.from(value, 'base64');
        try {
            (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyBytes */ .RV)(data, { digest, size, what: 'embedded data' });
        }
        catch (err) {
            throw this.fail(path, `does not match the descriptor: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`, err);
        }
    }
}


/***/ }),

/***/ 9155:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   AH: () => (/* binding */ layerCompression),
/* harmony export */   H: () => (/* binding */ isSchema1MediaType),
/* harmony export */   d6: () => (/* binding */ isImageManifestMediaType),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
// Media types of OCI and Docker image manifests, indexes, configs and layers.
const MediaType = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayer: 'application/vnd.oci.image.layer.v1.tar',
    ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
    ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    ociEmpty: 'application/vnd.oci.empty.v1+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
    dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
    dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
};
function isIndexMediaType(mediaType) {
    return mediaType === MediaType.ociIndex || mediaType === MediaType.dockerManifestList;
}
function isImageManifestMediaType(mediaType) {
    return mediaType === MediaType.ociManifest || mediaType === MediaType.dockerManifest;
}
function isSchema1MediaType(mediaType) {
    return mediaType === MediaType.dockerSchema1 || mediaType === MediaType.dockerSchema1Signed;
}
/** The Accept list for manifest requests: every type we can read, index types first. */
const MANIFEST_ACCEPT = [
    MediaType.ociIndex,
    MediaType.dockerManifestList,
    MediaType.ociManifest,
    MediaType.dockerManifest,
];
/** How a layer media type says its bytes are compressed; undefined when it is not a layer. */
function layerCompression(mediaType) {
    if (mediaType.endsWith('+gzip') || mediaType.endsWith('.tar.gzip'))
        return 'gzip';
    if (mediaType.endsWith('+zstd'))
        return 'zstd';
    if (mediaType.endsWith('.tar') || mediaType.endsWith('.diff.tar'))
        return 'none';
    return undefined;
}


/***/ })

};
