import { describe, expect, it } from 'vitest';
import { runCommand } from '@/lib/editor/commands';
import { EditorStore } from '@/lib/editor/store';
import { shopModel } from '@/lib/editor/fixtures';
import { applyModelPatch, isViewportOnly, makePatch } from './protocol';

describe('preview worker patches', () => {
  it('tells a pan or zoom from an edit, so findings are recomputed only for edits', () => {
    const store = new EditorStore(shopModel());
    const before = store.model;
    store.setViewport({ x: 10, y: 20, zoom: 0.3 });
    const pan = makePatch(before, store.model);
    expect(isViewportOnly(before, pan)).toBe(true);
    expect(applyModelPatch(before, pan).layout?.viewport).toEqual({ x: 10, y: 20, zoom: 0.3 });

    const moved = runCommand(store.model, { type: 'moveTables', positions: { tbl_orders: { x: 5, y: 5 } } });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(isViewportOnly(store.model, makePatch(store.model, moved.model))).toBe(false);

    const renamed = runCommand(store.model, { type: 'renameColumn', tableId: 'tbl_orders', columnId: 'col_orders_total', name: 'sum' });
    if (!renamed.ok) throw new Error(renamed.error.message);
    expect(isViewportOnly(store.model, makePatch(store.model, renamed.model))).toBe(false);

    const noted = runCommand(store.model, { type: 'addNote', x: 0, y: 0 });
    if (!noted.ok) throw new Error(noted.error.message);
    expect(isViewportOnly(store.model, makePatch(store.model, noted.model))).toBe(false);
  });
});
