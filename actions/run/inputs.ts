// The run action's inputs, parsed and checked once; every error names the input at fault.
import { isLighterError } from '../../src/core/errors.js';
import * as options from '../../src/core/run/options.js';
import { type Credentials, getCredentials } from '../../src/gha/credentials.js';
import { type InputEnv, InputReader, inputError } from '../../src/gha/inputs.js';
import { checkReference } from '../../src/gha/references.js';
import { registerSecret } from '../../src/gha/secrets.js';
import { getStoreInputs, type StoreInputs } from '../../src/gha/store-inputs.js';
import { getYaml } from '../../src/gha/yaml-input.js';
import { parseService, type ServiceSpec } from './services.js';

export type { ServiceSpec } from './services.js';

export type ServicesInput =
  | { kind: 'list'; services: ServiceSpec[] }
  | { kind: 'kube'; path: string };

export type Volume = options.VolumeMount;
export type Port = options.PortMapping;

/** Keyed by the names in action.yml, so a reader of one finds the other. */
export interface Inputs extends StoreInputs {
  image: string;
  run: string;
  services: ServicesInput | undefined;
  env: Map<string, string>;
  volumes: Volume[];
  workdir: string;
  ports: Port[];
  /** Seconds; undefined for no limit. */
  timeout: number | undefined;
  credentials: Credentials | undefined;
}

/** Inputs whose values must never be logged. */
export const SECRET_INPUTS = ['credentials'] as const;

export function parseInputs(
  env: InputEnv = process.env,
  secret: (value: string) => void = registerSecret,
): Inputs {
  const reader = new InputReader(env, { secret });
  // Credentials first, so they are masked even when a later input turns out to be wrong.
  const credentials = getCredentials(reader, 'credentials');
  const inputs: Inputs = {
    image: reader.getString('image', { required: true }),
    run: reader.getString('run'),
    services: getServices(reader, 'services'),
    env: reader.getKeyValues('env'),
    volumes: reader.getList('volumes', { ignoreComma: true }).map((v) => parseVolume('volumes', v)),
    workdir: reader.getString('workdir'),
    ports: reader.getList('ports').map((p) => parsePort('ports', p)),
    timeout: parseDuration('timeout', reader.getString('timeout')),
    credentials,
    ...getStoreInputs(reader, false),
  };
  checkImage('image', inputs.image);
  if (inputs.workdir !== '' && !inputs.workdir.startsWith('/')) {
    throw inputError(
      'workdir',
      `expected an absolute path in the container, got "${inputs.workdir}"`,
    );
  }
  return inputs;
}

// The build action's image-id output (sha256:…) names a store image as well as a reference does.
const IMAGE_ID = /^(?:sha256:)?[a-f0-9]{12,64}$/;

function checkImage(name: string, image: string): void {
  if (!IMAGE_ID.test(image)) checkReference(name, image);
}

const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * A single line naming a .yaml/.yml file is a Kubernetes Pod file; anything else must be a YAML
 * list of services, each a mapping with at least an image.
 */
function getServices(reader: InputReader, name: string): ServicesInput | undefined {
  const text = reader.raw(name).trim();
  if (text === '') return undefined;
  if (!text.includes('\n') && /\.ya?ml$/i.test(text)) return { kind: 'kube', path: text };
  const doc = getYaml(reader, name);
  if (!Array.isArray(doc)) {
    throw inputError(
      name,
      'expected a YAML list of services, or the path of a Pod .yaml/.yml file',
    );
  }
  const services: ServiceSpec[] = [];
  const seen = new Set<string>();
  for (const [index, item] of doc.entries()) {
    const where = `item ${index + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw inputError(name, `${where}: expected a mapping with at least "image"`);
    }
    const spec = item as Record<string, unknown>;
    if (typeof spec.image !== 'string' || spec.image.trim() === '') {
      throw inputError(name, `${where}: "image" is required`);
    }
    checkImage(name, spec.image);
    const serviceName = spec.name ?? defaultServiceName(spec.image);
    if (typeof serviceName !== 'string' || !SERVICE_NAME.test(serviceName)) {
      throw inputError(name, `${where}: "name" must be letters, digits, "_", "." or "-"`);
    }
    if (seen.has(serviceName)) {
      throw inputError(
        name,
        `${where}: the name "${serviceName}" is already taken; give it a name`,
      );
    }
    seen.add(serviceName);
    services.push(parseService(name, where, spec, serviceName));
  }
  return { kind: 'list', services };
}

/** `ghcr.io/o/postgres:16` is service `postgres`, the name people would type. */
function defaultServiceName(image: string): string {
  const last = image.split('@')[0]!.split('/').pop()!;
  return last.split(':')[0]!;
}

export function parseVolume(name: string, value: string): Volume {
  return asInput(name, () => options.parseVolume(value));
}

export function parsePort(name: string, value: string): Port {
  return asInput(name, () => options.parsePort(value));
}

/** `90`, `90s`, `15m`, `1h30m` in seconds; '' is no limit. */
export function parseDuration(name: string, value: string): number | undefined {
  if (value === '') return undefined;
  return asInput(name, () => options.parseDuration(value));
}

/** Core's parsers say what they expected; the input's name goes in front. */
function asInput<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isLighterError(error, 'ERR_INVALID_ARGUMENT')) throw inputError(name, error.message);
    throw error;
  }
}

/** The inputs as the log shows them: ports, volumes and services in the forms people write. */
export function inputsForLog(inputs: Inputs): Record<string, unknown> {
  const services = inputs.services;
  return {
    ...inputs,
    services:
      services === undefined
        ? undefined
        : services.kind === 'kube'
          ? `${services.path} (Kubernetes Pod file)`
          : services.services.map((s) => `${s.name}: ${s.image}`),
    volumes: inputs.volumes.map((v) => `${v.source}:${v.destination}${v.readOnly ? ':ro' : ''}`),
    ports: inputs.ports.map(options.formatPort),
  };
}
