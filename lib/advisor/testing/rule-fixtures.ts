/**
 * testRule registers the standard tests of one advisor rule: every `pass` model yields no finding of
 * the rule, every `fail` model yields at least one, findings point at objects that exist, ids are
 * unique, and each fix returns a schema-valid model in which that finding is gone. Each fix also runs
 * the way the editor runs it, as an applyFix command in an EditorStore (test-only use of lib/editor):
 * the store then holds exactly the fixed model, undo restores the original exactly, redo the fix. A rule
 * whose check builds a fix must offer one on a failing fixture (the meta-test ties that to docs.md).
 * The meta-test checks that every rule.test.ts calls it with both kinds of fixture.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, ModelSchema, type Model } from '@/lib/model';
import { EditorStore } from '@/lib/editor/store';
import { validate } from '@/lib/model/validate';
import { advise } from '../index';
import type { AdviseOptions, AdvisorFinding, Rule } from '../types';

export interface RuleFixtures {
  readonly pass: readonly Model[];
  readonly fail: readonly Model[];
  readonly options?: AdviseOptions;
  /** Extra expectations on the failing fixtures' findings (message wording, count, target). */
  readonly expectFindings?: (findings: AdvisorFinding[], fixture: number) => void;
}

export function findingsOf(rule: Rule, model: Model, options: AdviseOptions = {}): AdvisorFinding[] {
  return advise(model, { ...options, only: [rule.id] });
}

function objectIds(model: Model): Set<string> {
  const ids = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['id'] === 'string') ids.add(o['id']);
      Object.values(o).forEach(walk);
    }
  };
  walk(model);
  return ids;
}

/** targetAt walks a finding's path (`tables[1].columns[0].default`) and returns the id of the deepest object with an id on the way. */
export function targetAt(model: Model, path: string): string | undefined {
  let node: unknown = model;
  let id: string | undefined;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
    const maybe = (node as { id?: unknown } | undefined)?.id;
    if (typeof maybe === 'string') id = maybe;
  }
  return node === undefined ? undefined : id;
}

/** errorCounts counts a model's validation errors by code. */
export function errorCounts(model: Model): Map<string, number> {
  const map = new Map<string, number>();
  for (const f of validate(model)) if (f.severity === 'error') map.set(f.code, (map.get(f.code) ?? 0) + 1);
  return map;
}

/** newValidationErrors lists validation error codes a fix introduced (more of a code than before). */
export function newValidationErrors(before: Model | Map<string, number>, after: Model): string[] {
  const a = before instanceof Map ? before : errorCounts(before);
  const out: string[] = [];
  for (const [code, n] of errorCounts(after)) if (n > (a.get(code) ?? 0)) out.push(`${code} x${n - (a.get(code) ?? 0)}: ${validate(after).filter((f) => f.code === code).map((f) => f.message).join('; ')}`);
  return out;
}

export function testRule(rule: Rule, fixtures: RuleFixtures): void {
  describe(`advisor rule ${rule.id}`, () => {
    beforeAll(async () => { await loadSqlParser(); });

    it('has at least one passing and one failing fixture', () => {
      expect(fixtures.pass.length, 'passing fixtures').toBeGreaterThan(0);
      expect(fixtures.fail.length, 'failing fixtures').toBeGreaterThan(0);
    });

    it('has a kebab-case id, a title and help', () => {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.help.length).toBeGreaterThan(10);
    });

    it('offers a fix on a failing fixture exactly when its code can make one', () => {
      // The meta-test ties the code to docs.md: a rule whose check builds a fix announces **Fix there.
      const canFix = /\bfix\b/.test(rule.check.toString());
      const offered = fixtures.fail.some((m) => findingsOf(rule, m, fixtures.options).some((f) => f.fix));
      expect(offered, `${rule.id}: its check ${canFix ? 'builds' : 'never builds'} a fix`).toBe(canFix);
    });

    fixtures.pass.forEach((model, i) => {
      it(`passing fixture ${i + 1} has no finding`, () => {
        expect(validate(model).filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
        expect(findingsOf(rule, model, fixtures.options).map((f) => f.message)).toEqual([]);
      });
    });

    fixtures.fail.forEach((model, i) => {
      it(`failing fixture ${i + 1} is reported`, () => {
        expect(validate(model).filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
        const findings = findingsOf(rule, model, fixtures.options);
        expect(findings.length).toBeGreaterThan(0);
        const ids = objectIds(model);
        for (const f of findings) {
          expect(f.ruleId).toBe(rule.id);
          expect(f.severity).toBe(rule.severity);
          expect(ids.has(f.target.id), `target ${f.target.id} exists`).toBe(true);
          expect(targetAt(model, f.target.path), `${f.target.path} leads to ${f.target.id}`).toBe(f.target.id);
          expect(f.target.path).toMatch(/^(tables|enums|schemas|sequences|sqlObjects)\[\d+\]/);
          expect(f.message.length).toBeGreaterThan(0);
        }
        expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
        expect(findingsOf(rule, model, fixtures.options).map((f) => f.id)).toEqual(findings.map((f) => f.id));
        fixtures.expectFindings?.(findings, i);
      });

      it(`fixes of failing fixture ${i + 1} remove their finding, keep the model valid and undo exactly`, () => {
        const before = JSON.stringify(model);
        for (const f of findingsOf(rule, model, fixtures.options).filter((x) => x.fix)) {
          const next = f.fix!.apply(model);
          expect(JSON.stringify(model), 'fix must not mutate its input').toBe(before);
          const parsed = ModelSchema.safeParse(next);
          expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
          expect(newValidationErrors(model, next), `${f.id}: ${f.fix!.title}`).toEqual([]);
          expect(findingsOf(rule, next, fixtures.options).map((x) => x.id)).not.toContain(f.id);

          const store = new EditorStore(model);
          const result = store.dispatch({ type: 'applyFix', title: f.fix!.title, model: next });
          expect(result.ok).toBe(true);
          expect(store.model, `${f.id}: the command carries the whole fix`).toStrictEqual(next);
          expect(store.undo()).toBe(true);
          expect(store.model, `${f.id}: undo restores the model`).toStrictEqual(model);
          expect(JSON.stringify(store.model)).toBe(before);
          expect(store.redo()).toBe(true);
          expect(store.model).toStrictEqual(next);
        }
      });
    });
  });
}
