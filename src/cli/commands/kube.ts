// `lighter kube play FILE` and `lighter kube generate POD`: Kubernetes Pod YAML in and out.
import { writeFile } from 'node:fs/promises';
import { errorMessage } from '../../core/errors.js';
import {
  generatePodYaml,
  type PlayedContainer,
  Pods,
  playPod,
  readPodFile,
} from '../../core/pod/index.js';
import { lastLines } from '../../core/run/index.js';
import type { Args } from '../args.js';
import { engineFor } from '../container-options.js';
import type { CommandContext } from '../context.js';

export type KubeRequest =
  | { action: 'play'; file: string; down: boolean }
  | { action: 'generate'; pod: string; output: string | undefined };

export async function kubePlay(args: Args, ctx: CommandContext): Promise<number> {
  return execute(
    { action: 'play', file: args.positionals[0]!, down: args.boolean('down') },
    args,
    ctx,
  );
}

export async function kubeGenerate(args: Args, ctx: CommandContext): Promise<number> {
  const request: KubeRequest = {
    action: 'generate',
    pod: args.positionals[0]!,
    output: args.string('filename'),
  };
  return execute(request, args, ctx);
}

async function execute(request: KubeRequest, args: Args, ctx: CommandContext): Promise<number> {
  const pods = new Pods(engineFor(args, ctx));
  if (request.action === 'generate') {
    const pod = await pods.find(request.pod);
    const containers = (await pods.engine.list()).filter((c) => c.pod?.id === pod.id);
    const yaml = generatePodYaml({
      name: pod.name,
      ports: pod.record.ports,
      dir: pod.dir,
      containers,
    });
    if (request.output) await writeFile(request.output, yaml);
    else ctx.out(yaml.trimEnd());
    return 0;
  }
  const plan = await readPodFile(request.file);
  if (request.down) {
    const pod = await pods.find(plan.name);
    await pods.remove(pod, { force: true });
    ctx.out(pod.id);
    return 0;
  }
  await pods.reap();
  let podId: string | undefined;
  try {
    const result = await playPod(pods, plan, {
      onCreate: (kind, id) => {
        if (kind === 'pod') podId = id;
      },
    });
    if (result.failures.length > 0) {
      for (const failed of result.failures) await reportNotReady(failed, ctx);
      // A pod that is not ready is no use to anyone: nothing of it stays running.
      await pods.remove(result.pod, { force: true });
      return 1;
    }
    for (const c of result.containers) {
      const ready = c.readiness
        ? `ready in ${(c.ms / 1000).toFixed(1)} s (${c.readiness.reason})`
        : 'started';
      ctx.logger.info(`${c.plan.name}: ${ready}`);
    }
    ctx.out(result.pod.id);
    return 0;
  } catch (error) {
    if (podId) {
      await pods
        .removeById(podId)
        .catch((e) => ctx.logger.debug(`removing pod ${podId}: ${errorMessage(e)}`));
    }
    throw error;
  }
}

/** The reason and the last lines of a container that never became ready. */
export async function reportNotReady(failed: PlayedContainer, ctx: CommandContext): Promise<void> {
  ctx.logger.error(
    `container ${failed.plan.name} never became ready: ${failed.readiness?.reason ?? 'unknown'}`,
  );
  const lines = lastLines(await failed.container.logs(), 50);
  if (lines.length === 0) return;
  ctx.logger.error(`last ${lines.length} line(s) of its output:`);
  for (const line of lines) ctx.logger.info(`  ${line}`);
}
