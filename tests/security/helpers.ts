/**
 * Helpers for the security proofs: apply schema DDL plus the generated files, run statements as a role
 * inside a transaction with per-transaction settings, expect SQLSTATEs, and drop the cluster-wide roles
 * a server test created.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { serverUrl, type TestDatabase } from '@/lib/testing';
import type { SecurityFile } from '@/lib/security';
import { ROLE_PURPOSES, securityContext, type SecurityOptions } from '@/lib/security';
import type { Model } from '@/lib/model';

/** uniquePrefix gives each test its own role names: roles are cluster-wide on the server. */
export function uniquePrefix(): string {
  return `t${randomBytes(4).toString('hex')}`;
}

export async function applyFiles(db: TestDatabase, files: readonly SecurityFile[]): Promise<void> {
  for (const f of files) {
    try {
      await db.exec(f.sql);
    } catch (error) {
      throw new Error(`${f.name} failed on ${db.kind}: ${(error as Error).message}\n${f.sql}`);
    }
  }
}

/** asRole runs `fn` inside BEGIN ... ROLLBACK as `role` with the given settings set by set_config(..., true). */
export async function asRole<T>(db: TestDatabase, role: string, settings: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    for (const [k, v] of Object.entries(settings)) await db.query('SELECT set_config($1, $2, true)', [k, v]);
    await db.query(`SET LOCAL ROLE "${role.replaceAll('"', '""')}"`);
    return await fn();
  } finally {
    await db.query('ROLLBACK');
  }
}

/** sqlState runs a statement expected to fail and returns its SQLSTATE (inside a savepoint, so the transaction survives). */
export async function sqlState(db: TestDatabase, sql: string, params?: unknown[]): Promise<string> {
  await db.query('SAVEPOINT expect_failure');
  try {
    await db.query(sql, params);
  } catch (error) {
    await db.query('ROLLBACK TO SAVEPOINT expect_failure');
    const code = (error as { code?: string }).code;
    expect(code, `SQLSTATE of ${sql}: ${(error as Error).message}`).toBeTypeOf('string');
    return code!;
  }
  await db.query('RELEASE SAVEPOINT expect_failure');
  throw new Error(`expected an error from: ${sql}`);
}

/** roleNames lists every role the generated files may create for this model and options. */
export function roleNames(model: Model, options: SecurityOptions): string[] {
  const ctx = securityContext(model, options);
  return ROLE_PURPOSES.map((p) => ctx.roles[p]);
}

/** dropServerRoles removes roles a server test created (after its database is dropped). */
export async function dropServerRoles(db: TestDatabase, names: readonly string[]): Promise<void> {
  if (db.kind !== 'server') return;
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP ROLE IF EXISTS "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
