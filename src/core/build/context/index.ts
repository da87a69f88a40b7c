// The build context: .dockerignore rules, a streaming walk, COPY/ADD source resolution and their content hash.

export { type HashOptions, hashEntries, hashSources } from './hash.js';
export {
  type ContextIgnore,
  IgnoreMatcher,
  type IgnorePattern,
  parseIgnoreFile,
  readContextIgnore,
} from './ignore.js';
export { BadPatternError, compileMatch, compilePathPattern, hasWildcards } from './pattern.js';
export { resolveSources, type SourceEntry, type SourceOptions } from './sources.js';
export { type ContextEntry, compareNames, type WalkOptions, walkContext } from './walk.js';
