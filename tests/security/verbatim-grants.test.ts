/**
 * roles.sql and the model's verbatim views and functions, on the server and PGlite: a security_invoker
 * view is granted SELECT to the app, admin and read-only roles and still applies row-level security and
 * the read-only role's column limits through the caller; a view without it and a materialized view are
 * not granted (the catalog says so, the file says why); a verbatim function keeps PUBLIC's EXECUTE and,
 * as an ordinary function, sees only the caller's rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { securityContext, securityFiles } from '@/lib/security';
import type { Model, SqlObject } from '@/lib/model';
import { FIXTURE_DDL, securityFixture } from './fixture';
import { applyFiles, asRole, dropServerRoles, roleNames, sqlState, uniquePrefix } from './helpers';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';

const OBJECTS: SqlObject[] = [
  { id: 'sql_mine', kind: 'view', name: 'my_documents', phase: 'post-tables', sql: 'CREATE VIEW public.my_documents WITH (security_invoker = true) AS SELECT id, owner_id, title FROM public.documents;' },
  { id: 'sql_secrets', kind: 'view', name: 'user_secrets', phase: 'post-tables', sql: 'CREATE VIEW public.user_secrets WITH (security_invoker) AS SELECT id, password_hash FROM public.users;' },
  { id: 'sql_all', kind: 'view', name: 'all_documents', phase: 'post-tables', sql: 'CREATE VIEW public.all_documents AS SELECT id, title FROM public.documents;' },
  { id: 'sql_counts', kind: 'materialized view', name: 'doc_counts', phase: 'post-tables', sql: 'CREATE MATERIALIZED VIEW public.doc_counts AS SELECT count(*) AS n FROM public.documents;' },
  { id: 'sql_fn', kind: 'function', name: 'doc_count', phase: 'post-tables', sql: 'CREATE FUNCTION public.doc_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM public.documents $$;' },
];

function withObjects(): Model {
  return { ...securityFixture(), sqlObjects: OBJECTS };
}

describe('roles.sql text for verbatim objects', () => {
  const roles = securityFiles(withObjects(), { rolePrefix: 'shop' })[0]!;
  it('grants the invoker views like tables and says why the others are not granted', () => {
    expect(roles.sql).toContain('GRANT SELECT ON TABLE "public"."my_documents" TO "shop_rw", "shop_admin", "shop_ro";');
    expect(roles.sql).toContain('GRANT SELECT ON TABLE "public"."user_secrets" TO "shop_rw", "shop_admin", "shop_ro";');
    expect(roles.sql).not.toMatch(/GRANT .* "all_documents"|GRANT .* "doc_counts"|GRANT EXECUTE ON FUNCTION "public"."doc_count"/);
    expect(roles.sql).toMatch(/^-- view public\.all_documents: not granted: without security_invoker/m);
    expect(roles.sql).toMatch(/^-- materialized view public\.doc_counts: not granted/m);
    expect(roles.sql).toMatch(/^-- Functions \(public\.doc_count\): EXECUTE stays as PostgreSQL sets it/m);
  });
  it('adds nothing for a model without verbatim SQL', () => {
    expect(securityFiles(securityFixture())[0]!.sql).not.toContain('verbatim SQL');
  });
});

describe.each(DATABASE_KINDS)('verbatim views and functions after roles.sql (%s)', (kind) => {
  let db: TestDatabase;
  const model = withObjects();
  const options = { rolePrefix: uniquePrefix(), bcryptCost: 10 };
  const roles = securityContext(model, options).roles;

  beforeAll(async () => {
    db = await createDatabase(kind);
    await db.exec(FIXTURE_DDL);
    for (const o of OBJECTS) await db.exec(o.sql);
    await applyFiles(db, securityFiles(model, options));
    for (const [id, name] of [[ALICE, 'alice'], [BOB, 'bob']] as const) {
      await db.query('INSERT INTO users (id, email, password_hash) VALUES ($1, $2, hash_password($3))', [id, `${name}@example.com`, `${name}-pw`]);
      await db.query('INSERT INTO documents (owner_id, title) VALUES ($1, $2)', [id, `${name}'s doc`]);
    }
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    if (db) await dropServerRoles(db, roleNames(model, options));
  });

  it('the catalog: SELECT on the invoker views for app and read-only, nothing on the others', async () => {
    const { rows } = await db.query<{ rel: string; app: boolean; ro: boolean }>(
      `SELECT rel, has_table_privilege($1, rel, 'SELECT') AS app, has_table_privilege($2, rel, 'SELECT') AS ro
         FROM unnest(ARRAY['public.my_documents', 'public.user_secrets', 'public.all_documents', 'public.doc_counts']) AS rel`, [roles.app, roles.readonly]);
    expect(rows).toEqual([
      { rel: 'public.my_documents', app: true, ro: true },
      { rel: 'public.user_secrets', app: true, ro: true },
      { rel: 'public.all_documents', app: false, ro: false },
      { rel: 'public.doc_counts', app: false, ro: false },
    ]);
  });

  it('through an invoker view the app sees only its own rows, the read-only role no secret column', async () => {
    await asRole(db, roles.app, { 'app.user_id': ALICE }, async () => {
      const { rows } = await db.query<{ title: string }>('SELECT title FROM public.my_documents ORDER BY title');
      expect(rows.map((r) => r.title)).toEqual(["alice's doc"]);
      expect(await sqlState(db, 'SELECT * FROM public.all_documents')).toBe('42501');
    });
    await asRole(db, roles.readonly, { 'app.user_id': BOB }, async () => {
      expect((await db.query<{ title: string }>('SELECT title FROM public.my_documents')).rows.map((r) => r.title)).toEqual(["bob's doc"]);
      expect(await sqlState(db, 'SELECT password_hash FROM public.user_secrets')).toBe('42501');
      expect(await sqlState(db, 'SELECT n FROM public.doc_counts')).toBe('42501');
    });
  });

  it('a verbatim function runs for the app through PUBLIC, with the caller\'s rows only', async () => {
    await asRole(db, roles.app, { 'app.user_id': BOB }, async () => {
      expect(Number((await db.query<{ n: string }>('SELECT public.doc_count() AS n')).rows[0]!.n)).toBe(1);
    });
  });
});
