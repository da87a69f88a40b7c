// The layer helper: the blob worker module run as a program, through sudo, for a process that
// handles its layers as root (as-root.ts). Its last stderr line is the result or the error.
//
//   apply DIR COMPRESSION     a layer tar on stdin, applied into DIR (overlay whiteouts)
//   diff DIR OPTIONS-JSON     DIR as a layer on stdout (diffLayer's options)
//   unstub UPPER STUBS-JSON   empty mountpoint stubs removed from an upper dir

import { pipeline } from 'node:stream';
import { isLighterError } from '../errors.js';
import type { Logger } from '../log.js';
import type { LayerCompression } from '../media-types.js';
import { ERROR_PREFIX, RESULT_PREFIX } from './as-root.js';
import { type DiffLayerOptions, diffLayer } from './layer/index.js';
import { removeEmptyStubs } from './layer/stubs.js';
import { extractInto } from './unpack.js';

const warnings: Logger = {
  debug() {},
  info() {},
  warn: (message) => process.stderr.write(`${message}\n`),
  error: (message) => process.stderr.write(`${message}\n`),
  group: (_title, fn) => fn(),
  secret() {},
};

export async function runLayerHelper(argv: readonly string[]): Promise<void> {
  const [op, dir, arg] = argv;
  try {
    if (dir === undefined || arg === undefined) throw new Error(`usage: apply|diff|unstub DIR ARG`);
    let result: unknown;
    if (op === 'apply') {
      result = await extractInto(process.stdin, dir, arg as LayerCompression | 'auto', warnings);
    } else if (op === 'diff') {
      const options = JSON.parse(arg) as DiffLayerOptions;
      const diff = diffLayer(dir, { ...options, logger: warnings });
      pipeline(diff.stream, process.stdout, () => {});
      result = await diff.done;
    } else if (op === 'unstub') {
      await removeEmptyStubs(dir, JSON.parse(arg) as string[]);
      result = {};
    } else {
      throw new Error(`unknown operation ${String(op)}`);
    }
    process.stderr.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } catch (error) {
    const failure = {
      ...(isLighterError(error) ? { code: error.code } : {}),
      message: error instanceof Error ? error.message : String(error),
    };
    process.stderr.write(`${ERROR_PREFIX}${JSON.stringify(failure)}\n`);
    process.exitCode = 1;
  }
}
