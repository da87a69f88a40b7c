// The runtime wrapper: OCI specs, root filesystems and containers run by crun or runc.

export { type CleanupResult, cleanupAll } from './cleanup.js';
export {
  Container,
  type ContainerState,
  type ContainerStatus,
  type CreateContainerOptions,
  createContainer,
  type ExecOptions,
  type ExecResult,
  openContainer,
  type StartOptions,
  type StopOptions,
} from './container.js';
export {
  type CgroupMode,
  cgroupMode,
  chooseRuntime,
  type DetectOptions,
  detectRuntime,
  findExecutable,
  type HostFacts,
  hostFacts,
  type Runtime,
  type RuntimeName,
} from './detect.js';
export type { HostEntry } from './etc-files.js';
export { clampRlimits, hostLimits } from './limits.js';
export { followLogs, type LogEntry, type LogStream, logText, readLogs } from './logs.js';
export {
  type MonitorLink,
  type MonitorMessage,
  type MonitorService,
  monitorMain,
} from './monitor.js';
export { mountsUnder } from './mountinfo.js';
export { type ContainerPaths, containerPaths, defaultStateDir, runtimeRoot } from './paths.js';
export {
  copyLayers,
  mountOverlay,
  mountRootfs,
  type Rootfs,
  type RootfsKind,
  unmount,
  unmountRootfs,
} from './rootfs.js';
export { signalExitCode, signalName, signalNumber } from './signals.js';
export {
  type BindMount,
  type BuildSpecOptions,
  buildSpec,
  DEFAULT_CAPABILITIES,
  type NamespaceMode,
  parseBind,
  parseTmpfs,
  type TmpfsMount,
} from './spec.js';
export type { OciMount, OciProcess, OciRlimit, OciSpec } from './spec-types.js';
export { type ContainerRecord, type ExitRecord, listRecords } from './state.js';
export { type ResolvedUser, resolveUser } from './users.js';
