'use client';
/** useEditorActions builds the ActionContext (what shortcuts, toolbar and palette do) for the editor. */
import { useMemo, type RefObject } from 'react';
import { useReactFlow } from '@xyflow/react';
import { buildElkGraph, placeResult } from '@/lib/editor/layout';
import { NODE_WIDTH } from '@/lib/editor/derive';
import type { EditorEnv } from './context';
import type { ActionContext } from './shell/actions';
import { runLayout } from './workers/runLayout';
import { isLodHidden } from './canvas/useFlowElements';

interface Options {
  env: EditorEnv;
  searchRef: RefObject<HTMLInputElement | null>;
  setBusy: (s: string | undefined) => void;
  setDark: (f: (d: boolean) => boolean) => void;
  setPalette: (o: boolean) => void;
  setHelp: (o: boolean) => void;
  saveNow: () => void;
}

export function useEditorActions({ env, searchRef, setBusy, setDark, setPalette, setHelp, saveNow }: Options): ActionContext {
  const flow = useReactFlow();
  return useMemo<ActionContext>(() => {
    const { store, session, dispatch } = env;
    // Tables the zoomed-out canvas draws are hidden from React Flow but still count for "fit".
    const fitAll = () => void flow.fitView({ padding: 0.1, duration: 200, includeHiddenNodes: true, nodes: flow.getNodes().filter((n) => !n.hidden || isLodHidden(n)) });
    const selectedTables = () => [...session.getSnapshot().selected].filter((id) => store.model.tables.some((t) => t.id === id));
    const center = () => {
      const el = document.querySelector('.pgc-canvas');
      const r = el?.getBoundingClientRect();
      return flow.screenToFlowPosition({ x: (r?.left ?? 0) + (r?.width ?? 800) / 2, y: (r?.top ?? 0) + (r?.height ?? 600) / 2 });
    };
    const layout = async (selectedOnly: boolean) => {
      const ids = selectedOnly ? selectedTables() : undefined;
      if (selectedOnly && (!ids || ids.length < 2)) { session.notify('info', 'Select at least two tables to lay them out.'); return; }
      setBusy('Laying out…');
      try {
        const result = await runLayout(buildElkGraph(store.model, ids, session.getSnapshot().collapsedAll));
        const positions = placeResult(store.model, result, Boolean(ids));
        dispatch({ type: 'moveTables', positions });
        if (!ids) setTimeout(fitAll, 50);
      } catch (e) {
        session.notify('error', `Auto-layout failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setBusy(undefined);
      }
    };
    return {
      undo: () => { store.undo(); },
      redo: () => { store.redo(); },
      addTable: () => {
        const c = center();
        const r = dispatch({ type: 'addTable', position: { x: Math.round(c.x - NODE_WIDTH / 2), y: Math.round(c.y - 40) } });
        if (r.ok && r.created[0]) session.focusObject(r.created[0], undefined, 'name');
      },
      addNote: () => { const c = center(); dispatch({ type: 'addNote', x: c.x, y: c.y }); },
      addArea: () => { const c = center(); dispatch({ type: 'addArea', x: c.x - 300, y: c.y - 200 }); },
      deleteSelection: () => {
        const ids = selectedTables();
        const decos = [...session.getSnapshot().selected].filter((id) => id.includes(':'));
        if (ids.length) dispatch({ type: 'deleteTables', tableIds: ids }, { gesture: `delete:${Date.now()}` });
        for (const d of decos) { const [kind, id] = d.split(':', 2) as ['notes' | 'areas', string]; dispatch({ type: 'deleteDecoration', kind, id }); }
        store.endGesture();
        session.select([]);
      },
      duplicateSelection: () => {
        const ids = selectedTables();
        if (!ids.length) return;
        const r = dispatch({ type: 'duplicateTables', tableIds: ids });
        if (r.ok) session.select(r.created);
      },
      selectAll: () => session.select(store.model.tables.map((t) => t.id)),
      autoLayout: (selectedOnly) => void layout(selectedOnly),
      fitView: fitAll,
      find: () => searchRef.current?.focus(),
      toggleCollapsed: () => session.update({ collapsedAll: !session.getSnapshot().collapsedAll }),
      toggleDark: () => setDark((d) => !d),
      openPalette: () => setPalette(true),
      openHelp: () => setHelp(true),
      manyToMany: () => {
        const ids = selectedTables();
        if (ids.length !== 2) { session.notify('info', 'Select exactly two tables for a many-to-many relation.'); return; }
        const r = dispatch({ type: 'addManyToMany', aTableId: ids[0]!, bTableId: ids[1]! });
        if (r.ok && r.created[0]) session.focusObject(r.created[0]);
      },
      saveNow,
    };
  }, [env, flow, searchRef, setBusy, setDark, setPalette, setHelp, saveNow]);
}
