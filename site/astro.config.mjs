// Astro config for the Leapfrog site. Paths come from site/scripts/build.ts through the environment.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

// fileURLToPath, not URL.pathname: a checkout path with a space stays a real path.
const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: path('.'),
  outDir: process.env.LEAPFROG_SITE_OUT ?? path('../dist/site/'),
  base: process.env.LEAPFROG_SITE_BASE ?? '/',
  cacheDir: path('../node_modules/.cache/leapfrog-site/astro/'),
  trailingSlash: 'always',
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  vite: { cacheDir: path('../node_modules/.cache/leapfrog-site/vite/'), logLevel: 'warn', server: { fs: { allow: ['..'] } } },
});
