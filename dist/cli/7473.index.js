export const id = 7473;
export const ids = [7473];
export const modules = {

/***/ 3447:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ DEFAULT_CONCURRENCY),
  L: () => (/* binding */ copyImage)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./.build/src/core/decompress.js
var decompress = __webpack_require__(3568);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var digest = __webpack_require__(7691);
// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/log.js
var log = __webpack_require__(2345);
// EXTERNAL MODULE: ./.build/src/core/manifest.js
var core_manifest = __webpack_require__(9626);
// EXTERNAL MODULE: ./.build/src/core/media-types.js
var media_types = __webpack_require__(9155);
// EXTERNAL MODULE: ./.build/src/core/platform.js
var platform = __webpack_require__(292);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./.build/src/core/copy/compress.js
// Layer (de)compression streams and the media types that go with each compression.




function compressor(compression) {
    switch (compression) {
        case 'gzip':
            // Level 6 is gzip's default and what skopeo and buildah write; higher costs CPU for little.
            return external_node_zlib_.createGzip({ level: 6 });
        case 'zstd':
            return external_node_zlib_.createZstdCompress();
        case 'none':
            return new external_node_stream_.PassThrough();
    }
}
/** The layer media type for a manifest format and compression. */
function layerMediaType(format, compression) {
    if (format === 'oci') {
        if (compression === 'gzip')
            return media_types/* MediaType */.zu.ociLayerGzip;
        if (compression === 'zstd')
            return media_types/* MediaType */.zu.ociLayerZstd;
        return media_types/* MediaType */.zu.ociLayer;
    }
    if (compression === 'gzip')
        return media_types/* MediaType */.zu.dockerLayerGzip;
    if (compression === 'none')
        return 'application/vnd.docker.image.rootfs.diff.tar';
    throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', 'Docker v2 schema 2 manifests cannot describe zstd layers: use --format oci or gzip compression');
}

;// CONCATENATED MODULE: ./.build/src/core/copy/convert.js
// Manifest format conversion between OCI and Docker v2 schema 2 (the JSON shapes are the same;
// only media types and a few fields differ).



function formatOfManifestType(mediaType) {
    return mediaType === media_types/* MediaType */.zu.dockerManifest || mediaType === media_types/* MediaType */.zu.dockerManifestList
        ? 'v2s2'
        : 'oci';
}
function manifestTypeFor(format, kind) {
    if (format === 'oci')
        return kind === 'image' ? media_types/* MediaType */.zu.ociManifest : media_types/* MediaType */.zu.ociIndex;
    return kind === 'image' ? media_types/* MediaType */.zu.dockerManifest : media_types/* MediaType */.zu.dockerManifestList;
}
function convertLayer(layer, format) {
    const compression = (0,media_types/* layerCompression */.AH)(layer.mediaType);
    if (compression === undefined) {
        throw new errors/* LighterError */.Kt('ERR_BAD_MEDIA_TYPE', `converting layer ${layer.digest}: unknown layer media type "${layer.mediaType}"`);
    }
    const foreign = layer.mediaType === media_types/* MediaType */.zu.dockerForeignLayerGzip ||
        layer.mediaType === media_types/* MediaType */.zu.ociLayerNondistributableGzip;
    let mediaType;
    if (foreign && compression === 'gzip') {
        mediaType =
            format === 'oci' ? media_types/* MediaType */.zu.ociLayerNondistributableGzip : media_types/* MediaType */.zu.dockerForeignLayerGzip;
    }
    else {
        mediaType = layerMediaType(format, compression);
    }
    const out = { ...layer, mediaType };
    // Docker v2s2 descriptors have no annotations field.
    if (format === 'v2s2')
        delete out.annotations;
    return out;
}
/** Rewrites an image manifest's media types for `format`; layers keep their bytes. */
function convertManifest(manifest, format) {
    const isImageConfig = manifest.config.mediaType === media_types/* MediaType */.zu.ociConfig ||
        manifest.config.mediaType === media_types/* MediaType */.zu.dockerConfig;
    if (!isImageConfig) {
        throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `converting manifest: config type "${manifest.config.mediaType}" is an artifact, not an image; artifacts cannot change format`);
    }
    const out = {
        schemaVersion: 2,
        mediaType: manifestTypeFor(format, 'image'),
        config: {
            ...manifest.config,
            mediaType: format === 'oci' ? media_types/* MediaType */.zu.ociConfig : media_types/* MediaType */.zu.dockerConfig,
        },
        layers: manifest.layers.map((l) => convertLayer(l, format)),
    };
    if (format === 'oci') {
        if (manifest.annotations)
            out.annotations = manifest.annotations;
        if (manifest.subject)
            out.subject = manifest.subject;
    }
    else {
        delete out.config.annotations;
    }
    return out;
}
/** Rewrites an index for `format`, with the given child descriptors. */
function convertIndex(index, format, children) {
    const out = {
        schemaVersion: 2,
        mediaType: manifestTypeFor(format, 'index'),
        manifests: children.map((d) => {
            const c = { ...d };
            if (format === 'v2s2')
                delete c.annotations;
            return c;
        }),
    };
    if (format === 'oci' && index.annotations)
        out.annotations = index.annotations;
    return out;
}
/** Serializes a manifest the way registries and skopeo do: compact JSON, fields in order. */
function manifestBytes(value) {
    return new TextEncoder().encode(JSON.stringify(value));
}

// EXTERNAL MODULE: ./.build/src/core/copy/limit.js
var limit = __webpack_require__(8234);
;// CONCATENATED MODULE: ./.build/src/core/copy/copy.js
// The copy engine: `copyImage` is `source.manifest -> blobs -> dest.putBlob -> dest.putManifest
// -> commit`, with every byte verified against its digest on the way.











const DEFAULT_CONCURRENCY = 6;
/**
 * Times a blob is copied again from its source after a transient failure the transports could
 * not recover from themselves (a broken upload the registry can no longer resume, say).
 */
const BLOB_RETRIES = 2;
function isTransient(err) {
    if (!(err instanceof errors/* LighterError */.Kt))
        return false;
    return err.code === 'ERR_NETWORK' || err.details?.transient === true;
}
/** Copies one image (or index) from `source` to `dest` and commits it. Closes neither. */
async function copyImage(source, dest, options = {}) {
    const run = new CopyRun(source, dest, options);
    return run.copy();
}
class CopyRun {
    #source;
    #dest;
    #options;
    #limiter;
    #log;
    #inFlight = new Set();
    /** Blobs handled in this run, so an index whose images share layers copies each once. */
    #blobs = new Map();
    #failed = false;
    #stats = { blobsCopied: 0, blobsSkipped: 0, bytesCopied: 0, bytesSkipped: 0 };
    constructor(source, dest, options) {
        this.#source = source;
        this.#dest = dest;
        this.#options = options;
        this.#limiter = options.limiter ?? new limit/* Limiter */.j(options.concurrency ?? DEFAULT_CONCURRENCY);
        this.#log = options.logger ?? log/* silentLogger */.qq;
    }
    async copy() {
        const top = await this.#source.manifest();
        const parsed = (0,core_manifest/* parseManifest */.Ng)(top.bytes, top.mediaType);
        const unchanged = await this.#alreadyThere(top, parsed);
        if (unchanged)
            return unchanged;
        let written;
        if (parsed.kind === 'image') {
            const image = await this.#copyImageManifest(top, parsed.manifest, undefined);
            written = { raw: image.raw, images: [image.image] };
        }
        else {
            written = await this.#copyIndex(top, parsed.index);
        }
        await this.#dest.commit();
        return {
            digest: written.raw.digest,
            mediaType: written.raw.mediaType,
            manifest: written.raw.bytes,
            images: written.images,
            ...this.#stats,
        };
    }
    /**
     * A destination that already holds the very manifest this copy would write needs nothing:
     * a registry accepts a manifest only once every blob it names is present. Checked only when
     * the copy writes the source's bytes unchanged (no conversion, no platform choice).
     */
    async #alreadyThere(top, parsed) {
        if (!this.#dest.existingManifest || this.#options.compression)
            return undefined;
        if (this.#targetFormat(top.mediaType) !== formatOfManifestType(top.mediaType))
            return undefined;
        const mode = this.#options.multiArch ?? 'system';
        if (parsed.kind === 'index' && (mode === 'system' || this.#options.platforms))
            return undefined;
        const existing = await this.#dest.existingManifest().catch(() => undefined);
        if (existing !== top.digest)
            return undefined;
        this.#log.info(`${this.#dest.name} already has ${top.digest}: nothing to copy`);
        const blobs = parsed.kind === 'image' ? [parsed.manifest.config, ...parsed.manifest.layers] : [];
        return {
            digest: top.digest,
            mediaType: top.mediaType,
            manifest: top.bytes,
            images: parsed.kind === 'image' ? [{ digest: top.digest, mediaType: top.mediaType }] : [],
            blobsCopied: 0,
            blobsSkipped: blobs.length,
            bytesCopied: 0,
            bytesSkipped: blobs.reduce((n, b) => n + b.size, 0),
        };
    }
    async #copyIndex(top, index) {
        const mode = this.#options.multiArch ?? 'system';
        if (mode === 'system') {
            const want = this.#options.platform ?? (0,platform/* hostPlatform */.ol)();
            const chosen = (0,platform/* selectManifest */.yY)(index, want);
            this.#log.info(`choosing ${(0,platform/* formatPlatform */.Bq)(chosen.platform ?? want)} (${chosen.digest}) from the index of ${this.#source.name}`);
            const child = await this.#childManifest(chosen);
            const parsed = (0,core_manifest/* parseManifest */.Ng)(child.bytes, child.mediaType);
            if (parsed.kind !== 'image') {
                throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${this.#source.name}: nested index ${chosen.digest} is not supported`);
            }
            const image = await this.#copyImageManifest(child, parsed.manifest, undefined, chosen.platform);
            return { raw: image.raw, images: [image.image] };
        }
        if (!this.#dest.capabilities.acceptsIndex) {
            throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${this.#dest.name} cannot store a multi-platform index: choose one platform (--multi-arch system, --platform)`);
        }
        const format = this.#targetFormat(top.mediaType);
        if (mode === 'index-only') {
            if (format !== formatOfManifestType(top.mediaType)) {
                throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', 'an index copied with index-only cannot change format');
            }
            await this.#dest.putManifest(top);
            return { raw: top, images: [] };
        }
        const wanted = this.#options.platforms;
        const entries = wanted
            ? index.manifests.filter((d) => d.platform && wanted.some((p) => (0,platform/* platformMatches */.J5)(p, d.platform)))
            : index.manifests;
        if (wanted && entries.length === 0) {
            throw new errors/* LighterError */.Kt('ERR_NO_MATCHING_PLATFORM', `${this.#source.name}: none of ${wanted.map(platform/* formatPlatform */.Bq).join(', ')} is in the index (it has ${index.manifests
                .map((d) => (d.platform ? (0,platform/* formatPlatform */.Bq)(d.platform) : d.digest))
                .join(', ')})`);
        }
        const subset = entries.length !== index.manifests.length;
        if (subset && this.#options.preserveDigests) {
            throw new errors/* LighterError */.Kt('ERR_WOULD_CHANGE_DIGEST', `copying only some platforms of ${this.#source.name} rewrites its index, so its digest cannot be preserved`);
        }
        const children = await this.#settleAll(entries.map(async (entry) => {
            const child = await this.#childManifest(entry);
            const parsed = (0,core_manifest/* parseManifest */.Ng)(child.bytes, child.mediaType);
            if (parsed.kind !== 'image') {
                throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${this.#source.name}: nested index ${entry.digest} is not supported`);
            }
            return this.#copyImageManifest(child, parsed.manifest, entry.digest, entry.platform);
        }));
        const changed = subset ||
            children.some((c, i) => c.raw.digest !== entries[i]?.digest) ||
            format !== formatOfManifestType(top.mediaType);
        let raw = top;
        if (changed) {
            const descriptors = children.map((c, i) => ({
                ...entries[i],
                mediaType: c.raw.mediaType,
                digest: c.raw.digest,
                size: c.raw.bytes.length,
            }));
            const bytes = manifestBytes(convertIndex(index, format, descriptors));
            raw = { bytes, mediaType: manifestTypeFor(format, 'index'), digest: (0,digest/* digestOf */.ol)(bytes) };
        }
        await this.#dest.putManifest(raw);
        return { raw, images: children.map((c) => c.image) };
    }
    async #childManifest(entry) {
        const child = await this.#source.manifest(entry.digest);
        (0,digest/* verifyBytes */.RV)(child.bytes, {
            digest: entry.digest,
            size: entry.size,
            what: `manifest ${entry.digest} of ${this.#source.name}`,
        });
        return child;
    }
    #targetFormat(sourceType) {
        if (this.#options.format)
            return this.#options.format;
        const accepted = this.#dest.capabilities.manifestTypes;
        const sourceFormat = formatOfManifestType(sourceType);
        if (accepted.includes(sourceType))
            return sourceFormat;
        const first = accepted[0];
        return first ? formatOfManifestType(first) : sourceFormat;
    }
    async #copyImageManifest(raw, manifest, instance, platform) {
        const format = this.#targetFormat(raw.mediaType);
        const convert = format !== formatOfManifestType(raw.mediaType);
        const recompress = this.#options.compression;
        const layerChanges = recompress !== undefined &&
            manifest.layers.some((l) => (0,media_types/* layerCompression */.AH)(l.mediaType) !== recompress);
        if ((convert || layerChanges) && this.#options.preserveDigests) {
            throw new errors/* LighterError */.Kt('ERR_WOULD_CHANGE_DIGEST', `copying ${this.#source.name} to ${this.#dest.name} needs ${convert ? `conversion to ${format}` : `recompression to ${recompress}`}, which changes its digest; drop --preserve-digests or the conversion`);
        }
        if (convert && format === 'v2s2' && !recompress) {
            // Fail before copying anything when the target format cannot describe a layer.
            for (const l of manifest.layers)
                layerMediaType('v2s2', (0,media_types/* layerCompression */.AH)(l.mediaType) ?? 'none');
        }
        const [config, ...layers] = await this.#settleAll([
            this.#copyBlob(manifest.config, undefined),
            ...manifest.layers.map((l) => this.#copyBlob(l, layerChanges && recompress ? { format, compression: recompress } : undefined)),
        ]);
        let out = raw;
        const layersChanged = layers.some((l, i) => l?.digest !== manifest.layers[i]?.digest);
        if (convert || layersChanged) {
            const rewritten = {
                ...manifest,
                config: config,
                layers: layers,
            };
            const bytes = manifestBytes(convertManifest(rewritten, format));
            if (bytes.length > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
                throw new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `converted manifest of ${this.#source.name} exceeds 4 MiB`);
            }
            out = { bytes, mediaType: manifestTypeFor(format, 'image'), digest: (0,digest/* digestOf */.ol)(bytes) };
        }
        await this.#dest.putManifest(out, instance === undefined ? undefined : out.digest);
        const image = { digest: out.digest, mediaType: out.mediaType };
        if (platform)
            image.platform = platform;
        return { raw: out, image };
    }
    /** Copies one blob once per run; the descriptor it returns describes the blob as written. */
    #copyBlob(desc, recompress) {
        const key = `${desc.digest}|${recompress ? `${recompress.format}/${recompress.compression}` : ''}`;
        let pending = this.#blobs.get(key);
        if (pending)
            return pending;
        const shared = this.#options.sharedBlobs;
        const other = shared?.get(key);
        if (other) {
            pending = other.then((written) => {
                this.#countSkipped(desc);
                return written;
            }, () => this.#limiter.run(() => this.#transferBlob(desc, recompress)));
        }
        else {
            pending = this.#limiter.run(() => this.#transferBlob(desc, recompress));
            shared?.set(key, pending);
        }
        this.#blobs.set(key, pending);
        return pending;
    }
    #countSkipped(desc) {
        this.#stats.blobsSkipped++;
        this.#stats.bytesSkipped += desc.size;
        this.#options.onProgress?.({
            digest: desc.digest,
            mediaType: desc.mediaType,
            size: desc.size,
            state: 'skipped',
            bytes: desc.size,
        });
    }
    async #transferBlob(desc, recompress) {
        if (this.#failed)
            throw new errors/* LighterError */.Kt('ERR_CANCELLED', 'copy cancelled after an earlier failure');
        const what = `blob ${desc.digest} from ${this.#source.name}`;
        if (!recompress) {
            const mountFrom = this.#source.repository;
            const reused = await this.#dest.tryReuseBlob(desc, mountFrom ? { mountFrom } : undefined);
            if (reused) {
                this.#countSkipped(desc);
                this.#log.debug(`${desc.digest}: already at ${this.#dest.name}`);
                return desc;
            }
        }
        for (let attempt = 1;; attempt++) {
            try {
                return await this.#streamBlob(desc, recompress);
            }
            catch (err) {
                if (this.#failed || attempt > BLOB_RETRIES || !isTransient(err)) {
                    throw (0,errors/* withContext */.eQ)(err, `copying ${what} to ${this.#dest.name}`, 'ERR_NETWORK');
                }
                this.#log.warn(`copying ${what}: ${(0,errors/* errorMessage */.gJ)(err)}; starting this blob again`);
            }
        }
    }
    /** One pass of a blob from source to destination, through the verifier. */
    async #streamBlob(desc, recompress) {
        const progress = this.#options.onProgress;
        const what = `blob ${desc.digest} from ${this.#source.name}`;
        progress?.({
            digest: desc.digest,
            mediaType: desc.mediaType,
            size: desc.size,
            state: 'start',
            bytes: 0,
        });
        const input = await this.#source.blob(desc);
        const stages = [
            input,
            new digest/* VerifyingStream */.SC({ digest: desc.digest, size: desc.size, what }),
        ];
        let mediaType = desc.mediaType;
        if (recompress) {
            const from = (0,media_types/* layerCompression */.AH)(desc.mediaType) ?? 'none';
            stages.push((0,decompress/* decompressor */.n)(from), compressor(recompress.compression));
            mediaType = layerMediaType(recompress.format, recompress.compression);
        }
        const counter = new CountingStream((bytes) => progress?.({
            digest: desc.digest,
            mediaType: desc.mediaType,
            size: desc.size,
            state: 'progress',
            bytes,
        }));
        stages.push(counter);
        const body = (0,external_node_stream_.pipeline)(stages, () => { });
        this.#inFlight.add(input);
        try {
            const written = await this.#dest.putBlob(body, recompress ? { mediaType } : { mediaType, digest: desc.digest, size: desc.size });
            this.#stats.blobsCopied++;
            this.#stats.bytesCopied += desc.size;
            progress?.({
                digest: desc.digest,
                mediaType: desc.mediaType,
                size: desc.size,
                state: 'done',
                bytes: desc.size,
            });
            if (!recompress)
                return desc;
            const out = { mediaType, digest: written.digest, size: written.size };
            if (desc.annotations)
                out.annotations = desc.annotations;
            return out;
        }
        catch (err) {
            body.destroy();
            throw err;
        }
        finally {
            this.#inFlight.delete(input);
        }
    }
    /**
     * Like Promise.all, but on the first failure stops the other transfers and waits for them to
     * settle, so nothing is still writing when the caller closes the destination.
     */
    async #settleAll(tasks) {
        const results = await Promise.allSettled(tasks.map((t) => t.catch((err) => {
            if (!this.#failed) {
                this.#failed = true;
                for (const s of this.#inFlight)
                    s.destroy(new errors/* LighterError */.Kt('ERR_CANCELLED', 'copy cancelled after an earlier failure'));
            }
            throw err;
        })));
        // Report the first real failure, not the cancellations it caused.
        const failures = results.filter((r) => r.status === 'rejected');
        if (failures.length > 0) {
            const real = failures.find((f) => !(f.reason instanceof errors/* LighterError */.Kt && f.reason.code === 'ERR_CANCELLED'));
            throw (real ?? failures[0])?.reason;
        }
        return results.map((r) => r.value);
    }
}
/** Counts bytes for progress reports without touching them. */
class CountingStream extends external_node_stream_.Transform {
    #bytes = 0;
    #report;
    constructor(report) {
        super();
        this.#report = report;
    }
    _transform(chunk, _enc, done) {
        this.#bytes += chunk.length;
        this.#report(this.#bytes);
        done(null, chunk);
    }
}


/***/ }),

/***/ 8234:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ Limiter)
/* harmony export */ });
// A counting semaphore: one concurrency budget shared by every blob of a copy (or a whole sync).
class Limiter {
    #max;
    #active = 0;
    #waiting = [];
    constructor(max) {
        if (!Number.isInteger(max) || max < 1)
            throw new RangeError(`concurrency must be >= 1, got ${max}`);
        this.#max = max;
    }
    async run(fn) {
        if (this.#active >= this.#max) {
            await new Promise((resolve) => this.#waiting.push(resolve));
        }
        else {
            this.#active++;
        }
        try {
            return await fn();
        }
        finally {
            const next = this.#waiting.shift();
            // Hand the slot straight to the next waiter so the count never drops and rises again.
            if (next)
                next();
            else
                this.#active--;
        }
    }
}


/***/ }),

/***/ 6804:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ dirTransport),
/* harmony export */   V6: () => (/* binding */ manifestFileName),
/* harmony export */   Vz: () => (/* binding */ blobFileName),
/* harmony export */   mf: () => (/* binding */ VERSION_FILE),
/* harmony export */   v8: () => (/* binding */ VERSION_TEXT)
/* harmony export */ });
/* unused harmony export MANIFEST_FILE */
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7691);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6512);
// The `dir:PATH` transport: skopeo's directory format (manifest.json, version, blobs named by hex).


const VERSION_FILE = 'version';
/** Version 1.1 names blobs without the algorithm (`<hex>`); skopeo refuses to overwrite anything else. */
const VERSION_TEXT = 'Directory Transport Version: 1.1\n';
const MANIFEST_FILE = 'manifest.json';
/** `<hex>` for sha256 (what skopeo writes), `<algorithm>-<hex>` for others. */
function blobFileName(digest) {
    const { algorithm, hex } = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDigest */ .m)(digest);
    return algorithm === 'sha256' ? hex : `${algorithm}-${hex}`;
}
/** Child manifests of an index: `<hex>.manifest.json`. */
function manifestFileName(instance) {
    return instance === undefined ? MANIFEST_FILE : `${blobFileName(instance)}.${MANIFEST_FILE}`;
}
const dirTransport = {
    name: 'dir',
    parse(rest) {
        // The whole rest is the path: dir: has no names, so a colon is part of it.
        if (rest === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', 'invalid image name "dir:": no path');
        }
        return { transport: 'dir', path: rest };
    },
    format: (ref) => ref.path,
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 8012).then(__webpack_require__.bind(__webpack_require__, 8012))).openDirSource(ref, options),
    openDestination: async (ref, options) => (await __webpack_require__.e(/* import() */ 6521).then(__webpack_require__.bind(__webpack_require__, 6521))).openDirDestination(ref, options),
};


/***/ }),

/***/ 5748:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ dockerArchiveTransport)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
// The `docker-archive:FILE[:REF|:@N]` transport: the tar that `docker save` writes and `docker load` reads.


function invalid(rest, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker-archive:${rest}": ${why}`);
}
const dockerArchiveTransport = {
    name: 'docker-archive',
    parse(rest) {
        const from = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
        const colon = rest.indexOf(':', from);
        const path = colon === -1 ? rest : rest.slice(0, colon);
        const after = colon === -1 ? '' : rest.slice(colon + 1);
        if (path === '')
            throw invalid(rest, 'no path');
        if (after === '')
            return { transport: 'docker-archive', path };
        if (after.startsWith('@')) {
            if (!/^@\d{1,9}$/.test(after))
                throw invalid(rest, `"${after}" is not @ and an image number`);
            return { transport: 'docker-archive', path, index: Number(after.slice(1)) };
        }
        let reference;
        try {
            reference = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(after);
        }
        catch (err) {
            throw invalid(rest, err.message);
        }
        if (reference.digest !== undefined) {
            throw invalid(rest, 'an archive names images by tag, not by digest');
        }
        return { transport: 'docker-archive', path, reference };
    },
    format(ref) {
        if (ref.reference)
            return `${ref.path}:${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .familiarReference */ .ZD)(ref.reference)}`;
        if (ref.index !== undefined)
            return `${ref.path}:@${ref.index}`;
        return ref.path;
    },
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 2476).then(__webpack_require__.bind(__webpack_require__, 2476))).openDockerArchiveSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(6460)]).then(__webpack_require__.bind(__webpack_require__, 6460))).openDockerArchiveDestination(ref, options),
};


/***/ }),

/***/ 6727:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ dockerTransport),
/* harmony export */   tz: () => (/* binding */ formatDockerReference)
/* harmony export */ });
/* unused harmony export parseDockerReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8978);
// The `docker://REGISTRY/REPO[:TAG][@DIGEST]` transport: images in a registry, through RegistryClient.


/** Parses `//registry/repo:tag` as skopeo does: no tag and no digest means `latest`. */
function parseDockerReference(rest) {
    if (!rest.startsWith('//')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": expected docker://registry/repository[:tag][@digest]`);
    }
    try {
        return { transport: 'docker', ...(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(rest.slice(2)) };
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${err.message}`, {
                cause: err,
            });
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
    }
}
function formatDockerReference(ref) {
    return `//${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref)}`;
}
const dockerTransport = {
    name: 'docker',
    parse: parseDockerReference,
    format: formatDockerReference,
    openSource: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(4431), __webpack_require__.e(9777)]).then(__webpack_require__.bind(__webpack_require__, 9777))).openDockerSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(5759), __webpack_require__.e(4431), __webpack_require__.e(618)]).then(__webpack_require__.bind(__webpack_require__, 618))).openDockerDestination(ref, options),
};


/***/ }),

/***/ 1507:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tO: () => (/* binding */ imageName),
  xB: () => (/* binding */ openDestination),
  oD: () => (/* binding */ openSource),
  "if": () => (/* binding */ parseImageName),
  aF: () => (/* binding */ transportNames)
});

// UNUSED EXPORTS: findTransport, parseImageNameOrReference

// EXTERNAL MODULE: ./.build/src/core/errors.js
var errors = __webpack_require__(6512);
// EXTERNAL MODULE: ./.build/src/core/transport/dir/transport.js
var transport = __webpack_require__(6804);
// EXTERNAL MODULE: ./.build/src/core/transport/docker/transport.js
var docker_transport = __webpack_require__(6727);
// EXTERNAL MODULE: ./.build/src/core/transport/docker-archive/transport.js
var docker_archive_transport = __webpack_require__(5748);
// EXTERNAL MODULE: ./.build/src/core/transport/oci-layout/transport.js
var oci_layout_transport = __webpack_require__(6909);
;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/transport.js
// The `oci-archive:FILE[:NAME]` transport: an OCI image layout packed in a tar file.

const ociArchiveTransport = {
    name: 'oci-archive',
    parse(rest) {
        return { transport: 'oci-archive', ...(0,oci_layout_transport/* splitPathAndName */.sy)(rest, 'oci-archive') };
    },
    format: oci_layout_transport/* formatPathAndName */.HJ,
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 731).then(__webpack_require__.bind(__webpack_require__, 731))).openOciArchiveSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(4911), __webpack_require__.e(8094)]).then(__webpack_require__.bind(__webpack_require__, 4384))).openOciArchiveDestination(ref, options),
};

// EXTERNAL MODULE: ./.build/src/core/storage/names.js
var names = __webpack_require__(4645);
;// CONCATENATED MODULE: ./.build/src/core/transport/storage/transport.js
// The `storage:NAME` transport: an image in lighter's local store (name, or image ID when reading).


function parseStorageReference(rest) {
    if (rest === '') {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', 'invalid image name "storage:": no image name');
    }
    if ((0,names/* idPrefix */.m0)(rest) !== undefined && /^(?:sha256:)?[a-f0-9]+$/.test(rest)) {
        return { transport: 'storage', image: rest };
    }
    try {
        return { transport: 'storage', image: (0,names/* normalizeName */.Pc)(rest) };
    }
    catch (err) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "storage:${rest}": ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
const storageTransport = {
    name: 'storage',
    parse: parseStorageReference,
    format: (ref) => ref.image,
    openSource: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(8989)]).then(__webpack_require__.bind(__webpack_require__, 5574))).openStorageSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(4911), __webpack_require__.e(3652), __webpack_require__.e(3486)]).then(__webpack_require__.bind(__webpack_require__, 6807))).openStorageDestination(ref, options),
};

;// CONCATENATED MODULE: ./.build/src/core/transport/index.js
// The static table of transports, and parsing of transport-qualified image names
// (`docker://ghcr.io/o/r:tag`, `oci:dir:tag`, ...). `imageName` round-trips `parseImageName`.
// Parsing is all a transport loads up front; its source and destination modules load on first
// open, so a copy between registries starts without the archive, layout and store code.







const transports = [
    docker_transport/* dockerTransport */.Ic,
    oci_layout_transport/* ociLayoutTransport */.xY,
    ociArchiveTransport,
    docker_archive_transport/* dockerArchiveTransport */.g,
    transport/* dirTransport */.Jq,
    storageTransport,
];
function transportNames() {
    return transports.map((t) => t.name);
}
function findTransport(name) {
    const transport = transports.find((t) => t.name === name);
    if (!transport) {
        throw new errors/* LighterError */.Kt('ERR_UNKNOWN_TRANSPORT', `unknown transport "${name}" (known: ${transportNames().join(', ')})`);
    }
    return transport;
}
/** Parses `transport:rest`; throws ERR_UNKNOWN_TRANSPORT or ERR_BAD_REFERENCE naming the part. */
function parseImageName(input) {
    const colon = input.indexOf(':');
    if (colon <= 0) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${input}": expected transport:name, e.g. docker://registry/repo:tag or oci:dir:tag (transports: ${transportNames().join(', ')})`);
    }
    const transport = findTransport(input.slice(0, colon));
    try {
        return transport.parse(input.slice(colon + 1));
    }
    catch (err) {
        if (err instanceof errors/* LighterError */.Kt)
            throw err;
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${input}": ${String(err)}`);
    }
}
/**
 * Like parseImageName, but a name with no known transport is a registry reference:
 * `ghcr.io/o/r:1` means `docker://ghcr.io/o/r:1` (what action inputs and metadata-action give).
 */
function parseImageNameOrReference(input) {
    const colon = input.indexOf(':');
    const prefix = colon > 0 ? input.slice(0, colon) : '';
    if (transports.some((t) => t.name === prefix))
        return parseImageName(input);
    return parseImageName(`docker://${input}`);
}
/** Formats a reference back to `transport:rest`. */
function imageName(ref) {
    const transport = findTransport(ref.transport);
    return `${transport.name}:${transport.format(ref)}`;
}
function openSource(ref, options) {
    return findTransport(ref.transport).openSource(ref, options);
}
function openDestination(ref, options) {
    return findTransport(ref.transport).openDestination(ref, options);
}


/***/ }),

/***/ 6909:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HJ: () => (/* binding */ formatPathAndName),
/* harmony export */   sy: () => (/* binding */ splitPathAndName),
/* harmony export */   xY: () => (/* binding */ ociLayoutTransport)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6512);
// The `oci:PATH[:NAME]` transport: an image in an OCI image layout directory, named by its ref.name annotation.

// The image-spec grammar for ref.name values: components of alphanumerics and separators.
const REF_NAME = /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/;
/**
 * Splits `PATH[:NAME]` at the first colon, as skopeo does (so PATH holds no colon), except a
 * Windows drive letter (`C:\x:tag`). Shared with oci-archive, whose PATH is the archive file.
 */
function splitPathAndName(rest, transport) {
    const from = /^[A-Za-z]:[\\/]/.test(rest) ? 2 : 0;
    const colon = rest.indexOf(':', from);
    const path = colon === -1 ? rest : rest.slice(0, colon);
    const name = colon === -1 ? undefined : rest.slice(colon + 1);
    if (path === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": no path`);
    }
    if (name === undefined || name === '')
        return { path };
    if (!REF_NAME.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LighterError */ .Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": "${name}" is not a valid image name in a layout (letters, digits and -._:@+/ between them)`);
    }
    return { path, name };
}
function formatPathAndName(ref) {
    return ref.name === undefined ? ref.path : `${ref.path}:${ref.name}`;
}
const ociLayoutTransport = {
    name: 'oci',
    parse(rest) {
        return { transport: 'oci', ...splitPathAndName(rest, 'oci') };
    },
    format: formatPathAndName,
    openSource: async (ref, options) => (await __webpack_require__.e(/* import() */ 5231).then(__webpack_require__.bind(__webpack_require__, 5231))).openOciLayoutSource(ref, options),
    openDestination: async (ref, options) => (await Promise.all(/* import() */[__webpack_require__.e(4911), __webpack_require__.e(5014)]).then(__webpack_require__.bind(__webpack_require__, 5500))).openOciLayoutDestination(ref, options),
};


/***/ })

};
