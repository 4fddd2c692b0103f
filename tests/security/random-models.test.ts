/**
 * Property: for random valid models with random security marks, the schema DDL (compileSql) followed by
 * every generated security file, in the documented order, applies cleanly on the server and on PGlite,
 * and applies a second time (the files are idempotent).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSql } from '@/lib/compile';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { rlsTemplatePolicies, securityFiles } from '@/lib/security';
import { ModelSchema, type Model } from '@/lib/model';
import { arbSecuredModel } from './arbitrary';
import { applyFiles, dropServerRoles, uniquePrefix } from './helpers';

const RUNS = Number(process.env.PGCANVAS_PROPERTY_RUNS ?? 12);

/** resetPglite empties a PGlite database (a new instance costs seconds; a server database is cheap to make fresh). */
const RESET = `DO $reset$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP; END $reset$;
CREATE SCHEMA public;`;

const CMD: Record<string, string> = { select: 'r', insert: 'a', update: 'w', delete: 'd' };

/**
 * expectTemplatesInCatalog: every table whose template could be generated has ENABLE and FORCE, exactly
 * the template's policies (by name, command and roles) besides the model's own, and an index leading
 * with the owner or tenant column; read from the catalog, not from the SQL text.
 */
async function expectTemplatesInCatalog(db: TestDatabase, model: Model, rolePrefix: string): Promise<void> {
  const policies = rlsTemplatePolicies(model, { rolePrefix });
  for (const table of model.tables.filter((t) => t.security?.rls)) {
    const expected = policies.filter((p) => p.tableId === table.id);
    const rls = table.security!.rls!;
    const schema = model.schemas.find((s) => s.id === table.schemaId)!.name;
    const { rows: [rel] } = await db.query<{ oid: number; enabled: boolean; forced: boolean }>(
      'SELECT c.oid::int AS oid, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2',
      [schema, table.name]);
    if (expected.length === 0) continue; // skipped with a warning (no usable column)
    expect(rel, `${schema}.${table.name}`).toMatchObject({ enabled: true, forced: true });
    const own = new Set((table.policies ?? []).map((p) => p.name));
    const { rows } = await db.query<{ name: string; cmd: string; roles: string[] }>(
      'SELECT p.polname AS name, p.polcmd::text AS cmd, array(SELECT r.rolname::text FROM pg_roles r WHERE r.oid = ANY (p.polroles) ORDER BY 1) AS roles FROM pg_policy p WHERE p.polrelid = $1',
      [rel!.oid]);
    const actual = rows.filter((r) => !own.has(r.name)).map((r) => ({ name: r.name, cmd: r.cmd, roles: [...r.roles].sort() })).sort((a, b) => (a.name < b.name ? -1 : 1));
    const want = expected.map((p) => ({ name: p.name, cmd: CMD[p.command], roles: [...p.roles].sort() })).sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(actual, `${schema}.${table.name}`).toEqual(want);
    const filtered = rls.template === 'tenant' ? rls.tenantColumnId : rls.template === 'admin-bypass' ? undefined : rls.ownerColumnId;
    const column = table.columns.find((c) => c.id === filtered);
    if (!column) continue;
    const { rows: indexed } = await db.query(
      'SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE i.indrelid = $1 AND a.attname = $2',
      [rel!.oid, column.name]);
    expect(indexed.length, `an index leads with ${table.name}.${column.name}`).toBeGreaterThan(0);
  }
}

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
          await expectTemplatesInCatalog(db, model, rolePrefix);
        } finally {
          await db.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
