/** foreign-key-without-index: the referencing columns of a foreign key need an index that leads with them. */
import type { Rule } from '../../types';
import { derivedId, editTable, fitName, freeName, relationNames } from '../../edit';

export const foreignKeyWithoutIndex: Rule = {
  id: 'foreign-key-without-index',
  severity: 'warning',
  title: 'Foreign key columns are not covered by an index',
  help: 'Create an index whose leading columns are the foreign key columns: deletes and updates of the referenced row otherwise scan this whole table, and joins are slow.',
  check(ctx) {
    return ctx.model.tables.flatMap((table) => (table.foreignKeys ?? []).flatMap((fk, i) => {
      const covered = ctx.keysOf(table).some((k) => !k.partial && k.method === 'btree' && fk.columnIds.every((id) => k.columnIds.slice(0, fk.columnIds.length).includes(id)));
      if (covered) return [];
      const names = fk.columnIds.map((id) => ctx.index.column(table, id)?.name ?? id);
      return [{
        target: { id: fk.id, path: `${ctx.tablePath(table)}.foreignKeys[${i}]` },
        message: `foreign key ${fk.name} on ${table.name} (${names.join(', ')}) has no index`,
        fix: {
          title: `Add an index on ${table.name} (${names.join(', ')})`,
          apply: (model) => editTable(model, table.id, (t, draft) => {
            const name = freeName(fitName(t.name, ...names, 'idx'), relationNames(draft, t.schemaId));
            (t.indexes ??= []).push({ id: derivedId('ix', fk.id, draft), name, elements: fk.columnIds.map((columnId) => ({ columnId })) });
          }),
        },
      }];
    }));
  },
};
