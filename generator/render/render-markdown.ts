import type { Content } from '../content.ts';
import type { Runbook } from '../plan/runbook-model.ts';
import { refineMarkdown } from '../refine/refine.ts';
import { loadTemplate } from './templates.ts';
import { viewModel } from './view-model.ts';

/** Handlebars lays the runbook out as Markdown; the remark pass turns it into the checklist. */
export function renderMarkdown(content: Content, runbook: Runbook): string {
  const draft = loadTemplate('runbook')(viewModel(content, runbook));
  return refineMarkdown(draft);
}
