/**
 * Property: for random valid models with random security marks, the schema DDL (compileSql) followed by
 * every generated security file, in the documented order, applies cleanly on the server and on PGlite,
 * and applies a second time (the files are idempotent).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSql } from '@/lib/compile';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { securityFiles } from '@/lib/security';
import { ModelSchema } from '@/lib/model';
import { arbSecuredModel } from './arbitrary';
import { applyFiles, dropServerRoles, uniquePrefix } from './helpers';

const RUNS = Number(process.env.PGCANVAS_PROPERTY_RUNS ?? 12);

/** resetPglite empties a PGlite database (a new instance costs seconds; a server database is cheap to make fresh). */
const RESET = `DO $reset$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP; END $reset$;
CREATE SCHEMA public;`;

describe.each(DATABASE_KINDS)('security files on random models (%s)', (kind) => {
  const rolePrefix = uniquePrefix();
  const created: string[] = [];
  let last: TestDatabase | undefined;
  let shared: TestDatabase | undefined;

  afterAll(async () => {
    await shared?.close();
    if (last) await dropServerRoles(last, created);
  });

  async function freshDatabase(): Promise<TestDatabase> {
    if (kind === 'server') return createDatabase(kind);
    shared ??= await createDatabase(kind);
    await shared.exec(RESET);
    return { ...shared, close: async () => {} };
  }

  it('apply cleanly after the schema DDL, twice', async () => {
    await fc.assert(
      fc.asyncProperty(arbSecuredModel({ target: 15 }), async (model) => {
        expect(ModelSchema.safeParse(model).success).toBe(true);
        const files = securityFiles(model, { rolePrefix, bcryptCost: 10 });
        for (const suffix of ['owner', 'migrator', 'rw', 'ro', 'admin']) if (!created.includes(`${rolePrefix}_${suffix}`)) created.push(`${rolePrefix}_${suffix}`);
        const db = await freshDatabase();
        last = db;
        try {
          await db.exec(compileSql(model, { target: 15 }));
          await applyFiles(db, files);
          await applyFiles(db, files);
          const forced = model.tables.filter((t) => t.security?.rls && files.some((f) => f.sql.includes(`-- ${model.schemas.find((s) => s.id === t.schemaId)!.name}.${t.name}: ${t.security!.rls!.template}`)));
          const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_class WHERE relforcerowsecurity');
          expect(rows[0]!.n).toBeGreaterThanOrEqual(forced.length);
        } finally {
          await db.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
