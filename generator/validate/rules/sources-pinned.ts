import type { YamlFile, YamlPath } from '../../load/yaml-file.ts';
import type { Problem } from '../../problem.ts';
import type { Rule } from './rule.ts';

/** Links that follow a moving branch; a citation must keep saying what it said when recorded. */
const UNPINNED: [RegExp, string][] = [
  [/^https:\/\/opendev\.org\/[^/]+\/[^/]+\/(src|raw)\/branch\//, 'a branch'],
  [/^https:\/\/github\.com\/[^/]+\/[^/]+\/(blob|tree|raw)\/(master|main|stable\/[^/]+)\//, 'a branch'],
  [/^https:\/\/docs\.openstack\.org\/[^/]+\/latest\//, 'the moving "latest" docs'],
];

/** Every source URL cites upstream at a tag or commit, not a branch. */
export const sourcesArePinned: Rule = (ctx) => {
  const problems: Problem[] = [];
  const files = [...ctx.services, ...ctx.series, ...ctx.releases].map((e) => e.file);
  for (const file of files) {
    for (const [path, url] of sourceUrls(file)) {
      const hit = UNPINNED.find(([re]) => re.test(url));
      if (hit) {
        problems.push(
          file.problem(
            path,
            'source-unpinned',
            `Source points at ${hit[1]} (${url}), expected a link at a release tag or commit, e.g. https://opendev.org/openstack/nova/src/tag/15.0.0/…`,
          ),
        );
      }
    }
  }
  return problems;
};

function* sourceUrls(file: YamlFile): Generator<[YamlPath, string]> {
  function* walk(value: unknown, path: (string | number)[]): Generator<[YamlPath, string]> {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i]);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'sources' && Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) if (typeof v[i] === 'string') yield [[...path, k, i], v[i]];
        } else yield* walk(v, [...path, k]);
      }
    }
  }
  yield* walk(file.data, []);
}
