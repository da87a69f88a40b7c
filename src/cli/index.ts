// The CLI bundle's entry (dist/cli/index.js): runs main and exits with its code.
import './node-version.js';
import { main } from './main.js';

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
