import { stage } from '../stages.ts';
import type { Runbook } from '../plan/runbook-model.ts';
import type { Utf8Text } from '../text/utf8-text.ts';
import { checkStructure } from './check-structure.ts';
import { loadTemplate, renderPieces } from './templates.ts';
import { viewModel } from './view-model.ts';

/**
 * The runbook as GFM in one pass: the model is checked, then the templates write the final text,
 * as UTF-8 pieces ready for a file (publish/write-tree.ts writes them without joining them).
 * The runbook carries resolved series and services, so no content is needed here.
 */
export function renderMarkdownUtf8(runbook: Runbook): Utf8Text {
  return stage('markdown', () => {
    checkStructure(runbook);
    return renderPieces(loadTemplate('runbook'), viewModel(runbook));
  });
}

/** The same Markdown as one string. */
export function renderMarkdown(runbook: Runbook): string {
  return renderMarkdownUtf8(runbook).toString();
}
