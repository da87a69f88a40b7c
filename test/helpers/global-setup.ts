// Runs once before the suite: fails fast, with the fix, when a tool the tests drive is missing.

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const REQUIRED_BINARIES = ['docker-registry', 'skopeo', 'umoci', 'openssl', 'htpasswd'];
const REQUIRED_FILES = ['/bin/busybox'];

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function present(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export default function setup(): void {
  // Looking at PATH, not spawning `--version`s, keeps this to a millisecond.
  const missing = [
    ...REQUIRED_BINARIES.filter((binary) => !onPath(binary)),
    ...REQUIRED_FILES.filter((file) => !present(file)),
  ];
  if (missing.length > 0) {
    throw new Error(
      `missing test prerequisites: ${missing.join(', ')}. Run \`npm run provision\` ` +
        '(installs docker-registry, skopeo, umoci, openssl, apache2-utils, busybox-static).',
    );
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    throw new Error(
      `tests need Node 24 but this is ${process.version}: run them through npx ` +
        '(npx vitest run), which uses node_modules/.bin/node.',
    );
  }
}
