// The run action's work, apart from reading inputs and writing outputs: services up and ready, the test container, logs.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { errorMessage, LighterError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/log.js';
import {
  type ContainerPlan,
  type PlayResult,
  type PodPlan,
  Pods,
  playPod,
  preparePlan,
  readPodFile,
  watchLiveness,
} from '../../src/core/pod/index.js';
import {
  checkVolumeSources,
  Engine,
  LiveOutput,
  lastLines,
  type NetworkMode,
  newId,
} from '../../src/core/run/index.js';
import { type Container, defaultStateDir, logText } from '../../src/core/runtime/index.js';
import { defaultStoreDir } from '../../src/core/storage/location.js';
import type { RegistryAccess } from '../../src/core/transport/types.js';
import { appendSummary } from '../../src/gha/summary.js';
import type { Inputs, ServiceSpec } from './inputs.js';
import type { Created, CreatedTracker } from './state.js';

export interface ServiceReport {
  name: string;
  image: string;
  ready: boolean;
  /** Seconds from start until ready (or until giving up). */
  seconds: number;
}

export interface RunResult {
  /** Exit code of the test command. */
  exitCode: number;
  /** Directory holding every container's log file. */
  logs: string;
  services: ServiceReport[];
  seconds: number;
}

/** Lines of a service's log shown in the job summary when the run fails. */
const SUMMARY_LINES = 100;

/**
 * Starts the services, waits until they are ready, runs the test container and returns its
 * exit code. Everything it creates goes to `tracker` before it exists, so post can remove it.
 * Services keep running after main (later steps may use their published ports); the test
 * container is removed once its logs are saved.
 */
export async function run(
  inputs: Inputs,
  logger: Logger,
  tracker: CreatedTracker,
): Promise<RunResult> {
  const started = Date.now();
  const deadline = inputs.timeout === undefined ? undefined : started + inputs.timeout * 1000;
  const engine = new Engine({
    stateDir: process.env.LIGHTER_STATE_DIR || defaultStateDir(),
    storeDir: inputs.store || defaultStoreDir(),
    logger,
    registry: registryAccess(inputs),
  });
  const pods = new Pods(engine);
  tracker.stateDir(engine.stateDir);
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const logsDir = join(
    process.env.RUNNER_TEMP || tmpdir(),
    `lighter-run-${randomBytes(4).toString('hex')}`,
  );

  const plan = await podPlan(inputs, workspace);
  const testName = testContainerName(plan);
  const volumes = inputs.volumes.map((v) => ({ ...v, source: resolve(workspace, v.source) }));
  // Every check that bad input can fail runs first, so a mistake leaves nothing running.
  const { prepared, testImage } = await logger.group(
    'Checking images, volumes and ports',
    async () => {
      const prepared = plan ? await preparePlan(engine, plan) : undefined;
      const testImage = await engine.image(inputs.image);
      await checkVolumeSources(volumes);
      return { prepared, testImage };
    },
  );

  let played: PlayResult | undefined;
  const reports: ServiceReport[] = [];
  if (plan) {
    played = await logger.group(
      `Starting ${plan.containers.length} service(s) in pod ${plan.name}`,
      () =>
        playPod(
          pods,
          plan,
          {
            onCreate: (kind, id) => (kind === 'pod' ? tracker.pod(id) : tracker.container(id)),
            ...(deadline !== undefined ? { deadline } : {}),
            extraNames: [testName],
          },
          prepared,
        ),
    );
    for (const c of played.containers) {
      const ready = !c.readiness || c.readiness.ready;
      reports.push({ name: c.plan.name, image: c.plan.image, ready, seconds: c.ms / 1000 });
      const how = c.readiness
        ? `${c.readiness.ready ? 'ready' : 'NOT ready'}: ${c.readiness.reason}`
        : 'started (no readiness check)';
      logger.info(`${c.plan.name}: ${how} (${(c.ms / 1000).toFixed(1)} s)`);
    }
    for (const port of played.pod.record.ports) {
      logger.info(
        `published ${port.hostIp ?? '0.0.0.0'}:${port.hostPort} -> ${port.containerPort}/${port.protocol}`,
      );
    }
    if (played.failures.length > 0) {
      await saveLogs(
        logsDir,
        played.containers.map((c) => c.container),
      );
      await showServiceLogs(played, logger, true);
      const reasons = played.failures
        .map((f) => `${f.plan.name} (${f.readiness?.reason})`)
        .join('; ');
      throw new LighterError('ERR_RUNTIME', `service(s) never became ready: ${reasons}`, {
        details: { logs: logsDir },
      });
    }
  }

  const id = newId();
  tracker.container(id);
  const network: NetworkMode = played ? await played.pod.namespaces() : 'host';
  const output = new LiveOutput((_stream, line) => logger.info(line));
  const names = [...(plan?.containers.map((c) => c.name) ?? []), testName];
  const container = await engine.create(
    {
      id,
      name: testName,
      image: inputs.image,
      // `sh -e`, as a workflow's `shell: sh` runs a step: the first failing command ends it.
      ...(inputs.run !== '' ? { entrypoint: ['/bin/sh', '-e', '-c'], command: [inputs.run] } : {}),
      env: Object.fromEntries(inputs.env),
      volumes,
      ...(inputs.workdir ? { workdir: inputs.workdir } : {}),
      network,
      extraHosts: played ? names.map((name) => ({ name, address: '127.0.0.1' })) : [],
      readiness: 'none',
      onOutput: output.onOutput,
    },
    testImage,
  );
  const live = played
    ? watchLiveness(
        played.containers
          .filter((c) => c.plan.liveness)
          .map((c) => ({
            name: c.plan.name,
            container: c.container,
            probe: c.plan.liveness!,
            pod: played!.pod,
          })),
        (name, reason) => logger.warn(`service ${name} failed its liveness check: ${reason}`),
      )
    : undefined;
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  let exitCode: number;
  try {
    // Beside services, the pod's infra process holds the test container too: no monitor
    // process to start, and the exit code still outlives a main step that is killed.
    await container.start(played ? { supervise: played.pod.monitors() } : {});
    if (deadline !== undefined) {
      timer = setTimeout(
        () => {
          timedOut = true;
          logger.error(
            `the run took longer than its timeout (${inputs.timeout} s); stopping the test container`,
          );
          container.stop({ timeoutMs: 10_000 }).catch((error) => logger.debug(errorMessage(error)));
        },
        Math.max(0, deadline - Date.now()),
      );
    }
    exitCode = await container.wait();
  } finally {
    clearTimeout(timer);
    live?.stop();
  }
  await output.finish(container.record.logPath);
  if (timedOut) logger.error(`timed out: the test container was stopped (exit code ${exitCode})`);

  const all = [...(played?.containers.map((c) => c.container) ?? []), container];
  await saveLogs(logsDir, all);
  if (played) await showServiceLogs(played, logger, exitCode !== 0);
  await engine.remove(container, { force: true });
  return { exitCode, logs: logsDir, services: reports, seconds: (Date.now() - started) / 1000 };
}

/** Removes every container and pod main created, even ones main never saw finish starting. */
export async function cleanup(created: Created, logger: Logger): Promise<void> {
  const engine = new Engine({
    stateDir: created.stateDir ?? (process.env.LIGHTER_STATE_DIR || defaultStateDir()),
    logger,
  });
  const pods = new Pods(engine);
  const failures: string[] = [];
  // Containers first (newest first), then the pods whose namespaces they used.
  for (const id of [...created.containers].reverse()) {
    try {
      await engine.removeById(id);
    } catch (error) {
      failures.push(`container ${id.slice(0, 12)}: ${errorMessage(error)}`);
    }
  }
  for (const id of [...created.pods].reverse()) {
    try {
      await pods.removeById(id);
    } catch (error) {
      failures.push(`pod ${id.slice(0, 12)}: ${errorMessage(error)}`);
    }
  }
  logger.info(
    `Removed ${created.containers.length} container(s) and ${created.pods.length} pod(s).`,
  );
  if (failures.length > 0) {
    throw new LighterError('ERR_RUNTIME', `cleaning up: ${failures.join('; ')}`);
  }
}

function registryAccess(inputs: Inputs): RegistryAccess {
  return inputs.credentials
    ? { creds: `${inputs.credentials.username}:${inputs.credentials.password}` }
    : {};
}

/** The pod the services (and published ports) make up; undefined when the test container runs alone. */
async function podPlan(inputs: Inputs, workspace: string): Promise<PodPlan | undefined> {
  const services = inputs.services;
  if (services?.kind === 'kube') {
    const plan = await readPodFile(resolve(workspace, services.path));
    return { ...plan, ports: [...plan.ports, ...inputs.ports] };
  }
  const list = services?.services ?? [];
  if (list.length === 0 && inputs.ports.length === 0) return undefined;
  return {
    name: `services-${randomBytes(3).toString('hex')}`,
    ports: [...inputs.ports, ...list.flatMap((s) => s.ports)],
    containers: list.map((s) => containerPlan(s, workspace)),
  };
}

function containerPlan(service: ServiceSpec, workspace: string): ContainerPlan {
  return {
    name: service.name,
    image: service.image,
    env: service.env,
    ...(service.entrypoint ? { entrypoint: service.entrypoint } : {}),
    ...(service.command ? { command: service.command } : {}),
    ...(service.workdir ? { workdir: service.workdir } : {}),
    ...(service.user ? { user: service.user } : {}),
    mounts: service.volumes.map((v) => ({
      hostPath: resolve(workspace, v.source),
      destination: v.destination,
      readOnly: v.readOnly,
    })),
    ...(service.health ? { readiness: service.health } : {}),
    ports: service.ports.map((p) => p.containerPort),
  };
}

function testContainerName(plan: PodPlan | undefined): string {
  const taken = new Set(plan?.containers.map((c) => c.name) ?? []);
  let name = 'test';
  for (let i = 2; taken.has(name); i++) name = `test-${i}`;
  return name;
}

/** Each container's output as plain text, `<dir>/<name>.log`. */
async function saveLogs(dir: string, containers: readonly Container[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const c of containers) {
    await writeFile(join(dir, `${c.name}.log`), logText(await c.logs()));
  }
}

/** Each service's log in a collapsed group; on failure the last lines go to the job summary too. */
async function showServiceLogs(played: PlayResult, logger: Logger, failed: boolean): Promise<void> {
  const sections: string[] = [];
  for (const c of played.containers) {
    const entries = await c.container.logs();
    const lines = lastLines(entries, Number.MAX_SAFE_INTEGER);
    await logger.group(`Logs of service ${c.plan.name} (${lines.length} line(s))`, async () => {
      for (const line of lines) logger.info(line);
    });
    if (failed) {
      const tail = lines.slice(-SUMMARY_LINES);
      const status =
        c.readiness && !c.readiness.ready ? `never ready: ${c.readiness.reason}` : 'ran';
      sections.push(
        `<details><summary>Logs of service <code>${html(c.plan.name)}</code> (${html(status)}; last ${tail.length} line(s))</summary>\n\n<pre>${html(tail.join('\n'))}</pre>\n\n</details>\n`,
      );
    }
  }
  if (sections.length > 0) await appendSummary(`### Service logs\n\n${sections.join('\n')}`);
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
