// Reads an action.yml, so tests can hold parseInputs and the metadata to the same list of inputs.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { InputEnv } from './inputs.js';
import { inputVariable } from './inputs.js';

export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

export interface ActionOutput {
  description: string;
}

export interface ActionMetadata {
  name: string;
  description: string;
  author?: string;
  branding?: { icon: string; color: string };
  inputs: Record<string, ActionInput>;
  outputs: Record<string, ActionOutput>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export async function loadActionMetadata(file: string): Promise<ActionMetadata> {
  const doc = parse(await readFile(file, 'utf8')) as ActionMetadata;
  return { ...doc, inputs: doc.inputs ?? {}, outputs: doc.outputs ?? {} };
}

/** The environment the runner would build from the metadata's defaults, plus `given` on top. */
export function runnerEnv(
  metadata: ActionMetadata,
  given: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(metadata.inputs)) {
    if (input.default !== undefined) env[inputVariable(name)] = String(input.default);
  }
  for (const [name, value] of Object.entries(given)) env[inputVariable(name)] = value;
  return env;
}

/** Wraps an env so a test can see which `INPUT_*` variables a parse looked at. */
export function recordingEnv(env: InputEnv = {}): { env: InputEnv; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key.startsWith('INPUT_')) read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  return { env: proxy, read };
}

/**
 * What is wrong with an action.yml, as a list of sentences (empty when nothing): the parts the
 * Marketplace and the runner rely on, and descriptions for every input and output.
 */
export function metadataProblems(metadata: ActionMetadata): string[] {
  const problems: string[] = [];
  for (const key of ['name', 'description', 'author'] as const) {
    if (!metadata[key]) problems.push(`${key} is missing`);
  }
  if (!metadata.branding?.icon || !metadata.branding.color) problems.push('branding is incomplete');
  if (metadata.runs?.using !== 'node24') problems.push('runs.using must be node24');
  if (!metadata.runs?.main?.endsWith('.js')) problems.push('runs.main must name a .js bundle');
  if (metadata.runs?.post !== undefined && metadata.runs['post-if'] !== 'always()') {
    problems.push('a post step must run with post-if: always()');
  }
  for (const [name, input] of Object.entries(metadata.inputs)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) problems.push(`input ${name}: not kebab-case`);
    if (!input?.description) problems.push(`input ${name}: no description`);
    if (typeof input?.required !== 'boolean') problems.push(`input ${name}: required is not set`);
    if (input?.required === false && typeof input.default !== 'string') {
      problems.push(`input ${name}: an optional input needs a string default`);
    }
    if (input?.required === true && input.default !== undefined) {
      problems.push(`input ${name}: a required input has no default`);
    }
  }
  for (const [name, output] of Object.entries(metadata.outputs)) {
    if (!output?.description) problems.push(`output ${name}: no description`);
  }
  return problems;
}
