/** Unit tests of the generated SQL text: quoting of hostile names, settings, options and name limits. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, parseSql } from '@/lib/model';
import { col, columnId, model } from '@/lib/advisor/testing/model-builder';
import { dollarQuote, fitName, uniqueName, arrayLiteral } from './names';
import { rlsTemplatePolicies, securityBundle, securityFiles } from './index';
import { securityFixture } from '@/tests/security/fixture';

const hostile = model([{
  name: 'Us"ers; DROP TABLE x',
  columns: [
    col('id', 'uuid', { nullable: false }),
    col('pass"word', 'text', { security: { passwordHash: { algorithm: 'bcrypt', inDatabase: true, cost: 11 } } }),
    col("s'sn$body$", 'bytea', { security: { encrypted: true } }),
    col('updated_at', 'timestamptz'),
  ],
  pk: ['id'],
  rest: { security: { audit: true, rls: { template: 'owner-only', ownerColumnId: columnId('Us"ers; DROP TABLE x', 'id') } } },
}], { name: 'Shop DB' });

describe('securityFiles', () => {
  beforeAll(async () => { await loadSqlParser(); });
  const files = securityFiles(hostile);
  const all = files.map((f) => f.sql).join('\n');

  it('quotes hostile names and never lets them end a dollar quote', () => {
    expect(all).toContain('"public"."Us""ers; DROP TABLE x"');
    expect(all).toContain('"pass""word"');
    const sqlLines = all.split('\n').filter((l) => !l.trimStart().startsWith('--'));
    expect(sqlLines.filter((l) => l.includes('DROP TABLE x') && !l.includes('"Us""ers; DROP TABLE x"'))).toEqual([]);
    const bodyTag = /AS \$(\w+)\$\n/g;
    for (const m of all.matchAll(bodyTag)) expect(m[1]).not.toBe('body');
  });

  it('keeps names with newlines inside comments and quotes (no SQL injection through a comment)', () => {
    const evil = structuredClone(hostile);
    evil.tables[0]!.name = 'x\nDROP TABLE victims; --';
    // Setting names are validated by the model schema, but the generators must not rely on it.
    evil.security = { userIdSetting: "a.b')\nDROP TABLE victims; --", tenantIdSetting: 'a.c\nDROP TABLE victims; --', encryptionKeySetting: "a.d'\nDROP TABLE victims; --" };
    // The real parser is the oracle: the only DROP statements are the generator's own (policies, triggers).
    for (const f of securityFiles(evil)) {
      const parsed = parseSql(f.sql);
      expect(parsed.ok, f.name).toBe(true);
      const drops = (parsed as { stmts: { stmt: Record<string, { removeType?: string }> }[] }).stmts
        .filter((s) => 'DropStmt' in s.stmt).map((s) => s.stmt['DropStmt']!.removeType);
      expect(drops.filter((t) => t !== 'OBJECT_POLICY' && t !== 'OBJECT_TRIGGER'), f.name).toEqual([]);
    }
  });

  it('names roles after the model name unless a prefix is given, and checks the prefix', () => {
    expect(all).toContain('CREATE ROLE "shop_db_rw" NOLOGIN;');
    expect(securityFiles(hostile, { rolePrefix: 'x1' })[0]!.sql).toContain('CREATE ROLE "x1_owner" NOLOGIN;');
    expect(() => securityFiles(hostile, { rolePrefix: 'pg_x' })).toThrow(/pg_/);
    expect(() => securityFiles(hostile, { bcryptCost: 8 })).toThrow(/cost/);
  });

  it('uses the marked bcrypt cost, never gen_salt without one, and never a key literal', () => {
    expect(all).toContain(`"public"."gen_salt"('bf', 11)`);
    expect(all.split('\n').filter((l) => !l.trimStart().startsWith('--')).join('\n')).not.toMatch(/gen_salt\('bf'\)/);
    expect(all).toMatch(/current_setting\('app\.encryption_key', true\)/);
    expect(all).not.toMatch(/pgp_sym_encrypt\([^)]*'[^']*key[^']*'/i);
    expect(securityFiles(hostile, { bcryptCost: 13 }).map((f) => f.sql).join('')).toContain(`('bf', 13)`);
  });

  it('never emits bcrypt below cost 10: a column asking for 4 gets 10 and a comment naming it', () => {
    const m = structuredClone(hostile);
    m.tables[0]!.columns[1]!.security = { passwordHash: { algorithm: 'bcrypt', inDatabase: true, cost: 4 } };
    const file = securityFiles(m).find((f) => f.kind === 'password_hashing')!;
    expect(file.sql).toContain(`"public"."gen_salt"('bf', 10)`);
    expect(file.sql).not.toMatch(/'bf', [0-9]\)/);
    expect(file.sql).toContain('-- Us"ers; DROP TABLE x.pass"word asks for bcrypt cost 4, below 10: hash_password uses cost 10 instead (advisor rule bcrypt-cost-too-low).');
    expect(file.warnings).toEqual(['Us"ers; DROP TABLE x.pass"word asks for bcrypt cost 4, below 10: hash_password uses cost 10 instead (advisor rule bcrypt-cost-too-low).']);
    m.tables[0]!.columns[1]!.security = { passwordHash: { algorithm: 'bcrypt', cost: 6 } };
    expect(securityFiles(m).find((f) => f.kind === 'password_hashing')!.sql).toContain('asks for bcrypt cost 6, below 10: hash with cost 10 or more in the application');
  });

  it('lists what it could not do as warnings, each also a comment in the file', () => {
    const m = structuredClone(hostile);
    const t = m.tables[0]!;
    t.columns.push({ id: 'c_md5', name: 'legacy_md5', type: { kind: 'builtin', name: 'text' }, nullable: true, security: { passwordHash: { algorithm: 'md5' } } });
    t.columns.push({ id: 'c_int', name: 'pin hash', type: { kind: 'builtin', name: 'integer' }, nullable: true, security: { passwordHash: { algorithm: 'argon2id' } } });
    t.columns.push({ id: 'c_enc', name: 'card\nno', type: { kind: 'builtin', name: 'text' }, nullable: true, security: { encrypted: true } });
    t.security = { rls: { template: 'tenant' } };
    const byFile = Object.fromEntries(securityFiles(m).map((f) => [f.kind, f]));
    expect(byFile['password_hashing']!.warnings.map((w) => w.match(/\(advisor rule ([a-z-]+)\)/)?.[1])).toEqual(['weak-password-hash', 'password-hash-not-text']);
    expect(byFile['encryption']!.warnings).toEqual(['Us"ers; DROP TABLE x.card\nno is marked encrypted but is not a plain bytea column: no helpers (advisor rule encrypted-column-not-bytea).']);
    expect(byFile['rls']!.warnings).toEqual(['public.Us"ers; DROP TABLE x: template tenant skipped: the tenant template needs tenantColumnId naming a column of the table (advisor rule rls-template-invalid).']);
    for (const f of Object.values(byFile)) for (const w of f.warnings) expect(f.sql).toContain(`-- ${w.replaceAll('\n', ' ')}`);
    expect(byFile['roles']!.warnings).toEqual([]);
  });

  it('says why argon2id and scrypt get no SQL hashing, and how the app sets app.user_id per transaction', () => {
    const byFile = Object.fromEntries(securityFiles(securityFixture()).map((f) => [f.kind, f.sql]));
    expect(byFile['password_hashing']).toContain('-- No SQL hashing: pgcrypto has no argon2: hash with argon2id in the application');
    expect(byFile['password_hashing']).toContain('-- No SQL hashing: pgcrypto has no scrypt: hash in the application');
    expect(byFile['rls']).toContain("--   BEGIN; SELECT set_config('app.user_id', $1, true);  -- true = local to this transaction");
    expect(byFile['rls']).toContain('-- Never a session-level SET on a pooled connection');
  });

  it('reads the setting names from the model', () => {
    const m = structuredClone(hostile);
    m.security = { userIdSetting: 'auth.uid', encryptionKeySetting: 'vault.key' };
    const sql = securityFiles(m).map((f) => f.sql).join('\n');
    expect(sql).toContain(`current_setting('auth.uid', true)`);
    expect(sql).toContain(`current_setting('vault.key', true)`);
    expect(sql).not.toContain('app.user_id');
  });

  it('exposes the template policies as data with the names rls.sql uses', () => {
    const policies = rlsTemplatePolicies(hostile);
    expect(policies.map((p) => p.command)).toEqual(['select', 'insert', 'update', 'delete']);
    for (const p of policies) expect(all).toContain(`CREATE POLICY "${p.name.replaceAll('"', '""')}"`);
    expect(policies[0]!.roles).toEqual(['shop_db_rw', 'shop_db_ro', 'shop_db_owner']);
  });

  it('bundles password.ts after the SQL files when a column is a password hash, and not otherwise', () => {
    const bundle = securityBundle(hostile);
    expect(bundle.map((f) => f.name)).toEqual([...files.map((f) => f.name), 'password.ts']);
    expect(bundle.at(-1)!.content).toContain('export function createPasswordHasher');
    const plain = model([{ name: 't', columns: [col('a', 'text')] }]);
    expect(securityBundle(plain).map((f) => f.name)).toEqual(['01_roles.sql']);
  });

  it('emits only the roles file for a model without marks', () => {
    expect(securityFiles(model([{ name: 't', columns: [col('a', 'text')] }])).map((f) => f.name)).toEqual(['01_roles.sql']);
  });
});

describe('names', () => {
  it('fits names into 63 bytes, keeps them distinct, and makes them unique', () => {
    const long = 'é'.repeat(40);
    const a = fitName(long, 'a', 'idx');
    const b = fitName(long, 'b', 'idx');
    expect(new TextEncoder().encode(a).length).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
    const taken = new Set(['t_idx']);
    expect(uniqueName('t_idx', taken)).toBe('t_idx_2');
  });

  it('picks a dollar-quote tag absent from the body and escapes array literals', () => {
    expect(dollarQuote('x $fn$ y', 'fn')).toMatch(/^\$fn1\$/);
    expect(arrayLiteral(['a"b', 'c\\d'])).toBe('{"a\\"b","c\\\\d"}');
  });
});
