/** Step ids: dot-separated kebab-case parts, e.g. `ocata.nova.db-sync` or `prepare.backup.nova`. */
export const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
