// Builds the undici Dispatcher registry requests go through: trusted CAs, verification, timeouts.

import { readFileSync } from 'node:fs';
import { getCACertificates } from 'node:tls';
import type { buildConnector as BuildConnector, Dispatcher } from 'undici';
import { LighterError } from '../errors.js';
import { Agent, buildConnector } from './undici.js';

export interface DispatcherOptions {
  /** Verify certificates (default true). */
  tlsVerify?: boolean;
  /** PEM files trusted in addition to the system and bundled roots. */
  caFiles?: string[];
  /** Max wait for response headers, ms (default 5 min: registries can be slow to commit). */
  headersTimeoutMs?: number;
  /** Max silence while reading a body, ms (default 5 min); a stalled blob is then resumed. */
  bodyTimeoutMs?: number;
  /** Connect timeout, ms (default 30 s). */
  connectTimeoutMs?: number;
  /** Connections per origin (default 8: enough for parallel layer copies). */
  connections?: number;
}

/** Node's bundled roots plus the operating system's store, which corporate CAs are added to. */
function systemRoots(): string[] {
  const roots = new Set(getCACertificates('default'));
  try {
    for (const cert of getCACertificates('system')) roots.add(cert);
  } catch {
    // Some platforms cannot enumerate the system store; the bundled roots still apply.
  }
  return [...roots];
}

function readCaFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new LighterError('ERR_INPUT', `reading CA file ${file}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

export function createDispatcher(options: DispatcherOptions = {}): Dispatcher {
  const verify = options.tlsVerify !== false;
  const extra = (options.caFiles ?? []).map(readCaFile);
  const timeout = options.connectTimeoutMs ?? 30_000;
  // Loading the system's CA store costs tens of milliseconds: only an https connection pays it,
  // so a plain-http registry on loopback (the CI case) never does.
  const plain = buildConnector({ timeout });
  let secure: BuildConnector.connector | undefined;
  const connect: BuildConnector.connector = (opts, callback) => {
    if (opts.protocol !== 'https:') return plain(opts, callback);
    secure ??= buildConnector({
      timeout,
      rejectUnauthorized: verify,
      ...(verify ? { ca: [...systemRoots(), ...extra] } : {}),
    });
    return secure(opts, callback);
  };
  return new Agent({
    connections: options.connections ?? 8,
    headersTimeout: options.headersTimeoutMs ?? 300_000,
    bodyTimeout: options.bodyTimeoutMs ?? 300_000,
    connect,
  });
}
