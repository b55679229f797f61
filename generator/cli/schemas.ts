import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../schema/json-schema.ts';

/** `npm run schemas`: regenerate content/schemas/*.json after a schema change. */
const dir = join(process.cwd(), 'content', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, text] of jsonSchemas()) writeFileSync(join(dir, name), text);
process.stdout.write(`Wrote ${jsonSchemas().length} JSON Schemas to ${dir}\n`);
