// `RUN --mount=type=cache|secret|bind|tmpfs|ssh,...`: the CSV option list parsed and checked as BuildKit does.

import { DockerfileSyntaxError } from './error.js';
import { didYouMean } from './suggest.js';

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
export type CacheSharing = 'shared' | 'private' | 'locked';

export interface Mount {
  type: MountType;
  /** Stage name or index, or image, as written; undefined for the build context (bind) or nothing. */
  from: string | undefined;
  /** Path inside `from` (bind, cache) or the secret's source. */
  source: string | undefined;
  /** Mount point as written (relative to WORKDIR when not absolute); see the planned mount for the resolved one. */
  target: string | undefined;
  readOnly: boolean;
  /** Secret and ssh: fail when the secret is not provided. */
  required: boolean;
  /** Cache id (defaults to the target), secret id (defaults to the target's basename), ssh id. */
  id: string | undefined;
  sharing: CacheSharing | undefined;
  /** Octal file mode for a new cache dir, the secret file or the ssh socket. */
  mode: number | undefined;
  uid: number | undefined;
  gid: number | undefined;
  /** tmpfs size limit in bytes. */
  size: number | undefined;
  /** Secret: the environment variable to put the secret in. */
  env: string | undefined;
}

const TYPES: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING: readonly CacheSharing[] = ['shared', 'private', 'locked'];
const KEYS = [
  'type',
  'from',
  'source',
  'src',
  'target',
  'dst',
  'destination',
  'readonly',
  'ro',
  'readwrite',
  'rw',
  'required',
  'size',
  'id',
  'sharing',
  'mode',
  'uid',
  'gid',
  'env',
];

/** Splits one CSV record as Go's encoding/csv does (quotes group, `""` is a quote). */
export function splitCsv(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new DockerfileSyntaxError(
            `failed to parse csv mounts: extraneous or missing " in quoted-field in "${text}"`,
          );
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',') {
        throw new DockerfileSyntaxError(
          `failed to parse csv mounts: extraneous or missing " in quoted-field in "${text}"`,
        );
      }
    } else {
      const end = text.indexOf(',', i);
      field = end === -1 ? text.slice(i) : text.slice(i, end);
      if (field.includes('"')) {
        throw new DockerfileSyntaxError(
          `failed to parse csv mounts: bare " in non-quoted-field in "${text}"`,
        );
      }
      i = end === -1 ? text.length : end;
    }
    fields.push(field);
    if (i >= text.length) return fields;
    i++; // the comma
  }
}

/**
 * The `from=` of a mount, checked before expansion: BuildKit refuses variables there because the
 * stage graph is fixed before any stage runs.
 */
export function mountFromBeforeExpansion(value: string): string | undefined {
  let from: string | undefined;
  for (const field of splitCsv(value)) {
    const eq = field.indexOf('=');
    if (eq === -1 || field.slice(0, eq).toLowerCase() !== 'from') continue;
    from = field.slice(eq + 1);
    if (/\$./.test(from)) {
      throw new DockerfileSyntaxError(
        "'from' doesn't support variable expansion, define alias stage instead",
      );
    }
  }
  return from;
}

/** Parses and validates one `--mount` value; `expand` is applied to every value (not to keys). */
export function parseMount(value: string, expand: (word: string) => string = (w) => w): Mount {
  const m: Mount = {
    type: 'bind',
    from: undefined,
    source: undefined,
    target: undefined,
    readOnly: false,
    required: false,
    id: undefined,
    sharing: undefined,
    mode: undefined,
    uid: undefined,
    gid: undefined,
    size: undefined,
    env: undefined,
  };
  let readOnlyAuto = true;
  const fail = (message: string) => new DockerfileSyntaxError(message);

  for (const field of splitCsv(value)) {
    const eq = field.indexOf('=');
    const key = (eq === -1 ? field : field.slice(0, eq)).toLowerCase();
    if (eq === -1) {
      if (key === 'readonly' || key === 'ro') {
        m.readOnly = true;
        readOnlyAuto = false;
      } else if (key === 'readwrite' || key === 'rw') {
        m.readOnly = false;
        readOnlyAuto = false;
      } else if (key === 'required') {
        if (m.type !== 'secret' && m.type !== 'ssh') {
          throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
        }
        m.required = true;
      } else {
        throw fail(`invalid field '${field}' must be a key=value pair`);
      }
      continue;
    }
    const v = expand(field.slice(eq + 1));
    switch (key) {
      case 'type': {
        const type = v.toLowerCase() as MountType;
        if (!TYPES.includes(type)) {
          throw fail(`unsupported mount type ${JSON.stringify(v)}${didYouMean(v, TYPES)}`);
        }
        m.type = type;
        break;
      }
      case 'from':
        m.from = v;
        break;
      case 'source':
      case 'src':
        m.source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = v;
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = parseGoBool(key, v);
        readOnlyAuto = false;
        break;
      case 'readwrite':
      case 'rw':
        m.readOnly = !parseGoBool(key, v);
        readOnlyAuto = false;
        break;
      case 'required':
        if (m.type !== 'secret' && m.type !== 'ssh') {
          throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
        }
        m.required = parseGoBool(key, v);
        break;
      case 'size':
        if (m.type !== 'tmpfs') throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
        m.size = parseRamBytes(key, v);
        break;
      case 'id':
        m.id = v;
        break;
      case 'sharing': {
        const sharing = v.toLowerCase() as CacheSharing;
        if (!SHARING.includes(sharing)) {
          throw fail(`unsupported sharing value ${JSON.stringify(v)}${didYouMean(v, SHARING)}`);
        }
        m.sharing = sharing;
        break;
      }
      case 'mode':
        if (!/^[0-7]+$/.test(v) || Number.parseInt(v, 8) > 0o7777) {
          throw fail(`invalid value ${v} for mode`);
        }
        m.mode = Number.parseInt(v, 8);
        break;
      case 'uid':
      case 'gid': {
        if (!/^[0-9]+$/.test(v) || Number(v) > 0xffffffff)
          throw fail(`invalid value ${v} for ${key}`);
        m[key] = Number(v);
        break;
      }
      case 'env':
        if (m.type !== 'secret') throw fail(`unexpected key '${key}' for mount type '${m.type}'`);
        m.env = v;
        break;
      default:
        throw fail(`unexpected key '${key}' in '${field}'${didYouMean(key, KEYS)}`);
    }
  }
  validateMount(m, readOnlyAuto);
  return m;
}

function validateMount(m: Mount, readOnlyAuto: boolean): void {
  const fail = (message: string) => new DockerfileSyntaxError(message);
  if (m.type !== 'secret' && m.type !== 'ssh' && m.type !== 'cache') {
    for (const key of ['mode', 'uid', 'gid'] as const) {
      if (m[key] !== undefined) throw fail(`${key} not allowed for "${m.type}" type mounts`);
    }
  }
  // Bind and secret mounts are read-only unless asked; caches and tmpfs are writable.
  if (readOnlyAuto) m.readOnly = m.type !== 'cache' && m.type !== 'tmpfs';
  if (m.type === 'secret') {
    if (m.from !== undefined) throw fail('secret mount should not have a from');
    if (m.sharing !== undefined) throw fail('secret mount should not define sharing');
    if (
      m.source === undefined &&
      m.target === undefined &&
      m.id === undefined &&
      m.env === undefined
    ) {
      throw fail('invalid secret mount. one of source, target, id or env required');
    }
    if (m.source !== undefined && m.id !== undefined) throw fail("both source and id can't be set");
    // The source of a secret is its id; the id defaults to the target's basename.
    m.id ??= m.source ?? basename(m.target ?? '');
    m.source = undefined;
    if (m.target === undefined && m.env === undefined) m.target = `/run/secrets/${m.id}`;
  }
  if (m.type === 'ssh') m.id ??= 'default';
  if (m.sharing !== undefined && m.type !== 'cache') {
    throw fail(`invalid cache sharing set for ${m.type} mount`);
  }
  if (m.type === 'cache') m.sharing ??= 'shared';
  if ((m.type === 'bind' || m.type === 'cache' || m.type === 'tmpfs') && !m.target) {
    throw fail(`mount target must be specified for ${m.type} mounts`);
  }
}

function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's strconv.ParseBool. */
function parseGoBool(key: string, value: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  throw new DockerfileSyntaxError(`invalid value for ${key}: ${value}`);
}

/** docker/go-units RAMInBytes: `64m`, `1g`, `512KiB`, `100` (binary multiples). */
function parseRamBytes(key: string, value: string): number {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(value);
  if (!m) throw new DockerfileSyntaxError(`invalid value for ${key}: ${value}`);
  const power = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return Math.floor(Number.parseFloat(m[1]!) * 1024 ** power);
}
