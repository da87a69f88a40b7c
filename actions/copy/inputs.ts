// The copy action's inputs, parsed and checked once; every error names the input at fault.
import { LighterError } from '../../src/core/errors.js';
import { parseImageNameOrReference } from '../../src/core/transport/index.js';
import { type Credentials, getCredentials, getUserPassword } from '../../src/gha/credentials.js';
import { type InputEnv, InputReader, inputError } from '../../src/gha/inputs.js';
import { getPlatforms } from '../../src/gha/platforms.js';
import { registerSecret } from '../../src/gha/secrets.js';
import { getStoreInputs, type StoreInputs } from '../../src/gha/store-inputs.js';

export const FORMATS = ['oci', 'v2s2'] as const;

/** Keyed by the names in action.yml, so a reader of one finds the other. */
export interface Inputs extends StoreInputs {
  source: string;
  destinations: string[];
  'all-platforms': boolean;
  platforms: string[];
  'preserve-digests': boolean;
  format: (typeof FORMATS)[number] | undefined;
  username: string;
  password: string;
  'source-credentials': Credentials | undefined;
  'destination-credentials': Credentials | undefined;
  authfile: string;
  retries: number;
  'tls-verify': boolean;
}

/** Inputs whose values must never be logged. */
export const SECRET_INPUTS = ['password', 'source-credentials', 'destination-credentials'] as const;

export function parseInputs(
  env: InputEnv = process.env,
  secret: (value: string) => void = registerSecret,
): Inputs {
  const reader = new InputReader(env, { secret });
  // Every input is read before any cross-input check, so credentials are masked even when a
  // different input turns out to be wrong.
  const login = getUserPassword(reader, 'username', 'password');
  const inputs: Inputs = {
    source: reader.getString('source', { required: true }),
    destinations: reader.getList('destinations'),
    'all-platforms': reader.getBoolean('all-platforms', false),
    platforms: getPlatforms(reader, 'platforms'),
    'preserve-digests': reader.getBoolean('preserve-digests', false),
    format: reader.getChoice('format', FORMATS),
    username: login?.username ?? '',
    password: login?.password ?? '',
    'source-credentials': getCredentials(reader, 'source-credentials'),
    'destination-credentials': getCredentials(reader, 'destination-credentials'),
    authfile: reader.getString('authfile'),
    retries: reader.getInteger('retries', 3, { min: 0, max: 100 }),
    'tls-verify': reader.getBoolean('tls-verify', true),
    ...getStoreInputs(reader, false),
  };
  if (inputs.destinations.length === 0) throw inputError('destinations', 'a value is required');
  checkImageName('source', inputs.source);
  for (const d of inputs.destinations) checkImageName('destinations', d);
  if (inputs['all-platforms'] && inputs.platforms.length > 0) {
    throw inputError('platforms', 'cannot be combined with all-platforms: true');
  }
  return inputs;
}

/** Image names are checked up front, so a typo fails before anything is read or written. */
function checkImageName(input: string, value: string): void {
  try {
    parseImageNameOrReference(value);
  } catch (err) {
    if (!(err instanceof LighterError)) throw err;
    throw inputError(input, err.message);
  }
}
