// The CLI as plain JavaScript: the generator's .ts files are transpiled once into
// node_modules/.cache/leapfrog/js/ (again whenever one changes), so a start loads neither
// Node's TypeScript stripper nor the compiler. Any failure means running the .ts files as usual.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Path of the compiled CLI entry, up to date with the sources, or undefined. */
export async function compiledCli(root) {
  try {
    const src = join(root, 'generator');
    const cache = join(root, 'node_modules', '.cache', 'leapfrog');
    const out = join(cache, 'js');
    const files = tsFiles(src);
    // Size and mtime of every source: a stat each, no reads, on every start.
    const stamp = createHash('sha256').update(files.map((f) => { const s = statSync(f); return `${relative(src, f)}:${s.size}:${s.mtimeMs}`; }).join('\n')).digest('hex');
    const entry = join(out, 'cli', 'main.js');
    if (readOr(join(out, '.stamp')) === stamp) return entry;
    const { default: ts } = await import('typescript');
    const temp = join(cache, `js.${process.pid}.tmp`);
    for (const file of files) {
      const target = join(temp, relative(src, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        compilerOptions: { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, rewriteRelativeImportExtensions: true },
      });
      writeFileSync(target, outputText);
    }
    writeFileSync(join(temp, '.stamp'), stamp);
    rmSync(out, { recursive: true, force: true });
    renameSync(temp, out); // a concurrent start sees the old tree or the new one, not half of one
    return entry;
  } catch {
    return undefined;
  }
}

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  }).sort();
}

function readOr(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
