#!/usr/bin/env node
// Entry for `npx leapfrog`: npm puts the package-local Node 24 first on PATH, which runs .ts directly.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`leapfrog: needs Node >= 22.18 (found ${process.version}); run it through npx or npm so the project's Node is used\n`);
  process.exit(2);
}
const root = new URL('..', import.meta.url);
// Compiled modules are kept between runs (Node's compile cache), and so is a JavaScript copy of
// the generator (bin/precompiled.js): a start does not parse, strip or compile them again.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.(new URL('node_modules/.cache/leapfrog/compile/', root).pathname);
const { fileURLToPath, pathToFileURL } = await import('node:url');
const { compiledCli } = await import('./precompiled.js');
const checkout = fileURLToPath(root);
const compiled = await compiledCli(checkout);
// The copy lives under node_modules/.cache: tell it where the checkout (content/, templates/) is.
if (compiled) process.env.LEAPFROG_ROOT = checkout;
const { run } = await import(compiled ? pathToFileURL(compiled).href : '../generator/cli/main.ts');
const { handleStdoutErrors } = await import(
  compiled ? pathToFileURL(compiled.replace(/main\.js$/, 'stdout-errors.js')).href : '../generator/cli/stdout-errors.ts'
);
handleStdoutErrors();
const argv = process.argv.slice(2);
// rehearse runs real code for minutes, from the sources (it reads data files beside them).
process.exitCode = argv[0] === 'rehearse' ? await (await import('../generator/rehearse/cli.ts')).rehearseMain(argv.slice(1)) : run(argv);
