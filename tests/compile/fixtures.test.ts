/**
 * Fixture proofs on the PostgreSQL server and PGlite: the kitchen-sink model gives exactly the catalog
 * of the same schema written by hand; every example model compiles and executes; hostile names reach
 * the catalog unchanged; foreign-key cycles work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_KINDS, catalogFingerprint, createDatabase, type TestDatabase } from '@/lib/testing';
import { compileSql } from '@/lib/compile';
import { ModelSchema, type Model } from '@/lib/model';
import { kitchenSink, kitchenSinkByHand } from './fixtures/kitchen-sink';
import { HOSTILE, hostileModel } from './fixtures/hostile';
import { expectedCatalog, oracleNames, projectCatalog } from './expected-catalog';

const EXAMPLES_DIR = join(import.meta.dirname, '../../examples');
const examples: Array<[string, Model]> = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json')).sort()
  .map((f) => [f, ModelSchema.parse(JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')))]);
const models: Array<[string, Model]> = [...examples, ['kitchen-sink (fixture)', kitchenSink], ['hostile names (fixture)', hostileModel]];

/** inRollback runs fn inside a transaction that is always rolled back, so tests share one database. */
async function inRollback<T>(db: TestDatabase, fn: () => Promise<T>): Promise<T> {
  await db.exec('BEGIN');
  try {
    return await fn();
  } finally {
    await db.exec('ROLLBACK');
  }
}

describe.each(DATABASE_KINDS)('compiled fixtures on %s', (kind) => {
  let db: TestDatabase;
  const target = kind === 'server' ? 15 : 18;
  beforeAll(async () => { db = await createDatabase(kind); });
  afterAll(async () => { await db?.close(); });

  it.each(models)('%s compiles, executes, and the catalog matches the model', async (_name, model) => {
    await inRollback(db, async () => {
      // Examples may name roles in policies: create them (roles are cluster-wide, so outside any test's schema).
      for (const role of model.roles ?? []) await db.exec(`DO $$ BEGIN CREATE ROLE "${role.name.replaceAll('"', '""')}"; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await db.exec(compileSql(model, { target }));
      const fp = await catalogFingerprint(db.query);
      expect(Object.keys(fp.tables)).toHaveLength(model.tables.length);
      const expected = expectedCatalog(model, await oracleNames(model, db.query));
      expect(projectCatalog(fp, expected)).toEqual(expected);
    });
  });

  it('the kitchen sink gives exactly the catalog of the same schema written by hand', async () => {
    const byHand = await inRollback(db, async () => { await db.exec(kitchenSinkByHand); return catalogFingerprint(db.query); });
    const compiled = await inRollback(db, async () => { await db.exec(compileSql(kitchenSink, { target })); return catalogFingerprint(db.query); });
    expect(compiled).toEqual(byHand);
    expect(Object.keys(compiled.tables)).toHaveLength(5);
  });

  it('hostile names reach the catalog unchanged', async () => {
    await inRollback(db, async () => {
      await db.exec(compileSql(hostileModel, { target }));
      const one = async (sql: string, params: unknown[] = []) => (await db.query<Record<string, unknown>>(sql, params)).rows;
      expect((await one('SELECT nspname FROM pg_namespace WHERE nspname = $1', [HOSTILE.schema]))).toHaveLength(1);
      const tables = await one('SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = $2 ORDER BY c.relname', [HOSTILE.schema, 'r']);
      expect(tables.map((r) => r.relname).sort()).toEqual([HOSTILE.table, HOSTILE.table2].sort());
      const cols = await one(`SELECT a.attname FROM pg_attribute a WHERE a.attrelid = (SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2) AND a.attnum > 0 ORDER BY a.attnum`, [HOSTILE.schema, HOSTILE.table]);
      expect(cols.map((r) => r.attname)).toEqual([...HOSTILE.columns, 'from']);
      const labels = await one(`SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`, [HOSTILE.enumName]);
      expect(labels.map((r) => r.enumlabel)).toEqual(HOSTILE.labels);
      expect(await one('SELECT 1 FROM pg_class WHERE relname = $1 AND relkind = $2', [HOSTILE.index, 'i'])).toHaveLength(1);
      expect(await one('SELECT 1 FROM pg_constraint WHERE conname = $1 AND contype = $2', [HOSTILE.constraint, 'p'])).toHaveLength(1);
      expect(await one('SELECT 1 FROM pg_constraint WHERE conname = $1 AND contype = $2', ['references', 'f'])).toHaveLength(1);
      expect(await one('SELECT 1 FROM pg_policy WHERE polname = $1', [HOSTILE.policy])).toHaveLength(1);
      const comments = await one(`SELECT d.description FROM pg_description d WHERE d.description = $1`, [HOSTILE.comment]);
      // schema, enum, table, 11 columns, primary key, index, policy, foreign key
      expect(comments.length).toBe(1 + 1 + 1 + HOSTILE.columns.length + 1 + 1 + 1 + 1);
      expect((await one(`SELECT 1 FROM pg_class WHERE relname = 'x'`))).toHaveLength(0);
    });
  });

  it('user SQL ending in a line comment cannot comment out the rest of a statement', async () => {
    const model: Model = {
      format: 1, schemas: [{ id: 'p', name: 'public' }],
      extensions: [{ id: 'x', name: 'citext' }],
      tables: [
        {
          id: 't', schemaId: 'p', name: 't',
          columns: [
            { id: 'k', name: 'k', type: { kind: 'builtin', name: 'integer' }, nullable: false },
            { id: 'a', name: 'a', type: { kind: 'custom', sql: 'citext -- a comment', array: true }, nullable: false, default: "'{}' -- empty" },
          ],
          checks: [{ id: 'c', name: 'c_check', expression: 'k > 0 -- positive' }],
          partitionBy: { strategy: 'list', keys: [{ columnId: 'k' }] },
        },
        { id: 'p1', schemaId: 'p', name: 't_1', columns: [], partitionOf: { parentId: 't', bound: 'FOR VALUES IN (1) -- one' } },
      ],
    };
    await inRollback(db, async () => {
      await db.exec(compileSql(model, { target }));
      const col = (await db.query<{ type: string; attnotnull: boolean }>(`SELECT format_type(atttypid, atttypmod) AS type, attnotnull FROM pg_attribute WHERE attrelid = 'public.t'::regclass AND attname = 'a'`)).rows[0]!;
      expect(col).toEqual({ type: 'citext[]', attnotnull: true });
      const parts = await db.query(`SELECT 1 FROM pg_inherits WHERE inhparent = 'public.t'::regclass`);
      expect(parts.rows).toHaveLength(1);
    });
  });

  it('tables that reference each other in a cycle are created (foreign keys come last)', async () => {
    const cycle: Model = {
      format: 1,
      schemas: [{ id: 'p', name: 'public' }],
      tables: ['a', 'b', 'c'].map((name, i, all) => ({
        id: name, schemaId: 'p', name,
        columns: [
          { id: `${name}_id`, name: 'id', type: { kind: 'builtin', name: 'integer' }, nullable: false },
          { id: `${name}_next`, name: 'next_id', type: { kind: 'builtin', name: 'integer' }, nullable: true },
        ],
        primaryKey: { id: `${name}_pk`, name: `${name}_pkey`, columnIds: [`${name}_id`] },
        foreignKeys: [{ id: `${name}_fk`, name: `${name}_next_fk`, columnIds: [`${name}_next`], refTableId: all[(i + 1) % all.length]!, refColumnIds: [`${all[(i + 1) % all.length]}_id`] }],
      })),
    };
    await inRollback(db, async () => {
      await db.exec(compileSql(cycle, { target }));
      const fks = await db.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE contype = 'f' ORDER BY conname`);
      expect(fks.rows.map((r) => r.conname)).toEqual(['a_next_fk', 'b_next_fk', 'c_next_fk']);
    });
  });
});
