// Where the store lives when nobody says: LIGHTER_STORE, else a system or per-user data directory.

import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The default store directory: `$LIGHTER_STORE` when set; as root `/var/lib/lighter`; otherwise
 * `$XDG_DATA_HOME/lighter`, falling back to `~/.local/share/lighter` (the XDG default), so a
 * rootless store never lands in a system path the user cannot write.
 */
export function defaultStoreDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.LIGHTER_STORE;
  if (explicit) return explicit;
  if (process.getuid?.() === 0) return '/var/lib/lighter';
  const dataHome = env.XDG_DATA_HOME;
  // XDG says a relative value is invalid and must be ignored.
  if (dataHome?.startsWith('/')) return join(dataHome, 'lighter');
  return join(homedir(), '.local', 'share', 'lighter');
}
