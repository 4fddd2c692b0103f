/**
 * Models for tests, the e2e fixture project and the canvas benchmark: a small shop schema and a
 * generated model of N tables x M columns with about R foreign keys per table.
 */
import { FORMAT_VERSION } from '@/lib/model/schema';
import { PUBLIC_SCHEMA_ID } from '@/lib/model/empty';
import type { Model, Table } from '@/lib/model';

export function shopModel(): Model {
  return {
    format: FORMAT_VERSION,
    schemas: [{ id: PUBLIC_SCHEMA_ID, name: 'public' }, { id: 'sch_app', name: 'app' }],
    enums: [{ id: 'enum_status', schemaId: PUBLIC_SCHEMA_ID, name: 'order_status', values: ['new', 'paid', 'shipped'] }],
    tables: [
      {
        id: 'tbl_users', schemaId: PUBLIC_SCHEMA_ID, name: 'users',
        columns: [
          { id: 'col_users_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'always' } },
          { id: 'col_users_email', name: 'email', type: { kind: 'builtin', name: 'text' }, nullable: false },
          { id: 'col_users_pw', name: 'password_hash', type: { kind: 'builtin', name: 'text' }, nullable: false, security: { passwordHash: { algorithm: 'argon2id' } } },
        ],
        primaryKey: { id: 'pk_users', name: 'users_pkey', columnIds: ['col_users_id'] },
        uniques: [{ id: 'uq_users_email', name: 'users_email_key', columnIds: ['col_users_email'] }],
      },
      {
        id: 'tbl_orders', schemaId: PUBLIC_SCHEMA_ID, name: 'orders',
        columns: [
          { id: 'col_orders_id', name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'always' } },
          { id: 'col_orders_user', name: 'user_id', type: { kind: 'builtin', name: 'bigint' }, nullable: false },
          { id: 'col_orders_status', name: 'status', type: { kind: 'enum', enumId: 'enum_status' }, nullable: false, default: "'new'" },
          { id: 'col_orders_total', name: 'total', type: { kind: 'builtin', name: 'numeric', precision: 12, scale: 2 }, nullable: true },
          { id: 'col_orders_created', name: 'created_at', type: { kind: 'builtin', name: 'timestamptz' }, nullable: false, default: 'now()' },
        ],
        primaryKey: { id: 'pk_orders', name: 'orders_pkey', columnIds: ['col_orders_id'] },
        foreignKeys: [{ id: 'fk_orders_user', name: 'orders_user_id_fkey', columnIds: ['col_orders_user'], refTableId: 'tbl_users', refColumnIds: ['col_users_id'], onDelete: 'cascade' }],
        indexes: [{ id: 'idx_orders_user', name: 'orders_user_id_idx', elements: [{ columnId: 'col_orders_user' }] }],
        checks: [{ id: 'chk_orders_total', name: 'orders_total_check', expression: 'total >= 0' }],
      },
      {
        id: 'tbl_audit', schemaId: 'sch_app', name: 'audit_log',
        columns: [
          { id: 'col_audit_id', name: 'id', type: { kind: 'builtin', name: 'uuid' }, nullable: false, default: 'gen_random_uuid()' },
          { id: 'col_audit_actor', name: 'actor_id', type: { kind: 'builtin', name: 'bigint' }, nullable: true },
          { id: 'col_audit_parent', name: 'parent_id', type: { kind: 'builtin', name: 'uuid' }, nullable: true },
        ],
        primaryKey: { id: 'pk_audit', name: 'audit_log_pkey', columnIds: ['col_audit_id'] },
        foreignKeys: [
          { id: 'fk_audit_actor', name: 'audit_log_actor_id_fkey', columnIds: ['col_audit_actor'], refTableId: 'tbl_users', refColumnIds: ['col_users_id'], onDelete: 'set null' },
          { id: 'fk_audit_parent', name: 'audit_log_parent_id_fkey', columnIds: ['col_audit_parent'], refTableId: 'tbl_audit', refColumnIds: ['col_audit_id'] },
        ],
      },
    ],
    layout: {
      tables: { tbl_users: { x: 0, y: 0 }, tbl_orders: { x: 360, y: 0, color: '#f59e0b' }, tbl_audit: { x: 0, y: 320 } },
      notes: [{ id: 'note_1', x: 720, y: 0, text: 'Orders are never deleted.' }],
    },
  };
}

/** generatedModel: `tables` tables of `columns` columns; table i references ~`relations` earlier tables. */
export function generatedModel(tables: number, columns = 10, relations = 1.5, seed = 1): Model {
  let s = seed;
  const rand = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
  const types = ['text', 'integer', 'boolean', 'timestamptz', 'numeric', 'jsonb', 'uuid', 'date'] as const;
  const out: Table[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  const perRow = Math.ceil(Math.sqrt(tables));
  let fkBudget = 0;
  for (let i = 0; i < tables; i++) {
    const id = `t${i}`;
    const name = `table_${i}`;
    const cols: Table['columns'] = [{ id: `${id}_c0`, name: 'id', type: { kind: 'builtin', name: 'bigint' }, nullable: false, identity: { generation: 'by-default' } }];
    const fks: NonNullable<Table['foreignKeys']> = [];
    fkBudget += relations;
    for (let c = 1; c < columns; c++) {
      const colId = `${id}_c${c}`;
      if (i > 0 && fkBudget >= 1 && c <= 3) {
        fkBudget -= 1;
        const ref = Math.floor(rand() * i);
        cols.push({ id: colId, name: `table_${ref}_id_${c}`, type: { kind: 'builtin', name: 'bigint' }, nullable: rand() < 0.5 });
        fks.push({ id: `${id}_fk${c}`, name: `${name}_table_${ref}_id_${c}_fkey`, columnIds: [colId], refTableId: `t${ref}`, refColumnIds: [`t${ref}_c0`] });
      } else {
        cols.push({ id: colId, name: `col_${c}`, type: { kind: 'builtin', name: types[c % types.length]! }, nullable: c % 3 !== 0 });
      }
    }
    out.push({ id, schemaId: PUBLIC_SCHEMA_ID, name, columns: cols, primaryKey: { id: `${id}_pk`, name: `${name}_pkey`, columnIds: [`${id}_c0`] }, ...(fks.length ? { foreignKeys: fks } : {}) });
    positions[id] = { x: (i % perRow) * 340, y: Math.floor(i / perRow) * 380 };
  }
  return { format: FORMAT_VERSION, schemas: [{ id: PUBLIC_SCHEMA_ID, name: 'public' }], tables: out, layout: { tables: positions } };
}
