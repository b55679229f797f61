import { z } from 'zod';
import { sourceUrlProblem, URL_SHAPE, URL_SHAPE_MESSAGE } from '../text/source-url.ts';

/** Lowercase code name or service name: the folder and file names of content. */
export const Id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lowercase id (a-z, 0-9, -)');

/** A step id: kebab-case, unique within its file; the runbook id is <series>.<service>.<id>. */
export const StepId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case step id');

/**
 * A source is an absolute https URL. Upstream files are cited at a tag or a commit, never a
 * branch, so the link keeps saying what it said when the fact was recorded.
 */
export const SourceUrl = z
  .string()
  .regex(URL_SHAPE, URL_SHAPE_MESSAGE)
  .superRefine((url, ctx) => {
    const problem = URL_SHAPE.test(url) && sourceUrlProblem(url); // the shape is reported by the regex
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: url });
  });

/**
 * A git ref (tag or branch) as `git check-ref-format` allows it; it is pasted into a `pip install`
 * line, so anything a shell would read as syntax is refused.
 */
export const GitRef = z
  .string()
  .regex(
    /^(?!.*\.\.)(?!.*\/\/)(?!.*\.lock$)(?!.*[./]$)[A-Za-z0-9][A-Za-z0-9._/-]*$/,
    'a git tag or branch, e.g. ocata-eol or stable/2025.1 (letters, digits, . _ - /)',
  );

/** Every fact carries one or more sources. */
export const Sources = z.array(SourceUrl).min(1, 'at least one source URL');

/** Free text shown to operators: one paragraph, no raw HTML. */
export const Text = z.string().min(1, 'non-empty text');

/** A shell command exactly as the operator types it (control characters: validate/safe-text.ts). */
export const Command = z.string().min(1, 'a non-empty command');
