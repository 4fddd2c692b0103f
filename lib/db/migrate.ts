/**
 * Our own migrator for the SQL files drizzle-kit generates in `drizzle/` (listed in meta/_journal.json).
 * Runs at start-up; idempotent. It holds a session-level advisory lock while it works, so two instances
 * starting together take turns and the second finds everything applied. Each migration runs in its own
 * transaction and is recorded in app_migrations with the SHA-256 of its file; a recorded migration whose
 * file changed afterwards stops start-up (editing an applied migration is a bug, not something to paper over).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** SqlSession is one connection: advisory locks and transactions need the same session throughout. */
export interface SqlSession {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** MIGRATION_LOCK_KEY is the advisory lock key: an arbitrary constant that no other code uses. */
export const MIGRATION_LOCK_KEY = '4620693217682128960';

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/** defaultMigrationsDir is `drizzle/` beside package.json (MIGRATIONS_DIR overrides it). */
export function defaultMigrationsDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.MIGRATIONS_DIR ?? join(/*turbopackIgnore: true*/ process.cwd(), 'drizzle'));
}

/** readMigrations loads the migrations in journal order. */
export function readMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const journal = JSON.parse(readFileSync(/*turbopackIgnore: true*/ join(dir, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((entry) => {
    const text = readFileSync(/*turbopackIgnore: true*/ join(dir, `${entry.tag}.sql`), 'utf8');
    return {
      name: entry.tag,
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: text.split('--> statement-breakpoint').map((s) => s.trim()).filter((s) => s.length > 0),
    };
  });
}

/** migrate applies what is missing, under the advisory lock. */
export async function migrate(session: SqlSession, migrations: Migration[] = readMigrations()): Promise<MigrationResult> {
  await session.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
  try {
    await session.query(`CREATE TABLE IF NOT EXISTS app_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await session.query<{ name: string; checksum: string }>('SELECT name, checksum FROM app_migrations');
    const recorded = new Map(rows.map((r) => [r.name, r.checksum]));
    const known = new Set(migrations.map((m) => m.name));
    const unknown = [...recorded.keys()].filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new Error(`the database has migrations this build does not know (${unknown.join(', ')}): it was migrated by a newer version of pgcanvas`);
    }
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const checksum = recorded.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied (checksum ${checksum.slice(0, 12)}… recorded, ${migration.checksum.slice(0, 12)}… on disk)`);
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await session.query('BEGIN');
      try {
        for (const statement of migration.statements) await session.query(statement);
        await session.query('INSERT INTO app_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
        await session.query('COMMIT');
      } catch (error) {
        await session.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await session.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]);
  }
}
