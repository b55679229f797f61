/** How the runbook builds each stop's code: a virtualenv on a host, or one container image per service and stop. */
export const UTILITY_METHODS = ['venv', 'container'] as const;
export type UtilityMethod = (typeof UTILITY_METHODS)[number];
