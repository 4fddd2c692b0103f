/**
 * Writes docs/model.schema.json, the JSON Schema of the model format, from the zod `ModelSchema`
 * (the single source of truth). Run `npm run schema:json` after changing lib/model/schema.ts;
 * scripts/model-schema-json.test.ts fails while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { FORMAT_VERSION, ModelSchema } from '../lib/model/schema';

export const SCHEMA_JSON_PATH = fileURLToPath(new URL('../docs/model.schema.json', import.meta.url));

/** modelJsonSchema renders the JSON Schema text exactly as it is committed (2-space JSON, final newline). */
export function modelJsonSchema(): string {
  const schema = z.toJSONSchema(ModelSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  const document = {
    title: `pgcanvas model, format ${FORMAT_VERSION}`,
    description: 'Generated from lib/model/schema.ts by scripts/model-schema-json.ts (npm run schema:json). Do not edit. docs/model-format.md explains every field.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_JSON_PATH, modelJsonSchema());
  process.stdout.write(`wrote ${SCHEMA_JSON_PATH}\n`);
}
