/**
 * Foreign key rules: as many referencing as referenced columns; matching types (the same type; a
 * warning for different types of one category or custom types, which PostgreSQL may accept through
 * implicit casts; an error across categories or with enums); the
 * referenced columns are exactly a PRIMARY KEY, a non-deferrable UNIQUE or a plain unique index of
 * the target; SET NULL / SET DEFAULT actions that would fail on NOT NULL columns.
 */
import { BUILTIN_TYPES, type BuiltinTypeName } from '../builtin-types';
import type { Column, ColumnType, ForeignKey, Table } from '../schema';
import type { RuleContext } from './context';
import { deferrableRule } from './keys';
import { typeLabel } from './type-support';

function base(type: ColumnType): string {
  switch (type.kind) {
    case 'builtin': return type.name;
    case 'enum': return `enum:${type.enumId}`;
    case 'custom': return `custom:${type.sql.trim().toLowerCase().replace(/\s*\(.*$/, '')}`;
  }
}

function mods(type: ColumnType): string {
  return type.kind === 'builtin' ? `${type.length ?? ''}/${type.precision ?? ''}/${type.scale ?? ''}` : type.kind === 'custom' ? type.sql.trim().toLowerCase() : '';
}

function compareTypes(ctx: RuleContext, from: Column, to: Column, path: string, fk: ForeignKey): void {
  const label = (c: Column) => typeLabel(c.type, c.type.kind === 'enum' ? ctx.index.enums.get(c.type.enumId)?.name : undefined);
  // Built only when there is something to say: most pairs match and the labels cost more than the check.
  const pair = () => `${JSON.stringify(from.name)} (${label(from)}) and referenced column ${JSON.stringify(to.name)} (${label(to)})`;
  const a = base(from.type);
  const b = base(to.type);
  if (Boolean(from.type.array) !== Boolean(to.type.array)) {
    ctx.error('fk-type-mismatch', `foreign key column ${pair()} differ: one is an array`, path, fk.id);
  } else if (a === b) {
    if (mods(from.type) !== mods(to.type)) ctx.warn('fk-length-mismatch', `foreign key column ${pair()} have different lengths or precision`, path, fk.id);
  } else if (from.type.kind === 'enum' || to.type.kind === 'enum') {
    ctx.error('fk-type-mismatch', `foreign key column ${pair()} have incompatible types (an enum only equals itself)`, path, fk.id);
  } else if (from.type.kind === 'custom' || to.type.kind === 'custom' || category(from.type) === category(to.type)) {
    // PostgreSQL accepts many such pairs through implicit casts (integer -> bigint, varchar -> text, text -> citext).
    ctx.warn('fk-type-mismatch', `foreign key column ${pair()} have different types; PostgreSQL may accept this through a cast, but use the same type`, path, fk.id);
  } else {
    ctx.error('fk-type-mismatch', `foreign key column ${pair()} have incompatible types`, path, fk.id);
  }
}

function category(type: ColumnType): string | undefined {
  return type.kind === 'builtin' ? BUILTIN_TYPES[type.name as BuiltinTypeName]?.category : undefined;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** targetKey says how the referenced columns are unique in the target, or why they are not. */
function targetKey(target: Table, refColumnIds: readonly string[]): 'ok' | 'deferrable' | 'none' {
  if (target.primaryKey && sameSet(target.primaryKey.columnIds, refColumnIds)) return 'ok';
  let deferrable = false;
  for (const u of target.uniques ?? []) {
    if (!sameSet(u.columnIds, refColumnIds)) continue;
    if (!u.deferrable) return 'ok';
    deferrable = true;
  }
  for (const ix of target.indexes ?? []) {
    if (!ix.unique || ix.where !== undefined || (ix.method ?? 'btree') !== 'btree') continue;
    const cols = ix.elements.map((e) => e.columnId);
    if (cols.every((c) => c !== undefined) && sameSet(cols as string[], refColumnIds)) return 'ok';
  }
  return deferrable ? 'deferrable' : 'none';
}

function foreignKeyRules(ctx: RuleContext, t: Table, fk: ForeignKey, path: string): void {
  deferrableRule(ctx, fk, path, fk.id);
  const target = ctx.index.tables.get(fk.refTableId);
  if (fk.columnIds.length !== fk.refColumnIds.length) {
    ctx.error('fk-column-count', `foreign key has ${fk.columnIds.length} column${fk.columnIds.length === 1 ? '' : 's'} but references ${fk.refColumnIds.length}`, `${path}.refColumnIds`, fk.id);
  }
  if (!target) return;
  const from = fk.columnIds.map((id) => ctx.column(t, id));
  const to = fk.refColumnIds.map((id) => ctx.column(target, id));
  if (fk.columnIds.length === fk.refColumnIds.length) {
    from.forEach((f, k) => { const r = to[k]; if (f && r) compareTypes(ctx, f, r, `${path}.columnIds[${k}]`, fk); });
  }
  if (to.every((c) => c !== undefined)) {
    // A partition inherits its parent's keys.
    const root = ctx.index.partitionRoot(target);
    let key = targetKey(target, fk.refColumnIds);
    if (key !== 'ok' && root !== target) key = targetKey(root, fk.refColumnIds);
    const cols = to.map((c) => JSON.stringify(c!.name)).join(', ');
    if (key === 'deferrable') ctx.error('fk-target-not-unique', `the referenced columns (${cols}) are only covered by a DEFERRABLE unique constraint, which PostgreSQL cannot use for a foreign key`, `${path}.refColumnIds`, fk.id);
    if (key === 'none') ctx.error('fk-target-not-unique', `the referenced columns (${cols}) of table ${JSON.stringify(target.name)} are not exactly its primary key or a unique constraint`, `${path}.refColumnIds`, fk.id);
  }
  for (const [field, action] of [['onDelete', fk.onDelete], ['onUpdate', fk.onUpdate]] as const) {
    if (action === 'set null' && from.some((c) => c && !c.nullable)) {
      ctx.warn('fk-action-not-null', `${field} SET NULL on NOT NULL column(s) fails whenever it runs`, `${path}.${field}`, fk.id);
    }
    if (action === 'set default' && from.some((c) => c && !c.nullable && c.default === undefined && c.sequenceId === undefined)) {
      ctx.warn('fk-action-not-null', `${field} SET DEFAULT on a NOT NULL column without a default fails whenever it runs`, `${path}.${field}`, fk.id);
    }
  }
}

export function foreignKeyRulesAll(ctx: RuleContext): void {
  ctx.model.tables.forEach((t) => t.foreignKeys?.forEach((fk, j) => foreignKeyRules(ctx, t, fk, `${ctx.tablePath(t)}.foreignKeys[${j}]`)));
}
