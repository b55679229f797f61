import type { Content } from '../content.ts';
import { findSeries } from '../plan/resolve-series.ts';
import { listOption, type RehearseValues } from './cli-options.ts';
import type { DumpPlan } from './dump-guard.ts';
import type { Policy, RunRequest } from './rehearse-one.ts';
import { dumpServices } from './restore.ts';
import type { Shipped } from './shipped.ts';
import { SERVICES } from './services.ts';

/** Every request to run: one pair, or with --all every forward pair between series some suite ships, both policies. */
export function requests(content: Content, values: RehearseValues, shipped: Shipped[], dump?: DumpPlan): RunRequest[] {
  const asked = listOption(values.services);
  const services = dump ? dumpServices(dump, asked) : (asked ?? SERVICES.map((s) => s.id));
  if (!values.all) {
    // As `runbook` reads them (Ocata, 2017.1); an unknown one goes on for the planner to report.
    const from = findSeries(content, values.from!)?.id ?? values.from!;
    const to = findSeries(content, values.to!)?.id ?? values.to!;
    return services.map((service) => ({ from, to, service, policy: values['fewest-stops'] ? 'fewest' : 'tested' }));
  }
  const series = content.series.map((s) => s.id).filter((id) => shipped.some((s) => s.series === id));
  // Neighbouring shipped series first (victoria>zed, zed>epoxy, ...), then the longer leaps.
  const pairs = series.flatMap((from, i) => series.slice(i + 1).map((to, gap) => ({ from, to, gap })));
  pairs.sort((a, b) => a.gap - b.gap);
  return pairs.flatMap(({ from, to }) => (['tested', 'fewest'] as Policy[]).flatMap((policy) => services.map((service) => ({ from, to, service, policy }))));
}
