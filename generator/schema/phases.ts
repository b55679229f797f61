/**
 * The phases a content step can belong to, in runbook order. Plain data, apart from the zod
 * schemas: the planner reads these without loading the validator.
 */
export const PHASES = [
  'pre-check',
  'housekeeping',
  'before-window',
  'config-check',
  'carry-forward',
  'schema',
  'online',
  'one-time',
  'post-deploy',
  'post-start',
  'verify',
] as const;
export type Phase = (typeof PHASES)[number];

/** Phases run at a stop, from that series' utility, with the services stopped. */
export const OFFLINE_PHASES: readonly Phase[] = ['schema', 'online', 'one-time'];

/**
 * Phases whose commands are the service's own tools by default, run as its OS user. Not
 * `carry-forward`: its read-only checks of a crossed series' configuration needs (grep of the
 * config files) run as written, on the hosts the step names.
 */
export const SERVICE_TOOL_PHASES: readonly Phase[] = [
  'pre-check',
  'housekeeping',
  'before-window',
  'config-check',
  ...OFFLINE_PHASES,
  'post-deploy',
  'post-start',
  'verify',
];
