// The CLI bundle's entry (dist/cli/index.js): checks Node, turns on V8's compile cache, then
// loads the CLI itself as a separate chunk, so later runs skip compiling it (a CLI that CI calls
// many times a job should start fast).
import module from 'node:module';
import './node-version.js';

module.enableCompileCache?.();
const { main } = await import('./main.js');

// exitCode rather than process.exit(), so output still buffered for a pipe is written first.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`lighter: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
