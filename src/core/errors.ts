// The one error type of lighter: a stable code for programs, a message with context for people.

/** Stable error codes. Callers and tests match on these, never on message text. */
export type ErrorCode =
  | 'ERR_INVALID_ARGUMENT'
  | 'ERR_INPUT'
  | 'ERR_BAD_REFERENCE'
  | 'ERR_BAD_DIGEST'
  | 'ERR_DIGEST_MISMATCH'
  | 'ERR_SIZE_MISMATCH'
  | 'ERR_BAD_MEDIA_TYPE'
  | 'ERR_BAD_MANIFEST'
  | 'ERR_MANIFEST_TOO_BIG'
  | 'ERR_UNSUPPORTED_SCHEMA'
  | 'ERR_BAD_PLATFORM'
  | 'ERR_NO_MATCHING_PLATFORM'
  | 'ERR_UNKNOWN_TRANSPORT'
  | 'ERR_NOT_FOUND'
  | 'ERR_UNAUTHORIZED'
  | 'ERR_DENIED'
  | 'ERR_REGISTRY'
  | 'ERR_NETWORK'
  | 'ERR_TLS'
  | 'ERR_STORE'
  | 'ERR_LOCKED'
  | 'ERR_UNSAFE_ARCHIVE'
  | 'ERR_DOCKERFILE'
  | 'ERR_BUILD'
  | 'ERR_RUNTIME'
  | 'ERR_CACHE'
  | 'ERR_TIMEOUT'
  | 'ERR_CANCELLED'
  | 'ERR_UNSUPPORTED'
  | 'ERR_WOULD_CHANGE_DIGEST';

export interface LighterErrorOptions {
  cause?: unknown;
  /** Structured facts for logs and summaries (never secrets). */
  details?: Record<string, unknown>;
}

export class LighterError extends Error {
  override readonly name: string = 'LighterError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: LighterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

/** An argument at an API boundary was wrong; thrown eagerly, before any work starts. */
export class InvalidArgumentError extends LighterError {
  override readonly name = 'InvalidArgumentError';
  constructor(message: string, options?: LighterErrorOptions) {
    super('ERR_INVALID_ARGUMENT', message, options);
  }
}

export function isLighterError(err: unknown, code?: ErrorCode): err is LighterError {
  return err instanceof LighterError && (code === undefined || err.code === code);
}

/**
 * Adds context as a gerund prefix, keeping the code of a LighterError:
 * `withContext(err, 'pushing manifest to ghcr.io/o/r:1.2')` gives
 * "pushing manifest to ghcr.io/o/r:1.2: 401 UNAUTHORIZED ...".
 * Errors of other kinds become `fallback` (ERR_RUNTIME unless told).
 */
export function withContext(
  err: unknown,
  context: string,
  fallback: ErrorCode = 'ERR_RUNTIME',
): LighterError {
  const message = `${context}: ${errorMessage(err)}`;
  if (err instanceof LighterError) {
    const wrapped = new LighterError(err.code, message, { cause: err, details: err.details });
    return wrapped;
  }
  return new LighterError(fallback, message, { cause: err });
}

/** Runs `fn`, adding `context` to whatever it throws. */
export async function contextual<T>(
  context: string,
  fn: () => Promise<T>,
  fallback?: ErrorCode,
): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw withContext(err, context, fallback);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
