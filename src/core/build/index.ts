// The builder: Dockerfile and step-list builds into the store, layer by layer, with a layer cache; `buildImage` is the entry point.

export { buildImage } from './builder.js';
export {
  BUILD_CACHE,
  CACHE_KEY,
  CACHE_MOUNT,
  CACHE_STEP,
  cacheEntries,
  cacheKey,
  explainMiss,
  type StepInputs,
} from './layer-cache.js';
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
