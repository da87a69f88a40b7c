// `lighter kube play FILE` and `lighter kube generate POD`: Kubernetes Pod YAML in and out.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export type KubeRequest =
  | { action: 'play'; file: string; down: boolean }
  | { action: 'generate'; pod: string; output: string | undefined };

export async function kubePlay(args: Args, ctx: CommandContext): Promise<number> {
  return execute({ action: 'play', file: args.positionals[0]!, down: args.boolean('down') }, ctx);
}

export async function kubeGenerate(args: Args, ctx: CommandContext): Promise<number> {
  const request: KubeRequest = {
    action: 'generate',
    pod: args.positionals[0]!,
    output: args.string('filename'),
  };
  return execute(request, ctx);
}

// Pods and the Kubernetes YAML mapping (issue #6) plug in here.
async function execute(_request: KubeRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the container runtime', 6);
}
