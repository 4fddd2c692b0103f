import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { main } from '../main';
import { memoryIo } from '../testing';
import { ModelSchema } from '@/lib/model';
import { createServerDatabase, serverUrl, withDatabase } from '@/lib/testing';

const SECRET = 'S3cr3t-Pa55word-xyz';

/** One line on stderr, no stack frames, no password (raw or URL-encoded). */
function expectOneCleanLine(err: string): void {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).not.toContain(SECRET);
  expect(err).not.toContain(encodeURIComponent(SECRET));
}

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

  const withCredentials = (user: string, database: string) => {
    const u = new URL(withDatabase(serverUrl(), database));
    u.username = user;
    u.password = SECRET;
    return u.toString();
  };
  // [what, url, the reason the message must give]; the test server trusts local connections, so wrong
  // credentials are a role or a database that does not exist (the server's own words).
  const cases: [string, () => string, RegExp][] = [
    ['an unknown user', () => withCredentials('pgcanvas_no_such_user', 'postgres'), /cannot connect to pgcanvas_no_such_user@[^:]+:\d+\/postgres: role "pgcanvas_no_such_user" does not exist/],
    ['an unknown database', () => withCredentials('postgres', 'pgcanvas_no_such_db'), /cannot connect to postgres@.+\/pgcanvas_no_such_db: database "pgcanvas_no_such_db" does not exist/],
    ['an unknown host', () => `postgres://postgres:${SECRET}@no-such-host.invalid:5432/db`, /cannot connect to postgres@no-such-host\.invalid:5432\/db: host not found/],
    ['a refused port', () => `postgres://postgres:${SECRET}@127.0.0.1:1/db`, /cannot connect to postgres@127\.0\.0\.1:1\/db: connection refused/],
  ];
  for (const [what, url, reason] of cases) {
    it(`exits 2 with the reason, no stack trace and no password for ${what}`, async () => {
      const io = memoryIo();
      expect(await main(['pull', url()], io)).toBe(2);
      expect(io.err()).toMatch(reason);
      expectOneCleanLine(io.err());
      expect(io.out()).toBe('');
    });
  }

  it('exits 2 naming the lost connection when the server goes away during the pull', async () => {
    const db = await createServerDatabase();
    // A real TCP proxy in front of the server that forwards the connection start and the first query,
    // then closes both sides: the driver sees the connection end mid-pull, as when a server restarts.
    const server = new URL(db.url!);
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(server.port || 5432), server.hostname);
      let chunks = 0;
      client.on('data', (data) => {
        if (++chunks > 2) { client.destroy(); upstream.destroy(); return; }
        upstream.write(data);
      });
      upstream.on('data', (data) => client.write(data));
      client.on('error', () => {});
      upstream.on('error', () => {});
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const url = new URL(db.url!);
      url.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
      url.password = SECRET;
      const io = memoryIo();
      expect(await main(['pull', url.toString()], io)).toBe(2);
      expect(io.err()).toMatch(/cannot read the database \S+: the connection (was lost|was closed by the other side)/);
      expectOneCleanLine(io.err());
      expect(io.out()).toBe('');
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
      await db.close();
    }
  });

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
