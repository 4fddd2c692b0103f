/**
 * Hostile names end up inside generated names (encrypt_<col>, encrypt_<table>_<col>, policy, index and
 * trigger names): quotes, dollar-quote tags, a newline followed by SQL, and names that reach 63 bytes
 * only after the prefix. On the server and PGlite: the files apply (twice), nothing they should not touch
 * is dropped, every generated helper exists under a distinct name and round-trips, RLS and the audit
 * trigger work on such tables, and the hidden columns stay out of the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSql } from '@/lib/compile';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { securityContext, securityFiles } from '@/lib/security';
import { encryptedColumns } from '@/lib/security/encryption';
import { ModelSchema, type Model } from '@/lib/model';
import { col, columnId, model } from '@/lib/advisor/testing/model-builder';
import { applyFiles, asRole, dropServerRoles, roleNames, sqlState, uniquePrefix } from './helpers';

const T1 = 'Us"ers; DROP TABLE x';
const T2 = 'x\nDROP TABLE victims; --';
const SSN = "s'sn$body$";
const LONG_A = `${'é'.repeat(29)}_a`; // 60 bytes: encrypt_ + it is over 63, so the name is cut and hashed
const LONG_B = `${'é'.repeat(29)}_b`;
const OWNER = 'owner "id"';
const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';

function hostileModel(): Model {
  const m = model([
    {
      name: T1,
      columns: [
        col('id', 'uuid', { nullable: false }),
        col(OWNER, 'uuid'),
        col(SSN, 'bytea', { security: { encrypted: true } }),
        col(LONG_A, 'bytea', { security: { encrypted: true } }),
        col(LONG_B, 'bytea', { security: { encrypted: true } }),
        col('pass"word', 'text', { security: { passwordHash: { algorithm: 'bcrypt', inDatabase: true } } }),
        col('note', 'text'),
        col('updated_at', 'timestamptz'),
      ],
      pk: ['id'],
    },
    { name: T2, columns: [col('id', 'bigint', { nullable: false }), col(SSN, 'bytea', { security: { encrypted: true } })], pk: ['id'] },
  ]);
  m.tables[0]!.security = { audit: true, rls: { template: 'owner-only', ownerColumnId: columnId(T1, OWNER) } };
  return m;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

describe.each(DATABASE_KINDS)('hostile names in generated names (%s)', (kind) => {
  let db: TestDatabase;
  const m = hostileModel();
  const options = { rolePrefix: uniquePrefix(), bcryptCost: 10 };
  const roles = securityContext(m, options).roles;
  const helpers = encryptedColumns(securityContext(m, options)).usable;

  beforeAll(async () => {
    expect(ModelSchema.safeParse(m).success).toBe(true);
    db = await createDatabase(kind);
    await db.exec('CREATE TABLE public.victims (id int); CREATE TABLE public.x (id int);');
    await db.exec(compileSql(m));
    const files = securityFiles(m, options);
    await applyFiles(db, files);
    await applyFiles(db, files);
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    if (db) await dropServerRoles(db, roleNames(m, options));
  });

  it('drops nothing the files do not own', async () => {
    const { rows } = await db.query<{ n: string }>("SELECT relname AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1");
    expect(rows.map((r) => r.n)).toEqual([T1, 'victims', 'x', T2].sort());
  });

  it('creates every encrypt/decrypt helper under its own name, each within 63 bytes, and each round-trips', async () => {
    expect(helpers).toHaveLength(4);
    const names = helpers.flatMap((h) => [h.encryptFn, h.decryptFn]);
    expect(new Set(names).size).toBe(8);
    // Not pgcrypto's own encrypt/decrypt (members of the extension).
    const { rows } = await db.query<{ n: string }>(`SELECT proname AS n FROM pg_proc p WHERE pronamespace = 'public'::regnamespace AND (proname LIKE 'encrypt%' OR proname LIKE 'decrypt%')
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
    const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expect(rows.map((r) => r.n).sort(byCodePoint)).toEqual([...names].sort(byCodePoint));
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(63);
    await asRole(db, roles.app, { 'app.encryption_key': 'test key' }, async () => {
      for (const h of helpers) {
        const { rows: back } = await db.query<{ v: string }>(`SELECT public.${q(h.decryptFn)}(public.${q(h.encryptFn)}($1)) AS v`, [`secret of ${h.column.name}`]);
        expect(back[0]!.v, h.encryptFn).toBe(`secret of ${h.column.name}`);
      }
    });
  });

  it('RLS on the hostile table: each user sees only their rows, as the app and the owner role', async () => {
    await db.query(`INSERT INTO public.${q(T1)} (id, ${q(OWNER)}, note) VALUES (gen_random_uuid(), $1, 'a'), (gen_random_uuid(), $2, 'b')`, [ALICE, BOB]);
    for (const role of [roles.app, roles.owner]) {
      for (const [user, note] of [[ALICE, 'a'], [BOB, 'b']]) {
        const rows = await asRole(db, role, { 'app.user_id': user }, async () => (await db.query<{ note: string }>(`SELECT note FROM public.${q(T1)}`)).rows);
        expect(rows, `${role} as ${user}`).toEqual([{ note }]);
      }
    }
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_policy WHERE polrelid = 'public.${q(T1).replaceAll("'", "''")}'::regclass`);
    expect(rows[0]!.n).toBe(4);
  });

  it('the audit log leaves out the hidden columns with hostile names; the hash CHECK refuses plaintext', async () => {
    const id = '00000000-0000-4000-8000-0000000000dd';
    const ssn = helpers.find((h) => h.table.name === T1 && h.column.name === SSN)!;
    await db.query('BEGIN');
    await db.query('SELECT set_config($1, $2, true), set_config($3, $4, true)', ['app.user_id', ALICE, 'app.encryption_key', 'k']);
    await db.query(`SET LOCAL ROLE ${q(roles.app)}`);
    expect(await sqlState(db, `INSERT INTO public.${q(T1)} (id, ${q(OWNER)}, ${q('pass"word')}) VALUES (gen_random_uuid(), $1, 'plaintext')`, [ALICE])).toBe('23514');
    await db.query(`INSERT INTO public.${q(T1)} (id, ${q(OWNER)}, ${q(SSN)}, ${q('pass"word')}, note) VALUES ($1, $2, public.${q(ssn.encryptFn)}('078-05-1120'), public.hash_password('pw'), 'n')`, [id, ALICE]);
    await db.query('COMMIT');
    const { rows } = await db.query<{ keys: string[]; actor: string }>(`SELECT array(SELECT jsonb_object_keys(new_data) ORDER BY 1) AS keys, actor FROM audit.audit_log WHERE row_key->>'id' = $1`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor).toBe(ALICE);
    expect([...rows[0]!.keys].sort()).toEqual(['id', 'note', OWNER, 'updated_at'].sort());
  });
});
