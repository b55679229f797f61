import { z } from 'zod';
import { ReleaseSchema } from './release.ts';
import { SeriesSchema } from './series.ts';
import { ServiceSchema } from './service.ts';

/** Where each kind of content file lives, for editors' schema associations. */
export const SCHEMA_FILES = {
  'series.schema.json': { schema: SeriesSchema, files: 'content/series/*/series.yaml', title: 'Leapfrog series' },
  'service.schema.json': { schema: ServiceSchema, files: 'content/services/*.yaml', title: 'Leapfrog service' },
  'release.schema.json': { schema: ReleaseSchema, files: 'content/series/*/!(series).yaml', title: 'Leapfrog series × service' },
} as const;

/** JSON Schemas generated from the same zod schemas the validator uses, so editors and CI agree. */
export function jsonSchemas(): [string, string][] {
  return Object.entries(SCHEMA_FILES).map(([name, { schema, title }]) => {
    const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' });
    return [name, `${JSON.stringify({ ...json, title }, null, 2)}\n`];
  });
}
