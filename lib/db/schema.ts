/**
 * The app's own tables (drizzle-orm). drizzle-kit reads this file to generate the SQL migrations in
 * `drizzle/`; the app applies them with `migrate.ts`. Imports only drizzle-orm so drizzle-kit can load it.
 *
 * Conventions: uuid keys from gen_random_uuid() (built in since PostgreSQL 13), timestamptz everywhere,
 * NOT NULL unless absence means something, CHECKs for closed sets and bounds, an index for every lookup.
 */
import { sql } from 'drizzle-orm';
import {
  boolean, check, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => tz('created_at').notNull().defaultNow();

/** users: accounts. email is stored lower-cased and trimmed so uniqueness is case-insensitive. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  passwordHash: text('password_hash').notNull(),
  isAdmin: boolean('is_admin').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('users_email_key').on(t.email),
  check('users_email_check', sql`${t.email} = lower(btrim(${t.email})) AND length(${t.email}) BETWEEN 3 AND 320 AND position('@' in ${t.email}) > 1`),
  check('users_password_hash_check', sql`${t.passwordHash} LIKE '$argon2id$%'`),
]);

/** sessions: browser sessions; only the SHA-256 of the token is stored. */
export const sessions = pgTable('sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
}, (t) => [
  uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
  index('sessions_user_id_idx').on(t.userId),
  index('sessions_expires_at_idx').on(t.expiresAt),
  check('sessions_token_hash_check', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  check('sessions_expiry_check', sql`${t.expiresAt} > ${t.createdAt}`),
]);

/** api_tokens: bearer tokens for scripts; shown once at creation, stored as SHA-256. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  lastUsedAt: tz('last_used_at'),
  expiresAt: tz('expires_at'),
}, (t) => [
  uniqueIndex('api_tokens_token_hash_key').on(t.tokenHash),
  index('api_tokens_user_id_idx').on(t.userId),
  check('api_tokens_name_check', sql`length(btrim(${t.name})) BETWEEN 1 AND 100`),
  check('api_tokens_token_hash_check', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
]);

/**
 * login_attempts: failed logins, kept in the database so throttling holds across app instances.
 * email is the normalised address as typed (the account may not exist); ip may be unknown.
 */
export const loginAttempts = pgTable('login_attempts', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  ip: text('ip').notNull(),
  at: tz('at').notNull().defaultNow(),
}, (t) => [
  index('login_attempts_email_at_idx').on(t.email, t.at),
  index('login_attempts_ip_at_idx').on(t.ip, t.at),
  check('login_attempts_email_check', sql`length(${t.email}) <= 1024`),
]);

/** app_settings: one row per setting; values are JSON. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
}, (t) => [check('app_settings_key_check', sql`${t.key} IN ('signup_enabled')`)]);

/** invites: an admin invites an email address; the link carries a token stored as SHA-256. */
export const invites = pgTable('invites', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  expiresAt: tz('expires_at').notNull(),
  usedAt: tz('used_at'),
}, (t) => [
  uniqueIndex('invites_token_hash_key').on(t.tokenHash),
  index('invites_created_by_idx').on(t.createdBy),
  check('invites_email_check', sql`${t.email} = lower(btrim(${t.email}))`),
]);

/** projects: a design. deleted_at marks a soft delete (recoverable for 30 days, then purged). */
export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  deletedAt: tz('deleted_at'),
}, (t) => [
  index('projects_created_by_idx').on(t.createdBy),
  index('projects_deleted_at_idx').on(t.deletedAt).where(sql`${t.deletedAt} IS NOT NULL`),
  check('projects_name_check', sql`length(btrim(${t.name})) BETWEEN 1 AND 200`),
]);

/** project_members: who may see a project and what they may do. */
export const projectMembers = pgTable('project_members', {
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
  createdAt: createdAt(),
}, (t) => [
  primaryKey({ name: 'project_members_pkey', columns: [t.projectId, t.userId] }),
  index('project_members_user_id_idx').on(t.userId),
  check('project_members_role_check', sql`${t.role} IN ('owner', 'editor', 'viewer')`),
]);

/**
 * project_models: the working model of a project (one row per project), with the version counter
 * that optimistic concurrency compares against (`If-Match`). Kept apart from projects so listing
 * projects never reads large JSON.
 *
 * `model` is json, not jsonb: the autosave rewrites this row's 200 KB document every few seconds and
 * reads it back as text, and json stores and returns the text as sent (checked for syntax only), at
 * about half jsonb's CPU per write and a quarter per read (docs/storage.md). Nothing queries inside
 * it; the app writes jsonb's canonical text (lib/projects/jsonb-text.ts), so the bytes are the same.
 */
export const projectModels = pgTable('project_models', {
  projectId: uuid('project_id').primaryKey().references(() => projects.id, { onDelete: 'cascade' }),
  model: json('model').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
}, (t) => [
  index('project_models_updated_by_idx').on(t.updatedBy),
  check('project_models_version_check', sql`${t.version} >= 1`),
]);

/** model_versions: named, immutable snapshots ("save version"); number counts up per project. */
export const modelVersions = pgTable('model_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  number: integer('number').notNull(),
  message: text('message').notNull(),
  model: jsonb('model').notNull(),
  workingVersion: integer('working_version').notNull(),
  authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('model_versions_project_number_key').on(t.projectId, t.number),
  index('model_versions_author_id_idx').on(t.authorId),
  check('model_versions_number_check', sql`${t.number} >= 1`),
  check('model_versions_message_check', sql`length(${t.message}) <= 2000`),
]);
