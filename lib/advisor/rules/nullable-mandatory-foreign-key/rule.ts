/** nullable-mandatory-foreign-key: a nullable foreign key column whose name says the relation is mandatory. */
import type { Rule } from '../../types';
import { words } from '../../context';
import { editColumn } from '../../edit';

const MANDATORY = new Set(['owner', 'tenant', 'organization', 'organisation', 'org', 'account', 'author', 'creator', 'user', 'customer', 'order', 'workspace', 'project']);
const OPTIONAL = new Set(['parent', 'optional', 'previous', 'next', 'replaced', 'deleted', 'approved', 'last', 'manager', 'referrer', 'invited']);

export function mandatoryByName(name: string): boolean {
  const w = words(name);
  if (w.some((x) => OPTIONAL.has(x))) return false;
  const stem = w[w.length - 1] === 'id' ? w.slice(0, -1) : w;
  return stem.length > 0 && (MANDATORY.has(stem[stem.length - 1]!) || stem.join('_') === 'created_by');
}

export const nullableMandatoryForeignKey: Rule = {
  id: 'nullable-mandatory-foreign-key',
  severity: 'warning',
  title: 'Nullable foreign key column where the relation is mandatory by name',
  help: 'Make the column NOT NULL: a row without its owner/tenant/account is an orphan the foreign key cannot catch, and RLS policies comparing it never match.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => (table.foreignKeys ?? []).flatMap((fk) => fk.columnIds.flatMap((id) => {
      const column = table.columns.find((c) => c.id === id);
      // ON DELETE/UPDATE SET NULL declares the relation optional: the NULL is the design, not an oversight.
      if (!column || !column.nullable || !mandatoryByName(column.name) || fk.onDelete === 'set null' || fk.onUpdate === 'set null') return [];
      return [{
        target: { id: column.id, path: ctx.columnPath(table, column) },
        detail: fk.id,
        message: `${table.name}.${column.name} references ${ctx.index.tables.get(fk.refTableId)?.name ?? '?'} but may be NULL`,
        fix: { title: 'Make NOT NULL', apply: (model) => editColumn(model, table.id, column.id, (c) => { c.nullable = false; }) },
      }];
    })));
  },
};
