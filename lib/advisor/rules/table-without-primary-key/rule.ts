/** table-without-primary-key: every table needs a primary key (replication, ORMs, updates by key). */
import type { Rule } from '../../types';
import { derivedId, editTable, freeName, constraintNames, relationNames } from '../../edit';

export const tableWithoutPrimaryKey: Rule = {
  id: 'table-without-primary-key',
  severity: 'warning',
  title: 'Table has no primary key',
  help: 'Add a primary key: a bigint identity column (or uuid) named id. Logical replication, most ORMs and row-level updates need one.',
  check(ctx) {
    return ctx.model.tables.filter((t) => !t.primaryKey && !t.partitionOf).map((table) => {
      const hasId = table.columns.some((c) => c.name === 'id');
      return {
        target: { id: table.id, path: ctx.tablePath(table) },
        message: `table ${table.name} has no primary key`,
        ...(hasId || table.partitionBy ? {} : {
          fix: {
            title: 'Add an id bigint identity primary key',
            apply: (model) => editTable(model, table.id, (t, draft) => {
              const columnId = derivedId('col_id', t.id, draft);
              t.columns.unshift({ id: columnId, name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'always' } });
              const taken = new Set([...constraintNames(t), ...relationNames(draft, t.schemaId)]);
              t.primaryKey = { id: derivedId('pk', t.id, draft), name: freeName(`${t.name}_pkey`, taken), columnIds: [columnId] };
            }),
          },
        }),
      };
    });
  },
};
