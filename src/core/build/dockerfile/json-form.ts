// The exec (JSON array) form of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME, and Docker's fallback to shell form.

import { DockerfileSyntaxError } from './error.js';

/**
 * The strings of a JSON array argument, or undefined when `rest` is not a JSON array (Docker then
 * reads it as shell form, so `RUN [oops` runs `[oops` in a shell). An array holding anything but
 * strings is an error, as in Docker.
 */
export function parseJsonForm(rest: string): string[] | undefined {
  const text = rest.replace(/^\s+/u, '');
  if (!text.startsWith('[')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  if (!parsed.every((item) => typeof item === 'string')) {
    throw new DockerfileSyntaxError(
      'when using JSON array syntax, arrays must be comprised of strings only',
    );
  }
  return parsed as string[];
}

/** True when `rest` is exec form (a JSON array of strings). */
export function isJsonArray(rest: string): boolean {
  try {
    return parseJsonForm(rest) !== undefined;
  } catch {
    return false;
  }
}
