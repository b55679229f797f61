import { stage } from '../stages.ts';
import type { Content } from '../content.ts';
import { plan as planStops, type PlanRequest } from './plan.ts';
import { referRepeatedNotes } from './refer-repeated-notes.ts';
import { internSteps } from './step-identity.ts';
import { rehearsalFor, rehearsalLine } from './rehearsal-record.ts';
import type { Runbook } from './runbook-model.ts';
import { deploySection, verifySection } from './steps/deploy.ts';
import { offlineSection } from './steps/offline.ts';
import { prepareSection } from './steps/prepare.ts';
import { rollbackSection } from './steps/rollback.ts';
import { osWarning } from './utility/os-warning.ts';

/** Plans the stops and lays out every section's steps in execution order. */
export function buildRunbook(content: Content, request: PlanRequest): Runbook {
  return stage('plan', () => assemble(content, request));
}

function assemble(content: Content, request: PlanRequest): Runbook {
  const plan = planStops(content, request);
  const warnings: string[] = [];
  if (plan.policy === 'fewest') {
    warnings.push(
      "This runbook uses --fewest-stops: it leaves upstream's tested upgrade path (every series before 2023.1, SLURP to SLURP after). Each skipped series is skipped only because the data says the next stop upgrades that database directly and no blocker needs its code; test it on a copy of your databases first.",
    );
  }
  if (plan.from['init-command'] !== plan.to['init-command']) {
    warnings.push(
      `${plan.from.name} hosts may run Ubuntu 14.04 (upstart, \`service\`); ${plan.to.name}'s packages need a release with systemd: upgrading or reinstalling the operating system of every host is part of this leap, and the runbook stops with \`service\` and starts with \`systemctl\`.`,
    );
  }
  warnings.push(...osWarning(plan));
  const rehearsal = rehearsalFor(plan);
  return {
    plan,
    warnings,
    ...(rehearsal ? { rehearsal: { ...rehearsal, line: rehearsalLine(rehearsal) } } : {}),
    sections: internSteps(
      referRepeatedNotes([
        prepareSection(content, plan),
        offlineSection(content, plan),
        deploySection(content, plan),
        verifySection(content, plan),
        rollbackSection(content, plan),
      ]),
    ),
  };
}
