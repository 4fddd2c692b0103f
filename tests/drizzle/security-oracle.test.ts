/**
 * Drizzle oracle for the security parts of the export. The Drizzle export (lib/bundle drizzleExport:
 * schema.ts with the RLS template policies of lib/security) is given to drizzle-kit and applied after
 * extras-before.sql, which creates the roles those policies name. Then:
 * 1. before any security file runs, every table has the RLS flag and exactly the policies (name, command,
 *    roles, USING, WITH CHECK) that compileSql + 01_roles.sql + 04_rls.sql give it, so the Drizzle
 *    schema carries what rls.sql creates and a drizzle-kit push would not drop it;
 * 2. 01_roles.sql and 04_rls.sql then apply on top (rls.sql drops and recreates its policies), after
 *    which the whole catalog equals the compiled side's, FORCE and the RLS indexes included.
 * On the PostgreSQL server and PGlite, for the security fixture and random models with random marks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import type { Model } from '@/lib/model';
import { compileSql } from '@/lib/compile';
import { drizzleExport } from '@/lib/bundle/drizzle';
import { securityFiles } from '@/lib/security';
import { catalogFingerprint, createDatabase, DATABASE_KINDS, type CatalogFingerprint, type DatabaseKind } from '@/lib/testing';
import { securityFixture } from '../security/fixture';
import { arbSecuredModel } from '../security/arbitrary';
import { dropServerRoles, roleNames, uniquePrefix } from '../security/helpers';
import { drizzleKitSafe } from './drizzle-kit-safe';
import { normaliseDrizzleGaps } from './gaps';
import { ORACLE_DIR, TARGET, applyDrizzleExport, drizzleKitMigration, ensureRoles, runScript, writeFiles } from './oracle-helpers';

const RUNS = { server: Number(process.env.SECURITY_ORACLE_RUNS ?? 8), pglite: Number(process.env.SECURITY_ORACLE_RUNS ?? 4) } as const;

/**
 * withoutPartitions drops partitions and partitioning: Drizzle cannot declare them (a documented gap the
 * main oracle covers), and the security files name every table, so the Drizzle side must have them all.
 */
function withoutPartitions(model: Model): Model {
  const gone = new Set(model.tables.filter((t) => t.partitionOf).map((t) => t.id));
  const tables = model.tables.filter((t) => !gone.has(t.id)).map(({ partitionBy: _, ...t }) => ({
    ...t, foreignKeys: t.foreignKeys?.filter((fk) => !gone.has(fk.refTableId)),
  }));
  return { ...model, tables, sequences: model.sequences?.map((s) => (s.ownedBy && gone.has(s.ownedBy.tableId) ? { ...s, ownedBy: undefined } : s)) };
}

/** rlsOf keeps, per table, what the policies part compares: the RLS flag and the policies. */
function rlsOf(fp: CatalogFingerprint): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, table] of Object.entries(fp.tables)) out[name] = { rls: table.rls, policies: table.policies };
  return out;
}

async function securityOracle(kind: DatabaseKind, original: Model, prefix: string, created: Set<string>): Promise<void> {
  const model = drizzleKitSafe(withoutPartitions({ ...original, security: { ...original.security, rolePrefix: prefix } }));
  for (const name of roleNames(model, {})) created.add(name);
  const files = drizzleExport(model).files;
  const sec = securityFiles(model);
  const securitySql = sec.filter((f) => f.kind === 'roles' || f.kind === 'rls').map((f) => f.sql);
  const dir = writeFiles(files, `security-${kind}`);
  const migration = await drizzleKitMigration(dir);

  const viaDrizzle = await createDatabase(kind);
  const viaCompile = await createDatabase(kind);
  try {
    await applyDrizzleExport(viaDrizzle, model, files, migration);
    await ensureRoles(viaCompile, model);
    await runScript(viaCompile, [compileSql(model, { target: TARGET[kind] }), ...securitySql], 'compileSql + 01_roles.sql + 04_rls.sql');
    const ours = normaliseDrizzleGaps(await catalogFingerprint(viaCompile.query));
    expect(rlsOf(await catalogFingerprint(viaDrizzle.query)), `drizzle output in ${dir}: policies before rls.sql`).toEqual(rlsOf(ours));
    await runScript(viaDrizzle, securitySql, '01_roles.sql + 04_rls.sql after the drizzle-kit migration');
    expect(await catalogFingerprint(viaDrizzle.query), `drizzle output in ${dir}: after rls.sql`).toEqual(ours);
  } finally {
    await viaDrizzle.close();
    await viaCompile.close();
  }
  rmSync(dir, { recursive: true, force: true });
}

describe.each(DATABASE_KINDS)('Drizzle export with the RLS templates on %s', (kind) => {
  const prefix = uniquePrefix();
  const created = new Set<string>();
  afterAll(async () => {
    rmSync(ORACLE_DIR, { recursive: true, force: true });
    if (kind === 'server') {
      const db = await createDatabase(kind);
      try {
        await dropServerRoles(db, [...created]);
      } finally {
        await db.close();
      }
    }
  });

  it('the security fixture', async () => {
    const model = securityFixture();
    expect(model.tables.filter((t) => t.security?.rls).length, 'the fixture uses the templates').toBeGreaterThan(0);
    await securityOracle(kind, model, prefix, created);
  });

  it(`${RUNS[kind]} random models with random marks`, async () => {
    await fc.assert(
      fc.asyncProperty(arbSecuredModel({ target: TARGET[kind] }), async (model) => {
        await securityOracle(kind, model, prefix, created);
      }),
      { numRuns: RUNS[kind], endOnFailure: true },
    );
  }, 900_000);
});
