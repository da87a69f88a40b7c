// YAML-valued inputs (step lists, service lists), with parse errors that name the input and line.
import { parse, YAMLParseError } from 'yaml';
import { type InputReader, inputError } from './inputs.js';

/** The parsed document of input `name`, or undefined when it is empty. */
export function getYaml(reader: InputReader, name: string): unknown {
  const text = reader.raw(name);
  if (text.trim() === '') return undefined;
  try {
    return parse(text);
  } catch (err) {
    if (!(err instanceof YAMLParseError)) throw err;
    // The parser's first line already says where ("... at line 3, column 1:"); the rest is an
    // excerpt of the input, which the log has anyway.
    const first = (err.message.split('\n')[0] ?? err.message).replace(/:$/, '');
    throw inputError(name, `invalid YAML: ${first}`);
  }
}
