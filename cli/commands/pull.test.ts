import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';
import { ModelSchema } from '@/lib/model';
import { createServerDatabase, serverUrl, withDatabase } from '@/lib/testing';

const SECRET = 'S3cr3t-Pa55word-xyz';

describe('pgcanvas pull', () => {
  it('pulls a live database into a model, limited by --schema, report on stderr', async () => {
    const db = await createServerDatabase();
    try {
      await db.exec(`CREATE SCHEMA app; CREATE TABLE app.a (id int PRIMARY KEY); CREATE TABLE public.b (id int);
        CREATE VIEW app.v AS SELECT id FROM app.a;`);
      const io = memoryIo();
      expect(await main(['pull', db.url!, '--schema', 'app'], io)).toBe(0);
      const model = ModelSchema.parse(JSON.parse(io.out()));
      expect(model.tables.map((t) => t.name)).toEqual(['a']);
      expect(model.sqlObjects!.map((o) => o.kind)).toEqual(['view']);
      expect(io.err()).toContain('verbatim view v');
      const io2 = memoryIo();
      expect(await main(['pull', db.url!, '-o', 'm.json'], io2)).toBe(0);
      expect(ModelSchema.parse(JSON.parse(io2.files.get('m.json')!)).tables.map((t) => t.name).sort()).toEqual(['a', 'b']);
    } finally {
      await db.close();
    }
  });

  const cases: [string, string][] = [
    ['a wrong password', (() => { const u = new URL(withDatabase(serverUrl(), 'postgres')); u.username = 'pgcanvas_no_such_user'; u.password = SECRET; return u.toString(); })()],
    ['an unknown host', `postgres://postgres:${SECRET}@no-such-host.invalid:5432/db`],
    ['a refused port', `postgres://postgres:${SECRET}@127.0.0.1:1/db`],
  ];
  for (const [what, url] of cases) {
    it(`exits 2 with the reason and without the password for ${what}`, async () => {
      const io = memoryIo();
      expect(await main(['pull', url], io)).toBe(2);
      expect(io.err()).toMatch(/cannot read the database: .+/);
      expect(io.err() + io.out()).not.toContain(SECRET);
      expect(io.out()).toBe('');
    });
  }

  it('exits 2 on a URL that is not one, without echoing it', async () => {
    const io = memoryIo();
    expect(await main(['pull', `postgres//user:${SECRET}@host`], io)).toBe(2);
    expect(io.err()).toContain('not a valid connection URL');
    expect(io.err()).not.toContain(SECRET);
    const io2 = memoryIo();
    expect(await main(['pull', `mysql://u:${SECRET}@h/db`], io2)).toBe(2);
    expect(io2.err()).not.toContain(SECRET);
  });

  it('removes sslcert, sslkey and sslrootcert from the URL and says so', async () => {
    const db = await createServerDatabase();
    try {
      const u = new URL(db.url!);
      u.searchParams.set('sslrootcert', '/etc/passwd');
      u.searchParams.set('sslkey', '/etc/shadow');
      const io = memoryIo();
      expect(await main(['pull', u.toString()], io)).toBe(0);
      expect(io.err()).toContain('removed the sslkey parameter');
      expect(io.err()).toContain('removed the sslrootcert parameter');
    } finally {
      await db.close();
    }
  });
});
