// The layer helper: the blob worker module run as a program, through sudo, for a process that
// handles its layers as root (as-root.ts). Its last stderr line is the result or the error.
//
//   apply DIR COMPRESSION     a layer tar on stdin, applied into DIR (overlay whiteouts)
//   diff DIR OPTIONS-JSON     DIR as a layer on stdout (diffLayer's options)
//   unstub UPPER STUBS-JSON   empty mountpoint stubs removed from an upper dir
//   serve                     reads for a layer view, a JSON request a line on stdin and a
//                             JSON answer a line on stdout, until stdin ends (RootReader)

import { pipeline } from 'node:stream';
import { isLighterError } from '../errors.js';
import type { Logger } from '../log.js';
import type { LayerCompression } from '../media-types.js';
import {
  ERROR_PREFIX,
  RESULT_PREFIX,
  type RootReadRequest,
  STAT_FIELDS,
  WARNING_PREFIX,
} from './as-root.js';
import { type DiffLayerOptions, diffLayer } from './layer/index.js';
import { removeEmptyStubs } from './layer/stubs.js';
import { OPAQUE_XATTRS } from './layer/whiteout.js';
import { readXattrTree } from './layer/xattr.js';
import { extractInto } from './unpack.js';

const warn = (message: string) =>
  process.stderr.write(`${WARNING_PREFIX}${JSON.stringify(message)}\n`);
const warnings: Logger = {
  debug() {},
  info() {},
  warn,
  error: warn,
  group: (_title, fn) => fn(),
  secret() {},
};

export async function runLayerHelper(argv: readonly string[]): Promise<void> {
  const [op, dir, arg] = argv;
  if (op === 'serve') {
    await serve();
    return;
  }
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

/** Answers RootReader's requests in order, each with its id; errors keep their errno code. */
async function serve(): Promise<void> {
  const { createInterface } = process.getBuiltinModule('node:readline');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line === '') continue;
    const request = JSON.parse(line) as RootReadRequest;
    let answer: object;
    try {
      answer = { id: request.id, value: await answerRead(request) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      answer = {
        id: request.id,
        error: {
          ...(code ? { code } : {}),
          message: error instanceof Error ? error.message : String(error),
        },
      };
    }
    if (!process.stdout.write(`${JSON.stringify(answer)}\n`)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  }
}

async function answerRead(request: RootReadRequest): Promise<unknown> {
  const { lstat, readdir, readlink, open } = process.getBuiltinModule('node:fs/promises');
  const { path } = request;
  switch (request.op) {
    case 'lstat': {
      const st = await lstat(path);
      const fields: Record<string, number> = {};
      for (const key of STAT_FIELDS) fields[key] = st[key];
      return fields;
    }
    case 'readdir':
      return readdir(path);
    case 'readlink':
      return readlink(path);
    case 'read': {
      const file = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(request.length ?? 0);
        const { bytesRead } = await file.read(buffer, 0, buffer.length, request.offset ?? 0);
        return buffer.subarray(0, bytesRead).toString('base64');
      } finally {
        await file.close();
      }
    }
    case 'opaque': {
      const { byPath } = await readXattrTree(path);
      const opaque: string[] = [];
      for (const [rel, attrs] of byPath) {
        if (
          attrs.some(([name, value]) => OPAQUE_XATTRS.has(name) && value.toString('latin1') === 'y')
        ) {
          opaque.push(rel);
        }
      }
      return opaque;
    }
    default:
      throw new Error(`unknown request ${String(request.op)}`);
  }
}
