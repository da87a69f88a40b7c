// Image names from action inputs, checked with core's parser so errors match the CLI's.
import { errorMessage, LighterError } from '../core/errors.js';
import { parseReference } from '../core/reference.js';
import { inputError } from './inputs.js';

/** Throws ERR_INPUT naming `input` (with the parser's reason) unless `value` is a valid reference. */
export function checkReference(input: string, value: string): void {
  try {
    parseReference(value);
  } catch (err) {
    if (!(err instanceof LighterError)) throw err;
    const wrapped = inputError(input, errorMessage(err));
    throw new LighterError(wrapped.code, wrapped.message, { cause: err, details: wrapped.details });
  }
}
