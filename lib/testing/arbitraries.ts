/**
 * fast-check arbitraries producing VALID random models of format 1: every model passes
 * `ModelSchema.parse` and `validate` with no errors, and compiles to SQL that executes on PostgreSQL 15
 * (the server) and PGlite (PostgreSQL 18).
 *
 * Coverage: several schemas, hostile names (quotes, spaces, Unicode, reserved words, exactly 63
 * bytes), enums (also empty), standalone and owned sequences (serial), columns of most builtin types
 * with typmods and arrays, enums by id, citext (with the extension in the model), defaults, identity,
 * generated stored columns, collation "C", composite primary keys, uniques (NULLS NOT DISTINCT when
 * target >= 15, deferrable), checks, foreign keys (composite, self-references, every action, MATCH
 * FULL, deferrable), indexes of every method (expressions, DESC, NULLS FIRST/LAST, INCLUDE, partial,
 * opclasses incl. gin_trgm_ops with pg_trgm), comments, RLS enable/force with policies, range/list/hash
 * partitioned tables with partitions, column security marks and layout positions.
 *
 * Policy roles are only `public` and `current_user` by default (`ARB_POLICY_ROLES`): both exist in
 * every database, so a test needs to create no role. A compiler must write them as the keywords
 * PUBLIC / CURRENT_USER, not as quoted names.
 */
import fc from 'fast-check';
import type { Enum, Extension, ForeignKey, FkAction, Model, Schema, Sequence, Table } from '../model/schema';
import { COMMENTS, ENUM_LABELS, NamePool, Rand } from './arbitrary-names';
import { maybeComment, partitionedTable, plainTable, sequenceOptions, type BuildContext, type ColumnDraft, type TableDraft } from './arbitrary-tables';

export interface ArbModelOptions {
  /** Number of tables (partitions not counted), default 1..6. */
  readonly minTables?: number;
  readonly maxTables?: number;
  /** Schemas besides `public`, default up to 2. */
  readonly maxExtraSchemas?: number;
  /** PostgreSQL major version the features must fit, default 15 (the test server). */
  readonly target?: number;
  /** Quotes, spaces, Unicode, reserved words and 63-byte names; default true. */
  readonly hostileNames?: boolean;
  /** Partitioned tables; default true. */
  readonly partitions?: boolean;
  /** Roles policies may name; default ARB_POLICY_ROLES. */
  readonly policyRoles?: readonly string[];
}

/** ARB_POLICY_ROLES are role names that exist in every database without setup. */
export const ARB_POLICY_ROLES: readonly string[] = ['public', 'current_user'];

/** DEFAULT_ARB_TARGET is the version generated models fit unless told otherwise (the test server's). */
export const DEFAULT_ARB_TARGET = 15;

const ACTIONS: readonly FkAction[] = ['no action', 'restrict', 'cascade', 'set null', 'set default'];

/** arbModel generates valid models; see the module comment for what they contain. */
export function arbModel(options: ArbModelOptions = {}): fc.Arbitrary<Model> {
  return fc.gen().map((g) => buildModel(new Rand(g), options));
}

/** arbModelSmall is for quick tests: one to three tables, one extra schema at most. */
export function arbModelSmall(options: ArbModelOptions = {}): fc.Arbitrary<Model> {
  return arbModel({ minTables: 1, maxTables: 3, maxExtraSchemas: 1, ...options });
}

function idFactory(): { next(prefix: string): string } {
  let n = 0;
  return { next: (prefix) => `${prefix}_${(++n).toString(36)}` };
}

/** buildModel assembles one model from random choices; exported for seeded, non-fast-check use. */
export function buildModel(r: Rand, options: ArbModelOptions = {}): Model {
  const hostile = options.hostileNames ?? true;
  const target = options.target ?? DEFAULT_ARB_TARGET;
  const ids = idFactory();
  const schemaNames = new NamePool(hostile);
  schemaNames.reserve('public');
  const schemas: Schema[] = [{ id: 'schema_public', name: 'public' }];
  for (let i = r.int(0, options.maxExtraSchemas ?? 2); i > 0; i--) {
    schemas.push({ id: ids.next('sch'), name: schemaNames.take(r, 's'), ...maybeComment(r, 30) });
  }
  const objectNames = new Map(schemas.map((s) => [s.id, new NamePool(hostile)] as const));

  const enums: Enum[] = [];
  for (let i = r.int(0, 2); i > 0; i--) {
    const schemaId = r.pick(schemas).id;
    enums.push({ id: ids.next('enum'), schemaId, name: objectNames.get(schemaId)!.take(r, 'e'), values: r.chance(5) ? [] : r.some(ENUM_LABELS, 1, 4), ...maybeComment(r, 20) });
  }

  const standalone: Sequence[] = [];
  for (let i = r.chance(30) ? r.int(1, 2) : 0; i > 0; i--) {
    const schemaId = r.pick(schemas).id;
    const dataType = r.chance(50) ? undefined : r.pick(['smallint', 'integer', 'bigint'] as const);
    standalone.push({ id: ids.next('seq'), schemaId, name: objectNames.get(schemaId)!.take(r, 'seq'), ...(dataType && { dataType }), ...sequenceOptions(r, dataType ?? 'bigint'), ...maybeComment(r, 20) });
  }

  const ctx: BuildContext = {
    r, hostile, target, enums, ids, objectNames,
    policyRoles: options.policyRoles ?? ARB_POLICY_ROLES,
    schemaIds: schemas.map((s) => s.id),
    sequences: [...standalone],
    standaloneSequences: standalone,
    usedExtensions: new Set(),
  };

  const drafts: TableDraft[] = [];
  const tableCount = r.int(options.minTables ?? 1, options.maxTables ?? 6);
  for (let i = 0; i < tableCount; i++) {
    if ((options.partitions ?? true) && r.chance(15)) drafts.push(...partitionedTable(ctx));
    else drafts.push(plainTable(ctx));
  }
  addForeignKeys(ctx, drafts);

  if (r.chance(10)) ctx.usedExtensions.add('pgcrypto');
  const extensions: Extension[] = [...ctx.usedExtensions].sort().map((name) => ({ id: `ext_${name}`, name }));
  const tables: Table[] = drafts.map((d) => d.table);
  const model: Model = {
    format: 1,
    ...(r.chance(50) && { name: r.pick(['Random model', ...COMMENTS]) }),
    schemas,
    ...(extensions.length > 0 && { extensions }),
    ...(enums.length > 0 && { enums }),
    ...(ctx.sequences.length > 0 && { sequences: ctx.sequences }),
    tables,
    layout: { tables: Object.fromEntries(tables.map((t, i) => [t.id, { x: (i % 5) * 320, y: Math.floor(i / 5) * 260 + r.int(0, 40) }])) },
  };
  return model;
}

/**
 * addForeignKeys adds foreign keys between ordinary tables (self-references included). Each FK gets
 * new columns of exactly the referenced columns' types and references a PRIMARY KEY or a
 * non-deferrable UNIQUE (PostgreSQL refuses deferrable ones as FK targets) with the same columns in
 * the same order. SET NULL / SET DEFAULT columns are nullable so the action can run.
 */
function addForeignKeys(ctx: BuildContext, drafts: TableDraft[]): void {
  const { r } = ctx;
  const targets = drafts.filter((d) => d.kind === 'plain' && (d.table.primaryKey || d.table.uniques?.some((u) => !u.deferrable)));
  if (targets.length === 0) return;
  for (const source of drafts.filter((d) => d.kind === 'plain')) {
    for (let i = r.chance(50) ? r.int(1, 2) : 0; i > 0; i--) {
      const target = r.pick(targets);
      const keys = [target.table.primaryKey, ...(target.table.uniques ?? []).filter((u) => !u.deferrable)].filter((k) => k !== undefined);
      const key = r.pick(keys);
      const refColumns = key.columnIds.map((id) => target.columns.find((d) => d.column.id === id)!);
      const onDelete = r.chance(60) ? r.pick(ACTIONS) : undefined;
      const onUpdate = r.chance(40) ? r.pick(ACTIONS) : undefined;
      const needsNull = [onDelete, onUpdate].some((a) => a === 'set null' || a === 'set default');
      const fkColumns: ColumnDraft[] = refColumns.map((ref) => ({
        column: { id: ctx.ids.next('col'), name: source.columnNames.take(r, 'fk'), type: { ...ref.column.type }, nullable: needsNull || r.chance(50) },
        choice: ref.choice,
        role: 'fk',
      }));
      source.columns.push(...fkColumns);
      source.table.columns.push(...fkColumns.map((d) => d.column));
      const fk: ForeignKey = {
        id: ctx.ids.next('fk'), name: ctx.objectNames.get(source.table.schemaId)!.take(r, 'fk'),
        columnIds: fkColumns.map((d) => d.column.id), refTableId: target.table.id, refColumnIds: refColumns.map((d) => d.column.id),
        ...(onDelete && { onDelete }), ...(onUpdate && { onUpdate }),
        ...(r.chance(20) && { match: r.pick(['simple', 'full'] as const) }),
        ...maybeComment(r, 15),
      };
      if (r.chance(20)) { fk.deferrable = true; if (r.chance(50)) fk.initiallyDeferred = true; }
      (source.table.foreignKeys ??= []).push(fk);
      if (r.chance(50)) {
        (source.table.indexes ??= []).push({ id: ctx.ids.next('ix'), name: ctx.objectNames.get(source.table.schemaId)!.take(r, 'ix'), elements: fkColumns.map((d) => ({ columnId: d.column.id })) });
      }
      if (fkColumns.some((d) => d.choice.extension)) ctx.usedExtensions.add('citext');
    }
  }
}
