import type { Content, Series } from '../content.ts';

/** Every (from, to) with `to` after `from` whose target has at least one service. */
export function forwardPairs(content: Content): [Series, Series][] {
  const pairs: [Series, Series][] = [];
  content.series.forEach((from, i) => {
    for (const to of content.series.slice(i + 1)) {
      if (content.services.some((s) => content.release(to.id, s.id))) pairs.push([from, to]);
    }
  });
  return pairs;
}
