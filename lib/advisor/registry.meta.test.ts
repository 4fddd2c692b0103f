/**
 * The advisor's meta-test: every rule in the registry has its folder with rule.ts, a rule.test.ts that
 * runs testRule with passing and failing fixtures, and docs.md with "Instead of ... use ..."; every
 * folder is registered; ids are unique kebab-case. Then every rule runs over random models without
 * throwing, and every fix keeps the model valid and is undone exactly as an editor command.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadSqlParser, ModelSchema } from '@/lib/model';
import { arbModelSmall } from '@/lib/testing/arbitraries';
import { EditorStore } from '@/lib/editor/store';
import { RULES } from './registry';
import { advise } from './index';
import { errorCounts, newValidationErrors, targetAt } from './testing/rule-fixtures';

const rulesDir = join(__dirname, 'rules');

describe('advisor registry', () => {
  beforeAll(async () => { await loadSqlParser(); });

  it('has at least 30 rules with unique kebab-case ids', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every folder under rules/ is registered, and every rule has its folder', () => {
    const folders = readdirSync(rulesDir).sort();
    expect(folders).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id} has docs, code and a test with passing and failing fixtures`, () => {
      const dir = join(rulesDir, rule.id);
      for (const f of ['rule.ts', 'rule.test.ts', 'docs.md']) expect(existsSync(join(dir, f)), `${rule.id}/${f}`).toBe(true);
      const docs = readFileSync(join(dir, 'docs.md'), 'utf8');
      expect(docs.startsWith(`# ${rule.id}\n`), `${rule.id}/docs.md starts with its id`).toBe(true);
      expect(docs).toMatch(/Instead of/);
      expect(docs).toMatch(/\buse:/);
      expect(docs).toMatch(new RegExp(`\\*\\*Severity:\\*\\* ${rule.severity}\\b`));
      const announcesFix = /^\*\*Severity:\*\*[^\n]*\*\*Fix\b/m.test(docs);
      expect(announcesFix, `${rule.id}/docs.md announces a fix exactly when its check builds one`).toBe(/\bfix\b/.test(rule.check.toString()));
      // The test must run testRule on this very rule, with non-empty inline fixture lists (testRule also
      // fails at run time when either list is empty).
      const code = readFileSync(join(dir, 'rule.ts'), 'utf8');
      const exported = new RegExp(`export const (\\w+): Rule = \\{\\s*id: '${rule.id}'`).exec(code)?.[1];
      expect(exported, `${rule.id}/rule.ts exports the rule`).toBeDefined();
      const test = readFileSync(join(dir, 'rule.test.ts'), 'utf8');
      expect(test).toMatch(new RegExp(`testRule\\(${exported},`));
      expect(test).toMatch(/\bpass: \[\s*[^\]\s]/);
      expect(test).toMatch(/\bfail: \[\s*[^\]\s]/);
    });
  }

  it('runs on random models without throwing; findings are well-formed and fixes keep the model valid', () => {
    fc.assert(fc.property(arbModelSmall(), (model) => {
      const findings = advise(model);
      expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
      for (const f of findings) {
        expect(RULES.some((r) => r.id === f.ruleId)).toBe(true);
        expect(targetAt(model, f.target.path), `${f.id} at ${f.target.path}`).toBe(f.target.id);
      }
      // One fix per rule and model keeps this affordable (validate costs ~0.2 s on a random model).
      const before = errorCounts(model);
      const oneFixPerRule = findings.filter((f, i) => f.fix && findings.findIndex((g) => g.fix && g.ruleId === f.ruleId) === i);
      for (const f of oneFixPerRule) {
        if (!f.fix) continue;
        const next = f.fix.apply(model);
        const parsed = ModelSchema.safeParse(next);
        expect(parsed.success, `${f.id}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 2))}`).toBe(true);
        expect(newValidationErrors(before, next), f.id).toEqual([]);
        expect(advise(next, { only: [f.ruleId] }).map((x) => x.id)).not.toContain(f.id);
        // As the editor runs it: one command, undone exactly.
        const store = new EditorStore(model);
        expect(store.dispatch({ type: 'applyFix', title: f.fix.title, model: next }).ok).toBe(true);
        expect(store.model).toStrictEqual(next);
        store.undo();
        expect(store.model, `${f.id}: undo`).toStrictEqual(model);
      }
    }), { numRuns: Number(process.env.PGCANVAS_PROPERTY_RUNS ?? 12) });
  }, 300_000);

  it('rejects unknown rule ids in options', () => {
    expect(() => advise({ format: 1, schemas: [], tables: [] }, { only: ['no-such-rule'] })).toThrow(/no-such-rule/);
  });
});
