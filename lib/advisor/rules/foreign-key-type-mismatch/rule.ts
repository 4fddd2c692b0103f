/** foreign-key-type-mismatch: a foreign key column whose type differs from the referenced column's. */
import type { Column } from '@/lib/model';
import type { Rule, RuleHit } from '../../types';
import type { RuleContext } from '../../context';
import { editColumn } from '../../edit';

function typeKey(c: Column): string {
  const t = c.type;
  switch (t.kind) {
    case 'builtin': return `b:${t.name}:${t.length ?? ''}:${t.precision ?? ''}:${t.scale ?? ''}:${t.array ? 1 : 0}`;
    case 'enum': return `e:${t.enumId}:${t.array ? 1 : 0}`;
    case 'custom': return `c:${t.sql.trim().toLowerCase()}:${t.array ? 1 : 0}`;
  }
}

function describe(c: Column): string {
  const t = c.type;
  const base = t.kind === 'builtin' ? `${t.name}${t.length ? `(${t.length})` : t.precision !== undefined ? `(${t.precision}${t.scale !== undefined ? `,${t.scale}` : ''})` : ''}` : t.kind === 'enum' ? 'enum' : t.sql;
  return base + (t.array ? '[]' : '');
}

/** onlyInThisKey: changing the column's type is safe for other keys only when it takes part in no other foreign key. */
function onlyInThisKey(model: RuleContext['model'], columnId: string, fkId: string): boolean {
  return !model.tables.some((t) => (t.foreignKeys ?? []).some((k) => k.id !== fkId && (k.columnIds.includes(columnId) || k.refColumnIds.includes(columnId))));
}

export const foreignKeyTypeMismatch: Rule = {
  id: 'foreign-key-type-mismatch',
  severity: 'error',
  title: 'Foreign key column type differs from the referenced column',
  help: 'Give both sides the same type: integer -> bigint references overflow when the parent grows, and mismatched types force casts and can prevent index use.',
  check(ctx) {
    const hits: RuleHit[] = [];
    for (const table of ctx.model.tables) {
      for (const fk of table.foreignKeys ?? []) {
        const ref = ctx.index.tables.get(fk.refTableId);
        if (!ref) continue;
        fk.columnIds.forEach((id, n) => {
          const column = ctx.index.column(table, id);
          const target = ctx.index.column(ref, fk.refColumnIds[n] ?? '');
          if (!column || !target || typeKey(column) === typeKey(target)) return;
          const own = table.columns.includes(column);
          hits.push({
            target: own ? { id: column.id, path: ctx.columnPath(table, column) } : { id: table.id, path: ctx.tablePath(table) },
            detail: own ? fk.id : `${fk.id}:${column.id}`,
            message: `${table.name}.${column.name} is ${describe(column)} but references ${ref.name}.${target.name} of type ${describe(target)}`,
            ...(own && !column.generated && !column.identity && !column.sequenceId && onlyInThisKey(ctx.model, column.id, fk.id) ? {
              fix: { title: `Change the type to ${describe(target)}`, apply: (model) => editColumn(model, table.id, column.id, (c) => { c.type = structuredClone(target.type); delete c.default; delete c.collation; }) },
            } : {}),
          });
        });
      }
    }
    return hits;
  },
};
