// State handed from an action's main step to its post step (`GITHUB_STATE` in, `STATE_*` out).
import * as core from '@actions/core';
import { withContext } from '../core/errors.js';
import type { InputEnv } from './inputs.js';

/** Saves a JSON value for the post step; saving again replaces it. */
export function saveJsonState(name: string, value: unknown): void {
  core.saveState(name, JSON.stringify(value));
}

/**
 * Reads what main saved, or `undefined` when it saved nothing (main failed early, or the job was
 * cancelled before it got that far). Read from an injectable env so post logic is table-testable.
 */
export function readJsonState(name: string, env: InputEnv = process.env): unknown {
  const raw = env[`STATE_${name}`] ?? '';
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw withContext(err, `reading the state "${name}" saved by the main step`, 'ERR_INPUT');
  }
}
