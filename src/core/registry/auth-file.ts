// Writes and removes credentials in a containers auth.json (what `login`/`logout` change),
// in the same file the credential resolver reads first.

import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { errorMessage, LighterError } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { normalizeAuthKey } from './credentials.js';

/**
 * The file `login` writes: `explicit`, else $REGISTRY_AUTH_FILE, else
 * $XDG_RUNTIME_DIR/containers/auth.json (podman's choice), else ~/.config/containers/auth.json.
 */
export function defaultAuthFile(env: NodeJS.ProcessEnv, explicit?: string): string {
  if (explicit) return explicit;
  if (env.REGISTRY_AUTH_FILE) return env.REGISTRY_AUTH_FILE;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json');
  return join(
    env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'),
    'containers',
    'auth.json',
  );
}

type AuthJson = { auths?: Record<string, { auth?: string }> } & Record<string, unknown>;

async function readAuthJson(file: string): Promise<AuthJson> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new LighterError('ERR_INPUT', `reading ${file}: ${errorMessage(err)}`, { cause: err });
  }
  try {
    const parsed = JSON.parse(text || '{}');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as AuthJson;
  } catch (err) {
    throw new LighterError(
      'ERR_INPUT',
      `reading ${file}: invalid JSON (${errorMessage(err)}); fix or remove it`,
    );
  }
}

async function writeAuthJson(file: string, value: AuthJson): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  // Credentials: readable by the owner only, and never a half-written file.
  await writeFileAtomic(file, `${JSON.stringify(value, null, '\t')}\n`, { mode: 0o600 });
}

/** Stores `username:password` for `registry` (other entries and keys are kept). */
export async function saveLogin(
  file: string,
  registry: string,
  username: string,
  password: string,
): Promise<void> {
  const json = await readAuthJson(file);
  const auths = { ...(json.auths ?? {}) };
  const key = normalizeAuthKey(registry);
  for (const k of Object.keys(auths)) if (normalizeAuthKey(k) === key) delete auths[k];
  auths[key] = { auth: Buffer.from(`${username}:${password}`).toString('base64') };
  await writeAuthJson(file, { ...json, auths });
}

/** Removes `registry` (or every registry when undefined); false when nothing was stored. */
export async function removeLogin(file: string, registry: string | undefined): Promise<boolean> {
  const json = await readAuthJson(file);
  const auths = { ...(json.auths ?? {}) };
  const before = Object.keys(auths).length;
  if (registry === undefined) {
    for (const k of Object.keys(auths)) delete auths[k];
  } else {
    const key = normalizeAuthKey(registry);
    for (const k of Object.keys(auths)) if (normalizeAuthKey(k) === key) delete auths[k];
  }
  if (Object.keys(auths).length === before) return false;
  await writeAuthJson(file, { ...json, auths });
  return true;
}
