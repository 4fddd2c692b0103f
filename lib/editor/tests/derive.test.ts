import { describe, expect, it } from 'vitest';
import { EdgeDeriver, NodeDeriver, nodeHeight, HEADER_HEIGHT, NODE_WIDTH, ROW_HEIGHT } from '../derive';
import { runCommand } from '../commands';
import { generatedModel, shopModel } from '../fixtures';
import { findInModel } from '../search';
import { locateFinding, problemsByTable } from '../findings';
import { buildElkGraph, placeResult } from '../layout';

const session = { selected: new Set<string>() };

describe('derived canvas nodes and edges', () => {
  it('gives each table exact size and one handle per column side, matching the row geometry', () => {
    const nodes = new NodeDeriver().derive(shopModel(), session);
    const orders = nodes.find((n) => n.id === 'tbl_orders')!;
    expect(orders.height).toBe(nodeHeight(5));
    expect(orders.measured).toEqual({ width: orders.width, height: orders.height });
    const h = orders.handles.find((x) => x.id === 'col_orders_total:r')!;
    // Inside the 1px table border, below the row's 1px top border (what the DOM measures: see editor.css).
    expect(h.y + h.height / 2).toBe(1 + HEADER_HEIGHT + 3 * ROW_HEIGHT + 1 + (ROW_HEIGHT - 1) / 2);
    expect(h.x).toBe(NODE_WIDTH - 1 - h.width / 2);
    expect(orders.handles.find((x) => x.id === 'header:l')).toMatchObject({ x: 1 - h.width / 2, y: 1 + HEADER_HEIGHT / 2 - h.height / 2 });
    expect(orders.data.rows.map((r) => r.name)).toEqual(['id', 'user_id', 'status', 'total', 'created_at']);
    expect(orders.data.rows[0]!.badges).toEqual(['pk', 'notnull', 'identity']);
    expect(orders.data.rows[2]!.type).toBe('order_status');
  });

  it('keeps node objects for unchanged tables (memoised by reference)', () => {
    const d = new NodeDeriver();
    const m = shopModel();
    const a = d.derive(m, session);
    const r = runCommand(m, { type: 'renameColumn', tableId: 'tbl_orders', columnId: 'col_orders_total', name: 'sum' });
    if (!r.ok) throw new Error(r.error.message);
    const b = d.derive(r.model, session);
    expect(b.find((n) => n.id === 'tbl_users')).toBe(a.find((n) => n.id === 'tbl_users'));
    expect(b.find((n) => n.id === 'tbl_orders')).not.toBe(a.find((n) => n.id === 'tbl_orders'));
  });

  it('a problem, selection, move or colour alone gives a new node that shares its rows and handles (same as building it anew)', () => {
    const d = new NodeDeriver();
    const m = shopModel();
    const a = d.derive(m, session).find((n) => n.id === 'tbl_orders')!;
    const problems = new Map([['tbl_orders', 'warning' as const]]);
    const moved = runCommand(m, { type: 'moveTables', positions: { tbl_orders: { x: 500, y: 40 } } });
    if (!moved.ok) throw new Error(moved.error.message);
    const colored = { ...moved.model, layout: { ...moved.model.layout, tables: { ...moved.model.layout!.tables, tbl_orders: { x: 500, y: 40, color: '#10b981' } } } };
    const change = { selected: new Set(['tbl_orders']), problems, schemaFilter: new Set(['sch_app']) };
    const b = d.derive(colored, change).find((n) => n.id === 'tbl_orders')!;
    expect(b).not.toBe(a);
    expect(b.data.rows).toBe(a.data.rows);
    expect(b.handles).toBe(a.handles);
    expect(b).toEqual(new NodeDeriver().derive(colored, change).find((n) => n.id === 'tbl_orders'));
    expect(b).toMatchObject({ position: { x: 500, y: 40 }, selected: true, hidden: true, data: { problem: 'warning', color: '#10b981' } });
    const c = d.derive(colored, session).find((n) => n.id === 'tbl_orders')!;
    expect(c).toEqual(new NodeDeriver().derive(colored, session).find((n) => n.id === 'tbl_orders'));
    expect('hidden' in c).toBe(false);
  });

  it('hands back the same arrays when nothing changed, and the same edges array after a rename that moves no edge', () => {
    const nodes = new NodeDeriver();
    const edges = new EdgeDeriver();
    const m = shopModel();
    const n1 = nodes.derive(m, session);
    const e1 = edges.derive(m, nodes, {});
    expect(nodes.derive(m, session)).toBe(n1);
    expect(edges.derive(m, nodes, {})).toBe(e1);
    const r = runCommand(m, { type: 'renameColumn', tableId: 'tbl_orders', columnId: 'col_orders_user', name: 'buyer_id' });
    if (!r.ok) throw new Error(r.error.message);
    const n2 = nodes.derive(r.model, session);
    expect(n2).not.toBe(n1);
    expect(edges.derive(r.model, nodes, {})).toBe(e1);
    const moved = runCommand(r.model, { type: 'moveTables', positions: { tbl_orders: { x: -2000, y: 0 } } });
    if (!moved.ok) throw new Error(moved.error.message);
    nodes.derive(moved.model, session);
    const e3 = edges.derive(moved.model, nodes, {});
    expect(e3).not.toBe(e1);
    expect(e3.find((e) => e.id === 'fk_orders_user')!.sourceHandle).toBe('col_orders_user:r');
    expect(edges.derive(moved.model, nodes, { hoveredEdge: 'fk_orders_user' }).find((e) => e.id === 'fk_orders_user')!.data.highlighted).toBe(true);
  });

  it('routes edges between the exact column rows with crow\'s-foot ends; self references render', () => {
    const nodes = new NodeDeriver();
    const m = shopModel();
    nodes.derive(m, session);
    const edges = new EdgeDeriver().derive(m, nodes, {});
    const fk = edges.find((e) => e.id === 'fk_orders_user')!;
    expect(fk).toMatchObject({ source: 'tbl_orders', target: 'tbl_users', sourceHandle: 'col_orders_user:l', targetHandle: 'col_users_id:r' });
    expect(fk.data).toMatchObject({ sourceEnd: 'many', targetEnd: 'one' });
    const actor = edges.find((e) => e.id === 'fk_audit_actor')!;
    expect(actor.data.targetEnd).toBe('zero-one');
    const self = edges.find((e) => e.id === 'fk_audit_parent')!;
    expect(self.data.self).toBe(true);
    expect(self.sourceHandle.endsWith(':r') && self.targetHandle.endsWith(':r')).toBe(true);
  });

  it('collapsed mode keeps key columns and sends hidden ends to the header', () => {
    const nodes = new NodeDeriver();
    const m = shopModel();
    const out = nodes.derive(m, { ...session, collapsedAll: true });
    expect(out.find((n) => n.id === 'tbl_orders')!.data.rows.map((r) => r.name)).toEqual(['id', 'user_id']);
    expect(out.find((n) => n.id === 'tbl_orders')!.data.hiddenColumns).toBe(3);
  });

  it('schema filter hides tables of other schemas and their edges', () => {
    const nodes = new NodeDeriver();
    const m = shopModel();
    const out = nodes.derive(m, { ...session, schemaFilter: new Set(['schema_public']) });
    expect(out.find((n) => n.id === 'tbl_audit')!.hidden).toBe(true);
    const edges = new EdgeDeriver().derive(m, nodes, { schemaFilter: new Set(['schema_public']) });
    expect(edges.find((e) => e.id === 'fk_audit_actor')!.hidden).toBe(true);
  });
});

describe('search, findings, layout graph', () => {
  it('finds tables and columns, exact matches first', () => {
    const hits = findInModel(shopModel(), 'user');
    expect(hits[0]).toMatchObject({ kind: 'table', label: 'users' });
    expect(hits.some((h) => h.kind === 'column' && h.label === 'orders.user_id')).toBe(true);
  });

  it('locates findings by path and id', () => {
    const m = shopModel();
    expect(locateFinding(m, { severity: 'error', message: '', path: 'tables[1].columns[3].name', id: 'col_orders_total' })).toMatchObject({ tableId: 'tbl_orders', columnId: 'col_orders_total', field: 'name' });
    expect(locateFinding(m, { severity: 'error', message: '', path: '', id: 'fk_audit_actor' })).toMatchObject({ tableId: 'tbl_audit' });
    expect(problemsByTable(m, [{ severity: 'warning', message: '', path: 'tables[0].name' }, { severity: 'error', message: '', path: 'tables[0].columns[0]' }]).get('tbl_users')).toBe('error');
    // Advice (info) puts no marker on the canvas; a warning beside it still does.
    expect(problemsByTable(m, [{ severity: 'info', message: '', path: 'tables[0].name' }]).has('tbl_users')).toBe(false);
    expect(problemsByTable(m, [{ severity: 'info', message: '', path: 'tables[0].name' }, { severity: 'warning', message: '', path: 'tables[0].columns[0]' }]).get('tbl_users')).toBe('warning');
  });

  it('builds an ELK graph from referenced to referencing tables and places a partial layout where it was', () => {
    const m = generatedModel(6);
    const g = buildElkGraph(m);
    expect(g.children).toHaveLength(6);
    for (const e of g.edges) expect(m.tables.find((t) => t.id === e.targets[0])!.foreignKeys!.some((fk) => fk.refTableId === e.sources[0])).toBe(true);
    const pos = placeResult(m, { children: [{ id: 't1', x: 0, y: 0 }, { id: 't2', x: 400, y: 10 }] }, true);
    const l = m.layout!.tables!;
    expect(pos.t1).toEqual({ x: Math.min(l.t1!.x, l.t2!.x), y: Math.min(l.t1!.y, l.t2!.y) });
  });
});
