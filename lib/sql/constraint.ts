/** DDL fragments for table constraints: primary key, unique, check and foreign key. */
import type { Check, ForeignKey, PrimaryKey, Table, Unique } from '@/lib/model';
import type { SqlNames } from './names';
import { quoteIdent } from './quote';
import { parenthesize } from './expression';
import { requireTarget } from './target';

export { tableConstraints, type ConstraintDef } from '@/lib/model/constraints';
import type { ConstraintDef } from '@/lib/model/constraints';

/**
 * inlineConstraints splits a new table's primary key, uniques and checks into those written inside
 * CREATE TABLE and those added after it. CREATE TABLE silently merges a unique constraint into an
 * earlier key with the same columns and options (PostgreSQL's transformIndexConstraints), losing its
 * name; ALTER TABLE ... ADD CONSTRAINT creates it as the model says.
 */
export function inlineConstraints(table: Table): { inline: ConstraintDef[]; later: ConstraintDef[] } {
  const inline: ConstraintDef[] = [];
  const later: ConstraintDef[] = [];
  if (table.primaryKey) inline.push({ type: 'primary-key', value: table.primaryKey });
  // In tableConstraints order; the key set is only needed when there are uniques to compare.
  if (table.uniques?.length) {
    const keys = new Set<string>();
    if (table.primaryKey) keys.add(keyOf(table.primaryKey.columnIds, {}));
    for (const value of table.uniques) {
      const def: ConstraintDef = { type: 'unique', value };
      const key = keyOf(value.columnIds, value);
      if (keys.has(key)) { later.push(def); continue; }
      keys.add(key);
      inline.push(def);
    }
  }
  for (const value of table.checks ?? []) inline.push({ type: 'check', value });
  return { inline, later };
}

function keyOf(columnIds: readonly string[], o: { nullsNotDistinct?: boolean; deferrable?: boolean; initiallyDeferred?: boolean }): string {
  return `${columnIds.join(',')}|${o.nullsNotDistinct ? 1 : 0}|${o.deferrable ? 1 : 0}|${o.deferrable && o.initiallyDeferred ? 1 : 0}`;
}

function deferrable(c: { deferrable?: boolean; initiallyDeferred?: boolean }): string {
  if (!c.deferrable) return '';
  return c.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}

const FK_ACTIONS = { 'no action': 'NO ACTION', restrict: 'RESTRICT', cascade: 'CASCADE', 'set null': 'SET NULL', 'set default': 'SET DEFAULT' } as const;

/** constraintBody renders the constraint after its name: `PRIMARY KEY (...)`, `CHECK (...)`, ... */
export function constraintBody(table: Table, def: ConstraintDef, names: SqlNames): string {
  switch (def.type) {
    case 'primary-key':
      return `PRIMARY KEY (${names.columns(table, def.value.columnIds)})`;
    case 'unique': {
      const u = def.value;
      if (u.nullsNotDistinct) requireTarget(names.target, 15, 'UNIQUE NULLS NOT DISTINCT', `constraint ${u.name} on ${table.name}`);
      return `UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${names.columns(table, u.columnIds)})${deferrable(u)}`;
    }
    case 'check':
      return `CHECK ${parenthesize(def.value.expression)}${def.value.noInherit ? ' NO INHERIT' : ''}`;
    case 'foreign-key': {
      const f = def.value;
      const columns = names.columns(table, f.columnIds);
      const target = names.tableObject(f.refTableId);
      let sql = `FOREIGN KEY (${columns}) REFERENCES ${names.table(target)} (${names.columns(target, f.refColumnIds)})`;
      if (f.match === 'full') sql += ' MATCH FULL';
      if (f.onDelete && f.onDelete !== 'no action') sql += ` ON DELETE ${FK_ACTIONS[f.onDelete]}`;
      if (f.onUpdate && f.onUpdate !== 'no action') sql += ` ON UPDATE ${FK_ACTIONS[f.onUpdate]}`;
      return sql + deferrable(f);
    }
    default:
      throw new Error(`unknown constraint type ${(def as { type: string }).type}`);
  }
}

export function constraintClause(table: Table, def: ConstraintDef, names: SqlNames): string {
  return `CONSTRAINT ${quoteIdent(def.value.name)} ${constraintBody(table, def, names)}`;
}

export function addConstraint(table: Table, def: ConstraintDef, names: SqlNames): string {
  return `ALTER TABLE ${names.table(table)} ADD ${constraintClause(table, def, names)}`;
}

export function dropConstraint(table: Table, name: string, names: SqlNames): string {
  return `ALTER TABLE ${names.table(table)} DROP CONSTRAINT ${quoteIdent(name)}`;
}

export function renameConstraint(table: Table, from: string, to: string, names: SqlNames): string {
  return `ALTER TABLE ${names.table(table)} RENAME CONSTRAINT ${quoteIdent(from)} TO ${quoteIdent(to)}`;
}
