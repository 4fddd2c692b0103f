import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';
import { securityFixture } from '@/tests/security/fixture';

describe('pgcanvas security', () => {
  it('writes the numbered files and password.ts into -o DIR', async () => {
    const io = memoryIo({ 'm.json': JSON.stringify(securityFixture()) });
    expect(await main(['security', 'm.json', '-o', 'out', '--role-prefix', 'shop'], io)).toBe(0);
    expect([...io.files.keys()].filter((k) => k.startsWith('out/')).sort()).toEqual([
      'out/01_roles.sql', 'out/02_password_hashing.sql', 'out/03_encryption.sql', 'out/04_rls.sql', 'out/05_audit.sql', 'out/password.ts',
    ]);
    expect(io.files.get('out/01_roles.sql')).toContain('CREATE ROLE "shop_rw" NOLOGIN;');
    expect(io.files.get('out/password.ts')).toContain('memoryCost: 19456');
    expect(io.out()).toBe('');
  });

  it('prints the files under headers without -o, only those that apply', async () => {
    const m = securityFixture();
    for (const t of m.tables) { delete t.security; for (const c of t.columns) delete c.security; }
    const io = memoryIo({ 'm.json': JSON.stringify(m) });
    expect(await main(['security', 'm.json'], io)).toBe(0);
    const headers = io.out().match(/^-- ===== .* =====$/gm);
    expect(headers).toEqual(['-- ===== 01_roles.sql =====', '-- ===== 05_audit.sql =====']);
  });

  it('refuses a project bcrypt cost below 10 with the field named; a column asking for 4 still gets cost 10, a comment and a warning', async () => {
    const low = securityFixture();
    low.security = { bcryptCost: 4 };
    const io = memoryIo({ 'm.json': JSON.stringify(low) });
    expect(await main(['security', 'm.json'], io)).toBe(1);
    expect(io.err()).toMatch(/security\.bcryptCost.*10/);
    expect(io.out()).toBe('');
    const column = securityFixture();
    column.tables[0]!.columns.find((c) => c.name === 'password_hash')!.security = { passwordHash: { algorithm: 'bcrypt', inDatabase: true, cost: 4 } };
    const io2 = memoryIo({ 'm.json': JSON.stringify(column) });
    expect(await main(['security', 'm.json'], io2)).toBe(0);
    expect(io2.out()).toContain(`"public"."gen_salt"('bf', 10)`);
    expect(io2.out()).toContain('-- users.password_hash asks for bcrypt cost 4, below 10: hash_password uses cost 10 instead (advisor rule bcrypt-cost-too-low).');
    expect(io2.err()).toBe('warning: 02_password_hashing.sql: users.password_hash asks for bcrypt cost 4, below 10: hash_password uses cost 10 instead (advisor rule bcrypt-cost-too-low).\n');
  });

  it('exits 1 on an invalid model and 2 on a bad option or missing file', async () => {
    const io = memoryIo({ 'bad.json': '{"format": 1}' });
    expect(await main(['security', 'bad.json'], io)).toBe(1);
    expect(io.err()).toMatch(/schemas/);
    const io2 = memoryIo({ 'm.json': JSON.stringify(securityFixture()) });
    expect(await main(['security', 'm.json', '--role-prefix', 'pg_evil'], io2)).toBe(2);
    expect(io2.err()).toContain('--role-prefix');
    const io3 = memoryIo();
    expect(await main(['security', 'missing.json'], io3)).toBe(2);
    expect(io3.err()).toContain('no such file');
  });
});
