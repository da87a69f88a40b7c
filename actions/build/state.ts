// What the build action's main step leaves for its post step.
import type { InputEnv } from '../../src/gha/inputs.js';
import { readJsonState } from '../../src/gha/state.js';
import type { CachePlan } from '../../src/gha/store-cache.js';

export const CACHE_STATE = 'cache';

/** The store to save, or undefined when main saved no plan (cache off, or the build failed). */
export function readCachePlan(env: InputEnv = process.env): CachePlan | undefined {
  const value = readJsonState(CACHE_STATE, env);
  if (value === undefined) return undefined;
  const plan = value as Partial<CachePlan>;
  if (typeof plan.store !== 'string' || typeof plan.key !== 'string') return undefined;
  return {
    store: plan.store,
    key: plan.key,
    scope: typeof plan.scope === 'string' ? plan.scope : '',
  };
}
