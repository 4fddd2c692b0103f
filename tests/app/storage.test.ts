/**
 * lib/db: migrations (idempotent, serialised by the advisory lock, checksummed), the PGlite
 * one-instance-per-folder rule, configuration from the environment, and the schema's own guarantees.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseConfigFromEnv, openDatabase, readMigrations } from '@/lib/db';
import { createServerDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import type { DatabaseConfig } from '@/lib/db';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

async function freshConfig(kind: 'server' | 'pglite'): Promise<DatabaseConfig> {
  if (kind === 'server') {
    const db: TestDatabase = await createServerDatabase('pgcanvas_mig');
    cleanups.push(() => db.close());
    return { kind: 'server', url: db.url!, pool: { max: 3, idleTimeoutMillis: 1000, connectionTimeoutMillis: 5000, statementTimeoutMillis: 10000 } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'pgcanvas-mig-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return { kind: 'pglite', dataDir: dir };
}

describe('configuration', () => {
  it('defaults to PGlite in ./.data and reads pool settings with DATABASE_URL', () => {
    expect(databaseConfigFromEnv({})).toMatchObject({ kind: 'pglite', dataDir: expect.stringMatching(/\.data$/) });
    expect(databaseConfigFromEnv({ DATA_DIR: '/tmp/x' })).toEqual({ kind: 'pglite', dataDir: '/tmp/x' });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://h/db', DATABASE_POOL_MAX: '25' })).toEqual({
      kind: 'server', url: 'postgres://h/db', pool: { max: 25, idleTimeoutMillis: 30000, connectionTimeoutMillis: 5000, statementTimeoutMillis: 15000 },
    });
    expect(() => databaseConfigFromEnv({ DATABASE_URL: 'postgres://h/db', DATABASE_POOL_MAX: 'lots' })).toThrow(/DATABASE_POOL_MAX/);
  });
});

describe('migrations', () => {
  it('are read in journal order with checksums', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.name)).toEqual(['0000_init', '0001_model_versions_immutable', '0002_working_model_json']);
    for (const m of migrations) expect(m.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('two instances starting together on the server: both start, each migration runs once', async () => {
    const config = await freshConfig('server');
    const [one, two] = await Promise.all([openDatabase(config), openDatabase(config)]);
    try {
      const rows = await one.withSession((s) => s.query<{ name: string }>('SELECT name FROM app_migrations ORDER BY name'));
      expect(rows.rows.map((r) => r.name)).toEqual(['0000_init', '0001_model_versions_immutable', '0002_working_model_json']);
      expect(await two.migrate()).toEqual({ applied: [], alreadyApplied: ['0000_init', '0001_model_versions_immutable', '0002_working_model_json'] });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it.each(DATABASE_KINDS)('on %s: refuse to start when an applied migration was edited or is unknown', async (kind) => {
    const config = await freshConfig(kind);
    const db = await openDatabase(config);
    await db.withSession((s) => s.query("UPDATE app_migrations SET checksum = repeat('0', 64) WHERE name = '0000_init'"));
    await expect(db.migrate()).rejects.toThrow(/0000_init was changed after it was applied/);
    await db.withSession((s) => s.query("INSERT INTO app_migrations (name, checksum) VALUES ('9999_future', repeat('1', 64))"));
    await expect(db.migrate()).rejects.toThrow(/newer version of pgcanvas/);
    await db.close();
  });

  it('PGlite: one instance per folder; a second open shares it and closing one keeps the other working', async () => {
    const config = await freshConfig('pglite');
    const a = await openDatabase(config);
    const b = await openDatabase(config);
    await a.withSession((s) => s.query("INSERT INTO app_settings (key, value) VALUES ('signup_enabled', 'true')"));
    await a.close();
    const { rows } = await b.withSession((s) => s.query<{ value: boolean }>('SELECT value FROM app_settings'));
    expect(rows).toEqual([{ value: true }]);
    await b.close();
  });
});

describe.each(DATABASE_KINDS)('schema guarantees on %s', (kind) => {
  it('CHECKs and foreign keys hold at the database', async () => {
    const db = await openDatabase(await freshConfig(kind));
    try {
      const q = (sql: string) => db.withSession((s) => s.query(sql));
      await expect(q("INSERT INTO users (email, password_hash) VALUES ('Upper@Example.com', '$argon2id$x')")).rejects.toThrow(/users_email_check/);
      await expect(q("INSERT INTO users (email, password_hash) VALUES ('a@example.com', 'plaintext')")).rejects.toThrow(/users_password_hash_check/);
      await expect(q("INSERT INTO project_members (project_id, user_id, role) VALUES (gen_random_uuid(), gen_random_uuid(), 'admin')")).rejects.toThrow(/check|foreign key/i);
      await q("INSERT INTO users (id, email, password_hash) VALUES ('11111111-1111-4111-8111-111111111111', 'a@example.com', '$argon2id$x')");
      await q("INSERT INTO projects (id, name) VALUES ('22222222-2222-4222-8222-222222222222', 'p')");
      await q("INSERT INTO project_members (project_id, user_id, role) VALUES ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'owner')");
      await q("INSERT INTO project_models (project_id, model) VALUES ('22222222-2222-4222-8222-222222222222', '{}')");
      await q("DELETE FROM users WHERE id = '11111111-1111-4111-8111-111111111111'");
      const left = await db.withSession((s) => s.query<{ n: number }>("SELECT count(*)::int AS n FROM project_members"));
      expect(left.rows[0]!.n).toBe(0); // members go with their user; the project stays
      await q("DELETE FROM projects WHERE id = '22222222-2222-4222-8222-222222222222'");
      const models = await db.withSession((s) => s.query<{ n: number }>("SELECT count(*)::int AS n FROM project_models"));
      expect(models.rows[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('every foreign key column is indexed (first column of some index)', async () => {
    const db = await openDatabase(await freshConfig(kind));
    try {
      const { rows } = await db.withSession((s) => s.query<{ tbl: string; col: string }>(`
        SELECT c.conrelid::regclass::text AS tbl, a.attname AS col
        FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`));
      expect(rows).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
