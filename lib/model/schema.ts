/**
 * The zod schema of the model, format version 1: the single source of truth for the model's shape.
 * `docs/model.schema.json` is generated from `ModelSchema`; `docs/model-format.md` explains it.
 * Shape checks only: cross-object rules (dangling ids, duplicate names, ...) live in `validate/`.
 */
import { z } from 'zod';
import { BUILTIN_TYPE_NAMES } from './builtin-types';
import { ColumnSecuritySchema, ProjectSecuritySchema, TableSecuritySchema } from './security-schema';

export const FORMAT_VERSION = 1 as const;

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, _ and -').describe('Stable id; never changes, never reused.');
const Name = z.string().describe('PostgreSQL name exactly as typed (quoted by the SQL layer).');
const Comment = z.string().optional().describe('COMMENT ON text.');
/** SqlExpression is SQL text validated with the real parser as exactly one expression. */
const SqlExpression = z.string().describe('One SQL expression, validated with the PostgreSQL parser.');
/** Sequence bounds exceed JavaScript's safe integers, so they are decimal strings. */
const BigIntString = z.string().regex(/^-?\d{1,19}$/, 'a whole number');

export const SchemaSchema = z.object({ id: Id, name: Name, comment: Comment }).strict();

export const ExtensionSchema = z.object({
  id: Id,
  name: Name.describe('Extension name, e.g. citext, pgcrypto.'),
  schemaId: Id.optional().describe('Schema the extension objects go into (WITH SCHEMA).'),
  comment: Comment,
}).strict();

export const EnumSchema = z.object({
  id: Id, schemaId: Id, name: Name,
  values: z.array(z.string()).describe('Labels in sort order.'),
  comment: Comment,
}).strict();

export const SequenceOptionsSchema = z.object({
  dataType: z.enum(['smallint', 'integer', 'bigint']).optional(),
  start: BigIntString.optional(),
  increment: BigIntString.optional(),
  minValue: BigIntString.optional(),
  maxValue: BigIntString.optional(),
  cache: BigIntString.optional(),
  cycle: z.boolean().optional(),
}).strict();

export const SequenceSchema = SequenceOptionsSchema.extend({
  id: Id, schemaId: Id, name: Name,
  ownedBy: z.object({ tableId: Id, columnId: Id }).strict().optional().describe('ALTER SEQUENCE ... OWNED BY.'),
  comment: Comment,
}).strict();

const ArrayFlag = z.boolean().optional().describe('An array of the type (PostgreSQL ignores declared dimensions).');

export const ColumnTypeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('builtin'),
    name: z.enum(BUILTIN_TYPE_NAMES as [string, ...string[]]),
    length: z.number().int().positive().optional().describe('varchar(n), char(n), bit(n), varbit(n).'),
    precision: z.number().int().min(0).optional().describe('numeric(p[,s]), or fractional seconds of time/timestamp/interval.'),
    scale: z.number().int().optional().describe('numeric(p,s).'),
    array: ArrayFlag,
  }).strict(),
  z.object({ kind: z.literal('enum'), enumId: Id, array: ArrayFlag }).strict(),
  z.object({
    kind: z.literal('custom'),
    sql: z.string().describe('A type the model does not know (extension types such as citext, geometry(Point,4326), domains), validated by the parser.'),
    array: ArrayFlag,
  }).strict(),
]);

export const IdentitySchema = SequenceOptionsSchema.omit({ dataType: true }).extend({
  generation: z.enum(['always', 'by-default']),
  sequenceName: Name.optional().describe('Name of the implicit sequence; PostgreSQL picks <table>_<column>_seq when absent.'),
}).strict();

export const ColumnSchema = z.object({
  id: Id, name: Name,
  type: ColumnTypeSchema,
  nullable: z.boolean(),
  default: SqlExpression.optional(),
  sequenceId: Id.optional().describe("DEFAULT nextval('<sequence>'): how serial columns are held."),
  identity: IdentitySchema.optional(),
  generated: z.object({ expression: SqlExpression }).strict().optional().describe('GENERATED ALWAYS AS (expr) STORED.'),
  collation: Name.optional(),
  comment: Comment,
  security: ColumnSecuritySchema.optional(),
}).strict();

const ColumnIds = z.array(Id).min(1);

export const PrimaryKeySchema = z.object({ id: Id, name: Name, columnIds: ColumnIds, comment: Comment }).strict();

const Deferrable = {
  deferrable: z.boolean().optional(),
  initiallyDeferred: z.boolean().optional(),
};

export const UniqueSchema = z.object({
  id: Id, name: Name, columnIds: ColumnIds,
  nullsNotDistinct: z.boolean().optional().describe('PostgreSQL 15+.'),
  ...Deferrable,
  comment: Comment,
}).strict();

export const CheckSchema = z.object({
  id: Id, name: Name, expression: SqlExpression,
  noInherit: z.boolean().optional(),
  comment: Comment,
}).strict();

export const FkActionSchema = z.enum(['no action', 'restrict', 'cascade', 'set null', 'set default']);

export const ForeignKeySchema = z.object({
  id: Id, name: Name,
  columnIds: ColumnIds,
  refTableId: Id,
  refColumnIds: ColumnIds,
  onDelete: FkActionSchema.optional().describe('Default: no action.'),
  onUpdate: FkActionSchema.optional().describe('Default: no action.'),
  match: z.enum(['simple', 'full']).optional().describe('Default: simple.'),
  ...Deferrable,
  comment: Comment,
}).strict();

export const IndexElementSchema = z.object({
  columnId: Id.optional(),
  expression: SqlExpression.optional(),
  collation: Name.optional(),
  opclass: z.string().optional().describe('Operator class, e.g. text_pattern_ops, gin_trgm_ops.'),
  order: z.enum(['asc', 'desc']).optional(),
  nulls: z.enum(['first', 'last']).optional(),
}).strict().describe('Exactly one of columnId and expression.');

export const IndexMethodSchema = z.enum(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist']);

export const IndexSchema = z.object({
  id: Id, name: Name,
  unique: z.boolean().optional(),
  method: IndexMethodSchema.optional().describe('Default: btree.'),
  elements: z.array(IndexElementSchema).min(1),
  include: z.array(Id).optional().describe('INCLUDE column ids.'),
  where: SqlExpression.optional().describe('Partial index predicate.'),
  nullsNotDistinct: z.boolean().optional().describe('PostgreSQL 15+.'),
  comment: Comment,
}).strict();

export const PolicyCommandSchema = z.enum(['all', 'select', 'insert', 'update', 'delete']);

export const PolicySchema = z.object({
  id: Id, name: Name,
  permissive: z.boolean().optional().describe('Default true; false makes it RESTRICTIVE.'),
  command: PolicyCommandSchema.optional().describe('Default: all.'),
  roles: z.array(Name).optional().describe('Role names; empty or absent means PUBLIC.'),
  using: SqlExpression.optional(),
  withCheck: SqlExpression.optional(),
  comment: Comment,
}).strict();

export const PartitionKeySchema = z.object({
  columnId: Id.optional(), expression: SqlExpression.optional(),
  collation: Name.optional(), opclass: z.string().optional(),
}).strict();

export const TableSchema = z.object({
  id: Id, schemaId: Id, name: Name,
  comment: Comment,
  columns: z.array(ColumnSchema),
  primaryKey: PrimaryKeySchema.optional(),
  uniques: z.array(UniqueSchema).optional(),
  checks: z.array(CheckSchema).optional(),
  foreignKeys: z.array(ForeignKeySchema).optional(),
  indexes: z.array(IndexSchema).optional(),
  rls: z.object({ enabled: z.boolean(), forced: z.boolean().optional() }).strict().optional(),
  policies: z.array(PolicySchema).optional(),
  partitionBy: z.object({
    strategy: z.enum(['range', 'list', 'hash']),
    keys: z.array(PartitionKeySchema).min(1),
  }).strict().optional(),
  partitionOf: z.object({
    parentId: Id,
    bound: z.string().describe("Partition bound SQL: FOR VALUES ... or DEFAULT."),
  }).strict().optional().describe('A partition: columns come from the parent, so `columns` is empty.'),
  security: TableSecuritySchema.optional(),
}).strict();

export const RoleSchema = z.object({
  id: Id, name: Name,
  purpose: z.enum(['owner', 'migrator', 'app', 'readonly', 'admin', 'other']).optional(),
  comment: Comment,
}).strict();

export const SqlObjectSchema = z.object({
  id: Id,
  kind: z.string().describe('view, function, trigger, domain, grant, ... as reported by the importer.'),
  name: z.string().optional(),
  phase: z.enum(['pre-tables', 'post-tables']).describe('Where in the DDL it goes: domains and types before tables, views and triggers after.'),
  sql: z.string().describe('Verbatim SQL, one or more statements, emitted as is.'),
}).strict();

const Point = { x: z.number(), y: z.number() };

export const LayoutSchema = z.object({
  tables: z.record(z.string(), z.object({
    ...Point,
    color: z.string().optional(),
    collapsed: z.boolean().optional(),
  }).strict()).optional(),
  notes: z.array(z.object({ id: Id, ...Point, width: z.number().optional(), height: z.number().optional(), text: z.string(), color: z.string().optional() }).strict()).optional(),
  areas: z.array(z.object({ id: Id, ...Point, width: z.number(), height: z.number(), name: z.string(), color: z.string().optional() }).strict()).optional(),
  viewport: z.object({ ...Point, zoom: z.number() }).strict().optional(),
}).strict();

export const ModelSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  name: z.string().optional(),
  settings: z.object({
    targetVersion: z.number().int().min(13).max(18).optional().describe('PostgreSQL major version; default 16.'),
  }).strict().optional(),
  schemas: z.array(SchemaSchema),
  extensions: z.array(ExtensionSchema).optional(),
  enums: z.array(EnumSchema).optional(),
  sequences: z.array(SequenceSchema).optional(),
  tables: z.array(TableSchema),
  roles: z.array(RoleSchema).optional(),
  sqlObjects: z.array(SqlObjectSchema).optional(),
  security: ProjectSecuritySchema.optional().describe('Project-wide security settings (roles, settings, audit).'),
  layout: LayoutSchema.optional(),
}).strict();

export type Model = z.infer<typeof ModelSchema>;
export type Schema = z.infer<typeof SchemaSchema>;
export type Extension = z.infer<typeof ExtensionSchema>;
export type Enum = z.infer<typeof EnumSchema>;
export type Sequence = z.infer<typeof SequenceSchema>;
export type SequenceOptions = z.infer<typeof SequenceOptionsSchema>;
export type ColumnType = z.infer<typeof ColumnTypeSchema>;
export type Identity = z.infer<typeof IdentitySchema>;
export type Column = z.infer<typeof ColumnSchema>;
export type PrimaryKey = z.infer<typeof PrimaryKeySchema>;
export type Unique = z.infer<typeof UniqueSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type FkAction = z.infer<typeof FkActionSchema>;
export type ForeignKey = z.infer<typeof ForeignKeySchema>;
export type IndexElement = z.infer<typeof IndexElementSchema>;
export type IndexMethod = z.infer<typeof IndexMethodSchema>;
export type Index = z.infer<typeof IndexSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyCommand = z.infer<typeof PolicyCommandSchema>;
export type PartitionKey = z.infer<typeof PartitionKeySchema>;
export type Table = z.infer<typeof TableSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type SqlObject = z.infer<typeof SqlObjectSchema>;
export type Layout = z.infer<typeof LayoutSchema>;
