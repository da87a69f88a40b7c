export const id = 291;
export const ids = [291];
export const modules = {

/***/ 3291:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pull: () => (/* binding */ pull_pull),
  push: () => (/* binding */ pull_push)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./.build/src/core/digest.js
var core_digest = __webpack_require__(7691);
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




function decompressor(compression) {
    switch (compression) {
        case 'gzip':
            return external_node_zlib_.createGunzip();
        case 'zstd':
            return external_node_zlib_.createZstdDecompress();
        case 'none':
            return new external_node_stream_.PassThrough();
    }
}
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

;// CONCATENATED MODULE: ./.build/src/core/copy/limit.js
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
        this.#limiter = options.limiter ?? new Limiter(options.concurrency ?? DEFAULT_CONCURRENCY);
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
            raw = { bytes, mediaType: manifestTypeFor(format, 'index'), digest: (0,core_digest/* digestOf */.ol)(bytes) };
        }
        await this.#dest.putManifest(raw);
        return { raw, images: children.map((c) => c.image) };
    }
    async #childManifest(entry) {
        const child = await this.#source.manifest(entry.digest);
        (0,core_digest/* verifyBytes */.RV)(child.bytes, {
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
            out = { bytes, mediaType: manifestTypeFor(format, 'image'), digest: (0,core_digest/* digestOf */.ol)(bytes) };
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
        if (!pending) {
            pending = this.#limiter.run(() => this.#transferBlob(desc, recompress));
            this.#blobs.set(key, pending);
        }
        return pending;
    }
    async #transferBlob(desc, recompress) {
        if (this.#failed)
            throw new errors/* LighterError */.Kt('ERR_CANCELLED', 'copy cancelled after an earlier failure');
        const progress = this.#options.onProgress;
        const what = `blob ${desc.digest} from ${this.#source.name}`;
        if (!recompress) {
            const mountFrom = this.#source.repository;
            const reused = await this.#dest.tryReuseBlob(desc, mountFrom ? { mountFrom } : undefined);
            if (reused) {
                this.#stats.blobsSkipped++;
                this.#stats.bytesSkipped += desc.size;
                progress?.({
                    digest: desc.digest,
                    mediaType: desc.mediaType,
                    size: desc.size,
                    state: 'skipped',
                    bytes: desc.size,
                });
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
            new core_digest/* VerifyingStream */.SC({ digest: desc.digest, size: desc.size, what }),
        ];
        let mediaType = desc.mediaType;
        if (recompress) {
            const from = (0,media_types/* layerCompression */.AH)(desc.mediaType) ?? 'none';
            stages.push(decompressor(from), compressor(recompress.compression));
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

// EXTERNAL MODULE: ./.build/src/core/reference.js
var core_reference = __webpack_require__(8978);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/core/fs/atomic-write.js
var atomic_write = __webpack_require__(4680);
// EXTERNAL MODULE: ./.build/src/core/fs/content-file.js
var content_file = __webpack_require__(8617);
;// CONCATENATED MODULE: ./.build/src/core/transport/dir/destination.js
// Writes an image as a skopeo `dir:` directory, staged beside it and swapped in on commit.








const CAPABILITIES = {
    // dir: stores any manifest as it comes, so copies keep their digests.
    manifestTypes: [
        media_types/* MediaType */.zu.ociManifest,
        media_types/* MediaType */.zu.ociIndex,
        media_types/* MediaType */.zu.dockerManifest,
        media_types/* MediaType */.zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Like skopeo, one image per directory: a previous dir: image there is replaced, anything else
 * refused. Unlike skopeo, the old contents stay until `commit` swaps the staged directory in.
 */
class DirDestination {
    name;
    capabilities = CAPABILITIES;
    #path;
    #staging;
    #manifest = false;
    constructor(name, path, staging) {
        this.name = name;
        this.#path = path;
        this.#staging = staging;
    }
    async tryReuseBlob(descriptor) {
        try {
            const info = await (0,promises_.stat)((0,external_node_path_.join)(this.#staging, blobFileName(descriptor.digest)));
            return info.size === descriptor.size;
        }
        catch {
            return false;
        }
    }
    async putBlob(stream, blob) {
        const { written } = await (0,content_file/* writeContentFile */.F)(stream, {
            tempDir: this.#staging,
            expected: {
                ...(blob.digest ? { digest: blob.digest } : {}),
                ...(blob.size !== undefined ? { size: blob.size } : {}),
                what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
            },
            finalPath: (w) => (0,external_node_path_.join)(this.#staging, blobFileName(w.digest)),
        });
        return written;
    }
    async putManifest(manifest, instance) {
        await (0,content_file/* writeContentFile */.F)(external_node_stream_.Readable.from([Buffer.from(manifest.bytes)]), {
            tempDir: this.#staging,
            expected: {
                digest: manifest.digest,
                size: manifest.bytes.length,
                what: `manifest ${manifest.digest} for ${this.name}`,
            },
            finalPath: () => (0,external_node_path_.join)(this.#staging, manifestFileName(instance)),
        });
        if (instance === undefined)
            this.#manifest = true;
    }
    async commit() {
        if (!this.#manifest) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before putManifest`);
        }
        await (0,atomic_write/* writeFileAtomic */.Zf)((0,external_node_path_.join)(this.#staging, VERSION_FILE), VERSION_TEXT);
        await checkReplaceable(this.#path, this.name);
        const old = `${this.#staging}.old`;
        let moved = false;
        try {
            await (0,promises_.rename)(this.#path, old);
            moved = true;
        }
        catch (err) {
            const code = err.code;
            if (code === 'EBUSY' || code === 'EXDEV' || code === 'EPERM') {
                // A mount point (or a locked dir on Windows) cannot move: refill it in place instead.
                await refillInPlace(this.#path, this.#staging);
                return;
            }
            if (code !== 'ENOENT')
                throw err;
        }
        await (0,promises_.rename)(this.#staging, this.#path);
        await (0,atomic_write/* fsyncDir */.t_)((0,external_node_path_.dirname)(this.#path));
        if (moved)
            await (0,promises_.rm)(old, { recursive: true, force: true });
    }
    async close() {
        await (0,promises_.rm)(this.#staging, { recursive: true, force: true });
    }
}
/** Missing, empty, or a dir: image (its version file says so); anything else is someone's data. */
async function checkReplaceable(path, name) {
    let entries;
    try {
        entries = await (0,promises_.readdir)(path);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT')
            return;
        if (code === 'ENOTDIR') {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${name}: ${path} is a file, not a directory`);
        }
        throw err;
    }
    if (entries.length === 0)
        return;
    const version = await (0,promises_.readFile)((0,external_node_path_.join)(path, VERSION_FILE), 'utf8').catch(() => undefined);
    if (version !== VERSION_TEXT) {
        throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${name}: ${path} is not empty and not a dir: image (no "${VERSION_TEXT.trim()}" version file); refusing to overwrite it`);
    }
}
async function refillInPlace(path, staging) {
    for (const entry of await (0,promises_.readdir)(path))
        await (0,promises_.rm)((0,external_node_path_.join)(path, entry), { recursive: true, force: true });
    for (const entry of await (0,promises_.readdir)(staging))
        await (0,promises_.rename)((0,external_node_path_.join)(staging, entry), (0,external_node_path_.join)(path, entry));
    await (0,atomic_write/* fsyncDir */.t_)(path);
    await (0,promises_.rm)(staging, { recursive: true, force: true });
}
async function openDirDestination(ref, _options = {}) {
    const name = `dir:${ref.path}`;
    // Checked now as well as at commit: refusing early beats copying gigabytes first.
    await checkReplaceable(ref.path, name);
    const parent = (0,external_node_path_.dirname)(ref.path);
    await (0,promises_.mkdir)(parent, { recursive: true });
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `.${(0,external_node_path_.basename)(ref.path)}.staging-`));
    return new DirDestination(name, ref.path, staging);
}

// EXTERNAL MODULE: ./.build/src/core/fs/tree.js
var tree = __webpack_require__(5487);
;// CONCATENATED MODULE: ./.build/src/core/transport/dir/source.js
// Reads an image from a skopeo `dir:` directory.






class DirSource {
    name;
    #tree;
    #top;
    constructor(name, tree) {
        this.name = name;
        this.#tree = tree;
    }
    /**
     * The top-level manifest's digest is computed from its bytes (dir: records none); a child's
     * is the one asked for, so a consumer that verifies catches a file that does not match.
     */
    manifest(instance) {
        if (instance === undefined) {
            this.#top ??= this.#read(undefined);
            return this.#top;
        }
        return this.#read(instance);
    }
    async blob(descriptor) {
        try {
            return await this.#tree.open(blobFileName(descriptor.digest));
        }
        catch (err) {
            throw this.#missing(err, `blob ${descriptor.digest}`);
        }
    }
    async close() { }
    async #read(instance) {
        const file = manifestFileName(instance);
        const size = await this.#tree.size(file);
        if (size !== undefined && size > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
            throw new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `${this.name}: ${file} is ${size} bytes`);
        }
        let bytes;
        try {
            bytes = await this.#tree.readFile(file);
        }
        catch (err) {
            throw this.#missing(err, instance === undefined ? 'manifest.json' : `manifest ${instance}`);
        }
        const data = new Uint8Array(bytes);
        return {
            bytes: data,
            mediaType: (0,core_manifest/* detectManifestMediaType */.Th)(data),
            digest: instance ?? (0,core_digest/* digestOf */.ol)(data),
        };
    }
    #missing(err, what) {
        if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND'))
            return err;
        return new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.name}: ${what} is missing`, { cause: err });
    }
}
async function openDirSource(ref, _options = {}) {
    const name = `dir:${ref.path}`;
    try {
        if (!(await (0,promises_.stat)(ref.path)).isDirectory()) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `opening ${name}: not a directory`);
        }
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `opening ${name}: no such directory`, { cause: err });
        }
        throw err;
    }
    return new DirSource(name, (0,tree/* directoryTree */.uY)(ref.path));
}

;// CONCATENATED MODULE: ./.build/src/core/transport/dir/transport.js
// The `dir:PATH` transport: skopeo's directory format (manifest.json, version, blobs named by hex).




const VERSION_FILE = 'version';
/** Version 1.1 names blobs without the algorithm (`<hex>`); skopeo refuses to overwrite anything else. */
const VERSION_TEXT = 'Directory Transport Version: 1.1\n';
const MANIFEST_FILE = 'manifest.json';
/** `<hex>` for sha256 (what skopeo writes), `<algorithm>-<hex>` for others. */
function blobFileName(digest) {
    const { algorithm, hex } = (0,core_digest/* parseDigest */.m)(digest);
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
            throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', 'invalid image name "dir:": no path');
        }
        return { transport: 'dir', path: rest };
    },
    format: (ref) => ref.path,
    openSource: openDirSource,
    openDestination: openDirDestination,
};

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./.build/src/core/registry/endpoint.js
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
        throw new errors/* InvalidArgumentError */.Di(`invalid registry name "${registry}": expected host[:port]`);
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
    if ((0,external_node_net_.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,external_node_net_.isIP)(host) === 6)
        return host === '::1' || host === '0:0:0:0:0:0:0:1';
    return false;
}

;// CONCATENATED MODULE: ./.build/src/core/registry/credentials.js
// Finds the credentials for a registry the way podman, skopeo and docker do: flags, auth files, helpers.







/** Splits `user:password` at the first colon (passwords may contain colons, users may not). */
function parseCreds(creds) {
    const colon = creds.indexOf(':');
    if (colon <= 0) {
        throw new errors/* InvalidArgumentError */.Di('credentials must be given as user:password');
    }
    return { kind: 'basic', username: creds.slice(0, colon), password: creds.slice(colon + 1) };
}
/** The auth files to read, in order; missing ones are skipped. */
function authFilePaths(env, explicit) {
    const home = env.HOME || (0,external_node_os_.homedir)();
    const paths = [];
    if (explicit)
        paths.push(explicit);
    if (env.REGISTRY_AUTH_FILE)
        paths.push(env.REGISTRY_AUTH_FILE);
    if (env.XDG_RUNTIME_DIR)
        paths.push((0,external_node_path_.join)(env.XDG_RUNTIME_DIR, 'containers', 'auth.json'));
    paths.push((0,external_node_path_.join)(env.XDG_CONFIG_HOME || (0,external_node_path_.join)(home, '.config'), 'containers', 'auth.json'));
    paths.push((0,external_node_path_.join)(env.DOCKER_CONFIG || (0,external_node_path_.join)(home, '.docker'), 'config.json'));
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
    k = canonicalRegistry(host) + path;
    return k;
}
/** Keys to try for a registry and repository, most specific first (`r/a/b`, `r/a`, `r`). */
function candidateKeys(registry, repository) {
    const host = canonicalRegistry(registry);
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
            throw new errors/* LighterError */.Kt('ERR_INPUT', `reading ${source}: an "auth" entry is not user:password`);
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
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (!explicit && (code === 'ENOENT' || code === 'ENOTDIR'))
            return undefined;
        throw new errors/* LighterError */.Kt('ERR_INPUT', `reading auth file ${path}: ${err.message}`, {
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
        throw new errors/* LighterError */.Kt('ERR_INPUT', `reading auth file ${path}: ${err.message}`);
    }
}
/** The server URL a credential helper is asked about (docker's convention for Hub). */
function helperServerUrl(registry) {
    return canonicalRegistry(registry) === DOCKER_HUB ? DOCKER_HUB_LEGACY_KEY : registry;
}
/**
 * Runs `docker-credential-NAME get` with the server URL on stdin. Returns undefined when the
 * helper has nothing for that server; throws ERR_INPUT when it cannot run or fails otherwise.
 */
async function runCredentialHelper(name, registry, env) {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `invalid credential helper name "${name}"`);
    }
    const program = `docker-credential-${name}`;
    const serverUrl = helperServerUrl(registry);
    const { code, stdout, stderr } = await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(program, ['get'], {
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
        throw new errors/* LighterError */.Kt('ERR_INPUT', `running ${program} for ${registry}: ${err.message}`, { cause: err });
    });
    if (code !== 0) {
        // The helper protocol reports a miss as a failure with this text on stdout.
        if (/credentials not found/i.test(stdout + stderr))
            return undefined;
        const said = (stderr || stdout).trim().split('\n')[0] ?? '';
        throw new errors/* LighterError */.Kt('ERR_INPUT', `running ${program} for ${registry}: exit status ${code}${said ? `: ${said}` : ''}`);
    }
    let reply;
    try {
        reply = JSON.parse(stdout);
    }
    catch {
        throw new errors/* LighterError */.Kt('ERR_INPUT', `running ${program} for ${registry}: output is not JSON`);
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
    const logger = options.logger ?? log/* silentLogger */.qq;
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
        const host = canonicalRegistry(registry);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
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
    const plain = (0,undici/* buildConnector */.gU)({ timeout });
    let secure;
    const connect = (opts, callback) => {
        if (opts.protocol !== 'https:')
            return plain(opts, callback);
        secure ??= (0,undici/* buildConnector */.gU)({
            timeout,
            rejectUnauthorized: verify,
            ...(verify ? { ca: [...systemRoots(), ...extra] } : {}),
        });
        return secure(opts, callback);
    };
    return new undici/* Agent */.g6({
        connections: options.connections ?? 8,
        headersTimeout: options.headersTimeoutMs ?? 300_000,
        bodyTimeout: options.bodyTimeoutMs ?? 300_000,
        connect,
    });
}

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
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./.build/src/core/registry/retry.js
// When and how long to wait before trying a registry request again.

const DEFAULT_RETRY = {
    retries: 3,
    baseDelayMs: 250,
    maxDelayMs: 30_000,
    sleep: (ms) => (0,external_node_timers_promises_.setTimeout)(ms),
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
        const host = apiHost(registry);
        const allowHttp = !tlsVerify || isLoopback(registry);
        // On loopback, plain http is asked first: no TLS setup at all for the usual CI registry on
        // localhost, and loopback traffic never crosses a network. A TLS server answers a plain
        // request with 400 (or drops it), and then https is used as below.
        if (isLoopback(registry)) {
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
            if (mayRetry && isRetryableStatus(status) && attempt < retry.retries) {
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
        checkRegistryName(registry);
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
                    found = resolveCredentials(registry, {
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
            const mediaType = (0,core_manifest/* mediaTypeFromContentType */.u_)(headerValue(res.headers, 'content-type')) ??
                (0,core_manifest/* detectManifestMediaType */.Th)(bytes);
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
            const mediaType = (0,core_manifest/* mediaTypeFromContentType */.u_)(headerValue(res.headers, 'content-type'));
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
            if (raw.bytes.length > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
                throw new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `manifest is ${raw.bytes.length} bytes; the limit is ${core_manifest/* MAX_MANIFEST_SIZE */.L7}`);
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
    const tooBig = (size) => new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `manifest is ${size} bytes; the limit is ${core_manifest/* MAX_MANIFEST_SIZE */.L7}`, { details: { limit: core_manifest/* MAX_MANIFEST_SIZE */.L7 } });
    if (contentLength && Number(contentLength) > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
        discard(body);
        throw tooBig(contentLength);
    }
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
            discard(body);
            throw tooBig(`more than ${core_manifest/* MAX_MANIFEST_SIZE */.L7}`);
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

;// CONCATENATED MODULE: ./.build/src/core/transport/docker/destination.js
// Writes an image or index to a registry: the ImageDestination side of the docker transport.







const destination_CAPABILITIES = {
    manifestTypes: [
        media_types/* MediaType */.zu.ociManifest,
        media_types/* MediaType */.zu.dockerManifest,
        media_types/* MediaType */.zu.ociIndex,
        media_types/* MediaType */.zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: true,
    prefersCompressedLayers: true,
};
/**
 * A registry repository being pushed to. A registry has no transaction: the tag is the commit
 * point, so `putManifest` without `instance` (the top-level manifest, pushed by tag) must come
 * last, after every blob and child manifest; `commit` then has nothing left to do. Children of
 * an index are pushed by digest, which makes them reachable but names nothing.
 */
class DockerImageDestination {
    name;
    capabilities = destination_CAPABILITIES;
    #client;
    #ref;
    #logger;
    constructor(ref, client, logger = log/* silentLogger */.qq) {
        this.#ref = ref;
        this.#client = client;
        this.#logger = logger;
        this.name = `docker:${formatDockerReference(ref)}`;
    }
    /** One HEAD: the digest under this tag (or the digest itself, when the name pins one). */
    async existingManifest() {
        const { repository, tag, digest } = this.#ref;
        const info = await this.#client.manifestInfo(repository, digest ?? tag ?? 'latest');
        return info?.digest;
    }
    /** HEAD first; else a cross-repository mount when `mountFrom` is on this registry. */
    async tryReuseBlob(descriptor, options = {}) {
        const repo = this.#ref.repository;
        if (await this.#client.blobExists(repo, descriptor.digest))
            return true;
        if (!options.mountFrom)
            return false;
        let from;
        try {
            from = (0,core_reference/* parseRepository */.SU)(options.mountFrom);
        }
        catch {
            return false;
        }
        if (canonicalRegistry(from.registry) !== canonicalRegistry(this.#ref.registry))
            return false;
        if (from.repository === repo)
            return false;
        const mounted = await this.#client.mountBlob(repo, descriptor.digest, from.repository);
        if (mounted)
            this.#logger.debug(`${descriptor.digest}: mounted from ${options.mountFrom}`);
        return mounted;
    }
    putBlob(stream, blob) {
        return this.#client.putBlob(this.#ref.repository, stream, {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined && blob.size >= 0 ? { size: blob.size } : {}),
        });
    }
    async putManifest(manifest, instance) {
        const repo = this.#ref.repository;
        if (instance !== undefined) {
            if (instance !== manifest.digest) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `pushing manifest to ${this.name}: instance ${instance} does not match its bytes (${manifest.digest})`);
            }
            await this.#client.putManifest(repo, instance, manifest);
            return;
        }
        const { tag, digest } = this.#ref;
        if (digest !== undefined && digest !== manifest.digest) {
            throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `pushing manifest to ${this.name}: the image's digest is ${manifest.digest}, not the ${digest} the name requires`);
        }
        await this.#client.putManifest(repo, tag ?? manifest.digest, manifest);
    }
    /** Nothing to do: pushing the top-level manifest by tag was the commit. */
    async commit() { }
    close() {
        return this.#client.close();
    }
}
async function openDockerDestination(ref, options = {}) {
    const client = new RegistryClient(ref.registry, {
        ...(options.registry ? { access: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return new DockerImageDestination(ref, client, options.logger);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker/source.js
// Reads an image or index from a registry: the ImageSource side of the docker transport.



/**
 * A registry image. The top-level manifest is fetched by digest when the reference has one
 * (so it is verified), else by tag, and cached; children of an index are fetched by digest.
 */
class DockerImageSource {
    name;
    /** `registry/repository`, so a destination on the same registry can mount blobs from it. */
    repository;
    #client;
    #ref;
    #top;
    constructor(ref, client) {
        this.#ref = ref;
        this.#client = client;
        this.name = `docker:${formatDockerReference(ref)}`;
        this.repository = (0,core_reference/* repositoryName */.aR)(ref);
    }
    manifest(instance) {
        const repo = this.#ref.repository;
        if (instance !== undefined)
            return this.#client.manifest(repo, instance);
        if (!this.#top) {
            const top = this.#client.manifest(repo, this.#ref.digest ?? this.#ref.tag ?? 'latest');
            this.#top = top;
            // A failure is not remembered: asking again asks the registry again.
            top.catch(() => {
                if (this.#top === top)
                    this.#top = undefined;
            });
        }
        return this.#top;
    }
    blob(descriptor) {
        return this.#client.blob(this.#ref.repository, descriptor);
    }
    close() {
        return this.#client.close();
    }
}
async function openDockerSource(ref, options = {}) {
    const client = new RegistryClient(ref.registry, {
        ...(options.registry ? { access: options.registry } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return new DockerImageSource(ref, client);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker/transport.js
// The `docker://REGISTRY/REPO[:TAG][@DIGEST]` transport: images in a registry, through RegistryClient.




/** Parses `//registry/repo:tag` as skopeo does: no tag and no digest means `latest`. */
function parseDockerReference(rest) {
    if (!rest.startsWith('//')) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": expected docker://registry/repository[:tag][@digest]`);
    }
    try {
        return { transport: 'docker', ...(0,core_reference/* parseReference */.F2)(rest.slice(2)) };
    }
    catch (err) {
        if (err instanceof errors/* LighterError */.Kt) {
            throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${err.message}`, {
                cause: err,
            });
        }
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker:${rest}": ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
function formatDockerReference(ref) {
    return `//${(0,core_reference/* formatReference */.FH)(ref)}`;
}
const dockerTransport = {
    name: 'docker',
    parse: parseDockerReference,
    format: formatDockerReference,
    openSource: openDockerSource,
    openDestination: openDockerDestination,
};

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
;// CONCATENATED MODULE: ./.build/src/core/fs/tar-pack.js
// Writes a tar archive from a list of members, atomically and reproducibly (fixed owners and times).






// Reproducible archives: the same image always packs to the same bytes.
const EPOCH = new Date(0);
const OWNER = { uid: 0, gid: 0, uname: '', gname: '' };
/** Packs `members` in order into `file` through a temp file beside it, renamed into place when complete. */
async function packTar(file, members) {
    const temp = (0,atomic_write/* tempPathFor */.FD)(file);
    const pack = (0,tar_stream.pack)();
    // tar-stream's streams are streamx ones; Readable.from adapts them to node's pipeline.
    const writing = (0,external_node_stream_promises_.pipeline)(external_node_stream_.Readable.from(pack), (0,external_node_fs_.createWriteStream)(temp, { flags: 'wx', flush: true }));
    try {
        await Promise.all([writing, addMembers(pack, members)]);
        await (0,atomic_write/* renameDurable */.yz)(temp, file);
    }
    catch (err) {
        pack.destroy();
        await writing.catch(() => { });
        await (0,promises_.rm)(temp, { force: true });
        throw err;
    }
}
async function addMembers(pack, members) {
    for (const m of members) {
        const base = { name: m.name, mtime: EPOCH, ...OWNER };
        if (m.type === 'directory') {
            await entry(pack, {
                ...base,
                name: m.name.endsWith('/') ? m.name : `${m.name}/`,
                type: 'directory',
                mode: 0o755,
            });
        }
        else if (m.type === 'symlink') {
            await entry(pack, { ...base, type: 'symlink', linkname: m.target, mode: 0o777 });
        }
        else if ('data' in m) {
            const data = typeof m.data === 'string' ? Buffer.from(m.data) : Buffer.from(m.data);
            await entry(pack, { ...base, type: 'file', mode: 0o644, size: data.length }, data);
        }
        else {
            const { size } = await (0,promises_.stat)(m.path);
            await entryFromFile(pack, { ...base, type: 'file', mode: 0o644, size }, m.path);
        }
    }
    pack.finalize();
}
function entry(pack, header, data) {
    return new Promise((resolve, reject) => {
        const cb = (err) => (err ? reject(err) : resolve());
        if (data)
            pack.entry(header, data, cb);
        else
            pack.entry(header, cb);
    });
}
async function entryFromFile(pack, header, path) {
    await new Promise((resolve, reject) => {
        const sink = pack.entry(header, (err) => (err ? reject(err) : resolve()));
        const source = (0,external_node_fs_.createReadStream)(path);
        source.once('error', (err) => {
            sink.destroy(err);
            reject(err);
        });
        source.pipe(sink);
    });
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/archive-manifest.js
// manifest.json of a docker archive: one entry per image, naming its config, tags and layer files.

const ARCHIVE_MANIFEST = 'manifest.json';
const REPOSITORIES = 'repositories';
/** Docker has no media type for an uncompressed v2s2 layer; this is the one skopeo and docker use. */
const DOCKER_LAYER_TAR = 'application/vnd.docker.image.rootfs.diff.tar';
function parseArchiveManifest(bytes, where) {
    const bad = (why) => new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `reading ${where}/${ARCHIVE_MANIFEST}: ${why}`);
    let value;
    try {
        value = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch (err) {
        throw bad(`not valid JSON (${err.message})`);
    }
    if (!Array.isArray(value))
        throw bad('not a JSON array');
    value.forEach((entry, i) => {
        if (typeof entry !== 'object' || entry === null)
            throw bad(`[${i}] is not an object`);
        const e = entry;
        if (typeof e.Config !== 'string' || e.Config === '')
            throw bad(`[${i}].Config is not a file name`);
        if (!Array.isArray(e.Layers) || e.Layers.some((l) => typeof l !== 'string')) {
            throw bad(`[${i}].Layers is not a list of file names`);
        }
        const tags = e.RepoTags;
        if (tags !== undefined &&
            tags !== null &&
            (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))) {
            throw bad(`[${i}].RepoTags is not a list of names`);
        }
    });
    return value;
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/decompress.js
// A transform that decompresses gzip or zstd input and passes anything else through, judged by its magic bytes.


const MAGIC_LENGTH = 4;
/**
 * Docker archives hold layers as plain tars whatever the manifest called them, so the bytes,
 * not the media type, decide: a layer labelled gzip that is not is still stored correctly.
 */
class AutoDecompress extends external_node_stream_.Transform {
    #head = [];
    #headLength = 0;
    #inner;
    #decided = false;
    _transform(chunk, _enc, done) {
        if (this.#decided) {
            this.#forward(chunk, done);
            return;
        }
        this.#head.push(chunk);
        this.#headLength += chunk.length;
        if (this.#headLength < MAGIC_LENGTH) {
            done();
            return;
        }
        this.#decide();
        this.#forward(Buffer.concat(this.#head), done);
        this.#head = [];
    }
    _flush(done) {
        if (!this.#decided) {
            this.#decide();
            const rest = Buffer.concat(this.#head);
            if (rest.length > 0)
                this.#forward(rest, () => { });
        }
        const inner = this.#inner;
        if (!inner) {
            done();
            return;
        }
        inner.once('end', () => done());
        inner.end();
    }
    #decide() {
        this.#decided = true;
        const head = Buffer.concat(this.#head);
        if (head[0] === 0x1f && head[1] === 0x8b)
            this.#inner = (0,external_node_zlib_.createGunzip)();
        else if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) {
            this.#inner = (0,external_node_zlib_.createZstdDecompress)();
        }
        const inner = this.#inner;
        if (inner) {
            inner.on('data', (data) => this.push(data));
            inner.once('error', (err) => this.destroy(err));
        }
    }
    #forward(chunk, done) {
        if (!this.#inner) {
            done(null, chunk);
            return;
        }
        // The write callback fires once the decompressor has taken the chunk: that is our backpressure.
        this.#inner.write(chunk, (err) => done(err ?? null));
    }
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/destination.js
// Writes one image as a docker archive (`docker load` format): plain layer tars, config, manifest.json, repositories.












const docker_archive_destination_CAPABILITIES = {
    // The archive keeps no manifest (it is rebuilt on load), so either format describes the image.
    manifestTypes: [media_types/* MediaType */.zu.dockerManifest, media_types/* MediaType */.zu.ociManifest],
    acceptsIndex: false,
    canMount: false,
    prefersCompressedLayers: false,
};
/**
 * Blobs are staged in a directory beside FILE (layers decompressed on the way in); putManifest
 * checks every layer's uncompressed digest against the config's diff_ids; commit packs the
 * archive into a temp file renamed over FILE. Nothing appears at FILE before commit.
 */
class DockerArchiveDestination {
    name;
    capabilities = docker_archive_destination_CAPABILITIES;
    #file;
    #staging;
    #reference;
    /** By the digest the caller gave (or computed from its bytes) and by the digest written. */
    #blobs = new Map();
    #image;
    constructor(name, file, staging, reference) {
        this.name = name;
        this.#file = file;
        this.#staging = staging;
        this.#reference = reference;
    }
    async tryReuseBlob(descriptor) {
        return this.#blobs.has(descriptor.digest);
    }
    async putBlob(stream, blob) {
        const layer = (0,media_types/* layerCompression */.AH)(blob.mediaType) !== undefined;
        const writing = (0,content_file/* writeContentFile */.F)(stream, {
            tempDir: this.#staging,
            expected: {
                ...(blob.digest ? { digest: blob.digest } : {}),
                ...(blob.size !== undefined ? { size: blob.size } : {}),
                what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
            },
            ...(layer ? { decode: new AutoDecompress() } : {}),
            finalPath: (w) => (0,external_node_path_.join)(this.#staging, `${(0,core_digest/* digestHex */.sU)(w.digest)}.${layer ? 'tar' : 'json'}`),
        });
        const result = await writing.catch((err) => {
            // zlib's errors (Z_DATA_ERROR...) mean the layer is not the gzip/zstd stream it looks like.
            if (typeof err?.code === 'string' && err.code.startsWith('Z_')) {
                throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${this.name}: decompressing layer ${blob.digest ?? ''}: ${err.message}`, { cause: err });
            }
            throw err;
        });
        const staged = { file: result.path, written: result.written.digest, layer };
        this.#blobs.set(result.input.digest, staged);
        this.#blobs.set(result.written.digest, staged);
        return result.written;
    }
    async putManifest(manifest, instance) {
        const parsed = (0,core_manifest/* parseManifest */.Ng)(manifest.bytes, manifest.mediaType);
        if (instance !== undefined || parsed.kind !== 'image') {
            throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${this.name}: a docker archive holds one image, not an index; choose a platform`);
        }
        const { config, layers } = parsed.manifest;
        const stagedConfig = this.#staged(config, 'config');
        const configBytes = await (0,promises_.readFile)(stagedConfig.file);
        const diffIds = (0,core_manifest/* parseImageConfig */.FB)(configBytes).rootfs.diff_ids;
        if (diffIds.length !== layers.length) {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${this.name}: the manifest has ${layers.length} layers but the config ${diffIds.length} diff_ids`);
        }
        const stagedLayers = layers.map((layer, i) => {
            const staged = this.#staged(layer, `layer ${i}`);
            if (staged.written !== diffIds[i]) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${this.name}: layer ${i} (${layer.digest}) uncompresses to ${staged.written}, but the config's diff_id is ${diffIds[i]}`, { details: { expected: diffIds[i], actual: staged.written } });
            }
            return staged;
        });
        this.#image = { config: stagedConfig, configBytes, layers: stagedLayers };
    }
    async commit() {
        const image = this.#image;
        if (!image) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before putManifest`);
        }
        await (0,errors/* contextual */.iF)(`writing ${this.name}`, () => packTar(this.#file, archiveMembers(image, this.#reference)), 'ERR_STORE');
    }
    async close() {
        await (0,promises_.rm)(this.#staging, { recursive: true, force: true });
    }
    #staged(descriptor, what) {
        const staged = this.#blobs.get(descriptor.digest);
        if (!staged) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: ${what} ${descriptor.digest} was not put before putManifest`);
        }
        return staged;
    }
}
/**
 * manifest.json and repositories first (a streaming reader finds them early), then the config
 * and the layers, then the legacy per-layer directories that docker before 1.10 loads by.
 */
function archiveMembers(image, reference) {
    const configName = (0,external_node_path_.basename)(image.config.file);
    const layerNames = image.layers.map((l) => (0,external_node_path_.basename)(l.file));
    // Full names, as skopeo writes them: docker load shortens them itself, while podman load
    // would file a short `busybox:1` under localhost/.
    const repoTags = reference ? [(0,core_reference/* formatReference */.FH)(reference)] : [];
    const entry = { Config: configName, RepoTags: repoTags, Layers: layerNames };
    const legacy = legacyLayers(image);
    const members = [
        { name: ARCHIVE_MANIFEST, type: 'file', data: JSON.stringify([entry]) },
    ];
    const top = legacy.at(-1);
    if (reference?.tag && top) {
        const repository = (0,core_reference/* repositoryName */.aR)(reference);
        members.push({
            name: REPOSITORIES,
            type: 'file',
            data: JSON.stringify({ [repository]: { [reference.tag]: top.id } }),
        });
    }
    members.push({ name: configName, type: 'file', path: image.config.file });
    const seen = new Set();
    for (const layer of image.layers) {
        const name = (0,external_node_path_.basename)(layer.file);
        if (seen.has(name))
            continue;
        seen.add(name);
        members.push({ name, type: 'file', path: layer.file });
    }
    for (const { id, json, layerFile } of legacy) {
        members.push({ name: id, type: 'directory' }, { name: `${id}/VERSION`, type: 'file', data: '1.0' }, { name: `${id}/json`, type: 'file', data: json }, { name: `${id}/layer.tar`, type: 'symlink', target: `../${layerFile}` });
    }
    return members;
}
/**
 * Legacy layer IDs are chain IDs (unique even when one layer repeats); docker allocates its own
 * on load, so they only need to be unique and free of loops. The top one carries the config's
 * runtime fields, as the legacy format expects.
 */
function legacyLayers(image) {
    const config = JSON.parse(Buffer.from(image.configBytes).toString('utf8'));
    const out = [];
    let chain;
    let parent;
    image.layers.forEach((layer, i) => {
        chain = chain === undefined ? layer.written : (0,core_digest/* digestOf */.ol)(`${chain} ${layer.written}`);
        const id = (0,core_digest/* digestHex */.sU)(chain);
        const json = { id };
        if (parent)
            json.parent = parent;
        if (i === image.layers.length - 1) {
            for (const key of [
                'architecture',
                'config',
                'container',
                'container_config',
                'created',
                'docker_version',
                'os',
            ]) {
                if (config[key] !== undefined)
                    json[key] = config[key];
            }
        }
        out.push({ id, json: JSON.stringify(json), layerFile: (0,external_node_path_.basename)(layer.file) });
        parent = id;
    });
    return out;
}
async function openDockerArchiveDestination(ref, _options = {}) {
    const name = `docker-archive:${dockerArchiveTransport.format(ref)}`;
    if (ref.index !== undefined) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `${name}: @N picks an image to read; to write, give a tag or nothing`);
    }
    const parent = (0,external_node_path_.dirname)(ref.path);
    await (0,errors/* contextual */.iF)(`opening ${name}`, () => (0,promises_.mkdir)(parent, { recursive: true }), 'ERR_STORE');
    // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `.${(0,external_node_path_.basename)(ref.path)}.staging-`));
    return new DockerArchiveDestination(name, ref.path, staging, ref.reference);
}

;// CONCATENATED MODULE: ./.build/src/core/fs/tar-tree.js
// Reads a tar archive in place: one pass over the headers, then each member streams from its offset.









const BLOCK = 512;
const MAX_LINK_HOPS = 16;
/**
 * Opens a tar file (plain, or gzip/zstd compressed: those are first decompressed to a temp
 * file, since members are read at random). Close it to drop that temp file.
 */
async function tarTree(file, options = {}) {
    const magic = await readMagic(file);
    let tarFile = file;
    let tempDir;
    const compression = magic === undefined ? undefined : detectCompression(magic);
    if (compression) {
        tempDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir ?? (0,external_node_os_.tmpdir)(), 'lighter-tar-'));
        tarFile = (0,external_node_path_.join)(tempDir, 'archive.tar');
        try {
            await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), compression === 'gzip' ? (0,external_node_zlib_.createGunzip)() : (0,external_node_zlib_.createZstdDecompress)(), (0,external_node_fs_.createWriteStream)(tarFile));
        }
        catch (err) {
            await (0,promises_.rm)(tempDir, { recursive: true, force: true });
            throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `decompressing ${file}: ${err.message}`, {
                cause: err,
            });
        }
    }
    let entries;
    try {
        entries = await indexTar(tarFile, file);
    }
    catch (err) {
        if (tempDir)
            await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        throw err;
    }
    const resolve = (path) => {
        let name = (0,tree/* cleanTreePath */.Dj)(path, file);
        for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
            const entry = entries.get(name);
            if (!entry)
                return undefined;
            if (entry.type === 'symlink') {
                if (entry.linkname.startsWith('/')) {
                    throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${file}: ${name} links outside the archive (${entry.linkname})`);
                }
                name = (0,tree/* cleanTreePath */.Dj)(external_node_path_.posix.join(external_node_path_.posix.dirname(name), entry.linkname), file);
            }
            else if (entry.type === 'link') {
                name = (0,tree/* cleanTreePath */.Dj)(entry.linkname, file);
            }
            else {
                return entry.type === 'file' ? entry : undefined;
            }
        }
        throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${file}: too many links resolving ${path}`);
    };
    const member = (path) => {
        const entry = resolve(path);
        if (!entry)
            throw (0,tree/* notFound */.mX)(file, path);
        return entry;
    };
    const read = async (entry, length) => {
        const handle = await (0,promises_.open)(tarFile, 'r');
        try {
            const buffer = Buffer.alloc(length);
            await readFully(handle, buffer, entry.offset, file);
            return buffer;
        }
        finally {
            await handle.close();
        }
    };
    return {
        location: file,
        names: [...entries.keys()],
        async readFile(path) {
            const entry = member(path);
            return read(entry, entry.size);
        },
        async head(path, length) {
            const entry = member(path);
            return read(entry, Math.min(length, entry.size));
        },
        async open(path) {
            const entry = member(path);
            if (entry.size === 0)
                return external_node_stream_.Readable.from([]);
            return (0,external_node_fs_.createReadStream)(tarFile, { start: entry.offset, end: entry.offset + entry.size - 1 });
        },
        async size(path) {
            return resolve(path)?.size;
        },
        async close() {
            if (tempDir)
                await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        },
    };
}
async function readMagic(file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
    }
    catch (err) {
        if (err.code === 'ENOENT') {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${file}: no such file`, { cause: err });
        }
        throw err;
    }
    try {
        const buffer = Buffer.alloc(4);
        const { bytesRead } = await handle.read(buffer, 0, 4, 0);
        return bytesRead === 4 ? buffer : undefined;
    }
    finally {
        await handle.close();
    }
}
function detectCompression(magic) {
    if (magic[0] === 0x1f && magic[1] === 0x8b)
        return 'gzip';
    if (magic.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    return undefined;
}
async function readFully(handle, buffer, position, file) {
    let done = 0;
    while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
        if (bytesRead === 0) {
            throw new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `${file}: truncated tar archive`);
        }
        done += bytesRead;
    }
}
/** One pass over the headers: pax and GNU long names applied, later members replacing earlier ones. */
async function indexTar(tarFile, location) {
    const entries = new Map();
    const handle = await (0,promises_.open)(tarFile, 'r');
    try {
        const total = (await handle.stat()).size;
        const header = Buffer.alloc(BLOCK);
        let pos = 0;
        let pax = {};
        let longName;
        let longLink;
        for (;;) {
            if (pos + BLOCK > total) {
                // A missing end-of-archive marker is tolerated (GNU tar does); a torn header is not.
                if (pos === total)
                    break;
                throw malformed(location, pos, 'truncated header');
            }
            await readFully(handle, header, pos, location);
            if (header.every((b) => b === 0))
                break;
            checkChecksum(header, location, pos);
            const typeflag = String.fromCharCode(header[156] ?? 0);
            const size = pax.size !== undefined ? Number(pax.size) : parseNumber(header, 124, 12, location, pos);
            const dataStart = pos + BLOCK;
            if (!Number.isSafeInteger(size) || size < 0 || dataStart + size > total) {
                throw malformed(location, pos, `member data runs past the end of the file (${size} bytes)`);
            }
            pos = dataStart + Math.ceil(size / BLOCK) * BLOCK;
            if (typeflag === 'x' || typeflag === 'g' || typeflag === 'L' || typeflag === 'K') {
                const data = Buffer.alloc(size);
                await readFully(handle, data, dataStart, location);
                if (typeflag === 'x')
                    pax = { ...pax, ...parsePax(data, location, dataStart) };
                else if (typeflag === 'L')
                    longName = cString(data, 0, data.length);
                else if (typeflag === 'K')
                    longLink = cString(data, 0, data.length);
                // 'g' (global pax) only carries defaults we do not use (mtime, uid...).
                continue;
            }
            // Only POSIX ustar ("ustar\0") has a name prefix; GNU tar keeps other fields there.
            const posix = header.toString('latin1', 257, 262) === 'ustar' && header[262] === 0;
            const prefix = posix ? cString(header, 345, 155) : '';
            const rawName = pax.path ??
                longName ??
                (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
            const linkname = pax.linkpath ?? longLink ?? cString(header, 157, 100);
            pax = {};
            longName = undefined;
            longLink = undefined;
            const type = entryType(typeflag);
            let name;
            try {
                name = (0,tree/* cleanTreePath */.Dj)(rawName, location);
            }
            catch (err) {
                // The archive root itself ("./") names nothing we could read.
                if (rawName.replaceAll('/', '').replaceAll('.', '') === '')
                    continue;
                throw err;
            }
            entries.delete(name); // so `names` keeps archive order of the last occurrence
            entries.set(name, { type, offset: dataStart, size: type === 'file' ? size : 0, linkname });
        }
    }
    finally {
        await handle.close();
    }
    return entries;
}
function entryType(flag) {
    switch (flag) {
        case '0':
        case '\0':
        case '7':
            return 'file';
        case '1':
            return 'link';
        case '2':
            return 'symlink';
        case '5':
            return 'directory';
        default:
            return 'other';
    }
}
function cString(buffer, start, length) {
    const end = buffer.indexOf(0, start);
    const stop = end === -1 || end > start + length ? start + length : end;
    return buffer.toString('utf8', start, stop);
}
function parseNumber(header, start, length, file, pos) {
    const first = header[start] ?? 0;
    if (first & 0x80) {
        // GNU base-256: big-endian two's complement in the remaining bits.
        let value = first & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + (header[i] ?? 0);
        return value;
    }
    const text = cString(header, start, length).trim();
    if (text === '')
        return 0;
    if (!/^[0-7]+$/.test(text))
        throw malformed(file, pos, `bad numeric field "${text}"`);
    return Number.parseInt(text, 8);
}
function checkChecksum(header, file, pos) {
    const field = cString(header, 148, 8).trim();
    const want = /^[0-7]+$/.test(field) ? Number.parseInt(field, 8) : Number.NaN;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    if (sum !== want)
        throw malformed(file, pos, 'header checksum mismatch');
}
function parsePax(data, file, pos) {
    const out = {};
    let i = 0;
    while (i < data.length) {
        const space = data.indexOf(0x20, i);
        if (space === -1)
            break;
        const length = Number.parseInt(data.toString('latin1', i, space), 10);
        if (!Number.isSafeInteger(length) || length <= 0 || i + length > data.length) {
            throw malformed(file, pos, 'bad pax record');
        }
        const record = data.toString('utf8', space + 1, i + length - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        i += length;
    }
    return out;
}
function malformed(file, pos, why) {
    return new errors/* LighterError */.Kt('ERR_UNSAFE_ARCHIVE', `reading ${file}: not a valid tar archive: ${why} at offset ${pos}`);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/source.js
// Reads an image from a docker archive, presenting it as a Docker v2s2 manifest over the archive's own files.










/**
 * The manifest is synthesized when the source opens: config as stored, and each layer file as
 * stored — a plain tar (digest = its diff_id, which the consumer verifies) or, when the archive
 * holds it gzipped, the compressed bytes under their own digest, hashed here once.
 */
class DockerArchiveSource {
    name;
    #tree;
    #manifest;
    /** Blob digest → member path. */
    #files;
    constructor(name, tree, manifest, files) {
        this.name = name;
        this.#tree = tree;
        this.#manifest = manifest;
        this.#files = files;
    }
    static async open(ref) {
        const name = `docker-archive:${dockerArchiveTransport.format(ref)}`;
        const tree = await tarTree(ref.path);
        try {
            const images = parseArchiveManifest(await tree.readFile(ARCHIVE_MANIFEST), tree.location);
            const image = selectImage(images, ref, `docker-archive:${ref.path}`);
            const { manifest, files } = await synthesize(tree, image, name);
            return new DockerArchiveSource(name, tree, manifest, files);
        }
        catch (err) {
            await tree.close();
            throw err;
        }
    }
    async manifest(instance) {
        if (instance !== undefined && instance !== this.#manifest.digest) {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.name}: holds one image, not an index with ${instance}`);
        }
        return this.#manifest;
    }
    async blob(descriptor) {
        const path = this.#files.get(descriptor.digest);
        if (path === undefined) {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.name}: no blob ${descriptor.digest}`, {
                details: { digest: descriptor.digest },
            });
        }
        return this.#tree.open(path);
    }
    close() {
        return this.#tree.close();
    }
}
function openDockerArchiveSource(ref, _options = {}) {
    return DockerArchiveSource.open(ref);
}
function selectImage(images, ref, where) {
    const tags = () => {
        const all = images.flatMap((img, i) => (img.RepoTags?.length ? img.RepoTags : [`@${i}`]));
        return all.length > 0 ? all.join(', ') : 'nothing';
    };
    if (ref.index !== undefined) {
        const image = images[ref.index];
        if (image)
            return image;
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${where}: no image @${ref.index} (the archive holds ${images.length})`);
    }
    if (ref.reference) {
        const want = (0,core_reference/* formatReference */.FH)(ref.reference);
        const image = images.find((img) => (img.RepoTags ?? []).some((tag) => sameReference(tag, want)));
        if (image)
            return image;
        throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${where}: no image tagged ${want} (the archive has ${tags()})`);
    }
    const only = images[0];
    if (images.length === 1 && only)
        return only;
    throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', images.length === 0
        ? `${where}: the archive holds no images`
        : `${where}: the archive holds ${images.length} images (${tags()}); pick one as ${where}:NAME:TAG or ${where}:@N`);
}
function sameReference(tag, want) {
    try {
        return (0,core_reference/* formatReference */.FH)((0,core_reference/* parseReference */.F2)(tag)) === want;
    }
    catch {
        return false;
    }
}
async function synthesize(tree, image, name) {
    const files = new Map();
    const configBytes = await tree.readFile(image.Config);
    const config = (0,core_manifest/* parseImageConfig */.FB)(configBytes);
    const diffIds = config.rootfs.diff_ids;
    if (diffIds.length !== image.Layers.length) {
        throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${name}: ${image.Layers.length} layer files but ${diffIds.length} diff_ids in the config`);
    }
    const configDescriptor = {
        mediaType: media_types/* MediaType */.zu.dockerConfig,
        size: configBytes.length,
        digest: (0,core_digest/* digestOf */.ol)(configBytes),
    };
    files.set(configDescriptor.digest, image.Config);
    const layers = [];
    for (const [i, path] of image.Layers.entries()) {
        const size = await tree.size(path);
        if (size === undefined) {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${name}: layer file ${path} is missing from the archive`);
        }
        const head = await tree.head(path, 4);
        let layer;
        if (head[0] === 0x1f && head[1] === 0x8b) {
            const hashing = new core_digest/* DigestingStream */.Xi();
            await (0,external_node_stream_promises_.pipeline)(await tree.open(path), hashing, new external_node_stream_.Writable({ write: (_c, _e, cb) => cb() }));
            layer = { mediaType: media_types/* MediaType */.zu.dockerLayerGzip, size, digest: hashing.digest };
        }
        else if (head.length === 4 && head.readUInt32LE(0) === 0xfd2fb528) {
            throw new errors/* LighterError */.Kt('ERR_UNSUPPORTED', `${name}: layer ${path} is zstd-compressed, which a Docker v2s2 manifest cannot describe`);
        }
        else {
            // A plain tar: its digest is its diff_id (checked by whoever reads it).
            layer = { mediaType: DOCKER_LAYER_TAR, size, digest: diffIds[i] };
        }
        layers.push(layer);
        files.set(layer.digest, path);
    }
    const manifest = {
        schemaVersion: 2,
        mediaType: media_types/* MediaType */.zu.dockerManifest,
        config: configDescriptor,
        layers,
    };
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    return {
        manifest: { bytes, mediaType: media_types/* MediaType */.zu.dockerManifest, digest: (0,core_digest/* digestOf */.ol)(bytes) },
        files,
    };
}

;// CONCATENATED MODULE: ./.build/src/core/transport/docker-archive/transport.js
// The `docker-archive:FILE[:REF|:@N]` transport: the tar that `docker save` writes and `docker load` reads.




function invalid(rest, why) {
    return new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "docker-archive:${rest}": ${why}`);
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
            reference = (0,core_reference/* parseReference */.F2)(after);
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
            return `${ref.path}:${(0,core_reference/* familiarReference */.ZD)(ref.reference)}`;
        if (ref.index !== undefined)
            return `${ref.path}:@${ref.index}`;
        return ref.path;
    },
    openSource: openDockerArchiveSource,
    openDestination: openDockerArchiveDestination,
};

// EXTERNAL MODULE: ./.build/src/core/transport/layout/layout.js
var layout = __webpack_require__(304);
// EXTERNAL MODULE: ./.build/src/core/transport/layout/writer.js
var layout_writer = __webpack_require__(4065);
;// CONCATENATED MODULE: ./.build/src/core/transport/oci-layout/destination.js
// Writes one image (or index) into an OCI image layout directory, shared safely with other writers.





const oci_layout_destination_CAPABILITIES = {
    // OCI types only, as skopeo writes layouts: skopeo 1.9 finds no name on a Docker-typed entry,
    // and umoci cannot unpack one. The copy engine converts Docker images on the way in.
    manifestTypes: [media_types/* MediaType */.zu.ociManifest, media_types/* MediaType */.zu.ociIndex],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Blobs and manifests go straight into blobs/ (whole, under their digest); the image becomes
 * visible only at `commit`, which adds its index.json entry under the layout's lock.
 */
class OciLayoutDestination {
    name;
    capabilities = oci_layout_destination_CAPABILITIES;
    #writer;
    #refName;
    #top;
    #committed = false;
    constructor(name, writer, refName) {
        this.name = name;
        this.#writer = writer;
        this.#refName = refName;
    }
    get layoutDir() {
        return this.#writer.dir;
    }
    tryReuseBlob(descriptor) {
        return this.#writer.hasBlob(descriptor);
    }
    putBlob(stream, blob) {
        return this.#writer.putBlob(stream, {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined ? { size: blob.size } : {}),
            what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
        });
    }
    async putManifest(manifest, instance) {
        if (instance !== undefined && instance !== manifest.digest) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`);
        }
        await this.#writer.putBytes(manifest.bytes, {
            digest: manifest.digest,
            size: manifest.bytes.length,
            what: `manifest ${manifest.digest} for ${this.name}`,
        });
        if (instance === undefined) {
            this.#top = {
                mediaType: manifest.mediaType,
                digest: manifest.digest,
                size: manifest.bytes.length,
            };
        }
    }
    async commit() {
        const top = this.#top;
        if (!top) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before the top-level manifest was put`);
        }
        if (this.#committed)
            return;
        await this.#writer.updateIndex((index) => (0,layout/* addEntry */.An)(index, top, this.#refName));
        this.#committed = true;
    }
    async close() {
        // Blobs already written stay: they are whole, content-addressed and harmless until a GC.
    }
}
async function openOciLayoutDestination(ref, options = {}) {
    const name = `oci:${formatPathAndName(ref)}`;
    const writer = await layout_writer/* LayoutWriter */.s.open(ref.path, options.logger ? { logger: options.logger } : {});
    return new OciLayoutDestination(name, writer, ref.name);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/layout/reader.js
// Reads an OCI image layout from any FileTree (a directory, or a tar of one), for the oci and oci-archive sources and the store.




class LayoutReader {
    tree;
    index;
    constructor(tree, index) {
        this.tree = tree;
        this.index = index;
    }
    /** Reads oci-layout and index.json; a missing marker means "not a layout" (ERR_NOT_FOUND). */
    static async open(tree) {
        const where = tree.location;
        let marker;
        try {
            marker = await tree.readFile(layout/* LAYOUT_FILE */.gI);
        }
        catch (err) {
            if ((0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND')) {
                throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${where}: not an OCI image layout (no ${layout/* LAYOUT_FILE */.gI} file)`, {
                    cause: err,
                });
            }
            throw err;
        }
        (0,layout/* checkLayoutMarker */.Dy)(marker, where);
        let index;
        try {
            index = (0,layout/* parseLayoutIndex */.SP)(await tree.readFile(layout/* INDEX_FILE */.K$), where);
        }
        catch (err) {
            // A layout whose first image is still being written has no index.json yet: it holds nothing.
            if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND'))
                throw err;
            index = (0,layout/* emptyIndex */.gW)();
        }
        return new LayoutReader(tree, index);
    }
    /**
     * The manifest a descriptor points at, as stored. The digest is the descriptor's (not recomputed),
     * so a consumer that verifies catches a blob that does not match its index entry.
     */
    async manifest(descriptor) {
        if (descriptor.size > core_manifest/* MAX_MANIFEST_SIZE */.L7) {
            throw new errors/* LighterError */.Kt('ERR_MANIFEST_TOO_BIG', `${this.tree.location}: manifest ${descriptor.digest} is ${descriptor.size} bytes (limit ${core_manifest/* MAX_MANIFEST_SIZE */.L7})`);
        }
        const bytes = await this.#read(descriptor.digest, 'manifest');
        return {
            bytes: new Uint8Array(bytes),
            mediaType: descriptor.mediaType,
            digest: descriptor.digest,
        };
    }
    /**
     * A child manifest of `parent` (an index) by digest; ERR_NOT_FOUND unless the index lists it.
     */
    async child(parent, instance) {
        const listed = (0,media_types/* isIndexMediaType */.$$)(parent.mediaType) ? childDescriptors(parent.bytes) : [];
        const descriptor = listed.find((d) => d.digest === instance);
        if (!descriptor) {
            throw new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.tree.location}: ${instance} is not listed by manifest ${parent.digest}`);
        }
        return this.manifest(descriptor);
    }
    /** Streams a blob as stored (unverified: the consumer verifies). */
    async blob(descriptor) {
        try {
            return await this.tree.open((0,layout/* blobPath */.nD)(descriptor.digest));
        }
        catch (err) {
            throw this.#missing(err, descriptor.digest, 'blob');
        }
    }
    async hasBlob(descriptor) {
        return (await this.tree.size((0,layout/* blobPath */.nD)(descriptor.digest))) === descriptor.size;
    }
    async #read(digest, what) {
        try {
            return await this.tree.readFile((0,layout/* blobPath */.nD)(digest));
        }
        catch (err) {
            throw this.#missing(err, digest, what);
        }
    }
    #missing(err, digest, what) {
        if (!(0,errors/* isLighterError */.E0)(err, 'ERR_NOT_FOUND'))
            return err;
        return new errors/* LighterError */.Kt('ERR_NOT_FOUND', `${this.tree.location}: ${what} ${digest} is missing`, {
            cause: err,
            details: { digest },
        });
    }
}
/** The descriptors an index lists; tolerant, since the consumer validates the index itself. */
function childDescriptors(bytes) {
    try {
        const parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
        return Array.isArray(parsed.manifests) ? parsed.manifests : [];
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-layout/source.js
// Reads one image (or index) out of an OCI image layout directory.






/**
 * An image in a layout read through any FileTree; oci-archive reuses it over a tar. Selects the
 * image when opened, so a wrong name fails at once, listing the names the layout has.
 */
class OciLayoutSource {
    name;
    #reader;
    #entry;
    #top;
    constructor(name, reader, entry) {
        this.name = name;
        this.#reader = reader;
        this.#entry = entry;
    }
    /**
     * `layoutName` names the layout in messages (`oci:/x`); `imageName` is `name` (`oci:/x:tag`).
     * Takes ownership of `tree`: closing the source closes it, and so does a failure to open.
     */
    static async open(tree, refName, layoutName) {
        try {
            const reader = await LayoutReader.open(tree);
            const entry = (0,layout/* selectEntry */.J9)(reader.index, refName, layoutName);
            const name = refName === undefined ? layoutName : `${layoutName}:${refName}`;
            return new OciLayoutSource(name, reader, entry);
        }
        catch (err) {
            await tree.close();
            throw err;
        }
    }
    /** The index.json entry this source reads. */
    get descriptor() {
        return this.#entry;
    }
    manifest(instance) {
        this.#top ??= this.#reader.manifest(this.#entry);
        if (instance === undefined || instance === this.#entry.digest)
            return this.#top;
        return this.#top.then((top) => this.#reader.child(top, instance));
    }
    blob(descriptor) {
        return this.#reader.blob(descriptor);
    }
    close() {
        return this.#reader.tree.close();
    }
}
async function openOciLayoutSource(ref, _options = {}) {
    const layoutName = `oci:${formatPathAndName({ path: ref.path })}`;
    try {
        const info = await (0,promises_.stat)(ref.path);
        if (!info.isDirectory())
            throw new Error('not a directory');
    }
    catch (err) {
        const missing = err.code === 'ENOENT';
        throw new errors/* LighterError */.Kt(missing ? 'ERR_NOT_FOUND' : 'ERR_INVALID_ARGUMENT', `opening ${layoutName}: ${missing ? 'no such directory' : err.message}`, { cause: err });
    }
    return OciLayoutSource.open((0,tree/* directoryTree */.uY)(ref.path), ref.name, layoutName);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-layout/transport.js
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
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": no path`);
    }
    if (name === undefined || name === '')
        return { path };
    if (!REF_NAME.test(name)) {
        throw new errors/* LighterError */.Kt('ERR_BAD_REFERENCE', `invalid image name "${transport}:${rest}": "${name}" is not a valid image name in a layout (letters, digits and -._:@+/ between them)`);
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
    openSource: openOciLayoutSource,
    openDestination: openOciLayoutDestination,
};

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/destination.js
// Writes an image to an oci-archive: an OCI layout staged beside the file, packed into it on commit.








/**
 * Everything goes through an oci: destination on a private staging layout; `commit` commits
 * that, then packs it into a temp file renamed over FILE. An existing FILE is replaced whole.
 */
class OciArchiveDestination {
    name;
    #file;
    #layout;
    constructor(name, file, layout) {
        this.name = name;
        this.#file = file;
        this.#layout = layout;
    }
    get capabilities() {
        return this.#layout.capabilities;
    }
    tryReuseBlob(descriptor) {
        return this.#layout.tryReuseBlob(descriptor);
    }
    putBlob(stream, blob) {
        return this.#layout.putBlob(stream, blob);
    }
    putManifest(manifest, instance) {
        return this.#layout.putManifest(manifest, instance);
    }
    async commit() {
        await this.#layout.commit();
        await (0,errors/* contextual */.iF)(`writing ${this.name}`, async () => packTar(this.#file, await layoutMembers(this.#layout.layoutDir)), 'ERR_STORE');
    }
    async close() {
        await (0,promises_.rm)(this.#layout.layoutDir, { recursive: true, force: true });
    }
}
/** The layout's files in a stable order: marker, index, then blobs sorted by algorithm and hex. */
async function layoutMembers(dir) {
    const members = [
        { name: layout/* LAYOUT_FILE */.gI, type: 'file', path: (0,external_node_path_.join)(dir, layout/* LAYOUT_FILE */.gI) },
        { name: layout/* INDEX_FILE */.K$, type: 'file', path: (0,external_node_path_.join)(dir, layout/* INDEX_FILE */.K$) },
        { name: 'blobs', type: 'directory' },
    ];
    for (const algorithm of (await (0,promises_.readdir)((0,external_node_path_.join)(dir, 'blobs'))).sort()) {
        members.push({ name: `blobs/${algorithm}`, type: 'directory' });
        for (const hex of (await (0,promises_.readdir)((0,external_node_path_.join)(dir, 'blobs', algorithm))).sort()) {
            members.push({
                name: `blobs/${algorithm}/${hex}`,
                type: 'file',
                path: (0,external_node_path_.join)(dir, 'blobs', algorithm, hex),
            });
        }
    }
    return members;
}
async function openOciArchiveDestination(ref, options = {}) {
    const name = `oci-archive:${formatPathAndName(ref)}`;
    // Staged beside the file: same filesystem as the final rename, and not in a small /tmp.
    const parent = (0,external_node_path_.dirname)(ref.path);
    await (0,errors/* contextual */.iF)(`opening ${name}`, () => (0,promises_.mkdir)(parent, { recursive: true }), 'ERR_STORE');
    const staging = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parent, `.${(0,external_node_path_.basename)(ref.path)}.layout-`));
    try {
        const writer = await layout_writer/* LayoutWriter */.s.open(staging, options.logger ? { logger: options.logger } : {});
        return new OciArchiveDestination(name, ref.path, new OciLayoutDestination(name, writer, ref.name));
    }
    catch (err) {
        await (0,promises_.rm)(staging, { recursive: true, force: true });
        throw err;
    }
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/source.js
// Reads an image from an oci-archive: the layout reader over the tar's members, read in place.


async function openOciArchiveSource(ref, _options = {}) {
    // tarTree's errors name the file and say what is wrong with it.
    const tree = await tarTree(ref.path);
    return OciLayoutSource.open(tree, ref.name, `oci-archive:${ref.path}`);
}

;// CONCATENATED MODULE: ./.build/src/core/transport/oci-archive/transport.js
// The `oci-archive:FILE[:NAME]` transport: an OCI image layout packed in a tar file.



const ociArchiveTransport = {
    name: 'oci-archive',
    parse(rest) {
        return { transport: 'oci-archive', ...splitPathAndName(rest, 'oci-archive') };
    },
    format: formatPathAndName,
    openSource: openOciArchiveSource,
    openDestination: openOciArchiveDestination,
};

// EXTERNAL MODULE: ./.build/src/core/storage/names.js
var names = __webpack_require__(4645);
// EXTERNAL MODULE: ./.build/src/core/storage/chain-id.js
var chain_id = __webpack_require__(8348);
// EXTERNAL MODULE: ./.build/src/core/storage/lease.js
var lease = __webpack_require__(3451);
// EXTERNAL MODULE: ./.build/src/core/storage/location.js
var storage_location = __webpack_require__(3014);
// EXTERNAL MODULE: ./.build/src/core/storage/remove-tree.js
var remove_tree = __webpack_require__(4798);
// EXTERNAL MODULE: ./.build/src/core/storage/store.js + 2 modules
var storage_store = __webpack_require__(3652);
// EXTERNAL MODULE: ./.build/src/core/storage/unpack.js + 1 modules
var unpack = __webpack_require__(3683);
;// CONCATENATED MODULE: ./.build/src/core/transport/storage/destination.js
// Writes an image into the store for the copy engine (`pull`, `copy … storage:NAME`), unpacking layers while they stream in.










const storage_destination_CAPABILITIES = {
    // Docker types too: the store keeps an image's bytes, and so its digest, as pulled. (skopeo
    // 1.9 and umoci find only OCI-typed entries by name; OCI images are the common case.)
    manifestTypes: [
        media_types/* MediaType */.zu.ociManifest,
        media_types/* MediaType */.zu.dockerManifest,
        media_types/* MediaType */.zu.ociIndex,
        media_types/* MediaType */.zu.dockerManifestList,
    ],
    acceptsIndex: true,
    canMount: false,
    prefersCompressedLayers: true,
};
/**
 * Blobs go straight into the store's blobs/, whole or not at all; the image's name is added at
 * `commit`, under the store lock, after everything it needs is present. Each layer is unpacked
 * on the fly from the same bytes (a worker thread follows the blob file as it is written; or,
 * without workers, a tee) into a temp dir; commit renames it to `layers/<chain ID>` once the
 * config confirms its diff ID. Everything touched is claimed in a lease first, so a concurrent
 * prune keeps it.
 *
 * A blob given with its digest is not hashed again here: the copy engine, this destination's
 * caller, passes every byte through a VerifyingStream that fails the stream (so the blob never
 * gets its name) on a mismatch. A third hash over every layer would cost a pull ~10%.
 */
class StorageDestination {
    name;
    capabilities = storage_destination_CAPABILITIES;
    store;
    #imageName;
    #lease;
    #options;
    #log;
    /** Layers being unpacked, by blob digest; undefined when unpacking failed. */
    #unpacked = new Map();
    #images = [];
    #top;
    #committed = false;
    #closed = false;
    constructor(store, imageName, lease, options) {
        this.store = store;
        this.#imageName = imageName;
        this.name = `storage:${imageName ?? '(unnamed)'}`;
        this.#lease = lease;
        this.#options = options;
        this.#log = store.logger;
    }
    /** `imageName` is stored as given (normalize it first); undefined stores an unnamed image. */
    static async open(store, imageName, options = {}) {
        // Started now, the workers are ready by the time the first layer's bytes arrive.
        if (options.unpack !== false)
            void store.prepareWorkers();
        return new StorageDestination(store, imageName, await store.lease(), options);
    }
    async tryReuseBlob(descriptor) {
        await this.#lease.claim([descriptor.digest]);
        return this.store.writer.hasBlob(descriptor);
    }
    async putBlob(stream, blob) {
        if (blob.digest)
            await this.#lease.claim([blob.digest]);
        const expected = {
            ...(blob.digest ? { digest: blob.digest } : {}),
            ...(blob.size !== undefined ? { size: blob.size } : {}),
            what: `blob ${blob.digest ?? `(${blob.mediaType})`} for ${this.name}`,
        };
        const compression = (0,media_types/* layerCompression */.AH)(blob.mediaType);
        const digest = blob.digest;
        if (compression === undefined ||
            digest === undefined ||
            this.#options.unpack === false ||
            this.#unpacked.has(digest)) {
            const { digest: written, size } = await this.store.putBlob(stream, expected, {
                verifiedUpstream: digest !== undefined,
            });
            return { digest: written, size };
        }
        // The layer is unpacked from the same bytes as they are written (see Store.putBlob). That
        // work is on bytes not verified yet: it counts only if the blob, verified to its last byte,
        // is written; commit gives it its chain ID once the config confirms its diff ID.
        const temp = await (0,unpack/* makeTempLayerDir */.Fk)(this.store.layersDir);
        let written;
        try {
            written = await this.store.putBlob(stream, expected, {
                unpackInto: { dir: temp, compression },
                verifiedUpstream: true,
            });
        }
        catch (err) {
            await (0,remove_tree/* removeTree */.d)(temp).catch(() => { });
            throw err;
        }
        this.#unpacked.set(digest, written.unpacked.then(async (diffId) => {
            await this.store.fault('layer-unpacked');
            return { dir: temp, diffId, placed: false };
        }, async (err) => {
            // The blob is fine, the tar is not usable here: the image is stored, and running it
            // reports the problem again when layerDirs unpacks it.
            this.#log.warn(`unpacking ${digest} for ${this.name}: ${(0,errors/* errorMessage */.gJ)(err)}`);
            await (0,remove_tree/* removeTree */.d)(temp).catch(() => { });
            return undefined;
        }));
        return { digest: written.digest, size: written.size };
    }
    async putManifest(manifest, instance) {
        if (instance !== undefined && instance !== manifest.digest) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: putManifest instance ${instance} differs from the manifest's digest ${manifest.digest}`);
        }
        await this.#lease.claim([manifest.digest]);
        await this.store.writer.putBytes(manifest.bytes, {
            digest: manifest.digest,
            size: manifest.bytes.length,
            what: `manifest ${manifest.digest} for ${this.name}`,
        });
        const parsed = (0,core_manifest/* parseManifest */.Ng)(manifest.bytes, manifest.mediaType);
        if (parsed.kind === 'image')
            this.#images.push(parsed.manifest);
        if (instance === undefined) {
            this.#top = {
                mediaType: manifest.mediaType,
                digest: manifest.digest,
                size: manifest.bytes.length,
            };
        }
    }
    async commit() {
        const top = this.#top;
        if (!top) {
            throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `${this.name}: commit before the top-level manifest was put`);
        }
        if (this.#committed)
            return;
        for (const manifest of this.#images)
            await this.#placeLayers(manifest);
        await this.store.fault('layers-placed');
        await this.store.addImage(top, {
            ...(this.#imageName !== undefined ? { name: this.#imageName } : {}),
            ...(this.#options.source ? { source: this.#options.source } : {}),
        });
        this.#committed = true;
    }
    async close() {
        if (this.#closed)
            return;
        this.#closed = true;
        // Unpacked layers that found no place (a failed copy, a repeated layer) are dropped now;
        // blobs stay: whole and content-addressed, they are reused or collected by the next prune.
        for (const pending of this.#unpacked.values()) {
            const unpacked = await pending;
            if (unpacked && !unpacked.placed)
                await (0,remove_tree/* removeTree */.d)(unpacked.dir).catch(() => { });
        }
        await this.#lease.release();
    }
    /** Gives the layers unpacked during the copy their chain-ID names, checking each diff ID. */
    async #placeLayers(manifest) {
        const config = (0,core_manifest/* parseImageConfig */.FB)(await this.store.readBlob(manifest.config));
        const diffIds = config.rootfs.diff_ids;
        if (diffIds.length !== manifest.layers.length) {
            throw new errors/* LighterError */.Kt('ERR_BAD_MANIFEST', `${this.name}: the manifest has ${manifest.layers.length} layers but the config lists ${diffIds.length} diff_ids`);
        }
        const chains = (0,chain_id/* chainIds */.s)(diffIds);
        for (const [i, layer] of manifest.layers.entries()) {
            const unpacked = await this.#unpacked.get(layer.digest);
            if (!unpacked || unpacked.placed)
                continue;
            if (unpacked.diffId !== diffIds[i]) {
                throw new errors/* LighterError */.Kt('ERR_DIGEST_MISMATCH', `${this.name}: layer ${i + 1} (${layer.digest}) uncompresses to ${unpacked.diffId}, but the config says ${diffIds[i]}`, { details: { expected: diffIds[i], actual: unpacked.diffId } });
            }
            const chain = chains[i];
            await this.#lease.claim([(0,lease/* layerClaim */.Ys)((0,chain_id/* layerDirName */.O)(chain))]);
            await (0,unpack/* placeLayerDir */.We)(unpacked.dir, this.store.layersDir, chain);
            unpacked.placed = true;
        }
    }
}
async function openStorageDestination(ref, options = {}) {
    const store = await storage_store/* Store */.i.open(options.storeDir ?? (0,storage_location/* defaultStoreDir */.i)(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageDestination.open(store, (0,names/* normalizeName */.Pc)(ref.image));
}

;// CONCATENATED MODULE: ./.build/src/core/transport/storage/source.js
// Reads an image out of the store for the copy engine (`push`, `copy storage:NAME …`).



/**
 * The image is resolved when the source opens, so a wrong name fails at once with similar names.
 * Everything read is claimed in a lease first, so a concurrent `rmi` + `prune` cannot delete
 * blobs out from under a push in progress.
 */
class StorageSource {
    name;
    image;
    #reader;
    #lease;
    #top;
    constructor(name, image, reader, lease) {
        this.name = name;
        this.image = image;
        this.#reader = reader;
        this.#lease = lease;
    }
    static async open(store, input) {
        const image = await store.resolve(input);
        const reader = await LayoutReader.open(store.tree);
        const lease = await store.lease();
        return new StorageSource(`storage:${image.names[0] ?? image.id}`, image, reader, lease);
    }
    manifest(instance) {
        this.#top ??= this.#lease
            .claim([this.image.digest])
            .then(() => this.#reader.manifest(this.image.descriptor));
        if (instance === undefined || instance === this.image.digest)
            return this.#top;
        return this.#top.then(async (top) => {
            await this.#lease.claim([instance]);
            return this.#reader.child(top, instance);
        });
    }
    async blob(descriptor) {
        await this.#lease.claim([descriptor.digest]);
        return this.#reader.blob(descriptor);
    }
    close() {
        return this.#lease.release();
    }
}
async function openStorageSource(ref, options = {}) {
    const store = await storage_store/* Store */.i.open(options.storeDir ?? (0,storage_location/* defaultStoreDir */.i)(), {
        ...(options.logger ? { logger: options.logger } : {}),
    });
    return StorageSource.open(store, ref.image);
}

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
    openSource: openStorageSource,
    openDestination: openStorageDestination,
};

;// CONCATENATED MODULE: ./.build/src/core/transport/index.js
// The static table of transports, and parsing of transport-qualified image names
// (`docker://ghcr.io/o/r:tag`, `oci:dir:tag`, ...). `imageName` round-trips `parseImageName`.







const transports = [
    dockerTransport,
    ociLayoutTransport,
    ociArchiveTransport,
    dockerArchiveTransport,
    dirTransport,
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

;// CONCATENATED MODULE: ./.build/src/core/storage/pull.js
// `pull` and `push` for the CLI and actions: the copy engine between a registry (or any transport) and the store.
//
// These sit one level above the store (they drive the copy engine and the transports), so the
// store's own modules never import this file; callers import it directly.







/**
 * `docker://REF` → `storage:REF` through the copy engine: `busybox` is pulled from Docker Hub
 * as `docker.io/library/busybox:latest`. Layers are unpacked as they arrive, so the image is
 * ready for overlay when this returns.
 */
async function pull_pull(store, reference, options = {}) {
    const text = reference.startsWith('docker://') ? reference.slice('docker://'.length) : reference;
    const ref = (0,core_reference/* parseReference */.F2)(text);
    const name = (0,core_reference/* formatReference */.FH)(ref);
    const sourceRef = { transport: 'docker', ...ref };
    const source = await openSource(sourceRef, {
        ...(options.logger ? { logger: options.logger } : {}),
        ...(options.registry ? { registry: options.registry } : {}),
    });
    let copy;
    try {
        const dest = await StorageDestination.open(store, name, { source: `docker://${name}` });
        try {
            copy = await copyImage(source, dest, {
                multiArch: options.allPlatforms ? 'all' : 'system',
                ...(options.platform ? { platform: options.platform } : {}),
                ...(options.logger ? { logger: options.logger } : {}),
                ...(options.onProgress ? { onProgress: options.onProgress } : {}),
                ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
            });
        }
        finally {
            await dest.close();
        }
    }
    finally {
        await source.close();
    }
    return { name, image: await store.resolve(name), copy };
}
/**
 * Copies a stored image (name or ID) to `destination`: a transport-qualified name
 * (`docker://…`, `oci:dir:tag`, …), a plain registry reference (`ghcr.io/o/app:1`, taken as
 * docker://), or nothing for the registry the image is named after.
 */
async function pull_push(store, image, destination, options = {}) {
    const source = await StorageSource.open(store, image);
    try {
        const target = typeof destination === 'object'
            ? destination
            : destinationOf(source.image, image, destination);
        const dest = await openDestination(target, {
            storeDir: store.dir,
            ...(options.logger ? { logger: options.logger } : {}),
            ...(options.registry ? { registry: options.registry } : {}),
        });
        try {
            const { registry: _registry, ...copyOptions } = options;
            return await copyImage(source, dest, { multiArch: 'all', ...copyOptions });
        }
        finally {
            await dest.close();
        }
    }
    finally {
        await source.close();
    }
}
function destinationOf(image, input, destination) {
    if (destination !== undefined) {
        const colon = destination.indexOf(':');
        const transport = colon > 0 ? destination.slice(0, colon) : '';
        if (transportNames().includes(transport))
            return parseImageName(destination);
        return parseImageName(`docker://${destination}`);
    }
    // The name the user meant, when the image has several.
    let meant;
    try {
        meant = (0,names/* normalizeName */.Pc)(input);
    }
    catch {
        meant = undefined;
    }
    const name = meant !== undefined && image.names.includes(meant) ? meant : image.names[0];
    if (name === undefined) {
        throw new errors/* LighterError */.Kt('ERR_INVALID_ARGUMENT', `pushing ${input}: the image has no name, so give a destination`);
    }
    return parseImageName(`docker://${name}`);
}


/***/ })

};
