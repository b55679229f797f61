import { stage } from '../stages.ts';
import { fileURLToPath } from 'node:url';
import type { Content } from '../content.ts';
import { ContentError } from '../errors.ts';
import { formatReport, type Problem } from '../validate/problem.ts';
import { validateContent } from '../validate/validate-content.ts';
import { readContent } from './read-content.ts';

// fileURLToPath, not URL.pathname: a checkout path with a space or non-ASCII letter stays a real path.
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/** Reads and validates; every problem, not just the first. */
export function checkContent(dir = DEFAULT_CONTENT_DIR, cwd = process.cwd()): { content: Content; problems: Problem[] } {
  return validateContent(readContent(dir, cwd));
}

/** Content ready to plan from, or a ContentError carrying the full positioned report. */
export function loadContent(dir = DEFAULT_CONTENT_DIR): Content {
  const { content, problems } = stage('load', () => checkContent(dir));
  if (problems.length) throw new ContentError(formatReport(problems));
  return content;
}
