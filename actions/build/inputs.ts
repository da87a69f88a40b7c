// The build action's inputs, parsed and checked once; every error names the input at fault.
import { getUserPassword } from '../../src/gha/credentials.js';
import { type InputEnv, InputReader, inputError } from '../../src/gha/inputs.js';
import { getPlatforms } from '../../src/gha/platforms.js';
import { checkReference } from '../../src/gha/references.js';
import { registerSecret } from '../../src/gha/secrets.js';
import { getStoreInputs, type StoreInputs } from '../../src/gha/store-inputs.js';
import { getYaml } from '../../src/gha/yaml-input.js';

export const FORMATS = ['oci', 'docker'] as const;

/** Transports an extra output may name; pushing goes through `tags` and `push` instead. */
export const OUTPUT_TRANSPORTS = ['oci', 'oci-archive', 'docker-archive', 'dir'] as const;

/** A step list, given inline (already known to be a YAML sequence) or as a file to read later. */
export type StepsInput =
  | { kind: 'inline'; yaml: string; steps: unknown[] }
  | { kind: 'file'; path: string };

/** Keyed by the names in action.yml, so a reader of one finds the other. */
export interface Inputs extends StoreInputs {
  context: string;
  file: string;
  steps: StepsInput | undefined;
  tags: string[];
  labels: Map<string, string>;
  annotations: Map<string, string>;
  'build-args': Map<string, string>;
  target: string;
  platforms: string[];
  push: boolean;
  secrets: Map<string, string>;
  outputs: string[];
  'no-cache': boolean;
  format: (typeof FORMATS)[number];
  'source-date-epoch': number | undefined;
  username: string;
  password: string;
  authfile: string;
  'tls-verify': boolean;
}

/** Inputs whose values must never be logged. */
export const SECRET_INPUTS = ['password', 'secrets'] as const;

export function parseInputs(
  env: InputEnv = process.env,
  secret: (value: string) => void = registerSecret,
): Inputs {
  const reader = new InputReader(env, { secret });
  // Credentials first, so they are masked even when a later input turns out to be wrong.
  const secrets = reader.getKeyValues('secrets', { secret: true });
  const login = getUserPassword(reader, 'username', 'password');
  const inputs: Inputs = {
    context: reader.getString('context', { default: '.' }),
    file: reader.getString('file'),
    steps: getSteps(reader, 'steps'),
    tags: reader.getList('tags'),
    labels: reader.getKeyValues('labels'),
    annotations: reader.getKeyValues('annotations'),
    'build-args': reader.getKeyValues('build-args'),
    target: reader.getString('target'),
    platforms: getPlatforms(reader, 'platforms'),
    push: reader.getBoolean('push', false),
    secrets,
    outputs: reader.getList('outputs', { ignoreComma: true, quote: false }),
    'no-cache': reader.getBoolean('no-cache', false),
    format: reader.getChoice('format', FORMATS, 'oci'),
    'source-date-epoch': reader.getInteger('source-date-epoch', undefined, { min: 0 }),
    username: login?.username ?? '',
    password: login?.password ?? '',
    authfile: reader.getString('authfile'),
    'tls-verify': reader.getBoolean('tls-verify', true),
    ...getStoreInputs(reader, true),
  };
  for (const tag of inputs.tags) checkReference('tags', tag);
  for (const output of inputs.outputs) checkOutput(output);
  if (inputs.file !== '' && inputs.steps !== undefined) {
    throw inputError(
      'steps',
      'cannot be combined with file: a build is a Dockerfile or a step list',
    );
  }
  if (inputs.push && inputs.tags.length === 0) {
    throw inputError('tags', 'push: true needs at least one tag to push to');
  }
  return inputs;
}

function checkOutput(output: string): void {
  const colon = output.indexOf(':');
  const transport = colon < 0 ? '' : output.slice(0, colon);
  const ok =
    (OUTPUT_TRANSPORTS as readonly string[]).includes(transport) && output.length > colon + 1;
  if (!ok) {
    const forms = OUTPUT_TRANSPORTS.map((t) => `${t}:…`).join(', ');
    throw inputError('outputs', `expected one of ${forms}, got "${output}"`);
  }
}

/**
 * A single line naming a .yaml/.yml file is a path (read when the build starts, relative to the
 * workspace); anything else must be an inline YAML list of steps.
 */
function getSteps(reader: InputReader, name: string): StepsInput | undefined {
  const text = reader.raw(name);
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!trimmed.includes('\n') && /\.ya?ml$/i.test(trimmed)) return { kind: 'file', path: trimmed };
  const doc = getYaml(reader, name);
  if (!Array.isArray(doc) || doc.length === 0) {
    throw inputError(name, 'expected a YAML list of steps, or the path of a .yaml/.yml file');
  }
  return { kind: 'inline', yaml: text, steps: doc };
}
