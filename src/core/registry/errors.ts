// Turns registry responses and connection failures into LighterErrors with stable codes.

import { STATUS_CODES } from 'node:http';
import { type ErrorCode, LighterError } from '../errors.js';

/** One entry of the distribution spec's error body `{errors: [{code, message, detail}]}`. */
export interface RegistryErrorEntry {
  code: string;
  message?: string;
  detail?: unknown;
}

/** Parses the spec's error JSON; anything else gives an empty list. */
export function parseErrorBody(text: string): RegistryErrorEntry[] {
  if (!text) return [];
  try {
    const json = JSON.parse(text) as { errors?: unknown };
    if (!Array.isArray(json.errors)) return [];
    return json.errors
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .filter((e) => typeof e.code === 'string')
      .map((e) => ({
        code: e.code as string,
        ...(typeof e.message === 'string' ? { message: e.message } : {}),
        ...(e.detail === undefined ? {} : { detail: e.detail }),
      }));
  } catch {
    return [];
  }
}

const CODE_BY_REGISTRY_CODE: Record<string, ErrorCode> = {
  UNAUTHORIZED: 'ERR_UNAUTHORIZED',
  DENIED: 'ERR_DENIED',
  BLOB_UNKNOWN: 'ERR_NOT_FOUND',
  BLOB_UPLOAD_UNKNOWN: 'ERR_NOT_FOUND',
  MANIFEST_UNKNOWN: 'ERR_NOT_FOUND',
  NAME_UNKNOWN: 'ERR_NOT_FOUND',
  DIGEST_INVALID: 'ERR_DIGEST_MISMATCH',
  UNSUPPORTED: 'ERR_UNSUPPORTED',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'ERR_UNAUTHORIZED';
  if (status === 403) return 'ERR_DENIED';
  if (status === 404) return 'ERR_NOT_FOUND';
  if (status === 405) return 'ERR_UNSUPPORTED';
  return 'ERR_REGISTRY';
}

export interface ErrorResponse {
  status: number;
  /** The body as text (already bounded by the reader). */
  body: string;
  /** Extra words appended in parentheses, e.g. why a 401 could not be retried. */
  hint?: string;
  /** Forces a code (e.g. ERR_DENIED for a 401 with `insufficient_scope`). */
  code?: ErrorCode;
  /** The server's Retry-After, kept for callers that schedule their own retries. */
  retryAfterMs?: number;
}

/**
 * The error for an unexpected response: "401 UNAUTHORIZED: authentication required".
 * The registry's own code wins over the status when it is more precise (a 404 with
 * BLOB_UPLOAD_INVALID is not "not found" but a broken upload).
 */
export function responseError(response: ErrorResponse): LighterError {
  const entries = parseErrorBody(response.body);
  const first = entries[0];
  let code: ErrorCode = response.code ?? codeForStatus(response.status);
  if (!response.code && first) {
    const byRegistry = CODE_BY_REGISTRY_CODE[first.code];
    if (byRegistry) code = byRegistry;
    else if (response.status < 500 && response.status !== 401 && response.status !== 403) {
      code = 'ERR_REGISTRY';
    }
  }
  const described = entries.length
    ? entries.map((e) => (e.message ? `${e.code}: ${e.message}` : e.code)).join('; ')
    : (STATUS_CODES[response.status] ?? 'unexpected status');
  const hint = response.hint ? ` (${response.hint})` : '';
  return new LighterError(code, `${response.status} ${described}${hint}`, {
    details: {
      status: response.status,
      registryCodes: entries.map((e) => e.code),
      ...(response.retryAfterMs === undefined ? {} : { retryAfterMs: response.retryAfterMs }),
    },
  });
}

const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** The most telling `code` along an error's cause chain (undici wraps socket errors). */
export function systemCode(err: unknown): string | undefined {
  const codes: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  // The deepest known code is the most precise (ECONNRESET under undici's UND_ERR_SOCKET).
  return codes.findLast((c) => isTlsCode(c) || RETRYABLE_NETWORK_CODES.has(c)) ?? codes[0];
}

function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_');
}

/** True when a TLS handshake failed because the other side does not speak TLS at all. */
export function isProtocolMismatch(err: unknown): boolean {
  const code = systemCode(err);
  return (
    code === 'EPROTO' ||
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG' ||
    code === 'ERR_SSL_HTTP_REQUEST'
  );
}

/** True for failures where trying the same request again may work (drops, resets, timeouts). */
export function isRetryableNetworkError(err: unknown): boolean {
  if (err instanceof LighterError)
    return err.code === 'ERR_NETWORK' && err.details?.retryable === true;
  const code = systemCode(err);
  return code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/** Wraps a connection-level failure as ERR_TLS or ERR_NETWORK, keeping the low-level code. */
export function networkError(err: unknown, host: string): LighterError {
  if (err instanceof LighterError) return err;
  const code = systemCode(err);
  const message = err instanceof Error ? err.message : String(err);
  const suffix = code && !message.includes(code) ? ` (${code})` : '';
  const tls = code !== undefined && isTlsCode(code);
  return new LighterError(
    tls ? 'ERR_TLS' : 'ERR_NETWORK',
    `connection to ${host}: ${message}${suffix}`,
    {
      cause: err,
      details: { systemCode: code, retryable: !tls && isRetryableNetworkError(err) },
    },
  );
}
