// Turns the CLI's registry flags into the core's RegistryAccess.
import type { OpenOptions, RegistryAccess } from '../core/transport/types.js';
import type { CommandContext } from './context.js';
import type { RegistryOptions } from './options.js';

export function registryAccess(options: RegistryOptions, retries: number): RegistryAccess {
  const access: RegistryAccess = { tlsVerify: options.tlsVerify, retries };
  if (options.credentials) {
    access.creds = `${options.credentials.username}:${options.credentials.password}`;
  }
  if (options.authfile) access.authFile = options.authfile;
  return access;
}

/** Open options for one side of a command: registry access, the logger and the store. */
export function openOptions(
  ctx: CommandContext,
  options: RegistryOptions,
  retries: number,
  storeDir: string | undefined,
): OpenOptions {
  const open: OpenOptions = { logger: ctx.logger, registry: registryAccess(options, retries) };
  const store = storeDir ?? ctx.env.LIGHTER_STORE;
  if (store) open.storeDir = store;
  return open;
}
