/**
 * Name collisions between the security files and the model: a verbatim SQL object, a hand-written policy,
 * a view or a schema of the model's with the name of something a file creates is a warning of that file
 * (and a comment in it). On the server and PGlite the warned objects really are replaced (the catalog
 * shows another definition or a new object) or kept in place of the generated one, while every object of
 * the model that is not warned about survives the security files unchanged; random marked models get no
 * collision warnings and keep all their objects.
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSql } from '@/lib/compile';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { securityFiles } from '@/lib/security';
import { ModelSchema, type Model } from '@/lib/model';
import { securityFixture } from './fixture';
import { arbSecuredModel } from './arbitrary';
import { applyFiles, dropServerRoles, uniquePrefix } from './helpers';

const SUFFIXES = ['owner', 'migrator', 'rw', 'ro', 'admin'];
const RESET = `DO $reset$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP; END $reset$;
CREATE SCHEMA public;`;

/** colliding: the fixture plus user objects named like generated ones, and one that is not. */
function colliding(rolePrefix: string): Model {
  const m = securityFixture();
  m.security = { rolePrefix };
  const audit = { id: 'schema_audit', name: 'audit' };
  m.schemas = [...m.schemas, audit];
  m.tables = [...m.tables, { id: 'tbl_audit_mine', schemaId: audit.id, name: 'my_history', columns: [{ id: 'col_h_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false }] }];
  const documents = m.tables.find((t) => t.name === 'documents')!;
  // The generator already steps around the model's own policy names (this one becomes ..._select_2), not around verbatim SQL.
  documents.policies = [{ id: 'pol_mine', name: 'documents_owner_select', command: 'select', roles: ['public'], using: 'true' }];
  m.sqlObjects = [
    { id: 'sql_stamp', kind: 'function', name: 'set_updated_at', phase: 'pre-tables', sql: 'CREATE FUNCTION public.set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;' },
    { id: 'sql_hash', kind: 'function', phase: 'pre-tables', sql: '-- mine\nCREATE FUNCTION hash_password(password text) RETURNS text LANGUAGE sql AS $$ SELECT md5(password) $$;' },
    { id: 'sql_enc', kind: 'function', name: 'encrypt_ssn', phase: 'pre-tables', sql: "CREATE FUNCTION public.encrypt_ssn(plaintext text) RETURNS bytea LANGUAGE sql AS $$ SELECT convert_to(plaintext, 'UTF8') $$;" },
    { id: 'sql_other', kind: 'function', name: 'keep_me', phase: 'pre-tables', sql: 'CREATE FUNCTION public.keep_me() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' },
    { id: 'sql_trig', kind: 'trigger', name: 'users_audit on users', phase: 'post-tables', sql: 'CREATE TRIGGER users_audit BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();' },
    { id: 'sql_pol', kind: 'policy', phase: 'post-tables', sql: 'CREATE POLICY documents_owner_update ON public.documents FOR UPDATE USING (true);' },
    { id: 'sql_view', kind: 'view', name: 'documents_owner_id_rls_idx', phase: 'post-tables', sql: 'CREATE VIEW public.documents_owner_id_rls_idx AS SELECT 1 AS x;' },
  ];
  return m;
}

const warningsOf = (m: Model) => Object.fromEntries(securityFiles(m).map((f) => [f.name, f.warnings.filter((w) => !/advisor rule/.test(w))]));

interface Snapshot { [key: string]: string }

/** snapshot reads the user-visible objects of the database: identity (kind + oid) -> name and definition. */
async function snapshot(db: TestDatabase): Promise<Snapshot> {
  const { rows } = await db.query<{ k: string; v: string }>(`
    SELECT 'function:' || p.oid::text AS k, n.nspname::text || '.' || p.proname::text || ' ' || md5(pg_get_functiondef(p.oid)) AS v
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND p.prokind IN ('f', 'p')
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL SELECT 'trigger:' || t.oid::text, t.tgname::text || ' ' || md5(pg_get_triggerdef(t.oid)) FROM pg_trigger t WHERE NOT t.tgisinternal
    UNION ALL SELECT 'policy:' || p.oid::text, p.polname::text || ' ' || p.polrelid::regclass::text || ' ' || md5(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || p.polroles::text) FROM pg_policy p
    UNION ALL SELECT 'constraint:' || c.oid::text, c.conname::text || ' ' || md5(pg_get_constraintdef(c.oid)) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.contype IN ('c', 'f', 'p', 'u', 'x')
    UNION ALL SELECT 'relation:' || c.oid::text, n.nspname::text || '.' || c.relname::text || ' ' || c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S')`);
  return Object.fromEntries(rows.map((r) => [r.k, r.v]));
}

/** changed lists the objects of `before` that are gone or have another definition in `after`. */
function changed(before: Snapshot, after: Snapshot): string[] {
  return Object.entries(before).filter(([k, v]) => after[k] !== v).map(([k, v]) => `${k.split(':')[0]} ${v.split(' ')[0]}`).sort();
}

describe('collision warnings (no database)', () => {
  const m = colliding('coll');
  const w = warningsOf(m);

  it('name each object that a file would replace, drop or skip, in the file that creates it', () => {
    expect(ModelSchema.safeParse(m).success).toBe(true);
    expect(w['01_roles.sql']).toEqual([]);
    expect(w['02_password_hashing.sql']).toEqual([expect.stringMatching(/^function public\.hash_password has the name of a function in the model's SQL object \(sqlObjects\[1\], function\): CREATE OR REPLACE here replaces it/)]);
    expect(w['03_encryption.sql']).toEqual([expect.stringMatching(/^function public\.encrypt_ssn .* SQL object encrypt_ssn \(sqlObjects\[2\], function\)/)]);
    expect(w['04_rls.sql']).toEqual([
      expect.stringMatching(/^policy documents_owner_update on public\.documents is also created by the model's SQL object \(sqlObjects\[5\], policy\): DROP POLICY IF EXISTS here replaces it/),
      expect.stringMatching(/^index public\.documents_owner_id_rls_idx has the name of a view in the model's SQL object documents_owner_id_rls_idx \(sqlObjects\[6\], view\).*IF NOT EXISTS here skips it/),
    ]);
    expect(w['05_audit.sql']).toEqual([
      expect.stringMatching(/^schema audit is also the model's schema audit: this file makes it owned by the owner role/),
      expect.stringMatching(/^trigger users_audit on public\.users is also created by the model's SQL object users_audit on users/),
      expect.stringMatching(/^function public\.set_updated_at has the name of a function in the model's SQL object set_updated_at/),
    ]);
    expect(Object.values(w).flat().join('\n')).not.toContain('keep_me');
  });

  it('are comments after the header of the file too, one line each even for names with newlines', () => {
    const rls = securityFiles(m).find((f) => f.name === '04_rls.sql')!.sql;
    expect(rls).toMatch(/^-- Name collision: policy documents_owner_update on public\.documents/m);
    expect(rls.indexOf('-- Name collision')).toBeLessThan(rls.indexOf('ALTER TABLE'));
    const hostile = colliding('coll');
    hostile.sqlObjects!.push({ id: 'sql_nl', kind: 'function', phase: 'pre-tables', sql: 'CREATE FUNCTION public."set_updated_at"() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' });
    hostile.sqlObjects![0]!.name = 'x\nDROP TABLE users; --';
    const audit = securityFiles(hostile).find((f) => f.name === '05_audit.sql')!.sql;
    const lines = audit.split('\n').filter((l) => l.includes('DROP TABLE users'));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.startsWith('-- ')).toBe(true);
  });

  it('roles: a verbatim CREATE ROLE or a model role declared for another purpose with a generated name', () => {
    const m2 = securityFixture();
    m2.security = { rolePrefix: 'shop' };
    m2.roles = [{ id: 'role_ro', name: 'shop_ro', purpose: 'other' }, { id: 'role_app', name: 'shop_rw', purpose: 'app' }];
    m2.sqlObjects = [{ id: 'sql_role', kind: 'role', phase: 'pre-tables', sql: 'CREATE ROLE shop_migrator NOLOGIN;' }];
    const roles = warningsOf(m2)['01_roles.sql'];
    expect(roles).toEqual([
      expect.stringMatching(/^role shop_migrator is also created by the model's SQL object \(sqlObjects\[0\], role\)/),
      expect.stringMatching(/^role shop_ro is the generated readonly role, but the model declares it for other/),
    ]);
  });

  it('a model whose audit schema only holds the audit log, and the fixture, have none', () => {
    const m3 = securityFixture();
    m3.schemas = [...m3.schemas, { id: 'schema_audit', name: 'audit' }];
    expect(Object.values(warningsOf(m3)).flat()).toEqual([]);
    expect(Object.values(warningsOf(securityFixture())).flat()).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('collisions in the catalog (%s)', (kind) => {
  const rolePrefix = uniquePrefix();
  let last: TestDatabase | undefined;
  let shared: TestDatabase | undefined;
  afterAll(async () => {
    await shared?.close();
    if (last) await dropServerRoles(last, SUFFIXES.map((s) => `${rolePrefix}_${s}`));
  });

  /** onFreshDatabase runs `fn` on an empty database: a new one on the server, the one PGlite emptied (it starts slowly). */
  async function onFreshDatabase<T>(fn: (db: TestDatabase) => Promise<T>): Promise<T> {
    if (kind === 'pglite') {
      shared ??= await createDatabase(kind);
      last = shared;
      await shared.exec(RESET);
      return fn(shared);
    }
    const db = await createDatabase(kind);
    last = db;
    try { return await fn(db); } finally { await db.close(); }
  }

  async function applyAndCompare(db: TestDatabase, m: Model): Promise<{ changes: string[]; after: Snapshot }> {
    await db.exec(compileSql(m, { target: 15 }));
    const before = await snapshot(db);
    await applyFiles(db, securityFiles(m, { rolePrefix }));
    const after = await snapshot(db);
    return { changes: changed(before, after), after };
  }

  it('exactly the warned objects of the user are replaced; the view is kept where the index should be', async () => {
    await onFreshDatabase(async (db) => {
      const { changes, after } = await applyAndCompare(db, colliding(rolePrefix));
      expect(changes).toEqual(['function public.encrypt_ssn', 'function public.hash_password', 'function public.set_updated_at', 'policy documents_owner_update', 'trigger users_audit']);
      expect(Object.values(after).filter((v) => v.startsWith('public.documents_owner_id_rls_idx '))).toEqual(['public.documents_owner_id_rls_idx v']);
      const owner = await db.query<{ o: string }>("SELECT nspowner::regrole::text AS o FROM pg_namespace WHERE nspname = 'audit'");
      expect(owner.rows[0]!.o).toBe(`${rolePrefix}_owner`);
    });
  });

  it('random marked models: no collision warnings, and every object of the model survives unchanged', async () => {
    await fc.assert(fc.asyncProperty(arbSecuredModel({ target: 15 }), async (m) => {
      expect(securityFiles(m).flatMap((f) => f.warnings).filter((w) => /Name collision|also created by|has the name of/.test(w))).toEqual([]);
      const { changes } = await onFreshDatabase((db) => applyAndCompare(db, m));
      expect(changes).toEqual([]);
    }), { numRuns: 6 });
  });
});
