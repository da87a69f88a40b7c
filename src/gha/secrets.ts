// The one place an action registers a credential: masked in the runner's log and in our own text.
import * as core from '@actions/core';
import { SecretMasker } from '../core/log.js';

// One masker per process, because an action is one process and a secret registered by the input
// reader must also be hidden from the summary and the failure message written much later.
const masker = new SecretMasker();

/**
 * Masks `value` in everything the runner prints and in what `maskSecrets` returns.
 * The runner matches masks line by line, so a multi-line secret (a PEM key, a JSON token) is
 * registered whole and as each of its lines.
 */
export function registerSecret(value: string): void {
  if (value === '') return;
  const parts = new Set([value, ...value.split(/\r?\n/).map((line) => line.trim())]);
  for (const part of parts) {
    if (part === '') continue;
    core.setSecret(part);
    masker.add(part);
  }
}

/** Replaces every registered secret in `text` with `***`. */
export function maskSecrets(text: string): string {
  return masker.mask(text);
}
