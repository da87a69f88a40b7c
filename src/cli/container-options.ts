// Container flag values (ports, volumes, env, durations): core's parsers, their errors as usage errors naming the flag.
import { isLighterError } from '../core/errors.js';
import { Engine } from '../core/run/engine.js';
import * as options from '../core/run/options.js';
import { defaultStateDir } from '../core/runtime/paths.js';
import { defaultStoreDir } from '../core/storage/location.js';
import type { RegistryAccess } from '../core/transport/types.js';
import type { Args } from './args.js';
import type { CommandContext } from './context.js';

export type { PortMapping, VolumeMount } from '../core/run/options.js';

function asUsage<T>(args: Args, flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isLighterError(error, 'ERR_INVALID_ARGUMENT'))
      throw args.usage(`flag --${flag}: ${error.message}`);
    throw error;
  }
}

export function parsePort(args: Args, flag: string, value: string): options.PortMapping {
  return asUsage(args, flag, () => options.parsePort(value));
}

export function parseVolume(args: Args, flag: string, value: string): options.VolumeMount {
  return asUsage(args, flag, () => options.parseVolume(value));
}

/** `-e KEY=VALUE`, or `-e KEY` to pass the variable through from this environment. */
export function parseEnv(
  args: Args,
  flag: string,
  values: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Map<string, string> {
  return asUsage(args, flag, () => options.parseEnvEntries(values, env));
}

/** A duration flag in seconds, or undefined when not given. */
export function parseDuration(args: Args, flag: string): number | undefined {
  const value = args.string(flag);
  if (value === undefined) return undefined;
  return asUsage(args, flag, () => options.parseDuration(value));
}

/**
 * The engine container commands work through: state dir from `$LIGHTER_STATE_DIR` (else the
 * runtime's default), store from `--store`, `$LIGHTER_STORE`, else the default store.
 */
export function engineFor(args: Args, ctx: CommandContext, registry?: RegistryAccess): Engine {
  const stateDir = ctx.env.LIGHTER_STATE_DIR || defaultStateDir();
  const storeDir = args.string('store') || defaultStoreDir(ctx.env as NodeJS.ProcessEnv);
  return new Engine({
    stateDir,
    storeDir,
    logger: ctx.logger,
    ...(registry ? { registry } : {}),
  });
}
