/**
 * SecurityContext is what every generator reads: the model with its index, the resolved role names,
 * the names of the settings the SQL reads (app.user_id, ...), and where shared functions live.
 * Resolving these once keeps the five files consistent with each other.
 */
import { BUILTIN_TYPES, ModelIndex, type Column, type ColumnType, type Model, type Table } from '@/lib/model';
import { quoteIdent, quoteQualified } from '@/lib/sql/quote';
import { createdObjects, type CreatedObject } from './sql-heads';

export type RolePurpose = 'owner' | 'migrator' | 'app' | 'readonly' | 'admin';
export const ROLE_PURPOSES: readonly RolePurpose[] = ['owner', 'migrator', 'app', 'readonly', 'admin'];

const ROLE_SUFFIX: Record<RolePurpose, string> = { owner: 'owner', migrator: 'migrator', app: 'rw', readonly: 'ro', admin: 'admin' };

export interface SecurityOptions {
  /** Overrides every role name to `<prefix>_owner`, `_migrator`, `_rw`, `_ro`, `_admin` (tests use unique prefixes). */
  readonly rolePrefix?: string;
  /** Exact names for some roles; wins over the prefix. */
  readonly roleNames?: Partial<Record<RolePurpose, string>>;
  /** bcrypt cost for hash_password(); at least 10. */
  readonly bcryptCost?: number;
}

export interface SecurityContext {
  readonly model: Model;
  readonly index: ModelIndex;
  readonly roles: Readonly<Record<RolePurpose, string>>;
  /** Whether the admin role is needed (a table uses admin bypass, or the model declares one). */
  readonly needsAdmin: boolean;
  readonly userIdSetting: string;
  readonly tenantIdSetting: string;
  readonly encryptionKeySetting: string;
  readonly bcryptCost: number;
  /** Whether the caller fixed the bcrypt cost (it then wins over costs marked on columns). */
  readonly costFromOptions: boolean;
  /** Schema for shared functions (hash_password, verify_password, set_updated_at). */
  readonly functionSchema: string;
  /** Schema pgcrypto lives in; calls to it are schema-qualified because search_path is pinned. */
  readonly pgcryptoSchema: string;
  /** Whether the model itself creates pgcrypto (else the generated files do). */
  readonly modelHasPgcrypto: boolean;
}

/** MIN_BCRYPT_COST is the lowest cost hash_password is generated with (gen_salt('bf') alone gives 6). */
export const MIN_BCRYPT_COST = 10;

/** SECURITY_DEFAULTS are the values used where model.security leaves a setting out; the inspector shows them as placeholders. */
export const SECURITY_DEFAULTS = {
  bcryptCost: 12,
  userIdSetting: 'app.user_id',
  tenantIdSetting: 'app.tenant_id',
  encryptionKeySetting: 'app.encryption_key',
  auditSchema: 'audit',
  auditTable: 'audit_log',
} as const;

const PREFIX_PATTERN = /^(?!pg_)[a-z_][a-z0-9_]{0,39}$/;

/** defaultPrefix derives a role prefix from the model name (`Shop DB` -> `shop_db`), else `app`. */
function defaultPrefix(model: Model): string {
  const slug = (model.name ?? '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  return slug && PREFIX_PATTERN.test(slug) ? slug : 'app';
}

export function securityContext(model: Model, options: SecurityOptions = {}): SecurityContext {
  if (options.rolePrefix !== undefined && !PREFIX_PATTERN.test(options.rolePrefix)) {
    throw new Error(`role prefix ${JSON.stringify(options.rolePrefix)} must be lowercase letters, digits and _, not start with pg_, at most 40 characters`);
  }
  const cost = options.bcryptCost ?? model.security?.bcryptCost ?? SECURITY_DEFAULTS.bcryptCost;
  if (!Number.isInteger(cost) || cost < MIN_BCRYPT_COST || cost > 31) throw new Error(`bcrypt cost ${cost} must be a whole number from ${MIN_BCRYPT_COST} to 31`);
  const declared = (purpose: RolePurpose) => model.roles?.find((r) => r.purpose === purpose)?.name;
  const prefix = options.rolePrefix ?? model.security?.rolePrefix ?? defaultPrefix(model);
  const roles = Object.fromEntries(ROLE_PURPOSES.map((p) => [
    p,
    options.roleNames?.[p] ?? (options.rolePrefix === undefined ? declared(p) : undefined) ?? `${prefix}_${ROLE_SUFFIX[p]}`,
  ])) as Record<RolePurpose, string>;
  const needsAdmin = model.tables.some((t) => t.security?.rls && (t.security.rls.template === 'admin-bypass' || t.security.rls.adminBypass === true))
    || declared('admin') !== undefined;
  const index = new ModelIndex(model);
  const functionSchema = model.schemas.find((s) => s.name === 'public')?.name ?? model.schemas[0]?.name ?? 'public';
  const pgcrypto = model.extensions?.find((e) => e.name === 'pgcrypto');
  return {
    model,
    index,
    roles,
    needsAdmin,
    userIdSetting: model.security?.userIdSetting ?? SECURITY_DEFAULTS.userIdSetting,
    tenantIdSetting: model.security?.tenantIdSetting ?? SECURITY_DEFAULTS.tenantIdSetting,
    encryptionKeySetting: model.security?.encryptionKeySetting ?? SECURITY_DEFAULTS.encryptionKeySetting,
    bcryptCost: cost,
    costFromOptions: options.bcryptCost !== undefined,
    functionSchema,
    pgcryptoSchema: pgcrypto ? (pgcrypto.schemaId ? index.schemaName(pgcrypto.schemaId) ?? 'public' : 'public') : functionSchema,
    modelHasPgcrypto: pgcrypto !== undefined,
  };
}

const verbatimByContext = new WeakMap<SecurityContext, readonly (readonly CreatedObject[])[]>();

/**
 * verbatimCreated lists what each verbatim SQL object of the model creates, in the order of
 * model.sqlObjects. Lexed once per context: roles.sql's grants and the collision check both read it.
 */
export function verbatimCreated(ctx: SecurityContext): readonly (readonly CreatedObject[])[] {
  let created = verbatimByContext.get(ctx);
  if (!created) {
    created = (ctx.model.sqlObjects ?? []).map((o) => createdObjects(o.sql));
    verbatimByContext.set(ctx, created);
  }
  return created;
}

/** tableName renders a table's schema-qualified, quoted name. */
export function tableName(ctx: SecurityContext, table: Table): string {
  return quoteQualified(ctx.index.schemaName(table.schemaId) ?? 'public', table.name);
}

export function schemaOf(ctx: SecurityContext, table: Table): string {
  return ctx.index.schemaName(table.schemaId) ?? 'public';
}

/** createdPurposes lists the roles roles.sql creates, in ROLE_PURPOSES order: admin only when something needs it. */
export function createdPurposes(ctx: SecurityContext): RolePurpose[] {
  return ROLE_PURPOSES.filter((p) => p !== 'admin' || ctx.needsAdmin);
}

/** roleList renders `"a", "b"` for the given purposes, skipping the admin role when it is not created. */
export function roleList(ctx: SecurityContext, purposes: readonly RolePurpose[]): string {
  return purposes.filter((p) => p !== 'admin' || ctx.needsAdmin).map((p) => quoteIdent(ctx.roles[p])).join(', ');
}

/** castType renders a column's type for a cast (no modifiers needed); undefined for arrays. */
export function castType(ctx: SecurityContext, type: ColumnType): string | undefined {
  if (type.array) return undefined;
  switch (type.kind) {
    case 'builtin': return BUILTIN_TYPES[type.name as keyof typeof BUILTIN_TYPES]?.catalog ?? type.name;
    case 'enum': {
      const e = ctx.index.enums.get(type.enumId);
      return e ? quoteQualified(ctx.index.schemaName(e.schemaId) ?? 'public', e.name) : undefined;
    }
    case 'custom': return type.sql;
  }
}

/** isTextLike says whether a column holds text the `~` operator can test (text, varchar, char, citext). */
export function isTextLike(column: Column): boolean {
  const t = column.type;
  if (t.array) return false;
  if (t.kind === 'builtin') return t.name === 'text' || t.name === 'varchar' || t.name === 'char';
  if (t.kind === 'custom') return /^(\w+\.)?citext$/i.test(t.sql.trim().replaceAll('"', ''));
  return false;
}

/** isBytea says whether a column is a plain bytea. */
export function isBytea(column: Column): boolean {
  return column.type.kind === 'builtin' && column.type.name === 'bytea' && !column.type.array;
}

/** callPgcrypto schema-qualifies a pgcrypto function, because generated functions pin search_path. */
export function pgcryptoFn(ctx: SecurityContext, name: string): string {
  return quoteQualified(ctx.pgcryptoSchema, name);
}

/** ensurePgcrypto creates pgcrypto when the model does not (idempotent). */
export function ensurePgcrypto(ctx: SecurityContext): string {
  if (ctx.modelHasPgcrypto) return '';
  return `CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA ${quoteIdent(ctx.pgcryptoSchema)};\n`;
}

/** secretColumn says whether a column's value must never be copied into audit rows or read-only grants. */
export function isSecretColumn(column: Column): boolean {
  const s = column.security;
  return Boolean(s && (s.passwordHash || s.secret || s.encrypted));
}

export const PINNED_SEARCH_PATH = 'SET search_path = pg_catalog, pg_temp';
