// The CLI as plain JavaScript: the generator's .ts files and the libraries they import are
// bundled once into node_modules/.cache/leapfrog/js/ (again whenever a source changes), so a start
// neither strips types nor resolves hundreds of modules. Any failure means running the .ts files.
// Builtins by process.getBuiltinModule: an ES import of node:fs builds its namespace, which loads
// fs/promises, streams and readline on every start (about 10 ms) for nothing.
const { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join, relative } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');

/** Path of the compiled CLI entry, up to date with the sources, or undefined. */
export async function compiledCli(root) {
  try {
    const src = join(root, 'generator');
    const cache = join(root, 'node_modules', '.cache', 'leapfrog');
    // The libraries are bundled too (the lockfile stands for their versions), and so is how.
    const files = [...tsFiles(src), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];
    // Size and mtime of every source: a stat each, no reads, on every start. No hash: the stamp is
    // compared whole (node:crypto alone costs a start more than these stats).
    const stamp = files
      .map((f) => {
        const s = statSync(f);
        return `${relative(src, f)}:${s.size}:${s.mtimeMs}`;
      })
      .join('\n');
    // `current` names the newest copy's folder, then its stamp. A folder is never rewritten once
    // there: a start importing from it cannot lose it to another start compiling at that moment.
    const current = join(cache, 'js', 'current');
    const [folder, ...seen] = (readOr(current) ?? '').split('\n');
    const known = folder && join(cache, 'js', folder, 'cli', 'main.js');
    if (known && seen.join('\n') === stamp && existsSync(known)) return known;
    const name = `${Date.now().toString(36)}-${process.pid}`;
    const out = join(cache, 'js', name);
    const { build } = await import('esbuild');
    const temp = join(cache, 'js', `.${process.pid}.tmp`);
    rmSync(temp, { recursive: true, force: true }); // left by a start that died with this pid
    prune(join(cache, 'js'));
    // One bundle, split where the generator loads a module lazily (generator/lazy.ts: the YAML
    // reader and validator, remark): a start reads a few files instead of resolving some 300 modules.
    await build({
      entryPoints: {
        'cli/main': join(src, 'cli', 'main.ts'),
        'cli/stdout-errors': join(src, 'cli', 'stdout-errors.ts'),
        // generator/lazy.ts loads these relative to itself: they keep their paths.
        lazy: join(src, 'lazy.ts'),
        'load-content': join(src, 'load-content.ts'),
        'render/markdown/remark-writer': join(src, 'render', 'markdown', 'remark-writer.ts'),
        'render/markdown/note-markdown': join(src, 'render', 'markdown', 'note-markdown.ts'),
      },
      outdir: temp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      // Loaded by Node from node_modules as they are: Handlebars is CommonJS (its compiler only
      // when a template changed); TypeScript and the rehearsal never run from the bundle.
      external: ['handlebars', 'handlebars/*', 'typescript', 'esbuild'],
      // CommonJS libraries inside the bundle still require Node's builtins.
      banner: { js: "import { createRequire as __leapfrogRequire } from 'node:module'; const require = __leapfrogRequire(import.meta.url);" },
      // The bundle's own builtin imports go the same way (see the top of this file).
      plugins: [builtinsWithoutNamespaces],
      logLevel: 'silent',
      legalComments: 'none',
      write: true,
    });
    renameSync(temp, out);
    // Readers see the old pointer or the new one, whole; concurrent compilers each leave a valid folder.
    writeFileSync(`${current}.${process.pid}.tmp`, `${name}\n${stamp}`);
    renameSync(`${current}.${process.pid}.tmp`, current);
    return join(out, 'cli', 'main.js');
  } catch {
    return undefined;
  }
}

/** `import { x } from 'node:y'` becomes a property read of process.getBuiltinModule('node:y'). */
const builtinsWithoutNamespaces = {
  name: 'builtins-without-namespaces',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Copies of older sources go once they are an hour old (a start still running one is long done). */
function prune(dir) {
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!name.startsWith('.') && name !== 'current' && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // nothing compiled yet
  }
}

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const path = join(dir, e.name);
      if (e.isDirectory()) return tsFiles(path);
      return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

function readOr(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
