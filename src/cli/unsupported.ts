// The error for a command whose engine has not landed yet, naming the issue that brings it.
import { LighterError } from '../core/errors.js';

export function notInThisBuild(what: string, issue: number): LighterError {
  return new LighterError('ERR_UNSUPPORTED', `${what} is not in this build yet (issue #${issue})`);
}
