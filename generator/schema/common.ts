import { z } from 'zod';

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
  .regex(/^https:\/\/[^\s<>"'`]+$/, 'an absolute https:// URL without spaces or quotes');

/** Every fact carries one or more sources. */
export const Sources = z.array(SourceUrl).min(1, 'at least one source URL');

/** Free text shown to operators: one paragraph, no raw HTML. */
export const Text = z.string().min(1, 'non-empty text');

/** A shell command exactly as the operator types it. */
export const Command = z
  .string()
  .min(1, 'a non-empty command')
  .regex(/^[^\x00-\x08\x0b-\x1f\x7f]*$/, 'a command without control characters (tabs and newlines are fine)');
