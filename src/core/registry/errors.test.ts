// Tests for mapping registry error bodies, statuses and socket errors to stable codes.

import { describe, expect, it } from 'vitest';
import { isRetryableNetworkError, networkError, parseErrorBody, responseError } from './errors.js';

const body = (...errors: Array<{ code: string; message?: string }>) => JSON.stringify({ errors });

describe('registry errors', () => {
  it('parses the spec error body and ignores anything else', () => {
    expect(parseErrorBody(body({ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }))).toEqual(
      [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }],
    );
    expect(parseErrorBody('<html>')).toEqual([]);
    expect(parseErrorBody('{"errors":[{"message":"no code"}]}')).toEqual([]);
  });

  it('writes "STATUS CODE: message" and maps codes', () => {
    const e = responseError({
      status: 401,
      body: body({ code: 'UNAUTHORIZED', message: 'authentication required' }),
    });
    expect(e.code).toBe('ERR_UNAUTHORIZED');
    expect(e.message).toBe('401 UNAUTHORIZED: authentication required');
    const cases: Array<[number, string | undefined, string]> = [
      [404, 'MANIFEST_UNKNOWN', 'ERR_NOT_FOUND'],
      [404, 'NAME_UNKNOWN', 'ERR_NOT_FOUND'],
      [404, 'BLOB_UPLOAD_INVALID', 'ERR_REGISTRY'],
      [400, 'DIGEST_INVALID', 'ERR_DIGEST_MISMATCH'],
      [400, 'MANIFEST_INVALID', 'ERR_REGISTRY'],
      [403, 'DENIED', 'ERR_DENIED'],
      [403, undefined, 'ERR_DENIED'],
      [405, 'UNSUPPORTED', 'ERR_UNSUPPORTED'],
      [429, 'TOOMANYREQUESTS', 'ERR_REGISTRY'],
      [503, undefined, 'ERR_REGISTRY'],
    ];
    for (const [status, code, want] of cases) {
      expect(responseError({ status, body: code ? body({ code }) : '' }).code).toBe(want);
    }
    expect(responseError({ status: 503, body: '' }).message).toBe('503 Service Unavailable');
  });

  it('honours a forced code and appends hints', () => {
    const e = responseError({
      status: 401,
      body: body({ code: 'UNAUTHORIZED', message: 'authentication required' }),
      code: 'ERR_DENIED',
      hint: 'token lacks push',
      retryAfterMs: 2000,
    });
    expect(e.code).toBe('ERR_DENIED');
    expect(e.message).toBe('401 UNAUTHORIZED: authentication required (token lacks push)');
    expect(e.details).toMatchObject({ status: 401, retryAfterMs: 2000 });
  });

  it('classifies socket and TLS failures', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const wrapped = Object.assign(new Error('other side closed'), {
      code: 'UND_ERR_SOCKET',
      cause: reset,
    });
    expect(isRetryableNetworkError(wrapped)).toBe(true);
    const mapped = networkError(wrapped, '127.0.0.1:5000');
    expect(mapped.code).toBe('ERR_NETWORK');
    expect(mapped.message).toBe('connection to 127.0.0.1:5000: other side closed (ECONNRESET)');
    expect(isRetryableNetworkError(mapped)).toBe(true);

    const tls = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(networkError(tls, 'r.io').code).toBe('ERR_TLS');
    expect(isRetryableNetworkError(tls)).toBe(false);
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND r.io'), { code: 'ENOTFOUND' });
    expect(isRetryableNetworkError(dns)).toBe(false);
  });
});
