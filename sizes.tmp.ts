import { sizes, pageSize } from './bench/site.ts';
import { join } from 'node:path';
const out = process.argv[2]!;
const s = sizes(out);
console.log(JSON.stringify({ files: s.files, totalBytes: s.totalBytes, html: s.html, js: s.js, css: s.css, overHtmlTarget: s.overHtmlTarget, overJs: s.overJsTarget }));
for (const p of ['kilo/newton', 'juno/gazpacho', 'kilo/newton/all']) console.log(p, JSON.stringify(pageSize(out, join(out, `runbooks/${p}/index.html`))));
console.log('home', JSON.stringify(pageSize(out, join(out, 'index.html'))), 'search', JSON.stringify(pageSize(out, join(out, 'search/index.html'))));
