/**
 * Index rules, per access method as PostgreSQL enforces them: UNIQUE only for btree; hash takes one
 * column; ASC/DESC and NULLS FIRST/LAST only for btree; INCLUDE for btree, gist and (from 14) spgist;
 * NULLS NOT DISTINCT needs UNIQUE and 15; a column's type needs a default operator class for the
 * method unless an opclass is given; a unique index on a partitioned table includes the keys.
 */
import type { Index, Table } from '../schema';
import type { RuleContext } from './context';
import { checkPartitionKeys } from './keys';
import { defaultOpclassFor, typeLabel } from './type-support';

const TRGM_OPCLASSES: ReadonlySet<string> = new Set(['gin_trgm_ops', 'gist_trgm_ops']);

function indexRules(ctx: RuleContext, t: Table, ix: Index, path: string): void {
  const method = ix.method ?? 'btree';
  const bad = (field: string, message: string) => ctx.error('index-method', message, field === '' ? path : `${path}.${field}`, ix.id);
  if (ix.unique && method !== 'btree') bad('unique', `access method ${method} does not support unique indexes`);
  if (method === 'hash' && ix.elements.length > 1) bad('elements', 'access method hash does not support multicolumn indexes');
  if (ix.nullsNotDistinct && !ix.unique) bad('nullsNotDistinct', 'NULLS NOT DISTINCT applies only to unique indexes');
  if (ix.nullsNotDistinct && ctx.target < 15) ctx.error('version-feature', `NULLS NOT DISTINCT needs PostgreSQL 15 (target is ${ctx.target})`, `${path}.nullsNotDistinct`, ix.id);
  if (ix.include && ix.include.length > 0) {
    if (method === 'spgist' && ctx.target < 14) ctx.error('version-feature', `INCLUDE on spgist indexes needs PostgreSQL 14 (target is ${ctx.target})`, `${path}.include`, ix.id);
    else if (method !== 'btree' && method !== 'gist' && method !== 'spgist') bad('include', `access method ${method} does not support INCLUDE columns`);
  }
  const extensions = new Set((ctx.model.extensions ?? []).map((e) => e.name));
  ix.elements.forEach((el, k) => {
    const epath = `${path}.elements[${k}]`;
    if ((el.columnId === undefined) === (el.expression === undefined)) {
      ctx.error('index-element', 'an index element has exactly one of "columnId" and "expression"', epath, ix.id);
    }
    if (method !== 'btree' && (el.order !== undefined || el.nulls !== undefined)) {
      ctx.error('index-method', `access method ${method} does not support ASC/DESC or NULLS FIRST/LAST`, epath, ix.id);
    }
    if (el.opclass !== undefined && TRGM_OPCLASSES.has(el.opclass) && !extensions.has('pg_trgm')) {
      ctx.warn('index-opclass', `operator class ${el.opclass} comes from the extension pg_trgm, which the model does not list in "extensions"`, `${epath}.opclass`, ix.id);
    }
    // btree_gist / btree_gin / intarray add default gist and gin classes for many builtin types.
    const extended = (method === 'gist' && (extensions.has('btree_gist') || extensions.has('intarray'))) || (method === 'gin' && extensions.has('btree_gin'));
    if (el.columnId !== undefined && el.opclass === undefined && !extended) {
      const column = ctx.column(t, el.columnId);
      if (column && defaultOpclassFor(column.type, method) === false) {
        ctx.error('index-opclass', `type ${typeLabel(column.type)} of column ${JSON.stringify(column.name)} has no default operator class for access method ${method}`, `${epath}.columnId`, ix.id);
      }
    }
  });
  if (ix.unique) {
    const columnIds = ix.elements.map((e) => e.columnId).filter((c) => c !== undefined);
    checkPartitionKeys(ctx, t, columnIds, path, ix.id, 'a unique index');
  }
}

export function indexRulesAll(ctx: RuleContext): void {
  ctx.model.tables.forEach((t) => t.indexes?.forEach((ix, j) => indexRules(ctx, t, ix, `${ctx.tablePath(t)}.indexes[${j}]`)));
}
