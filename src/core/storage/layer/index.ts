// Layer tars in and out of directories: applyLayer extracts one safely, diffLayer writes one.

export { type AppliedLayer, type ApplyLayerOptions, applyLayer } from './apply.js';
export { type DiffLayerOptions, type DiffLayerResult, diffLayer, type LayerDiff } from './diff.js';
export type { IdMap, IdMapping } from './id-map.js';
export type { OverlayXattrNamespace } from './whiteout.js';
