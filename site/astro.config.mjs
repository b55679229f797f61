// Astro config for the Leapfrog site. Paths come from site/scripts/build.ts through the environment.
import { defineConfig } from 'astro/config';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  outDir: process.env.LEAPFROG_SITE_OUT ?? new URL('../dist/site/', import.meta.url).pathname,
  base: process.env.LEAPFROG_SITE_BASE ?? '/',
  cacheDir: new URL('../node_modules/.cache/leapfrog-site/astro/', import.meta.url).pathname,
  trailingSlash: 'always',
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  vite: { cacheDir: new URL('../node_modules/.cache/leapfrog-site/vite/', import.meta.url).pathname, logLevel: 'warn', server: { fs: { allow: ['..'] } } },
});
