/**
 * Table builders for the model arbitraries: ordinary tables (identity, serial, generated columns,
 * keys, checks, indexes of every method, RLS) and partitioned tables with their partitions. Every
 * choice is one PostgreSQL 15 and 18 accept; the comments say which rule each restriction follows.
 */
import type { Check, Column, Index, IndexElement, IndexMethod, Policy, PolicyCommand, Sequence, SequenceOptions, Table, Unique } from '../model/schema';
import { quoteIdent as q, quoteLiteral } from '../sql/quote';
import { COMMENTS, NamePool, type Rand } from './arbitrary-names';
import { integerType, namedType, randomType, type TypeChoice, type TypeContext } from './arbitrary-types';

export type ColumnRole = 'plain' | 'identity' | 'serial' | 'generated' | 'fk';

export interface ColumnDraft {
  readonly column: Column;
  readonly choice: TypeChoice;
  readonly role: ColumnRole;
}

export interface TableDraft {
  readonly table: Table;
  readonly kind: 'plain' | 'partitioned' | 'partition';
  readonly columns: ColumnDraft[];
  readonly columnNames: NamePool;
}

/** BuildContext is what table builders share: options, namespaces and the objects made so far. */
export interface BuildContext extends TypeContext {
  readonly r: Rand;
  readonly hostile: boolean;
  readonly policyRoles: readonly string[];
  readonly ids: { next(prefix: string): string };
  readonly schemaIds: readonly string[];
  /** One namespace per schema: relations, indexes, constraints and types all share it here. */
  readonly objectNames: Map<string, NamePool>;
  readonly sequences: Sequence[];
  readonly standaloneSequences: readonly Sequence[];
  readonly usedExtensions: Set<string>;
}

export function maybeComment(r: Rand, percent = 20): { comment?: string } {
  return r.chance(percent) ? { comment: r.pick(COMMENTS) } : {};
}

function takeName(ctx: BuildContext, schemaId: string, prefix: string): string {
  return ctx.objectNames.get(schemaId)!.take(ctx.r, prefix);
}

const TYPE_MAX: Record<string, string> = { smallint: '32767', integer: '2147483647', bigint: '9223372036854775807' };

/** sequenceOptions returns consistent options: 1 <= minValue <= start <= maxValue <= the type's max. */
export function sequenceOptions(r: Rand, typeName: string): Omit<SequenceOptions, 'dataType'> {
  const start = r.int(1, 1000);
  const options: Omit<SequenceOptions, 'dataType'> = {};
  if (r.chance(40)) options.start = String(start);
  if (r.chance(30)) options.increment = String(r.int(1, 10));
  if (r.chance(30)) options.minValue = '1';
  if (r.chance(30)) options.maxValue = r.chance(50) ? String(start + 1000) : TYPE_MAX[typeName] ?? '32767';
  if (r.chance(30)) options.cache = String(r.int(1, 20));
  if (r.chance(20)) options.cycle = r.chance(50);
  return options;
}

function builtinName(choice: TypeChoice): string | undefined {
  return choice.type.kind === 'builtin' && !choice.type.array ? choice.type.name : undefined;
}

function plainColumn(ctx: BuildContext, names: NamePool, choice: TypeChoice, allowCollation = true): ColumnDraft {
  const { r } = ctx;
  if (choice.extension) ctx.usedExtensions.add(choice.extension);
  const column: Column = { id: ctx.ids.next('col'), name: names.take(r, 'c'), type: choice.type, nullable: r.chance(50) };
  if (choice.defaults.length > 0 && r.chance(35)) column.default = r.pick(choice.defaults);
  if (allowCollation && choice.text && r.chance(20)) column.collation = 'C';
  Object.assign(column, maybeComment(r, 15));
  return { column, choice, role: 'plain' };
}

/** idColumn is a leading identity, serial (owned sequence) or uuid column. */
function idColumn(ctx: BuildContext, table: Table, names: NamePool): ColumnDraft {
  const { r } = ctx;
  const style = r.int(0, 2);
  if (style === 2) {
    const choice = namedType('uuid');
    return { column: { id: ctx.ids.next('col'), name: names.take(r, 'id'), type: choice.type, nullable: false, default: 'gen_random_uuid()' }, choice, role: 'plain' };
  }
  const choice = integerType(r);
  const typeName = builtinName(choice)!;
  const column: Column = { id: ctx.ids.next('col'), name: names.take(r, 'id'), type: choice.type, nullable: false };
  if (style === 0) {
    column.identity = { generation: r.pick(['always', 'by-default'] as const), ...sequenceOptions(r, typeName) };
    if (r.chance(20)) column.identity.sequenceName = takeName(ctx, table.schemaId, 'idseq');
    return { column, choice, role: 'identity' };
  }
  // serial: a sequence in the table's schema (OWNED BY requires it) feeding DEFAULT nextval(...)
  const sequence: Sequence = {
    id: ctx.ids.next('seq'), schemaId: table.schemaId, name: takeName(ctx, table.schemaId, 'serial'),
    dataType: typeName as 'smallint' | 'integer' | 'bigint', ...sequenceOptions(r, typeName),
    ownedBy: { tableId: table.id, columnId: column.id }, ...maybeComment(r, 10),
  };
  ctx.sequences.push(sequence);
  column.sequenceId = sequence.id;
  return { column, choice, role: 'serial' };
}

/** generatedColumn derives from one plain column of the same table (never another generated one). */
function generatedColumn(ctx: BuildContext, names: NamePool, sources: readonly ColumnDraft[]): ColumnDraft | undefined {
  const { r } = ctx;
  const usable = sources.filter((d) => d.role === 'plain' && (d.choice.integer || d.choice.text));
  if (usable.length === 0) return undefined;
  const src = r.pick(usable);
  const ref = q(src.column.name);
  let choice: TypeChoice;
  let expression: string;
  if (src.choice.integer) {
    choice = namedType(r.chance(50) ? 'bigint' : 'numeric');
    expression = `(${ref} * 2)`;
  } else if (r.chance(60)) {
    choice = namedType('text');
    expression = `${r.pick(['lower', 'upper'])}(${ref})`;
  } else {
    choice = namedType('tsvector');
    expression = `to_tsvector('simple'::regconfig, coalesce(${ref}, ''))`;
  }
  const column: Column = { id: ctx.ids.next('col'), name: names.take(r, 'gen'), type: choice.type, nullable: r.chance(70), generated: { expression }, ...maybeComment(r, 10) };
  return { column, choice, role: 'generated' };
}

function securityMarks(r: Rand, draft: ColumnDraft): void {
  if (!r.chance(12)) return;
  const name = builtinName(draft.choice);
  const c = draft.column;
  if (draft.role === 'plain' && (name === 'text' || name === 'varchar') && r.chance(60)) {
    const algorithm = r.pick(['argon2id', 'bcrypt', 'scrypt'] as const);
    c.security = r.chance(70)
      ? { passwordHash: { algorithm, ...(algorithm === 'bcrypt' && r.chance(50) ? { cost: r.int(10, 14) } : {}) } }
      : { secret: true };
  } else if (name === 'bytea') {
    c.security = { encrypted: true, ...(r.chance(50) && { personalData: true }) };
  } else {
    c.security = { personalData: true };
  }
}

/** keyColumns are the columns a PK, UNIQUE or FK may use: a btree opclass, not generated, not arrays. */
export function keyColumns(draft: TableDraft): ColumnDraft[] {
  return draft.columns.filter((d) => d.choice.key && d.role !== 'generated' && !d.column.type.array);
}

function checkExpressionFor(r: Rand, cols: readonly ColumnDraft[]): string {
  const d = r.pick(cols);
  const ref = q(d.column.name);
  const name = builtinName(d.choice);
  if (d.choice.integer || name === 'numeric' || name === 'real' || name === 'double precision') return r.pick([`(${ref} >= 0)`, `(${ref} BETWEEN -1000 AND 1000000)`]);
  if (d.choice.text) return `(char_length(${ref}) <= 1000)`;
  if (cols.length > 1 && r.chance(40)) {
    const other = r.pick(cols.filter((c) => c !== d));
    return `((${ref} IS NOT NULL) OR (${q(other.column.name)} IS NULL))`;
  }
  return r.chance(15) ? 'true' : `(${ref} IS NOT NULL)`;
}

function addChecks(ctx: BuildContext, draft: TableDraft, allowNoInherit: boolean): void {
  const { r } = ctx;
  const count = r.chance(40) ? r.int(1, 2) : 0;
  if (count === 0 || draft.columns.length === 0) return;
  draft.table.checks = Array.from({ length: count }, (): Check => ({
    id: ctx.ids.next('chk'), name: takeName(ctx, draft.table.schemaId, 'chk'),
    expression: checkExpressionFor(r, draft.columns),
    ...(allowNoInherit && r.chance(15) && { noInherit: true }),
    ...maybeComment(r, 15),
  }));
}

function addPrimaryKey(ctx: BuildContext, draft: TableDraft, required: readonly ColumnDraft[] = []): void {
  const { r } = ctx;
  const extra = keyColumns(draft).filter((d) => !required.includes(d));
  const chosen = [...required, ...r.some(extra, required.length > 0 ? 0 : 1, required.length > 0 ? 1 : 3)];
  if (chosen.length === 0) return;
  for (const d of chosen) d.column.nullable = false; // PRIMARY KEY forces NOT NULL; the model says so too
  draft.table.primaryKey = { id: ctx.ids.next('pk'), name: takeName(ctx, draft.table.schemaId, 'pk'), columnIds: chosen.map((d) => d.column.id), ...maybeComment(r, 15) };
}

function addUniques(ctx: BuildContext, draft: TableDraft, partitioned: readonly ColumnDraft[] | undefined): void {
  const { r } = ctx;
  if (!r.chance(40)) return;
  const candidates = keyColumns(draft).filter((d) => !partitioned?.includes(d));
  const uniques: Unique[] = [];
  for (let i = r.int(1, 2); i > 0; i--) {
    const cols = partitioned ? [...partitioned, ...r.some(candidates, 0, 1)] : r.some(candidates, 1, 2);
    if (cols.length === 0) continue;
    const u: Unique = { id: ctx.ids.next('uq'), name: takeName(ctx, draft.table.schemaId, 'uq'), columnIds: cols.map((d) => d.column.id), ...maybeComment(r, 15) };
    // Partitioned tables: no NULLS NOT DISTINCT or DEFERRABLE, to stay clear of version-specific limits.
    if (!partitioned && ctx.target >= 15 && r.chance(20)) u.nullsNotDistinct = true;
    if (!partitioned && r.chance(20)) { u.deferrable = true; if (r.chance(50)) u.initiallyDeferred = true; }
    uniques.push(u);
  }
  if (uniques.length > 0) draft.table.uniques = uniques;
}

function indexElement(r: Rand, d: ColumnDraft, method: IndexMethod, expressions: boolean): IndexElement {
  const ref = q(d.column.name);
  const name = builtinName(d.choice);
  if (method === 'btree' && expressions && r.chance(25) && (d.choice.text || d.choice.integer)) {
    return { expression: d.choice.text ? `lower(${ref})` : `(${ref} + 1)`, ...(r.chance(30) && { order: 'desc' as const }) };
  }
  const el: IndexElement = { columnId: d.column.id };
  if (method === 'btree') {
    if (r.chance(25)) el.order = r.pick(['asc', 'desc'] as const);
    if (r.chance(20)) el.nulls = r.pick(['first', 'last'] as const);
    if (name === 'text' && r.chance(20)) {
      if (r.chance(50)) el.collation = 'C'; else el.opclass = 'text_pattern_ops';
    }
  }
  if (method === 'gin' && name === 'jsonb' && r.chance(40)) el.opclass = 'jsonb_path_ops';
  if (method === 'gin' && d.choice.text) el.opclass = 'gin_trgm_ops';
  return el;
}

/** addIndexes adds up to three indexes, each with a method the column's type supports. */
function addIndexes(ctx: BuildContext, draft: TableDraft, full: boolean): void {
  const { r } = ctx;
  const count = r.chance(60) ? r.int(1, 3) : 0;
  const indexes: Index[] = draft.table.indexes ?? [];
  for (let i = 0; i < count; i++) {
    const methods: IndexMethod[] = full ? ['btree', 'btree', 'hash', 'gin', 'gist', 'brin', 'spgist'] : ['btree'];
    const method = r.pick(methods);
    const fits = draft.columns.filter((d) => {
      switch (method) {
        case 'btree': return d.choice.key;
        case 'hash': return d.choice.hash;
        case 'gin': return d.choice.gin || d.choice.text;
        case 'gist': return d.choice.gist;
        case 'brin': return d.choice.brin;
        case 'spgist': return d.choice.spgist;
      }
    });
    if (fits.length === 0) continue;
    const keyCols = method === 'btree' ? r.some(fits, 1, 3) : [r.pick(fits)];
    const index: Index = {
      id: ctx.ids.next('ix'), name: takeName(ctx, draft.table.schemaId, 'ix'),
      elements: keyCols.map((d) => indexElement(r, d, method, full)),
      ...maybeComment(r, 15),
    };
    if (method !== 'btree' || r.chance(30)) index.method = method;
    if (index.elements.some((e) => e.opclass === 'gin_trgm_ops')) ctx.usedExtensions.add('pg_trgm');
    if (method === 'btree' && full && r.chance(25)) {
      index.unique = true;
      if (ctx.target >= 15 && r.chance(20)) index.nullsNotDistinct = true;
    }
    // INCLUDE: btree and gist only (spgist needs 14+); columns not already keys.
    if ((method === 'btree' || method === 'gist') && r.chance(20)) {
      const rest = draft.columns.filter((d) => !keyCols.includes(d));
      const inc = r.some(rest, 1, 2);
      if (inc.length > 0) index.include = inc.map((d) => d.column.id);
    }
    if (r.chance(20)) index.where = `(${q(r.pick(draft.columns).column.name)} IS NOT NULL)`;
    indexes.push(index);
  }
  if (indexes.length > 0) draft.table.indexes = indexes;
}

function policyExpression(r: Rand, draft: TableDraft): string {
  const d = r.pick(draft.columns);
  return r.pick([
    'true',
    `(${q(d.column.name)} IS NOT NULL)`,
    "(current_setting('app.tenant_id', true) IS NOT NULL)",
    `((${q(d.column.name)})::text = current_setting('app.user_id', true))`,
    "((SELECT current_setting('app.role', true)) = 'admin')",
  ]);
}

function addRls(ctx: BuildContext, draft: TableDraft): void {
  const { r } = ctx;
  if (!r.chance(25) || draft.columns.length === 0) return;
  draft.table.rls = { enabled: r.chance(90), ...(r.chance(40) && { forced: true }) };
  if (!draft.table.rls.enabled) return;
  const names = new NamePool(ctx.hostile);
  const policies: Policy[] = [];
  for (let i = r.int(0, 2); i > 0; i--) {
    const command: PolicyCommand | undefined = r.chance(70) ? r.pick(['all', 'select', 'insert', 'update', 'delete'] as const) : undefined;
    const p: Policy = { id: ctx.ids.next('pol'), name: names.take(r, 'pol'), ...maybeComment(r, 15) };
    if (command) p.command = command;
    if (r.chance(25)) p.permissive = r.chance(30);
    const roles = r.some(ctx.policyRoles, 0, 2);
    if (roles.length > 0 || r.chance(20)) p.roles = roles;
    // INSERT takes only WITH CHECK; SELECT and DELETE only USING; ALL and UPDATE either or both.
    const effective = command ?? 'all';
    if (effective !== 'insert') p.using = policyExpression(r, draft);
    if (effective === 'insert' || ((effective === 'update' || effective === 'all') && r.chance(50))) p.withCheck = policyExpression(r, draft);
    policies.push(p);
  }
  if (policies.length > 0) draft.table.policies = policies;
}

function newTable(ctx: BuildContext, kind: TableDraft['kind']): TableDraft {
  const { r } = ctx;
  const schemaId = r.chance(60) ? ctx.schemaIds[0]! : r.pick(ctx.schemaIds);
  const table: Table = { id: ctx.ids.next('tbl'), schemaId, name: takeName(ctx, schemaId, 't'), columns: [], ...maybeComment(r, 25) };
  if (r.chance(15)) table.security = { audit: true };
  return { table, kind, columns: [], columnNames: new NamePool(ctx.hostile) };
}

function finishColumns(r: Rand, draft: TableDraft): void {
  for (const d of draft.columns) securityMarks(r, d);
  draft.table.columns = draft.columns.map((d) => d.column);
}

/** plainTable builds an ordinary table; foreign keys come later, once every table exists. */
export function plainTable(ctx: BuildContext): TableDraft {
  const { r } = ctx;
  const draft = newTable(ctx, 'plain');
  if (r.chance(60)) draft.columns.push(idColumn(ctx, draft.table, draft.columnNames));
  for (let i = r.int(1, 6); i > 0; i--) draft.columns.push(plainColumn(ctx, draft.columnNames, randomType(r, ctx)));
  if (ctx.standaloneSequences.length > 0 && r.chance(20)) {
    const choice = integerType(r);
    const seq = r.pick(ctx.standaloneSequences);
    draft.columns.push({ column: { id: ctx.ids.next('col'), name: draft.columnNames.take(r, 'n'), type: choice.type, nullable: r.chance(30), sequenceId: seq.id }, choice, role: 'serial' });
  }
  if (r.chance(30)) {
    const gen = generatedColumn(ctx, draft.columnNames, draft.columns);
    if (gen) draft.columns.push(gen);
  }
  if (r.chance(70)) addPrimaryKey(ctx, draft);
  addUniques(ctx, draft, undefined);
  addChecks(ctx, draft, true);
  addIndexes(ctx, draft, true);
  addRls(ctx, draft);
  finishColumns(r, draft);
  return draft;
}

const TEXT_LIST_VALUES = ['a', 'b', "it's", 'Ünï', 'with space', 'z'];

/**
 * partitionedTable builds a range, list or hash partitioned table and its partitions. Keys are
 * plain columns (or one expression for list); a PK/UNIQUE includes every key column, and there is
 * none with an expression key because PostgreSQL refuses that.
 */
export function partitionedTable(ctx: BuildContext): TableDraft[] {
  const { r } = ctx;
  const draft = newTable(ctx, 'partitioned');
  const strategy = r.pick(['range', 'list', 'hash'] as const);
  const keyType = strategy === 'range' ? r.pick(['integer', 'bigint', 'date', 'timestamptz'] as const)
    : strategy === 'list' ? r.pick(['integer', 'text'] as const) : r.pick(['integer', 'text', 'uuid'] as const);
  const keyDraft = plainColumn(ctx, draft.columnNames, namedType(keyType), false);
  delete keyDraft.column.default;
  draft.columns.push(keyDraft);
  for (let i = r.int(1, 4); i > 0; i--) draft.columns.push(plainColumn(ctx, draft.columnNames, randomType(r, ctx)));
  const expressionKey = strategy === 'list' && keyType === 'text' && r.chance(25);
  draft.table.partitionBy = { strategy, keys: [expressionKey ? { expression: `lower(${q(keyDraft.column.name)})` } : { columnId: keyDraft.column.id }] };
  if (!expressionKey) {
    if (r.chance(70)) addPrimaryKey(ctx, draft, [keyDraft]);
    addUniques(ctx, draft, [keyDraft]);
  }
  addChecks(ctx, draft, false);
  addIndexes(ctx, draft, false);
  addRls(ctx, draft);
  finishColumns(r, draft);

  const bounds = partitionBounds(r, strategy, keyType);
  const partitions = bounds.map((bound): TableDraft => {
    const part = newTable(ctx, 'partition');
    delete part.table.security;
    part.table.partitionOf = { parentId: draft.table.id, bound };
    return part;
  });
  return [draft, ...partitions];
}

function partitionBounds(r: Rand, strategy: 'range' | 'list' | 'hash', keyType: string): string[] {
  const count = r.int(1, 3);
  const bounds: string[] = [];
  if (strategy === 'hash') {
    const modulus = r.int(2, 4);
    for (let i = 0; i < Math.min(count, modulus); i++) bounds.push(`FOR VALUES WITH (MODULUS ${modulus}, REMAINDER ${i})`);
    return bounds;
  }
  if (strategy === 'list') {
    const values = keyType === 'text' ? TEXT_LIST_VALUES.map(quoteLiteral) : ['1', '2', '3', '4', '5', '6', '-7'];
    for (let i = 0; i < count; i++) bounds.push(`FOR VALUES IN (${values.slice(i * 2, i * 2 + 2).join(', ')})`);
  } else {
    const point = (n: number): string => {
      if (keyType === 'date') return `'2024-${String(n + 1).padStart(2, '0')}-01'`;
      if (keyType === 'timestamptz') return `'2024-${String(n + 1).padStart(2, '0')}-01 00:00:00+00'`;
      return String(n * 100);
    };
    const first = r.chance(20) ? 'MINVALUE' : point(0);
    for (let i = 0; i < count; i++) bounds.push(`FOR VALUES FROM (${i === 0 ? first : point(i)}) TO (${point(i + 1)})`);
  }
  if (r.chance(30)) bounds.push('DEFAULT');
  return bounds;
}
