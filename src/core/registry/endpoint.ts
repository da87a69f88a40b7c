// Where a registry name points: API host, loopback detection and the names credentials use.

import { isIP } from 'node:net';
import { InvalidArgumentError } from '../errors.js';

/** The registry Docker Hub images live on when named `docker.io/...`. */
export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** The key `docker login` writes for Docker Hub in config.json and passes to helpers. */
export const DOCKER_HUB_LEGACY_KEY = 'https://index.docker.io/v1/';

/** Validates a registry name (`host`, `host:port`, `[v6]:port`) eagerly. */
export function checkRegistryName(registry: string): void {
  if (!/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(registry)) {
    throw new InvalidArgumentError(`invalid registry name "${registry}": expected host[:port]`);
  }
}

/** The `host:port` to send API requests to: Docker Hub's API lives on registry-1.docker.io. */
export function apiHost(registry: string): string {
  return DOCKER_HUB_ALIASES.has(registry) ? DOCKER_HUB_API : registry;
}

/** The canonical name for credential lookups: Docker Hub's aliases all become docker.io. */
export function canonicalRegistry(registry: string): string {
  return DOCKER_HUB_ALIASES.has(registry) ? DOCKER_HUB : registry;
}

/** The host part of `host:port` / `[v6]:port`, without brackets. */
export function hostname(registry: string): string {
  if (registry.startsWith('[')) return registry.slice(1, registry.indexOf(']'));
  const colon = registry.lastIndexOf(':');
  return colon === -1 ? registry : registry.slice(0, colon);
}

/** True for 127.0.0.0/8, ::1 and localhost: hosts where plain HTTP is tried without asking. */
export function isLoopback(registry: string): boolean {
  const host = hostname(registry).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}
