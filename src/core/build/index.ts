// The builder: Dockerfile and step-list builds into the store, layer by layer, with a layer cache; `buildImage` is the entry point.

export { buildImage } from './builder.js';
export { CACHE_MOUNT } from './cache-mounts.js';
export { CACHE_KEY, CACHE_STEP, cacheKey, explainMiss, type StepInputs } from './layer-cache.js';
export { LayerView, type ViewEntry } from './layer-view.js';
export { parseStepList, type StepList } from './steps.js';
export type {
  BuildOptions,
  BuildResult,
  BuiltPlatform,
  ImageFormat,
  SecretValue,
  StepReport,
} from './types.js';
