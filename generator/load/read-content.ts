import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseYamlFile, type YamlFile } from './yaml-file.ts';
import type { Problem } from '../validate/problem.ts';

/** The content folder as parsed YAML, sorted by kind; nothing is checked beyond syntax yet. */
export interface RawContent {
  root: string;
  services: YamlFile[];
  series: YamlFile[];
  releases: YamlFile[];
  /** Community notes, `series/<series>/<service>.md`, as text: checked by the validate stage. */
  notes: { file: string; text: string }[];
  problems: Problem[];
}

const YAML = /\.ya?ml$/;

/** Reads `content/` (or a fork's folder): services/*.yaml and series/<id>/*.yaml. */
export function readContent(root: string, cwd = process.cwd()): RawContent {
  const raw: RawContent = { root, services: [], series: [], releases: [], notes: [], problems: [] };
  const show = (abs: string) => relative(cwd, abs) || abs;
  if (!isDir(root)) {
    raw.problems.push(fileProblem(show(root), 'content-missing', 'Content folder not found: expected a folder with services/ and series/'));
    return raw;
  }
  const add = (abs: string, into: YamlFile[]) => {
    const { yaml, problems } = parseYamlFile(show(abs), readFileSync(abs, 'utf8'));
    raw.problems.push(...problems);
    if (yaml) into.push(yaml);
  };
  for (const name of list(join(root, 'services'))) {
    const abs = join(root, 'services', name);
    if (YAML.test(name)) add(abs, raw.services);
    else raw.problems.push(fileProblem(show(abs), 'unexpected-file', 'Unexpected file in services/: expected <service>.yaml'));
  }
  for (const dir of list(join(root, 'series'))) {
    const absDir = join(root, 'series', dir);
    if (!isDir(absDir)) {
      raw.problems.push(fileProblem(show(absDir), 'unexpected-file', 'Unexpected file in series/: expected one folder per series'));
      continue;
    }
    for (const name of list(absDir)) {
      const abs = join(absDir, name);
      if (name === 'series.yaml') add(abs, raw.series);
      else if (YAML.test(name)) add(abs, raw.releases);
      else if (name.endsWith('.md')) raw.notes.push({ file: show(abs), text: readFileSync(abs, 'utf8') });
      else {
        raw.problems.push(fileProblem(show(abs), 'unexpected-file', 'Unexpected file: expected series.yaml or <service>.yaml'));
      }
    }
  }
  return raw;
}

function list(dir: string): string[] {
  if (!isDir(dir)) return [];
  return readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
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
