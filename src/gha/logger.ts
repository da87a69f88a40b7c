// Maps core's Logger onto the GitHub Actions log: groups, debug lines, annotations and masks.
import * as core from '@actions/core';
import type { Logger } from '../core/log.js';
import { registerSecret } from './secrets.js';

/** The subset of `@actions/core` the logger writes to; injectable so tests can record calls. */
export interface ActionsLogSink {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  startGroup(name: string): void;
  endGroup(): void;
}

const coreSink: ActionsLogSink = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  startGroup: (n) => core.startGroup(n),
  endGroup: () => core.endGroup(),
};

/** A Logger for code running inside an action. */
export function actionsLogger(
  sink: ActionsLogSink = coreSink,
  secret: (value: string) => void = registerSecret,
): Logger {
  // The runner cannot nest groups: a second `::group::` silently closes the first. Inner groups
  // therefore become a plain title line inside the outer one.
  let depth = 0;
  return {
    debug: (m) => sink.debug(m),
    info: (m) => sink.info(m),
    warn: (m) => sink.warning(m),
    error: (m) => sink.error(m),
    async group(title, fn) {
      if (depth > 0) {
        sink.info(title);
        return fn();
      }
      depth++;
      sink.startGroup(title);
      try {
        return await fn();
      } finally {
        sink.endGroup();
        depth--;
      }
    },
    secret: (v) => secret(v),
  };
}
