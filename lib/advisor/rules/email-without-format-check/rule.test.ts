import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '@/lib/model';
import { createServerDatabase, type TestDatabase } from '@/lib/testing';
import { advise } from '../../index';
import { testRule } from '../../testing/rule-fixtures';
import { col, model } from '../../testing/model-builder';
import { emailWithoutFormatCheck } from './rule';

const check = (expression: string) => ({ checks: [{ id: 'ck', name: 'users_email_check', expression }] });

testRule(emailWithoutFormatCheck, {
  pass: [
    model([{ name: 'users', columns: [col('email', 'text')], rest: check("email ~* '^[^@]+@[^@]+$'") }]),
    model([{ name: 'users', columns: [col('Email', 'text')], rest: check(`"Email" LIKE '%_@_%'`) }]),
    model([{ name: 'users', columns: [col('emailed_at', 'timestamptz')] }]),
    // Either remedy the issue names: citext, or a unique index on lower(email).
    model([{ name: 'users', columns: [col('email', 'citext')] }]),
    model([{ name: 'users', columns: [col('email', 'text')], indexes: [{ name: 'users_email_lower_key', expressions: ['lower(email)'], unique: true }] }]),
    model([{ name: 'invites', columns: [col('email', 'text')], rest: check('email = lower(btrim(email))') }]),
    // A domain declared with a CHECK, and a validating function of the model.
    model([{ name: 'users', columns: [col('email', 'email_address')] }], { sqlObjects: [{ id: 'd1', kind: 'domain', name: 'email_address', phase: 'pre-tables', sql: "CREATE DOMAIN email_address AS text CHECK (VALUE ~ '@');" }] }),
    model([{ name: 'users', columns: [col('email', 'text')], rest: check('is_email(email)') }], { sqlObjects: [{ id: 'f1', kind: 'function', name: 'is_email', phase: 'pre-tables', sql: "CREATE FUNCTION is_email(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 ~ '@' $$;" }] }),
  ],
  fail: [
    model([{ name: 'users', columns: [col('email', 'text'), col('billingEmail', 'varchar(200)')] }]),
    // A CHECK that reads the column but matches no pattern, a pattern CHECK on another column, a pattern
    // only inside a string, a domain without a CHECK, a non-unique lower() index: none of them is a remedy.
    model([{ name: 'users', columns: [col('email', 'text'), col('name', 'text')], rest: { checks: [
      { id: 'ck1', name: 'users_email_len', expression: 'char_length(email) < 255' },
      { id: 'ck2', name: 'users_name_fmt', expression: "name ~ '^[A-Z]'" },
      { id: 'ck3', name: 'users_email_ne', expression: "email <> 'email ~ x'" },
    ] }, indexes: [{ name: 'users_email_lower_idx', expressions: ['lower(email)'] }] }]),
    model([{ name: 'users', columns: [col('email', 'email_address')] }], { sqlObjects: [{ id: 'd1', kind: 'domain', name: 'email_address', phase: 'pre-tables', sql: 'CREATE DOMAIN email_address AS text NOT NULL;' }] }),
  ],
  expectFindings: (findings, fixture) => expect(findings).toHaveLength(fixture === 0 ? 2 : 1),
});

/** The fix's CHECK on PostgreSQL (the oracle): it keeps addresses and refuses the garbage the docs name. */
describe('the added CHECK on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    await loadSqlParser();
    db = await createServerDatabase('pgcanvas_adv_email');
  }, 60_000);
  afterAll(async () => { await db?.close(); });

  it('accepts addresses and refuses empty, placeholder and space-separated values', async () => {
    const m = model([{ name: 'users', columns: [col('E-mail', 'text')] }]);
    const [finding] = advise(m, { only: ['email-without-format-check'] });
    const check = finding!.fix!.apply(m).tables[0]!.checks![0]!.expression;
    expect(check).toBe(`"E-mail" ~* '^[^@[:space:]]+@[^@[:space:]]+$'`);
    const values = ['bob@example.com', 'Bob.Smith+tag@sub.example.org', 'ünï@example.com', '', 'n/a', 'john', 'a @b.c', 'a@', '@b', 'a@b@c'];
    const rows = (await db.query<{ v: string; ok: boolean }>(`SELECT v, ${check.replace('"E-mail"', 'v')} AS ok FROM unnest($1::text[]) AS v`, [values])).rows;
    expect(Object.fromEntries(rows.map((r) => [r.v, r.ok]))).toEqual({
      'bob@example.com': true, 'Bob.Smith+tag@sub.example.org': true, 'ünï@example.com': true,
      '': false, 'n/a': false, john: false, 'a @b.c': false, 'a@': false, '@b': false, 'a@b@c': false,
    });
  });
});
