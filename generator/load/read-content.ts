import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../problem.ts';
import { decodeText } from './decode-text.ts';
import { inspect, readBounded } from './safe-read.ts';
import { MAX_FILE_BYTES, parseYamlFile, type YamlFile } from './yaml-file.ts';

/** The content folder as parsed YAML, sorted by kind; nothing is checked beyond syntax yet. */
export interface RawContent {
  root: string;
  services: YamlFile[];
  series: YamlFile[];
  releases: YamlFile[];
  /** Community notes, `series/<series>/<service>.md`, as text: checked by the validate stage. */
  notes: { file: string; text: string }[];
  /** Every content file found on disk, parsed or not, so a broken one is not also reported missing. */
  found: { services: string[]; series: string[]; releases: string[] };
  problems: Problem[];
}

const YAML = /\.ya?ml$/;

/** Reads `content/` (or a fork's folder): services/*.yaml and series/<id>/*.yaml. */
export function readContent(root: string, cwd = process.cwd()): RawContent {
  const raw: RawContent = { root, services: [], series: [], releases: [], notes: [], found: { services: [], series: [], releases: [] }, problems: [] };
  const show = (abs: string) => relative(cwd, abs) || abs;
  const refuse = (abs: string, ruleId: string, message: string) => raw.problems.push(fileProblem(show(abs), ruleId, message));
  if (!isDir(root)) {
    refuse(root, 'content-missing', 'Content folder not found: expected a folder with services/ and series/');
    return raw;
  }
  /** The text of a file that must be a regular file inside the root, or undefined after a problem. */
  const text = (abs: string): string | undefined => {
    const entry = inspect(root, abs);
    if (entry.kind === 'refused') return void refuse(abs, entry.ruleId, entry.message);
    if (entry.kind === 'dir') return void refuse(abs, 'not-a-file', 'Folder named like a content file, expected a file');
    const read = readBounded(entry.real, MAX_FILE_BYTES);
    if (!('bytes' in read)) return void refuse(abs, read.ruleId, read.message);
    const decoded = decodeText(read.bytes);
    if ('text' in decoded) return decoded.text;
    raw.problems.push({ file: show(abs), line: decoded.line, column: decoded.column, ruleId: 'encoding', message: decoded.error });
    return undefined;
  };
  const add = (abs: string, into: YamlFile[], found: string[]) => {
    found.push(show(abs));
    const source = text(abs);
    if (source === undefined) return;
    const { yaml, problems } = parseYamlFile(show(abs), source);
    raw.problems.push(...problems);
    if (yaml) into.push(yaml);
  };
  const yamlFiles = (dir: string, names: string[]) => {
    // `x.yml` beside `x.yaml` would be two files for one id: which one wins must not be a guess.
    for (const name of names.filter((n) => n.endsWith('.yml') && names.includes(`${n.slice(0, -4)}.yaml`))) {
      refuse(
        join(dir, name),
        'duplicate-file',
        `Both ${name.slice(0, -4)}.yaml and ${name} exist, expected one file per id: merge them into ${name.slice(0, -4)}.yaml`,
      );
    }
    return names.filter((n) => YAML.test(n) && !(n.endsWith('.yml') && names.includes(`${n.slice(0, -4)}.yaml`)));
  };
  const servicesDir = join(root, 'services');
  const serviceNames = list(root, servicesDir, refuse);
  for (const name of serviceNames.filter((n) => !YAML.test(n)))
    refuse(join(servicesDir, name), 'unexpected-file', 'Unexpected file in services/: expected <service>.yaml');
  for (const name of yamlFiles(servicesDir, serviceNames)) add(join(servicesDir, name), raw.services, raw.found.services);
  const seriesDir = join(root, 'series');
  for (const dir of list(root, seriesDir, refuse)) {
    const absDir = join(seriesDir, dir);
    const entry = inspect(root, absDir);
    if (entry.kind !== 'dir') {
      if (entry.kind === 'refused') refuse(absDir, entry.ruleId, entry.message);
      else refuse(absDir, 'unexpected-file', 'Unexpected file in series/: expected one folder per series');
      continue;
    }
    const names = list(root, absDir, refuse);
    for (const name of names) {
      const abs = join(absDir, name);
      if (name === 'series.yaml') add(abs, raw.series, raw.found.series);
      else if (name.endsWith('.md')) {
        const note = text(abs);
        if (note !== undefined) raw.notes.push({ file: show(abs), text: note });
      } else if (!YAML.test(name)) refuse(abs, 'unexpected-file', 'Unexpected file: expected series.yaml or <service>.yaml');
    }
    for (const name of yamlFiles(
      absDir,
      names.filter((n) => n !== 'series.yaml' && n !== 'series.yml'),
    ))
      add(join(absDir, name), raw.releases, raw.found.releases);
    if (names.includes('series.yml')) refuse(join(absDir, 'series.yml'), 'unexpected-file', 'Unexpected series.yml, expected series.yaml');
  }
  if (!raw.found.series.length || !raw.found.services.length) {
    refuse(
      root,
      'content-empty',
      `No ${raw.found.series.length ? 'services' : 'series'} found: expected a content folder with series/<series>/series.yaml and services/<service>.yaml (is --content the right folder?)`,
    );
  }
  return raw;
}

/** Names in a folder (not hidden), sorted; the folder itself must be a real folder inside the root. */
function list(root: string, dir: string, refuse: (abs: string, ruleId: string, message: string) => void): string[] {
  const entry = inspect(root, dir);
  if (entry.kind === 'refused' && entry.ruleId !== 'missing') refuse(dir, entry.ruleId, entry.message);
  if (entry.kind !== 'dir') return [];
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort();
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function fileProblem(file: string, ruleId: string, message: string): Problem {
  return { file, line: 1, column: 1, ruleId, message };
}
