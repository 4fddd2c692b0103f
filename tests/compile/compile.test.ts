/** Pure compile properties: determinism, statement shape, target versions, quoting of user text. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbModel } from '@/lib/testing/arbitraries';
import { compileSql, compileStatements, UnsupportedFeatureError } from '@/lib/compile';
import type { Model } from '@/lib/model';
import { kitchenSink } from './fixtures/kitchen-sink';

/** reorderKeys rebuilds every object with its keys in reverse order: JSON key order must not matter. */
function reorderKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)])) as T;
}

describe('compileSql', () => {
  it('is deterministic: the same model (in any key order) gives the same bytes', () => {
    fc.assert(fc.property(arbModel(), (model) => {
      const sql = compileSql(model);
      expect(compileSql(structuredClone(model))).toBe(sql);
      expect(compileSql(reorderKeys(model))).toBe(sql);
    }), { numRuns: 100 });
  });

  it('ends every statement with a semicolon and separates statements with a blank line', () => {
    const steps = compileStatements(kitchenSink, { target: 15 });
    const sql = compileSql(kitchenSink, { target: 15 });
    expect(sql).toBe(steps.map((s) => `${s.sql};\n`).join('\n'));
    expect(steps.every((s) => !s.sql.trimEnd().endsWith(';'))).toBe(true);
    expect(steps.every((s) => s.hazards.length === 0)).toBe(true);
  });

  it('creates in dependency order: schemas, extensions, enums, sequences, tables, then keys, foreign keys, RLS, policies, comments', () => {
    const kinds = compileStatements(kitchenSink, { target: 15 }).map((s) => s.phase);
    const order = ['schemas', 'extensions', 'enums', 'sequences', 'pre-sql-objects', 'tables', 'sequence-owners', 'indexes', 'foreign-keys', 'rls', 'policies', 'comments', 'post-sql-objects'];
    expect([...new Set(kinds)]).toEqual(order);
    const sql = compileSql(kitchenSink, { target: 15 });
    expect(sql.indexOf('CREATE TABLE "public"."events_2024"')).toBeGreaterThan(sql.indexOf('CREATE TABLE "public"."events"'));
  });

  it('never creates the public schema, and quotes every identifier', () => {
    const sql = compileSql(kitchenSink, { target: 15 });
    expect(sql).not.toMatch(/CREATE SCHEMA "public"/);
    expect(sql).toContain('CREATE SCHEMA "app"');
    expect(sql).toContain('CREATE TYPE "app"."status" AS ENUM (\'draft\', \'published\', \'it\'\'s\')');
    expect(sql).toContain(`"id" integer DEFAULT nextval('"public"."invoice_no"'::regclass) NOT NULL`);
    expect(sql).toContain('"id" bigint GENERATED ALWAYS AS IDENTITY (INCREMENT BY 5 START WITH 10) NOT NULL');
    expect(sql).toContain('"name" character varying(100) COLLATE "C"');
    expect(sql).toContain('"created_at" timestamp(3) with time zone DEFAULT (now()) NOT NULL');
    expect(sql).toContain('CREATE INDEX "orders_user_idx" ON "public"."orders" ("user_id" DESC NULLS LAST) INCLUDE ("total") WHERE (total > 0)');
    expect(sql).toContain('CREATE POLICY "users_self" ON "app"."users" FOR SELECT USING (id = current_setting(\'app.user_id\', true)::bigint)');
  });

  it('puts a line break before the closing parenthesis when user SQL could end in a line comment', () => {
    const model: Model = {
      format: 1, schemas: [{ id: 'p', name: 'public' }],
      tables: [{ id: 't', schemaId: 'p', name: 't', columns: [{ id: 'c', name: 'c', type: { kind: 'builtin', name: 'integer' }, nullable: true, default: '1 -- one' }], checks: [{ id: 'k', name: 'k', expression: 'c > 0 -- positive' }] }],
    };
    const sql = compileSql(model);
    expect(sql).toContain('DEFAULT (1 -- one\n)');
    expect(sql).toContain('CHECK (c > 0 -- positive\n)');
  });

  it('refuses features above the target version instead of dropping them', () => {
    const nnd: Model = structuredClone(kitchenSink);
    expect(() => compileSql(nnd, { target: 14 })).toThrow(UnsupportedFeatureError);
    expect(() => compileSql(nnd, { target: 14 })).toThrow(/orders_user_parent_key.*NULLS NOT DISTINCT needs PostgreSQL 15/);
    expect(compileSql(nnd, { target: 15 })).toContain('UNIQUE NULLS NOT DISTINCT ("user_id", "parent_id")');
    const multirange: Model = {
      format: 1, schemas: [{ id: 'p', name: 'public' }],
      tables: [{ id: 't', schemaId: 'p', name: 't', columns: [{ id: 'c', name: 'c', type: { kind: 'builtin', name: 'int4multirange' }, nullable: true }] }],
    };
    expect(() => compileSql(multirange, { target: 13 })).toThrow(/type int4multirange needs PostgreSQL 14/);
    expect(compileSql(multirange, { target: 14 })).toContain('"c" int4multirange');
    expect(() => compileSql(multirange, { target: 12 })).toThrow(RangeError);
    expect(() => compileSql(multirange, { target: 19 })).toThrow(RangeError);
  });

  it("uses the model's target version when none is given", () => {
    const model: Model = { ...structuredClone(kitchenSink), settings: { targetVersion: 14 } };
    expect(() => compileSql(model)).toThrow(UnsupportedFeatureError);
    expect(() => compileSql(model, { target: 16 })).not.toThrow();
  });

  it('compiles random models generated for every target version 13..18 at that target', () => {
    for (let target = 13; target <= 18; target++) {
      fc.assert(fc.property(arbModel({ target }), (model) => {
        expect(compileSql(model, { target })).toMatch(/;\n$/);
      }), { numRuns: 20 });
    }
  });

  it('compiles the empty model to nothing', () => {
    expect(compileSql({ format: 1, schemas: [], tables: [] })).toBe('');
    expect(compileSql({ format: 1, schemas: [{ id: 'p', name: 'public' }], tables: [] })).toBe('');
  });
});
