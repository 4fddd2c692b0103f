/**
 * Test database harness: fresh databases on the PostgreSQL server and in PGlite, and the catalog
 * fingerprint used as the oracle that two databases hold the same schema.
 */
export type { TestDatabase, DatabaseKind } from './database';
export { createServerDatabase, serverUrl, withDatabase } from './server';
export { createPgliteDatabase, wrapPglite, PGLITE_EXTENSIONS } from './pglite';
export { catalogFingerprint, type CatalogFingerprint } from './fingerprint';

import type { DatabaseKind, TestDatabase } from './database';
import { createServerDatabase } from './server';
import { createPgliteDatabase } from './pglite';

/** createDatabase makes a fresh database of the given kind. */
export function createDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  return kind === 'server' ? createServerDatabase() : createPgliteDatabase();
}

/** DATABASE_KINDS is what tests iterate over with `describe.each`. */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['server', 'pglite'];
