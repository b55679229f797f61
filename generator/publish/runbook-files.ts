import type { Content } from '../content.ts';
import { buildRunbook } from '../plan/build-runbook.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { renderJson } from '../render/to-json.ts';
import { forwardPairs } from './forward-pairs.ts';

/** `<from>/<to>.md` and `.json` for every forward pair, all services, upstream's tested path. */
export function* runbookFiles(content: Content): Generator<[string, string]> {
  for (const [from, to] of forwardPairs(content)) {
    const runbook = buildRunbook(content, { from: from.id, to: to.id });
    yield [`${from.id}/${to.id}.md`, renderMarkdown(runbook)];
    yield [`${from.id}/${to.id}.json`, renderJson(runbook)];
  }
}
