/**
 * Round-trip helpers: apply SQL to one database, rebuild it from the model in another, and compare
 * the two through the round-trip fingerprint (lib/testing's catalog fingerprint plus SQL objects, ./fingerprint.ts).
 */
import { expect } from 'vitest';
import { createDatabase, type DatabaseKind, type TestDatabase } from '@/lib/testing';
import { importSqlAsync } from '@/lib/import';
import { compileSql } from '@/lib/compile';
import type { Model } from '@/lib/model';
import { roundTripFingerprint } from './fingerprint';

export const TARGET: Record<DatabaseKind, number> = { server: 15, pglite: 18 };

/** applyScript runs a script and resets session settings it changed (pg_dump empties search_path). */
export async function applyScript(db: TestDatabase, sql: string): Promise<void> {
  await db.exec(sql);
  await db.exec('RESET ALL');
}

export async function withDatabases<T>(kind: DatabaseKind, n: number, body: (...dbs: TestDatabase[]) => Promise<T>): Promise<T> {
  const dbs: TestDatabase[] = [];
  try {
    for (let i = 0; i < n; i++) dbs.push(await createDatabase(kind));
    return await body(...dbs);
  } finally {
    for (const db of dbs) await db.close();
  }
}

/** sqlRoundTrip: file -> A; import -> compile -> B; fingerprints equal. Returns the model for more checks. */
export async function sqlRoundTrip(kind: DatabaseKind, sql: string): Promise<Model> {
  const imported = await importSqlAsync(sql);
  if (!imported.ok) throw new Error(`import failed: ${JSON.stringify(imported.error)}`);
  const compiled = compileSql(imported.model, { target: TARGET[kind] });
  return withDatabases(kind, 2, async (a, b) => {
    await applyScript(a, sql);
    try {
      await applyScript(b, compiled);
    } catch (error) {
      throw new Error(`compiled SQL failed on ${kind}: ${(error as Error).message}\n--- compiled ---\n${compiled}`);
    }
    const [fa, fb] = [await roundTripFingerprint(a.query), await roundTripFingerprint(b.query)];
    expect(fb, `compiled:\n${compiled}`).toEqual(fa);
    return imported.model;
  });
}
