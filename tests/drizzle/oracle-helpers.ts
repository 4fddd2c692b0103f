/**
 * The Drizzle oracle's steps: load emitted TypeScript the way a user's drizzle-kit would (a real file,
 * imported), let drizzle-kit's programmatic API generate the migration from empty, and build the
 * database both ways.
 */
import { expect } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import type { Model } from '@/lib/model';
import { compileSql } from '@/lib/compile';
import { catalogFingerprint, createDatabase, type DatabaseKind, type TestDatabase } from '@/lib/testing';
import { emitDrizzle, type DrizzleFile } from '@/lib/drizzle';
import { drizzleKitSafe } from './drizzle-kit-safe';
import { normaliseDrizzleGaps } from './gaps';

export const ORACLE_DIR = join(process.cwd(), 'tests', 'tmp', 'drizzle-oracle');

/** writeFiles puts emitted files in a fresh folder under tests/tmp and returns it. */
export function writeFiles(files: readonly DrizzleFile[], label = 'm'): string {
  const dir = join(ORACLE_DIR, `${label}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.path), f.content);
  return dir;
}

/** drizzleKitMigration imports schema.ts from `dir` and returns drizzle-kit's migration from empty. */
export async function drizzleKitMigration(dir: string): Promise<string[]> {
  const mod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'schema.ts')).href)) as Record<string, unknown>;
  return generateMigration(generateDrizzleJson({}), generateDrizzleJson(mod));
}

const SPECIAL = new Set(['public', 'current_user', 'current_role', 'session_user']);

/**
 * ensureRoles creates the roles a model's policies name without declaring them (roles are cluster-wide
 * on the server). Declared roles are left to the SQL under test: both the DDL and extras-before.sql
 * must create them.
 */
export async function ensureRoles(db: TestDatabase, model: Model): Promise<void> {
  const declared = new Set<string>((model.roles ?? []).map((r) => r.name));
  const names = new Set<string>();
  for (const t of model.tables) for (const p of t.policies ?? []) for (const r of p.roles ?? []) if (!declared.has(r)) names.add(r);
  for (const name of names) {
    if (SPECIAL.has(name)) continue;
    const exists = await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    if (exists.rows.length) continue;
    try {
      await db.exec(`CREATE ROLE "${name.replaceAll('"', '""')}" NOLOGIN`);
    } catch (error) {
      // Another test file may have created it a moment ago.
      if (!/already exists|duplicate key/.test((error as Error).message)) throw error;
    }
  }
}

/** runScript executes statements one by one, so a failure names the statement. */
export async function runScript(db: TestDatabase, statements: readonly string[], label: string): Promise<void> {
  for (const sql of statements) {
    try {
      await db.exec(sql);
    } catch (error) {
      throw new Error(`${label} failed: ${(error as Error).message}\n--- statement ---\n${sql}`);
    }
  }
}

export const TARGET = { server: 15, pglite: 18 } as const;

/**
 * applyDrizzleExport builds a database the way a Drizzle user would: the roles the model's policies name,
 * extras-before.sql, drizzle-kit's migration, then extras.sql.
 */
export async function applyDrizzleExport(db: TestDatabase, model: Model, files: readonly DrizzleFile[], migration: readonly string[]): Promise<void> {
  const file = (p: string) => files.find((f) => f.path === p)?.content;
  await ensureRoles(db, model);
  const before = file('extras-before.sql');
  if (before) await runScript(db, [before], 'extras-before.sql');
  await runScript(db, migration, 'drizzle-kit migration');
  await runScript(db, [file('extras.sql')!], 'extras.sql');
}

/**
 * oracle builds `original` (made drizzle-kit safe) once through the emitted schema.ts + drizzle-kit and
 * once through compileSql, and expects the same catalog up to the documented gaps.
 */
export async function oracle(kind: DatabaseKind, original: Model): Promise<void> {
  const model = drizzleKitSafe(original);
  const files = emitDrizzle(model).files;
  const dir = writeFiles(files, kind);
  const migration = await drizzleKitMigration(dir);

  const viaDrizzle = await createDatabase(kind);
  const viaCompile = await createDatabase(kind);
  try {
    await applyDrizzleExport(viaDrizzle, model, files, migration);
    await ensureRoles(viaCompile, model);
    await runScript(viaCompile, [compileSql(model, { target: TARGET[kind] })], 'compileSql');
    const drizzleSide = await catalogFingerprint(viaDrizzle.query);
    const ours = normaliseDrizzleGaps(await catalogFingerprint(viaCompile.query));
    expect(drizzleSide, `drizzle output in ${dir}`).toEqual(ours);
  } finally {
    await viaDrizzle.close();
    await viaCompile.close();
  }
  rmSync(dir, { recursive: true, force: true });
}
