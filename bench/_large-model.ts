/**
 * largeModel(n) builds a deterministic model of n tables for benchmarks: ~10 columns, ~1.5 foreign keys
 * and ~1 index per table, with defaults, a check on every fifth table and comments on some, so every
 * generator does representative work. A fixed linear congruential generator keeps it reproducible.
 */
import { emptyModel, type Column, type Model, type Table } from '@/lib/model';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function largeModel(tables: number, seed = 42): Model {
  const rnd = lcg(seed);
  const model = emptyModel(`bench-${tables}`);
  for (let i = 0; i < tables; i++) {
    const id = `t${i}`;
    const c = (n: number) => `${id}_c${n}`;
    const columns: Column[] = [
      { id: c(0), name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'by-default' } },
      { id: c(1), name: 'name', type: { kind: 'builtin', name: 'text' }, nullable: false },
      { id: c(2), name: 'code', type: { kind: 'builtin', name: 'varchar', length: 64 }, nullable: true },
      { id: c(3), name: 'amount', type: { kind: 'builtin', name: 'numeric', precision: 12, scale: 2 }, nullable: false, default: '0' },
      { id: c(4), name: 'active', type: { kind: 'builtin', name: 'boolean' }, nullable: false, default: 'true' },
      { id: c(5), name: 'data', type: { kind: 'builtin', name: 'jsonb' }, nullable: true },
      { id: c(6), name: 'created_at', type: { kind: 'builtin', name: 'timestamptz' }, nullable: false, default: 'now()' },
      { id: c(7), name: 'tags', type: { kind: 'builtin', name: 'text', array: true }, nullable: true },
    ];
    const table: Table = {
      id, schemaId: 'schema_public', name: `table_${i}`, columns,
      primaryKey: { id: `${id}_pk`, name: `table_${i}_pkey`, columnIds: [c(0)] },
      foreignKeys: [], indexes: [],
      ...(i % 4 === 0 ? { comment: `Table number ${i}` } : {}),
    };
    // 1 or 2 foreign keys (1.5 on average) to earlier tables; the first table has none.
    const fkCount = i === 0 ? 0 : i % 2 === 0 ? 2 : 1;
    for (let k = 0; k < fkCount; k++) {
      const target = Math.floor(rnd() * i);
      const colId = c(8 + k);
      columns.push({ id: colId, name: `ref_${k}_id`, type: { kind: 'builtin', name: 'bigint' }, nullable: k > 0 });
      table.foreignKeys!.push({ id: `${id}_fk${k}`, name: `table_${i}_ref_${k}_fkey`, columnIds: [colId], refTableId: `t${target}`, refColumnIds: [`t${target}_c0`], onDelete: k === 0 ? 'cascade' : 'set null' });
    }
    while (columns.length < 10) columns.push({ id: c(columns.length), name: `extra_${columns.length}`, type: { kind: 'builtin', name: 'integer' }, nullable: true });
    table.indexes!.push(fkCount > 0
      ? { id: `${id}_ix`, name: `table_${i}_ref_idx`, elements: [{ columnId: c(8) }] }
      : { id: `${id}_ix`, name: `table_${i}_name_idx`, elements: [{ columnId: c(1) }], unique: true });
    if (i % 5 === 0) table.checks = [{ id: `${id}_ck`, name: `table_${i}_amount_check`, expression: 'amount >= 0' }];
    model.tables.push(table);
  }
  return model;
}
