import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadSqlParser, parseSql } from '@/lib/model';
import { serverUrl } from '@/lib/testing';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { RESERVED_WORDS } from '../../named-objects';
import { reservedWordName } from './rule';

testRule(reservedWordName, {
  // Non-reserved key words (values, time, name, type) are legal unquoted names.
  pass: [model([{ name: 'users', columns: [col('id', 'bigint'), col('order_no', 'text'), col('name', 'text'), col('values', 'text'), col('time', 'timestamptz')] }])],
  fail: [
    model([{ name: 'user', columns: [col('id', 'bigint'), col('order', 'integer'), col('Table', 'text'), col('left', 'text')] }]),
    // Only a Unicode-escaped spelling names the column: no rename, the help says why.
    model([{ name: 'lines', columns: [col('order', 'integer')], rest: { checks: [{ id: 'chk_order', name: 'lines_order_check', expression: 'U&"ord\\0065r" > 0' }] } }]),
  ],
  expectFindings: (findings, fixture) => {
    if (fixture === 0) {
      expect(findings.map((f) => f.message).sort()).toEqual(['column Table is a reserved word', 'column left is a reserved word', 'column order is a reserved word', 'table user is a reserved word']);
      return;
    }
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[0]!.help).toMatch(/references/);
  },
});

/**
 * The oracle for the word list: PostgreSQL's own key words (pg_get_keywords() on the test server) and
 * its grammar (the parser): a word is in RESERVED_WORDS exactly when it cannot be a table and column
 * name without quotes. Words newer than the server (system_user is reserved since 16) only need the parser.
 */
describe('RESERVED_WORDS is PostgreSQL\'s list', () => {
  const client = new pg.Client({ connectionString: serverUrl() });
  let keywords: { word: string; catcode: string }[] = [];
  beforeAll(async () => {
    await loadSqlParser();
    await client.connect();
    keywords = (await client.query<{ word: string; catcode: string }>('SELECT word, catcode FROM pg_get_keywords()')).rows;
  });
  afterAll(async () => { await client.end(); });

  const unquotedNameParses = (w: string) => parseSql(`CREATE TABLE ${w} (${w} integer)`).ok;

  it('holds every reserved and type/function-name key word of the server, and no other of its key words', () => {
    expect(keywords.length).toBeGreaterThan(400);
    const serverReserved = keywords.filter((k) => k.catcode === 'R' || k.catcode === 'T').map((k) => k.word).sort();
    const known = new Set(keywords.map((k) => k.word));
    expect(serverReserved.filter((w) => !RESERVED_WORDS.has(w))).toEqual([]);
    expect([...RESERVED_WORDS].filter((w) => known.has(w) && !serverReserved.includes(w))).toEqual([]);
  });

  it('matches the grammar: listed words cannot be unquoted names, every other key word can', () => {
    expect([...RESERVED_WORDS].filter(unquotedNameParses)).toEqual([]);
    expect(keywords.map((k) => k.word).filter((w) => !RESERVED_WORDS.has(w) && !unquotedNameParses(w))).toEqual([]);
  });
});
