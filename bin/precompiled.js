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
    const files = tsFiles(src);
    // Size and mtime of every source: a stat each, no reads, on every start.
    const stamp = createHash('sha256').update(files.map((f) => { const s = statSync(f); return `${relative(src, f)}:${s.size}:${s.mtimeMs}`; }).join('\n')).digest('hex');
    // One folder per state of the sources, never rewritten once there: a start that is importing
    // from it cannot lose it to another start compiling at the same moment.
    const out = join(cache, 'js', stamp.slice(0, 16));
    const entry = join(out, 'cli', 'main.js');
    if (readOr(join(out, '.stamp')) === stamp) return entry;
    const { default: ts } = await import('typescript');
    const temp = join(cache, 'js', `.${process.pid}.tmp`);
    rmSync(temp, { recursive: true, force: true }); // left by a start that died with this pid
    prune(join(cache, 'js'));
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
    try {
      renameSync(temp, out);
    } catch {
      rmSync(temp, { recursive: true, force: true }); // another start made the same folder first
    }
    return readOr(join(out, '.stamp')) === stamp ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Copies of older sources go once they are an hour old (a start still running one is long done). */
function prune(dir) {
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!name.startsWith('.') && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // nothing compiled yet
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
