// The frame every action entry point runs in: one place turns an error into a failed step.
import * as path from 'node:path';
import * as core from '@actions/core';
import { errorMessage, LighterError } from '../core/errors.js';
import { maskSecrets } from './secrets.js';

/** What runAction reports through; the default is `@actions/core`, tests pass a recorder. */
export interface FailureSink {
  setFailed(message: string): void;
  error(message: string, properties: core.AnnotationProperties): void;
  debug(message: string): void;
}

const coreSink: FailureSink = {
  setFailed: (m) => core.setFailed(m),
  error: (m, p) => core.error(m, p),
  debug: (m) => core.debug(m),
};

/**
 * Runs an action's main (or post) function. A thrown error fails the step with its message; an
 * error that points into a file (a Dockerfile line) becomes an annotation on that line instead of
 * a bare message, so the pull request shows it where it belongs. Never rejects.
 */
export async function runAction(
  main: () => Promise<void>,
  sink: FailureSink = coreSink,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  try {
    await main();
  } catch (err) {
    const message = maskSecrets(errorMessage(err));
    if (err instanceof Error && err.stack) sink.debug(maskSecrets(err.stack));
    const location = annotationLocation(err, env);
    if (location) {
      // setFailed would add a second, file-less annotation with the same text; this is setFailed
      // with a location.
      sink.error(message, location);
      process.exitCode = core.ExitCode.Failure;
    } else {
      sink.setFailed(message);
    }
  }
}

/** The file and line a LighterError points at, relative to the workspace as annotations need. */
export function annotationLocation(
  err: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): core.AnnotationProperties | undefined {
  if (!(err instanceof LighterError) || !err.details) return undefined;
  const { file, line, column } = err.details;
  if (typeof file !== 'string' || file === '') return undefined;
  const props: core.AnnotationProperties = { file: workspaceRelative(file, env) };
  const startLine = positiveInteger(line);
  if (startLine !== undefined) {
    props.startLine = startLine;
    const startColumn = positiveInteger(column);
    if (startColumn !== undefined) props.startColumn = startColumn;
  }
  return props;
}

function positiveInteger(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

function workspaceRelative(
  file: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  if (!path.isAbsolute(file)) return file.split(path.sep).join('/');
  const rel = path.relative(workspace, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}
