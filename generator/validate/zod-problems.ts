import { z } from 'zod';
import type { YamlFile, YamlPath } from '../load/yaml-file.ts';
import type { Problem } from '../problem.ts';

/** Turns zod's issues for one file into positioned problems a contributor can act on. */
export function zodProblems(file: YamlFile, schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, path);
      for (const key of issue.keys) {
        const hint = closest(key, known);
        out.push(
          file.problem(
            [...path, key],
            'unknown-key',
            `Unexpected key \`${key}\`, expected one of: ${known.join(', ')}${hint ? ` (did you mean \`${hint}\`?)` : ''}`,
            'key',
          ),
        );
      }
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      out.push(file.problem(path.slice(0, -1), 'missing-key', `Missing key \`${path.at(-1)}\`: expected ${expectation(issue)}`, 'key'));
    } else if (issue.code === 'invalid_type') {
      const quote = issue.expected === 'string' && typeof issue.input === 'number' ? ' (quote it)' : '';
      out.push(file.problem(path, 'wrong-type', `${where(path)}expected ${expectation(issue)}, found ${describe(issue.input)}${quote}`));
    } else if (issue.code === 'invalid_value') {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      out.push(file.problem(path, 'invalid-value', `${where(path)}expected one of ${options}, found ${describe(issue.input)}`));
    } else {
      const found = issue.input === undefined ? '' : `, found ${describe(issue.input)}`;
      out.push(file.problem(path, 'invalid-value', `${where(path)}expected ${issue.message}${found}`));
    }
  }
  return out;
}

function where(path: YamlPath): string {
  return path.length ? `\`${path.join('.')}\`: ` : '';
}

function expectation(issue: z.core.$ZodIssueInvalidType): string {
  return issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `a date (${value.toISOString().slice(0, 10)}); quote it`;
  if (typeof value === 'object') return 'a mapping';
  const text = JSON.stringify(value);
  return typeof value === 'string' ? (text.length > 60 ? `${text.slice(0, 57)}…"` : text) : `${typeof value} ${text}`;
}

/** Keys the object schema at `path` accepts, for "expected one of" and "did you mean". */
function keysAt(schema: z.ZodType, path: YamlPath): string[] {
  let current: z.ZodType | undefined = objectBranch(unwrap(schema));
  for (const part of path) {
    if (!current) break;
    if (typeof part === 'number' && current instanceof z.ZodArray) current = objectBranch(unwrap(current.element as z.ZodType));
    else if (typeof part === 'string' && current instanceof z.ZodObject) current = objectBranch(unwrap(current.shape[part] as z.ZodType));
    else current = undefined;
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** A union of a plain value and a mapping (a unit is a name or an object): the mapping's keys are the ones to suggest. */
function objectBranch(schema: z.ZodType | undefined): z.ZodType | undefined {
  if (!(schema instanceof z.ZodUnion)) return schema;
  return (schema.options as z.ZodType[]).map(unwrap).find((o) => o instanceof z.ZodObject) ?? schema;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable || s instanceof z.ZodPipe) {
    s = (s instanceof z.ZodPipe ? s.in : s.unwrap()) as z.ZodType;
  }
  return s;
}

/** The known key within edit distance 2, if any. */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(key, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  // One row of the edit-distance table at a time; `at` reads it (every index is in range).
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  const at = (j: number) => row[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    let prev = at(0);
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(at(j) + 1, at(j - 1) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = at(j);
      row[j] = next;
    }
  }
  return at(b.length);
}
