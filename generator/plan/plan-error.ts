/** The request fields a plan can refuse; front ends name them their own way (the CLI: `--from`). */
export type RequestField = 'from' | 'to' | 'services';

/**
 * A request the content cannot answer (an unknown series, a downgrade). The planner knows the
 * request, not the command line: its text names fields as `{from}`, and `describe` words them.
 */
export class PlanError extends Error {
  override name = 'PlanError';
  readonly template: string;
  constructor(template: string) {
    super(template.replace(/\{(from|to|services)\}/g, '$1'));
    this.template = template;
  }

  describe(name: (field: RequestField) => string): string {
    return this.template.replace(/\{(from|to|services)\}/g, (_, field: RequestField) => name(field));
  }
}
