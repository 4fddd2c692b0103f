import { describe, expect, it, afterAll, beforeAll } from 'vitest';
import { createDatabase, DATABASE_KINDS, catalogFingerprint, type TestDatabase } from './index';

describe.each(DATABASE_KINDS)('test harness on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createDatabase(kind); });
  afterAll(async () => { await db?.close(); });

  it('gives a fresh, empty database', async () => {
    const fp = await catalogFingerprint(db.query);
    expect(fp.tables).toEqual({});
  });

  it('fingerprints tables, columns, constraints, indexes and policies', async () => {
    await db.exec(`
      CREATE TYPE mood AS ENUM ('sad', 'ok');
      CREATE TABLE "we""ird" (id int GENERATED ALWAYS AS IDENTITY (START 5) PRIMARY KEY, m mood DEFAULT 'ok', n text NOT NULL CHECK (n <> ''));
      CREATE INDEX ON "we""ird" (lower(n)) WHERE n IS NOT NULL;
      ALTER TABLE "we""ird" ENABLE ROW LEVEL SECURITY;
      CREATE POLICY p ON "we""ird" FOR SELECT USING (n = current_user);
      COMMENT ON COLUMN "we""ird".n IS 'name';`);
    const fp = await catalogFingerprint(db.query);
    const t = fp.tables['public."we""ird"'] as Record<string, any>;
    expect(t).toBeDefined();
    expect(t.rls).toBe(true);
    expect(t.columns.map((c: any) => [c.name, c.type, c.not_null])).toEqual([['id', 'integer', true], ['m', 'mood', false], ['n', 'text', true]]);
    expect(JSON.parse(t.columns[0].identity_sequence).start).toBe('5');
    expect(t.columns[2].comment).toBe('name');
    expect(Object.values(t.constraints).map((c: any) => c.type).sort()).toEqual(['c', 'p']);
    expect(Object.keys(t.indexes)).toHaveLength(1);
    expect(t.policies.p.command).toBe('r');
    expect(fp.enums['public.mood']!.labels).toEqual(['sad', 'ok']);
  });
});

describe('catalogFingerprint limited to schemas', () => {
  it('reads only the named schemas on the server', async () => {
    const db = await createDatabase('server');
    try {
      await db.exec('CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (x int); CREATE TABLE b.u (y int);');
      const fp = await catalogFingerprint(db.query, { schemas: ['a'] });
      expect(Object.keys(fp.tables)).toEqual(['a.t']);
      expect(Object.keys(fp.schemas)).toEqual(['a']);
    } finally {
      await db.close();
    }
  });
});
