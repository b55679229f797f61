import { stage } from '../stages.ts';
import type { Runbook } from '../plan/runbook-model.ts';
import { checkStructure } from './check-structure.ts';
import { loadTemplate } from './templates.ts';
import { viewModel } from './view-model.ts';

/**
 * The runbook as GFM in one pass: the model is checked, then the templates write the final text.
 * The runbook carries resolved series and services, so no content is needed here.
 */
export function renderMarkdown(runbook: Runbook): string {
  return stage('markdown', () => {
    checkStructure(runbook);
    return loadTemplate('runbook')(viewModel(runbook));
  });
}
