// Imported first by the CLI entry: on a Node older than 24 it says so plainly, before any
// dependency that needs newer Node APIs is loaded and fails with a cryptic TypeError.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `lighter: needs Node.js 24 or later, this is ${process.version} (run it through npm scripts or npx, which use the node@24 devDependency, or install Node 24)\n`,
  );
  process.exit(1);
}

export {};
