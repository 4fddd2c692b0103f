'use client';
/**
 * Editor actions: one list used by the keyboard shortcuts, the command palette and the help dialog,
 * so the three never disagree. `keys` is for display; `match` decides on a keydown.
 */
export interface ActionContext {
  undo(): void;
  redo(): void;
  addTable(): void;
  addNote(): void;
  addArea(): void;
  deleteSelection(): void;
  duplicateSelection(): void;
  selectAll(): void;
  autoLayout(selectedOnly: boolean): void;
  fitView(): void;
  find(): void;
  toggleCollapsed(): void;
  toggleDark(): void;
  openPalette(): void;
  openHelp(): void;
  manyToMany(): void;
  saveNow(): void;
}

export interface EditorAction {
  readonly id: string;
  readonly label: string;
  readonly keys?: string;
  /** Runs even while typing in a field (undo/redo inside inputs stay the browser's own). */
  readonly global?: boolean;
  match?(e: KeyboardEvent): boolean;
  run(ctx: ActionContext): void;
}

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

export const ACTIONS: readonly EditorAction[] = [
  { id: 'undo', label: 'Undo', keys: 'Ctrl/Cmd+Z', global: true, match: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: (c) => c.undo() },
  { id: 'redo', label: 'Redo', keys: 'Shift+Ctrl/Cmd+Z or Ctrl+Y', global: true, match: (e) => mod(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'), run: (c) => c.redo() },
  { id: 'palette', label: 'Command palette', keys: 'Ctrl/Cmd+K', global: true, match: (e) => mod(e) && e.key.toLowerCase() === 'k', run: (c) => c.openPalette() },
  { id: 'find', label: 'Find table or column', keys: 'Ctrl/Cmd+F or /', global: true, match: (e) => (mod(e) && e.key.toLowerCase() === 'f'), run: (c) => c.find() },
  { id: 'find-slash', label: 'Find table or column', match: (e) => !mod(e) && e.key === '/', run: (c) => c.find() },
  { id: 'add-table', label: 'Add table', keys: 'T (or double-click the canvas)', match: (e) => !mod(e) && !e.altKey && e.key.toLowerCase() === 't', run: (c) => c.addTable() },
  { id: 'add-note', label: 'Add note', keys: 'N', match: (e) => !mod(e) && !e.altKey && e.key.toLowerCase() === 'n', run: (c) => c.addNote() },
  { id: 'add-area', label: 'Add area', keys: 'G', match: (e) => !mod(e) && !e.altKey && e.key.toLowerCase() === 'g', run: (c) => c.addArea() },
  { id: 'delete', label: 'Delete selected tables', keys: 'Delete / Backspace', match: (e) => e.key === 'Delete' || e.key === 'Backspace', run: (c) => c.deleteSelection() },
  { id: 'duplicate', label: 'Duplicate selected tables', keys: 'Ctrl/Cmd+D', match: (e) => mod(e) && e.key.toLowerCase() === 'd', run: (c) => c.duplicateSelection() },
  { id: 'select-all', label: 'Select all tables', keys: 'Ctrl/Cmd+A', match: (e) => mod(e) && e.key.toLowerCase() === 'a', run: (c) => c.selectAll() },
  { id: 'layout', label: 'Auto-layout all tables', keys: 'Shift+L', match: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'l', run: (c) => c.autoLayout(false) },
  { id: 'layout-selected', label: 'Auto-layout selected tables', keys: 'Alt+Shift+L', match: (e) => e.shiftKey && e.altKey && e.code === 'KeyL', run: (c) => c.autoLayout(true) },
  { id: 'fit', label: 'Fit view', keys: 'Shift+1', match: (e) => e.shiftKey && e.code === 'Digit1', run: (c) => c.fitView() },
  { id: 'collapse', label: 'Toggle collapsed mode (key columns only)', keys: 'C', match: (e) => !mod(e) && !e.altKey && e.key.toLowerCase() === 'c', run: (c) => c.toggleCollapsed() },
  { id: 'm2m', label: 'Many-to-many between the two selected tables', run: (c) => c.manyToMany() },
  { id: 'dark', label: 'Toggle dark mode', keys: 'Shift+D', match: (e) => e.shiftKey && !mod(e) && e.key.toLowerCase() === 'd', run: (c) => c.toggleDark() },
  { id: 'save', label: 'Save now', keys: 'Ctrl/Cmd+S', global: true, match: (e) => mod(e) && e.key.toLowerCase() === 's', run: (c) => c.saveNow() },
  { id: 'help', label: 'Keyboard shortcuts', keys: '?', global: false, match: (e) => e.key === '?', run: (c) => c.openHelp() },
];

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || Boolean(el.closest('.cm-editor'));
}

/** handleKey finds the action for a keydown; typing in a field only lets `global` actions through. */
export function actionForKey(e: KeyboardEvent): EditorAction | undefined {
  const typing = isTyping(e.target);
  return ACTIONS.find((a) => a.match?.(e) && (!typing || a.global));
}
