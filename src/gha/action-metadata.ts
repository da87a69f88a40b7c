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
