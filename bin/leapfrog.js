#!/usr/bin/env node
// Entry for `npx leapfrog`: npm puts the package-local Node 24 first on PATH, which runs .ts directly.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`leapfrog: needs Node >= 22.18 (found ${process.version}); run it through npx or npm so the project's Node is used\n`);
  process.exit(2);
}
// The compiled (and type-stripped) modules are kept between runs, so a start does not redo them.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.(new URL('../node_modules/.cache/leapfrog/compile/', import.meta.url).pathname);
const { run } = await import('../generator/cli/main.ts');
const { handleStdoutErrors } = await import('../generator/cli/stdout-errors.ts');
handleStdoutErrors();
process.exitCode = run(process.argv.slice(2));
