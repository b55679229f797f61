#!/usr/bin/env node
// Entry for `npx leapfrog`: npm puts the package-local Node 24 first on PATH, which runs .ts directly.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`leapfrog: needs Node >= 22.18 (found ${process.version}); run it through npx or npm so the project's Node is used\n`);
  process.exit(2);
}
const { run } = await import('../generator/cli/main.ts');
const { handleStdoutErrors } = await import('../generator/cli/stdout-errors.ts');
handleStdoutErrors();
const argv = process.argv.slice(2);
process.exitCode = argv[0] === 'rehearse' ? await (await import('../generator/rehearse/cli.ts')).rehearseMain(argv.slice(1)) : run(argv);
