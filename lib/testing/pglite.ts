/**
 * PGlite (PostgreSQL 18 in WASM) databases for tests. Starting PGlite costs ~2 s, so the first one
 * in a worker is dumped and later ones are cloned from the dump (~0.3 s). Extensions the tests use
 * (pgcrypto, citext, pg_trgm, uuid-ossp, btree_gist, hstore) are loaded into every instance.
 */
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import type { TestDatabase } from './database';

export const PGLITE_EXTENSIONS = { pgcrypto, citext, pg_trgm, uuid_ossp, btree_gist, hstore };

let template: Promise<Blob> | undefined;

async function templateDump(): Promise<Blob> {
  template ??= (async () => {
    const db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const dump = await db.dumpDataDir('none');
    await db.close();
    return dump;
  })();
  return template;
}

/** createPgliteDatabase returns a fresh in-memory PGlite database. */
export async function createPgliteDatabase(): Promise<TestDatabase> {
  const db = await PGlite.create({ loadDataDir: await templateDump(), extensions: PGLITE_EXTENSIONS });
  return wrapPglite(db, 'pglite');
}

/** wrapPglite adapts a PGlite instance to the TestDatabase interface. */
export function wrapPglite(db: PGlite, name: string): TestDatabase {
  let closed = false;
  return {
    kind: 'pglite',
    name,
    async query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
      const result = await db.query<T>(sql, params);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
