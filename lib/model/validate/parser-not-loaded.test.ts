import { describe, expect, it } from 'vitest';
import { sqlParserReady } from '../expression';
import { validate, validateAsync } from './index';
import { baseModel } from './test-fixtures';

// This file never loads the parser up front (vitest isolates modules per file).
describe('validate without the SQL parser', () => {
  it('reports parser-not-loaded as an error instead of skipping silently, and validateAsync loads it', async () => {
    expect(sqlParserReady()).toBe(false);
    const findings = validate(baseModel());
    expect(findings).toContainEqual(expect.objectContaining({ code: 'parser-not-loaded', severity: 'error', path: '' }));
    expect(await validateAsync(baseModel())).toEqual([]);
  });
});
