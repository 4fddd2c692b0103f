import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_JSON_PATH, modelJsonSchema } from './model-schema-json';

describe('docs/model.schema.json', () => {
  it('is up to date with lib/model/schema.ts', () => {
    const committed = readFileSync(SCHEMA_JSON_PATH, 'utf8');
    const fresh = modelJsonSchema();
    if (committed !== fresh) {
      expect.fail('docs/model.schema.json is stale: it no longer matches ModelSchema in lib/model/schema.ts. Regenerate it with `npm run schema:json` and commit the result.');
    }
  });

  it('describes the whole model: every top-level field, closed objects, format 1', () => {
    const schema = JSON.parse(modelJsonSchema()) as { properties: Record<string, { const?: number }>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['format', 'schemas', 'tables', 'enums', 'sequences', 'extensions', 'layout']));
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'schemas', 'tables']));
    expect(schema.properties['format']!.const).toBe(1);
    expect(schema.additionalProperties).toBe(false);
  });
});
