// The Dockerfile frontend: parse, expand and plan a build, without executing anything.

export { type DockerfilePosition, dockerfileError } from './error.js';
export { type Env, type ExpandOptions, type Expansion, expandWord, expandWords } from './expand.js';
export { chompHeredoc, parseHeredocWord } from './heredoc.js';
export { type Mount, parseMount } from './mount.js';
export { type ParseOptions, parseDockerfile } from './parse.js';
export {
  type BuildPlan,
  DEFAULT_PATH,
  DEFAULT_SHELL,
  PLATFORM_ARGS,
  type PlannedInstruction,
  type PlannedMount,
  type PlanOptions,
  PROXY_ARGS,
  planBuild,
  runArgv,
  type SourceRef,
  type Stage,
  type StageBase,
} from './plan.js';
export type * from './types.js';
