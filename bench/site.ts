/**
 * The static site's cost: `npm run build:site -- OUT` (when package.json has that script), its wall
 * time and the peak RSS of its whole process tree, then sizes read from the output folder: total,
 * and per runbook page (runbooks/<from>/<to>/index.html) the HTML bytes and the JavaScript the page
 * loads (inline scripts, <script src>, modulepreload, and their static imports).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { runTree } from './proc-tree.ts';
import { max, median } from './stats.ts';
import { TARGETS } from './targets.ts';

export interface PageSize {
  page: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  jsBytes: number;
  cssBytes: number;
}

export interface SiteResult {
  status: 'not-built-yet' | 'failed' | 'ok';
  message?: string;
  wallMs?: number;
  peakRssBytes?: number;
  peakProcesses?: number;
  outDir?: string;
  files?: number;
  totalBytes?: number;
  htmlPages?: number;
  runbookPages?: number;
  html?: { median: number; max: number; maxPage: string; gzipMedian: number };
  js?: { median: number; max: number; maxPage: string };
  css?: { median: number; max: number };
  overHtmlTarget?: number;
  overJsTarget?: number;
}

const { htmlBytes: HTML_TARGET, jsBytes: JS_TARGET } = TARGETS;

export async function measureSite(root: string, outDir: string): Promise<SiteResult> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.['build:site']) return { status: 'not-built-yet', message: 'site: not built yet (no build:site script in package.json)' };
  const run = await runTree('npm', ['run', '--silent', 'build:site', '--', outDir], { cwd: root, pollMs: 100 });
  const base = { wallMs: run.wallMs, peakRssBytes: run.peakRssBytes, peakProcesses: run.peakProcesses };
  if (run.code !== 0) {
    return { status: 'failed', ...base, message: `npm run build:site exited ${run.code}: ${run.stderr.trim().split('\n').slice(-8).join('\n')}` };
  }
  // The script is asked to build into outDir; a script that ignores the argument writes dist/site.
  const out = existsSync(outDir) ? outDir : join(root, 'dist', 'site');
  if (!existsSync(out)) return { status: 'failed', ...base, message: `build:site succeeded but wrote neither ${outDir} nor dist/site` };
  return { status: 'ok', ...base, outDir: out, ...sizes(out) };
}

export function sizes(out: string): Omit<SiteResult, 'status'> {
  const files = walk(out);
  const totalBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const html = files.filter((f) => f.endsWith('.html'));
  const runbookPages = html.filter((f) => /(^|\/)runbooks\/[^/]+\/[^/]+\/index\.html$/.test(relative(out, f)));
  const pages = runbookPages.map((f) => pageSize(out, f));
  const biggest = (key: 'htmlBytes' | 'jsBytes') => pages.reduce<PageSize | undefined>((a, p) => (!a || p[key] > a[key] ? p : a), undefined);
  return {
    files: files.length,
    totalBytes,
    htmlPages: html.length,
    runbookPages: pages.length,
    html: pages.length
      ? {
          median: median(pages.map((p) => p.htmlBytes)),
          max: max(pages.map((p) => p.htmlBytes)),
          maxPage: biggest('htmlBytes')!.page,
          gzipMedian: median(pages.map((p) => p.htmlGzipBytes)),
        }
      : undefined,
    js: pages.length ? { median: median(pages.map((p) => p.jsBytes)), max: max(pages.map((p) => p.jsBytes)), maxPage: biggest('jsBytes')!.page } : undefined,
    css: pages.length ? { median: median(pages.map((p) => p.cssBytes)), max: max(pages.map((p) => p.cssBytes)) } : undefined,
    overHtmlTarget: pages.filter((p) => p.htmlBytes > HTML_TARGET).length,
    overJsTarget: pages.filter((p) => p.jsBytes > JS_TARGET).length,
  };
}

export function pageSize(out: string, file: string): PageSize {
  const buffer = readFileSync(file);
  const html = buffer.toString('utf8');
  let jsBytes = 0;
  const scripts = new Set<string>();
  // Both groups always take part in a match (they may be empty), hence the '' defaults.
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (src) addScript(out, file, src, scripts);
    else if (!/type\s*=\s*["']?application\/(ld\+)?json/i.test(attributes)) jsBytes += Buffer.byteLength(body);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel\s*=\s*["']?modulepreload[^>]*>/gi)) {
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    if (href) addScript(out, file, href, scripts);
  }
  for (const s of scripts) jsBytes += statSync(s).size;
  let cssBytes = 0;
  for (const m of html.matchAll(/<link\b[^>]*rel\s*=\s*["']?stylesheet[^>]*>/gi)) {
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
    const path = href && local(out, file, href);
    if (path) cssBytes += statSync(path).size;
  }
  for (const [, css = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) cssBytes += Buffer.byteLength(css);
  return { page: relative(out, file), htmlBytes: buffer.length, htmlGzipBytes: gzipSync(buffer).length, jsBytes, cssBytes };
}

/** A script and, transitively, the modules it imports statically (`import … from "./x.js"`, `import "./y.js"`). */
function addScript(out: string, from: string, ref: string, seen: Set<string>): void {
  const path = local(out, from, ref);
  if (!path || seen.has(path)) return;
  seen.add(path);
  const code = readFileSync(path, 'utf8');
  for (const [, imported] of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)) if (imported) addScript(out, path, imported, seen);
}

/** The file a URL in a page points at inside the output folder; undefined for external URLs. */
function local(out: string, from: string, ref: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(ref)) return undefined;
  const clean = ref.split(/[?#]/)[0] ?? ref; // split always yields at least one element
  const path = clean.startsWith('/') ? join(out, clean) : resolve(dirname(from), clean);
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
