import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileStatements, joinStatements } from '@/lib/compile';
import { arbModel } from '@/lib/testing/arbitraries';
import type { Model } from '@/lib/model';
import { minimalChange } from '../preview-diff';
import { lexSql, restartPoints, sqlWords, updateRestartPoints, updateRestartPointsAll, type SqlTokenKind } from '../preview-sql-lexer';
import { runCommand, type Command } from '../commands';
import { generatedModel } from '../fixtures';

const words = sqlWords('create table alter add constraint references default not primary key on comment is', 'text bigint integer');

function tokens(text: string, from = 0): [SqlTokenKind, string][] {
  const out: [SqlTokenKind, string][] = [];
  lexSql(text, from, text.length, words, (k, a, b) => { out.push([k, text.slice(a, b)]); });
  return out;
}

/** The tokens lexed from a restart point equal the tail of the tokens lexed from the start. */
function expectRestartable(text: string, points: readonly number[]) {
  const all: [number, number, SqlTokenKind][] = [];
  lexSql(text, 0, text.length, words, (k, a, b) => { all.push([a, b, k]); });
  for (const p of points) {
    const tail: [number, number, SqlTokenKind][] = [];
    lexSql(text, p, text.length, words, (k, a, b) => { tail.push([a, b, k]); });
    expect(tail).toEqual(all.filter(([a]) => a >= p));
  }
}

// Fragments that open and close every kind of token that can hide a `;`.
const FRAGMENTS = ["'a;b'", "'it''s;'", "E'x\\';y'", '"q;""r"', '$$ a; b $$', '$fn$ x; $$ ; $fn$', '-- c;\n', '/* a; /* b; */ c; */', ';', ' ', '\n', 'create', 'table', 'x1', '12.5e3', '<>', '(', ')', ',', "'", '"', '$', '/*', '$t$', 'E', "''"];
const arbText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((xs) => xs.join(''));

describe('preview SQL lexer', () => {
  it('names the kinds of tokens and ignores semicolons inside strings, names, comments and dollar quotes', () => {
    const sql = `CREATE TABLE "pub;lic"."t" (id bigint DEFAULT 1, s text DEFAULT E'x\\';y', f text DEFAULT $$a;b$$);\n-- note; here\nCOMMENT ON TABLE t IS 'it''s; ok';\n`;
    expect(tokens(sql).filter(([k]) => k !== 'punct')).toEqual([
      ['keyword', 'CREATE'], ['keyword', 'TABLE'], ['quoted', '"pub;lic"'], ['quoted', '"t"'], ['name', 'id'], ['type', 'bigint'], ['keyword', 'DEFAULT'], ['number', '1'],
      ['name', 's'], ['type', 'text'], ['keyword', 'DEFAULT'], ['string', "E'x\\';y'"], ['name', 'f'], ['type', 'text'], ['keyword', 'DEFAULT'], ['string', '$$a;b$$'],
      ['comment', '-- note; here'], ['keyword', 'COMMENT'], ['keyword', 'ON'], ['keyword', 'TABLE'], ['name', 't'], ['keyword', 'IS'], ['string', "'it''s; ok'"],
    ]);
    const first = sql.indexOf(');') + 2;
    expect(restartPoints(sql)).toEqual([0, first, sql.lastIndexOf(';') + 1]);
  });

  it('restart points are true restarts on random text', () => {
    fc.assert(fc.property(arbText, (text) => expectRestartable(text, restartPoints(text))), { numRuns: 300 });
  });

  it('every statement of a compiled model follows a restart point (its separator `;` is seen as one)', () => {
    fc.assert(fc.property(arbModel(), (model: Model) => {
      const steps = compileStatements(model);
      const sql = joinStatements(steps);
      const points = new Set(restartPoints(sql));
      let pos = 0;
      for (const s of steps) {
        // statements are joined with ";\n\n": the point is right after the `;`
        expect(points.has(pos === 0 ? 0 : pos - 2), `statement at ${pos}: ${s.sql.slice(0, 60)}`).toBe(true);
        pos += s.sql.length + 3;
      }
      expectRestartable(sql, [...points]);
    }), { numRuns: 40 });
  });

  it('updateRestartPoints gives restartPoints of the new text after any edit of random text', () => {
    fc.assert(fc.property(arbText, arbText, fc.nat(), fc.nat(), (text, insert, i, j) => {
      const from = Math.min(i, j) % (text.length + 1);
      const to = from + (Math.max(i, j) - Math.min(i, j)) % (text.length - from + 1);
      const next = text.slice(0, from) + insert + text.slice(to);
      expect(updateRestartPoints(restartPoints(text), { from, to, insertLength: insert.length }, next)).toEqual(restartPoints(next));
    }), { numRuns: 500 });
  });

  it('updateRestartPoints follows model edits of a compiled schema', () => {
    const edits = (m: Model, i: number, s: string): Command[] => {
      const t = m.tables[i % m.tables.length]!;
      const c = t.columns[i % t.columns.length]!;
      const name = `n_${s.replace(/[^a-z]/g, '')}${i}`;
      return [
        { type: 'renameColumn', tableId: t.id, columnId: c.id, name },
        { type: 'renameTable', tableId: t.id, name },
        { type: 'updateTable', tableId: t.id, patch: { comment: `it's; ${s}` } },
        { type: 'updateColumn', tableId: t.id, columnId: c.id, patch: { default: `'a;b${s.replace(/'/g, "''")}'` } },
        { type: 'addColumn', tableId: t.id, column: { name } },
      ];
    };
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 5 })), { minLength: 1, maxLength: 8 }), (steps) => {
      let model = generatedModel(30, 5, 1.5, 3);
      let sql = joinStatements(compileStatements(model));
      let points = restartPoints(sql);
      for (const [pick, i, s] of steps) {
        const options = edits(model, i, s);
        const r = runCommand(model, options[pick % options.length]!);
        if (!r.ok) continue;
        model = r.model;
        const next = joinStatements(compileStatements(model));
        const change = minimalChange(sql, next);
        if (change) points = updateRestartPoints(points, { from: change.from, to: change.to, insertLength: change.insert.length }, next);
        sql = next;
        expect(points).toEqual(restartPoints(sql));
      }
    }), { numRuns: 30 });
  });

  it('updateRestartPointsAll, given many scattered changes at once, equals restartPoints of the new text', () => {
    const arbChange = fc.tuple(fc.nat(), fc.nat({ max: 6 }), arbText);
    fc.assert(fc.property(fc.array(arbText, { minLength: 1, maxLength: 8 }).map((xs) => xs.join(';\n')), fc.array(arbChange, { maxLength: 12 }), (text, raw) => {
      // Sorted, non-overlapping changes (positions in text).
      const changes: { from: number; to: number; insert: string }[] = [];
      let min = 0;
      for (const [at, cut, insert] of [...raw].sort((x, y) => x[0] - y[0])) {
        const from = Math.max(min, at % (text.length + 1));
        const to = Math.min(text.length, from + cut);
        if (from > text.length) break;
        changes.push({ from, to, insert });
        min = to;
      }
      let next = '';
      let pos = 0;
      for (const c of changes) { next += text.slice(pos, c.from) + c.insert; pos = c.to; }
      next += text.slice(pos);
      const got = updateRestartPointsAll(restartPoints(text), changes.map((c) => ({ from: c.from, to: c.to, insertLength: c.insert.length })), next);
      expect(got).toEqual(restartPoints(next));
    }), { numRuns: 1000 });
  });

  it('minimalChange turns a into b', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const c = minimalChange(a, b);
      if (a === b) expect(c).toBeUndefined();
      else expect(a.slice(0, c!.from) + c!.insert + a.slice(c!.to)).toBe(b);
    }));
  });

  it('minimalChange keeps the longest common prefix and suffix of long texts (compared in chunks)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 100, max: 600 }), fc.nat(), fc.nat(), fc.string({ maxLength: 3000 }), (unit, times, i, j, insert) => {
      const a = unit.repeat(times);
      const from = Math.min(i, j) % (a.length + 1);
      const to = from + (Math.max(i, j) - Math.min(i, j)) % Math.min(5000, a.length - from + 1);
      const b = a.slice(0, from) + insert + a.slice(to);
      const c = minimalChange(a, b);
      if (a === b) { expect(c).toBeUndefined(); return; }
      let prefix = 0;
      while (prefix < Math.min(a.length, b.length) && a[prefix] === b[prefix]) prefix++;
      let suffix = 0;
      while (suffix < Math.min(a.length, b.length) - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
      expect(c).toEqual({ from: prefix, to: a.length - suffix, insert: b.slice(prefix, b.length - suffix) });
    }), { numRuns: 200 });
  });
});
