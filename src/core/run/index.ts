// The container engine: images from the store run as containers, with records, readiness checks and output helpers.

export { endProcess, isAlive, type ProcessId, processId } from '../runtime/process-id.js';
export {
  type ContainerInfo,
  type ContainerRequest,
  Engine,
  type EngineOptions,
  LABEL,
  type NetworkMode,
  type PodNamespaces,
  type StoredRequest,
  selfId,
  storedRequest,
} from './engine.js';
export { imageLayers, type ResolvedImage, resolveImage } from './image.js';
export { checkName, defaultName, newId } from './names.js';
export {
  formatPort,
  type PortMapping,
  parseDuration,
  parseEnvEntries,
  parseEnvFileText,
  parsePort,
  parseVolume,
  readEnvFiles,
  type VolumeMount,
} from './options.js';
export { LineJoiner, type LineWriter, LiveOutput, lastLines } from './output.js';
export {
  type CheckResult,
  type Connect,
  describeCheck,
  type ExecIn,
  httpCheck,
  imageProbe,
  PROBE_DEFAULTS,
  type Probe,
  type ProbeCheck,
  parseHealthCommand,
  probe,
  runCheck,
} from './probe.js';
export { type ReadinessOptions, type ReadinessResult, waitReady } from './readiness.js';
export { checkVolumeSources } from './volumes.js';
