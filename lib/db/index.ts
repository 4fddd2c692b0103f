/**
 * The app's storage: schema, connection and migrations. See lib/db/README.md and docs/storage.md.
 */
export * as tables from './schema';
export { openDatabase, type Database, type AppOrm } from './client';
export { databaseConfigFromEnv, type DatabaseConfig, type PoolOptions } from './config';
export { migrate, readMigrations, MIGRATION_LOCK_KEY, type SqlSession, type MigrationResult } from './migrate';
