import { z } from 'zod';
import { Command, GitRef, Id, Sources, StepId, Text } from './common.ts';
import { Role } from './service.ts';

import { OFFLINE_PHASES, PHASES, SERVICE_TOOL_PHASES } from './phases.ts';

export { OFFLINE_PHASES, SERVICE_TOOL_PHASES };
export const Phase = z.enum(PHASES);
export type Phase = z.output<typeof Phase>;

const Constraint = { text: Text, sources: Sources };

const Step = z.strictObject({
  id: StepId,
  phase: Phase,
  title: Text,
  /** Exact commands, run in order. Utility commands get `sudo -u <user> <venv>/bin/` prefixed. */
  commands: z.array(Command).default([]).describe('Exact commands, run in order. Utility commands get `sudo -u <user> <venv>/bin/` prefixed.'),
  /** How the operator tells the step is complete (exit codes, output). */
  'done-when': Text.optional().describe('How the operator tells the step is complete (exit codes, output).'),
  /** False for commands that are not the service's own tools (mysql, openstack, a script): run as written. */
  utility: z
    .boolean()
    .optional()
    .describe(
      "False for commands that are not the service's own tools (mysql, openstack, a script): they run as written, not as the service user or from a utility.",
    ),
  /** Verify steps only: also run from the target's utility after deploy, before the service starts. */
  'before-start': z
    .boolean()
    .default(false)
    .describe("Verify steps only: also run from the target's utility after deploy, before the service starts (upstream's pre-flight status checks)."),
  /** A before-start check that calls other services' APIs (nova-status asks placement): never run before the web server starts. */
  'needs-apis': z
    .boolean()
    .default(false)
    .describe(
      "A before-start check that calls other services' APIs (nova-status asks keystone and placement): it runs at its own service's turn, after the web server is up.",
    ),
  /** Only for upgrades whose source is this series or older (work older code never did). */
  'source-until': Id.optional().describe('Only for upgrades whose source is this series or older (repairs for work older code never did).'),
  /** The kinds of host the commands run on, when not every host that runs the service. */
  hosts: z
    .array(Role)
    .min(1)
    .optional()
    .describe('The kinds of host the commands run on (controller, compute, network, storage, bare-metal), when the step is not for every host of the service.'),
  notes: z.array(Text).default([]),
  sources: Sources,
});

const Blocker = z.strictObject({
  /** The earlier series whose code must do the work. */
  requires: Id.describe('The earlier series whose code must do the work.'),
  /** Step ids in that series' file for the same service. */
  steps: z.array(StepId).min(1).describe("Step ids in that series' file for the same service."),
  ...Constraint,
});

const Note = z.strictObject({
  ...Constraint,
  /** True when the operator must act (a removal, a changed default). */
  action: z.boolean().default(false).describe('True when the operator must act (a removal, a changed default).'),
  /** Set when the note states what the shared infrastructure must run: shown with its version check. */
  infrastructure: z
    .enum(['database', 'message-queue'])
    .optional()
    .describe(
      'Set when the note states a version the database server or the message queue must run (an upstream minimum): Prepare lists it with the infrastructure version check.',
    ),
});

/** `content/series/<series>/<service>.yaml`: what upgrading a service's database to a series takes. */
export const ReleaseSchema = z.strictObject({
  service: Id,
  series: Id,
  /** Oldest series whose database this series' code upgrades directly. */
  'min-start': z.strictObject({ series: Id, ...Constraint }).describe("Oldest series whose database this series' code upgrades directly."),
  /** Upstream requires this series as a stop even where SLURP would skip it. */
  'must-stop': z.strictObject(Constraint).optional().describe('Upstream requires this series as a stop even where SLURP would skip it.'),
  /** Overrides the series' code-ref for this service's utility. */
  'code-ref': GitRef.optional().describe("Overrides the series' code-ref for this service's utility."),
  blockers: z.array(Blocker).default([]),
  steps: z.array(Step).default([]),
  notes: z.array(Note).default([]),
});

export type Release = z.output<typeof ReleaseSchema>;
export type ReleaseStep = Release['steps'][number];
export type Blocker = Release['blockers'][number];
export type ReleaseNote = Release['notes'][number];
