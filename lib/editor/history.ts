/**
 * Record diffs and the undo history. The model is treated as a set of records: each top-level collection
 * (tables, enums, ...) and each layout part is one field. A transaction's diff holds, for every field it
 * changed, the value before and after (immutable, structurally shared, so cheap). The history keeps these
 * diffs between marks: consecutive commands of one gesture squash into one entry, so one undo undoes it.
 * The viewport is deliberately not a diff field: it never enters history.
 */
import type { Layout, Model } from '@/lib/model';

export const DIFF_FIELDS = [
  'name', 'settings', 'schemas', 'extensions', 'enums', 'sequences', 'tables', 'roles', 'sqlObjects', 'security',
  'layout.tables', 'layout.notes', 'layout.areas',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export type Diff = Partial<Record<DiffField, { before: unknown; after: unknown }>>;

export function readField(model: Model, field: DiffField): unknown {
  switch (field) {
    case 'layout.tables': return model.layout?.tables;
    case 'layout.notes': return model.layout?.notes;
    case 'layout.areas': return model.layout?.areas;
    default: return model[field];
  }
}

/** writeField returns a new model with one field replaced; undefined removes an optional field. */
export function writeField(model: Model, field: DiffField, value: unknown): Model {
  if (field.startsWith('layout.')) {
    const key = field.slice('layout.'.length) as 'tables' | 'notes' | 'areas';
    const layout: Record<string, unknown> = { ...(model.layout ?? {}) };
    if (value === undefined) delete layout[key]; else layout[key] = value;
    const next = { ...model } as Record<string, unknown>;
    if (Object.keys(layout).length === 0) delete next.layout; else next.layout = layout as Layout;
    return next as Model;
  }
  const next = { ...model } as Record<string, unknown>;
  if (value === undefined) delete next[field]; else next[field] = value;
  return next as Model;
}

/** diffModels compares two model versions field by field (by reference: commands copy what they change). */
export function diffModels(before: Model, after: Model): Diff {
  const diff: Diff = {};
  for (const field of DIFF_FIELDS) {
    const a = readField(before, field);
    const b = readField(after, field);
    if (a !== b) diff[field] = { before: a, after: b };
  }
  return diff;
}

export function isEmptyDiff(diff: Diff): boolean {
  return Object.keys(diff).length === 0;
}

/** squash merges a later diff into an earlier one: earliest before, latest after. */
export function squash(first: Diff, second: Diff): Diff {
  const out: Diff = { ...first };
  for (const [field, change] of Object.entries(second) as [DiffField, { before: unknown; after: unknown }][]) {
    const prev = out[field];
    out[field] = prev ? { before: prev.before, after: change.after } : change;
  }
  return out;
}

export function applyDiff(model: Model, diff: Diff, direction: 'undo' | 'redo'): Model {
  let next = model;
  for (const [field, change] of Object.entries(diff) as [DiffField, { before: unknown; after: unknown }][]) {
    next = writeField(next, field, direction === 'undo' ? change.before : change.after);
  }
  return next;
}

export interface HistoryEntry {
  readonly label: string;
  readonly diff: Diff;
  /** Commands carrying the same gesture key while the entry is open squash into it. */
  readonly gesture?: string;
}

/** History is an undo stack of diffs plus a redo stack; it knows nothing of the model's contents. */
export class History {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private openGesture: string | undefined;

  constructor(private readonly limit = 500) {}

  record(label: string, diff: Diff, gesture?: string): void {
    if (isEmptyDiff(diff)) return;
    this.redoStack = [];
    const last = this.undoStack[this.undoStack.length - 1];
    if (gesture !== undefined && last && this.openGesture === gesture && last.gesture === gesture) {
      this.undoStack[this.undoStack.length - 1] = { label: last.label, diff: squash(last.diff, diff), gesture };
      return;
    }
    this.undoStack.push({ label, diff, gesture });
    this.openGesture = gesture;
    if (this.undoStack.length > this.limit) this.undoStack.shift();
  }

  /** endGesture closes the open gesture: the next command starts a new undo step. */
  endGesture(): void {
    this.openGesture = undefined;
  }

  popUndo(): HistoryEntry | undefined {
    this.openGesture = undefined;
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    return entry;
  }

  popRedo(): HistoryEntry | undefined {
    this.openGesture = undefined;
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    return entry;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.openGesture = undefined;
  }

  get canUndo(): boolean { return this.undoStack.length > 0; }
  get canRedo(): boolean { return this.redoStack.length > 0; }
  get undoLabel(): string | undefined { return this.undoStack[this.undoStack.length - 1]?.label; }
  get redoLabel(): string | undefined { return this.redoStack[this.redoStack.length - 1]?.label; }
}
