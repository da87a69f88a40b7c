// Pods (shared namespaces held by an infra process, published ports), readiness, and Kubernetes Pod YAML.

export { connectInPod } from './agent.js';
export { bindPorts, closeServers } from './forwarder.js';
export { type GeneratePodInput, generatePodYaml, parsePodYaml, readPodFile } from './kube.js';
export { type WatchedContainer, watchLiveness } from './liveness.js';
export {
  type ContainerPlan,
  type PlannedMount,
  type PlayedContainer,
  type PlayOptions,
  type PlayResult,
  type PodPlan,
  playPod,
  preparePlan,
} from './play.js';
export {
  type CreatePodOptions,
  Pod,
  type PodInfo,
  type PodRecord,
  type PodStatus,
  Pods,
} from './pod.js';
export { connectFor, execFor, exitedFor, type ReadyOptions, waitContainerReady } from './ready.js';
