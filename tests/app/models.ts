/**
 * Model fixtures for the app's tests and bench/api.ts: a valid model of n tables, each with a uuid
 * primary key, a few columns and a foreign key to the previous table, laid out on a grid.
 */
import type { Model, Table } from '@/lib/model';
import { PUBLIC_SCHEMA_ID } from '@/lib/model';

export function modelWithTables(n: number, name = `model of ${n} tables`): Model {
  const tables: Table[] = [];
  const layout: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < n; i++) {
    const id = `t${i}`;
    const table: Table = {
      id, schemaId: PUBLIC_SCHEMA_ID, name: `table_${i}`,
      columns: [
        { id: `${id}_id`, name: 'id', type: { kind: 'builtin', name: 'uuid' }, nullable: false, default: 'gen_random_uuid()' },
        { id: `${id}_name`, name: 'name', type: { kind: 'builtin', name: 'text' }, nullable: false },
        { id: `${id}_created`, name: 'created_at', type: { kind: 'builtin', name: 'timestamptz' }, nullable: false, default: 'now()' },
        { id: `${id}_amount`, name: 'amount', type: { kind: 'builtin', name: 'numeric', precision: 12, scale: 2 }, nullable: true },
        ...(i > 0 ? [{ id: `${id}_parent`, name: 'parent_id', type: { kind: 'builtin' as const, name: 'uuid' }, nullable: true }] : []),
      ],
      primaryKey: { id: `${id}_pk`, name: `table_${i}_pkey`, columnIds: [`${id}_id`] },
      checks: [{ id: `${id}_ck`, name: `table_${i}_amount_check`, expression: 'amount >= 0' }],
      ...(i > 0 ? {
        foreignKeys: [{ id: `${id}_fk`, name: `table_${i}_parent_id_fkey`, columnIds: [`${id}_parent`], refTableId: `t${i - 1}`, refColumnIds: [`t${i - 1}_id`], onDelete: 'cascade' as const }],
        indexes: [{ id: `${id}_ix`, name: `table_${i}_parent_id_idx`, elements: [{ columnId: `${id}_parent` }] }],
      } : {}),
    };
    tables.push(table);
    layout[id] = { x: (i % 20) * 300, y: Math.floor(i / 20) * 250 };
  }
  return { format: 1, name, schemas: [{ id: PUBLIC_SCHEMA_ID, name: 'public' }], tables, layout: { tables: layout } };
}
