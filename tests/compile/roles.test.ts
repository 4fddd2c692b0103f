/**
 * Declared roles (model.roles): the DDL creates a missing one before anything names it, so a model whose
 * policies are TO its own roles applies on a cluster that lacks them, and again on one that has them
 * (roles are cluster-wide); a migration never renames or drops a role. On the server and PGlite.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compileSql } from '@/lib/compile';
import { diff } from '@/lib/diff';
import { plan } from '@/lib/plan';
import { emptyModel, type Model } from '@/lib/model';
import { createDatabase, DATABASE_KINDS } from '@/lib/testing';
import { dropServerRoles, uniquePrefix } from '../security/helpers';

function modelWithRoles(prefix: string): Model {
  const m = emptyModel('roles');
  m.roles = [{ id: 'role_app', name: `${prefix}_app`, purpose: 'app' }, { id: 'role_odd', name: `${prefix} "odd" Ünï`, purpose: 'other' }];
  m.tables.push({
    id: 'notes', schemaId: 'schema_public', name: 'notes',
    columns: [{ id: 'notes_owner', name: 'owner_id', type: { kind: 'builtin', name: 'text' }, nullable: false }],
    rls: { enabled: true },
    policies: [{ id: 'pol', name: 'own_rows', roles: [`${prefix}_app`, `${prefix} "odd" Ünï`], using: "owner_id = current_setting('app.user_id', true)" }],
  });
  return m;
}

describe.each(DATABASE_KINDS)('declared roles on %s', (kind) => {
  const prefix = uniquePrefix();
  const model = modelWithRoles(prefix);
  const names = model.roles!.map((r) => r.name);
  afterAll(async () => {
    if (kind !== 'server') return;
    const db = await createDatabase(kind);
    try {
      await dropServerRoles(db, names);
    } finally {
      await db.close();
    }
  });

  it('the DDL creates missing roles before the policies that name them, and runs again where they exist', async () => {
    const sql = compileSql(model);
    expect(sql.indexOf('CREATE ROLE')).toBeLessThan(sql.indexOf('CREATE POLICY'));
    // Two databases at once: on the server both scripts may find a role missing and create it together.
    const [a, b] = [await createDatabase(kind), await createDatabase(kind)];
    try {
      await Promise.all([a.exec(sql), b.exec(sql)]);
      await a.exec(sql.slice(0, sql.indexOf('CREATE TABLE')));
      for (const db of [a, b]) {
        const { rows } = await db.query<{ roles: string[] }>("SELECT roles::text[] AS roles FROM pg_policies WHERE tablename = 'notes'");
        expect([...rows[0]!.roles].sort()).toEqual([...names].sort());
        const { rows: made } = await db.query<{ rolname: string; rolcanlogin: boolean }>('SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname = ANY ($1::text[])', [names]);
        expect(made.map((r) => r.rolname).sort()).toEqual([...names].sort());
        expect(made.every((r) => !r.rolcanlogin)).toBe(true);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('roles in migrations', () => {
  it('a new or renamed role is ensured; nothing renames or drops a cluster-wide role', () => {
    const from = modelWithRoles('p');
    const to = structuredClone(from);
    to.roles![0]!.name = 'p_app_renamed';
    to.roles!.splice(1, 1);
    to.roles!.push({ id: 'role_new', name: 'p_new' });
    const sql = plan(diff(from, to)).map((s) => s.sql).join('\n');
    expect(sql).toContain(`CREATE ROLE "p_app_renamed" NOLOGIN`);
    expect(sql).toContain(`CREATE ROLE "p_new" NOLOGIN`);
    expect(sql).not.toMatch(/DROP ROLE|ALTER ROLE/);
  });
});
