import { stage } from '../stages.ts';
import type { Runbook } from '../plan/runbook-model.ts';

/** The contract's version: bumped when a key goes or changes meaning (adding one keeps it). */
export const JSON_VERSION = 1;

/** The JSON contract other tools depend on: exactly these keys, steps in execution order. */
export interface RunbookJson {
  version: typeof JSON_VERSION;
  from: string;
  to: string;
  /** How the utility steps build and run each stop's code: venv or container. */
  utility: string;
  services: string[];
  stops: { series: string; services: string[]; reasons: string[] }[];
  sections: {
    id: string;
    title: string;
    /** `hosts` is present only on steps that run on some kinds of host (controller, compute, storage…). */
    steps: { id: string; title: string; service: string | null; series: string | null; commands: string[]; sources: string[]; hosts?: string[] }[];
  }[];
}

export function toJson(runbook: Runbook): RunbookJson {
  const { plan } = runbook;
  return {
    version: JSON_VERSION,
    from: plan.from.id,
    to: plan.to.id,
    utility: plan.utility,
    services: plan.services.map((s) => s.id),
    stops: plan.stops.map((s) => ({ series: s.at.id, services: s.visits.map((v) => v.service.id), reasons: [...s.reasons] })),
    sections: runbook.sections.map((section) => ({
      id: section.id,
      title: section.title,
      steps: section.steps.map((s) => ({
        id: s.id,
        title: s.title,
        service: s.service,
        series: s.series,
        commands: [...s.commands],
        sources: [...s.sources],
        ...(s.hosts ? { hosts: [...s.hosts] } : {}),
      })),
    })),
  };
}

export function renderJson(runbook: Runbook): string {
  return stage('json', () => `${JSON.stringify(toJson(runbook), null, 2)}\n`);
}
