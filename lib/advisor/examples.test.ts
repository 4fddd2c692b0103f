/** The advisor on the example models: it runs, findings point at real objects, fixes keep the model valid, and no example has an error or warning. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSqlParser } from '@/lib/model';
import { parseModel } from '@/lib/model/validate';
import { advise } from './index';
import { errorCounts, newValidationErrors, targetAt } from './testing/rule-fixtures';

const dir = join(__dirname, '../../examples');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('advisor on the examples', () => {
  beforeAll(async () => { await loadSqlParser(); });

  it('has examples to check', () => expect(files.length).toBeGreaterThanOrEqual(3));

  for (const file of files) {
    it(file, () => {
      const parsed = parseModel(JSON.parse(readFileSync(join(dir, file), 'utf8')));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const findings = advise(parsed.model);
      const before = errorCounts(parsed.model);
      for (const f of findings) {
        expect(targetAt(parsed.model, f.target.path), f.id).toBe(f.target.id);
        if (f.fix) expect(newValidationErrors(before, f.fix.apply(parsed.model)), f.id).toEqual([]);
      }
      // The examples are what users learn good practice from (and `pgcanvas lint` them): no errors, no warnings.
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.id}: ${f.message}`)).toEqual([]);
    });
  }
});
