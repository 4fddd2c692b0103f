/**
 * The generated app-side password module, for real: written into tests/tmp, type-checked with tsc,
 * imported, and exercised with argon2 and bcryptjs, including bcrypt hashes made by pgcrypto on the
 * PostgreSQL server and on PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import bcrypt from 'bcryptjs';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { passwordModule } from '@/lib/security';

interface Generated {
  PARAMETERS: { memoryCost: number; timeCost: number; parallelism: number };
  hash(p: string): Promise<string>;
  verify(stored: string, p: string): Promise<boolean>;
  needsRehash(stored: string): boolean;
  verifyAndUpgrade(stored: string, p: string): Promise<{ ok: boolean; upgradedHash?: string }>;
  createPasswordHasher(params?: Generated['PARAMETERS'], pepperEnv?: string): Omit<Generated, 'PARAMETERS' | 'createPasswordHasher'>;
}

const dir = resolve(__dirname, '../tmp', `password-${randomBytes(4).toString('hex')}`);

async function load(name: string, options: Parameters<typeof passwordModule>[0] = {}): Promise<Generated> {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, passwordModule(options).content);
  return (await import(file)) as Generated;
}

let owasp: Generated;
let stronger: Generated;
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  owasp = await load('owasp');
  stronger = await load('stronger', { memoryCost: 19456, timeCost: 3 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generated password.ts', () => {
  it('type-checks under strict TypeScript, as an ES module (NodeNext) and for bundlers', () => {
    const tsc = resolve(__dirname, '../../node_modules/typescript/bin/tsc');
    for (const mode of [['--module', 'nodenext', '--moduleResolution', 'nodenext'], ['--module', 'esnext', '--moduleResolution', 'bundler', '--esModuleInterop']]) {
      // tsc prints the diagnostics on stdout and exits non-zero: execFileSync then throws with them.
      execFileSync(process.execPath, [tsc, '--ignoreConfig', '--noEmit', '--strict', '--target', 'es2022', '--types', 'node', ...mode, join(dir, 'owasp.ts')], { encoding: 'utf8' });
    }
  }, 120_000);

  it('uses OWASP argon2id parameters by default', async () => {
    expect(owasp.PARAMETERS).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const h = await owasp.hash('correct horse');
    expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('verifies the right password only', async () => {
    const h = await owasp.hash('correct horse');
    expect(await owasp.verify(h, 'correct horse')).toBe(true);
    expect(await owasp.verify(h, 'correct horsE')).toBe(false);
    expect(await owasp.verify('plaintext', 'plaintext')).toBe(false);
  });

  it('needsRehash flips when the parameters change', async () => {
    const h = await owasp.hash('pw');
    expect(owasp.needsRehash(h)).toBe(false);
    expect(stronger.needsRehash(h)).toBe(true);
    const h2 = await stronger.hash('pw');
    expect(stronger.needsRehash(h2)).toBe(false);
    expect(await stronger.verify(h, 'pw')).toBe(true);
  });

  it('verifies and upgrades $2b$ and $2y$ bcrypt hashes from other libraries too', async () => {
    const b = bcrypt.hashSync('legacy pw', 10);
    expect(b).toMatch(/^\$2b\$10\$/);
    for (const legacy of [b, b.replace(/^\$2b\$/, '$2y$')]) {
      expect(await owasp.verifyAndUpgrade(legacy, 'legacy pW')).toEqual({ ok: false });
      const r = await owasp.verifyAndUpgrade(legacy, 'legacy pw');
      expect(r.ok, legacy.slice(0, 4)).toBe(true);
      expect(await owasp.verify(r.upgradedHash!, 'legacy pw')).toBe(true);
    }
  });

  it('needsRehash is true for hashes it cannot read, instead of throwing', () => {
    expect(owasp.needsRehash('$argon2id$v=19$garbage')).toBe(true);
    expect(owasp.needsRehash('plaintext')).toBe(true);
  });

  it('peppers with HMAC when the environment variable is set', async () => {
    const env = `PGCANVAS_TEST_PEPPER_${randomBytes(3).toString('hex').toUpperCase()}`;
    const peppered = owasp.createPasswordHasher(owasp.PARAMETERS, env);
    process.env[env] = 'pepper-1';
    try {
      const h = await peppered.hash('pw');
      expect(await peppered.verify(h, 'pw')).toBe(true);
      // the same hash without the pepper (or with another one) does not verify: the pepper is really used
      expect(await owasp.verify(h, 'pw')).toBe(false);
      process.env[env] = 'pepper-2';
      expect(await peppered.verify(h, 'pw')).toBe(false);
    } finally {
      delete process.env[env];
    }
  });

  it('rejects bad generator options with a clear message', () => {
    expect(() => passwordModule({ memoryCost: 0 })).toThrow(/memoryCost/);
    expect(() => passwordModule({ pepperEnv: 'x; rm -rf' })).toThrow(/pepperEnv/);
  });
});

describe.each(DATABASE_KINDS)('generated password.ts with pgcrypto hashes from %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDatabase(kind);
    await db.exec('CREATE EXTENSION IF NOT EXISTS pgcrypto');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('verifies a pgcrypto $2a$ bcrypt hash and upgrades it to argon2id', async () => {
    const { rows } = await db.query<{ h: string }>("SELECT crypt('legacy pw', gen_salt('bf', 10)) AS h");
    const legacy = rows[0]!.h;
    expect(legacy).toMatch(/^\$2a\$10\$/);
    expect(owasp.needsRehash(legacy)).toBe(true);
    expect(await owasp.verifyAndUpgrade(legacy, 'wrong')).toEqual({ ok: false });
    const result = await owasp.verifyAndUpgrade(legacy, 'legacy pw');
    expect(result.ok).toBe(true);
    expect(result.upgradedHash).toMatch(/^\$argon2id\$/);
    expect(await owasp.verify(result.upgradedHash!, 'legacy pw')).toBe(true);
    expect(owasp.needsRehash(result.upgradedHash!)).toBe(false);
    expect(await owasp.verifyAndUpgrade(result.upgradedHash!, 'legacy pw')).toEqual({ ok: true });
  });
});
