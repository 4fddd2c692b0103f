/**
 * Key rules: PRIMARY KEY columns are NOT NULL in the model (PostgreSQL would silently make them so),
 * key columns have a btree operator class, NULLS NOT DISTINCT needs 15, INITIALLY DEFERRED needs
 * DEFERRABLE (PostgreSQL would silently add it), and on a partitioned table every PRIMARY KEY and
 * UNIQUE includes all partition key columns (and there are none with expression keys).
 */
import type { Table } from '../schema';
import type { RuleContext } from './context';
import { hasBtree, typeLabel } from './type-support';

function keyTypes(ctx: RuleContext, t: Table, columnIds: readonly string[], path: string, id: string, what: string): void {
  columnIds.forEach((columnId, k) => {
    const column = ctx.column(t, columnId);
    if (column && !hasBtree(column.type)) {
      ctx.error('key-type', `${what} column ${JSON.stringify(column.name)} has type ${typeLabel(column.type)}, which has no btree operator class (no equality for keys)`, `${path}.columnIds[${k}]`, id);
    }
  });
}

/** checkPartitionKeys reports a unique constraint or index on a partitioned table that lacks key columns. */
export function checkPartitionKeys(ctx: RuleContext, t: Table, columnIds: readonly string[], path: string, id: string, what: string): void {
  if (!t.partitionBy) return;
  if (t.partitionBy.keys.some((k) => k.columnId === undefined)) {
    ctx.error('partition-key-not-in-unique', `${what} is not possible on a table partitioned by an expression`, path, id);
    return;
  }
  for (const key of t.partitionBy.keys) {
    if (key.columnId !== undefined && !columnIds.includes(key.columnId)) {
      const name = ctx.column(t, key.columnId)?.name ?? key.columnId;
      ctx.error('partition-key-not-in-unique', `${what} on a partitioned table must include the partition key column ${JSON.stringify(name)}`, path, id);
    }
  }
}

export function deferrableRule(ctx: RuleContext, c: { deferrable?: boolean; initiallyDeferred?: boolean }, path: string, id: string): void {
  if (c.initiallyDeferred && !c.deferrable) {
    ctx.error('deferrable-missing', 'INITIALLY DEFERRED makes the constraint DEFERRABLE; set "deferrable": true', `${path}.initiallyDeferred`, id);
  }
}

export function keyRules(ctx: RuleContext): void {
  ctx.model.tables.forEach((t) => {
    const path = ctx.tablePath(t);
    const pk = t.primaryKey;
    if (pk) {
      const ppath = `${path}.primaryKey`;
      pk.columnIds.forEach((columnId, k) => {
        const column = ctx.column(t, columnId);
        if (column?.nullable) {
          ctx.error('key-nullable', `primary key column ${JSON.stringify(column.name)} is nullable; PostgreSQL makes primary key columns NOT NULL, so set "nullable": false`, `${ppath}.columnIds[${k}]`, pk.id);
        }
      });
      keyTypes(ctx, t, pk.columnIds, ppath, pk.id, 'primary key');
      checkPartitionKeys(ctx, t, pk.columnIds, ppath, pk.id, 'a primary key');
    }
    t.uniques?.forEach((u, j) => {
      const upath = `${path}.uniques[${j}]`;
      keyTypes(ctx, t, u.columnIds, upath, u.id, 'unique');
      if (u.nullsNotDistinct && ctx.target < 15) ctx.error('version-feature', `NULLS NOT DISTINCT needs PostgreSQL 15 (target is ${ctx.target})`, `${upath}.nullsNotDistinct`, u.id);
      deferrableRule(ctx, u, upath, u.id);
      checkPartitionKeys(ctx, t, u.columnIds, upath, u.id, 'a unique constraint');
    });
  });
}
