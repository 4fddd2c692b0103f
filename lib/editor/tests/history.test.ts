import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Model } from '@/lib/model';
import { EditorStore } from '../store';
import type { Command } from '../commands';
import { generatedModel, shopModel } from '../fixtures';
import { danglingReferences } from './integrity';

describe('EditorStore history', () => {
  it('undo restores exactly and redo re-applies', () => {
    const original = shopModel();
    const store = new EditorStore(original);
    store.dispatch({ type: 'renameColumn', tableId: 'tbl_users', columnId: 'col_users_email', name: 'mail' });
    const renamed = store.model;
    expect(store.undo()).toBe(true);
    expect(store.model).toEqual(original);
    expect(store.redo()).toBe(true);
    expect(store.model).toEqual(renamed);
  });

  it('one gesture is one undo step; ending the gesture starts a new one', () => {
    const store = new EditorStore(shopModel());
    for (const name of ['e', 'em', 'ema', 'emai']) store.dispatch({ type: 'renameColumn', tableId: 'tbl_users', columnId: 'col_users_email', name }, { gesture: 'rename:email' });
    store.endGesture();
    store.dispatch({ type: 'renameColumn', tableId: 'tbl_users', columnId: 'col_users_email', name: 'x' }, { gesture: 'rename:email' });
    store.undo();
    expect(store.model.tables[0]!.columns[1]!.name).toBe('emai');
    store.undo();
    expect(store.model.tables[0]!.columns[1]!.name).toBe('email');
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('a different gesture key or a plain command starts a new step', () => {
    const store = new EditorStore(shopModel());
    store.dispatch({ type: 'renameTable', tableId: 'tbl_users', name: 'a' }, { gesture: 'g1' });
    store.dispatch({ type: 'renameTable', tableId: 'tbl_users', name: 'b' }, { gesture: 'g2' });
    store.undo();
    expect(store.model.tables[0]!.name).toBe('a');
  });

  it('deleting a table and its incoming foreign keys is one undo step', () => {
    const original = shopModel();
    const store = new EditorStore(original);
    store.dispatch({ type: 'deleteTables', tableIds: ['tbl_users'] });
    store.undo();
    expect(store.model).toEqual(original);
  });

  it('load is not undoable and clears history; refused commands change nothing', () => {
    const store = new EditorStore(shopModel());
    store.dispatch({ type: 'addTable' });
    store.load(generatedModel(3));
    expect(store.getSnapshot().canUndo).toBe(false);
    expect(store.undo()).toBe(false);
    const before = store.getSnapshot();
    const r = store.dispatch({ type: 'deleteEnum', enumId: 'nope' });
    expect(r.ok).toBe(false);
    expect(store.getSnapshot()).toBe(before);
  });

  it('the viewport never enters history and survives undo', () => {
    const store = new EditorStore(shopModel());
    store.dispatch({ type: 'moveTables', positions: { tbl_users: { x: 5, y: 5 } } });
    store.setViewport({ x: 1, y: 2, zoom: 0.5 });
    store.undo();
    expect(store.model.layout?.viewport).toEqual({ x: 1, y: 2, zoom: 0.5 });
    expect(store.model.layout?.tables?.tbl_users).toEqual({ x: 0, y: 0 });
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('dragging an area is one undo step that restores the area, its tables and notes exactly', () => {
    const original = shopModel();
    const store = new EditorStore(original);
    store.dispatch({ type: 'addArea', areaId: 'a1', x: -20, y: -20, width: 700, height: 300 });
    store.dispatch({ type: 'addNote', noteId: 'n2', x: 10, y: 200 });
    const before = store.model;
    const gesture = 'drag:1';
    store.dispatch({ type: 'moveArea', areaId: 'a1', x: 80, y: 30 }, { gesture });
    store.dispatch({ type: 'moveTables', positions: { tbl_audit: { x: 50, y: 400 } } }, { gesture });
    store.endGesture();
    expect(store.model.layout?.tables?.tbl_users).toEqual({ x: 100, y: 50 });
    expect(store.model.layout?.tables?.tbl_audit).toEqual({ x: 50, y: 400 });
    expect(store.undo()).toBe(true);
    expect(store.model).toEqual(before);
    expect(store.undo()).toBe(true);
    expect(store.undo()).toBe(true);
    expect(store.model).toEqual(original);
  });

  it('a new command after undo drops the redo stack', () => {
    const store = new EditorStore(shopModel());
    store.dispatch({ type: 'addTable' });
    store.undo();
    store.dispatch({ type: 'addEnum' });
    expect(store.redo()).toBe(false);
  });
});

/** Random commands over whatever the current model holds, so sequences stay meaningful. */
function commandArb(): fc.Arbitrary<(m: Model) => Command> {
  const pick = <T>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  return fc.oneof(
    fc.nat().map((i) => (m: Model): Command => ({ type: 'addTable', schemaId: pick(m.schemas, i)?.id })),
    fc.nat().map((i) => (m: Model): Command => ({ type: 'deleteTables', tableIds: [pick(m.tables, i)?.id ?? 'x'] })),
    fc.tuple(fc.nat(), fc.string({ maxLength: 8 })).map(([i, s]) => (m: Model): Command => ({ type: 'renameTable', tableId: pick(m.tables, i)?.id ?? 'x', name: s })),
    fc.tuple(fc.nat(), fc.integer({ min: -500, max: 500 })).map(([i, d]) => (m: Model): Command => ({ type: 'moveTables', positions: { [pick(m.tables, i)?.id ?? 'x']: { x: d, y: -d } } })),
    fc.nat().map((i) => (m: Model): Command => ({ type: 'addColumn', tableId: pick(m.tables, i)?.id ?? 'x' })),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (m: Model): Command => {
      const t = pick(m.tables, i);
      return { type: 'deleteColumn', tableId: t?.id ?? 'x', columnId: pick(t?.columns ?? [], j)?.id ?? 'x' };
    }),
    fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 6 })).map(([i, j, s]) => (m: Model): Command => {
      const t = pick(m.tables, i);
      return { type: 'renameColumn', tableId: t?.id ?? 'x', columnId: pick(t?.columns ?? [], j)?.id ?? 'x', name: s };
    }),
    fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -3, max: 3 })).map(([i, j, d]) => (m: Model): Command => {
      const t = pick(m.tables, i);
      return { type: 'moveColumn', tableId: t?.id ?? 'x', columnId: pick(t?.columns ?? [], j)?.id ?? 'x', delta: d };
    }),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (m: Model): Command => ({ type: 'referenceTable', tableId: pick(m.tables, i)?.id ?? 'x', refTableId: pick(m.tables, j)?.id ?? 'x' })),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (m: Model): Command => ({ type: 'addManyToMany', aTableId: pick(m.tables, i)?.id ?? 'x', bTableId: pick(m.tables, j)?.id ?? 'x' })),
    fc.nat().map((i) => (m: Model): Command => ({ type: 'duplicateTables', tableIds: m.tables.length ? [pick(m.tables, i)!.id] : [] })),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (m: Model): Command => {
      const t = pick(m.tables, i);
      return { type: 'togglePrimaryKeyColumn', tableId: t?.id ?? 'x', columnId: pick(t?.columns ?? [], j)?.id ?? 'x' };
    }),
    fc.nat().map((i) => (m: Model): Command => ({ type: 'addPart', tableId: pick(m.tables, i)?.id ?? 'x', kind: 'indexes', part: { elements: [{ columnId: pick(m.tables, i)?.columns[0]?.id ?? 'x' }] } })),
    fc.constant((): Command => ({ type: 'addEnum' })),
    fc.nat().map((i) => (m: Model): Command => ({ type: 'deleteEnum', enumId: pick(m.enums ?? [], i)?.id ?? 'x' })),
    fc.nat().map((i) => (m: Model): Command => ({ type: 'addNote', x: i, y: i })),
    fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), fc.integer({ min: 300, max: 1200 })).map(([x, y, w]) => (): Command => ({ type: 'addArea', x, y, width: w, height: w })),
    fc.tuple(fc.nat(), fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 })).map(([i, x, y]) => (m: Model): Command => ({ type: 'moveArea', areaId: pick(m.layout?.areas ?? [], i)?.id ?? 'x', x, y })),
  );
}

describe('property: random command sequences', () => {
  it('undo of everything gives back the original model; redo of everything gives back the final one; references stay whole', () => {
    fc.assert(fc.property(fc.array(commandArb(), { maxLength: 25 }), fc.array(fc.boolean(), { maxLength: 25 }), (makers, gestures) => {
      const original = shopModel();
      const store = new EditorStore(original);
      makers.forEach((make, i) => {
        store.dispatch(make(store.model), gestures[i] ? { gesture: 'g' } : {});
        if (!gestures[i]) store.endGesture();
      });
      expect(danglingReferences(store.model)).toEqual([]);
      const final = store.model;
      while (store.undo()) { /* all the way back */ }
      expect(store.model).toEqual(original);
      while (store.redo()) { /* and forward again */ }
      expect(store.model).toEqual(final);
    }), { numRuns: 300 });
  });
});
