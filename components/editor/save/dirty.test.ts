/** What the autosave treats as an edit: every command's change, but never the viewport alone. */
import { describe, expect, it } from 'vitest';
import { EditorStore } from '@/lib/editor/store';
import { shopModel } from '@/lib/editor/fixtures';
import { differsBeyondViewport } from './dirty';

describe('differsBeyondViewport', () => {
  it('ignores pan and zoom, with or without a layout before', () => {
    for (const start of [shopModel(), { ...shopModel(), layout: undefined }]) {
      const store = new EditorStore(start);
      store.setViewport({ x: 10, y: -20, zoom: 0.5 });
      store.setViewport({ x: 30, y: 40, zoom: 1.25 });
      expect(differsBeyondViewport(start, store.model)).toBe(false);
    }
  });

  it('sees table, column, note, area and position edits, also next to a viewport change', () => {
    const start = shopModel();
    const table = start.tables[0]!;
    const edits = [
      { type: 'addTable', position: { x: 0, y: 0 } },
      { type: 'renameColumn', tableId: table.id, columnId: table.columns[0]!.id, name: 'renamed' },
      { type: 'addNote', x: 1, y: 2 },
      { type: 'addArea', x: 1, y: 2 },
      { type: 'moveTables', positions: { [table.id]: { x: 999, y: 999 } } },
      { type: 'setTargetVersion', version: 13 },
    ] as const;
    for (const cmd of edits) {
      const store = new EditorStore(start);
      store.setViewport({ x: 5, y: 5, zoom: 2 });
      const r = store.dispatch(cmd as never);
      expect(r.ok, JSON.stringify(cmd)).toBe(true);
      expect(differsBeyondViewport(start, store.model), cmd.type).toBe(true);
      expect(differsBeyondViewport(store.model, store.model)).toBe(false);
    }
  });

  it('an undo back to the saved model is not an edit', () => {
    const start = shopModel();
    const store = new EditorStore(start);
    store.dispatch({ type: 'addNote', x: 0, y: 0 });
    expect(differsBeyondViewport(start, store.model)).toBe(true);
    store.undo();
    expect(differsBeyondViewport(start, store.model)).toBe(false);
  });
});
