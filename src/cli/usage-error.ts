// A mistake in how the CLI was called (exit code 2), as opposed to a failure doing the work (1).
import { LighterError } from '../core/errors.js';

export class UsageError extends LighterError {
  override readonly name = 'UsageError';
  /** The command path the mistake belongs to (`copy`, `pod create`), for the message and hint. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super('ERR_INVALID_ARGUMENT', message);
    this.command = command;
  }
}
