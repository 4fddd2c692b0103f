import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderQueriesModule } from './build-queries';

describe('introspection queries', () => {
  it('queries.ts is generated from queries/*.sql and up to date (npx tsx lib/introspect/build-queries.ts)', () => {
    expect(readFileSync(join(__dirname, 'queries.ts'), 'utf8')).toBe(renderQueriesModule());
  });
});
