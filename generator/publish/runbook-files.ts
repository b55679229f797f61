import type { Content } from '../content.ts';
import { buildRunbook } from '../plan/build-runbook.ts';
import { renderMarkdownUtf8 } from '../render/render-markdown.ts';
import { renderJsonUtf8 } from '../render/to-json.ts';
import type { Utf8Text } from '../text/utf8-text.ts';
import { forwardPairs } from './forward-pairs.ts';

/** `<from>/<to>.md` and `.json` for every forward pair, all services, upstream's tested path. */
export function* runbookFiles(content: Content): Generator<[string, Utf8Text]> {
  for (const [from, to] of forwardPairs(content)) {
    const runbook = buildRunbook(content, { from: from.id, to: to.id });
    yield [`${from.id}/${to.id}.md`, renderMarkdownUtf8(runbook)];
    yield [`${from.id}/${to.id}.json`, renderJsonUtf8(runbook)];
  }
}
