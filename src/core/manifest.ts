// OCI and Docker v2 schema 2 manifests, indexes and image configs: types and validated parsing.

import { type Digest, validateDigest, verifyBytes } from './digest.js';
import { errorMessage, LighterError } from './errors.js';
import {
  isImageManifestMediaType,
  isIndexMediaType,
  isSchema1MediaType,
  MediaType,
} from './media-types.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

export interface Descriptor {
  mediaType: string;
  digest: Digest;
  size: number;
  urls?: string[];
  annotations?: Record<string, string>;
  platform?: Platform;
  artifactType?: string;
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType?: string;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface HealthConfig {
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** The runtime part of an image config (OCI "config", Docker "config"). */
export interface ContainerConfig {
  User?: string;
  ExposedPorts?: Record<string, object>;
  Env?: string[];
  Entrypoint?: string[] | null;
  Cmd?: string[] | null;
  Volumes?: Record<string, object>;
  WorkingDir?: string;
  Labels?: Record<string, string>;
  StopSignal?: string;
  Healthcheck?: HealthConfig;
  Shell?: string[];
  OnBuild?: string[] | null;
  ArgsEscaped?: boolean;
}

export interface HistoryEntry {
  created?: string;
  created_by?: string;
  author?: string;
  comment?: string;
  empty_layer?: boolean;
}

export interface ImageConfig {
  created?: string;
  author?: string;
  architecture: string;
  os: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
  config?: ContainerConfig;
  rootfs: { type: 'layers'; diff_ids: Digest[] };
  history?: HistoryEntry[];
}

/** Manifests larger than this are refused (the distribution spec's recommended limit). */
export const MAX_MANIFEST_SIZE = 4 * 1024 * 1024;

export type ParsedManifest =
  | { kind: 'image'; mediaType: string; manifest: ImageManifest }
  | { kind: 'index'; mediaType: string; index: ImageIndex };

// Labels that say nothing about which manifest format the bytes are: some registries and file
// servers send them, so the JSON decides instead.
const GENERIC_CONTENT_TYPES = new Set([
  'application/json',
  'text/plain',
  'application/octet-stream',
  'binary/octet-stream',
]);

// RFC 6838 type/subtype, as the OCI image spec's descriptor schema requires.
const MEDIA_TYPE_SYNTAX =
  /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/;

/**
 * The manifest media type a Content-Type header (or other label) claims: parameters dropped,
 * lowercased; undefined when absent or generic (`application/json`, `text/plain`, ...).
 */
export function mediaTypeFromContentType(contentType: string | undefined): string | undefined {
  const bare = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (!bare || GENERIC_CONTENT_TYPES.has(bare)) return undefined;
  return bare;
}

/**
 * Parses and validates an image manifest or index. `mediaType` is what the bytes were labelled
 * with (a Content-Type, an index descriptor's mediaType); it must agree with the JSON's own.
 * Throws ERR_MANIFEST_TOO_BIG, ERR_BAD_MANIFEST (naming the field), ERR_UNSUPPORTED_SCHEMA
 * (Docker schema 1) or ERR_BAD_MEDIA_TYPE.
 */
export function parseManifest(bytes: Uint8Array, mediaType?: string): ParsedManifest {
  if (bytes.length > MAX_MANIFEST_SIZE) {
    throw new LighterError(
      'ERR_MANIFEST_TOO_BIG',
      `manifest is ${bytes.length} bytes; the limit is ${MAX_MANIFEST_SIZE}`,
      { details: { size: bytes.length, limit: MAX_MANIFEST_SIZE } },
    );
  }
  const claimed = mediaTypeFromContentType(mediaType);
  if (claimed !== undefined && isSchema1MediaType(claimed)) throw schema1Error(claimed);

  const json = decodeObject(bytes, 'manifest');
  const own = json.mediaType;
  if (own !== undefined && typeof own !== 'string') {
    throw badManifest('manifest', 'mediaType', `must be a string, got ${describe(own)}`);
  }
  if (looksLikeSchema1(json)) throw schema1Error(own ?? MediaType.dockerSchema1);
  if (json.schemaVersion !== 2) {
    throw badManifest(
      'manifest',
      'schemaVersion',
      `must be 2, got ${describe(json.schemaVersion)}`,
    );
  }
  if (claimed !== undefined && own !== undefined && own !== claimed) {
    throw new LighterError(
      'ERR_BAD_MANIFEST',
      `invalid manifest: it says mediaType "${own}" but was labelled "${claimed}"`,
      { details: { mediaType: own, label: claimed } },
    );
  }

  const effective = own ?? claimed ?? mediaTypeByShape(json);
  if (isImageManifestMediaType(effective)) {
    checkImageManifest(json);
    return { kind: 'image', mediaType: effective, manifest: json as unknown as ImageManifest };
  }
  if (isIndexMediaType(effective)) {
    checkIndex(json);
    return { kind: 'index', mediaType: effective, index: json as unknown as ImageIndex };
  }
  throw new LighterError(
    'ERR_BAD_MEDIA_TYPE',
    `unsupported manifest media type "${effective}" (expected an OCI or Docker v2 image manifest or index)`,
    { details: { mediaType: effective } },
  );
}

/**
 * The media type of manifest bytes: the JSON's `mediaType` when present, else guessed from its
 * shape (`manifests` → OCI index, `config`/`layers` → OCI manifest, `fsLayers` → Docker schema 1).
 * Throws ERR_BAD_MANIFEST when the bytes are not a JSON object or the shape is ambiguous.
 */
export function detectManifestMediaType(bytes: Uint8Array): string {
  const json = decodeObject(bytes, 'manifest');
  if (typeof json.mediaType === 'string' && json.mediaType !== '') return json.mediaType;
  if (looksLikeSchema1(json)) {
    return 'signatures' in json ? MediaType.dockerSchema1Signed : MediaType.dockerSchema1;
  }
  return mediaTypeByShape(json);
}

/** Parses and validates an image config blob. Throws ERR_BAD_MANIFEST naming the field. */
export function parseImageConfig(bytes: Uint8Array): ImageConfig {
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

  if (json.config === null) delete json.config;
  if (json.config !== undefined) checkContainerConfig(v, v.object(json.config, 'config'));

  if (json.history !== undefined) {
    v.array(json.history, 'history').forEach((entry, i) => {
      const path = `history[${i}]`;
      const h = v.object(entry, path);
      for (const key of ['created', 'created_by', 'author', 'comment']) {
        v.string(h, key, { path: `${path}.${key}` });
      }
      if (h.empty_layer !== undefined && typeof h.empty_layer !== 'boolean') {
        throw badManifest(
          what,
          `${path}.empty_layer`,
          `must be a boolean, got ${describe(h.empty_layer)}`,
        );
      }
    });
  }
  return json as unknown as ImageConfig;
}

/**
 * The blobs and manifests a manifest points to: config then layers, or the index's entries.
 * `subject` is left out on purpose: it names another image this one refers to, not a part of it.
 */
export function manifestDescriptors(m: ParsedManifest): Descriptor[] {
  if (m.kind === 'image') return [m.manifest.config, ...m.manifest.layers];
  return [...m.index.manifests];
}

function checkImageManifest(json: Record<string, unknown>): void {
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

function checkIndex(json: Record<string, unknown>): void {
  const what = 'image index';
  const v = new Checker(what);
  for (const key of ['config', 'layers']) {
    if (key in json) throw badManifest(what, key, 'is not allowed in an image index');
  }
  v.array(json.manifests, 'manifests').forEach((entry, i) => {
    v.descriptor(entry, `manifests[${i}]`);
  });
  checkCommon(v, json);
}

function checkCommon(v: Checker, json: Record<string, unknown>): void {
  if (json.subject !== undefined) v.descriptor(json.subject, 'subject');
  v.string(json, 'artifactType');
  v.stringMap(json.annotations, 'annotations');
}

function checkContainerConfig(v: Checker, c: Record<string, unknown>): void {
  // Docker writes null for empty maps and lists; drop those so the result matches the types.
  for (const key of ['Env', 'Labels', 'ExposedPorts', 'Volumes', 'Shell']) {
    if (c[key] === null) delete c[key];
  }
  for (const key of ['User', 'WorkingDir', 'StopSignal'])
    v.string(c, key, { path: `config.${key}` });
  for (const key of ['Env', 'Shell']) v.stringArray(c, key, `config.${key}`);
  for (const key of ['Entrypoint', 'Cmd', 'OnBuild']) {
    if (c[key] !== null) v.stringArray(c, key, `config.${key}`);
  }
  v.stringMap(c.Labels, 'config.Labels');
  for (const key of ['ExposedPorts', 'Volumes']) {
    if (c[key] !== undefined) v.object(c[key], `config.${key}`);
  }
  if (c.Healthcheck !== undefined && c.Healthcheck !== null) {
    const h = v.object(c.Healthcheck, 'config.Healthcheck');
    v.stringArray(h, 'Test', 'config.Healthcheck.Test');
  }
}

function looksLikeSchema1(json: Record<string, unknown>): boolean {
  return (
    json.schemaVersion === 1 ||
    (typeof json.mediaType === 'string' && isSchema1MediaType(json.mediaType)) ||
    (json.mediaType === undefined && 'fsLayers' in json)
  );
}

function mediaTypeByShape(json: Record<string, unknown>): string {
  const isIndex = 'manifests' in json;
  const isImage = 'config' in json || 'layers' in json;
  // Docker schema 2 always names its mediaType, so an unnamed document is OCI.
  if (isIndex && !isImage) return MediaType.ociIndex;
  if (isImage && !isIndex) return MediaType.ociManifest;
  throw new LighterError(
    'ERR_BAD_MANIFEST',
    isIndex
      ? 'invalid manifest: no mediaType, and it has both "manifests" and "config"/"layers"'
      : 'invalid manifest: no mediaType, and neither "manifests" nor "config" and "layers"',
  );
}

function schema1Error(mediaType: string): LighterError {
  return new LighterError(
    'ERR_UNSUPPORTED_SCHEMA',
    'Docker schema 1 manifests are not supported: re-push the image with a current client ' +
      '(docker, buildah, skopeo copy) to convert it to schema 2 or OCI',
    { details: { mediaType } },
  );
}

function decodeObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new LighterError('ERR_BAD_MANIFEST', `invalid ${what}: not valid UTF-8`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new LighterError(
      'ERR_BAD_MANIFEST',
      `invalid ${what}: not valid JSON (${errorMessage(err)})`,
      {
        cause: err,
      },
    );
  }
  if (!isObject(json)) {
    throw new LighterError(
      'ERR_BAD_MANIFEST',
      `invalid ${what}: expected a JSON object, got ${describe(json)}`,
    );
  }
  return json;
}

function badManifest(what: string, path: string, problem: string, cause?: unknown): LighterError {
  return new LighterError('ERR_BAD_MANIFEST', `invalid ${what}: ${path} ${problem}`, {
    cause,
    details: { field: path },
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a JSON value for "got ..." in messages. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Shape checks that name the offending field (`layers[2].digest`) in ERR_BAD_MANIFEST. */
class Checker {
  readonly what: string;
  // No parameter properties: Node's type stripping runs these sources as they are.
  constructor(what: string) {
    this.what = what;
  }

  fail(path: string, problem: string, cause?: unknown): LighterError {
    return badManifest(this.what, path, problem, cause);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (!isObject(value)) throw this.fail(path, `must be an object, got ${describe(value)}`);
    return value;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) throw this.fail(path, `must be an array, got ${describe(value)}`);
    return value;
  }

  /** Checks the optional (unless `required`) string field `key` of `obj`. */
  string(
    obj: Record<string, unknown>,
    key: string,
    options: { required?: boolean; nonEmpty?: boolean; path?: string } = {},
  ): void {
    const path = options.path ?? key;
    const value = obj[key];
    if (value === undefined && !options.required) return;
    if (typeof value !== 'string')
      throw this.fail(path, `must be a string, got ${describe(value)}`);
    if (options.nonEmpty && value === '') throw this.fail(path, 'must not be empty');
  }

  stringArray(obj: Record<string, unknown>, key: string, path = key): void {
    const value = obj[key];
    if (value === undefined) return;
    this.array(value, path).forEach((item, i) => {
      if (typeof item !== 'string') {
        throw this.fail(`${path}[${i}]`, `must be a string, got ${describe(item)}`);
      }
    });
  }

  stringMap(value: unknown, path: string): void {
    if (value === undefined) return;
    for (const [key, item] of Object.entries(this.object(value, path))) {
      if (typeof item !== 'string') {
        throw this.fail(
          `${path}[${JSON.stringify(key)}]`,
          `must be a string, got ${describe(item)}`,
        );
      }
    }
  }

  digest(value: unknown, path: string): Digest {
    if (typeof value !== 'string')
      throw this.fail(path, `must be a digest string, got ${describe(value)}`);
    try {
      return validateDigest(value);
    } catch (err) {
      throw this.fail(path, `is not valid: ${errorMessage(err)}`, err);
    }
  }

  descriptor(value: unknown, path: string): void {
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
    if (d.platform !== undefined) this.platform(d.platform, `${path}.platform`);
    if (d.data !== undefined) this.embeddedData(d.data, digest, d.size, `${path}.data`);
  }

  platform(value: unknown, path: string): void {
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
  embeddedData(value: unknown, digest: Digest, size: number, path: string): void {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      throw this.fail(path, 'must be base64 text');
    }
    const data = Buffer.from(value, 'base64');
    try {
      verifyBytes(data, { digest, size, what: 'embedded data' });
    } catch (err) {
      throw this.fail(path, `does not match the descriptor: ${errorMessage(err)}`, err);
    }
  }
}
