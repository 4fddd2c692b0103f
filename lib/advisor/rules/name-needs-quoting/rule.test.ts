import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSqlParser, parseSql } from '@/lib/model';
import { plainIdentifier, RESERVED_WORDS, snakeCase } from '../../named-objects';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { nameNeedsQuoting } from './rule';

testRule(nameNeedsQuoting, {
  // Letters beyond ASCII need no quotes: PostgreSQL's scanner takes them as they are.
  pass: [model([{ name: 'order_items', columns: [col('id', 'bigint'), col('unit_price$', 'numeric(12,2)'), col('größe', 'text'), col('名前', 'text'), col('Ærø', 'text')] }])],
  fail: [
    model([{ name: 'OrderItems', columns: [col('Unit Price', 'numeric(12,2)'), col('Größe', 'text'), col('9lives', 'text')] }]),
    // `a"b` appears in SQL only as "a""b": the rename is not offered, since the CHECK, index
    // expression and predicate would still name the old column.
    model([{
      name: 't_1', columns: [col('a"b', 'smallint'), col('ok', 'text')],
      indexes: [{ name: 't_1_ab', expressions: ['("a""b" + 1)'], where: '("a""b" IS NOT NULL)' }],
      rest: { checks: [{ id: 'chk_ab', name: 't_1_ab_check', expression: '("a""b" >= 0)' }] },
    }]),
    // Only a Unicode-escaped spelling refers to the column.
    model([{ name: 't_2', columns: [col('Ab', 'smallint')], rest: { checks: [{ id: 'chk_ab2', name: 't_2_ab_check', expression: 'U&"\\0041b" >= 0' }] } }]),
  ],
  expectFindings: (findings, fixture) => {
    if (fixture === 0) {
      expect(findings.map((f) => f.fix?.title ?? `no fix for ${f.target.id}`)).toEqual(['Rename table to order_items', 'Rename column to unit_price', 'Rename column to größe', 'no fix for c_OrderItems__9lives']);
      return;
    }
    const column = findings.find((f) => f.target.id.startsWith('c_'))!;
    expect(column.fix).toBeUndefined();
    expect(column.help).toMatch(/references/);
  },
});

describe('plainIdentifier agrees with PostgreSQL\'s parser', () => {
  beforeAll(async () => { await loadSqlParser(); });

  /** The oracle: the name works unquoted as a column name and the parser keeps it exactly as written. */
  const keptUnquoted = (name: string) => {
    const parsed = parseSql(`CREATE TABLE t (${name} integer)`);
    if (!parsed.ok || parsed.stmts.length !== 1) return false;
    const elts = (parsed.stmts[0] as { stmt: { CreateStmt?: { tableElts?: { ColumnDef?: { colname?: string } }[] } } }).stmt.CreateStmt?.tableElts;
    return elts?.length === 1 && elts[0]!.ColumnDef?.colname === name;
  };

  it('on chosen names', () => {
    for (const name of ['größe', 'Größe', 'a$b', '$a', '_x', '9x', 'x y', 'Ærø', 'e😀', 'select', 'left', 'values', 'name']) {
      expect(plainIdentifier(name), name).toBe(keptUnquoted(name));
    }
  });

  it('on random names', () => {
    const char = fc.oneof(fc.constantFrom('a', 'z', 'A', 'Z', '_', '$', '0', '9', ' ', '-', '"', 'ä', 'Ä', 'ß', '名', '😀', '\u00a0'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
    const name = fc.oneof(fc.array(char, { minLength: 1, maxLength: 12 }).map((a) => a.join('')), fc.constantFrom(...RESERVED_WORDS));
    fc.assert(fc.property(name, (n) => {
      fc.pre(new TextEncoder().encode(n).length <= 63 && !n.includes('\u0000'));
      expect(plainIdentifier(n), JSON.stringify(n)).toBe(keptUnquoted(n));
    }), { numRuns: 2000 });
  });

  it('snakeCase suggests a plain name or nothing', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (n) => {
      const s = snakeCase(n);
      expect(s === '' || /^[0-9$]/.test(s) || RESERVED_WORDS.has(s) || plainIdentifier(s), JSON.stringify([n, s])).toBe(true);
    }));
  });
});
