import type { Content } from './content.ts';
import { ContentError } from './errors.ts';
import { readSnapshot, writeSnapshot } from './load/snapshot.ts';
import { readContent } from './load/read-content.ts';
import { DEFAULT_CONTENT_DIR } from './paths.ts';
import type { Problem } from './problem.ts';
import { stage } from './stages.ts';
import { validateContent } from './validate/validate-content.ts';

export { DEFAULT_CONTENT_DIR };

/** Reads and validates every file; every problem, not just the first. What `validate` runs. */
export function checkContent(dir = DEFAULT_CONTENT_DIR, cwd = process.cwd()): { content: Content; problems: Problem[] } {
  return validateContent(readContent(dir, cwd));
}

/**
 * Content ready to plan from, or a ContentError carrying every positioned problem. Valid content
 * is kept as a snapshot keyed by the hash of its files, so the next run with the same files skips
 * parsing and validating the YAML.
 */
export function loadContent(dir = DEFAULT_CONTENT_DIR): Content {
  return stage('load', () => {
    const cached = readSnapshot(dir);
    if (cached) return cached;
    const { content, problems } = checkContent(dir);
    if (problems.length) throw new ContentError(problems);
    writeSnapshot(dir, content);
    return content;
  });
}
