// Dockerfile errors that name the file and line, so the build action can annotate that line.

import { LighterError } from '../../errors.js';

/** Where in a Dockerfile something is: 1-based lines (and column, when known). */
export interface DockerfilePosition {
  file: string;
  line: number;
  endLine?: number;
  column?: number;
}

/**
 * ERR_DOCKERFILE with the message `Dockerfile:12: …` and `details: { file, line, column? }`,
 * the shape the action turns into an annotation on that line.
 */
export function dockerfileError(
  position: DockerfilePosition,
  message: string,
  options: { cause?: unknown; details?: Record<string, unknown> } = {},
): LighterError {
  const details: Record<string, unknown> = {
    ...options.details,
    file: position.file,
    line: position.line,
  };
  if (position.endLine !== undefined && position.endLine !== position.line) {
    details.endLine = position.endLine;
  }
  if (position.column !== undefined) details.column = position.column;
  return new LighterError('ERR_DOCKERFILE', `${position.file}:${position.line}: ${message}`, {
    cause: options.cause,
    details,
  });
}

/**
 * Problems found by code that does not know the position (the word lexer, flag parsers):
 * the caller adds the position with `atPosition`.
 */
export class DockerfileSyntaxError extends LighterError {
  override readonly name = 'DockerfileSyntaxError';
  constructor(message: string, details?: Record<string, unknown>) {
    super('ERR_DOCKERFILE', message, details === undefined ? {} : { details });
  }
}

/** Runs `fn`, turning a DockerfileSyntaxError into a positioned ERR_DOCKERFILE. */
export function atPosition<T>(position: DockerfilePosition, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof DockerfileSyntaxError) {
      throw dockerfileError(position, err.message, { cause: err, details: err.details });
    }
    throw err;
  }
}
