import { describe, expect, it } from 'vitest';
import type { Model } from '@/lib/model';
import { areaContents, runCommand, type Command, copyTables, parseClipboard } from '../commands';
import { shopModel } from '../fixtures';
import { danglingReferences, duplicateNames } from './integrity';

function run(model: Model, cmd: Command): Model {
  const r = runCommand(model, cmd);
  if (!r.ok) throw new Error(`${cmd.type} refused: ${r.error.message}`);
  expect(danglingReferences(r.model)).toEqual([]);
  expect(duplicateNames(r.model)).toEqual([]);
  return r.model;
}
const table = (m: Model, name: string) => m.tables.find((t) => t.name === name)!;

describe('table commands', () => {
  it('addTable makes a named table with an identity primary key and a position', () => {
    const m = run(shopModel(), { type: 'addTable', tableId: 'tbl_new', position: { x: 10, y: 20 } });
    const t = table(m, 'new_table');
    expect(t.columns).toMatchObject([{ name: 'id', nullable: false, identity: { generation: 'always' } }]);
    expect(t.primaryKey).toMatchObject({ name: 'new_table_pkey', columnIds: [t.columns[0]!.id] });
    expect(m.layout?.tables?.tbl_new).toEqual({ x: 10, y: 20 });
    const again = run(m, { type: 'addTable' });
    expect(again.tables.map((x) => x.name)).toContain('new_table_2');
    expect(table(again, 'new_table_2').primaryKey?.name).toBe('new_table_2_pkey');
  });

  it('renameTable carries generated constraint names along and keeps them unique', () => {
    let m = run(shopModel(), { type: 'addTable', tableId: 'tbl_n' });
    for (const name of ['c', 'cu', 'customers']) m = run(m, { type: 'renameTable', tableId: 'tbl_n', name });
    expect(table(m, 'customers').primaryKey!.name).toBe('customers_pkey');
    m = run(m, { type: 'renameTable', tableId: 'tbl_orders', name: 'sales' });
    const sales = table(m, 'sales');
    expect(sales.primaryKey!.name).toBe('sales_pkey');
    expect(sales.foreignKeys![0]!.name).toBe('sales_user_id_fkey');
    expect(sales.indexes![0]!.name).toBe('sales_user_id_idx');
    m = run(m, { type: 'renameTable', tableId: 'tbl_n', name: 'sales_2' });
    expect(table(m, 'sales_2').primaryKey!.name).toBe('sales_2_pkey');
  });

  it('deleteTables removes the foreign keys that point at the table and its layout', () => {
    const m = run(shopModel(), { type: 'deleteTables', tableIds: ['tbl_users'] });
    expect(m.tables.map((t) => t.name)).toEqual(['orders', 'audit_log']);
    expect(table(m, 'orders').foreignKeys).toBeUndefined();
    expect(table(m, 'audit_log').foreignKeys?.map((f) => f.name)).toEqual(['audit_log_parent_id_fkey']);
    expect(m.layout?.tables?.tbl_users).toBeUndefined();
  });

  it('deleteTables takes partitions and owned sequences with the parent', () => {
    let m = shopModel();
    m = { ...m, sequences: [{ id: 'seq1', schemaId: 'schema_public', name: 'users_n_seq', ownedBy: { tableId: 'tbl_users', columnId: 'col_users_id' } }] };
    m = run(m, { type: 'addTable', tableId: 'tbl_p', name: 'users_2024', empty: true });
    m = run(m, { type: 'updateTable', tableId: 'tbl_p', patch: { partitionOf: { parentId: 'tbl_users', bound: 'DEFAULT' } } });
    m = run(m, { type: 'deleteTables', tableIds: ['tbl_users'] });
    expect(m.tables.some((t) => t.id === 'tbl_p')).toBe(false);
    expect(m.sequences).toBeUndefined();
  });

  it('moveTables rounds positions and refuses unknown tables', () => {
    const m = run(shopModel(), { type: 'moveTables', positions: { tbl_users: { x: 10.4, y: -3.6 } } });
    expect(m.layout?.tables?.tbl_users).toEqual({ x: 10, y: -4 });
    expect(runCommand(m, { type: 'moveTables', positions: { nope: { x: 0, y: 0 } } }).ok).toBe(false);
  });

  it('duplicateTables copies with fresh ids, free names and internal foreign keys re-targeted', () => {
    const m0 = shopModel();
    const m = run(m0, { type: 'duplicateTables', tableIds: ['tbl_audit'] });
    const copy = m.tables[m.tables.length - 1]!;
    expect(copy.name).toBe('audit_log_2');
    expect(copy.id).not.toBe('tbl_audit');
    const self = copy.foreignKeys!.find((f) => f.name.includes('parent'))!;
    expect(self.refTableId).toBe(copy.id);
    const actor = copy.foreignKeys!.find((f) => f.name.includes('actor'))!;
    expect(actor.refTableId).toBe('tbl_users');
    expect(copy.primaryKey?.name).toBe('audit_log_2_pkey');
  });

  it('paste into another project brings enums and schemas by name and drops foreign keys to missing tables', () => {
    const payload = parseClipboard(JSON.stringify(copyTables(shopModel(), ['tbl_orders'])))!;
    const empty: Model = { format: 1, schemas: [{ id: 'p', name: 'public' }], tables: [] };
    const m = run(empty, { type: 'pasteTables', payload });
    const orders = table(m, 'orders');
    expect(orders.foreignKeys).toBeUndefined();
    expect(m.enums?.map((e) => e.name)).toEqual(['order_status']);
    expect(orders.columns.find((c) => c.name === 'status')!.type).toEqual({ kind: 'enum', enumId: m.enums![0]!.id });
    expect(parseClipboard('<b>not ours</b>')).toBeUndefined();
  });
});

describe('column commands', () => {
  it('renameColumn keeps the id so every reference follows', () => {
    const m = run(shopModel(), { type: 'renameColumn', tableId: 'tbl_users', columnId: 'col_users_id', name: 'user_id' });
    expect(table(m, 'users').columns[0]).toMatchObject({ id: 'col_users_id', name: 'user_id' });
    expect(table(m, 'orders').foreignKeys![0]!.refColumnIds).toEqual(['col_users_id']);
  });

  it('deleteColumn drops constraints, indexes and foreign keys that use it (in any table)', () => {
    let m = run(shopModel(), { type: 'deleteColumn', tableId: 'tbl_orders', columnId: 'col_orders_user' });
    const orders = table(m, 'orders');
    expect(orders.foreignKeys).toBeUndefined();
    expect(orders.indexes).toBeUndefined();
    m = run(m, { type: 'deleteColumn', tableId: 'tbl_users', columnId: 'col_users_id' });
    expect(table(m, 'users').primaryKey).toBeUndefined();
    expect(table(m, 'audit_log').foreignKeys!.map((f) => f.name)).toEqual(['audit_log_parent_id_fkey']);
  });

  it('reorderColumns needs a permutation; moveColumn clamps', () => {
    const m0 = shopModel();
    expect(runCommand(m0, { type: 'reorderColumns', tableId: 'tbl_users', columnIds: ['col_users_id'] }).ok).toBe(false);
    const m = run(m0, { type: 'moveColumn', tableId: 'tbl_users', columnId: 'col_users_id', delta: 5 });
    expect(table(m, 'users').columns.map((c) => c.name)).toEqual(['email', 'password_hash', 'id']);
  });

  it('primary key columns become NOT NULL and stay so', () => {
    let m = run(shopModel(), { type: 'togglePrimaryKeyColumn', tableId: 'tbl_orders', columnId: 'col_orders_total' });
    const orders = table(m, 'orders');
    expect(orders.primaryKey!.columnIds).toEqual(['col_orders_id', 'col_orders_total']);
    expect(orders.columns[3]!.nullable).toBe(false);
    m = run(m, { type: 'updateColumn', tableId: 'tbl_orders', columnId: 'col_orders_total', patch: { nullable: true } });
    expect(table(m, 'orders').columns[3]!.nullable).toBe(false);
  });

  it('identity and default exclude each other', () => {
    const m = run(shopModel(), { type: 'updateColumn', tableId: 'tbl_audit', columnId: 'col_audit_actor', patch: { default: '0' } });
    const m2 = run(m, { type: 'updateColumn', tableId: 'tbl_audit', columnId: 'col_audit_actor', patch: { identity: { generation: 'by-default' } } });
    expect(table(m2, 'audit_log').columns[1]!.default).toBeUndefined();
  });
});

describe('relations', () => {
  it('connectColumns references the key side whichever way the drag went', () => {
    const base = run(shopModel(), { type: 'deletePart', tableId: 'tbl_orders', kind: 'foreignKeys', id: 'fk_orders_user' });
    for (const [a, b] of [['col_orders_user', 'col_users_id'], ['col_users_id', 'col_orders_user']] as const) {
      const [ta, tb] = a === 'col_orders_user' ? ['tbl_orders', 'tbl_users'] : ['tbl_users', 'tbl_orders'];
      const m = run(base, { type: 'connectColumns', sourceTableId: ta, sourceColumnId: a, targetTableId: tb, targetColumnId: b });
      expect(table(m, 'orders').foreignKeys).toMatchObject([{ name: 'orders_user_id_fkey', columnIds: ['col_orders_user'], refTableId: 'tbl_users' }]);
    }
  });

  it('refuses mismatched types and non-key targets with a reason', () => {
    const m = shopModel();
    const r = runCommand(m, { type: 'connectColumns', sourceTableId: 'tbl_orders', sourceColumnId: 'col_orders_total', targetTableId: 'tbl_users', targetColumnId: 'col_users_id' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('total is numeric(12,2) but id is bigint: the types differ');
    const r2 = runCommand(m, { type: 'connectColumns', sourceTableId: 'tbl_orders', sourceColumnId: 'col_orders_status', targetTableId: 'tbl_orders', targetColumnId: 'col_orders_created' });
    expect(!r2.ok && r2.error.message).toMatch(/not a primary key or unique constraint|types differ/);
  });

  it('referenceTable creates <table>_id with the key type and a named foreign key', () => {
    const m = run(shopModel(), { type: 'referenceTable', tableId: 'tbl_audit', refTableId: 'tbl_orders' });
    const audit = table(m, 'audit_log');
    const col = audit.columns.find((c) => c.name === 'orders_id')!;
    expect(col.type).toEqual({ kind: 'builtin', name: 'bigint' });
    expect(col.identity).toBeUndefined();
    expect(audit.foreignKeys!.at(-1)).toMatchObject({ name: 'audit_log_orders_id_fkey', columnIds: [col.id], refTableId: 'tbl_orders' });
  });

  it('addManyToMany makes a junction with a composite primary key and two foreign keys', () => {
    const m = run(shopModel(), { type: 'addManyToMany', aTableId: 'tbl_users', bTableId: 'tbl_orders' });
    const j = table(m, 'users_orders');
    expect(j.columns.map((c) => c.name)).toEqual(['users_id', 'orders_id']);
    expect(j.primaryKey).toMatchObject({ name: 'users_orders_pkey', columnIds: j.columns.map((c) => c.id) });
    expect(j.foreignKeys!.map((f) => f.refTableId)).toEqual(['tbl_users', 'tbl_orders']);
  });

  it('addManyToMany on one table (self relation) gets two distinct columns', () => {
    const m = run(shopModel(), { type: 'addManyToMany', aTableId: 'tbl_users', bTableId: 'tbl_users' });
    const j = table(m, 'users_users');
    expect(j.columns.map((c) => c.name)).toEqual(['users_id', 'users_id_2']);
  });
});

describe('parts, enums, schemas, notes', () => {
  it('names new parts the PostgreSQL way and keeps them unique', () => {
    let m = run(shopModel(), { type: 'addPart', tableId: 'tbl_users', kind: 'indexes', part: { elements: [{ columnId: 'col_users_email' }] } });
    m = run(m, { type: 'addPart', tableId: 'tbl_users', kind: 'indexes', part: { elements: [{ columnId: 'col_users_email' }] } });
    m = run(m, { type: 'addPart', tableId: 'tbl_users', kind: 'uniques', part: { columnIds: ['col_users_email'] } });
    const u = table(m, 'users');
    expect(u.indexes!.map((i) => i.name)).toEqual(['users_email_idx', 'users_email_idx1']);
    expect(u.uniques!.map((x) => x.name)).toEqual(['users_email_key', 'users_email_key1']);
  });

  it('refuses parts that name columns the table (or the referenced table) does not have, changing nothing', () => {
    const m = shopModel();
    const refused = (cmd: Command, message: string) => {
      const r = runCommand(m, cmd);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toEqual({ code: 'column-missing', message });
    };
    refused({ type: 'addPart', tableId: 'tbl_users', kind: 'indexes', part: { elements: [{ columnId: 'x' }] } }, 'column x does not exist in users');
    refused({ type: 'addPart', tableId: 'tbl_users', kind: 'indexes', part: { elements: [{ columnId: 'col_users_email' }], include: ['col_orders_id'] } }, 'column col_orders_id does not exist in users');
    refused({ type: 'addPart', tableId: 'tbl_users', kind: 'uniques', part: { columnIds: ['col_users_email', 'x'] } }, 'column x does not exist in users');
    refused({ type: 'addPart', tableId: 'tbl_orders', kind: 'foreignKeys', part: { columnIds: ['x'], refTableId: 'tbl_users', refColumnIds: ['col_users_id'] } }, 'column x does not exist in orders');
    refused({ type: 'addPart', tableId: 'tbl_orders', kind: 'foreignKeys', part: { columnIds: ['col_orders_user'], refTableId: 'tbl_users', refColumnIds: ['col_orders_id'] } }, 'column col_orders_id does not exist in users');
    refused({ type: 'updatePart', tableId: 'tbl_orders', kind: 'indexes', id: table(m, 'orders').indexes![0]!.id, patch: { elements: [{ columnId: 'x' }] } }, 'column x does not exist in orders');
    refused({ type: 'updatePart', tableId: 'tbl_orders', kind: 'foreignKeys', id: 'fk_orders_user', patch: { refColumnIds: ['x'] } }, 'column x does not exist in users');
    refused({ type: 'updateTable', tableId: 'tbl_users', patch: { partitionBy: { strategy: 'hash', keys: [{ columnId: 'x' }] } } }, 'column x does not exist in users');
    const pk = runCommand(m, { type: 'setPrimaryKey', tableId: 'tbl_users', columnIds: ['x'] });
    expect(!pk.ok && pk.error.code).toBe('column-missing');
    // Expression elements and checks/policies carry no column ids and are still accepted.
    run(m, { type: 'addPart', tableId: 'tbl_users', kind: 'indexes', part: { elements: [{ expression: 'lower(email)' }] } });
    run(m, { type: 'addPart', tableId: 'tbl_users', kind: 'checks', part: { expression: 'length(email) > 3' } });
  });

  it('an index on the only column of a table whose column was deleted is refused (property seed 385804780)', () => {
    let m = run(shopModel(), { type: 'addTable', tableId: 'tbl_n' });
    m = run(m, { type: 'deleteColumn', tableId: 'tbl_n', columnId: table(m, 'new_table').columns[0]!.id });
    const r = runCommand(m, { type: 'addPart', tableId: 'tbl_n', kind: 'indexes', part: { elements: [{ columnId: 'x' }] } });
    expect(!r.ok && r.error.message).toBe('column x does not exist in new_table');
  });

  it('long names are cut to 63 bytes', () => {
    const long = 'x'.repeat(60);
    const m = run(shopModel(), { type: 'addTable', name: long });
    expect(new TextEncoder().encode(table(m, long).primaryKey!.name).length).toBeLessThanOrEqual(63);
  });

  it('deleteEnum and deleteSchema refuse while in use, naming the user', () => {
    const m = shopModel();
    const r = runCommand(m, { type: 'deleteEnum', enumId: 'enum_status' });
    expect(!r.ok && r.error.message).toBe('order_status is used by orders.status; change that column\'s type first');
    const r2 = runCommand(m, { type: 'deleteSchema', schemaId: 'sch_app' });
    expect(!r2.ok && r2.error.message).toMatch(/still holds audit_log/);
  });

  it('notes and areas are added, updated and removed', () => {
    let m = run(shopModel(), { type: 'addArea', areaId: 'a1', x: 0, y: 0, name: 'Billing' });
    m = run(m, { type: 'updateDecoration', kind: 'areas', id: 'a1', patch: { name: 'Money' } });
    expect(m.layout?.areas?.[0]?.name).toBe('Money');
    m = run(m, { type: 'deleteDecoration', kind: 'notes', id: 'note_1' });
    expect(m.layout?.notes).toBeUndefined();
  });

  it('an area holds the tables and notes lying entirely inside it', () => {
    // users (0,0) and orders (360,0) are 280 wide; audit_log is at (0,320); the note at (720,0) is 220x120.
    let m = run(shopModel(), { type: 'addArea', areaId: 'a1', x: -10, y: -10, width: 660, height: 300 });
    expect(areaContents(m, 'a1')).toEqual({ tableIds: ['tbl_users', 'tbl_orders'], noteIds: [] });
    // One pixel short of orders' right edge (360 + 280 = 640): it sticks out, so it stays.
    m = run(m, { type: 'updateDecoration', kind: 'areas', id: 'a1', patch: { width: 649 } });
    expect(areaContents(m, 'a1')).toEqual({ tableIds: ['tbl_users'], noteIds: [] });
    m = run(m, { type: 'updateDecoration', kind: 'areas', id: 'a1', patch: { width: 1000 } });
    expect(areaContents(m, 'a1')).toEqual({ tableIds: ['tbl_users', 'tbl_orders'], noteIds: ['note_1'] });
    // Heights come from the model (columns, or key columns when collapsed) unless the canvas gives sizes.
    expect(areaContents(m, 'a1', (id) => (id === 'tbl_users' ? { width: 280, height: 1000 } : undefined))!.tableIds).toEqual(['tbl_orders']);
    expect(areaContents(m, 'nope')).toBeUndefined();
  });

  it('moveArea moves the area and what it holds by the same delta; resizing moves nothing else', () => {
    let m = run(shopModel(), { type: 'addArea', areaId: 'a1', x: -10, y: -10, width: 1000, height: 300 });
    const resized = run(m, { type: 'updateDecoration', kind: 'areas', id: 'a1', patch: { x: -50, y: -60, width: 2000, height: 2000 } });
    expect(resized.layout?.tables).toEqual(m.layout?.tables);
    expect(resized.layout?.notes).toEqual(m.layout?.notes);
    const moved = run(m, { type: 'moveArea', areaId: 'a1', x: 90.4, y: -40 });
    expect(moved.layout?.areas?.[0]).toMatchObject({ x: 90, y: -40, width: 1000, height: 300 });
    expect(moved.layout?.tables).toEqual({ tbl_users: { x: 100, y: -30 }, tbl_orders: { x: 460, y: -30, color: '#f59e0b' }, tbl_audit: { x: 0, y: 320 } });
    expect(moved.layout?.notes?.[0]).toMatchObject({ x: 820, y: -30 });
    // Given contents (what the canvas saw at drag start, minus what was dragged on its own) win.
    m = run(m, { type: 'moveArea', areaId: 'a1', x: 0, y: 0, contents: { tableIds: ['tbl_orders'], noteIds: [] } });
    expect(m.layout?.tables?.tbl_orders).toMatchObject({ x: 370, y: 10 });
    expect(m.layout?.tables?.tbl_users).toEqual({ x: 0, y: 0 });
    expect(runCommand(m, { type: 'moveArea', areaId: 'nope', x: 0, y: 0 }).ok).toBe(false);
    expect(runCommand(m, { type: 'moveArea', areaId: 'a1', x: NaN, y: 0 }).ok).toBe(false);
    expect(runCommand(m, { type: 'moveArea', areaId: 'a1', x: 5, y: 0, contents: { tableIds: ['tbl_gone'], noteIds: [] } }).ok).toBe(false);
  });
});
